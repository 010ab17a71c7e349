"""The command line as a coordinator meets it: exact output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLE, REPO

from coord import __version__
from coord.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def break_crew(folder: Path) -> None:
    text = (folder / "crew.yaml").read_text(encoding="utf-8")
    (folder / "crew.yaml").write_text(
        text.replace("department: lighting", "department: Lightning").replace(
            '  phone: "0176 3333333"', '  phnoe: "0176 3333333"'
        ),
        encoding="utf-8",
    )


def test_valid_production_prints_summary_and_exits_0(minimal: Path) -> None:
    code, output = run("validate", str(minimal))
    assert code == 0
    assert output == (
        "Test Shoot (feature, Test Films GmbH)\n"
        "  2 shoot days from Mon 01 Mar 2027 to Wed 03 Mar 2027\n"
        "  2 scenes, 1 7/8 pages\n"
        "  3 crew in 3 departments, 2 cast\n"
        "  1 location, 0 hotels, 0 equipment orders\n"
        "  1 pickup, 0 extras, 0 interns\n"
        "\n"
        f"{minimal}: no problems found\n"
    )


def test_errors_are_grouped_by_file_with_hints_and_exit_1(minimal: Path) -> None:
    break_crew(minimal)
    code, output = run("validate", str(minimal))
    assert code == 1
    assert output == (
        "crew.yaml\n"
        '  crew.yaml:10:15: error: department: "Lightning" is not one of the allowed values\n'
        '      hint: did you mean "lighting"? choose one of: production, direction, camera, lighting, grip, sound, art,'
        " costume, makeup, locations, transport, catering, vfx, post, other\n"
        '  crew.yaml:20:3: warning: unknown field "phnoe"; it is ignored\n'
        '      hint: did you mean "phone"?\n'
        "\n"
        f"{minimal}: 1 error, 1 warning\n"
    )


def test_warnings_pass_unless_strict(minimal: Path) -> None:
    text = (minimal / "crew.yaml").read_text(encoding="utf-8")
    (minimal / "crew.yaml").write_text(text.replace('  phone: "0176 3333333"', '  phnoe: "0176 3333333"'), encoding="utf-8")
    assert run("validate", str(minimal))[0] == 0
    assert run("validate", "--strict", str(minimal))[0] == 1


def test_json_output_for_ci(minimal: Path) -> None:
    break_crew(minimal)
    code, output = run("validate", "--format", "json", str(minimal))
    assert code == 1
    report = json.loads(output)
    assert report["ok"] is False
    assert report["findings"][0] == {
        "file": "crew.yaml", "line": 10, "column": 15, "level": "error",
        "message": 'department: "Lightning" is not one of the allowed values',
        "hint": 'did you mean "lighting"? choose one of: production, direction, camera, lighting, grip, sound, art, costume,'
        " makeup, locations, transport, catering, vfx, post, other",
        "check": "load",
    }  # fmt: skip
    assert [f["level"] for f in report["findings"]] == ["error", "warning"]


def test_json_output_of_a_clean_folder(minimal: Path) -> None:
    code, output = run("validate", "--format", "json", str(minimal))
    assert (code, json.loads(output)) == (0, {"ok": True, "findings": []})


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, output = run("validate", str(tmp_path / "nope"))
    assert code == 1
    assert "there is no such folder" in output


def test_example_production_validates_clean_in_strict_mode() -> None:
    code, output = run("validate", "--strict", "--today", "2027-03-03", str(EXAMPLE))
    assert code == 0, output
    assert output.endswith("no problems found\n")


def test_help_lists_every_command_with_a_description() -> None:
    code, output = run("--help")
    assert code == 0
    for name, command in main.commands.items():
        assert command.get_short_help_str(), f"{name} has no help text"
        assert f"  {name}  " in output or f"  {name} " in output


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"coord {name}" in readme, f"README.md does not document `coord {name}`"


def test_version() -> None:
    assert run("--version") == (0, f"coord, version {__version__}\n")


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "coord", "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"coord, version {__version__}\n")


def test_an_output_folder_that_cannot_be_made_is_an_error_not_a_traceback(minimal: Path) -> None:
    blocker = minimal / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["callsheet", "1", "-C", str(minimal), "--out", str(blocker / "sheets"), "--format", "md"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output.startswith("Error: ") and "not-a-folder" in result.output


def test_templates_lists_the_packaged_ones_and_marks_those_the_production_replaces(minimal: Path) -> None:
    (minimal / "templates").mkdir()
    (minimal / "templates" / "callsheet.typ").write_text("// ours\n", encoding="utf-8")
    code, output = run("templates", "-C", str(minimal))
    assert code == 0
    assert "  callsheet.typ  (replaced by this production's own)\n" in output
    assert "  callsheet.md.j2\n" in output and "  coord-style.typ\n" in output


def test_templates_copy_brings_a_packaged_template_into_the_production_without_overwriting(minimal: Path) -> None:
    code, output = run("templates", "-C", str(minimal), "--copy", "coord-style.typ")
    copied = minimal / "templates" / "coord-style.typ"
    assert (code, output) == (0, f"wrote {copied}\n")
    assert copied.read_bytes() == (REPO / "templates" / "coord-style.typ").read_bytes()
    copied.write_text("// branded\n", encoding="utf-8")
    code, output = run("templates", "-C", str(minimal), "--copy", "coord-style.typ")
    assert code == 1 and "already exists" in output
    assert copied.read_text(encoding="utf-8") == "// branded\n"
    code, output = run("templates", "-C", str(minimal), "--copy", "callsheet.pdf")
    assert code == 1 and 'no packaged template named "callsheet.pdf"' in output
