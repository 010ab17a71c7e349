"""Build documents into files: check the inputs, render each format, write only what changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coord import documents, render
from coord import model as m
from coord.checks import validate
from coord.findings import CoordError, Finding
from coord.schedule import call_of, shoot_days

#: The files a call sheet is made from; errors elsewhere (equipment, interns) do not block it.
DOCUMENT_FORMATS = ("pdf", "html", "md", "docx")
CONTACT_INPUTS = ("production.yaml", "crew", "cast", "locations", "hotels", "equipment")
CONTACT_EXPORTS = ("csv", "vcf")
#: Where a calendar's SEQUENCE numbers are remembered, beside the .ics files.
CALENDAR_STATE = ".coord-calendar.json"
CALLSHEET_INPUTS = ("production.yaml", "crew", "cast", "locations", "scenes", "schedule.yaml", "days", "hotels", "transport")


@dataclass
class Outcome:
    """What a build did: files written, files already up to date, and what the user should know about them."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_for(root: Path, inputs: Iterable[str]) -> m.ProductionFolder:
    """Load and validate the folder; refuse when the files a document needs have errors."""
    folder, findings = validate(root)
    wanted = tuple(inputs)
    blocking = [f for f in findings.errors if _source(f) in wanted]
    if folder is None or blocking:
        shown = "\n".join(f"  {f.pos}: {f.message}" for f in (blocking or findings.errors)[:10])
        raise CoordError(f"the production has errors; fix them first (coord validate {root} lists them all):\n{shown}")
    return folder


def _source(finding: Finding) -> str:
    """`crew/camera.yaml` and `crew.yaml` both come from 'crew'."""
    name = finding.pos.file.split("/")[0]
    return name if name in ("production.yaml", "schedule.yaml") else name.removesuffix(".yaml")


def callsheet_name(day: m.ShootDay, person: str | None, ext: str) -> str:
    suffix = f"-{person}" if person else ""
    return f"{day.date}-day-{day.day or 0:02d}{suffix}.{ext}"


def build_callsheets(
    root: Path, wanted: list[str], all_days: bool, formats: list[str], out_dir: Path | None, for_person: str | None
) -> Outcome:
    """Render the call sheets of the wanted days (numbers or dates) in each format."""
    folder = load_for(root, CALLSHEET_INPUTS)
    days = shoot_days(folder) if all_days else [documents.find_day(folder, w) for w in wanted]
    if all_days and for_person:  # a personal copy of every day the person is called
        crew = {c.id: c for c in folder.crew}
        days = [d for d in days if call_of(for_person, d, crew) is not None]
    if not days:
        raise CoordError("no shoot day given: name a day number (coord callsheet 3) or use --all")
    target = out_dir or root / "out" / "callsheets"
    found = documents.lookups(folder)
    contexts = [(day, documents.callsheet(folder, day, for_person, found)) for day in days]
    return write_documents(root, target, "callsheet", formats, [(callsheet_name(d, for_person, "{ext}"), c) for d, c in contexts])


def write_documents(
    root: Path,
    target: Path,
    template: str,
    formats: list[str],
    items: list[tuple[str, dict[str, Any]]],
    private: bool = False,
) -> Outcome:
    """Render each (file name pattern, context) in each format; skip outputs whose inputs did not change.

    `private` documents (the office copy) are written readable by their owner only.
    """
    outcome = Outcome()
    manifest = render.Manifest(target)
    templates = render.templates_digest(root)
    pdf: render.PdfRenderer | None = None
    for fmt in formats:
        template_name = f"{template}.typ" if fmt == "pdf" else f"{template}.{'html' if fmt == 'html' else 'md'}.j2"
        for pattern, context in items:
            output = target / pattern.format(ext=fmt)
            if fmt == "pdf":  # also when the PDF is up to date: its empty boxes are still there
                outcome.warnings += [w for w in render.undrawable(context) if w not in outcome.warnings]
            stamp = render.fingerprint(context, templates)
            if manifest.current(output, stamp):
                outcome.unchanged.append(output)
                continue
            if fmt == "pdf":
                pdf = pdf or render.PdfRenderer(root, template_name)
                data = pdf.render(context)
            elif fmt == "html":
                data = render.render_text(root, template_name, "html", context).encode()
            elif fmt == "md":
                data = render.render_text(root, template_name, "md", context).encode()
            else:
                data = render.markdown_to_docx(render.render_text(root, template_name, "md", context))
            render.write_atomic(output, data, private)
            manifest.record(output, stamp)
            outcome.written.append(output)
    if outcome.written:
        manifest.save()
    return outcome


def build_report(root: Path, wanted: str, formats: list[str], out_dir: Path | None) -> Outcome:
    """Render the daily production report of one shoot day from reports/ beside the schedule."""
    from coord.report import daily_report, find_report

    folder = load_for(root, (*CALLSHEET_INPUTS, "reports"))
    day, day_report = find_report(folder, wanted)
    target = out_dir or root / "out" / "reports"
    name = f"{day.date}-day-{day.day or 0:02d}-report.{{ext}}"
    return write_documents(root, target, "report", formats, [(name, daily_report(folder, day, day_report))])


