"""Transport: where pickups start, and that they agree with the cast calls and come before each call."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check
from coord.kinds import suggest
from coord.plan import call_of, shoot_days


@check("pickup-origin", reads=("transport", "hotels"))
def pickup_origin(folder: m.ProductionFolder, out: Reporter) -> None:
    hotels = {h.id for h in folder.hotels if h.id}
    for pickup in folder.transport.pickups:
        origin = pickup.origin or ""
        if origin not in hotels and origin.lower() != "home" and " " not in origin and "," not in origin:
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
