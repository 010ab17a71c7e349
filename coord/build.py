"""Build documents into files: check a document's inputs, make its items, render each format, write what changed.

One loop serves every document of the registry (coord.documents): it loads the
production, runs the checks the document's inputs need and refuses while those
inputs have errors, renders every stale file into memory first (so a template that
fails on one item writes nothing at all), then writes them atomically.

The build imports documents, checks, rendering and output; only the CLI imports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coord import model as m
from coord.checks import EVERYTHING, CheckOptions, blocks_documents, run_checks
from coord.documents import Document, Item, document, registry
from coord.errors import CoordError
from coord.exports import EXPORTS
from coord.load import input_of, load_folder
from coord.output import Manifest, fingerprint, uninterrupted, writable_folder, write_atomic, write_if_changed
from coord.render import Renderer, templates_digest, undrawable


@dataclass
class Outcome:
    """What a build did: files written, files already up to date, and what the user should know about them."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_for(root: Path, inputs: Iterable[str], options: CheckOptions = EVERYTHING) -> m.ProductionFolder:
    """Load the folder and run the checks of `inputs`; refuse when those inputs have errors."""
    wanted = frozenset(inputs)
    folder, findings = load_folder(root)
    if folder is not None:
        findings.extend(run_checks(folder, replace(options, inputs=wanted, documents=frozenset(registry())), findings))
    findings.sort(key=lambda f: (f.pos.file, f.pos.line, f.pos.col))
    blocking = [f for f in findings.errors if input_of(f.pos.file) in wanted and blocks_documents(f)]
    if folder is None or blocking:
        shown = "\n".join(f"  {f.pos}: {f.message}" for f in (blocking or findings.errors)[:10])
        raise CoordError(f"the production has errors; fix them first (coord validate {root} lists them all):\n{shown}")
    return folder


def build(root: Path, name: str, formats: Iterable[str], out_dir: Path | None = None, **options: Any) -> Outcome:
    """Make document `name` of the production in `root` in each format it offers; `options` go to its items."""
    doc = document(name)
    folder = load_for(root, doc.inputs)
    return write(root, doc, doc.make(folder, **options), formats, out_dir or root / "out" / doc.out)


def write(root: Path, doc: Document, items: list[Item], formats: Iterable[str], target: Path) -> Outcome:
    """Render the items of `doc` in each format it offers into `target`, writing only what changed."""
    writable_folder(target)  # before rendering anything: a file in the way stops the build, not its last step
    memory = target / f".coord-{doc.name}.json"
    if memory.is_dir():
        raise CoordError(f"{memory} is a folder; coord remembers earlier versions there: remove the folder")
    wanted = list(dict.fromkeys(formats))
    outcome = Outcome()
    pending = _rendered(root, doc, items, [f for f in wanted if f in doc.formats], target, outcome)
    in_the_way = [path for path, _, _ in pending.files if path.is_dir()]
    if in_the_way:
        raise CoordError(f"{in_the_way[0]} is a folder, so the file cannot be written there; move the folder away")
    with uninterrupted():
        for path, data, private in pending.files:
            write_atomic(path, data, private)
            outcome.written.append(path)
        if pending.files:
            pending.manifest.save()
    _write_exports(doc, items, [f for f in wanted if f in doc.exports], target, outcome)
    return outcome


@dataclass
class _Pending:
    manifest: Manifest
    files: list[tuple[Path, bytes, bool]] = field(default_factory=list)


def _rendered(root: Path, doc: Document, items: list[Item], formats: list[str], target: Path, outcome: Outcome) -> _Pending:
    """Every stale file of the printed formats, rendered into memory; up-to-date ones go to `outcome.unchanged`."""
    renderer = Renderer(root)
    pending = _Pending(Manifest(target))
    templates = templates_digest(root) if formats else b""
    for fmt in formats:
        stale: list[tuple[Item, Path, str]] = []
        for item in items:
            output = target / f"{item.name}.{fmt}"
            if fmt == "pdf":  # also when the PDF is up to date: its empty boxes are still there
                outcome.warnings += [w for w in undrawable(item.context) if w not in outcome.warnings]
            stamp = fingerprint(item.context, templates)
            if pending.manifest.current(output, stamp):
                outcome.unchanged.append(output)
            else:
                stale.append((item, output, stamp))
        for (item, output, stamp), data in zip(stale, _render_all(renderer, doc, fmt, stale), strict=True):
            pending.files.append((output, data, item.private))
            pending.manifest.record(output, stamp)
    return pending


def _render_all(renderer: Renderer, doc: Document, fmt: str, stale: list[tuple[Item, Path, str]]) -> list[bytes]:
    """The stale items of one format; the PDFs are typeset in parallel.

    A template failing on one item stops the build before anything is written, naming that item.
    """
    templates = [renderer.template(doc.name, fmt, item.variants) for item, _, _ in stale]
    names = [f"{doc.title} {output.name}" for _, output, _ in stale]
    try:
        if fmt == "pdf":
            return renderer.pdfs(zip(templates, (item.context for item, _, _ in stale), names, strict=True))
        results = []
        for name, template, (item, _, _) in zip(names, templates, stale, strict=True):
            try:
                results.append(renderer.render(template, fmt, item.context))
            except CoordError as err:
                raise CoordError(f"{name}: {err}") from None
        return results
    except CoordError as err:
        raise CoordError(f"{err}\nnothing was written") from None


def _write_exports(doc: Document, items: list[Item], formats: list[str], target: Path, outcome: Outcome) -> None:
    """CSV, vCard, iCalendar: cheap to make, so compared byte for byte instead of fingerprinted."""
    memory = target / f".coord-{doc.name}.json"
    known = _remembered(memory) if doc.remember and formats else None
    changed = False
    for fmt in formats:
        for item in items:
            data = item.exports[fmt]
            if doc.remember is not None:
                data, state = doc.remember(data, known)
                if state is not None:
                    known, changed = state, True
            path = target / f"{item.name}.{fmt}"
            (outcome.written if write_if_changed(path, EXPORTS[fmt](data), item.private) else outcome.unchanged).append(path)
    if changed:
        write_atomic(memory, json.dumps(known, indent=1, sort_keys=True).encode())


def _remembered(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
