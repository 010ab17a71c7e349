"""Equipment orders: approved before they are ordered, rental periods in order."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check


@check("orders", reads=("equipment",))
def orders(folder: m.ProductionFolder, out: Reporter) -> None:
    for order in folder.equipment:
        if order.status in ("approved", "ordered", "delivered", "returned") and not order.approved_by:
            out.error(
                order.at("status"),
                f'order {order.id} is "{order.status}" but nobody approved it',
                "the PM approves before anything is ordered: add 'approved_by: <crew id>'",
            )
        if order.start and order.end and order.end < order.start:
            out.error(order.at("end"), f"order {order.id} ends {order.end}, before it starts {order.start}", "swap the dates")
