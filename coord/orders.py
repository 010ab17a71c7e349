"""Equipment orders as the office follows them: where each stands, who approved it, what it costs, when it is needed.

An order's `history` is a list of steps, oldest first, the last one saying where it
stands. The old single `status:`/`approved_by:` form still loads and reads as the
steps it stands for, without dates. The checks, the order list and the purchase
order all ask these questions here, so they always agree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from coord import model as m
from coord.findings import Pos

#: The way an order goes, in order; `rejected` and `cancelled` end it anywhere on the way.
PROGRESS = ("requested", "approved", "ordered", "delivered", "returned")
CLOSED = ("rejected", "cancelled")
#: Approved or further on: the production has agreed to pay for it.
COMMITTED = ("approved", "ordered", "delivered", "returned")
#: Not yet ordered from the vendor.
UNORDERED = ("requested", "approved")


def status(order: m.Order) -> str:
    """Where the order stands: its last step, or the old form's `status:` (default requested)."""
    if order.history:
        return order.history[-1].status
    return order.status or "requested"


def status_pos(order: m.Order) -> Pos:
    """Where the current status was written."""
    return order.history[-1].at("status") if order.history else order.at("status")


def last_step(order: m.Order) -> m.Step | None:
    return order.history[-1] if order.history else None


@dataclass(frozen=True)
class Approval:
    """One approval of an order: who, when (None in the old form) and where it was written."""

    by: str
    date: dt.date | None
    pos: Pos


def approvals(order: m.Order) -> list[Approval]:
    """Every approval given: each `approved` step with its approver, or the old form's `approved_by`."""
    if order.history:
        return [Approval(step.by, step.date, step.at("by")) for step in order.history if step.status == "approved" and step.by]
    if order.approved_by:
        return [Approval(order.approved_by, None, order.at("approved_by"))]
    return []


def second_approvers(production: m.Production, cost: Decimal | None) -> list[tuple[str, Decimal]]:
    """(crew id, amount) of each approver whose amount the order's cost is above: they must approve it as well."""
    if cost is None:
        return []
    return [(a.crew, a.above) for a in production.approvers if a.above is not None and cost > a.above]


def po_number(order: m.Order, production: m.Production) -> str:
    """The PO number: as accounts gave it, else the title's initials and the order id (`HL-cam-main`)."""
    if order.po:
        return order.po
    initials = "".join(word[0] for word in production.title.split() if word[:1].isalnum()).upper()
    return f"{initials or 'PO'}-{order.id}"


# ---- the rental period and the cost --------------------------------------------------------


def rental_days(order: m.Order) -> int | None:
    """Days the equipment is rented: first to last rental day, both counted; else the number of `needed:` days."""
    if order.start and order.end:
        return (order.end - order.start).days + 1 if order.end >= order.start else None
    if order.needed:
        return len(set(order.needed))
    return None


@dataclass(frozen=True)
class Line:
    """One item as charged: how many days or weeks its price is paid for (1 for flat) and the amount, None when unknown."""

    item: m.Item
    units: int | None
    amount: Decimal | None


def lines(order: m.Order) -> list[Line]:
    days = rental_days(order)
    charged = []
    for item in order.items:
        if item.per == "flat":
            units: int | None = 1
        elif days is None:
            units = None
        else:
            units = days if item.per == "day" else math.ceil(days / 7)
        amount = item.price * item.quantity * units if item.price is not None and units is not None else None
        charged.append(Line(item, units, amount))
    return charged


def cost(order: m.Order) -> Decimal | None:
    """What the order costs over its rental period: the priced items added up; None when no item has a price."""
    priced = [line.amount for line in lines(order) if line.amount is not None]
    return sum(priced, Decimal(0)) if priced else None


def uncosted(order: m.Order) -> list[m.Item]:
    """Items with a price per day or week that cannot be charged: the order gives no rental period."""
    return [line.item for line in lines(order) if line.item.price is not None and line.amount is None]


# ---- when it is needed -----------------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """The first date an order is needed: on a shoot day (`day`), or from its first rental day (`day` None)."""

    date: dt.date
    day: int | None


def first_needed(order: m.Order, days: list[m.ShootDay]) -> Need | None:
    """Its first `needed:` shoot day; else the first shoot day in its rental period; else its first rental day."""
    if order.needed:
        wanted = [d for d in days if d.day in order.needed and d.date is not None]
        first = min(wanted, key=lambda d: d.date, default=None)
        return Need(first.date, first.day) if first else None
    if order.start is None:
        return None
    end = order.end or order.start
    inside = [d for d in days if d.date is not None and order.start <= d.date <= end]
    first = min(inside, key=lambda d: d.date, default=None)
    return Need(first.date, first.day) if first else Need(order.start, None)


def due_back(order: m.Order, days: list[m.ShootDay]) -> dt.date | None:
    """The last rental day: `end`, else the last `needed:` shoot day."""
    if order.end:
        return order.end
    dates = [d.date for d in days if d.day in order.needed and d.date is not None]
    return max(dates) if dates else None
