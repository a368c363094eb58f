"""Where the desk receives today, on the main window: the status bar says it (« Lieu
d’accueil : au site » or « Saorge · Forum… »), Ctrl+L or a click changes it, and away
from the site the form's channel is « hors les murs ». Forum mode: Ctrl+R saves the day's
last visit again, Ctrl+G the form's visit for several people at once. Mixed into
``MainWindow``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton

from app.desk import Desk
from app.intake.reception import AWAY_CHANNEL, Reception
from core.errors import DeskError
from ui.operations import DeskOps
from ui.table_model import plain_tooltip

if TYPE_CHECKING:
    from ui.intake_form import IntakeForm
    from ui.journal import JournalPanel
    from ui.places import Places

    _Window = QMainWindow
else:
    _Window = object


class WindowReception(_Window):
    desk: Desk
    ops: DeskOps
    form: IntakeForm
    journal: JournalPanel
    places: Places
    lang: str
    here: Reception = Reception()
    _menu_bar: list[QMenu]  # the window's: « Aiguillage », « Affichage », « Aide »
    setting: Callable[[str], Any]  # the window's (ui.window_opening)
    show_notice: Callable[..., None]  # the window's (ui.visit_actions)
    when_open: Callable[[Callable[[], None]], Callable[..., None]]  # (ui.window_opening)

    def _reception_bar(self) -> None:
        """The menu's « Où j’accueille aujourd’hui… » (Ctrl+L); away from the site, the
        status bar says where (a click changes it)."""
        self.reception_button = QPushButton()
        self.reception_button.setObjectName("receptionButton")
        self.reception_button.setFlat(True)
        self.reception_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+L reaches it
        self.reception_button.clicked.connect(self.when_open(self.open_reception))
        self.statusBar().addPermanentWidget(self.reception_button)
        action = self._menu_bar[0].addAction(self.tr("&Où j’accueille aujourd’hui…"))
        action.setShortcut(QKeySequence("Ctrl+L"))
        action.triggered.connect(self.when_open(self.open_reception))
        QShortcut(QKeySequence("Ctrl+R"), self, self.when_open(self.repeat_last))
        QShortcut(QKeySequence("Ctrl+G"), self, self.when_open(self.open_batch))
        self.show_reception(self.here)

    def default_channel(self) -> str:
        """« Hors les murs » away from the site, else the site's own default."""
        return AWAY_CHANNEL if self.here.away else str(self.setting("defaults.channel"))

    def show_reception(self, here: Reception) -> None:
        """The status bar and the form's channel say where the desk receives."""
        self.here = here
        # At the site, nothing to say: the status bar keeps its room (150 %).
        self.reception_button.setVisible(here.away)
        if here.away:
            where = self.places.label(here.place, self.lang) if here.place else here.event_title
            self.reception_button.setText(
                self.tr("Hors les murs\u00a0: %1  (Ctrl+L)").replace("%1", where)
            )
            self.reception_button.setToolTip(plain_tooltip(here.event_title))
        blank = self.form.editing is None and self.form.is_blank()
        self.form.set_defaults(self.default_channel(), str(self.setting("site.commune")))
        if blank:  # a visit begun keeps the channel it has
            self.form.clear()

    def read_reception(self) -> None:
        self.ops.read(self.desk.reception).success(self.show_reception).run(self)

    def open_reception(self) -> None:
        from ui.reception_dialog import ReceptionDialog

        dialog = ReceptionDialog(self.desk, self.ops, self.here, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.show_reception(dialog.chosen) if dialog.chosen else None
        )
        self.reception_dialog = dialog
        dialog.open()

    def repeat_last(self) -> None:
        """« Répéter le dernier accueil »: the day's last visit saved again, now."""
        from app.intake.batches import repeat_last

        intake = self.desk.intake
        self.ops.write(lambda: repeat_last(intake)).success(
            lambda record: self._batch_saved(1, record.moment_local.strftime("%H:%M"))
        ).failure(self._not_repeated).run(self)

    def _not_repeated(self, error: BaseException) -> None:
        text = error.text(self.desk.language) if isinstance(error, DeskError) else str(error)
        self.show_notice(text, undo=False)

    def open_batch(self) -> None:
        """Ctrl+G: the form's visit for several people at once."""
        from ui.batch_dialog import BatchDialog

        draft = self.form.draft()
        lists, lang = self.desk.lists, self.lang
        said = [lists.label(name, code, lang) for name, code in
                (("public", draft.public), ("age", draft.age)) if code]  # fmt: skip
        said += [lists.label("theme", code, lang) for code in draft.themes]
        dialog = BatchDialog(self.desk, self.ops, draft, ", ".join(said) or "—", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(lambda count: self._batch_saved(count, ""))
        self.batch_dialog = dialog
        dialog.open()

    def _batch_saved(self, count: int, at: str) -> None:
        if count == 1:
            text = self.tr("Dernier accueil répété à %1.").replace("%1", at)
        else:
            # By its own context: PySide's tr() finds a mixin's plural forms under the
            # window's class name only.
            text = QCoreApplication.translate(
                "WindowReception", "%n accueil(s) enregistré(s) d’un coup.", None, count
            )
            self.form.clear()
        self.show_notice(text, undo=False)
        self.journal.show_today(quiet=True)
