"""Locations: what a call sheet needs of them (coordinates, hospital), and coordinates that look swapped."""

from __future__ import annotations

import datetime as dt

from coord import model as m
from coord.checks import Reporter, check


@check("locations-complete", reads=("locations",))
def locations_complete(folder: m.ProductionFolder, out: Reporter) -> None:
    for loc in folder.locations:
        if loc.coordinates is None:
            out.warning(
                loc.pos, f"location {loc.id} has no coordinates", 'add coordinates: "lat, lon" for the map link and sunrise times'
            )
        if loc.hospital is None:
            out.warning(
                loc.pos, f"location {loc.id} has no nearest hospital", "add hospital: name, address, phone: call sheets print it"
            )


@check("coordinates-swapped", reads=("locations", "production"))
def coordinates_swapped(folder: m.ProductionFolder, out: Reporter) -> None:
    """Coordinates that fit the production's timezone only with latitude and longitude swapped."""
    from zoneinfo import ZoneInfo

    offset = ZoneInfo(folder.production.timezone or "UTC").utcoffset(dt.datetime(2027, 1, 15))
    hours = offset.total_seconds() / 3600 if offset is not None else 0.0
    for loc in folder.locations:
        where = loc.coordinates
        if where is None:
            continue
        as_written, swapped = abs(where.lon / 15 - hours), abs(where.lat / 15 - hours)
        if as_written > 1.5 and swapped < 1 and abs(where.lon) <= 90:
            out.warning(
                loc.at("coordinates"),
                f"location {loc.id}: coordinates {where} are far from {folder.production.timezone}; did you swap latitude and longitude?",
                "write latitude first, then longitude, as a map app copies them",
            )
