"""SECURITY.md names, for every defence, the test that proves it: each one it names exists."""

from __future__ import annotations

import ast
import re

import pytest

from gasatlas.config import PROJECT_ROOT

DOC = (PROJECT_ROOT / "SECURITY.md").read_text(encoding="utf-8")
NAMED = sorted(set(re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", DOC)))


def test_the_threat_model_names_its_tests() -> None:
    assert len(NAMED) >= 40


@pytest.mark.parametrize(("path", "name"), NAMED, ids=[f"{path}::{name}" for path, name in NAMED])
def test_every_test_the_threat_model_names_exists(path: str, name: str) -> None:
    tree = ast.parse((PROJECT_ROOT / path).read_text(encoding="utf-8"))
    assert name in {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
