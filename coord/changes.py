"""What changed between two loads of a production, in a crew member's words: the "Changes since revision N" list.

The production as it was at the previous revision's commit and as it is now are
compared as model objects, never as text: a value moved to another line or a
comment added is no change. A document of one shoot day (its items name a
`day-NN` variant: the call sheet, the daily report) gets the day's own list:
"Crew call 07:00 → 06:30", "Scene 14 added", "Scene 9 moved to day 5", "Location:
Old Harbour instead of Pier 7", "Tom Ries (Gaffer): call 07:00 → 06:15", "Pickup
for #2 Clara Sandmann now 05:40 from Hotel Elbblick". Any other document gets the
changes of the inputs it is made from, each day's prefixed with its number.

Each change names the people it concerns most, so that a personal copy lists them
first. Only what a distributed document may print is ever named: fields that are
private (coord.privacy), pickups from a private home (printed as Home) and the
office's own notes stay out; where a change has nothing printable to show, the
list says "Other changes in FILE".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from coord import kinds as k
from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context
from coord.documents.common import Lookups, clock, format_date, lookups, weekday_date, who
from coord.load import FILES, INPUTS, REPORTS
from coord.privacy import is_private
from coord.values import Time

EVERYONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Change:
    """One line of the list, and the crew and cast ids it concerns most (none: everyone alike)."""

    text: str
    people: frozenset[str] = EVERYONE


#: The fields of each kind of entry a change may name, with the label each is printed under;
#: other fields (notes for the office, pay, dates of birth ...) are never named.
PRINTED: dict[type, dict[str, str]] = {
    m.Production: {
        "title": "title",
        "company": "company",
        "episode": "episode",
        "office": "office",
        "key_contacts": "key_contacts",
        "emergency_numbers": "emergency_numbers",
    },
    m.CrewMember: {"name": "name", "role": "position", "department": "department", "phone": "phone", "email": "email"},
    m.CastMember: {"actor": "actor", "character": "character", "number": "number", "phone": "phone", "email": "email"},
    m.Location: {
        "name": "name",
        "address": "address",
        "coordinates": "map",
        "parking": "parking",
        "unit_base": "unit_base",
        "contact": "contact",
        "hospital": "hospital",
        "notes": "notes",
    },
    m.Scene: {
        "set": "set",
        "int_ext": "int_ext",
        "time_of_day": "day_night",
        "pages": "pages",
        "cast": "cast",
        "location": "location",
        "synopsis": "synopsis",
        "extras": "background",
    },
    m.Hotel: {"name": "name", "address": "address", "phone": "phone", "email": "email"},
    m.Vehicle: {"type": "vehicle", "plate": "plate", "seats": "seats", "driver": "driver"},
    m.Background: {"count": "count", "call": "call", "report_to": "report_to"},
    m.ShootDay: {"description": "description_day", "unit": "unit"},
    m.DayReport: {
        "crew_call": "crew_call",
        "first_shot": "first_shot",
        "lunch_start": "lunch_start",
        "lunch_end": "lunch_end",
        "second_meal_start": "second_meal_start",
        "second_meal_end": "second_meal_end",
        "first_shot_after_lunch": "first_shot_after_lunch",
        "camera_wrap": "camera_wrap",
        "crew_wrap": "crew_wrap",
        "last_out": "last_out",
    },
}
#: A shoot day's times as the call sheet names them.
DAY_TIMES = (("crew_call", "crew_call"), ("shooting_call", "shooting_call"), ("wrap", "est_wrap"))
MEAL_TIMES = (("breakfast", "breakfast"), ("lunch", "lunch"), ("second_meal", "second_meal"))
CAST_FIELDS = (("pickup", "pickup"), ("makeup", "makeup"), ("wardrobe", "wardrobe"), ("on_set", "on_set"))
CAST_WORDS = (("status", "status"), ("remarks", "remarks"))
NOTHING = "–"


def changes(
    before: m.ProductionFolder, after: m.ProductionFolder, inputs: Collection[str], day: int | None = None
) -> list[Change]:
    """The changes from `before` to `after` in the inputs a document is made from; the day's own list when `day` is given."""
    diff = _Diff(before, after, frozenset(inputs))
    return diff.of_day(day) if day is not None else diff.of_inputs()


