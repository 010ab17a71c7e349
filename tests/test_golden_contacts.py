"""Golden files: the example production's contact list (distributed version) and one person's calendar.

After a deliberate change of a template, of the context or of the calendar, run
`make golden` and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, GOLDEN, assert_golden

from coord import exports
from coord import model as m
from coord.checks import validate
from coord.documents import calendar, contacts
from coord.render import render_text

FORMATS = ("md", "html")
#: Henrik: a cast member called on some days only, with hotel pickups and a night shoot.
CALENDAR_PERSON = "henrik"


def example() -> m.ProductionFolder:
    folder, findings = validate(EXAMPLE)
    assert folder is not None and not findings.errors
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_contact_list_matches_golden_file(fmt: str) -> None:
    context = contacts.contact_list(example())
    rendered = render_text(EXAMPLE, f"contacts.{fmt}.j2", fmt, context)
    assert_golden(f"contacts.{fmt}", rendered.encode("utf-8"))


def test_personal_calendar_matches_golden_file() -> None:
    data = exports.ics_bytes(calendar.personal_calendar(example(), CALENDAR_PERSON))
    assert_golden(f"calendar-{CALENDAR_PERSON}.ics", data)


def test_contact_and_calendar_golden_files_are_all_in_use() -> None:
    expected = {f"contacts.{fmt}" for fmt in FORMATS} | {f"calendar-{CALENDAR_PERSON}.ics"}
    assert {p.name for p in [*GOLDEN.glob("contacts*"), *GOLDEN.glob("calendar-*")]} == expected
