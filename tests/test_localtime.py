"""Durations are real elapsed time in the production's timezone: across midnight and both daylight-saving nights."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import append, edit, loaded

from coord import kinds as k
from coord import model as m
from coord import plan
from coord.checks import schedule as schedule_checks
from coord.checks import validate
from coord.documents import callsheet, common
from coord.documents import report as dpr
from coord.localtime import MISSING, REPEATED, clock_change, elapsed, later, moment
from coord.values import Time, parse_time

SPRING = dt.date(2027, 3, 27)  # Saturday; in Berlin the clocks go forward at 02:00 on Sunday 28 March
AUTUMN = dt.date(2027, 10, 30)  # Saturday; they go back at 03:00 on Sunday 31 October


@pytest.mark.parametrize(
    ("date", "timezone", "start", "end", "minutes"),
    [
        (dt.date(2027, 3, 1), "Europe/Berlin", "18:00", "30:00", 12 * 60),  # an ordinary night
        (SPRING, "Europe/Berlin", "18:00", "30:00", 11 * 60),  # one hour less than the clock says
        (AUTUMN, "Europe/Berlin", "18:00", "30:00", 13 * 60),  # one hour more
        (SPRING, "Europe/Berlin", "08:00", "19:00", 11 * 60),  # the day before the change is untouched
        (dt.date(2027, 3, 13), "America/New_York", "20:00", "28:00", 7 * 60),  # New York changes two weeks earlier
        (dt.date(2027, 11, 6), "America/New_York", "20:00", "28:00", 9 * 60),
        (SPRING, "Asia/Tokyo", "18:00", "30:00", 12 * 60),  # no daylight saving at all
    ],
)
def test_elapsed_is_real_time(date: dt.date, timezone: str, start: str, end: str, minutes: int) -> None:
    assert elapsed(date, parse_time(start), parse_time(end), timezone) == minutes


def test_a_time_later_by_real_minutes_is_what_the_clocks_show() -> None:
    assert str(later(SPRING, Time(22 * 60), 6 * 60, "Europe/Berlin")) == "29:00"  # 05:00 the next morning
    assert str(later(AUTUMN, Time(22 * 60), 6 * 60, "Europe/Berlin")) == "27:00"  # 03:00
    assert str(later(dt.date(2027, 3, 1), Time(22 * 60), 6 * 60, "Europe/Berlin")) == "28:00"


def test_skipped_and_doubled_times_are_told_apart_from_ordinary_ones() -> None:
    berlin = "Europe/Berlin"
    skipped = clock_change(SPRING, parse_time("26:30"), berlin)
    assert skipped is not None and (skipped.kind, skipped.jump_from, skipped.jump_to) == (MISSING, "02:00", "03:00")
    doubled = clock_change(AUTUMN, parse_time("26:00"), berlin)
    assert doubled is not None and (doubled.kind, doubled.jump_from, doubled.jump_to) == (REPEATED, "03:00", "02:00")
    for ordinary in ("25:59", "27:00"):  # the minute before and the first minute after the odd hour
        assert clock_change(SPRING, parse_time(ordinary), berlin) is None
        assert clock_change(AUTUMN, parse_time(ordinary), berlin) is None


def night_shoot(minimal: Path, date: dt.date, wrap: str) -> None:
    """Day 2 of the minimal production, a night shoot, moved to `date`, with its report."""
    edit(minimal / "schedule.yaml", "  date: 2027-03-03\n", f"  date: {date}\n")
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-12-31\n")
    (minimal / "reports").mkdir()
    (minimal / "reports" / "day-02.yaml").write_text(
        f'day: 2\ncrew_call: "17:00"\ncamera_wrap: "{wrap}"\ncrew_wrap: "{wrap}"\n'
        f'extras:\n  - description: Dock workers\n    count: 12\n    call: "18:00"\n    wrap: "{wrap}"\n',
        encoding="utf-8",
    )


@pytest.mark.parametrize(("date", "hours", "extras"), [(SPRING, "12:00 h", "11:00 h"), (AUTUMN, "14:00 h", "13:00 h")])
def test_the_daily_report_counts_real_hours_on_a_clock_change_night(
    minimal: Path, date: dt.date, hours: str, extras: str
) -> None:
    night_shoot(minimal, date, "30:00")  # 06:00 on Sunday morning
    folder = loaded(minimal)
    day, report = dpr.find_report(folder, "2")
    context = dpr.daily_report(folder, day, report)
    assert context["hours_worked"] == hours  # the clock says 13:00 h both nights
    assert context["extras"][0]["hours"] == extras
    assert context["wrap_against_plan"] == ("3:30 h over schedule" if date == SPRING else "5:30 h over schedule")  # planned 25:30


def test_the_first_meal_is_due_six_real_hours_after_crew_call(minimal: Path) -> None:
    night_shoot(minimal, SPRING, "30:00")
    edit(minimal / "schedule.yaml", '  crew_call: "17:00"\n', '  crew_call: "22:00"\n')
    edit(minimal / "schedule.yaml", '      makeup: "17:30"', '      makeup: "22:30"')
    folder = loaded(minimal)
    context = callsheet.callsheet(folder, common.find_day(folder, "2"))
    assert context["times"]["latest_first_meal"] == "05:00 (+1)"  # 04:00 on the clock would be 5 real hours


def test_a_time_the_clocks_skip_or_repeat_is_a_warning_naming_the_day_and_time(minimal: Path) -> None:
    night_shoot(minimal, SPRING, "26:30")
    _, findings = validate(minimal)
    skipped = [(str(f.pos), f.message) for f in findings.warnings if f.check == "clock-changes"]
    assert skipped == [
        (
            "reports/day-02.yaml:3:14",
            "day 2: reported camera wrap 26:30 is 02:30 on Sunday 28 March 2027, which does not exist in Europe/Berlin: "
            "the clocks go forward from 02:00 to 03:00",
        ),
        (
            "reports/day-02.yaml:4:12",
            "day 2: reported crew wrap 26:30 is 02:30 on Sunday 28 March 2027, which does not exist in Europe/Berlin: "
            "the clocks go forward from 02:00 to 03:00",
        ),
        (
            "reports/day-02.yaml:9:11",
            "day 2: Dock workers wrap 26:30 is 02:30 on Sunday 28 March 2027, which does not exist in Europe/Berlin: "
            "the clocks go forward from 02:00 to 03:00",
        ),
    ]


def test_a_planned_wrap_in_the_doubled_hour_is_a_warning(minimal: Path) -> None:
    edit(minimal / "schedule.yaml", "  date: 2027-03-03\n", f"  date: {AUTUMN}\n")
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-12-31\n")
    edit(minimal / "schedule.yaml", '  wrap: "25:30"\n', '  wrap: "26:15"\n')
    _, findings = validate(minimal)
    [warning] = [f for f in findings.warnings if f.check == "clock-changes"]
    assert str(warning.pos) == "schedule.yaml:24:9"
    assert warning.message == (
        "day 2: wrap 26:15 is 02:15 on Sunday 31 October 2027, which happens twice in Europe/Berlin: "
        "the clocks go back from 03:00 to 02:00"
    )
    edit(minimal / "schedule.yaml", '  wrap: "26:15"\n', '  wrap: "27:00"\n')  # after the doubled hour: no warning
    assert not [f for f in validate(minimal)[1] if f.check == "clock-changes"]


@pytest.mark.parametrize("timezone", ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"])
@pytest.mark.parametrize(
    "date", [SPRING, AUTUMN, dt.date(2027, 3, 13), dt.date(2027, 11, 6), dt.date(2027, 4, 3), dt.date(2027, 9, 25)]
)
def test_a_later_time_is_never_an_earlier_moment(timezone: str, date: dt.date) -> None:
    """Skipped times count as the moment of the change, so no duration is negative, also around a skipped hour."""
    moments = [moment(date, Time(minutes), timezone) for minutes in range(20 * 60, 32 * 60, 5)]
    assert moments == sorted(moments)
    assert elapsed(date, parse_time("26:30"), parse_time("27:15"), timezone) >= 0


def test_a_skipped_start_counts_from_the_moment_the_clocks_change() -> None:
    assert elapsed(SPRING, parse_time("26:30"), parse_time("27:15"), "Europe/Berlin") == 15  # 03:00 to 03:15 summer time


def test_a_half_hour_clock_change_says_so(minimal: Path) -> None:
    edit(minimal / "production.yaml", "timezone: Europe/Berlin", "timezone: Australia/Lord_Howe")
    edit(minimal / "schedule.yaml", "  date: 2027-03-03\n", "  date: 2027-04-03\n")  # Lord Howe goes back 30 minutes on 4 April
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-12-31\n")
    edit(minimal / "schedule.yaml", '  wrap: "25:30"\n', '  wrap: "25:45"\n')
    [warning] = [f for f in validate(minimal)[1] if f.check == "clock-changes"]
    assert warning.message.endswith("which happens twice in Australia/Lord_Howe: the clocks go back from 02:00 to 01:30")
    assert warning.hint.endswith("hours across the change are real hours, 30 minutes more than the clocks show")


def spring_night_pickup(minimal: Path, time: str, arrive: str) -> None:
    """Day 2 of the minimal production on the Saturday before the clocks go forward, with mira collected in the night."""
    edit(minimal / "schedule.yaml", "  date: 2027-03-03\n", f"  date: {SPRING}\n")
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-12-31\n")
    append(
        minimal / "transport.yaml",
        f'  - day: 2\n    time: "{time}"\n    person: mira\n    from: home\n    vehicle: van-1\n    arrive: "{arrive}"\n',
    )


def test_a_pickup_or_its_arrival_in_the_skipped_hour_is_a_warning_naming_the_day_and_time(minimal: Path) -> None:
    spring_night_pickup(minimal, "25:45", "26:10")
    skipped = [(str(f.pos), f.message, f.hint) for f in validate(minimal)[1].warnings if f.check == "clock-changes"]
    assert skipped == [
        (
            "transport.yaml:17:13",
            "day 2: the arrival of mira's pickup 26:10 is 02:10 on Sunday 28 March 2027, which does not exist in "
            "Europe/Berlin: the clocks go forward from 02:00 to 03:00",
            "write the time the clocks will show; coord counts it as 03:00, the moment they change",
        )
    ]


def test_a_pickup_time_in_the_skipped_hour_is_a_warning_and_the_hour_after_it_is_not(minimal: Path) -> None:
    spring_night_pickup(minimal, "26:59", "27:00")  # the last skipped minute; arriving at 03:00, the clocks' new time
    skipped = [(str(f.pos), f.message) for f in validate(minimal)[1].warnings if f.check == "clock-changes"]
    assert skipped == [
        (
            "transport.yaml:13:11",
            "day 2: mira's pickup 26:59 is 02:59 on Sunday 28 March 2027, which does not exist in Europe/Berlin: "
            "the clocks go forward from 02:00 to 03:00",
        )
    ]


#: Every time of a shoot day the format has, written in the skipped hour of the night to 28 March 2027.
EVERY_TIME = [
    ("schedule.yaml", '  crew_call: "17:00"\n', '  crew_call: "26:10"\n'),
    (
        "schedule.yaml",
        '  wrap: "25:30"\n',
        '  wrap: "26:10"\n  shooting_call: "26:10"\n  department_calls: {camera: "26:10"}\n  calls: {tom: "26:10"}\n'
        '  meals: {breakfast: "26:10", lunch: "26:10", second_meal: "26:10"}\n'
        '  background:\n    - description: Dock workers\n      count: 4\n      call: "26:10"\n',
    ),
    (
        "schedule.yaml",
        '      makeup: "17:30"',
        '      makeup: "26:10"\n      pickup: "26:10"\n      wardrobe: "26:10"\n      on_set: "26:10"\n      wrap: "26:10"',
    ),
]
REPORT = (
    'day: 2\ncrew_call: "26:10"\nfirst_shot: "26:10"\nlunch_start: "26:10"\nlunch_end: "26:10"\n'
    'second_meal_start: "26:10"\nsecond_meal_end: "26:10"\nfirst_shot_after_lunch: "26:10"\ncamera_wrap: "26:10"\n'
    'crew_wrap: "26:10"\nlast_out: "26:10"\ncast:\n  - cast: mira\n'
    + "".join(
        f'    {name}: "26:10"\n' for name in ("pickup", "arrival", "makeup", "on_set", "meal_out", "meal_in", "wrap", "back")
    )
    + 'extras:\n  - description: Dock workers\n    count: 4\n    call: "26:10"\n    wrap: "26:10"\n'
)


def wall_clock_fields() -> set[tuple[str, str]]:
    """Every time field of the format (coord/model.py) but the working-time rules' times of day, which are no shoot day's."""
    found = set()
    for cls in vars(m).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and issubclass(cls, m.Entry) and not issubclass(cls, m.Rule):
            for field in dataclasses.fields(cls):
                kind = field.metadata.get("kind")
                if isinstance(kind, k.Time) or (isinstance(kind, k.MapOf) and isinstance(kind.value, k.Time)):
                    found.add((cls.__name__, field.name))
    return found


def test_every_time_of_a_shoot_day_is_checked_for_the_clock_change(minimal: Path) -> None:
    spring_night_pickup(minimal, "26:10", "26:10")
    for name, old, new in EVERY_TIME:
        edit(minimal / name, old, new)
    (minimal / "reports").mkdir()
    (minimal / "reports" / "day-02.yaml").write_text(REPORT, encoding="utf-8")
    folder, findings = validate(minimal)
    assert folder is not None and not [f for f in findings if f.check == "load"]
    days = {d.day: d for d in plan.shoot_days(folder) if d.date is not None}
    checked = {(type(entry).__name__, attr.split(":")[0]) for entry, attr, *_ in schedule_checks._times_of(folder, days)}
    assert checked == wall_clock_fields()
    warned = [f for f in findings.warnings if f.check == "clock-changes"]
    assert len(warned) == len([t for t in schedule_checks._times_of(folder, days) if t[-1].day == 2])
    assert all("does not exist in Europe/Berlin" in f.message and "day 2: " in f.message for f in warned)
