"""The checks `coord validate` runs on a loaded production: a registry of small named functions.

A check reads the model and reports what a crew would otherwise find on set.
Later features add checks with `@check("name")`; the command never changes.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from coord import model as m
from coord.findings import Findings, Pos
from coord.kinds import suggest
from coord.load import load_folder
from coord.schedule import MANUAL_STATUSES, available_on, call_of, cast_in_scenes, shoot_days


@dataclass(frozen=True)
class Reporter:
    """What a check writes to: the shared findings, tagged with the check's name."""

    findings: Findings
    name: str

    def error(self, pos: Pos, message: str, hint: str = "") -> None:
        self.findings.error(pos, message, hint, self.name)

    def warning(self, pos: Pos, message: str, hint: str = "") -> None:
        self.findings.warning(pos, message, hint, self.name)


CheckFunction = Callable[[m.ProductionFolder, Reporter], None]
CHECKS: dict[str, CheckFunction] = {}


def check(name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under `name` (shown in JSON output, so keep names stable)."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = function
        return function

    return register


def validate(root: Path) -> tuple[m.ProductionFolder | None, Findings]:
    """Load the folder and run every check; checks run only on what loaded."""
    folder, findings = load_folder(root)
    if folder is not None:
        for name, function in CHECKS.items():
            function(folder, Reporter(findings, name))
    findings.sort(key=lambda f: (f.pos.file, f.pos.line, f.pos.col))
    return folder, findings


# ---- helpers -----------------------------------------------------------------


def persons(folder: m.ProductionFolder) -> dict[str, m.CrewMember | m.CastMember]:
    """Crew and cast by id: the people a pickup or a hotel room can be for."""
    people: dict[str, m.CrewMember | m.CastMember] = {c.id: c for c in folder.cast if c.id}
    people.update((c.id, c) for c in folder.crew if c.id)
    return people


def _unknown(out: Reporter, pos: Pos, what: str, value: str, known: Iterable[str], where: str) -> None:
    close = suggest(value, [k for k in known if k])
    hint = f'did you mean "{close}"?' if close else f"add it to {where}, or correct the spelling"
    out.error(pos, f'unknown {what} "{value}"', hint)


# ---- identity ------------------------------------------------------------------


@check("unique-ids")
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


# ---- references ------------------------------------------------------------------


@check("references")
def references(folder: m.ProductionFolder, out: Reporter) -> None:
    """Every id points at an entry that exists (unless that entry's file could not be read at all)."""
    lost = folder.incomplete
    crew = {c.id for c in folder.crew}
    cast = {c.id for c in folder.cast}
    people = set(persons(folder))
    locations = {loc.id for loc in folder.locations}
    scenes = {s.number for s in folder.scenes}
    vehicles = {v.id for v in folder.transport.vehicles}
    day_numbers = {d.day for d in shoot_days(folder) if d.day is not None}
    targets: dict[str, tuple[set[str], str, tuple[str, ...]]] = {
        "crew": (crew, "crew.yaml", ("crew",)),
        "cast": (cast, "cast.yaml", ("cast",)),
        "person": (people, "crew.yaml or cast.yaml", ("crew", "cast")),
        "location": (locations, "locations.yaml", ("locations",)),
        "scene": (scenes, "scenes.yaml", ("scenes",)),
        "vehicle": (vehicles, "transport.yaml", ("transport",)),
    }

    def ref(entry: m.Entry, attr: str, value: str | None, target: str, many: bool = False) -> None:
        known, where, files = targets[target]
        if value is None or value in known or lost.intersection(files):
            return
        what = "scene number" if target == "scene" else f"{target} id"
        _unknown(out, entry.at(attr, value if many else None), what, value, known, where)

    def day_ref(entry: m.Entry, attr: str, value: int | None, many: bool = False) -> None:
        if value is not None and value not in day_numbers and "days" not in lost:
            out.error(
                entry.at(attr, value if many else None), f"there is no shoot day {value}", "use a day number from schedule.yaml"
            )

    production = folder.production
    for contact in production.key_contacts:
        ref(production, "key_contacts", contact, "crew", many=True)
    for scene in folder.scenes:
        for member in scene.cast:
            ref(scene, "cast", member, "cast", many=True)
        ref(scene, "location", scene.location, "location")
    for day in folder.days:
        for loc in day.locations:
            ref(day, "locations", loc, "location", many=True)
        for number in day.scenes:
            ref(day, "scenes", number, "scene", many=True)
        for crew_id in day.calls:
            ref(day, "calls", crew_id, "crew", many=True)
        for call in day.cast_calls:
            ref(call, "cast", call.cast, "cast")
    for person in folder.crew:
        for worked in person.days or ():
            day_ref(person, "days", worked, many=True)
    for hotel in folder.hotels:
        for booking in hotel.bookings:
            ref(booking, "guest", booking.guest, "person")
    for order in folder.equipment:
        ref(order, "requested_by", order.requested_by, "crew")
        ref(order, "approved_by", order.approved_by, "crew")
    for vehicle in folder.transport.vehicles:
        ref(vehicle, "driver", vehicle.driver, "crew")
    for pickup in folder.transport.pickups:
        day_ref(pickup, "day", pickup.day)
        ref(pickup, "person", pickup.person, "person")
        ref(pickup, "to", pickup.to, "location")
        ref(pickup, "vehicle", pickup.vehicle, "vehicle")
    for extra in folder.extras:
        for day_number in extra.days:
            day_ref(extra, "days", day_number, many=True)
    for intern in folder.interns:
        ref(intern, "crew", intern.crew, "crew")
        ref(intern, "supervisor", intern.supervisor, "crew")
    for report in folder.reports:
        day_ref(report, "day", report.day)
        for line in report.scenes:
            ref(line, "scene", line.scene, "scene")
            day_ref(line, "moved_to", line.moved_to)
        for times in report.cast:
            ref(times, "cast", times.cast, "cast")


@check("pickup-origin")
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


# ---- the schedule ------------------------------------------------------------


@check("scenes-scheduled")
def scenes_scheduled(folder: m.ProductionFolder, out: Reporter) -> None:
    first_day: dict[str, m.ShootDay] = {}
    for day in shoot_days(folder):
        for number in day.scenes:
            if number in first_day:
                out.error(
                    day.at("scenes", number),
                    f"scene {number} is scheduled twice: on day {first_day[number].day} and day {day.day}",
                    "remove it from one day; for a scene shot in parts, split it in scenes.yaml (e.g. 12 and 12pt2)",
                )
            else:
                first_day[number] = day
    if not shoot_days(folder) or {"days", "scenes"} & folder.incomplete or any("scenes" in d.invalid for d in folder.days):
        return
    for scene in folder.scenes:
        if scene.number not in first_day:
            out.warning(
                scene.at("number"), f"scene {scene.number} is not on any shoot day", "add it to a day's scenes in schedule.yaml"
            )


@check("shoot-days")
def shoot_day_fields(folder: m.ProductionFolder, out: Reporter) -> None:
    for day in folder.days:
        if "type" in day.invalid:
            continue
        if day.type == "shoot":
            if not day.written("day"):
                out.error(day.pos, f"the shoot day on {day.date} has no day number", "add 'day: N'")
            if not day.written("crew_call"):
                out.error(day.pos, f"shoot day {day.day} has no crew call", "add 'crew_call: HH:MM'")
            if not day.written("scenes"):
                out.warning(day.pos, f"shoot day {day.day} has no scenes", "list the scenes in shooting order under 'scenes:'")
            if not day.written("locations"):
                out.warning(day.pos, f"shoot day {day.day} has no location", "add 'locations: [location-id]'")
        elif day.scenes or day.crew_call is not None:
            out.error(
                day.pos,
                f"{day.date} is a {day.type} day but has scenes or a crew call",
                "make it 'type: shoot' with a day number, or remove the scenes and crew call",
            )


@check("dates-in-order")
def dates_in_order(folder: m.ProductionFolder, out: Reporter) -> None:
    by_unit: dict[str, list[m.ShootDay]] = defaultdict(list)
    for day in folder.days:
        by_unit[day.unit].append(day)
    for unit_days in by_unit.values():
        on_date: dict[dt.date, m.ShootDay] = {}
        for day in unit_days:
            if day.date is None:
                continue
            other = on_date.get(day.date)
            if other is not None:
                out.error(
                    day.at("date"),
                    f"{day.date} has two days for unit {day.unit} ({_day_label(other)} and {_day_label(day)})",
                    "correct one date, or give the second unit its own 'unit:'",
                )
            on_date[day.date] = day
        numbered = sorted((d for d in unit_days if d.day is not None and d.date is not None), key=lambda d: d.day or 0)
        for before, after in itertools.pairwise(numbered):
            if after.date <= before.date:
                out.error(
                    after.at("date"),
                    f"day {after.day} is on {after.date}, not after day {before.day} on {before.date}",
                    "shoot days are numbered in date order: check the date or the day number",
                )


def _day_label(day: m.ShootDay) -> str:
    return f"day {day.day}" if day.day is not None else f"a {day.type} day"


@check("day-locations")
def day_locations(folder: m.ProductionFolder, out: Reporter) -> None:
    scenes = {s.number: s for s in folder.scenes}
    for day in shoot_days(folder):
        for number in day.scenes:
            scene = scenes.get(number)
            if scene and scene.location and day.locations and scene.location not in day.locations and not day.invalid:
                out.warning(
                    day.at("locations"),
                    f"scene {number} is shot at {scene.location}, which is not among day {day.day}'s locations",
                    f"add {scene.location} to the day's locations",
                )


@check("day-cast")
def day_cast(folder: m.ProductionFolder, out: Reporter) -> None:
    scenes = {s.number: s for s in folder.scenes}
    numbers = {c.id: c.number for c in folder.cast}
    if {"scenes", "cast"} & folder.incomplete:
        return
    for day in shoot_days(folder):
        if "scenes" in day.invalid:
            continue
        in_scenes = cast_in_scenes(day, scenes)
        called = set()
        for call in day.cast_calls:
            called.add(call.cast)
            if call.cast in numbers and call.cast not in in_scenes and call.status not in MANUAL_STATUSES:
                out.error(
                    call.at("cast"),
                    f"{call.cast} is called on day {day.day} but is in none of its scenes",
                    "remove the call, add the scene, or mark it 'status: H' (hold), T, R or F",
                )
        for member in sorted(in_scenes - called, key=lambda c: numbers.get(c, 0)):
            if member in numbers:
                out.warning(
                    day.at("cast_calls"),
                    f"{member} plays on day {day.day} but has no cast call",
                    f"add '- cast: {member}' with their times under cast_calls",
                )


@check("call-times")
def call_times(folder: m.ProductionFolder, out: Reporter) -> None:
    for day in shoot_days(folder):
        crew_call = day.crew_call
        if crew_call is None:
            continue
        if day.shooting_call is not None and day.shooting_call < crew_call:
            out.error(
                day.at("shooting_call"), f"shooting call {day.shooting_call} is before crew call {crew_call}", "check both times"
            )
        if day.wrap is not None and day.wrap <= crew_call:
            out.error(
                day.at("wrap"),
                f"wrap {day.wrap} is not after crew call {crew_call}",
                "after midnight count on: write 01:30 the next morning as 25:30",
            )
        for call in day.cast_calls:
            steps = [
                (n, t)
                for n, t in (
                    ("pickup", call.pickup),
                    ("makeup", call.makeup),
                    ("wardrobe", call.wardrobe),
                    ("on_set", call.on_set),
                )
                if t is not None
            ]
            # Each step comes after every earlier one; only make-up and wardrobe may come in either order.
            for index, (name_b, b) in enumerate(steps):
                earlier = [(n, t) for n, t in steps[:index] if {n, name_b} != {"makeup", "wardrobe"} and t > b]
                if earlier:
                    name_a, a = earlier[0]
                    out.error(
                        call.at(name_b),
                        f"{call.cast}'s {name_b} {b} is before their {name_a} {a}",
                        "pickup comes first, then make-up and wardrobe, then on set",
                    )


@check("report-times")
def report_times(folder: m.ProductionFolder, out: Reporter) -> None:
    """A day's reported times follow each other; a wrap after midnight written as 01:10 shows up here."""
    order = (
        "crew_call",
        "first_shot",
        "lunch_start",
        "lunch_end",
        "first_shot_after_lunch",
        "camera_wrap",
        "crew_wrap",
        "last_out",
    )
    for report in folder.reports:
        times = [(name, getattr(report, name)) for name in order if getattr(report, name) is not None]
        for (name_a, a), (name_b, b) in itertools.pairwise(times):
            if b < a:
                out.error(
                    report.at(name_b),
                    f"{name_b} {b} is before {name_a} {a}",
                    "after midnight count on: write 01:10 the next morning as 25:10",
                )


@check("pickup-times-agree")
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


@check("pickups-before-call")
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


# ---- people ---------------------------------------------------------------


@check("minors")
def minors(folder: m.ProductionFolder, out: Reporter) -> None:
    dates = [d.date for d in shoot_days(folder) if d.date]
    first_day = min(dates) if dates else None
    for member in folder.cast:
        if member.minor and not member.written("date_of_birth"):
            out.error(
                member.at("minor"),
                f"{member.id} is a minor but has no date_of_birth",
                "add 'date_of_birth: YYYY-MM-DD': working-time rules for children depend on age",
            )
        if member.date_of_birth and first_day and not member.minor and age_on(member.date_of_birth, first_day) < 18:
            out.error(
                member.at("date_of_birth"),
                f"{member.id} is under 18 on the first shoot day but not marked as a minor",
                "add 'minor: yes'",
            )


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@check("availability")
def availability(folder: m.ProductionFolder, out: Reporter) -> None:
    days = shoot_days(folder)
    for member in folder.crew:
        working = [d for d in days if member.days is None or d.day in member.days]
        unavailable = set(member.unavailable)
        for day in working:
            if day.date is None:
                continue
            if day.date in unavailable:
                out.warning(
                    member.at("unavailable"),
                    f"{member.name} is unavailable on {day.date} (day {day.day}) and is left off that day's call sheet",
                    "book a replacement, or list the days they work under 'days:'",
                )
            elif not available_on(member, day.date):
                out.warning(
                    member.at("available"),
                    f"{member.name} is not available on {day.date} (day {day.day}) and is left off that day's call sheet",
                    "check the availability windows, book a replacement, or list the days they work under 'days:'",
                )
        for window in member.available:
            if window.start and window.end and window.end < window.start:
                out.error(window.at("end"), f"availability ends {window.end}, before it starts {window.start}", "swap the dates")


@check("interns")
def interns(folder: m.ProductionFolder, out: Reporter) -> None:
    crew = {c.id: c for c in folder.crew}
    placed = {i.crew for i in folder.interns}
    for internship in folder.interns:
        member = crew.get(internship.crew)
        if member is not None and not member.intern:
            out.error(
                internship.at("crew"),
                f"{internship.crew} has an internship but is not marked as an intern",
                f"add 'intern: yes' to {internship.crew} in crew.yaml",
            )
        if internship.supervisor == internship.crew:
            out.error(
                internship.at("supervisor"), "an intern cannot supervise themselves", "name the crew member who looks after them"
            )
        if not internship.written("agreement_signed"):
            out.warning(
                internship.pos,
                f"the internship of {internship.crew} has no signed agreement",
                "record the date the agreement was signed under 'agreement_signed:'",
            )
        elif internship.agreement_signed and internship.start and internship.agreement_signed > internship.start:
            out.warning(
                internship.at("agreement_signed"),
                f"the agreement of {internship.crew} was signed {internship.agreement_signed}, after the internship started",
                "an intern should not work before the agreement is signed",
            )
        if internship.start and internship.end and internship.end < internship.start:
            out.error(
                internship.at("end"),
                f"the internship ends {internship.end}, before it starts {internship.start}",
                "swap the dates",
            )
    for member in folder.crew:
        if member.intern and member.id not in placed:
            out.warning(
                member.at("intern"),
                f"{member.id} is an intern without an entry in interns.yaml",
                "record their agreement in interns.yaml",
            )


# ---- places, bookings, orders --------------------------------------------------------


@check("locations-complete")
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


@check("bookings")
def bookings(folder: m.ProductionFolder, out: Reporter) -> None:
    for hotel in folder.hotels:
        for booking in hotel.bookings:
            if booking.check_in and booking.check_out and booking.check_out <= booking.check_in:
                out.error(
                    booking.at("check_out"),
                    f"check-out {booking.check_out} is not after check-in {booking.check_in}",
                    "check the dates",
                )


@check("orders")
def orders(folder: m.ProductionFolder, out: Reporter) -> None:
    for order in folder.equipment:
        if order.status in ("approved", "ordered", "delivered", "returned") and not order.approved_by:
            out.error(
                order.at("status"),
                f'order {order.id} is "{order.status}" but nobody approved it',
                "the PM approves before anything is ordered: add 'approved_by: <crew id>'",
            )
        if order.start and order.end and order.end < order.start:
            out.error(order.at("end"), f"order {order.id} ends {order.end}, before it starts {order.start}", "swap the dates")


@check("coordinates-swapped")
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
