"""The equipment order list: every order by where it stands and by vendor, and what must be collected or returned soon.

"Soon" is the next few days from `today` (the command's --today, default the real
date): collections of approved and ordered equipment, returns of what is out, and
what is late. Costs, statuses and approvals come from coord.orders, as the checks see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import orders as o
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, format_date, money, short_date, weekday_date

#: The inputs of the order list and the purchase order.
INPUTS = ("production", "crew", "equipment", "days")
#: How many days ahead the list shows what to collect and return, unless the command says otherwise.
DAYS_AHEAD = 7


def items(folder: m.ProductionFolder, today: dt.date | None = None, days: int = DAYS_AHEAD) -> list[Item]:
    return [Item("orders", order_list(folder, today or dt.date.today(), days))]


DOCUMENT = register(Document("orders", "equipment order list", INPUTS, "orders", items))


def order_list(folder: m.ProductionFolder, today: dt.date, days: int = DAYS_AHEAD) -> Context:
    """The orders by status (in the order an order goes), by vendor, and the collections and returns from `today`."""
    production = folder.production
    language = production.language
    words = lb.labels(language)
    crew = {c.id: c for c in folder.crew}
    shoot = plan.shoot_days(folder)
    rows = {order.id: order_row(order, crew, shoot, language) for order in folder.equipment}
    by_status = []
    for status in (*o.PROGRESS, *o.CLOSED):
        chosen = [order for order in folder.equipment if o.status(order) == status]
        if chosen:
            by_status.append(
                {
                    "status": words[f"status_{status}"],
                    "code": status,
                    "orders": [rows[order.id] for order in chosen],
                    "total": total(chosen, language),
                }
            )
    last = today + dt.timedelta(days=days)
    return {
        **common_context(production),
        "as_of": words["as_of"].format(date=format_date(today, language)),
        "window": words["coming_up"].format(start=short_date(today, language), end=short_date(last, language)),
        "due": due(folder.equipment, shoot, today, last, language),
        "by_status": by_status,
        "by_vendor": by_vendor(folder.equipment, rows, language),
        "committed": total((x for x in folder.equipment if o.status(x) in o.COMMITTED), language),
        "awaiting": total((x for x in folder.equipment if o.status(x) == "requested"), language),
    }


def order_row(order: m.Order, crew: dict[str, m.CrewMember], shoot: list[m.ShootDay], language: str) -> dict[str, Any]:
    """One order as the list prints it."""
    words = lb.labels(language)
    step = o.last_step(order)
    last = ""
    if step is not None:
        parts = [words[f"step_{step.status}"] + (f" {short_date(step.date, language)}" if step.date else "")]
        parts += [name_of(step.by, crew)] if step.by else []
        parts += [step.note] if step.note else []
        last = " · ".join(parts)
    cost = o.cost(order)
    unpriced = sum(1 for i in order.items if i.price is None)
    shown = words["not_priced"] if cost is None else money(cost, order.currency, language)
    if cost is not None and unpriced:
        shown += f" (+{unpriced} {words['not_priced']})"
    return {
        "id": order.id,
        "department": lb.department(order.department, language),
        "vendor": order.vendor.name if order.vendor else "",
        "status": words[f"status_{o.status(order)}"],
        "period": rental_period(order, language, short=True),
        "needed": needed_on(order, shoot, language, short=True),
        "cost": shown,
        "approvals": " · ".join(
            name_of(a.by, crew) + (f" {short_date(a.date, language)}" if a.date else "") for a in o.approvals(order)
        ),
        "last": last,
    }


def name_of(person: str, crew: dict[str, m.CrewMember]) -> str:
    return crew[person].name if person in crew else person


def rental_period(order: m.Order, language: str, short: bool = False) -> str:
    """`26 Feb – 20 Mar (23 days)`; empty without both rental days."""
    if not (order.start and order.end):
        return ""
    show = short_date if short else format_date
    return lb.labels(language)["rental_days"].format(
        start=show(order.start, language), end=show(order.end, language), days=o.rental_days(order) or 0
    )


def needed_on(order: m.Order, shoot: list[m.ShootDay], language: str, short: bool = False) -> str:
    """The shoot days an order is needed on: `day 4 (4 Mar)`, `days 10 (12 Mar), 13 (17 Mar)`; empty when not given."""
    if not order.needed:
        return ""
    show = short_date if short else format_date
    dates = {d.day: d.date for d in shoot if d.date is not None}
    numbers = sorted(set(order.needed))
    days = ", ".join(f"{n} ({show(dates[n], language)})" if n in dates else str(n) for n in numbers)
    return lb.labels(language)["needed_day" if len(numbers) == 1 else "needed_days"].format(days=days)


def total(orders: Iterable[m.Order], language: str) -> str:
    """The orders' cost added up, per currency: `EUR 42,480.00`; empty when none is priced."""
    sums: dict[str, Decimal] = {}
    for order in orders:
        cost = o.cost(order)
        if cost is not None:
            sums[order.currency] = sums.get(order.currency, Decimal(0)) + cost
    return " · ".join(money(amount, currency, language) for currency, amount in sorted(sums.items()))


def due(
    orders: tuple[m.Order, ...], shoot: list[m.ShootDay], today: dt.date, last: dt.date, language: str
) -> list[dict[str, Any]]:
    """What to collect (approved and ordered equipment) and return (what is out) up to `last`, and what is late."""
    words = lb.labels(language)
    found: list[tuple[dt.date, str, bool, m.Order]] = []
    for order in orders:
        status = o.status(order)
        if status in ("approved", "ordered"):
            need = o.first_needed(order, shoot)
            start = order.start or (need.date if need else None)
            if start is not None and start <= last:
                found.append((start, "due_late_collect" if start < today else "due_collect", start < today, order))
        elif status == "delivered":
            back = o.due_back(order, shoot)
            if back is not None and back <= last:
                found.append((back, "due_overdue" if back < today else "due_return", back < today, order))
    return [
        {
            "date": weekday_date(date, language),
            "what": words[what],
            "late": late,
            "order": order.id,
            "vendor": order.vendor.name if order.vendor else "",
            "department": lb.department(order.department, language),
            "delivery": order.delivery or "",
        }
        for date, what, late, order in sorted(found, key=lambda f: (f[0], f[3].id))
    ]


def by_vendor(orders: tuple[m.Order, ...], rows: dict[str, dict[str, Any]], language: str) -> list[dict[str, Any]]:
    """Each vendor once (by name), with its orders and what the approved ones cost."""
    vendors: dict[str, tuple[m.Vendor, list[m.Order]]] = {}
    for order in orders:
        if order.vendor is not None:
            vendors.setdefault(order.vendor.name.strip().casefold(), (order.vendor, []))[1].append(order)
    listed = []
    for _key, (vendor, chosen) in sorted(vendors.items()):
        listed.append(
            {
                "vendor": vendor.name,
                "contact": " · ".join(v for v in (vendor.contact, vendor.phone, vendor.email) if v),
                "orders": [{"id": x.id, "status": rows[x.id]["status"], "cost": rows[x.id]["cost"]} for x in chosen],
                "committed": total((x for x in chosen if o.status(x) in o.COMMITTED), language),
            }
        )
    return listed
