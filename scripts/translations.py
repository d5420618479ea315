"""The translation catalogues (resources/translations/complaintdesk_<lang>.ts), kept in step with the code.

    python scripts/translations.py update          # add new source strings, drop vanished ones
    python scripts/translations.py check           # list untranslated strings per language (exit 1 if any)
    python scripts/translations.py import en x.json  # {source: translation} into unfinished entries
    python scripts/translations.py compile         # .ts → .qm (pyside6-lrelease), what the windows load

Source strings are found the way the program uses them: `tr("…")` in each ui module (its
context is the name given to `i18n.translator("…")`), `t("…")` in app/documents (context
"documents"), the default document wording ("templates"), placeholder names
("placeholders"), the messages app/ raises as templates ("errors"), and the labels app/ defines (`app.i18n.vocabulary()`, context "vocab").
pyside6-lupdate cannot follow a module-level translator, hence this script; the files it
writes are ordinary Qt Linguist files.

`update` fills new Traditional Chinese entries by OpenCC's s2twp conversion (Taiwan wording)
when the opencc package is installed; English entries stay unfinished until translated.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import i18n  # noqa: E402

FOLDER = ROOT / "resources" / "translations"
# app/ modules that word things for people through `t = i18n.translator(language, context)`
APP_CONTEXTS = {"app/documents/*.py": "documents", "app/cases.py": "timeline"}
TARGETS = [language for language in i18n.LANGUAGES if language != i18n.SOURCE]


def _literal_calls(tree: ast.AST, name: str):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == name
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


ERROR_NAMES = ("Error", "Failed", "Refused", "Rejected", "Denied", "NotFound", "Cancelled", "StaleEdit", "TooNew")


def _messages(tree: ast.AST):
    """Templates of messages app/ raises or hands over: `SomeError("…", n=…)`, `Message("…")`, and the
    per-field messages of `ValidationFailed({"field": "…"})`."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name != "Message" and not name.endswith(ERROR_NAMES):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield first.value
        elif isinstance(first, ast.Dict):
            yield from (v.value for v in first.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(first, ast.IfExp):
            yield from (
                v.value for v in (first.body, first.orelse) if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )


def _ui_context(tree: ast.AST) -> str | None:
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "tr" for t in node.targets)
            and isinstance(node.value, ast.Call)
            and node.value.args
            and isinstance(node.value.args[0], ast.Constant)
        ):
            return node.value.args[0].value
    return None


def source_strings() -> dict[str, list[str]]:
    """context → source strings, in the order they appear; what every catalogue must translate."""
    from app.documents import issuing, templates

    found: dict[str, dict[str, None]] = {}

    def add(context: str, texts) -> None:
        bucket = found.setdefault(context, {})
        for text in texts:
            if i18n.chinese().search(text):
                bucket.setdefault(text, None)

    for path in sorted((ROOT / "ui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        context = _ui_context(tree)
        if context:
            add(context, _literal_calls(tree, "tr"))
    for pattern, context in APP_CONTEXTS.items():
        for path in sorted(ROOT.glob(pattern)):
            add(context, _literal_calls(ast.parse(path.read_text(encoding="utf-8")), "t"))
    for path in sorted((ROOT / "app").rglob("*.py")):
        add("errors", _messages(ast.parse(path.read_text(encoding="utf-8"))))
    add("errors", ["有 {n} 处需要更正：{first}"])  # ValidationFailed's summary, put together in app/errors.py
    add("documents", [issuing.DEFAULT_PATTERN])
    add("templates", templates.DEFAULTS.values())
    add("placeholders", templates.PLACEHOLDERS)
    add("vocab", sorted(i18n.vocabulary()))
    return {context: list(texts) for context, texts in sorted(found.items()) if texts}


def read(language: str) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished) from the language's .ts file."""
    path = i18n.catalogue_path(language)
    return i18n.read_catalogue(path) if path.exists() else {}


def write(language: str, entries: dict[tuple[str, str], tuple[str, bool]], sources: dict[str, list[str]]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=i18n.SOURCE)
    for context, texts in sources.items():
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for text in texts:
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = text
            translation, finished = entries.get((context, text), ("", False))
            element = ET.SubElement(message, "translation")
            element.text = translation
            if not finished:
                element.set("type", "unfinished")
    ET.indent(root)
    FOLDER.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    i18n.catalogue_path(language).write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _machine(language: str):
    if language != "zh_TW":
        return None
    try:
        import opencc
    except ImportError:
        print("opencc not installed: new Traditional Chinese entries left unfinished", file=sys.stderr)
        return None
    return opencc.OpenCC("s2twp").convert


def update() -> None:
    sources = source_strings()
    for language in TARGETS:
        entries = read(language)
        convert = _machine(language)
        added = 0
        for context, texts in sources.items():
            for text in texts:
                if (context, text) in entries and entries[(context, text)][1]:
                    continue
                added += 1
                if convert:
                    entries[(context, text)] = (convert(text), True)
        write(language, entries, sources)
        print(f"{language}: {sum(map(len, sources.values()))} strings, {added} new or unfinished")


def untranslated() -> dict[str, list[tuple[str, str]]]:
    sources = source_strings()
    out = {}
    for language in TARGETS:
        entries = read(language)
        out[language] = [
            (context, text)
            for context, texts in sources.items()
            for text in texts
            if not entries.get((context, text), ("", False))[1]
        ]
    return out


def check() -> int:
    missing = untranslated()
    for language, items in missing.items():
        print(f"{language}: {len(items)} untranslated")
        for context, text in items:
            print(f"  [{context}] {text!r}")
    return 1 if any(missing.values()) else 0


def import_json(language: str, path: str) -> None:
    """{source: translation} fills unfinished entries of every context; {context: {source: translation}}
    sets that context's entries, finished or not."""
    given: dict = json.loads(Path(path).read_text(encoding="utf-8"))
    entries = read(language)
    filled = 0
    for key, (_text, finished) in list(entries.items()):
        by_context = given.get(key[0])
        if isinstance(by_context, dict) and by_context.get(key[1]):
            entries[key] = (by_context[key[1]], True)
            filled += 1
        elif not finished and isinstance(given.get(key[1]), str) and given[key[1]]:
            entries[key] = (given[key[1]], True)
            filled += 1
    write(language, entries, source_strings())
    print(f"{language}: {filled} filled")


def compile_all() -> None:
    import shutil

    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    for language in TARGETS:
        ts = i18n.catalogue_path(language)
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(i18n.catalogue_path(language, ".qm"))], check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "check":
        sys.exit(check())
    elif command == "import":
        import_json(sys.argv[2], sys.argv[3])
    elif command == "compile":
        compile_all()
    else:
        sys.exit(__doc__)
