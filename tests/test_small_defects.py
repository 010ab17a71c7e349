"""Small defects of issue #7, each fixed as a class: the case reported and its relatives."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, invoke

# ---- 7. values on the command line -----------------------------------------------------------


@pytest.mark.parametrize("command", ["callsheet", "report"])
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("²", 'Error: "²" is not a shoot-day number: write it with the digits 0-9, e.g. 3, or as a date YYYY-MM-DD; shoot days are 1, 2\n'),
        ("፩", 'Error: "፩" is not a shoot-day number: write it with the digits 0-9, e.g. 3, or as a date YYYY-MM-DD; shoot days are 1, 2\n'),
        ("３", 'Error: "３" is not a shoot-day number: write it with the digits 0-9, e.g. 3, or as a date YYYY-MM-DD; shoot days are 1, 2\n'),
        (
            "1" * 5000,
            'Error: there is no shoot day "1111111111111111111111111111111111111111…" (5,000 characters); '
            "shoot days are 1, 2 (or give a date YYYY-MM-DD)\n",
        ),
        ("0" * 4999 + "7", 'Error: there is no shoot day "0000000000000000000000000000000000000000…" (5,000 characters); '
         "shoot days are 1, 2 (or give a date YYYY-MM-DD)\n"),
        ("\u202e1", 'Error: there is no shoot day "\\u202e1"; shoot days are 1, 2 (or give a date YYYY-MM-DD)\n'),
        ("", 'Error: there is no shoot day ""; shoot days are 1, 2 (or give a date YYYY-MM-DD)\n'),
    ],
)  # fmt: skip
def test_a_day_that_is_no_number_is_refused_with_a_message(minimal: Path, command: str, day: str, message: str) -> None:
    result = invoke(command, "-C", str(minimal), "--format", "md", "--", day)
    assert result.exit_code == 1
    assert result.output == message


@pytest.mark.parametrize("day", ["02", "0002", " 2", "2027-03-03"])
def test_a_day_with_leading_zeros_or_by_its_date_is_found(minimal: Path, tmp_path: Path, day: str) -> None:
    result = invoke("callsheet", "-C", str(minimal), "--format", "md", "--out", str(tmp_path), day)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / '2027-03-03-day-02.md'}\n"


def test_all_days_for_someone_called_on_none_says_so(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "crew.yaml", '  phone: "0176 3333333"\n', '  phone: "0176 3333333"\n  days: []\n')
    result = invoke("callsheet", "-C", str(minimal), "--all", "--for", "lea", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output == (
        "Error: --for lea: Lea Wolf (Driver) is not called on any shoot day, so there is no call sheet to write\n"
    )
    assert not (tmp_path / "out").exists()


def test_all_days_for_an_unknown_id_names_the_id(minimal: Path) -> None:
    result = invoke("callsheet", "-C", str(minimal), "--all", "--for", "nobody\x1b[2J")
    assert result.exit_code == 1
    assert result.output == 'Error: --for "nobody\\u001b[2J": there is no crew or cast member with that id\n'


def test_calendar_for_an_unknown_id_of_thousands_of_digits_is_cut_short(minimal: Path) -> None:
    result = invoke("calendar", "-C", str(minimal), "--for", "9" * 5000)
    assert result.exit_code == 1
    assert result.output == (
        'Error: --for "9999999999999999999999999999999999999999…" (5,000 characters): there is no crew or cast member with that id\n'
    )


@pytest.mark.parametrize("name", ["../cli.py", "../README.md", "/etc/hostname", "."])
def test_templates_copy_takes_template_names_not_paths(minimal: Path, name: str) -> None:
    result = invoke("templates", "-C", str(minimal), "--copy", name)
    assert result.exit_code == 1
    assert result.output.startswith(f'Error: no packaged template named "{name}"; the templates are: base.html.j2, ')
    assert not (minimal / "templates").exists()


@pytest.mark.parametrize(
    ("args", "label"),
    [(("schedule", "--out"), "'--out'"), (("schedule", "--folder"), "'--folder' / '-C'"), (("validate",), "'[FOLDER]'")],
)
def test_a_nul_character_in_a_folder_name_is_a_usage_error(args: tuple[str, ...], label: str) -> None:
    result = invoke(*args, "x\x00y")
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Error: Invalid value for {label}: a folder name cannot hold a NUL character (\\x00); check what was pasted\n"
    )
