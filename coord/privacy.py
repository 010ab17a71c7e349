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
    """Whose private address it is, and whether it is the whole text of a cast member's usual pickup address."""

    person: str
    name: str
    usual_pickup: bool = False


@dataclass(frozen=True)
class Place:
    """An address as coord recognises it: a house number with the words written before it (Lindenweg 4) and after it
    (12 Baker Street), letters only, abbreviations spelt one way, words apart by one space."""

    number: str
    before: str
    after: str


class Homes:
    """Every private home address of a production, to recognise however a pickup writes it.

    A cast member's `pickup_address` counts as a home unless it names a hotel or has no house number
    (a station, a landmark). Extras' homes count as much as anyone's.
    """

    def __init__(
        self, people: Iterable[m.CrewMember | m.CastMember | m.Extra], production: m.Production, hotels: Iterable[m.Hotel] = ()
    ):
        hotels = list(hotels)  # a hotel whose name or address failed to load has none: it names nothing
        meeting_points = {_whole(h.address) for h in hotels if h.address} | {_whole(h.name) for h in hotels if h.name}
        meeting_points |= {h.id for h in hotels if h.id}
        self._places: list[tuple[Place, PrivateHome]] = []
        self._whole: dict[str, PrivateHome] = {}
        #: Homes without a house number (a farm, a house with a name), by the name their address starts with.
        self._named: dict[str, PrivateHome] = {}
        for person in people:
            if not is_private(person, "address", production):
                continue
            name = person.actor if isinstance(person, m.CastMember) else person.name
            for field in ("address", "pickup_address"):
                address = getattr(person, field, None) or ""
                if not address.strip():
                    continue
                places = places_in(address)
                if field == "pickup_address" and (not places or address in meeting_points or _whole(address) in meeting_points):
                    self._whole.setdefault(_whole(address), PrivateHome(person.id, name, usual_pickup=True))
                    continue
                self._places += [(place, PrivateHome(person.id, name)) for place in places]
                if field == "address":
                    self._whole.setdefault(_whole(address), PrivateHome(person.id, name))
                    if not places and len(_whole(_named_part(address))) >= MIN_NAME:
                        self._named.setdefault(_whole(_named_part(address)), PrivateHome(person.id, name))

    def of(self, origin: str) -> PrivateHome | None:
        """The person whose private home `origin` is (`from: home` is not looked up here)."""
        whole = self._whole.get(_whole(origin))
        if whole is not None and not whole.usual_pickup:
            return whole
        return self.within(origin) or whole or self._named.get(_whole(_named_part(origin)))

    def within(self, text: str) -> PrivateHome | None:
        """The person whose private home a free text (a note for the driver) writes out, street and number."""
        for place in places_in(text):
            for home_place, home in self._places:
                if same_place(place, home_place):
                    return home
        return None


def pickup_from(origin: str, person: str, production: m.Production, hotels: dict[str, m.Hotel], homes: Homes) -> str:
    """Where a pickup starts, as a document may print it: a hotel's name, an address, never a private home.

    `from: home` and an address with the street and house number of the passenger's
    private home print as Home; someone else's private home as "Private address". The
    whole text of a cast member's usual pickup point that is no home (a station) is printed.
    """
    words = lb.labels(production.language)
    if origin in hotels:
        return hotels[origin].name
    if is_home(origin):
        return words["home"]
    home = homes.of(origin)
    if home is None or (home.usual_pickup and home.person == person):
        return origin
    return words["home"] if home.person == person else words["private_address"]


def is_home(origin: str) -> bool:
    return origin.strip().casefold() == HOME


#: Letters that look like Latin ones (Cyrillic, Greek), so that a look-alike cannot slip an address past.
_LOOK_ALIKES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "к": "k", "м": "m", "т": "t", "в": "b", "н": "h", "ԁ": "d", "α": "a", "ο": "o", "ε": "e", "ι": "i",
        "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    }
)  # fmt: skip
_WORDS = {
    "strasse": "str", "street": "st", "sankt": "st", "saint": "st", "road": "rd", "avenue": "ave",
    "platz": "pl", "lane": "ln", "drive": "dr", "west": "w", "east": "e", "north": "n", "south": "s",
    "ldstr": "landstr", "chaussee": "ch", "allee": "al",
}  # fmt: skip
#: Street endings written out or abbreviated, for a street written as one word (Hauptstraße, Marktplatz).
_ENDINGS = (
    ("strasse", "str"), ("platz", "pl"), ("street", "st"), ("road", "rd"), ("avenue", "ave"), ("chaussee", "ch"),
    ("allee", "al"),
)  # fmt: skip
_NOISE = {"nr", "no", "number", "hausnr", "hausnummer", "bei", "co"}
#: Words that number a flat or a floor, not a house: `Flat 3, 12 Baker Street`, `2. OG Lindenweg 4`.
_UNITS = {"flat", "apt", "apartment", "unit", "suite", "floor", "og", "etage", "stock", "whg", "wohnung", "app"}
_HOUSE_NUMBER = re.compile(r"\d{1,4}[a-z]?")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Two house numbers of one building: `221/223`, `4-6`.
_RANGE = re.compile(r"\b(\d{1,4}[a-z]?)\s*[/-]\s*(\d{1,4}[a-z]?)\b")


