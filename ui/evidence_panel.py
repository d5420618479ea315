"""证据: thumbnails of a case's evidence; add (file dialog, drag and drop, paste), view,
remove with a reason, verify. Hashing and storing run in the background with progress."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import case_file, db, evidence, permissions
from app.session import current_operator
from ui import file_dialogs, i18n
from ui.screen_fit import fit_to_screen
from ui.workers import run_in_background, run_quietly, show_failure
from ui.workflow_panel import ActionDialog, Ask

THUMB = 112
_thumbs: dict[str, QPixmap | None] = {}  # by SHA-256, for the program's life (stored files never change)


tr = i18n.translator("evidence")


def guess_kind(name: str) -> str:
    mime = mimetypes.guess_type(name)[0] or ""
    if mime.startswith("image/"):
        return "photo"
    if mime.startswith("audio/"):
        return "audio"
    if mime.startswith("video/"):
        return "video"
    return "document"


def file_icon(item) -> QPixmap:
    """A page with the file's type on it, for items that have no picture."""
    label = (Path(item.original_name).suffix.lstrip(".") or item.mime.split("/")[-1])[:5].upper() or "FILE"
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#f1f3f4"))
    painter.setPen(QColor("#9aa0a6"))
    painter.drawRoundedRect(20, 6, THUMB - 40, THUMB - 12, 6, 6)
    painter.setPen(QColor("#3c4043"))
    font = painter.font()
    font.setPointSize(13)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return pixmap


def _pixmap(data: bytes | None) -> QPixmap | None:
    """An icon from a kept thumbnail (app/evidence.py makes them twice the icon's size)."""
    image = QImage.fromData(data) if data else QImage()
    if image.isNull():
        return None
    return QPixmap.fromImage(
        image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    )


_MISSING = object()  # a photo whose file is not in the store: marked as verify would mark it


def _made_from_files(items: list) -> dict:
    """Off the UI thread: thumbnails made from the photos' files (kept for next time)."""
    made = {}
    try:
        for item in items:
            try:
                made[item.sha256] = evidence.thumbnail_from_file(item)
            except evidence.ComplaintDeskError:  # missing bytes: never crashes the list
                made[item.sha256] = _MISSING
    finally:
        db.close()  # this thread's connection
    return made


