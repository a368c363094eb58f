"""The directory tab: search as one types, filters, results, and the record in detail.

Signals: ``sig_searched()`` each time results are shown; ``sig_detail_shown()`` each time
a record is shown in detail; ``sig_print(str)`` with the id of a service whose slip the agent
wants to print.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.directory.records import ServiceDetail
from app.directory.search import SearchHit, SearchQuery
from ui.commune_field import CommuneField
from ui.directory_detail import detail_html
from ui.directory_dialogs import FlagDialog, LocalEntryDialog, import_directory, save_template
from ui.directory_model import DirectoryModel
from ui.operations import Change, DeskOps
from ui.table_model import rows_view

_Index = QModelIndex | QPersistentModelIndex


class DirectoryPanel(QWidget):
    """Search box, filters, results and detail of the partner directory."""

    sig_searched = Signal()
    sig_print = Signal(str)
    sig_detail_shown = Signal()

    def __init__(self, desk: Desk, ops: DeskOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ops = ops
        self._detail_asked = 0  # the newest record asked for; older answers are dropped
        self._search_asked = 0  # the newest search asked for, likewise
        self.detail_for: str | None = None  # the service whose record is shown
        self.lang = desk.language
        self._filters()
        self._results()
        self._buttons()
        self._lay_out()
        self._connect()
        self._copies: dict[str, str] = {}
        self.shown_text: str | None = None
        self._update_actions()
        # A write to the directory (here, in a dialog, an import): the results show it.
        ops.tasks.sig_changed.connect(self._changed)

    def _filters(self) -> None:
        """The search box and, under it, what narrows the search."""
        self.search_box = QLineEdit()
        self.search_box.setAccessibleName(self.tr("Chercher dans l’annuaire"))
        self.search_box.setPlaceholderText(
            self.tr("Chercher : métier, structure, dispositif… (F3)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.commune = CommuneField(self.ops.places, self.lang)
        self.commune.setAccessibleName(self.tr("Commune du visiteur"))
        self.commune.setPlaceholderText(self.tr("Commune du visiteur"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Thème"))
        self.theme.addItem(self.tr("Tous les thèmes"), None)
        for item in self.desk.lists.items("theme"):
            self.theme.addItem(item.label(self.lang), item.code)
        self.public = QComboBox()
        self.public.setAccessibleName(self.tr("Public"))
        self.public.addItem(self.tr("Tous les publics"), None)
        for item in self.desk.lists.items("public"):
            self.public.addItem(item.label(self.lang), item.code)
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Mode d’accueil"))
        self.mode.addItem(self.tr("Sur place ou à distance"), None)
        self.mode.addItem(self.tr("Sur place"), "en-presentiel")
        self.mode.addItem(self.tr("À distance"), "a-distance")
        self.free = QCheckBox(self.tr("&Gratuit"))
        self.open_now = QCheckBox(self.tr("Ouvert &maintenant"))
        self.favourites = QCheckBox(self.tr("Fa&voris"))

    def _results(self) -> None:
        """The services found, and the record of the one selected."""
        self.model = DirectoryModel(self, self.lang)
        self.table = rows_view(self.model, self.tr("Services trouvés"))
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.detail.setAccessibleName(self.tr("Détail du service"))

    def _buttons(self) -> None:
        """What can be done with a record, and with the directory."""
        self.favourite_button = QPushButton(self.tr("★ Favori  (Ctrl+D)"))
        self.flag_button = QPushButton(self.tr("Signaler une &erreur…"))
        self.verified_button = QPushButton(self.tr("Vérifié ce &jour"))
        self.print_button = QPushButton(self.tr("Imprimer une fic&he…"))
        self.copy_address = QPushButton(self.tr("Copier l’a&dresse"))
        self.copy_phone = QPushButton(self.tr("Copier le &téléphone"))
        self.copy_email = QPushButton(self.tr("Copier le &courriel"))
        self.notice_button = QPushButton(self.tr("Informati&on temporaire…"))
        self.add_local_button = QPushButton(self.tr("Ajouter une entrée &locale…"))
        self.import_button = QPushButton(self.tr("Im&porter un annuaire…"))
        self.template_button = QPushButton(self.tr("Modèle de ta&bleur…"))

    def _lay_out(self) -> None:
        """Search and filters above, results beside the record, the directory's tools below."""
        filters = QHBoxLayout()
        for combo in (self.theme, self.public, self.mode):
            # Narrow screens (150 %) must still hold the whole row.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        for widget in (self.commune, self.theme, self.public, self.mode):
            filters.addWidget(widget, 1)
        for box in (self.free, self.open_now, self.favourites):
            filters.addWidget(box)
        actions = QHBoxLayout()
        for button in (
            self.print_button,
            self.favourite_button,
            self.flag_button,
            self.verified_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        copies = QHBoxLayout()
        for button in (self.copy_address, self.copy_phone, self.copy_email):
            copies.addWidget(button)
        copies.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(copies)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The results get their share from the start: « Maintenant » (open, or closed until
        # a day) must show without scrolling sideways at 1366 pixels.
        splitter.setSizes([3000, 2000])
        tools = QHBoxLayout()
        tools.addStretch(1)
        for button in (
            self.notice_button,
            self.add_local_button,
            self.import_button,
            self.template_button,
        ):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(tools)

    def _connect(self) -> None:
        """A search per pause in the typing or per filter changed; each button's action."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # one query per pause in the typing, not per letter
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        self.commune.sig_chosen.connect(lambda _c: self.run_search())
        for combo in (self.theme, self.public, self.mode):
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        for box in (self.free, self.open_now, self.favourites):
            box.toggled.connect(lambda _b: self.run_search())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.favourite_button.clicked.connect(self.toggle_favourite)
        QShortcut(QKeySequence("Ctrl+D"), self, self.toggle_favourite)
        self.verified_button.clicked.connect(self.mark_verified)
        self.copy_address.clicked.connect(lambda: self._copy("address"))
        self.copy_phone.clicked.connect(lambda: self._copy("phone"))
        self.copy_email.clicked.connect(lambda: self._copy("email"))
        self.search_box.returnPressed.connect(self._to_results)
        self.flag_button.clicked.connect(self.open_flag)
        self.print_button.clicked.connect(
            lambda: self.sig_print.emit(self.current()) if self.current() else None
        )
        self.add_local_button.clicked.connect(self.open_local_entry)
        self.notice_button.clicked.connect(self.open_notice)
        self.import_button.clicked.connect(lambda: import_directory(self, self.desk, self.ops))
        self.template_button.clicked.connect(lambda: save_template(self, self.desk))

    def _changed(self, changes: frozenset[Change]) -> None:
        if Change.DIRECTORY in changes and self.shown_text is not None:
            self.run_search()

    # --- searching ------------------------------------------------------------------

    def query(self) -> SearchQuery:
        return SearchQuery(
            text=self.search_box.text(),
            commune=self.commune.code(),  # outside the region: no area to filter on
            themes=[self.theme.currentData()] if self.theme.currentData() else [],
            public=self.public.currentData(),
            mode=self.mode.currentData(),
            free=self.free.isChecked(),
            open_at=self.desk.intake.now() if self.open_now.isChecked() else None,
            favourites=self.favourites.isChecked(),
            limit=60,
        )

    def run_search(self) -> None:
        query = self.query()
        # Searches run side by side on the read pool: only the newest one's answer is shown.
        self._search_asked += 1
        asked = self._search_asked

        def found(hits: list[SearchHit]) -> None:
            if asked == self._search_asked:
                self._show_hits(hits, query.text)

        self.ops.directory_search(query, now=self.desk.intake.now()).success(found).run(self)

    def _show_hits(self, hits: list[SearchHit], text: str = "") -> None:
        self.shown_text = text  # what the results shown answer (a later search may follow)
        current = self.current()
        self.model.set_hits(hits)
        self.table.resizeColumnsToContents()
        for column, widest in ((1, 170), (2, 210), (3, 130)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        row = next((i for i, h in enumerate(hits) if current and h.service_id == current), 0)
        if hits:
            self.table.selectRow(row)
        self.show_detail()
        self.sig_searched.emit()

    def _to_results(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    # --- the record -------------------------------------------------------------------

    def current(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.hit(index.row()).service_id if index.isValid() else None

    def show_detail(self) -> None:
        """The chosen service's record, read off the window's thread (the newest asked for
        is the one shown)."""
        service_id = self.current()
        self._detail_asked += 1
        asked = self._detail_asked
        if service_id is None:
            nothing = self.tr("Aucun service choisi.")
            self.detail.setHtml(f"<p>{nothing}</p>")
            self._copies = {}
            self.detail_for = None
            self._update_actions()
            self.sig_detail_shown.emit()
            return

        def shown(detail: ServiceDetail) -> None:
            if asked != self._detail_asked:
                return  # another service was chosen meanwhile
            html, self._copies = detail_html(detail, self.ops.places, self.lang)
            self.detail.setHtml(html)
            self.detail_for = service_id
            self._update_actions()
            self.sig_detail_shown.emit()

        self._copies = {}
        self._update_actions()
        self.ops.service_detail(service_id, self.desk.intake.today()).success(shown).run(self)

    def _update_actions(self) -> None:
        chosen = self.current() is not None
        for button in (
            self.print_button,
            self.favourite_button,
            self.flag_button,
            self.verified_button,
            self.notice_button,
        ):
            button.setEnabled(chosen)
        self.copy_address.setEnabled(bool(self._copies.get("address")))
        self.copy_phone.setEnabled(bool(self._copies.get("phone")))
        self.copy_email.setEnabled(bool(self._copies.get("email")))

    def _copy(self, what: str) -> None:
        value = self._copies.get(what)
        if value:
            QApplication.clipboard().setText(value)

    def toggle_favourite(self) -> None:
        service_id = self.current()
        if service_id is None:
            return

        self.ops.toggle_favourite(service_id).run(self)

    def open_flag(self) -> None:
        service_id = self.current()
        if service_id is None:
            return
        dialog = FlagDialog(self.desk, service_id, self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.show_detail)
        dialog.finished.connect(self._back_to_results)
        self.dialog: QDialog = dialog
        dialog.open()

    def _back_to_results(self) -> None:
        """The keyboard goes back to the results once a dialog is done with (the report
        is sent later than the press, when the window may not have taken focus back)."""
        self.window().activateWindow()
        self.table.setFocus()

    def open_notice(self) -> None:
        """Temporary information on the service shown, for this desk's agents."""
        from ui.notice_dialog import NoticeDialog

        service_id = self.current()
        if service_id is None:
            return
        dialog = NoticeDialog(self.desk, service_id, self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._back_to_results)
        self.dialog = dialog
        dialog.open()

    def open_local_entry(self) -> None:
        dialog = LocalEntryDialog(self.desk, self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.search_box.setText(dialog.service.text()))
        self.dialog = dialog
        dialog.open()

    def mark_verified(self) -> None:
        service_id = self.current()
        if service_id is None:
            return
        self.ops.mark_verified(service_id).run(self)
