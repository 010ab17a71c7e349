"""Shoot days as iCalendar files (RFC 5545) for phones and calendar apps: the production's, or one person's.

The calendar is built as plain data first, then written with the icalendar package.
How a phone recognises an event it already has:

- UID: `day-03@harbour-lights.coord`, or `day-03-mira@harbour-lights.coord` for a
  person. It depends only on the day number, the person and the title, so editing a
  day changes the event, never its identity, and a re-import updates it.
- SEQUENCE: 0 for a new event; coord raises it by one each time the content of an
  event changes, remembered per UID in `.coord-calendar.json` beside the .ics files
  (`remember` below; the build keeps the file).
- DTSTAMP: coord reads no clock, so the same data always gives the same file: it is
  00:00 UTC of the production's first shoot day, the same for every event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Document, Item, register
from coord.documents.common import DAY_INPUTS, find_person, lookups, pickup_of, slug
from coord.errors import CoordError
from coord.localtime import later, wall
from coord.values import Time

#: How long an event lasts when the day has no estimated wrap.
DEFAULT_LENGTH_MINUTES = 10 * 60


def items(folder: m.ProductionFolder, person: str | None = None) -> list[Item]:
    """The production's calendar, or one person's: `harbour-lights.ics`, `harbour-lights-mira.ics`."""
    calendar = personal_calendar(folder, person) if person else production_calendar(folder)
    return [Item(f"{slug(folder.production.title)}{f'-{person}' if person else ''}", {}, {"ics": calendar})]


def remember(calendar: dict[str, Any], known: Any) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Each event's SEQUENCE (last time's, one more when its content changed) and the new memory, None if unchanged."""
    state: dict[str, Any] = dict(known) if isinstance(known, dict) else {}
    for event in calendar["events"]:
        digest = hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()
        before = state.get(event["uid"])
        if not isinstance(before, dict) or not isinstance(before.get("sequence"), int):
            state[event["uid"]] = {"digest": digest, "sequence": 0}
        elif before.get("digest") != digest:
            state[event["uid"]] = {"digest": digest, "sequence": before["sequence"] + 1}
    sequences = {event["uid"]: state[event["uid"]]["sequence"] for event in calendar["events"]}
    return {**calendar, "sequences": sequences}, None if state == known else state


DOCUMENT = register(
    Document("calendar", "calendar", DAY_INPUTS, "calendar", items, formats=(), exports=("ics",), remember=remember)
)


def production_calendar(folder: m.ProductionFolder) -> dict[str, Any]:
    """One event per shoot day, from crew call to wrap."""
    production = folder.production
    words = lb.labels(production.language)
    events = []
    for day in plan.shoot_days(folder):
        if day.crew_call is None:
            continue
        summary = words["calendar_crew_call"].format(title=production.title, day=day.day, call=day.crew_call.clock)
        events.append(_event(folder, day, f"day-{day.day:02d}", day.crew_call, summary, ""))
    if not events:
        raise CoordError("there are no shoot days with a crew call yet, so there is no calendar to write")
    return _calendar(folder, production.title, events)


def personal_calendar(folder: m.ProductionFolder, person: str) -> dict[str, Any]:
    """One event per shoot day the person is called, from their own call to wrap, with their pickup."""
    production = folder.production
    words = lb.labels(production.language)
    found = lookups(folder)
    member = find_person(found, person)
    name = member.name if isinstance(member, m.CrewMember) else member.actor
    events = []
    for day in found.days:
        if not plan.is_called(person, day, found.crew) or day.crew_call is None:
            continue
        call = plan.call_of(person, day, found.crew)
        pickup = pickup_of(production, day, person, found)
        pickup_line = f"{words['pickup']} {pickup}" if pickup else ""
        shown = call.clock if call is not None else words["call_to_follow"]
        summary = words["calendar_call"].format(title=production.title, day=day.day, call=shown)
        events.append(_event(folder, day, f"day-{day.day:02d}-{person}", call or day.crew_call, summary, pickup_line))
    if not events:
        raise CoordError(f"--for {person}: {name} is not called on any shoot day, so there is no calendar to write")
    return _calendar(folder, f"{production.title} – {name}", events)


def _calendar(folder: m.ProductionFolder, name: str, events: list[dict[str, str]]) -> dict[str, Any]:
    first = min(d.date for d in plan.shoot_days(folder))
    return {
        "name": name,
        "timezone": folder.production.timezone,
        "stamp": dt.datetime.combine(first, dt.time(), dt.UTC).isoformat(),
        "events": events,
    }


def _event(folder: m.ProductionFolder, day: m.ShootDay, key: str, start: Time, summary: str, extra: str) -> dict[str, str]:
    """An event as plain data; times are the wall-clock times of the production's timezone, ISO formatted."""
    words = lb.labels(folder.production.language)
    locations = {loc.id: loc for loc in folder.locations}
    main = locations.get(day.locations[0]) if day.locations else None
    scenes = plan.scenes_by_number(folder)
    lines = [f"{words['scenes']}:"] + [f"{n} {scenes[n].set}" for n in day.scenes if n in scenes]
    timezone = folder.production.timezone
    end = day.wrap if day.wrap is not None and day.wrap > start else later(day.date, start, DEFAULT_LENGTH_MINUTES, timezone)
    return {
        "uid": f"{key}@{slug(folder.production.title)}.coord",
        "start": wall(day.date, start).isoformat(),
        "end": wall(day.date, end).isoformat(),
        "summary": summary,
        "location": f"{main.name}, {main.address}" if main else "",
        "description": "\n".join([*(lines if len(lines) > 1 else []), *([extra] if extra else [])]),
    }
