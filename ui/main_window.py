"""The main window: the register tab, one tab per open case, menus and shortcuts."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from app import __version__, clock, permissions
from app import i18n as app_i18n
from app.register import RegisterFilter
from app.session import current_operator
from app.workflow import machine
from ui import i18n
from ui.actions import add_action
from ui.ask import confirm
from ui.register import RegisterPage
from ui.screen_fit import fit_to_screen

FIXED_TABS = 3  # the register, "my work" and the dashboard; case tabs come after

# The intake dialog, the case view, the file dialogs (with the app services behind them) are
# imported when first opened: the register's first rows are what a clerk waits for at start-up.


tr = i18n.translator("main_window")


class MainWindow(QMainWindow):
    database_requested = Signal()
    language_requested = Signal(str)  # 设置 → 界面语言: main rebuilds the window in that language
    closing = Signal()  # the window is about to close (its geometry is remembered)

    def __init__(self, location: str = ""):
        super().__init__()
        self.setWindowTitle(tr("投诉调解工作台"))
        self.setObjectName("main_window")
        self.location = location
        fit_to_screen(self, 1360, 820)
        self.register = RegisterPage(self)
        self.register.open_case.connect(self.open_case)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.my_work = RegisterPage(
            self,
            RegisterFilter(handler=current_operator(), open_only=True),
            sort_key="due",
            descending=False,
            name="my_work",
        )
        self.my_work.open_case.connect(self.open_case)
        self.agenda = self.escalations = None  # above 我的待办's cases, made after the first paint
        self.tabs.addTab(self.register, tr("案件登记簿"))
        self.tabs.addTab(self.my_work, tr("我的待办"))
        self.dashboard = None  # added after the register's first paint: its imports cost ~40 ms
        for fixed in (0, 1):
            self.tabs.tabBar().setTabButton(fixed, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("user")
        self.statusBar().addPermanentWidget(self.user_label)
        self.escalation_label = QLabel(self)  # a supervisor sees how many cases wait for them
        self.escalation_label.setObjectName("escalation_count")
        self.escalation_label.setStyleSheet("color: #a50e0e;")
        self.statusBar().addPermanentWidget(self.escalation_label)
        self.db_label = QLabel(tr("数据库：") + location, self)
        self.statusBar().addPermanentWidget(self.db_label)
        self._menus()

    def _menus(self) -> None:
        action = partial(add_action, self)
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        self.new_action = action(file_menu, tr("登记投诉(&N)…"), self.new_intake, "Ctrl+N", "action.new")
        action(file_menu, tr("打开数据库(&O)…"), self.database_requested.emit, "Ctrl+O", "action.open_database")
        action(file_menu, tr("导出登记簿为 Excel(&E)…"), self.export_register, "Ctrl+E", "action.export")
        action(file_menu, tr("导出完整档案(&A)…"), self.export_archive, name="action.archive")
        action(file_menu, tr("导出档案包（ZIP）(&K)…"), self.export_package, name="action.package")
        action(file_menu, tr("月度统计(&M)…"), self.export_statistics, name="action.stats")
        action(file_menu, tr("批量打印文书(&B)…"), self.open_batch_print, "Ctrl+Shift+P", "action.batch_print")
        file_menu.addSeparator()
        action(file_menu, tr("导入旧登记簿或档案(&I)…"), self.open_import, "Ctrl+Shift+I", "action.import")
        file_menu.addSeparator()
        action(file_menu, tr("退出(&X)"), self.close, "Ctrl+Q", "action.quit")
        case_menu = self.menuBar().addMenu(tr("案件(&C)"))
        action(case_menu, tr("案件登记簿(&R)"), lambda: self.tabs.setCurrentIndex(0), "Alt+1", "action.register")
        action(case_menu, tr("我的待办(&M)"), lambda: self.tabs.setCurrentIndex(1), "Alt+2", "action.my_work")
        action(
            case_menu,
            tr("统计(&T)"),
            lambda: self.tabs.setCurrentWidget(self._add_dashboard()),
            "Alt+3",
            "action.dashboard",
        )
        action(case_menu, tr("工作量(&L)…"), self.open_workload, None, "action.workload")
        action(case_menu, tr("查找(&F)"), self.find, "Ctrl+F", "action.find")
        action(case_menu, tr("刷新登记簿(&U)"), self.refresh, "Ctrl+R", "action.refresh")
        action(
            case_menu,
            tr("关闭案件页(&W)"),
            lambda: self.close_tab(self.tabs.currentIndex()),
            "Ctrl+W",
            "action.close_tab",
        )
        settings_menu = self.menuBar().addMenu(tr("设置(&S)"))
        action(settings_menu, tr("工作日历(&C)…"), self.open_calendar, name="action.calendar")
        action(settings_menu, tr("办公室设置(&O)…"), self.open_office_settings, name="action.office")
        action(settings_menu, tr("清理已移除的证据(&P)…"), self.purge_evidence, name="action.purge")
        action(settings_menu, tr("审计记录(&U)…"), self.open_audit, name="action.audit")
        action(settings_menu, tr("用户(&Y)…"), self.open_users, name="action.users")
        settings_menu.addSeparator()
        language_menu = settings_menu.addMenu(tr("界面语言(&L)"))
        group = QActionGroup(self)
        for code, name in app_i18n.LANGUAGES.items():
            act = action(
                language_menu, name, partial(self._choose_language, code), name=f"language.{code}", checkable=True
            )
            act.setChecked(code == i18n.current())
            group.addAction(act)
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        action(help_menu, tr("关于(&A)"), self.about, name="action.about")
        self._name_intake()
        toolbar = self.addToolBar(tr("常用"))
        toolbar.setObjectName("toolbar")
        toolbar.addAction(self.new_action)

    GATED = {
        "action.new": "case.intake",
        "action.import": "import",
        "action.office": "settings.office",
        "action.calendar": "settings.calendar",
        "action.purge": "settings.office",
        "action.audit": "audit.view",
        "action.export": "export.register",
        "action.archive": "export.register",
        "action.package": "export.register",
        "action.stats": "export.register",
        "action.batch_print": "document.issue",
        "action.users": "users.manage",
    }

    def apply_permissions(self) -> None:
        """Disable what the signed-in user's role may not do (the services refuse it anyway)."""
        from app import permissions, session

        for name, needed in self.GATED.items():
            act = self.findChild(QAction, name)
            if act is not None:
                act.setEnabled(permissions.may(needed))
        user = session.current_user()
        self.user_label.setText(
            tr("登录：%1（%2）")
            .replace("%1", user.display_name)
            .replace("%2", tr(permissions.ROLES.get(user.role, user.role)))
            if user
            else ""
        )

    def load(self) -> None:
        self.apply_permissions()
        self.register.load()
        self.register.view.setFocus()
        self.tabs.currentChanged.connect(self._tab_shown)
        # the rest waits until the clerk sees the register's rows (a 0 ms timer could run before the paint),
        # a turn later still, so that whoever else listens to the paint hears of it before this work
        self.register.view.first_painted.connect(lambda: QTimer.singleShot(0, self, self._after_first_paint))

    def _after_first_paint(self) -> None:
        self._add_agenda()
        self._add_dashboard()
        self.count_escalations()
        self._first_run()

    def _add_agenda(self) -> None:
        """我的待办's agenda and, under it in the code but shown above, a supervisor's list of everyone's
        urgent and late cases (shown to whoever may reassign). Made once the register has painted:
        the services behind them cost ~25 ms of start-up (issue 21)."""
        if self.agenda is not None:
            return
        from app import workload
        from ui.agenda import AgendaBox

        self.agenda = AgendaBox(current_operator(), self.my_work)
        self.agenda.open_case.connect(self.open_case_at)
        self.my_work.add_above(self.agenda)
        self.escalations = AgendaBox(
            None,
            self.my_work,
            load=lambda: workload.escalations() if permissions.may("case.assign") else [],
            title=tr("督办(&V)"),
        )
        self.escalations.setObjectName("escalations")
        self.escalations.open_case.connect(self.open_case_at)
        self.my_work.add_above(self.escalations)
        if self.my_work.loaded:  # the tab was loaded before (it reloads them from now on)
            self.agenda.reload()
            self.escalations.reload()

    def _add_dashboard(self):
        """The 统计 tab, third of the fixed tabs; its figures load when it is first shown."""
        if self.dashboard is None:
            from ui.dashboard import Dashboard

            self.dashboard = Dashboard(self)
            self.dashboard.show_cases.connect(self.show_in_register)
            self.tabs.insertTab(FIXED_TABS - 1, self.dashboard, tr("统计"))
            self.tabs.tabBar().setTabButton(FIXED_TABS - 1, self.tabs.tabBar().ButtonPosition.RightSide, None)
        return self.dashboard

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.my_work and not self.my_work.loaded:
            self._add_agenda()
            self.my_work.load()
        if self.dashboard is not None and self.tabs.widget(index) is self.dashboard and not self.dashboard.loaded:
            self.dashboard.load()

    def _first_run(self) -> None:
        from app.workflow import machine

        if not machine.profile_chosen():
            self.open_office_settings(first_run=True)

    def open_calendar(self):
        from ui.calendar_screen import CalendarScreen

        screen = CalendarScreen(self)
        screen.changed.connect(self._rules_changed)
        screen.open()
        return screen

    def open_office_settings(self, first_run: bool = False):
        from ui.office_settings import OfficeSettings

        dialog = OfficeSettings(self, first_run)
        dialog.saved.connect(self._rules_changed)
        dialog.open()
        return dialog

    def export_register(self, path: str | None = None):
        """The register as shown (the current tab's filter and sort), in the background."""
        from app.archives import excel

        page = self.my_work if self.tabs.currentWidget() is self.my_work else self.register
        model = page.model
        return self._export(
            tr("导出登记簿"),
            tr("案件登记簿.xlsx"),
            path,
            lambda out, progress, cancelled: excel.export_register(
                model.filter, model.sort_key, model.descending, out, progress, cancelled
            ),
        )

    def export_archive(self, path: str | None = None):
        """The full archive workbook for the register's current filter (personal numbers masked)."""
        from app.archives import excel

        flt = self.register.model.filter
        return self._export(
            tr("导出完整档案"),
            tr("案件档案.xlsx"),
            path,
            lambda out, progress, cancelled: excel.export_archive(out, flt, progress=progress, cancelled=cancelled),
        )

    def export_package(self, path: str | None = None):
        """The year-end archive package: workbook, issued documents, evidence and a manifest, as one ZIP."""
        from app.archives import package
        from ui import file_dialogs

        flt = self.register.model.filter
        if path is None:
            path = file_dialogs.save_file(self, tr("导出档案包"), tr("案件档案包.zip"), "ZIP (*.zip)")
            if not path:
                return None
        return self._export(
            tr("导出档案包"),
            "",
            path,
            lambda out, progress, cancelled: (
                package.make_package(out, flt, progress=progress, cancelled=cancelled).cases
            ),
        )

    def export_statistics(self, month: str | None = None, path: str | None = None):
        """The supervisor's monthly workbook; the month is picked from the last two years."""

        from PySide6.QtWidgets import QInputDialog

        from app import statistics
        from app.archives import excel

        if month is None:
            today = clock.today()
            months = []
            y, m = today.year, today.month
            for _ in range(24):
                months.append(f"{y}-{m:02d}")
                y, m = (y, m - 1) if m > 1 else (y - 1, 12)
            month, ok = QInputDialog.getItem(
                self, tr("月度统计"), tr("登记月份："), months, 1 if len(months) > 1 else 0, False
            )
            if not ok:
                return None
        year, number = (int(x) for x in month.split("-"))

        def write(out, progress, cancelled) -> int:
            stats = statistics.monthly(year, number)
            excel.export_statistics(stats, out)
            return stats.received

        return self._export(tr("月度统计"), tr("投诉统计-%1.xlsx").replace("%1", month), path, write)

    def open_batch_print(self):
        from ui.batch_print import BatchPrintDialog

        dialog = BatchPrintDialog(self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def show_in_register(self, caption: str, selection: dict) -> None:
        """The cases behind a figure of the dashboard, in the register."""
        self.tabs.setCurrentWidget(self.register)
        self.register.show_selection(caption, **selection)
        self.register.view.setFocus()

    def open_users(self):
        from ui.users_dialog import UsersDialog

        dialog = UsersDialog(self)
        dialog.open()
        return dialog

    def open_workload(self):
        from ui.workload_view import WorkloadView

        view = WorkloadView(self)
        view.show_handler.connect(
            lambda name: self.show_in_register(
                tr("经办人：%1").replace("%1", name), {"handler": name, "not_closed": True}
            )
        )
        view.open()
        return view

    def open_audit(self):
        from ui.audit_viewer import AuditViewer

        viewer = AuditViewer(self)
        viewer.open()
        return viewer

    def open_import(self, path: str | None = None):
        from ui.import_dialog import ImportDialog

        dialog = ImportDialog(self, path)
        dialog.imported.connect(lambda report: self.refresh())
        dialog.open()
        return dialog

    def _export(self, title: str, default_name: str, path: str | None, write):
        """Ask where, then write in the background with progress and cancel."""
        from ui import file_dialogs
        from ui.workers import run_in_background

        if path is None:
            path = file_dialogs.save_file(self, title, default_name, "Excel (*.xlsx)")
            if not path:
                return None

        def done(rows) -> None:
            self.statusBar().showMessage(
                tr("已导出 %1 件案件到 %2").replace("%1", str(rows)).replace("%2", path), 10000
            )

        return run_in_background(
            self,
            title + "…",
            lambda progress, cancelled: write(path, progress, cancelled),
            done,
            failure_title=tr("未能导出"),
        )

    def purge_evidence(self):
        """Delete the bytes of evidence removed longer ago than the retention period (asked first)."""
        from app import evidence
        from app.session import current_operator

        def purge() -> None:
            deleted = evidence.purge(current_operator())
            QMessageBox.information(self, tr("清理已移除的证据"), tr("已删除 %1 个文件。").replace("%1", str(deleted)))

        days = evidence.retention_days()
        return confirm(
            self,
            tr("清理已移除的证据"),
            tr("将永久删除 %1 天前已移除的证据文件（仍被其他案件使用的文件保留）。继续吗？").replace("%1", str(days)),
            purge,
        )

    def _name_intake(self) -> None:
        """A repair counter takes devices in (接机); the other offices register complaints."""
        counter = machine.office_profile().counter
        self.new_action.setText(tr("接机登记(&N)…") if counter else tr("登记投诉(&N)…"))

    def _rules_changed(self) -> None:
        """Deadlines moved or the profile changed: every list and open case follows."""
        for page in (self.register, self.my_work):
            page.reset_statuses()
        self._name_intake()
        self.refresh()
        for view in self.open_views():
            if not view.form.is_dirty():
                view.reload(ask=False)
            else:
                view.workflow.reload()

    def find(self) -> None:
        """Ctrl+F: the search box of the list in front (我的待办 has its own), else the register's."""
        page = self.my_work if self.tabs.currentWidget() is self.my_work else self.register
        self.tabs.setCurrentWidget(page)
        page.focus_search()

    def refresh(self) -> None:
        self.register.refresh()
        if self.my_work.loaded:
            self.my_work.refresh()
        self.count_escalations()

    def count_escalations(self) -> None:
        if not permissions.may("case.assign"):
            self.escalation_label.hide()
            return
        from app import workload  # after the first paint (issue 21)

        n = len(workload.escalations())
        self.escalation_label.setText(tr("督办 %1 件").replace("%1", f"{n}+" if n >= 200 else str(n)))
        self.escalation_label.setVisible(bool(n))

    def new_intake(self):
        from ui.intake import IntakeDialog

        dialog = IntakeDialog(self)
        dialog.saved.connect(self._intake_saved)
        dialog.open()
        return dialog

    def _intake_saved(self, ref) -> None:
        self.register.refresh(select_case=ref.id)
        if self.my_work.loaded:
            self.my_work.refresh()
        self.statusBar().showMessage(tr("已登记 %1").replace("%1", ref.case_no), 8000)

    def open_case(self, case_id: int):
        from ui.case_view import CaseView

        for view in self.open_views():
            if view.case_id == case_id:
                self.tabs.setCurrentWidget(view)
                return view
        view = CaseView(case_id, self)
        view.changed.connect(self._case_changed)
        index = self.tabs.addTab(view, view.record.case_no)
        self.tabs.setCurrentIndex(index)
        view.form.setFocus(Qt.FocusReason.OtherFocusReason)
        return view

    def open_case_at(self, case_id: int, panel: str):
        view = self.open_case(case_id)
        view.show_panel(panel)
        return view

    def _case_changed(self, case_id: int) -> None:
        self.register.refresh(select_case=case_id)
        if self.my_work.loaded:
            self.my_work.refresh(select_case=case_id)

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if view not in self.open_views():
            return  # the register, my work and statistics stay
        if view.can_close():
            self.tabs.removeTab(index)
            view.deleteLater()

    def open_views(self) -> list:
        """The open case views (found by what they are: the statistics tab may arrive after a case tab)."""
        return [w for w in map(self.tabs.widget, range(self.tabs.count())) if hasattr(w, "case_id")]

    def closeEvent(self, event) -> None:  # noqa: N802
        for view in self.open_views():
            if view.form.is_dirty():
                self.tabs.setCurrentWidget(view)
                if not view.can_close():
                    event.ignore()
                    return
        self.closing.emit()
        event.accept()

    def _choose_language(self, language: str) -> None:
        if language != i18n.current():
            self.language_requested.emit(language)

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("关于投诉调解工作台"),
            tr("投诉调解工作台 ComplaintDesk %1\n消费投诉与售后纠纷的登记、调解与归档。").replace("%1", __version__),
        )
