"""``aiguillage-hub``'s commands and their help, in the command line's language: the help
from the catalogue (``hub.cli_texts``), argparse's own words (usage, errors) from
``core.argparse_fr``, as the desk's command line does."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.argparse_fr import use_language
from core.version import app_version
from hub.cli_texts import say

Commands = Any  # argparse's sub-parsers action (private type)


def build_parser(lang: str) -> argparse.ArgumentParser:
    use_language(lang)
    parser = argparse.ArgumentParser(prog="aiguillage-hub", description=say("description", lang))
    parser.add_argument(
        "--version", action="version", version=f"aiguillage-hub {app_version()}",
        help=say("version", lang),
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True, metavar=say("command", lang))
    serve = commands.add_parser("serve", help=say("serve", lang))
    serve.add_argument(
        "--host", default="127.0.0.1", metavar=say("address", lang),
        help=say("host", lang, default="127.0.0.1"),
    )  # fmt: skip
    serve.add_argument("--port", type=int, default=8750, help=say("port", lang, default="8750"))
    serve.add_argument(
        "--workers", type=int, default=1, metavar="N", help=say("workers", lang, default="1")
    )
    _bench_command(commands, lang)
    answering = [commands.add_parser("migrate", help=say("migrate", lang))]
    answering += _site_commands(commands, lang) + _data_commands(commands, lang)
    answering += _user_commands(commands, lang) + _retention_commands(commands, lang)
    for sub in answering:
        sub.add_argument("--json", action="store_true", help=say("json", lang))
    return parser


def _bench_command(commands: Commands, lang: str) -> None:
    """``bench``: the region's figures (:mod:`devtools.hub_bench`)."""
    bench = commands.add_parser("bench", help=say("bench", lang))
    bench.add_argument("--json", action="store_true", help=say("json", lang))
    bench.add_argument(
        "--contacts", type=int, default=3_000_000, metavar="N",
        help=say("bench_contacts", lang, default="3000000"),
    )  # fmt: skip
    bench.add_argument("--seed", type=int, default=2025, help=argparse.SUPPRESS)
    bench.add_argument(
        "--desks", type=int, default=500, metavar="N", help=say("bench_desks", lang, default="500")
    )
    bench.add_argument(
        "--workers", type=int, default=2, metavar="N", help=say("workers", lang, default="2")
    )
    bench.add_argument(
        "--keep", type=Path, metavar=say("folder", lang), help=say("bench_keep", lang)
    )


def _site_commands(commands: Commands, lang: str) -> list[argparse.ArgumentParser]:
    """``site add``, ``enrol-code``, ``revoke``."""
    site = commands.add_parser("site", help=say("site", lang))
    site_commands = site.add_subparsers(dest="action", required=True, metavar=say("action", lang))
    add = site_commands.add_parser("add", help=say("site_add", lang))
    add.add_argument("name", metavar=say("name", lang))
    code = commands.add_parser("enrol-code", help=say("enrol_code", lang))
    code.add_argument("site", metavar=say("site_id", lang))
    code.add_argument("--hub-url", default="", help=say("hub_url", lang))
    revoke = commands.add_parser("revoke", help=say("revoke", lang))
    revoke.add_argument("site", metavar=say("site_id", lang))
    return [add, code, revoke]


def _data_commands(commands: Commands, lang: str) -> list[argparse.ArgumentParser]:
    """``directory import``, ``nomenclature publish``, ``stats``."""
    directory = commands.add_parser("directory", help=say("directory", lang))
    directory_commands = directory.add_subparsers(
        dest="action", required=True, metavar=say("action", lang)
    )
    imp = directory_commands.add_parser("import", help=say("directory_import", lang))
    imp.add_argument("path", metavar=say("folder", lang))
    imp.add_argument("--partial", action="store_true", help=say("partial", lang))
    nomenclature = commands.add_parser("nomenclature", help=say("nomenclature", lang))
    nomenclature_commands = nomenclature.add_subparsers(
        dest="action", required=True, metavar=say("action", lang)
    )
    publish = nomenclature_commands.add_parser("publish", help=say("publish", lang))
    publish.add_argument("path", metavar=say("file", lang))
    stats = commands.add_parser("stats", help=say("stats", lang))
    return [imp, publish, stats]


def _user_commands(commands: Commands, lang: str) -> list[argparse.ArgumentParser]:
    """``user add|list|disable|enable|password``."""
    user = commands.add_parser("user", help=say("user", lang))
    user_commands = user.add_subparsers(dest="action", required=True, metavar=say("action", lang))
    user_add = user_commands.add_parser("add", help=say("user_add", lang))
    user_add.add_argument("login", metavar=say("login", lang))
    user_add.add_argument(
        "--name", default="", metavar=say("name", lang), help=say("shown_name", lang)
    )
    user_add.add_argument(
        "--role", choices=("region", "site", "partner"), default="region",
        help=say("role_help", lang),
    )  # fmt: skip
    user_add.add_argument("--site", default="", metavar="SITE", help=say("site_help", lang))
    user_add.add_argument("--partner", default="", metavar="ID", help=say("partner_help", lang))
    user_list = user_commands.add_parser("list", help=say("user_list", lang))
    user_disable = user_commands.add_parser("disable", help=say("user_disable", lang))
    user_enable = user_commands.add_parser("enable", help=say("user_enable", lang))
    user_password = user_commands.add_parser("password", help=say("user_password", lang))
    for sub in (user_disable, user_enable, user_password):
        sub.add_argument("login", metavar=say("login", lang))
    for sub in (user_add, user_password):
        sub.add_argument("--password-stdin", action="store_true", help=say("password_stdin", lang))
    return [user_add, user_list, user_disable, user_enable, user_password]


def _retention_commands(commands: Commands, lang: str) -> list[argparse.ArgumentParser]:
    """``retention show|set|apply``."""
    retention = commands.add_parser("retention", help=say("retention", lang))
    actions = retention.add_subparsers(dest="action", required=True, metavar=say("action", lang))
    show = actions.add_parser("show", help=say("retention_show", lang))
    change = actions.add_parser("set", help=say("retention_set", lang))
    for option, key in (("--referrals", "referral_months"), ("--flags", "flag_months")):
        change.add_argument(
            option, type=int, dest=key, metavar=say("months", lang), help=say(key, lang)
        )
    change.add_argument(
        "--detail-years", type=int, dest="detail_years", metavar=say("years", lang),
        help=say("detail_years", lang),
    )  # fmt: skip
    change.add_argument(
        "--slip-months", type=int, dest="slip_months", metavar=say("months", lang),
        help=say("slip_months", lang),
    )  # fmt: skip
    change.add_argument(
        "--no-news-days", type=int, dest="no_news_days", metavar=say("days", lang),
        help=say("no_news_days", lang),
    )  # fmt: skip
    apply = actions.add_parser("apply", help=say("retention_apply", lang))
    return [show, change, apply]
