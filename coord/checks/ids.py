"""Ids and references: every id is unique, and every id a file mentions points at an entry that exists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coord import model as m
from coord.checks import Reporter, check
from coord.findings import Pos
from coord.kinds import suggest
from coord.load import INPUTS
from coord.plan import shoot_days


def persons(folder: m.ProductionFolder) -> dict[str, m.CrewMember | m.CastMember]:
    """Crew and cast by id: the people a pickup or a hotel room can be for."""
    people: dict[str, m.CrewMember | m.CastMember] = {c.id: c for c in folder.cast if c.id}
    people.update((c.id, c) for c in folder.crew if c.id)
    return people


@check("unique-ids", reads=INPUTS)
def unique_ids(folder: m.ProductionFolder, out: Reporter) -> None:
    groups: list[tuple[str, Iterable[m.Entry], str]] = [
        ("person id (crew and cast share ids)", [*folder.crew, *folder.cast], "id"),
        ("location id", folder.locations, "id"),
        ("scene number", folder.scenes, "number"),
        ("cast number", folder.cast, "number"),
        ("hotel id", folder.hotels, "id"),
        ("order id", folder.equipment, "id"),
        ("vehicle id", folder.transport.vehicles, "id"),
        ("extra id", folder.extras, "id"),
        ("internship id", folder.interns, "id"),
        ("shoot-day number", folder.days, "day"),
        ("report day", folder.reports, "day"),
        ("working-time profile name", folder.profiles, "name"),
    ]
    for what, entries, attr in groups:
        first: dict[object, m.Entry] = {}
        for entry in entries:
            value = getattr(entry, attr)
            if value is None:
                continue
            if value in first:
                out.error(
                    entry.at(attr),
                    f'{what} "{value}" is used twice (first at {first[value].at(attr)})',
                    "give each entry its own",
                )
            else:
                first[value] = entry


@dataclass(frozen=True)
class Target:
    """What an id may point at: the ids that exist, the file to add one to, and the inputs they come from."""

    known: set[str]
    where: str
    inputs: tuple[str, ...]


class References:
    """Reports ids that point at nothing, unless the file they would point into could not be read at all."""

    def __init__(self, folder: m.ProductionFolder, out: Reporter):
        self.out = out
        self.lost = folder.incomplete
        self.day_numbers = {d.day for d in shoot_days(folder) if d.day is not None}
        self.targets = {
            "crew": Target({c.id for c in folder.crew}, "crew.yaml", ("crew",)),
            "cast": Target({c.id for c in folder.cast}, "cast.yaml", ("cast",)),
            "person": Target(set(persons(folder)), "crew.yaml or cast.yaml", ("crew", "cast")),
            "location": Target({loc.id for loc in folder.locations}, "locations.yaml", ("locations",)),
            "scene": Target({s.number for s in folder.scenes}, "scenes.yaml", ("scenes",)),
            "vehicle": Target({v.id for v in folder.transport.vehicles}, "transport.yaml", ("transport",)),
        }

    def ref(self, entry: m.Entry, attr: str, value: str | None, target: str, many: bool = False) -> None:
        known = self.targets[target]
        if value is None or value in known.known or self.lost.intersection(known.inputs):
            return
        what = "scene number" if target == "scene" else f"{target} id"
        unknown(self.out, entry.at(attr, value if many else None), what, value, known.known, known.where)

    def refs(self, entry: m.Entry, attr: str, values: Iterable[str], target: str) -> None:
        for value in values:
            self.ref(entry, attr, value, target, many=True)

    def day(self, entry: m.Entry, attr: str, value: int | None, many: bool = False) -> None:
        if value is not None and value not in self.day_numbers and "days" not in self.lost:
            self.out.error(
                entry.at(attr, value if many else None), f"there is no shoot day {value}", "use a day number from schedule.yaml"
            )

    def days(self, entry: m.Entry, attr: str, values: Iterable[int]) -> None:
        for value in values:
            self.day(entry, attr, value, many=True)


def unknown(out: Reporter, pos: Pos, what: str, value: str, known: Iterable[str], where: str) -> None:
    close = suggest(value, [k for k in known if k])
    hint = f'did you mean "{close}"?' if close else f"add it to {where}, or correct the spelling"
    out.error(pos, f'unknown {what} "{value}"', hint)


@check("references", reads=INPUTS)
def references(folder: m.ProductionFolder, out: Reporter) -> None:
    """Every id points at an entry that exists (unless that entry's file could not be read at all)."""
    refs = References(folder, out)
    refs.refs(folder.production, "key_contacts", folder.production.key_contacts, "crew")
    _plan_references(folder, refs)
    _logistics_references(folder, refs)
    _people_references(folder, refs)
    _report_references(folder, refs)


def _plan_references(folder: m.ProductionFolder, refs: References) -> None:
    """Scenes and shoot days: their cast, locations, scenes and personal calls."""
    for scene in folder.scenes:
        refs.refs(scene, "cast", scene.cast, "cast")
        refs.ref(scene, "location", scene.location, "location")
    for day in folder.days:
        refs.refs(day, "locations", day.locations, "location")
        refs.refs(day, "scenes", day.scenes, "scene")
        refs.refs(day, "calls", day.calls, "crew")
        for call in day.cast_calls:
            refs.ref(call, "cast", call.cast, "cast")


def _logistics_references(folder: m.ProductionFolder, refs: References) -> None:
    """Hotels, orders and transport: guests, who asked and approved, drivers, pickups."""
    for hotel in folder.hotels:
        for booking in hotel.bookings:
            refs.ref(booking, "guest", booking.guest, "person")
    for approver in folder.production.approvers:
        refs.ref(approver, "crew", approver.crew, "crew")
    for order in folder.equipment:
        refs.ref(order, "requested_by", order.requested_by, "crew")
        refs.ref(order, "approved_by", order.approved_by, "crew")
        refs.days(order, "needed", order.needed)
        for step in order.history:
            refs.ref(step, "by", step.by, "crew")
    for vehicle in folder.transport.vehicles:
        refs.ref(vehicle, "driver", vehicle.driver, "crew")
    for pickup in folder.transport.pickups:
        refs.day(pickup, "day", pickup.day)
        refs.ref(pickup, "person", pickup.person, "person")
        refs.ref(pickup, "to", pickup.to, "location")
        refs.ref(pickup, "vehicle", pickup.vehicle, "vehicle")


def _people_references(folder: m.ProductionFolder, refs: References) -> None:
    """Day players' and extras' shoot days, interns and their supervisors."""
    for person in folder.crew:
        refs.days(person, "days", person.days or ())
    for extra in folder.extras:
        refs.days(extra, "days", extra.days)
    for intern in folder.interns:
        refs.ref(intern, "crew", intern.crew, "crew")
        refs.ref(intern, "supervisor", intern.supervisor, "crew")


def _report_references(folder: m.ProductionFolder, refs: References) -> None:
    for report in folder.reports:
        refs.day(report, "day", report.day)
        for line in report.scenes:
            refs.ref(line, "scene", line.scene, "scene")
            refs.day(line, "moved_to", line.moved_to)
        for times in report.cast:
            refs.ref(times, "cast", times.cast, "cast")
        for worked in report.extras:
            refs.ref(worked, "approved_by", worked.approved_by, "crew")
        for accepted in report.accepted:
            refs.refs(accepted, "people", accepted.people, "person")
