"""Interns and extras: the people who work under an agreement of their own."""

from __future__ import annotations

from decimal import Decimal

from coord import agreements, plan
from coord import model as m
from coord.checks import Reporter, check
from coord.checks.people import age_on
from coord.kinds import suggest


@check("interns", reads=("interns", "crew"))
def interns(folder: m.ProductionFolder, out: Reporter) -> None:
    crew = {c.id: c for c in folder.crew}
    placed = {i.crew for i in folder.interns}
    for internship in folder.interns:
        member = crew.get(internship.crew)
        if member is not None and not member.intern:
            out.error(
                internship.at("crew"),
                f"{internship.crew} has an internship but is not marked as an intern",
                f"add 'intern: yes' to {internship.crew} in crew.yaml",
            )
        if internship.supervisor == internship.crew:
            out.error(
                internship.at("supervisor"), "an intern cannot supervise themselves", "name the crew member who looks after them"
            )
        if internship.lacks("agreement_signed"):
            out.warning(
                internship.at("agreement_signed"),
                f"the internship of {internship.crew} has no signed agreement",
                "record the date the agreement was signed under 'agreement_signed:'",
            )
        elif internship.agreement_signed and internship.start and internship.agreement_signed > internship.start:
            out.warning(
                internship.at("agreement_signed"),
                f"the agreement of {internship.crew} was signed {internship.agreement_signed}, after the internship started",
                "an intern should not work before the agreement is signed",
            )
        if internship.start and internship.end and internship.end < internship.start:
            out.error(
                internship.at("end"),
                f"the internship ends {internship.end}, before it starts {internship.start}",
                "swap the dates",
            )
        days = agreements.working_days(internship)
        if internship.leave is not None and days is not None and internship.leave > days:
            out.warning(
                internship.at("leave"),
                f"the internship of {internship.crew} gives {internship.leave} days of leave, more than its {days} "
                f"working days (Monday to Friday, {internship.start} to {internship.end})",
                "write the days of leave over the internship, not a year's entitlement",
            )
    _overlapping_internships(folder, out)
    for member in folder.crew:
        if member.intern and member.id not in placed:
            out.warning(
                member.at("intern"),
                f"{member.id} is an intern without an entry in interns.yaml",
                "record their agreement in interns.yaml",
            )


def _overlapping_internships(folder: m.ProductionFolder, out: Reporter) -> None:
    """One person holds one internship at a time: two at once would count their days, hours and pay twice."""
    seen: dict[str, list[m.Intern]] = {}
    for internship in folder.interns:
        for earlier in seen.get(internship.crew, []):
            if agreements.overlap(earlier, internship):
                out.error(
                    internship.at("crew"),
                    f"{internship.crew} has two internships at once: {internship.id} ({internship.start} to "
                    f"{internship.end}) overlaps {earlier.id} at {earlier.at('crew')} ({earlier.start} to {earlier.end})",
                    "give each internship its own intern (crew:), or make one end before the other starts",
                )
        seen.setdefault(internship.crew, []).append(internship)


# ---- interns: when they work, with whom, how long, for what pay ---------------------------------


def _interns(folder: m.ProductionFolder) -> list[tuple[m.Intern, m.CrewMember]]:
    crew = {c.id: c for c in folder.crew}
    return [(i, crew[i.crew]) for i in folder.interns if i.crew in crew]


def _days(numbers: list[int]) -> str:
    return f"day {numbers[0]}" if len(numbers) == 1 else "days " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


@check("intern-days", reads=("interns", "crew", "days"))
def intern_days(folder: m.ProductionFolder, out: Reporter) -> None:
    """An intern works only within the agreement's period, and only once it is signed (NachwG §2(1a))."""
    for internship, member in _interns(folder):
        others = [i for i in folder.interns if i.crew == internship.crew and i is not internship]
        called = [
            d
            for d in plan.shoot_days(folder)
            if d.date is not None and plan.works_on(member, d) and not any(agreements.in_period(i, d.date) for i in others)
        ]
        early = [d for d in called if internship.start and d.date < internship.start]
        late = [d for d in called if internship.end and d.date > internship.end]
        signed = internship.agreement_signed
        unsigned = [d for d in called if signed is None or d.date < signed]
        if early:
            out.error(
                internship.at("start"),
                f"{member.name} is called on {_days([d.day or 0 for d in early])}, before the internship starts on "
                f"{internship.start}",
                "take those days out of their days: in crew.yaml, or agree an earlier start",
            )
        if late:
            out.error(
                internship.at("end"),
                f"{member.name} is called on {_days([d.day or 0 for d in late])}, after the internship ends on {internship.end}",
                "take those days out of their days: in crew.yaml, or agree a later end",
            )
        if unsigned:
            when = f"before the agreement was signed on {signed}" if signed else "and the agreement is not signed"
            out.error(
                internship.at("agreement_signed") if signed else internship.pos,
                f"{member.name} is called on {_days([d.day or 0 for d in unsigned])} {when}",
                "an intern may start only once the agreement is signed: sign it first, or call them later",
            )


