"""``aiguillage-hub``: run the regional hub and administer it from a terminal.

Every command exits non-zero with a one-line message when it cannot do what was asked.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from app.version import app_version
from app.wire import enrolment_string
from hub import service
from hub.config import make_engine
from hub.migrate import upgrade


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
    commands.add_parser("migrate", help="met le schéma de la base à jour")
    site = commands.add_parser("site", help="les sites d’accueil")
    site_commands = site.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = site_commands.add_parser("add", help="crée un site")
    add.add_argument("name", metavar="NOM")
    code = commands.add_parser("enrol-code", help="un code d’inscription à usage unique")
    code.add_argument("site", metavar="SITE")
    code.add_argument(
        "--hub-url", default="", help="adresse du hub, pour la chaîne de configuration"
    )
    revoke = commands.add_parser("revoke", help="révoque les postes d’un site")
    revoke.add_argument("site", metavar="SITE")
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
    user = commands.add_parser("user", help="les comptes de la console de coordination")
    user_commands = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    user_add = user_commands.add_parser(
        "add", help="crée un compte (le mot de passe est demandé deux fois)"
    )
    user_add.add_argument("login", metavar="IDENTIFIANT")
    user_add.add_argument("--name", default="", metavar="NOM", help="nom affiché")
    user_add.add_argument(
        "--password-stdin", action="store_true", help="lit le mot de passe sur l’entrée standard"
    )
    for sub in (add, code, revoke, imp, publish, stats, user_add, commands.choices["migrate"]):
        sub.add_argument("--json", action="store_true")
    return parser


def _password(args: argparse.Namespace) -> str:
    """The new account's password: from standard input, or typed twice at a prompt."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Mot de passe\u00a0: ")
    if getpass.getpass("Le même, encore\u00a0: ") != first:
        raise service.HubError("password_mismatch", "Les deux mots de passe diffèrent.", 400)
    return first


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    engine = make_engine()
    try:
        if args.command == "serve":
            import uvicorn

            from hub.api import create_app

            upgrade(engine)
            uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="info")
            return 0
        if args.command == "migrate":
            upgrade(engine)
            _print(args, {"migrated": True}, "Schéma à jour.")
            return 0
        upgrade(engine)
        from sqlalchemy.orm import sessionmaker

        password = _password(args) if args.command == "user" else ""

        sessions = sessionmaker(engine, expire_on_commit=False)
        with sessions.begin() as session:
            if args.command == "site":
                site = service.add_site(session, args.name)
                _print(args, {"site": site.id, "name": site.name}, f"Site créé : {site.id}")
            elif args.command == "enrol-code":
                code, expires = service.new_enrol_code(session, args.site)
                config = enrolment_string(args.hub_url, code) if args.hub_url else ""
                _print(
                    args,
                    {
                        "site": args.site,
                        "code": code,
                        "expires": expires.isoformat(),
                        "config": config,
                    },
                    f"Code d’inscription de {args.site} : {code}"
                    f" (valable jusqu’au {expires:%d/%m/%Y})",
                )
            elif args.command in ("directory", "nomenclature"):
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
                    f"{report.added} ajouté(s), {report.changed} modifié(s),"
                    f" {report.unchanged} inchangé(s), {report.retired} retiré(s),"
                    f" {len(report.refused)} refusé(s)."
                ] + [f"  – {reason}" for reason in report.refused]
                _print(args, report.as_dict(), "\n".join(lines))
            elif args.command == "stats":
                rows = service.site_activity(session)
                lines = [
                    f"{r['site']} : {r['contacts']} accueil(s), {r['referrals']} orientation(s),"
                    f" {r['flags']} signalement(s), dernière synchro {r['last_sync'] or 'jamais'}"
                    for r in rows
                ]
                _print(args, {"sites": rows}, "\n".join(lines) or "Aucun site.")
            elif args.command == "user":
                from hub.console.auth import add_coordinator

                account = add_coordinator(session, args.login, args.name, password)
                _print(
                    args,
                    {"login": account.login, "name": account.name},
                    f"Compte créé\u00a0: {account.login}. Connexion\u00a0: /console/login",
                )
            elif args.command == "revoke":
                count = service.revoke(session, args.site)
                _print(args, {"site": args.site, "revoked": count}, f"{count} poste(s) révoqué(s).")
        return 0
    except service.HubError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
