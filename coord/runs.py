"""Runs: a shoot day's pickups grouped into the trips a vehicle makes, each with its arrival, written or estimated.

The pickups of one day in one vehicle to one destination form a run, in time order
(several stops, one destination), until the run is due: at the `arrive:` written on
one of its pickups, else at the first call of its passengers (nobody is collected
after the others are due on set). A later pickup in the same vehicle starts a new
run. A pickup without a vehicle is a run of its own.

A run's arrival is the `arrive:` written on one of its pickups; else an estimate from
the last stop: the straight-line distance (haversine) times the road factor, at the
average speed, rounded up to 5 minutes and at least 5; else unknown, and `missing`
says which field would settle it. Documents label an estimate as such.

Checks and documents both ask this; it imports only the model, the plan questions and
the time arithmetic of coord.localtime.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from coord import model as m
from coord import plan
from coord.localtime import later, moment
from coord.values import Coordinates, Time

#: Estimated drives are rounded up to this many minutes, because a driver plans in such steps.
ROUND_TO = 5
#: A longer estimate is no pickup drive but a pair of wrong coordinates (swapped, or another place), and is not used.
LONGEST_DRIVE = 12 * 60


def settings_of(production: m.Production) -> m.TransportSettings:
    """The production's transport settings, or the defaults."""
    return production.transport or m.TransportSettings()


def drive_minutes(start: Coordinates, end: Coordinates, settings: m.TransportSettings) -> int:
    """The estimated drive between two points: the haversine distance times the road factor, at the average speed.

    Rounded up to 5 minutes, and at least 5 (getting in and out takes that long).
    """
    from haversine import haversine  # the one-formula library, imported where it is used

    kilometres: float = haversine((start.lat, start.lon), (end.lat, end.lon)) * settings.road_factor
    minutes = round(kilometres / settings.average_speed * 60, 6)
    return max(ROUND_TO, math.ceil(minutes / ROUND_TO) * ROUND_TO)


@dataclass(frozen=True)
class Places:
    """What runs are made with besides the pickups: the production's settings, hotels, locations and crew."""

    production: m.Production
    hotels: dict[str, m.Hotel]
    locations: dict[str, m.Location]
    crew: dict[str, m.CrewMember]

    @property
    def timezone(self) -> str:
        """The production's timezone; UTC while it is not valid (that is an error of its own)."""
        return self.production.timezone or "UTC"

    @classmethod
    def of(cls, folder: m.ProductionFolder) -> Places:
        return cls(
            folder.production,
            {h.id: h for h in folder.hotels},
            {loc.id: loc for loc in folder.locations},
            {c.id: c for c in folder.crew},
        )


@dataclass(frozen=True)
class Run:
    """One trip of a vehicle (or of a car without one named): its pickups in order, one destination, the arrival.

    `estimated`: the arrival comes from coordinates, not from `arrive:`. `missing`: when the
    arrival is unknown, what would settle it, in a coordinator's words. `drive`: the
    estimated minutes from the last stop.
    """

    day: m.ShootDay
    vehicle: str | None
    destination: str
    pickups: tuple[m.Pickup, ...]
    arrival: Time | None
    estimated: bool = False
    drive: int | None = None
    missing: tuple[str, ...] = ()

    @property
    def start(self) -> Time:
        return self.pickups[0].time

    @property
    def end(self) -> Time:
        """When the vehicle is free again: its arrival, else its last pickup (at least a minute after the start)."""
        last = self.arrival or self.pickups[-1].time
        return max(last, self.start + 1)

    def span(self, timezone: str) -> tuple[dt.datetime, dt.datetime]:
        """The real moments the run starts and ends: a run after midnight is on the next date."""
        return moment(self.day.date, self.start, timezone), moment(self.day.date, self.end, timezone)

    def describe(self) -> str:
        """`van-1's run of day 3 from 06:15`, for messages."""
        owner = f"{self.vehicle}'s run" if self.vehicle else f"the run of {self.pickups[0].person}"
        return f"{owner} of day {self.day.day} from {self.start}"


def destination_of(pickup: m.Pickup, day: m.ShootDay) -> str:
    """Where a pickup goes: its `to:`, else the day's first location ('' when neither is known)."""
    return pickup.to or (day.locations[0] if day.locations else "")


def origin_coordinates(pickup: m.Pickup, places: Places) -> Coordinates | None:
    """Where a pickup starts on the map: its own coordinates, else its hotel's."""
    hotel = places.hotels.get(pickup.origin)
    return pickup.coordinates or (hotel.coordinates if hotel else None)


