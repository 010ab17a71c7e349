"""The house: which module may import which, the documents registry, loading from git, and positions out of equality."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO, edit, invoke, loaded

from coord import documents, output
from coord.build import build
from coord.checks import CHECKS, CheckOptions, run_checks, validate
from coord.cli import main
from coord.documents import Document, Item
from coord.load import INPUTS, load_folder
from coord.sources import GitSource

PACKAGE = REPO / "coord"


# ---- import direction ---------------------------------------------------------------


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every coord module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coord"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("coord"))
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    return {name for name in found if name in modules}


GRAPH = {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def in_layer(module: str, *layers: str) -> bool:
    return any(module == layer or module.startswith(layer + ".") for layer in layers)


DATA_LAYER = ("coord.model", "coord.load", "coord.sources", "coord.kinds", "coord.values", "coord.plan", "coord.privacy")
#: The rooms of publishing: above the documents and below the CLI, each with its one concern.
PUBLISHING = ("coord.publish", "coord.changes", "coord.revisions", "coord.distribution", "coord.mail", "coord.scaffold")
BELOW_PUBLISHING = ("coord.checks", "coord.documents", "coord.build", "coord.cli", "coord.render", "coord.output")


def publishing_but(*allowed: str) -> tuple[str, ...]:
    """The rooms of publishing other than `allowed`: each of them keeps to its own concern."""
    return tuple(room for room in PUBLISHING if room not in allowed)


@pytest.mark.parametrize(
    ("importer", "forbidden"),
    [
        ("coord.render", (*DATA_LAYER, "coord.checks", "coord.documents", "coord.build", "coord.cli")),
        # what each typesetting worker loads: Typst and the error class, nothing of productions or rendering
        ("coord.typesetting", (*DATA_LAYER, *BELOW_PUBLISHING, "coord.exports", "coord.findings", *PUBLISHING)),
        ("coord.output", (*DATA_LAYER, "coord.checks", "coord.documents", "coord.build", "coord.cli", "coord.render")),
        ("coord.exports", (*DATA_LAYER, "coord.checks", "coord.documents", "coord.build", "coord.cli", "coord.render")),
        (
            "coord.documents",
            ("coord.checks", "coord.build", "coord.cli", "coord.render", "coord.output", "coord.exports", *PUBLISHING),
        ),
        (
            "coord.checks",
            (
                "coord.documents",
                "coord.build",
                "coord.cli",
                "coord.render",
                "coord.output",
                "coord.exports",
                *publishing_but("coord.distribution"),
            ),
        ),
        # what changed: the model and the words the documents share; never how it is rendered, recorded or sent
        (
            "coord.changes",
            ("coord.checks", "coord.build", "coord.cli", "coord.render", "coord.output", *publishing_but("coord.changes")),
        ),
        # the git record, who gets what (the checks use it too), messages, a new folder: each its own concern only
        ("coord.revisions", (*BELOW_PUBLISHING, *publishing_but("coord.revisions"))),
        ("coord.distribution", (*BELOW_PUBLISHING, *publishing_but("coord.distribution"))),
        (
            "coord.mail",
            (*DATA_LAYER, "coord.checks", "coord.documents", "coord.build", "coord.cli", *publishing_but("coord.mail")),
        ),
        ("coord.scaffold", (*DATA_LAYER, *BELOW_PUBLISHING, *publishing_but("coord.scaffold"))),
        (
            "coord.model",
            ("coord.worktime", "coord.checks", "coord.plan", "coord.load", "coord.documents", "coord.findings.Findings"),
        ),
        ("coord.load", ("coord.checks", "coord.documents", "coord.build", "coord.render")),
        ("coord.plan", ("coord.checks", "coord.documents", "coord.build", "coord.render")),
    ],
)
def test_imports_run_one_way(importer: str, forbidden: tuple[str, ...]) -> None:
    wrong = {
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if in_layer(module, importer)
        for target in targets
        if in_layer(target, *forbidden)
    }
    assert not wrong


def test_only_the_cli_and_publishing_import_the_build_and_nothing_imports_the_cli() -> None:
    assert {m for m, targets in GRAPH.items() if "coord.cli" in targets} == {"coord.__main__"}
    assert {m for m, targets in GRAPH.items() if "coord.build" in targets} == {"coord.cli", "coord.publish"}
    assert {m for m, targets in GRAPH.items() if "coord.publish" in targets} == {"coord.cli"}


def test_every_package_says_what_belongs_there_and_who_may_import_it() -> None:
    for package in ("coord.checks", "coord.documents"):
        doc = ast.get_docstring(ast.parse((PACKAGE / package.split(".")[1] / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "What belongs here" in doc and "import" in doc


# ---- the documents registry ----------------------------------------------------------------


def test_every_registered_document_has_a_command_its_templates_and_known_inputs() -> None:
    packaged = REPO / "templates"
    for name, doc in documents.registry().items():
        assert set(doc.inputs) <= set(INPUTS), name
        assert doc.name in main.commands or (doc.name == "calendar" and "calendar" in main.commands)
        for fmt in doc.formats:
            ending = {"pdf": "typ", "html": "html.j2", "md": "md.j2", "docx": "md.j2"}[fmt]
            assert (packaged / f"{doc.name}.{ending}").is_file(), f"{doc.name}.{ending}"


def test_a_new_document_needs_only_its_module_and_templates(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What docs/developing.md shows: register a Document, give it templates, build it; the build loop is not touched."""
    registry = dict(documents.registry())
    monkeypatch.setattr(documents, "_DOCUMENTS", registry)

    def make(folder: object, greeting: str) -> list[Item]:
        return [Item("hello", {"greeting": greeting, "rows": [["a", "b"]]}, {"csv": [["a", "b"]]})]

    documents.register(Document("hello", "greeting", ("production",), "hello", make, formats=("md",), exports=("csv",)))
    (minimal / "templates").mkdir()
    (minimal / "templates" / "hello.md.j2").write_text("# {{ greeting }}\n", encoding="utf-8")
    outcome = build(minimal, "hello", ["md", "csv"], greeting="Moin *all*")
    assert [p.name for p in outcome.written] == ["hello.md", "hello.csv"]
    assert (minimal / "out" / "hello" / "hello.md").read_text(encoding="utf-8") == "# Moin \\*all\\*\n"


