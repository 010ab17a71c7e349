"""No input, however broken, makes coord crash: random edits of real productions give findings, never a traceback.

When an edited production still validates, every document's content is built from it too,
so a value the checks let through cannot crash a document either.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coord.checks import CheckOptions, validate
from coord.documents import agreement, availability, calendar, callsheet, contacts, dood, extras, interns, orders, po, schedule
from coord.documents import report as dpr
from coord.orders import COMMITTED, status
from coord.plan import shoot_days

#: The day the example's office is at (its daily reports reach day 2): deadlines are judged from it.
TODAY = dt.date(2027, 3, 3)

PRODUCTIONS = {"minimal": MINIMAL, "example": EXAMPLE}
FILES = sorted({(name, path.relative_to(root).as_posix()) for name, root in PRODUCTIONS.items() for path in root.rglob("*.yaml")})
YAML_BITS = st.sampled_from(
    ["- ", ": ", "\n", "  ", "\t", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "'", '"', "#", "|", ">", "~",
     "---\n", "...", "null", "07:30", "25:99", "2027-02-30", "0176", "1 3/8", "id", "day", "scenes", "cast", "\x00", "é",
     "\ufeff", "home", "- day: 1\n", "calls: {x: 1}", "yes", "[]", "{}", "0", "-1", "9" * 30]
)  # fmt: skip


def build_every_document(folder_path: Path) -> None:
    folder, findings = validate(folder_path, CheckOptions(today=TODAY))
    if folder is None or findings.errors:
        return
    for day in shoot_days(folder):
        callsheet.callsheet(folder, day)
    for day_report in folder.reports:
        if day_report.day in {d.day for d in shoot_days(folder)}:
            day, found = dpr.find_report(folder, str(day_report.day))
            dpr.daily_report(folder, day, found)
    if folder.days:
        schedule.shooting_schedule(folder)
        dood.dood(folder)
    contacts.contact_list(folder, office=True)
    calendar.production_calendar(folder)
    orders.order_list(folder, TODAY)
    for order in folder.equipment:
        if status(order) in COMMITTED:
            po.purchase_order(folder, order)
    availability.availability_grid(folder)
    for day in shoot_days(folder):
        availability.availability_day(folder, day)
    extras.background_summary(folder, shoot_days(folder))
    if folder.extras or folder.interns:
        agreement.items(folder, [], all_agreements=True)
    interns.intern_list(folder)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(FILES),
    at=st.integers(min_value=0, max_value=20_000),
    bits=st.lists(YAML_BITS, max_size=6),
    cut=st.integers(0, 40),
)
def test_random_edits_never_crash(
    tmp_path_factory: pytest.TempPathFactory, target: tuple[str, str], at: int, bits: list[str], cut: int
) -> None:
    production, name = target
    folder = tmp_path_factory.mktemp("fuzz") / "production"
    shutil.copytree(PRODUCTIONS[production], folder, ignore=shutil.ignore_patterns("out", "Makefile"))
    path = folder / name
    text = path.read_text(encoding="utf-8")
    at = min(at, len(text))
    path.write_text(text[:at] + "".join(bits) + text[at + cut :], encoding="utf-8")
    _, findings = validate(folder, CheckOptions(today=TODAY))
    for finding in findings:
        assert finding.pos.file and finding.message
    build_every_document(folder)
