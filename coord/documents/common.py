"""What the documents share: the header every document starts with, dates and times as printed, lookups, slugs."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context
from coord.errors import CoordError, quoted
from coord.privacy import Homes, pickup_from, shown
from coord.runs import Places, Run, day_runs
from coord.values import Time, hours
from coord.workrules import Breach, accepted
from coord.workrules import money as amount_owed

#: The inputs of the documents of a shoot day (call sheet, report, movement): errors elsewhere do not block them.
DAY_INPUTS = ("production", "crew", "cast", "locations", "scenes", "days", "hotels", "transport")


def common_context(production: m.Production) -> Context:
    """What every document context starts with: language, paper size, every label in that language, the header.

    `revision`, `revision_colour` and `changes` stay empty until coord publish fills them (coord.publish).
    """
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
        "revision": "",
        "revision_colour": "",
        "changes": None,
    }


def office_block(production: m.Production) -> dict[str, str]:
    """The production office as every document header prints it."""
    office = production.office
    if office is None:
        return {"address": "", "phone": "", "email": "", "hours": ""}
    return {"address": office.address, "phone": office.phone, "email": office.email or "", "hours": office.hours or ""}


# ---- dates and times as printed ------------------------------------------------------


def clock(time: Time | None) -> str:
    """A time as printed: 25:30 is `01:30 (+1)`, the next morning."""
    if time is None:
        return ""
    return f"{time.clock} (+1)" if time.next_day else time.clock


def format_date(date: dt.date, language: str) -> str:
    """`3 March 2027`, or `3.3.2027` in German."""
    return f"{date.day}.{date.month}.{date.year}" if language == "de" else f"{date.day} {date:%B %Y}"


def short_date(date: dt.date, language: str) -> str:
    """A date in a narrow column: `6 Mar`, `6.3.`."""
    return f"{date.day}.{date.month}." if language == "de" else f"{date.day} {date:%b}"


def weekday_date(date: dt.date, language: str) -> str:
    """`Sat 6 Mar`, `Sa 6.3.`."""
    return f"{lb.weekday_short(date.weekday(), language)} {short_date(date, language)}"


def period(folder: m.ProductionFolder, language: str) -> str:
    """From the first scheduled day to the last: `1 March 2027 – 19 March 2027`."""
    dates = [d.date for d in plan.calendar_days(folder)]
    return f"{format_date(dates[0], language)} – {format_date(dates[-1], language)}" if dates else ""


def money(amount: Decimal | None, currency: str, language: str) -> str:
    """`EUR 1,234.50`, or `1.234,50 EUR` in German; empty for no amount."""
    if amount is None:
        return ""
    figure = f"{amount:,.2f}"
    if language == "de":
        return figure.replace(",", " ").replace(".", ",").replace(" ", ".") + f" {currency}"
    return f"{currency} {figure}"


def counted(words: Mapping[str, str], key: str, count: int) -> str:
    """The label `key` with a count, its `_one` form for one: `1 day of paid leave`, `2 days of paid leave`."""
    return words[f"{key}_one" if count == 1 and f"{key}_one" in words else key].format(days=count)


def hours_minutes(minutes: int | None) -> str:
    """A length of time in a table: `10:45 h`; empty for none."""
    return "" if minutes is None else f"{minutes // 60}:{minutes % 60:02d} h"


def hours_in_words(minutes: int, language: str) -> str:
    """A length of time in a sentence: `10 hours`, `8 hours 30 minutes` (`8 Stunden 30 Minuten`)."""
    words = lb.labels(language)
    if minutes % 60:
        return words["hours_and_minutes"].format(hours=minutes // 60, minutes=minutes % 60)
    return words["hours_whole"].format(hours=minutes // 60)


# ---- finding things ---------------------------------------------------------------


def find_day(folder: m.ProductionFolder, wanted: str) -> m.ShootDay:
    """A shoot day by its number (`3`, `03`) or its date (`2027-03-03`), as typed on the command line."""
    days = plan.shoot_days(folder)
    text = wanted.strip()
    number = day_number(text)
    for day in days:
        if (number is not None and number == day.day) or text == str(day.date):
            return day
    numbers = ", ".join(str(d.day) for d in days) or "not scheduled yet"
    if any(char.isnumeric() and not char.isascii() for char in text):
        raise CoordError(
            f"{quoted(wanted)} is not a shoot-day number: write it with the digits 0-9, e.g. 3, "
            f"or as a date YYYY-MM-DD; shoot days are {numbers}"
        )
    raise CoordError(f"there is no shoot day {quoted(wanted)}; shoot days are {numbers} (or give a date YYYY-MM-DD)")


def day_number(text: str) -> int | None:
    """The number in `3` or `003`; None for anything else (`²`, `٣`, `3.0`), and for thousands of digits.

    Only the digits 0-9 count: str.isdigit() is true for `²`, which int() refuses, and
    int() refuses more than 4,300 digits, so neither is ever handed to it.
    """
    if not re.fullmatch(r"[0-9]+", text):
        return None
    significant = text.lstrip("0") or "0"
    return int(significant) if len(significant) <= 6 else None


def find_person(found: Lookups, person: str) -> m.CrewMember | m.CastMember:
    """The crew or cast member a `--for` option names."""
    member = found.crew.get(person) or found.cast.get(person)
    if member is None:
        raise CoordError(f"--for {quoted(person)}: there is no crew or cast member with that id")
    return member


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
    homes: Homes
    places: Places

    def pickups_of(self, day: m.ShootDay) -> list[m.Pickup]:
        """The day's pickups in time order, of the people called that day only: nobody is collected for a day off."""
        return [p for p in self.pickups.get(day.day or 0, []) if plan.is_called(p.person, day, self.crew)]

    def origin(self, pickup: m.Pickup, production: m.Production) -> str:
        """Where the pickup starts, as printed (a private home never is)."""
        return pickup_from(pickup.origin, pickup.person, production, self.hotels, self.homes)

    def runs_of(self, day: m.ShootDay) -> list[Run]:
        """The day's runs (coord.runs), made from the pickups of the people called that day only."""
        return day_runs(day, self.pickups_of(day), self.places)


