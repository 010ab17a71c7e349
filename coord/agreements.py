"""The terms extras and interns work under, as checks and documents both need them.

An extra's agreement applies field by field: what their own `agreement:` says, else what
their group's says in production.yaml, else the production's default there, so that a
crowd of 200 shares one set of terms. The old `pay:` and `rights:` fields still count
where the agreement is silent. An internship's length, weekly hours and hourly pay are
worked out here too; every duration is real elapsed time (coord.localtime).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from coord import model as m
from coord import plan
from coord.findings import Pos
from coord.localtime import elapsed
from coord.values import Time

# ---- extras ----------------------------------------------------------------------------------


def group_key(name: str | None) -> str:
    """Groups match whatever the case and spacing: `Dock workers` is `dock  Workers`."""
    return " ".join((name or "").split()).casefold()


def background_group(entry: m.Background | m.ExtrasWorked) -> str:
    """The extras' group a schedule or report line is about: its `group:`, else its description."""
    return entry.group or entry.description


@dataclass(frozen=True)
class Terms:
    """An extra's agreement as it applies; `signed_at` says where the signing date was written (None: nowhere)."""

    signed: dt.date | None
    signed_at: Pos | None
    rate: Decimal | None
    currency: str
    per: str
    hours: int | None
    overtime: m.Overtime | None
    media: str | None
    territory: str | None
    term: str | None
    rights_in_words: str | None
    wardrobe_allowance: Decimal | None
    fittings: str | None
    cancellation: str | None


def layers(extra: m.Extra, production: m.Production) -> list[m.ExtraAgreement]:
    """The agreements that speak for an extra, the most specific first: their own, their old `pay:` (read as the
    rate it gives), their group's, the production's."""
    settings = production.extras
    pay = extra.pay
    old = None
    if pay is not None:
        where = {"rate": pay.at("amount"), "currency": pay.at("currency"), "per": pay.at("per")}
        old = m.ExtraAgreement(rate=pay.amount, currency=pay.currency, per=pay.per, pos=pay.pos, where=where)
    found: list[m.ExtraAgreement | None] = [extra.agreement, old]
    if settings is not None:
        wanted = group_key(extra.group)
        found.append(next((a for name, a in settings.groups.items() if extra.group and group_key(name) == wanted), None))
        found.append(settings.agreement)
    return [a for a in found if a is not None]


def terms(extra: m.Extra, production: m.Production) -> Terms:
    """What the extra's agreement says, field by field from the most specific agreement that says it.

    The old `rights:` in words stand for the rights unless the extra's own agreement gives them."""
    given = layers(extra, production)
    own_rights = extra.agreement is not None and extra.agreement.rights is not None
    in_words = extra.rights if extra.rights and not own_rights else None
    rights = [a.rights for a in given if a.rights is not None] if not in_words else []

    def first(attr: str, among: Iterable[Any] = given) -> Any:
        return next((getattr(a, attr) for a in among if getattr(a, attr) is not None), None)

    signer = next((a for a in given if a.signed is not None), None)
    return Terms(
        signed=signer.signed if signer else None,
        signed_at=signer.at("signed") if signer else None,
        rate=first("rate"),
        currency=first("currency") or "EUR",
        per=first("per") or "day",
        hours=first("hours"),
        overtime=first("overtime"),
        media=first("media", rights),
        territory=first("territory", rights),
        term=first("term", rights),
        rights_in_words=in_words,
        wardrobe_allowance=first("wardrobe_allowance"),
        fittings=first("fittings"),
        cancellation=first("cancellation"),
    )


#: The fields of an agreement that are amounts of money, in the agreement's currency.
MONEY_FIELDS = {"rate": "rate", "overtime": "overtime rate", "wardrobe_allowance": "wardrobe allowance"}


@dataclass(frozen=True)
class ForeignAmount:
    """An amount an extra's agreement takes from a less specific agreement written in another currency."""

    field: str
    supplier: m.ExtraAgreement
    its_currency: str
    currency: str
    currency_from: m.ExtraAgreement


def foreign_amounts(extra: m.Extra, production: m.Production) -> list[ForeignAmount]:
    """Amounts the extra's terms would take from an agreement in a currency other than the terms' own.

    A layer is in the currency it gives, else in that of the layers below it (EUR when none gives one);
    printing its amount in the terms' currency would relabel EUR 12.00 as DKK 12.00, so it is not inherited."""
    given = layers(extra, production)

    def currency_of(index: int) -> tuple[str, m.ExtraAgreement | None]:
        source = next((a for a in given[index:] if a.currency is not None), None)
        return (source.currency or "EUR", source) if source else ("EUR", None)

    currency, currency_from = currency_of(0)
    found = []
    for field in MONEY_FIELDS:
        index = next((i for i, a in enumerate(given) if getattr(a, field) is not None), None)
        if index is None or currency_from is None:
            continue
        its_currency, _ = currency_of(index)
        if its_currency != currency:
            found.append(ForeignAmount(field, given[index], its_currency, currency, currency_from))
    return found


def day_fee(agreed: Terms) -> Decimal | None:
    """What one booked shoot day costs before overtime: the day rate, or the hourly rate for the included hours;
    with the wardrobe allowance. None when the agreement does not say (no rate, or paid per week, month or flat)."""
    if agreed.rate is None:
        return None
    if agreed.per == "day":
        fee = agreed.rate
    elif agreed.per == "hour" and agreed.hours is not None:
        fee = agreed.rate * agreed.hours / 60
    else:
        return None
    return fee + (agreed.wardrobe_allowance or Decimal(0))