def places_in(address: str) -> list[Place]:
    """Every (house number, street) an address holds: `Lindenweg 4, 22085 Hamburg` is Lindenweg 4.

    Case, spaces, hyphens, punctuation, umlauts, invisible characters, look-alike letters and the
    usual abbreviations (Str., St., Rd., Sankt, West) do not matter, nor do a postcode, a town, a
    flat or floor, a name in front ("bei Reuter") or a comma between street and number. A range
    (221/223, 4-6) holds each of its numbers.
    """
    text = unicodedata.normalize("NFKD", address.casefold().replace("ß", "ss")).translate(_LOOK_ALIKES)
    text = "".join(c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    text = re.sub(r"(\d)\s+([a-z])(?![a-z])(?!\s*\d)", r"\1\2", text)  # 4 a -> 4a, but not 300 W 57th
    places: list[Place] = []
    for one in _each_number(text):
        parts = [_words(part) for part in re.split(r"[,;/\n]", one)]
        for index, words in enumerate(parts):
            if len(words) == 1 and _is_house_number(words[0]):  # `Baker Street, 221` or `221, Baker Street`
                words = [*(parts[index - 1] if index else []), *words, *(parts[index + 1] if index + 1 < len(parts) else [])]
            for at, word in enumerate(words):
                if _is_house_number(word):
                    before = " ".join(_street(words[:at][::-1])[::-1])
                    after = " ".join(_street(words[at + 1 :]))
                    place = Place(word.lstrip("0") or "0", before, after)
                    if (before or after) and place not in places:
                        places.append(place)
    return places


def _each_number(text: str) -> list[str]:
    """The text once for each house number a range in it holds: `219-223` is 219, 220, ... 223 (a building on
    a corner may span a few); a range of letters or a long one is its two ends."""
    ranges = list(_RANGE.finditer(text))
    if not ranges:
        return [text]
    numbers: dict[str, None] = {}
    for found in ranges:
        low, high = found[1], found[2]
        if low.isdigit() and high.isdigit() and 0 < int(high) - int(low) <= MAX_RANGE:
            numbers |= dict.fromkeys(str(n) for n in range(int(low), int(high) + 1))
        else:
            numbers |= dict.fromkeys((low, high))
    return [_RANGE.sub(number, text) for number in numbers]


#: The most house numbers one building's range is read as.
MAX_RANGE = 20


def same_place(a: Place, b: Place) -> bool:
    """The same house number and the same street, whichever side of the number each writes it on.

    Read away from the number, one street may go on where the other stops: `bei Reuter Lindenweg 4`
    is Lindenweg 4, and so is `4 Lindenweg Hamburg`; `Lindenweg 4` and `4 Linden Road` are not.
    """
    if a.number != b.number:
        return False
    before_a, before_b, after_a, after_b = (_compact(s) for s in (a.before, b.before, a.after, b.after))
    before = min(len(before_a), len(before_b)) >= 4 and (before_a.endswith(before_b) or before_b.endswith(before_a))
    after = min(len(after_a), len(after_b)) >= 4 and (after_a.startswith(after_b) or after_b.startswith(after_a))
    return before or after or _crosses(a.before, b.after) or _crosses(b.before, a.after)


def _crosses(before: str, after: str) -> bool:
    """Whether a street written before one number is the street written after the other (German and UK order):
    the last words before it, joined, are the first words after it."""
    words_before, words_after = before.split(), after.split()
    tails = {"".join(words_before[at:]) for at in range(len(words_before))}
    heads = {"".join(words_after[:at]) for at in range(1, len(words_after) + 1)}
    return any(len(street) >= 4 for street in tails & heads)


def _compact(street: str) -> str:
    return street.replace(" ", "")


def _is_house_number(word: str) -> bool:
    return bool(_HOUSE_NUMBER.fullmatch(word)) and not _ORDINAL.fullmatch(word)


def _words(part: str) -> list[str]:
    """The words of one part of an address, without filler words and flat or floor numbers."""
    return _without_units([w for w in re.findall(r"\d+(?:st|nd|rd|th)\b|\d+[a-z]?\b|[a-z]+|\d+", part) if w not in _NOISE])


def _without_units(words: list[str]) -> list[str]:
    """The words without a flat or floor and its number."""
    kept: list[str] = []
    skip_next = False
    for index, word in enumerate(words):
        if skip_next:
            skip_next = False
            continue
        if word in _UNITS:
            if index + 1 < len(words) and words[index + 1][0].isdigit():
                skip_next = True
            elif kept and kept[-1][0].isdigit():
                kept.pop()
            continue
        kept.append(word)
    return kept


def _street(words: list[str]) -> list[str]:
    """The words of a street name next to a house number, up to the next house number or postcode, spelt one way."""
    street = []
    for word in words:
        if word[0].isdigit() and not _ORDINAL.fullmatch(word):
            break
        street.append(_spelt(_WORDS.get(word, word)))
    return street


def _spelt(word: str) -> str:
    """A street written as one word with its ending abbreviated: Hauptstraße is Hauptstr."""
    for ending, short in _ENDINGS:
        if word.endswith(ending):
            return word.removesuffix(ending) + short
    return word


#: The shortest name a home without a house number is recognised by (`Hof Lindenau`, not `Hof`).
MIN_NAME = 8


def _named_part(address: str) -> str:
    """What an address starts with, up to its first comma: the name of a home without a number."""
    return address.split(",", 1)[0]


def _whole(address: str) -> str:
    """`Hof Lindenau,  24398 Brodersby` and `hof lindenau 24398 brodersby` are the same place."""
    return re.sub(r"[\W_]+", " ", address).strip().casefold()
