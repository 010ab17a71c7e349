"""The HTML documents on a phone: nothing wider than the screen, the crew call on the first screen.

Measured in a real browser, headless Chromium as a 390 px wide phone: a page that
scrolls sideways hides the call time or the phone number off screen. (Tapping a
number to call it: test_html_links.py.)
"""

from __future__ import annotations

from pathlib import Path

from browser import PHONE, Browser

#: The documents a crew member opens on a phone; the call sheet of every day is added by the test.
ON_A_PHONE = ["callsheet", "personal", "contacts", "contacts-office", "report-1", "report-2", "schedule", "dood"]
#: The JavaScript that names what sticks out on the right, for a failure message.
WIDEST = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .slice(-3).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)
                      + 'px: ' + e.textContent.trim().slice(0, 40))"""


def test_no_document_scrolls_sideways_on_a_phone(documents: dict[str, Path], browser: Browser) -> None:
    width, height = PHONE
    names = ON_A_PHONE + sorted(n for n in documents if n.startswith("callsheet-"))
    too_wide = {}
    for name in names:
        browser.open(documents[name], width, height, mobile=True)
        # A phone zooms out to show a page that is too wide: then the layout is wider than the phone too.
        scroll_width, layout_width = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if max(scroll_width, layout_width) > width:
            too_wide[name] = (scroll_width, browser.evaluate(WIDEST))
    assert not too_wide, f"wider than a {width} px phone: {too_wide}"


def test_busiest_call_sheet_on_a_phone_shows_the_crew_call_on_the_first_screen(
    documents: dict[str, Path], browser: Browser
) -> None:
    width, height = PHONE
    browser.open(documents["callsheet"], width, height, mobile=True)
    crew_call = browser.evaluate(
        "(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.bottom, parseFloat(getComputedStyle(e).fontSize)]; })"
        "(document.querySelector('.crewcall b'))"
    )
    left, right, bottom, size = crew_call
    assert left >= 0 and right <= width and bottom <= height, f"the crew call is off the first screen: {crew_call}"
    assert size >= 30, "the crew call is the largest type on the page"
