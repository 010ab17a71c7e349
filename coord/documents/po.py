"""The purchase order of one equipment order, to send to the rental house once it is approved.

It carries the PO number, the vendor, delivery and return, each item with its quantity
and cost, who approved it and when, and the production's details to invoice.
"""

from __future__ import annotations

from typing import Any

from coord import labels as lb
from coord import model as m
from coord import orders as o
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, format_date, money
from coord.documents.orders import INPUTS, needed_on, rental_period
from coord.errors import CoordError
from coord.kinds import suggest


def items(folder: m.ProductionFolder, order: str) -> list[Item]:
    found = find_order(folder, order)
    status = o.status(found)
    if status not in o.COMMITTED:
        raise CoordError(
            f"order {found.id} is {status}: a purchase order is made once the order is approved "
            "(a step 'status: approved' in its history)"
        )
    return [Item(f"po-{found.id}", purchase_order(folder, found))]


DOCUMENT = register(Document("po", "purchase order", INPUTS, "orders", items))


def find_order(folder: m.ProductionFolder, wanted: str) -> m.Order:
    for order in folder.equipment:
        if order.id == wanted:
            return order
    ids = [x.id for x in folder.equipment]
    close = suggest(wanted, ids)
    hint = f'did you mean "{close}"?' if close else "the orders are: " + (", ".join(ids) or "none yet")
    raise CoordError(f'there is no order "{wanted}" in equipment.yaml; {hint}')


def purchase_order(folder: m.ProductionFolder, order: m.Order) -> Context:
    production = folder.production
    language = production.language
    words = lb.labels(language)
    crew = {c.id: c for c in folder.crew}
    approvals = o.approvals(order)
    dated = [a.date for a in approvals if a.date]
    vendor = order.vendor or m.Vendor(name="")
    lines = o.lines(order)
    return {
        **common_context(production),
        "po_number": o.po_number(order, production),
        "date": format_date(max(dated), language) if dated else "",
        "order": order.id,
        "department": lb.department(order.department, language),
        "requested_by": _person(order.requested_by, crew),
        "vendor": {
            "name": vendor.name,
            "contact": vendor.contact or "",
            "address": vendor.address or "",
            "phone": vendor.phone or "",
            "email": vendor.email or "",
        },
        "rental": rental_period(order, language),
        "needed": needed_on(order, plan.shoot_days(folder), language),
        "delivery": order.delivery or "",
        "lines": [_line(line, order.currency, language) for line in lines],
        "total": money(o.cost(order), order.currency, language),
        "unpriced": any(line.amount is None for line in lines),
        "approvals": [{"name": _person(a.by, crew), "date": format_date(a.date, language) if a.date else ""} for a in approvals],
        "notes": order.notes or "",
        "terms": words["po_terms"],
    }


def _person(person: str | None, crew: dict[str, m.CrewMember]) -> str:
    """`Jens Oltmanns (Production Manager)`."""
    if person is None:
        return ""
    member = crew.get(person)
    return f"{member.name} ({member.role})" if member else person


def _line(line: o.Line, currency: str, language: str) -> dict[str, Any]:
    words = lb.labels(language)
    item = line.item
    return {
        "quantity": str(item.quantity),
        "name": item.name,
        "notes": item.notes or "",
        "price": money(item.price, currency, language),
        "per": words[f"per_{item.per}"] if item.price is not None else "",
        "units": words[f"units_{item.per}"].format(n=line.units) if line.units is not None and item.price is not None else "",
        "amount": money(line.amount, currency, language),
    }
