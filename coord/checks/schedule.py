"""The shooting schedule: days, scenes, locations and cast calls, and the times of each day and its report."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator

from coord import model as m
from coord.checks import Reporter, check
from coord.localtime import MISSING, clock_change
from coord.plan import MANUAL_STATUSES, cast_in_scenes, shoot_days
from coord.values import Time


@check("scenes-scheduled", reads=("days", "scenes"))
def scenes_scheduled(folder: m.ProductionFolder, out: Reporter) -> None:
    first_day: dict[str, m.ShootDay] = {}
    for day in shoot_days(folder):
        for number in day.scenes:
            if number in first_day:
                out.error(
                    day.at("scenes", number),
                    f"scene {number} is scheduled twice: on day {first_day[number].day} and day {day.day}",
                    "remove it from one day; for a scene shot in parts, split it in scenes.yaml (e.g. 12 and 12pt2)",
                )
            else:
                first_day[number] = day
    if not shoot_days(folder) or {"days", "scenes"} & folder.incomplete or any("scenes" in d.invalid for d in folder.days):
        return
    for scene in folder.scenes:
        if scene.number is not None and scene.number not in first_day:
            out.warning(
                scene.at("number"), f"scene {scene.number} is not on any shoot day", "add it to a day's scenes in schedule.yaml"
            )


@check("shoot-days", reads=("days",))
def shoot_day_fields(folder: m.ProductionFolder, out: Reporter) -> None:
    for day in folder.days:
        if "type" in day.invalid:
            continue
        if day.type == "shoot":
            if day.lacks("day"):
                out.error(day.at("day"), f"the shoot day on {day.date} has no day number", "add 'day: N'")
            if day.lacks("crew_call"):
                out.error(day.at("crew_call"), f"shoot day {day.day} has no crew call", "add 'crew_call: HH:MM'")
            if day.lacks("scenes"):
                out.warning(
                    day.at("scenes"), f"shoot day {day.day} has no scenes", "list the scenes in shooting order under 'scenes:'"
                )
            if day.lacks("locations"):
                out.warning(day.at("locations"), f"shoot day {day.day} has no location", "add 'locations: [location-id]'")
        elif day.scenes or day.crew_call is not None:
            out.error(
                day.pos,
                f"{day.date} is a {day.type} day but has scenes or a crew call",
                "make it 'type: shoot' with a day number, or remove the scenes and crew call",
            )


@check("dates-in-order", reads=("days",))
def dates_in_order(folder: m.ProductionFolder, out: Reporter) -> None:
    by_unit: dict[str, list[m.ShootDay]] = defaultdict(list)
    for day in folder.days:
        by_unit[day.unit].append(day)
    for unit_days in by_unit.values():
        on_date: dict[dt.date, m.ShootDay] = {}
        for day in unit_days:
            if day.date is None:
                continue
            other = on_date.get(day.date)
            if other is not None:
                out.error(
                    day.at("date"),
                    f"{day.date} has two days for unit {day.unit} ({_day_label(other)} and {_day_label(day)})",
                    "correct one date, or give the second unit its own 'unit:'",
                )
            on_date[day.date] = day
        numbered = sorted((d for d in unit_days if d.day is not None and d.date is not None), key=lambda d: d.day or 0)
        for before, after in itertools.pairwise(numbered):
            if after.date <= before.date:
                out.error(
                    after.at("date"),
                    f"day {after.day} is on {after.date}, not after day {before.day} on {before.date}",
                    "shoot days are numbered in date order: check the date or the day number",
                )


def _day_label(day: m.ShootDay) -> str:
    return f"day {day.day}" if day.day is not None else f"a {day.type} day"


@check("day-locations", reads=("days", "scenes", "locations"))
def day_locations(folder: m.ProductionFolder, out: Reporter) -> None:
    scenes = {s.number: s for s in folder.scenes}
    for day in shoot_days(folder):
        for number in day.scenes:
            scene = scenes.get(number)
            if scene and scene.location and day.locations and scene.location not in day.locations and not day.invalid:
                out.warning(
                    day.at("locations"),
                    f"scene {number} is shot at {scene.location}, which is not among day {day.day}'s locations",
                    f"add {scene.location} to the day's locations",
                )


@check("day-cast", reads=("days", "scenes", "cast"))
def day_cast(folder: m.ProductionFolder, out: Reporter) -> None:
    scenes = {s.number: s for s in folder.scenes}
    numbers = {c.id: c.number for c in folder.cast}
    if {"scenes", "cast"} & folder.incomplete:
        return
    for day in shoot_days(folder):
        if "scenes" in day.invalid:
            continue
        in_scenes = cast_in_scenes(day, scenes)
        called = set()
        for call in day.cast_calls:
            called.add(call.cast)
            if call.cast in numbers and call.cast not in in_scenes and call.status not in MANUAL_STATUSES:
                out.error(
                    call.at("cast"),
                    f"{call.cast} is called on day {day.day} but is in none of its scenes",
                    "remove the call, add the scene, or mark it 'status: H' (hold), T, R or F",
                )
        for member in sorted(in_scenes - called, key=lambda c: numbers.get(c, 0)):
            if member in numbers:
                out.warning(
                    day.at("cast_calls"),
                    f"{member} plays on day {day.day} but has no cast call",
                    f"add '- cast: {member}' with their times under cast_calls",
                )


@check("call-times", reads=("days",))
def call_times(folder: m.ProductionFolder, out: Reporter) -> None:
    for day in shoot_days(folder):
        crew_call = day.crew_call
        if crew_call is None:
            continue
        if day.shooting_call is not None and day.shooting_call < crew_call:
            out.error(
                day.at("shooting_call"), f"shooting call {day.shooting_call} is before crew call {crew_call}", "check both times"
            )
        if day.wrap is not None and day.wrap <= crew_call:
            out.error(
                day.at("wrap"),
                f"wrap {day.wrap} is not after crew call {crew_call}",
                "after midnight count on: write 01:30 the next morning as 25:30",
            )
        for call in day.cast_calls:
            if call.makeup is None and call.wardrobe is None and call.on_set is None and call.status not in MANUAL_STATUSES:
                out.warning(
                    call.at("cast"),
                    f"{call.cast} is called on day {day.day} without a make-up, wardrobe or on-set time",
                    "add 'on_set: HH:MM' (and make-up and wardrobe as needed): their copy says the call is to follow",
                )
            steps = [
                (n, t)
                for n, t in (
                    ("pickup", call.pickup),
                    ("makeup", call.makeup),
                    ("wardrobe", call.wardrobe),
                    ("on_set", call.on_set),
                )
                if t is not None
            ]
            # Each step comes after every earlier one; only make-up and wardrobe may come in either order.
            for index, (name_b, b) in enumerate(steps):
                earlier = [(n, t) for n, t in steps[:index] if {n, name_b} != {"makeup", "wardrobe"} and t > b]
                if earlier:
                    name_a, a = earlier[0]
                    out.error(
                        call.at(name_b),
                        f"{call.cast}'s {name_b} {b} is before their {name_a} {a}",
                        "pickup comes first, then make-up and wardrobe, then on set",
                    )


#: A day report's times in the order they happen.
REPORT_ORDER = (
    "crew_call",
    "first_shot",
    "lunch_start",
    "lunch_end",
    "first_shot_after_lunch",
    "camera_wrap",
    "crew_wrap",
    "last_out",
)
#: Every time a day report may give.
REPORT_TIMES = (*REPORT_ORDER, "second_meal_start", "second_meal_end")


@check("report-times", reads=("reports",))
def report_times(folder: m.ProductionFolder, out: Reporter) -> None:
    """A day's reported times follow each other; a wrap after midnight written as 01:10 shows up here."""
    for report in folder.reports:
        times = [(name, getattr(report, name)) for name in REPORT_ORDER if getattr(report, name) is not None]
        for (name_a, a), (name_b, b) in itertools.pairwise(times):
            if b < a:
                out.error(
                    report.at(name_b),
                    f"{name_b} {b} is before {name_a} {a}",
                    "after midnight count on: write 01:10 the next morning as 25:10",
                )


