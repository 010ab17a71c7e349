"""The daily production report: what happened on a shoot day, beside what was planned, and the totals to date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import DAY_INPUTS, breach_flag, clock, common_context, day_file, find_day, format_date
from coord.errors import CoordError
from coord.localtime import elapsed
from coord.values import Eighths, Time
from coord.workrules import Breach, by_day, evaluate

DONE = ("complete", "added")


def items(folder: m.ProductionFolder, day: str) -> list[Item]:
    """The report of one shoot day (a number or a date), from reports/ beside the schedule."""
    shoot_day, report = find_report(folder, day)
    return [
        Item(day_file(shoot_day, "-report"), daily_report(folder, shoot_day, report), variants=(f"day-{shoot_day.day or 0:02d}",))
    ]


DOCUMENT = register(Document("report", "daily production report", (*DAY_INPUTS, "reports", "profiles"), "reports", items))


def find_report(folder: m.ProductionFolder, wanted: str) -> tuple[m.ShootDay, m.DayReport]:
    """The shoot day (by number or date) and its report from reports/."""
    day = find_day(folder, wanted)
    for report in folder.reports:
        if report.day == day.day:
            return day, report
    raise CoordError(f"day {day.day} has no report yet: add reports/day-{day.day:02d}.yaml (see docs/format.md)")


@dataclass(frozen=True)
class ToDate:
    """Progress after a shoot day: what the schedule planned by then and what was shot."""

    days_done: int
    days_left: int
    scenes_scheduled: int
    scenes_done: int
    pages_scheduled: Eighths
    pages_done: Eighths

    @property
    def scenes_ahead(self) -> int:
        return self.scenes_done - self.scenes_scheduled

    @property
    def pages_ahead(self) -> int:
        """Eighths ahead of schedule (negative: behind)."""
        return self.pages_done.eighths - self.pages_scheduled.eighths


def to_date(folder: m.ProductionFolder, day: m.ShootDay) -> ToDate:
    """Totals after `day`: a scene counts as done once reported complete (or added); a partly shot one adds its pages."""
    scenes = plan.scenes_by_number(folder)
    days = plan.shoot_days(folder)
    number = day.day or 0
    planned = [n for d in days if (d.day or 0) <= number for n in d.scenes if n in scenes]
    reports = [r for r in folder.reports if r.day <= number]
    done = _scenes_done(reports, scenes)
    return ToDate(
        days_done=sum(1 for d in days if (d.day or 0) <= number),
        days_left=sum(1 for d in days if (d.day or 0) > number),
        scenes_scheduled=len(planned),
        scenes_done=len(done),
        pages_scheduled=Eighths(sum(scenes[n].pages.eighths for n in planned)),
        pages_done=Eighths(
            sum(scenes[n].pages.eighths for n in done)
            + sum(min(shot, scenes[n].pages.eighths) for n, shot in _pages_of_partial(reports, scenes, done).items())
        ),
    )


def _scenes_done(reports: list[m.DayReport], scenes: dict[str, m.Scene]) -> set[str]:
    """Scenes reported complete, or added, by any of the reports."""
    return {line.scene for r in reports for line in r.scenes if line.result in DONE and line.scene in scenes}


def _pages_of_partial(reports: list[m.DayReport], scenes: dict[str, m.Scene], done: set[str]) -> dict[str, int]:
    """Eighths reported for each partly shot scene that is not yet done, over all the reports."""
    partial: dict[str, int] = {}
    for r in reports:
        for line in r.scenes:
            if line.result == "part" and line.scene in scenes and line.scene not in done:
                partial[line.scene] = partial.get(line.scene, 0) + (line.pages.eighths if line.pages else 0)
    return partial


def _pages_shot(line: m.SceneReport, scenes: dict[str, m.Scene]) -> Eighths:
    """The pages a report line shot: as reported, else the whole scene when it was completed."""
    if line.pages is not None:
        return line.pages
    scene = scenes.get(line.scene)
    return scene.pages if scene is not None and line.result in DONE else Eighths(0)


def duration(date: dt.date, start: Time | None, end: Time | None, timezone: str) -> str:
    """`10:45 h` of real time from start to end of the shoot day on `date`; empty when either is missing."""
    if start is None or end is None or end < start:
        return ""
    hours, minutes = divmod(elapsed(date, start, end, timezone), 60)
    return f"{hours}:{minutes:02d} h"


def signed(amount: int, unit: type = int) -> str:
    """`+3`, `−7/8`, `±0`: how far ahead (+) or behind (−) the shoot is."""
    if not amount:
        return "±0"
    return ("+" if amount > 0 else "−") + str(unit(abs(amount)))


def daily_report(folder: m.ProductionFolder, day: m.ShootDay, report: m.DayReport) -> Context:
    """Everything the daily production report shows for `day`."""
    production = folder.production
    language = production.language
    words = lb.labels(language)
    scenes = plan.scenes_by_number(folder)
    cast = {c.id: c for c in folder.cast}
    flags = by_day(*evaluate(folder))
    return {
        **common_context(production),
        "day": {
            "number": day.day or 0,
            "of": words["day_of"].format(day=day.day, total=len(plan.shoot_days(folder))),
            "weekday": lb.weekday(day.date.weekday(), language),
            "date": format_date(day.date, language),
        },
        "times": _times(day, report, words),
        "hours_worked": duration(day.date, report.crew_call, report.crew_wrap, production.timezone),
        "wrap_against_plan": _against_plan(day, report.camera_wrap, words, production.timezone),
        "scenes": _scene_rows(day, report, scenes, words),
        "scene_totals": _scene_totals(day, report, scenes),
        "cast": [
            _cast_times(t, cast, _flags(flags.get((day.day or 0, t.cast), []), words))
            for t in sorted(report.cast, key=lambda t: cast[t.cast].number if t.cast in cast else 0)
        ],
        **_crew(report, language),
        "extras": [_extras_row(e, day.date, production.timezone) for e in report.extras],
        "media": list(report.media),
        "incidents": list(report.incidents),
        "delays": [{"cause": d.cause, "minutes": d.minutes} for d in report.delays],
        "delay_total": sum(d.minutes for d in report.delays),
        "equipment_problems": list(report.equipment_problems),
        "notes": report.notes or "",
        "to_date": _to_date_block(to_date(folder, day), words),
    }


def _times(day: m.ShootDay, report: m.DayReport, words: Mapping[str, str]) -> list[dict[str, str]]:
    """The day's times, planned beside actual, those with neither left out."""
    meals = day.meals or m.Meals()
    return [
        {"label": words[key], "planned": clock(planned), "actual": clock(actual)}
        for key, planned, actual in (
            ("crew_call", day.crew_call, report.crew_call),
            ("first_shot", day.shooting_call, report.first_shot),
            ("lunch_start", meals.lunch, report.lunch_start),
            ("lunch_end", None, report.lunch_end),
            ("second_meal_start", meals.second_meal, report.second_meal_start),
            ("second_meal_end", None, report.second_meal_end),
            ("first_shot_after_lunch", None, report.first_shot_after_lunch),
            ("camera_wrap", day.wrap, report.camera_wrap),
            ("crew_wrap", None, report.crew_wrap),
            ("last_out", None, report.last_out),
        )
        if planned is not None or actual is not None
    ]


