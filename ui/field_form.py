"""A form built from app.fields: one widget per field, its check message right below it.

The intake dialog and the case view both use it, so a field added to app/fields.py
appears in both. The form never saves anything itself; it hands values to app/ services
and shows the errors they return next to the fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock, fields
from app.workflow import machine
from ui import i18n

ERROR_STYLE = "color: #b3261e;"
# Where each section goes: (row, column, column span). Reading order = tab order.
LAYOUT = {
    "complainant": (0, 0, 1),
    "business": (1, 0, 1),
    "purchase": (0, 1, 1),
    "complaint": (1, 1, 1),
    "case": (2, 0, 2),
}
# the repair counter: the customer and the device they brought, what is wrong and what was received
COUNTER_LAYOUT = {
    "complainant": (0, 0, 1),
    "purchase": (0, 1, 1),
    "complaint": (1, 0, 1),
    "device": (1, 1, 1),
    "case": (2, 0, 2),
}


tr = i18n.translator("fields")


class MultiChoice(QWidget):
    changed = Signal()

    def __init__(self, choices: dict[str, str], parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)  # three to a row, so the form stays narrow enough to fit (English too)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (code, text) in enumerate(choices.items()):
            box = QCheckBox(tr(text), self)
            box.toggled.connect(self.changed)
            layout.addWidget(box, i // 3, i % 3)
            self.boxes[code] = box
        layout.setColumnStretch(3, 1)

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class FieldForm(QWidget):
    """Edits every field of app.fields.FIELDS, grouped by section."""

    edited = Signal()
    errors_changed = Signal(int)  # how many fields show a message now

    def __init__(self, parent=None, profile: str | None = None):
        super().__init__(parent)
        self.profile = profile or machine.office_profile().code
        self.specs = fields.for_profile(self.profile)  # what this office asks, in its own words
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._baseline: dict = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = COUNTER_LAYOUT if self.profile == fields.COUNTER else LAYOUT
        for section, title in fields.sections_for(self.profile).items():
            box = QGroupBox(tr(title), self)
            box.setObjectName(f"section.{section}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long (English) labels go above
            for spec in (f for f in self.specs if f.section == section):
                form.addRow(*self._row(spec, box))
            row, col, span = layout[section]
            grid.addWidget(box, row, col, 1, span)
        order = [self.widgets[f.key] for f in self.specs]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        self.mark_clean()

    def _row(self, spec: fields.FieldSpec, parent: QWidget):
        widget = self._make_widget(spec, parent)
        widget.setObjectName(spec.key)
        widget.setAccessibleName(tr(spec.label))
        self.widgets[spec.key] = widget
        error = QLabel(parent)
        error.setObjectName(spec.key + ".error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[spec.key] = error
        holder = QWidget(parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        if spec.kind == "bool":
            return "", holder
        label = QLabel(("* " if spec.required else "") + tr(spec.label), parent)
        label.setBuddy(widget)
        return label, holder

    def _make_widget(self, spec: fields.FieldSpec, parent: QWidget) -> QWidget:
        if spec.kind == "bool":
            w = QCheckBox(tr(spec.label), parent)
            w.toggled.connect(self.edited)
            w.toggled.connect(lambda _on, s=spec: self._recheck_if_refused(s.key))
            return w
        if spec.kind == "multichoice":
            w = MultiChoice(spec.choices, parent)
            w.changed.connect(self.edited)
            w.changed.connect(lambda s=spec: self._recheck_if_refused(s.key))
            return w
        if spec.kind == "choice":
            w = QComboBox(parent)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(10)  # a long (English) choice must not widen the whole form
            if "" not in spec.choices and spec.required:
                w.addItem(tr("（请选择）"), "")
            for code, text in spec.choices.items():
                w.addItem(tr(text), code)
            w.currentIndexChanged.connect(self.edited)
            w.currentIndexChanged.connect(lambda _i, s=spec: self.check_field(s.key))
            return w
        if spec.kind == "longtext":
            w = QPlainTextEdit(parent)
            w.setTabChangesFocus(True)
            w.setMinimumHeight(110)
            w.textChanged.connect(self.edited)
            w.textChanged.connect(lambda s=spec: self._recheck_if_refused(s.key))
            return w
        w = QLineEdit(parent)
        if spec.hint:
            w.setPlaceholderText(tr(spec.hint))
        if spec.kind == "amount":
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.setPlaceholderText("0.00")
        w.textEdited.connect(self.edited)
        w.textEdited.connect(lambda _text, s=spec: self._recheck_if_refused(s.key))
        w.editingFinished.connect(lambda s=spec: self.check_field(s.key))
        return w

    # values in and out -------------------------------------------------------------

    def value(self, key: str):
        w = self.widgets[key]
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, MultiChoice):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData() or ""
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.text()

    def values(self) -> dict:
        return {key: self.value(key) for key in self.widgets}

    def set_values(self, values: dict) -> None:
        for key, value in values.items():
            w = self.widgets.get(key)
            if w is None:
                continue
            w.blockSignals(True)
            if isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, MultiChoice):
                w.set_value(list(value or []))
            elif isinstance(w, QComboBox):
                index = w.findData(value or "")
                w.setCurrentIndex(max(index, 0))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            else:
                w.setText("" if value is None else str(value))
            w.blockSignals(False)

    def mark_clean(self) -> None:
        self._baseline = self.values()

    def changed_values(self) -> dict:
        return {k: v for k, v in self.values().items() if v != self._baseline.get(k)}

    def is_dirty(self) -> bool:
        return bool(self.changed_values())

    def set_read_only(self, read_only: bool) -> None:
        for w in self.widgets.values():
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(read_only)
            else:
                w.setEnabled(not read_only)

    # messages next to the fields ------------------------------------------------------

    def check_field(self, key: str) -> bool:
        """Check one field as the clerk leaves it, with the fields it depends on (a resident
        ID's check digit once the type is chosen); "please fill in" waits for saving."""
        message = fields.check_one(key, self.values(), clock.today(), self.profile)
        self.show_error(key, message)
        return not message

    def _recheck_if_refused(self, key: str) -> None:
        """A field showing a message is checked again at each keystroke, so the message goes
        as soon as the value is right (and the fields tied to it are checked again too)."""
        for other in (key, *fields.TIED.get(key, ())):
            if self.error_text(other):
                self.check_field(other)

    def show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        shown = not label.isHidden()
        label.setText(i18n.say(message))
        label.setVisible(bool(message))
        if shown != bool(message):
            self.errors_changed.emit(self.error_count())

    def error_count(self) -> int:
        return sum(1 for label in self.errors.values() if not label.isHidden())

    def show_errors(self, errors: dict[str, str]) -> None:
        for key in self.errors:
            self.show_error(key, errors.get(key, ""))
        first = next((k for k in self.widgets if k in errors), None)
        if first:
            self.widgets[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""