def day_runs(day: m.ShootDay, pickups: Iterable[m.Pickup], places: Places) -> list[Run]:
    """The day's runs in time order, from the pickups of the people called that day."""
    by_vehicle: dict[str | None, list[m.Pickup]] = {}
    for pickup in sorted(pickups, key=lambda p: (p.time, p.person)):
        by_vehicle.setdefault(pickup.vehicle, []).append(pickup)
    runs: list[Run] = []
    for vehicle, own in by_vehicle.items():
        if vehicle is None:
            runs += [_run(day, None, [p], places) for p in own]
            continue
        current: list[m.Pickup] = []
        for pickup in own:
            if current and not _joins(pickup, current, day, places):
                runs.append(_run(day, vehicle, current, places))
                current = []
            current.append(pickup)
        runs.append(_run(day, vehicle, current, places))
    return sorted(runs, key=lambda r: (r.start, r.vehicle or "", r.pickups[0].person))


def _joins(pickup: m.Pickup, current: list[m.Pickup], day: m.ShootDay, places: Places) -> bool:
    """Whether a pickup is a further stop of the run so far: same destination, before the run is due."""
    if destination_of(pickup, day) != destination_of(current[0], day):
        return False
    written = [p.arrive for p in current if p.arrive is not None]
    due = written or [c for c in (plan.call_of(p.person, day, places.crew) for p in current) if c is not None]
    return not due or pickup.time < min(due)


def _run(day: m.ShootDay, vehicle: str | None, pickups: list[m.Pickup], places: Places) -> Run:
    destination = destination_of(pickups[0], day)
    written = [p.arrive for p in pickups if p.arrive is not None]
    if written:
        return Run(day, vehicle, destination, tuple(pickups), written[-1])
    last = pickups[-1]
    start = origin_coordinates(last, places)
    location = places.locations.get(destination)
    end = location.coordinates if location else None
    if start is None or end is None:
        return Run(day, vehicle, destination, tuple(pickups), None, missing=_missing(last, location, destination, places))
    settings = settings_of(places.production)
    minutes = drive_minutes(start, end, settings)
    if minutes > LONGEST_DRIVE:
        where = f"{last.origin} and {destination}"
        return Run(
            day,
            vehicle,
            destination,
            tuple(pickups),
            None,
            missing=(f"coordinates of {where} that are right (they are over {LONGEST_DRIVE // 60} hours apart)",),
        )
    arrival = later(day.date, last.time, minutes, places.timezone)
    return Run(day, vehicle, destination, tuple(pickups), arrival, estimated=True, drive=minutes)


def _missing(last: m.Pickup, location: m.Location | None, destination: str, places: Places) -> tuple[str, ...]:
    """What would let coord estimate the arrival, besides `arrive:` on the pickup."""
    needs = []
    hotel = places.hotels.get(last.origin)
    if last.coordinates is None:
        if hotel is not None:
            needs.append(f"coordinates: to hotel {hotel.id} in hotels.yaml")
        else:
            needs.append("coordinates: of where it starts to this pickup")
    if location is None:
        needs.append("a destination (to: on the pickup, or locations: on the day)")
    elif location.coordinates is None:
        needs.append(f"coordinates: to location {destination} in locations.yaml")
    return tuple(needs)


#: The runs of the production last asked about, with it: the transport checks ask in turn for the same folder
#: (a loaded folder never changes, so its runs do not either).
_last: tuple[m.ProductionFolder, tuple[Run, ...]] | None = None


def production_runs(folder: m.ProductionFolder) -> list[Run]:
    """Every shoot day's runs, from the pickups of the people called that day (the others are an error of their own)."""
    global _last
    if _last is None or _last[0] is not folder:
        _last = (folder, tuple(_production_runs(folder)))
    return list(_last[1])


def _production_runs(folder: m.ProductionFolder) -> list[Run]:
    places = Places.of(folder)
    by_day: dict[int, list[m.Pickup]] = {}
    for pickup in folder.transport.pickups:
        if pickup.time is not None and pickup.person:
            by_day.setdefault(pickup.day, []).append(pickup)
    runs: list[Run] = []
    for day in plan.shoot_days(folder):
        if day.date is None:
            continue
        called = [p for p in by_day.get(day.day or 0, []) if plan.is_called(p.person, day, places.crew)]
        runs += day_runs(day, called, places)
    return runs
