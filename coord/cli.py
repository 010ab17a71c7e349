"""The `coord` command line: parses arguments, calls the library, prints. No production logic here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from coord import __version__
from coord.findings import CoordError

if TYPE_CHECKING:
    from coord.publish import Outcome

F = TypeVar("F", bound=Callable[..., Any])
DOCUMENT_FORMATS = ("pdf", "html", "md", "docx")  # mirrors coord.publish; kept here so --help needs no import
FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
IN_FOLDER = click.option(
    "--folder",
    "-C",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The production folder (the one holding production.yaml).",
)


def formats_option(*extra: str) -> Callable[[F], F]:
    """--format, repeatable: the document formats, plus the exports a command also offers."""
    return click.option(
        "--format",
        "formats",
        type=click.Choice([*DOCUMENT_FORMATS, *extra]),
        multiple=True,
        default=("pdf",),
        help="Output format; repeat for several. Default: pdf.",
    )


def out_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
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


@main.command()
@FOLDER
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", help="text for people, json for CI and editors."
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate(folder: Path, output: str, strict: bool) -> None:
    """Check every file of a production folder and list all mistakes."""
    from coord.checks import validate as run_checks
    from coord.findings import as_text
    from coord.overview import summary

    production, findings = run_checks(folder)
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
@formats_option()
@out_option("callsheets")
@IN_FOLDER
def callsheet(
    days: tuple[str, ...], all_days: bool, for_person: str | None, formats: tuple[str, ...], out_dir: Path | None, folder: Path
) -> None:
    """Render call sheets of shoot days (PDF, HTML, Markdown, DOCX).

    DAY is a shoot-day number or a date (YYYY-MM-DD); give several, or --all.
    """
    from coord.publish import build_callsheets

    wrote(build_callsheets(folder, list(days), all_days, list(formats), out_dir, for_person))


@main.command()
@click.argument("day")
@formats_option()
@out_option("reports")
@IN_FOLDER
def report(day: str, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the daily production report of shoot DAY.

    Made from reports/day-NN.yaml (what happened) beside the schedule (the plan).
    """
    from coord.publish import build_report

    wrote(build_report(folder, day, list(formats), out_dir))


@main.command()
@click.option("--office", is_flag=True, help="The office copy, with private phones, e-mails and addresses. Never distribute it.")
@formats_option("csv", "vcf")
@out_option("contacts")
@IN_FOLDER
def contacts(office: bool, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the contact list, also as CSV and vCard.

    csv is for spreadsheets, vcf (vCard) for phones. Emergency numbers, the office, crew by department, cast with agents, vendors,
    hotels, locations and hospitals. Private data only in the --office copy.
    """
    from coord.publish import build_contacts

    wrote(build_contacts(folder, list(formats), out_dir, office))


@main.command()
@formats_option()
@out_option("schedule")
@IN_FOLDER
def schedule(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the shooting schedule and the stripboard.

    Each day's scenes in shooting order with page totals, then every scene as a strip.
    """
    from coord.publish import build_schedule

    wrote(build_schedule(folder, list(formats), out_dir))


@main.command()
@formats_option("csv")
@out_option("dood")
@IN_FOLDER
def dood(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the cast day-out-of-days, also as CSV.

    Each actor's code (SW, W, WF, H, ...) per date, with totals.
    """
    from coord.publish import build_dood

    wrote(build_dood(folder, list(formats), out_dir))


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
    from coord.publish import build_calendar

    wrote(build_calendar(folder, for_person, out_dir))


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
