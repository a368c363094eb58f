"""« À propos d’Aiguillage »: the version, and the licences of what the desk ships."""

from __future__ import annotations

import html
import platform
from importlib.metadata import PackageNotFoundError, version

from PySide6 import __version__ as qt_binding_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.resources import resource
from core.version import LIBRARIES, app_version
from ui.screen_fit import fit_to_screen


def library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "—"


class AboutDialog(QDialog):
    """Version, purpose and licences; Esc or « Fermer » closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos d’Aiguillage"))
        icon = QLabel()
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen else 1.0
        side = round(64 * ratio)
        pixmap = QPixmap(str(resource("icons", "aiguillage.png"))).scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        pixmap.setDevicePixelRatio(ratio)
        icon.setPixmap(pixmap)
        icon.setAccessibleName(self.tr("Icône d’Aiguillage"))
        self.title = QLabel("<h2>Aiguillage</h2>")
        self.version = QLabel(self.tr("Version %1").replace("%1", app_version()))
        self.version.setObjectName("aboutVersion")
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(
            self.tr(
                "Le poste du premier accueil du Service public régional de l’orientation"
                "\u00a0: noter les accueils sans nommer personne, trouver le bon partenaire,"
                " imprimer la fiche d’orientation."
            )
        )
        purpose.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.version)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)  # web links; a file opens in place
        self.licences.setAccessibleName(self.tr("Licences"))
        self.licences.setHtml(self.licences_html())
        self.licences.setMinimumSize(560, 320)
        fit_to_screen(self, 760, 640)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        assert isinstance(close, QPushButton)
        close.setText(self.tr("&Fermer"))
        buttons.rejected.connect(self.reject)
        self.back = QPushButton(self.tr("&Retour aux licences"))
        self.back.clicked.connect(self.show_licences)
        buttons.addButton(self.back, QDialogButtonBox.ButtonRole.ActionRole)
        self.back.setVisible(False)  # after addButton, which shows it
        # A « texte complet » link shows that text in place (a Markdown file).
        self.licences.sourceChanged.connect(lambda _url: self.back.setVisible(True))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(purpose)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        close.setFocus()

    def show_licences(self) -> None:
        self.licences.setHtml(self.licences_html())
        self.back.setVisible(False)

    def licences_html(self) -> str:
        """The data, fonts and libraries shipped, with their licences (rich text)."""
        texts = _licence_links()
        link = self.tr("texte complet")
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(library_version(name))}</td>"
            f"<td>{html.escape(licence)}</td></tr>"
            for name, licence in LIBRARIES
        )
        items = (
            (
                self.tr(
                    "<b>Communes, EPCI, départements et régions</b>\u00a0: Etalab, découpage"
                    " administratif, 2026 (Code officiel géographique de l’INSEE, DGCL, La"
                    " Poste). Licence Ouverte / Open Licence 2.0."
                ),
                texts["geography"],
            ),
            (
                self.tr(
                    "<b>Annuaire de démonstration</b> «\u00a0Entre Terre et Mer\u00a0», au"
                    " format data·inclusion, coordonnées fictives. Licence Ouverte / Open"
                    " Licence 2.0."
                ),
                texts["demo"],
            ),
        )
        data = "".join(f"<li>{text} <a href='{url}'>{link}</a></li>" for text, url in items)
        fonts = self.tr(
            "<b>DejaVu Sans</b> (fiches et rapports PDF)\u00a0: licence Bitstream Vera,"
            " modifications DejaVu dans le domaine public."
        )
        qt = (
            self.tr("Qt %1 (The Qt Company, LGPL-3.0), PySide %2, Python %3.")
            .replace("%1", qVersion())
            .replace("%2", qt_binding_version)
            .replace("%3", platform.python_version())
        )
        headings = (
            self.tr("Données livrées avec le poste"),
            self.tr("Polices"),
            self.tr("Bibliothèques"),
        )
        columns = "".join(
            f"<th align='left'>{name}</th>"
            for name in (self.tr("Nom"), self.tr("Version"), self.tr("Licence"))
        )
        return (
            f"<h3>{headings[0]}</h3><ul>{data}</ul>"
            f"<h3>{headings[1]}</h3>"
            f"<ul><li>{fonts} <a href='{texts['fonts']}'>{link}</a></li></ul>"
            f"<h3>{headings[2]}</h3>"
            f"<table cellpadding='3'><tr>{columns}</tr>{rows}</table><p>{qt}</p>"
        )


def _licence_links() -> dict[str, str]:
    """Links to the licence texts shipped with the data and the fonts, by name."""
    return {
        # Percent-encoded, apostrophes too: a folder like « D'Arc » stays in the link.
        name: bytes(QUrl.fromLocalFile(str(resource(*parts))).toEncoded().data())
        .decode("ascii")
        .replace("'", "%27")
        for name, parts in (
            ("geography", ("geography", "LICENCE.md")),
            ("demo", ("demo", "README.md")),
            ("fonts", ("fonts", "LICENCE-DejaVu.md")),
        )
    }
