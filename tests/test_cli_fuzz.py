"""No command-line argument, however odd, makes coord crash: every command, random text for every argument and option.

The commands are read from the CLI itself (`coord.cli.main.commands`), so a new command
is fuzzed without touching this file. Each run works in a fresh temporary folder holding
a copy of the minimal production, and every path given is relative to it: nothing is
ever written outside. A run passes when coord ends with exit 0, 1 (a problem the user
can fix) or 2 (a usage error), never with a traceback, and says something whenever it
does not succeed.
"""

from __future__ import annotations

import os
import shutil
import traceback
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coord.cli import main

PRODUCTION = "production"
#: Values a coordinator might type, or paste by mistake.
ODD_VALUES = [
    "", " ", "0", "1", "2", "3", "03", "-1", "+1", "1_000", " 1", "1e3", "1.5", "²", "³", "¹²", "½", "Ⅲ", "٣", "३", "৩",
    "๓", "３", "𝟑", "⁴", "1" * 5000, "9" * 4301, "2027-03-01", "2027-03-03", "2027-02-30", "2027-3-1", "03.03.2027",
    "mira", "tom", "pia", "finn", "nobody", "MIRA", "mira ", "../mira", "x/y", "\x00", "a\x00b", "\x1b[31mred", "\r\n",
    "\t", "\u202emira", "mi\u200bra", "\ufeff", "--all", "-C", "--", "-", "callsheet.typ", "../cli.py", "/", "~",
    "é" * 300, "🎬",
]  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=12),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=6),
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl"]), min_size=1, max_size=4),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
#: Paths, all relative to the run's folder: the production, a file, nothing, odd names.
PATHS = st.one_of(
    st.sampled_from([PRODUCTION, ".", "", "missing", "missing/deeper", f"{PRODUCTION}/crew.yaml", f"{PRODUCTION}/out"]),
    TEXT.map(lambda text: "x" + text.replace("/", "_")),
)


def value_strategy(param: click.Parameter) -> st.SearchStrategy[str]:
    if isinstance(param.type, click.Path):
        return PATHS
    if isinstance(param.type, click.Choice):
        return st.one_of(st.sampled_from(list(param.type.choices)), TEXT)
    return TEXT


@st.composite
def command_line(draw: st.DrawFn, command: click.Command) -> list[str]:
    """The command's name, some of its options with random values, then `--` and its positional arguments."""
    options: list[str] = []
    arguments: list[str] = []
    for param in command.params:
        if isinstance(param, click.Option):
            if param.hidden or param.name in ("help", "version"):
                continue
            if param.is_flag:
                if draw(st.booleans()):
                    options.append(param.opts[0])
                continue
            count = draw(st.integers(0, 3 if param.multiple else 1))
            for _ in range(count):
                options += [param.opts[0], draw(value_strategy(param))]
        elif isinstance(param, click.Argument):
            many = param.nargs == -1
            low = 0 if many or not param.required else param.nargs
            values = draw(st.lists(value_strategy(param), min_size=low, max_size=3 if many else param.nargs))
            arguments += values
    # The production folder is given most of the time, so that most runs get past loading it.
    folder = next((p for p in command.params if p.name == "folder"), None)
    if folder is not None and draw(st.integers(0, 3)):
        if isinstance(folder, click.Option):
            options += [folder.opts[0], PRODUCTION]
        else:
            arguments = [PRODUCTION, *arguments[1:]]
    return [command.name or "", *options, "--", *arguments]


COMMANDS = list(main.commands.values())


def test_every_command_is_fuzzed() -> None:
    assert {c.name for c in COMMANDS} >= {"validate", "callsheet", "report", "contacts", "schedule", "dood", "calendar"}


#: Each reported crash, given to every argument and option of every command on every run.
KNOWN_CRASHES = ["²", "፩", "9" * 5000, "a\x00b", ""]


def run(argv: list[str], run_folder: Path) -> None:
    """Run coord in `run_folder` (holding the minimal production) and check it ended as a command-line tool should."""
    cwd = Path.cwd()
    os.chdir(run_folder)
    try:
        result = CliRunner().invoke(main, argv)
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"coord {argv!r} crashed:\n" + "".join(traceback.format_exception(*result.exc_info)))  # type: ignore[misc]
    assert result.exit_code in (0, 1, 2), f"coord {argv!r} exited {result.exit_code}"
    if result.exit_code:
        assert result.output.strip(), f"coord {argv!r} failed without a word"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name or "" for c in COMMANDS])
def test_known_crashes_in_every_argument(command: click.Command, tmp_path: Path) -> None:
    """Every value that once crashed a command, in each argument and option value of every command, the folder given."""
    shutil.copytree(MINIMAL, tmp_path / PRODUCTION)
    folder = next((p for p in command.params if p.name == "folder"), None)
    for param in command.params:
        if param.name in ("help", "version") or (isinstance(param, click.Option) and param.is_flag):
            continue
        for value in KNOWN_CRASHES:
            if isinstance(param, click.Argument):
                argv = [command.name or "", "--", value]
            else:
                argv = [command.name or "", param.opts[0], value]
            if folder is not None and folder is not param and isinstance(folder, click.Option):
                argv[1:1] = [folder.opts[0], PRODUCTION]
            run(argv, tmp_path)


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name or "" for c in COMMANDS])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_arguments_never_crash(
    command: click.Command, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    argv = data.draw(command_line(command), label="argv")
    run_folder = tmp_path_factory.mktemp("cli-fuzz")
    shutil.copytree(MINIMAL, run_folder / PRODUCTION)
    run(argv, run_folder)
