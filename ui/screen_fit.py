"""Windows and dialogs sized to the screen they open on.

The counter PC has a 1366 × 768 screen; at Windows' 150 % scale that is 911 × 512 logical
pixels, less the task bar. A window asks for the size it would like; it gets that size
bounded by the available area of its screen (its parent's screen for a dialog), and its
frame is kept inside that area when it is shown. Content that can be taller than the
screen sits in a scroll area (``scrolled``) so that a dialog's buttons always show.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QStyle, QWidget


def available_area(widget: QWidget) -> QRect:
    """The available geometry (no task bar) of the screen the window opens on."""
    parent = widget.parentWidget()
    anchor = parent.window() if parent is not None else widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(widget: QWidget) -> QMargins:
    """The window's frame (title bar and borders), or its parent's while it has none yet."""
    for candidate in (widget, widget.parentWidget()):
        if candidate is None:
            continue
        handle = candidate.window().windowHandle()
        if handle is not None:
            return handle.frameMargins()
    return QMargins()


def room(widget: QWidget) -> QSize:
    """The largest size the window's inside can have with its frame on the screen."""
    area = available_area(widget)
    margins = frame_margins(widget)
    return QSize(
        area.width() - margins.left() - margins.right(),
        area.height() - margins.top() - margins.bottom(),
    )


def place(widget: QWidget, wished: QSize | None = None) -> None:
    """Size the window to ``wished`` (its size hint when None) bounded by its screen, and
    move its frame inside the screen's available area."""
    wanted = wished if wished is not None else widget.sizeHint()
    size = wanted.boundedTo(room(widget)).expandedTo(widget.minimumSize())
    if size.isValid():
        widget.resize(size)
    area = available_area(widget)
    margins = frame_margins(widget)
    width = widget.width() + margins.left() + margins.right()
    height = widget.height() + margins.top() + margins.bottom()
    placed = widget.testAttribute(Qt.WidgetAttribute.WA_Moved)
    x, y = widget.x(), widget.y()
    if not placed:
        # Where Qt puts a dialog not moved yet: centred on its parent (here, before Qt
        # would, since moving it tells Qt it is placed).
        parent = widget.parentWidget()
        over = parent.window().frameGeometry() if parent is not None else area
        x = over.center().x() - width // 2
        y = over.center().y() - height // 2
    # pos() is the frame's corner for a window: keep the whole frame on the screen.
    x = max(area.left(), min(x, area.left() + area.width() - width))
    y = max(area.top(), min(y, area.top() + area.height() - height))
    widget.move(x, y)
    # Not a position the agent chose: the next time it opens, it is centred again.
    widget.setAttribute(Qt.WidgetAttribute.WA_Moved, placed)


class _Fitter(QObject):
    """Places its window each time it is shown (its frame and screen are known then)."""

    def __init__(self, widget: QWidget, wished: QSize | None) -> None:
        super().__init__(widget)
        self.wished = wished

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            place(watched, self.wished)
            # A window shown for the first time learns its frame only once the window
            # system has it: placed again then, so that the frame too is on the screen.
            QTimer.singleShot(0, watched, lambda: place(watched, self.wished))
        return False


def fit_to_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Give a window or dialog the size it would like (``width`` × ``height``, else its
    size hint), never more than its screen's available area, and keep it on the screen."""
    wished = QSize(width, height) if width is not None and height is not None else None
    if wished is not None:
        widget.resize(wished.boundedTo(room(widget)))
    fitter = widget.findChild(_Fitter, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if fitter is None:
        widget.installEventFilter(_Fitter(widget, wished))
    else:  # asked again (a subclass knows better): the latest wish counts
        fitter.wished = wished


def show_maximised(window: QMainWindow) -> None:
    """The desk's window over the whole available area; back from maximised, it keeps
    the area's size (nothing remembered from a screen it may no longer be on)."""
    area = available_area(window)
    fit_to_screen(window, area.width(), area.height())
    window.showMaximized()


class WholeScrollArea(QScrollArea):
    """A scroll area that asks for its content's whole size: the window is as tall as the
    content where the screen has room, and scrolls where it has not."""

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * self.frameWidth()
        hint = content.sizeHint()
        return QSize(hint.width() + frame + bar, hint.height() + frame)


def scrolled(content: QWidget) -> WholeScrollArea:
    """``content`` in a frameless scroll area that scrolls vertically only."""
    area = WholeScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields and scrolls to them
    bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    area.setMinimumWidth(content.minimumSizeHint().width() + bar)
    return area