#: The files the shooting schedule and the day-out-of-days are made from.
PLANNING_INPUTS = ("production.yaml", "cast", "locations", "scenes", "schedule.yaml", "days")


def build_schedule(root: Path, formats: list[str], out_dir: Path | None) -> Outcome:
    """Render the shooting schedule (one-liner and stripboard) as schedule.EXT, by default in FOLDER/out/schedule."""
    from coord.planning import shooting_schedule

    folder = _load_plan(root)
    target = out_dir or root / "out" / "schedule"
    return write_documents(root, target, "schedule", formats, [("schedule.{ext}", shooting_schedule(folder))])


def build_dood(root: Path, formats: list[str], out_dir: Path | None) -> Outcome:
    """Render the cast day-out-of-days as dood.EXT, by default in FOLDER/out/dood; `csv` is the bare grid."""
    from coord.planning import dood, dood_table

    context = dood(_load_plan(root))
    target = out_dir or root / "out" / "dood"
    outcome = write_documents(root, target, "dood", [f for f in formats if f != "csv"], [("dood.{ext}", context)])
    if "csv" in formats:
        write_if_changed(target / "dood.csv", render.csv_bytes(dood_table(context)), outcome)
    return outcome


def _load_plan(root: Path) -> m.ProductionFolder:
    from coord.schedule import calendar_days

    folder = load_for(root, PLANNING_INPUTS)
    if not calendar_days(folder):
        raise CoordError("nothing is scheduled yet: add days to schedule.yaml (see docs/format.md)")
    return folder


def write_if_changed(path: Path, data: bytes, outcome: Outcome, private: bool = False) -> None:
    """Exports (CSV, vCard, iCalendar) are cheap to make, so they are compared byte for byte instead of fingerprinted."""
    if path.is_file() and path.read_bytes() == data:
        outcome.unchanged.append(path)
        return
    render.write_atomic(path, data, private)
    outcome.written.append(path)


def contacts_name(office: bool, ext: str) -> str:
    return f"contacts{'-office' if office else ''}.{ext}"


def build_contacts(root: Path, formats: list[str], out_dir: Path | None, office: bool) -> Outcome:
    """Render the contact list in each document format and write the CSV and vCard exports."""
    from coord import contacts

    folder = load_for(root, CONTACT_INPUTS)
    target = out_dir or root / "out" / "contacts"
    printed = [f for f in formats if f in DOCUMENT_FORMATS]
    items = [(contacts_name(office, "{ext}"), contacts.contact_list(folder, office))]
    outcome = write_documents(root, target, "contacts", printed, items, private=office)
    exports = {"csv": contacts.contacts_csv, "vcf": contacts.contacts_vcf}
    for fmt in (f for f in formats if f in CONTACT_EXPORTS):
        write_if_changed(target / contacts_name(office, fmt), exports[fmt](folder, office), outcome, private=office)
    return outcome


def calendar_name(folder: m.ProductionFolder, person: str | None) -> str:
    return f"{documents.slug(folder.production.title)}{f'-{person}' if person else ''}.ics"


def build_calendar(root: Path, person: str | None, out_dir: Path | None) -> Outcome:
    """Write the production's calendar, or one person's; an unchanged calendar is not rewritten."""
    from coord import ical

    folder = load_for(root, CALLSHEET_INPUTS)
    calendar = ical.personal_calendar(folder, person) if person else ical.production_calendar(folder)
    target = out_dir or root / "out" / "calendar"
    sequences, state = revisions(target, calendar["events"])
    outcome = Outcome()
    write_if_changed(target / calendar_name(folder, person), ical.ics_bytes(calendar, sequences), outcome)
    if state is not None:
        render.write_atomic(target / CALENDAR_STATE, json.dumps(state, indent=1, sort_keys=True).encode())
    return outcome


def revisions(target: Path, events: list[dict[str, str]]) -> tuple[dict[str, int], dict[str, Any] | None]:
    """Each event's SEQUENCE (last time's, one more when its content changed) and the new state, None if unchanged."""
    path = target / CALENDAR_STATE
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = None
    state: dict[str, Any] = dict(known) if isinstance(known, dict) else {}
    for event in events:
        digest = hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()
        before = state.get(event["uid"])
        if not isinstance(before, dict) or not isinstance(before.get("sequence"), int):
            state[event["uid"]] = {"digest": digest, "sequence": 0}
        elif before.get("digest") != digest:
            state[event["uid"]] = {"digest": digest, "sequence": before["sequence"] + 1}
    sequences = {event["uid"]: state[event["uid"]]["sequence"] for event in events}
    return sequences, None if state == known else state