@check("clock-changes", reads=("days", "transport", "reports", "production"))
def clock_changes(folder: m.ProductionFolder, out: Reporter) -> None:
    """A time the clocks skip or show twice that night: the hours around it are counted in real time, so say which."""
    timezone = folder.production.timezone
    if not timezone:
        return
    days = {d.day: d for d in shoot_days(folder) if d.date is not None}
    for entry, attr, label, time, day in _times_of(folder, days):
        change = clock_change(day.date, time, timezone)
        if change is None:
            continue
        when = f"day {day.day}: {label} {time} is {change.local:%H:%M} on {change.local:%A %d %B %Y}"
        if change.kind == MISSING:
            out.warning(
                entry.at(attr),
                f"{when}, which does not exist in {timezone}: the clocks go forward from {change.jump_from} to {change.jump_to}",
                f"write the time the clocks will show; coord counts it as {change.jump_to}, the moment they change",
            )
        else:
            out.warning(
                entry.at(attr),
                f"{when}, which happens twice in {timezone}: the clocks go back from {change.jump_from} to {change.jump_to}",
                f"coord counts the first of the two; hours across the change are real hours, {_span(change.minutes)} more than the clocks show",
            )


def _span(minutes: int) -> str:
    return "one hour" if minutes == 60 else f"{minutes} minutes"


