"""Working time: every profile named exists and can be made, and nobody's planned or reported day breaks its rules."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check
from coord.findings import ERROR
from coord.workrules import Breach, accepted, evaluate
from coord.worktime import profiles, shipped, unknown_profile

#: The inputs the rules read: who works (crew, cast), when (days, transport, reports) and under which numbers.
RULE_INPUTS = ("production", "crew", "cast", "days", "transport", "reports", "profiles")


@check("working-time-profile", reads=("production", "crew", "cast", "profiles"))
def working_time_profile(folder: m.ProductionFolder, out: Reporter) -> None:
    found = profiles(folder)
    own = {p.name.lower(): p for p in folder.profiles if p.name}
    for problem in found.problems:
        out.error(problem.pos, problem.message, problem.hint)
    named: list[tuple[m.Entry, str, str | None]] = []
    choice = folder.production.working_time
    if choice is not None:
        named += [(choice, "crew", choice.crew), (choice, "cast", choice.cast)]
    everyone: list[m.CrewMember | m.CastMember] = [*folder.crew, *folder.cast]
    named += [(person, "working_time", person.working_time) for person in everyone]
    reported: set[tuple[object, str]] = set()
    for entry, attr, name in named:
        place = entry.at(attr)
        if name and found.named(name) is None and name.lower() not in own and (place, name) not in reported:
            reported.add((place, name))
            out.error(place, *unknown_profile("working_time", name, shipped(), own))
    for profile in folder.profiles:
        _own_profile(profile, out)


def _own_profile(profile: m.WorkingTimeProfile, out: Reporter) -> None:
    """A production's own numbers say where they come from, and its age bands run forwards."""
    groups = [(key, getattr(profile, attr)) for key, attr, _ in m.schema_fields(m.WorkingTimeProfile)]
    rules = [(key, g) for key, g in groups if isinstance(g, m.Rule)]
    rules += [(f"surcharges ({s.kind})", s) for s in profile.surcharges] + [("minors", b) for b in profile.minors]
    for key, group in rules:
        numbers = [attr for _k, attr, _ in m.schema_fields(type(group)) if attr not in ("source", "second_hand", "severity")]
        if not group.written("source") and any(group.written(attr) for attr in numbers):
            out.warning(
                group.pos,
                f"profile {profile.name}: the numbers under {key} do not say where they come from",
                "add 'source:' with the law or agreement and its clause, e.g. source: TV FFS TZ 5.9.1",
            )
    for band in profile.minors:
        if band.from_age >= band.to_age and "from_age" not in band.invalid and "to_age" not in band.invalid:
            out.error(
                band.at("to_age"),
                f"profile {profile.name}: a minors' band from {band.from_age} to {band.to_age}",
                "'to:' is the older age",
            )


@check("working-time", reads=RULE_INPUTS, blocks=False)
def working_time(folder: m.ProductionFolder, out: Reporter) -> None:
    """Each person's plan and reported days against their profile; reported breaches at the profile's severity.

    A reported breach the report lists under `accepted:` is not reported again: it was dealt with.
    """
    people, days = evaluate(folder)
    for breach in [b for who in people for b in who.breaches] + days:
        if accepted(breach) is not None:
            continue
        if breach.level == ERROR:
            out.error(breach.pos, breach.message, breach.hint + _accept_hint(breach))
        else:
            out.warning(breach.pos, breach.message, breach.hint)


def _accept_hint(breach: Breach) -> str:
    return (
        f"; once dealt with, record it in the report: accepted: [{{people: [{breach.person}], rule: {breach.rule}, note: ...}}]"
    )
