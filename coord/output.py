"""Writing documents: atomically, with the permissions the user expects, and only when something changed.

A document is rewritten only when its fingerprint (its context, every template and
coord's own code) differs from the one remembered in `.coord-manifest.json` beside
it; exports are compared byte for byte. Every write goes to a temp file that is
renamed into place, so a reader never sees half a document.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coord import __version__
from coord.errors import CoordError


def write_atomic(path: Path, data: bytes, private: bool = False) -> None:
    """Write to a temp file beside `path`, then rename: a reader never sees half a document.

    The file gets the permissions the user's umask gives a new file; a `private` one
    (the office copy of the contacts) is readable by its owner only.
    """
    writable_folder(path.parent)
    if path.is_dir():
        raise CoordError(f"{path} is a folder, so the file cannot be written there; move the folder away")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # a crash right after must not leave an empty document
        os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C waits until the block is done, then stops the command: the files of one build are all
    written, or none are. (Only the main thread hears signals; elsewhere the block is as it is.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    heard: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: heard.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if heard:
        signal.raise_signal(signal.SIGINT)  # now heard as it would have been


def writable_folder(folder: Path) -> None:
    """Make the output folder, or say in words why it cannot be: a file of that name is in the way."""
    blocked = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocked is not None:
        raise CoordError(f"{blocked} is a file, not a folder, so nothing can be written into {folder}; choose another --out")
    folder.mkdir(parents=True, exist_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@functools.cache
def _code_digest() -> bytes:
    """coord's own code: a new version of it may render the same data differently."""
    package = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for source in code_files():
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.digest()


def code_files() -> list[Path]:
    """Every module of coord, sub-packages included, and the Lua filter that lays out DOCX files."""
    package = Path(__file__).parent
    return sorted([*package.rglob("*.py"), *package.rglob("*.lua")])


def fingerprint(context: dict[str, Any], templates: bytes) -> str:
    """What a document depends on: its context, the templates (templates_digest) and coord's code."""
    digest = hashlib.sha256(_code_digest() + templates)
    digest.update(json.dumps(context, sort_keys=True).encode())
    return digest.hexdigest()


class Manifest:
    """Remembers the fingerprint of each output, so an unchanged document is not written again."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / ".coord-manifest.json"
        if self.path.is_dir():
            raise CoordError(f"{self.path} is a folder; coord keeps its record of written files there: remove the folder")
        try:
            self.entries: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def current(self, output: Path, fingerprint: str) -> bool:
        return output.is_file() and self.entries.get(output.name) == fingerprint

    def record(self, output: Path, fingerprint: str) -> None:
        self.entries[output.name] = fingerprint

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.entries, indent=1, sort_keys=True).encode())


def write_if_changed(path: Path, data: bytes, private: bool = False) -> bool:
    """Write `data` unless the file already holds exactly it; True when written. For exports, cheap to compare."""
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data, private)
    return True
