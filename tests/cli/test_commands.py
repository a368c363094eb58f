"""The ``aiguillage`` command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
ADD = [
    "contact", "add", "--channel", "sur-place", "--public", "demandeur-emploi",
    "--age", "26-44", "--gender", "femme", "--commune", "13004",
    "--theme", "trouver-formation", "--theme", "alternance", "--answer", "information",
]  # fmt: skip


def aiguillage(home: Path, *args: str, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), AIGUILLAGE_LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def contacts(home: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(home / "aiguillage.sqlite3")
    try:
        return connection.execute("SELECT id, commune FROM contact").fetchall()
    finally:
        connection.close()


def test_contact_add_prints_the_id_of_the_stored_contact(home: Path) -> None:
    done = aiguillage(home, *ADD, "--note", "intéressée par l’aéronautique")
    assert done.returncode == 0, done.stderr
    contact_id = done.stdout.strip()
    assert UUID.match(contact_id)
    assert contacts(home) == [(contact_id, "13004")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--channel", "guichet"), "Erreur : Canal : code inconnu « guichet »."),
        (("--commune", "13200"), "Erreur : Commune : « 13200 » est un code postal (Arles)"),
        (("--commune", "00000"), "Erreur : Commune : « 00000 » n’est pas un code INSEE connu."),
        (
            ("--note", "joindre au 06.12.34.56.78"),
            "Erreur : Note refusée : elle semble contenir un numéro de téléphone",
        ),
    ],
)
def test_contact_add_refuses_bad_input_in_one_french_line(
    home: Path, change: tuple[str, str], message: str
) -> None:
    done = aiguillage(home, *ADD, *change)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(message)
    assert done.stderr.count("\n") == 1
    assert contacts(home) == []


def test_a_missing_option_is_a_usage_error_in_french(home: Path) -> None:
    done = aiguillage(home, "contact", "add", "--channel", "sur-place")
    assert done.returncode == 2
    assert "erreur : arguments obligatoires manquants : --public" in done.stderr
    assert contacts(home) == []


def test_messages_follow_the_language(home: Path) -> None:
    done = aiguillage(home, *ADD[:3], "guichet", *ADD[4:], lang="en")
    assert done.returncode == 1
    assert done.stderr.startswith("Error: Channel: unknown code “guichet”.")


def test_the_desks_language_setting_is_used_without_the_variable(home: Path) -> None:
    assert aiguillage(home, "settings", "set", "ui.language", "en").returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "AIGUILLAGE_LANG"}
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher", *ADD[:3], "guichet", *ADD[4:]],
        capture_output=True,
        text=True,
        env=dict(env, AIGUILLAGE_HOME=str(home)),
        timeout=120,
        check=False,
    )
    assert done.stderr.startswith("Error: Channel: unknown code “guichet”.")


def test_contact_import_is_all_or_nothing(home: Path, tmp_path: Path) -> None:
    good = tmp_path / "forum.csv"
    good.write_text(
        "date,channel,public,age,gender,commune,themes,answers\n"
        "2026-11-20,hors-les-murs,scolaire,moins-16,femme,13047,decouvrir-metiers,information\n"
        "2026-11-20,hors-les-murs,scolaire,16-25,homme,13063,alternance|vae,information\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text() + "2026-11-20,hors-les-murs,scolaire,16-25\n", "utf-8")
    refused = aiguillage(home, "contact", "import", str(bad))
    assert refused.returncode == 1
    assert "Ligne 4 : 4 colonnes au lieu de 8." in refused.stderr
    assert refused.stderr.strip().endswith(
        "Erreur : Import refusé, rien n’a été enregistré : 1 ligne en erreur."
    )
    english = aiguillage(home, "contact", "import", str(bad), lang="en")
    assert english.stderr.strip().endswith(
        "Error: Import refused, nothing was stored: 1 line in error."
    )
    assert contacts(home) == []
    done = aiguillage(home, "contact", "import", str(good))
    assert (done.returncode, done.stdout) == (0, "2 accueils importés.\n")
    assert len(contacts(home)) == 2


def test_settings_get_and_set(home: Path) -> None:
    assert aiguillage(home, "settings", "get", "notes.retention_days").stdout == "30\n"
    done = aiguillage(home, "settings", "set", "site.name", "Espace Métiers de Salon")
    assert done.returncode == 0
    assert aiguillage(home, "settings", "get", "site.name").stdout == "Espace Métiers de Salon\n"
    refused = aiguillage(home, "settings", "set", "notes.retention_days", "beaucoup")
    assert refused.returncode == 1
    assert refused.stderr.startswith("Erreur : Réglage notes.retention_days : valeur « beaucoup »")
    listing = aiguillage(home, "settings", "get").stdout
    assert 'site.name = "Espace Métiers de Salon"' in listing
    assert "geography.edition" not in listing


def test_backup_check_and_restore_latest(home: Path) -> None:
    first = aiguillage(home, *ADD).stdout.strip()
    made = aiguillage(home, "backup")
    assert made.returncode == 0 and made.stdout.startswith("Sauvegarde faite : ")
    second = aiguillage(home, *ADD).stdout.strip()
    assert {c[0] for c in contacts(home)} == {first, second}
    checked = aiguillage(home, "check")
    assert checked.returncode == 0 and checked.stdout.startswith("Base de données saine")
    restored = aiguillage(home, "restore", "--latest")
    assert restored.returncode == 0, restored.stderr
    assert "Copie de la base précédente" in restored.stdout
    assert {c[0] for c in contacts(home)} == {first}


def test_restore_without_any_backup_says_so(home: Path) -> None:
    done = aiguillage(home, "restore", "--latest")
    assert (done.returncode, done.stderr) == (1, "Erreur : Aucune sauvegarde n’est disponible.\n")


def test_check_reports_a_damaged_database(home: Path) -> None:
    database = home / "aiguillage.sqlite3"
    raw = bytearray(database.read_bytes())
    raw[4096 * 2 : 4096 * 4] = b"\x00\xff" * 4096
    database.write_bytes(bytes(raw))
    done = aiguillage(home, "check")
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith("Erreur : La base de données est endommagée")
    )


def test_smoke_starts_the_window_and_prints_its_figures(home: Path) -> None:
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--smoke"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(figures) == {"startup_s", "rss_mb", "desk_ready_s"}
    assert 0 < figures["startup_s"] <= figures["desk_ready_s"] and figures["rss_mb"] > 0


def test_a_locked_database_is_a_clear_error_and_nothing_is_written(home: Path) -> None:
    holder = sqlite3.connect(home / "aiguillage.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        done = aiguillage(home, *ADD)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert done.stderr == (
        "Erreur : La base de données ne répond pas (database is locked) ; rien n’a été modifié.\n"
    )
    assert contacts(home) == []


def test_the_window_says_why_it_cannot_start_in_an_unusable_folder(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("ceci n’est pas un dossier")
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--smoke"],
        capture_output=True,
        text=True,
        env=dict(
            os.environ,
            AIGUILLAGE_HOME=str(not_a_folder / "home"),
            AIGUILLAGE_LANG="fr",
            QT_QPA_PLATFORM="offscreen",
        ),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Fichier inaccessible : ")
    assert "rien n’a été modifié" in done.stderr


def test_directory_import_prints_a_summary_naming_each_refusal(home: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "cio.csv"
    sheet.write_text(
        "structure;service;description;commune\n"
        "CIO d’Arles;Entretien d’orientation;Un entretien pour choisir sa voie de formation.;Arles\n"
        "CIO d’Arles;Atelier;Un atelier collectif sur les métiers.;Atlantide\n",
        encoding="utf-8",
    )
    done = aiguillage(home, "directory", "import", str(sheet))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("tableur CSV\u00a0: 2 lignes lues\u202f; 1 structure ajoutée,")
    assert (
        lines[1] == "  – Service ligne 3\u00a0: commune\u00a0: «\u00a0Atlantide\u00a0» introuvable"
    )
    found = aiguillage(home, "directory", "search", "entretien orientation", "--commune", "13004")
    assert "CIO d’Arles (Arles) — Entretien d’orientation" in found.stdout


def test_directory_import_leaves_out_coordinates_far_from_the_service_s_commune(
    home: Path, tmp_path: Path
) -> None:
    """A data·inclusion export placing a Marseille service in Rennes: the service is kept,
    measured from Marseille's centre, and the summary names it."""
    from core.resources import resource

    folder = tmp_path / "datainclusion"
    shutil.copytree(resource("demo"), folder, ignore=shutil.ignore_patterns("*.csv", "*.md"))
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    ofii = next(
        s for s in services if s["id"].endswith("ofii-marseille-formation-linguistique-cir")
    )
    assert ofii["commune"] == "Marseille"
    ofii.update(latitude=48.1113, longitude=-1.6800)  # Rennes
    (folder / "services.json").write_text(json.dumps(services), encoding="utf-8")
    french = aiguillage(home, "directory", "import", str(folder))
    assert french.returncode == 0, french.stderr
    assert (
        f"  · Service {ofii['id']}\u00a0: latitude et longitude\u00a0: à 769\u00a0km de"
        " Marseille, latitude et longitude inversées\u202f? Coordonnées retirées (centre de la"
        " commune)"
    ) in french.stdout.splitlines()
    english = aiguillage(home, "directory", "import", str(folder), lang="en")
    assert (
        f"  · Service {ofii['id']}: latitude and longitude: 769 km from Marseille, are latitude"
        " and longitude swapped? Coordinates left out (the commune’s centre is used)"
    ) in english.stdout.splitlines()
    connection = sqlite3.connect(home / "aiguillage.sqlite3")
    try:
        stored = connection.execute(
            "SELECT latitude, longitude, code_insee FROM service WHERE id = ?", (ofii["id"],)
        ).fetchone()
    finally:
        connection.close()
    assert stored == (None, None, "13055")