@check("intern-supervisor", reads=("interns", "crew", "days"))
def intern_supervisor(folder: m.ProductionFolder, out: Reporter) -> None:
    crew = {c.id: c for c in folder.crew}
    for internship, member in _interns(folder):
        supervisor = crew.get(internship.supervisor)
        if supervisor is None or supervisor.id == member.id:
            continue
        alone = [d.day or 0 for d in plan.shoot_days(folder) if plan.works_on(member, d) and not plan.works_on(supervisor, d)]
        if alone:
            out.warning(
                internship.at("supervisor"),
                f"{supervisor.name}, who supervises {member.name}, does not work on {_days(alone)}, when {member.name} is called",
                "name someone to look after them on those days, or take the days out of their days:",
            )


@check("intern-hours", reads=("interns", "crew", "days", "reports", "production"))
def intern_hours(folder: m.ProductionFolder, out: Reporter) -> None:
    """Hours a week from each day's call to its wrap, beside the hours agreed."""
    for internship, member in _interns(folder):
        if internship.hours_per_week is None:
            continue
        for week in agreements.planned_weeks(folder, member):
            if week.minutes > internship.hours_per_week * 60:
                out.warning(
                    internship.at("hours_per_week"),
                    f"{member.name} is called for {hours(week.minutes)} in the week of {week.monday} "
                    f"({_days(week.days)}), beyond the {internship.hours_per_week} h a week agreed",
                    "give them fewer days (days: in crew.yaml) or a later call",
                )


def hours(minutes: int) -> str:
    """`55 h` or `40 h 30`."""
    return f"{minutes // 60} h" + (f" {minutes % 60:02d}" if minutes % 60 else "")


@check("intern-minimum-wage", reads=("interns", "production"))
def intern_minimum_wage(folder: m.ProductionFolder, out: Reporter) -> None:
    """Under country: DE, MiLoG §22(1): which internships owe the minimum wage, and whether they pay it."""
    if folder.production.country != "DE":
        return
    settings = folder.production.interns
    wage = settings.minimum_wage if settings else None
    for internship in folder.interns:
        if not agreements.owes_minimum_wage(internship):
            continue
        why = (
            "a voluntary internship owes the minimum wage from the first day (MiLoG §22(1))"
            if internship.kind == "voluntary"
            else f"an {internship.kind.replace('_', ' ') if internship.kind else ''} internship longer than three months "
            "owes the minimum wage for the whole internship (MiLoG §22(1) nos. 2 and 3)"
        )
        where = internship.at("stipend") if internship.written("stipend") else internship.pos
        if wage is None:
            out.warning(
                where,
                f"the internship of {internship.crew}: {why}",
                "set interns: minimum_wage: in production.yaml to check its pay",
            )
            continue
        per_hour = agreements.hourly_pay(internship) if internship.stipend else Decimal(0)
        currency = settings.currency if settings else "EUR"
        if per_hour is None:
            out.warning(
                where,
                f"the internship of {internship.crew}: {why}, and its pay per hour cannot be worked out",
                "agree hours_per_week (and daily_hours for pay per day) to check it",
            )
        elif per_hour < wage or (internship.stipend and internship.stipend.currency != currency):
            out.warning(
                where,
                f"the internship of {internship.crew}: {why} of {currency} {wage:.2f} an hour, "
                f"but pays {internship.stipend.currency if internship.stipend else currency} {per_hour:.2f} an hour",
                "pay at least the minimum wage, or keep an orientation internship to three months",
            )


