"""The contact list: who to call, as plain data for the templates, and as CSV and vCard for phones and spreadsheets.

Two versions are made from the same data. The distributed one (the default)
withholds every private field (`privacy.is_private`); the office one prints
them and says on every page, row set and card that it must not be passed on.
"""

from __future__ import annotations

from typing import Any

from coord import labels as lb
from coord import model as m
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, slug
from coord.orders import CLOSED, status
from coord.privacy import is_private

#: The inputs a contact list is made from; errors elsewhere (schedule, transport) do not block it.
INPUTS = ("production", "crew", "cast", "locations", "hotels", "equipment")
#: The columns of the CSV export, in order (documented in the README).
CSV_COLUMNS = ("kind", "department", "role", "name", "phone", "email", "address", "agent", "agency", "represents")

Person = m.CrewMember | m.CastMember


def items(folder: m.ProductionFolder, office: bool = False) -> list[Item]:
    """The distributed list, or the office copy with every private field (written owner-only)."""
    return [
        Item(
            f"contacts{'-office' if office else ''}",
            contact_list(folder, office),
            {"csv": contacts_csv(folder, office), "vcf": contact_cards(folder, office)},
            private=office,
            variants=("office",) if office else (),
        )
    ]


DOCUMENT = register(Document("contacts", "contact list", INPUTS, "contacts", items, exports=("csv", "vcf")))


def contact_list(folder: m.ProductionFolder, office: bool = False) -> Context:
    """Everything the contact list prints, in the order it prints it; `office` adds the private fields."""
    production = folder.production
    language = production.language
    return {
        **common_context(production),
        "office_copy": office,
        "emergency": [{"label": e.label, "phone": e.phone} for e in production.emergency_numbers],
        "crew": [
            {
                "department": lb.department(department, language),
                "people": [{"role": c.role, "name": c.name, **_printed(c, production, office)} for c in members],
            }
            for department, members in crew_by_department(folder)
        ],
        "cast": [
            {
                "number": c.number,
                "actor": c.actor,
                "character": c.character,
                **_printed(c, production, office),
                "agent": _agent(c.agent),
            }
            for c in sorted(folder.cast, key=lambda c: c.number)
        ],
        "vendors": _vendors(folder.equipment, language),
        "hotels": [
            {
                "name": h.name,
                "address": h.address,
                "phone": h.phone or "",
                "email": h.email or "",
                "contact": _contact(h.contact),
            }
            for h in folder.hotels
        ],
        "locations": [{"name": loc.name, "address": loc.address, "contact": _contact(loc.contact)} for loc in folder.locations],
        "hospitals": _hospitals(folder.locations),
    }


def reachable(person: Person, production: m.Production, office: bool) -> dict[str, Any]:
    """Phone, e-mail and address as this version may give them, and which of those given are private."""
    values: dict[str, Any] = {}
    private = []
    for field in m.PRIVATE_FIELDS:
        value = getattr(person, field, None) or ""
        if value and is_private(person, field, production):
            if office:
                private.append(field)
            else:
                value = ""
        values[field] = value
    values["private"] = private
    return values


def _printed(person: Person, production: m.Production, office: bool) -> dict[str, Any]:
    """The printed list shows home addresses only in the office version, even shared ones: it is a phone list."""
    values = reachable(person, production, office)
    if not office:
        values["address"] = ""
    return values


def crew_by_department(folder: m.ProductionFolder) -> list[tuple[str, list[m.CrewMember]]]:
    """The crew grouped by department in the industry's order (coord.model.DEPARTMENTS); empty departments left out."""
    groups = [(department, [c for c in folder.crew if c.department == department]) for department in m.DEPARTMENTS]
    return [(department, members) for department, members in groups if members]


