"""The house's arrows (docs/ARCHITECTURE.md), checked on every run: no import cycle in app/,
each layer imports only its own and lower layers, app/ never imports Qt, ui/ never touches
the models or writes SQL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# bottom first; a module may import from its own layer and the layers below it
LAYERS = [
    (
        "rules",
        {
            "errors",
            "clock",
            "paths",
            "session",
            "vocab",
            "checks",
            "permissions",
            "sqlite_safety",
            "workflow.rules",
            "workflow.tables",
        },
    ),
    (
        "storage and settings",
        {"models", "frozen_schema", "db", "compiled", "case_file", "settings", "bulk", "i18n", "fields", "whole_files"},
    ),
    (
        "services",
        {
            "audit",
            "privacy",
            "search",
            "register",
            "timeline",
            "workdays",
            "workflow.deadlines",
            "workflow.machine",
            "cases",
            "records",
            "mediation",
            "agenda",
            "grading",
            "workload",
            "improvements",
            "printing",
            "evidence",
            "accounts",
            "duplicates",
            "sanbao",
            "database_roles",
            "whole_cases",
            "month_figures",
        },
    ),
    ("start-up", {"migrations", "startup"}),
    (
        "documents, archives, statistics",
        {
            "statistics",
            "demo",
            "documents.fonts",
            "documents.render",
            "documents.templates",
            "documents.wording",
            "documents.issuing",
            "documents.report",
            "archives.sheets",
            "archives.excel",
            "archives.importer",
            "archives.package",
            "archives.backup",
        },
    ),
    ("command line", {"cli", "selftest"}),
]
SQL = re.compile(r"execute_sql\(|\b[A-Z]\w*\.(select|insert|insert_many|update|delete|get_or_none|get_by_id)\(")
LAYER_OF = {name: i for i, (_, names) in enumerate(LAYERS) for name in names}


def modules(package: str) -> dict[str, Path]:
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        parts = path.relative_to(ROOT / package).with_suffix("").parts
        if parts[-1] == "__init__":
            continue
        found[".".join(parts)] = path
    return found


def imports(path: Path) -> list[tuple[str, int]]:
    """Every module imported anywhere in the file (inside functions too), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            found += [(f"{node.module}.{a.name}", node.lineno) for a in node.names]
    return found


def app_graph() -> dict[str, set[str]]:
    mods = modules("app")
    return {
        name: {
            target.removeprefix("app.")
            for target, _ in imports(path)
            if target.removeprefix("app.") in mods and target.removeprefix("app.") != name
        }
        for name, path in mods.items()
    }


def test_every_module_of_app_has_a_layer():
    assert sorted(set(modules("app")) - set(LAYER_OF)) == []


def test_each_layer_imports_only_its_own_and_lower_layers():
    wrong = [
        f"{name} ({LAYERS[LAYER_OF[name]][0]}) imports {target} ({LAYERS[LAYER_OF[target]][0]})"
        for name, targets in app_graph().items()
        for target in targets
        if LAYER_OF[target] > LAYER_OF[name]
    ]
    assert wrong == []


def test_no_import_cycle_in_app():
    graph = app_graph()
    seen, stack, cycles = set(), [], []

    def visit(node: str) -> None:
        if node in stack:
            cycles.append(stack[stack.index(node) :] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for target in sorted(graph[node]):
            visit(target)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    assert cycles == []


def test_app_never_imports_qt():
    wrong = [
        f"app/{name}:{line} {target}"
        for name, path in modules("app").items()
        for target, line in imports(path)
        if target.split(".")[0] in ("PySide6", "shiboken6", "ui")
    ]
    assert wrong == []


def test_ui_never_touches_the_models_or_writes_sql():
    wrong = []
    for name, path in modules("ui").items():
        text = path.read_text(encoding="utf-8")
        wrong += [
            f"ui/{name}:{line} {target}"
            for target, line in imports(path)
            if target in ("app.models", "peewee") or target.startswith(("app.models.", "peewee.", "playhouse"))
        ]
        wrong += [f"ui/{name}: SQL {m.group(0)}" for m in SQL.finditer(text)]
    assert wrong == []
