"""Working-time profiles: the numbers of a union agreement or of the law, as data, and who works under which.

The profiles coord ships are YAML files in coord/profiles/, one per name, each number beside
its source. A production adds its own in working-time.yaml, or changes single numbers of a
shipped one by giving an entry of the same name (or `based_on:` it). This module reads the
shipped profiles, lays a production's numbers over them and says which profile each person
works under; coord.workrules applies the numbers. docs/working-time.md lists them all.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from coord import model as m
from coord.errors import CoordError
from coord.findings import Findings, Pos
from coord.load import load_record
from coord.sources import FileSource

PACKAGED = Path(__file__).parent / "profiles"
#: The profile of a production that names none: it places the call sheet's first meal, and no rule is checked.
DEFAULT = "default"

P = TypeVar("P", bound=m.Entry)


@lru_cache(maxsize=1)
def shipped() -> dict[str, m.WorkingTimeProfile]:
    """The profiles coord ships, by name; a broken one is a bug in coord, caught by its tests."""
    findings = Findings()
    profiles = {}
    for path in sorted(PACKAGED.glob("*.yaml")):
        profile = load_record(FileSource(PACKAGED), path.name, m.WorkingTimeProfile, findings)
        if profile is not None:
            profiles[profile.name.lower()] = profile
    if findings:
        raise RuntimeError("; ".join(f"coord/profiles/{f.pos}: {f.message}" for f in findings))
    return profiles


@dataclass(frozen=True)
class Problem:
    """A name that does not lead to a profile, or a profile that cannot be made: what the working-time-profile check reports."""

    pos: Pos
    message: str
    hint: str


@dataclass
class Profiles:
    """The profiles a production can name (the shipped ones with its own laid over them) and who works under which."""

    by_name: dict[str, m.WorkingTimeProfile]
    production: m.Production
    problems: list[Problem] = field(default_factory=list)
    #: A profile everyone is checked against instead of the ones named (`coord validate --profile`).
    instead: str | None = None

    def named(self, name: str | None) -> m.WorkingTimeProfile | None:
        return self.by_name.get(name.lower()) if name else None

    def name_of(self, person: m.CrewMember | m.CastMember) -> str | None:
        """The profile a person works under: their own, else the crew's or the cast's; None when none is named."""
        if self.instead:
            return self.instead
        if person.working_time:
            return person.working_time
        choice = self.production.working_time
        if choice is None:
            return None
        return choice.cast if isinstance(person, m.CastMember) else choice.crew

    def of(self, person: m.CrewMember | m.CastMember) -> m.WorkingTimeProfile | None:
        """The profile whose rules are checked for a person; None when they work under none (or an unknown one)."""
        return self.named(self.name_of(person))

    def for_call_sheet(self) -> m.WorkingTimeProfile:
        """The profile the call sheet's times follow: the crew's, else the default."""
        choice = self.production.working_time
        return self.named(choice.crew if choice else None) or self.by_name[DEFAULT]


def profiles(folder: m.ProductionFolder, instead: str | None = None) -> Profiles:
    """The shipped profiles with the production's own (working-time.yaml) merged over them.

    `instead`: the name of a profile to check everyone against, whatever the files name (a CoordError if
    there is none of that name).
    """
    known = dict(shipped())
    own = {p.name.lower(): p for p in folder.profiles if p.name}
    result = Profiles({}, folder.production, instead=instead)
    for name in sorted(set(known) | set(own)):
        profile = _resolve(name, own, known, result, ())
        if profile is not None:
            result.by_name[name] = profile
    result.problems = list(dict.fromkeys(result.problems))
    if instead is not None:
        _check_instead(instead, result, known, own)
    return result


def _check_instead(
    name: str, found: Profiles, known: dict[str, m.WorkingTimeProfile], own: dict[str, m.WorkingTimeProfile]
) -> None:
    """A profile to check everyone against must be one that checks something and can be made."""
    if name.strip().lower() == DEFAULT or not name.strip():
        raise CoordError(
            f"--profile {DEFAULT} checks nobody: it is the numbers the call sheet uses when no profile is named; "
            "name one that has rules, e.g. --profile eu"
            if name.strip()
            else "--profile needs the name of a working-time profile, e.g. --profile eu"
        )
    if found.named(name) is not None:
        return
    mine = own.get(name.lower())
    if mine is not None:
        problems = "; ".join(f"{p.pos}: {p.message}" for p in found.problems) or "see coord validate"
        raise CoordError(f'--profile: the profile "{mine.name}" of working-time.yaml cannot be made: {problems}')
    message, hint = unknown_profile("--profile", name, known, own)
    raise CoordError(f"{message}; {hint}")


def _resolve(
    name: str,
    own: dict[str, m.WorkingTimeProfile],
    known: dict[str, m.WorkingTimeProfile],
    result: Profiles,
    seen: tuple[str, ...],
) -> m.WorkingTimeProfile | None:
    """A profile with the numbers of those it is based on filled in; None (and a problem) when that cannot be done."""
    mine = own.get(name)
    if mine is None:  # a shipped profile, maybe based on another shipped one
        profile = known[name]
        base = _resolve(profile.based_on.lower(), {}, known, result, (*seen, name)) if profile.based_on else None
        return merged(base, profile) if base else profile
    base_name = (mine.based_on or "").lower() or (name if name in known else "")
    if not base_name:
        return mine
    if base_name in seen or (base_name == name and name not in known):
        chain = " → ".join((*seen, name, base_name))
        result.problems.append(
            Problem(
                mine.at("based_on"), f'profile "{mine.name}" is based on itself ({chain})', "remove based_on from one of them"
            )
        )
        return None
    if base_name not in own and base_name not in known:
        result.problems.append(Problem(mine.at("based_on"), *unknown_profile("based_on", mine.based_on or "", known, own)))
        return None
    others = {n: p for n, p in own.items() if n != name} if base_name == name else own
    base = _resolve(base_name, others, known, result, (*seen, name))
    return merged(base, mine) if base else None


def unknown_profile(field_name: str, name: str, known: dict[str, Any], own: dict[str, Any]) -> tuple[str, str]:
    """The message and hint for a profile name that leads nowhere."""
    from coord.kinds import suggest

    names = sorted(set(known) | set(own) - {DEFAULT})
    close = suggest(name.lower(), names)
    hint = ("did you mean " + f'"{close}"? ' if close else "") + (
        "coord ships: " + ", ".join(sorted(set(known) - {DEFAULT})) + "; a profile of your own goes in working-time.yaml"
    )
    return f'{field_name}: "{name}" is not a working-time profile', hint


def merged(base: P | None, own: P) -> P:
    """`own` laid over `base`, field by field: what `own` writes wins, a group of numbers is merged number by number.

    The minors' bands are merged by age. A group that changes numbers of the base without its own `source:`
    says where it was changed, so that no number is ever shown with a source that does not give it.
    """
    if base is None:
        return own
    changes: dict[str, Any] = {}
    for _key, attr, _meta in m.schema_fields(type(own)):
        if not own.written(attr):
            continue
        mine, theirs = getattr(own, attr), getattr(base, attr)
        if isinstance(mine, m.Rule) and isinstance(theirs, m.Rule):
            changes[attr] = merged(theirs, mine)
        elif attr == "minors":
            changes[attr] = _merged_bands(theirs, mine)
        else:
            changes[attr] = mine
    if isinstance(own, m.Rule) and isinstance(base, m.Rule) and changes:
        changes["source"] = _merged_source(base, own)
    return dataclasses.replace(base, **changes, where={**base.where, **own.where}, pos=own.pos)


def _merged_bands(base: tuple[m.MinorBand, ...], own: tuple[m.MinorBand, ...]) -> tuple[m.MinorBand, ...]:
    """Minors' bands merged by age: a band of the same ages changes numbers of that band, a new one is added."""
    mine = {(b.from_age, b.to_age): b for b in own}
    kept = [merged(b, mine.pop((b.from_age, b.to_age))) if (b.from_age, b.to_age) in mine else b for b in base]
    return tuple(sorted([*kept, *mine.values()], key=lambda b: b.from_age))


def _merged_source(base: m.Rule, own: m.Rule) -> str:
    """The source of a group whose numbers come from two profiles: each number's source is named."""
    numbers = [attr for _k, attr, _m in m.schema_fields(type(own)) if attr not in ("source", "second_hand", "severity", "note")]
    inherited = [attr for attr in numbers if base.written(attr) and not own.written(attr)]
    if not own.written("source"):
        return f"{base.source or 'no source given'}; changed in {own.pos}"
    if inherited:
        return f"{own.source}; the other numbers: {base.source or 'no source given'}"
    return own.source or ""
