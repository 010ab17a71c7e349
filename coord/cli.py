"""The `coord` command line: parses arguments, calls the library, prints. No production logic here."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from coord import __version__
from coord.errors import CoordError

if TYPE_CHECKING:
    from coord.build import Outcome
    from coord.publish import Delivery, Run

F = TypeVar("F", bound=Callable[..., Any])


class FolderPath(click.Path):
    """A folder named on the command line; a NUL character in it is a usage error, not a crash in os.stat."""

    def __init__(self) -> None:
        super().__init__(file_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail("a folder name cannot hold a NUL character (\\x00); check what was pasted", param, ctx)
        return super().convert(value, param, ctx)


FOLDER = click.argument("folder", type=FolderPath(), default=".")
IN_FOLDER = click.option(
    "--folder",
    "-C",
    type=FolderPath(),
    default=".",
    show_default=True,
    help="The production folder (the one holding production.yaml).",
)


class DocumentFormat(click.Choice[str]):
    """The formats and exports a document offers, read from the registry only when the command runs or shows its help."""

    def __init__(self, document: str):
        super().__init__([])
        self.document = document

    @property
    def choices(self) -> tuple[str, ...]:
        from coord.documents import document

        return document(self.document).offered

    @choices.setter
    def choices(self, _value: Any) -> None:
        """click sets the choices in its constructor; ours come from the registry."""


def formats_option(document: str, default: str = "pdf") -> Callable[[F], F]:
    """--format, repeatable: the formats and exports the document offers."""
    return click.option(
        "--format",
        "formats",
        type=DocumentFormat(document),
        multiple=True,
        default=(default,),
        help=f"Output format; repeat for several. Default: {default}.",
    )


def build(folder: Path, document: str, formats: tuple[str, ...], out_dir: Path | None, **options: Any) -> None:
    """Make a document and say what was written; under `coord publish` or `coord diff`, publish or compare it instead."""
    revise = click.get_current_context().find_object(Revise)
    if revise is not None:
        revise.run(folder, document, formats, out_dir, options)
        return
    from coord.build import build as make

    wrote(make(folder, document, formats, out_dir, **options))


def out_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--out",
        "out_dir",
        type=FolderPath(),
        help=f"Folder to write to. Default: FOLDER/out/{default}.",
    )


def wrote(outcome: Outcome) -> None:
    """One `wrote PATH` line per file written, then how many were already up to date, then warnings (on stderr)."""
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")
    for warning in outcome.warnings:
        click.echo(f"warning: {warning}", err=True)


class CoordGroup(click.Group):
    """Turns every error a user can cause into one line on stderr and exit 1, in one place."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """In the order a production uses them, not alphabetically."""
        return list(self.commands)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CoordError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(1)
        except OSError as err:  # a folder that cannot be written to, a disk that is full
            click.echo(f"Error: {err.filename or ''}: {err.strerror or err}", err=True)
            sys.exit(1)


@click.group(cls=CoordGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coord")
def main() -> None:
    """coord: the production office in a git repo.

    Checks a production folder's YAML files and renders its documents.
    The production folder is the one holding production.yaml; default: here.
    Run `coord COMMAND --help` for a command's options.
    """


def today_option(purpose: str) -> Callable[[F], F]:
    """--today DATE: the date to judge by, as a datetime.date; default: the real date."""

    def to_date(_ctx: click.Context, _param: click.Parameter, value: dt.datetime | None) -> dt.date:
        return value.date() if value else dt.date.today()

    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        callback=to_date,
        metavar="DATE",
        help=f"The date {purpose}, YYYY-MM-DD. Default: the real date.",
    )


@main.command()
@FOLDER
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github", "codequality"]),
    default="text",
    help="text for people, json for CI and editors, github for annotations in GitHub Actions, "
    "codequality for GitLab's code quality report.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@today_option("to judge deadlines by (orders not yet ordered, returns overdue, pencils)")
@click.option(
    "--profile",
    metavar="NAME",
    help="Check everyone's days against working-time profile NAME instead of the ones the files name, "
    "e.g. to see what shooting under another agreement would break.",
)
def validate(folder: Path, output: str, strict: bool, today: dt.date, profile: str | None) -> None:
    """Check every file of a production folder and list all mistakes."""
    from coord.checks import CheckOptions
    from coord.checks import validate as check_folder
    from coord.documents import registry
    from coord.findings import as_codequality, as_github, as_text
    from coord.overview import summary

    production, findings = check_folder(
        folder, CheckOptions(today=today, profile=profile, strict=strict, documents=frozenset(registry()))
    )
    failed = bool(findings.errors) or (strict and bool(findings.warnings))
    if output == "json":
        click.echo(json.dumps({"ok": not failed, "findings": [f.as_dict() for f in findings]}, indent=2))
    elif output == "github":
        click.echo(as_github(findings, folder))
    elif output == "codequality":
        click.echo(json.dumps(as_codequality(findings, folder), indent=2))
    else:
        if production is not None and not findings.errors:
            click.echo("\n".join(summary(production)) + "\n")
        click.echo(as_text(findings, str(folder)))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("days", nargs=-1)
@click.option("--all", "all_days", is_flag=True, help="Every shoot day.")
@click.option("--for", "for_person", metavar="PERSON", help="A crew or cast id: that person's copy, their own call at the top.")
@click.option(
    "--office", is_flag=True, help="The office copy: marks everyone whose call breaks a working-time rule. Never distribute it."
)
@formats_option("callsheet")
@out_option("callsheets")
@IN_FOLDER
def callsheet(
    days: tuple[str, ...],
    all_days: bool,
    for_person: str | None,
    office: bool,
    formats: tuple[str, ...],
    out_dir: Path | None,
    folder: Path,
) -> None:
    """Render call sheets of shoot days (PDF, HTML, Markdown, DOCX).

    DAY is a shoot-day number or a date (YYYY-MM-DD); give several, or --all.
    """
    build(folder, "callsheet", formats, out_dir, days=list(days), all_days=all_days, person=for_person, office=office)


@main.command()
@click.argument("day")
@click.option("--for", "driver", metavar="DRIVER", help="A driver's crew id: that driver's own sheet, their runs only.")
@formats_option("movement")
@out_option("movement")
@IN_FOLDER
def movement(day: str, driver: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the movement order of shoot DAY: every vehicle's runs, the locations, a summary.

    DAY is a shoot-day number or a date (YYYY-MM-DD). With --for, one driver's sheet.
    """
    build(folder, "movement", formats, out_dir, day=day, driver=driver)


