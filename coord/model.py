"""The production as typed, frozen objects, and the schema of its YAML files in one place.

Every field is declared with `spec(kind, doc)`: the loader reads the kind, the
format reference (docs/format.md) is generated from the doc, so the two cannot
drift. Every object remembers where it came from (`pos`) and where each of its
fields was written (`where`), so a check long after loading can still say
`crew.yaml:14:9`; positions take no part in equality, so the same value written on
another line (or loaded from another revision) compares equal.

The model knows the shape of the data, not the rules about it: those are in
coord.checks (and the working-time profiles in coord.worktime).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from coord import kinds as k
from coord.findings import Pos
from coord.values import Age, Coordinates, Eighths, Time

#: Departments in the order the industry lists them on call sheets and contact lists.
DEPARTMENTS = (
    "production", "direction", "camera", "lighting", "grip", "sound", "art", "costume",
    "makeup", "locations", "transport", "catering", "vfx", "post", "other",
)  # fmt: skip
PRIVATE_FIELDS = ("phone", "email", "address")
DAY_TYPES = ("shoot", "travel", "rest", "holiday")
TIMES_OF_DAY = ("day", "night", "dawn", "dusk", "morning", "evening")
CAST_STATUSES = ("SW", "W", "WF", "SWF", "H", "T", "R", "F")
ORDER_STATUSES = ("requested", "approved", "ordered", "delivered", "returned", "rejected", "cancelled")
INTERNSHIP_KINDS = ("mandatory", "orientation", "alongside_studies", "voluntary")
SCENE_RESULTS = ("complete", "part", "not_shot", "added")
BED_TYPES = ("single", "double", "twin", "queen", "king")
PAID_BY = ("production", "guest", "per_diem")
#: The industry's order of revision colours; after the last one comes "double white", "double blue" ...
REVISION_COLOURS = ("white", "blue", "pink", "yellow", "green", "goldenrod", "buff", "salmon", "cherry", "tan")
MAIL_SECURITY = ("starttls", "ssl", "none")
CHANNELS = ("email",)
PRODUCTION_TYPES = ("feature", "series", "commercial")
#: The working-time rules a profile can set, by the name a finding, an accepted breach and docs/working-time.md use.
WORKING_TIME_RULES = ("rest", "day", "breaks", "meals", "meal-penalty", "weekly-rest", "days-in-a-row", "average-week", "minors")
SURCHARGE_KINDS = ("daily", "weekly", "night", "sunday", "holiday", "sixth_day", "seventh_day")


#: How to give coord the SMTP password instead of writing it down.
SECRET_HINT = "set the environment variable named by password_env (COORD_SMTP_PASSWORD), or store it in the system keyring"  # noqa: S105 - advice, not a secret

_UNSET: Any = object()


def spec(kind: k.Kind, doc: str, *, required: bool = False, default: Any = _UNSET, key: str | None = None) -> Any:
    """Declare one field of a YAML file: its kind, its documentation, and whether it must be given."""
    meta = {"kind": kind, "doc": doc, "required": required, "key": key}
    if isinstance(kind, k.MapOf):
        return field(default_factory=_empty_map, metadata=meta)
    if default is _UNSET:
        default = () if isinstance(kind, k.ListOf) else None
    return field(default=default, metadata=meta)


def _empty_map() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """Where an object and each of its fields were written."""

    pos: Pos = field(default=Pos(""), compare=False)
    where: Mapping[str, Pos] = field(default_factory=_empty_map, compare=False)
    invalid: frozenset[str] = field(default=frozenset(), compare=False)

    def at(self, name: str, item: object = None) -> Pos:
        """Where field `name` (or one `item` of its list or mapping) was written; else where the entry starts."""
        if item is not None and f"{name}:{item}" in self.where:
            return self.where[f"{name}:{item}"]
        return self.where.get(name, self.pos)

    def written(self, name: str) -> bool:
        """Whether the file mentions this field at all, empty or not."""
        return name in self.where

    def lacks(self, name: str) -> bool:
        """Whether the field is left out or left empty (`scenes:`, `scenes: []`, `crew_call: ""`).

        A value that failed to load does not count: its error is reported already.
        """
        if name in self.invalid:
            return False
        value = getattr(self, name, None)
        return value is None or (isinstance(value, tuple | Mapping) and not value)


def schema_fields(cls: type) -> list[tuple[str, str, Any]]:
    """(yaml key, attribute name, metadata) of each field a YAML file may hold for `cls`.

    A class's own fields come first, then those it shares through a base (Person), so that
    the format reference reads `id, name, role, ...` before `phone, email, ...`.
    """
    declared = [f for f in fields(cls) if "kind" in f.metadata]
    own = set(vars(cls).get("__annotations__", {}))
    ordered = [f for f in declared if f.name in own] + [f for f in declared if f.name not in own]
    return [(f.metadata["key"] or f.name, f.name, f.metadata) for f in ordered]


# ---- shared small records -------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact(Entry):
    name: str = spec(k.Text(), "Name of the person to ask for.", required=True)
    role: str | None = spec(k.Text(), "What they do there, e.g. Caretaker.")
    phone: str | None = spec(k.Phone(), "Phone number, quoted.")
    email: str | None = spec(k.Email(), "E-mail address.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Pay(Entry):
    amount: Decimal = spec(k.Amount(), "The agreed amount, e.g. 120.00.", required=True)
    currency: str = spec(k.Currency(), "Currency code.", default="EUR")
    per: str = spec(k.Choice("hour", "day", "week", "month", "flat"), "What the amount is paid for.", default="day")


@dataclass(frozen=True, slots=True, kw_only=True)
class Window(Entry):
    start: dt.date = spec(k.Date(), "First day the person is available.", required=True)
    end: dt.date = spec(k.Date(), "Last day the person is available.", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Entry):
    """What crew, cast and extras share: how to reach them, and which of it they keep private.

    coord.privacy reads `private` and `public` for every kind of person alike.
    """

    phone: str | None = spec(k.Phone(), "Mobile phone, quoted.")
    email: str | None = spec(k.Email(), "E-mail address.")
    address: str | None = spec(k.Text(private=True), "Home address (private unless stated otherwise).")
    private: tuple[str, ...] = spec(
        k.ListOf(k.Choice(*PRIVATE_FIELDS)),
        "Which of phone, email, address are private, in addition to the production's default.",
    )
    public: tuple[str, ...] = spec(
        k.ListOf(k.Choice(*PRIVATE_FIELDS)), "Fields private by the production's default that this person agreed to share."
    )


# ---- production.yaml --------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Office(Entry):
    address: str = spec(k.Text(), "Postal address of the production office.", required=True)
    phone: str = spec(k.Phone(), "Office phone number, quoted.", required=True)
    email: str | None = spec(k.Email(), "Office e-mail address.")
    hours: str | None = spec(k.Text(), "Opening hours, e.g. Mon-Fri 08:00-19:00.")


@dataclass(frozen=True, slots=True, kw_only=True)
class EmergencyNumber(Entry):
    label: str = spec(k.Text(), "What the number is for, e.g. Police, Fire and ambulance.", required=True)
    phone: str = spec(k.Phone(), "The number, quoted.", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Privacy(Entry):
    private_by_default: tuple[str, ...] = spec(
        k.ListOf(k.Choice(*PRIVATE_FIELDS)),
        "Fields of every person that are private unless the person's own `public:` lists them. "
        "Private fields never appear on distributed documents. Default: [address].",
        default=("address",),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class DoodSettings(Entry):
    drop_after_days: int = spec(
        k.Integer(1, 365, "number of days"),
        "An actor not needed for more than this many calendar days between two work days is dropped and picked up "
        "again (WD, PW) instead of held, once per engagement: at the first such gap; later gaps are held (H). "
        "Default 10 (SAG-AFTRA: 10 for a film shot entirely in the USA, 14 for any other).",
        default=10,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Approver(Entry):
    crew: str = spec(k.Ref("crew"), "Crew id of someone who may approve equipment orders, e.g. the PM.", required=True)
    above: Decimal | None = spec(
        k.Amount(),
        "Only for orders costing more than this (in the order's currency): this person's approval is needed as well, "
        "as the second approval. Without it: approves any order.",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class TransportSettings(Entry):
    """How arrivals are estimated and checked; the defaults are figures with a source, not rules of nature."""

    road_factor: float = spec(
        k.Number(1.0, 3.0, "factor"),
        "Road distance over straight-line distance, for estimated drives. Default 1.3: city roads run 1.2 to 1.3 "
        "times the straight line (Newell 1980; O'Sullivan 1996: 1.21 to 1.23).",
        default=1.3,
    )
    average_speed: int = spec(
        k.Integer(5, 130, "km/h"),
        "Average speed in km/h over the road distance, for estimated drives. Default 25, city traffic at rush hour.",
        default=25,
    )
    minimum_margin: int = spec(
        k.Integer(0, 240, "minutes"),
        "Minutes a passenger should arrive before their call; less is a warning. Default 15.",
        default=15,
    )
    base_city: str | None = spec(
        k.Text(),
        "The city the production is based in, e.g. Hamburg: people whose home_base is another city need a room.",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Overtime(Entry):
    rate: Decimal = spec(k.Amount(), "Paid for each started unit beyond the included hours, e.g. 12.00.", required=True)
    per: str = spec(k.Choice("half_hour", "hour"), "The unit: half_hour or hour.", default="half_hour")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rights(Entry):
    media: str | None = spec(k.Text(), "In which media the recordings may be used, e.g. all media including making-of.")
    territory: str | None = spec(k.Text(), "Where, e.g. worldwide.")
    term: str | None = spec(k.Text(), "For how long, e.g. unlimited in time.")


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraAgreement(Entry):
    """An extra's agreement; every field not given comes from the group's agreement, then the production's."""

    signed: dt.date | None = spec(k.Date(), "Date the agreement was signed (the extra's, or the agency's for a group).")
    rate: Decimal | None = spec(k.Amount(), "The fee, e.g. 95.00.")
    currency: str | None = spec(k.Currency(), "Currency code; default EUR.")
    per: str | None = spec(k.Choice("day", "hour"), "What the rate is paid for: day or hour; default day.")
    hours: int | None = spec(k.Hours(), "Hours included in the day (breaks included), e.g. 10 or 8.5; beyond them is overtime.")
    overtime: Overtime | None = spec(k.Record(Overtime), "Overtime pay beyond the included hours.")
    rights: Rights | None = spec(k.Record(Rights), "The rights granted in the recordings: media, territory, term.")
    wardrobe_allowance: Decimal | None = spec(k.Amount(), "Paid per shoot day for wearing their own clothes, e.g. 15.00.")
    fittings: str | None = spec(k.Text(), "Fittings and how they are paid, e.g. One fitting, paid at EUR 16.00.")
    cancellation: str | None = spec(
        k.Text(), "Cancellation terms, e.g. Cancelled less than 24 hours before the call: the full fee is paid."
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtrasSettings(Entry):
    agreement: ExtraAgreement | None = spec(
        k.Record(ExtraAgreement), "What every extra's agreement says unless their group's or their own says otherwise."
    )
    groups: Mapping[str, ExtraAgreement] = spec(
        k.MapOf(k.Text(), k.Record(ExtraAgreement)),
        "Agreements by group (the group: of extras.yaml), over the production's: e.g. Café guests: {signed: 2027-02-24}.",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class InternsSettings(Entry):
    minimum_wage: Decimal | None = spec(
        k.Amount(),
        "The statutory minimum wage per hour that interns' pay is checked against (Germany, MiLoG: 14.60 from 1 January 2027).",
    )
    currency: str = spec(k.Currency(), "Currency of the minimum wage.", default="EUR")
    collective_agreements: str | None = spec(
        k.Text(), "The collective and works agreements that apply to internships, in words, as the agreement states them."
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Mail(Entry):
    host: str = spec(k.Host(), "The SMTP server that sends the production's e-mail, e.g. smtp.example.com.", required=True)
    port: int | None = spec(k.Integer(1, 65535, "port"), "Its port; default: 587 with starttls, 465 with ssl, 25 with none.")
    security: str = spec(
        k.Choice(*MAIL_SECURITY),
        "starttls (the usual), ssl (a server on port 465) or none (a relay on your own network).",
        default="starttls",
    )
    sender: str = spec(k.Email(), "The address the messages come from, e.g. office@harbourlights.example.", required=True)
    sender_name: str | None = spec(k.Text(), "The name shown as sender; default: the production office of the title.")
    reply_to: str | None = spec(k.Email(), "Where replies go, when not to the sender.")
    username: str | None = spec(k.Text(), "The login at the server; none: send without logging in.")
    password_env: str = spec(
        k.Text(),
        "The environment variable holding the password (default COORD_SMTP_PASSWORD); "
        "without it, the system keyring's entry for coord-smtp:HOST and the username.",
        default="COORD_SMTP_PASSWORD",
    )
    password: None = spec(
        k.Refused("a password must never be written into a file of the production's repository", SECRET_HINT),
        "Never here: " + SECRET_HINT + ".",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkingTime(Entry):
    crew: str | None = spec(k.Text(), "The working-time profile of the crew.")
    cast: str | None = spec(k.Text(), "The working-time profile of the cast.")


@dataclass(frozen=True, slots=True, kw_only=True)
class SchoolHoliday(Entry):
    start: dt.date = spec(k.Date(), "First day without school.", required=True)
    end: dt.date = spec(k.Date(), "Last day without school.", required=True)
    name: str | None = spec(k.Text(), "What the holiday is, e.g. Easter holidays.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Production(Entry):
    title: str = spec(k.Text(), "Title of the production as printed on every document.", required=True)
    company: str = spec(k.Text(), "Production company.", required=True)
    type: str = spec(k.Choice(*PRODUCTION_TYPES), "Kind of production.", required=True)
    episode: str | None = spec(k.Text(), "Episode (series only), e.g. 104 or Episode 4.")
    country: str | None = spec(
        k.Country(), "Country of the shoot as an ISO code, e.g. DE, AT, NO (working-time law, public holidays)."
    )
    timezone: str = spec(
        k.Timezone(),
        "Where the shoot is, as an IANA timezone, e.g. Europe/Berlin. All times are wall-clock times there.",
        required=True,
    )
    language: str = spec(k.Choice("en", "de"), "Language of the documents.", default="en")
    paper: str = spec(k.Choice("a4", "letter"), "Paper size of printed documents.", default="a4")
    office: Office | None = spec(k.Record(Office), "The production office.", required=True)
    key_contacts: tuple[str, ...] = spec(
        k.ListOf(k.Ref("crew")),
        "Crew ids shown with their phone in every document header (director, producer, PM, 1st AD, coordinator).",
    )
    emergency_numbers: tuple[EmergencyNumber, ...] = spec(
        k.ListOf(k.Record(EmergencyNumber)), "Emergency numbers printed on call sheets."
    )
    working_time: WorkingTime | None = spec(
        k.Record(WorkingTime, shorthand=("crew", "cast")),
        "The working-time profile the production works under, by name (see docs/working-time.md): one for everyone, "
        "or one for the crew and one for the cast.",
    )
    public_holidays: tuple[dt.date, ...] = spec(
        k.ListOf(k.Date()), "Public holidays at the shoot's location (holiday surcharges in the hours report)."
    )
    school_holidays: tuple[SchoolHoliday, ...] = spec(
        k.ListOf(k.Record(SchoolHoliday)),
        "School holidays of the minors in the cast; Saturdays, Sundays, public holidays and these are not school days.",
    )
    privacy: Privacy | None = spec(k.Record(Privacy), "What counts as private personal data.")
    dood: DoodSettings | None = spec(k.Record(DoodSettings), "Settings of the day-out-of-days.")
    transport: TransportSettings | None = spec(
        k.Record(TransportSettings), "How drive times are estimated and arrivals checked, and the production's base city."
    )
    approvers: tuple[Approver, ...] = spec(
        k.ListOf(k.Record(Approver)), "Who may approve equipment orders: the PM, and a second approver above an amount."
    )
    extras: ExtrasSettings | None = spec(k.Record(ExtrasSettings), "The extras' agreement terms, set once for all of them.")
    interns: InternsSettings | None = spec(k.Record(InternsSettings), "Settings for internships.")
    revision_colours: tuple[str, ...] = spec(
        k.ListOf(k.Choice(*REVISION_COLOURS)),
        "The colours of revisions 1, 2, 3 ... (coord publish); after the last come double, then triple ones. "
        "Default: " + ", ".join(REVISION_COLOURS) + ".",
        default=REVISION_COLOURS,
    )
    mail: Mail | None = spec(k.Record(Mail), "How coord publish --send sends e-mail.")


# ---- crew.yaml, cast.yaml ---------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Hold(Entry):
    start: dt.date = spec(k.Date(), "First day pencilled by the other job.", required=True, key="from")
    end: dt.date = spec(k.Date(), "Last day pencilled.", required=True, key="to")
    rank: int = spec(
        k.Integer(1, 3, "pencil rank"),
        "1: a first pencil (the other job may book them: they are not ours those days), 2 or 3: a lower pencil.",
        required=True,
    )
    job: str | None = spec(k.Text(), "The other job, e.g. Tatort Kiel.", key="for")
    until: dt.date | None = spec(k.Date(), "Date by which the other job confirms or releases the pencil.")
    status: str = spec(
        k.Choice("pencil", "confirmed", "released"),
        "pencil until the other job decides; confirmed (booked there: not ours those days) or released.",
        default="pencil",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class CrewMember(Person):
    id: str = spec(k.Id(), "Unique id others refer to, e.g. anna-berg.", required=True)
    name: str = spec(k.Text(), "Full name.", required=True)
    role: str = spec(k.Text(), "Position, e.g. 1st Assistant Camera.", required=True)
    department: str = spec(k.Choice(*DEPARTMENTS), "Department; documents group and order people by it.", required=True)
    home_base: str | None = spec(k.Text(), "City the person lives in (for travel and hotel planning).")
    self_drive: bool = spec(k.Boolean(), "yes when the person comes in their own vehicle (listed for parking).", default=False)
    intern: bool = spec(k.Boolean(), "yes for interns (see interns.yaml).", default=False)
    head_of_department: bool = spec(
        k.Boolean(), "yes for the head of a department (the group heads of department in distribution.yaml).", default=False
    )
    studio_teacher: bool = spec(
        k.Boolean(),
        "yes for a studio teacher or tutor looking after the minors on set (counted against the minors' rules).",
        default=False,
    )
    working_time: str | None = spec(k.Text(), "This person's own working-time profile, where it is not the crew's.")
    days: tuple[int, ...] | None = spec(
        k.ListOf(k.Integer(1, 999, "shoot-day number")),
        "Shoot-day numbers this person works (day players); [] for office staff who are never on set; default: every shoot day.",
        default=None,
    )
    available: tuple[Window, ...] = spec(
        k.ListOf(k.Record(Window)), "Freelance availability windows; none means available throughout."
    )
    unavailable: tuple[dt.date, ...] = spec(k.ListOf(k.Date()), "Single dates the person cannot work.")
    holds: tuple[Hold, ...] = spec(k.ListOf(k.Record(Hold)), "Dates other jobs have pencilled, with their rank.")
    staff: bool = spec(
        k.Boolean(),
        "yes for the company's permanent staff (not freelancers: the availability grid leaves them out).",
        default=False,
    )
    notes: str | None = spec(k.Text(), "Anything the office should know.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Agent(Entry):
    name: str = spec(k.Text(), "Agent's name.", required=True)
    agency: str | None = spec(k.Text(), "Agency.")
    phone: str | None = spec(k.Phone(), "Agent's phone, quoted.")
    email: str | None = spec(k.Email(), "Agent's e-mail.")


@dataclass(frozen=True, slots=True, kw_only=True)
class CastMember(Person):
    id: str = spec(k.Id(), "Unique id others refer to, e.g. mira.", required=True)
    number: int = spec(k.Integer(1, 999, "cast number"), "Cast number; call sheets list cast by it.", required=True)
    character: str = spec(k.Text(), "Character name.", required=True)
    actor: str = spec(k.Text(), "Actor's name.", required=True)
    agent: Agent | None = spec(k.Record(Agent), "The actor's agent.")
    pickup_address: str | None = spec(
        k.Text(private=True),
        "Where the actor is usually picked up: a hotel, a meeting point such as a station (printed), or a home "
        "address with a house number (private like their address).",
    )
    home_base: str | None = spec(k.Text(), "City the actor lives in (for travel and hotel planning).")
    self_drive: bool = spec(
        k.Boolean(), "yes when the actor comes in their own vehicle: then a day without a pickup is no warning.", default=False
    )
    minor: bool = spec(k.Boolean(), "yes when the actor is under 18 on any shoot day.", default=False)
    date_of_birth: dt.date | None = spec(k.Date(), "Required for minors (working-time rules for children).")
    chaperone: str | None = spec(k.Text(), "Who accompanies the minor on set, e.g. Katja Albers (mother).")
    working_time: str | None = spec(k.Text(), "This actor's own working-time profile, where it is not the cast's.")
    notes: str | None = spec(k.Text(), "Anything the office should know.")


# ---- locations.yaml, scenes.yaml ----------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Hospital(Entry):
    name: str = spec(k.Text(), "Hospital with an emergency department.", required=True)
    address: str = spec(k.Text(), "Its address.", required=True)
    phone: str = spec(k.Phone(), "Its phone, quoted.", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Location(Entry):
    id: str = spec(k.Id(), "Unique id others refer to, e.g. harbour.", required=True)
    name: str = spec(k.Text(), "Name as the crew knows it.", required=True)
    address: str = spec(k.Text(), "Street address for drivers and navigation.", required=True)
    coordinates: Coordinates | None = spec(
        k.Coordinates(), 'Latitude, longitude as copied from a map, e.g. "53.54321, 9.98765" (for maps and sunrise times).'
    )
    parking: str | None = spec(k.Text(), "Where crew vehicles park.")
    directions: str | None = spec(k.Text(), "How to get there: the drivers' route, public transport, the walk to set.")
    unit_base: str | None = spec(k.Text(), "Where the unit base (trucks, catering, make-up) stands.")
    contact: Contact | None = spec(k.Record(Contact), "Contact on site.")
    hospital: Hospital | None = spec(k.Record(Hospital), "Nearest hospital with an emergency department.")
    notes: str | None = spec(k.Text(), "Access, noise, restrictions.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Scene(Entry):
    number: str = spec(k.SceneNumber(), "Scene number as in the script: 12, 12A, 101pt2.", required=True)
    set: str = spec(k.Text(), "Set heading, e.g. HARBOUR MASTER'S OFFICE.", required=True)
    int_ext: str = spec(k.Choice("INT", "EXT", "INT/EXT"), "INT, EXT or INT/EXT.", required=True)
    time_of_day: str = spec(k.Choice(*TIMES_OF_DAY), "Story time: " + ", ".join(TIMES_OF_DAY) + ".", required=True)
    pages: Eighths = spec(k.Pages(), 'Length in eighths of a page, as a crew writes it: "1 3/8", "4/8", 2.', required=True)
    cast: tuple[str, ...] = spec(k.ListOf(k.Ref("cast")), "Cast ids appearing in the scene.")
    extras: int = spec(k.Integer(0, 10_000), "Number of background artists.", default=0)
    location: str | None = spec(k.Ref("location"), "Location id where it is shot.")
    synopsis: str | None = spec(k.Text(), "One line on what happens.")
    requirements: tuple[str, ...] = spec(k.ListOf(k.Text()), "Props and special requirements.")


# ---- schedule.yaml / days/ ---------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CastCall(Entry):
    cast: str = spec(k.Ref("cast"), "Cast id.", required=True)
    status: str | None = spec(
        k.Choice(*CAST_STATUSES),
        "Day status written by hand, winning over the one derived from the schedule: H (hold), T (travel), R (rehearsal), F (fitting); also SW, W, WF, SWF.",
    )
    pickup: Time | None = spec(k.Time(), "Pickup time.")
    makeup: Time | None = spec(k.Time(), "Make-up and hair call.")
    wardrobe: Time | None = spec(k.Time(), "Wardrobe call.")
    on_set: Time | None = spec(k.Time(), "On set, ready to shoot.")
    wrap: Time | None = spec(k.Time(), "Planned release, where it is before the day's wrap (a minor's hours, a day player).")
    remarks: str | None = spec(k.Text(), "Remarks for the call sheet.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Background(Entry):
    description: str = spec(k.Text(), "Who they are, e.g. Dock workers or Stand-ins.", required=True)
    count: int = spec(k.Integer(1, 10_000), "How many.", required=True)
    call: Time | None = spec(k.Time(), "Call time.")
    report_to: str | None = spec(k.Text(), "Where they report, e.g. Extras holding, unit base.")
    group: str | None = spec(k.Text(), "The extras' group (their group: in extras.yaml); default: the description.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Meals(Entry):
    breakfast: Time | None = spec(k.Time(), "Breakfast time.")
    lunch: Time | None = spec(k.Time(), "Lunch (first meal) time.")
    second_meal: Time | None = spec(k.Time(), "Second meal time.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Weather(Entry):
    forecast: str | None = spec(k.Text(), "The office's forecast text, e.g. Overcast, showers after 16:00.")
    high: int | None = spec(k.Integer(-60, 60, "°C"), "Highest temperature in °C.")
    low: int | None = spec(k.Integer(-60, 60, "°C"), "Lowest temperature in °C.")


@dataclass(frozen=True, slots=True, kw_only=True)
class ShootDay(Entry):
    day: int | None = spec(
        k.Integer(1, 999, "shoot-day number"),
        "Shoot-day number (1, 2, 3 ...). Required for shoot days; non-shooting days have none.",
    )
    date: dt.date = spec(k.Date(), "Calendar date.", required=True)
    type: str = spec(k.Choice(*DAY_TYPES), "shoot, or a non-shooting day: travel, rest, holiday.", default="shoot")
    description: str | None = spec(k.Text(), "What the day is, e.g. Travel to Hamburg.")
    unit: str = spec(k.Text(), "Shooting unit, e.g. main or 2nd.", default="main")
    locations: tuple[str, ...] = spec(k.ListOf(k.Ref("location")), "Location ids of the day, the main one first.")
    scenes: tuple[str, ...] = spec(k.ListOf(k.SceneNumber()), "Scene numbers in shooting order.")
    crew_call: Time | None = spec(k.Time(), "General crew call. Required for shoot days.")
    shooting_call: Time | None = spec(k.Time(), "First shot planned.")
    wrap: Time | None = spec(k.Time(), "Estimated wrap.")
    on_location: bool = spec(
        k.Boolean(), "yes for a day on location away from the studio zone, where agreements allow shorter rest.", default=False
    )
    department_calls: Mapping[str, Time] = spec(
        k.MapOf(k.Choice(*DEPARTMENTS), k.Time()), "Call times by department, where they differ from the crew call."
    )
    calls: Mapping[str, Time] = spec(
        k.MapOf(k.Ref("crew"), k.Time()), "Personal call times by crew id; they win over the department call."
    )
    cast_calls: tuple[CastCall, ...] = spec(k.ListOf(k.Record(CastCall)), "The cast called that day with their times.")
    background: tuple[Background, ...] = spec(k.ListOf(k.Record(Background)), "Background artists and stand-ins by group.")
    meals: Meals | None = spec(k.Record(Meals), "Meal times.")
    notes: Mapping[str, str] = spec(
        k.MapOf(k.Choice(*DEPARTMENTS), k.Text()), "Department notes, e.g. camera: Steadicam from 14:00."
    )
    safety: tuple[str, ...] = spec(k.ListOf(k.Text()), "Safety notes.")
    weather: Weather | None = spec(k.Record(Weather), "Weather as forecast by the office.")


# ---- hotels, equipment, transport, extras, interns ---------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Booking(Entry):
    guest: str = spec(k.Ref("person"), "Crew or cast id of the guest.", required=True)
    check_in: dt.date = spec(k.Date(), "Arrival date.", required=True)
    check_out: dt.date = spec(k.Date(), "Departure date.", required=True)
    room: str | None = spec(k.Text(), "Room type, e.g. single.")
    bed: str | None = spec(k.Choice(*BED_TYPES), "Bed type: " + ", ".join(BED_TYPES) + ".")
    day_room: bool = spec(
        k.Boolean(), "yes for a room used by day only (check-out may be the check-in date; no night counts).", default=False
    )
    confirmation: str | None = spec(k.Text(), "Booking confirmation number.")
    paid_by: str = spec(
        k.Choice(*PAID_BY),
        "Who pays the room: production (extras such as minibar and phone are the guest's), guest, or per_diem "
        "(the guest, from their per diem).",
        default="production",
    )
    rate: Decimal | None = spec(k.Amount(), "Nightly rate, e.g. 129.00 (for the accounts; a day room: its rate).")
    currency: str = spec(k.Currency(), "Currency of the rate.", default="EUR")
    notes: str | None = spec(k.Text(), "Requests, e.g. late arrival.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Hotel(Entry):
    id: str = spec(k.Id(), "Unique id, e.g. seeblick.", required=True)
    name: str = spec(k.Text(), "Hotel name.", required=True)
    address: str = spec(k.Text(), "Address.", required=True)
    coordinates: Coordinates | None = spec(
        k.Coordinates(), 'Latitude, longitude, e.g. "53.54321, 9.98765" (to estimate drives from the hotel).'
    )
    phone: str | None = spec(k.Phone(), "Reception phone, quoted.")
    email: str | None = spec(k.Email(), "Reservations e-mail.")
    contact: Contact | None = spec(k.Record(Contact), "The person handling the production's booking.")
    bookings: tuple[Booking, ...] = spec(k.ListOf(k.Record(Booking)), "Rooms booked.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Vendor(Entry):
    name: str = spec(k.Text(), "Rental house or supplier.", required=True)
    contact: str | None = spec(k.Text(), "Person to ask for.")
    phone: str | None = spec(k.Phone(), "Phone, quoted.")
    email: str | None = spec(k.Email(), "E-mail.")
    address: str | None = spec(k.Text(), "Address for pickup and returns.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Item(Entry):
    name: str = spec(k.Text(), "What, e.g. ARRI Alexa 35 body.", required=True)
    quantity: int = spec(k.Integer(1, 10_000), "How many.", default=1)
    price: Decimal | None = spec(k.Amount(), "Price of one, in the order's currency, e.g. 650.00.")
    per: str = spec(
        k.Choice("day", "week", "flat"), "What the price is for: day, week (each started week) or flat.", default="day"
    )
    notes: str | None = spec(k.Text(), "Details.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Step(Entry):
    status: str = spec(
        k.Choice(*ORDER_STATUSES), "What happened: " + ", ".join(ORDER_STATUSES) + " (delivered: checked out).", required=True
    )
    date: dt.date = spec(k.Date(), "When.", required=True)
    by: str | None = spec(k.Ref("crew"), "Crew id of who did it; for approved and rejected the approver.")
    note: str | None = spec(k.Text(), "What was agreed, e.g. PO sent by e-mail.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Order(Entry):
    id: str = spec(k.Id(), "Unique id of the order, e.g. cam-main.", required=True)
    department: str = spec(k.Choice(*DEPARTMENTS), "Department that asked for it.", required=True)
    vendor: Vendor | None = spec(k.Record(Vendor), "Who supplies it.", required=True)
    requested_by: str | None = spec(k.Ref("crew"), "Crew id of who asked for it.")
    history: tuple[Step, ...] = spec(
        k.ListOf(k.Record(Step)), "What happened to the order, step by step, oldest first; the last step is where it stands."
    )
    approved_by: str | None = spec(
        k.Ref("crew"), "Old form (use history): crew id of who approved it (the PM); needed before ordering."
    )
    status: str | None = spec(k.Choice(*ORDER_STATUSES), "Old form (use history): where the order stands; default requested.")
    po: str | None = spec(k.Text(), "Purchase order number as accounts give it; default: the title's initials and the order id.")
    currency: str = spec(k.Currency(), "Currency of the prices.", default="EUR")
    start: dt.date | None = spec(k.Date(), "First rental day.")
    end: dt.date | None = spec(k.Date(), "Last rental day.")
    needed: tuple[int, ...] = spec(
        k.ListOf(k.Integer(1, 999, "shoot-day number")),
        "Shoot days it is needed on, where the rental period is not the point (a one-off); without start and end they are the rental days.",
    )
    delivery: str | None = spec(k.Text(), "Pickup or delivery arrangement.")
    items: tuple[Item, ...] = spec(k.ListOf(k.Record(Item)), "What is ordered.")
    notes: str | None = spec(k.Text(), "Anything else.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Vehicle(Entry):
    id: str = spec(k.Id(), "Unique id, e.g. van-1.", required=True)
    type: str = spec(k.Text(), "Kind of vehicle, e.g. Minibus 8 seats.", required=True)
    seats: int | None = spec(k.Integer(1, 100), "Passenger seats.")
    plate: str | None = spec(k.Text(), "Number plate.")
    driver: str | None = spec(k.Ref("crew"), "Crew id of the driver.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Pickup(Entry):
    day: int = spec(k.Integer(1, 999, "shoot-day number"), "Shoot-day number.", required=True)
    time: Time = spec(k.Time(), "Pickup time.", required=True)
    person: str = spec(k.Ref("person"), "Crew or cast id of who is picked up.", required=True)
    origin: str = spec(
        k.Text(),
        "Where from: a hotel id, home (the person's own address, printed as Home) or an address.",
        required=True,
        key="from",
    )
    coordinates: Coordinates | None = spec(
        k.Coordinates(),
        'Latitude, longitude of where the pickup starts, for an address or home, e.g. "53.55, 9.93" (hotels carry their own); never printed.',
    )
    to: str | None = spec(k.Ref("location"), "Location id; default: the day's first location.")
    vehicle: str | None = spec(k.Ref("vehicle"), "Vehicle id. Pickups of a day in one vehicle to one place form a run.")
    arrive: Time | None = spec(
        k.Time(), "When the run gets to its destination, where known; without it coord estimates it from coordinates."
    )
    notes: str | None = spec(k.Text(), "Anything the driver should know.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Transport(Entry):
    vehicles: tuple[Vehicle, ...] = spec(k.ListOf(k.Record(Vehicle)), "The production's vehicles.")
    pickups: tuple[Pickup, ...] = spec(k.ListOf(k.Record(Pickup)), "Who is collected when and where.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Guardian(Entry):
    name: str = spec(k.Text(), "Name of the parent or guardian.", required=True)
    phone: str | None = spec(k.Phone(), "Their phone, quoted.")
    email: str | None = spec(k.Email(), "Their e-mail.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Permit(Entry):
    number: str = spec(k.Text(), "The work permit's number or reference.", required=True)
    authority: str | None = spec(k.Text(), "Who issued it, e.g. Amt für Arbeitsschutz Hamburg.")
    until: dt.date | None = spec(k.Date(), "Last day it is valid.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Extra(Person):
    id: str = spec(k.Id(), "Unique id.", required=True)
    name: str = spec(k.Text(), "Name of the background artist.", required=True)
    group: str | None = spec(k.Text(), "Group, e.g. Dock workers.")
    agency: str | None = spec(k.Text(), "Casting agency.")
    agreement: ExtraAgreement | None = spec(
        k.Record(ExtraAgreement), "Their agreement; what it leaves out comes from production.yaml (extras:)."
    )
    pay: Pay | None = spec(k.Record(Pay), "Old form (use agreement: rate and per): agreed pay.")
    rights: str | None = spec(k.Text(), "Old form (use agreement: rights): agreed rights in words.")
    days: tuple[int, ...] = spec(k.ListOf(k.Integer(1, 999, "shoot-day number")), "Shoot days booked.")
    minor: bool = spec(k.Boolean(), "yes when under 18 on any day booked: needs a guardian and a permit.", default=False)
    date_of_birth: dt.date | None = spec(k.Date(), "Date of birth (for minors).")
    guardian: Guardian | None = spec(k.Record(Guardian), "A minor's parent or guardian, who signs with them.")
    permit: Permit | None = spec(k.Record(Permit), "A minor's work permit.")
    notes: str | None = spec(k.Text(), "Anything else.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Intern(Entry):
    id: str = spec(k.Id(), "Unique id of the internship.", required=True)
    crew: str = spec(k.Ref("crew"), "Crew id of the intern (marked intern: yes in crew.yaml).", required=True)
    school: str | None = spec(k.Text(), "School or university.")
    supervisor: str = spec(k.Ref("crew"), "Crew id of the supervisor.", required=True)
    start: dt.date = spec(k.Date(), "First day.", required=True)
    end: dt.date = spec(k.Date(), "Last day.", required=True)
    kind: str | None = spec(
        k.Choice(*INTERNSHIP_KINDS),
        "mandatory (required by school or university), orientation (before choosing training or studies), "
        "alongside_studies, or voluntary (any other).",
    )
    learning_goals: tuple[str, ...] = spec(k.ListOf(k.Text()), "What the intern is to learn, one goal per line.")
    daily_hours: int | None = spec(k.Hours(), "Regular hours a day, e.g. 8.")
    hours_per_week: int | None = spec(k.Integer(1, 60), "Agreed hours per week.")
    leave: int | None = spec(k.Integer(0, 366, "days"), "Days of paid leave over the internship.")
    stipend: Pay | None = spec(k.Record(Pay), "Agreed pay (stipend); amount 0.00 for an unpaid internship.")
    agreement_signed: dt.date | None = spec(k.Date(), "Date the agreement was signed.")
    notes: str | None = spec(k.Text(), "Anything else.")


# ---- distribution.yaml -----------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Send(Entry):
    documents: tuple[str, ...] = spec(
        k.ListOf(k.Text()), "The documents this rule sends, by command name: callsheet, report, contacts ...", required=True
    )
    to: tuple[str, ...] = spec(
        k.ListOf(k.Text()),
        "Who receives them: crew or cast ids, departments, groups (all cast, all crew, heads of department, "
        "producers, drivers, or your own) and e-mail addresses.",
        required=True,
    )
    channel: str = spec(k.Choice(*CHANNELS), "How they are sent: email (the only channel so far).", default="email")


@dataclass(frozen=True, slots=True, kw_only=True)
class Distribution(Entry):
    groups: Mapping[str, tuple[str, ...]] = spec(
        k.MapOf(k.Text(), k.ListOf(k.Text())),
        "Your own groups by name, each a list of ids, departments, groups or addresses; may redefine a built-in group.",
    )
    send: tuple[Send, ...] = spec(k.ListOf(k.Record(Send)), "Who receives which documents.")


# ---- reports/day-NN.yaml -----------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SceneReport(Entry):
    scene: str = spec(k.SceneNumber(), "Scene number.", required=True)
    result: str = spec(k.Choice(*SCENE_RESULTS), "complete, part, not_shot or added.", required=True)
    pages: Eighths | None = spec(k.Pages(), "Pages shot, in eighths.")
    setups: int | None = spec(k.Integer(0, 500), "Camera setups.")
    screen_time: int | None = spec(k.Duration(), "Screen time shot, minutes:seconds.")
    moved_to: int | None = spec(k.Integer(1, 999, "shoot-day number"), "Shoot day it moved to, when not shot.")
    notes: str | None = spec(k.Text(), "Notes.")


@dataclass(frozen=True, slots=True, kw_only=True)
class CastTimes(Entry):
    cast: str = spec(k.Ref("cast"), "Cast id.", required=True)
    pickup: Time | None = spec(k.Time(), "Picked up.")
    arrival: Time | None = spec(k.Time(), "Arrived at set.")
    makeup: Time | None = spec(k.Time(), "Into make-up.")
    on_set: Time | None = spec(k.Time(), "On set.")
    meal_out: Time | None = spec(k.Time(), "Meal break start.")
    meal_in: Time | None = spec(k.Time(), "Meal break end.")
    wrap: Time | None = spec(k.Time(), "Wrapped.")
    back: Time | None = spec(k.Time(), "Back at hotel or home.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Headcount(Entry):
    department: str = spec(k.Choice(*DEPARTMENTS), "Department.", required=True)
    people: int = spec(k.Integer(0, 1000), "People working.", required=True)
    overtime: int = spec(k.Integer(0, 1440), "Overtime in minutes.", default=0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Delay(Entry):
    cause: str = spec(k.Text(), "What held the shoot up.", required=True)
    minutes: int = spec(k.Integer(1, 1440), "How long.", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtrasWorked(Entry):
    description: str = spec(k.Text(), "Which group, e.g. Dock workers.", required=True)
    count: int = spec(k.Integer(1, 10_000), "How many worked.", required=True)
    call: Time | None = spec(k.Time(), "Their call.")
    wrap: Time | None = spec(k.Time(), "When they were released.")
    group: str | None = spec(k.Text(), "The extras' group (their group: in extras.yaml); default: the description.")
    approved_by: str | None = spec(
        k.Ref("crew"), "Crew id of who approved their overtime; once recorded, the overtime is no longer a warning."
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Accepted(Entry):
    people: tuple[str, ...] = spec(k.ListOf(k.Ref("person")), "Crew and cast ids of the people it applies to.", required=True)
    rule: str = spec(
        k.Choice(*WORKING_TIME_RULES),
        "The working-time rule that was broken: " + ", ".join(WORKING_TIME_RULES) + ".",
        required=True,
    )
    note: str = spec(k.Text(), "How it was dealt with: consent given, penalty paid, authority told.", required=True)
    up_to: int | None = spec(
        k.Span(),
        "How far past the rule's number it was accepted, H:MM, e.g. 1:15 (a day 1:15 h too long, a rest 1:15 h short, a meal "
        "1:15 h late): a larger breach is reported again. Without it, a breach of any size is covered (a warning).",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class DayReport(Entry):
    day: int = spec(k.Integer(1, 999, "shoot-day number"), "Shoot-day number reported on.", required=True)
    crew_call: Time | None = spec(k.Time(), "Actual crew call.")
    first_shot: Time | None = spec(k.Time(), "First shot.")
    lunch_start: Time | None = spec(k.Time(), "Lunch started.")
    lunch_end: Time | None = spec(k.Time(), "Lunch ended.")
    second_meal_start: Time | None = spec(k.Time(), "Second meal started.")
    second_meal_end: Time | None = spec(k.Time(), "Second meal ended.")
    first_shot_after_lunch: Time | None = spec(k.Time(), "First shot after lunch.")
    camera_wrap: Time | None = spec(k.Time(), "Camera wrap.")
    crew_wrap: Time | None = spec(k.Time(), "Crew wrap.")
    last_out: Time | None = spec(k.Time(), "Last person out.")
    scenes: tuple[SceneReport, ...] = spec(k.ListOf(k.Record(SceneReport)), "What became of each scene.")
    cast: tuple[CastTimes, ...] = spec(k.ListOf(k.Record(CastTimes)), "The actors' time sheet.")
    crew: tuple[Headcount, ...] = spec(k.ListOf(k.Record(Headcount)), "Headcount and overtime by department.")
    extras: tuple[ExtrasWorked, ...] = spec(k.ListOf(k.Record(ExtrasWorked)), "Background artists who worked, with their hours.")
    media: tuple[str, ...] = spec(k.ListOf(k.Text()), "Cards or rolls shot, e.g. A001-A004.")
    incidents: tuple[str, ...] = spec(k.ListOf(k.Text()), "Incidents and accidents.")
    delays: tuple[Delay, ...] = spec(k.ListOf(k.Record(Delay)), "Delays with cause and minutes.")
    equipment_problems: tuple[str, ...] = spec(k.ListOf(k.Text()), "Equipment problems.")
    accepted: tuple[Accepted, ...] = spec(
        k.ListOf(k.Record(Accepted)),
        "Working-time breaches of the day that the production has dealt with (consent given, penalty paid): no longer "
        "reported by coord validate, and marked accepted in the hours report.",
    )
    notes: str | None = spec(k.Text(), "Anything else.")


# ---- working-time.yaml (and the profiles shipped with coord) ---------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule(Entry):
    """What every group of working-time numbers says about itself: where they come from, how a breach is reported."""

    source: str | None = spec(
        k.Text(), "Where the numbers come from, in short: the law or agreement and its clause, e.g. ArbZG §5."
    )
    note: str | None = spec(k.Text(), "What the source says, and where to read it (for docs/working-time.md).")
    second_hand: bool = spec(
        k.Boolean(),
        "yes when the numbers come from a summary and were not checked against the law or agreement itself.",
        default=False,
    )
    severity: str = spec(
        k.Choice("error", "warning"),
        "How a breach recorded in a daily report is listed: error (the default) or warning. A planned breach is a warning.",
        default="error",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class RestRules(Rule):
    daily: int | None = spec(k.Span(), "Rest from a person's wrap to their next call.")
    long_day: int | None = spec(k.Span(), "A day with more work than this is a long day.")
    after_long_day: int | None = spec(k.Span(), "Rest after a long day.")
    days_off: int | None = spec(k.Integer(1, 7, "days"), "After this many whole days off in a row (a weekend) ...")
    days_off_rest: int | None = spec(k.Span(), "... the rest is at least this, e.g. 59:00 for 48 hours plus the daily rest.")
    reduced: int | None = spec(k.Span(), "A shorter rest allowed between two days on location (`on_location: yes`).")
    reduced_every: int | None = spec(k.Integer(1, 31, "days"), "The shorter rest is allowed once in this many consecutive days.")
    breach_cost: str | None = spec(k.Text(), "What a breach costs under the agreement (a forced call), as printed in findings.")


@dataclass(frozen=True, slots=True, kw_only=True)
class DayRules(Rule):
    max_work: int | None = spec(k.Span(), "Longest working day, breaks not counted.")
    long_max_work: int | None = spec(k.Span(), "Longest working day on the few days a week that may be longer.")
    long_days_per_week: int | None = spec(k.Integer(1, 7, "days"), "How many days of a calendar week may be that long.")
    long_days_for: tuple[str, ...] = spec(
        k.ListOf(k.Choice(*PRODUCTION_TYPES)),
        "The kinds of production (production.yaml `type`) the longer days are for; none: all.",
    )
    counts_at_least: int | None = spec(k.Span(), "Every day worked counts at least this much towards the week.")
    travel_counts: bool = spec(
        k.Boolean(),
        "yes when an arranged pickup starts the working day, so the working day and the rest run from the pickup.",
        default=False,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class MealRules(Rule):
    first_within: int | None = spec(k.Span(), "The first meal (or break) starts at most this long after the call.")
    next_within: int | None = spec(
        k.Span(), "Each further meal starts at most this long after the end of the one before, while work goes on."
    )
    length: int | None = spec(k.Span(), "Shortest meal break; planned meals are counted at this length.")
    deductible: int | None = spec(k.Span(), "At most this much of a day's breaks is not working time.")
    breakfast: int | None = spec(k.Span(), "A breakfast after a person's call, this long, restarts the meal clock when it ends.")
    breakfast_within: int | None = spec(k.Span(), "The breakfast counts only when it starts within this time of the call.")
    breakfast_deducted: bool = spec(k.Boolean(), "yes when the breakfast is a break, not working time.", default=False)
    penalties: tuple[Decimal, ...] = spec(
        k.ListOf(k.Amount()), "Meal penalty for each part of `penalty_every` a meal is late, in rising steps; the last repeats."
    )
    penalty_every: int = spec(k.Span(), "The part of an hour each penalty is for.", default=30)
    currency: str | None = spec(k.Currency(), "Currency of the penalties, e.g. USD.")


@dataclass(frozen=True, slots=True, kw_only=True)
class BreakStep(Entry):
    over: int = spec(k.Span(), "A working day longer than this ...", required=True)
    total: int | None = spec(k.Span(), "... needs breaks of at least this in all; without it, a break of any length.")


@dataclass(frozen=True, slots=True, kw_only=True)
class BreakRules(Rule):
    steps: tuple[BreakStep, ...] = spec(k.ListOf(k.Record(BreakStep)), "The breaks a day needs by its length.")
    min_part: int | None = spec(k.Span(), "A break shorter than this does not count.")


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekRules(Rule):
    rest: int | None = spec(k.Span(), "Each calendar week worked needs one rest at least this long.")
    late_start_rest: int | None = spec(k.Span(), "A shorter weekly rest, allowed when the call after it is late enough.")
    late_start_from: Time | None = spec(k.Time(), "How late that call must be.")
    six_day_rest: int | None = spec(k.Span(), "The weekly rest after a week of six working days.")
    six_day_on_location: bool = spec(k.Boolean(), "yes when that is allowed only for a week on location.", default=False)
    max_days: int | None = spec(k.Integer(1, 60, "days"), "Most working days in a row.")
    average_hours: int | None = spec(k.Span(), "Longest average working week.")
    average_weeks: int | None = spec(k.Integer(1, 52, "weeks"), "The weeks the average is taken over.")
    breach_cost: str | None = spec(k.Text(), "What a weekly rest too short costs under the agreement (a forced call).")


@dataclass(frozen=True, slots=True, kw_only=True)
class Surcharge(Rule):
    kind: str = spec(k.Choice(*SURCHARGE_KINDS), "What the surcharge is for: " + ", ".join(SURCHARGE_KINDS) + ".", required=True)
    percent: int = spec(k.Integer(0, 1000, "per cent"), "The surcharge on the hourly pay.", required=True)
    after: int | None = spec(k.Span(), "daily, weekly: for the hours worked after this many.")
    up_to: int | None = spec(k.Span(), "daily, weekly: up to this many hours worked.")
    start: Time | None = spec(k.Time(), "night: from this time of day ...")
    end: Time | None = spec(k.Time(), "night: ... to this one (06:00 is the next morning).")
    from_day: int | None = spec(k.Integer(1, 60, "day"), "sunday: only on the this-many-th working day in a row or later.")


@dataclass(frozen=True, slots=True, kw_only=True)
class MinorBand(Rule):
    from_age: Age = spec(k.Age(), "From this age ...", required=True, key="from")
    to_age: Age = spec(k.Age(), "... to this one (not included).", required=True, key="to")
    at_workplace: int | None = spec(k.Span(), "Longest time at the workplace, call to release.")
    work: int | None = spec(k.Span(), "Most hours of work on a school day (breaks not counted).")
    work_no_school: int | None = spec(k.Span(), "Most hours of work on a day without school.")
    earliest: Time | None = spec(k.Time(), "Earliest call.")
    latest: Time | None = spec(k.Time(), "Latest release before a school day.")
    latest_before_free_day: Time | None = spec(k.Time(), "Latest release before a day without school (24:30 is 00:30).")
    rest: int | None = spec(k.Span(), "Rest from release to the next call.")
    weekly_hours: int | None = spec(k.Span(), "Most hours of work in a calendar week.")
    chaperone: bool = spec(k.Boolean(), "yes when a parent, guardian or chaperone must be with the minor.", default=False)
    teacher_per: int | None = spec(k.Integer(1, 100, "minors"), "One studio teacher for each this many minors on a school day.")
    teacher_per_free_day: int | None = spec(k.Integer(1, 100, "minors"), "... on a day without school.")


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkingTimeProfile(Entry):
    name: str = spec(k.Id(), "The profile's name, as production.yaml's `working_time:` gives it.", required=True)
    title: str | None = spec(k.Text(), "What the profile is, in one line.")
    based_on: str | None = spec(
        k.Text(), "The profile whose numbers this one starts from; one named like a shipped profile starts from that one."
    )
    rest: RestRules | None = spec(k.Record(RestRules), "Rest between two working days (turnaround).")
    day: DayRules | None = spec(k.Record(DayRules), "Length of the working day.")
    meals: MealRules | None = spec(k.Record(MealRules), "When meals are due, and what a late one costs.")
    breaks: BreakRules | None = spec(k.Record(BreakRules), "Breaks a day needs by its length.")
    week: WeekRules | None = spec(k.Record(WeekRules), "Weekly rest, days in a row and the average week.")
    surcharges: tuple[Surcharge, ...] = spec(k.ListOf(k.Record(Surcharge)), "Surcharges on the pay, for the hours report.")
    minors: tuple[MinorBand, ...] = spec(k.ListOf(k.Record(MinorBand)), "Limits for minors, by age.")


# ---- the whole production ----------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductionFolder:
    """Everything in one production folder, loaded and typed; `root` says where from and takes no part in equality."""

    root: str = field(compare=False)
    production: Production
    incomplete: frozenset[str] = frozenset()  # collections with a file that could not be read at all
    crew: tuple[CrewMember, ...] = ()
    cast: tuple[CastMember, ...] = ()
    locations: tuple[Location, ...] = ()
    scenes: tuple[Scene, ...] = ()
    days: tuple[ShootDay, ...] = ()
    hotels: tuple[Hotel, ...] = ()
    equipment: tuple[Order, ...] = ()
    transport: Transport = field(default_factory=Transport)
    extras: tuple[Extra, ...] = ()
    interns: tuple[Intern, ...] = ()
    reports: tuple[DayReport, ...] = ()
    distribution: Distribution = field(default_factory=Distribution)
    profiles: tuple[WorkingTimeProfile, ...] = ()
