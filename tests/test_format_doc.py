"""docs/format.md lists exactly the fields the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from coord import model as m
from coord import profiledoc
from coord.findings import Findings
from coord.formatdoc import documented_files, field_rows, update
from coord.load import FILES, _load_list, _load_record_file
from coord.sources import FileSource
from coord.worktime import shipped

FORMAT_MD = REPO / "docs" / "format.md"


def test_field_tables_are_up_to_date() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    assert update(text) == text, "docs/format.md is out of date with coord/model.py: run `make docs`"


def test_every_file_has_a_table() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    named = set(re.findall(r"<!-- fields: (\S+) -->", text))
    assert named == set(documented_files())


def test_every_documented_field_is_in_the_tables() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    for cls in documented_files().values():
        for path, _kind, _required, doc in field_rows(cls):
            assert f"| `{path}` |" in text
            assert doc, f"{cls.__name__}.{path} has no documentation"


def test_nested_fields_are_listed_with_their_path() -> None:
    paths = [row[0] for row in field_rows(m.ShootDay)]
    assert "cast_calls[].pickup" in paths
    assert "weather.high" in paths
    assert [row[0] for row in field_rows(m.Transport)].count("pickups[].from") == 1


def test_every_yaml_example_in_the_format_reference_loads_without_findings(tmp_path: Path) -> None:
    """The examples in docs/format.md are real: each loads as its file with no error or unknown field."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    names = {f"## {name}": name for name in documented_files()}
    names["## schedule.yaml (or days/)"] = "schedule.yaml"
    checked = 0
    for section in re.split(r"\n(?=## )", text):
        heading = section.splitlines()[0]
        name = names.get(heading)
        for example in re.findall(r"```yaml\n(.*?)```", section, re.S):
            assert name is not None, f"a YAML example under {heading!r}, which is not a file section"
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(example, encoding="utf-8")
            findings = Findings()
            spec = next((s for s in FILES if s.name == name), None)
            if spec is not None and spec.is_list:
                _load_list(FileSource(tmp_path), name, spec, findings)
            else:
                _load_record_file(FileSource(tmp_path), name, spec.cls if spec else m.DayReport, findings)
            assert not findings, [f"{name}: {f.pos} {f.message}" for f in findings]
            checked += 1
    assert checked >= 11


WORKING_TIME_MD = REPO / "docs" / "working-time.md"


@pytest.mark.parametrize("page", [FORMAT_MD, WORKING_TIME_MD], ids=["format.md", "working-time.md"])
def test_the_working_time_profiles_in_the_docs_are_those_coord_ships(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert profiledoc.update(text) == text, f"{page.name} is out of date with coord/profiles/: run `make docs`"


def test_every_shipped_profile_has_its_table_with_a_source_for_every_group() -> None:
    text = WORKING_TIME_MD.read_text(encoding="utf-8")
    assert set(re.findall(r"<!-- profile: (\S+) -->", text)) == set(shipped())
    for profile in shipped().values():
        for name, group in profiledoc.groups(profile):
            assert group.source, f"{profile.name}: {name} has no source"
            assert f"| {name} |" in text


def test_the_yaml_examples_of_the_working_time_page_load_without_findings(tmp_path: Path) -> None:
    text = WORKING_TIME_MD.read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n(.*?)```", text, re.S)
    kinds = {"working_time:": ("production.yaml", m.Production), "- name:": ("working-time.yaml", m.WorkingTimeProfile)}
    checked = 0
    for example in examples:
        for start, (name, cls) in kinds.items():
            if start in example and not example.lstrip().startswith("accepted:"):
                findings = Findings()
                (tmp_path / name).write_text(example if cls is m.WorkingTimeProfile else _production(example), encoding="utf-8")
                spec = next(s for s in FILES if s.name == name) if cls is m.WorkingTimeProfile else None
                if spec is not None:
                    _load_list(FileSource(tmp_path), name, spec, findings)
                else:
                    _load_record_file(FileSource(tmp_path), name, cls, findings)
                assert not findings, [f"{f.pos} {f.message}" for f in findings]
                checked += 1
    assert checked >= 3


def _production(example: str) -> str:
    """A working_time example as a whole production.yaml."""
    return 'title: T\ncompany: C\ntype: feature\ntimezone: Europe/Berlin\noffice: {address: A, phone: "+49 40 1"}\n' + example
