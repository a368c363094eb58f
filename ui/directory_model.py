"""The directory tab's results as table rows: favourite, structure, service, commune (with
the distance from the visitor's), open now, and when the record was last checked."""

from __future__ import annotations

from babel.numbers import format_decimal
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from app.directory.search import SearchHit
from core.lang import day_text, locale
from ui.table_model import ColumnsModel


class DirectoryModel(ColumnsModel[SearchHit]):
    """Search results as table rows."""

    COLUMNS = ("favourite", "structure", "service", "commune", "now", "checked")

    def __init__(self, parent: QWidget | None = None, lang: str = "fr") -> None:
        super().__init__(
            {
                "favourite": "★",
                "structure": self.tr("Structure"),
                "service": self.tr("Service"),
                "commune": self.tr("Commune"),
                "now": self.tr("Maintenant"),
                "checked": self.tr("Mise à jour"),
            },
            parent,
        )
        self.lang = lang

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.set_rows(hits)

    def hit(self, row: int) -> SearchHit:
        return self.row_at(row)

    def cell(self, hit: SearchHit, column: str, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(hit, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "checked" and hit.stale:
            dark = QPalette().color(QPalette.ColorRole.Window).lightness() < 128
            return QColor("#ffb74d" if dark else "#a15c00")
        return None

    def _text(self, hit: SearchHit, column: str) -> str:
        if column == "favourite":
            return "★" if hit.favourite else ""
        if column == "structure":
            return hit.structure_name + (self.tr(" (local)") if hit.is_local else "")
        if column == "service":
            return hit.service_name
        if column == "commune":
            if hit.next_stop is not None:  # a mobile service: its next stop near the visitor
                stop = hit.next_stop
                shown = day_text(stop.starts_at.date(), self.lang)
                return self.tr("%1 · arrêt le %2").replace("%1", stop.commune).replace("%2", shown)
            if hit.distance_km is None:
                return hit.commune
            # To a tenth under 10 km (« à 2,5 km »), to the km above (« à 17 km »).
            shown = format_decimal(
                round(hit.distance_km, 1 if hit.distance_km < 10 else 0),
                format="#,##0.#",
                locale=locale(self.lang),
            )
            return self.tr("%1 · à %2\u00a0km").replace("%1", hit.commune).replace("%2", shown)
        if column == "now":
            if hit.closed_until is not None:
                until = day_text(hit.closed_until, self.lang)
                return self.tr("Fermé jusqu’au %1").replace("%1", until)
            if hit.open_now is None:
                return "—"
            return self.tr("Ouvert") if hit.open_now else self.tr("Fermé")
        shown = day_text(hit.date_maj, self.lang) if hit.date_maj else "—"
        return self.tr("À vérifier (%1)").replace("%1", shown) if hit.stale else shown
