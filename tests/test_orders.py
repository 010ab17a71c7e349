"""Equipment orders: the history of steps, approvers, cost over the rental period, deadlines; the order list and the PO."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLE, append, bare, edit, flat, invoke, loaded, pdf_text

from coord import orders
from coord.checks import CheckOptions, validate
from coord.documents import contacts, po
from coord.documents import orders as order_list
from coord.errors import CoordError

APPROVERS = "approvers:\n  - crew: pia\n  - crew: tom\n    above: 10000.00\n"
#: One order in the history form: requested by Lea, approved by Pia, ordered; two items, one per day and one per week.
ORDER = """- id: cam
  department: camera
  vendor:
    name: Hamburg Camera Rental
    phone: "+49 40 7777777"
  requested_by: lea
  history:
    - {status: requested, date: 2027-02-01, by: lea}
    - {status: approved, date: 2027-02-02, by: pia}
    - {status: ordered, date: 2027-02-03, by: pia, note: PO sent}
  start: 2027-03-01
  end: 2027-03-03
  items:
    - {name: ARRI Alexa 35 body, quantity: 2, price: 100.00, per: day}
    - {name: Lens set, price: 150.00, per: week}
    - {name: Cables, price: 20.00, per: flat}
"""


def found(folder: Path, check: str, today: dt.date | None = None) -> list[tuple[str, str, str]]:
    _, findings = validate(folder, CheckOptions(today=today))
    return [(str(f.pos), f.level, f.message) for f in findings if f.check == check]


@pytest.fixture
def ordered(minimal: Path) -> Path:
    append(minimal / "production.yaml", APPROVERS)
    (minimal / "equipment.yaml").write_text(ORDER, encoding="utf-8")
    return minimal


def order_of(folder: Path) -> orders.m.Order:
    return loaded(folder).equipment[0]


# ---- the two forms ----------------------------------------------------------------------------


def test_the_old_single_status_still_loads_and_reads_as_its_steps(minimal: Path) -> None:
    (minimal / "equipment.yaml").write_text(
        "- id: cam\n  department: camera\n  vendor: {name: Rental}\n  approved_by: pia\n  status: ordered\n", encoding="utf-8"
    )
    order = order_of(minimal)
    assert orders.status(order) == "ordered"
    assert [(a.by, a.date, str(a.pos)) for a in orders.approvals(order)] == [("pia", None, "equipment.yaml:4:16")]
    _, findings = validate(minimal)
    assert not [f for f in findings if f.pos.file == "equipment.yaml"]


def test_an_order_without_status_or_history_is_requested(minimal: Path) -> None:
    (minimal / "equipment.yaml").write_text("- id: cam\n  department: camera\n  vendor: {name: Rental}\n", encoding="utf-8")
    assert orders.status(order_of(minimal)) == "requested"


def test_the_last_step_is_where_the_order_stands(ordered: Path) -> None:
    order = order_of(ordered)
    assert orders.status(order) == "ordered"
    assert [(a.by, a.date) for a in orders.approvals(order)] == [("pia", dt.date(2027, 2, 2))]


def test_a_history_and_the_old_status_together_is_an_error(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "  requested_by: lea\n", "  requested_by: lea\n  status: ordered\n")
    assert found(ordered, "orders") == [("equipment.yaml:7:11", "error", "order cam has a history and the old status: as well")]


# ---- cost ---------------------------------------------------------------------------------------


def test_cost_is_each_item_over_the_rental_period(ordered: Path) -> None:
    order = order_of(ordered)
    assert orders.rental_days(order) == 3
    assert [(line.units, line.amount) for line in orders.lines(order)] == [
        (3, Decimal("600.00")),
        (1, Decimal("150.00")),
        (1, Decimal("20.00")),
    ]
    assert orders.cost(order) == Decimal("770.00")


@pytest.mark.parametrize(("end", "weeks"), [("2027-03-07", 1), ("2027-03-08", 2)])
def test_a_weekly_price_counts_each_started_week(ordered: Path, end: str, weeks: int) -> None:
    edit(ordered / "equipment.yaml", "  end: 2027-03-03", f"  end: {end}")
    assert orders.lines(order_of(ordered))[1].units == weeks


def test_needed_days_without_a_rental_period_are_the_rental_days(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "  start: 2027-03-01\n  end: 2027-03-03\n", "  needed: [1, 2]\n")
    order = order_of(ordered)
    assert orders.rental_days(order) == 2
    assert orders.cost(order) == Decimal("570.00")


def test_a_price_per_day_without_a_rental_period_is_a_warning(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "  start: 2027-03-01\n  end: 2027-03-03\n", "")
    assert found(ordered, "order-cost") == [
        (
            "equipment.yaml:12:54",
            "warning",
            "order cam prices 2 items per day or week but gives no rental period, so its cost is unknown",
        )
    ]
    assert orders.cost(order_of(ordered)) == Decimal("20.00")  # the flat item alone


def test_a_priced_order_with_a_rental_period_has_no_cost_warning(ordered: Path) -> None:
    assert found(ordered, "order-cost") == []


# ---- approvers -----------------------------------------------------------------------------------


def test_approved_by_someone_who_is_not_an_approver_is_an_error(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "date: 2027-02-02, by: pia}", "date: 2027-02-02, by: lea}")
    assert found(ordered, "order-approvers") == [
        ("equipment.yaml:9:48", "error", "order cam is approved by lea, who is not one of the approvers (pia, tom)")
    ]


def test_approved_by_an_approver_is_fine(ordered: Path) -> None:
    assert found(ordered, "order-approvers") == []


def test_rejected_by_someone_who_is_not_an_approver_is_an_error(ordered: Path) -> None:
    edit(
        ordered / "equipment.yaml",
        "    - {status: approved, date: 2027-02-02, by: pia}\n    - {status: ordered, date: 2027-02-03, by: pia, note: PO sent}\n",
        "    - {status: rejected, date: 2027-02-02, by: lea}\n",
    )
    assert found(ordered, "order-approvers") == [
        ("equipment.yaml:9:48", "error", "order cam is rejected by lea, who is not one of the approvers (pia, tom)")
    ]


def test_without_approvers_anyone_may_approve(ordered: Path) -> None:
    edit(ordered / "production.yaml", APPROVERS, "")
    edit(ordered / "equipment.yaml", "date: 2027-02-02, by: pia}", "date: 2027-02-02, by: lea}")
    assert found(ordered, "order-approvers") == []


def test_the_old_form_approved_by_someone_who_is_not_an_approver_is_an_error(minimal: Path) -> None:
    append(minimal / "production.yaml", APPROVERS)
    (minimal / "equipment.yaml").write_text(
        "- id: cam\n  department: camera\n  vendor: {name: Rental}\n  approved_by: lea\n  status: approved\n", encoding="utf-8"
    )
    assert found(minimal, "order-approvers") == [
        ("equipment.yaml:4:16", "error", "order cam is approved by lea, who is not one of the approvers (pia, tom)")
    ]


# ---- the steps in order ----------------------------------------------------------------------------


def test_a_step_on_the_same_day_as_the_one_before_is_fine(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "{status: ordered, date: 2027-02-03", "{status: ordered, date: 2027-02-02")
    assert found(ordered, "order-history") == []


def test_a_step_dated_before_the_one_before_it_is_an_error(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "{status: ordered, date: 2027-02-03", "{status: ordered, date: 2027-02-01")
    assert found(ordered, "order-history") == [
        (
            "equipment.yaml:10:31",
            "error",
            "order cam: the ordered step is dated 2027-02-01, before the approved step before it (2027-02-02)",
        )
    ]


def test_ordered_before_approved_is_an_error(ordered: Path) -> None:
    edit(
        ordered / "equipment.yaml",
        "    - {status: approved, date: 2027-02-02, by: pia}\n    - {status: ordered, date: 2027-02-03, by: pia, note: PO sent}\n",
        "    - {status: ordered, date: 2027-02-02, by: pia}\n    - {status: approved, date: 2027-02-03, by: pia}\n",
    )
    assert found(ordered, "order-history") == [
        ("equipment.yaml:9:16", "error", "order cam is ordered on 2027-02-02 before anyone approved it"),
        ("equipment.yaml:10:16", "error", 'order cam: "approved" comes after "ordered"'),
    ]


def test_delivered_without_an_approval_is_an_error(ordered: Path) -> None:
    edit(
        ordered / "equipment.yaml",
        "{status: approved, date: 2027-02-02, by: pia}",
        "{status: requested, date: 2027-02-02, by: pia}",
    )
    assert found(ordered, "order-history") == [
        ("equipment.yaml:10:16", "error", "order cam is ordered on 2027-02-03 before anyone approved it")
    ]


def test_nothing_may_follow_a_cancellation(ordered: Path) -> None:
    edit(
        ordered / "equipment.yaml",
        "{status: approved, date: 2027-02-02, by: pia}",
        "{status: cancelled, date: 2027-02-02, by: pia}",
    )
    assert found(ordered, "order-history") == [
        ("equipment.yaml:10:16", "error", "order cam was cancelled on 2027-02-02; nothing can follow")
    ]


def test_an_approval_must_say_who_gave_it(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "{status: approved, date: 2027-02-02, by: pia}", "{status: approved, date: 2027-02-02}")
    assert found(ordered, "order-history") == [
        ("equipment.yaml:9:16", "error", "order cam: the approved step does not say who approved it")
    ]


def test_a_step_by_an_unknown_crew_id_is_an_error(ordered: Path) -> None:
    edit(ordered / "equipment.yaml", "date: 2027-02-03, by: pia", "date: 2027-02-03, by: pai")
    assert found(ordered, "references") == [("equipment.yaml:10:47", "error", 'unknown crew id "pai"')]


# ---- the second approval above an amount --------------------------------------------------------


def price_to(folder: Path, cost: str) -> None:
    """Make the order cost exactly `cost`: the two other items free, the cables flat."""
    edit(folder / "equipment.yaml", "quantity: 2, price: 100.00, per: day", "quantity: 2, price: 0.00, per: day")
    edit(folder / "equipment.yaml", "price: 150.00, per: week", "price: 0.00, per: week")
    edit(folder / "equipment.yaml", "price: 20.00, per: flat", f"price: {cost}, per: flat")


def test_an_order_at_the_amount_needs_no_second_approval(ordered: Path) -> None:
    price_to(ordered, "10000.00")
    assert found(ordered, "order-second-approval") == []


def test_an_order_above_the_amount_without_the_second_approval_is_an_error(ordered: Path) -> None:
    price_to(ordered, "10000.01")
    assert found(ordered, "order-second-approval") == [
        ("equipment.yaml:10:16", "error", "order cam costs EUR 10,000.01, above EUR 10,000.00, and tom has not approved it")
    ]


def test_an_order_above_the_amount_with_the_second_approval_is_fine(ordered: Path) -> None:
    price_to(ordered, "10000.01")
    edit(
        ordered / "equipment.yaml",
        "    - {status: approved, date: 2027-02-02, by: pia}\n",
        "    - {status: approved, date: 2027-02-02, by: pia}\n    - {status: approved, date: 2027-02-02, by: tom}\n",
    )
    assert found(ordered, "order-second-approval") == []


def test_the_second_approver_alone_is_not_enough(ordered: Path) -> None:
    price_to(ordered, "10000.01")
    edit(ordered / "equipment.yaml", "date: 2027-02-02, by: pia}", "date: 2027-02-02, by: tom}")
    assert found(ordered, "order-second-approval") == [
        ("equipment.yaml:10:16", "error", "order cam costs EUR 10,000.01, above EUR 10,000.00, and tom's is its only approval")
    ]


def test_a_requested_order_above_the_amount_is_not_judged_yet(ordered: Path) -> None:
    price_to(ordered, "5000.00")
    edit(
        ordered / "equipment.yaml",
        "    - {status: approved, date: 2027-02-02, by: pia}\n    - {status: ordered, date: 2027-02-03, by: pia, note: PO sent}\n",
        "",
    )
    assert found(ordered, "order-second-approval") == []


# ---- ordered in time, returned in time ------------------------------------------------------------


def not_ordered(folder: Path) -> None:
    edit(folder / "equipment.yaml", "    - {status: ordered, date: 2027-02-03, by: pia, note: PO sent}\n", "")


@pytest.mark.parametrize(
    ("today", "level", "when"),
    [
        ("2027-02-27", "error", "in 2 days"),
        ("2027-03-01", "error", "today"),
        ("2027-03-02", "error", "1 day ago"),
        ("2027-02-26", "warning", "in 3 days"),
        ("2027-02-22", "warning", "in 7 days"),
    ],
)
def test_equipment_not_yet_ordered_shortly_before_the_day_it_is_needed(ordered: Path, today: str, level: str, when: str) -> None:
    not_ordered(ordered)
    assert found(ordered, "order-deadline", dt.date.fromisoformat(today)) == [
        ("equipment.yaml:9:16", level, f"order cam is approved, not yet ordered, and is needed on day 1 (2027-03-01), {when}")
    ]


def test_equipment_needed_more_than_a_week_ahead_is_not_yet_a_finding(ordered: Path) -> None:
    not_ordered(ordered)
    assert found(ordered, "order-deadline", dt.date(2027, 2, 21)) == []


def test_ordered_equipment_is_in_time(ordered: Path) -> None:
    assert found(ordered, "order-deadline", dt.date(2027, 3, 1)) == []


def test_the_first_needed_day_counts_not_the_rental_start(ordered: Path) -> None:
    not_ordered(ordered)
    edit(ordered / "equipment.yaml", "  end: 2027-03-03\n", "  end: 2027-03-03\n  needed: [2]\n")
    assert found(ordered, "order-deadline", dt.date(2027, 3, 1)) == [
        ("equipment.yaml:9:16", "error", "order cam is approved, not yet ordered, and is needed on day 2 (2027-03-03), in 2 days")
    ]


def test_without_a_date_to_judge_by_deadlines_are_not_checked(ordered: Path) -> None:
    not_ordered(ordered)
    assert found(ordered, "order-deadline") == []


def delivered(folder: Path) -> None:
    edit(
        folder / "equipment.yaml",
        "note: PO sent}\n",
        "note: PO sent}\n    - {status: delivered, date: 2027-02-28, by: tom}\n",
    )


def test_equipment_out_on_its_last_rental_day_is_not_overdue(ordered: Path) -> None:
    delivered(ordered)
    assert found(ordered, "order-returns", dt.date(2027, 3, 3)) == []


def test_equipment_still_out_after_its_rental_period_is_a_warning(ordered: Path) -> None:
    delivered(ordered)
    assert found(ordered, "order-returns", dt.date(2027, 3, 4)) == [
        ("equipment.yaml:13:8", "warning", "order cam was due back on 2027-03-03 and is still out (1 day overdue)")
    ]


def test_returned_equipment_is_never_overdue(ordered: Path) -> None:
    delivered(ordered)
    edit(ordered / "equipment.yaml", "by: tom}\n", "by: tom}\n    - {status: returned, date: 2027-03-05, by: tom}\n")
    assert found(ordered, "order-returns", dt.date(2027, 3, 10)) == []


def test_validate_judges_by_today_given_on_the_command_line(ordered: Path) -> None:
    not_ordered(ordered)
    result = invoke("validate", str(ordered), "--today", "2027-02-28")
    assert result.exit_code == 1
    assert (
        "equipment.yaml:9:16: error: order cam is approved, not yet ordered, and is needed on day 1 (2027-03-01), in 1 day"
        in result.output
    )
    assert invoke("validate", str(ordered), "--today", "2027-02-10").exit_code == 0


def test_validate_judges_by_the_real_date_without_today(ordered: Path) -> None:
    """The one test that reads the clock: the shoot is moved to tomorrow, whatever date it is."""
    not_ordered(ordered)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    edit(ordered / "schedule.yaml", "  date: 2027-03-01\n", f"  date: {tomorrow}\n")
    edit(ordered / "schedule.yaml", "- date: 2027-03-02\n", f"- date: {tomorrow + dt.timedelta(days=1)}\n")
    edit(ordered / "schedule.yaml", "  date: 2027-03-03\n", f"  date: {tomorrow + dt.timedelta(days=2)}\n")
    edit(ordered / "equipment.yaml", "  start: 2027-03-01\n", f"  start: {tomorrow}\n")
    edit(ordered / "equipment.yaml", "  end: 2027-03-03\n", f"  end: {tomorrow + dt.timedelta(days=2)}\n")
    result = invoke("validate", str(ordered))
    assert f"needed on day 1 ({tomorrow}), in 1 day" in result.output


def test_a_bad_today_is_a_usage_error(minimal: Path) -> None:
    result = invoke("validate", str(minimal), "--today", "3.3.2027")
    assert result.exit_code == 2
    assert "'3.3.2027' does not match the format '%Y-%m-%d'" in result.output


# ---- the order list ---------------------------------------------------------------------------------


def test_the_list_groups_the_example_s_orders_by_status_in_the_order_an_order_goes() -> None:
    context = order_list.order_list(loaded(EXAMPLE), dt.date(2027, 3, 3))
    assert [(g["code"], [o["id"] for o in g["orders"]]) for g in context["by_status"]] == [
        ("requested", ["crane"]),
        ("approved", ["rain-tower"]),
        ("ordered", ["lowloader"]),
        ("delivered", ["cam-main", "light-main", "grip-main", "sound-main", "walkies"]),
        ("rejected", ["third-camera"]),
        ("cancelled", ["drone"]),
    ]
    assert context["committed"] == "EUR 80,382.00"  # 3,430 + 1,570 + 42,480 + 19,780 + 6,027 + 4,440 + 2,655
    assert context["awaiting"] == "EUR 3,900.00"
    hanse = next(v for v in context["by_vendor"] if v["vendor"] == "Hanse Camera Rental GmbH")
    assert [o["id"] for o in hanse["orders"]] == ["cam-main", "third-camera"]
    assert hanse["committed"] == "EUR 42,480.00"  # the rejected order costs nothing


@pytest.mark.parametrize(("days", "listed"), [(1, True), (0, False)])
def test_what_to_collect_is_listed_up_to_the_last_day_of_the_window(days: int, listed: bool) -> None:
    context = order_list.order_list(loaded(EXAMPLE), dt.date(2027, 3, 3), days)
    assert [(d["what"], d["order"]) for d in context["due"]] == ([("Collect", "lowloader")] if listed else [])


def test_returns_due_and_late_ones_are_listed(ordered: Path) -> None:
    delivered(ordered)
    folder = loaded(ordered)
    assert [(d["date"], d["what"], d["late"]) for d in order_list.order_list(folder, dt.date(2027, 2, 25))["due"]] == [
        ("Wed 3 Mar", "Return", False)
    ]
    assert [(d["what"], d["late"]) for d in order_list.order_list(folder, dt.date(2027, 3, 5))["due"]] == [("Overdue", True)]


def test_a_collection_not_made_on_its_day_is_listed_as_late(ordered: Path) -> None:
    context = order_list.order_list(loaded(ordered), dt.date(2027, 3, 2))
    assert [(d["date"], d["what"], d["late"]) for d in context["due"]] == [("Mon 1 Mar", "Not yet collected", True)]


def test_orders_command_writes_every_format_and_reads_today(tmp_path: Path) -> None:
    result = invoke(
        "orders", "-C", str(EXAMPLE), "--today", "2027-03-03", "--out", str(tmp_path), "--format", "pdf", "--format", "md"
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"wrote {tmp_path / 'orders.pdf'}", f"wrote {tmp_path / 'orders.md'}"]
    text = flat(pdf_text(tmp_path / "orders.pdf"))
    for expected in (
        "EQUIPMENT ORDERS",
        "As of 3 March 2027",
        "TO COLLECT AND RETURN, 3 MAR – 10 MAR",
        "lowloader",
        "EUR 42,480.00",
    ):
        assert expected in text
    assert "Total EUR 75,382.00" in text  # the five orders out


# ---- the purchase order ----------------------------------------------------------------------------


def test_a_purchase_order_is_made_only_for_an_approved_order() -> None:
    with pytest.raises(CoordError, match="order crane is requested: a purchase order is made once the order is approved"):
        po.items(loaded(EXAMPLE), "crane")
    with pytest.raises(CoordError, match="order third-camera is rejected"):
        po.items(loaded(EXAMPLE), "third-camera")


def test_an_unknown_order_is_named_with_a_suggestion() -> None:
    wanted = 'there is no order "cam-mian" in equipment.yaml; did you mean "cam-main"?'
    with pytest.raises(CoordError, match=re.escape(wanted)):
        po.items(loaded(EXAMPLE), "cam-mian")


def test_the_purchase_order_of_the_camera_package_above_the_second_approval_amount() -> None:
    context = po.purchase_order(loaded(EXAMPLE), next(o for o in loaded(EXAMPLE).equipment if o.id == "cam-main"))
    assert (context["po_number"], context["date"], context["total"]) == ("HL-cam-main", "21 January 2027", "EUR 42,480.00")
    assert context["approvals"] == [
        {"name": "Jens Oltmanns (Production Manager)", "date": "20 January 2027"},
        {"name": "Katrin Mahler (Producer)", "date": "21 January 2027"},
    ]
    assert context["lines"][0] == {
        "quantity": "2",
        "name": "ARRI Alexa 35 body",
        "notes": "A and B camera, with Codex Compact drive receivers.",
        "price": "EUR 2,400.00",
        "per": "per week",
        "units": "4 weeks",
        "amount": "EUR 19,200.00",
    }


def test_po_command_writes_a_pdf_to_send(tmp_path: Path) -> None:
    result = invoke("po", "cam-main", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "po-cam-main.pdf")
    for expected in (
        "PURCHASE ORDER",
        "PO number: HL-cam-main",
        "Hanse Camera Rental GmbH",
        "Friedensallee 128, 22763 Hamburg",
        "26 February 2027 – 20 March 2027 (23 days)",
        "Total, plus VAT",
        "EUR 42,480.00",
        "Jens Oltmanns (Production Manager) · 20 January 2027",
        "Katrin Mahler (Producer) · 21 January 2027",
        "Nordlicht Filmproduktion GmbH",
    ):
        assert bare(expected) in bare(text), expected


def test_po_command_refuses_an_unapproved_order_with_exit_1(tmp_path: Path) -> None:
    result = invoke("po", "crane", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "Error: order crane is requested" in result.output
    assert not list(tmp_path.iterdir())


def test_the_po_number_from_accounts_wins(example_copy: Path) -> None:
    edit(example_copy / "equipment.yaml", "- id: cam-main\n", "- id: cam-main\n  po: NL-2027-0042\n")
    order = next(o for o in loaded(example_copy).equipment if o.id == "cam-main")
    assert po.purchase_order(loaded(example_copy), order)["po_number"] == "NL-2027-0042"


def test_the_german_purchase_order(example_copy: Path) -> None:
    edit(example_copy / "production.yaml", "language: en", "language: de")
    order = next(o for o in loaded(example_copy).equipment if o.id == "cam-main")
    context = po.purchase_order(loaded(example_copy), order)
    assert (context["total"], context["lines"][0]["per"], context["lines"][0]["units"]) == (
        "42.480,00 EUR",
        "pro Woche",
        "4 Wochen",
    )


# ---- the contact list leaves out vendors never used -----------------------------------------------


def test_a_rejected_order_s_vendor_is_not_on_the_contact_list(example_copy: Path) -> None:
    edit(
        example_copy / "equipment.yaml",
        '    name: Hanse Camera Rental GmbH\n    contact: Sönke Paulsen\n    phone: "+49 40 8540 3320"\n    email: rental@hanse-camera.de\n    address: Friedensallee 128, 22763 Hamburg\n  requested_by: daniel-lindqvist\n  history:\n    - {status: requested, date: 2027-02-19',
        "    name: Kamerahaus Nord\n  requested_by: daniel-lindqvist\n  history:\n    - {status: requested, date: 2027-02-19",
    )
    names = [v["name"] for v in contacts.contact_list(loaded(example_copy))["vendors"]]
    assert "Kamerahaus Nord" not in names and "Hanse Camera Rental GmbH" in names


def test_no_label_is_named_like_a_method_of_a_mapping() -> None:
    """In a Jinja template `labels.items` is the dict's method, not the label: such a name would print a method."""
    from coord import labels

    assert not [key for key in labels.labels("en") if hasattr(dict, key)]