class EvidencePanel(QWidget):
    changed = Signal()

    def __init__(self, case_id: int, parent=None):
        super().__init__(parent)
        self.case_id = case_id
        self.setObjectName("evidence")
        self.dialog: ActionDialog | None = None
        self.progress = None
        self.problems: dict[int, str] = {}
        self.shown: dict[str, object] = {}  # SHA-256 → the listed photo
        self.sha_of: dict[int, str] = {}  # evidence id → its file's SHA-256
        self.thumbs_asked: set[str] = set()
        self.list = QListWidget(self)
        self.list.setObjectName("evidence.list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 56))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.view(item))
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("add", tr("添加文件(&A)…"), self.choose_files),
            ("paste", tr("粘贴图片 (Ctrl+V)"), self.paste),
            ("view", tr("查看(&V)"), lambda: self.view(self.list.currentItem())),
            ("remove", tr("移除(&D)…"), self.ask_remove),
            ("verify", tr("核验"), self.verify),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"evidence.{name}")
            button.clicked.connect(slot)
            needed = {"add": "evidence.add", "paste": "evidence.add", "remove": "evidence.remove"}.get(name)
            button.setEnabled(needed is None or permissions.may(needed))  # the service refuses anyway
            buttons.addWidget(button)
        self.hint = QLabel(tr("可把文件拖到案件页上添加。"), self)
        self.hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        QShortcut(
            QKeySequence.StandardKey.Paste, self, self.paste, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        listed = evidence.items(self.case_id)
        for item in listed:
            label = item.description or item.original_name
            size = f"{item.size / 1048576:.1f} MB" if item.size >= 1048576 else f"{max(1, item.size // 1024)} KB"
            extra = f" · {int(item.duration // 60)}:{int(item.duration % 60):02d}" if item.duration else ""
            text = f"{label}\n{tr(evidence.KINDS.get(item.kind, item.kind))} · {size}{extra}"
            problem = self.problems.get(item.id)
            if problem:
                text += "\n" + (tr("⚠ 文件缺失") if problem == "missing" else tr("⚠ 内容被改动"))
            entry = QListWidgetItem(text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setToolTip(
                f"{item.original_name}\n{item.mime}\nSHA-256 {item.sha256}\n"
                f"{item.added_by} {item.added_at:%Y-%m-%d %H:%M}"
            )
            if problem:
                entry.setForeground(Qt.GlobalColor.red)
            pixmap = None if problem else _thumbs.get(item.sha256)
            entry.setIcon(QIcon(pixmap if pixmap is not None else file_icon(item)))
        pictured = [i for i in listed if evidence.wants_thumbnail(i.mime, i.size) and i.id not in self.problems]
        self.shown = {i.sha256: i for i in pictured}  # one file may be two items (the same photo twice)
        self.sha_of = {i.id: i.sha256 for i in pictured}
        if self.isVisible():
            self.load_thumbnails()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.load_thumbnails()  # only when the clerk looks: opening a case reads no picture

    def load_thumbnails(self) -> None:
        """The kept thumbnails of the listed photos in one query; a photo without one (added before
        they were kept) has it made from its file in the background."""
        wanted = [sha for sha in self.shown if sha not in _thumbs]
        if not wanted or self.thumbs_asked >= set(wanted):
            return
        self.thumbs_asked |= set(wanted)
        kept = evidence.thumbnails(wanted)
        for sha, data in kept.items():
            _thumbs[sha] = _pixmap(data)
        self._show_thumbnails()
        missing = [self.shown[sha] for sha in wanted if sha not in kept]
        if missing:
            run_quietly(self, lambda: _made_from_files(missing), self._made, lambda error: None)

    def _made(self, made: dict) -> None:
        for sha, data in made.items():
            if data is _MISSING:
                self.problems.update({i: "missing" for i, of in self.sha_of.items() if of == sha})
            else:
                _thumbs[sha] = _pixmap(data)
        if any(data is _MISSING for data in made.values()):
            self.reload()
        else:
            self._show_thumbnails()

    def _show_thumbnails(self) -> None:
        for row in range(self.list.count()):
            entry = self.list.item(row)
            pixmap = _thumbs.get(self.sha_of.get(entry.data(Qt.ItemDataRole.UserRole)))
            if pixmap is not None:
                entry.setIcon(QIcon(pixmap))

    # adding -------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = file_dialogs.open_files(self, tr("选择证据文件"))
        if paths:
            self.ask_details(paths)

    def ask_details(self, paths: list[str]) -> ActionDialog:
        """What, from whom: one form for the files dropped or chosen, then store them in the background."""
        names = "、".join(Path(p).name for p in paths[:3]) + (
            tr(" 等 %1 个文件").replace("%1", str(len(paths))) if len(paths) > 3 else ""
        )
        asks = [
            Ask("kind", tr("类别"), evidence.KINDS),
            Ask("supplier", tr("提供方"), evidence.SUPPLIERS),
            Ask("description", tr("说明"), required=False),
        ]
        self.dialog = ActionDialog(
            self, tr("添加证据"), asks, lambda v: self.add_files(paths, **v), intro=tr("添加：") + names
        )
        self.dialog.set("kind", guess_kind(paths[0]))
        self.dialog.set("supplier", "complainant")
        self.dialog.open()
        return self.dialog

    def add_files(self, paths: list[str], kind: str, supplier: str, description: str = "") -> None:
        actor = current_operator()
        total = sum(Path(p).stat().st_size for p in paths if Path(p).exists())

        def work(progress, cancelled):
            done_before = 0
            for p in paths:
                evidence.add_file(
                    self.case_id,
                    p,
                    kind,
                    supplier,
                    actor,
                    description,
                    progress=lambda done, _t, base=done_before: progress(base + done, total),
                    cancelled=cancelled,
                )
                done_before += Path(p).stat().st_size
            return len(paths)

        self.progress = run_in_background(self, tr("正在计算 SHA-256 并保存证据…"), work, self._added, self._failed)

    def paste(self) -> None:
        """An image from the clipboard (a scanner or phone screenshot), stored as PNG."""
        image = QApplication.clipboard().image()
        if image.isNull():
            QMessageBox.information(self, tr("粘贴图片"), tr("剪贴板中没有图片。"))
            return
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        try:
            evidence.add_bytes(
                self.case_id,
                bytes(data),
                tr("剪贴板图片.png"),
                "photo",
                "office",
                current_operator(),
                description=tr("粘贴的图片"),
            )
        except evidence.ComplaintDeskError as exc:
            QMessageBox.warning(self, tr("未能添加"), i18n.say(exc))
            return
        self._added(1)

    def _added(self, count) -> None:
        with case_file.opened(self.case_id):  # this panel and the case view read the case once
            self.reload()
            self.changed.emit()

    def _failed(self, error: Exception) -> None:
        with case_file.opened(self.case_id):  # what was stored before the failure stays
            self.reload()
            self.changed.emit()
        show_failure(self, tr("未能添加证据"), error)

    # the rest -------------------------------------------------------------------------

    def _item(self, entry):
        if entry is None:
            return None
        return evidence.get(entry.data(Qt.ItemDataRole.UserRole))

    def view(self, entry) -> QDialog | None:
        item = self._item(entry)
        if item is None:
            return None
        try:
            if item.mime.startswith("image/"):
                images = [e for e in evidence.items(self.case_id) if e.mime.startswith("image/")]
                viewer = ImageViewer(self, images, images.index(next(e for e in images if e.id == item.id)))
                viewer.open()
                return viewer
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(evidence.copy_out(item))))
        except evidence.ComplaintDeskError as exc:
            QMessageBox.warning(self, tr("无法打开"), i18n.say(exc))
        return None

    def ask_remove(self) -> ActionDialog | None:
        item = self._item(self.list.currentItem())
        if item is None:
            return None

        def done(values):
            evidence.remove(item.id, values["reason"], current_operator())
            with case_file.opened(self.case_id):  # this panel and the case view read the case once
                self.reload()
                self.changed.emit()

        self.dialog = ActionDialog(
            self,
            tr("移除证据"),
            [Ask("reason", tr("移除理由"), multiline=True)],
            done,
            intro=tr("移除后不再显示，文件保留至管理员按保存期限清理。"),
        )
        self.dialog.open()
        return self.dialog

    def verify(self) -> None:
        self.problems = {i.id: p for i in evidence.items(self.case_id) if (p := evidence.check(i))}
        self.reload()
        if self.problems:
            QMessageBox.warning(
                self, tr("核验"), tr("%1 件证据有问题，已标红。").replace("%1", str(len(self.problems)))
            )
        else:
            QMessageBox.information(self, tr("核验"), tr("全部证据的 SHA-256 与登记时一致。"))


