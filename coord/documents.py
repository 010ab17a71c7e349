"""The content of each document, as plain data ready for any template: no logic is left to Jinja or Typst.

A context holds only strings, numbers, booleans, lists and dicts, so the same
context feeds the Markdown, HTML and Typst templates, and its hash tells whether
a document must be rebuilt.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from coord import labels as lb
from coord import model as m
from coord import schedule as sch
from coord.findings import CoordError
from coord.privacy import pickup_origin, shown
from coord.sun import sun_times
from coord.values import Time
from coord.worktime import profile

Context = dict[str, Any]


def clock(time: Time | None) -> str:
    """A time as printed: 25:30 is `01:30 (+1)`, the next morning."""
    if time is None:
        return ""
    return f"{time.clock} (+1)" if time.next_day else time.clock


def find_day(folder: m.ProductionFolder, wanted: str) -> m.ShootDay:
    """A shoot day by its number (`3`) or its date (`2027-03-03`)."""
    days = sch.shoot_days(folder)
    for day in days:
        if (wanted.isdigit() and int(wanted) == day.day) or wanted == str(day.date):
            return day
    numbers = ", ".join(str(d.day) for d in days)
    raise CoordError(
        f'there is no shoot day "{wanted}"; shoot days are {numbers or "not scheduled yet"} (or give a date YYYY-MM-DD)'
    )


def map_url(location: m.Location) -> str:
    if location.coordinates:
        lat, lon = location.coordinates.lat, location.coordinates.lon
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    return "https://www.openstreetmap.org/search?query=" + quote(location.address)


@dataclass(frozen=True)
class Lookups:
    """A production's entries by id, and what the schedule says: worked out once for all the days' sheets."""

    crew: dict[str, m.CrewMember]
    cast: dict[str, m.CastMember]
    locations: dict[str, m.Location]
    hotels: dict[str, m.Hotel]
    vehicles: dict[str, m.Vehicle]
    scenes: dict[str, m.Scene]
    days: list[m.ShootDay]
    status: dict[tuple[str, int], str]
    pickups: dict[int, list[m.Pickup]]


def lookups(folder: m.ProductionFolder) -> Lookups:
    pickups: dict[int, list[m.Pickup]] = {}
    for pickup in sorted(folder.transport.pickups, key=lambda p: (p.time, p.person)):
        pickups.setdefault(pickup.day, []).append(pickup)
    return Lookups(
        crew={c.id: c for c in folder.crew},
        cast={c.id: c for c in folder.cast},
        locations={loc.id: loc for loc in folder.locations},
        hotels={h.id: h for h in folder.hotels},
        vehicles={v.id: v for v in folder.transport.vehicles},
        scenes=sch.scenes_by_number(folder),
        days=sch.shoot_days(folder),
        status=sch.cast_status(folder),
        pickups=pickups,
    )


def callsheet(
    folder: m.ProductionFolder, day: m.ShootDay, for_person: str | None = None, found: Lookups | None = None
) -> Context:
    """Everything a call sheet shows for `day`; `for_person` adds the personal strip at the top.

    Pass `found` (from `lookups`) when making many sheets of one production.
    """
    found = found or lookups(folder)
    production = folder.production
    language = production.language
    words = lb.labels(language)
    scenes, days, crew, cast, locations = found.scenes, found.days, found.crew, found.cast, found.locations
    day_locations = [locations[i] for i in day.locations if i in locations]
    status = found.status
    number = day.day or 0
    meals = day.meals or m.Meals()
    meal_rule = profile(production.working_time)

    context: Context = {
        **common_context(production),
        "day": {
            "number": number,
            "of": words["day_of"].format(day=number, total=len(days)),
            "weekday": lb.weekday(day.date.weekday(), language),
            "date": format_date(day.date, language),
            "iso": day.date.isoformat(),
            "unit": day.unit,
        },
        "times": {
            "crew_call": clock(day.crew_call),
            "shooting_call": clock(day.shooting_call),
            "wrap": clock(day.wrap),
            "breakfast": clock(meals.breakfast),
            "lunch": clock(meals.lunch),
            "second_meal": clock(meals.second_meal),
            "latest_first_meal": clock(day.crew_call + meal_rule.first_meal_within) if day.crew_call else "",
        },
        "revision": "",
        "key_contacts": [
            {"name": crew[i].name, "role": crew[i].role, "phone": shown(crew[i], "phone", production)}
            for i in production.key_contacts
            if i in crew
        ],
        "weather": _weather(day, words),
        "sun": _sun(day_locations, day.date, production.timezone),
        "locations": [_location(loc) for loc in day_locations],
        "hospitals": [_hospital(loc) for loc in day_locations if loc.hospital],
        "scenes": [scene_row(scenes[n], cast, locations, language) for n in day.scenes if n in scenes],
        "pages_total": str(sch.day_pages(day, scenes)),
        "cast": [_cast_row(call, cast[call.cast], status.get((call.cast, number), "")) for call in _by_cast_number(day, cast)],
        "background": [
            {"description": b.description, "count": b.count, "call": clock(b.call), "report_to": b.report_to or ""}
            for b in day.background
        ],
        "notes": [
            {"department": lb.department(dept, language), "text": day.notes[dept]} for dept in m.DEPARTMENTS if dept in day.notes
        ],
        "safety": list(day.safety),
        "transport": _transport(folder.production, day, found),
        "advance": _advance(days, day, scenes, cast, language, words),
        "emergency": [{"label": e.label, "phone": e.phone} for e in production.emergency_numbers],
        "crew": _crew_by_department(folder, day, language),
        "personal": _personal(folder.production, day, for_person, found, day_locations) if for_person else None,
    }
    return context


def common_context(production: m.Production) -> Context:
    """What every document context starts with: language, paper size, every label in that language, the header."""
    return {
        "language": production.language,
        "paper": production.paper,
        "labels": dict(lb.labels(production.language)),
        "production": {
            "title": production.title,
            "company": production.company,
            "episode": production.episode or "",
            "office": office_block(production),
        },
    }


def format_date(date: dt.date, language: str) -> str:
    """`3 March 2027`, or `3.3.2027` in German."""
    return f"{date.day}.{date.month}.{date.year}" if language == "de" else f"{date.day} {date:%B %Y}"


def office_block(production: m.Production) -> dict[str, str]:
    """The production office as every document header prints it."""
    office = production.office
    if office is None:
        return {"address": "", "phone": "", "email": "", "hours": ""}
    return {"address": office.address, "phone": office.phone, "email": office.email or "", "hours": office.hours or ""}


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug(text: str) -> str:
    """A name for files and ids: `Harbour Lights` is `harbour-lights`, `Große Freiheit` is `grosse-freiheit`."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "production"


