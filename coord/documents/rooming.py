"""The rooming list: each hotel's guests in the form hotels expect, and nights and cost for the accounts, also as CSV.

A guest is printed by name and position (crew) or by the actor's name; no phone,
e-mail or home address of a guest is ever on it, so the copy for one hotel
(`--hotel ID`) may be sent to that hotel as it is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from coord import labels as lb
from coord import model as m
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, format_date, short_date
from coord.errors import CoordError
from coord.kinds import suggest

INPUTS = ("production", "crew", "cast", "hotels")
#: The columns of the CSV export, in order (documented in the README).
CSV_COLUMNS = (
    "hotel", "guest", "position", "check_in", "check_out", "nights", "day_room", "room", "bed", "confirmation",
    "paid_by", "rate", "currency", "cost", "requests",
)  # fmt: skip


def items(folder: m.ProductionFolder, hotel: str | None = None) -> list[Item]:
    """Every hotel's list with the accounts, or the list for the one hotel asked for."""
    hotels = [h for h in folder.hotels if hotel in (None, h.id)]
    if hotel is not None and not hotels:
        close = suggest(hotel, [h.id for h in folder.hotels])
        known = ", ".join(h.id for h in folder.hotels) or "none yet"
        raise CoordError(
            f'--hotel "{hotel}": there is no such hotel' + (f'; did you mean "{close}"?' if close else f"; hotels: {known}")
        )
    context = rooming_list(folder, hotels, accounts=hotel is None)
    return [
        Item(
            f"rooming-{hotel}" if hotel else "rooming", context, {"csv": rooming_csv(context)}, variants=(hotel,) if hotel else ()
        )
    ]


DOCUMENT = register(Document("rooming", "rooming list", INPUTS, "rooming", items, exports=("csv",)))


def rooming_list(folder: m.ProductionFolder, hotels: list[m.Hotel], accounts: bool = True) -> Context:
    """The rooming list of `hotels`, sorted by arrival, day rooms apart; `accounts` adds the totals per hotel and person."""
    production = folder.production
    language = production.language
    names = _guests(folder)
    sections = []
    for hotel in hotels:
        dated = sorted((b for b in hotel.bookings if b.check_in and b.check_out), key=lambda b: (b.check_in, b.guest))
        rows = [_row(hotel, b, names, language) for b in dated]
        sections.append(
            {
                "id": hotel.id,
                "name": hotel.name,
                "address": hotel.address,
                "phone": hotel.phone or "",
                "email": hotel.email or "",
                "contact": hotel.contact.name if hotel.contact else "",
                "rooms": [r for r in rows if not r["is_day_room"]],
                "day_rooms": [r for r in rows if r["is_day_room"]],
                "nights": sum(r["night_count"] for r in rows),
                "nights_text": lb.labels(language)["n_nights"].format(n=sum(r["night_count"] for r in rows)),
                "cost": _money(rows),
            }
        )
    return {
        **common_context(production),
        "hotels": sections,
        "accounts": _accounts(sections) if accounts else None,
    }


def _guests(folder: m.ProductionFolder) -> dict[str, tuple[str, str]]:
    """Each person's name as a hotel books it, and their position: crew by name and role, cast by the actor's name."""
    names = {c.id: (c.actor, f"Cast #{c.number}") for c in folder.cast}
    names.update((c.id, (c.name, c.role)) for c in folder.crew)
    return names


def _row(hotel: m.Hotel, booking: m.Booking, names: dict[str, tuple[str, str]], language: str) -> dict[str, Any]:
    words = lb.labels(language)
    name, position = names.get(booking.guest, (booking.guest, ""))
    nights = 0 if booking.day_room else (booking.check_out - booking.check_in).days
    cost = booking.rate * max(nights, 1) if booking.rate is not None else None  # a day room costs its rate once
    return {
        "hotel": hotel.name,
        "guest": name,
        "position": position,
        "check_in": short_date(booking.check_in, language),
        "check_out": short_date(booking.check_out, language),
        "check_in_iso": booking.check_in.isoformat(),
        "check_out_iso": booking.check_out.isoformat(),
        "date": format_date(booking.check_in, language),
        "nights": str(nights),
        "night_count": nights,
        "is_day_room": booking.day_room,
        "room": booking.room or "",
        "bed": words[f"bed_{booking.bed}"] if booking.bed else "",
        "confirmation": booking.confirmation or "",
        "billing": words[f"paid_by_{booking.paid_by}"],
        "paid_by": booking.paid_by,
        "rate": f"{booking.rate:.2f} {booking.currency}" if booking.rate is not None else "",
        "rate_value": f"{booking.rate:.2f}" if booking.rate is not None else "",
        "currency": booking.currency if booking.rate is not None else "",
        "cost": f"{cost:.2f} {booking.currency}" if cost is not None else "",
        "cost_value": f"{cost:.2f}" if cost is not None else "",
        "requests": booking.notes or "",
    }


def _money(rows: list[dict[str, Any]]) -> str:
    """The cost of some bookings as printed, one sum per currency: `4,560.00 EUR`."""
    totals: dict[str, Decimal] = {}
    for row in rows:
        if row["cost_value"]:
            totals[row["currency"]] = totals.get(row["currency"], Decimal(0)) + Decimal(row["cost_value"])
    return " + ".join(f"{amount:,.2f} {currency}" for currency, amount in sorted(totals.items()))


def _accounts(sections: list[dict[str, Any]]) -> dict[str, Any]:
    """Nights and cost per hotel and per person, for the production accountant."""
    people: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for section in sections:
        for row in (*section["rooms"], *section["day_rooms"]):
            people.setdefault((row["guest"], row["position"]), []).append(row)
    return {
        "hotels": [{"name": s["name"], "nights": s["nights"], "cost": s["cost"]} for s in sections],
        "people": [
            {"guest": guest, "position": position, "nights": sum(r["night_count"] for r in rows), "cost": _money(rows)}
            for (guest, position), rows in sorted(people.items())
        ],
        "nights": sum(s["nights"] for s in sections),
        "cost": _money([r for s in sections for r in (*s["rooms"], *s["day_rooms"])]),
    }


def rooming_csv(context: Context) -> list[list[str]]:
    """One row per booking, for a spreadsheet: dates as YYYY-MM-DD, rates and costs as plain numbers."""
    rows = [list(CSV_COLUMNS)]
    for section in context["hotels"]:
        for row in (*section["rooms"], *section["day_rooms"]):
            rows.append(
                [
                    section["name"], row["guest"], row["position"], row["check_in_iso"], row["check_out_iso"], row["nights"],
                    "yes" if row["is_day_room"] else "no", row["room"], row["bed"], row["confirmation"], row["paid_by"],
                    row["rate_value"], row["currency"], row["cost_value"], row["requests"],
                ]
            )  # fmt: skip
    return rows