def _joined(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _contact(contact: m.Contact | None) -> str:
    if contact is None:
        return ""
    name = f"{contact.name} ({contact.role})" if contact.role else contact.name
    return _joined(name, contact.phone, contact.email)


def _agent(agent: m.Agent | None) -> str:
    if agent is None:
        return ""
    name = f"{agent.name} ({agent.agency})" if agent.agency else agent.name
    return _joined(name, agent.phone, agent.email)


def _vendors(orders: tuple[m.Order, ...], language: str) -> list[dict[str, str]]:
    """One entry per vendor name (cancelled and rejected orders left out), the first value given for each field, by name."""
    merged: dict[str, dict[str, Any]] = {}
    for order in orders:
        vendor = order.vendor
        if vendor is None or status(order) in CLOSED:
            continue
        entry = merged.setdefault(vendor.name.strip().casefold(), {"name": vendor.name, "departments": set()})
        for field in ("contact", "phone", "email", "address"):
            entry[field] = entry.get(field) or getattr(vendor, field) or ""
        entry["departments"].add(order.department)
    return [
        {
            **entry,
            "departments": ", ".join(lb.department(d, language) for d in m.DEPARTMENTS if d in entry["departments"]),
        }
        for _, entry in sorted(merged.items())
    ]


def _hospitals(locations: tuple[m.Location, ...]) -> list[dict[str, str]]:
    """Each hospital once, with the locations it is nearest to."""
    by_name: dict[str, dict[str, Any]] = {}
    for loc in locations:
        if loc.hospital is None:
            continue
        hospital = loc.hospital
        entry = by_name.setdefault(
            hospital.name, {"name": hospital.name, "address": hospital.address, "phone": hospital.phone, "locations": []}
        )
        entry["locations"].append(loc.name)
    return [{**entry, "locations": ", ".join(entry["locations"])} for entry in by_name.values()]


# ---- CSV and vCard exports -----------------------------------------------------------


def csv_rows(folder: m.ProductionFolder, office: bool) -> list[dict[str, str]]:
    """One row per crew member, cast member and agent (an agent of several actors once)."""
    production = folder.production
    words = lb.labels(production.language)
    rows = []
    for department, members in crew_by_department(folder):
        for c in members:
            rows.append(
                _csv_row("crew", lb.department(department, production.language), c.role, c.name, reachable(c, production, office))
            )
    agents: dict[tuple[str, str], dict[str, str]] = {}
    for actor in sorted(folder.cast, key=lambda a: a.number):
        agent = actor.agent
        row = _csv_row("cast", words["cast"], actor.character, actor.actor, reachable(actor, production, office))
        if agent is not None:
            row.update(agent=agent.name, agency=agent.agency or "")
            contact = {"phone": agent.phone or "", "email": agent.email or "", "address": ""}
            entry = agents.setdefault(
                (agent.name, agent.agency or ""), _csv_row("agent", "", words["agent"], agent.name, contact)
            )
            entry["agency"] = agent.agency or ""
            entry["represents"] = "; ".join(x for x in (entry["represents"], actor.actor) if x)
        rows.append(row)
    return rows + list(agents.values())


def _csv_row(kind: str, department: str, role: str, name: str, contact: dict[str, Any]) -> dict[str, str]:
    row = dict.fromkeys(CSV_COLUMNS, "")
    row.update(kind=kind, department=department, role=role, name=name)
    row.update((field, contact[field]) for field in ("phone", "email", "address"))
    return row


def contacts_csv(folder: m.ProductionFolder, office: bool) -> list[list[Any]]:
    """The CSV's rows; the office copy starts with a warning line. A phone cell is `{"phone": number}`, so that
    coord.exports writes it as a spreadsheet keeps it: as text."""
    warning = [[lb.labels(folder.production.language)["office_copy"]]] if office else []
    return [
        *warning,
        list(CSV_COLUMNS),
        *([{"phone": row[c]} if c == "phone" and row[c] else row[c] for c in CSV_COLUMNS] for row in csv_rows(folder, office)),
    ]


def contact_cards(folder: m.ProductionFolder, office: bool) -> list[dict[str, Any]]:
    """One vCard per crew and cast member, as plain data (coord.exports writes them as vCard 3.0)."""
    production = folder.production
    words = lb.labels(production.language)
    domain = f"{slug(production.title)}.coord"
    people: list[tuple[Person, str, str, str, str]] = []
    for department, members in crew_by_department(folder):
        for c in members:
            people.append((c, c.name, c.role, lb.department(department, production.language), ""))
    for a in sorted(folder.cast, key=lambda c: c.number):
        title = f"{words['cast']} #{a.number} · {a.character}"
        agent = f"{words['agent']}: {_agent(a.agent)}" if a.agent else ""
        people.append((a, a.actor, title, words["cast"], agent))
    cards = []
    for person, name, title, category, agent in people:
        given, family = split_name(name)
        contact = reachable(person, production, office)
        cards.append(
            {
                "uid": f"{person.id}@{domain}",
                "name": name,
                "given": given,
                "family": family,
                "title": title,
                "category": category,
                "organisation": production.title,
                "phone": contact["phone"],
                "email": contact["email"],
                "address": contact["address"],
                "note": "\n".join(x for x in (words["office_copy"] if office else "", agent) if x),
            }
        )
    return cards


def split_name(name: str) -> tuple[str, str]:
    """Given and family name: the family name starts at a lowercase particle (de Groot, van Leeuwen) or is the last word."""
    words = name.split()
    if len(words) < 2:
        return "", name
    start = next((i for i in range(1, len(words) - 1) if words[i][0].islower()), len(words) - 1)
    return " ".join(words[:start]), " ".join(words[start:])
