"""Revisions of a document: their numbers and colours, and the production's git repository as their record.

Each published revision of a document's item (the call sheet of day 3, the contact
list) is an annotated tag on the commit its sources were in, e.g.
`callsheet/day-03/rev-2`, so every revision can be made again from its commit and
compared with the next. A production folder in a sub-folder of a larger repository
puts its path in front (`productions/harbour-lights/callsheet/day-03/rev-2`), so two
productions in one repository keep apart.

Revision 1 is white, then the colours follow the production's `revision_colours`
(the industry's order by default); after the last colour the sequence starts
again as double white, double blue ..., then triple.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coord import labels as lb
from coord import model as m
from coord.errors import CoordError
from coord.sources import git

#: The paper each revision colour stands for, as printed on screen and paper (pastels, so black text stays legible).
COLOUR_HEX = {
    "white": "#ffffff",
    "blue": "#a9cbef",
    "pink": "#f6bfd0",
    "yellow": "#fff27a",
    "green": "#b6e3a8",
    "goldenrod": "#f0c24b",
    "buff": "#f2dfa7",
    "salmon": "#f7a98b",
    "cherry": "#ec8a9c",
    "tan": "#d9bc94",
}
#: Where a publish run holds its lock, inside the repository's git folder (never committed).
LOCK_FILE = "coord-publish.lock"


@dataclass(frozen=True)
class Revision:
    """A revision number with its colour: the colour's name in `colours` and how many times round (2: double)."""

    number: int
    colour: str
    times: int = 1

    def colour_name(self, language: str) -> str:
        """`Blue`, `Double Blue`, `Triple Blue`, `Blue ×4`."""
        base = lb.revision_colour(self.colour, language)
        if self.times == 1:
            return base
        words = lb.labels(language)
        key = f"revision_colour_{self.times}" if self.times in (2, 3) else "revision_colour_n"
        return words[key].format(colour=base, times=self.times)

    def label(self, language: str) -> str:
        """`Rev 2 · Blue`: what the document prints beside its colour."""
        return lb.labels(language)["revision_label"].format(number=self.number, colour=self.colour_name(language))

    @property
    def hex(self) -> str:
        return COLOUR_HEX[self.colour]