class ImageViewer(QDialog):
    """Zoom (Ctrl+= / Ctrl+- / Ctrl+0), rotate (R), previous/next (← / →)."""

    def __init__(self, parent, images: list, index: int):
        super().__init__(parent)
        self.setObjectName("image_viewer")
        self.images = images
        self.index = index
        self.zoom = 1.0
        self.angle = 0
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        self.caption = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.caption)
        for keys, slot in (
            ("Ctrl+=", lambda: self.scale(1.25)),
            ("Ctrl++", lambda: self.scale(1.25)),
            ("Ctrl+-", lambda: self.scale(0.8)),
            ("Ctrl+0", self.fit),
            ("R", self.rotate),
            ("Right", lambda: self.step(1)),
            ("Left", lambda: self.step(-1)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        fit_to_screen(self, 900, 700)
        self.show_image()

    def show_image(self) -> None:
        item = self.images[self.index]
        self.original = QImage.fromData(evidence.read_bytes(item))
        self.setWindowTitle(f"{item.description or item.original_name}（{self.index + 1}/{len(self.images)}）")
        self.caption.setText(
            tr("%1 · SHA-256 %2… · R 旋转 · ←/→ 上一张/下一张")
            .replace("%1", item.original_name)
            .replace("%2", item.sha256[:16])
        )
        self.render()

    def render(self) -> None:
        image = self.original.transformed(QTransform().rotate(self.angle))
        size = image.size() * self.zoom
        self.label.setPixmap(
            QPixmap.fromImage(
                image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        )

    def scale(self, factor: float) -> None:
        self.zoom = min(8.0, max(0.1, self.zoom * factor))
        self.render()

    def fit(self) -> None:
        self.zoom = 1.0
        self.render()

    def rotate(self) -> None:
        self.angle = (self.angle + 90) % 360
        self.render()

    def step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.images)
        self.zoom, self.angle = 1.0, 0
        self.show_image()
