"""Questions about the schedule that several documents and checks ask: who works when, and at what time."""

from __future__ import annotations

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


def cast_status(folder: m.ProductionFolder) -> dict[tuple[str, int], str]:
    """Each cast member's status per shoot day: SW, W, WF, SWF on work days, H between them.

    A status written on a cast call (H, T, R, F) wins. The day-out-of-days and the
    call sheet's cast column both read this, so they always agree.
    """
    scenes = scenes_by_number(folder)
    days = shoot_days(folder)
    worked: dict[str, list[int]] = {}
    for day in days:
        for member in cast_in_scenes(day, scenes):
            worked.setdefault(member, []).append(day.day or 0)
    status: dict[tuple[str, int], str] = {}
    for member, numbers in worked.items():
        first, last = numbers[0], numbers[-1]
        for day in days:
            number = day.day or 0
            if number in numbers:
                status[member, number] = "SWF" if first == last else "SW" if number == first else "WF" if number == last else "W"
            elif first < number < last:
                status[member, number] = "H"
    for day in days:
        for call in day.cast_calls:
            if call.status:
                status[call.cast, day.day or 0] = call.status
    return status


def works_on(member: m.CrewMember, day: m.ShootDay) -> bool:
    """A crew member works every shoot day unless they are a day player or unavailable that date."""
    if member.days is not None and day.day not in member.days:
        return False
    return day.date not in member.unavailable


def crew_call_for(member: m.CrewMember, day: m.ShootDay) -> Time | None:
    """A person's call: their own call, else their department's call, else the crew call."""
    if member.id in day.calls:
        return day.calls[member.id]
    return day.department_calls.get(member.department, day.crew_call)


def cast_first_call(call: m.CastCall) -> Time | None:
    """When an actor must be there: the first of make-up, wardrobe and on-set calls."""
    times = [t for t in (call.makeup, call.wardrobe, call.on_set) if t is not None]
    return min(times) if times else None


def call_of(person: str, day: m.ShootDay, crew: dict[str, m.CrewMember]) -> Time | None:
    """The call of a crew or cast member on a day, or None when they are not called."""
    for call in day.cast_calls:
        if call.cast == person:
            return cast_first_call(call)
    member = crew.get(person)
    return crew_call_for(member, day) if member is not None else None