#: The lookups of the production last asked about: a loaded production never changes (its objects are frozen),
#: so making many copies of its documents (one per recipient) works them out once.
_LAST: list[tuple[m.ProductionFolder, Lookups]] = []


def lookups(folder: m.ProductionFolder) -> Lookups:
    if _LAST and _LAST[0][0] is folder:
        return _LAST[0][1]
    pickups: dict[int, list[m.Pickup]] = {}
    for pickup in sorted(folder.transport.pickups, key=lambda p: (p.time, p.person)):
        pickups.setdefault(pickup.day, []).append(pickup)
    found = Lookups(
        crew={c.id: c for c in folder.crew},
        cast={c.id: c for c in folder.cast},
        locations={loc.id: loc for loc in folder.locations},
        hotels={h.id: h for h in folder.hotels},
        vehicles={v.id: v for v in folder.transport.vehicles},
        scenes=plan.scenes_by_number(folder),
        days=plan.shoot_days(folder),
        status=plan.cast_status(folder),
        pickups=pickups,
        homes=Homes([*folder.crew, *folder.cast, *folder.extras], folder.production, folder.hotels),
        places=Places.of(folder),
    )
    _LAST[:] = [(folder, found)]
    return found


def who(person: str, found: Lookups) -> tuple[str, m.CrewMember | m.CastMember | None]:
    """A person as a call sheet names them: `#2 Clara Sandmann` for cast, `Tom Ries (Gaffer)` for crew."""
    if person in found.cast:
        return f"#{found.cast[person].number} {found.cast[person].actor}", found.cast[person]
    if person in found.crew:
        return f"{found.crew[person].name} ({found.crew[person].role})", found.crew[person]
    return person, None


def pickup_of(production: m.Production, day: m.ShootDay, person: str, found: Lookups) -> str:
    """A person's pickup on a day as printed: `05:30 · Hotel Seeblick` (a private home reads Home); empty if none."""
    pickup = next((p for p in found.pickups_of(day) if p.person == person), None)
    if pickup is None:
        return ""
    return f"{clock(pickup.time)} · {found.origin(pickup, production)}"


