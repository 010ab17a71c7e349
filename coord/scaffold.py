"""`coord init`: a new production folder with example files that validate, a Makefile and CI workflows.

The files come from coord/skeleton/ (dot files are packaged under plain names and
put in place here). A file that is already there is never overwritten: it is kept
as it is, and named.
"""

from __future__ import annotations

import json
from pathlib import Path

from coord import __version__

SKELETON = Path(__file__).with_name("skeleton")
#: Where each packaged file goes in the new folder, when not under its own name.
PLACES = {
    "gitignore": ".gitignore",
    "github-workflow.yml": ".github/workflows/coord.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}


def scaffold(directory: Path, title: str | None = None) -> tuple[list[Path], list[Path]]:
    """Write the skeleton into `directory`: (files written, files kept because they were there)."""
    values = {
        "title": json.dumps(title or directory.resolve().name, ensure_ascii=False),  # a YAML string, quoted and escaped
        "version": __version__,
    }
    written, kept = [], []
    for source in sorted(p for p in SKELETON.iterdir() if p.is_file()):
        target = directory / PLACES.get(source.name, source.name)
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            kept.append(target)
            continue
        written.append(target)
    return written, kept
