"""Reading an Open Referral HSDS 3.0 export (a folder of CSV files) into a :class:`Batch`.

Readers only read: every check is made by :func:`app.directory.importing.apply`. What the
desk cannot take is said, never dropped without a word: a service area it cannot place
(each service named), a file or a column it does not read, a schedule row it cannot turn
into opening hours (each with its count). The export's other files are indexed in
:mod:`app.directory.hsds_export`, schedules made opening hours in
:mod:`app.directory.hsds_schedules`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from app.directory.batch import Batch, Refusal, Told, told
from app.directory.csvrows import csv_rows, slug
from app.directory.hsds_export import HSDS1_FILES, Export, unread_columns, unread_files
from app.directory.hsds_schedules import Row, _opening_hours, _weekday_as_byday
from app.geography import Geography
from core.i18n import N_

# The files HSDS may add, with the columns without which a file means nothing.
OPTIONAL_FILES: dict[str, set[str]] = {
    "locations.csv": {"id"},
    "addresses.csv": {"location_id"},
    "service_at_location.csv": {"service_id", "location_id"},
    "phones.csv": {"number"},
    "schedules.csv": set(),  # hours only in `description` are valid HSDS, just not convertible
    "service_areas.csv": {"service_id"},
}
SKIPPED_STATUSES = frozenset({"inactive", "defunct"})
_REQUIRED_ID = told(N_("id\u00a0: à renseigner"))

_FREE = re.compile(r"gratuit|\bfree\b", re.IGNORECASE)
_HTTP = re.compile(r"https?://\S+", re.IGNORECASE)


class _Files:
    """The export's files, read whole before anything is built: a broken file stops the
    whole import."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.present = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
        self.paths = dict(self.present)
        # HSDS 1.x names some files otherwise; its schedules give ``weekday`` (1 = Monday).
        for old, new in HSDS1_FILES.items():
            if old in self.paths and new not in self.paths:
                self.paths[new] = self.paths[old]
        self.raw: dict[str, list[Row]] = {}

    def table(self, name: str, required: set[str]) -> list[Row]:
        rows = csv_rows(self.paths.get(name, self.folder / name), required)
        self.raw[name] = rows
        if name == "schedules.csv":
            rows = [_weekday_as_byday(row) for row in rows]
        return rows

    def name(self, name: str) -> str:
        """A file as the folder spells it."""
        return self.paths[name].name if name in self.paths else name

    def unread(self) -> list[Told]:
        """The folder's files not read, and the columns of those read not taken."""
        read = {self.paths[name].name.lower() for name in self.raw if name in self.paths}
        said = unread_files(self.present, read)
        columns = (unread_columns(self.name(name), rows) for name, rows in self.raw.items())
        return said + [told for told in columns if told]


def read_hsds(
    folder: Path, geography: Geography, source: str | None = None, today: date | None = None
) -> Batch:
    """Organizations become structures and services services, with the address, phone,
    hours and areas HSDS keeps in its other files; hours as they stand ``today``."""
    files = _Files(folder)
    organizations = files.table("organizations.csv", {"id", "name"})
    services = files.table("services.csv", {"id", "organization_id", "name"})
    extra = {
        name: files.table(name, cols) if name in files.paths else []
        for name, cols in OPTIONAL_FILES.items()
    }
    export = Export(extra, geography, today or date.today())
    batch = Batch(format="HSDS (CSV)", records_read=(len(organizations), len(services)))
    batch.unread += files.unread()
    source = source or slug(folder.name) or "hsds"
    for line, org in enumerate(organizations, 2):
        _add_structure(batch, export, source, line, org)
    for line, service in enumerate(services, 2):
        _add_service(batch, export, source, line, service)
    for org in organizations:
        export.used(None, [], export.org_location.get(org.get("id", "")))
    said = export.schedules_said(
        files.name("schedules.csv") if "schedules.csv" in files.paths else ""
    )
    if said:
        batch.unread.append(said)
    return batch


def _add_structure(batch: Batch, export: Export, source: str, line: int, org: Row) -> None:
    if not org.get("id"):
        batch.refused.append(Refusal("structure", f"ligne {line}", _REQUIRED_ID))
        return
    location = export.org_location.get(org["id"])
    record = {
        "source": source,
        "id": f"{source}--{org['id']}",
        "nom": org.get("name"),
        "description": org.get("description"),
        "date_maj": _day(org.get("last_modified", ""), export.today.isoformat()),
        "courriel": org.get("email"),
        "site_web": _web(org.get("website") or org.get("url")),
        "telephone": export.phone(org["id"], location, None),
        "horaires_accueil": _opening_hours(
            export.place_hours.get(location or "", []), export.today
        ),
        **export.place(location),
    }
    batch.structures.append((org["id"], _clean(record)))
    others = export.other_places(export.org_locations.get(org["id"], []), location)
    if others:
        batch.warnings.append(Refusal("structure", org["id"], others))


