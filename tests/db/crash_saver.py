"""A desk that saves, edits and cancels contacts until it is killed (run by test_crash).

``python -m tests.db.crash_saver HOME SEED`` opens the desk database under ``HOME`` and
works on it in a loop. It writes one JSON line per step on stdout, flushed:

- ``{"op": "ready"}`` once the desk is open;
- ``{"op": "begin", "id": …, "state": …}`` before an edit, a cancel or an undo, with the
  state the contact will have (``null``: the contact is gone);
- ``{"op": "ok", "id": …, "state": …}`` only once the service has returned, that is once
  the change is confirmed to the agent;
- ``{"op": "stats", "total": …}`` after a count of the statistics (their facts rebuilt).

A state holds what the test reads back from the database: see :func:`state_of`.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.paths import DeskPaths
from app.stats.queries import compute

CHANNELS = ["sur-place", "telephone", "courriel", "visio", "hors-les-murs"]
PUBLICS = ["scolaire", "etudiant", "jeune-non-scolarise", "demandeur-emploi", "salarie",
           "reconversion", "proche"]  # fmt: skip
AGES = ["moins-16", "16-25", "26-44", "45-54", "55-plus", "non-precise"]
GENDERS = ["femme", "homme", "non-precise"]
COMMUNES = ["13103", "13004", "13047", "13056", "13063", "13097", "13201", "hors-region",
            "non-precise"]  # fmt: skip
THEMES = ["decouvrir-metiers", "choisir-orientation", "trouver-formation", "financer-formation",
          "alternance", "vae", "trouver-emploi", "evolution-professionnelle",
          "creer-entreprise", "mobilite-internationale", "decrochage"]  # fmt: skip
ANSWERS = ["information", "documentation", "outil-autonomie", "orientation-partenaire",
           "rendez-vous"]  # fmt: skip
DURATIONS = [None, "moins-5", "5-15", "15-30", "plus-30"]
SERVICES = [
    "demo-spro-etm--ml-ouest-provence-cej",
    "demo-spro-etm--cio-salon-entretien-orientation",
    "demo-spro-etm--mde-ouest-provence-vae",
    "demo-spro-etm--ft-istres-atelier-cv",
]
NOTES = [None, None, None, "Documentation VAE remise, revient mardi",
         "Cherche une alternance en cuisine"]  # fmt: skip


def draft(rng: random.Random, today: date, *, dated: bool = True) -> ContactDraft:
    """A varied contact; now and then a tally of an earlier day with no time of day."""
    referrals = rng.sample(SERVICES, rng.choice([0, 0, 0, 1, 1, 2]))
    answers = rng.sample(ANSWERS, rng.randint(1, 2))
    if referrals and "orientation-partenaire" not in answers:
        answers.append("orientation-partenaire")
    result = ContactDraft(
        channel=rng.choice(CHANNELS),
        public=rng.choice(PUBLICS),
        age=rng.choice(AGES),
        gender=rng.choice(GENDERS),
        commune=rng.choice(COMMUNES),
        themes=rng.sample(THEMES, rng.randint(1, 3)),
        answers=answers,
        duration=rng.choice(DURATIONS),
        first_visit=rng.choice([None, True, False]),
        note=rng.choice(NOTES),
        referrals=referrals,
    )
    if dated and rng.random() < 0.15:
        day = today - timedelta(days=rng.randint(1, 90))
        result.moment, result.time_known = datetime.combine(day, time(0, 0)), False
    return result


def state_of(d: ContactDraft, *, status: str, version: int, time_known: bool) -> dict[str, Any]:
    """What the database must hold for a contact stored from draft ``d``."""
    return {
        "status": status,
        "version": version,
        "channel": d.channel,
        "public": d.public,
        "commune": d.commune,
        "duration": d.duration,
        "note": d.note,
        "time_known": time_known,
        "themes": sorted(set(d.themes)),
        "answers": sorted(set(d.answers)),
        "referrals": sorted(set(d.referrals)),
    }


def say(line: dict[str, Any]) -> None:
    # One write per line: a kill never leaves half a line that reads as a whole one.
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def main(home: Path, seed: int) -> None:
    rng = random.Random(seed)
    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), load_demo=False)
    today = desk.intake.today()
    say({"op": "ready"})
    mine: dict[str, dict[str, Any]] = {}  # this process's contacts, as confirmed
    just_saved: str | None = None
    while True:
        roll = rng.random()
        active = [i for i, s in mine.items() if s["status"] == "active"]
        if roll < 0.10 and active:
            contact_id = rng.choice(active)
            new = draft(rng, today, dated=False)
            state = state_of(
                new,
                status="active",
                version=mine[contact_id]["version"] + 1,
                time_known=mine[contact_id]["time_known"],
            )
            say({"op": "begin", "id": contact_id, "state": state})
            desk.intake.edit(contact_id, new)
        elif roll < 0.15 and active:
            contact_id = rng.choice(active)
            state = {**mine[contact_id], "status": "cancelled"}
            state["version"] += 1
            say({"op": "begin", "id": contact_id, "state": state})
            desk.intake.cancel(contact_id)
        elif roll < 0.18 and just_saved is not None and desk.intake.can_undo:
            # Never sent nor printed: undo takes the contact away altogether.
            contact_id, state = just_saved, None
            say({"op": "begin", "id": contact_id, "state": None})
            desk.intake.undo_last()
        elif roll < 0.20:
            with desk.sessions() as session:
                total = compute(session, today - timedelta(days=7), today, ["theme"]).total
            say({"op": "stats", "total": total})
            continue
        else:
            new = draft(rng, today)
            record = desk.intake.save(new)
            contact_id = record.id
            state = state_of(new, status="active", version=1, time_known=new.time_known)
        just_saved = contact_id if state is not None and state["version"] == 1 else None
        if state is None:
            mine.pop(contact_id, None)
        else:
            mine[contact_id] = state
        say({"op": "ok", "id": contact_id, "state": state})


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
