"""Working days that overlap are an error where the wrap was written; an acceptance covers a breach up to its size."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, invoke

from coord.checks import CheckOptions, validate

#: Lena's line of the day-1 time sheet (reports/day-01.yaml:44) and her planned call of day 3 (schedule.yaml:130).
LENA_WRAP = '    wrap: "18:50"\n    back: "19:25"\n'
LENA_DAY_3 = '    thea-brandes: "06:30"\n  cast_calls:\n    - cast: lena\n      pickup: "06:10"\n      makeup: "06:45"\n      wardrobe: "07:25"\n      on_set: "07:45"\n'
HINT_1 = (
    "correct the wrap of day 1 (a time after midnight counts on from 24:00: 01:30 the next morning is 25:30), "
    "or the call of day 2"
)


def found(folder: Path, check: str) -> list[tuple[str, str, str, str]]:
    _, findings = validate(folder, CheckOptions())
    return [(str(f.pos), f.level, f.message, f.hint) for f in findings if f.check == check]


def test_a_reported_wrap_after_the_next_call_is_an_error_in_the_report_and_no_negative_rest(
    example_copy: Path, tmp_path: Path
) -> None:
    edit(example_copy / "reports" / "day-01.yaml", LENA_WRAP, '    wrap: "47:59"\n    back: "19:25"\n')
    assert found(example_copy, "working-days") == [
        (
            "reports/day-01.yaml:44:11",
            "error",
            "Clara Sandmann: the wrap 47:59 of day 1 is 23:59 on Tue 2 Mar, at or after their call on day 2, "
            "07:15 on Tue 2 Mar: the two working days overlap",
            HINT_1,
        )
    ]
    assert not [f for f in found(example_copy, "working-time") if "of rest" in f[2]]
    result = invoke("hours", "--format", "md", "-C", str(example_copy), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "reports/day-01.yaml:44:11: Clara Sandmann: the wrap 47:59 of day 1" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("wrap", "overlaps"), [("31:15", True), ("31:14", False)])
def test_a_wrap_overlaps_from_the_minute_of_the_next_call(example_copy: Path, wrap: str, overlaps: bool) -> None:
    edit(example_copy / "reports" / "day-01.yaml", LENA_WRAP, f'    wrap: "{wrap}"\n    back: "19:25"\n')
    assert [f[0] for f in found(example_copy, "working-days")] == (["reports/day-01.yaml:44:11"] if overlaps else [])
    rests = [f[2] for f in found(example_copy, "working-time") if "h of rest between day 1" in f[2]]
    assert [r.split(":", 1)[1][:15] for r in rests] == ([] if overlaps else [" 0:01 h of rest"])


@pytest.mark.parametrize(("wrap", "overlaps"), [("37:00", True), ("36:59", False)])
def test_a_planned_wrap_at_the_next_planned_pickup_is_an_error_in_the_schedule(
    example_copy: Path, wrap: str, overlaps: bool
) -> None:
    """Day 4 begins at Lena's pickup at 13:00: de-film counts the drive as work."""
    edit(example_copy / "schedule.yaml", LENA_DAY_3, LENA_DAY_3 + f'      wrap: "{wrap}"\n')
    expected = (
        "schedule.yaml:135:13",
        "error",
        "Clara Sandmann: the planned wrap 37:00 of day 3 is 13:00 on Thu 4 Mar, at or after their planned call on day 4, "
        "13:00 on Thu 4 Mar: the two working days overlap",
        "correct the wrap of day 3 (a time after midnight counts on from 24:00: 01:30 the next morning is 25:30), "
        "or the call of day 4",
    )
    assert found(example_copy, "working-days") == ([expected] if overlaps else [])


# ---- accepted breaches and their size ---------------------------------------------------------

DAY_ACCEPTED = '    rule: day\n    up_to: "0:30"\n'


@pytest.mark.parametrize(("up_to", "reported"), [("0:30", 0), ("0:29", 7)])
def test_an_acceptance_covers_a_breach_up_to_the_size_it_records(example_copy: Path, up_to: str, reported: int) -> None:
    """Seven of the people accepted on day 1 worked 12:30 h, 0:30 past de-film's 12:00; Lena 0:25."""
    edit(example_copy / "reports" / "day-01.yaml", DAY_ACCEPTED, f'    rule: day\n    up_to: "{up_to}"\n')
    days = [f for f in found(example_copy, "working-time") if f[1] == "error" and "h of work on day 1" in f[2]]
    assert len(days) == reported
    assert all(f[2].endswith("; accepted at reports/day-01.yaml:137:12 up to 0:29, this is 0:30") for f in days)
    assert not [f for f in days if f[2].startswith("Clara Sandmann")]


def test_the_overlapping_long_day_is_not_covered_by_an_acceptance_of_a_smaller_one(example_copy: Path) -> None:
    edit(example_copy / "reports" / "day-01.yaml", LENA_WRAP, '    wrap: "47:59"\n    back: "19:25"\n')
    days = [f for f in found(example_copy, "working-time") if f[2].startswith("Clara Sandmann: 40:59 h of work on day 1")]
    assert [(f[0], f[1], f[2].rsplit("; ", 1)[1]) for f in days] == [
        ("reports/day-01.yaml:44:11", "error", "accepted at reports/day-01.yaml:137:12 up to 0:30, this is 28:59")
    ]


def test_an_acceptance_without_a_size_still_covers_but_asks_for_one(example_copy: Path) -> None:
    edit(example_copy / "reports" / "day-01.yaml", DAY_ACCEPTED, "    rule: day\n")
    assert found(example_copy, "working-time") == [
        (
            "reports/day-01.yaml:136:11",
            "warning",
            "this acceptance of day records no size, so it would cover a breach of any size "
            "(the largest it covers now is 0:30 past the rule)",
            "add up_to: 0:30 to it, so that a larger breach is reported again",
        )
    ]


def test_a_size_on_a_rule_not_measured_in_hours_is_a_warning(example_copy: Path) -> None:
    edit(
        example_copy / "reports" / "day-02.yaml",
        "accepted:\n",
        'accepted:\n  - people: [lena]\n    rule: days-in-a-row\n    up_to: "1:00"\n    note: Agreed.\n',
    )
    assert found(example_copy, "working-time") == [
        (
            "reports/day-02.yaml:100:12",
            "warning",
            "up_to has no effect on days-in-a-row: that rule is not broken by a length of time",
            "remove up_to: the acceptance covers the breach as it is",
        )
    ]
