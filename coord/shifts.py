"""Each person's working days as real moments: from the plan, and from the daily report where one exists.

A shift is one person's working day: when it started and ended on the shoot day's clock,
the real moments those stand for (coord.localtime), its meals, and the line of a file that
set each time, so that a working-time rule it breaks can point at that line. What a shift
is made of follows the person's profile: a pickup starts it where travel counts as work,
a planned meal lasts the profile's meal length.

The plan gives a crew member their own call (coord.plan) to the day's wrap and an actor
their first call (make-up, wardrobe or on set) to their release or the day's wrap. A daily
report gives the crew's actual call and wrap (a person with a call of their own keeps it)
and each actor's times from the time sheet; the report does not record breakfast, so the
planned one is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from coord import model as m
from coord import plan
from coord.findings import Pos
from coord.localtime import minutes_between, moment
from coord.values import Time

Person = m.CrewMember | m.CastMember


class Clock:
    """Real moments of shoot-day times in one timezone, each worked out once: many people share a call."""

    def __init__(self, timezone: str):
        self.timezone = timezone
        self._moments: dict[tuple[dt.date, int], dt.datetime] = {}

    def at(self, date: dt.date, time: Time) -> dt.datetime:
        key = (date, time.minutes)
        found = self._moments.get(key)
        if found is None:
            found = self._moments[key] = moment(date, time, self.timezone)
        return found


@dataclass(frozen=True)
class Meal:
    """A meal or break inside a shift; `deducted`: it is a break, not working time."""

    start: Time
    end: Time
    at: Pos
    breakfast: bool = False
    deducted: bool = True


@dataclass(frozen=True, eq=False)
class Shift:
    """One person's working day. `start`/`end` bound the working time (a pickup where travel counts), `call`/`release` the time at the workplace.

    `breaks`: real minutes of breaks that count as such under the profile (long enough, not working time);
    `work`: the working time, start to end less the breaks the profile deducts. Shifts compare by
    identity: two people's days with the same times are two shifts.
    """

    person: str
    day: m.ShootDay
    actual: bool
    start: Time
    end: Time
    call: Time
    release: Time
    start_at: Pos
    end_at: Pos
    call_at: Pos
    release_at: Pos
    begins: dt.datetime
    ends: dt.datetime
    breaks: int
    work: int
    clock: Clock = field(repr=False)
    meals: tuple[Meal, ...] = ()
    report: m.DayReport | None = None

    @property
    def date(self) -> dt.date:
        return self.day.date

    @property
    def number(self) -> int:
        return self.day.day or 0

    @property
    def span(self) -> int:
        """Real minutes from start to end."""
        return minutes_between(self.begins, self.ends)

    def at(self, time: Time) -> dt.datetime:
        """The real moment of a time of this shift's day."""
        return self.clock.at(self.day.date, time)

    def minutes(self, start: Time, end: Time) -> int:
        """Real minutes between two times of this shift's day."""
        return minutes_between(self.at(start), self.at(end))


@dataclass(frozen=True)
class Moment:
    """A time of a shift with the line that set it."""

    time: Time
    at: Pos


@dataclass
class Sources:
    """What shifts are made from, looked up once for all people."""

    folder: m.ProductionFolder
    clock: Clock
    days: list[m.ShootDay]
    pickups: dict[tuple[int, str], m.Pickup]
    reports: dict[int, m.DayReport]
    cast_calls: dict[tuple[int, str], m.CastCall]
    times: dict[tuple[int, str], m.CastTimes]
    meals: dict[tuple[int, str], tuple[Meal, ...]] = field(default_factory=dict)
    figures: dict[tuple[int, str, tuple[Meal, ...], int, int, int, int], Figures] = field(default_factory=dict)

    def planned_meals(self, day: m.ShootDay, profile: m.WorkingTimeProfile) -> tuple[Meal, ...]:
        """The day's planned meals under a profile, made once for everyone working under it."""
        key = (day.day or 0, profile.name)
        found = self.meals.get(key)
        if found is None:
            found = self.meals[key] = _planned_meals(day, profile)
        return found


def sources(folder: m.ProductionFolder) -> Sources:
    days = [d for d in plan.shoot_days(folder) if d.date is not None]
    reports = {r.day: r for r in folder.reports}
    return Sources(
        folder=folder,
        clock=Clock(folder.production.timezone),
        days=days,
        pickups={(p.day, p.person): p for p in folder.transport.pickups},
        reports=reports,
        cast_calls={(d.day or 0, c.cast): c for d in days for c in d.cast_calls},
        times={(r.day, t.cast): t for r in folder.reports for t in r.cast},
    )


@dataclass(frozen=True)
class Days:
    """A person's shifts: as planned, as reported, and the ones the rules look at (reported where there is a report)."""

    planned: tuple[Shift, ...]
    actual: tuple[Shift, ...]

    @property
    def effective(self) -> list[Shift]:
        reported = {s.number for s in self.actual}
        return sorted([*self.actual, *(s for s in self.planned if s.number not in reported)], key=lambda s: s.begins)


