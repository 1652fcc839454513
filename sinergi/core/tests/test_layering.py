"""The base layers never import the apps built on them (docs/architecture.md, "Apps and their dependency
direction"). Checked on the source, function-level imports included."""

import ast
from pathlib import Path

import pytest

SINERGI = Path(__file__).resolve().parents[2]
UPPER_APPS = ("villages", "casework", "portal", "kim", "ppid", "complaints", "finance", "monitoring", "demo")
FORBIDDEN = {
    "core": UPPER_APPS,
    "regions": UPPER_APPS,
    "accounts": UPPER_APPS,
    "villages": ("casework", "portal", "kim", "ppid", "complaints", "finance", "monitoring", "demo"),
    # The shared machinery of the citizen services knows none of the services.
    "casework": ("portal", "kim", "ppid", "complaints", "finance", "monitoring", "demo"),
    # The services do not know each other (complaints may use the KIM's photo rules: docs/architecture.md).
    "ppid": ("portal", "kim", "complaints", "finance", "monitoring", "demo"),
    "finance": ("portal", "kim", "ppid", "complaints", "monitoring", "demo"),
    "kim": ("ppid", "complaints", "finance", "monitoring", "demo"),
    "complaints": ("portal", "ppid", "finance", "monitoring", "demo"),
    # The index reads every feature app; only the demo is above it.
    "monitoring": ("demo",),
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
