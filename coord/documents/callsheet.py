"""The call sheet: everything the crew reads the evening before a shoot day, as plain data for any template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import (
    DAY_INPUTS,
    Lookups,
    breach_flag,
    clock,
    common_context,
    day_file,
    find_day,
    find_person,
    format_date,
    lookups,
    map_url,
    pickup_of,
    run_context,
    run_summary,
    scene_row,
    who,
)
from coord.errors import CoordError
from coord.privacy import shown
from coord.sun import sun_times
from coord.workrules import Breach, by_day, evaluate, first_meal_latest
from coord.worktime import profiles


def items(
    folder: m.ProductionFolder, days: list[str], all_days: bool = False, person: str | None = None, office: bool = False
) -> list[Item]:
    """The call sheets of the wanted days (numbers or dates), or of every day; `person`'s own copies.

    `office`: the office copy, which marks everyone whose call breaks a working-time rule; it is
    written readable by its owner only and says what it is on every page.
    """
    found = lookups(folder)
    member = find_person(found, person) if person else None
    chosen = found.days if all_days else [find_day(folder, wanted) for wanted in days]
    if all_days and person:  # a personal copy of every day the person is called
        chosen = [d for d in chosen if plan.is_called(person, d, found.crew)]
        if not chosen and found.days:
            raise CoordError(
                f"--for {person}: {who(person, found)[0]} is not called on any shoot day, so there is no call sheet to write"
            )
    if not chosen:
        if all_days:
            raise CoordError("there are no shoot days yet: add them to schedule.yaml (see docs/format.md)")
        raise CoordError("no shoot day given: name a day number (coord callsheet 3) or use --all")
    suffix = (f"-{member.id}" if member else "") + ("-office" if office else "")
    marks = by_day(*evaluate(folder)) if office else None
    return [
        Item(
            day_file(day, suffix),
            callsheet(folder, day, person, found, marks),
            private=office,
            variants=(f"day-{day.day or 0:02d}",),
        )
        for day in chosen
    ]


DOCUMENT = register(Document("callsheet", "call sheet", (*DAY_INPUTS, "profiles"), "callsheets", items))


def callsheet(
    folder: m.ProductionFolder,
    day: m.ShootDay,
    for_person: str | None = None,
    found: Lookups | None = None,
    marks: Mapping[tuple[int, str], list[Breach]] | None = None,
) -> Context:
    """Everything a call sheet shows for `day`; `for_person` adds the personal strip at the top.

    Pass `found` (from `lookups`) when making many sheets of one production. `marks` (breaches by
    day and person, coord.workrules.by_day) make the office copy, which marks those people.
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
    meal_rule = profiles(folder).for_call_sheet()
    latest_meal = first_meal_latest(meal_rule, day, day.crew_call, production.timezone) if day.crew_call else None

    def mark(person: str) -> str:
        """What the office copy says of a person whose call breaks a working-time rule; nothing on the distributed copy."""
        return " · ".join(breach_flag(b, words, plan=False) for b in (marks or {}).get((number, person), []))

    context: Context = {
        **common_context(production),
        "office_copy": marks is not None,
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
            "latest_first_meal": clock(latest_meal),
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
        "pages_total": str(plan.day_pages(day, scenes)),
        "cast": [
            _cast_row(call, cast[call.cast], status.get((call.cast, number), ""), mark(call.cast))
            for call in _by_cast_number(day, cast)
        ],
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
        "crew": _crew_by_department(folder, day, language, mark),
        "personal": _personal(folder.production, day, for_person, found, day_locations) if for_person else None,
    }
    return context


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
        "qr": map_url(loc),
        "notes": loc.notes or "",
    }


def _hospital(loc: m.Location) -> dict[str, str]:
    hospital = loc.hospital
    assert hospital is not None  # noqa: S101 - filtered by the caller
    return {"location": loc.name, "name": hospital.name, "address": hospital.address, "phone": hospital.phone}


def _by_cast_number(day: m.ShootDay, cast: dict[str, m.CastMember]) -> list[m.CastCall]:
    return sorted((c for c in day.cast_calls if c.cast in cast), key=lambda c: cast[c.cast].number)


def _cast_row(call: m.CastCall, member: m.CastMember, status: str, mark: str) -> dict[str, Any]:
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
        "mark": mark,
    }


def _transport(production: m.Production, day: m.ShootDay, found: Lookups) -> dict[str, Any]:
    """The day's runs in time order: vehicle and driver, the stops, destination and arrival.

    `destination`: the one place every run goes to, when they all go to one (the PDF then needs no To column).
    """
    runs = [run_context(run, production, found) for run in found.runs_of(day)]
    places = {r["to"] for r in runs}
    return {"runs": runs, "destination": places.pop() if len(places) == 1 else ""}


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
        "pages_total": str(plan.day_pages(following, scenes)),
    }


def _crew_by_department(
    folder: m.ProductionFolder, day: m.ShootDay, language: str, mark: Callable[[str], str]
) -> list[dict[str, Any]]:
    production = folder.production
    by_department: dict[str, list[dict[str, Any]]] = {}
    for member in folder.crew:
        if plan.works_on(member, day):
            call = plan.crew_call_for(member, day)
            by_department.setdefault(member.department, []).append(
                {
                    "role": member.role,
                    "name": member.name,
                    "phone": shown(member, "phone", production),
                    "call": clock(call),
                    "own_call": call != day.crew_call,
                    "mark": mark(member.id),
                }
            )
    return [
        {"department": lb.department(department, language), "people": by_department[department]}
        for department in m.DEPARTMENTS
        if department in by_department
    ]


def _personal(
    production: m.Production, day: m.ShootDay, person: str, found: Lookups, day_locations: list[m.Location]
) -> dict[str, str]:
    find_person(found, person)
    name, _person = who(person, found)
    if not plan.is_called(person, day, found.crew):
        raise CoordError(f"--for {person}: {name} is not called on day {day.day}")
    call = plan.call_of(person, day, found.crew)
    own = next((run for run in found.runs_of(day) if any(p.person == person for p in run.pickups)), None)
    return {
        "name": name,
        "call": clock(call) if call is not None else lb.labels(production.language)["call_to_follow"],
        "pickup": pickup_of(production, day, person, found),
        "run": run_summary(own, production, found) if own else "",
        "location": day_locations[0].name if day_locations else "",
    }
