"""The console's « Conservation des données »: how long the hub keeps the region's
referrals, flags and visits in detail (:mod:`hub.retention`), shown and changed by a
coordinator. A refusal shows the form again with why, and changes nothing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from core.i18n import gettext
from hub import checks, monthly, retention
from hub.console import auth
from hub.console.web import Console, ConsoleOf, Refused, done

HERE = "/console/conservation"
# The form's fields, and the setting each one sets.
FIELDS = {"orientations": "referral_months", "signalements": "flag_months",
          "detail": "detail_years", "sans_nouvelles": "no_news_days",
          "codes": "slip_months"}  # fmt: skip


def _state(session: Session) -> dict[str, Any]:
    kept = retention.read(session)
    slips = monthly.month_start(checks.today(), kept.slip_months)
    held = kept.slips_from
    return {"kept": kept, "horizons": kept.horizons(checks.today()),
            "slips_horizon": max(slips, held) if held else slips}  # fmt: skip


async def show(
    request: Request, console: Console, who: auth.Visitor, status: int = 200, **context: Any
) -> HTMLResponse:
    state = await console.db(_state)
    form = {field: str(getattr(state["kept"], name)) for field, name in FIELDS.items()}
    context.setdefault("form", form)
    return console.page(
        request, "retention.html", status, visitor=who, bounds=retention.BOUNDS, fields=FIELDS,
        notice=context.pop("notice", ""), message=context.pop("message", ""),
        **state, **context,
    )  # fmt: skip


router = APIRouter()


@router.get("/conservation", response_class=HTMLResponse)
async def page(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    notice = (
        gettext("Durées de conservation enregistrées.") if request.query_params.get("fait") else ""
    )
    return await show(request, console, who, notice=notice)


@router.post("/conservation")
async def change(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    values: dict[str, int | None] = {}
    for field, name in FIELDS.items():
        typed = form.get(field, "").strip()
        if not (typed.isascii() and typed.isdigit()) or len(typed) > 4:  # not « ² »
            said = gettext("«\u00a0{value}\u00a0» n’est pas un nombre entier.")
            entered = {f: form.get(f, "")[:10] for f in FIELDS}
            return await show(
                request, console, who, 400, form=entered, message=said.format(value=typed[:10])
            )
        values[name] = int(typed)
    try:
        await console.db(lambda s: retention.change(s, who.login, **values))
    except Refused as refusal:
        entered = {f: form.get(f, "") for f in FIELDS}
        return await show(request, console, who, 400, form=entered, message=refusal.message)
    return done(HERE, "1")
