"""Which personal data a document may show: the production's rules on private phones, e-mails and addresses."""

from __future__ import annotations

import re

from coord import labels as lb
from coord import model as m


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


def pickup_origin(
    origin: str, person: m.CrewMember | m.CastMember | None, production: m.Production, hotels: dict[str, m.Hotel]
) -> str:
    """Where a pickup starts, without printing a private home address.

    `from: home` is the person's own address; a written-out address counts as theirs
    when it matches their address or pickup address, give or take case, spaces and punctuation.
    """
    if origin in hotels:
        return hotels[origin].name
    home = lb.labels(production.language)["home"]
    if origin.strip().lower() == "home":
        return home
    if person is not None and is_private(person, "address", production):
        own = {_address_key(getattr(person, "address", None)), _address_key(getattr(person, "pickup_address", None))}
        if _address_key(origin) in own:
            return home
    return origin


def _address_key(address: str | None) -> str:
    """`Hofweg 9,  22085 Hamburg` and `hofweg 9 22085 hamburg` are the same place."""
    return re.sub(r"[\W_]+", " ", address or "").strip().casefold()
