"""The first screen read with ``sqlite3`` is what the desk's services read: the settings,
the lists (a retired item kept, as the journal labels it), the day's visits (cancelled ones
shown, themes, answers, referrals), and ``None`` where the desk has work to do first."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from app.desk import Desk
from app.directory.search_index import INDEX_VERSION
from app.first_screen import INDEX_VERSION as KNOWN_INDEX
from app.first_screen import SCHEMA_HEAD, FirstScreen, read_first_screen
from core.lists import LIST_NAMES
from db import migrate
from devtools.bench_data import contact_drafts
from tests.conftest import FakeClock
from ui.places import communes_of


def screen_of(desk: Desk) -> FirstScreen:
    screen = read_first_screen(desk.paths.database, desk.intake.today())
    assert screen is not None
    return screen


def same_as_the_desk(desk: Desk, screen: FirstScreen) -> None:
    assert screen.contacts == desk.intake.contacts_on(screen.day)
    assert screen.active == desk.day_view(screen.day).active
    for name in LIST_NAMES:
        lists = screen.lists.items(name, include_inactive=True)
        assert lists == desk.lists.items(name, include_inactive=True)
    for key in ("site.name", "defaults.channel", "site.commune", "ui.language", "hub.url"):
        assert screen.setting(key) == desk.settings.get(key)
    assert screen.language == desk.language
    codes = [c.commune for c in screen.contacts] + [str(desk.settings.get("site.commune"))]
    assert screen.communes == communes_of(desk.geography, codes)


def test_the_schema_s_head_and_the_index_version_are_known_without_loading_them() -> None:
    assert SCHEMA_HEAD == migrate.HEAD
    assert KNOWN_INDEX == INDEX_VERSION


def test_a_desk_with_nothing_today_shows_an_empty_day(desk: Desk) -> None:
    screen = screen_of(desk)
    assert screen.contacts == []
    same_as_the_desk(desk, screen)


def test_the_day_s_visits_cancelled_ones_and_a_retired_item_read_as_the_desk_reads_them(
    desk: Desk, clock: FakeClock
) -> None:
    desk.settings.set("site.name", "CIO d’Istres")
    desk.settings.set("site.commune", "13047")
    clock.advance(-86_400)  # yesterday's visit is not today's
    desk.intake.save(contact_drafts(desk, 1, seed=5)[0])
    clock.advance(86_400)
    saved = []
    for draft in contact_drafts(desk, 12, seed=7):
        saved.append(desk.intake.save(draft))
        clock.advance(60)
    desk.intake.cancel(saved[3].id)
    theme = saved[0].themes[0]
    with closing(sqlite3.connect(desk.paths.database)) as connection, connection:
        connection.execute(
            "UPDATE nomenclature_item SET active = 0 WHERE list_name = 'theme' AND code = ?",
            (theme,),
        )
    desk.lists.reload()
    screen = screen_of(desk)
    assert len(screen.contacts) == 12 and screen.active == 11
    assert any(c.referrals for c in screen.contacts), "no referral read"
    assert theme not in [i.code for i in screen.lists.items("theme")]
    assert screen.setting("site.name") == "CIO d’Istres"
    same_as_the_desk(desk, screen)
    later = read_first_screen(desk.paths.database, screen.day + timedelta(days=1))
    assert later is not None and later.contacts == []


def test_a_desk_with_work_to_do_first_takes_the_long_way(desk: Desk, tmp_path: Path) -> None:
    assert read_first_screen(tmp_path / "none.sqlite3", desk.intake.today()) is None
    with closing(sqlite3.connect(desk.paths.database)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0005'")
    assert read_first_screen(desk.paths.database, desk.intake.today()) is None
    with closing(sqlite3.connect(desk.paths.database)) as connection, connection:
        connection.execute(f"UPDATE alembic_version SET version_num = '{SCHEMA_HEAD}'")
        connection.execute("UPDATE setting SET value = '\"1999\"' WHERE key = 'geography.edition'")
    assert read_first_screen(desk.paths.database, desk.intake.today()) is None


def test_lists_a_new_release_brings_send_the_start_the_long_way(desk: Desk) -> None:
    """The form would otherwise offer last release's choices all day: a default item
    missing, or one of an older release, is for the desk's opening to bring first."""
    day = desk.intake.today()
    assert read_first_screen(desk.paths.database, day) is not None
    with closing(sqlite3.connect(desk.paths.database)) as connection, connection:
        connection.execute("UPDATE nomenclature_item SET version = 0 WHERE code = 'vae'")
    assert read_first_screen(desk.paths.database, day) is None
    with closing(sqlite3.connect(desk.paths.database)) as connection, connection:
        connection.execute("DELETE FROM nomenclature_item WHERE code = 'vae'")
    assert read_first_screen(desk.paths.database, day) is None
    desk.close()
    reopened = Desk.open(desk.paths)  # the long way puts it back
    try:
        assert read_first_screen(desk.paths.database, day) is not None
    finally:
        reopened.close()


def test_a_value_the_first_screen_cannot_read_sends_the_start_the_long_way(desk: Desk) -> None:
    """A shortcut only: what it cannot read is for the desk's opening to find and say."""
    with closing(sqlite3.connect(desk.paths.database)) as connection, connection:
        connection.execute(
            "UPDATE setting SET value = '{not json' WHERE key = 'directory.demo_loaded'"
        )
    assert read_first_screen(desk.paths.database, desk.intake.today()) is None
