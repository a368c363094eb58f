"""Small charts drawn with QPainter in the system's palette: horizontal bars, a line over
time and an hour × weekday grid. Each one also tells its figures to a screen reader (its
accessible description) and in a tooltip-free text form for the tests.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.report.text import number

Series = list[tuple[str, int]]


class _Chart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.empty_text = ""
        self.lang = "fr"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        palette = self.palette()
        return (
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Mid),
        )

    def _draw_empty(self, painter: QPainter) -> None:
        painter.setPen(self._colours()[1])
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)

    def number(self, value: int) -> str:
        return number(value, self.lang)


class _SeriesChart(_Chart):
    """A chart of one series of (label, count), described to screen readers as such."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.series: Series = []

    def set_series(self, series: Series) -> None:
        self.series = series
        self.setAccessibleDescription("; ".join(f"{label}, {n}" for label, n in series))
        self.updateGeometry()  # a bar chart's height follows its number of bars
        self.update()


class BarChart(_SeriesChart):
    """Horizontal bars, one line per label, the count at the end of each bar."""

    def _line(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        return QSize(320, max(3, len(self.series)) * self._line() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.series:
            self._draw_empty(painter)
            return
        bar, text, _mid = self._colours()
        metrics = self.fontMetrics()
        line = self._line()
        width = self.width()
        widest = max(metrics.horizontalAdvance(s[0]) for s in self.series)
        label_width = min(widest + 14, width // 2)
        count_width = metrics.horizontalAdvance(self.number(max(n for _l, n in self.series))) + 8
        room = max(width - label_width - count_width, 10)
        top = max(n for _l, n in self.series) or 1
        for i, (label, count) in enumerate(self.series):
            y = 2 + i * line
            painter.setPen(text)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                shown,
            )
            length = room * count / top
            painter.fillRect(QRectF(label_width, y + 3, max(length, 1), line - 6), bar)
            painter.drawText(
                QRectF(label_width + length + 4, y, count_width, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.number(count),
            )


class LineChart(_SeriesChart):
    """Counts over time: a line with its points, the highest value marked, first and last
    labels under the axis."""

    def sizeHint(self) -> QSize:
        return QSize(360, self.fontMetrics().height() * 9)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() * 7)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not any(n for _l, n in self.series):
            self._draw_empty(painter)
            return
        line_colour, text, mid = self._colours()
        metrics = self.fontMetrics()
        top = max(n for _l, n in self.series)
        left = metrics.horizontalAdvance(self.number(top)) + 8
        bottom = metrics.height() + 6
        area = QRectF(left, metrics.height() / 2, self.width() - left - 8, 0)
        area.setBottom(self.height() - bottom)
        painter.setPen(QPen(mid, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.setPen(text)
        for value, y in ((top, area.top()), (0, area.bottom())):
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.number(value),
            )
        count = len(self.series)
        step = area.width() / max(count - 1, 1)
        points = [
            QPointF(area.left() + i * step if count > 1 else area.center().x(),
                    area.bottom() - area.height() * n / top)
            for i, (_l, n) in enumerate(self.series)
        ]  # fmt: skip
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(line_colour, 2))
        painter.drawPath(path)
        painter.setBrush(line_colour)
        radius = 2.5 if count > 40 else 3.5
        for point in points:
            painter.drawEllipse(point, radius, radius)
        painter.setPen(text)
        first, last = self.series[0][0], self.series[-1][0]
        y = area.bottom() + 4
        painter.drawText(QRectF(area.left(), y, area.width() / 2, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, first)  # fmt: skip
        if count > 1:
            painter.drawText(QRectF(area.center().x(), y, area.width() / 2, metrics.height()),
                             Qt.AlignmentFlag.AlignRight, last)  # fmt: skip


class HeatGrid(_Chart):
    """Hours in columns, weekdays in lines, each cell shaded by its count and showing it."""

    def __init__(
        self,
        name: str,
        weekdays: list[str],
        hour_text: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(name, parent)
        self.weekdays = weekdays
        self.hour_text = hour_text
        self.cells: dict[tuple[int, int], int] = {}
        self.hours = list(range(8, 19))

    def set_cells(self, cells: dict[tuple[int, int], int]) -> None:
        self.cells = cells
        used = [h for (_d, h) in cells]
        # Opening hours at least; any visit outside them widens the grid.
        self.hours = list(range(min([8, *used]), max([18, *used]) + 1))
        self.setAccessibleDescription(
            "; ".join(
                f"{self.weekdays[d - 1]} {self.hour_text(h)}, {n}"
                for (d, h), n in sorted(cells.items())
            )
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, (self.fontMetrics().height() + 8) * 8 + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self.cells:
            self._draw_empty(painter)
            return
        shade, text, mid = self._colours()
        metrics = self.fontMetrics()
        line = metrics.height() + 8
        left = max(metrics.horizontalAdvance(d) for d in self.weekdays) + 10
        cell = (self.width() - left - 2) / len(self.hours)
        top = max(self.cells.values()) or 1
        painter.setPen(text)
        for j, hour in enumerate(self.hours):
            # The bare number when "10 h" would touch its neighbour (large scales).
            head = self.hour_text(hour)
            if metrics.horizontalAdvance(head) > cell - 6:
                head = str(hour)
            painter.drawText(
                QRectF(left + j * cell, 0, cell, line), Qt.AlignmentFlag.AlignCenter, head
            )
        for day in range(1, 8):
            y = day * line
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, left - 8, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.weekdays[day - 1],
            )
            for j, hour in enumerate(self.hours):
                rect = QRectF(left + j * cell + 1, y + 1, cell - 2, line - 2)
                count = self.cells.get((day, hour), 0)
                colour = QColor(shade)
                colour.setAlphaF(0.08 + 0.92 * count / top if count else 0.0)
                painter.fillRect(rect, colour)
                painter.setPen(QPen(mid, 0.5))
                painter.drawRect(rect)
                if count:
                    # Dark text on pale cells, the highlight's text colour on strong ones.
                    strong = count / top > 0.55
                    painter.setPen(
                        self.palette().color(QPalette.ColorRole.HighlightedText) if strong else text
                    )
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.number(count))
