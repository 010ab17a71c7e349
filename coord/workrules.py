"""The working-time rules: each person's shifts held against the numbers of their profile.

Every rule reads its numbers from the profile (coord.worktime) and its times from the shifts
(coord.shifts), in real elapsed minutes, so a night across a clock change or a weekend
between two days is counted as it was lived. A rule broken gives a Breach: who, which days,
the figure found, the rule's number and source, and the line that set the call or wrap.
A breach made only of reported times is `actual`; one that involves a planned time is a
plan to change. The same breaches feed `coord validate` (coord.checks.worktime), the daily
report's flags and the office copy of the call sheet, and the hours report adds the figures
(hours worked, surcharges, meal penalties) that payroll needs.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from coord import model as m
from coord import plan
from coord.findings import ERROR, WARNING, Pos
from coord.localtime import elapsed, later, minutes_between
from coord.shifts import Days, Person, Shift, Sources, days_of, sources
from coord.values import Age, Time, hours
from coord.worktime import DEFAULT, Profiles, profiles

NO_LIMIT = 10**9
#: Under this age a person is a minor, whatever the profile.
ADULT = Age(years=18)


@dataclass(frozen=True)
class Breach:
    """One rule broken by one person (or, for the minors' teachers, one day)."""

    rule: str
    person: str
    shift: Shift
    pos: Pos
    message: str
    hint: str
    severity: str
    actual: bool
    found: int | None = None
    excess: int | None = None
    penalties: int = 0
    owed: Decimal = Decimal(0)
    currency: str = ""

    @property
    def level(self) -> str:
        """Actual breaches at the profile's severity; planned ones are warnings: the plan can still change."""
        return ERROR if self.actual and self.severity == ERROR else WARNING


@dataclass
class Worked:
    """One person under a profile: their shifts and the rules they break."""

    person: Person
    name: str
    department: str
    profile: m.WorkingTimeProfile
    days: Days
    breaches: list[Breach] = field(default_factory=list)


@dataclass
class Context:
    """What the rules of one production look at, worked out once."""

    folder: m.ProductionFolder
    profiles: Profiles
    src: Sources

    @property
    def production(self) -> m.Production:
        return self.folder.production

    def school_day(self, date: dt.date) -> bool:
        """Monday to Friday, not a public holiday, a holiday day of the schedule or in the school holidays."""
        production = self.production
        if date.weekday() >= 5 or date in production.public_holidays:
            return False
        if any(d.date == date and d.type == "holiday" for d in self.folder.days):
            return False
        return not any(h.start <= date <= h.end for h in production.school_holidays if h.start and h.end)


def evaluate(folder: m.ProductionFolder, everyone: bool = False, instead: str | None = None) -> tuple[list[Worked], list[Breach]]:
    """Every person working under a profile, with their breaches, and the breaches of whole days (studio teachers).

    `everyone`: also the people under no profile, counted by the default profile's numbers and checked by none.
    `instead`: the profile to check everyone against, whatever the files name.
    Shifts and breaches are many small objects without reference cycles, so the garbage collector is
    paused meanwhile, as while loading.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _evaluate(folder, everyone, instead)
    finally:
        if collecting:
            gc.enable()


def _evaluate(folder: m.ProductionFolder, everyone: bool, instead: str | None) -> tuple[list[Worked], list[Breach]]:
    ctx = Context(folder, profiles(folder, instead), sources(folder))
    people: list[Worked] = []
    persons: list[Person] = [*folder.crew, *folder.cast]
    for person in persons:
        profile = ctx.profiles.of(person)
        unchecked = profile is None or profile.name.lower() == DEFAULT
        if unchecked and not everyone:
            continue
        profile = ctx.profiles.by_name[DEFAULT] if profile is None else profile
        name = person.name if isinstance(person, m.CrewMember) else person.actor
        department = person.department if isinstance(person, m.CrewMember) else "cast"
        worked = Worked(person, name, department, profile, days_of(person, profile, ctx.src))
        if not unchecked:
            worked.breaches = list(_person_breaches(worked, ctx))
        people.append(worked)
    return people, list(_teachers(people, ctx))


def accepted(breach: Breach) -> m.Accepted | None:
    """The daily report's record that a reported breach was dealt with, if it has one that covers its size."""
    return next((a for a in accepting(breach) if covers(a, breach)), None)


def accepting(breach: Breach) -> list[m.Accepted]:
    """The daily report's records of the person and rule of a reported breach, whether or not they cover its size."""
    report = breach.shift.report if breach.actual else None
    if report is None:
        return []
    rules = {breach.rule, "meals"} if breach.rule == "meal-penalty" else {breach.rule}  # a penalty is for a late meal
    return [a for a in report.accepted if breach.person in a.people and a.rule in rules]


def covers(record: m.Accepted, breach: Breach) -> bool:
    """An acceptance covers a breach up to the size it records (any size when it records none, as before `up_to`)."""
    return record.up_to is None or breach.excess is None or breach.excess <= record.up_to


def overlapping_days(folder: m.ProductionFolder) -> Iterator[tuple[str, Shift, Shift]]:
    """(name, day, next day) for each person whose working day ends at or after their next one begins.

    Whatever profile a person is under (none too): two days that overlap count the same hours twice. Two days on one
    date, and a production without a usable timezone, are reported by the schedule's and production's checks."""
    if not folder.production.timezone:
        return
    ctx = Context(folder, profiles(folder), sources(folder))
    persons: list[Person] = [*folder.crew, *folder.cast]
    for person in persons:
        profile = ctx.profiles.of(person) or ctx.profiles.by_name[DEFAULT]
        name = person.name if isinstance(person, m.CrewMember) else person.actor
        shifts = days_of(person, profile, ctx.src).effective
        for before, after in itertools.pairwise(shifts):
            if before.ends >= after.begins and before.date != after.date:
                yield name, before, after


def by_day(people: Iterable[Worked], days: Iterable[Breach]) -> dict[tuple[int, str], list[Breach]]:
    """Every breach by the shoot day of the shift it points at, and the person."""
    found: dict[tuple[int, str], list[Breach]] = defaultdict(list)
    for breach in [b for who in people for b in who.breaches] + list(days):
        found[(breach.shift.number, breach.person)].append(breach)
    return found


# ---- figures ------------------------------------------------------------------------------


def counted(shift: Shift, profile: m.WorkingTimeProfile) -> int:
    """What a day counts towards the week: the work, at least the profile's minimum day."""
    least = profile.day.counts_at_least if profile.day and profile.day.counts_at_least else 0
    return max(shift.work, least)


Interval = tuple[dt.datetime, dt.datetime]


def work_intervals(shift: Shift) -> list[Interval]:
    """The real stretches of a shift that are work: start to end, less its breaks."""
    stretches, begin = [], shift.begins
    for meal in sorted((meal for meal in shift.meals if meal.deducted), key=lambda meal: meal.start):
        stretches.append((begin, shift.at(meal.start)))
        begin = shift.at(meal.end)
    stretches.append((begin, shift.ends))
    return [(a, b) for a, b in stretches if b > a]


def _overlap(stretches: list[Interval], start: dt.datetime, end: dt.datetime) -> int:
    return sum(max(0, minutes_between(max(a, start), min(b, end))) for a, b in stretches)


def _dates(shift: Shift) -> list[dt.date]:
    """The calendar dates a shift touches: its day, and the next when it runs past midnight."""
    return [shift.date + dt.timedelta(days=n) for n in range(shift.end.minutes // (24 * 60) + 1)]


def day_surcharges(
    shift: Shift, profile: m.WorkingTimeProfile, in_week: int, in_row: int, holidays: Iterable[dt.date]
) -> dict[int, int]:
    """Minutes of a shift under each of the profile's surcharges but the weekly ones, by the surcharge's place in the profile.

    `in_week`: the shift's place among the person's working days of its calendar week; `in_row`: among their days in a row.
    """
    found: dict[int, int] = {}
    work = shift.work
    stretches = work_intervals(shift)
    midnight = Time(0)
    for index, rule in enumerate(profile.surcharges):
        minutes = 0
        if rule.kind == "daily":
            minutes = _band(work, rule)
        elif rule.kind == "night" and rule.start is not None and rule.end is not None:
            until = rule.end if rule.end > rule.start else rule.end + 24 * 60
            minutes = sum(
                _overlap(stretches, shift.clock.at(day, rule.start), shift.clock.at(day, until))
                for day in [shift.date - dt.timedelta(days=1), *_dates(shift)]
            )
        elif rule.kind in ("sunday", "holiday"):
            wanted = [d for d in _dates(shift) if (d.weekday() == 6 if rule.kind == "sunday" else d in set(holidays))]
            if rule.from_day is None or in_week >= rule.from_day:
                minutes = sum(
                    _overlap(stretches, shift.clock.at(d, midnight), shift.clock.at(d, midnight + 24 * 60)) for d in wanted
                )
        elif (rule.kind == "sixth_day" and in_row == 6) or (rule.kind == "seventh_day" and in_row >= 7):
            minutes = work
        if minutes:
            found[index] = minutes
    return found


def week_surcharges(total: int, profile: m.WorkingTimeProfile) -> dict[int, int]:
    """Minutes of a week's counted hours under each weekly surcharge."""
    return {i: band for i, rule in enumerate(profile.surcharges) if rule.kind == "weekly" and (band := _band(total, rule))}


def _band(minutes: int, rule: m.Surcharge) -> int:
    """The part of `minutes` from the surcharge's `after` up to its `up_to`."""
    return max(0, min(minutes, rule.up_to if rule.up_to is not None else NO_LIMIT) - (rule.after or 0))


def first_meal_latest(profile: m.WorkingTimeProfile, day: m.ShootDay, call: Time, timezone: str) -> Time | None:
    """The latest start of the first meal after `call`: the profile's time after the call, or after a breakfast that restarts it."""
    rules = profile.meals
    if rules is None or rules.first_within is None:
        return None
    start = call
    breakfast = day.meals.breakfast if day.meals else None
    if (
        rules.breakfast
        and breakfast is not None
        and breakfast >= call
        and (rules.breakfast_within is None or elapsed(day.date, call, breakfast, timezone) <= rules.breakfast_within)
    ):
        start = later(day.date, breakfast, rules.breakfast, timezone)
    return later(day.date, start, rules.first_within, timezone)


def week_of(date: dt.date) -> dt.date:
    """The Monday of a date's calendar week."""
    return date - dt.timedelta(days=date.weekday())


def runs(shifts: list[Shift]) -> dict[Shift, int]:
    """Each shift's place in its run of working days in a row (1 for the first day after a day off)."""
    places: dict[Shift, int] = {}
    previous: dt.date | None = None
    place = 0
    for shift in shifts:
        if previous is not None and shift.date == previous:
            places[shift] = place
            continue
        place = place + 1 if previous is not None and (shift.date - previous).days == 1 else 1
        places[shift] = place
        previous = shift.date
    return places


# ---- the rules of one person --------------------------------------------------------------


def _person_breaches(who: Worked, ctx: Context) -> Iterator[Breach]:
    shifts = who.days.effective
    profile = who.profile
    yield from _rest(who, shifts, ctx)
    for shift in shifts:
        yield from _day_length(who, shift, shifts, ctx)
        yield from _breaks(who, shift)
        yield from _meals(who, shift)
    yield from _weekly_rest(who, shifts)
    yield from _days_in_a_row(who, shifts)
    yield from _average_week(who, shifts)
    if isinstance(who.person, m.CastMember) and profile.minors:
        yield from _minors(who, who.person, shifts, ctx)


def _breach(
    who: Worked, rule: str, group: m.Rule, shifts: Iterable[Shift], pos: Pos, message: str, hint: str, **extra: object
) -> Breach:
    """A breach; actual when every shift it involves is reported."""
    involved = list(shifts)
    return Breach(
        rule=rule,
        person=who.person.id,
        shift=involved[-1],
        pos=pos,
        message=message,
        hint=hint,
        severity=group.severity,
        actual=all(s.actual for s in involved),
        **extra,  # type: ignore[arg-type]
    )


def _planned(shift: Shift) -> str:
    return "" if shift.actual else "planned "


def _rest(who: Worked, shifts: list[Shift], ctx: Context) -> Iterator[Breach]:
    rules = who.profile.rest
    if rules is None or rules.daily is None:
        return
    reduced_on: dt.date | None = None
    for before, after in itertools.pairwise(shifts):
        rest = minutes_between(before.ends, after.begins)
        if rest <= 0:  # the days overlap: the working-days check says so, there is no rest to measure
            continue
        off = days_off(before, after)
        need, why = rules.daily, ""
        if rules.long_day is not None and rules.after_long_day is not None and before.work > rules.long_day:
            need, why = max(need, rules.after_long_day), f" after a day of more than {hours(rules.long_day)} h of work"
        if (
            rules.days_off is not None
            and rules.days_off_rest is not None
            and off >= rules.days_off
            and rules.days_off_rest > need
        ):
            need, why = rules.days_off_rest, f" after {off} days off"
        if rest >= need:
            continue
        if _reduced_allowed(rules, rest, off, before, after, reduced_on):
            reduced_on = after.date
            continue
        cost = f"; {rules.breach_cost}" if rules.breach_cost else ""
        yield _breach(
            who,
            "rest",
            rules,
            (before, after),
            after.start_at,
            f"{who.name}: {hours(rest)} h of rest between day {before.number} ({_planned(before)}wrap {before.end}) and "
            f"day {after.number} ({_planned(after)}call {after.start}); {who.profile.name} needs {hours(need)} h{why} "
            f"({rules.source or 'no source given'}){cost}",
            f"call them at {_earliest(before, after, need, ctx)} or later on day {after.number}, or wrap day {before.number} earlier",
            found=rest,
            excess=need - rest,
        )


def days_off(before: Shift, after: Shift) -> int:
    """Whole calendar days without work between two shifts: a wrap after midnight takes the next day (24:00 does not)."""
    wrapped = before.date + dt.timedelta(days=(before.end.minutes - 1) // (24 * 60))
    called = after.date + dt.timedelta(days=after.start.minutes // (24 * 60))
    return max(0, (called - wrapped).days - 1)


def _reduced_allowed(rules: m.RestRules, rest: int, off: int, before: Shift, after: Shift, last: dt.date | None) -> bool:
    """The agreement's shorter rest on location, once in `reduced_every` days."""
    if rules.reduced is None or rest < rules.reduced or off or not (before.day.on_location and after.day.on_location):
        return False
    return last is None or rules.reduced_every is None or (after.date - last).days >= rules.reduced_every


def _earliest(before: Shift, after: Shift, need: int, ctx: Context) -> str:
    """The earliest call on the later day's clock that leaves `need` minutes of rest."""
    time = later(before.date, before.end, need, ctx.production.timezone)
    return str(Time(time.minutes - (after.date - before.date).days * 24 * 60))


def _day_length(who: Worked, shift: Shift, shifts: list[Shift], ctx: Context) -> Iterator[Breach]:
    rules = who.profile.day
    if rules is None or rules.max_work is None:
        return
    work = shift.work
    if work <= rules.max_work:
        return
    if _long_day_allowed(rules, work, shift, shifts, who.profile, ctx):
        return
    yield _breach(
        who,
        "day",
        rules,
        (shift,),
        shift.end_at,
        f"{who.name}: {hours(work)} h of work on day {shift.number} ({_planned(shift)}{shift.start} to {shift.end}, breaks "
        f"not counted); {who.profile.name} allows {hours(rules.max_work)} h ({rules.source or 'no source given'})",
        f"wrap {hours(work - rules.max_work)} h earlier, or call them later",
        found=work,
        excess=work - rules.max_work,
    )


def _long_day_allowed(
    rules: m.DayRules, work: int, shift: Shift, shifts: list[Shift], profile: m.WorkingTimeProfile, ctx: Context
) -> bool:
    """A longer day where the agreement allows a few a week, for this kind of production."""
    if rules.long_max_work is None or work > rules.long_max_work:
        return False
    if rules.long_days_for and ctx.production.type not in rules.long_days_for:
        return False
    limit = rules.long_days_per_week or NO_LIMIT
    earlier = [
        s
        for s in shifts
        if s is not shift
        and week_of(s.date) == week_of(shift.date)
        and s.begins < shift.begins
        and (rules.max_work or 0) < s.work <= rules.long_max_work
    ]
    return len(earlier) < limit


def _breaks(who: Worked, shift: Shift) -> Iterator[Breach]:
    rules = who.profile.breaks
    if rules is None or not rules.steps:
        return
    work, taken = shift.work, shift.breaks
    steps = [step for step in rules.steps if work > step.over]
    if not steps:
        return
    step = max(steps, key=lambda s: (s.total or 0, s.over))
    if (step.total is None and taken > 0) or (step.total is not None and taken >= step.total):
        return
    need = f"{hours(step.total)} h of breaks" if step.total is not None else "a break"
    yield _breach(
        who,
        "breaks",
        rules,
        (shift,),
        shift.end_at,
        f"{who.name}: {hours(work)} h of work on day {shift.number} with {hours(taken)} h of {_planned(shift)}breaks; "
        f"{who.profile.name} needs {need} in a day of more than {hours(step.over)} h ({rules.source or 'no source given'})",
        "plan a longer meal break or a second one"
        if not shift.actual
        else "record the breaks taken, or accept the breach in the report",
        found=taken,
        excess=step.total - taken if step.total is not None else None,
    )


def _meals(who: Worked, shift: Shift) -> Iterator[Breach]:
    """Each meal due within its time of the call (or the end of the meal before); late ones cost penalties where agreed."""
    rules = who.profile.meals
    if rules is None or rules.first_within is None:
        return
    clock_from, within, what = shift.begins, rules.first_within, "first meal"
    for meal in sorted(shift.meals, key=lambda meal: meal.start):
        starts = shift.at(meal.start)
        if meal.breakfast:
            clock_from = shift.at(meal.end)
            continue
        late = minutes_between(clock_from, starts) - within
        if late > 0:
            yield _late_meal(who, rules, shift, what, f"at {meal.start}", late, minutes_between(clock_from, starts), meal.at)
        if rules.next_within is None:
            return
        clock_from, within, what = shift.at(meal.end), rules.next_within, "next meal"
    late = minutes_between(clock_from, shift.ends) - within
    if late > 0:
        after = minutes_between(clock_from, shift.ends)
        yield _late_meal(
            who, rules, shift, what, f"before the {_planned(shift)}wrap at {shift.end}", late, after, shift.end_at, none=True
        )


def _late_meal(
    who: Worked, rules: m.MealRules, shift: Shift, what: str, when: str, late: int, after: int, pos: Pos, none: bool = False
) -> Breach:
    within = after - late
    count = math.ceil(late / (rules.penalty_every or 30)) if rules.penalties else 0
    owed = sum((rules.penalties[min(i, len(rules.penalties) - 1)] for i in range(count)), Decimal(0))
    cost = f": {count} meal penalt{'y' if count == 1 else 'ies'}, {money(owed, rules.currency)} owed" if count else ""
    found = f"no {what} {when}, {hours(after)} h" if none else f"{_planned(shift)}{what} {when}, {hours(after)} h"
    since = "the call" if what == "first meal" else "the meal before"
    return _breach(
        who,
        "meal-penalty" if count else "meals",
        rules,
        (shift,),
        pos,
        f"{who.name}: {found} after {since} on day {shift.number}; {who.profile.name} needs it within "
        f"{hours(within)} h ({rules.source or 'no source given'}){cost}",
        f"plan the {what} {hours(late)} h earlier, or call them later"
        if not shift.actual
        else "pay the penalty, or accept it in the report",
        found=after,
        excess=late,
        penalties=count,
        owed=owed,
        currency=rules.currency or "",
    )


def money(amount: Decimal, currency: str | None) -> str:
    """`USD 60.00`: an amount owed as findings and documents print it."""
    return f"{currency} {amount:.2f}" if currency else f"{amount:.2f}"


def _weekly_rest(who: Worked, shifts: list[Shift]) -> Iterator[Breach]:
    """Each calendar week worked has one rest long enough: before, between or after its days.

    A rest between two weeks counts for both. The rest before the person's first day counts from
    the Monday of its week (the 7-day period starts there); after their last day it is open-ended.
    """
    rules = who.profile.week
    if rules is None or rules.rest is None or not shifts:
        return
    place = {id(shift): i for i, shift in enumerate(shifts)}
    for monday, in_week in itertools.groupby(shifts, key=lambda s: week_of(s.date)):
        week = list(in_week)
        first, last = place[id(week[0])], place[id(week[-1])]
        if last == len(shifts) - 1:
            continue  # the rest after the last day is open-ended
        six = len({s.date for s in week}) >= 6 and (not rules.six_day_on_location or all(s.day.on_location for s in week))
        start = shifts[0].clock.at(monday, Time(0))
        rests: list[tuple[int, Shift | None, Shift]] = (
            [(minutes_between(start, week[0].begins), None, week[0])] if first == 0 else []
        )
        rests += [(minutes_between(a.ends, b.begins), a, b) for a, b in itertools.pairwise(shifts[max(first - 1, 0) : last + 2])]

        def need(after: Shift, six: bool = six) -> int:
            if six and rules.six_day_rest is not None:
                return rules.six_day_rest
            if rules.late_start_rest is not None and rules.late_start_from is not None and after.start >= rules.late_start_from:
                return rules.late_start_rest
            return rules.rest or 0

        if any(rest >= need(after) for rest, _before, after in rests):
            continue
        longest, before, after = max(rests, key=lambda r: r[0] - need(r[2]))
        since = f"day {before.number} {_planned(before)}wrap {before.end}" if before else f"Monday {monday}"
        yield _breach(
            who,
            "weekly-rest",
            rules,
            [s for s in (before, after) if s is not None],
            after.start_at,
            f"{who.name}: the longest rest in the week of {monday} is {hours(longest)} h ({since} to day {after.number} "
            f"{_planned(after)}call {after.start}); {who.profile.name} needs a weekly rest of {hours(need(after))} h "
            f"({rules.source or 'no source given'})" + (f"; {rules.breach_cost}" if rules.breach_cost else ""),
            f"give them {hours(need(after) - longest)} h more before day {after.number}",
            found=longest,
            excess=need(after) - longest,
        )


def _days_in_a_row(who: Worked, shifts: list[Shift]) -> Iterator[Breach]:
    rules = who.profile.week
    if rules is None or rules.max_days is None:
        return
    places = runs(shifts)
    for shift in shifts:
        if places[shift] == rules.max_days + 1:
            first = shift.date - dt.timedelta(days=rules.max_days)
            yield _breach(
                who,
                "days-in-a-row",
                rules,
                (shift,),
                shift.start_at,
                f"{who.name}: day {shift.number} is the {_ordinal(places[shift])} working day in a row ({first} to {shift.date}); "
                f"{who.profile.name} allows {rules.max_days} ({rules.source or 'no source given'})",
                f"give them a day off before day {shift.number}",
                found=places[shift],
            )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _average_week(who: Worked, shifts: list[Shift]) -> Iterator[Breach]:
    """The average over the profile's reference weeks, each week without work for this production counting 0 hours."""
    rules = who.profile.week
    if rules is None or rules.average_hours is None or rules.average_weeks is None or not shifts:
        return
    totals: dict[dt.date, int] = defaultdict(int)
    for shift in shifts:
        totals[week_of(shift.date)] += shift.work
    span = dt.timedelta(weeks=rules.average_weeks)
    worst: tuple[int, dt.date] | None = None
    mondays = sorted(totals)
    total, oldest = 0, 0
    for monday in mondays:  # a window of the reference weeks sliding over the weeks worked
        total += totals[monday]
        while mondays[oldest] <= monday - span:
            total -= totals[mondays[oldest]]
            oldest += 1
        average = total // rules.average_weeks
        if average > rules.average_hours and (worst is None or average > worst[0]):
            worst = (average, monday)
    if worst is None:
        return
    average, monday = worst
    window = [s for s in shifts if monday - span < week_of(s.date) <= monday]
    yield _breach(
        who,
        "average-week",
        rules,
        window,
        window[-1].start_at,
        f"{who.name}: {hours(average)} h a week on average over the {rules.average_weeks} weeks to the week of {monday}; "
        f"{who.profile.name} allows {hours(rules.average_hours)} h ({rules.source or 'no source given'})",
        "plan shorter days or more days off in those weeks",
        found=average,
        excess=average - rules.average_hours,
    )


# ---- minors ----------------------------------------------------------------------------------


def band_of(profile: m.WorkingTimeProfile, born: dt.date, on: dt.date) -> m.MinorBand | None:
    """The profile's limits for someone born on `born`, on the day `on`."""
    for band in profile.minors:
        if band.from_age.reached(born, on) and not band.to_age.reached(born, on):
            return band
    return None


def age_text(born: dt.date, on: dt.date) -> str:
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if years >= 2:
        return f"{years} years old"
    months = (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)
    return f"{months} months old" if months >= 1 else f"{(on - born).days} days old"


def _minors(who: Worked, member: m.CastMember, shifts: list[Shift], ctx: Context) -> Iterator[Breach]:
    born = member.date_of_birth
    if born is None:
        return  # the minors check asks for the date of birth
    minor_days = [(s, band_of(who.profile, born, s.date)) for s in shifts if not ADULT.reached(born, s.date)]
    missing_chaperone: list[Shift] = []
    previous: Shift | None = None
    weeks: dict[dt.date, int] = defaultdict(int)
    too_long: set[dt.date] = set()
    for shift, band in minor_days:
        if band is None:
            yield _breach(
                who,
                "minors",
                who.profile.minors[0],
                (shift,),
                shift.call_at,
                f"{who.name} is {age_text(born, shift.date)} on day {shift.number}, an age {who.profile.name} has no minors' limits for",
                "check the law for this age, and add its limits to working-time.yaml",
            )
            continue
        yield from _minor_day(who, band, shift, ctx)
        if band.rest is not None and previous is not None:
            rest = minutes_between(previous.ends, shift.begins)
            if 0 < rest < band.rest:  # no rest at all: the days overlap, which the working-days check reports
                yield _minor(
                    who,
                    band,
                    (previous, shift),
                    shift.call_at,
                    f"{hours(rest)} h of rest between day {previous.number} and day {shift.number}",
                    f"{hours(band.rest)} h of rest",
                    f"call them at {_earliest(previous, shift, band.rest, ctx)} or later",
                    rest,
                )
        previous = shift
        monday = week_of(shift.date)
        weeks[monday] += _minor_work(shift)
        if band.weekly_hours is not None and weeks[monday] > band.weekly_hours and monday not in too_long:
            too_long.add(monday)
            yield _minor(
                who,
                band,
                (shift,),
                shift.release_at,
                f"{hours(weeks[monday])} h of work in the week of {monday} by day {shift.number}",
                f"at most {hours(band.weekly_hours)} h a week",
                "spread the minor's scenes over more weeks",
                weeks[monday],
            )
        if band.chaperone and not member.chaperone:
            missing_chaperone.append(shift)
    if missing_chaperone:
        band = band_of(who.profile, born, missing_chaperone[0].date)
        assert band is not None  # noqa: S101 - only days with a band are collected
        numbers = ", ".join(str(s.number) for s in missing_chaperone)
        yield _breach(
            who,
            "minors",
            band,
            missing_chaperone,
            member.at("chaperone"),
            f"{who.name} is a minor working on day{'s' if len(missing_chaperone) > 1 else ''} {numbers} with no chaperone; "
            f"{who.profile.name} requires a parent, guardian or chaperone on set ({band.source or 'no source given'})",
            "name who accompanies them: chaperone: Name (mother)",
        )


def _minor_work(shift: Shift) -> int:
    """A minor's work: call to release at the workplace, less the breaks."""
    at_work = minutes_between(shift.at(shift.call), shift.at(shift.release))
    return at_work - sum(shift.minutes(meal.start, meal.end) for meal in shift.meals if meal.deducted)


def _minor_day(who: Worked, band: m.MinorBand, shift: Shift, ctx: Context) -> Iterator[Breach]:
    at_work = minutes_between(shift.at(shift.call), shift.at(shift.release))
    work = _minor_work(shift)
    school = ctx.school_day(shift.date)
    limit = band.work if school or band.work_no_school is None else band.work_no_school
    day = f"day {shift.number}"
    if band.at_workplace is not None and at_work > band.at_workplace:
        yield _minor(
            who,
            band,
            (shift,),
            shift.release_at,
            f"{hours(at_work)} h at the workplace on {day} ({shift.call} to {shift.release})",
            f"at most {hours(band.at_workplace)} h",
            f"release them by {later(shift.date, shift.call, band.at_workplace, shift.clock.timezone)}",
            at_work,
        )
    if limit is not None and work > limit:
        kind = "a school day" if school else "a day without school"
        yield _minor(
            who,
            band,
            (shift,),
            shift.release_at,
            f"{hours(work)} h of work on {day}, {kind} ({shift.call} to {shift.release})",
            f"at most {hours(limit)} h on {kind}",
            f"release them {hours(work - limit)} h earlier",
            work,
        )
    if band.earliest is not None and shift.call < band.earliest:
        yield _minor(
            who,
            band,
            (shift,),
            shift.call_at,
            f"called at {shift.call} on {day}",
            f"no call before {band.earliest}",
            f"call them at {band.earliest} or later",
            None,
        )
    latest = band.latest
    if band.latest_before_free_day is not None and not ctx.school_day(shift.date + dt.timedelta(days=1)):
        latest = band.latest_before_free_day
    if latest is not None and shift.release > latest:
        tomorrow = "a school day" if ctx.school_day(shift.date + dt.timedelta(days=1)) else "a day without school"
        yield _minor(
            who,
            band,
            (shift,),
            shift.release_at,
            f"released at {shift.release} on {day}, before {tomorrow}",
            f"release by {latest}",
            f"release them by {latest}",
            None,
        )


def _minor(
    who: Worked, band: m.MinorBand, shifts: tuple[Shift, ...], pos: Pos, found: str, limit: str, hint: str, minutes: int | None
) -> Breach:
    shift = shifts[-1]
    born = who.person.date_of_birth if isinstance(who.person, m.CastMember) else None
    age = f" ({age_text(born, shift.date)})" if born else ""
    return _breach(
        who,
        "minors",
        band,
        shifts,
        pos,
        f"{who.name}{age}: {_planned(shift)}{found}; {who.profile.name} allows a minor from {band.from_age} to {band.to_age} "
        f"{limit} ({band.source or 'no source given'})",
        hint,
        found=minutes,
    )


def _teachers(people: list[Worked], ctx: Context) -> Iterator[Breach]:
    """On each day with minors, enough studio teachers for them: one per so many minors, more on a school day."""
    teachers = [c for c in ctx.folder.crew if c.studio_teacher]
    by_day: dict[int, list[tuple[Worked, Shift, m.MinorBand]]] = defaultdict(list)
    for who in people:
        member = who.person
        if not isinstance(member, m.CastMember) or member.date_of_birth is None:
            continue
        for shift in who.days.effective:
            band = band_of(who.profile, member.date_of_birth, shift.date)
            if band is not None and (band.teacher_per or band.teacher_per_free_day):
                by_day[shift.number].append((who, shift, band))
    for minors in by_day.values():
        day = minors[0][1].day
        school = ctx.school_day(day.date)
        per = min((b.teacher_per if school else b.teacher_per_free_day or b.teacher_per) or NO_LIMIT for _w, _s, b in minors)
        need = math.ceil(len(minors) / per)
        present = sum(1 for t in teachers if plan.works_on(t, day))
        if present >= need:
            continue
        who, shift, band = minors[0]
        names = ", ".join(w.name for w, _s, _b in minors)
        kind = "a school day" if school else "a day without school"
        yield _breach(
            who,
            "minors",
            band,
            [s for _w, s, _b in minors],
            day.at("cast_calls"),
            f"day {day.day}: {len(minors)} minor{'s' if len(minors) > 1 else ''} ({names}) and {present} studio teacher"
            f"{'s' if present != 1 else ''} on {kind}; {who.profile.name} needs one for every {per} ({band.source or 'no source given'})",
            "book a studio teacher (crew with studio_teacher: yes) for the day",
            found=present,
        )
