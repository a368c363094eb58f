"""The statistics tab: a period, its totals, charts (publics, themes, visits over time,
hours × weekdays), a cross-table of any two dimensions, and the exports.

On screen the counts are exact: they stay on the desk. Every export is meant to leave the
site, so it hides the cells under the site's threshold (``stats.min_cell``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.stats.dashboard import PERIODS, Dashboard, dashboard, period_bounds
from core.errors import DeskError
from core.report.text import number
from core.stats import tables
from core.stats.export import DIMENSION_LABELS, dimension_label
from core.stats.labels import hour_text, short_weekday
from ui.charts import BarChart, HeatGrid, LineChart
from ui.operations import DeskOps
from ui.outcome_table import OutcomeTable
from ui.stats_cross import CrossModel
from ui.stats_exports import StatsExports


class StatsPanel(StatsExports, QWidget):
    """Signals: ``sig_shown()`` each time a period's figures are on screen;
    ``sig_exported(str)`` with the path of each file written."""

    sig_shown = Signal()
    sig_exported = Signal(str)

    def __init__(self, desk: Desk, ops: DeskOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        # Reads, on the read pool: a year's figures or a report never hold up a visit's save.
        self.ops = ops
        self.lang = desk.language
        self.shown: Dashboard | None = None
        self._asked = 0  # the newest reading asked for; older answers are dropped
        bar = self._period_bar()
        self._summary()
        self._charts()
        self._cross_table()
        self.csv_button = QPushButton(self.tr("Exporter le tableau en &CSV…"))
        self.xlsx_button = QPushButton(self.tr("Exporter en &XLSX…"))
        self.pdf_button = QPushButton(self.tr("&Rapport d’activité PDF…"))
        self.export_note = QLabel()
        self.export_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._page(), 1)
        self._connect()
        self._period_chosen()

    # --- building ---------------------------------------------------------------------

    def _period_bar(self) -> QHBoxLayout:
        """The period's choice, its dates and the refresh button, above the page."""
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Période"))
        names = {
            "today": self.tr("Aujourd’hui"),
            "week": self.tr("Cette semaine"),
            "month": self.tr("Ce mois-ci"),
            "last-month": self.tr("Le mois dernier"),
            "year": self.tr("Cette année"),
            "custom": self.tr("Période choisie…"),
        }
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(PERIODS.index("month"))
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit, name in ((self.start_edit, self.tr("Du")), (self.end_edit, self.tr("Au"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy" if self.lang == "en" else "dd/MM/yyyy")
            edit.setAccessibleName(name)
            edit.setDateRange(QDate(tables.FIRST_DAY), QDate(tables.LAST_DAY))
        self.refresh_button = QPushButton(self.tr("Actualiser (F5)"))
        period_label = QLabel(self.tr("&Période :"))
        period_label.setBuddy(self.period)
        bar = QHBoxLayout()
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        bar.addWidget(QLabel(self.tr("du")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("au")))
        bar.addWidget(self.end_edit)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        return bar

    def _summary(self) -> None:
        """The period's total, large, and the details beside it."""
        self.total = QLabel()
        self.total.setObjectName("statsTotal")
        big = self.total.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        self.total.setFont(big)
        self.total.setAccessibleName(self.tr("Total"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Détails"))

    def _charts(self) -> None:
        """Publics, themes, visits over time and the hours × weekdays grid."""
        self.publics = BarChart(self.tr("Accueils par public"))
        self.themes = BarChart(self.tr("Accueils par thème"))
        self.over_time = LineChart(self.tr("Accueils dans le temps"))
        short_days = [short_weekday(day, self.lang) for day in range(1, 8)]
        self.grid = HeatGrid(
            self.tr("Accueils par heure et jour de la semaine"),
            short_days,
            lambda h: hour_text(h, self.lang),
        )
        empty = self.tr("Aucun accueil sur la période.")
        for chart in (self.publics, self.themes, self.over_time, self.grid):
            chart.empty_text = empty
            chart.lang = self.lang
        self.grid_note = QLabel()
        self.grid_note.setWordWrap(True)
        self.over_time_box = QGroupBox(self.tr("Accueils par jour"))

    def _cross_table(self) -> None:
        """The two dimensions to cross, and the table of their counts."""
        self.rows_dim = QComboBox()
        self.cols_dim = QComboBox()
        for combo, name in (
            (self.rows_dim, self.tr("Lignes")),
            (self.cols_dim, self.tr("Colonnes")),
        ):
            combo.setAccessibleName(name)
            for dim in DIMENSION_LABELS:
                combo.addItem(dimension_label(dim, self.lang), dim)
        self.rows_dim.setCurrentIndex(list(DIMENSION_LABELS).index("public"))
        self.cols_dim.setCurrentIndex(list(DIMENSION_LABELS).index("theme"))
        self.cross_model = CrossModel(self.tr("Total"), self.lang, self)
        self.cross = QTableView()
        self.cross.setModel(self.cross_model)
        self.cross.setAccessibleName(self.tr("Tableau croisé"))
        self.cross.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cross.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cross.setMinimumHeight(self.fontMetrics().height() * 14)
        self.cross_note = QLabel()
        self.cross_note.setWordWrap(True)
        self.outcomes = OutcomeTable(self.lang)
        self.outcomes_note = QLabel(
            self.tr(
                "Ce que les partenaires ont dit des orientations de ce poste, reçu du hub à"
                " chaque synchronisation\u00a0: une orientation est «\u00a0sans nouvelles\u00a0»"
                " 30 jours après sa fiche si personne ne l’a confirmée."
            )
        )
        self.outcomes_note.setWordWrap(True)

    def _page(self) -> QScrollArea:
        """Totals, charts, cross-table and exports, laid out on one scrolling page."""
        head = QHBoxLayout()
        head.addWidget(self.total)
        head.addWidget(self.details, 1)
        publics_box = QGroupBox(self.tr("Publics"))
        QVBoxLayout(publics_box).addWidget(self.publics)
        themes_box = QGroupBox(self.tr("Thèmes"))
        QVBoxLayout(themes_box).addWidget(self.themes)
        QVBoxLayout(self.over_time_box).addWidget(self.over_time)
        grid_box = QGroupBox(self.tr("Heures × jours de la semaine"))
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.addWidget(self.grid)
        grid_layout.addWidget(self.grid_note)
        cross_box = QGroupBox(self.tr("Tableau croisé"))
        cross_layout = QVBoxLayout(cross_box)
        choose = QHBoxLayout()
        rows_label = QLabel(self.tr("&Lignes :"))
        rows_label.setBuddy(self.rows_dim)
        cols_label = QLabel(self.tr("C&olonnes :"))
        cols_label.setBuddy(self.cols_dim)
        for widget in (rows_label, self.rows_dim, cols_label, self.cols_dim):
            choose.addWidget(widget)
        choose.addStretch(1)
        cross_layout.addLayout(choose)
        cross_layout.addWidget(self.cross)
        cross_layout.addWidget(self.cross_note)
        outcomes_box = QGroupBox(self.tr("Suites des orientations"))
        outcomes_layout = QVBoxLayout(outcomes_box)
        outcomes_layout.addWidget(self.outcomes)
        outcomes_layout.addWidget(self.outcomes_note)
        exports = QHBoxLayout()
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            exports.addWidget(button)
        exports.addStretch(1)

        content = QWidget()
        grid = QGridLayout(content)
        grid.addLayout(head, 0, 0, 1, 2)
        grid.addWidget(publics_box, 1, 0)
        grid.addWidget(themes_box, 1, 1)
        grid.addWidget(self.over_time_box, 2, 0)
        grid.addWidget(grid_box, 2, 1)
        grid.addWidget(cross_box, 3, 0, 1, 2)
        grid.addWidget(outcomes_box, 4, 0, 1, 2)
        grid.addLayout(exports, 5, 0, 1, 2)
        grid.addWidget(self.export_note, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(7, 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _connect(self) -> None:
        """What each control does, F5, and the pause after a typed date."""
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self.reload)
        self.rows_dim.currentIndexChanged.connect(lambda _i: self.reload())
        self.cols_dim.currentIndexChanged.connect(lambda _i: self.reload())
        self.csv_button.clicked.connect(self.export_csv)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.export_pdf)
        QShortcut(QKeySequence("F5"), self, self.reload)
        # Typing a date changes it at each key: read once the typing pauses.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(300)
        self._pause.timeout.connect(self.reload)
        self._setting_dates = False

    # --- the period -----------------------------------------------------------------

    def bounds(self) -> tuple[date, date]:
        """The period's dates. A named one ("this month") follows the calendar, and the
        date boxes with it, when the desk stays open past midnight: the screen and every
        export read the same dates."""
        key = self.period.currentData()
        if key != "custom":
            start, end = period_bounds(key, self.desk.intake.today())
            self._setting_dates = True
            self.start_edit.setDate(QDate(start))
            self.end_edit.setDate(QDate(end))
            self._setting_dates = False
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()  # type: ignore[return-value]

    def _period_chosen(self, _index: int = 0) -> None:
        custom = self.period.currentData() == "custom"
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        self.reload()

    def _dates_edited(self, _date: QDate) -> None:
        if not self._setting_dates:
            self._pause.start()

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(PERIODS.index(key))

    # --- reading and showing ----------------------------------------------------------

    def reload(self) -> None:
        """Read the period's figures on the desk's thread, then show them."""
        start, end = self.bounds()
        if end < start:
            self.export_note.setText(
                DeskError("bad_period", start=start.isoformat(), end=end.isoformat()).text(
                    self.lang
                )
            )
            return
        rows_dim, cols_dim = self.rows_dim.currentData(), self.cols_dim.currentData()
        self._asked += 1
        asked = self._asked

        def shown(view: Dashboard) -> None:
            if asked == self._asked:
                self.show_dashboard(view)

        desk, lang = self.desk, self.lang  # the worker gets plain values, not this panel
        self.ops.long_read(lambda: dashboard(desk, start, end, rows_dim, cols_dim, lang)).success(
            shown
        ).failure(self._failed).run(self)

    def show_dashboard(self, view: Dashboard) -> None:
        self.shown = view
        self.total.setText(
            self.tr("%1 accueils").replace("%1", number(view.total, self.lang))
            if view.total > 1 or (view.total == 0 and self.lang == "en")
            else self.tr("%1 accueil").replace("%1", number(view.total, self.lang))
        )
        if view.total:
            average_text = number(view.total / max(view.days_open, 1), self.lang, 1)
            # Each count has its own plural: one message per count, then put together.
            days = self.tr("%Ln jour(s) d’ouverture avec des accueils", "", view.days_open)
            average = self.tr("%1 en moyenne par jour").replace("%1", average_text)
            referred = self.tr(
                "%Ln accueil(s) orienté(s) vers un partenaire", "", view.contacts_referred
            )
            referrals = self.tr("%Ln orientation(s)", "", view.referrals)
            self.details.setText(
                self.tr("%1, %2 ; %3 (%4).")
                .replace("%1", days)
                .replace("%2", average)
                .replace("%3", referred)
                .replace("%4", referrals)
            )
        else:
            self.details.setText(self.tr("Aucun accueil sur la période."))
        self.publics.set_series(view.publics)
        self.themes.set_series(view.themes)
        self.over_time.set_series(view.over_time)
        self.over_time_box.setTitle(
            {
                "day": self.tr("Accueils par jour"),
                "week": self.tr("Accueils par semaine"),
                "month": self.tr("Accueils par mois"),
            }[view.step]
        )
        self.grid.set_cells(view.grid)
        self.grid_note.setText(
            self.tr(
                "%n accueil(s) sans heure précise (saisis avec la date seule).", "", view.no_hour
            )
            if view.no_hour
            else ""
        )
        self.grid_note.setVisible(bool(view.no_hour))
        self.cross_model.set_table(view.cross)
        self.outcomes.set_rows(view.outcomes)
        if view.cross.rows_dim == view.cross.cols_dim:
            self.cross_note.setText(self.tr("Choisissez deux dimensions différentes."))
        elif {view.cross.rows_dim, view.cross.cols_dim} & set(tables.MULTIPLE):
            self.cross_note.setText(
                self.tr(
                    "Un accueil avec deux thèmes (ou réponses, ou partenaires) compte une fois"
                    " sous chacun, et un accueil sans partenaire sous aucun : les cases"
                    " d’une ligne peuvent dépasser son total ou ne pas l’atteindre."
                )
            )
        else:
            self.cross_note.setText("")
        self.sig_shown.emit()

    def _failed(self, error: BaseException) -> None:
        text = error.text(self.lang) if isinstance(error, DeskError) else str(error)
        QMessageBox.warning(self, self.tr("Statistiques indisponibles"), text)
