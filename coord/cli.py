"""The `coord` command line: parses arguments, calls the library, prints. No production logic here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from coord import __version__
from coord.findings import CoordError

FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")


class CoordGroup(click.Group):
    """Turns every error a user can cause into one line on stderr and exit 1, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CoordError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(1)


@click.group(cls=CoordGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coord")
def main() -> None:
    """coord: the production office in a git repo.

    Checks a production folder's YAML files and renders its documents.
    FOLDER is the production folder (the one holding production.yaml); default: here.
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
@click.option(
    "--format",
    "formats",
    type=click.Choice(["pdf", "html", "md", "docx"]),
    multiple=True,
    help="Output format; repeat for several. Default: pdf.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to. Default: FOLDER/out/callsheets.",
)
@click.option("--for", "for_person", metavar="PERSON", help="A crew or cast id: that person's copy, their own call at the top.")
@click.option(
    "--folder", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help="The production folder."
)
def callsheet(
    days: tuple[str, ...], all_days: bool, formats: tuple[str, ...], out_dir: Path | None, for_person: str | None, folder: Path
) -> None:
    """Render the call sheet of shoot DAY (a number or a date) as PDF, HTML, Markdown or DOCX."""
    from coord.publish import build_callsheets

    outcome = build_callsheets(folder, list(days), all_days, list(formats or ("pdf",)), out_dir, for_person)
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")


@main.command()
@click.option("--office", is_flag=True, help="The office copy, with private phones, e-mails and addresses. Never distribute it.")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["pdf", "html", "md", "docx", "csv", "vcf"]),
    multiple=True,
    help="Output format; repeat for several. csv for spreadsheets, vcf (vCard) for phones. Default: pdf.",
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to. Default: FOLDER/out/contacts."
)
@click.option(
    "--folder", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help="The production folder."
)
def contacts(office: bool, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the contact list; CSV and vCard too.

    Emergency numbers, the office, crew by department, cast with agents, vendors,
    hotels, locations and hospitals. Private data only in the --office copy.
    """
    from coord.contacts import build_contacts

    outcome = build_contacts(folder, list(formats or ("pdf",)), out_dir, office)
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")


@main.command("calendar")
@click.option(
    "--for", "for_person", metavar="PERSON", help="A crew or cast id: that person's own calls. Default: the production's."
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to. Default: FOLDER/out/calendar."
)
@click.option(
    "--folder", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help="The production folder."
)
def calendar_command(for_person: str | None, out_dir: Path | None, folder: Path) -> None:
    """Write the shoot days as an .ics calendar.

    One event per shoot day for the production (crew call to wrap), or, with --for,
    one per day the person is called (their own call to wrap).
    """
    from coord.ical import build_calendar

    outcome = build_calendar(folder, for_person, out_dir)
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")


@main.command()
@click.argument("day")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["pdf", "html", "md", "docx"]),
    multiple=True,
    help="Output format; repeat for several. Default: pdf.",
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to. Default: FOLDER/out/reports."
)
@click.option(
    "--folder", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help="The production folder."
)
def report(day: str, formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the daily production report of shoot DAY from reports/, beside the schedule."""
    from coord.publish import build_report

    outcome = build_report(folder, day, list(formats or ("pdf",)), out_dir)
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")


if TYPE_CHECKING:
    from coord.publish import Outcome


def _wrote(outcome: Outcome) -> None:
    """One `wrote PATH` line per file written, then how many were already up to date."""
    for path in outcome.written:
        click.echo(f"wrote {path}")
    if outcome.unchanged:
        click.echo(f"{len(outcome.unchanged)} up to date, not rewritten")


@main.command()
@click.option(
    "--format",
    "formats",
    type=click.Choice(["pdf", "html", "md", "docx"]),
    multiple=True,
    help="Output format; repeat for several. Default: pdf.",
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to. Default: FOLDER/out/schedule."
)
@click.option(
    "--folder", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help="The production folder."
)
def schedule(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the shooting schedule: each day's scenes in shooting order with page totals, and the stripboard."""
    from coord.publish import build_schedule

    _wrote(build_schedule(folder, list(formats or ("pdf",)), out_dir))


@main.command()
@click.option(
    "--format",
    "formats",
    type=click.Choice(["pdf", "html", "md", "docx", "csv"]),
    multiple=True,
    help="Output format; repeat for several. Default: pdf.",
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to. Default: FOLDER/out/dood."
)
@click.option(
    "--folder", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help="The production folder."
)
def dood(formats: tuple[str, ...], out_dir: Path | None, folder: Path) -> None:
    """Render the cast day-out-of-days: each actor's code (SW, W, WF, H, ...) per date, with totals."""
    from coord.publish import build_dood

    _wrote(build_dood(folder, list(formats or ("pdf",)), out_dir))
