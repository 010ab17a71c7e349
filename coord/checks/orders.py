"""Equipment orders: approved by the right people before they are ordered, steps in order, ordered in time, returned."""

from __future__ import annotations

from decimal import Decimal

from coord import model as m
from coord import orders as o
from coord.checks import Reporter, check
from coord.plan import shoot_days

#: Not yet ordered this many days before it is needed, or less: an error; up to ORDER_REMIND_DAYS: a warning.
ORDER_DEADLINE_DAYS = 2
ORDER_REMIND_DAYS = 7


def amount(value: Decimal, currency: str) -> str:
    return f"{currency} {value:,.2f}"


@check("orders", reads=("equipment",))
def orders(folder: m.ProductionFolder, out: Reporter) -> None:
    for order in folder.equipment:
        if order.history and (order.written("status") or order.written("approved_by")):
            field = "status" if order.written("status") else "approved_by"
            out.error(
                order.at(field),
                f"order {order.id} has a history and the old {field}: as well",
                "keep the history and delete status: and approved_by: (see docs/format.md, Changes to the format)",
            )
        elif not order.history and o.status(order) in o.PROGRESS[1:] and not order.approved_by:
            out.error(
                order.at("status"),
                f'order {order.id} is "{order.status}" but nobody approved it',
                "the PM approves before anything is ordered: add 'approved_by: <crew id>'",
            )
        if order.start and order.end and order.end < order.start:
            out.error(order.at("end"), f"order {order.id} ends {order.end}, before it starts {order.start}", "swap the dates")


@check("order-history", reads=("equipment",))
def order_history(folder: m.ProductionFolder, out: Reporter) -> None:
    """Steps oldest first, dated in order, the way an order goes: approved before it is ordered, nothing after the end."""
    for order in folder.equipment:
        previous: m.Step | None = None
        approved = False
        for step in order.history:
            if step.status in ("approved", "rejected") and not step.by:
                out.error(
                    step.at("status"),
                    f"order {order.id}: the {step.status} step does not say who {step.status} it",
                    "add 'by: <crew id>' of the approver",
                )
            if previous is not None and previous.status in o.CLOSED:
                out.error(
                    step.at("status"),
                    f"order {order.id} was {previous.status} on {previous.date}; nothing can follow",
                    "remove the step, or make a new order",
                )
            elif previous is not None and _rank(step) < _rank(previous):
                out.error(
                    step.at("status"),
                    f'order {order.id}: "{step.status}" comes after "{previous.status}"',
                    "an order goes requested, approved, ordered, delivered, returned: correct the order of the steps",
                )
            elif step.status in o.PROGRESS[2:] and not approved:
                out.error(
                    step.at("status"),
                    f"order {order.id} is {step.status} on {step.date} before anyone approved it",
                    "the PM approves before anything is ordered: add an approved step with by: before it",
                )
            if previous is not None and step.date and previous.date and step.date < previous.date:
                out.error(
                    step.at("date"),
                    f"order {order.id}: the {step.status} step is dated {step.date}, before the {previous.status} step "
                    f"before it ({previous.date})",
                    "the steps are listed oldest first: correct the date or the order of the steps",
                )
            approved = approved or step.status == "approved"
            previous = step


def _rank(step: m.Step) -> int:
    return o.PROGRESS.index(step.status) if step.status in o.PROGRESS else len(o.PROGRESS)


@check("order-approvers", reads=("equipment", "production"))
def order_approvers(folder: m.ProductionFolder, out: Reporter) -> None:
    """Only the people production.yaml lists under approvers: may approve or reject an order."""
    approvers = folder.production.approvers
    allowed = {a.crew for a in approvers if a.crew}
    if not allowed or any(a.lacks("crew") or "crew" in a.invalid for a in approvers):
        return  # without approvers, or with one that failed to load (reported there), nobody can be judged
    listed = ", ".join(sorted(allowed))
    for order in folder.equipment:
        decisions = [(a.by, a.pos, "approved") for a in o.approvals(order)]
        decisions += [(s.by, s.at("by"), "rejected") for s in order.history if s.status == "rejected" and s.by]
        for person, pos, what in decisions:
            if person not in allowed:
                out.error(
                    pos,
                    f"order {order.id} is {what} by {person}, who is not one of the approvers ({listed})",
                    "the PM decides: name an approver from production.yaml, or add them under approvers:",
                )


@check("order-second-approval", reads=("equipment", "production"))
def order_second_approval(folder: m.ProductionFolder, out: Reporter) -> None:
    """An order above an approver's amount needs that approver's approval as well as another one."""
    for order in folder.equipment:
        if o.status(order) not in o.COMMITTED:
            continue
        cost = o.cost(order)
        given = {a.by for a in o.approvals(order)}
        for crew, above in o.second_approvers(folder.production, cost):
            costs = f"costs {amount(cost or Decimal(0), order.currency)}, above {amount(above, order.currency)}"
            if crew not in given:
                out.error(
                    o.status_pos(order),
                    f"order {order.id} {costs}, and {crew} has not approved it",
                    f"record the second approval: a step 'status: approved' with 'by: {crew}'",
                )
            elif len(given) < 2:
                out.error(
                    o.status_pos(order),
                    f"order {order.id} {costs}, and {crew}'s is its only approval",
                    "it needs a first approval too: a step 'status: approved' by the PM",
                )


@check("order-cost", reads=("equipment",))
def order_cost(folder: m.ProductionFolder, out: Reporter) -> None:
    for order in folder.equipment:
        items = o.uncosted(order)
        if items:
            out.warning(
                items[0].at("price"),
                f"order {order.id} prices {len(items)} item{'s' if len(items) > 1 else ''} per day or week "
                "but gives no rental period, so its cost is unknown",
                "add start: and end:, or the shoot days it is needed: on",
            )


@check("order-deadline", reads=("equipment", "days"))
def order_deadline(folder: m.ProductionFolder, out: Reporter) -> None:
    """Equipment not yet ordered shortly before the shoot day it is needed on (judged from --today)."""
    today = out.options.today
    if today is None:
        return
    days = shoot_days(folder)
    for order in folder.equipment:
        status = o.status(order)
        need = o.first_needed(order, days)
        if status not in o.UNORDERED or need is None:
            continue
        left = (need.date - today).days
        if left > ORDER_REMIND_DAYS:
            continue
        when = f"on day {need.day} ({need.date})" if need.day else f"from {need.date}"
        message = f"order {order.id} is {status}, not yet ordered, and is needed {when}, {_in_days(left)}"
        hint = "order it from the vendor and add an ordered step, or cancel it"
        if left <= ORDER_DEADLINE_DAYS:
            out.error(o.status_pos(order), message, hint)
        else:
            out.warning(o.status_pos(order), message, hint)


def _in_days(left: int) -> str:
    if left == 0:
        return "today"
    if left < 0:
        return f"{-left} day{'s' if left < -1 else ''} ago"
    return f"in {left} day{'s' if left > 1 else ''}"


@check("order-returns", reads=("equipment", "days"))
def order_returns(folder: m.ProductionFolder, out: Reporter) -> None:
    """Equipment still out after its rental period (judged from --today)."""
    today = out.options.today
    if today is None:
        return
    for order in folder.equipment:
        due = o.due_back(order, shoot_days(folder))
        if o.status(order) == "delivered" and due is not None and due < today:
            late = (today - due).days
            out.warning(
                order.at("end") if order.end else order.at("needed"),
                f"order {order.id} was due back on {due} and is still out ({late} day{'s' if late > 1 else ''} overdue)",
                "return it and add a returned step, or agree a longer rental with the vendor and change end:",
            )
