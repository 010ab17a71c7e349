"""coord init: a new production folder that validates, whose CI workflows follow their published schemas and run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import edit, invoke

from coord import __version__

SCAFFOLDED = {
    ".github/workflows/coord.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    "Makefile",
    "cast.yaml",
    "crew.yaml",
    "distribution.yaml",
    "locations.yaml",
    "production.yaml",
    "scenes.yaml",
    "schedule.yaml",
    "transport.yaml",
}
BIN = Path(sys.executable).parent


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def scaffolded(tmp_path: Path) -> Path:
    folder = tmp_path / "harbour-lights"
    result = invoke("init", str(folder), "--title", 'Harbour "Lights": Part 2')
    assert result.exit_code == 0, result.output
    return folder


def test_init_writes_a_production_that_validates_strictly_with_the_title_given(scaffolded: Path) -> None:
    assert files_in(scaffolded) == SCAFFOLDED
    result = invoke("validate", str(scaffolded), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == 'Harbour "Lights": Part 2 (feature, Your Production Company GmbH)'
    assert (scaffolded / ".gitignore").read_text(encoding="utf-8") == "out/\n"
    production = (scaffolded / "production.yaml").read_text(encoding="utf-8")
    assert production.count("# ") > 10  # commented, for a coordinator to read


def test_init_never_overwrites_and_says_what_it_kept(tmp_path: Path) -> None:
    folder = tmp_path / "shoot"
    folder.mkdir()
    (folder / "crew.yaml").write_text("- {id: me, name: Me, role: PM, department: production}\n", encoding="utf-8")
    result = invoke("init", str(folder))
    assert result.exit_code == 0
    assert f"kept {folder / 'crew.yaml'}: it is already there" in result.output
    assert (folder / "crew.yaml").read_text(encoding="utf-8") == "- {id: me, name: Me, role: PM, department: production}\n"
    assert f"wrote {folder / 'production.yaml'}" in result.output
    assert 'title: "shoot"' in (folder / "production.yaml").read_text(encoding="utf-8")  # the folder's name by default
    again = invoke("init", str(folder))
    assert again.output.count("kept ") == len(SCAFFOLDED) and "wrote" not in again.output.replace("next:", "")


def check_schema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("path", "schema"), [(".github/workflows/coord.yml", "vendor.github-workflows"), (".gitlab-ci.yml", "vendor.gitlab-ci")]
)
def test_the_workflows_follow_the_published_schemas(scaffolded: Path, path: str, schema: str) -> None:
    done = check_schema(schema, scaffolded / path)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = scaffolded / "broken.yml"
    text = (scaffolded / path).read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "runs_on:").replace("script:", "scripts:"), encoding="utf-8")
    assert check_schema(schema, broken).returncode == 1  # the schema does catch a mistake


def workflow_commands(folder: Path) -> dict[str, list[str]]:
    """The shell commands each CI system runs, in order, as written in the workflow files."""
    github = yaml.safe_load((folder / ".github/workflows/coord.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((folder / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    (job,) = github["jobs"].values()
    return {"github": [step["run"] for step in job["steps"] if "run" in step], "gitlab": gitlab["coord"]["script"]}


def run_ci(folder: Path, commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run the commands as the CI would, in the folder, with this coord installed (installing it is the one step left out)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = []
    for command in commands:
        if "pip install" in command:
            assert command == 'python -m pip install "$COORD_PACKAGE"'
            continue
        done.append(
            subprocess.run(["bash", "-e", "-c", command], cwd=folder, env=env, capture_output=True, text=True, check=False)
        )
        if done[-1].returncode:
            break
    return done


def test_the_ci_installs_this_version_of_coord(scaffolded: Path) -> None:
    github = yaml.safe_load((scaffolded / ".github/workflows/coord.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((scaffolded / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert github["jobs"]["documents"]["env"]["COORD_PACKAGE"] == f"coord=={__version__}"
    assert gitlab["coord"]["variables"]["COORD_PACKAGE"] == f"coord=={__version__}"
    assert gitlab["coord"]["artifacts"]["paths"] == ["out/"] and gitlab["coord"]["artifacts"]["when"] == "always"
    keep = next(step for step in github["jobs"]["documents"]["steps"] if step.get("name") == "Keep the documents")
    assert keep["with"]["path"] == "out/" and keep["if"] == "always()"


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_the_commands_the_workflows_run_check_and_render_every_document(scaffolded: Path, ci: str) -> None:
    done = run_ci(scaffolded, workflow_commands(scaffolded)[ci])
    assert [d.returncode for d in done] == [0] * len(done), [d.stdout + d.stderr for d in done]
    assert json.loads((scaffolded / "out" / "validate.json").read_text(encoding="utf-8")) == {"ok": True, "findings": []}
    written = files_in(scaffolded / "out")
    for document in (
        "callsheets/2027-03-01-day-01.pdf",
        "callsheets/2027-03-03-day-02.html",
        "schedule/schedule.pdf",
        "dood/dood.csv",
        "contacts/contacts.vcf",
        "calendar/harbour-lights-part-2.ics",
    ):
        assert document in written
    if ci == "gitlab":
        assert json.loads((scaffolded / "out" / "code-quality.json").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_a_mistake_fails_the_ci_and_is_marked_at_its_file_and_line(scaffolded: Path, ci: str) -> None:
    edit(scaffolded / "crew.yaml", '  phone: "+49 170 1000003"', "  phone: 01701000003")
    done = run_ci(scaffolded, workflow_commands(scaffolded)[ci])
    assert done[-1].returncode == 1  # the check fails the run; nothing is rendered
    assert not (scaffolded / "out" / "callsheets").exists()
    report = json.loads((scaffolded / "out" / "validate.json").read_text(encoding="utf-8"))
    assert report["ok"] is False and report["findings"][0]["line"] == 26
    if ci == "github":
        marked = next(d for d in done if "::error" in d.stdout).stdout
        assert marked.splitlines()[0] == (
            "::error file=crew.yaml,line=26,col=10,title=coord load::phone: the number is not in quotes, so YAML reads it "
            'as a number and it would lose its leading 0 or +%0Ahint: put it in quotes, e.g. phone: "0176 1234567"'
        )
    else:
        (finding,) = json.loads((scaffolded / "out" / "code-quality.json").read_text(encoding="utf-8"))
        assert finding["location"] == {"path": "crew.yaml", "lines": {"begin": 26}}
        assert finding["severity"] == "major" and finding["check_name"] == "load"
        assert finding["description"].startswith("phone: the number is not in quotes, so YAML reads it as a number")


def test_annotations_name_the_file_from_where_the_command_runs(scaffolded: Path) -> None:
    edit(scaffolded / "crew.yaml", "  role: Gaffer\n", "  role: Gaffer\n  phnoe: x\n")
    result = invoke("validate", str(scaffolded.parent / scaffolded.name), "--format", "github")
    assert result.exit_code == 0  # a warning, not --strict
    first = result.output.splitlines()[0]
    assert first.startswith(f"::warning file={scaffolded.as_posix().replace(':', '%3A')}/crew.yaml,line=")
    assert result.output.splitlines()[-1] == f"{scaffolded}: 0 errors, 1 warning"


def test_the_makefile_renders_one_days_call_sheet(scaffolded: Path) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["make", "callsheet", "DAY=2"], cwd=scaffolded, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert files_in(scaffolded / "out") >= {"callsheets/2027-03-03-day-02.pdf", "callsheets/2027-03-03-day-02.html"}