@main.command()
@click.option("--hotel", metavar="HOTEL", help="A hotel id: the list to send to that hotel only.")
@formats_option("rooming")
@out_option("rooming")
@IN_FOLDER
def rooming(hotel: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the rooming list of every hotel, with nights and cost for the accounts, also as CSV.

    With --hotel, the list for that hotel, carrying no private data of the guests.
    """
    build(folder, "rooming", formats, out_dir, hotel=hotel)


@main.command()
@click.argument("day")
@formats_option("report")
@out_option("reports")
@IN_FOLDER
def report(day: str, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the daily production report of shoot DAY.

    Made from reports/day-NN.yaml (what happened) beside the schedule (the plan).
    """
    build(folder, "report", formats, out_dir, day=day)


@main.command()
@click.option("--office", is_flag=True, help="The office copy, with private phones, e-mails and addresses. Never distribute it.")
@formats_option("contacts")
@out_option("contacts")
@IN_FOLDER
def contacts(office: bool, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the contact list, also as CSV and vCard.

    csv is for spreadsheets, vcf (vCard) for phones. Emergency numbers, the office, crew by department, cast with agents, vendors,
    hotels, locations and hospitals. Private data only in the --office copy.
    """
    build(folder, "contacts", formats, out_dir, office=office)


@main.command()
@formats_option("schedule")
@out_option("schedule")
@IN_FOLDER
def schedule(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the shooting schedule and the stripboard.

    Each day's scenes in shooting order with page totals, then every scene as a strip.
    """
    build(folder, "schedule", formats, out_dir)


@main.command()
@formats_option("dood")
@out_option("dood")
@IN_FOLDER
def dood(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the cast day-out-of-days, also as CSV.

    Each actor's code (SW, W, WF, H, ...) per date, with totals.
    """
    build(folder, "dood", formats, out_dir)


@main.command()
@today_option("to count from")
@click.option(
    "--days",
    type=click.IntRange(1, 90),
    default=7,
    show_default=True,
    help="How many days ahead to list what to collect and return.",
)
@formats_option("orders")
@out_option("orders")
@IN_FOLDER
def orders(today: dt.date, days: int, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the equipment order list: by status, by vendor, what to collect or return.

    Collections and returns are those of the next --days days from --today, and what is late.
    """
    build(folder, "orders", formats, out_dir, today=today, days=days)


@main.command()
@click.argument("order")
@formats_option("po")
@out_option("orders")
@IN_FOLDER
def po(order: str, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the purchase order of ORDER to send to the rental house.

    ORDER is an order id from equipment.yaml; the order must be approved.
    """
    build(folder, "po", formats, out_dir, order=order)


@main.command()
@click.argument("day", required=False)
@formats_option("availability")
@out_option("availability")
@IN_FOLDER
def availability(day: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the freelance crew's availability by shoot day.

    Without DAY: a grid by department. With DAY (a number or a date): who is booked, free and not available.
    """
    build(folder, "availability", formats, out_dir, day=day)


@main.command()
@click.argument("day", required=False)
@formats_option("extras")
@out_option("extras")
@IN_FOLDER
def extras(day: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the background summary of DAY, or of every day.

    Groups called, extras booked, the day's fees from their agreements and overtime from the daily report.
    """
    build(folder, "extras", formats, out_dir, day=day)


@main.command()
@click.argument("ids", nargs=-1)
@click.option("--all", "all_agreements", is_flag=True, help="Every extra's and intern's agreement.")
@click.option("--language", type=click.Choice(["en", "de"]), help="Language of the agreement. Default: the production's.")
@formats_option("agreement")
@out_option("agreements")
@IN_FOLDER
def agreement(
    ids: tuple[str, ...], all_agreements: bool, language: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path
) -> None:
    """Render the agreement of an extra or an intern, to sign.

    ID is an extra's id (extras.yaml), an internship's id or the intern's crew id (interns.yaml).
    The files hold a home address and are readable by their owner only.
    """
    build(folder, "agreement", formats, out_dir, ids=list(ids), all_agreements=all_agreements, language=language)


@main.command()
@formats_option("interns")
@out_option("interns")
@IN_FOLDER
def interns(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the intern list: supervisor, department, period, hours and stipend of each internship."""
    build(folder, "interns", formats, out_dir)


@main.command()
@click.option("--week", type=click.IntRange(min=1), metavar="N", help="Only shoot week N (week 1 holds the first shoot day).")
@click.option("--for", "for_person", metavar="PERSON", help="A crew or cast id: only that person.")
@formats_option("hours")
@out_option("hours")
@IN_FOLDER
def hours(week: int | None, for_person: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the working hours by person and week, also as CSV for payroll.

    Days worked, hours planned and reported, rest, surcharges, meal penalties and breaches
    of the working-time rules; a summary by department for the PM. For the office only.
    """
    build(folder, "hours", formats, out_dir, week=week, person=for_person)


@main.command("calendar")
@click.option(
    "--for", "for_person", metavar="PERSON", help="A crew or cast id: that person's own calls. Default: the production's."
)
@out_option("calendar")
@IN_FOLDER
def calendar_command(for_person: str | None, out_dir: Path | None, folder: Path) -> None:
    """Write the shoot days as an .ics calendar for phones.

    One event per shoot day for the production (crew call to wrap), or, with --for,
    one per day the person is called (their own call to wrap).
    """
    build(folder, "calendar", ("ics",), out_dir, person=for_person)


@main.command()
@click.option(
    "--copy", "names", multiple=True, metavar="NAME", help="Copy this packaged template into FOLDER/templates/ (repeatable)."
)
@IN_FOLDER
def templates(names: tuple[str, ...], folder: Path) -> None:
    """List the packaged document templates, or copy some to change them.

    A file in the production's templates/ replaces the packaged one of the same name.
    """
    from coord.render import copy_templates, packaged_templates

    if names:
        for path in copy_templates(folder, list(names)):
            click.echo(f"wrote {path}")
        return
    packaged = packaged_templates()
    click.echo(f"packaged templates in {packaged}:")
    for path in sorted(p for p in packaged.iterdir() if p.is_file()):
        own = folder / "templates" / path.name
        click.echo(f"  {path.name}" + ("  (replaced by this production's own)" if own.is_file() else ""))


# ---- revisions, what changed, distribution, a new production --------------------------------


class DocumentName(click.Choice[str]):
    """The documents of the registry, read only when the command runs or shows its help."""

    def __init__(self) -> None:
        super().__init__([])

    @property
    def choices(self) -> tuple[str, ...]:
        from coord.documents import registry

        return tuple(registry())

    @choices.setter
    def choices(self, _value: Any) -> None:
        """click sets the choices in its constructor; ours come from the registry."""


@dataclass(frozen=True)
class Revise:
    """What `coord publish` or `coord diff` asks of the document command it runs: publish, or compare, what it would build."""

    send: bool = False
    dry_run: bool = False
    since: str | None = None
    compare: bool = False

    def run(self, folder: Path, document: str, formats: tuple[str, ...], out_dir: Path | None, options: dict[str, Any]) -> None:
        if self.compare:
            show_changes(folder, document, options, self.since)
        else:
            published(folder, document, formats, out_dir, options, self)


def run_document_command(ctx: click.Context, document: str, args: tuple[str, ...], revise: Revise) -> None:
    """Run the document's own command with its own arguments, so that each document's arguments work unchanged here."""
    command = main.commands[document]
    with command.make_context(f"{ctx.command_path} {document}", list(args), obj=revise) as sub:
        command.invoke(sub)


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("document", type=DocumentName())
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--send", is_flag=True, help="E-mail everyone distribution.yaml names their own copy.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write the documents and messages (.eml) to out/dry-run/ instead of sending; record nothing, replace nothing published.",
)
@click.pass_context
def publish(ctx: click.Context, document: str, args: tuple[str, ...], send: bool, dry_run: bool) -> None:
    """Publish a revision of a document: numbered, coloured, recorded in git.

    DOCUMENT [ARGS] as for the document's own command: coord publish callsheet 3 --send.
    Refused while the production's files have uncommitted changes. The revision says
    what changed since the last one; unchanged, it is published again as it was.
    """
    run_document_command(ctx, document, args, Revise(send=send and not dry_run, dry_run=dry_run))


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("document", type=DocumentName())
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option(
    "--since",
    metavar="REV",
    help="A revision number of the document, or a git commit, tag or branch. Default: its last revision.",
)
@click.pass_context
def diff(ctx: click.Context, document: str, args: tuple[str, ...], since: str | None) -> None:
    """Print what changed in a document since its last revision.

    DOCUMENT [ARGS] as for the document's own command: coord diff callsheet 3. Compares the
    files as they are now, committed or not, so the list can be agreed on before publishing.
    """
    run_document_command(ctx, document, args, Revise(since=since, compare=True))


@main.command()
@click.argument("directory", type=FolderPath())
@click.option("--title", help="The production's title. Default: the folder's name.")
def init(directory: Path, title: str | None) -> None:
    """Start a production folder: example files, a Makefile and CI workflows.

    Writes production.yaml and the other files with commented examples that validate, a
    .gitignore, a Makefile and CI workflows for GitHub Actions and GitLab CI. Never
    overwrites a file that is already there.
    """
    from coord.scaffold import scaffold

    written, kept = scaffold(directory, usable_title(title, directory))
    for path in written:
        click.echo(f"wrote {path}")
    for path in kept:
        click.echo(f"kept {path}: it is already there")
    click.echo(f'next: cd {directory} && git init && git add . && git commit -m "Start" && coord validate')


def usable_title(title: str | None, directory: Path) -> str:
    """The title (default: the folder's name) if production.yaml can hold it by the loader's rules for text, else CoordError.

    Refused before anything is written: the new folder must validate.
    """
    from yaml import ScalarNode

    from coord import kinds as k

    given = title if title is not None else directory.resolve().name
    source = "--title" if title is not None else "the folder's name as the title"
    instead = "" if title is not None else ", or give one with --title"
    try:
        text = k.Text().parse(given, ScalarNode(k.STR, given, style='"'))
    except k.Invalid as err:
        raise CoordError(f"cannot use {source}: {err.message}; {err.hint}{instead}") from None
    invisible = k.invisible_characters(text)
    if invisible:
        index, char = invisible[0]
        raise CoordError(
            f"cannot use {source}: character {index + 1} is an invisible {k.INVISIBLE[char]} (U+{ord(char):04X}); "
            f"delete it (retype the title){instead}"
        )
    if not text:
        raise CoordError(f'cannot use {source}: it is empty; give the production\'s title, e.g. --title "Harbour Lights"')
    return text


def published(
    folder: Path, document: str, formats: tuple[str, ...], out_dir: Path | None, options: dict[str, Any], revise: Revise
) -> None:
    """Publish, then say what revision each item is, what changed, what was written and sent."""
    from coord.distribution import FAILED
    from coord.publish import publish as run_publish

    def waiting() -> None:
        click.echo("another coord publish is running in this repository; waiting for it to finish ...", err=True)

    def failed(delivery: Delivery) -> None:
        if delivery.status == FAILED:
            address = f" <{delivery.recipient.address}>" if delivery.recipient.address else ""
            click.echo(f"not sent to {delivery.recipient.name}{address}: {delivery.reason}", err=True)

    run = run_publish(folder, document, formats, out_dir, options, revise.send, revise.dry_run, waiting, failed)
    for issue in run.issues:
        if not issue.new:
            state = f"as published before ({issue.published.tag if issue.published else ''}), nothing changed since"
        else:
            state = f"tagged {issue.published.tag}" if issue.published else "not tagged (dry run)"
        click.echo(f"{issue.key}: {issue.label}, {state}")
        if issue.box is not None:
            print_box(issue.box)
    if len(run.outcome.written) > 10:
        click.echo(f"wrote {len(run.outcome.written)} files to {run.outcome.written[0].parent}")
        if run.outcome.unchanged:
            click.echo(f"{len(run.outcome.unchanged)} up to date, not rewritten")
    else:
        wrote(run.outcome)
    if run.dry_run_folder is not None:
        click.echo(f"dry run: written to {run.dry_run_folder} only; nothing tagged, sent or replaced of what was published")
    say_deliveries(run)


def say_deliveries(run: Run) -> None:
    """How many messages went, were written or were not needed; an error naming how many failed (each said as it failed)."""
    from coord.distribution import FAILED, SENT
    from coord.publish import SERVED_BEFORE, WRITTEN

    counts: dict[str, int] = {}
    for delivery in run.deliveries:
        counts[delivery.status] = counts.get(delivery.status, 0) + 1
    if counts.get(WRITTEN):
        folders = sorted({str(d.path.parent) for d in run.deliveries if d.path is not None})
        click.echo(f"wrote {counts[WRITTEN]} messages to {', '.join(folders)} (nothing sent)")
    if counts.get(SENT):
        click.echo(f"sent {counts[SENT]} messages")
    if counts.get(SERVED_BEFORE):
        click.echo(f"{counts[SERVED_BEFORE]} already had this revision (see the log in sent/): not sent again")
    if run.recipients == 0:
        click.echo("Warning: distribution.yaml sends this document to nobody: add a rule under send: naming it", err=True)
    if run.log_problem:
        click.echo(f"Warning: {run.log_problem}", err=True)
    if counts.get(FAILED):
        raise CoordError(
            f"{counts[FAILED]} of {counts[FAILED] + counts.get(SENT, 0)} messages were not sent (listed above): "
            "fix what is said and run the same command again; it sends only to those not yet served"
        )


def print_box(box: dict[str, Any]) -> None:
    click.echo(f"  {box['title']}:")
    for line in box["lines"]:
        click.echo(f"  {'*' if line['mine'] else '-'} {line['text']}")
    if not box["lines"]:
        click.echo(f"  - {box['none']}")


def show_changes(folder: Path, document: str, options: dict[str, Any], since: str | None) -> None:
    from coord.publish import compare

    for comparison in compare(folder, document, options, since):
        click.echo(f"{comparison.key}, since {comparison.since}")
        print_box(comparison.box)