def box(found: list[Change], since: int | str, language: str, person: str | None = None) -> Context:
    """The "Changes since revision N" box (or since a commit or tag) of a document: `person`'s changes first, marked theirs."""
    words = lb.labels(language)
    mine = [c for c in found if person is not None and person in c.people]
    rest = [c for c in found if c not in mine]
    title = (
        words["changes_since"].format(number=since)
        if isinstance(since, int)
        else words["changes_since_commit"].format(revision=since)
    )
    return {
        "title": title,
        "lines": [{"text": c.text, "mine": True} for c in mine] + [{"text": c.text, "mine": False} for c in rest],
        "none": words["changes_none"],
    }


class _Side:
    """One of the two loads, with what the comparison looks up in it."""

    def __init__(self, folder: m.ProductionFolder):
        self.folder = folder
        self.found: Lookups = lookups(folder)
        crew = {i: c.name for i, c in self.found.crew.items()}
        cast = {i: f"#{c.number} {c.actor}" for i, c in self.found.cast.items()}
        self.names: dict[str, dict[str, str]] = {
            "crew": crew,
            "cast": cast,
            "person": {**cast, **crew},
            "location": {i: loc.name for i, loc in self.found.locations.items()},
            "vehicle": {i: v.type for i, v in self.found.vehicles.items()},
        }
        self.scene_days: dict[str, int] = {}
        for shoot_day in self.found.days:
            for number in shoot_day.scenes:
                self.scene_days.setdefault(number, shoot_day.day or 0)

    def day(self, number: int) -> m.ShootDay | None:
        return next((d for d in self.found.days if d.day == number), None)

    def who(self, person: str) -> str:
        return who(person, self.found)[0]

    def location(self, location: str) -> str:
        return self.names["location"].get(location, location)

    def vehicle(self, vehicle: str | None) -> str:
        found = self.found.vehicles.get(vehicle or "")
        driver = self.found.crew.get(found.driver or "") if found else None
        return " · ".join(x for x in (found.type if found else "", driver.name if driver else "") if x) or NOTHING


def _call_source(member: m.CrewMember, day: m.ShootDay) -> str:
    """Where a crew member's call comes from: their own, their department's, or the crew call."""
    if member.id in day.calls:
        return "own"
    return f"department:{member.department}" if member.department in day.department_calls else "crew"


