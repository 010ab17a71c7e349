"""Which personal data a document may show: the production's rules on private phones, e-mails and addresses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from coord import labels as lb
from coord import model as m

#: Where a pickup starts when the file says `from: home`.
HOME = "home"


def is_private(person: m.Person, field: str, production: m.Production) -> bool:
    """Whether `field` of a person is withheld from distributed documents.

    A person's `private:` adds to the production's default and `public:` takes away
    from it, so listing one private field never publishes another by accident.
    """
    if field in person.private:
        return True
    default = production.privacy.private_by_default if production.privacy else m.Privacy().private_by_default
    return field in default and field not in person.public


def shown(person: m.Person, field: str, production: m.Production) -> str:
    """The field's value when it may be distributed, else empty."""
    value = getattr(person, field, None)
    return "" if value is None or is_private(person, field, production) else str(value)


@dataclass(frozen=True)
class PrivateHome:
    """Whose private address a street and house number (or a whole address) is, and which field gave it.

    `usual_pickup`: the whole text of a cast member's `pickup_address`, which a pickup may repeat as written.
    """

    person: str
    name: str
    usual_pickup: bool = False


def private_homes(people: Iterable[m.CrewMember | m.CastMember], production: m.Production) -> dict[tuple[str, str], PrivateHome]:
    """Every private home address by its street and house number (a cast member's pickup address counts as home)."""
    homes: dict[tuple[str, str], PrivateHome] = {}
    for person in people:
        if not is_private(person, "address", production):
            continue
        name = person.name if isinstance(person, m.CrewMember) else person.actor
        for field in ("address", "pickup_address"):
            for key in _keys(getattr(person, field, None) or ""):
                homes.setdefault(key, PrivateHome(person.id, name, usual_pickup=field == "pickup_address" and not key[0]))
    return homes


def _keys(address: str) -> list[tuple[str, str]]:
    """How an address is recognised: by street and house number, and (for one without a number) by its whole text."""
    keys = [("", _whole(address))] if address.strip() else []
    found = street_and_number(address)
    return [found, *keys] if found is not None else keys


def _whole(address: str) -> str:
    """`Hof Lindenau,  24398 Brodersby` and `hof lindenau 24398 brodersby` are the same place."""
    return re.sub(r"[\W_]+", " ", address).strip().casefold()


def is_home(origin: str) -> bool:
    return origin.strip().casefold() == HOME


def home_of(origin: str, homes: dict[tuple[str, str], PrivateHome]) -> PrivateHome | None:
    """The person whose private home `origin` is (by street and number, or the whole text); `from: home` is not looked up here."""
    return next((homes[key] for key in _keys(origin) if key in homes), None)


def pickup_from(
    origin: str, person: str, production: m.Production, hotels: dict[str, m.Hotel], homes: dict[tuple[str, str], PrivateHome]
) -> str:
    """Where a pickup starts, as a document may print it: a hotel's name, an address, never a private home.

    `from: home` and an address with the street and house number of the passenger's
    private home print as Home; someone else's private home as "Private address".
    """
    words = lb.labels(production.language)
    if origin in hotels:
        return hotels[origin].name
    if is_home(origin):
        return words["home"]
    home = home_of(origin, homes)
    if home is not None:
        return words["home"] if home.person == person else words["private_address"]
    return origin


#: How streets are abbreviated, so that `Hauptstr. 12` and `Hauptstraße 12` are one place.
_STREET_WORDS = {
    "strasse": "str", "str": "str", "street": "st", "st": "st", "road": "rd", "rd": "rd", "avenue": "ave",
    "ave": "ave", "platz": "pl", "pl": "pl", "gasse": "g", "lane": "ln", "ln": "ln", "drive": "dr", "dr": "dr",
}  # fmt: skip
_NOISE = {"nr", "no", "number", "hausnummer"}
#: Numbers of a flat or floor, not of a house: `Flat 3, 12 Baker Street`.
_NOT_A_STREET = {"flat", "apt", "apartment", "unit", "suite", "floor", "og", "etage", "stock", "whg", "wohnung"}
_HOUSE_NUMBER = re.compile(r"\d{1,4}[a-z]?")


def street_and_number(address: str) -> tuple[str, str] | None:
    """The street and house number of an address, normalised: `Lindenweg 4, 22085 Hamburg` is ('lindenweg', '4').

    German (`Hauptstraße 12`) and English (`12 Baker Street`) order both work; case,
    spaces, punctuation, umlauts and the usual abbreviations (Str., St., Rd.) do not
    matter, nor does a missing postcode or town. None when no house number is found.
    """
    text = unicodedata.normalize("NFKD", address.casefold().replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=[a-z])(strasse|str)\b", r" \1", text)  # hauptstrasse -> haupt strasse
    text = re.sub(r"(\d)\s+([a-z])(?![a-z])", r"\1\2", text)  # 4 a -> 4a
    for part in re.split(r"[,;/\n]", text):
        words = [w for w in re.findall(r"[a-z]+|\d+[a-z]?", part) if w not in _NOISE]
        for index, word in enumerate(words):
            if not _HOUSE_NUMBER.fullmatch(word):
                continue
            street = _street(words[:index][::-1])[::-1] or _street(words[index + 1 :])
            if street and not set(street) & _NOT_A_STREET:
                return " ".join(_STREET_WORDS.get(w, w) for w in street), word
    return None


def _street(words: list[str]) -> list[str]:
    """The words of a street name next to a house number: letters only, up to the next number."""
    street = []
    for word in words:
        if not word.isalpha():
            break
        street.append(word)
    return street
