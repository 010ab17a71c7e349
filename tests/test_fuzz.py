"""No input, however broken, makes `coord validate` crash: random edits of real files give findings, never a traceback."""

from __future__ import annotations

import shutil

import pytest
from conftest import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coord.checks import validate

FILES = sorted(p.name for p in MINIMAL.glob("*.yaml"))
YAML_BITS = st.sampled_from(
    ["- ", ": ", "\n", "  ", "\t", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "'", '"', "#", "|", ">", "~",
     "---\n", "...", "null", "07:30", "25:99", "2027-02-30", "0176", "1 3/8", "id", "day", "scenes", "cast", "\x00", "é", "\ufeff"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(FILES),
    at=st.integers(min_value=0, max_value=2000),
    bits=st.lists(YAML_BITS, max_size=6),
    cut=st.integers(0, 40),
)
def test_random_edits_never_crash(
    tmp_path_factory: pytest.TempPathFactory, name: str, at: int, bits: list[str], cut: int
) -> None:
    folder = tmp_path_factory.mktemp("fuzz") / "production"
    shutil.copytree(MINIMAL, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    at = min(at, len(text))
    path.write_text(text[:at] + "".join(bits) + text[at + cut :], encoding="utf-8")
    _, findings = validate(folder)
    for finding in findings:
        assert finding.pos.file and finding.message
