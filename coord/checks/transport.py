"""Transport: where pickups start, that they agree with the calls, and that each run gets everyone there in time in a vehicle that is free and has the seats."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from coord import model as m
from coord import plan
from coord.checks import Reporter, check
from coord.kinds import suggest
from coord.localtime import moment
from coord.plan import call_of, is_called, shoot_days
from coord.privacy import Homes, is_home
from coord.runs import Places, Run, production_runs, settings_of


@check("pickup-origin", reads=("transport", "hotels"))
def pickup_origin(folder: m.ProductionFolder, out: Reporter) -> None:
    hotels = {h.id for h in folder.hotels if h.id}
    for pickup in folder.transport.pickups:
        origin = pickup.origin or ""
        if "origin" in pickup.invalid:
            continue
        if origin not in hotels and not is_home(origin) and " " not in origin and "," not in origin:
            close = suggest(origin, list(hotels))
            out.warning(
                pickup.at("origin"),
                f'"{origin}" is neither a hotel id nor an address',
                f'did you mean the hotel "{close}"?' if close else "write a hotel id from hotels.yaml or a full street address",
            )


@check("pickup-times-agree", reads=("transport", "days"))
def pickup_times_agree(folder: m.ProductionFolder, out: Reporter) -> None:
    """A cast call's pickup and the transport list's pickup are the same event: they must say the same time."""
    transport: dict[tuple[int | None, str], m.Pickup] = {(p.day, p.person): p for p in folder.transport.pickups}
    for day in shoot_days(folder):
        for call in day.cast_calls:
            pickup = transport.get((day.day, call.cast))
            if pickup is not None and pickup.time is not None and call.pickup is not None and pickup.time != call.pickup:
                out.warning(
                    pickup.at("time"),
                    f"{call.cast}'s pickup on day {day.day} is {pickup.time} here but {call.pickup} in the cast call",
                    "correct one of them: the call sheet prints both",
                )


@check("pickups-before-call", reads=("transport", "days", "crew", "cast"))
def pickups_before_call(folder: m.ProductionFolder, out: Reporter) -> None:
    days = {d.day: d for d in shoot_days(folder)}
    crew = {c.id: c for c in folder.crew}
    for pickup in folder.transport.pickups:
        day = days.get(pickup.day)
        if day is None or pickup.time is None:
            continue
        call = call_of(pickup.person, day, crew)
        if call is not None and pickup.time >= call:
            out.error(
                pickup.at("time"),
                f"pickup of {pickup.person} at {pickup.time} on day {pickup.day} is not before their call at {call}",
                "move the pickup earlier, leaving time for the drive",
            )


@check("pickups-of-the-called", reads=("transport", "days", "crew", "cast"))
def pickups_of_the_called(folder: m.ProductionFolder, out: Reporter) -> None:
    """A pickup for someone who does not work that day sends a driver for nothing; the call sheet leaves it out."""
    days = {d.day: d for d in shoot_days(folder)}
    crew = {c.id: c for c in folder.crew}
    known = {c.id for c in folder.cast} | set(crew)
    for pickup in folder.transport.pickups:
        day = days.get(pickup.day)
        if day is None or pickup.person not in known or is_called(pickup.person, day, crew):
            continue
        member = crew.get(pickup.person)
        if member is None and any(c.cast == pickup.person for c in day.cast_calls):
            why, hint = "is on hold that day (status: H)", "remove the pickup, or call them (another status, with their times)"
        elif member is None:
            why, hint = (
                "has no cast call that day",
                f"add '- cast: {pickup.person}' to day {day.day}'s cast_calls, or remove the pickup",
            )
        elif member.days is not None and day.day not in member.days:
            why = "is not on that day (see their days:)" if member.days else "is never on set (days: [])"
            hint = "remove the pickup, or add the day to their days:"
        else:
            why, hint = "is unavailable that day", "remove the pickup, or book them for that day"
        out.error(
            pickup.at("person"),
            f"pickup of {pickup.person} on day {pickup.day}, who {why}; the call sheet leaves it out",
            hint,
        )


@check("pickups-from-private-homes", reads=("transport", "crew", "cast", "extras", "hotels", "production"))
def pickups_from_private_homes(folder: m.ProductionFolder, out: Reporter) -> None:
    """A private home written out as an address: coord prints it as Home, and `from: home` says so plainly."""
    homes = Homes([*folder.crew, *folder.cast, *folder.extras], folder.production, folder.hotels)
    hotels = {h.id for h in folder.hotels}
    for pickup in folder.transport.pickups:
        noted = homes.within(pickup.notes or "")
        if noted is not None:
            out.error(
                pickup.at("notes"),
                f"the notes of {pickup.person}'s pickup on day {pickup.day} write out the private home address of "
                f"{noted.name}, which the call sheet and the movement order would print",
                "take the address out of the notes (write from: home for a pickup there); the office gives it to the driver",
            )
        if not pickup.origin or is_home(pickup.origin) or pickup.origin in hotels:
            continue
        home = homes.of(pickup.origin or "")
        if home is None or (home.usual_pickup and home.person == pickup.person):
            continue
        if home.person == pickup.person:
            out.warning(
                pickup.at("origin"),
                f"the pickup of {pickup.person} on day {pickup.day} is from their private home address, written out; "
                "documents print it as Home",
                "write 'from: home' instead of the address",
            )
        else:
            out.warning(
                pickup.at("origin"),
                f"the pickup of {pickup.person} on day {pickup.day} is from the private home address of {home.name}; "
                "documents print it as Private address",
                f"keep it only if {home.name} agreed; the driver's sheet is the place for the address",
            )


# ---- runs: arrivals, seats, vehicles and drivers at one time -------------------------------------------


def _where(run: Run, places: Places) -> str:
    location = places.locations.get(run.destination)
    return location.name if location else run.destination or "an unknown destination"


@check("arrival-before-call", reads=("transport", "days", "crew", "cast", "hotels", "locations", "production"))
def arrival_before_call(folder: m.ProductionFolder, out: Reporter) -> None:
    """Each passenger arrives before their own call, by the production's margin; an unknown arrival says what would settle it."""
    places = Places.of(folder)
    margin = settings_of(folder.production).minimum_margin
    for run in production_runs(folder):
        if run.arrival is None:
            last = run.pickups[-1]
            out.warning(
                last.at("time"),
                f"the arrival of {run.describe()} at {_where(run, places)} is unknown, so it cannot be checked against the calls",
                'give the last pickup arrive: "HH:MM", or ' + " and ".join(run.missing),
            )
            continue
        arrives = f"{run.arrival} ({'est.' if run.estimated else 'as written'})"
        drive = f"the drive from the last stop is estimated at {run.drive} min" if run.drive else "check arrive:"
        for pickup in run.pickups:
            call = plan.call_of(pickup.person, run.day, places.crew)
            if call is None:
                continue
            if run.arrival > call:
                out.error(
                    pickup.at("time"),
                    f"{pickup.person} arrives at {_where(run, places)} at {arrives} on day {run.day.day}, "
                    f"after their call at {call}",
                    f"pick up earlier ({drive}), or correct the call",
                )
            elif call - run.arrival < margin:
                out.warning(
                    pickup.at("time"),
                    f"{pickup.person} arrives at {_where(run, places)} at {arrives} on day {run.day.day}, "
                    f"{call - run.arrival} min before their call at {call}; the margin is {margin} min",
                    f"pick up earlier ({drive}), or set transport: minimum_margin: in production.yaml",
                )


