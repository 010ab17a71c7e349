"""Questions about the plan that several documents and checks ask: who works when, and at what time.

The plan questions sit between the model and its users: documents and checks import
them; they import only the model and value types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coord import model as m
from coord.values import Eighths, Time

#: Day statuses a coordinator writes by hand because the schedule cannot tell them.
MANUAL_STATUSES = ("H", "T", "R", "F")


def shoot_days(folder: m.ProductionFolder) -> list[m.ShootDay]:
    """The shooting days in day-number order."""
    days = (d for d in folder.days if d.type == "shoot" and d.day is not None and "type" not in d.invalid)
    return sorted(days, key=lambda d: d.day or 0)


def scenes_by_number(folder: m.ProductionFolder) -> dict[str, m.Scene]:
    return {s.number: s for s in folder.scenes}


def day_pages(day: m.ShootDay, scenes: dict[str, m.Scene]) -> Eighths:
    return sum((scenes[n].pages for n in day.scenes if n in scenes and scenes[n].pages), Eighths(0))


def cast_in_scenes(day: m.ShootDay, scenes: dict[str, m.Scene]) -> set[str]:
    return {member for n in day.scenes if n in scenes for member in scenes[n].cast}


def calendar_days(folder: m.ProductionFolder) -> list[m.ShootDay]:
    """Every scheduled day, shooting or not, in date order: the columns of a day-out-of-days."""
    return sorted((d for d in folder.days if d.date is not None and "type" not in d.invalid), key=lambda d: d.date)


def day_out_of_days(folder: m.ProductionFolder) -> dict[str, dict[dt.date, str]]:
    """Each cast member's code per calendar date, as on a day-out-of-days.

    Work days: SW (start), W, WF (finish), SWF (only day); WD when the actor is
    dropped after that day and PW when picked up again. Days between work days: H
    (hold) on shoot days, / on company days off. A status written on a cast call (H,
    T, R, F) wins over all of these.

    The drop and pick-up: an actor not needed for more than `drop_after_days` calendar
    days (production.yaml `dood:`, default 10) need not be paid for the days between,
    but only once per engagement: SAG-AFTRA's consecutive-employment rule allows one
    such break per production, the pick-up coming after the close of the actor's first
    stretch of work. So the first such gap is the drop, and the days of any later gap
    are held (and paid).
    """
    columns = calendar_days(folder)
    drop_after = (folder.production.dood or m.DoodSettings()).drop_after_days
    grid: dict[str, dict[dt.date, str]] = {member.id: {} for member in folder.cast}
    for member, dates in _work_dates(columns, scenes_by_number(folder)).items():
        drop = _drop(dates, drop_after)
        codes = grid.setdefault(member, {})
        codes.update(_work_codes(dates, drop))
        codes.update(_between_codes(dates, columns, codes, drop))
    for day in columns:
        for call in day.cast_calls:
            if call.status:
                grid.setdefault(call.cast, {})[day.date] = call.status
    return grid


def _work_dates(columns: list[m.ShootDay], scenes: dict[str, m.Scene]) -> dict[str, list[dt.date]]:
    """The dates each actor plays, in order; two units on one date are one work day."""
    worked: dict[str, list[dt.date]] = {}
    for day in columns:
        if day.type == "shoot":
            for member in sorted(cast_in_scenes(day, scenes)):
                dates = worked.setdefault(member, [])
                if not dates or dates[-1] != day.date:
                    dates.append(day.date)
    return worked


def _drop(dates: list[dt.date], drop_after: int) -> int | None:
    """The index of the work day after which the actor is dropped: the first gap of more than `drop_after` days."""
    return next((i for i in range(len(dates) - 1) if (dates[i + 1] - dates[i]).days > drop_after), None)


def _work_codes(dates: list[dt.date], drop: int | None) -> dict[dt.date, str]:
    """SW, W, WF, SWF on the work days, with WD/PW around the drop."""
    codes = {}
    for index, date in enumerate(dates):
        picked_up = drop is not None and index == drop + 1
        first, last = index == 0, index == len(dates) - 1
        code = "SW" if first else "PW" if picked_up else "W"
        if last:
            code = "SWF" if first else code + "F" if code == "PW" else "WF"
        elif index == drop:
            code += "D"
        codes[date] = code
    return codes


def _between_codes(
    dates: list[dt.date], columns: list[m.ShootDay], worked: dict[dt.date, str], drop: int | None
) -> dict[dt.date, str]:
    """H on shoot days and / on days off between two work days, except while the actor is dropped."""
    codes = {}
    for day in columns:
        if dates[0] < day.date < dates[-1] and day.date not in worked:
            if drop is not None and dates[drop] < day.date < dates[drop + 1]:
                continue
            codes[day.date] = "H" if day.type == "shoot" else "/"
    return codes


def cast_status(folder: m.ProductionFolder) -> dict[tuple[str, int], str]:
    """Each cast member's day-out-of-days code by shoot-day number, for the call sheet's status column."""
    grid = day_out_of_days(folder)
    return {
        (member, day.day): codes[day.date]
        for day in shoot_days(folder)  # every unit's day, also two on one date
        if day.day is not None
        for member, codes in grid.items()
        if day.date in codes
    }


def works_on(member: m.CrewMember, day: m.ShootDay) -> bool:
    """A crew member works every shoot day unless they are a day player, or cannot work that date (see `absence`)."""
    return booked(member, day) and absence(member, day.date) is None


def booked(member: m.CrewMember, day: m.ShootDay) -> bool:
    """Whether we count on the person that day: everyone works every shoot day, a day player their `days:`."""
    return member.days is None or day.day in member.days


def available_on(member: m.CrewMember, date: dt.date) -> bool:
    """Inside one of the person's availability windows, or they gave none."""
    return not member.available or any(w.start <= date <= w.end for w in member.available if w.start and w.end)


