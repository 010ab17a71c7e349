"""The working-time rules, one at a time, at the boundary on both sides, in real elapsed time.

Each test writes a tiny production: one crew member (anna) and one actor (mira), the days
given, and the profile named, so that the rule under test is the only one that can fire.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from coord.checks import validate
from coord.load import load_folder
from coord.workrules import Breach, evaluate

MONDAY = dt.date(2027, 3, 1)


def day(date: dt.date, call: str, wrap: str, **more: Any) -> dict[str, Any]:
    return {"date": date, "call": call, "wrap": wrap, **more}


def day_off(date: dt.date) -> dict[str, Any]:
    """A company day off (`type: rest` in the schedule)."""
    return {"date": date, "type": "rest"}


def write(
    root: Path,
    days: list[dict[str, Any]],
    working_time: str = "eu",
    own: str = "",
    actor: str = "",
    crew: str = "",
    production: str = "",
    reports: dict[int, str] | None = None,
) -> Path:
    """A production of the days given; anna (camera) works every day, mira only where a day has `mira:` times."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "production.yaml").write_text(
        "title: Rules\ncompany: Test Films GmbH\ntype: feature\ntimezone: Europe/Berlin\n"
        'office: {address: "Hafenstraße 1, Hamburg", phone: "+49 40 1234567"}\n'
        f"working_time: {working_time}\n{production}",
        encoding="utf-8",
    )
    (root / "crew.yaml").write_text(
        f"- {{id: anna, name: Anna Berg, role: Camera Operator, department: camera}}\n{crew}", encoding="utf-8"
    )
    (root / "cast.yaml").write_text(f"- id: mira\n  number: 1\n  character: Mira\n  actor: Jana Falk\n{actor}", encoding="utf-8")
    (root / "locations.yaml").write_text(
        '- {id: quay, name: Quay, address: Kehrwieder 2, coordinates: "53.54, 9.98",'
        ' hospital: {name: Klinik, address: Klinikweg 1, phone: "+49 40 2222"}}\n',
        encoding="utf-8",
    )
    shooting = [d for d in days if d.get("type") != "rest"]
    scenes = [
        f"- {{number: {n}, set: QUAY, int_ext: EXT, time_of_day: day, pages: 1, cast: [{'mira' if d.get('mira') else ''}], location: quay}}"
        for n, d in enumerate(shooting, start=1)
    ]
    (root / "scenes.yaml").write_text("\n".join(scenes) + "\n", encoding="utf-8")
    lines = []
    for d in [d for d in days if d.get("type") == "rest"]:
        lines += [f"- date: {d['date']}", "  type: rest"]
    for number, d in enumerate(shooting, start=1):
        mira = d.get("mira")
        lines += [
            f"- day: {number}",
            f"  date: {d['date']}",
            "  locations: [quay]",
            f"  scenes: [{number}]",
            f'  crew_call: "{d["call"]}"',
            f'  wrap: "{d["wrap"]}"',
        ]
        if d.get("on_location"):
            lines.append("  on_location: yes")
        meals = {k: d[k] for k in ("breakfast", "lunch", "second_meal") if k in d}
        if meals:
            lines.append("  meals: {" + ", ".join(f'{k}: "{v}"' for k, v in meals.items()) + "}")
        if mira:
            lines.append("  cast_calls:")
            lines.append("    - {cast: mira, " + ", ".join(f'{k}: "{v}"' for k, v in mira.items()) + "}")
    (root / "schedule.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if own:
        (root / "working-time.yaml").write_text(own, encoding="utf-8")
    for number, text in (reports or {}).items():
        (root / "reports").mkdir(exist_ok=True)
        (root / "reports" / f"day-{number:02d}.yaml").write_text(f"day: {number}\n{text}", encoding="utf-8")
    return root


def breaches(root: Path) -> list[Breach]:
    """Every breach; the production itself must load and pass every other check."""
    folder, findings = load_folder(root)
    assert folder is not None and not findings, [f"{f.pos} {f.message}" for f in findings]
    people, days = evaluate(folder)
    return [b for who in people for b in who.breaches] + days


def rules(root: Path) -> list[tuple[str, int | None]]:
    return [(b.rule, b.found) for b in breaches(root)]


def findings(root: Path) -> list[tuple[str, str, str]]:
    """(place, level, message) of the working-time findings; no error from any other check."""
    _, found = validate(root)
    assert not [f for f in found.errors if f.check != "working-time"], [f"{f.pos} {f.message}" for f in found.errors]
    return [(str(f.pos), f.level, f.message) for f in found if f.check == "working-time"]


# ---- rest between two days -----------------------------------------------------------------


@pytest.mark.parametrize(("call", "found"), [("05:59", [("rest", 659)]), ("06:00", [])])
def test_eleven_hours_of_rest_fail_at_10_59_and_pass_at_11_00(tmp_path: Path, call: str, found: list[Any]) -> None:
    root = write(
        tmp_path / "p",
        [day(MONDAY, "08:00", "19:00", lunch="12:00"), day(MONDAY + dt.timedelta(1), call, "16:00", lunch="11:00")],
    )
    assert rules(root) == found


def test_a_short_rest_is_a_warning_at_the_call_naming_person_days_hours_rule_and_source(tmp_path: Path) -> None:
    root = write(
        tmp_path / "p",
        [day(MONDAY, "08:00", "19:00", lunch="12:00"), day(MONDAY + dt.timedelta(1), "05:59", "16:00", lunch="11:00")],
    )
    assert findings(root) == [
        (
            "schedule.yaml:12:14",
            "warning",
            "Anna Berg: 10:59 h of rest between day 1 (planned wrap 19:00) and day 2 (planned call 05:59); eu needs "
            "11:00 h (Directive 2003/88/EC art. 3)",
        )
    ]
    _, found = validate(root)
    assert found[0].hint == "call them at 06:00 or later on day 2, or wrap day 1 earlier"


@pytest.mark.parametrize(("call", "found"), [("15:29", [("rest", 659)]), ("15:30", [])])
def test_rest_after_a_night_shoot_wrapping_at_28_30_counts_from_04_30_the_next_morning(
    tmp_path: Path, call: str, found: list[Any]
) -> None:
    root = write(
        tmp_path / "p",
        [day(MONDAY, "18:00", "28:30", lunch="23:00"), day(MONDAY + dt.timedelta(1), call, "23:00", lunch="19:00")],
    )
    assert rules(root) == found


@pytest.mark.parametrize(
    ("saturday", "call", "found"),
    [
        (dt.date(2027, 3, 27), "10:00", [("rest", 600)]),  # spring: 23:00 to 10:00 is 10 real hours, not 11
        (dt.date(2027, 3, 27), "11:00", []),
        (dt.date(2027, 10, 30), "09:00", []),  # autumn: 23:00 to 09:00 is 11 real hours, not 10
        (dt.date(2027, 10, 30), "08:59", [("rest", 659)]),
    ],
)
def test_rest_across_both_clock_changes_is_real_time(tmp_path: Path, saturday: dt.date, call: str, found: list[Any]) -> None:
    root = write(
        tmp_path / "p",
        [day(saturday, "12:00", "23:00", lunch="16:00"), day(saturday + dt.timedelta(1), call, "18:00", lunch="13:00")],
    )
    assert rules(root) == found


@pytest.mark.parametrize(
    ("wrap", "call", "found"), [("24:00", "11:00", []), ("24:00", "10:59", [("rest", 3539)]), ("22:00", "09:00", [])]
)
def test_a_weekend_between_two_days_needs_48_plus_11_hours_under_de_film(
    tmp_path: Path, wrap: str, call: str, found: list[Any]
) -> None:
    """TV FFS TZ 5.9.3: a Friday 24:00 wrap means Monday not before 11:00."""
    friday = dt.date(2027, 3, 5)
    root = write(
        tmp_path / "p",
        [day(friday, "13:00", wrap, lunch="18:00"), day(friday + dt.timedelta(3), call, "20:00", lunch="15:00")],
        "de-film",
    )
    assert rules(root) == found


def test_a_night_shoot_into_saturday_leaves_one_whole_day_off_before_monday(tmp_path: Path) -> None:
    """Wrap Saturday 03:30: Saturday is no day off, Sunday is; the daily 11 hours apply (TZ 5.9.3 needs two days off)."""
    friday = dt.date(2027, 3, 5)
    root = write(
        tmp_path / "p",
        [day(friday, "17:00", "27:30", lunch="22:00"), day(friday + dt.timedelta(3), "07:00", "17:00", lunch="12:00")],
        "de-film",
    )
    assert rules(root) == []


def test_rest_after_a_day_of_more_than_13_hours_is_12_under_de_film(tmp_path: Path) -> None:
    own = '- name: de-film\n  day: {max_work: "14:00", source: test}\n'
    tuesday = MONDAY + dt.timedelta(1)
    long_day = day(MONDAY, "06:00", "21:01", lunch="11:00", second_meal="16:00")  # 15:01 less 1:15 of breaks: 13:46
    assert rules(write(tmp_path / "a", [long_day, day(tuesday, "09:00", "18:00", lunch="13:00")], "de-film", own)) == [
        ("rest", 719)
    ]
    assert rules(write(tmp_path / "b", [long_day, day(tuesday, "09:01", "18:00", lunch="13:00")], "de-film", own)) == []


def test_the_shorter_rest_on_location_is_allowed_once_in_four_days(tmp_path: Path) -> None:
    """SAG-AFTRA: 10 hours instead of 12 outside the studio zone, once every fourth consecutive day."""
    days = [
        day(MONDAY + dt.timedelta(n), call, "20:00", on_location=True, mira={"makeup": call, "wrap": "19:00"}, lunch=lunch)
        for n, (call, lunch) in enumerate([("09:00", "14:00"), ("05:00", "10:00"), ("05:00", "10:00"), ("07:00", "12:00")])
    ]
    days = [{**d, "second_meal": "16:00"} for d in days]
    root = write(tmp_path / "p", days, "{crew: eu, cast: us-sag-aftra}")
    assert [(b.rule, b.shift.number, b.found) for b in breaches(root) if b.person == "mira"] == [
        ("rest", 3, 600)
    ]  # the second 10 h rest
    for text in ("  on_location: yes\n",):
        (root / "schedule.yaml").write_text(
            (root / "schedule.yaml").read_text(encoding="utf-8").replace(text, ""), encoding="utf-8"
        )
    assert [(b.rule, b.shift.number) for b in breaches(root) if b.person == "mira"] == [
        ("rest", 2),
        ("rest", 3),
    ]  # in the studio zone


# ---- the day and its breaks -------------------------------------------------------------------


@pytest.mark.parametrize(("wrap", "found"), [("20:15", []), ("20:16", [("day", 721)])])
def test_de_film_allows_12_hours_of_work_breaks_not_counted(tmp_path: Path, wrap: str, found: list[Any]) -> None:
    root = write(tmp_path / "p", [day(MONDAY, "07:00", wrap, lunch="12:00", second_meal="17:00")], "de-film")
    assert rules(root) == found


def test_a_13_hour_day_is_allowed_once_a_week_in_a_series_only(tmp_path: Path) -> None:
    long = [day(MONDAY + dt.timedelta(n), "07:00", "21:15", lunch="12:00", second_meal="17:00") for n in (0, 3)]  # 13:00 of work
    assert rules(write(tmp_path / "feature", long[:1], "de-film")) == [("day", 780)]
    series = write(tmp_path / "series", long, "de-film")
    text = (series / "production.yaml").read_text(encoding="utf-8").replace("type: feature", "type: series")
    (series / "production.yaml").write_text(text, encoding="utf-8")
    assert [(b.rule, b.shift.number) for b in breaches(series) if b.rule == "day"] == [("day", 2)]  # the second in the week


@pytest.mark.parametrize(("lunch_end", "found"), [("12:45", []), ("12:44", [("breaks", 44)])])
def test_a_day_over_6_hours_needs_45_minutes_of_breaks_as_reported(tmp_path: Path, lunch_end: str, found: list[Any]) -> None:
    report = f'crew_call: "08:00"\nlunch_start: "12:00"\nlunch_end: "{lunch_end}"\ncrew_wrap: "15:30"\n'
    root = write(tmp_path / "p", [day(MONDAY, "08:00", "15:30", lunch="12:00")], "de-film", reports={1: report})
    assert rules(root) == found


def test_a_reported_breach_is_an_error_in_the_report_until_it_is_accepted(tmp_path: Path) -> None:
    report = 'crew_call: "08:00"\nlunch_start: "12:00"\nlunch_end: "12:30"\ncrew_wrap: "15:30"\n'
    root = write(tmp_path / "p", [day(MONDAY, "08:00", "15:30", lunch="12:00")], "de-film", reports={1: report})
    [(place, level, message)] = findings(root)
    assert (place, level) == ("reports/day-01.yaml:5:12", "error")
    assert message.startswith("Anna Berg: 7:00 h of work on day 1 with 0:30 h of breaks; de-film needs 0:45 h of breaks")
    accepted = (
        report
        + "accepted:\n  - {people: [anna], rule: breaks, up_to: 0:15, note: Lunch cut short by the tide; paid as working time}\n"
    )
    (root / "reports" / "day-01.yaml").write_text("day: 1\n" + accepted, encoding="utf-8")
    assert findings(root) == []
    assert rules(root) == [("breaks", 30)]  # still counted in the hours report


# ---- meals and penalties -------------------------------------------------------------------------


@pytest.mark.parametrize(("lunch", "found"), [("13:00", []), ("13:01", [("meals", 361)])])
def test_the_first_meal_is_due_6_00_after_the_call_and_late_at_6_01(tmp_path: Path, lunch: str, found: list[Any]) -> None:
    root = write(tmp_path / "p", [day(MONDAY, "07:00", "16:00", lunch=lunch)], "de-film")
    assert rules(root) == found


@pytest.mark.parametrize(
    ("meal_out", "count", "owed"),
    [("13:00", 0, "0"), ("13:01", 1, "25"), ("13:30", 1, "25"), ("13:31", 2, "60"), ("14:31", 4, "160")],
)
def test_sag_aftra_meal_penalties_rise_by_half_hour_25_35_then_50(tmp_path: Path, meal_out: str, count: int, owed: str) -> None:
    """The first half hour or part of it late costs $25, the second $35, each further one $50."""
    report = f'crew_call: "07:00"\ncrew_wrap: "17:00"\ncast:\n  - {{cast: mira, arrival: "07:00", meal_out: "{meal_out}", meal_in: "15:00", wrap: "17:00"}}\n'
    mira = {"makeup": "07:00"}
    root = write(
        tmp_path / "p", [day(MONDAY, "07:00", "17:00", mira=mira)], "{crew: eu, cast: us-sag-aftra}", reports={1: report}
    )
    penalties = [(b.penalties, b.owed) for b in breaches(root) if b.rule == "meal-penalty"]
    assert penalties == ([(count, Decimal(owed))] if count else [])


def test_a_meal_penalty_owed_is_a_warning_at_the_reported_meal(tmp_path: Path) -> None:
    report = (
        'crew_call: "07:00"\nlunch_start: "12:00"\nlunch_end: "12:30"\ncrew_wrap: "17:00"\n'
        'cast:\n  - {cast: mira, arrival: "07:00", meal_out: "13:31", meal_in: "14:01", wrap: "17:00"}\n'
    )
    root = write(
        tmp_path / "p",
        [day(MONDAY, "07:00", "17:00", mira={"makeup": "07:00"})],
        "{crew: eu, cast: us-sag-aftra}",
        reports={1: report},
    )
    assert findings(root) == [
        (
            "reports/day-01.yaml:7:46",
            "warning",
            "Jana Falk: first meal at 13:31, 6:31 h after the call on day 1; us-sag-aftra needs it within 6:00 h "
            "(SAG-AFTRA meal periods): 2 meal penalties, USD 60.00 owed",
        )
    ]


@pytest.mark.parametrize(("breakfast", "found"), [("09:00", []), ("09:01", [("meal-penalty", 480)])])
def test_a_breakfast_within_two_hours_of_call_restarts_the_meal_clock(tmp_path: Path, breakfast: str, found: list[Any]) -> None:
    """SAG-AFTRA: a 15-minute meal within 2 hours of the call; the first meal is then due 6 hours after it ends."""
    mira = {"makeup": "07:00", "wrap": "17:00"}
    root = write(
        tmp_path / "p",
        [day(MONDAY, "07:00", "17:00", breakfast=breakfast, lunch="15:00", mira=mira)],
        "{crew: eu, cast: us-sag-aftra}",
    )
    assert [(b.rule, b.found) for b in breaches(root) if b.person == "mira"] == found


def test_the_call_sheet_moves_first_meal_latest_with_the_breakfast(tmp_path: Path) -> None:
    from coord.documents import callsheet, common

    root = write(tmp_path / "p", [day(MONDAY, "07:00", "17:00", breakfast="08:00", lunch="13:00")], "us-sag-aftra")
    folder, _ = load_folder(root)
    assert folder is not None
    assert callsheet.callsheet(folder, common.find_day(folder, "1"))["times"]["latest_first_meal"] == "14:15"  # 08:15 + 6 h
    (root / "production.yaml").write_text((root / "production.yaml").read_text().replace("us-sag-aftra", "eu"), encoding="utf-8")
    folder, _ = load_folder(root)
    assert folder is not None
    assert callsheet.callsheet(folder, common.find_day(folder, "1"))["times"]["latest_first_meal"] == ""  # eu has no meal rule


def test_after_the_first_meal_the_next_is_due_within_6_hours_of_its_end(tmp_path: Path) -> None:
    own = "- {name: meals-only, meals: {first_within: '6:00', next_within: '6:00', length: '0:45', source: t}}\n"
    root = write(tmp_path / "p", [day(MONDAY, "07:00", "19:46", lunch="13:00")], "meals-only", own)
    assert rules(root) == [("meals", 361)]  # lunch 13:00 to 13:45, then 6:01 to the wrap
    (root / "schedule.yaml").write_text(
        (root / "schedule.yaml").read_text(encoding="utf-8").replace("19:46", "19:45"), encoding="utf-8"
    )
    assert rules(root) == []


# ---- the week ---------------------------------------------------------------------------------------------


def test_a_sixth_day_in_a_row_is_allowed_and_the_seventh_breaks_a_six_day_limit(tmp_path: Path) -> None:
    own = "- {name: six-days, based_on: eu, week: {max_days: 6, source: test agreement}}\n"
    days = [day(MONDAY + dt.timedelta(n), "08:00", "16:00", lunch="12:00") for n in range(6)]
    assert rules(write(tmp_path / "six", days, "six-days", own)) == []
    seven = [*days, day(MONDAY + dt.timedelta(6), "08:00", "16:00", lunch="12:00")]
    assert rules(write(tmp_path / "seven", seven, "six-days", own)) == [("days-in-a-row", 7)]


@pytest.mark.parametrize(
    ("week", "monday_call", "found"),
    [
        (5, "02:00", []),  # Friday 20:00 to Monday 02:00: 54 hours
        (5, "01:59", [("weekly-rest", 3239)]),
        (6, "04:00", []),  # after a six-day week, 32 hours are enough: Saturday 20:00 to Monday 04:00
        (6, "03:59", [("weekly-rest", 1919)]),
    ],
)
def test_iatse_weekend_rest_is_54_hours_after_five_days_and_32_after_six(
    tmp_path: Path, week: int, monday_call: str, found: list[Any]
) -> None:
    days = [day(MONDAY + dt.timedelta(n), "10:00", "20:00", lunch="14:00") for n in range(week)]
    days.append(day(MONDAY + dt.timedelta(7), monday_call, "12:00"))
    own = "- {name: us-iatse, rest: {daily: '10:00', source: t}}\n"
    assert [(r, f) for r, f in rules(write(tmp_path / "p", days, "us-iatse", own)) if r == "weekly-rest"] == [
        (r, f) for r, f in found if r == "weekly-rest"
    ]


@pytest.mark.parametrize(("monday_call", "found"), [("06:00", []), ("05:59", [("weekly-rest", 3239)])])
def test_sag_aftra_weekly_rest_is_54_hours_when_the_week_starts_at_06_00_or_later(
    tmp_path: Path, monday_call: str, found: list[Any]
) -> None:
    """56 hours, or 54 when the first call of the new week is 06:00 or later: Friday 24:00 to Monday 06:00 is 54."""
    days = [day(MONDAY + dt.timedelta(n), "14:00", "24:00", mira={"makeup": "14:00"}, lunch="19:00") for n in range(5)]
    days.append(day(MONDAY + dt.timedelta(7), monday_call, "12:00", mira={"makeup": monday_call}))
    root = write(tmp_path / "p", days, "{crew: eu, cast: us-sag-aftra}")
    assert [(b.rule, b.found) for b in breaches(root) if b.person == "mira" and b.rule == "weekly-rest"] == found


def test_a_company_day_off_in_the_week_gives_its_weekly_rest(tmp_path: Path) -> None:
    """eu: 35 hours of weekly rest in each calendar week; seven days in a row from Monday have none, a day off on Wednesday is one."""
    week = [day(MONDAY + dt.timedelta(n), "08:00", "18:00", lunch="12:00") for n in range(7)]
    following = day(MONDAY + dt.timedelta(7), "08:00", "18:00", lunch="12:00")
    assert rules(write(tmp_path / "no-day-off", [*week, following])) == [("weekly-rest", 840)]
    with_day_off = [*week[:2], day_off(MONDAY + dt.timedelta(2)), *week[3:], following]
    assert rules(write(tmp_path / "day-off", with_day_off)) == []  # Tuesday 18:00 to Thursday 08:00: 38 hours


def test_the_average_week_counts_weeks_without_work_as_zero(tmp_path: Path) -> None:
    own = "- {name: busy, week: {average_hours: '40:00', average_weeks: 2, source: test}}\n"
    days = [day(MONDAY + dt.timedelta(n), "08:00", "18:00") for n in range(5)]  # 50 hours in the first week, no break rule
    assert rules(write(tmp_path / "one", days, "busy", own)) == []  # 50 over 2 weeks: 25 a week
    both = [*days, *(day(MONDAY + dt.timedelta(7 + n), "08:00", "15:00") for n in range(5))]  # and 35
    assert rules(write(tmp_path / "two", both, "busy", own)) == [("average-week", 2550)]


# ---- travel -------------------------------------------------------------------------------------------------


def test_where_travel_counts_the_working_day_runs_from_the_pickup(tmp_path: Path) -> None:
    """de-film (TV FFS TZ 5.2.2): an ordered drive is working time, so the rest ends at the pickup, not the call."""
    tuesday = MONDAY + dt.timedelta(1)
    days = [
        day(MONDAY, "08:00", "19:00", lunch="12:00", second_meal="17:00", mira={"makeup": "08:00"}),
        day(tuesday, "07:00", "16:00", lunch="11:30", mira={"pickup": "05:59", "makeup": "06:30"}),
    ]
    assert [(b.rule, b.found) for b in breaches(write(tmp_path / "p", days, "de-film")) if b.person == "mira"] == [("rest", 659)]


# ---- minors ----------------------------------------------------------------------------------------------------

FINN = "- id: finn\n  number: 2\n  character: Finn\n  actor: Ole Hansen\n  minor: yes\n  date_of_birth: 2015-06-01\n"


def minor_day(date: dt.date, call: str, wrap: str) -> dict[str, Any]:
    return day(date, "08:00", "18:00", lunch="12:00", mira={"makeup": call, "wrap": wrap})


def finn(root: Path) -> Path:
    """mira's calls become finn's: a minor, 11 years old in March 2027."""
    text = (root / "schedule.yaml").read_text(encoding="utf-8").replace("cast: mira", "cast: finn")
    (root / "schedule.yaml").write_text(text, encoding="utf-8")
    scenes = (root / "scenes.yaml").read_text(encoding="utf-8").replace("cast: [mira]", "cast: [finn]")
    (root / "scenes.yaml").write_text(scenes, encoding="utf-8")
    return root


@pytest.mark.parametrize(("wrap", "found"), [("11:30", []), ("11:31", [("minors", 181)])])
def test_a_child_works_3_hours_a_day_under_de_film(tmp_path: Path, wrap: str, found: list[Any]) -> None:
    root = finn(
        write(tmp_path / "p", [minor_day(MONDAY, "08:30", wrap)], "de-film", actor=FINN + "  chaperone: Anna Hansen (mother)\n")
    )
    assert rules(root) == found


def test_a_minor_on_a_school_day_works_less_than_on_a_saturday_in_california(tmp_path: Path) -> None:
    """9 to 16 years: 5 hours of work on a school day, 7 without school (8 CCR 11760); 6 hours breaks one, not the other."""
    actor = FINN + "  chaperone: Anna Hansen (mother)\n"
    crew = "- {id: tess, name: Tess Ray, role: Studio Teacher, department: production, studio_teacher: yes}\n"
    saturday = dt.date(2027, 3, 6)
    school = finn(
        write(
            tmp_path / "school", [minor_day(MONDAY, "08:00", "14:00")], "{crew: eu, cast: us-sag-aftra}", actor=actor, crew=crew
        )
    )
    weekend = finn(
        write(
            tmp_path / "weekend",
            [minor_day(saturday, "08:00", "14:00")],
            "{crew: eu, cast: us-sag-aftra}",
            actor=actor,
            crew=crew,
        )
    )
    assert rules(school) == [("minors", 330)]  # 08:00 to 14:00 less the half-hour lunch
    assert rules(weekend) == []
    holidays = "school_holidays:\n  - {start: 2027-03-01, end: 2027-03-05, name: Spring break}\n"
    in_holidays = finn(
        write(
            tmp_path / "holidays",
            [minor_day(MONDAY, "08:00", "14:00")],
            "{crew: eu, cast: us-sag-aftra}",
            actor=actor,
            crew=crew,
            production=holidays,
        )
    )
    assert rules(in_holidays) == []


@pytest.mark.parametrize(
    ("date", "wrap", "found"),
    [
        (dt.date(2027, 3, 4), "22:00", []),  # Thursday: 22:00 before a school day
        (dt.date(2027, 3, 4), "22:01", ["minors"]),
        (dt.date(2027, 3, 5), "24:30", []),  # Friday: 00:30 before a day without school
        (dt.date(2027, 3, 5), "24:31", ["minors"]),
    ],
)
def test_a_minors_latest_release_is_later_before_a_day_without_school(
    tmp_path: Path, date: dt.date, wrap: str, found: list[str]
) -> None:
    actor = FINN + "  chaperone: Anna Hansen (mother)\n"
    crew = "- {id: tess, name: Tess Ray, role: Studio Teacher, department: production, studio_teacher: yes}\n"
    own = "- name: us-sag-aftra\n  minors:\n    - {from: 9 years, to: 16 years, work: '24:00', at_workplace: '24:00', work_no_school: '24:00', source: t}\n"
    days = [day(date, "14:00", "25:00", lunch="18:00", second_meal="23:00", mira={"makeup": "16:00", "wrap": wrap})]
    root = finn(write(tmp_path / "p", days, "{crew: eu, cast: us-sag-aftra}", own, actor=actor, crew=crew))
    assert [b.rule for b in breaches(root) if b.person == "finn"] == found


@pytest.mark.parametrize(("call", "found"), [("04:59", ["minors"]), ("05:00", [])])
def test_a_minor_is_not_called_before_05_00_in_california(tmp_path: Path, call: str, found: list[str]) -> None:
    actor = FINN + "  chaperone: Anna Hansen (mother)\n"
    crew = "- {id: tess, name: Tess Ray, role: Studio Teacher, department: production, studio_teacher: yes}\n"
    root = finn(
        write(
            tmp_path / "p",
            [day(MONDAY, "05:00", "10:00", mira={"makeup": call, "wrap": "08:00"})],
            "{crew: eu, cast: us-sag-aftra}",
            actor=actor,
            crew=crew,
        )
    )
    assert [b.rule for b in breaches(root) if b.person == "finn"] == found


def test_the_age_band_is_taken_on_each_shoot_day_from_the_date_of_birth(tmp_path: Path) -> None:
    """Finn turns 16 on 2 March: 5 hours of school-day work on the 1st, 6 on the 2nd."""
    actor = "- {id: finn, number: 2, character: Finn, actor: Ole Hansen, minor: yes, date_of_birth: 2011-03-02, chaperone: Anna Hansen}\n"
    crew = "- {id: tess, name: Tess Ray, role: Studio Teacher, department: production, studio_teacher: yes}\n"
    days = [minor_day(MONDAY, "08:00", "14:00"), minor_day(MONDAY + dt.timedelta(1), "08:00", "14:00")]
    root = finn(write(tmp_path / "p", days, "{crew: eu, cast: us-sag-aftra}", actor=actor, crew=crew))
    assert [(b.rule, b.shift.number, b.found) for b in breaches(root)] == [("minors", 1, 330)]


def test_a_minor_needs_a_chaperone_and_a_studio_teacher(tmp_path: Path) -> None:
    root = finn(write(tmp_path / "p", [minor_day(MONDAY, "08:00", "10:00")], "{crew: eu, cast: us-sag-aftra}", actor=FINN))
    found = findings(root)
    assert found == [
        (
            "cast.yaml:5:3",
            "warning",
            "Ole Hansen is a minor working on day 1 with no chaperone; us-sag-aftra requires a parent, guardian or "
            "chaperone on set (California Labor Code 1308.7; 8 CCR 11755.2, 11760)",
        ),
        (
            "schedule.yaml:9:5",
            "warning",
            "day 1: 1 minor (Ole Hansen) and 0 studio teachers on a school day; us-sag-aftra needs one for every 10 "
            "(California Labor Code 1308.7; 8 CCR 11755.2, 11760)",
        ),
    ]
    crew = "- {id: tess, name: Tess Ray, role: Studio Teacher, department: production, studio_teacher: yes}\n"
    root = finn(
        write(
            tmp_path / "q",
            [minor_day(MONDAY, "08:00", "10:00")],
            "{crew: eu, cast: us-sag-aftra}",
            actor=FINN + "  chaperone: Anna Hansen (mother)\n",
            crew=crew,
        )
    )
    assert findings(root) == []


def test_no_profile_no_rules(tmp_path: Path) -> None:
    root = write(tmp_path / "p", [day(MONDAY, "08:00", "19:00"), day(MONDAY + dt.timedelta(1), "01:00", "16:00")])
    assert rules(root) != []
    text = (root / "production.yaml").read_text(encoding="utf-8").replace("working_time: eu\n", "")
    (root / "production.yaml").write_text(text, encoding="utf-8")
    assert rules(root) == []
