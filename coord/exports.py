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


def csv_bytes(rows: list[list[str]]) -> bytes:
    """A table as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows umlauts), formula-like cells as text."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([[spreadsheet_text(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


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