class _Diff:
    def __init__(self, before: m.ProductionFolder, after: m.ProductionFolder, inputs: frozenset[str]):
        self.old, self.new = _Side(before), _Side(after)
        self.inputs = inputs
        self.language = after.production.language
        self.words = lb.labels(self.language)
        self.other: list[str] = []

    # ---- a document of one shoot day ---------------------------------------------------

    def of_day(self, number: int) -> list[Change]:
        old, new = self.old.day(number), self.new.day(number)
        if old is None or new is None:
            return []
        found = self.day(old, new) + self.advance(number)
        if "locations" in self.inputs:
            for location in new.locations:
                found += self.entry_pair(self.old.found.locations.get(location), self.new.found.locations.get(location))
        if "scenes" in self.inputs:
            for scene in new.scenes:
                if scene in old.scenes:
                    found += self.entry_pair(self.old.found.scenes.get(scene), self.new.found.scenes.get(scene))
        if "crew" in self.inputs:
            for member in self.new.found.crew.values():
                if plan.works_on(member, new):
                    found += self.entry_pair(self.old.found.crew.get(member.id), member, {member.id})
        if "cast" in self.inputs:
            for call in new.cast_calls:
                found += self.entry_pair(self.old.found.cast.get(call.cast), self.new.found.cast.get(call.cast), {call.cast})
        if "reports" in self.inputs:
            old_report = next((r for r in self.old.folder.reports if r.day == number), None)
            new_report = next((r for r in self.new.folder.reports if r.day == number), None)
            lines = self.entry_pair(old_report, new_report)
            if old_report != new_report and not lines:
                self.other.append(f"{REPORTS}/day-{number:02d}.yaml")
            found += lines
        if "production" in self.inputs:
            found += self.entry_pair(self.old.folder.production, self.new.folder.production)
        return found + [Change(self.words["chg_other"].format(file=file)) for file in dict.fromkeys(self.other)]

    def day(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        """What a call sheet reader must know about one day that changed: in the order the sheet reads."""
        found: list[Change] = []
        if old.date != new.date:
            found.append(
                Change(
                    self.words["chg_date"].format(
                        new=weekday_date(new.date, self.language), old=weekday_date(old.date, self.language)
                    )
                )
            )
        following_crew_call = self.following(self.new, new, "crew") | self.following(self.old, old, "crew")
        for attr, label in DAY_TIMES:
            people = following_crew_call if attr == "crew_call" else EVERYONE
            found += self.time(self.words[label], getattr(old, attr), getattr(new, attr), people)
        for attr, label in MEAL_TIMES:
            found += self.time(self.words[label], getattr(old.meals, attr, None), getattr(new.meals, attr, None))
        found += self.locations(old, new)
        if "scenes" in self.inputs:
            found += self.scenes(old, new)
        if "crew" in self.inputs:
            found += self.crew_calls(old, new)
        if "cast" in self.inputs:
            found += self.cast_calls(old, new)
        if "transport" in self.inputs:
            found += self.pickups(old, new)
        found += self.notes(old, new)
        found += self.background(old, new)
        if old.weather != new.weather:
            found.append(Change(self.text_change(self.words["weather"], _weather(old.weather), _weather(new.weather))))
        found += self.entry_pair(old, new)
        return found

    def advance(self, number: int) -> list[Change]:
        """The next shoot day as the sheet's advance schedule shows it: its crew call and its scenes."""
        old = next((d for d in self.old.found.days if (d.day or 0) > number), None)
        new = next((d for d in self.new.found.days if (d.day or 0) > number), None)
        if old is None or new is None or old.day != new.day:
            return []
        found = self.time(self.words["crew_call"], old.crew_call, new.crew_call)
        if old.scenes != new.scenes:
            found.append(Change(self.text_change(self.words["scenes"], ", ".join(old.scenes), ", ".join(new.scenes))))
        return [Change(self.words["chg_advance"].format(day=new.day, change=c.text), c.people) for c in found]

    def time(self, what: str, old: Time | None, new: Time | None, people: frozenset[str] = EVERYONE) -> list[Change]:
        if old == new:
            return []
        return [Change(self.text_change(what, clock(old), clock(new)), people)]

    def text_change(self, what: str, old: str, new: str) -> str:
        return self.words["chg_time"].format(what=what, old=old or NOTHING, new=new or NOTHING)

    def following(self, side: _Side, day: m.ShootDay, source: str) -> frozenset[str]:
        """The crew working on `day` whose call comes from `source` (crew, or department:NAME)."""
        return frozenset(
            member.id for member in side.found.crew.values() if plan.works_on(member, day) and _call_source(member, day) == source
        )

    def locations(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        """The main location replaced ("X instead of Y", when Y is gone from the day), others added or dropped."""
        found: list[Change] = []
        replaced: set[str] = set()
        if old.locations and new.locations and old.locations[0] != new.locations[0] and old.locations[0] not in new.locations:
            replaced = {old.locations[0], new.locations[0]}
            text = self.words["chg_location"].format(
                new=self.new.location(new.locations[0]), old=self.old.location(old.locations[0])
            )
            found.append(Change(text))
        for location in new.locations:
            if location not in old.locations and location not in replaced:
                found.append(Change(self.words["chg_location_added"].format(name=self.new.location(location))))
        for location in old.locations:
            if location not in new.locations and location not in replaced:
                found.append(Change(self.words["chg_location_dropped"].format(name=self.old.location(location))))
        return found

    def scenes(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        found: list[Change] = []
        number = new.day or 0
        for scene in new.scenes:
            if scene not in old.scenes:
                was_on = self.old.scene_days.get(scene)
                key = "chg_scene_moved_here" if was_on and was_on != number else "chg_scene_added"
                found.append(Change(self.words[key].format(number=scene, day=was_on), self.cast_of(self.new, scene)))
        for scene in old.scenes:
            if scene not in new.scenes:
                now_on = self.new.scene_days.get(scene)
                if now_on and now_on != number:
                    text = self.words["chg_scene_moved"].format(number=scene, day=now_on)
                else:
                    text = self.words["chg_scene_dropped"].format(number=scene)
                found.append(Change(text, self.cast_of(self.old, scene)))
        kept_new = [s for s in new.scenes if s in old.scenes]
        kept_old = [s for s in old.scenes if s in new.scenes]
        if kept_new != kept_old:
            found.append(Change(self.words["chg_scene_order"].format(order=", ".join(new.scenes))))
        return found

    def cast_of(self, side: _Side, scene: str) -> frozenset[str]:
        found = side.found.scenes.get(scene)
        return frozenset(found.cast) if found else EVERYONE

    def crew_calls(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        found: list[Change] = []
        for department in m.DEPARTMENTS:
            if department in old.department_calls or department in new.department_calls:
                before = old.department_calls.get(department, old.crew_call)
                after = new.department_calls.get(department, new.crew_call)
                if before != after:
                    what = lb.department(department, self.language)
                    text = self.words["chg_department_call"].format(department=what, old=clock(before), new=clock(after))
                    found.append(Change(text, self.following(self.new, new, f"department:{department}")))
        for person in dict.fromkeys([*self.old.found.crew, *self.new.found.crew]):
            was = plan.call_of(person, old, self.old.found.crew)
            now = plan.call_of(person, new, self.new.found.crew)
            if was == now:
                continue
            name = self.new.who(person) if person in self.new.found.crew else self.old.who(person)
            if was is None:
                text = self.words["chg_now_called"].format(who=name, call=clock(now))
            elif now is None:
                text = self.words["chg_not_called"].format(who=name)
            else:
                source = _call_source(self.old.found.crew[person], old)
                if source != "own" and source == _call_source(self.new.found.crew[person], new):
                    continue  # the crew call or the department call changed, and says so above
                text = self.words["chg_call"].format(who=name, old=clock(was), new=clock(now))
            found.append(Change(text, frozenset({person})))
        return found

    def cast_calls(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        found: list[Change] = []
        before = {c.cast: c for c in old.cast_calls}
        after = {c.cast: c for c in new.cast_calls}
        for person in dict.fromkeys([*after, *before]):
            was, now = before.get(person), after.get(person)
            if was == now:
                continue
            if was is None:
                assert now is not None  # noqa: S101 - one of the two is there
                call = clock(plan.cast_first_call(now)) or NOTHING
                text = self.words["chg_now_called"].format(who=self.new.who(person), call=call)
            elif now is None:
                text = self.words["chg_not_called"].format(who=self.old.who(person))
            else:
                parts = [
                    self.text_change(self.words[label], clock(getattr(was, attr)), clock(getattr(now, attr)))
                    for attr, label in CAST_FIELDS
                    if getattr(was, attr) != getattr(now, attr)
                ]
                parts += [
                    self.text_change(self.words[label], getattr(was, attr) or "", getattr(now, attr) or "")
                    for attr, label in CAST_WORDS
                    if getattr(was, attr) != getattr(now, attr)
                ]
                if not parts:
                    continue
                text = f"{self.new.who(person)}: {', '.join(parts)}"
            found.append(Change(text, frozenset({person})))
        return found

    def pickups(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        found: list[Change] = []
        before = self.pickups_by_person(self.old, old)
        after = self.pickups_by_person(self.new, new)
        for person in dict.fromkeys([*after, *before]):
            was, now = before.get(person, []), after.get(person, [])
            if was == now:
                continue
            side = self.new if now else self.old
            concerned = frozenset({person, *(p["driver"] for p in [*was, *now] if p["driver"])})
            name = side.who(person)
            if not now:
                found.append(Change(self.words["chg_pickup_dropped"].format(who=name), concerned))
            elif not was:
                found += [Change(self.words["chg_pickup_new"].format(who=name, **p), concerned) for p in now]
            elif len(was) == len(now) == 1 and _but_vehicle(was[0]) == _but_vehicle(now[0]):
                text = self.words["chg_pickup_vehicle"].format(who=name, new=now[0]["vehicle"], old=was[0]["vehicle"])
                found.append(Change(text, concerned))
            else:
                found += [Change(self.words["chg_pickup"].format(who=name, **p), concerned) for p in now if p not in was]
        return found

    def pickups_by_person(self, side: _Side, day: m.ShootDay) -> dict[str, list[dict[str, str]]]:
        """Each person's pickups of the day as printed: time, where from (never a private home), where to, vehicle."""
        found: dict[str, list[dict[str, str]]] = {}
        production = side.folder.production
        for pickup in side.found.pickups_of(day):
            vehicle = side.found.vehicles.get(pickup.vehicle or "")
            found.setdefault(pickup.person, []).append(
                {
                    "time": clock(pickup.time),
                    "origin": side.found.origin(pickup, production),
                    "to": side.location(pickup.to or (day.locations[0] if day.locations else "")),
                    "vehicle": side.vehicle(pickup.vehicle),
                    "driver": (vehicle.driver or "") if vehicle else "",
                }
            )
        return found

    def notes(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        found: list[Change] = []
        for department in m.DEPARTMENTS:
            was, now = old.notes.get(department), new.notes.get(department)
            if was != now:
                what = lb.department(department, self.language)
                text = (
                    self.words["chg_note"].format(department=what, text=now)
                    if now
                    else self.words["chg_note_dropped"].format(department=what)
                )
                found.append(Change(text, self.in_department(new, department)))
        found += [Change(self.words["chg_safety"].format(text=s)) for s in new.safety if s not in old.safety]
        found += [Change(self.words["chg_safety_dropped"].format(text=s)) for s in old.safety if s not in new.safety]
        return found

    def in_department(self, day: m.ShootDay, department: str) -> frozenset[str]:
        return frozenset(c.id for c in self.new.found.crew.values() if c.department == department and plan.works_on(c, day))

    def background(self, old: m.ShootDay, new: m.ShootDay) -> list[Change]:
        found: list[Change] = []
        before = {b.description: b for b in old.background}
        after = {b.description: b for b in new.background}
        for description, group in after.items():
            if description not in before:
                text = self.words["chg_background_added"].format(count=group.count, description=description)
                found.append(Change(text))
            else:
                found += self.entry_pair(before[description], group)
        found += [Change(self.words["chg_background_dropped"].format(description=d)) for d in before if d not in after]
        return found

    # ---- any document: the changes of its inputs -----------------------------------------

    def of_inputs(self) -> list[Change]:
        found: list[Change] = []
        for name in INPUTS:
            if name not in self.inputs:
                continue
            before, after = getattr(self.old.folder, name), getattr(self.new.folder, name)
            if before == after:
                continue
            if name == "production":
                found += self.entry_pair(before, after)
            elif name == "days":
                found += self.days()
            elif name == "transport":
                found += self.keyed(before.vehicles, after.vehicles, "transport", lambda v: v.id)
                if before.pickups != after.pickups and "days" not in self.inputs:
                    self.other.append(_file("transport"))
            elif name in ("crew", "cast", "locations", "hotels"):
                found += self.keyed(before, after, name, lambda e: e.id)
            elif name == "scenes":
                found += self.keyed(before, after, name, lambda s: s.number)
            else:
                self.other.append(_file(name))
        return found + [Change(self.words["chg_other"].format(file=file)) for file in dict.fromkeys(self.other)]

    def days(self) -> list[Change]:
        """Every shoot day's own changes, prefixed with its number; days added or dropped; the days off as a whole."""
        found: list[Change] = []
        numbers = dict.fromkeys([*(d.day for d in self.new.found.days), *(d.day for d in self.old.found.days)])
        for number in numbers:
            old, new = self.old.day(number or 0), self.new.day(number or 0)
            if old is None or new is None:
                side, day = (self.new, new) if new is not None else (self.old, old)
                assert day is not None  # noqa: S101 - it is in one of the two
                what = f"{self.title(side, day)} · {weekday_date(day.date, self.language)}"
                found.append(Change(self.words["chg_added" if old is None else "chg_removed"].format(what=what)))
            elif old != new:
                found += [Change(self.words["chg_day"].format(day=number, change=c.text), c.people) for c in self.day(old, new)]
        days_off = [[d for d in side.folder.days if d.day is None] for side in (self.old, self.new)]
        if days_off[0] != days_off[1]:
            self.other.append(_file("days"))
        return found

    def keyed(self, before: Any, after: Any, name: str, key: Any) -> list[Change]:
        """Entries added, dropped and changed, matched by id (or scene number)."""
        found: list[Change] = []
        old = {key(e): e for e in before}
        new = {key(e): e for e in after}
        for entry_id, entry in new.items():
            if entry_id not in old:
                found.append(Change(self.words["chg_added"].format(what=self.title(self.new, entry)), self.concerning(entry)))
            elif old[entry_id] != entry:
                lines = self.entry_pair(old[entry_id], entry, self.concerning(entry))
                if not lines:
                    self.other.append(_file(name))
                found += lines
        for entry_id, entry in old.items():
            if entry_id not in new:
                found.append(Change(self.words["chg_removed"].format(what=self.title(self.old, entry)), self.concerning(entry)))
        return found

    # ---- one entry, field by field ------------------------------------------------------------

    def entry_pair(self, old: Any, new: Any, people: Collection[str] = EVERYONE) -> list[Change]:
        """The printable fields that differ between two versions of one entry, each on its own line."""
        if old is None or new is None or old == new:
            return []
        printed = PRINTED.get(type(new), {})
        title = self.title(self.new, new)
        found = []
        for _key, attr, meta in m.schema_fields(type(new)):
            label = printed.get(attr)
            was, now = getattr(old, attr), getattr(new, attr)
            if label is None or was == now or self.withheld(old, new, attr):
                continue
            kind = meta["kind"]
            text = self.words["chg_field"].format(
                what=title,
                field=self.words[label],
                old=self.value(self.old, was, kind, attr),
                new=self.value(self.new, now, kind, attr),
            )
            found.append(Change(text, frozenset(people)))
        return found

    def withheld(self, old: Any, new: Any, attr: str) -> bool:
        """A private field of a person, on either side: never printed, so never named."""
        return any(
            isinstance(person, m.Person) and is_private(person, attr, side.folder.production)
            for person, side in ((old, self.old), (new, self.new))
        )

    def title(self, side: _Side, entry: Any) -> str:
        """What a change names an entry by."""
        if isinstance(entry, m.CrewMember | m.CastMember):
            return side.who(entry.id)
        if isinstance(entry, m.Scene):
            return self.words["chg_scene"].format(number=entry.number)
        if isinstance(entry, m.ShootDay):
            return self.words["day_of"].format(day=entry.day, total=len(side.found.days))
        if isinstance(entry, m.Production):
            return entry.title
        if isinstance(entry, m.DayReport):
            return self.words["daily_report"]
        if isinstance(entry, m.Background):
            return self.words["chg_background_group"].format(description=entry.description)
        if isinstance(entry, m.Vehicle):
            return f"{entry.type} ({entry.id})"
        return str(getattr(entry, "name", ""))

    def concerning(self, entry: Any) -> frozenset[str]:
        return frozenset({entry.id}) if isinstance(entry, m.CrewMember | m.CastMember) else EVERYONE

    def value(self, side: _Side, value: Any, kind: k.Kind, attr: str = "") -> str:
        """A value as a document prints it: times as 07:30, people and places by name, departments in words."""
        if value is None or value == () or value == {}:
            return NOTHING
        if isinstance(kind, k.ListOf):
            return ", ".join(self.value(side, item, kind.item) for item in value)
        if isinstance(kind, k.MapOf):
            return ", ".join(f"{key}: {self.value(side, v, kind.value)}" for key, v in value.items())
        if isinstance(kind, k.Record):
            shown = (self.value(side, getattr(value, a), meta["kind"], a) for _key, a, meta in m.schema_fields(type(value)))
            return ", ".join(text for text in shown if text != NOTHING)
        if isinstance(kind, k.Ref):
            return side.names.get(kind.target, {}).get(value, str(value))
        if attr == "department":
            return lb.department(value, self.language)
        if attr == "int_ext":
            return lb.int_ext_code(value, self.language)
        if attr == "time_of_day":
            return lb.time_of_day_code(value, self.language)
        if isinstance(value, Time):
            return clock(value)
        if isinstance(value, bool):
            return self.words["yes" if value else "no"]
        if isinstance(value, dt.date):
            return format_date(value, self.language)
        return str(value)


def _but_vehicle(pickup: dict[str, str]) -> dict[str, str]:
    return {**pickup, "vehicle": "", "driver": ""}


def _weather(weather: m.Weather | None) -> str:
    if weather is None:
        return ""
    temperatures = f"{weather.high}°/{weather.low}°" if weather.high is not None and weather.low is not None else ""
    return " ".join(x for x in (weather.forecast or "", temperatures) if x)


def _file(name: str) -> str:
    """The file (or folder) an input is written in, as the coordinator knows it."""
    return next((spec.name for spec in FILES if spec.attr == name), f"{name}/")
