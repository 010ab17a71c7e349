"""The hours report: per person and week, the days worked, hours planned and reported, rest, surcharges, penalties and breaches.

The figures come from coord.workrules, the same rules `coord validate` applies, so the
report and the findings always agree. It is for the production office and payroll:
written readable by its owner only, with a summary for the PM of short turnarounds and
meal penalties by department, and a CSV with a row per person and day (and a week row).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import breach_flag, clock, common_context, format_date, weekday_date
from coord.errors import CoordError
from coord.localtime import minutes_between
from coord.shifts import Shift
from coord.values import hours
from coord.workrules import Breach, Worked, counted, day_surcharges, evaluate, money, runs, week_of, week_surcharges

#: The inputs of the hours report: the rules' (coord.checks.worktime.RULE_INPUTS).
INPUTS = ("production", "crew", "cast", "days", "transport", "reports", "profiles")


def items(folder: m.ProductionFolder, week: int | None = None, person: str | None = None) -> list[Item]:
    """The report of every week (or week `week`), of everyone (or of `person`); owner-only, as it lists people's hours."""
    context, rows = hours_report(folder, week, person)
    name = "hours" + (f"-week-{week:02d}" if week else "") + (f"-{person}" if person else "")
    return [Item(name, context, {"csv": rows}, private=True)]


UNSENT = (
    "it lists people's hours and pay for the office and payroll only. Publish it without --send or --dry-run to record "
    "its revision, then give its files (the CSV for payroll) to payroll yourself"
)
DOCUMENT = register(
    Document("hours", "hours report", INPUTS, "hours", items, formats=("pdf", "html", "md"), exports=("csv",), unsent=UNSENT)
)


@dataclass(frozen=True)
class Figures:
    """One day's figures in minutes, for the CSV."""

    planned: int | None
    actual: int | None
    planned_times: tuple[str, str]
    actual_times: tuple[str, str]
    counted: int
    rest: int | None
    surcharges: dict[str, int]
    penalties: int
    owed: Decimal


@dataclass
class Totals:
    """Sums over some days: what a week row and the PM's summary print."""

    people: set[str] = field(default_factory=set)
    days: int = 0
    planned: int = 0
    actual: int = 0
    surcharges: dict[str, int] = field(default_factory=dict)
    penalties: int = 0
    owed: Decimal = Decimal(0)
    currency: str = ""
    rests: list[int] = field(default_factory=list)
    breaches: int = 0