@check("intern-agreement-elements", reads=("interns", "crew", "production"))
def intern_agreement_elements(folder: m.ProductionFolder, out: Reporter) -> None:
    """Under country: DE, NachwG §2(1a): what an internship agreement must state in writing before the start."""
    if folder.production.country != "DE":
        return
    settings = folder.production.interns
    for internship, member in _interns(folder):
        missing = [
            label
            for label, given in (
                (f"{member.name}'s address (address: in crew.yaml)", member.address),
                ("the learning goals", internship.learning_goals),
                ("the daily hours", internship.daily_hours),
                ("the pay (stipend, 0.00 when unpaid)", internship.stipend),
                ("the leave", internship.leave is not None),
                (
                    "the applicable agreements (interns: collective_agreements: in production.yaml)",
                    settings and settings.collective_agreements,
                ),
            )
            if not given
        ]
        if missing:
            out.warning(
                internship.pos,
                f"the agreement of {member.name} lacks what NachwG §2(1a) requires in writing before the start: "
                + ", ".join(missing),
                "add them, so that coord agreement prints them",
            )


# ---- extras: agreements, counts, overtime, minors ---------------------------------------------


@check("extras-agreements", reads=("extras", "days", "production"))
def extras_agreements(folder: m.ProductionFolder, out: Reporter) -> None:
    """Every day an extra is booked, their agreement (their own, their group's or the production's) is signed."""
    dates = {d.day: d.date for d in plan.shoot_days(folder) if d.date is not None}
    for extra in folder.extras:
        if any("signed" in layer.invalid for layer in agreements.layers(extra, folder.production)):
            continue  # a signing date that failed to load is reported where it is written
        agreed = agreements.terms(extra, folder.production)
        booked = [d for d in extra.days if d in dates]
        unsigned = [d for d in booked if agreed.signed is None or dates[d] < agreed.signed]
        if not unsigned:
            continue
        if agreed.signed is None:
            message = f"{extra.name} is booked on {_days(unsigned)} without a signed agreement"
        else:
            message = f"{extra.name} is booked on {_days(unsigned)}, before the agreement was signed on {agreed.signed}"
            if agreed.signed_at and agreed.signed_at.file != extra.pos.file:
                message += f" ({agreed.signed_at})"
        out.error(
            extra.at("days", unsigned[0]),
            message,
            "record the date under agreement: signed: (for a whole group: under extras: groups: in production.yaml)",
        )


@check("extras-currency", reads=("extras", "production"))
def extras_currency(folder: m.ProductionFolder, out: Reporter) -> None:
    """An amount an agreement inherits must be in the agreement's currency: nothing converts it, so it would be
    printed under the other currency's code. Reported once where the currency is written, not for every extra."""
    reported: set[tuple[str, str]] = set()
    for extra in folder.extras:
        for foreign in agreements.foreign_amounts(extra, folder.production):
            where = foreign.currency_from.at("currency")
            if (str(where), foreign.field) in reported:
                continue
            reported.add((str(where), foreign.field))
            name = agreements.MONEY_FIELDS[foreign.field]
            out.error(
                where,
                f"this agreement is in {foreign.currency}, but its {name} comes from the agreement at "
                f"{foreign.supplier.at(foreign.field)}, which is in {foreign.its_currency}: "
                f"{extra.name}'s {name} would be printed in {foreign.currency} without being converted",
                f"write {foreign.field}: in {foreign.currency} in this agreement as well",
            )


@check("extras-groups", reads=("extras", "production"))
def extras_groups(folder: m.ProductionFolder, out: Reporter) -> None:
    settings = folder.production.extras
    if settings is None:
        return
    known = {agreements.group_key(e.group) for e in folder.extras if e.group}
    names = sorted({e.group for e in folder.extras if e.group})
    for name in settings.groups:
        if agreements.group_key(name) not in known:
            close = suggest(name, names)
            out.warning(
                settings.at("groups", name),
                f'no extra is in the group "{name}", so its agreement applies to nobody',
                f'did you mean "{close}"?' if close else "write the group as the extras' group: in extras.yaml",
            )


@check("background-count", reads=("extras", "days"))
def background_count(folder: m.ProductionFolder, out: Reporter) -> None:
    """The background a day calls for each group, beside the extras booked for it."""
    for day in plan.shoot_days(folder):
        called: dict[str, tuple[str, int, m.Background]] = {}
        for entry in day.background:
            key = agreements.group_key(agreements.background_group(entry))
            name, count, first = called.get(key, (agreements.background_group(entry), 0, entry))
            called[key] = (name, count + (entry.count or 0), first)
        booked: dict[str, list[m.Extra]] = {}
        for extra in agreements.booked_on(folder, day):
            booked.setdefault(agreements.group_key(extra.group), []).append(extra)
        unknown = {agreements.group_key(agreements.background_group(e)) for e in day.background if "count" in e.invalid}
        for key, (name, count, entry) in called.items():
            number = len(booked.get(key, []))
            if number != count and key not in unknown:
                out.warning(
                    entry.at("count"),
                    f"day {day.day} calls {count} {name}, but {number} extra{'s' if number != 1 else ''} of that group "
                    f"{'are' if number != 1 else 'is'} booked for it",
                    "book them in extras.yaml (group: and days:), or correct the count",
                )
        for key, extras in booked.items():
            if key not in called:
                group = f'the group "{extras[0].group}"' if extras[0].group else "no group"
                out.warning(
                    extras[0].at("days", day.day),
                    f"{len(extras)} extra{'s' if len(extras) > 1 else ''} in {group} {'are' if len(extras) > 1 else 'is'} "
                    f"booked for day {day.day}, but the day calls no such background",
                    f"add them to day {day.day}'s background: (with group:), or take the day out of their days:",
                )


