"""The movement order of a shoot day: every vehicle's runs, the locations with parking and unit base, and a summary.

`--for DRIVER` makes that driver's own sheet: their runs only, with the passengers'
phone numbers where they are not private. Neither ever prints a private home
(it reads Home) nor a private phone.
"""

from __future__ import annotations

from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import (
    DAY_INPUTS,
    Lookups,
    clock,
    common_context,
    day_file,
    find_day,
    format_date,
    lookups,
    map_url,
    run_context,
    who,
)
from coord.errors import CoordError
from coord.privacy import shown
from coord.runs import settings_of


def items(folder: m.ProductionFolder, day: str, driver: str | None = None) -> list[Item]:
    """The movement order of one shoot day, or one driver's sheet of it."""
    chosen = find_day(folder, day)
    found = lookups(folder)
    suffix = f"-{driver}" if driver else ""
    return [
        Item(day_file(chosen, suffix), movement_order(folder, chosen, found, driver), variants=(f"day-{chosen.day or 0:02d}",))
    ]


DOCUMENT = register(Document("movement", "movement order", DAY_INPUTS, "movement", items))


def movement_order(
    folder: m.ProductionFolder, day: m.ShootDay, found: Lookups | None = None, driver: str | None = None
) -> Context:
    """Everything the movement order (or `driver`'s own sheet) of `day` shows."""
    found = found or lookups(folder)
    production = folder.production
    language = production.language
    words = lb.labels(language)
    runs = found.runs_of(day)
    if driver is not None:
        runs = _drivers_runs(driver, runs, day, found)
    contexts = [run_context(run, production, found, phones=driver is not None) for run in runs]
    settings = settings_of(production)
    destinations = list(dict.fromkeys([*day.locations, *(run.destination for run in runs)]))
    return {
        **common_context(production),
        "day": {
            "number": day.day or 0,
            "of": words["day_of"].format(day=day.day or 0, total=len(found.days)),
            "weekday": lb.weekday(day.date.weekday(), language),
            "date": format_date(day.date, language),
            "crew_call": clock(day.crew_call),
        },
        "driver": _driver(driver, found, production) if driver else None,
        "vehicles": _by_vehicle(contexts),
        "summary": contexts,
        "locations": [_location(found.locations[i]) for i in destinations if i in found.locations],
        "self_drive": [] if driver else _self_drive(day, found),
        "estimate_note": words["estimate_note"].format(factor=f"{settings.road_factor:g}", speed=settings.average_speed)
        if any(run.estimated for run in runs)
        else "",
    }


def _drivers_runs(driver: str, runs: list[Any], day: m.ShootDay, found: Lookups) -> list[Any]:
    if driver not in found.crew:
        raise CoordError(f'--for "{driver}": there is no crew member with that id')
    vehicles = {v.id for v in found.vehicles.values() if v.driver == driver}
    if not vehicles:
        raise CoordError(f"--for {driver}: {found.crew[driver].name} drives none of the vehicles in transport.yaml")
    own = [run for run in runs if run.vehicle in vehicles]
    if not own:
        raise CoordError(f"--for {driver}: {found.crew[driver].name} has no runs on day {day.day}")
    return own


def _driver(driver: str, found: Lookups, production: m.Production) -> dict[str, str]:
    member = found.crew[driver]
    return {"name": member.name, "role": member.role, "phone": shown(member, "phone", production)}


def _by_vehicle(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs grouped under their vehicle, vehicles in the order of their first run; runs without one last."""
    vehicles: dict[str, dict[str, Any]] = {}
    for run in runs:
        key = run["vehicle_id"]
        entry = vehicles.setdefault(
            key,
            {
                "id": key,
                "vehicle": run["vehicle"],
                "plate": run["plate"],
                "seats": run["seats"],
                "driver": run["driver"],
                "driver_phone": run["driver_phone"],
                "runs": [],
            },
        )
        entry["runs"].append(run)
    return sorted(vehicles.values(), key=lambda v: v["id"] == "")


def _location(location: m.Location) -> dict[str, str]:
    return {
        "name": location.name,
        "address": location.address,
        "parking": location.parking or "",
        "unit_base": location.unit_base or "",
        "directions": location.directions or "",
        "map_url": map_url(location),
        "qr": map_url(location),
    }


def _self_drive(day: m.ShootDay, found: Lookups) -> list[str]:
    """Who comes in their own vehicle that day, for the parking: cast and crew marked `self_drive`."""
    picked = {p.person for p in found.pickups_of(day)}
    people: list[m.CastMember | m.CrewMember] = [
        *(found.cast[c.cast] for c in day.cast_calls if c.cast in found.cast),
        *(c for c in found.crew.values() if plan.works_on(c, day)),
    ]
    return [who(p.id, found)[0] for p in people if p.self_drive and p.id not in picked]
