"""``aiguillage-hub``: run the regional hub and administer it from a terminal.

Every command exits non-zero with a one-line message when it cannot do what was asked.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from core.errors import said
from core.i18n import N_
from core.lang import chosen_language
from core.version import app_version
from core.wire import enrolment_string
from hub import service
from hub.config import make_engine
from hub.migrate import upgrade

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


class _NothingAccepted(Exception):
    """An import that stored nothing: its report is printed, the transaction rolled back."""


# Counted messages of the catalogue: ``{n:ligne|lignes}`` takes the language's plural form
# (see ``core.errors.fill``).
COUNTED: dict[str, str] = {
    "disabled": N_(
        "Compte désactivé\u00a0: {login}, {ended} {ended:session fermée|sessions fermées}."
    ),
    "password": N_(
        "Mot de passe changé\u00a0: {login}, {ended} {ended:session fermée|sessions fermées}."
    ),
    "imported": N_(
        "{added} {added:ajouté|ajoutés}, {changed} {changed:modifié|modifiés},"
        " {unchanged} {unchanged:inchangé|inchangés}, {retired} {retired:retiré|retirés},"
        " {refused} {refused:refusé|refusés}."
    ),
    "site_activity": N_(
        "{site}\u00a0: {contacts} {contacts:accueil|accueils},"
        " {referrals} {referrals:orientation|orientations},"
        " {flags} {flags:signalement|signalements}, dernière synchro {last_sync}"
    ),
    "revoked": N_("{count} {count:poste révoqué|postes révoqués}."),
}


def _say(key: str, /, **params: Any) -> str:
    return said(COUNTED[key], chosen_language() or "fr", **params)


def _print(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiguillage-hub", description="Le hub régional d’Aiguillage."
    )
    parser.add_argument(
        "--version", action="version", version=f"aiguillage-hub {app_version()}",
        help="affiche la version et quitte",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    serve = commands.add_parser("serve", help="sert l’API (schéma mis à jour au départ)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--workers", type=int, default=1)
    answering = [commands.add_parser("migrate", help="met le schéma de la base à jour")]
    answering += _site_commands(commands) + _data_commands(commands) + _user_commands(commands)
    for sub in answering:
        sub.add_argument("--json", action="store_true")
    return parser


Commands = Any  # argparse's sub-parsers action (private type)


def _site_commands(commands: Commands) -> list[argparse.ArgumentParser]:
    """``site add``, ``enrol-code``, ``revoke``."""
    site = commands.add_parser("site", help="les sites d’accueil")
    site_commands = site.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = site_commands.add_parser("add", help="crée un site")
    add.add_argument("name", metavar="NOM")
    code = commands.add_parser("enrol-code", help="un code d’inscription à usage unique")
    code.add_argument("site", metavar="SITE")
    code.add_argument(
        "--hub-url", default="", help="adresse du hub, pour la chaîne de configuration"
    )
    revoke = commands.add_parser(
        "revoke", help="révoque les postes d’un site et annule ses codes inutilisés"
    )
    revoke.add_argument("site", metavar="SITE")
    return [add, code, revoke]


def _data_commands(commands: Commands) -> list[argparse.ArgumentParser]:
    """``directory import``, ``nomenclature publish``, ``stats``."""
    directory = commands.add_parser("directory", help="l’annuaire régional")
    directory_commands = directory.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = directory_commands.add_parser("import", help="importe un dossier data·inclusion")
    imp.add_argument("path", metavar="DOSSIER")
    imp.add_argument("--partial", action="store_true")
    nomenclature = commands.add_parser("nomenclature", help="les listes de la région")
    nomenclature_commands = nomenclature.add_subparsers(dest="action", required=True)
    publish = nomenclature_commands.add_parser("publish", help="publie les listes (JSON)")
    publish.add_argument("path", metavar="FICHIER")
    stats = commands.add_parser("stats", help="l’activité reçue, par site")
    return [imp, publish, stats]


def _user_commands(commands: Commands) -> list[argparse.ArgumentParser]:
    """``user add|list|disable|enable|password``."""
    user = commands.add_parser("user", help="les comptes de la console de coordination")
    user_commands = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    user_add = user_commands.add_parser(
        "add", help="crée un compte (le mot de passe est demandé deux fois)"
    )
    user_add.add_argument("login", metavar="IDENTIFIANT")
    user_add.add_argument("--name", default="", metavar="NOM", help="nom affiché")
    user_list = user_commands.add_parser(
        "list", help="les comptes, leur état, leur dernière connexion connue"
    )
    user_disable = user_commands.add_parser(
        "disable", help="désactive un compte et ferme ses sessions"
    )
    user_enable = user_commands.add_parser("enable", help="réactive un compte")
    user_password = user_commands.add_parser(
        "password", help="donne un nouveau mot de passe et ferme les sessions du compte"
    )
    for sub in (user_disable, user_enable, user_password):
        sub.add_argument("login", metavar="IDENTIFIANT")
    for sub in (user_add, user_password):
        sub.add_argument(
            "--password-stdin", action="store_true",
            help="lit le mot de passe sur l’entrée standard",
        )  # fmt: skip
    return [user_add, user_list, user_disable, user_enable, user_password]


def _password(args: argparse.Namespace) -> str:
    """The account's new password: from standard input, or typed twice at a prompt."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Mot de passe\u00a0: ")
    if getpass.getpass("Le même, encore\u00a0: ") != first:
        raise service.HubError("password_mismatch", "Les deux mots de passe diffèrent.", 400)
    return first


