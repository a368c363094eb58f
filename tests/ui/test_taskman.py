"""The window's workers hold no Qt object, and Python's cycle collector runs on the GUI
thread only: a wrapper of a widget, pixmap or document is never freed on a worker (a segfault
under load when it was)."""

from __future__ import annotations

import functools
import gc
import threading
import weakref
from collections.abc import Iterator
from concurrent.futures import Future

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.gui_gc import collect_on_gui_thread
from ui.taskman import TaskManager, qt_objects_in


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


class Holder:
    """A plain object of the window's own, holding a widget (as a panel's helper would)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget


Holder.__module__ = "ui.example"


# More than a generation's threshold (700) of objects left in cycles.
GARBAGE = 400


class Dialogish(QObject):
    """A Qt object of the window's, with a Python attribute (as every panel has)."""

    me: QObject  # looked into as the window's own objects are


def test_a_callable_reaching_a_qt_object_is_found(qapp: QApplication) -> None:
    label = QLabel("x")
    pixmap = QPixmap(4, 4)
    holder = Holder(label)
    reaching = [
        lambda: label.text(),  # a closure over a widget
        label.text,  # a widget's bound method
        functools.partial(print, pixmap),  # a pixmap in a partial
        lambda: [holder],  # a widget inside the window's own object
        lambda: {"rows": [(1, pixmap)]},  # deep in plain containers
    ]
    for fn in reaching:
        assert list(qt_objects_in(fn)), fn
    desk_like = {"name": "Accueil"}
    plain = [lambda: desk_like["name"], functools.partial(sorted, [3, 1, 2]), len]
    for fn in plain:
        assert not list(qt_objects_in(fn)), fn


def test_the_task_manager_refuses_a_worker_holding_a_widget(
    qtbot: QtBot, tasks: TaskManager
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    assert TaskManager.check_callables  # the window's tests switch it on
    with pytest.raises(TypeError, match="Qt object"):
        tasks.submit(lambda: widget.objectName(), lambda _r: None, lambda _e: None)
    name = widget.objectName()  # read on the GUI thread, handed over as a value
    got: list[str] = []
    tasks.submit(lambda: name.upper(), got.append, lambda _e: None)
    qtbot.waitUntil(lambda: got == [name.upper()], timeout=10_000)


def test_cycles_are_collected_on_the_gui_thread_never_on_a_worker(
    qtbot: QtBot, tasks: TaskManager
) -> None:
    collector = collect_on_gui_thread()
    assert not gc.isenabled()
    gc.collect()
    freed_on: list[str] = []

    def garbage() -> None:
        # Objects of the GUI thread left in cycles, as a closed dialog's wrapper is.
        for _ in range(GARBAGE):
            obj = Dialogish()
            obj.me = obj
            weakref.finalize(obj, lambda: freed_on.append(threading.current_thread().name))

    garbage()

    def allocate() -> int:
        # Enough allocation that CPython's automatic collection would start here.
        return len([[i] for i in range(200_000)])

    results: list[int] = []
    with qtbot.waitSignal(tasks.sig_done, timeout=30_000):
        tasks.submit(allocate, results.append, lambda _e: None, read=True)
    assert results == [200_000]
    assert not [name for name in freed_on if name != "MainThread"]
    # The GUI thread collects them: when the result came back, or on the timer.
    qtbot.waitUntil(lambda: len(freed_on) == GARBAGE, timeout=5_000)
    assert set(freed_on) == {"MainThread"}
    assert collector.collections > 0


def test_an_answer_ready_before_submit_returns_is_handed_over_after_it(
    qtbot: QtBot, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read that finished while the window's thread was descheduled (its future done
    before ``submit`` adds its callback) is handed over once ``submit`` has returned it:
    the commune field, which keeps the future it was given to tell the newest search from
    older ones, would otherwise drop the answer (a flake of the 150 % counter run)."""
    ready: Future[str] = Future()
    ready.set_result("Charleval")
    monkeypatch.setattr(tasks._readers, "submit", lambda _fn: ready)
    order: list[str] = []
    returned = tasks.submit(lambda: "Charleval", order.append, lambda _e: None, read=True)
    order.append("returned")
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert returned is ready and order == ["returned", "Charleval"]
