"""The one-folder bundle (``make package``): built with PyInstaller from the spec in
``packaging/``, moved to a folder of its own, and run with a clean environment (no
virtual environment, no Python on the PATH, no checkout in sight): it starts, finds every
resource it ships, and does a counter's work."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.version import app_version

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundle, built once, then moved where no path leads back to the build."""
    work = tmp_path_factory.mktemp("package")
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "aiguillage.spec")],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-3000:]
    # Unpacked by an agent into a folder with a space, an apostrophe and an accent.
    target = tmp_path_factory.mktemp("programs") / "Logiciels d’accueil" / "Aiguillage été"
    target.parent.mkdir()
    shutil.move(str(work / "dist" / "aiguillage"), target)
    shutil.rmtree(work)
    yield target


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh session on a counter PC has: no virtual environment, no PYTHONPATH."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "AIGUILLAGE_HOME": str(home / "desk"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def run(bundle: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "aiguillage"), *args],
        cwd=home, env=clean_env(home, **env), capture_output=True, text=True, timeout=180,
        check=False,
    )  # fmt: skip


def test_the_bundle_starts_anywhere_with_a_clean_environment_and_prints_its_figures(
    bundle: Path, tmp_path: Path
) -> None:
    done = run(bundle, tmp_path, "--smoke")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(figures) == {"startup_s", "rss_mb", "desk_ready_s"}
    assert 0 < figures["startup_s"] <= figures["desk_ready_s"] and figures["rss_mb"] > 0
    # The desk it opened holds the shipped lists, geography and demo directory.
    connection = sqlite3.connect(tmp_path / "desk" / "aiguillage.sqlite3")
    try:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("structure", "service", "commune", "nomenclature_item")
        }
    finally:
        connection.close()
    assert counts["structure"] == 26 and counts["service"] == 61
    assert counts["commune"] > 30_000 and counts["nomenclature_item"] > 40
    log = (tmp_path / "desk" / "logs" / "aiguillage.log").read_text(encoding="utf-8")
    assert f"Aiguillage {app_version()}, Python 3." in log


