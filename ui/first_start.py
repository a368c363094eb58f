"""The first start: the site's identity, then the hub or the demo directory."""

from __future__ import annotations

from urllib.parse import urlparse

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.desk import Desk
from app.errors import DeskError
from ui.screen_fit import fit_to_screen
from ui.settings_dialog import SiteIdentity


class IdentityPage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Votre point d’accueil"))
        self.setSubTitle(self.tr("Ces informations figurent sur les fiches remises aux visiteurs."))
        self.desk = desk
        self.identity = SiteIdentity(desk)
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
        try:
            self.desk.settings.set_texts(values)
        except DeskError as error:
            self.error.setText(error.text(self.desk.language))
            self.error.show()
            return False
        return True


class ModePage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Annuaire et synchronisation"))
        self.desk = desk
        self.offline = QRadioButton(
            self.tr("Travailler &hors ligne avec l’annuaire de démonstration")
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
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        for widget in (self.offline, self.hub, self.url, self.code, self.explain, self.error):
            layout.addWidget(widget)
        self.hub.toggled.connect(self._toggle)
        self._toggle(False)

    def _toggle(self, hub: bool) -> None:
        for widget in (self.url, self.code, self.explain):
            widget.setEnabled(hub)

    def validatePage(self) -> bool:
        settings = self.desk.settings
        if self.offline.isChecked():
            settings.set("site.configured", True)
            return True
        url = self.url.text().strip()
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            self.error.setText(
                self.tr("Adresse du hub : « %1 » n’est pas une adresse web (https://…).").replace(
                    "%1", url
                )
            )
            self.error.show()
            return False
        if not self.code.text().strip():
            self.error.setText(self.tr("Code d’inscription : à renseigner."))
            self.error.show()
            return False
        settings.set("hub.url", url)
        settings.set("hub.pending_code", self.code.text().strip())
        settings.set("site.configured", True)
        return True


class FirstStartWizard(QWizard):
    """Two pages: identity, then hub or demo. Shown once, on a desk never set up."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bienvenue dans Aiguillage"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.identity_page = IdentityPage(desk)
        self.mode_page = ModePage(desk)
        self.addPage(self.identity_page)
        self.addPage(self.mode_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Précédent"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Commencer"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Plus tard"))
        fit_to_screen(self, 620, 420)
