"""Languages: Simplified Chinese is the source, Traditional Chinese and English are translations.

The translations live in Qt Linguist catalogues (resources/translations/complaintdesk_<lang>.ts).
The build compiles them to .qm for the windows; app/ reads the same .ts as XML, so documents
and the command line follow the office language without Qt.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import re
import types
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from app import paths, permissions, settings

SOURCE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}


@functools.cache
def chinese() -> re.Pattern[str]:
    """What marks a string as written for Chinese readers: Han characters or full-width punctuation（：、“”）.

    Compiled when first needed: a class this wide takes 5 ms to compile, paid at start-up otherwise."""
    return re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\U00020000-\U0003134f]")


# Modules whose code lists and labels people see through the windows and on documents;
# their strings form the catalogue's "vocab" context, the fallback of every other context.
VOCABULARY_MODULES = (
    "app.vocab",
    "app.fields",
    "app.records",
    "app.mediation",
    "app.improvements",
    "app.duplicates",
    "app.sanbao",
    "app.evidence",
    "app.workdays",
    "app.audit",
    "app.permissions",
    "app.register",
    "app.statistics",
    "app.workflow.tables",
    "app.workflow.rules",
    "app.documents.issuing",
)


class UnknownLanguage(ValueError):
    pass


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise UnknownLanguage(f"不支持的语言：{language}（可选：{'、'.join(LANGUAGES)}）")
    return language


def catalogue_path(language: str, suffix: str = ".ts") -> Path:
    return paths.resources_dir() / "translations" / f"complaintdesk_{language}{suffix}"


def read_catalogue(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished) of a Qt Linguist .ts file."""
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            finished = translation is not None and not translation.get("type") and bool(text)
            entries[(name, message.findtext("source") or "")] = (text, finished)
    return entries


@functools.cache
def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → finished translation; unfinished and obsolete entries are left out."""
    if language == SOURCE:
        return {}
    path = catalogue_path(check_language(language))
    if not path.exists():
        return {}
    return {key: text for key, (text, finished) in read_catalogue(path).items() if finished}


def translator(language: str, context: str) -> Callable[[str], str]:
    """A function turning a source string of `context` into `language` (the source if untranslated)."""
    if language == SOURCE:
        return lambda text: text
    table = catalogue(language)

    def translate(text: str) -> str:
        return table.get((context, text)) or table.get(("vocab", text)) or text

    return translate


def office_language() -> str:
    """The language of the office's documents (office settings); Simplified Chinese until chosen."""
    chosen = settings.get("office.language")
    return chosen if chosen in LANGUAGES else SOURCE


def save_office_language(language: str) -> None:
    permissions.require("settings.office")
    check_language(language)
    settings.put("office.language", language)


def vocabulary() -> set[str]:
    """Every Chinese label the vocabulary modules define (what the catalogues must translate)."""
    found: set[str] = set()
    for name in VOCABULARY_MODULES:
        for key, value in vars(importlib.import_module(name)).items():
            if key.startswith("_") or isinstance(value, (str, types.ModuleType, types.FunctionType, type)):
                continue
            _collect(value, found, set())
    return found


def _collect(value, found: set[str], seen: set[int], depth: int = 0) -> None:
    if id(value) in seen or depth > 6:
        return
    seen.add(id(value))
    if isinstance(value, str):
        if chinese().search(value):
            found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, found, seen, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _collect(item, found, seen, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _collect(getattr(value, field.name), found, seen, depth + 1)
