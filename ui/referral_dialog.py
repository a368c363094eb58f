"""Choosing the partner services a visitor is sent to, ranked for that visitor.

Opened from the intake form (F4) with the visitor’s themes, public, age and commune; typing
narrows the list, the arrows move the highlight (the first Down goes to the second row:
the first is highlighted already), Space ticks a service, Enter confirms the ticked ones,
or the highlighted one when none is ticked. With nothing to refer to, Enter says so and
the dialog stays open.

Each keystroke's search runs on the read pool; an answer that comes after a newer keystroke
is dropped, and a key that acts on the list (arrows, Space, Enter) first waits for the answer
to the text typed, so the agent's keys act on what the text asks for.
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.directory.display import format_phone
from app.directory.records import ServiceDetail
from app.directory.search import SearchHit, SearchQuery
from app.intake.contact import ContactDraft
from ui.operations import ops_for
from ui.screen_fit import fit_to_screen

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchHitModel(QAbstractListModel):
    """Suggested services, each checkable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchHit] = []
        self.chosen: dict[str, str] = {}  # service id -> "structure — service"

    def set_rows(self, rows: list[SearchHit]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def suggestion(self, row: int) -> SearchHit:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = f" ({row.commune})" if row.commune else ""
            state = ""
            if row.open_now is not None:
                state = self.tr(" · ouvert") if row.open_now else self.tr(" · fermé")
            return f"{row.structure_name}{where} — {row.service_name}{state}"
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = row.service_id in self.chosen
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return row.service_id
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(str(value)))
        if state == Qt.CheckState.Checked:
            self.chosen[row.service_id] = f"{row.structure_name} — {row.service_name}"
        else:
            self.chosen.pop(row.service_id, None)
        self.dataChanged.emit(index, index, [role])
        return True


class ReferralDialog(QDialog):
    """The services suggested for this visitor; the ticked ones become referrals."""

    def __init__(
        self,
        desk: Desk,
        draft: ContactDraft,
        chosen: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Orienter vers un partenaire"))
        self._desk = desk
        self._draft = draft
        self.ops = ops_for(self, desk)
        self._asked = 0  # the newest search asked for; older answers are dropped
        self._pending: Future[list[SearchHit]] | None = None
        self._detail_asked = 0
        self.detail_for: str | None = None  # the service whose detail is shown whole
        self.model = SearchHitModel(self)
        self.model.chosen = dict(chosen)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Chercher un partenaire"))
        self.search.setPlaceholderText(self.tr("Affiner : nom, structure, mot de la description…"))
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Services proposés pour ce visiteur"))
        self.list.setAlternatingRowColors(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        # Names, phones and hours come from the directory: shown as written, never as HTML.
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAccessibleName(self.tr("Détail du service"))
        self.hint = QLabel(
            self.tr(
                "Flèches pour choisir, Espace pour cocher, Entrée pour orienter vers le"
                " service coché (ou, sans coche, celui en surbrillance)."
            )
        )
        self.hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setAccessibleName(self.tr("Erreur de saisie"))
        self.problem.hide()
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 520)
        self.search.textChanged.connect(self.refresh)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_detail())
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self.refresh()
        self.settle()  # the dialog opens with its suggestions

    def _buttons(self) -> QDialogButtonBox:
        """Orient (Enter) and Close (Escape)."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Orienter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Fermer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def refresh(self) -> None:
        # Ranked for the visitor; once the agent types, the text leads and every theme counts.
        typed = self.search.text().strip()
        query = SearchQuery(
            text=typed,
            themes=[] if typed else self._draft.themes,
            public=self._draft.public or None,
            age=self._draft.age if self._draft.age not in ("", "non-precise") else None,
            commune=self._draft.commune or None,
            for_visitor=True,
            limit=50,
        )
        self._asked += 1
        asked = self._asked
        self._pending = (
            self.ops.directory_search(query)
            .success(lambda rows: self._show_rows(asked, rows))
            .run(self)
        )

    def settle(self) -> None:
        """Wait for the answer to the text typed, and show it."""
        if self._pending is not None:
            self.ops.tasks.settle(self._pending)

    def _show_rows(self, asked: int, rows: list[SearchHit]) -> None:
        if asked != self._asked:
            return  # a newer keystroke's answer is on its way
        self._pending = None
        self.model.set_rows(rows)
        self.problem.hide()
        if rows:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_detail()

    def _show_detail(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            self.detail.setText(self.tr("Aucun service ne correspond."))
            return
        row = self.model.suggestion(index.row())
        parts = [row.structure_name, row.service_name]
        if row.telephone:
            parts.append(format_phone(row.telephone))
        self.detail.setText(" · ".join(parts))
        self._detail_asked += 1
        self.detail_for = None
        if not row.horaires:
            self.detail_for = row.service_id
            return
        asked = self._detail_asked

        def hours(found: ServiceDetail) -> None:
            if asked == self._detail_asked:
                parts.append(found.hours_words(self._desk.language))
                self.detail.setText(" · ".join(parts))
                self.detail_for = row.service_id

        # on the place's own clock and school holidays, which its record tells
        self.ops.service_detail(row.service_id).success(hours).run(self)

    def eventFilter(self, watched: object, event: object) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QKeyEvent.Type.KeyPress:
            return False
        if watched is self.list or event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.settle()
        row = self.list.currentIndex().row()
        if watched is self.search and event.key() == Qt.Key.Key_Down:
            # The first row is highlighted already: Down moves on to the next one, as the
            # agent sees it, and the rest of the typing stays in the search box.
            self.list.setFocus()
            if self.model.rowCount():
                following = min(row + 1, self.model.rowCount() - 1)
                self.list.setCurrentIndex(self.model.index(following, 0))
            return True
        if watched is self.list and event.key() == Qt.Key.Key_Up and row <= 0:
            self.search.setFocus()
            return True
        return False

    def accept(self) -> None:
        """Refer to the ticked services; none ticked, to the highlighted one; else say so."""
        self.settle()
        if not self.model.chosen:
            index = self.list.currentIndex()
            if not index.isValid():
                self.problem.setText(
                    self.tr("Aucun service ne correspond : changez la recherche.")
                    if self.search.text().strip()
                    else self.tr("Aucun service coché.")
                )
                self.problem.show()
                return
            self.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        super().accept()

    def chosen(self) -> dict[str, str]:
        return dict(self.model.chosen)