def days_of(person: Person, profile: m.WorkingTimeProfile, src: Sources) -> Days:
    """Every shift of one person, planned and actual, under their profile."""
    planned: list[Shift] = []
    actual: list[Shift] = []
    for day in src.days:
        made = (
            _cast_shifts(person, day, profile, src)
            if isinstance(person, m.CastMember)
            else _crew_shifts(person, day, profile, src)
        )
        for shift in made:
            (actual if shift.actual else planned).append(shift)
    return Days(tuple(planned), tuple(actual))


def _crew_shifts(member: m.CrewMember, day: m.ShootDay, profile: m.WorkingTimeProfile, src: Sources) -> Iterator[Shift]:
    if not plan.works_on(member, day) or day.wrap is None:
        return
    call = _crew_call(member, day)
    if call is None:
        return
    wrap = Moment(day.wrap, day.at("wrap"))
    yield _shift(member.id, day, profile, src, call, wrap, src.planned_meals(day, profile), actual=None)
    report = src.reports.get(day.day or 0)
    if report is not None:
        # A call of their own stays as planned (the report records the crew call only), but a
        # breach of a reported day is the report's: it points at the report's crew call.
        time = report.crew_call if call.time == day.crew_call and report.crew_call is not None else call.time
        actual_call = Moment(time, report.at("crew_call"))
        end = report.crew_wrap or report.camera_wrap
        if end is not None:
            actual_wrap = Moment(end, report.at("crew_wrap" if report.crew_wrap else "camera_wrap"))
            meals = (*_breakfast(day, profile), *_reported_meals(report))
            yield _shift(member.id, day, profile, src, actual_call, actual_wrap, meals, actual=report)


def _crew_call(member: m.CrewMember, day: m.ShootDay) -> Moment | None:
    """A crew member's call with the line that set it: their own call, their department's, or the crew call."""
    time = plan.crew_call_for(member, day)
    if time is None:
        return None
    if member.id in day.calls:
        return Moment(time, day.at("calls", member.id))
    if member.department in day.department_calls:
        return Moment(time, day.at("department_calls", member.department))
    return Moment(time, day.at("crew_call"))


def _cast_shifts(member: m.CastMember, day: m.ShootDay, profile: m.WorkingTimeProfile, src: Sources) -> Iterator[Shift]:
    call = src.cast_calls.get((day.day or 0, member.id))
    if call is None:
        return
    first = _first_call(call)
    release = Moment(call.wrap, call.at("wrap")) if call.wrap else Moment(day.wrap, day.at("wrap")) if day.wrap else None
    if first is not None and release is not None:
        pickup = Moment(call.pickup, call.at("pickup")) if call.pickup else None
        yield _shift(member.id, day, profile, src, first, release, src.planned_meals(day, profile), actual=None, pickup=pickup)
    report = src.reports.get(day.day or 0)
    times = src.times.get((day.day or 0, member.id))
    if report is None or times is None:
        return
    arrived = _reported_call(times)
    wrapped = Moment(times.wrap, times.at("wrap")) if times.wrap else None
    if arrived is None or wrapped is None:
        return
    pickup = Moment(times.pickup, times.at("pickup")) if times.pickup else None
    back = Moment(times.back, times.at("back")) if times.back else None
    meals = [*_breakfast(day, profile)]
    if times.meal_out and times.meal_in:
        meals.append(Meal(times.meal_out, times.meal_in, times.at("meal_out")))
    yield _shift(member.id, day, profile, src, arrived, wrapped, tuple(meals), actual=report, pickup=pickup, back=back)


def _first_call(call: m.CastCall) -> Moment | None:
    """The first of make-up, wardrobe and on-set calls, with its line (coord.plan.cast_first_call)."""
    first = plan.cast_first_call(call)
    if first is None:
        return None
    name = next(n for n in ("makeup", "wardrobe", "on_set") if getattr(call, n) == first)
    return Moment(first, call.at(name))


def _reported_call(times: m.CastTimes) -> Moment | None:
    """When an actor started, by the time sheet: arrival, else the first of make-up and on set."""
    for name in ("arrival", "makeup", "on_set"):
        value = getattr(times, name)
        if value is not None:
            return Moment(value, times.at(name))
    return None


