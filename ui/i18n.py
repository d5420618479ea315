"""The interface language: our .qm catalogue and Qt's own (OK, Cancel, file and print dialogs).

Every ui module translates through `translator(context)`: its own context first, then the
"vocab" context that holds the labels app/ defines (states, categories, field names). A source
string found in neither is remembered in `missing`, so a test can list what a screen left in
Chinese.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from app import i18n
from app.errors import Message

log = logging.getLogger(__name__)
QT_CATALOGUES = {"zh_CN": "qtbase_zh_CN", "zh_TW": "qtbase_zh_TW", "en": ""}
LOCALES = {
    "zh_CN": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
    "zh_TW": QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

_current = i18n.SOURCE
_installed: list[QTranslator] = []
missing: set[tuple[str, str]] = set()


def current() -> str:
    return _current


def chosen_language() -> str:
    """The seat's interface language (设置 → 界面语言), Simplified Chinese until chosen."""
    value = str(QSettings("ComplaintDesk", "ComplaintDesk").value("language", i18n.SOURCE))
    return value if value in i18n.LANGUAGES else i18n.SOURCE


def remember_language(language: str) -> None:
    QSettings("ComplaintDesk", "ComplaintDesk").setValue("language", i18n.check_language(language))


def install(language: str) -> str:
    """Make `language` the interface language of the running application; returns what is in effect."""
    global _current
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in i18n.LANGUAGES else i18n.SOURCE
    if language != i18n.SOURCE:
        ours = QTranslator(app)
        path = i18n.catalogue_path(language, ".qm")
        if not ours.load(str(path)):
            log.warning("no compiled catalogue %s (run `make translations`); staying in Chinese", path)
            language = i18n.SOURCE
        else:
            app.installTranslator(ours)
            _installed.append(ours)
    qt_name = QT_CATALOGUES[language]
    if qt_name:
        theirs = QTranslator(app)
        if theirs.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(theirs)
            _installed.append(theirs)
    QLocale.setDefault(LOCALES[language])
    _current = language
    return language


def translator(context: str) -> Callable[[str], str]:
    def tr(text: str) -> str:
        if _current == i18n.SOURCE:
            return text
        out = QCoreApplication.translate(context, text)
        if out == text:
            out = QCoreApplication.translate("vocab", text)
            if out == text and i18n.chinese().search(text):
                known = i18n.catalogue(_current)  # a translation may equal its source (退出 is 退出 in both scripts)
                if (context, text) not in known and ("vocab", text) not in known:
                    missing.add((context, text))
        return out

    return tr


def say(message) -> str:
    """An error or a Message from app/ in the interface language: its template translated ("errors"
    context), the same values filled in (labels among them translated too); else as app/ said it."""
    if _current != i18n.SOURCE and isinstance(getattr(message, "errors", None), dict):  # ValidationFailed
        parts = [say(text) for text in message.errors.values()]
        return say(Message("有 {n} 处需要更正：{first}", n=len(parts), first="; ".join(parts)))
    if _current != i18n.SOURCE and isinstance(getattr(message, "parts", None), list):  # several reasons at once
        return "; ".join(say(part) for part in message.parts)
    if isinstance(message, BaseException):
        message = message.args[0] if message.args else str(message)
    if _current == i18n.SOURCE or not hasattr(message, "template"):
        return str(message)
    known = i18n.catalogue(_current)
    template = known.get(("errors", message.template)) or known.get(("vocab", message.template))
    if template is None:
        return str(message)
    values = {key: _label(value, known) for key, value in message.values.items()}
    return template.format(**values) if values else template


def _label(value, known: dict):
    """A value in the interface language: a label app/ defines is translated, a list of labels (甲、乙)
    and alternatives (甲或乙) label by label; anything else (names, numbers, what people typed) stays."""
    if isinstance(value, list):
        return ", ".join(str(_label(v, known)) for v in value)
    if isinstance(value, tuple):
        return " or ".join(str(_label(v, known)) for v in value)
    if isinstance(value, str):
        return known.get(("vocab", value), value)
    return value
