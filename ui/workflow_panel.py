"""办理: the case's status, its running deadlines, and what can be done next.

Every action calls app.workflow.machine; a refusal comes back as a message saying why.
Transitions that are possible from the current status are buttons; what still stands in
their way (a missing consent, an unissued notice) is listed under them.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import agenda, case_file, checks, clock, permissions, sanbao, workdays, workload
from app.errors import ComplaintDeskError
from app.session import current_operator
from app.workflow import machine, tables
from ui import i18n

RULE_SET_TITLES = {rs.code: rs.title for rs in tables.RULE_SETS}
BAND = {"overdue": QColor("#a50e0e"), "soon": QColor("#8a5300"), "paused": QColor("#5f6368")}


tr = i18n.translator("workflow")


@dataclass(frozen=True)
class Ask:
    """One input of an action dialog."""

    key: str
    label: str
    choices: dict[str, str] | None = None  # None: free text
    multiline: bool = False
    required: bool = True


def advice_html(advice: sanbao.Advice) -> str:
    """The 三包 advice as the counter reads it: each remedy with why and its rule, the amounts
    the customer may claim with their arithmetic, and what the advice could not tell."""
    lines = [
        f"<b>{'、'.join(tr(sanbao.REMEDY_LABELS[r]) for r in e.remedies)}</b> — {html.escape(e.why)}"
        f"<br><span style='color:#5f6368'>{html.escape(e.rule)}</span>"
        for e in advice.entitlements
    ]
    lines += [
        f"{html.escape(a.title)}：<b>{checks.yuan(a.fen)} {tr('元')}</b>（{html.escape(a.how)}）"
        f"<br><span style='color:#5f6368'>{html.escape(a.rule)}</span>"
        for a in advice.amounts
    ]
    lines += [f"<span style='color:#5f6368'>{html.escape(n)}</span>" for n in advice.notes]
    return f"<b>{tr('三包建议')}</b><br>" + "<br>".join(lines)


BUTTONS_WIDE = 640  # what a row of buttons may take: the panel fits beside the form on a 1366-pixel screen


def rearrange(grid: QGridLayout, column_width: int) -> None:
    """Fewer buttons to a row when their texts are long (English), so the row stays narrow."""
    buttons = [grid.itemAt(i).widget() for i in range(grid.count())]
    if not buttons:
        return
    widest = max(b.sizeHint().width() for b in buttons)
    per_row = max(1, min(len(buttons), BUTTONS_WIDE // widest, BUTTONS_WIDE // column_width))
    for b in buttons:
        grid.removeWidget(b)
    for i, b in enumerate(buttons):
        grid.addWidget(b, i // per_row, i % per_row)


class ActionDialog(QDialog):
    """A small form for one action; `done_with(values)` runs when OK is pressed."""

    def __init__(self, parent, title: str, asks: list[Ask], done_with, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.asks = asks
        self.done_with = done_with
        self.inputs: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro, self)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        for ask in asks:
            if ask.choices is not None:
                widget = QComboBox(self)
                widget.addItem(tr("（请选择）"), "")
                for code, label in ask.choices.items():
                    widget.addItem(label, code)
                widget.setMaxVisibleItems(12)
            elif ask.multiline:
                widget = QPlainTextEdit(self)
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(80)
            else:
                widget = QLineEdit(self)
            widget.setObjectName(f"ask.{ask.key}")
            self.inputs[ask.key] = widget
            form.addRow(ask.label + ("" if ask.required else tr("（可选）")), widget)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def set(self, key: str, value: str) -> None:
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            widget.setText(value)

    def values(self) -> dict[str, str]:
        out = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData() or ""
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText().strip()
            else:
                out[key] = widget.text().strip()
        return out

    def submit(self) -> None:
        values = self.values()
        missing = [a.label for a in self.asks if a.required and not values[a.key]]
        if missing:
            self.show_error(tr("请填写：") + "、".join(missing))
            return
        try:
            self.done_with(values)
        except ComplaintDeskError as exc:
            self.show_error(i18n.say(exc))  # the dialog stays open with what was typed
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class WorkflowPanel(QGroupBox):
    changed = Signal()

    def __init__(self, case_id: int, parent=None):
        super().__init__(tr("办理(&B)"), parent)
        self.case_id = case_id
        self.counter = machine.office_profile().counter
        self.setObjectName("workflow")
        self.dialog: ActionDialog | None = None
        self.deadlines = QTreeWidget(self)
        self.deadlines.setObjectName("workflow.deadlines")
        self.deadlines.setHeaderLabels([tr("期限"), tr("到期"), tr("剩余"), tr("依据")])
        self.deadlines.setRootIsDecorated(False)
        self.deadlines.setMaximumHeight(130)
        self.transitions = QWidget(self)
        self.transition_grid = QGridLayout(self.transitions)
        self.transition_grid.setContentsMargins(0, 0, 0, 0)
        self.blocked = QLabel(self)
        self.blocked.setObjectName("workflow.blocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #5f6368;")
        others = QWidget(self)
        grid = QGridLayout(others)
        grid.setContentsMargins(0, 0, 0, 0)
        mediating = [
            ("consent", tr("记录同意调解…"), self.ask_consent),
            ("mediator", tr("指定调解员…"), self.ask_mediator),
            ("conflict", tr("声明利害关系…"), self.ask_conflict),
        ]
        for i, (name, text, slot) in enumerate(
            [
                *([] if self.counter else mediating),  # a repair counter does not mediate
                ("notice", tr("送达文书…"), self.ask_notice),
                ("milestone", tr("记录事项…"), self.ask_milestone),
                ("extend", tr("延长期限…"), self.ask_extension),
                ("reassign", tr("改派…"), self.ask_reassign),
            ]
        ):
            button = QPushButton(text, others)
            button.setObjectName(f"workflow.{name}")
            button.clicked.connect(slot)
            grid.addWidget(button, i // 3, i % 3)
        rearrange(grid, BUTTONS_WIDE // 3)
        self.sanbao = QLabel(self)
        self.sanbao.setObjectName("workflow.sanbao")
        self.sanbao.setWordWrap(True)
        self.sanbao.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.deadlines)
        layout.addWidget(self.sanbao)
        layout.addWidget(QLabel(tr("下一步："), self))
        layout.addWidget(self.transitions)
        layout.addWidget(self.blocked)
        layout.addWidget(others)
        self.reload()

    # what the panel shows --------------------------------------------------------------

    def reload(self) -> None:
        self._show_deadlines()
        self._show_transitions()
        self._show_sanbao()

    def _show_sanbao(self, values: dict | None = None) -> None:
        """Repair counter: which remedies the customer is entitled to today, and why — for the
        case as saved, or for the form as the clerk is changing it (`values`)."""
        if not self.counter:
            self.sanbao.hide()
            return
        if values is None:
            advice = sanbao.advice_for_case(self.case_id)
        else:
            advice = sanbao.advice_for_values(values, self.case_id)
        self.sanbao.setText(advice_html(advice))
        self.sanbao.show()

    def show_advice_for(self, values: dict) -> None:
        """The case form changed a field: the advice follows it before anything is saved."""
        self._show_sanbao(values)

    def _show_deadlines(self) -> None:
        self.deadlines.clear()
        cal = workdays.load()
        today = clock.today()
        for d in machine.deadlines_of(self.case_id):
            if d.state == "met":
                continue
            left = machine.days_left(d.due_at, d.unit, today, cal)
            hours = (d.due_at - clock.now()).total_seconds() / 3600
            if d.state == "paused":
                left_text, band = tr("已中止（鉴定中）"), "paused"
            elif d.unit == "hours":
                if hours < 0:
                    left_text, band = tr("已超期 %1 小时").replace("%1", str(int(-hours) + 1)), "overdue"
                else:
                    left_text, band = tr("还剩 %1 小时").replace("%1", str(int(hours))), "soon" if hours <= 24 else ""
            elif left < 0:
                left_text, band = tr("已超期 %1 天").replace("%1", str(-left)), "overdue"
            else:
                left_text = (tr("还剩 %1 个工作日") if d.unit == "working_days" else tr("还剩 %1 天")).replace(
                    "%1", str(left)
                )
                band = (
                    "soon"
                    if d.unit != "hours"
                    and cal.working_days_between(today + dt.timedelta(days=1), d.due_at.date()) <= 2
                    else ""
                )
            shown = d.due_at.strftime("%Y-%m-%d" if d.due_at.time() == dt.time(23, 59, 59) else "%Y-%m-%d %H:%M")
            if d.provisional:
                shown += tr("（暂定）")
            item = QTreeWidgetItem(
                [f"{d.rule} {tr(d.title)}", shown, left_text, tr(RULE_SET_TITLES.get(d.rule_set, d.rule_set))]
            )
            if d.provisional:
                item.setToolTip(1, tr("该年度放假安排尚未公布，按周末推算，公布后自动重算"))
            if band:
                for col in range(4):
                    item.setForeground(col, QBrush(BAND[band]))
            self.deadlines.addTopLevelItem(item)
        for entry in agenda.of_case(self.case_id):  # the agreed terms and the session to come
            days = (entry.when.date() - today).days
            left_text = (
                tr("已超期 %1 天").replace("%1", str(-days)) if days < 0 else tr("还剩 %1 天").replace("%1", str(days))
            )
            item = QTreeWidgetItem(
                [
                    entry.text,
                    entry.when.strftime("%Y-%m-%d %H:%M" if entry.kind == "session" else "%Y-%m-%d"),
                    left_text,
                    "",
                ]
            )
            band = "overdue" if entry.overdue else "soon" if days <= 2 else ""
            if band:
                for col in range(4):
                    item.setForeground(col, QBrush(BAND[band]))
            self.deadlines.addTopLevelItem(item)
        for col in range(3):
            self.deadlines.resizeColumnToContents(col)

    def _show_transitions(self) -> None:
        while self.transition_grid.count():
            old = self.transition_grid.takeAt(0).widget()
            old.hide()  # gone from the screen now; deleted when the event loop gets to it
            old.deleteLater()
        notes = []
        steps = [(t, p) for t, p in machine.available(self.case_id) if "appeal_filed" not in t.guards]
        for i, (step, problems) in enumerate(steps):  # appeals reopen through the records panel
            button = QPushButton(tr(step.action), self.transitions)
            button.setObjectName(f"transition.{step.target}")
            button.clicked.connect(lambda _=False, t=step.target: self.start_transition(t))
            problems = [i18n.say(p) for p in problems if "理由" not in p]  # the dialog asks for the reason
            needed = "case.decide_refusal" if step.target in permissions.REFUSALS else "case.transition"
            if not permissions.may(needed):
                button.setEnabled(False)
                problems = problems + [tr("你的角色不能%1").replace("%1", permissions.ACTIONS[needed])]
            if problems:
                button.setToolTip(tr("；").join(problems))
                notes.append(tr("%1：%2").replace("%2", tr("；").join(problems)).replace("%1", tr(step.action)))
            self.transition_grid.addWidget(button, i // 4, i % 4)
        rearrange(self.transition_grid, BUTTONS_WIDE // 4)
        self.blocked.setText("\n".join(notes))
        self.blocked.setVisible(bool(notes))

    # actions ---------------------------------------------------------------------------

    def _open(self, title: str, asks: list[Ask], done_with, intro: str = "") -> ActionDialog:
        def run(values):
            done_with(values)
            with case_file.opened(self.case_id):  # this panel and the case view read the case once
                self.reload()
                self.changed.emit()

        self.dialog = ActionDialog(self, title, asks, run, intro)
        self.dialog.open()
        return self.dialog

    def start_transition(self, target: str) -> ActionDialog:
        profile = machine.office_profile()
        step = next(t for t in profile.transitions_from(machine.status_of(self.case_id)) if t.target == target)
        asks = []
        if step.reasons:
            asks.append(
                Ask(
                    "reason",
                    tr("理由"),
                    {r.code: f"{r.code} {tr(r.text)}" for r in machine.reason_choices(self.case_id, step.reasons)},
                )
            )
        if "to_office" in step.asks:
            asks += [
                Ask("to_office", tr("接收机构")),
                Ask("on", tr("转送日期（不填为今天）"), required=False),
                Ask("attachments", tr("随附材料"), multiline=True, required=False),
            ]
        intro = tr("将案件转为“%1”。").replace("%1", profile.states[step.lands_in or target])
        if step.remedy:  # the counter's remedy: against the 三包 advice only with a reason
            allowed, advice = machine.remedy_check(self.case_id, step.remedy)
            if allowed is not None:
                intro += "\n" + tr("依据：%1").replace("%1", allowed.rule)
            else:
                offered = "、".join(tr(sanbao.REMEDY_LABELS[r]) for r in sorted(advice.remedies())) or tr("无")
                intro += "\n" + tr("三包建议不包括此项（今天可选：%1）。如按顾客要求办理，请写明理由。").replace(
                    "%1", offered
                )
                asks.append(Ask("remedy_reason", tr("不按三包建议办理的理由"), multiline=True))
        if "new_serial" in step.asks:
            asks.append(Ask("new_serial", tr("新机序列号/IMEI")))
        asks.append(Ask("note", tr("说明"), multiline=True, required=False))

        def done(values):
            details = {k: values[k] for k in (*step.asks, "remedy_reason") if k in values}
            machine.transition(
                self.case_id,
                target,
                current_operator(),
                reason=values.get("reason", ""),
                note=values["note"],
                details=details or None,
            )

        return self._open(tr(step.action), asks, done, intro)

    def ask_consent(self) -> ActionDialog:
        parties = {"complainant": tr("投诉人"), "business": tr("经营者")}
        purposes = {"mediation": tr("由本机构调解"), "handover": tr("移交其他机构调解")}
        return self._open(
            tr("记录同意调解"),
            [
                Ask("party", tr("当事人"), parties),
                Ask("purpose", tr("同意事项"), purposes, required=False),
                Ask("how", tr("方式"), required=False),
            ],
            lambda v: machine.record_consent(
                self.case_id, v["party"], current_operator(), how=v["how"], purpose=v["purpose"] or "mediation"
            ),
        )

    def ask_mediator(self) -> ActionDialog:
        return self._open(
            tr("指定调解员"),
            [Ask("name", tr("调解员"))],
            lambda v: machine.assign_mediator(self.case_id, v["name"], current_operator()),
        )

    def ask_conflict(self) -> ActionDialog:
        return self._open(
            tr("声明利害关系"),
            [Ask("name", tr("调解员")), Ask("note", tr("情况"), multiline=True)],
            lambda v: machine.declare_conflict(self.case_id, v["name"], v["note"], current_operator()),
        )

    def ask_notice(self) -> ActionDialog:
        """Issue a document: numbered, rendered from the case and the office's template, kept and recorded."""
        from app.documents import issuing

        return self._open(
            tr("出具并送达文书"),
            [
                Ask("kind", tr("文书"), tables.documents_for(machine.office_profile().code)),
                Ask("delivery", tr("送达方式"), tables.DELIVERY),
                Ask("recipient", tr("送达对象"), issuing.RECIPIENTS, required=False),
            ],
            lambda v: issuing.issue(self.case_id, v["kind"], v["delivery"], current_operator(), v["recipient"] or None),
            intro=tr("出具后自动编号、生成 PDF 存档并记入时间线；可在“文书”页查看、重印或更正。"),
        )

    def ask_reassign(self) -> ActionDialog:
        """改派: a supervisor gives the case to another handler, with the reason on the timeline."""
        people = workload.handlers()
        ask = Ask("handler", tr("新的经办人"), {p: p for p in people} if people else None)
        return self._open(
            tr("改派"),
            [ask, Ask("reason", tr("理由"), multiline=True)],
            lambda v: workload.reassign(self.case_id, v["handler"], v["reason"], current_operator()),
        )

    def ask_extension(self) -> ActionDialog:
        """A deadline its rule lets extend once with an approval (D4 +15 working days)."""
        rules = {d.rule: f"{d.rule} {tr(d.title)}" for d in machine.deadlines_of(self.case_id)}
        choices = {code: rules[code] for code in machine.extendable(self.case_id)}
        intro = "" if choices else tr("本案没有可延长的期限（如 D4 核查违法线索，经批准可延长一次）。")
        return self._open(
            tr("延长期限"),
            [
                Ask("rule", tr("期限"), choices),
                Ask("approved_by", tr("批准人")),
                Ask("approved_on", tr("批准日期（不填为今天）"), required=False),
                Ask("note", tr("说明"), multiline=True, required=False),
            ],
            lambda v: machine.extend_deadline(
                self.case_id, v["rule"], v["approved_by"], v["approved_on"], current_operator(), v["note"]
            ),
            intro=intro,
        )

    def ask_milestone(self) -> ActionDialog:
        return self._open(
            tr("记录事项"),
            [Ask("name", tr("事项"), tables.MILESTONES), Ask("note", tr("说明"), multiline=True, required=False)],
            lambda v: machine.record_milestone(self.case_id, v["name"], current_operator(), v["note"]),
        )
