"""« Accueillir une personne orientée » (Ctrl+Shift+A), at a partner that runs Aiguillage:
the agent types or scans the code on the slip the person brings, chooses what followed
(the first choice, « s'est présentée », is the default: Enter alone says the person
came), and Enter keeps it, offline if need be (:mod:`app.referrals.arrivals`). The list
below says what the hub made of the last ones: to send, noted, unknown code. Codes only:
nothing of the person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.referrals import arrivals
from app.referrals.arrivals import ArrivalLine
from core.errors import DeskError
from ui.operations import ops_for
from ui.screen_fit import fit_to_screen


class ArrivalDialog(QDialog):
    """The code, what followed, and the last arrivals with the hub's answers."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.ops = desk, ops_for(parent or self, desk)
        self.setWindowTitle(self.tr("Accueillir une personne orientée"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("K7M-42Q")
        self.code.setMaxLength(200)  # a scanned address, the code after its « # »
        self.said = QComboBox()
        for code, words in self._choices():
            self.said.addItem(words, code)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.last = QListWidget()
        self.last.setAccessibleName(self.tr("Dernières personnes accueillies"))
        form = QFormLayout()
        code_label = QLabel(self.tr("&Code de la fiche\u00a0:"))
        code_label.setBuddy(self.code)
        said_label = QLabel(self.tr("Ce &qui a suivi\u00a0:"))
        said_label.setBuddy(self.said)
        form.addRow(code_label, self.code)
        form.addRow(said_label, self.said)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.keep_button = buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(self.keep)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Une personne vous présente une fiche d’orientation\u00a0: tapez ou lisez son code,"
                " dites ce qui a suivi. Le poste qui a imprimé la fiche le saura à sa"
                " prochaine synchronisation\u00a0; personne n’est nommé."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Dernières personnes accueillies\u00a0:")))
        layout.addWidget(self.last)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 480)
        self.code.setFocus()
        self.reload()

    def _choices(self) -> list[tuple[str, str]]:
        return [
            ("presentee", self.tr("La personne s’est présentée")),
            ("accompagnee", self.tr("Présentée, et accompagnée")),
            ("reorientee", self.tr("Présentée, et réorientée ailleurs")),
            ("non-eligible", self.tr("Présentée, non éligible")),
            ("pas-de-place", self.tr("Présentée, pas de place")),
        ]

    def _answer_words(self, answer: str | None) -> str:
        return {
            None: self.tr("à envoyer"),
            "notee": self.tr("notée au hub"),
            "inconnue": self.tr("code inconnu du hub\u00a0: vérifiez-le sur la fiche"),
            "plus-tard": self.tr("à envoyer de nouveau"),
            "pas-partenaire": self.tr("le hub ne connaît pas ce site comme partenaire"),
        }.get(answer, answer or "")

    def keep(self) -> None:
        """Keep what the counter said; a code that is none is said, and nothing kept."""
        typed, said = self.code.text(), str(self.said.currentData())
        sessions, moment = self.desk.sessions, self.desk.intake.now()

        def kept(line: ArrivalLine) -> None:
            self.message.setText(self.tr("Enregistré\u00a0: %1.").replace("%1", line.code))
            self.code.clear()
            self.said.setCurrentIndex(0)
            self.code.setFocus()
            self.reload()

        def refused(error: BaseException) -> None:
            if not isinstance(error, DeskError):
                self.ops.show_failure(self, error)
                return
            self.message.setText(error.text(self.desk.language))
            self.code.setFocus()
            self.code.selectAll()

        self.ops.write(lambda: arrivals.note(sessions, typed, said, moment)).success(kept).failure(
            refused
        ).run(self)

    def reload(self) -> None:
        sessions = self.desk.sessions
        self.ops.read(lambda: arrivals.recent(sessions)).success(self._show).run(self)

    def _show(self, lines: list[ArrivalLine]) -> None:
        self.last.clear()
        words = dict(self._choices())
        for line in lines:
            self.last.addItem(
                f"{line.day:%d/%m} · {line.code} · {words.get(line.said, line.said)}"
                f" · {self._answer_words(line.answer)}"
            )
