"""coord hours, the daily report's flags and the call sheet's office copy: the working-time rules on paper."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from pathlib import Path

import pypdf
import pytest
from conftest import EXAMPLE, assert_golden, edit, invoke, pdf_text
from test_worktime_rules import MONDAY, day, write

from coord.documents import hours as hours_document
from coord.documents import report as dpr
from coord.load import load_folder
from coord.render import render_text


def report_of(root: Path, week: int | None = None, person: str | None = None) -> tuple[dict, list[list[str]]]:  # type: ignore[type-arg]
    folder, _ = load_folder(root)
    assert folder is not None
    return hours_document.hours_report(folder, week, person)


def person_days(context: dict, name: str) -> list[dict]:  # type: ignore[type-arg]
    return [d for w in context["weeks"] for p in w["people"] if p["name"] == name for d in p["days"]]


# ---- the hours report ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_hours_report_of_a_week_matches_its_golden_file(fmt: str) -> None:
    context, _rows = report_of(EXAMPLE, week=2)
    assert_golden(f"hours-week-02.{fmt}", render_text(EXAMPLE, f"hours.{'html' if fmt == 'html' else 'md'}.j2", fmt, context))


def test_hours_planned_and_reported_rest_surcharges_and_breaches_per_day() -> None:
    context, _ = report_of(EXAMPLE, week=1)
    [first, second, *_] = person_days(context, "Clara Sandmann")
    assert (first["planned"], first["planned_hours"], first["actual"], first["actual_hours"]) == (
        "06:10–18:00",
        "11:05",
        "06:15–19:25",
        "12:25",
    )
    assert first["surcharges"] == "Hours 10:00–12:00 h +25 % 2:00 · Hours 12:00–13:00 h +60 % 0:25"
    assert first["breaches"] == "Long day 12:25 h (accepted) · Breaks 0:45 h (accepted) · Meal 0:40 h late (accepted)"
    assert (second["rest"], second["actual_hours"]) == ("11:50", "9:45")  # back 19:25 to pickup 07:15; 07:15 to 17:45 less 0:45


def test_a_night_shoot_earns_the_night_surcharge_from_22_00_less_the_meal() -> None:
    context, _ = report_of(EXAMPLE, week=2)
    night = next(d for d in person_days(context, "Jana Petersen") if d["day"] == "10")
    assert (night["planned"], night["planned_hours"]) == ("17:00–03:30 (+1)", "9:45")
    assert "Night 22:00–06:00 +25 % 4:45" in night["surcharges"]  # 22:00 to 03:30, less lunch 22:00 to 22:45


def test_sixth_and_seventh_days_sundays_and_public_holidays_are_surcharged(tmp_path: Path) -> None:
    own = (
        "- name: paid\n  based_on: eu\n  surcharges:\n"
        "    - {kind: sixth_day, percent: 50, source: t}\n    - {kind: seventh_day, percent: 100, source: t}\n"
        "    - {kind: sunday, percent: 50, from_day: 6, source: t}\n    - {kind: holiday, percent: 100, source: t}\n"
    )
    days = [day(MONDAY + dt.timedelta(n), "08:00", "16:30", lunch="12:00") for n in range(7)]
    root = write(tmp_path / "p", days, "paid", own, production="public_holidays: [2027-03-03]\n")
    context, rows = report_of(root)
    charges = [d["surcharges"] for d in person_days(context, "Anna Berg")]
    assert charges == [
        "",
        "",
        "Public holiday +100 % 8:00",
        "",
        "",
        "6th day +50 % 8:00",
        "7th day +100 % 8:00 · Sunday +50 % 8:00",
    ]  # 08:00 to 16:30 less a half-hour lunch
    header, sunday = rows[0], rows[7]
    assert (sunday[2], sunday[header.index("7th day +100 %")], sunday[header.index("Sunday +50 %")]) == (
        "2027-03-07",
        "8.00",
        "8.00",
    )


def test_the_weekly_surcharge_counts_every_day_at_least_as_the_profile_says(tmp_path: Path) -> None:
    """de-film: a day counts at least 8 hours (TZ 5.2.4); the 51st to 60th hour of a week +25 %."""
    days = [day(MONDAY + dt.timedelta(n), "08:00", "18:45", lunch="12:00") for n in range(5)]  # 10:00 of work each
    days.append(day(MONDAY + dt.timedelta(5), "08:00", "10:00"))  # 2 hours, counted as 8
    root = write(tmp_path / "p", days, "de-film")
    context, _ = report_of(root)
    [week] = context["weeks"]
    [anna] = [p for p in week["people"] if p["name"] == "Anna Berg"]
    assert (anna["total"]["planned_hours"], anna["total"]["counted_hours"]) == ("52:00", "58:00")
    assert anna["total"]["surcharges"].endswith("Week 50:00–60:00 h +25 % 8:00")


def test_the_pm_summary_counts_short_turnarounds_and_penalties_by_department(tmp_path: Path) -> None:
    report = 'crew_call: "07:00"\nlunch_start: "12:00"\nlunch_end: "12:30"\ncrew_wrap: "17:00"\ncast:\n  - {cast: mira, arrival: "07:00", meal_out: "13:31", meal_in: "14:01", wrap: "17:00"}\n'
    days = [
        day(MONDAY, "07:00", "17:00", lunch="12:00", mira={"makeup": "07:00"}),
        day(MONDAY + dt.timedelta(1), "03:00", "12:00", lunch="08:00"),
    ]
    root = write(tmp_path / "p", days, "{crew: eu, cast: us-sag-aftra}", reports={1: report})
    context, _ = report_of(root)
    rows = {r["department"]: r for r in context["summary"]["rows"]}
    assert (rows["Camera"]["turnarounds"], rows["Camera"]["shortest"]) == ("1", "10:00 h")
    assert (rows["Cast"]["penalties"], rows["Cast"]["owed"]) == ("2", "USD 60.00")
    assert context["summary"]["total"]["breaches"] == "2"


def test_coord_hours_writes_owner_only_files_that_say_so_on_every_page(tmp_path: Path) -> None:
    result = invoke(
        "hours", "--week", "1", "--folder", str(EXAMPLE), "--format", "pdf", "--format", "csv", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    for name in ("hours-week-01.pdf", "hours-week-01.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    pages = pypdf.PdfReader(tmp_path / "hours-week-01.pdf").pages
    assert len(pages) > 1
    assert all("For the production office and payroll only" in page.extract_text() for page in pages)
    assert pages[0].mediabox.width > pages[0].mediabox.height  # landscape
    assert "SUMMARY FOR THE PRODUCTION MANAGER" in pdf_text(tmp_path / "hours-week-01.pdf")


def test_the_payroll_csv_has_a_row_per_day_and_a_week_row_in_decimal_hours(tmp_path: Path) -> None:
    invoke("hours", "--for", "lena", "--folder", str(EXAMPLE), "--format", "csv", "--out", str(tmp_path))
    data = (tmp_path / "hours-lena.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, first = rows[0], rows[1]
    assert header[:16] == [
        "row", "week", "date", "day", "id", "name", "department", "profile", "planned_call", "planned_wrap",
        "planned_hours", "actual_call", "actual_wrap", "actual_hours", "counted_hours", "rest_before_hours",
    ]  # fmt: skip
    assert first[:16] == [
        "day", "1", "2027-03-01", "1", "lena", "Clara Sandmann", "cast", "de-film", "06:10", "18:00", "11.08", "06:15", "19:25",
        "12.42", "12.42", "",
    ]  # fmt: skip
    weeks = [r for r in rows if r[0] == "week"]
    assert [r[1] for r in weeks] == ["1", "2", "3"]
    assert all(r[4] == "lena" for r in rows[1:])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--for", "nobody"), 'Error: --for "nobody": there is no crew or cast member with that id'),
        (("--week", "9"), "Error: there is no shoot week 9; the shoot weeks are 1 to 3"),
    ],
)
def test_coord_hours_refuses_a_person_or_week_that_is_not_there(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = invoke("hours", *args, "--folder", str(EXAMPLE), "--format", "md", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.strip() == message


def test_without_a_profile_the_hours_are_listed_and_no_rule_is_checked(tmp_path: Path) -> None:
    root = write(tmp_path / "p", [day(MONDAY, "08:00", "19:00"), day(MONDAY + dt.timedelta(1), "01:00", "16:00")])
    text = (root / "production.yaml").read_text(encoding="utf-8").replace("working_time: eu\n", "")
    (root / "production.yaml").write_text(text, encoding="utf-8")
    context, _ = report_of(root)
    anna = [p for w in context["weeks"] for p in w["people"] if p["name"] == "Anna Berg"]
    assert [p["profile"] for p in anna] == ["none named"]
    assert [d["breaches"] for d in anna[0]["days"]] == ["", ""]


# ---- the daily report's flags -----------------------------------------------------------------------


def test_the_daily_report_flags_a_short_turnaround_into_the_day(example_copy: Path) -> None:
    edit(
        example_copy / "reports" / "day-02.yaml",
        '    pickup: "07:15"\n    arrival: "07:40"',
        '    pickup: "06:20"\n    arrival: "07:40"',
    )
    folder, _ = load_folder(example_copy)
    assert folder is not None
    shoot_day, report = dpr.find_report(folder, "2")
    flags = {c["actor"]: c["flags"] for c in dpr.daily_report(folder, shoot_day, report)["cast"]}
    # The report accepts her lunch up to 0:10 late: 1:05 is more than was accepted.
    assert flags["Clara Sandmann"] == "Short turnaround 10:55 h · Meal 1:05 h late"
    assert flags["Rainer Hollweg"] == ""


# ---- the call sheet's office copy -----------------------------------------------------------------------


def test_the_office_copy_of_a_call_sheet_marks_the_calls_that_break_a_rule(example_copy: Path, tmp_path: Path) -> None:
    block = (example_copy / "schedule.yaml").read_text(encoding="utf-8").split("- day: 4\n")[1]
    edit(
        example_copy / "schedule.yaml",
        "- day: 4\n" + block[:400],
        "- day: 4\n" + block[:400].replace('transport: "06:50"', 'transport: "04:45"'),
    )
    result = invoke(
        "callsheet", "4", "--office", "--folder", str(example_copy), "--format", "pdf", "--format", "md", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    office = (tmp_path / "2027-03-04-day-04-office.md").read_text(encoding="utf-8")
    assert "| Transport Captain | Uwe Stender | +49 171 5547 2290 | **04:45** **Short turnaround 10:45 h" in office
    assert office.count("OFFICE COPY – marks working-time breaches, do not distribute") == 2
    for name in ("2027-03-04-day-04-office.md", "2027-03-04-day-04-office.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    pages = pypdf.PdfReader(tmp_path / "2027-03-04-day-04-office.pdf").pages
    assert all("OFFICE COPY" in page.extract_text() for page in pages)
    invoke("callsheet", "4", "--folder", str(example_copy), "--format", "md", "--out", str(tmp_path))
    distributed = (tmp_path / "2027-03-04-day-04.md").read_text(encoding="utf-8")
    assert "Short turnaround" not in distributed and "OFFICE COPY" not in distributed