def test_the_bundle_says_its_version(bundle: Path, tmp_path: Path) -> None:
    done = run(bundle, tmp_path, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"aiguillage {app_version()}"


def test_the_bundle_does_a_counter_s_work_from_the_command_line(
    bundle: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    added = run(
        bundle, tmp_path, "contact", "add", "--channel", "sur-place", "--public", "salarie",
        "--age", "26-44", "--gender", "femme", "--commune", "13047", "--theme", "vae",
        "--answer", "information",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    found = run(bundle, tmp_path, "directory", "search", "mission locale", "--json")
    assert found.returncode == 0, found.stderr
    service = json.loads(found.stdout)[0]["service_id"]
    slip = tmp_path / "fiche.pdf"
    printed = run(bundle, tmp_path, "slip", service, "--format", "a5", "-o", str(slip))
    assert printed.returncode == 0, printed.stderr
    assert "Mission locale" in PdfReader(slip).pages[0].extract_text()
    counted = run(bundle, tmp_path, "stats", "--by", "public", "--format", "json")
    assert counted.returncode == 0, counted.stderr
    assert json.loads(counted.stdout)["total"] == 1
    assert run(bundle, tmp_path, "check").returncode == 0
    # A bad request is refused in the user's language, from the bundle too.
    refused = run(bundle, tmp_path, "stats", "--by", "couleur", AIGUILLAGE_LANG="en")
    assert refused.returncode == 1
    assert "couleur" in refused.stderr and "dimension" in refused.stderr


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_a_site_s_logo_is_printed_on_the_slip_by_the_bundle(
    bundle: Path, tmp_path: Path, kind: str
) -> None:
    """The bundle ships what Pillow needs to read a logo, though not all of Pillow."""
    from PIL import Image
    from pypdf import PdfReader

    logo = tmp_path / f"logo.{kind}"
    Image.new("RGB", (120, 60), (200, 30, 30)).save(logo)
    assert run(bundle, tmp_path, "settings", "set", "site.logo", str(logo)).returncode == 0
    found = run(bundle, tmp_path, "directory", "search", "mission locale", "--json")
    service = json.loads(found.stdout)[0]["service_id"]
    slip = tmp_path / "fiche.pdf"
    printed = run(bundle, tmp_path, "slip", service, "--format", "a5", "-o", str(slip))
    assert printed.returncode == 0, printed.stderr
    images = [image.image for image in PdfReader(slip).pages[0].images]
    assert [image.size for image in images if image is not None] == [(120, 60)]


def test_the_bundle_leaves_out_what_an_office_pc_never_uses(bundle: Path) -> None:
    inside = bundle / "_internal"
    # Babel's locales: French and English only (and the root they inherit from).
    locales = {path.stem for path in (inside / "babel" / "locale-data").glob("*.dat")}
    assert {"root", "fr", "fr_FR", "en", "en_GB"} <= locales
    assert not {name for name in locales if not name.startswith(("fr", "en", "root"))}
    # No GTK: Qt draws its own style; no embedded-screen platform.
    assert not list(inside.rglob("libgtk-3*")) and not list(inside.rglob("libqvnc*"))
    assert (inside / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
    # ICU's data cut to French and English (31 MB whole), where ICU's tools are installed.
    if all(shutil.which(tool) for tool in ("icupkg", "genccode", "gcc")):
        icu = next((inside / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
        assert icu.stat().st_size < 8_000_000


def test_every_resource_is_inside_the_bundle(bundle: Path) -> None:
    inside = bundle / "_internal"
    for path in (
        "resources/translations/aiguillage_en.qm",
        "resources/locale/en/LC_MESSAGES/aiguillage.mo",
        "resources/fonts/DejaVuSans.ttf",
        "resources/fonts/DejaVuSans-Bold.ttf",
        "resources/fonts/LICENCE-DejaVu.md",
        "resources/geography/communes.json.gz",
        "resources/geography/LICENCE.md",
        "resources/demo/services.json",
        "resources/demo/README.md",
        "resources/template/aiguillage.sqlite3",  # what a first start copies
        "resources/template/aiguillage.json",
        "resources/icons/aiguillage.png",
        "db/migrations/env.py",
        "linux/aiguillage.desktop",
    ):
        assert (inside / path).is_file(), path
    migrations = sorted(p.name for p in (inside / "db" / "migrations" / "versions").glob("*.py"))
    assert migrations == sorted(p.name for p in (ROOT / "db/migrations/versions").glob("0*.py"))
    # Neither the hub nor the test tools are shipped to a counter.
    assert not (inside / "fastapi").exists() and not (inside / "pytest").exists()


def test_a_module_of_the_bundle_runs_as_python_m_would(bundle: Path, tmp_path: Path) -> None:
    # What the bench starts with ``sys.executable -m …`` (here the empty Qt window).
    done = run(bundle, tmp_path, "-m", "ui.empty_window")
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout.strip().splitlines()[-1])) == {"startup_s", "rss_mb"}


def test_the_desktop_entry_points_at_the_bundle_wherever_it_is(
    bundle: Path, tmp_path: Path
) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    script = bundle / "install-desktop-entry.sh"
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Aiguillage est dans le menu des applications" in done.stdout
    entry = tmp_path / "share" / "applications" / "aiguillage.desktop"
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{bundle}/aiguillage"' in lines
    assert "Icon=aiguillage" in lines and "Name=Aiguillage" in lines
    assert (tmp_path / "share/icons/hicolor/256x256/apps/aiguillage.png").is_file()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    removed = subprocess.run(
        [str(script), "--remove"], env=env, capture_output=True, text=True, check=False
    )
    assert removed.returncode == 0 and not entry.exists()