def test_a_template_for_one_day_wins_over_the_documents_own(minimal: Path, tmp_path: Path) -> None:
    (minimal / "templates").mkdir()
    (minimal / "templates" / "callsheet.day-02.md.j2").write_text("Night shoot: {{ day.of }}\n", encoding="utf-8")
    result = invoke("callsheet", "1", "2", "-C", str(minimal), "--out", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "2027-03-03-day-02.md").read_text(encoding="utf-8") == "Night shoot: Day 2 of 2\n"
    assert "Night shoot" not in (tmp_path / "2027-03-01-day-01.md").read_text(encoding="utf-8")


def test_the_manifest_fingerprints_the_code_of_every_sub_package() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in output.code_files()}
    assert {"build.py", "documents/callsheet.py", "documents/common.py", "checks/schedule.py"} <= names


# ---- loading apart from checking ---------------------------------------------------------


def test_every_check_declares_known_inputs_and_a_build_runs_only_those_its_inputs_need(minimal: Path) -> None:
    assert all(entry.reads and entry.reads <= set(INPUTS) for entry in CHECKS.values())
    edit(minimal / "transport.yaml", 'time: "06:45"', 'time: "06:15"')  # disagrees with the cast call: pickup-times-agree
    (minimal / "equipment.yaml").write_text(
        "- id: cam\n  department: camera\n  vendor: {name: Rental}\n  status: ordered\n", encoding="utf-8"
    )  # ordered without approval: an error of the orders check
    folder = loaded_despite_errors(minimal)
    assert {"pickup-times-agree", "orders"} <= {f.check for f in run_checks(folder)}
    contact_inputs = frozenset(("production", "crew", "cast", "locations", "hotels", "equipment"))
    assert "pickup-times-agree" not in {f.check for f in run_checks(folder, CheckOptions(inputs=contact_inputs))}
    sheet_inputs = frozenset(documents.document("callsheet").inputs)
    assert "orders" not in {f.check for f in run_checks(folder, CheckOptions(inputs=sheet_inputs))}
    assert invoke("callsheet", "1", "-C", str(minimal), "--format", "md").exit_code == 0  # orders do not block a call sheet
    assert invoke("contacts", "-C", str(minimal), "--format", "md").exit_code == 1  # they do block the vendor list


