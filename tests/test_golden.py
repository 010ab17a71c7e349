"""Golden files: the rendered call sheets of the example production, checked in so that a change of output shows in review.

After a deliberate change of a template or of the context, run `make golden` and
review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, GOLDEN, assert_golden

from coord.checks import validate
from coord.documents import callsheet, common
from coord.render import render_text

#: Day 3: a company move between two locations. Day 10: a night shoot that wraps after midnight.
CASES = [(day, fmt) for day in ("3", "10") for fmt in ("md", "html")]


@pytest.mark.parametrize(("day", "fmt"), CASES)
def test_callsheet_matches_golden_file(day: str, fmt: str) -> None:
    folder, findings = validate(EXAMPLE)
    assert folder is not None and not findings.errors
    context = callsheet.callsheet(folder, common.find_day(folder, day))
    rendered = render_text(EXAMPLE, f"callsheet.{'html' if fmt == 'html' else 'md'}.j2", fmt, context)
    assert_golden(f"callsheet-day-{int(day):02d}.{fmt}", rendered)


def test_night_shoot_golden_shows_the_wrap_after_midnight() -> None:
    text = (GOLDEN / "callsheet-day-10.md").read_text(encoding="utf-8")
    assert "(+1)" in text


def test_callsheet_golden_files_are_all_in_use() -> None:
    expected = {f"callsheet-day-{int(day):02d}.{fmt}" for day, fmt in CASES}
    assert {p.name for p in GOLDEN.glob("callsheet-*")} == expected
