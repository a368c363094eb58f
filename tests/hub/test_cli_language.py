"""``aiguillage-hub`` speaks French by default and English when ``AIGUILLAGE_LANG`` asks
for it: its help, argparse's own words, what a command did, and its errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from hub import checks, cli

ROOT = Path(__file__).resolve().parents[2]


class Run(Protocol):
    def __call__(self, *argv: str, stdin: str = "") -> tuple[int, str, str]: ...


def command(*argv: str, lang: str = "") -> subprocess.CompletedProcess[str]:
    """``aiguillage-hub`` run as a person runs it, in a process of its own."""
    env = {k: v for k, v in os.environ.items() if k != "AIGUILLAGE_LANG"}
    env["PYTHONPATH"] = str(ROOT)
    if lang:
        env["AIGUILLAGE_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "hub.cli", *argv], capture_output=True, text=True, env=env,
        check=False, timeout=60,
    )  # fmt: skip


def test_the_help_is_in_french_by_default_with_argparse_s_own_words() -> None:
    done = command("user", "add", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage\u00a0: aiguillage-hub user add [-h] [--name NOM]")
    assert "affiche cette aide et quitte" in done.stdout
    assert "lit le mot de passe sur l’entrée standard" in done.stdout
    assert "IDENTIFIANT" in done.stdout
    top = command("--help").stdout
    assert "Le hub régional d’Aiguillage." in top
    assert "les comptes de la console de coordination" in top


def test_the_help_is_in_english_when_asked() -> None:
    done = command("user", "add", "--help", lang="en")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: aiguillage-hub user add [-h] [--name NAME]")
    assert "show this help message and exit" in done.stdout
    assert "read the password from standard input" in done.stdout
    assert "LOGIN" in done.stdout and "IDENTIFIANT" not in done.stdout
    top = command("--help", lang="en").stdout
    assert "Aiguillage's regional hub." in top
    assert "the coordination console's accounts" in top and "les comptes" not in top


def test_a_mistyped_command_is_told_in_the_language() -> None:
    french = command("user")
    assert french.returncode == 2
    assert french.stderr.splitlines()[-1] == (
        "aiguillage-hub user\u00a0: erreur\u00a0: arguments obligatoires manquants\u00a0: ACTION"
    )
    english = command("user", lang="en")
    assert english.returncode == 2
    assert english.stderr.splitlines()[-1] == (
        "aiguillage-hub user: error: the following arguments are required: ACTION"
    )


@pytest.fixture
def hub_cli(
    hub_url_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Run]:
    monkeypatch.setenv("AIGUILLAGE_HUB_DATABASE_URL", hub_url_db)
    monkeypatch.delenv("AIGUILLAGE_LANG", raising=False)

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def test_what_the_commands_did_is_said_in_french(hub_cli: Run) -> None:
    assert hub_cli("site", "add", "CIO d’Istres")[1] == "Site créé\u00a0: cio-d-istres\n"
    code, out, _err = hub_cli("enrol-code", "cio-d-istres")
    assert code == 0 and out.startswith("Code d’inscription de cio-d-istres\u00a0: ")
    assert "(valable jusqu’au " in out
    code, out, _err = hub_cli("user", "add", "claire.m", "--password-stdin", stdin="x" * 16)
    assert out == "Compte créé\u00a0: claire.m. Connexion\u00a0: /console/login\n"
    out = hub_cli("user", "list")[1]
    assert out.startswith("claire.m — claire.m — actif — créé le ")
    assert hub_cli("stats")[1] == (
        "cio-d-istres\u00a0: 0 accueil, 0 orientation, 0 signalement, dernière synchro jamais\n"
    )
    assert hub_cli("revoke", "cio-d-istres")[1] == "0 poste révoqué.\n"
    code, _out, err = hub_cli("enrol-code", "nulle-part")
    assert code == 1 and err.startswith("Erreur\u00a0: ") and err.count("Erreur") == 1


def test_what_the_commands_did_is_said_in_english(
    hub_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_LANG", "en")
    assert hub_cli("migrate")[1] == "Schema up to date.\n"
    assert hub_cli("site", "add", "CIO d’Istres")[1] == "Site created: cio-d-istres\n"
    code, out, _err = hub_cli("enrol-code", "cio-d-istres")
    assert code == 0 and out.startswith("Enrolment code for cio-d-istres: ")
    assert "(valid until " in out
    code, out, _err = hub_cli("user", "add", "claire.m", "--password-stdin", stdin="x" * 16)
    assert out == "Account created: claire.m. Sign in: /console/login\n"
    assert hub_cli("user", "disable", "claire.m")[1] == (
        "Account disabled: claire.m, 0 sessions ended.\n"
    )
    out = hub_cli("user", "list")[1]
    assert out.startswith("claire.m — claire.m — disabled — created ")
    assert hub_cli("stats")[1] == (
        "cio-d-istres: 0 contacts, 0 referrals, 0 flags, last sync never\n"
    )
    assert hub_cli("revoke", "cio-d-istres")[1] == "0 desks revoked.\n"
    code, _out, err = hub_cli("enrol-code", "nulle-part")
    assert code == 1 and err.startswith("Error: ") and "Erreur" not in err
    # --json answers the same in either language.
    code, out, _err = hub_cli("user", "list", "--json")
    assert '"state": "désactivé"' in out


def _firsts(referrals: int, shape: str = "%d/%m/%Y") -> tuple[str, str, str]:
    """The first day of visits, referrals and flags kept today."""
    from hub import monthly

    today = checks.today()
    return tuple(  # type: ignore[return-value]
        f"{monthly.month_start(today, months):{shape}}" for months in (60, referrals, 12)
    )


def test_the_retention_is_said_in_french(hub_cli: Run) -> None:
    code, out, _err = hub_cli("retention", "set", "--referrals", "36")
    contacts, referrals, flags = _firsts(36)
    assert code == 0 and out == (
        "Orientations gardées 36 mois, signalements 12 mois, accueils en détail"
        " 5 ans puis résumés par mois. Une orientation est «\u00a0sans nouvelles\u00a0» 30 jours"
        " après sa fiche\u00a0; son code et sa suite sont gardés 13 mois, puis seulement"
        " comptés.\n"
        f"Le hub ne garde plus les accueils en détail d’avant le {contacts}, les orientations"
        f" d’avant le {referrals}, les signalements d’avant le {flags}.\n"
    )
    assert hub_cli("retention", "show")[1] == out
    code, out, _err = hub_cli("retention", "set", "--no-news-days", "45")
    assert code == 0 and "«\u00a0sans nouvelles\u00a0» 45 jours après sa fiche" in out
    assert "gardées 36 mois" in out  # what was not given stays
    code, out, _err = hub_cli("retention", "set", "--slip-months", "20")
    assert code == 0 and "son code et sa suite sont gardés 20 mois" in out
    code, _out, err = hub_cli("retention", "set", "--slip-months", "40")
    assert (
        code == 1 and "ne peuvent être gardés plus longtemps que les orientations (36 mois)" in err
    )
    code, _out, err = hub_cli("retention", "set", "--no-news-days", "3")
    assert code == 1 and err == (
        "Erreur\u00a0: «\u00a0Sans nouvelles\u00a0» après\u00a0: de 7 à 365 jours.\n"
    )
    code, _out, err = hub_cli("retention", "set", "--detail-years", "0")
    assert code == 1 and err == "Erreur\u00a0: Accueils gardés en détail\u00a0: de 1 à 30 ans.\n"
    assert hub_cli("retention", "apply")[1] == (
        "0 orientation supprimée, 0 signalement supprimé, 0 accueil résumé sur 0 mois.\n"
    )


def test_the_retention_is_said_in_english(hub_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_LANG", "en")
    assert hub_cli("retention", "show")[1].startswith(
        "Referrals kept 24 months, flags 12 months, visits in detail 5 years, then summarised"
        " by month. A referral is “no news” 30 days after its slip; its code and outcome are kept"
        " 13 months, then only counted.\nThe hub no longer keeps visits in detail before "
    )
    code, _out, err = hub_cli("retention", "set", "--referrals", "72")
    assert (
        code == 1
        and err == "Error: Referrals cannot be kept longer than the visits' detail (60 months).\n"
    )
    assert hub_cli("retention", "apply")[1] == (
        "0 referrals deleted, 0 flags deleted, 0 visits summarised over 0 months.\n"
    )
    code, out, _err = hub_cli("retention", "show", "--json")
    contacts, referrals, flags = _firsts(24, "%Y-%m-%d")
    assert json.loads(out) == {
        "referral_months": 24, "flag_months": 12, "detail_years": 5, "no_news_days": 30,
        "slip_months": 13,
        "kept_from": {"contact": contacts, "referral": referrals, "flag": flags},
    }  # fmt: skip