def _shift(
    person: str,
    day: m.ShootDay,
    profile: m.WorkingTimeProfile,
    src: Sources,
    call: Moment,
    release: Moment,
    meals: tuple[Meal, ...],
    actual: m.DayReport | None,
    pickup: Moment | None = None,
    back: Moment | None = None,
) -> Shift:
    """A shift from its call and release; where the profile counts travel, the pickup and the drive back bound it."""
    travel = profile.day is not None and profile.day.travel_counts
    if travel and pickup is None:
        pickup = _transport_pickup(src, day, person)
    if travel and back is None:
        back = return_of(src, day, person)
    start = pickup if travel and pickup is not None and pickup.time < call.time else call
    end = back if travel and back is not None and back.time > release.time else release
    if actual is not None:  # a reported day's breach is the report's, even where a time came from the plan
        start, end = _in_report(start, actual, "crew_call"), _in_report(end, actual, "crew_wrap")
    key = (day.day or 0, profile.name, meals, start.time.minutes, end.time.minutes, call.time.minutes, release.time.minutes)
    found = src.figures.get(key)
    if found is None:  # many people share a day's times: work them out once
        found = src.figures[key] = _figures(day, profile, src.clock, meals, start.time, end.time, call, release.time)
    begins, ends, inside, breaks, work = found
    return Shift(
        person=person,
        day=day,
        actual=actual is not None,
        start=start.time,
        end=end.time,
        call=call.time,
        release=release.time,
        start_at=start.at,
        end_at=end.at,
        call_at=call.at,
        release_at=release.at,
        begins=begins,
        ends=ends,
        breaks=breaks,
        work=work,
        clock=src.clock,
        meals=inside,
        report=actual,
    )


Figures = tuple[dt.datetime, dt.datetime, tuple[Meal, ...], int, int]


def _figures(
    day: m.ShootDay,
    profile: m.WorkingTimeProfile,
    clock: Clock,
    meals: tuple[Meal, ...],
    start: Time,
    end: Time,
    call: Moment,
    release: Time,
) -> Figures:
    """The real moments of a shift, the meals inside it, its breaks and its work (coord.workrules counts them)."""
    inside = tuple(
        meal
        for meal in meals
        if call.time <= meal.start and meal.end <= release and _eligible(meal, call, profile, clock, day.date)
    )
    begins, ends = clock.at(day.date, start), clock.at(day.date, end)
    shortest = profile.breaks.min_part if profile.breaks and profile.breaks.min_part else 0
    lengths = (minutes_between(clock.at(day.date, meal.start), clock.at(day.date, meal.end)) for meal in inside if meal.deducted)
    breaks = sum(length for length in lengths if length >= shortest)
    deductible = profile.meals.deductible if profile.meals and profile.meals.deductible is not None else breaks
    return begins, ends, inside, breaks, minutes_between(begins, ends) - min(breaks, deductible)


def _eligible(meal: Meal, call: Moment, profile: m.WorkingTimeProfile, clock: Clock, date: dt.date) -> bool:
    """A breakfast counts only after the call (and within the profile's time of it); other meals always."""
    if not meal.breakfast:
        return True
    within = profile.meals.breakfast_within if profile.meals else None
    return within is None or minutes_between(clock.at(date, call.time), clock.at(date, meal.start)) <= within


def _in_report(moment: Moment, report: m.DayReport, field: str) -> Moment:
    """The moment, pointing into the report's file: at its own line, or at the report's `field`."""
    return moment if moment.at.file == report.pos.file else Moment(moment.time, report.at(field))


def _transport_pickup(src: Sources, day: m.ShootDay, person: str) -> Moment | None:
    pickup = src.pickups.get((day.day or 0, person))
    return Moment(pickup.time, pickup.at("time")) if pickup else None


def return_of(src: Sources, day: m.ShootDay, person: str) -> Moment | None:
    """When the production's drive back from `day` brings `person` home: the hook for the transport's return legs.

    transport.yaml records pickups only, so the planned working day ends at the wrap; once the
    transport plan gives each person's return (drop-off time and its line), return it here and
    every rule that counts travel as work (rest, length of the day) follows. A daily report's
    `back:` time is used already.
    """
    return None


def _planned_meals(day: m.ShootDay, profile: m.WorkingTimeProfile) -> tuple[Meal, ...]:
    """The day's planned meals, each the profile's meal length; the breakfast where the profile counts it."""
    meals = day.meals
    length = profile.meals.length if profile.meals and profile.meals.length else 30
    found = list(_breakfast(day, profile))
    if meals is not None:
        for name in ("lunch", "second_meal"):
            start = getattr(meals, name)
            if start is not None:
                found.append(Meal(start, start + length, meals.at(name)))
    return tuple(found)


def _breakfast(day: m.ShootDay, profile: m.WorkingTimeProfile) -> tuple[Meal, ...]:
    rules = profile.meals
    if rules is None or not rules.breakfast or day.meals is None or day.meals.breakfast is None:
        return ()
    start = day.meals.breakfast
    return (Meal(start, start + rules.breakfast, day.meals.at("breakfast"), breakfast=True, deducted=rules.breakfast_deducted),)


def _reported_meals(report: m.DayReport) -> tuple[Meal, ...]:
    return tuple(
        Meal(start, end, report.at(first))
        for first, start, end in (
            ("lunch_start", report.lunch_start, report.lunch_end),
            ("second_meal_start", report.second_meal_start, report.second_meal_end),
        )
        if start is not None and end is not None
    )
