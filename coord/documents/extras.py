"""The background summary: per shoot day the groups called, the extras booked, the fees from their agreements
and the overtime the daily report shows.

Fees and overtime come from each extra's agreement as it applies (coord.agreements):
their own terms over their group's and the production's. Hours are real elapsed time.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from coord import agreements, plan
from coord import labels as lb
from coord import model as m
from coord.documents import Context, Document, Item, register
from coord.documents.common import clock, common_context, day_file, find_day, format_date, hours_minutes, money
from coord.documents.orders import name_of

INPUTS = ("production", "crew", "days", "extras", "reports")


def items(folder: m.ProductionFolder, day: str | None = None) -> list[Item]:
    """One shoot day's summary, or every day with background in one document."""
    if day is not None:
        chosen = find_day(folder, day)
        return [Item(day_file(chosen, "-extras"), background_summary(folder, [chosen]), variants=(f"day-{chosen.day or 0:02d}",))]
    days = [d for d in plan.shoot_days(folder) if d.background or agreements.booked_on(folder, d)]
    return [Item("extras", background_summary(folder, days))]


DOCUMENT = register(Document("extras", "background summary", INPUTS, "extras", items))


def background_summary(folder: m.ProductionFolder, days: list[m.ShootDay]) -> Context:
    production = folder.production
    language = production.language
    summaries = [_day(folder, day) for day in days]
    sums: dict[str, Decimal] = {}
    for summary in summaries:
        for currency, amount in summary.pop("sums").items():
            sums[currency] = sums.get(currency, Decimal(0)) + amount
    return {
        **common_context(production),
        "days": summaries,
        "total": _money(sums, language) if len(summaries) > 1 else "",
    }


def _money(sums: dict[str, Decimal], language: str) -> str:
    return " · ".join(money(amount, currency, language) for currency, amount in sorted(sums.items()))


def _day(folder: m.ProductionFolder, day: m.ShootDay) -> dict[str, Any]:
    production = folder.production
    language = production.language
    words = lb.labels(language)
    booked = agreements.booked_on(folder, day)
    terms = {e.id: agreements.terms(e, production) for e in booked}
    by_group: dict[str, list[m.Extra]] = {}
    for extra in booked:
        by_group.setdefault(agreements.group_key(extra.group), []).append(extra)
    groups = []
    for entry in day.background:
        key = agreements.group_key(agreements.background_group(entry))
        groups.append(
            {
                "group": agreements.background_group(entry),
                "description": entry.description,
                "called": str(entry.count),
                "booked": str(len(by_group.get(key, []))),
                "call": clock(entry.call),
                "report_to": entry.report_to or "",
            }
        )
    sums: dict[str, Decimal] = {}
    extras, uncosted = [], []
    for extra in booked:
        agreed = terms[extra.id]
        fee = agreements.day_fee(agreed)
        if fee is None:
            uncosted.append(extra.name)
        else:
            sums[agreed.currency] = sums.get(agreed.currency, Decimal(0)) + fee
        extras.append(
            {
                "name": extra.name,
                "group": extra.group or "",
                "agency": extra.agency or "",
                "rate": _rate(agreed, language),
                "included": hours_minutes(agreed.hours),
                "fee": money(fee, agreed.currency, language),
            }
        )
    fees = _money(sums, language)
    report = next((r for r in folder.reports if r.day == day.day), None)
    overtime = [_overtime(folder, day, line, by_group, terms, sums) for line in report.extras] if report else []
    overtime = [o for o in overtime if o is not None]
    total = plan.shoot_days(folder)
    return {
        "title": words["day_of"].format(day=day.day, total=len(total)),
        "date": f"{lb.weekday(day.date.weekday(), language)}, {format_date(day.date, language)}",
        "groups": groups,
        "extras": extras,
        "fees": fees,
        "not_costed": words["not_costed"].format(names=", ".join(uncosted)) if uncosted else "",
        "reported": report is not None,
        "overtime": overtime,
        "total": _money(sums, language),
        "sums": sums,
    }


def _rate(agreed: agreements.Terms, language: str) -> str:
    """`EUR 95.00 per day`."""
    if agreed.rate is None:
        return ""
    per = lb.labels(language).get(f"per_{agreed.per}", agreed.per)
    return f"{money(agreed.rate, agreed.currency, language)} {per}"


def _overtime(
    folder: m.ProductionFolder,
    day: m.ShootDay,
    line: m.ExtrasWorked,
    by_group: dict[str, list[m.Extra]],
    terms: dict[str, agreements.Terms],
    sums: dict[str, Decimal],
) -> dict[str, Any] | None:
    """A daily report's background line beyond its extras' included hours; adds what is owed to `sums`."""
    worked = agreements.worked_minutes(line, day.date, folder.production.timezone)
    extras = by_group.get(agreements.group_key(agreements.background_group(line)), [])
    if worked is None or not extras:
        return None
    agreed = [terms[e.id] for e in extras]
    if not any(agreements.overtime_units(t, worked) for t in agreed):
        return None
    language = folder.production.language
    owed: dict[str, Decimal] = {}
    for t in agreed:
        pay = agreements.overtime_pay(t, worked)
        if pay is not None:
            owed[t.currency] = owed.get(t.currency, Decimal(0)) + pay
    for currency, amount in owed.items():
        sums[currency] = sums.get(currency, Decimal(0)) + amount
    included = min(t.hours for t in agreed if t.hours is not None)
    crew = {c.id: c for c in folder.crew}
    return {
        "group": agreements.background_group(line),
        "count": str(len(extras)),
        "times": f"{clock(line.call)} – {clock(line.wrap)}",
        "worked": hours_minutes(worked),
        "beyond": hours_minutes(worked - included),
        "owed": _money(owed, language),
        "approved": name_of(line.approved_by, crew) if line.approved_by else "",
    }
