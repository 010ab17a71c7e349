"""Working time: every profile named exists and can be made, and nobody's planned or reported day breaks its rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from coord import model as m
from coord.checks import Reporter, check
from coord.findings import ERROR
from coord.shifts import Shift
from coord.values import hours
from coord.workrules import Breach, accepted, accepting, evaluate, overlapping_days
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
    people, days = evaluate(folder, instead=out.options.profile)
    unsized: dict[int, tuple[m.Accepted, int]] = {}
    for breach in [b for who in people for b in who.breaches] + days:
        record = accepted(breach)
        if record is not None:
            if record.up_to is None and "up_to" not in record.invalid and breach.excess is not None:
                largest = unsized.get(id(record), (record, 0))[1]
                unsized[id(record)] = (record, max(largest, breach.excess))
            continue
        message = breach.message + "".join(
            f"; accepted at {a.at('up_to')} up to {hours(a.up_to or 0)}, this is {hours(breach.excess or 0)}"
            for a in accepting(breach)
        )
        if breach.level == ERROR:
            out.error(breach.pos, message, breach.hint + _accept_hint(breach))
        else:
            out.warning(breach.pos, message, breach.hint)
    for record, largest in unsized.values():
        out.warning(
            record.at("rule"),
            f"this acceptance of {record.rule} records no size, so it would cover a breach of any size "
            f"(the largest it covers now is {hours(largest)} past the rule)",
            f"add up_to: {hours(largest)} to it, so that a larger breach is reported again",
        )
    for report in folder.reports:
        for record in report.accepted:
            if record.up_to is not None and record.rule in UNSIZED_RULES:
                out.warning(
                    record.at("up_to"),
                    f"up_to has no effect on {record.rule}: that rule is not broken by a length of time",
                    "remove up_to: the acceptance covers the breach as it is",
                )


#: The rules whose breaches are counted (days, minors and teachers) rather than measured in hours past a number.
UNSIZED_RULES = ("days-in-a-row", "minors")


@check("working-days", reads=RULE_INPUTS)
def working_days(folder: m.ProductionFolder, out: Reporter) -> None:
    """A person's working day ends before their next one begins: overlapping days would count the same hours twice."""
    for name, before, after in overlapping_days(folder):
        wrap, call = ("" if s.actual else "planned " for s in (before, after))
        out.error(
            before.end_at,
            f"{name}: the {wrap}wrap {before.end} of day {before.number} is {_moment(before.ends, before)}, at or after "
            f"their {call}call on day {after.number}, {_moment(after.begins, after)}: the two working days overlap",
            f"correct the wrap of day {before.number} (a time after midnight counts on from 24:00: 01:30 the next morning "
            f"is 25:30), or the call of day {after.number}",
        )


def _moment(moment: dt.datetime, shift: Shift) -> str:
    """A real moment on the production's clock: `23:59 on Tue 2 Mar`."""
    local = moment.astimezone(ZoneInfo(shift.clock.timezone))
    return f"{local:%H:%M} on {local:%a} {local.day} {local:%b}"


def _accept_hint(breach: Breach) -> str:
    return (
        f"; once dealt with, record it in the report: accepted: [{{people: [{breach.person}], rule: {breach.rule}, note: ...}}]"
    )