UNAVAILABLE = "unavailable"
BOOKED_ELSEWHERE = "booked-elsewhere"
FIRST_PENCIL = "first-pencil"
OUTSIDE_WINDOWS = "outside-windows"


@dataclass(frozen=True)
class Absence:
    """Why a crew member cannot work a date, the most binding reason first, and the hold behind it if any.

    UNAVAILABLE: one of their `unavailable:` dates; BOOKED_ELSEWHERE: another job confirmed its
    pencil; FIRST_PENCIL: another job holds a first pencil; OUTSIDE_WINDOWS: outside their `available:` windows.
    """

    reason: str
    hold: m.Hold | None = None


def absence(member: m.CrewMember, date: dt.date) -> Absence | None:
    """Why the person cannot work `date`, or None when they can: the rule `works_on` and every check share."""
    if date in member.unavailable:
        return Absence(UNAVAILABLE)
    holds = [h for h in member.holds if covers(h, date)]
    for hold in holds:
        if hold.status == "confirmed":
            return Absence(BOOKED_ELSEWHERE, hold)
    for hold in holds:
        if hold.status == "pencil" and hold.rank == 1:
            return Absence(FIRST_PENCIL, hold)
    if not available_on(member, date):
        return Absence(OUTSIDE_WINDOWS)
    return None


def covers(hold: m.Hold, date: dt.date) -> bool:
    return hold.start is not None and hold.end is not None and hold.start <= date <= hold.end


def lower_pencils(member: m.CrewMember, date: dt.date) -> list[m.Hold]:
    """Other jobs' second and third pencils on the date, still open: they do not block, a second one warns."""
    return [h for h in member.holds if h.status == "pencil" and (h.rank or 0) > 1 and covers(h, date)]


def crew_call_for(member: m.CrewMember, day: m.ShootDay) -> Time | None:
    """A person's call: their own call, else their department's call, else the crew call."""
    if member.id in day.calls:
        return day.calls[member.id]
    return day.department_calls.get(member.department, day.crew_call)


def cast_first_call(call: m.CastCall) -> Time | None:
    """When an actor must be there: the first of make-up, wardrobe and on-set calls."""
    times = [t for t in (call.makeup, call.wardrobe, call.on_set) if t is not None]
    return min(times) if times else None


def is_called(person: str, day: m.ShootDay, crew: dict[str, m.CrewMember]) -> bool:
    """Whether a crew or cast member works on the day: a cast call (not a hold), or crew the sheet lists that day."""
    if any(call.cast == person and call.status != "H" for call in day.cast_calls):
        return True
    member = crew.get(person)
    return member is not None and works_on(member, day)


def call_of(person: str, day: m.ShootDay, crew: dict[str, m.CrewMember]) -> Time | None:
    """The call of a crew or cast member on a day, or None when they are not called."""
    for call in day.cast_calls:
        if call.cast == person:
            return cast_first_call(call)
    member = crew.get(person)
    return crew_call_for(member, day) if member is not None and works_on(member, day) else None