def _refused(service: Row, line: int) -> Told | None:
    """Why a service row is not taken, if it is not."""
    status = service.get("status", "").lower()
    if status in SKIPPED_STATUSES and service.get("id"):
        return told(
            N_("statut «\u00a0{status}\u00a0»\u00a0: service fermé, non importé"), status=status
        )
    if not service.get("id"):
        return _REQUIRED_ID
    if not service.get("organization_id"):
        return told(N_("organization_id\u00a0: à renseigner"))
    return None


def _add_service(batch: Batch, export: Export, source: str, line: int, service: Row) -> None:
    refused = _refused(service, line)
    if refused is not None:
        batch.refused.append(Refusal("service", service.get("id") or f"ligne {line}", refused))
        return
    links = export.links.get(service["id"], [])
    location = links[0][1] if links else None
    keys = [service["id"], *(link for link, _location in links if link)]
    areas = [area for key in keys for area in export.areas.get(key, [])]
    zones = list(dict.fromkeys(filter(None, map(export.zone, areas))))
    hours = [row for key in keys for row in export.hours.get(key, [])]
    record = {
        **_service_record(service, source, export.today.isoformat()),
        "telephone": export.phone(service["organization_id"], location, service["id"]),
        "horaires_accueil": _opening_hours(hours, export.today)
        or _opening_hours(export.place_hours.get(location or "", []), export.today),
        "zone_eligibilite": zones,
        **export.place(location),
    }
    for area in areas:
        if export.zone(area) is None:
            said = _area_not_placed(area, bool(zones), bool(record.get("code_insee")))
            batch.warnings.append(Refusal("service", service["id"], said))
    batch.services.append((service["id"], _clean(record), []))
    if not hours:  # the service's own schedules name no place: its first place's hours
        others = export.other_places([place for _link, place in links], location)
        if others:
            batch.warnings.append(Refusal("service", service["id"], others))
    export.used(service["id"], [link for link, _location in links if link], location)


def _service_record(service: Row, source: str, day: str) -> dict[str, Any]:
    """What a service row says by itself, without the export's other files."""
    url = service.get("url", "")
    link = url if _HTTP.fullmatch(url) else None
    fees = service.get("fees_description") or service.get("fees", "")  # ``fees`` in 1.x
    free = bool(_FREE.search(fees))
    return {
        "source": source,
        # An unknown organization is kept so that apply() names it as such.
        "structure_id": f"{source}--{service['organization_id']}",
        "id": f"{source}--{service['id']}",
        "nom": service.get("name"),
        "description": service.get("description"),
        "date_maj": _day(service.get("last_modified", ""), day),
        "courriel": service.get("email"),
        "lien_source": link,
        "lien_mobilisation": link,
        "frais": ("gratuit" if free else "payant") if fees else None,
        "frais_precisions": None if free else fees,
        "conditions_acces": service.get("eligibility_description"),
    }


def _area_not_placed(area: Row, other_zones: bool, commune: bool) -> Told:
    named = next(
        (area[k] for k in ("name", "service_area", "description", "extent", "uri") if area.get(k)),
        "",
    )
    named = named if len(named) <= 80 else named[:79].rstrip() + "…"
    if other_zones:
        then = told(N_("le service garde ses autres zones"))
    elif commune:
        then = told(N_("le service est rattaché à son adresse"))
    else:
        then = told(N_("le service n’est rattaché à aucune commune"))
    return told(
        N_("zone desservie non reconnue\u00a0: «\u00a0{area}\u00a0»\u202f; {then}"),
        area=named,
        then=then,
    )


def _day(value: str, today: str) -> str:
    # A malformed date is passed on as it is: apply() refuses it with the reason.
    return re.split(r"[T ]", value.strip(), maxsplit=1)[0] or today


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    # An empty cell is an absent field: the schema then says "required" rather than "too short".
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def _web(address: str | None) -> str | None:
    """A website as spreadsheets write it (``www.cio.fr``) made a full address."""
    if not address:
        return None
    if "://" not in address and "." in address and " " not in address:
        return f"https://{address}"
    return address
