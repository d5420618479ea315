"""办公室设置: the office profile (which rules, states and documents apply), the deadline
lengths the rules leave to the office (chosen at first run), and for documents the
letterhead, the wording of each template and the number pattern of each kind."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import agenda, vocab, workload
from app import i18n as i18n_core
from app.documents import issuing, templates
from app.errors import ComplaintDeskError
from app.session import current_operator
from app.workflow import machine, tables
from app.workflow.rules import UNITS
from ui import file_dialogs, i18n

tr = i18n.translator("office_settings")


class OfficeSettings(QDialog):
    saved = Signal()

    def __init__(self, parent=None, first_run: bool = False):
        super().__init__(parent)
        self.setWindowTitle(tr("办公室设置"))
        self.setObjectName("office_settings")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its many slots go with it, not at exit
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(tr("欢迎使用投诉调解工作台。请先选择本办公室的类型：它决定案件流程、法定期限和文书。"), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.tabs = QTabWidget(self)
        rules_page = QWidget(self)
        form = QFormLayout(rules_page)
        self.profile = QComboBox(self)
        self.profile.setObjectName("office.profile")
        for code, profile in tables.PROFILES.items():
            self.profile.addItem(tr(profile.title), code)
        self.profile.setCurrentIndex(self.profile.findData(machine.office_profile().code))
        form.addRow(tr("办公室类型(&P)"), self.profile)
        self.lengths: dict[str, QSpinBox] = {}
        for rule in machine.adjustable_rules():
            box = QSpinBox(self)
            box.setObjectName(f"office.{rule.code}")
            box.setRange(1, 1000)
            box.setValue(machine.office_lengths(tables.RULE_SETS).get(rule.code, rule.length))
            box.setSuffix(" " + tr(UNITS[rule.unit]))
            self.lengths[rule.code] = box
            form.addRow(f"{rule.code} {tr(rule.title)}", box)
        opens, closes = machine.office_hours()
        self.hours = QLineEdit(f"{opens:%H:%M}-{closes:%H:%M}", self)
        self.hours.setObjectName("office.hours")
        self.hours.setToolTip(tr("按办公时间计的小时期限（如 D7 首次联系）只在工作日的这段时间内计时"))
        form.addRow(tr("办公时间(&O)"), self.hours)
        self.tabs.addTab(rules_page, tr("流程与期限(&R)"))
        self.tabs.addTab(self._work_page(), tr("分工与提醒(&W)"))
        self.tabs.addTab(self._letterhead_page(), tr("文书抬头(&L)"))
        self.templates_page = self._templates_page()
        self.tabs.addTab(self.templates_page, tr("文书模板(&T)"))
        self.tabs.addTab(self._numbers_page(), tr("文号格式(&N)"))
        self._show_template()
        layout.addWidget(self.tabs)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- the daily rhythm: grades' first contact, follow-ups, who handles which complaints -------

    def _work_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        hours = machine.first_contact_hours()
        self.first_contact: dict[str, QSpinBox] = {}
        for grade in tables.GRADE_SETTINGS:
            box = QSpinBox(page)
            box.setObjectName(f"office.first_contact.{grade}")
            box.setRange(1, hours["ordinary"])
            box.setValue(hours[grade])
            box.setSuffix(" " + tr("办公小时"))
            self.first_contact[grade] = box
            form.addRow(tr("%1案件首次联系").replace("%1", tr(tables.GRADES[grade])), box)
        self.follow_up = QSpinBox(page)
        self.follow_up.setObjectName("office.follow_up_days")
        self.follow_up.setRange(0, agenda.MAX_FOLLOW_UP_DAYS)
        self.follow_up.setValue(agenda.follow_up_days())
        self.follow_up.setSuffix(" " + tr("个工作日"))
        self.follow_up.setSpecialValueText(tr("不提醒"))
        form.addRow(tr("办结后回访"), self.follow_up)
        people = workload.eligible()
        intro = QLabel(
            tr("各类投诉由谁经办（用顿号或逗号分隔；留空为全部经办人）。登记时建议其中在办件数最少的人。")
            + ("\n" + tr("可选：") + "、".join(people) if people else ""),
            page,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.teams: dict[str, QLineEdit] = {}
        for code, label in vocab.CATEGORIES.items():
            edit = QLineEdit("、".join(workload.team(code)), page)
            edit.setObjectName(f"office.team.{code}")
            self.teams[code] = edit
            form.addRow(tr(label), edit)
        return page

    def _save_work(self) -> None:
        hours = {grade: box.value() for grade, box in self.first_contact.items()}
        machine.set_first_contact_hours(hours, current_operator())
        if self.follow_up.value() != agenda.follow_up_days():
            agenda.set_follow_up_days(self.follow_up.value())
        for code, edit in self.teams.items():
            names = [n for n in re.split(r"[、，,;；\s]+", edit.text()) if n]
            if names != workload.team(code):
                workload.set_team(code, names, current_operator())

    # --- documents: letterhead, templates, numbers ----------------------------------------------

    def _letterhead_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        office = issuing.letterhead()
        self.letterhead: dict[str, QLineEdit] = {}
        for key, label in (
            ("name", tr("办公室名称（抬头）")),
            ("short", tr("文号简称，如 西消")),
            ("address", tr("地址")),
            ("phone", tr("电话")),
        ):
            edit = QLineEdit(office[key], page)
            edit.setObjectName(f"letterhead.{key}")
            self.letterhead[key] = edit
            form.addRow(label, edit)
        # None: unchanged, b"": removed
        self.images: dict[str, bytes | None] = {"seal": None, "logo": None, "body_font": None, "title_font": None}
        for key, label in (
            ("logo", tr("徽标图片")),
            ("seal", tr("印章图片")),
            ("body_font", tr("正文字体（仿宋_GB2312 等）")),
            ("title_font", tr("标题字体（方正小标宋 等）")),
        ):
            row = QHBoxLayout()
            unset = tr("未设置") if key in ("seal", "logo") else tr("未设置：用随附的宋体")
            state = QLabel(tr("已设置") if office[f"{key}_sha"] else unset, page)
            state.setObjectName(f"letterhead.{key}.state")
            choose = QPushButton(tr("选择…"), page)
            choose.setObjectName(f"letterhead.{key}.choose")
            clear = QPushButton(tr("移除"), page)
            choose.clicked.connect(self._chooser(key, state))
            clear.clicked.connect(self._remover(key, state))
            row.addWidget(state, 1)
            row.addWidget(choose)
            row.addWidget(clear)
            form.addRow(label, row)
        self.use_seal = QCheckBox(tr("在文书落款处加盖印章图片"), page)
        self.use_seal.setChecked(bool(office["use_seal"]))
        form.addRow("", self.use_seal)
        self.language = QComboBox(page)
        self.language.setObjectName("office.language")
        for code, name in i18n_core.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n_core.office_language()))
        self.language.currentIndexChanged.connect(lambda: self._show_template())
        form.addRow(tr("文书语言(&G)"), self.language)
        return page

    def _chooser(self, key: str, state: QLabel):
        return lambda: self._choose_image(key, state)

    def _remover(self, key: str, state: QLabel):
        def remove() -> None:
            self.images[key] = b""
            state.setText(tr("未设置") if key in ("seal", "logo") else tr("未设置：用随附的宋体"))

        return remove

    def _choose_image(self, key: str, state: QLabel, path: str | None = None) -> None:
        """An image, or a font file (the office's own licensed 仿宋 or 小标宋): read now, checked on saving."""
        if path is None:
            if key.endswith("_font"):
                path = file_dialogs.open_file(self, tr("选择字体文件"), tr("TrueType 字体 (*.ttf *.ttc)"))
            else:
                path = file_dialogs.open_file(self, tr("选择图片"), tr("图片 (*.png *.jpg *.jpeg)"))
            if not path:
                return
        self.images[key] = Path(path).read_bytes()
        state.setText(Path(path).name)

    def _templates_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.template_kind = QComboBox(page)
        self.template_kind.setObjectName("template.kind")
        for code, label in tables.NOTICE_KINDS.items():
            self.template_kind.addItem(tr(label), code)
        self.template_text = QPlainTextEdit(page)
        self.template_text.setObjectName("template.text")
        self.template_text.setTabChangesFocus(True)
        self.edited_templates: dict[str, str] = {}
        reset = QPushButton(tr("恢复默认文字(&D)"), page)
        reset.clicked.connect(
            lambda: self.template_text.setPlainText(
                templates.default(self.template_kind.currentData(), self.language.currentData())
            )
        )
        self.placeholder_names = QLabel(page)
        self.placeholder_names.setObjectName("template.placeholders")  # in the document language
        self.placeholder_names.setWordWrap(True)
        layout.addWidget(self.template_kind)
        layout.addWidget(self.template_text, 1)
        layout.addWidget(self.placeholder_names)
        layout.addWidget(reset)
        self.template_text.textChanged.connect(
            lambda: self.edited_templates.__setitem__(
                (self.language.currentData(), self._shown_kind), self.template_text.toPlainText()
            )
        )
        self.template_kind.currentIndexChanged.connect(self._show_template)
        return page

    def _show_template(self) -> None:
        """The wording of the chosen kind in the chosen document language (each language keeps its own)."""
        language = self.language.currentData()
        self._shown_kind = self.template_kind.currentData()
        text = self.edited_templates.get((language, self._shown_kind), templates.get(self._shown_kind, language))
        self.template_text.blockSignals(True)
        self.template_text.setPlainText(text)
        self.template_text.blockSignals(False)
        self.placeholder_names.setText(
            tr("可用的填入项：") + "　".join("{" + k + "}" for k in templates.names(language))
        )

    def _numbers_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(
            QLabel(tr("{office} 文号简称　{abbr} 文书简称　{year} 年份　{n} 序号（每类文书每年从 1 起）"), page)
        )
        self.patterns: dict[str, QLineEdit] = {}
        for code, label in tables.NOTICE_KINDS.items():
            edit = QLineEdit(issuing.number_pattern(code), page)
            edit.setObjectName(f"pattern.{code}")
            self.patterns[code] = edit
            form.addRow(tr(label), edit)
        return page

    def save(self) -> bool:
        for (_, kind), text in self.edited_templates.items():
            try:
                templates.check(text)
            except ComplaintDeskError as exc:
                self.tabs.setCurrentWidget(self.templates_page)
                self.template_kind.setCurrentIndex(self.template_kind.findData(kind))
                self.error.setText(f"{tr(tables.NOTICE_KINDS[kind])}：{exc}")
                return False
        patterns = {
            kind: edit.text() for kind, edit in self.patterns.items() if edit.text() != issuing.number_pattern(kind)
        }
        try:
            machine.save_office_settings(
                self.profile.currentData(),
                {code: box.value() for code, box in self.lengths.items()},
                current_operator(),
            )
            opens, closes = machine.office_hours()
            if self.hours.text().replace(" ", "") != f"{opens:%H:%M}-{closes:%H:%M}":
                machine.set_office_hours(self.hours.text(), current_operator())
            self._save_work()
            values = {k: e.text() for k, e in self.letterhead.items()}
            if any(values.values()) or any(v is not None for v in self.images.values()):
                issuing.save_letterhead(
                    values["name"],
                    values["short"],
                    values["address"],
                    values["phone"],
                    self.use_seal.isChecked(),
                    seal=self.images["seal"],
                    logo=self.images["logo"],
                    body_font=self.images["body_font"],
                    title_font=self.images["title_font"],
                )
            if self.language.currentData() != i18n_core.office_language():
                i18n_core.save_office_language(self.language.currentData())
            for (language, kind), text in self.edited_templates.items():
                templates.save(kind, text, language)
            for kind, pattern in patterns.items():
                issuing.save_number_pattern(kind, pattern)
        except ComplaintDeskError as exc:
            self.error.setText(i18n.say(exc))
            return False
        self.saved.emit()
        self.accept()
        return True