def revision(number: int, colours: Iterable[str] = m.REVISION_COLOURS) -> Revision:
    """Revision `number` (1 is the first) in the colour sequence `colours`."""
    sequence = tuple(colours) or m.REVISION_COLOURS
    index = number - 1
    return Revision(number, sequence[index % len(sequence)], index // len(sequence) + 1)


@dataclass(frozen=True)
class Published:
    """A revision as git records it: its number, the tag and the commit it was made from, and when."""

    number: int
    tag: str
    commit: str
    date: str


_REF_UNSAFE = re.compile(r"[^A-Za-z0-9._/-]+")


class Record:
    """The git repository a production folder lives in, as the record of the folder's published revisions."""

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            top = Path(git(folder, "rev-parse", "--show-toplevel").decode().strip())
        except CoordError:
            raise CoordError(
                f"{folder} is not in a git repository, and coord publish records every revision in git: "
                f'make it one first (cd {folder} && git init && git add . && git commit -m "Start")'
            ) from None
        relative = folder.resolve().relative_to(top.resolve()).as_posix()
        self.top = top
        #: The folder's path in the repository, with a slash ("" at the top): in front of tags and status paths.
        self.path = "" if relative == "." else relative + "/"
        self.tag_prefix = "/".join(_REF_UNSAFE.sub("-", part).strip("-.") or "-" for part in self.path.split("/") if part)
        self.tag_prefix += "/" if self.tag_prefix else ""

    def tag_name(self, key: str, number: int) -> str:
        return f"{self.tag_prefix}{key}/rev-{number}"

    def revisions(self, key: str) -> list[Published]:
        """The published revisions of `key` (e.g. `callsheet/day-03`), oldest first."""
        base = f"refs/tags/{self.tag_prefix}{key}/"
        listing = git(
            self.folder, "for-each-ref", "--format=%(refname)%00%(*objectname)%00%(objectname)%00%(creatordate:iso-strict)", base
        )
        found = []
        for line in listing.decode().splitlines():
            ref, peeled, target, date = line.split("\0")
            match = re.fullmatch(r"rev-([1-9][0-9]*)", ref.removeprefix(base))
            if ref.startswith(base) and match:
                found.append(Published(int(match[1]), ref.removeprefix("refs/tags/"), peeled or target, date))
        return sorted(found, key=lambda p: p.number)

    def head(self) -> str:
        try:
            return git(self.folder, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
        except CoordError:
            raise CoordError(
                f"the git repository of {self.folder} has no commit yet: "
                'commit the production\'s files first (git add . && git commit -m "Start")'
            ) from None

    def uncommitted(self, ignored: Iterable[str] = ()) -> list[str]:
        """The folder's files (relative to it) that differ from the last commit or are not in git; `ignored` folders aside."""
        pathspecs = [".", *(f":(exclude){name}" for name in ignored)]
        output = git(self.folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *pathspecs).decode()
        records = output.split("\0")
        paths: list[str] = []
        index = 0
        while index < len(records):
            record = records[index]
            index += 1
            if len(record) < 4:
                continue
            if record[0] in "RC":  # a rename or copy: the original path follows
                index += 1
            paths.append(record[3:].removeprefix(self.path))
        return sorted(set(paths))

    def require_committed(self, ignored: Iterable[str] = ()) -> None:
        """Refuse while a source differs from its commit: a revision must be made again from its commit alone."""
        changed = self.uncommitted(ignored)
        if changed:
            listed = ", ".join(changed[:8]) + (f" and {len(changed) - 8} more" if len(changed) > 8 else "")
            raise CoordError(
                f"{listed} in {self.folder} {'has' if len(changed) == 1 else 'have'} changes that are not committed, "
                "and a revision must be reproducible from its commit: commit them "
                '(git add . && git commit -m "what changed"), or put them aside (git stash), then publish again'
            )

    def tag(self, key: str, number: int, commit: str, message: str) -> Published:
        name = self.tag_name(key, number)
        _identified(lambda: git(self.folder, "tag", "--annotate", "--message", message, name, commit))
        return next(p for p in self.revisions(key) if p.number == number)

    def commit(self, paths: list[Path], message: str) -> None:
        """Commit only `paths` (the distribution log), whatever else is staged."""
        names = [str(p.resolve().relative_to(self.folder.resolve())) for p in paths]
        git(self.folder, "add", "--", *names)
        _identified(lambda: git(self.folder, "commit", "--quiet", "--message", message, "--", *names))

    @contextlib.contextmanager
    def lock(self, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
        """Hold the repository's publish lock: one run at a time numbers revisions and sends (`waiting` is told if it must wait)."""
        common = Path(git(self.folder, "rev-parse", "--git-common-dir").decode().strip())
        path = common if common.is_absolute() else self.folder / common
        with open(path / LOCK_FILE, "a+b") as handle:
            if not _try_lock(handle.fileno()):
                waiting()
                _wait_for_lock(handle.fileno())
            try:
                yield
            finally:
                _unlock(handle.fileno())


def _identified(run: Callable[[], bytes]) -> None:
    """Run a git command that records who did it; say how to introduce oneself to git when it does not know."""
    try:
        run()
    except CoordError as err:
        if "identity" in str(err) or "email address" in str(err) or "tell me who you are" in str(err):
            raise CoordError(
                "git does not know who you are, and it records who published a revision: "
                'git config --global user.name "Your Name" && git config --global user.email you@example.com'
            ) from None
        raise


if sys.platform == "win32":  # pragma: no cover - the office PC
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _wait_for_lock(fd: int) -> None:
        while not _try_lock(fd):
            time.sleep(0.2)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _wait_for_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
