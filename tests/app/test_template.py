"""A first start copies the database prepared at build time, and the desk it gives is the
one a first start made the long way (migrations, lists, geography, demo directory)."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.desk import Desk
from app.paths import DeskPaths
from app.template import MOMENTS, copy_template, usable

_SPEC = importlib.util.spec_from_file_location(
    "make_template", Path(__file__).resolve().parents[2] / "packaging" / "make_template.py"
)
assert _SPEC is not None and _SPEC.loader is not None
make_template = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_template)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Where a bundle may be unpacked: a space, an apostrophe, an accent.
    folder = tmp_path_factory.mktemp("build") / "Logiciels d’accueil été"
    built: Path = make_template.build_template(folder / "aiguillage.sqlite3")
    return built


def first_start(home: Path, template: bool | Path) -> Path:
    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), template=template)
    desk.close()
    return desk.paths.database


def contents(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, the set-up moments aside."""
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")]
            kept = [c for c in columns if not (table in MOMENTS and c == "updated_at")]
            listed = ", ".join(f'"{c}"' for c in kept)
            found = connection.execute(f'SELECT {listed} FROM "{table}"').fetchall()
            rows[table] = sorted(found, key=repr)
    return rows


def moments(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [
            moment
            for table in MOMENTS
            for (moment,) in connection.execute(f"SELECT updated_at FROM {table}")
        ]


def test_a_first_start_from_the_template_gives_the_same_desk(
    template: Path, tmp_path: Path
) -> None:
    made = first_start(tmp_path / "long-way", template=False)
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" ")
    copied = first_start(tmp_path / "copied", template=template)
    expected, found = contents(made), contents(copied)
    assert found.keys() == expected.keys()
    for table, rows in expected.items():
        assert found[table] == rows, f"table {table} differs"
    assert len(found["commune"]) > 34_000 and len(found["service"]) > 0
    # The settings and the demo directory are dated from the first start, as before.
    assert moments(copied) and all(moment >= before for moment in moments(copied))
    # The template is only read: nothing is left beside it (it ships in the bundle).
    assert sorted(p.name for p in template.parent.iterdir()) == [
        "aiguillage.json",
        "aiguillage.sqlite3",
    ]


def test_an_outdated_template_is_not_used(template: Path, tmp_path: Path) -> None:
    stamp = template.with_suffix(".json")
    kept = stamp.read_text(encoding="utf-8")
    assert usable(template)
    older = dict(json.loads(kept), geography="2019")
    stamp.write_text(json.dumps(older), encoding="utf-8")
    try:
        assert not usable(template)
        assert not copy_template(tmp_path / "desk.sqlite3", template)
        assert not (tmp_path / "desk.sqlite3").exists()
        # The desk is made the long way, with this release's geography.
        database = first_start(tmp_path / "home", template=template)
        with sqlite3.connect(database) as connection:
            (edition,) = connection.execute(
                "SELECT value FROM setting WHERE key = 'geography.edition'"
            ).fetchone()
        assert json.loads(edition) != "2019"
    finally:
        stamp.write_text(kept, encoding="utf-8")
