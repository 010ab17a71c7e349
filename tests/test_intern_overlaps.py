"""One intern, one internship at a time; the agreement command names exactly what it prints; leave within the period."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE, edit, invoke

from coord.checks import CheckOptions, validate

LEON = "  crew: leon-fischer\n"
LEON_DATES = "  start: 2027-02-26\n  end: 2027-03-20\n"


def findings(folder: Path, check: str) -> list[tuple[str, str, str, str]]:
    _, found = validate(folder, CheckOptions())
    return [(str(f.pos), f.level, f.message, f.hint) for f in found if f.check == check]


def test_two_overlapping_internships_of_one_intern_are_an_error_naming_both(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "interns.yaml", LEON, "  crew: mia-kruse\n")
    assert findings(example_copy, "interns") == [
        (
            "crew/camera.yaml:62:11",
            "warning",
            "leon-fischer is an intern without an entry in interns.yaml",
            "record their agreement in interns.yaml",
        ),
        (
            "interns.yaml:31:9",
            "error",
            "mia-kruse has two internships at once: internship-leon-fischer (2027-02-26 to 2027-03-20) overlaps "
            "internship-mia-kruse at interns.yaml:10:9 (2027-02-22 to 2027-03-26)",
            "give each internship its own intern (crew:), or make one end before the other starts",
        ),
    ]
    for command in (("interns",), ("agreement", "mia-kruse")):
        result = invoke(*command, "--format", "md", "-C", str(example_copy), "--out", str(tmp_path / "out"))
        assert result.exit_code == 1
        assert "interns.yaml:31:9: mia-kruse has two internships at once" in result.output
        assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("start", "overlapping"), [("2027-03-26", True), ("2027-03-27", False)])
def test_internships_overlap_when_they_share_a_day(example_copy: Path, start: str, overlapping: bool) -> None:
    edit(example_copy / "interns.yaml", LEON, "  crew: mia-kruse\n")
    edit(example_copy / "interns.yaml", LEON_DATES, f"  start: {start}\n  end: 2027-04-30\n")
    errors = [f for f in findings(example_copy, "interns") if f[1] == "error"]
    assert [f[0] for f in errors] == (["interns.yaml:31:9"] if overlapping else [])


def test_the_crew_id_of_an_intern_with_two_internships_names_neither(example_copy: Path, tmp_path: Path) -> None:
    """Two internships one after the other: the crew id is ambiguous, the internship ids are not."""
    edit(example_copy / "interns.yaml", LEON, "  crew: mia-kruse\n")
    edit(example_copy / "interns.yaml", LEON_DATES, "  start: 2027-03-27\n  end: 2027-04-30\n")
    edit(example_copy / "interns.yaml", "  agreement_signed: 2027-02-10\n", "  agreement_signed: 2027-03-01\n")
    out = tmp_path / "out"
    result = invoke("agreement", "mia-kruse", "--format", "md", "-C", str(example_copy), "--out", str(out))
    assert result.exit_code == 1
    assert "mia-kruse has 2 internships; name the one to print: internship-mia-kruse, internship-leon-fischer" in result.output
    assert not out.exists()
    result = invoke("agreement", "internship-leon-fischer", "--format", "md", "-C", str(example_copy), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.rglob("*.md")] == ["agreement-internship-leon-fischer.md"]


@pytest.mark.parametrize("ids", [("--all", "nope"), ("nope",), ("bg-birte-claussen", "nope")])
def test_an_unknown_id_is_refused_with_or_without_all(tmp_path: Path, ids: tuple[str, ...]) -> None:
    out = tmp_path / "out"
    result = invoke("agreement", *ids, "--format", "md", "-C", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 1
    assert 'there is no extra or internship "nope"' in result.output
    assert not out.exists()


def test_the_crew_id_of_an_intern_with_one_internship_still_names_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("agreement", "mia-kruse", "--format", "md", "-C", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.rglob("*.md")] == ["agreement-internship-mia-kruse.md"]


@pytest.mark.parametrize(("leave", "warned"), [(25, False), (26, True), (200, True)])
def test_more_leave_than_working_days_is_a_warning(example_copy: Path, leave: int, warned: bool) -> None:
    edit(example_copy / "interns.yaml", "  leave: 2\n", f"  leave: {leave}\n")
    expected = (
        "interns.yaml:22:10",
        "warning",
        f"the internship of mia-kruse gives {leave} days of leave, more than its 25 working days "
        "(Monday to Friday, 2027-02-22 to 2027-03-26)",
        "write the days of leave over the internship, not a year's entitlement",
    )
    assert findings(example_copy, "interns") == ([expected] if warned else [])
