"""The intake form: one visit, logged in seconds with the keyboard.

Enter or Ctrl+Enter saves; the form then clears and the focus goes back to the first row.
The cursor starts on « Public »: the channel above it has its default already.
A visit of the journal can be loaded back to be corrected (``editing``); Escape gives up.
Escape on a visit being typed clears it, and :meth:`restore` puts it back (Ctrl+Z).
An error shows under the row it concerns and goes once that row is changed.

Signals: ``sig_submit(object)`` with the :class:`ContactDraft` to save (a correction of
``editing`` when that is set); ``sig_orient()`` when the agent asks for partners (F4);
``sig_cleared(object)`` with the :class:`FormState` that Escape has just cleared.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QWidget,
)

from app.intake.contact import ContactDraft, ContactRecord
from app.nomenclature import Nomenclatures
from core.errors import DeskError, ValidationFailed
from core.lang import moment_text
from ui.choice_row import ChoiceRow
from ui.intake_layout import IntakeLayout
from ui.places import Places

_SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
REFERRED = "orientation-partenaire"


@dataclass
class FormState:
    """What the form held: its draft, the partners' names and the commune as typed."""

    draft: ContactDraft
    referrals: dict[str, str] = field(default_factory=dict)
    commune_text: str = ""


class IntakeForm(IntakeLayout, QWidget):
    """Every field of a contact, in the order an agent asks them."""

    sig_submit = Signal(object)
    sig_orient = Signal()
    sig_cleared = Signal(object)

    def __init__(
        self,
        lists: Nomenclatures,
        places: Places,
        lang: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeForm")
        self._lang = lang
        self._geo = places
        self._default_channel = "sur-place"
        self.editing: ContactRecord | None = None
        # Services chosen for the visitor: id -> "structure — service".
        self.referrals: dict[str, str] = {}

        self._questions(lists)
        self._controls()
        order = self._lay_out()
        self._connect(order)
        self.clear()

    def _connect(self, order: list[QWidget]) -> None:
        """Tab order, moving on after a single choice, clearing errors, the shortcuts."""
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        # A single-choice row answered by its key, or a commune picked, moves on at once.
        for row, following in itertools.pairwise(order):
            if isinstance(row, ChoiceRow) and not row.multiple:
                row.sig_picked.connect(following.setFocus)
        self.commune.sig_chosen.connect(lambda _code: self._after_commune())
        for name, widget in self.fields.items():
            if isinstance(widget, ChoiceRow):
                widget.sig_changed.connect(lambda name=name: self._fixed(name))
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _text, name=name: self._fixed(name))
        self.save_button.clicked.connect(self.submit)
        self.orient_button.clicked.connect(self.sig_orient.emit)
        QShortcut(QKeySequence("F4"), self, self.sig_orient.emit)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)

    def _fixed(self, name: str) -> None:
        self.field_errors[name].hide()

    def start(self) -> None:
        """Put the cursor where a visit starts: the first row without an answer by default."""
        self.public.setFocus(Qt.FocusReason.OtherFocusReason)

    def _after_commune(self) -> None:
        if self.commune.hasFocus():
            self.themes.setFocus(Qt.FocusReason.TabFocusReason)

    # --- values -------------------------------------------------------------------

    def set_defaults(self, channel: str, commune: str | None) -> None:
        self._default_channel = channel
        # Proposals nearest to the site's commune first.
        self.commune.model.near = commune or None
        self.commune.model.home = commune or None

    def draft(self) -> ContactDraft:
        return ContactDraft(
            channel=self.channel.value() or "",
            public=self.public.value() or "",
            age=self.age.value() or "",
            gender=self.gender.value() or "",
            commune=self.commune.code() or "",
            themes=self.themes.values(),
            answers=self.answers.values(),
            duration=self.duration.value(),
            first_visit={"oui": True, "non": False}.get(self.first_visit.value() or ""),
            agent_code=self.agent_code.text() or None,
            note=self.note.text() or None,
            referrals=list(self.referrals),
        )

    def set_referrals(self, chosen: dict[str, str]) -> None:
        """The partners chosen for the visitor; choosing one ticks the matching answer."""
        self.referrals = dict(chosen)
        if chosen:
            answers = self.answers.values()
            if REFERRED not in answers:
                self.answers.set_values([*answers, REFERRED])
            self.referral_list.setText(
                self.tr("Orientation vers : %1").replace("%1", " ; ".join(chosen.values()))
            )
        self.referral_list.setVisible(bool(chosen))

    def load(self, record: ContactRecord) -> None:
        """Show a stored visit to correct it; saving then stores a new version of it."""
        self.fill(record)
        self.editing = record
        moment = moment_text(record.moment_local, self._lang)
        self.edit_banner.setText(
            self.tr("Modification de l’accueil du %1 — Échap pour abandonner").replace("%1", moment)
        )
        self.edit_banner.show()
        self.save_button.setText(self.tr("Enregi&strer la modification  (Entrée)"))

    def fill(self, record: ContactRecord) -> None:
        """A stored visit's values as a new visit being typed (nothing marks it stored)."""
        self.restore(
            FormState(
                # A new visit: logged at the moment it is saved again.
                replace(record.draft(), moment=None, time_known=True),
                {r.service_id: f"{r.structure_name} — {r.service_name}" for r in record.referrals},
            )
        )

    def state(self) -> FormState:
        return FormState(self.draft(), dict(self.referrals), self.commune.text())

    def restore(self, state: FormState) -> None:
        """Put back what :meth:`state` took (a visit cleared by Escape, or taken back)."""
        self.clear()
        draft = state.draft
        self.channel.set_values(draft.channel)
        self.public.set_values(draft.public)
        self.age.set_values(draft.age)
        self.gender.set_values(draft.gender)
        if draft.commune:
            self.commune.set_code(draft.commune)
        else:
            self.commune.setText(state.commune_text)
        self.themes.set_values(list(draft.themes))
        self.answers.set_values(list(draft.answers))
        self.duration.set_values(draft.duration)
        if draft.first_visit is not None:
            self.first_visit.set_values("oui" if draft.first_visit else "non")
        self.agent_code.setText(draft.agent_code or "")
        self.set_referrals(state.referrals)
        self.note.setText(draft.note or "")
        self.start()

    def is_blank(self) -> bool:
        """Whether nothing of a visit has been typed (the defaults do not count)."""
        draft = self.draft()
        return not (
            draft.public
            or draft.age
            or draft.gender
            or self.commune.text().strip()
            or draft.themes
            or draft.answers
            or draft.duration
            or draft.first_visit is not None
            or draft.note
            or self.referrals
            or draft.channel != self._default_channel
        )

    def clear(self) -> None:
        self.editing = None
        self.edit_banner.hide()
        self.save_button.setText(self.tr("Enregi&strer l’accueil  (Entrée)"))
        for row in (
            self.public,
            self.age,
            self.gender,
            self.themes,
            self.answers,
            self.duration,
            self.first_visit,
        ):
            row.clear()
        self.channel.clear()
        self.channel.set_values(self._default_channel)
        self.commune.set_code(None)
        self.note.clear()
        self.set_referrals({})
        self.show_error(None)
        self.start()

    def show_error(self, message: str | None) -> None:
        """A message for the whole form (``None`` hides every error shown)."""
        if message is None:
            for label in self.field_errors.values():
                label.hide()
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def show_problems(self, error: DeskError) -> None:
        """Each problem under the row it names, the cursor on the first of those rows."""
        problems = error.problems if isinstance(error, ValidationFailed) else [error]
        self.show_error(None)
        general: list[str] = []
        first: QWidget | None = None
        for name, label in self.field_errors.items():
            texts = [p.text(self._lang) for p in problems if p.field == name]
            if texts and label.isHidden():
                label.setText(" ".join(texts))
                label.show()
                first = first or self.fields[name]
        general = [p.text(self._lang) for p in problems if p.field not in self.field_errors]
        if general:
            self.show_error(" ".join(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        try:
            self.commune.resolve()
        except DeskError as error:
            # A postcode or a name shared by several communes: the agent must pick one.
            self.show_problems(error)
            return
        if REFERRED in self.answers.values() and not self.referrals:
            # The answer says a partner was given: which one is asked for (Enter opens F4).
            self.show_problems(DeskError("referral_needs_partner", field="referral"))
            return
        self.sig_submit.emit(self.draft())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _SAVE_KEYS:
            self.submit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.editing is not None:
            self.clear()  # the correction is given up, the stored visit stays as it was
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and not self.is_blank():
            state = self.state()
            self.clear()
            self.sig_cleared.emit(state)
            event.accept()
            return
        super().keyPressEvent(event)
