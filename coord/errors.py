"""The one error class a user can cause; every layer may raise it, the CLI turns it into a message."""

from __future__ import annotations

import unicodedata

#: How much of a value typed by the user an error message repeats.
QUOTE_LIMIT = 40


class CoordError(Exception):
    """A problem the user can fix; the CLI prints it as `Error: ...` and exits 1."""


def quoted(text: str) -> str:
    """A value the user gave, in quotes, as an error message may repeat it.

    Invisible characters (control and format characters, unusual spaces) are shown as
    escapes such as `\\u202e`, so that the message reads as what was typed and cannot
    move the cursor or turn text around; a long value is cut, saying how long it was.
    """
    shown = "".join(map(_visible, text[:QUOTE_LIMIT]))
    if len(text) > QUOTE_LIMIT:
        return f'"{shown}…" ({len(text):,} characters)'
    return f'"{shown}"'


def _visible(char: str) -> str:
    if char == " " or unicodedata.category(char)[0] not in "CZ":
        return char
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