def hours_report(folder: m.ProductionFolder, week: int | None, person: str | None) -> tuple[Context, list[list[str]]]:
    """The report's context and its CSV rows."""
    production = folder.production
    language = production.language
    words = lb.labels(language)
    people, day_breaches = evaluate(folder, everyone=True)
    if person is not None:
        people = _one(people, person)
    days = plan.shoot_days(folder)
    if not days:
        raise CoordError("no shoot days scheduled yet: the hours report needs schedule.yaml")
    first = week_of(min(d.date for d in days))
    number_of = {monday: (monday - first).days // 7 + 1 for monday in {week_of(d.date) for d in days}}
    if week is not None and week not in number_of.values():
        raise CoordError(f"there is no shoot week {week}; the shoot weeks are 1 to {max(number_of.values())}")
    extra: dict[str, list[Breach]] = defaultdict(list)
    for breach in day_breaches:
        extra[breach.person].append(breach)
    weeks: dict[int, list[dict[str, Any]]] = defaultdict(list)
    summary: dict[str, Totals] = defaultdict(Totals)
    columns = list(dict.fromkeys(_surcharge(rule, words) for who in people for rule in who.profile.surcharges))
    rows = [_csv_header(columns)]
    for who in sorted(people, key=_order):
        shifts = who.days.effective
        in_row = runs(shifts)
        for monday, in_week in itertools.groupby(shifts, key=lambda s: week_of(s.date)):
            number = number_of[monday]
            if week is not None and number != week:
                continue
            block, totals, figures = _person_week(who, list(in_week), shifts, in_row, extra[who.person.id], production, words)
            weeks[number].append(block)
            _add(summary[who.department], totals)
            rows += _csv_rows(who, number, block, totals, figures, columns)
    context = {
        **common_context(production),
        "scope": _scope(week, person, people, first, language, words),
        "weeks": [{"number": n, "label": _week_label(n, first, language, words), "people": weeks[n]} for n in sorted(weeks)],
        "summary": _summary(summary, language, words),
        "empty": not weeks,
    }
    return context, rows


def _one(people: list[Worked], person: str) -> list[Worked]:
    """Only `person`, who must work on some shoot day."""
    chosen = [w for w in people if w.person.id == person]
    if not chosen:
        raise CoordError(f'--for "{person}": there is no crew or cast member with that id')
    if not chosen[0].days.effective:
        raise CoordError(f"--for {person}: {chosen[0].name} works on no shoot day")
    return chosen


def _order(who: Worked) -> tuple[int, str]:
    """Crew in the industry's department order, then the cast by number."""
    if isinstance(who.person, m.CastMember):
        return (len(m.DEPARTMENTS), f"{who.person.number:04d}")
    return (m.DEPARTMENTS.index(who.department), who.name)


def _person_week(
    who: Worked,
    week: list[Shift],
    shifts: list[Shift],
    in_row: Mapping[Shift, int],
    extra: list[Breach],
    production: m.Production,
    words: Mapping[str, str],
) -> tuple[dict[str, Any], Totals, list[Figures]]:
    """One person's days of one week as printed, their totals, and each day's figures for the CSV."""
    profile = who.profile
    language = production.language
    planned = {s.number: s for s in who.days.planned}
    reported = {s.number: s for s in who.days.actual}
    breaches = [*who.breaches, *extra]
    totals = Totals()
    rows: list[dict[str, str]] = []
    figures: list[Figures] = []
    index = {id(s): i for i, s in enumerate(shifts)}
    for place, shift in enumerate(week, start=1):
        before = index[id(shift)] - 1
        rest = minutes_between(shifts[before].ends, shift.begins) if before >= 0 else None
        mine = [b for b in breaches if b.shift is shift]
        charges = {
            _surcharge(profile.surcharges[i], words): n
            for i, n in day_surcharges(shift, profile, place, in_row[shift], production.public_holidays).items()
        }
        penalties = sum(b.penalties for b in mine)
        owed = sum((b.owed for b in mine), Decimal(0))
        currency = next((b.currency for b in mine if b.currency), "")
        plan_shift, actual_shift = planned.get(shift.number), reported.get(shift.number)
        rows.append(
            {
                "day": str(shift.number),
                "date": weekday_date(shift.date, language),
                "iso": shift.date.isoformat(),
                "planned": _span(plan_shift),
                "planned_hours": hours(plan_shift.work) if plan_shift else "",
                "actual": _span(actual_shift),
                "actual_hours": hours(actual_shift.work) if actual_shift else "",
                "counted_hours": hours(counted(shift, profile)),
                "rest": hours(rest) if rest is not None else "",
                "surcharges": " · ".join(f"{label} {hours(n)}" for label, n in charges.items()),
                "penalties": f"{penalties} · {money(owed, currency)}" if penalties else "",
                "breaches": " · ".join(breach_flag(b, words) for b in mine),
            }
        )
        figures.append(
            Figures(
                plan_shift.work if plan_shift else None,
                actual_shift.work if actual_shift else None,
                _times(plan_shift),
                _times(actual_shift),
                counted(shift, profile),
                rest,
                charges,
                penalties,
                owed,
            )
        )
        totals.days += 1
        totals.people.add(who.person.id)
        totals.planned += plan_shift.work if plan_shift else 0
        totals.actual += actual_shift.work if actual_shift else 0
        for label, n in charges.items():
            totals.surcharges[label] = totals.surcharges.get(label, 0) + n
        totals.penalties += penalties
        totals.owed += owed
        totals.currency = totals.currency or currency
        totals.breaches += len(mine)
        totals.rests += [b.found for b in mine if b.rule == "rest" and b.found is not None]
    weekly = {
        _surcharge(profile.surcharges[i], words): n
        for i, n in week_surcharges(sum(counted(s, profile) for s in week), profile).items()
    }
    for label, n in weekly.items():
        totals.surcharges[label] = totals.surcharges.get(label, 0) + n
    block = {
        "name": who.name,
        "role": who.person.role if isinstance(who.person, m.CrewMember) else f"#{who.person.number} {who.person.character}",
        "department": lb.department(who.department, language) if who.department in m.DEPARTMENTS else words["cast"],
        "profile": who.profile.name if who.profile.name != "default" else words["no_profile"],
        "days": rows,
        "total": {
            "days": str(totals.days),
            "planned_hours": hours(totals.planned),
            "actual_hours": hours(totals.actual) if any(r["actual"] for r in rows) else "",
            "counted_hours": hours(sum(counted(s, profile) for s in week)),
            "surcharges": " · ".join(f"{label} {hours(n)}" for label, n in totals.surcharges.items()),
            "penalties": f"{totals.penalties} · {money(totals.owed, totals.currency)}" if totals.penalties else "",
            "breaches": str(totals.breaches) if totals.breaches else "",
        },
    }
    return block, totals, figures


def _times(shift: Shift | None) -> tuple[str, str]:
    """Start and end as written in the files (25:30 for half past one the next morning), for payroll."""
    return (str(shift.start), str(shift.end)) if shift else ("", "")


def _span(shift: Shift | None) -> str:
    return f"{clock(shift.start)}–{clock(shift.end)}" if shift else ""


def _surcharge(rule: m.Surcharge, words: Mapping[str, str]) -> str:
    """`Hours 10:00–12:00 +25 %`, `Night 22:00–06:00 +25 %`: a surcharge as the report names it."""
    kind = words[f"surcharge_{rule.kind}"]
    if rule.kind in ("daily", "weekly"):
        span = f"{hours(rule.after or 0)}–{hours(rule.up_to)}" if rule.up_to is not None else f"> {hours(rule.after or 0)}"
        kind = f"{kind} {span} h"
    elif rule.kind == "night" and rule.start is not None and rule.end is not None:
        kind = f"{kind} {rule.start.clock}–{rule.end.clock}"
    return f"{kind} +{rule.percent} %"


def _add(into: Totals, totals: Totals) -> None:
    into.people |= totals.people
    into.penalties += totals.penalties
    into.owed += totals.owed
    into.currency = into.currency or totals.currency
    into.rests += totals.rests
    into.breaches += totals.breaches


def _summary(summary: Mapping[str, Totals], language: str, words: Mapping[str, str]) -> dict[str, Any]:
    """Short turnarounds and meal penalties by department, for the PM."""
    order = [d for d in (*m.DEPARTMENTS, "cast") if d in summary]
    rows = []
    for department in order:
        t = summary[department]
        rows.append(
            {
                "department": lb.department(department, language) if department in m.DEPARTMENTS else words["cast"],
                "people": str(len(t.people)),
                "turnarounds": str(len(t.rests)),
                "shortest": f"{hours(min(t.rests))} h" if t.rests else "",
                "penalties": str(t.penalties),
                "owed": money(t.owed, t.currency) if t.penalties else "",
                "breaches": str(t.breaches),
            }
        )
    every = [summary[d] for d in order]
    rests = [r for t in every for r in t.rests]
    owed = sum((t.owed for t in every), Decimal(0))
    currency = next((t.currency for t in every if t.currency), "")
    return {
        "rows": rows,
        "total": {
            "people": str(sum(len(t.people) for t in every)),
            "turnarounds": str(len(rests)),
            "shortest": f"{hours(min(rests))} h" if rests else "",
            "penalties": str(sum(t.penalties for t in every)),
            "owed": money(owed, currency) if owed else "",
            "breaches": str(sum(t.breaches for t in every)),
        },
    }


def _week_label(number: int, first: dt.date, language: str, words: Mapping[str, str]) -> str:
    monday = first + dt.timedelta(weeks=number - 1)
    return words["hours_week_of"].format(
        number=number, start=format_date(monday, language), end=format_date(monday + dt.timedelta(days=6), language)
    )


def _scope(
    week: int | None,
    person: str | None,
    people: list[Worked],
    first: dt.date,
    language: str,
    words: Mapping[str, str],
) -> str:
    """Whom and which weeks the report covers: `Clara Sandmann · Week 2 · 8 March 2027 – 14 March 2027`."""
    who = people[0].name if person and people else words["everyone"]
    when = _week_label(week, first, language, words) if week else words["all_weeks"]
    return f"{who} · {when}"


# ---- CSV for payroll --------------------------------------------------------------------------


def _csv_header(surcharges: list[str]) -> list[str]:
    """The CSV's columns; one per surcharge any profile of the report has."""
    return [
        "row", "week", "date", "day", "id", "name", "department", "profile",
        "planned_call", "planned_wrap", "planned_hours", "actual_call", "actual_wrap", "actual_hours",
        "counted_hours", "rest_before_hours", *surcharges, "meal_penalties", "penalty_amount", "breaches",
    ]  # fmt: skip


def _decimal(minutes: int | None) -> str:
    """Hours as payroll takes them: 10.25 for 10:15."""
    return "" if minutes is None else f"{minutes / 60:.2f}"


def _csv_rows(
    who: Worked, number: int, block: dict[str, Any], totals: Totals, figures: list[Figures], surcharges: list[str]
) -> list[list[str]]:
    """A row per day worked, then the week's row with its totals and weekly surcharges."""
    rows = []
    base = [who.person.id, who.name, who.department, who.profile.name]
    for day, figure in zip(block["days"], figures, strict=True):
        rows.append(
            [
                "day", str(number), day["iso"], day["day"], *base,
                *figure.planned_times, _decimal(figure.planned), *figure.actual_times, _decimal(figure.actual),
                _decimal(figure.counted), _decimal(figure.rest),
                *[_decimal(figure.surcharges.get(label)) for label in surcharges],
                str(figure.penalties), f"{figure.owed:.2f}" if figure.penalties else "", day["breaches"],
            ]
        )  # fmt: skip
    rows.append(
        [
            "week", str(number), "", "", *base, "", "", _decimal(totals.planned), "", "", _decimal(totals.actual or None),
            _decimal(sum(f.counted for f in figures)), "",
            *[_decimal(totals.surcharges.get(label)) for label in surcharges],
            str(totals.penalties), f"{totals.owed:.2f}" if totals.penalties else "", str(totals.breaches or ""),
        ]
    )  # fmt: skip
    return rows
