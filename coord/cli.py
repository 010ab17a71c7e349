"""The `coord` command line: parses arguments, calls the library, prints. No production logic here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from coord import __version__
from coord.errors import CoordError

if TYPE_CHECKING:
    from coord.build import Outcome

F = TypeVar("F", bound=Callable[..., Any])
FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
IN_FOLDER = click.option(
    "--folder",
    "-C",
    type=click.Path(file_okay=False, path_type=Path),
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
    """Make a document and say what was written."""
    from coord.build import build as make

    wrote(make(folder, document, formats, out_dir, **options))


def out_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help=f"Folder to write to. Default: FOLDER/out/{default}.",
    )


def wrote(outcome: Outcome) -> None:
    """One `wrote PATH` line per file written, then how many were already up to date."""
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")


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


@main.command()
@FOLDER
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", help="text for people, json for CI and editors."
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate(folder: Path, output: str, strict: bool) -> None:
    """Check every file of a production folder and list all mistakes."""
    from coord.checks import validate as check_folder
    from coord.findings import as_text
    from coord.overview import summary

    production, findings = check_folder(folder)
    failed = bool(findings.errors) or (strict and bool(findings.warnings))
    if output == "json":
        click.echo(json.dumps({"ok": not failed, "findings": [f.as_dict() for f in findings]}, indent=2))
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
