"""Forum mode, at a busy stand: so many visitors of one public with one theme entered at
once (a batch entry: as many contacts, marked with one ``batch``, that count like tallies
from paper), and « repeat the last visit » in one key."""

from __future__ import annotations

import uuid
from dataclasses import replace

from app.intake.contact import ContactDraft, ContactRecord
from app.intake.service import IntakeService
from core.errors import DeskError

LARGEST = 500


def save_batch(intake: IntakeService, draft: ContactDraft, count: int) -> int:
    """``count`` contacts like ``draft``, now, in one transaction; how many. No note (it
    would be one person's) and no referral (a slip is one person's)."""
    if not 1 <= count <= LARGEST:
        raise DeskError("batch_count", limit=LARGEST)
    if draft.referrals:
        raise DeskError("batch_no_referrals")
    clean = intake.validate(intake.received(replace(draft, note=None, moment=None)))
    clean.batch = str(uuid.uuid4())
    with intake.adding() as add:
        add([clean] * count)
    return count


def repeat_last(intake: IntakeService) -> ContactRecord:
    """The day's last contact saved again, now, where the desk receives now: no note, no
    referral."""
    today = intake.contacts_on(intake.today(), include_cancelled=False)
    if not today:
        raise DeskError("nothing_to_repeat")
    record = today[-1]
    draft = replace(
        record.draft(), moment=None, note=None, referrals=[], batch=None, place=None, event=None
    )
    return intake.save(draft)
