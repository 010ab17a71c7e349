"""Golden files: the example's order list, one purchase order, the availability grid, one day's background summary,
and an extra's and an intern's agreement (English, and German Markdown), checked in so that a change of output shows
in review.

After a deliberate change of a template or of the context, run `make golden` and
review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from conftest import EXAMPLE, GOLDEN, assert_golden, loaded

from coord import model as m
from coord.documents import Context, agreement, availability, common, extras, orders, po
from coord.render import render_text

#: The day the example's office is at: its daily reports reach day 2.
TODAY = dt.date(2027, 3, 3)


def purchase_order(folder: m.ProductionFolder) -> Context:
    """The camera package: above the second approval amount, approved by the PM and the producer."""
    return po.purchase_order(folder, next(o for o in folder.equipment if o.id == "cam-main"))


def agreement_of(name: str, language: str | None = None) -> Callable[[m.ProductionFolder], Context]:
    """A café guest, whose agreement is the one production.yaml sets for the group; an intern's."""
    return lambda folder: agreement.items(folder, [name], language=language)[0].context


DOCUMENTS: dict[str, tuple[str, Callable[[m.ProductionFolder], Context]]] = {
    "orders": ("orders", lambda folder: orders.order_list(folder, TODAY)),
    "po-cam-main": ("po", purchase_order),
    "availability": ("availability", availability.availability_grid),
    "extras-day-01": ("extras", lambda folder: extras.background_summary(folder, [common.find_day(folder, "1")])),
    "agreement-bg-ingeborg-larsen": ("agreement", agreement_of("bg-ingeborg-larsen")),
    "agreement-internship-mia-kruse": ("agreement", agreement_of("internship-mia-kruse")),
    "agreement-bg-ingeborg-larsen.de": ("agreement", agreement_of("bg-ingeborg-larsen", "de")),
    "agreement-internship-mia-kruse.de": ("agreement", agreement_of("internship-mia-kruse", "de")),
}
CASES = [(name, fmt) for name in DOCUMENTS for fmt in (("md",) if name.endswith(".de") else ("md", "html"))]


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_paperwork_matches_golden_file(name: str, fmt: str) -> None:
    template, make = DOCUMENTS[name]
    rendered = render_text(EXAMPLE, f"{template}.{fmt}.j2", fmt, make(loaded(EXAMPLE)))
    assert_golden(f"{name}.{fmt}", rendered)


def test_paperwork_golden_files_are_all_in_use() -> None:
    mine = [p.name for prefix in ("orders", "po-", "availability", "extras-", "agreement-") for p in GOLDEN.glob(f"{prefix}*")]
    assert sorted(mine) == sorted(f"{name}.{fmt}" for name, fmt in CASES)


def test_the_golden_agreement_of_a_café_guest_takes_its_terms_from_production_yaml() -> None:
    text = (GOLDEN / "agreement-bg-ingeborg-larsen.md").read_text(encoding="utf-8")
    assert "For wearing their own clothes: EUR 15.00 per shoot day." in text  # the group's, in production.yaml
    assert "EUR 95.00 per shoot day for up to 10 hours" in text  # the production's


def test_the_german_goldens_are_german() -> None:
    assert "# Komparsenvertrag" in (GOLDEN / "agreement-bg-ingeborg-larsen.de.md").read_text(encoding="utf-8")
    assert "# Praktikumsvertrag" in (GOLDEN / "agreement-internship-mia-kruse.de.md").read_text(encoding="utf-8")


def test_dataclasses_replace_keeps_the_loaded_production_untouched() -> None:
    folder = loaded(EXAMPLE)
    agreement_of("bg-ingeborg-larsen", "de")(folder)
    assert folder.production.language == "en" and dataclasses.is_dataclass(folder.production)