@check("run-arrival", reads=("transport", "days", "crew", "cast"))
def run_arrival(folder: m.ProductionFolder, out: Reporter) -> None:
    """A run arrives once, after its last pickup: two different `arrive:` in one run, or one too early, is a mistake."""
    for run in production_runs(folder):
        written = [p for p in run.pickups if p.arrive is not None]
        for pickup in written:
            if pickup.arrive is not None and pickup.arrive != run.arrival:
                out.warning(
                    pickup.at("arrive"),
                    f"arrive: {pickup.arrive} differs from {run.arrival}, written later in the same run ({run.describe()})",
                    "a run arrives once: write arrive: on its last pickup only",
                )
        if run.arrival is not None and written and run.arrival <= run.pickups[-1].time:
            out.error(
                written[-1].at("arrive"),
                f"arrive: {run.arrival} is not after the last pickup of {run.describe()} at {run.pickups[-1].time}",
                "write when the vehicle gets to its destination (after midnight count on: 25:30)",
            )


@check("run-seats", reads=("transport", "days", "crew", "cast"))
def run_seats(folder: m.ProductionFolder, out: Reporter) -> None:
    """No run carries more passengers than its vehicle's seats (the driver does not take one)."""
    vehicles = {v.id: v for v in folder.transport.vehicles}
    for run in production_runs(folder):
        vehicle = vehicles.get(run.vehicle or "")
        if vehicle is None or vehicle.seats is None or len(run.pickups) <= vehicle.seats:
            continue
        over = run.pickups[vehicle.seats]
        out.error(
            over.at("vehicle"),
            f"{run.describe()} carries {len(run.pickups)} passengers from the {over.time} pickup of {over.person} on; "
            f"{vehicle.id} has {vehicle.seats} seats",
            "move passengers to another vehicle, or give the run a bigger one",
        )


