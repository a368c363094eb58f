"""``aiguillage-hub``: run the regional hub and administer it from a terminal.

Every command exits non-zero with a one-line message when it cannot do what was asked. It
speaks the language ``AIGUILLAGE_LANG`` asks for, French by default (``hub.cli_texts``);
``--json`` answers are the same in both.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from core.wire import enrolment_string
from hub import checks, service
from hub.cli_parser import build_parser
from hub.cli_texts import hub_language, say
from hub.config import make_engine
from hub.migrate import upgrade

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

__all__ = ["build_parser", "main"]


class _NothingAccepted(Exception):
    """An import that stored nothing: its report is printed, the transaction rolled back."""


def _say(key: str, /, **params: Any) -> str:
    return say(key, hub_language(), **params)


def _print(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)


def _password(args: argparse.Namespace) -> str:
    """The account's new password: from standard input, or typed twice at a prompt."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass(_say("password_prompt"))
    if getpass.getpass(_say("password_again")) != first:
        raise service.HubError("password_mismatch", _say("password_mismatch"), 400)
    return first


def _user(args: argparse.Namespace, session: Session, password: str) -> None:
    """``user add|list|disable|enable|password``: the console's accounts."""
    from hub.console import accounts
    from hub.console.web import frdate, when

    if args.action == "add":
        role = args.role
        scope = {"site": args.site, "partner": args.partner}.get(role, args.site or args.partner)
        account = accounts.add_coordinator(session, args.login, args.name, password, role, scope)
        _print(
            args,
            {
                "login": account.login,
                "name": account.name,
                "role": account.role,
                "site": account.site_id,
                "partner": account.partner,
            },
            _say("account_added", login=account.login),
        )
    elif args.action == "list":
        lines = accounts.account_lines(session)
        _print(
            args,
            {"users": [
                {"login": a.login, "name": a.name, "state": _state(a.enabled),
                 "role": a.role, "scope": a.scope or None, "created": a.created.isoformat(),
                 "last_login": a.last_login.isoformat() if a.last_login else None}
                for a in lines
            ]},
            "\n".join(
                _say("account_line", login=a.login, name=a.name, state=_said_state(a.enabled),
                     created=frdate(a.created.date()))
                + (_say("account_scope", role=a.role, scope=a.scope) if a.scope else "")
                + (_say("account_last_login", moment=when(a.last_login)) if a.last_login else "")
                for a in lines
            ) or _say("no_account"),
        )  # fmt: skip
    elif args.action in ("disable", "enable"):
        enabled = args.action == "enable"
        account, ended = accounts.set_enabled(session, args.login, enabled)
        data: dict[str, Any] = {"login": account.login, "state": _state(enabled)}
        if not enabled:
            data["sessions_ended"] = ended
        text = (
            _say("enabled_again", login=account.login)
            if enabled
            else _say("disabled", login=account.login, ended=ended)
        )
        _print(args, data, text)
    elif args.action == "password":
        account, ended = accounts.set_password(session, args.login, password)
        _print(
            args,
            {"login": account.login, "sessions_ended": ended},
            _say("password", login=account.login, ended=ended),
        )


def _state(enabled: bool) -> str:
    """An account's state as ``--json`` gives it (the same in every language)."""
    return "actif" if enabled else "désactivé"


def _said_state(enabled: bool) -> str:
    return _say("enabled" if enabled else "disabled_state")