def _scene_rows(
    day: m.ShootDay, report: m.DayReport, scenes: dict[str, m.Scene], words: Mapping[str, str]
) -> list[dict[str, str]]:
    """Each planned scene with what became of it, then the scenes shot that were not planned."""
    lines = {line.scene: line for line in report.scenes}

    def row(number: str, planned: bool) -> dict[str, str]:
        line = lines.get(number)
        scene = scenes.get(number)
        result = line.result if line else "not_reported"
        moved = f" → {words['day']} {line.moved_to}" if line and line.moved_to else ""
        return {
            "number": number,
            "set": scene.set if scene else "",
            "planned": str(scene.pages) if scene and planned else "",
            "result": words[f"result_{result}"] + moved,
            "pages": str(_pages_shot(line, scenes)) if line and _pages_shot(line, scenes).eighths else "",
            "setups": str(line.setups) if line and line.setups is not None else "",
            "screen_time": _mm_ss(line.screen_time) if line else "",
            "notes": line.notes or "" if line else "",
        }

    return [row(n, True) for n in day.scenes] + [row(line.scene, False) for line in report.scenes if line.scene not in day.scenes]


def _scene_totals(day: m.ShootDay, report: m.DayReport, scenes: dict[str, m.Scene]) -> dict[str, str]:
    return {
        "planned_pages": str(plan.day_pages(day, scenes)),
        "shot_pages": str(Eighths(sum(_pages_shot(line, scenes).eighths for line in report.scenes))),
        "setups": str(sum(line.setups or 0 for line in report.scenes)),
        "screen_time": _mm_ss(sum(line.screen_time or 0 for line in report.scenes)),
    }