@check("runs-overlap", reads=("transport", "days", "crew", "cast", "production"))
def runs_overlap(folder: m.ProductionFolder, out: Reporter) -> None:
    """A vehicle or a driver is on one run at a time, and a driver is not a passenger while driving."""
    timezone = Places.of(folder).timezone
    drivers = {v.id: v.driver for v in folder.transport.vehicles if v.driver}
    spans = [(run, *run.span(timezone)) for run in production_runs(folder)]
    spans.sort(key=lambda s: (s[1], s[2]))
    by_vehicle: dict[str, list[Spanned]] = {}
    by_driver: dict[str, list[Spanned]] = {}
    for spanned in spans:
        vehicle = spanned[0].vehicle
        if vehicle is not None:
            by_vehicle.setdefault(vehicle, []).append(spanned)
            if vehicle in drivers:
                by_driver.setdefault(drivers[vehicle], []).append(spanned)
    for vehicle, runs in by_vehicle.items():
        for earlier, run in _overlapping(runs):
            out.error(
                run.pickups[0].at("vehicle"),
                f"{vehicle} is on two runs at once: {_span(earlier)} to {earlier.destination} and {_span(run)} to {run.destination}",
                "put one of the runs in another vehicle, or move it",
            )
    for driver, runs in by_driver.items():
        for earlier, run in _overlapping(runs):
            if earlier.vehicle != run.vehicle:
                out.error(
                    run.pickups[0].at("vehicle"),
                    f"{driver} drives {earlier.vehicle} ({_span(earlier)}) and {run.vehicle} ({_span(run)}) at the same time",
                    "move one of the runs, or put it in a vehicle with another driver",
                )
    _drivers_as_passengers(spans, by_driver, timezone, out)


Spanned = tuple[Run, dt.datetime, dt.datetime]


def _span(run: Run) -> str:
    return f"day {run.day.day} {run.start}-{run.end}"


def _overlapping(runs: list[Spanned]) -> list[tuple[Run, Run]]:
    """Each run that starts before an earlier one (in start order) has ended, with that earlier run."""
    found = []
    latest: Spanned | None = None
    for spanned in runs:
        if latest is not None and spanned[1] < latest[2]:
            found.append((latest[0], spanned[0]))
        if latest is None or spanned[2] > latest[2]:
            latest = spanned
    return found


def _drivers_as_passengers(spans: list[Spanned], by_driver: dict[str, list[Spanned]], timezone: str, out: Reporter) -> None:
    """A driver picked up as a passenger while one of their own runs is under way."""
    for run, _start, end in spans:
        for pickup in run.pickups:
            driving = by_driver.get(pickup.person)
            if not driving:
                continue
            begins = moment(run.day.date, pickup.time, timezone)
            starts = [d[1] for d in driving]
            for other, other_start, other_end in driving[: bisect_left(starts, end)][::-1]:
                if other is not run and other_start < end and begins < other_end:
                    out.error(
                        pickup.at("person"),
                        f"{pickup.person} is picked up at {pickup.time} on day {run.day.day} ({run.vehicle or 'no vehicle'}) "
                        f"while driving {other.vehicle} ({_span(other)})",
                        "move the pickup or the run, or give the run another driver",
                    )
                    break


@check("cast-without-pickup", reads=("days", "transport", "cast"))
def cast_without_pickup(folder: m.ProductionFolder, out: Reporter) -> None:
    """A cast member called that day is collected, unless they drive themself."""
    picked = {(p.day, p.person) for p in folder.transport.pickups}
    self_drive = {c.id for c in folder.cast if c.self_drive}
    for day in shoot_days(folder):
        for call in day.cast_calls:
            if call.cast and call.cast not in self_drive and (day.day, call.cast) not in picked:
                out.warning(
                    call.at("cast"),
                    f"{call.cast} is called on day {day.day} but has no pickup and does not drive themself",
                    f"add a pickup for {call.cast} on day {day.day} in transport.yaml, or write self_drive: yes in cast.yaml",
                )


@check("pickup-from-booked-hotel", reads=("transport", "hotels", "days"))
def pickup_from_booked_hotel(folder: m.ProductionFolder, out: Reporter) -> None:
    """A pickup from a hotel is for a guest with a room there that day (a pickup after midnight: the next date)."""
    days = {d.day: d for d in shoot_days(folder)}
    stays: dict[tuple[str, str], list[m.Booking]] = {}
    for hotel in folder.hotels:
        for booking in hotel.bookings:
            stays.setdefault((hotel.id, booking.guest), []).append(booking)
    hotels = {h.id: h for h in folder.hotels}
    for pickup in folder.transport.pickups:
        day = days.get(pickup.day)
        if day is None or day.date is None or pickup.origin not in hotels or pickup.time is None or not pickup.person:
            continue
        date = day.date + dt.timedelta(days=pickup.time.minutes // (24 * 60))
        bookings = stays.get((pickup.origin, pickup.person), [])
        if not any(b.check_in and b.check_out and b.check_in <= date <= b.check_out for b in bookings):
            out.error(
                pickup.at("origin"),
                f"{pickup.person} is picked up at {hotels[pickup.origin].name} on {date} (day {day.day}) "
                "but has no booking there that day",
                f"book the room in hotels.yaml (check_in on or before {date}), or correct from:",
            )
