"""A plausible month of visits at a Cité des métiers, for screenshots, the report's sample
pages and trying the statistics: publics with their usual questions, more visits in the
morning and none at lunch, a few calls, a quiet Saturday morning, referrals to the demo
directory's partners. Everything is drawn from a seeded generator: the same every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.desk import Desk
from app.intake.contact import ContactDraft
from core.hours import open_at


@dataclass(frozen=True)
class _Profile:
    public: str
    weight: int
    ages: tuple[str, ...]
    themes: tuple[str, ...]
    partners: tuple[str, ...]


_DEMO = "demo-spro-etm--"
PROFILES = (
    _Profile("demandeur-emploi", 30, ("26-44", "45-54", "16-25", "55-plus"),
             ("trouver-emploi", "trouver-formation", "financer-formation", "creer-entreprise"),
             ("ft-istres-atelier-cv", "ft-istres-cep", "cci-amp-reunion-creer")),
    _Profile("jeune-non-scolarise", 18, ("16-25",),
             ("alternance", "trouver-emploi", "trouver-formation", "mobilite-internationale"),
             ("ml-ouest-provence-cej", "ml-ouest-provence-accompagnement-16-25",
              "cmar-paca-apprentissage")),
    _Profile("scolaire", 14, ("moins-16", "16-25"),
             ("decouvrir-metiers", "choisir-orientation", "alternance", "decrochage"),
             ("cio-martigues-istres-entretien-orientation", "cio-martigues-istres-mlds")),
    _Profile("salarie", 14, ("26-44", "45-54"),
             ("evolution-professionnelle", "vae", "financer-formation"),
             ("transitions-pro-paca-ptp", "mde-ouest-provence-vae")),
    _Profile("reconversion", 9, ("26-44", "45-54"),
             ("evolution-professionnelle", "trouver-formation", "financer-formation", "vae"),
             ("transitions-pro-paca-demissionnaire", "ft-istres-cep")),
    _Profile("etudiant", 6, ("16-25",),
             ("choisir-orientation", "mobilite-internationale", "trouver-emploi"),
             ("cio-arles-parcoursup", "espace-pluriel-jeunes-istres-partir-etranger")),
    _Profile("independant", 3, ("26-44", "45-54"), ("creer-entreprise", "financer-formation"),
             ("cci-amp-formalites-creation", "cmar-paca-creation")),
    _Profile("proche", 4, ("45-54", "26-44"), ("choisir-orientation", "alternance"), ()),
    _Profile("sans-activite", 2, ("55-plus", "45-54"), ("trouver-emploi", "vie-quotidienne"),
             ("cap-emploi-13-accompagnement-emploi",)),
)  # fmt: skip
COMMUNES = (
    ("13047", 40), ("13063", 14), ("13056", 12), ("13103", 7), ("13004", 6), ("13044", 5),
    ("13054", 4), ("13078", 3), ("13097", 3), ("13117", 2), ("hors-region", 2),
)  # fmt: skip
# Visits by hour of a weekday; the counter is shut from 12:30 to 13:30.
SITE_HOURS = "Mo-Fr 09:00-12:30,13:30-18:00; Sa 09:00-12:00; PH off"
HOURS = ((9, 10), (10, 14), (11, 12), (12, 4), (13, 3), (14, 10), (15, 11), (16, 8), (17, 4))


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _w in weighted], [w for _c, w in weighted])[0]


def visits(first: date, last: date, seed: int = 2026) -> list[ContactDraft]:
    """The drafts of a plausible activity from ``first`` to ``last``, in time order."""
    rng = random.Random(seed)
    drafts: list[ContactDraft] = []
    day = first
    while day <= last:
        weekday = day.isoweekday()
        if not open_at(SITE_HOURS, datetime.combine(day, time(10))):
            day += timedelta(days=1)
            continue
        count = rng.randint(3, 7) if weekday == 6 else rng.randint(12, 24)
        hours = HOURS[:3] if weekday == 6 else HOURS
        for _ in range(count):
            hour = int(rng.choices([h for h, _w in hours], [w for _h, w in hours])[0])
            minute = rng.randrange(30 if hour == 12 else 60) + (30 if hour == 13 else 0)
            minute = min(minute, 59)
            profile = rng.choices(PROFILES, [p.weight for p in PROFILES])[0]
            themes = rng.sample(profile.themes, k=1 if rng.random() < 0.7 else 2)
            answers = ["information"]
            referrals: list[str] = []
            if profile.partners and rng.random() < 0.35:
                referrals = [_DEMO + rng.choice(profile.partners)]
                answers = ["orientation-partenaire"]
            elif rng.random() < 0.3:
                answers = [rng.choice(["documentation", "outil-autonomie", "rendez-vous"])]
            channel = _pick(
                rng, (("sur-place", 78), ("telephone", 16), ("courriel", 4), ("visio", 2))
            )
            drafts.append(
                ContactDraft(
                    channel=channel,
                    public=profile.public,
                    age=rng.choice(profile.ages),
                    gender=_pick(rng, (("femme", 52), ("homme", 45), ("non-precise", 3))),
                    commune=_pick(rng, COMMUNES),
                    themes=sorted(themes),
                    answers=answers,
                    duration=_pick(
                        rng, (("moins-5", 15), ("5-15", 50), ("15-30", 28), ("plus-30", 7))
                    ),
                    moment=datetime.combine(day, time(hour, minute)),
                    referrals=referrals,
                )
            )
        day += timedelta(days=1)
    drafts.sort(key=lambda d: d.moment or datetime.min)
    return drafts


def log_visits(desk: Desk, first: date, last: date, seed: int = 2026) -> int:
    """Log the plausible activity through the intake service, as the counter would."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Paris")
    drafts = visits(first, last, seed)
    for draft in drafts:
        assert draft.moment is not None
        draft.moment = draft.moment.replace(tzinfo=zone)
        desk.intake.save(draft)
    return len(drafts)