def _crew(report: m.DayReport, language: str) -> dict[str, Any]:
    """Headcount and overtime by department in the industry's order, and their totals."""
    return {
        "crew": [
            {"department": lb.department(h.department, language), "people": h.people, "overtime": _hours(h.overtime)}
            for h in sorted(report.crew, key=lambda h: m.DEPARTMENTS.index(h.department))
        ],
        "crew_total": {"people": sum(h.people for h in report.crew), "overtime": _hours(sum(h.overtime for h in report.crew))},
    }


def _extras_row(extras: m.ExtrasWorked, date: dt.date, timezone: str) -> dict[str, Any]:
    return {
        "description": extras.description,
        "count": extras.count,
        "call": clock(extras.call),
        "wrap": clock(extras.wrap),
        "hours": duration(date, extras.call, extras.wrap, timezone),
    }


def _to_date_block(totals: ToDate, words: Mapping[str, str]) -> dict[str, Any]:
    """Progress to date as printed: days done and left, scenes and pages against the schedule, ahead or behind."""
    if totals.pages_ahead > 0:
        status = words["ahead"]
    elif totals.pages_ahead < 0:
        status = words["behind"]
    else:
        status = words["on_schedule"]
    return {
        "days": words["days_done"].format(
            done=totals.days_done, total=totals.days_done + totals.days_left, left=totals.days_left
        ),
        "scenes_scheduled": totals.scenes_scheduled,
        "scenes_done": totals.scenes_done,
        "scenes_ahead": signed(totals.scenes_ahead),
        "pages_scheduled": str(totals.pages_scheduled),
        "pages_done": str(totals.pages_done),
        "pages_ahead": signed(totals.pages_ahead, Eighths),
        "status": status,
    }


def _against_plan(day: m.ShootDay, actual: Time | None, words: Mapping[str, str], timezone: str) -> str:
    """`45 min over` or `1:20 h early`, comparing the camera wrap with the planned wrap, in real time."""
    planned = day.wrap
    if planned is None or actual is None or planned == actual:
        return ""
    difference = elapsed(day.date, planned, actual, timezone)
    amount = f"{abs(difference)} min" if abs(difference) < 60 else f"{abs(difference) // 60}:{abs(difference) % 60:02d} h"
    return words["over"].format(amount=amount) if difference > 0 else words["early"].format(amount=amount)


#: The rules an actor's line of the time sheet flags: the short turnaround into the day, a late meal, a long day.
FLAGGED = ("rest", "meals", "meal-penalty", "day")


def _flags(breaches: list[Breach], words: Mapping[str, str]) -> str:
    """The flags of an actor's reported day, from the working-time rules (coord.workrules)."""
    return " · ".join(breach_flag(b, words) for b in breaches if b.shift.actual and b.rule in FLAGGED)


def _cast_times(times: m.CastTimes, cast: dict[str, m.CastMember], flags: str) -> dict[str, Any]:
    member = cast.get(times.cast)
    return {
        "number": member.number if member else "",
        "actor": member.actor if member else times.cast,
        "character": member.character if member else "",
        "pickup": clock(times.pickup),
        "arrival": clock(times.arrival),
        "makeup": clock(times.makeup),
        "on_set": clock(times.on_set),
        "meal_out": clock(times.meal_out),
        "meal_in": clock(times.meal_in),
        "wrap": clock(times.wrap),
        "back": clock(times.back),
        "flags": flags,
    }


def _mm_ss(seconds: int | None) -> str:
    if not seconds:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


def _hours(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes else "–"
