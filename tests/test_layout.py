"""How the tests are laid out: what they share lives in ``tests/support``, and no test module (nor a conftest)
is imported by another — a test module holds tests, so moving or renaming one never breaks a second."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SUPPORT = "tests.support"


def imports_of(source: str, package: str) -> set[str]:
    """Every module (and every name from a module) the code imports, relative imports read from ``package``."""
    parts = package.split(".")
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = parts[:len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _imports() -> dict[str, set[str]]:
    """What each Python file under tests/ imports (the fixtures' sample files aside)."""
    found = {}
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(TESTS.parent)
        if "fixtures" not in relative.parts:
            found[str(relative)] = imports_of(path.read_text(encoding="utf-8"), ".".join(relative.parent.parts))
    return found


def _is_test_module_or_conftest(name: str) -> bool:
    return name.startswith("tests.") and any(part.startswith(("test_", "conftest")) for part in name.split("."))


def test_no_test_module_or_conftest_is_imported_by_another() -> None:
    offences = [f"{path} imports {name}" for path, names in _imports().items()
                for name in sorted(names) if _is_test_module_or_conftest(name)]

    assert offences == [], "move what they share to tests/support:\n" + "\n".join(offences)


def test_tests_share_code_only_through_the_support_package() -> None:
    offences = [f"{path} imports {name}" for path, names in _imports().items() for name in sorted(names)
                if name.split(".")[0] == "tests" and name != SUPPORT and not name.startswith(f"{SUPPORT}.")]

    assert offences == [], "\n".join(offences)


def test_the_check_sees_every_way_of_importing_a_test_module() -> None:
    source = "from tests.app.test_app import FakeMap\nfrom .test_pages import open_page\nimport tests.app.conftest\n"

    imported = imports_of(source, "tests.app")

    assert {name for name in imported if _is_test_module_or_conftest(name)} == {
        "tests.app.test_app", "tests.app.test_app.FakeMap", "tests.app.test_pages", "tests.app.test_pages.open_page",
        "tests.app.conftest"}