def test_directory_import_of_an_unreadable_file_changes_nothing(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "di"
    folder.mkdir()
    (folder / "structures.json").write_text("[{", encoding="utf-8")
    (folder / "services.json").write_text("[]", encoding="utf-8")
    done = aiguillage(home, "directory", "import", str(folder))
    assert done.returncode == 1
    assert done.stderr == (
        "Erreur\u00a0: Fichier illisible\u00a0: structures.json n’est pas du JSON valide"
        " (ligne 1)\u202f; rien n’a été importé.\n"
    )


def test_directory_search_filters_and_speaks_json(home: Path) -> None:
    done = aiguillage(
        home, "directory", "search", "--theme", "alternance", "--commune", "13047",
        "--at", "2026-11-29T10:00", "--json",
    )  # fmt: skip
    assert done.returncode == 0 and json.loads(done.stdout) == []  # Sunday: all closed
    done = aiguillage(home, "directory", "search", "aprentisage", "--json", "--limit", "2")
    hits = json.loads(done.stdout)
    assert len(hits) == 2 and hits[0]["service_name"] == "Apprentissage dans l’artisanat"
    assert set(hits[0]) >= {"service_id", "structure_name", "open_now", "stale", "date_maj"}
    # --open-now filters at the desk's own clock, as --at with this minute does.
    from datetime import datetime
    from zoneinfo import ZoneInfo

    minute = datetime.now(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%dT%H:%M")
    now = json.loads(aiguillage(home, "directory", "search", "--open-now", "--json").stdout)
    at = json.loads(aiguillage(home, "directory", "search", "--at", minute, "--json").stdout)
    assert all(hit["open_now"] is True for hit in now)
    assert [h["service_id"] for h in now] == [h["service_id"] for h in at]
    everything = aiguillage(home, "directory", "search", "--json", "--limit", "200").stdout
    assert len(now) < len(json.loads(everything))  # some are closed or have no hours
    refused = aiguillage(home, "directory", "search", "--theme", "cuisine")
    assert refused.returncode == 1
    assert refused.stderr.startswith(
        "Erreur\u00a0: Thème\u00a0: code inconnu «\u00a0cuisine\u00a0»."
    )


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_stats_pdf_writes_the_activity_report_of_the_previous_month(
    home: Path, tmp_path: Path
) -> None:
    from core.stats.labels import month_name
    from core.stats.tables import previous_month

    first, _last = previous_month(date.today())
    assert aiguillage(home, *ADD, "--at", f"{first:%Y-%m}-03T10:00").returncode == 0
    out = tmp_path / "rapport.pdf"
    done = aiguillage(home, "stats", "--format", "pdf", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Rapport d’activité enregistré\u00a0: {out}\n"
    text = pdf_text(out)
    assert f"Rapport d’activité — {month_name(first.year, first.month)}" in text
    assert "1 accueil sur la période" in text
    assert "Demandeur·se d’emploi masqué" in text  # the site's threshold
    done = aiguillage(
        home, "stats", "--format", "pdf", "--month", f"{first:%Y-%m}", "--min-cell", "1",
        "-o", str(out), lang="en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert f"Activity report — {month_name(first.year, first.month, 'en')}" in text
    assert "Jobseeker 1 100.0%" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Erreur : Le format pdf s’écrit dans un fichier : ajoutez -o FICHIER."),
        (("--month", "2026-13", "-o", "OUT"), "Erreur : Mois : « 2026-13 » n’est pas un mois"),
        (
            ("--from", "2026-02-30", "-o", "OUT"),
            "Erreur : Date : « 2026-02-30 » n’est pas une date",
        ),
        (
            ("--from", "2026-11-20", "--to", "2026-11-01", "-o", "OUT"),
            "Erreur : Période : la fin (2026-11-01) précède le début (2026-11-20).",
        ),
        (("--month", "2026-10", "--to", "2026-10-09", "-o", "OUT"), "Erreur : Donnez soit --month"),
        (("--by", "public", "-o", "OUT"), "Erreur : Le rapport PDF contient toutes les dimensions"),
        (("--month", "2026-10", "-o", "MISSING"), "Erreur : Fichier inaccessible : "),
    ],
)
def test_stats_pdf_refuses_bad_input_in_one_line_and_writes_nothing(
    home: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out, missing = tmp_path / "rapport.pdf", tmp_path / "absent" / "rapport.pdf"
    args = tuple({"OUT": str(out), "MISSING": str(missing)}.get(a, a) for a in args)
    done = aiguillage(home, "stats", "--format", "pdf", *args)
    assert done.returncode == 1
    stderr = done.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    assert stderr.startswith(message) and stderr.count("\n") == 1
    assert not out.exists() and not missing.parent.exists()


def test_stats_on_screen_are_exact_and_in_a_file_hide_small_cells(
    home: Path, tmp_path: Path
) -> None:
    assert aiguillage(home, *ADD, "--at", "2026-11-03T10:00").returncode == 0
    done = aiguillage(home, "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "public")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["rows"] == [{"public": "demandeur-emploi", "count": 1}]
    out = tmp_path / "publics.csv"
    for extra, cell in (((), "masqué"), (("--min-cell", "1"), "1")):
        done = aiguillage(
            home, "stats", "--month", "2026-11", "--by", "public", "--format", "csv",
            "-o", str(out), *extra,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        lines = out.read_bytes().decode("utf-8-sig").splitlines()
        assert ["demandeur-emploi", cell] in [line.split(";")[:2] for line in lines[1:]]