def _weather(day: m.ShootDay, words: Any) -> dict[str, str] | None:
    weather = day.weather
    if weather is None:
        return None
    temperatures = ""
    if weather.high is not None and weather.low is not None:
        temperatures = words["high_low"].format(high=weather.high, low=weather.low)
    return {"forecast": weather.forecast or "", "temperatures": temperatures}


def _sun(day_locations: list[m.Location], date: dt.date, timezone: str) -> dict[str, str] | None:
    main = next((loc for loc in day_locations if loc.coordinates), None)
    if main is None or main.coordinates is None:
        return None
    times = sun_times(main.coordinates, date, timezone)
    return {k: v or "—" for k, v in vars(times).items()}


def _location(loc: m.Location) -> dict[str, Any]:
    contact = loc.contact
    return {
        "name": loc.name,
        "address": loc.address,
        "parking": loc.parking or "",
        "unit_base": loc.unit_base or "",
        "contact": f"{contact.name}, {contact.phone}" if contact and contact.phone else (contact.name if contact else ""),
        "map_url": map_url(loc),
        "qr": qr_runs(map_url(loc)),
        "notes": loc.notes or "",
    }


@functools.lru_cache(maxsize=512)
def qr_runs(text: str) -> dict[str, Any]:
    """A QR code of `text` as runs of dark modules per row: [row, column, length], for templates to draw."""
    import segno

    matrix = segno.make(text, error="m").matrix
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append([y, start, x - start])
            else:
                x += 1
    return {"size": len(matrix), "runs": runs}


def _hospital(loc: m.Location) -> dict[str, str]:
    hospital = loc.hospital
    assert hospital is not None  # noqa: S101 - filtered by the caller
    return {"location": loc.name, "name": hospital.name, "address": hospital.address, "phone": hospital.phone}


def scene_row(scene: m.Scene, cast: dict[str, m.CastMember], locations: dict[str, m.Location], language: str) -> dict[str, str]:
    numbers = sorted(cast[c].number for c in scene.cast if c in cast)
    return {
        "number": scene.number,
        "set": scene.set,
        "int_ext": lb.int_ext_code(scene.int_ext, language),
        "day_night": lb.time_of_day_code(scene.time_of_day, language),
        "synopsis": scene.synopsis or "",
        "cast": ", ".join(str(n) for n in numbers),
        "pages": str(scene.pages),
        "location": locations[scene.location].name if scene.location in locations else "",
    }


