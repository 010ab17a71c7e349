"""Agreements to sign: an extra's (dates, place, fee, rights) and an intern's (what NachwG §2(1a) requires in writing).

Both are the same kind of document, parties, numbered clauses and signature lines, so
one set of templates prints them; a production replaces them all (`agreement.typ`), those
of one kind (`agreement.extra.typ`, `agreement.intern.typ`) or one person's
(`agreement.bg-birte-claussen.typ`). The wording is in coord.labels, English and German;
a production's own template may word it differently from the same data. An agreement
holds a home address, so its files are written readable by their owner only.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from coord import agreements, plan
from coord import labels as lb
from coord import model as m
from coord.documents import Context, Document, Item, register
from coord.documents.common import clock, common_context, counted, format_date, hours_in_words, money
from coord.errors import CoordError
from coord.kinds import suggest

INPUTS = ("production", "crew", "locations", "days", "extras", "interns")


def items(folder: m.ProductionFolder, ids: list[str], all_agreements: bool = False, language: str | None = None) -> list[Item]:
    """The agreements of the extras and internships named (an internship by its id or the intern's crew id), or all."""
    extras = {e.id: e for e in folder.extras}
    internships = {i.id: i for i in folder.interns}
    named = [_named(name, extras, internships, folder.interns) for name in ids]
    wanted: list[m.Extra | m.Intern] = [*extras.values(), *folder.interns] if all_agreements else named
    if not wanted:
        raise CoordError(
            "there are no extras or internships yet"
            if all_agreements
            else "name an extra or an internship (coord agreement bg-birte-claussen), or use --all"
        )
    production = dataclasses.replace(folder.production, language=language) if language else folder.production
    made = []
    for entry in wanted:
        if isinstance(entry, m.Extra):
            key, kind, context = entry.id, "extra", extra_agreement(folder, production, entry)
        else:
            key, kind, context = entry.id, "intern", intern_agreement(folder, production, entry)
        made.append(Item(f"agreement-{key}", context, private=True, variants=(key, kind)))
    return made


def _named(
    name: str, extras: dict[str, m.Extra], internships: dict[str, m.Intern], every: tuple[m.Intern, ...]
) -> m.Extra | m.Intern:
    """The extra or internship an id on the command line names; an intern's crew id names their only internship."""
    held = [i for i in every if i.crew == name]
    if name in extras and (name in internships or held):
        raise CoordError(f'"{name}" is both an extra and an internship; rename one of them')
    if name in extras:
        return extras[name]
    if name in internships:
        return internships[name]
    if len(held) == 1:
        return held[0]
    if held:
        choices = ", ".join(i.id for i in held)
        raise CoordError(f"{name} has {len(held)} internships; name the one to print: {choices}")
    close = suggest(name, [*extras, *internships, *(i.crew for i in every)])
    hint = f'did you mean "{close}"?' if close else "give the id of an extra (extras.yaml) or an internship (interns.yaml)"
    raise CoordError(f'there is no extra or internship "{name}"; {hint}')


UNSENT = (
    "it holds the person's home address and is theirs alone. Publish it without --send or --dry-run to record "
    "its revision, then print it for them to sign, or give it to them yourself"
)
DOCUMENT = register(Document("agreement", "agreement", INPUTS, "agreements", items, unsent=UNSENT))


def _party(role: str, name: str, *lines: str | None) -> dict[str, Any]:
    return {"role": role, "name": name, "lines": [line for line in lines if line]}


def _company(production: m.Production, words: dict[str, str]) -> dict[str, Any]:
    office = production.office
    return _party(words["party_company"], production.company, office.address if office else None)


def _clauses(*clauses: tuple[str, list[str], dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Numbered clauses: (title, paragraphs, extras such as a table or bullets); None ones left out."""
    given = [c for c in clauses if c is not None]
    return [
        {"title": f"{number}. {title}", "paragraphs": paragraphs, "table": more.get("table"), "bullets": more.get("bullets", [])}
        for number, (title, paragraphs, more) in enumerate(given, 1)
    ]


def extra_agreement(folder: m.ProductionFolder, production: m.Production, extra: m.Extra) -> Context:
    """An extra's agreement: the days with call and place, the fee, the rights granted, cancellation, a minor's guardian."""
    language = production.language
    words = dict(lb.labels(language))
    agreed = agreements.terms(extra, production)
    rights = words["rights"].format(
        company=production.company,
        media=agreed.media or words["rights_media"],
        territory=agreed.territory or words["rights_territory"],
        term=agreed.term or words["rights_term"],
    )
    if agreed.rights_in_words:
        rights = words["rights_in_words"].format(rights=agreed.rights_in_words.rstrip("."))
    engagement = words["engagement" if extra.group else "engagement_no_group"].format(
        name=extra.name, group=extra.group, title=production.title, company=production.company
    )
    minor: tuple[str, list[str], dict[str, Any]] | None = None
    if extra.minor:
        guardian = extra.guardian.name if extra.guardian else "–"
        born = format_date(extra.date_of_birth, language) if extra.date_of_birth else "–"
        paragraphs = [words["minor"].format(name=extra.name, born=born, guardian=guardian)]
        if extra.permit:
            permit = extra.permit
            paragraphs.append(
                words["permit"].format(
                    number=permit.number,
                    authority=permit.authority or "–",
                    until=format_date(permit.until, language) if permit.until else "–",
                )
            )
        minor = (words["clause_minor"], paragraphs, {})
    parties = [_company(production, words), _party(words["party_extra"], extra.name, extra.address)]
    signatures = [words["for_company"].format(company=production.company), extra.name]
    if extra.minor and extra.guardian:
        parties.append(_party(words["party_guardian"], extra.guardian.name))
        signatures.append(f"{extra.guardian.name} ({words['party_guardian']})")
    return {
        **common_context(production),
        "kind": "extra",
        "title": words["extra_agreement"],
        "reference": extra.id,
        "parties": parties,
        "intro": "",
        "clauses": _clauses(
            (
                words["clause_engagement"],
                [engagement, *([words["booked_through"].format(agency=extra.agency)] if extra.agency else [])],
                {"table": _days_table(folder, production, extra)},
            ),
            (words["clause_fee"], _fee(agreed, language), {}),
            (words["clause_rights"], [rights], {}),
            (words["clause_fittings"], [agreed.fittings], {}) if agreed.fittings else None,
            (words["clause_cancellation"], [agreed.cancellation], {}) if agreed.cancellation else None,
            minor,
        ),
        "signatures": signatures,
    }


def _days_table(folder: m.ProductionFolder, production: m.Production, extra: m.Extra) -> dict[str, Any]:
    """The days booked: day, date, the group's call and where they report, and the location's address."""
    language = production.language
    words = lb.labels(language)
    locations = {loc.id: loc for loc in folder.locations}
    key = agreements.group_key(extra.group)
    rows = []
    for day in plan.shoot_days(folder):
        if day.day not in extra.days or day.date is None:
            continue
        line = next((b for b in day.background if agreements.group_key(agreements.background_group(b)) == key), None)
        rows.append(
            [
                str(day.day),
                f"{lb.weekday_short(day.date.weekday(), language)} {format_date(day.date, language)}",
                clock(line.call) if line else "",
                " · ".join(_places(day, line.report_to if line else None, locations)),
            ]
        )
    return {"header": [words["strip_day"], words["date"], words["call"], words["place"]], "rows": rows}


def _places(day: m.ShootDay, report_to: str | None, locations: dict[str, m.Location]) -> list[str]:
    """Where to report, and the address of the day's location it names (else of the day's main location)."""
    places = [locations[i] for i in day.locations if i in locations]
    named = [loc for loc in places if report_to and loc.name.casefold() in report_to.casefold()] or places[:1]
    return [*([report_to] if report_to else []), *(f"{loc.name}, {loc.address}" for loc in named)]


def _fee(agreed: agreements.Terms, language: str) -> list[str]:
    words = lb.labels(language)
    if agreed.rate is None:
        return [words["fee_none"]]
    rate = money(agreed.rate, agreed.currency, language)
    fee = words["fee_hour" if agreed.per == "hour" else "fee_day"].format(rate=rate)
    lines = [
        words["fee_included"].format(fee=fee, hours=hours_in_words(agreed.hours, language))
        if agreed.hours
        else words["fee_only"].format(fee=fee)
    ]
    if agreed.overtime is not None and agreed.hours:
        over = money(agreed.overtime.rate, agreed.currency, language)
        lines.append(words[f"fee_overtime_{agreed.overtime.per}"].format(rate=over))
    if agreed.wardrobe_allowance:
        lines.append(words["fee_wardrobe"].format(amount=money(agreed.wardrobe_allowance, agreed.currency, language)))
    return lines


def intern_agreement(folder: m.ProductionFolder, production: m.Production, internship: m.Intern) -> Context:
    """The seven things NachwG §2(1a) requires in writing: parties, goals, start and duration, daily hours, pay,
    leave, and the agreements that apply."""
    language = production.language
    words = dict(lb.labels(language))
    crew = {c.id: c for c in folder.crew}
    member = crew.get(internship.crew)
    name = member.name if member else internship.crew
    supervisor = crew.get(internship.supervisor)
    period = [
        words["period_text"].format(
            kind=words[f"kind_{internship.kind or 'none'}"],
            start=format_date(internship.start, language),
            end=format_date(internship.end, language),
            days=agreements.length_in_days(internship) or "–",
        )
    ]
    period[0] = period[0][0].upper() + period[0][1:]
    if internship.school:
        period.append(words["school_text"].format(school=internship.school))
    if supervisor:
        period.append(
            words["supervisor_text"].format(
                name=supervisor.name, role=supervisor.role, department=lb.department(supervisor.department, language)
            )
        )
    settings = production.interns
    return {
        **common_context(production),
        "kind": "intern",
        "title": words["intern_agreement"],
        "reference": internship.id,
        "parties": [
            _company(production, words),
            _party(words["party_intern"], name, member.address if member else None),
        ],
        "intro": words["intern_record"],
        "clauses": _clauses(
            (
                words["clause_goals"],
                [] if internship.learning_goals else [words["not_agreed"]],
                {"bullets": list(internship.learning_goals)},
            ),
            (words["clause_period"], period, {}),
            (words["clause_hours"], [_hours(internship, language)], {}),
            (words["clause_pay"], [_pay(internship, language)], {}),
            (
                words["clause_leave"],
                [counted(words, "leave_text", internship.leave) if internship.leave is not None else words["not_agreed"]],
                {},
            ),
            (
                words["clause_agreements"],
                [settings.collective_agreements if settings and settings.collective_agreements else words["not_agreed"]],
                {},
            ),
        ),
        "signatures": [words["for_company"].format(company=production.company), name],
    }


def _hours(internship: m.Intern, language: str) -> str:
    words = lb.labels(language)
    if internship.daily_hours is None:
        return words["not_agreed"]
    daily = hours_in_words(internship.daily_hours, language)
    if internship.hours_per_week is None:
        return words["hours_daily_only"].format(daily=daily)
    return words["hours_text"].format(daily=daily, weekly=internship.hours_per_week)


def _pay(internship: m.Intern, language: str) -> str:
    words = lb.labels(language)
    pay = internship.stipend
    if pay is None:
        return words["not_agreed"]
    if not pay.amount:
        return words["pay_unpaid"]
    return words["pay_text"].format(amount=money(pay.amount, pay.currency, language), per=words[f"per_{pay.per}"])
