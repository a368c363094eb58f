"""The first start: the site's identity, then the hub or the demo directory."""

from __future__ import annotations

from urllib.parse import urlparse

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.desk import Desk
from app.sync.client import TlsFailure, Transient
from core.errors import DeskError
from core.wire import parse_enrolment
from ui.operations import ops_for
from ui.screen_fit import fit_to_screen
from ui.settings_dialog import SiteIdentity
from ui.sync_worker import SyncScheduler


class IdentityPage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Votre point d’accueil"))
        self.setSubTitle(self.tr("Ces informations figurent sur les fiches remises aux visiteurs."))
        self.desk = desk
        self._stored: dict[str, str] | None = None  # the identity stored, once it is
        self.identity = SiteIdentity(desk, ops_for(self, desk))
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.identity)
        layout.addWidget(self.error)

    def validatePage(self) -> bool:
        try:
            values = self.identity.values()
        except DeskError as error:
            self.error.setText(error.text(self.desk.language))
            self.error.show()
            return False
        if not values["site.name"].strip():
            self.error.setText(self.tr("Nom du site : à renseigner."))
            self.error.show()
            return False
        if values == self._stored:
            return True
        # Stored on the desk's writer; once stored, the wizard moves on by itself.
        self.error.hide()
        ops_for(self, self.desk).save_settings(values).success(
            lambda _stored: self._moved_on(values)
        ).failure(self._refused).run(self)
        return False

    def _moved_on(self, values: dict[str, str]) -> None:
        self._stored = values
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _refused(self, error: BaseException) -> None:
        message = error.text(self.desk.language) if isinstance(error, DeskError) else str(error)
        self.error.setText(message)
        self.error.show()