def _by_cast_number(day: m.ShootDay, cast: dict[str, m.CastMember]) -> list[m.CastCall]:
    return sorted((c for c in day.cast_calls if c.cast in cast), key=lambda c: cast[c.cast].number)


def _cast_row(call: m.CastCall, member: m.CastMember, status: str) -> dict[str, Any]:
    return {
        "number": member.number,
        "actor": member.actor,
        "character": member.character,
        "status": status,
        "pickup": clock(call.pickup),
        "makeup": clock(call.makeup),
        "wardrobe": clock(call.wardrobe),
        "on_set": clock(call.on_set),
        "remarks": ", ".join(x for x in (call.remarks, "minor" if member.minor else None) if x),
    }


def _who(
    person: str, crew: dict[str, m.CrewMember], cast: dict[str, m.CastMember]
) -> tuple[str, m.CrewMember | m.CastMember | None]:
    if person in cast:
        return f"#{cast[person].number} {cast[person].actor}", cast[person]
    if person in crew:
        return f"{crew[person].name} ({crew[person].role})", crew[person]
    return person, None


def _transport(production: m.Production, day: m.ShootDay, found: Lookups) -> dict[str, Any]:
    """The day's pickups in time order; `several_destinations` says whether the To column is needed."""
    rows = []
    for pickup in found.pickups.get(day.day or 0, []):
        who, person = _who(pickup.person, found.crew, found.cast)
        destination = pickup.to or (day.locations[0] if day.locations else "")
        vehicle = found.vehicles.get(pickup.vehicle or "")
        driver = found.crew.get(vehicle.driver or "") if vehicle else None
        rows.append(
            {
                "time": clock(pickup.time),
                "who": who,
                "from": pickup_origin(pickup.origin, person, production, found.hotels),
                "to": found.locations[destination].name if destination in found.locations else destination,
                "vehicle": " · ".join(x for x in (vehicle.type if vehicle else "", driver.name if driver else "") if x),
            }
        )
    return {"rows": rows, "several_destinations": len({r["to"] for r in rows}) > 1}


def _advance(
    days: list[m.ShootDay], day: m.ShootDay, scenes: dict[str, m.Scene], cast: dict[str, m.CastMember], language: str, words: Any
) -> dict[str, Any] | None:
    later = [d for d in days if (d.day or 0) > (day.day or 0)]
    if not later:
        return None
    following = later[0]
    return {
        "title": f"{words['day_of'].format(day=following.day, total=len(days))} · {lb.weekday(following.date.weekday(), language)} {format_date(following.date, language)}",
        "crew_call": clock(following.crew_call),
        "scenes": [scene_row(scenes[n], cast, {}, language) for n in following.scenes if n in scenes],
        "pages_total": str(sch.day_pages(following, scenes)),
    }


def _crew_by_department(folder: m.ProductionFolder, day: m.ShootDay, language: str) -> list[dict[str, Any]]:
    production = folder.production
    by_department: dict[str, list[dict[str, Any]]] = {}
    for member in folder.crew:
        if sch.works_on(member, day):
            call = sch.crew_call_for(member, day)
            by_department.setdefault(member.department, []).append(
                {
                    "role": member.role,
                    "name": member.name,
                    "phone": shown(member, "phone", production),
                    "call": clock(call),
                    "own_call": call != day.crew_call,
                }
            )
    return [
        {"department": lb.department(department, language), "people": by_department[department]}
        for department in m.DEPARTMENTS
        if department in by_department
    ]


def pickup_of(production: m.Production, day: m.ShootDay, person: str, found: Lookups) -> str:
    """A person's pickup on a day as printed: `05:30 · Hotel Seeblick` (a private home reads Home); empty if none."""
    pickup = next((p for p in found.pickups.get(day.day or 0, []) if p.person == person), None)
    if pickup is None:
        return ""
    member = found.crew.get(person) or found.cast.get(person)
    return f"{clock(pickup.time)} · {pickup_origin(pickup.origin, member, production, found.hotels)}"


def _personal(
    production: m.Production, day: m.ShootDay, person: str, found: Lookups, day_locations: list[m.Location]
) -> dict[str, str]:
    if person not in found.crew and person not in found.cast:
        raise CoordError(f'--for "{person}": there is no crew or cast member with that id')
    name, _person = _who(person, found.crew, found.cast)
    call = sch.call_of(person, day, found.crew)
    if call is None:
        raise CoordError(f"--for {person}: {name} is not called on day {day.day}")
    return {
        "name": name,
        "call": clock(call),
        "pickup": pickup_of(production, day, person, found),
        "location": day_locations[0].name if day_locations else "",
    }