def overtime_units(agreed: Terms, worked: int) -> int:
    """Each started half hour (or hour) beyond the included hours; 0 within them or when no hours are agreed."""
    if agreed.hours is None or worked <= agreed.hours:
        return 0
    unit = 60 if agreed.overtime is not None and agreed.overtime.per == "hour" else 30
    return math.ceil((worked - agreed.hours) / unit)


def overtime_pay(agreed: Terms, worked: int) -> Decimal | None:
    """The overtime owed to one extra for `worked` minutes; None when overtime is due but no rate is agreed."""
    units = overtime_units(agreed, worked)
    if units == 0:
        return Decimal(0)
    rate = agreed.overtime.rate if agreed.overtime is not None else None
    return rate * units if rate is not None else None


def worked_minutes(line: m.ExtrasWorked, date: dt.date, timezone: str) -> int | None:
    """Real minutes from call to release of a daily report's background line, None when a time is missing."""
    if line.call is None or line.wrap is None:
        return None
    return elapsed(date, line.call, line.wrap, timezone)


def booked_on(folder: m.ProductionFolder, day: m.ShootDay) -> list[m.Extra]:
    return [e for e in folder.extras if day.day in e.days]


# ---- interns ---------------------------------------------------------------------------------

#: MiLoG §22(1) nos. 2 and 3: orientation internships and internships alongside studies of up to
#: three months are exempt from the minimum wage; a longer one owes it for the whole internship.
EXEMPT_MONTHS = 3


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months from `start` (BGB §188(2), (3)): 22 Feb + 3 months ends 21 May,
    30 Nov + 3 months ends on the last day of February."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, start.day) - dt.timedelta(days=1)


def longer_than(internship: m.Intern, months: int) -> bool:
    return internship.start is not None and internship.end is not None and internship.end > period_end(internship.start, months)


def owes_minimum_wage(internship: m.Intern) -> bool:
    """Whether MiLoG §22(1) leaves the internship under the minimum wage: mandatory ones never; orientation and
    alongside-studies ones over three months; voluntary ones (any other) always. Unknown kind: not judged."""
    if internship.kind in ("orientation", "alongside_studies"):
        return longer_than(internship, EXEMPT_MONTHS)
    return internship.kind == "voluntary"


def length_in_days(internship: m.Intern) -> int | None:
    """First to last day, both counted."""
    if internship.start is None or internship.end is None or internship.end < internship.start:
        return None
    return (internship.end - internship.start).days + 1


def working_days(internship: m.Intern) -> int | None:
    """Monday to Friday from first to last day, both counted: what the days of leave are taken from."""
    length = length_in_days(internship)
    if length is None or internship.start is None:
        return None
    return sum((internship.start + dt.timedelta(days=n)).weekday() < 5 for n in range(length))


def in_period(internship: m.Intern, date: dt.date) -> bool:
    """Whether a day falls in an internship's period (not judged while it lacks a date)."""
    return internship.start is not None and internship.end is not None and internship.start <= date <= internship.end


def overlap(one: m.Intern, other: m.Intern) -> bool:
    """Whether two internships share a day (not judged while either lacks a date)."""
    if one.start is None or one.end is None or other.start is None or other.end is None:
        return False
    return one.start <= other.end and other.start <= one.end


def hourly_pay(internship: m.Intern) -> Decimal | None:
    """The stipend per hour worked, from the agreed hours; None when the hours needed for it are not agreed."""
    pay = internship.stipend
    if pay is None or pay.amount is None:
        return None
    weekly = Decimal(internship.hours_per_week) if internship.hours_per_week else None
    daily = Decimal(internship.daily_hours) / 60 if internship.daily_hours else None
    hours: Decimal | None
    if pay.per == "hour":
        hours = Decimal(1)
    elif pay.per == "day":
        hours = daily or (weekly / 5 if weekly else None)
    elif pay.per == "week":
        hours = weekly
    elif pay.per == "month":
        hours = weekly * 13 / 3 if weekly else None  # 52 weeks / 12 months
    else:  # flat, for the whole internship
        length = length_in_days(internship)
        hours = weekly * length / 7 if weekly and length else None
    return pay.amount / hours if hours else None


@dataclass(frozen=True)
class Week:
    """The hours an intern is planned for in one calendar week (Monday first), from calls and wraps."""

    monday: dt.date
    minutes: int
    days: list[int]


def planned_weeks(folder: m.ProductionFolder, member: m.CrewMember) -> list[Week]:
    """Each week's hours from the person's call to the wrap (the reported crew wrap where a daily report has one)."""
    reported = {r.day: r.crew_wrap for r in folder.reports if r.crew_wrap is not None}
    weeks_found: dict[dt.date, Week] = {}
    for day in plan.shoot_days(folder):
        if day.date is None or not plan.works_on(member, day):
            continue
        start: Time | None = plan.crew_call_for(member, day)
        end = reported.get(day.day or 0) or day.wrap
        if start is None or end is None:
            continue
        monday = day.date - dt.timedelta(days=day.date.weekday())
        week = weeks_found.get(monday, Week(monday, 0, []))
        minutes = elapsed(day.date, start, end, folder.production.timezone)
        weeks_found[monday] = Week(monday, week.minutes + minutes, [*week.days, day.day or 0])
    return sorted(weeks_found.values(), key=lambda w: w.monday)