@check("extras-overtime", reads=("extras", "reports", "days", "production"))
def extras_overtime(folder: m.ProductionFolder, out: Reporter) -> None:
    """Background who worked beyond the hours their agreement includes, with the overtime owed."""
    days = {d.day: d for d in plan.shoot_days(folder) if d.date is not None}
    for report in folder.reports:
        day = days.get(report.day)
        if day is None:
            continue
        for line in report.extras:
            worked = agreements.worked_minutes(line, day.date, folder.production.timezone)
            if worked is None or line.approved_by:
                continue
            owed = overtime_owed(folder, day, line, worked)
            if owed is not None:
                out.warning(line.at("wrap"), owed, "pay it with their fees; record who approved it under approved_by:")


def overtime_owed(folder: m.ProductionFolder, day: m.ShootDay, line: m.ExtrasWorked, worked: int) -> str | None:
    """What a report's background line owes beyond its extras' included hours, in words; None when nothing."""
    key = agreements.group_key(agreements.background_group(line))
    extras = [e for e in agreements.booked_on(folder, day) if agreements.group_key(e.group) == key]
    agreed = [agreements.terms(e, folder.production) for e in extras]
    units = [agreements.overtime_units(t, worked) for t in agreed]
    if not any(units):
        return None
    pays = [agreements.overtime_pay(t, worked) for t in agreed]
    paid = [p for p in pays if p is not None]
    included = min(t.hours for t in agreed if t.hours is not None)
    units_each = ""
    if len(set(units)) == 1:
        unit = "hour" if agreed[0].overtime is not None and agreed[0].overtime.per == "hour" else "half hour"
        units_each = f"{units[0]} started {unit}{'s' if units[0] > 1 else ''} each, "
    money = f"{agreed[0].currency} {sum(paid, Decimal(0)):,.2f}"
    owed = f"{units_each}{money} owed to {len(extras)} extra{'s' if len(extras) > 1 else ''}"
    if len(paid) < len(pays):
        owed += f" (no overtime rate agreed for {len(pays) - len(paid)} of them)"
    times = f"{line.call.clock}–{line.wrap.clock}" if line.call and line.wrap else ""
    return (
        f"{agreements.background_group(line)} worked {hours(worked)} on day {day.day} ({times}), "
        f"beyond the {hours(included)} included: overtime {owed}"
    )


@check("minor-extras", reads=("extras", "days"))
def minor_extras(folder: m.ProductionFolder, out: Reporter) -> None:
    """A minor works with a guardian's consent and a permit valid on every day booked."""
    dates = {d.day: d.date for d in plan.shoot_days(folder) if d.date is not None}
    for extra in folder.extras:
        booked = sorted(dates[d] for d in extra.days if d in dates)
        if not extra.minor:
            if extra.date_of_birth and booked and age_on(extra.date_of_birth, booked[0]) < 18:
                out.error(
                    extra.at("date_of_birth"),
                    f"{extra.name} is under 18 on the first day booked but not marked as a minor",
                    "add 'minor: yes'",
                )
            continue
        lacking = [what for what, given in (("a guardian", extra.guardian), ("a work permit", extra.permit)) if not given]
        if lacking:
            out.error(
                extra.at("minor"),
                f"{extra.name} is a minor without {' or '.join(lacking)}",
                "add guardian: (name, phone) and permit: (number, authority, until) before they are booked",
            )
        permit = extra.permit
        if permit and permit.until and booked and booked[-1] > permit.until:
            out.error(
                permit.at("until"),
                f"{extra.name}'s work permit runs out on {permit.until}, before their last day booked ({booked[-1]})",
                "renew the permit, or book them only until it runs out",
            )
