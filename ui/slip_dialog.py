"""Slips for the visitor: a preview, the print dialog or the remembered printer, or a PDF.

The PDFs are made off the window's thread; a printer that fails says so, and the referrals
stay recorded whatever happens to the paper.

Signals: ``sig_printed(int)`` with the number of slips handed over (printed or saved);
``sig_made()`` each time the slips are made and shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.desk import Desk
from core.errors import DeskError
from ui.file_dialogs import choose_folder
from ui.operations import DeskOps
from ui.screen_fit import fit_to_screen

# (title shown, referral id or None, code, PDF)
Slip = tuple[str, str | None, str, bytes]
Maker = Callable[[str, bool], list[Slip]]
_PRINT_DPI = 300


class SlipDialog(QDialog):
    """Preview and hand over the slips of a visit (or of one service)."""

    sig_printed = Signal(int)
    sig_made = Signal()

    def __init__(
        self, desk: Desk, ops: DeskOps, make: Maker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fiches d’orientation"))
        self.desk = desk
        self.ops = ops
        self._make = make
        self.slips: list[Slip] = []
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.which = QComboBox()
        self.which.setAccessibleName(self.tr("Fiche affichée"))
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for code, label in (("a4", "A4"), ("a5", "A5"), ("receipt", self.tr("Ticket 80 mm"))):
            self.format.addItem(label, code)
        self.format.setCurrentIndex(max(0, self.format.findData(desk.settings.get("slip.format"))))
        self.large = QCheckBox(self.tr("&Gros caractères"))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Aperçu de la fiche"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may name a partner
        self.status.setObjectName("formError")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Imprimer…"))
        printer = str(desk.settings.get("slip.printer")) or self.tr("imprimante par défaut")
        self.direct_button = QPushButton(
            self.tr("Imprimer &directement (%1)").replace("%1", printer)
        )
        self.pdf_button = QPushButton(self.tr("Enregistrer en &PDF…"))
        close = QPushButton(self.tr("Fermer"))
        top = QHBoxLayout()
        top.addWidget(self.which, 1)  # the partner's name: the room the row has
        for widget in (self.format, self.large):
            top.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.direct_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        fit_to_screen(self, 720, 820)
        self.format.currentIndexChanged.connect(lambda _i: self.make_slips())
        self.large.toggled.connect(lambda _b: self.make_slips())
        self.which.currentIndexChanged.connect(self._show)
        self.print_button.clicked.connect(lambda: self.print_slips(ask=True))
        self.direct_button.clicked.connect(lambda: self.print_slips(ask=False))
        # clicked(bool) would reach save_pdf as its folder.
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        close.clicked.connect(self.accept)
        self.make_slips()

    # --- making the slips --------------------------------------------------------------

    def make_slips(self) -> None:
        """Make the slips in the chosen format, off the window's thread, then show them."""
        fmt, large = str(self.format.currentData()), self.large.isChecked()
        make = self._make  # the worker gets the maker and two values, not this dialog
        self._set_busy(True)
        self.ops.long_read(lambda: make(fmt, large)).success(self._rendered).failure(
            self._failed
        ).run(self)

    def _rendered(self, slips: list[Slip]) -> None:
        if not isValid(self.which):
            return  # closed (Escape) before the slips were made
        self.slips = slips
        self.which.blockSignals(True)
        self.which.clear()
        for index, (title, _id, code, _pdf) in enumerate(slips, 1):
            named = f" ({code})" if code else ""  # an event's slip has no code
            self.which.addItem(f"{index}/{len(slips)} — {title}{named}")
        self.which.blockSignals(False)
        self._show(0)
        self._set_busy(False)
        self.sig_made.emit()

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.slips):
            return
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.slips[index][3]))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.direct_button, self.pdf_button):
            button.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        if not isValid(self.status):
            return  # closed meanwhile
        self._set_busy(False)
        self.status.setText(
            error.text(self.desk.language) if isinstance(error, DeskError) else str(error)
        )

    # --- handing them over -------------------------------------------------------------

    def _remember(self, printer: str | None = None) -> None:
        values = {"slip.format": str(self.format.currentData())}
        if printer is not None:
            values["slip.printer"] = printer
        self.ops.save_settings(values).failure(lambda _error: None).run(self)

    def printer(self) -> QPrinter:
        """The remembered printer (the system's default when none was chosen yet)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = str(self.desk.settings.get("slip.printer"))
        if name:
            printer.setPrinterName(name)
        return printer

    def print_slips(self, *, ask: bool, printer: QPrinter | None = None) -> bool:
        """Print every slip; True when the printer took them."""
        printer = printer or self.printer()
        if ask:
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        # Qt forgets a printer name it does not know: say the one the site chose.
        name = printer.printerName() or str(self.desk.settings.get("slip.printer"))
        failure = self.tr(
            "L’impression a échoué (imprimante «\u00a0%1\u00a0»)\u202f: vérifiez qu’elle est"
            " allumée et reliée. Les orientations restent enregistrées."
        ).replace("%1", name or self.tr("par défaut"))
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        if to_file and not printer.outputFileName():
            # No printing system here at all (Qt fell back to PDF with nowhere to write).
            self.status.setText(failure)
            return False
        wanted = str(self.desk.settings.get("slip.printer"))
        known = printer.printerName() or QPrinterInfo.defaultPrinter().printerName()
        if not to_file and (
            not known or (wanted and printer.printerName() != wanted and ask is False)
        ):
            self.status.setText(failure)
            return False
        painter = QPainter()
        started = False
        for _title, _id, _code, pdf in self.slips:
            if not self._paint(printer, painter, pdf, started):
                if started:
                    painter.end()
                self.status.setText(failure)
                return False
            started = True
        if started:
            painter.end()
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            self._remember(name)
        self._handed_over()
        self.status.setText(self.tr("%n fiche(s) envoyée(s) à l’imprimante.", "", len(self.slips)))
        return True

    def _paint(self, printer: QPrinter, painter: QPainter, pdf: bytes, started: bool) -> bool:
        document = QPdfDocument()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            size = QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point)
            # The slip has its own margins: the printer draws the page whole.
            printer.setFullPage(True)
            printer.setPageLayout(
                QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            )
            if not started:
                if not painter.begin(printer):
                    return False
                started = True
            elif not printer.newPage():
                return False
            scale = _PRINT_DPI / 72
            image: QImage = document.render(
                page, QSizeF(points.width() * scale, points.height() * scale).toSize()
            )
            target = QRectF(QPointF(0, 0), QSizeF(painter.viewport().size()))
            painter.drawImage(target, image)
        document.close()
        return True

    def save_pdf(self, folder: Path | None = None) -> list[Path]:
        """Save each slip as a PDF file; returns the files written."""
        if folder is None:
            folder = choose_folder(self, self.desk, self.tr("Enregistrer les fiches dans…"))
            if folder is None:
                return []
        written = []
        for index, (_title, _id, code, pdf) in enumerate(self.slips, 1):
            name = f"fiche-orientation-{code}" if code else f"fiche-evenement-{index}"
            target = folder / f"{name}.pdf"
            target.write_bytes(pdf)
            written.append(target)
        self._remember()
        self._handed_over()
        self.status.setText(self.tr("%n fiche(s) enregistrée(s).", "", len(written)))
        return written

    def _handed_over(self) -> None:
        ids = [referral for _t, referral, _c, _p in self.slips if referral]
        self.ops.mark_printed(ids).run(self)
        self.sig_printed.emit(len(self.slips))
