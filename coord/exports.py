"""Exports: a document's data as the bytes of a CSV file, a vCard file or an iCalendar file.

Documents hand over plain data (rows, cards, a calendar); turning it into a file
format happens here, at the output edge, with the standard library's csv module,
vobject and icalendar. Nothing here knows the production model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any


def spreadsheet_text(cell: str) -> str:
    """A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading ', so it stays text.

    Digits and phone punctuation alone cannot do harm: "+49 171 482 9035" is left as typed, so that
    the file still imports into address books.
    """
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not re.fullmatch(r"[0-9+ ()/.-]+", cell):
        return "'" + cell
    return cell


#: The country calling codes (ITU-T E.164) of one and two digits; every other one has three. No code is the
#: start of another, so the first that matches is the country's.
_SHORT_COUNTRY_CODES = frozenset((
    "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52",
    "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
))  # fmt: skip


def phone_cell(number: str) -> str:
    """A phone number as a CSV cell that a spreadsheet keeps as text and an address book still imports.

    Excel, LibreOffice Calc and Google Sheets read a cell of digits alone as a number, so
    `01761234567` loses its 0 and `+4917612345678` its + (past 15 digits, Excel also rounds
    the last ones away). The remedies in use, and what they do:

    - A leading apostrophe (`'0176…`) marks text only when typed into a cell; in a CSV file it
      is an ordinary character: Calc shows it (LibreOffice 7.4 reads `'01761234567` as that text),
      and Google Contacts or Outlook would import it as part of the number.
    - `="0176…"` is a formula whose result is text. Spreadsheets evaluate it (Calc does), but an
      address book imports the formula itself, and it is the kind of cell coord otherwise defuses
      as formula injection (`spreadsheet_text`).
    - A space that does not show: Calc trims a no-break space (U+00A0, U+202F) and reads the
      number all the same; a thin or zero-width space keeps it text, but puts an invisible
      character into the number, which a search of the address book then misses.
    - An ordinary space inside the number: no spreadsheet reads `0176 1234567` as a number (Calc
      keeps it text; Excel reads digits with spaces as text), and every address book and phone
      takes spaces in a number, which is how numbers are written anyway.

    So a compact number that starts with 0 or + gets one space: after the country code of an
    international number (`+49 17612345678`), after the first four digits of a national one
    (`0176 1234567`, `0049 17612345678`). A number that has spaces, dashes or slashes already, or
    starts with another digit (`112`), is written as it was typed.
    """
    if not re.fullmatch(r"\+?[0-9]{4,}", number) or number[0] not in "0+":
        return number
    if number.startswith("+"):
        digits = number[1:]
        code = next((digits[:n] for n in (1, 2) if digits[:n] in _SHORT_COUNTRY_CODES), digits[:3])
        return f"+{code} {digits[len(code) :]}"
    split = min(4, len(number) - 2)  # a short one keeps two digits after the space
    return f"{number[:split]} {number[split:]}"


def csv_bytes(rows: list[list[Any]]) -> bytes:
    """A table as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows umlauts), formula-like cells as text.

    A cell is text, or `{"phone": number}` for a phone number, written by `phone_cell`.
    """
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([[_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _cell(cell: str | Mapping[str, str]) -> str:
    if isinstance(cell, Mapping):
        return phone_cell(cell["phone"])
    return spreadsheet_text(cell)


def vcf_bytes(cards: list[dict[str, Any]]) -> bytes:
    """vCard 3.0 cards, all in one file a phone can import."""
    import vobject

    text = []
    for data in cards:
        card = vobject.vCard()
        card.add("uid").value = data["uid"]
        card.add("fn").value = data["name"]
        card.add("n").value = vobject.vcard.Name(family=data["family"], given=data["given"])
        card.add("title").value = data["title"]
        card.add("categories").value = [data["category"]]
        card.add("org").value = [data["organisation"]]
        if data["phone"]:
            tel = card.add("tel")
            tel.value, tel.type_param = data["phone"], "CELL"
        if data["email"]:
            email = card.add("email")
            email.value, email.type_param = data["email"], "INTERNET"
        if data["address"]:
            adr = card.add("adr")
            adr.value, adr.type_param = vobject.vcard.Address(street=data["address"]), "HOME"
        if data["note"]:
            card.add("note").value = data["note"]
        text.append(card.serialize())
    return "".join(text).encode("utf-8")


def ics_bytes(calendar: Mapping[str, Any]) -> bytes:
    """The calendar as an RFC 5545 file, with a VTIMEZONE for the production's timezone.

    `sequences` in the calendar (from the build's memory of earlier versions) gives each event's SEQUENCE; default 0.
    """
    import zoneinfo

    import icalendar

    zone = zoneinfo.ZoneInfo(calendar["timezone"])
    events = calendar["events"]
    ical = icalendar.Calendar()
    ical.add("prodid", "-//coord//production calendar//EN")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("x-wr-calname", calendar["name"])
    ical.add("x-wr-timezone", calendar["timezone"])
    years = [dt.date.fromisoformat(e[key][:10]).year for e in events for key in ("start", "end")]
    ical.add_component(
        icalendar.Timezone.from_tzid(
            calendar["timezone"], first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)
        )
    )
    stamp = dt.datetime.fromisoformat(calendar["stamp"])
    for data in events:
        event = icalendar.Event()
        event.add("uid", data["uid"])
        event.add("dtstamp", stamp)
        event.add("sequence", calendar.get("sequences", {}).get(data["uid"], 0))
        event.add("dtstart", dt.datetime.fromisoformat(data["start"]).replace(tzinfo=zone))
        event.add("dtend", dt.datetime.fromisoformat(data["end"]).replace(tzinfo=zone))
        event.add("summary", data["summary"])
        for field in ("location", "description"):
            if data[field]:
                event.add(field, data[field])
        ical.add_component(event)
    return bytes(ical.to_ical())


#: Each export format and the function that writes its data as bytes.
EXPORTS: dict[str, Callable[[Any], bytes]] = {"csv": csv_bytes, "vcf": vcf_bytes, "ics": ics_bytes}