def _user(args: argparse.Namespace, session: Session, password: str) -> None:
    """``user add|list|disable|enable|password``: the console's accounts."""
    from hub.console import auth
    from hub.console.web import frdate, when

    if args.action == "add":
        account = auth.add_coordinator(session, args.login, args.name, password)
        _print(
            args,
            {"login": account.login, "name": account.name},
            f"Compte créé\u00a0: {account.login}. Connexion\u00a0: /console/login",
        )
    elif args.action == "list":
        lines = auth.account_lines(session)
        _print(
            args,
            {"users": [
                {"login": a.login, "name": a.name, "state": _state(a.enabled),
                 "created": a.created.isoformat(),
                 "last_login": a.last_login.isoformat() if a.last_login else None}
                for a in lines
            ]},
            "\n".join(
                f"{a.login} — {a.name} — {_state(a.enabled)} — créé le {frdate(a.created.date())}"
                + (f" — dernière connexion le {when(a.last_login)}" if a.last_login else "")
                for a in lines
            ) or "Aucun compte.",
        )  # fmt: skip
    elif args.action in ("disable", "enable"):
        enabled = args.action == "enable"
        account, ended = auth.set_enabled(session, args.login, enabled)
        data: dict[str, Any] = {"login": account.login, "state": _state(enabled)}
        if not enabled:
            data["sessions_ended"] = ended
        text = (
            f"Compte réactivé\u00a0: {account.login}."
            if enabled
            else _say("disabled", login=account.login, ended=ended)
        )
        _print(args, data, text)
    elif args.action == "password":
        account, ended = auth.set_password(session, args.login, password)
        _print(
            args,
            {"login": account.login, "sessions_ended": ended},
            _say("password", login=account.login, ended=ended),
        )


def _state(enabled: bool) -> str:
    return "actif" if enabled else "désactivé"


def _site(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    site = service.add_site(session, args.name)
    _print(args, {"site": site.id, "name": site.name}, f"Site créé : {site.id}")


def _enrol_code(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    code, expires = service.new_enrol_code(session, args.site)
    config = enrolment_string(args.hub_url, code) if args.hub_url else ""
    _print(
        args,
        {"site": args.site, "code": code, "expires": expires.isoformat(), "config": config},
        f"Code d’inscription de {args.site} : {code} (valable jusqu’au {expires:%d/%m/%Y})",
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
    lines = [_say("site_activity", **{**r, "last_sync": r["last_sync"] or "jamais"}) for r in rows]
    _print(args, {"sites": rows}, "\n".join(lines) or "Aucun site.")


def _revoke(args: argparse.Namespace, session: Session, _engine: Engine) -> None:
    count = service.revoke(session, args.site)
    _print(args, {"site": args.site, "revoked": count}, _say("revoked", count=count))


# Each command that works in one transaction of the hub's database.
IN_DATABASE: dict[str, Callable[[argparse.Namespace, Session, Engine], None]] = {
    "site": _site,
    "enrol-code": _enrol_code,
    "directory": _import,
    "nomenclature": _import,
    "stats": _stats,
    "revoke": _revoke,
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
        _print(args, {"migrated": True}, "Schéma à jour.")
        return
    from sqlalchemy.orm import sessionmaker

    sessions = sessionmaker(engine, expire_on_commit=False)
    password = ""
    if args.command == "user" and args.action in ("add", "password"):
        if args.action == "password":  # an unknown login is said before any prompt
            from hub.console.auth import account_of

            with sessions.begin() as session:
                account_of(session, args.login)
        password = _password(args)
    with sessions.begin() as session:
        if args.command == "user":
            _user(args, session, password)
        else:
            IN_DATABASE[args.command](args, session, engine)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    engine = make_engine()
    try:
        (_serve if args.command == "serve" else _run)(args, engine)
        return 0
    except _NothingAccepted:
        return 1
    except service.HubError as error:
        message = error.message.removeprefix("Erreur\u00a0: ").removeprefix("Erreur : ")
        print(f"Erreur\u00a0: {message}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
