"""Where a production folder is read from: the file system, or a commit of the git repository it lives in.

The loader asks a source only what it needs (what is at a path, the YAML files of a
folder, a file's bytes), so the same loader reads the production as it is now and
as it was at an earlier revision, for comparing the two.
"""

from __future__ import annotations

import errno
import os
import posixpath
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from coord.errors import CoordError

FILE = "file"
FOLDER = "folder"
MISSING = "missing"
OTHER = "other"


@dataclass(frozen=True)
class Found:
    """What is at a path: FILE, FOLDER, MISSING, or something else, described in `problem`."""

    kind: str
    size: int = 0
    problem: str = ""


class Source(Protocol):
    """A production folder to read from; paths are relative to the folder, with forward slashes."""

    label: str

    def found(self, rel: str) -> Found: ...

    def names(self, rel: str) -> list[str]:
        """The names of the entries directly inside folder `rel` ("" for the production folder), sorted.

        Raises OSError when the folder cannot be read.
        """
        ...

    def read(self, rel: str) -> bytes: ...


def yaml_files(source: Source, rel: str) -> list[str]:
    """The paths of the `*.yaml` files directly inside folder `rel`, sorted; OSError when it cannot be read."""
    return [f"{rel}/{name}" for name in source.names(rel) if name.endswith(".yaml")]


class FileSource:
    """A production folder on disk."""

    def __init__(self, root: Path):
        self.root = root
        self.label = str(root)

    def found(self, rel: str) -> Found:
        path = self.root / rel
        try:
            info = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                return Found(OTHER, problem="is a link to something that does not exist")
            return Found(MISSING)
        except OSError as err:  # a symlink loop, a folder we may not enter
            return Found(OTHER, problem=_reason(err))
        if stat.S_ISDIR(info.st_mode):
            return Found(FOLDER)
        if stat.S_ISREG(info.st_mode):
            return Found(FILE, info.st_size)
        return Found(OTHER, problem="is a special file (a pipe or a device), not a file")

    def names(self, rel: str) -> list[str]:
        return sorted(os.listdir(self.root / rel))

    def read(self, rel: str) -> bytes:
        return (self.root / rel).read_bytes()


def _reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "is a link that points back at itself (a symlink loop)"
    return f"cannot be read: {err.strerror or err}"


class GitSource:
    """A production folder as it was at a git revision (a commit, tag or branch) of its repository."""

    def __init__(self, folder: Path, revision: str):
        self.revision = revision
        self.label = f"{folder}@{revision}"
        try:
            top = git(folder, "rev-parse", "--show-toplevel").decode().strip()
        except CoordError:
            raise CoordError(f"{folder} is not inside a git repository, so it has no earlier revisions") from None
        prefix = Path(folder).resolve().relative_to(Path(top).resolve()).as_posix()
        self._repo = Path(top)
        self._prefix = "" if prefix == "." else prefix + "/"
        try:
            commit = git(self._repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
        except CoordError:
            raise CoordError(f'there is no revision "{revision}" in the git repository {top}') from None
        listing = git(self._repo, "ls-tree", "-r", "-t", "-z", "--long", commit, "--", self._prefix or ".")
        self._entries: dict[str, tuple[str, int, str]] = {}
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, path = record.decode().split("\t", 1)
            mode, kind, oid, size = meta.split()
            rel = path.removeprefix(self._prefix)
            self._entries[rel] = ("link" if mode == "120000" else kind, 0 if size == "-" else int(size), oid)
        self._follow_links()

    def _follow_links(self) -> None:
        """A committed symlink stands for what it points at inside the folder, as it does on disk."""
        for rel, (kind, _size, oid) in list(self._entries.items()):
            if kind != "link":
                continue
            target = git(self._repo, "cat-file", "blob", oid).decode(errors="replace")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
            self._entries[rel] = self._entries.get(resolved, ("dangling", 0, ""))

    def found(self, rel: str) -> Found:
        if rel == "":
            return Found(FOLDER)
        entry = self._entries.get(rel)
        if entry is None:
            return Found(MISSING)
        kind, size, _oid = entry
        if kind == "tree":
            return Found(FOLDER)
        if kind == "dangling":
            return Found(OTHER, problem="is a link to something outside the folder or that does not exist")
        return Found(FILE, size) if kind == "blob" else Found(OTHER, problem="is not a file in this revision")

    def names(self, rel: str) -> list[str]:
        inside = f"{rel}/" if rel else ""
        return sorted(p[len(inside) :] for p in self._entries if p.startswith(inside) and "/" not in p[len(inside) :])

    def read(self, rel: str) -> bytes:
        return git(self._repo, "cat-file", "blob", self._entries[rel][2])


def git(where: Path, *args: str) -> bytes:
    """Run git in `where`; what it prints, or a CoordError with the last line of its complaint."""
    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, check=False)  # noqa: S603, S607
    except OSError as err:
        raise CoordError(f"cannot run git: {err.strerror}; install git to read earlier revisions") from None
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise CoordError(f"git {args[0]} in {where} failed: {detail[-1] if detail else 'no such revision'}")
    return done.stdout