def _times_of(
    folder: m.ProductionFolder, days: dict[int | None, m.ShootDay]
) -> Iterator[tuple[m.Entry, str, str, Time, m.ShootDay]]:
    """Every time written for a shoot day: (entry, field, how to name it, the time, the day).

    Every wall-clock field of the format is here (a test compares them with coord/model.py); runs are made of
    pickups, so their stops and arrivals are the pickups' `time:` and `arrive:`.
    """
    for day in days.values():
        for attr in ("crew_call", "shooting_call", "wrap"):
            yield from _given(day, attr, attr.replace("_", " "), day)
        for department, time in day.department_calls.items():
            yield day, f"department_calls:{department}", f"{department} call", time, day
        for person, time in day.calls.items():
            yield day, f"calls:{person}", f"{person}'s call", time, day
        for call in day.cast_calls:
            for attr in ("pickup", "makeup", "wardrobe", "on_set", "wrap"):
                yield from _given(call, attr, f"{call.cast}'s {attr.replace('_', ' ')}", day)
        for group in day.background:
            yield from _given(group, "call", f"{group.description} call", day)
        if day.meals is not None:
            for attr in ("breakfast", "lunch", "second_meal"):
                yield from _given(day.meals, attr, attr.replace("_", " "), day)
    for pickup in folder.transport.pickups:
        if pickup.day in days:
            yield from _given(pickup, "time", f"{pickup.person}'s pickup", days[pickup.day])
            yield from _given(pickup, "arrive", f"the arrival of {pickup.person}'s pickup", days[pickup.day])
    for report in folder.reports:
        if report.day not in days:
            continue
        reported = days[report.day]
        for name in REPORT_TIMES:
            yield from _given(report, name, f"reported {name.replace('_', ' ')}", reported)
        for times in report.cast:
            for attr in ("pickup", "arrival", "makeup", "on_set", "meal_out", "meal_in", "wrap", "back"):
                yield from _given(times, attr, f"{times.cast}'s {attr.replace('_', ' ')}", reported)
        for worked in report.extras:
            for attr in ("call", "wrap"):
                yield from _given(worked, attr, f"{worked.description} {attr}", reported)


def _given(entry: m.Entry, attr: str, label: str, day: m.ShootDay) -> Iterator[tuple[m.Entry, str, str, Time, m.ShootDay]]:
    time = getattr(entry, attr)
    if time is not None:
        yield entry, attr, label, time, day