def loaded_despite_errors(folder: Path):  # type: ignore[no-untyped-def]
    production, _ = load_folder(folder)
    assert production is not None
    return production


def git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Office", "GIT_AUTHOR_EMAIL": "office@example.com"}
    env.update(GIT_COMMITTER_NAME="Office", GIT_COMMITTER_EMAIL="office@example.com")
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_a_production_loads_from_a_git_revision_as_it_was_then(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    production = repo / "productions" / "test-shoot"
    shutil.copytree(MINIMAL, production)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "day 1 as planned")
    before = loaded(production)
    edit(production / "schedule.yaml", "  crew_call: 7:30\n", "  crew_call: 6:30\n")
    git(repo, "commit", "-qam", "crew call moved")
    (production / "crew.yaml").unlink()  # uncommitted: a revision is read from git, not from the working tree

    then, findings = load_folder(GitSource(production, "HEAD~1"))
    assert then is not None and not findings
    assert then == before  # the same data as the files were, position for position
    now, _ = load_folder(GitSource(production, "HEAD"))
    assert now is not None and str(now.days[0].crew_call) == "06:30" and now.crew == before.crew
    _, checked = validate(GitSource(production, "HEAD~1"))
    assert not checked.errors


def test_an_unknown_revision_or_a_folder_outside_git_is_a_message(tmp_path: Path) -> None:
    from coord.errors import CoordError

    with pytest.raises(CoordError, match="not inside a git repository"):
        GitSource(tmp_path, "HEAD")
    git(tmp_path, "init", "-q")
    with pytest.raises(CoordError, match='there is no revision "rev-9"'):
        GitSource(tmp_path, "rev-9")


def test_the_same_value_on_another_line_compares_equal(minimal: Path) -> None:
    before = loaded(minimal)
    text = (minimal / "crew.yaml").read_text(encoding="utf-8")
    (minimal / "crew.yaml").write_text("# moved down by a comment\n\n" + text, encoding="utf-8")
    after = loaded(minimal)
    assert after.crew[0].pos != before.crew[0].pos
    assert after == before and after.crew == before.crew


# ---- a path that is not what it should be ---------------------------------------------------


def test_a_production_file_that_is_a_folder_is_named_once_without_follow_on_errors(minimal: Path) -> None:
    (minimal / "cast.yaml").unlink()
    (minimal / "cast.yaml").mkdir()
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [("cast.yaml", "cast.yaml is a folder, not a file")]
    assert findings.errors[0].hint == "a folder of these files is called cast/: rename or move it"


def test_a_symlink_loop_is_named_once(minimal: Path) -> None:
    (minimal / "crew.yaml").unlink()
    (minimal / "crew.yaml").symlink_to(minimal / "crew.yaml")
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("crew.yaml", "crew.yaml is a link that points back at itself (a symlink loop)")
    ]


def test_a_reports_file_instead_of_a_folder_is_said_not_ignored(minimal: Path) -> None:
    (minimal / "reports").write_text("day: 1\n", encoding="utf-8")
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [("reports/", "reports is a file, so no daily report is read")]


def test_sheets_typeset_in_parallel_are_byte_identical_to_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import EXAMPLE

    from coord import typesetting

    monkeypatch.setattr(typesetting, "workers", lambda: 2)  # in worker processes, also on a machine of one core
    build(EXAMPLE, "callsheet", ["pdf"], tmp_path / "parallel", days=["1", "2", "3", "10"])
    monkeypatch.setattr(typesetting, "workers", lambda: 1)
    build(EXAMPLE, "callsheet", ["pdf"], tmp_path / "serial", days=["1", "2", "3", "10"])
    parallel = sorted((tmp_path / "parallel").glob("*.pdf"))
    assert len(parallel) == 4
    assert all(p.read_bytes() == (tmp_path / "serial" / p.name).read_bytes() for p in parallel)