def arrival_text(run: Run, words: lb.Labels) -> str:
    """A run's arrival as printed: `06:40`, or `06:40 est.` for an estimate; empty when unknown."""
    if run.arrival is None:
        return ""
    return f"{clock(run.arrival)} {words['estimated']}" if run.estimated else clock(run.arrival)


def run_context(run: Run, production: m.Production, found: Lookups, phones: bool = False) -> dict[str, Any]:
    """A run as the call sheet and the movement order print it: vehicle, driver, stops in order, destination, arrival.

    `phones`: the passengers' phone numbers where they are not private (the driver's own sheet).
    """
    words = lb.labels(production.language)
    vehicle = found.vehicles.get(run.vehicle or "")
    driver = found.crew.get(vehicle.driver or "") if vehicle else None
    location = found.locations.get(run.destination)
    stops = []
    for pickup in run.pickups:
        name, person = who(pickup.person, found)
        call = plan.call_of(pickup.person, run.day, found.crew)
        stops.append(
            {
                "time": clock(pickup.time),
                "who": name,
                "role": person.character if isinstance(person, m.CastMember) else "",
                "from": found.origin(pickup, production),
                "call": clock(call),
                "phone": shown(person, "phone", production) if phones and person is not None else "",
                "notes": pickup.notes or "",
            }
        )
    return {
        "vehicle_id": run.vehicle or "",
        "vehicle": vehicle.type if vehicle else words["no_vehicle"],
        "plate": (vehicle.plate or "") if vehicle else "",
        "seats": words["n_seats"].format(n=vehicle.seats) if vehicle and vehicle.seats else "",
        "driver": driver.name if driver else "",
        "driver_id": driver.id if driver else "",
        "driver_phone": shown(driver, "phone", production) if driver else "",
        "start": clock(run.start),
        "to": location.name if location else run.destination,
        "arrival": arrival_text(run, words),
        "passengers": len(run.pickups),
        "stops": stops,
    }


def run_summary(run: Run, production: m.Production, found: Lookups) -> str:
    """A person's own run in one line, for the personal strip: `Minibus · Dennis Kuhn · arrival 06:40 est.`."""
    context = run_context(run, production, found)
    words = lb.labels(production.language)
    parts = [context["vehicle"] if run.vehicle else "", context["driver"]]
    if context["arrival"]:
        parts.append(f"{words['arrival']} {context['arrival']}")
    return " · ".join(p for p in parts if p)


# ---- working-time breaches as printed --------------------------------------------------


def breach_flag(breach: Breach, words: Mapping[str, str], plan: bool = True) -> str:
    """A breach in a few words: `Short turnaround 10:15 h`, `2 meal penalties USD 60.00 (accepted)`.

    `plan`: say `(plan)` of a breach of planned times (not on documents that show the plan only).
    """
    found = hours(breach.found) if breach.found is not None else ""
    if breach.penalties:
        text = words["flag_penalty"].format(count=breach.penalties, owed=amount_owed(breach.owed, breach.currency))
    elif breach.rule == "rest":
        text = words["flag_rest"].format(hours=found)
    elif breach.rule == "day":
        text = words["flag_day"].format(hours=found)
    elif breach.rule == "meals" and breach.excess is not None:
        text = words["flag_meal"].format(hours=hours(breach.excess))
    else:
        text = words[f"rule_{breach.rule.replace('-', '_')}"] + (
            f" {found} h" if breach.rule in ("breaks", "weekly-rest") and found else ""
        )
    state = words["accepted"] if accepted(breach) else words["in_plan"] if plan and not breach.actual else ""
    return f"{text} ({state})" if state else text


# ---- rows several documents print --------------------------------------------------


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


def map_url(location: m.Location) -> str:
    if location.coordinates:
        lat, lon = location.coordinates.lat, location.coordinates.lon
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    return "https://www.openstreetmap.org/search?query=" + quote(location.address)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug(text: str) -> str:
    """A name for files and ids: `Harbour Lights` is `harbour-lights`, `Große Freiheit` is `grosse-freiheit`."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "production"


def day_file(day: m.ShootDay, suffix: str = "") -> str:
    """The file name of a day's document, without extension: `2027-03-03-day-03`, `2027-03-03-day-03-mira`."""
    return f"{day.date}-day-{day.day or 0:02d}{suffix}"
