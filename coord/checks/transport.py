"""Transport: where pickups start, and that they agree with the cast calls and come before each call."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check
from coord.kinds import suggest
from coord.plan import call_of, is_called, shoot_days
from coord.privacy import Homes, is_home


@check("pickup-origin", reads=("transport", "hotels"))
def pickup_origin(folder: m.ProductionFolder, out: Reporter) -> None:
    hotels = {h.id for h in folder.hotels if h.id}
    for pickup in folder.transport.pickups:
        origin = pickup.origin or ""
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
            if pickup is not None and call.pickup is not None and pickup.time != call.pickup:
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
        if member is None:
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
        if is_home(pickup.origin or "") or pickup.origin in hotels:
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
