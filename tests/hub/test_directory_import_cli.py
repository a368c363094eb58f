"""``aiguillage-hub directory import`` fed with published files: its exit status and words."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hub import cli
from tests.hub.conftest import Hub

DATA = Path(__file__).parents[1] / "data"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def hub_cli(
    hub: Hub, hub_url_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Run]:
    monkeypatch.setenv("AIGUILLAGE_HUB_DATABASE_URL", hub_url_db)

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def test_an_import_accepting_nothing_exits_non_zero_naming_each_refusal(
    hub_cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "modele"
    shutil.copytree(DATA / "datainclusion-valideur", folder)
    code, out, _err = hub_cli("directory", "import", str(folder))
    assert code == 1
    lines = out.splitlines()
    # Counted by French's plural rule: 0 takes the singular.
    assert lines[0] == "0 ajouté, 0 modifié, 0 inchangé, 0 retiré, 3 refusés."
    assert lines[1].startswith(
        "  – Structure 005d3060-c322-4ec5-bd70-a60f054d3b81\u00a0: date_maj\u00a0: champ"
    )


def test_an_unreadable_path_is_said_once(hub_cli: Run, tmp_path: Path) -> None:
    code, _out, err = hub_cli("directory", "import", str(tmp_path / "absent.csv"))
    assert code == 1
    assert err.startswith("Erreur\u00a0: ") and err.count("Erreur") == 1, err


def test_the_import_counts_follow_the_language(
    hub_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_LANG", "en")
    folder = tmp_path / "modele"
    shutil.copytree(DATA / "datainclusion-valideur", folder)
    code, out, _err = hub_cli("directory", "import", str(folder))
    assert code == 1
    assert out.splitlines()[0] == "0 added, 0 changed, 0 unchanged, 0 retired, 3 refused."
    # What the desk's converter refused is named in English too.
    assert out.splitlines()[1].startswith(
        "  – Structure 005d3060-c322-4ec5-bd70-a60f054d3b81: date_maj: required field missing;"
    )