def _site(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    site = service.add_site(session, args.name)
    _print(args, {"site": site.id, "name": site.name}, _say("site_added", site=site.id))


def _enrol_code(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    code, expires = service.new_enrol_code(session, args.site)
    config = enrolment_string(args.hub_url, code) if args.hub_url else ""
    _print(
        args,
        {"site": args.site, "code": code, "expires": expires.isoformat(), "config": config},
        _say("enrol_code_made", site=args.site, code=code, expires=f"{expires:%d/%m/%Y}"),
    )


def _import(args: argparse.Namespace, session: Session, engine: Engine) -> None:
    """``directory import`` and ``nomenclature publish``: the report of what changed."""
    from pathlib import Path

    from hub import directory

    if args.command == "directory":
        with directory.as_datainclusion(Path(args.path)) as (folder, refused):
            report = directory.import_directory(
                session, engine, folder, full=not args.partial, refused=refused
            )
    else:
        report = directory.publish_lists(session, engine, Path(args.path))
    lines = [
        _say(
            "imported", added=report.added, changed=report.changed, unchanged=report.unchanged,
            retired=report.retired, refused=len(report.refused),
        )
    ] + [f"  – {reason}" for reason in report.refused]  # fmt: skip
    _print(args, report.as_dict(), "\n".join(lines))
    accepted = report.added or report.changed or report.unchanged
    if args.command == "directory" and report.refused and not accepted:
        # Nothing accepted: said by the exit status too, as the desk does.
        raise _NothingAccepted


def _stats(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    rows = service.site_activity(session)
    never = _say("never")
    lines = [_say("site_activity", **{**r, "last_sync": r["last_sync"] or never}) for r in rows]
    _print(args, {"sites": rows}, "\n".join(lines) or _say("no_site"))


def _revoke(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    count = service.revoke(session, args.site)
    _print(args, {"site": args.site, "revoked": count}, _say("revoked", count=count))


def _retention(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    """``retention show|set``: the region's setting, changed first with ``set``."""
    from hub import retention

    if args.action == "set":
        values = {name: getattr(args, name) for name in retention.DEFAULTS}
        kept = retention.change(session, "aiguillage-hub", **values)
    else:
        kept = retention.read(session)
    horizons = kept.horizons(checks.today())
    data: dict[str, Any] = {name: getattr(kept, name) for name in retention.DEFAULTS}
    data["kept_from"] = {kind: day.isoformat() for kind, day in horizons.items()}
    text = _say("retention_said", **{name: getattr(kept, name) for name in retention.DEFAULTS})
    days = {f"{kind}s": f"{day:%d/%m/%Y}" for kind, day in horizons.items()}
    _print(args, data, text + "\n" + _say("retention_first", **days))


def _apply_retention(args: argparse.Namespace, engine: Engine) -> None:
    """``retention apply``: a transaction per month, so not in one of its own."""
    from sqlalchemy.orm import sessionmaker

    from hub import retention

    done = retention.apply(sessionmaker(engine), checks.today())
    counts = {"referrals": done.referrals, "flags": done.flags, "contacts": done.contacts,
              "months": done.months}  # fmt: skip
    _print(args, counts, _say("retention_applied", **counts))


# Each command that works in one transaction of the hub's database.
IN_DATABASE: dict[str, Callable[[argparse.Namespace, Session, Engine], None]] = {
    "site": _site,
    "enrol-code": _enrol_code,
    "directory": _import,
    "nomenclature": _import,
    "stats": _stats,
    "revoke": _revoke,
    "retention": _retention,
}


def _serve(args: argparse.Namespace, engine: Engine) -> None:
    """The schema brought up to date once, then ``--workers`` processes, each building the
    application from the configuration (they share nothing but the database)."""
    import uvicorn

    upgrade(engine)
    engine.dispose()
    uvicorn.run(
        "hub.asgi:build", factory=True, host=args.host, port=args.port,
        workers=max(1, args.workers), log_level="info",
    )  # fmt: skip


def _run(args: argparse.Namespace, engine: Engine) -> None:
    """A command that reads or writes the hub's database, schema brought up to date."""
    upgrade(engine)
    if args.command == "migrate":
        _print(args, {"migrated": True}, _say("migrated"))
        return
    if args.command == "retention" and args.action == "apply":
        _apply_retention(args, engine)
        return
    from sqlalchemy.orm import sessionmaker

    sessions = sessionmaker(engine, expire_on_commit=False)
    password = ""
    if args.command == "user" and args.action in ("add", "password"):
        if args.action == "password":  # an unknown login is said before any prompt
            from hub.console.accounts import account_of

            with sessions.begin() as session:
                account_of(session, args.login)
        password = _password(args)
    with sessions.begin() as session:
        if args.command == "user":
            _user(args, session, password)
        else:
            IN_DATABASE[args.command](args, session, engine)


def _bench(args: argparse.Namespace, lang: str) -> int:
    """The bench of the development tools, looked up when asked for (the hub never imports
    them by name: a hub installed without them says so)."""
    import importlib
    import json

    try:
        bench = importlib.import_module("devtools.hub_bench")
    except ModuleNotFoundError as error:
        if error.name not in ("devtools", "devtools.hub_bench"):
            raise
        print(say("bench_missing", lang), file=sys.stderr)
        return 2
    figures = bench.run(args.contacts, args.seed, args.desks, args.workers, args.keep)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print("\n".join(bench.plain_lines(figures, lang)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    lang = hub_language()
    args = build_parser(lang).parse_args(argv)
    if args.command == "bench":
        return _bench(args, lang)
    engine = make_engine()
    try:
        (_serve if args.command == "serve" else _run)(args, engine)
        return 0
    except _NothingAccepted:
        return 1
    except service.HubError as error:
        message = error.message
        for prefix in ("Erreur\u00a0: ", "Erreur : ", "Error: "):
            message = message.removeprefix(prefix)
        print(say("error", lang, message=message), file=sys.stderr)
        return 1
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
