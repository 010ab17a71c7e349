"""Tap to call, tap to write: every phone number and e-mail address in the HTML documents is a link.

Read from the HTML coord writes: a `tel:` link carries only the digits of the number
and its leading +, never the raw value; a `mailto:` link only the one address. Private
numbers are not in the distributed documents at all, so not linked either; the office
copy of the contact list shows and links them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from browser import Element, elements
from conftest import MINIMAL, invoke
from hypothesis import given
from hypothesis import strategies as st

from coord.render import tel_href


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def links(page: Path, scheme: str) -> list[Element]:
    return [e for e in elements(page) if e.tag == "a" and e.attrs.get("href", "").startswith(scheme)]


def column_cells(page: Path, header: str) -> list[Element]:
    """The body cells under each table header of that name (rows whose cells line up with the header only)."""
    cells = []
    for table in (e for e in elements(page) if e.tag == "table"):
        heads = [th.text.strip() for th in table.all("th")]
        if header not in heads:
            continue
        index = heads.index(header)
        for body in table.all("tbody"):
            for row in body.all("tr"):
                row_cells = row.all("td")
                if len(row_cells) == len(heads):
                    cells.append(row_cells[index])
    return cells


@pytest.mark.parametrize("name", ["callsheet", "personal", "contacts", "contacts-office"])
def test_every_phone_number_is_a_tap_to_call_link_of_its_digits(name: str, documents: dict[str, Path]) -> None:
    page = documents[name]
    calls = links(page, "tel:")
    assert len(calls) >= 20
    for link in calls:
        href, shown = link.attrs["href"], link.text.strip()
        assert re.fullmatch(r"tel:\+?[0-9]{3,20}", href), href
        assert href == "tel:" + ("+" if shown.startswith("+") else "") + digits(shown.replace("(0)", "")), (href, shown)
    cells = [c for c in column_cells(page, "Phone") if c.text.strip()]
    assert cells, "a table of phone numbers"
    unlinked = [c.text.strip() for c in cells if not c.all("a")]
    assert not unlinked, f"phone numbers that are not links: {unlinked}"


@pytest.mark.parametrize("name", ["contacts", "contacts-office"])
def test_every_email_address_is_a_tap_to_mail_link(name: str, documents: dict[str, Path]) -> None:
    page = documents[name]
    mails = links(page, "mailto:")
    assert len(mails) >= 20
    for link in mails:
        assert unquote(link.attrs["href"].removeprefix("mailto:")) == link.text.strip()
    unlinked = [c.text.strip() for c in column_cells(page, "E-mail") if c.text.strip() and not c.all("a")]
    assert not unlinked, f"e-mail addresses that are not links: {unlinked}"


def test_private_numbers_are_linked_only_in_the_office_copy(documents: dict[str, Path]) -> None:
    office = documents["contacts-office"]
    private = [e for e in elements(office) if e.tag == "i" and "private" in e.classes]
    private_calls = {digits(a.text) for e in private for a in e.all("a") if a.attrs["href"].startswith("tel:")}
    assert len(private_calls) >= 3, "the office copy links the private numbers it shows"
    for name, page in documents.items():
        if name == "contacts-office":
            continue
        shown = digits(page.read_text(encoding="utf-8"))
        leaked = {number for number in private_calls if number in shown}
        assert not leaked, f"private numbers in the distributed {name}: {leaked}"


def test_tel_links_take_only_the_digits_and_the_leading_plus(tmp_path: Path) -> None:
    """Through a production's own template, as a coordinator could write one: values never reach the href raw."""
    folder = tmp_path / "production"
    shutil.copytree(MINIMAL, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "contacts.html.j2").write_text(
        '{% for v in ["+49 (0)40 3990 4410", "0176 123/45-67", "javascript:alert(1)//112", "\\"><script>1</script>", ""] %}'
        "[{{ v|tel }}|{{ v|phone_link }}]\n{% endfor %}"
        '{% for v in ["office@example.com", "a?cc=b@c.de&body=x", "not an address"] %}[{{ v|mailto }}|{{ v|email_link }}]\n{% endfor %}',
        encoding="utf-8",
    )
    result = invoke("contacts", "--format", "html", "-C", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "contacts.html").read_text(encoding="utf-8").splitlines() == [
        '[tel:+494039904410|<a href="tel:+494039904410">+49 (0)40 3990 4410</a>]',
        '[tel:01761234567|<a href="tel:01761234567">0176 123/45-67</a>]',
        '[tel:1112|<a href="tel:1112">javascript:alert(1)//112</a>]',
        '[tel:1|<a href="tel:1">&#34;&gt;&lt;script&gt;1&lt;/script&gt;</a>]',
        "[|]",
        '[mailto:office@example.com|<a href="mailto:office@example.com">office@example.com</a>]',
        '[mailto:a%3Fcc%3Db@c.de%26body%3Dx|<a href="mailto:a%3Fcc%3Db@c.de%26body%3Dx">a?cc=b@c.de&amp;body=x</a>]',
        "[|not an address]",
    ]


@given(st.text())
def test_a_tel_link_is_digits_and_a_leading_plus_whatever_the_value(value: str) -> None:
    href = tel_href(value)
    assert href == "" or re.fullmatch(r"tel:\+?[0-9]+", href)
