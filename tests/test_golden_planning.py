"""Golden files: the example's shooting schedule and day-out-of-days as Markdown and HTML, checked in so that a change of output shows in review.

After a deliberate change of a template or of the context, run `make golden` and
review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, GOLDEN, assert_golden

from coord.checks import validate
from coord.documents import dood, schedule
from coord.render import render_text

CASES = [(document, fmt) for document in ("schedule", "dood") for fmt in ("md", "html")]


@pytest.mark.parametrize(("document", "fmt"), CASES)
def test_planning_document_matches_golden_file(document: str, fmt: str) -> None:
    folder, findings = validate(EXAMPLE)
    assert folder is not None and not findings.errors
    context = schedule.shooting_schedule(folder) if document == "schedule" else dood.dood(folder)
    rendered = render_text(EXAMPLE, f"{document}.{'html' if fmt == 'html' else 'md'}.j2", fmt, context)
    assert_golden(f"{document}.{fmt}", rendered)


def test_planning_golden_files_are_all_in_use() -> None:
    expected = {f"{document}.{fmt}" for document, fmt in CASES}
    assert {p.name for p in GOLDEN.glob("schedule.*")} | {p.name for p in GOLDEN.glob("dood.*")} == expected
