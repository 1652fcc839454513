"""The base layers never import the apps built on them: core and regions know no page types, and
the village websites do not know the portal. Checked on the source, function-level imports included."""

import ast
from pathlib import Path

import pytest

SINERGI = Path(__file__).resolve().parents[2]
UPPER_APPS = ("villages", "portal", "kim", "ppid", "complaints", "finance")
FORBIDDEN = {
    "core": UPPER_APPS,
    "regions": UPPER_APPS,
    "villages": ("portal",),
}


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def source_files(app: str):
    # Test helpers may build pages of any type; the rule is for the application code.
    return [p for p in (SINERGI / app).rglob("*.py") if "tests" not in p.relative_to(SINERGI).parts]


@pytest.mark.parametrize("app", FORBIDDEN)
def test_base_layer_does_not_import_the_apps_built_on_it(app):
    offending = [
        f"{path.relative_to(SINERGI)}: {module}"
        for path in source_files(app)
        for module in imported_modules(path)
        if any(
            module == f"sinergi.{upper}" or module.startswith(f"sinergi.{upper}.") for upper in FORBIDDEN[app]
        )
    ]
    assert offending == []