class ModePage(QWizardPage):
    """Offline with the demo directory, or the hub: « Commencer » enrols right here, on the
    sync's thread, and the page says how it went before the wizard closes."""

    def __init__(self, desk: Desk, scheduler: SyncScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Annuaire et synchronisation"))
        self.desk = desk
        self.scheduler = scheduler
        self.busy = False
        self._stored = False  # the choice stored, once it is: « Commencer » then closes
        # "enrolled", or "kept" (the hub did not answer: the code waits), for ``tried``.
        self.outcome: str | None = None
        self.tried: tuple[str, str] | None = None
        self.offline = QRadioButton(
            self.tr("Travailler hors &ligne avec l’annuaire de démonstration")
        )
        self.hub = QRadioButton(self.tr("S’inscrire auprès du &hub régional"))
        self.offline.setChecked(True)
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Adresse du hub régional"))
        self.url.setPlaceholderText("https://hub.orientation.example.org")
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Code d’inscription"))
        self.code.setPlaceholderText(self.tr("Code d’inscription donné par la coordination"))
        self.explain = QLabel(
            self.tr(
                "La coordination régionale crée votre site sur le hub et vous donne un code"
                " d’inscription à usage unique."
            )
        )
        self.explain.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: how long the hub takes is not known
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Inscription en cours"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("enrolStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.hide()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        shown: tuple[QWidget, ...] = (self.offline, self.hub, self.url, self.code, self.explain)
        for widget in (*shown, self.progress, self.status, self.error):
            layout.addWidget(widget)
        kept = scheduler.pending_enrolment()
        if kept is not None:  # typed at an earlier start, the hub did not answer
            self.hub.setChecked(True)
            self.url.setText(kept[0])
            self.code.setText(kept[1])
        self.hub.toggled.connect(lambda _on: self._enable())
        self.url.textChanged.connect(self._split_enrolment)
        scheduler.sig_enrolled.connect(self._enrolled)
        self._enable()

    def _enable(self) -> None:
        free = not self.busy and self.outcome != "enrolled"
        self.offline.setEnabled(free)
        self.hub.setEnabled(free)
        for widget in (self.url, self.code, self.explain):
            widget.setEnabled(free and self.hub.isChecked())

    def _split_enrolment(self, text: str) -> None:
        parsed = parse_enrolment(text)  # the console's QR code, typed by a scanner
        if parsed is not None:
            self.url.setText(parsed[0])
            self.code.setText(parsed[1])

    def isComplete(self) -> bool:
        return not self.busy and super().isComplete()

    def validatePage(self) -> bool:
        if self._stored:
            return True
        if self.busy:
            return False
        if self.offline.isChecked():
            values: dict[str, object] = {}
            if not self.scheduler.enrolled():
                # The hub given up: no code waits for it, no retry at the next start.
                values = {"hub.pending_code": "", "hub.url": ""}
            return self._store({**values, "site.configured": True})
        url, code = self.url.text().strip(), self.code.text().strip()
        if self.outcome is not None and self.tried == (url, code):
            return self._store({"site.configured": True})
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            self._say_error(
                self.tr("Adresse du hub : « %1 » n’est pas une adresse web (https://…).").replace(
                    "%1", url
                )
            )
            return False
        if not code:
            self._say_error(self.tr("Code d’inscription : à renseigner."))
            return False
        self.tried, self.outcome = (url, code), None
        self.error.hide()
        self.status.setText(self.tr("Inscription auprès du hub…"))
        self.status.show()
        self.progress.show()
        self._set_busy(True)
        self.scheduler.enrol(url, code)
        return False

    def _store(self, values: dict[str, object]) -> bool:
        """Store the choice on the desk's writer, then finish; the wizard waits for it."""

        def stored(_result: None) -> None:
            self._stored = True
            wizard = self.wizard()
            if wizard is not None:
                wizard.button(QWizard.WizardButton.FinishButton).click()

        ops_for(self, self.desk).set_settings(values).success(stored).failure(
            lambda error: self._say_error(
                error.text(self.desk.language) if isinstance(error, DeskError) else str(error)
            )
        ).run(self)
        return False

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable()
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            # After completeChanged, which gives the back button back.
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
            if busy:
                wizard.button(QWizard.WizardButton.CancelButton).setFocus()

    def _enrolled(self, result: object) -> None:
        if not self.busy and self.outcome != "kept":
            return  # not this page's try, nor a retry of the code it kept
        self.progress.hide()
        self.busy = False
        self.outcome = None
        if isinstance(result, dict):
            self.outcome = "enrolled"
            self._say(
                self.tr(
                    "Poste inscrit auprès du hub régional : site « %1 »."
                    " L’annuaire de la région est en cours de récupération ; il remplacera"
                    " l’annuaire de démonstration."
                ).replace("%1", str(result.get("site_name", "")))
            )
        elif isinstance(result, Transient) and not isinstance(result, TlsFailure):
            self.outcome = "kept"
            self._say(
                self.tr(
                    "Le hub régional ne répond pas pour l’instant (%1). En attendant, ce poste"
                    " fonctionne hors ligne avec l’annuaire de démonstration. L’inscription"
                    " sera retentée à chaque démarrage, ou depuis le menu Aiguillage ›"
                    " S’inscrire auprès du hub, sans rien ressaisir : le code est gardé."
                ).replace("%1", self.tried[0] if self.tried else "")
            )
        else:
            self.status.hide()
            self._say_error(self._refusal(result))
        self._set_busy(False)
        wizard = self.wizard()
        if wizard is not None and self.outcome is not None:
            wizard.button(QWizard.WizardButton.FinishButton).setFocus()
        elif self.outcome is None and self.hub.isChecked():
            self.code.setFocus()
            self.code.selectAll()

    def _refusal(self, result: object) -> str:
        url = self.tried[0] if self.tried else ""
        if not isinstance(result, DeskError):
            return str(result)
        if result.key in ("hub_bad_code", "hub_expired_code", "hub_used_code"):
            return self.tr(
                "Code d’inscription refusé par le hub : il est inconnu, déjà utilisé ou"
                " expiré. Demandez un nouveau code à la coordination régionale et saisissez-le"
                " ci-dessus, ou travaillez hors ligne en attendant."
            )
        if isinstance(result, TlsFailure):
            return self.tr(
                "Connexion sécurisée impossible avec « %1 » : son certificat est"
                " refusé. Vérifiez l’adresse donnée par la coordination régionale."
            ).replace("%1", url)
        if result.key in ("hub_bad_answer", "hub_refused"):
            return self.tr(
                "« %1 » ne répond pas comme un hub Aiguillage. Vérifiez l’adresse"
                " donnée par la coordination régionale."
            ).replace("%1", url)
        return result.text(self.desk.language)

    def _say(self, text: str) -> None:
        self.error.hide()
        self.status.setText(text)
        self.status.show()

    def _say_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class FirstStartWizard(QWizard):
    """Two pages: identity, then hub or demo. Shown once, on a desk never set up."""

    def __init__(self, desk: Desk, scheduler: SyncScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bienvenue dans Aiguillage"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.identity_page = IdentityPage(desk)
        self.mode_page = ModePage(desk, scheduler)
        self.addPage(self.identity_page)
        self.addPage(self.mode_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Précédent"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Commencer"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Plus tard"))
        fit_to_screen(self, 620, 420)