@pytest.mark.parametrize(
    ("move", "where", "message"),
    [
        (("crew.yaml", "crew.yml"), "crew.yml", "crew.yml is not read: coord reads crew.yaml"),
        (("crew.yaml", "Crew.yaml"), "Crew.yaml", "Crew.yaml is not read: coord reads crew.yaml"),
        (("cast.yaml", "CAST.YAML"), "CAST.YAML", "CAST.YAML is not read: coord reads cast.yaml"),
    ],
)
def test_a_misnamed_file_is_an_error_not_a_production_without_its_people(
    minimal: Path, move: tuple[str, str], where: str, message: str
) -> None:
    (minimal / move[0]).rename(minimal / move[1])
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [(where, message)]  # no unknown ids that follow from it


def test_a_yml_file_in_a_folder_of_files_is_an_error(minimal: Path) -> None:
    (minimal / "crew").mkdir()
    (minimal / "crew.yaml").rename(minimal / "crew" / "all.yaml")
    (minimal / "crew" / "drivers.yml").write_text("- id: kai\n  name: Kai\n  role: Driver\n  department: transport\n")
    (minimal / "crew" / "README.md").write_text("notes are fine here\n")
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message, f.hint) for f in findings.errors] == [
        ("crew/drivers.yml", "crew/drivers.yml is not read: only files ending in .yaml are", "rename it to drivers.yaml")
    ]


def test_a_pipe_among_the_reports_is_refused_not_read_forever(minimal: Path) -> None:
    (minimal / "reports").mkdir()
    os.mkfifo(minimal / "reports" / "day-01.yaml")
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("reports/day-01.yaml", "reports/day-01.yaml is a special file (a pipe or a device), not a file")
    ]


def test_a_committed_symlink_is_followed_in_a_revision_as_on_disk(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo)
    (repo / "shared").mkdir()
    (repo / "crew.yaml").rename(repo / "shared" / "crew.yaml")
    (repo / "crew.yaml").symlink_to("shared/crew.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "crew kept in shared/")
    on_disk = loaded(repo)
    then, findings = load_folder(GitSource(repo, "HEAD"))
    assert not findings and then == on_disk


def test_a_template_linking_out_of_templates_is_refused(minimal: Path, tmp_path: Path) -> None:
    (minimal / "templates").mkdir()
    (minimal / "templates" / "secret.txt").symlink_to("/etc/hostname")
    (minimal / "templates" / "callsheet.md.j2").write_text('{% include "secret.txt" %}\n', encoding="utf-8")
    result = invoke("callsheet", "1", "-C", str(minimal), "--out", str(tmp_path / "out"), "--format", "md")
    assert (result.exit_code, result.output) == (
        1,
        "Error: templates/secret.txt links to a file outside templates/; coord does not follow it: copy the file in instead\n",
    )
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize("broken", ["folder", "dangling link"])
def test_a_broken_own_template_is_an_error_not_replaced_by_the_packaged_one(minimal: Path, tmp_path: Path, broken: str) -> None:
    (minimal / "templates").mkdir()
    own = minimal / "templates" / "callsheet.md.j2"
    if broken == "folder":
        own.mkdir()
    else:
        own.symlink_to(minimal / "templates" / "gone.md.j2")
    result = invoke("callsheet", "1", "-C", str(minimal), "--out", str(tmp_path / "out"), "--format", "md")
    assert result.exit_code == 1
    assert result.output.startswith("Error: templates/callsheet.md.j2 is a ")


def test_output_in_the_way_is_said_before_anything_is_written(minimal: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "2027-03-03-day-02.md").mkdir(parents=True)
    result = invoke("callsheet", "1", "2", "-C", str(minimal), "--out", str(out), "--format", "md")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {out / '2027-03-03-day-02.md'} is a folder, so the file cannot be written there; move the folder away\n",
    )
    assert not (out / "2027-03-01-day-01.md").exists()  # day 1 was not written either
    (tmp_path / "a-file").write_text("")
    result = invoke("callsheet", "1", "-C", str(minimal), "--out", str(tmp_path / "a-file" / "sheets"), "--format", "md")
    assert result.output.startswith(f"Error: {tmp_path / 'a-file'} is a file, not a folder")
