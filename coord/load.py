"""Read a production folder into model objects, collecting every mistake with its file and line.

YAML is parsed by libyaml into nodes only; values are made from the text as
written, by the field's kind (coord.kinds), never by YAML 1.1's guessing. A file
that cannot be parsed, or holds something unsafe (custom tags, aliases), gives a
finding, never a traceback. Where the files come from (the file system or a git
revision) is coord.sources' business; checking what was loaded is coord.checks'.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

import yaml

from coord import kinds as k
from coord import model as m
from coord.errors import quoted
from coord.findings import Findings, Pos
from coord.sources import FILE, FOLDER, MISSING, OTHER, FileSource, Source, yaml_files

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml is in every wheel we install
    from yaml import SafeLoader  # type: ignore[assignment]

#: Larger files are refused: a production file is rarely over 1 MB, 20 MB is an accident.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FileSpec:
    """One kind of file in a production folder: its name, its folder form, and what it holds."""

    name: str
    attr: str
    cls: type
    is_list: bool
    required: bool = False

    @property
    def folder(self) -> str:
        return self.name.removesuffix(".yaml") if self.name != "schedule.yaml" else "days"


FILES = (
    FileSpec("production.yaml", "production", m.Production, is_list=False, required=True),
    FileSpec("crew.yaml", "crew", m.CrewMember, is_list=True),
    FileSpec("cast.yaml", "cast", m.CastMember, is_list=True),
    FileSpec("locations.yaml", "locations", m.Location, is_list=True),
    FileSpec("scenes.yaml", "scenes", m.Scene, is_list=True),
    FileSpec("schedule.yaml", "days", m.ShootDay, is_list=True),
    FileSpec("hotels.yaml", "hotels", m.Hotel, is_list=True),
    FileSpec("equipment.yaml", "equipment", m.Order, is_list=True),
    FileSpec("transport.yaml", "transport", m.Transport, is_list=False),
    FileSpec("extras.yaml", "extras", m.Extra, is_list=True),
    FileSpec("interns.yaml", "interns", m.Intern, is_list=True),
    FileSpec("distribution.yaml", "distribution", m.Distribution, is_list=False),
    FileSpec("working-time.yaml", "profiles", m.WorkingTimeProfile, is_list=True),
)
REPORTS = "reports"
#: The inputs of a production by name: what a check reads and what a document is made from.
INPUTS = (*(spec.attr for spec in FILES), REPORTS)


def input_of(file: str) -> str:
    """The input a file belongs to: `crew/camera.yaml` and `crew.yaml` are both 'crew', `schedule.yaml` is 'days'."""
    top = file.split("/")[0]
    for spec in FILES:
        if top in (spec.name, spec.folder):
            return spec.attr
    return REPORTS if top == REPORTS else top


def load_folder(source: Path | Source) -> tuple[m.ProductionFolder | None, Findings]:
    """Load every file of a production folder, on disk or at a git revision (coord.sources).

    The folder is None only when production.yaml is unusable. Loading makes many small
    objects and no reference cycles, so the garbage collector is paused meanwhile.
    """
    if isinstance(source, Path):
        source = FileSource(source)
    findings = Findings()
    found = source.found("")
    if found.kind != FOLDER:
        problem = "there is no such folder" if found.kind == MISSING else "this is not a folder"
        findings.error(Pos(source.label), problem, "give the path of the production folder, which holds production.yaml")
        return None, findings
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(source, findings), findings
    finally:
        if collecting:
            gc.enable()


def _load(source: Source, findings: Findings) -> m.ProductionFolder | None:
    loaded: dict[str, Any] = {}
    incomplete: set[str] = _misnamed_files(source, findings)
    for spec in FILES:
        paths = _paths(source, spec, findings)
        if paths is None:
            incomplete.add(spec.attr)
            continue
        if spec.is_list:
            parts = [_load_list(source, path, spec, findings) for path in paths]
            loaded[spec.attr] = tuple(item for part in parts for item in part or ())
        else:
            parts = [_load_record_file(source, path, spec.cls, findings) for path in paths]
            records = [r for r in parts if r is not None]
            if records:
                loaded[spec.attr] = records[0] if len(records) == 1 else _merge_lists(records)
        if any(part is None for part in parts):
            incomplete.add(spec.attr)
    reports = _report_paths(source, findings)
    if reports is None:
        incomplete.add(REPORTS)
    elif reports:
        loaded["reports"] = tuple(r for r in (_load_record_file(source, p, m.DayReport, findings) for p in reports) if r)
    production = loaded.pop("production", None)
    if production is None:
        return None
    return m.ProductionFolder(root=source.label, production=production, incomplete=frozenset(incomplete), **loaded)


def _paths(source: Source, spec: FileSpec, findings: Findings) -> list[str] | None:
    """The file, or the sorted files of the folder form; not both. None when what is there cannot be read."""
    single, folder = source.found(spec.name), source.found(spec.folder)
    splittable = spec.is_list or spec.attr == "transport"  # production.yaml is one mapping, never a folder
    if single.kind == FOLDER:
        hint = f"a folder of these files is called {spec.folder}/" if splittable else f"{spec.name} must be one file"
        findings.error(Pos(spec.name), f"{spec.name} is a folder, not a file", f"{hint}: rename or move it")
        return None
    if single.kind == OTHER:
        findings.error(Pos(spec.name), f"{spec.name} {single.problem}", "replace it with the file itself")
        return None
    parts: list[str] = []
    if splittable and folder.kind == FOLDER:
        try:
            parts = yaml_files(source, spec.folder)
            _misnamed_inside(source, spec.folder, findings)
        except OSError as err:
            findings.error(Pos(f"{spec.folder}/"), f"the folder cannot be read: {err.strerror}", "check that you may read it")
            return None
    elif splittable and folder.kind == OTHER:
        findings.error(Pos(f"{spec.folder}/"), f"{spec.folder} {folder.problem}", "replace it with the folder itself")
        return None
    if single.kind == FILE and parts:
        findings.error(
            Pos(spec.name),
            f"both {spec.name} and the folder {spec.folder}/ exist",
            f"keep one: move the entries of {spec.name} into a file in {spec.folder}/",
        )
    if single.kind == FILE:
        return [spec.name]
    if parts:
        return parts
    if spec.required:
        findings.error(
            Pos(spec.name),
            f"{spec.name} is missing",
            "every production folder needs a production.yaml with at least title, company, type, timezone and office",
        )
    return []


def _misnamed_files(source: Source, findings: Findings) -> set[str]:
    """`crew.yml`, `Crew.yaml`, `CAST/`: files coord would pass over, so their people would be missing without a word.

    Returns the inputs they belong to: those are incomplete, so their ids are not reported unknown elsewhere.
    """
    try:
        names = source.names("")
    except OSError:
        return set()  # the folder itself was readable a moment ago; its files report their own problems
    passed_over: set[str] = set()
    wanted = {spec.name: spec for spec in FILES}
    folders = {spec.folder: spec for spec in FILES if spec.is_list or spec.attr == "transport"} | {REPORTS: None}
    for name in names:
        if name in wanted or name in folders:
            continue
        stem, dot, ending = name.rpartition(".")
        canonical = next((w for w in wanted if w.removesuffix(".yaml") == (stem if dot else name).lower()), None)
        if dot and ending.lower() in ("yaml", "yml") and canonical:
            findings.error(Pos(name), f"{name} is not read: coord reads {canonical}", f"rename it to {canonical}")
            passed_over.add(wanted[canonical].attr)
        elif not dot and name.lower() in folders and source.found(name).kind == FOLDER:
            findings.error(Pos(f"{name}/"), f"{name}/ is not read: coord reads {name.lower()}/", f"rename it to {name.lower()}")
            spec = folders[name.lower()]
            passed_over.add(spec.attr if spec else REPORTS)
    return passed_over


def _misnamed_inside(source: Source, folder: str, findings: Findings) -> None:
    """A `.yml` or `.YAML` file in a folder of YAML files would be passed over."""
    for name in source.names(folder):
        stem, dot, ending = name.rpartition(".")
        if dot and ending != "yaml" and ending.lower() in ("yaml", "yml"):
            findings.error(
                Pos(f"{folder}/{name}"),
                f"{folder}/{name} is not read: only files ending in .yaml are",
                f"rename it to {stem}.yaml",
            )


def _report_paths(source: Source, findings: Findings) -> list[str] | None:
    """The daily report files in reports/; None when reports/ is there but is no readable folder."""
    found = source.found(REPORTS)
    if found.kind == MISSING:
        return []
    if found.kind != FOLDER:
        problem = "is a file" if found.kind == FILE else found.problem
        findings.error(
            Pos(f"{REPORTS}/"), f"{REPORTS} {problem}, so no daily report is read", "reports/ is a folder with one file per day"
        )
        return None
    try:
        _misnamed_inside(source, REPORTS, findings)
        return yaml_files(source, REPORTS)
    except OSError as err:
        findings.error(Pos(f"{REPORTS}/"), f"the folder cannot be read: {err.strerror}", "check that you may read it")
        return None


def _merge_lists(records: list[Any]) -> Any:
    """Join a mapping-of-lists file given as several files (transport/*.yaml) into one record."""
    first = records[0]
    merged = {
        attr: tuple(item for r in records for item in getattr(r, attr)) for _key, attr, _meta in m.schema_fields(type(first))
    }
    return type(first)(pos=first.pos, where=first.where, **merged)


# ---- reading one file safely -------------------------------------------------


def read_yaml(source: Source, rel: str, findings: Findings) -> tuple[yaml.Node | None, Reader | None]:
    """Parse one file into a node tree, or report why it cannot be read."""
    found = source.found(rel)
    if found.kind != FILE:
        problem = "is a folder, not a file" if found.kind == FOLDER else found.problem
        findings.error(Pos(rel), f"{rel} {problem}", "replace it with the file itself, or move it out of the folder")
        return None, None
    try:
        size = found.size
        if size > MAX_FILE_BYTES:
            findings.error(
                Pos(rel),
                f"the file is {size / 1024 / 1024:.0f} MB, larger than the {MAX_FILE_BYTES // 1024 // 1024} MB a production file may be",
                f"split the list into a folder of smaller files ({PurePosixPath(rel).stem}/*.yaml)",
            )
            return None, None
        data = source.read(rel)
    except OSError as err:
        findings.error(Pos(rel), f"cannot read the file: {err.strerror}", "check that the file exists and you may read it")
        return None, None
    wide = _wide_encoding(data)
    if wide:
        findings.error(
            Pos(rel),
            f"the file is saved as {wide} text, which coord cannot read",
            "save it as UTF-8 (in your editor: Save with encoding, UTF-8)",
        )
        return None, None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        findings.error(
            Pos(rel, line, col),
            f"byte 0x{data[err.start]:02x} is not UTF-8 text",
            "save the file as UTF-8 (in your editor: Save with encoding, UTF-8)",
        )
        return None, None
    if _NODE_PROPERTY.search(text):
        refused = _refused_token(text)
        if refused:
            findings.error(Pos(rel, refused[0], refused[1]), refused[2], refused[3])
            return None, None
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as err:
        findings.error(_mark_pos(rel, err), *_explain_yaml_error(err))
        return None, None
    except yaml.YAMLError as err:
        findings.error(Pos(rel), f"the file is not valid YAML: {err}", "check the indentation and the quotes")
        return None, None
    except RecursionError:
        findings.error(Pos(rel), "the file is nested too deeply to be a production file", "check for runaway brackets [ or {")
        return None, None
    return node, Reader(rel, findings)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, as Windows editors save "Unicode" text: told by its byte-order mark or, without one,
    by the zero bytes its ASCII letters carry (YAML text has none)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4096]
    if head.count(0) > len(head) // 4:
        return "UTF-32" if head.count(0) > len(head) // 2 + len(head) // 8 else "UTF-16"
    return None


#: Where an anchor (&a), alias (*a) or tag (!t) could start: at a line start, after a space or a flow bracket.
#: Only then is the file scanned for them, so "R&D" or "5 * 3" costs no second pass.
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[{,])(?:[&*][^\s,\[\]{}]|!)", re.M)


def _refused_token(text: str) -> tuple[int, int, str, str] | None:
    """The first anchor, alias or tag in `text`: refused, so no alias bomb or object tag gets further."""
    try:
        for token in yaml.scan(text, Loader=SafeLoader):
            mark = token.start_mark
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                return (
                    mark.line + 1,
                    mark.column + 1,
                    "anchors and aliases (&name, *name) are not supported",
                    "write the value out in full where it is needed",
                )
            if isinstance(token, yaml.TagToken) and token.value != ("!!", "str"):
                tag = "".join(token.value)
                return (
                    mark.line + 1,
                    mark.column + 1,
                    f"the tag {tag} is not allowed",
                    "remove it: production files hold plain values only (to force text, use quotes)",
                )
    except yaml.YAMLError:
        return None  # the parser reports the syntax error with its position
    return None


def _mark_pos(rel: str, err: yaml.MarkedYAMLError) -> Pos:
    mark = err.problem_mark or err.context_mark
    return Pos(rel, mark.line + 1, mark.column + 1) if mark else Pos(rel)


def _explain_yaml_error(err: yaml.MarkedYAMLError) -> tuple[str, str]:
    """Say what libyaml's complaint means for someone editing a production file."""
    problem = (err.problem or "").strip()
    if "tab" in problem or "'\\t'" in problem:
        return "a tab character is used for indentation", "YAML needs spaces: replace the tab with spaces"
    if "expected a single document" in (err.context or "") + problem:
        return (
            "the file holds more than one YAML document (a second --- line)",
            "remove the --- line, or split the entries into separate files in a folder",
        )
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return f"the file is not valid YAML: {problem}", "put the value in quotes if it starts with * or contains a backslash"
    if "mapping values are not allowed" in problem:
        return "a colon followed by a space inside a value", 'put the whole value in quotes: note: "Call: 06:00"'
    return (
        f"the file is not valid YAML: {problem or err.context}",
        "check the indentation and the quotes on this line and the one before",
    )


class Reader:
    """Turns the node tree of one file into model objects, per the schema, recording findings."""

    def __init__(self, rel: str, findings: Findings):
        self.rel = rel
        self.findings = findings
        self.errors = 0  # mistakes found so far in this file, to tell which fields failed

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.rel, mark.line + 1, mark.column + 1)

    def char_pos(self, node: yaml.Node, index: int | None) -> Pos:
        """Where character `index` of a scalar's value was written, when the value stands in the file as it is
        (one line, no escapes); else where the value starts."""
        pos = self.pos(node)
        if index is None or not isinstance(node, yaml.ScalarNode):
            return pos
        start, end = node.start_mark, node.end_mark
        quotes = 0 if k.is_plain(node) else 1
        if start.line == end.line and end.column - start.column == len(node.value) + 2 * quotes:
            return Pos(pos.file, pos.line, pos.col + quotes + index)
        return pos

    def value(self, kind: k.Kind, node: yaml.Node, name: str) -> Any:
        """Convert `node` by `kind`; on a mistake record it and return None."""
        try:
            if isinstance(kind, k.Record):
                if kind.shorthand and isinstance(node, yaml.ScalarNode):
                    return self.shorthand(kind, node, name)
                return self.record(kind.cls, node, name)
            if isinstance(kind, k.ListOf):
                return self.sequence(kind.item, node, name)
            if isinstance(kind, k.MapOf):
                return self.map(kind, node, name)
            converted = kind.convert(node)
        except k.Invalid as err:
            self.error(self.char_pos(err.node or node, err.index), f"{name}: {err.message}", err.hint)
            return None
        if isinstance(kind, k.Text) and isinstance(node, yaml.ScalarNode):
            for index, char in k.invisible_characters(node.value):
                self.findings.warning(
                    self.char_pos(node, index),
                    f"{name}: character {index + 1} is an invisible {k.INVISIBLE[char]} (U+{ord(char):04X})",
                    "delete it: it prints as nothing, but makes the text differ from the same text typed "
                    "(in a search, a sort, a comparison); it usually comes with copied text",
                )
        return converted

    def error(self, pos: Pos, message: str, hint: str) -> None:
        self.errors += 1
        self.findings.error(pos, message, hint)

    def sequence(self, item: k.Kind, node: yaml.Node, name: str) -> tuple[Any, ...] | None:
        if isinstance(node, yaml.ScalarNode) and isinstance(item, k.Scalar):
            return (v,) if (v := self.value(item, node, name)) is not None else ()  # `scenes: 12` is a list of one
        if not isinstance(node, yaml.SequenceNode):
            raise k.Invalid(f"expected a list, found {k.describe(node)}", "write each entry on its own line starting with '- '")
        converted = (self.value(item, child, name) for child in _children(node))
        return tuple(v for v in converted if v is not None)

    def map(self, kind: k.MapOf, node: yaml.Node, name: str) -> MappingProxyType[str, Any] | None:
        if not isinstance(node, yaml.MappingNode):
            raise k.Invalid(f"expected a mapping of {kind.label}, found {k.describe(node)}", "write one 'key: value' per line")
        result: dict[str, Any] = {}
        for key_node, value_node in self._pairs(node):
            key = self.value(kind.key, key_node, name)
            value = self.value(kind.value, value_node, f"{name}.{key_node.value}")
            if key is not None and value is not None:
                result[key] = value
        return MappingProxyType(result)

    def record(self, cls: type, node: yaml.Node, name: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            raise k.Invalid(
                f"expected a mapping (key: value lines), found {k.describe(node)}",
                "write the fields as 'name: value' lines, indented under this entry",
            )
        fields = _schema(cls)
        values: dict[str, Any] = {}
        where: dict[str, Pos] = {}
        empty: set[str] = set()
        invalid: set[str] = set()
        for key_node, value_node in self._pairs(node):
            key = key_node.value
            known = fields.get(key)
            if known is None:
                self._unknown_key(key_node, key, fields)
                continue
            attr, meta = known
            where[attr] = self.pos(value_node)
            if k.is_missing(value_node):
                empty.add(attr)
                continue
            errors_before = self.errors
            converted = self.value(meta["kind"], value_node, key)
            if converted == "":  # `role: ""` or `role: "  "`: empty, like `role:` with nothing after it
                empty.add(attr)
            elif converted is not None:
                values[attr] = converted
            if self.errors > errors_before:
                invalid.add(attr)
            elif isinstance(meta["kind"], k.ListOf | k.MapOf):
                self._item_positions(attr, value_node, where)
        for key, (attr, meta) in fields.items():
            if not meta["required"] or attr in values:
                continue
            if attr not in where:
                self.findings.error(self.pos(node), f'missing "{key}": {meta["doc"]}', f"add a line '{key}: ...' to this entry")
            elif attr in empty:
                self.findings.error(where[attr], f'"{key}" is empty: {meta["doc"]}', f"fill in '{key}:'")
        return cls(pos=self.pos(node), where=MappingProxyType(where), invalid=frozenset(invalid), **values)

    def shorthand(self, kind: k.Record, node: yaml.ScalarNode, name: str) -> Any:
        """One plain value for a record that allows it: every shorthand field gets that value."""
        text = k.Text().convert(node)
        where = MappingProxyType({attr: self.pos(node) for attr in kind.shorthand})
        return kind.cls(pos=self.pos(node), where=where, **dict.fromkeys(kind.shorthand, text))

    def _item_positions(self, attr: str, node: yaml.Node, where: dict[str, Pos]) -> None:
        """Where each item of a list of values, or each key of a mapping, was written: `scenes:12A`."""
        if isinstance(node, yaml.SequenceNode):
            for child in _children(node):
                if isinstance(child, yaml.ScalarNode):
                    where.setdefault(f"{attr}:{child.value.strip()}", self.pos(child))
        elif isinstance(node, yaml.MappingNode):
            for key_node, _value in _children(node):
                where.setdefault(f"{attr}:{key_node.value}", self.pos(key_node))

    def _pairs(self, node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
        """The key/value pairs, refusing duplicate keys (YAML would silently keep the last one)."""
        first: dict[str, yaml.Node] = {}
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in _children(node):
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(self.pos(key_node), "a key must be a plain word", "write 'name: value'")
                continue
            earlier = first.get(key_node.value)
            if earlier is not None:
                self.error(
                    self.pos(key_node),
                    f"{quoted(key_node.value)} is given twice in this entry (first on line {earlier.start_mark.line + 1})",
                    "keep one of them; YAML would silently use only the last",
                )
                continue
            first[key_node.value] = key_node
            pairs.append((key_node, value_node))
        return pairs

    def _unknown_key(self, key_node: yaml.Node, key: str, fields: dict[str, Any]) -> None:
        close = k.suggest(key, list(fields))
        hint = f'did you mean "{close}"?' if close else "known fields here: " + ", ".join(fields)
        self.findings.warning(self.pos(key_node), f"unknown field {quoted(key)}; it is ignored", hint)


_SCHEMAS: dict[type, dict[str, tuple[str, dict[str, Any]]]] = {}


def _schema(cls: type) -> dict[str, tuple[str, dict[str, Any]]]:
    schema = _SCHEMAS.get(cls)
    if schema is None:
        schema = _SCHEMAS[cls] = {key: (attr, dict(meta)) for key, attr, meta in m.schema_fields(cls)}
    return schema


def load_record(source: Source, rel: str, cls: type, findings: Findings) -> Any:
    """One file holding one mapping, as a `cls`; None (and findings) when it cannot be read."""
    return _load_record_file(source, rel, cls, findings)


def _load_record_file(source: Source, rel: str, cls: type, findings: Findings) -> Any:
    node, reader = read_yaml(source, rel, findings)
    if reader is None:
        return None
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [], start_mark=yaml.Mark(reader.rel, 0, 0, 0, "", 0))
    if isinstance(node, yaml.SequenceNode):
        findings.error(
            reader.pos(node),
            f"{reader.rel} must hold one mapping (key: value lines), not a list",
            "remove the '- ' in front of the first key",
        )
        return None
    return reader.value(k.Record(cls), node, os.path.basename(reader.rel))


def _load_list(source: Source, rel: str, spec: FileSpec, findings: Findings) -> tuple[Any, ...] | None:
    """The entries of one list file; None when the file as a whole was refused."""
    node, reader = read_yaml(source, rel, findings)
    if reader is None:
        return None
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        findings.error(
            reader.pos(node),
            f"{reader.rel} must hold a list of entries, each starting with '- '",
            f"start each entry with '- ', e.g. '- id: ...' (found {k.describe(node)})",
        )
        return None
    return reader.sequence(k.Record(spec.cls), node, spec.attr) or ()


def _children(node: yaml.Node) -> list[Any]:
    """The items of a sequence or the (key, value) pairs of a mapping node."""
    children: list[Any] = node.value
    return children
