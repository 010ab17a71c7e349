"""Shared fixtures: real production folders on disk, copied to a temp dir per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
EXAMPLE = REPO / "examples" / "harbour-lights"


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the smallest valid production, for a test to break one thing in."""
    target = tmp_path / "production"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example production (without its rendered out/), for a test to edit."""
    target = tmp_path / "harbour-lights"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("out"))
    return target
