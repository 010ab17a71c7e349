"""The one error class a user can cause; every layer may raise it, the CLI turns it into a message."""

from __future__ import annotations


class CoordError(Exception):
    """A problem the user can fix; the CLI prints it as `Error: ...` and exits 1."""
