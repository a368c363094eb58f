"""Reading an Open Referral HSDS 3.0 export (a folder of CSV files) into a :class:`Batch`.

Readers only read: every check is made by :func:`app.directory.importing.apply`. What the
desk cannot take is said, never dropped without a word: a service area it cannot place
(each service named), a file or a column it does not read, a schedule row it cannot turn
into opening hours (each with its count). Schedules are made opening hours in
:mod:`app.directory.hsds_schedules`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.directory.batch import Batch, Refusal
from app.directory.csvrows import csv_rows, slug
from app.directory.hsds_schedules import Row, _opening_hours, _weekday_as_byday, _weekly
from app.geography import Geography
from core.errors import DeskError
from core.lang import plural
from core.places import CommuneInfo

# The files HSDS may add, with the columns without which a file means nothing.
OPTIONAL_FILES: dict[str, set[str]] = {
    "locations.csv": {"id"},
    "addresses.csv": {"location_id"},
    "service_at_location.csv": {"service_id", "location_id"},
    "phones.csv": {"number"},
    "schedules.csv": set(),  # hours only in `description` are valid HSDS, just not convertible
    "service_areas.csv": {"service_id"},
}
_HSDS1_FILES = {
    "regular_schedules.csv": "schedules.csv",
    "services_at_location.csv": "service_at_location.csv",
    "physical_addresses.csv": "addresses.csv",
}
SKIPPED_STATUSES = frozenset({"inactive", "defunct"})
# The columns each file is read for; another column holding values is named as not read.
# Identifiers carry nothing for a visitor and are never named.
_READ_COLUMNS: dict[str, set[str]] = {
    "organizations.csv": {"name", "description", "last_modified", "email", "website", "url"},
    "services.csv": {
        "organization_id", "name", "description", "last_modified", "email", "url", "status",
        "fees_description", "fees", "eligibility_description",
    },
    "locations.csv": {"organization_id", "latitude", "longitude"},
    "addresses.csv": {"location_id", "address_1", "address_2", "city", "postal_code",
                      "address_type"},
    "service_at_location.csv": {"service_id", "location_id"},
    "phones.csv": {"number", "service_id", "location_id", "organization_id"},
    "schedules.csv": {"service_id", "location_id", "service_at_location_id", "freq", "byday",
                      "valid_from", "valid_to",
                      "opens_at", "closes_at", "weekday"},
    "service_areas.csv": {"service_id", "service_at_location_id", "uri", "name", "extent",
                          "service_area"},
}  # fmt: skip
_NAMED = 5  # places named in the summary, then « … »
_REQUIRED_ID = ("id\u00a0: à renseigner", "id: required")

_SCHEDULE_KEYS = ("service_id", "service_at_location_id", "location_id")
_INSEE = re.compile(r"\d{5}|2[AB]\d{3}")
_EPCI = re.compile(r"\d{9}")
_DEPARTEMENT = re.compile(r"0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6]")
_FREE = re.compile(r"gratuit|\bfree\b", re.IGNORECASE)
_HTTP = re.compile(r"https?://\S+", re.IGNORECASE)


def read_hsds(
    folder: Path, geography: Geography, source: str | None = None, today: date | None = None
) -> Batch:
    """Organizations become structures and services services, with the address, phone,
    hours and areas HSDS keeps in its other files; hours as they stand ``today``."""
    present = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    files = dict(present)

    # HSDS 1.x names some files otherwise; its schedules give ``weekday`` (1 = Monday).
    for old, new in _HSDS1_FILES.items():
        if old in files and new not in files:
            files[new] = files[old]
    raw: dict[str, list[Row]] = {}

    def table(name: str, required: set[str]) -> list[Row]:
        rows = csv_rows(files.get(name, folder / name), required)
        raw[name] = rows
        if name == "schedules.csv":
            rows = [_weekday_as_byday(row) for row in rows]
        return rows

    # Every file is read before anything is built: a broken file stops the whole import.
    organizations = table("organizations.csv", {"id", "name"})
    services = table("services.csv", {"id", "organization_id", "name"})
    extra = {
        name: table(name, cols) if name in files else [] for name, cols in OPTIONAL_FILES.items()
    }
    export = _Export(extra, geography, today or date.today())
    source = source or slug(folder.name) or "hsds"
    day = export.today.isoformat()
    batch = Batch(format="HSDS (CSV)")
    batch.records_read = (len(organizations), len(services))
    read_files = {files[name].name.lower() for name in raw if name in files}
    batch.unread += _unread_files(present, read_files)
    for name, rows in raw.items():
        said = _unread_columns(files[name].name if name in files else name, rows)
        if said:
            batch.unread.append(said)

    for line, org in enumerate(organizations, 2):
        if not org.get("id"):
            batch.refused.append(Refusal("structure", f"ligne {line}", _REQUIRED_ID))
            continue
        location = export.org_location.get(org["id"])
        record = {
            "source": source,
            "id": f"{source}--{org['id']}",
            "nom": org.get("name"),
            "description": org.get("description"),
            "date_maj": _day(org.get("last_modified", ""), day),
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

    for line, service in enumerate(services, 2):
        status = service.get("status", "").lower()
        if status in SKIPPED_STATUSES and service.get("id"):
            reason = (
                f"statut «\u00a0{status}\u00a0»\u00a0: service fermé, non importé",
                f"status “{status}”: closed service, not imported",
            )
            batch.refused.append(Refusal("service", service["id"], reason))
            continue
        if not service.get("id"):
            batch.refused.append(Refusal("service", f"ligne {line}", _REQUIRED_ID))
            continue
        if not service.get("organization_id"):
            reason = ("organization_id\u00a0: à renseigner", "organization_id: required")
            batch.refused.append(Refusal("service", service["id"], reason))
            continue
        links = export.links.get(service["id"], [])
        location = links[0][1] if links else None
        keys = [service["id"], *(link for link, _location in links if link)]
        url = service.get("url", "")
        link = url if _HTTP.fullmatch(url) else None
        fees = service.get("fees_description") or service.get("fees", "")  # ``fees`` in 1.x
        free = bool(_FREE.search(fees))
        areas = [area for key in keys for area in export.areas.get(key, [])]
        zones = list(dict.fromkeys(filter(None, map(export.zone, areas))))
        hours = [row for key in keys for row in export.hours.get(key, [])]
        place_hours = export.place_hours.get(location or "", [])
        record = {
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
            "telephone": export.phone(service["organization_id"], location, service["id"]),
            "horaires_accueil": _opening_hours(hours, export.today)
            or _opening_hours(place_hours, export.today),
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
    for org in organizations:
        export.used(None, [], export.org_location.get(org.get("id", "")))
    said = export.schedules_said(files["schedules.csv"].name if "schedules.csv" in files else "")
    if said:
        batch.unread.append(said)
    return batch


def _count(value: int, lang: str, one: str, other: str) -> str:
    return plural(value, lang, (one, other, one, other))


def _unread_files(present: dict[str, Path], read: set[str]) -> list[tuple[str, str]]:
    """The CSV files of the folder the desk does not read, with their rows."""
    said = []
    for name, path in sorted(present.items()):
        if not name.endswith(".csv") or name in read:
            continue
        try:
            count = len(csv_rows(path, set()))
        except DeskError as error:
            said.append(
                (
                    f"{path.name}\u00a0: fichier non lu ({error.text('fr')})",
                    f"{path.name}: file not read ({error.text('en')})",
                )
            )
            continue
        said.append(
            (
                f"{path.name}\u00a0: fichier non lu,"
                f" {_count(count, 'fr', '{count} ligne', '{count} lignes')}",
                f"{path.name}: file not read, {_count(count, 'en', '{count} row', '{count} rows')}",
            )
        )
    return said


def _unread_columns(name: str, rows: list[Row]) -> tuple[str, str] | None:
    """The columns of a file read that hold values the desk does not take, each with the
    number of rows holding one."""
    read = _READ_COLUMNS.get(_HSDS1_FILES.get(name.lower(), name.lower()), set())
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for column, value in row.items():
            if value and column not in read and not _is_link(column):
                counts[column] += 1
    if not counts:
        return None
    fr = ", ".join(
        f"{c} ({_count(n, 'fr', '{count} ligne', '{count} lignes')})" for c, n in counts.items()
    )
    en = ", ".join(f"{c} ({_count(n, 'en', '{count} row', '{count} rows')})"
                   for c, n in counts.items())  # fmt: skip
    return f"{name}\u00a0: colonnes non lues\u00a0: {fr}", f"{name}: columns not read: {en}"


def _is_link(column: str) -> bool:
    """An identifier or a reference to another file (a tax number is no link)."""
    return column == "id" or (column.endswith("_id") and column != "tax_id")


def _area_not_placed(area: Row, other_zones: bool, commune: bool) -> tuple[str, str]:
    named = next(
        (area[k] for k in ("name", "service_area", "description", "extent", "uri") if area.get(k)),
        "",
    )
    named = named if len(named) <= 80 else named[:79].rstrip() + "…"
    if other_zones:
        then = ("le service garde ses autres zones", "the service keeps its other areas")
    elif commune:
        then = ("le service est rattaché à son adresse", "the service is placed at its address")
    else:
        then = ("le service n’est rattaché à aucune commune", "the service is placed nowhere")
    return (
        f"zone desservie non reconnue\u00a0: «\u00a0{named}\u00a0»\u202f; {then[0]}",
        f"service area not recognised: “{named}”; {then[1]}",
    )


def _group(rows: list[Row], *keys: str) -> dict[str, list[Row]]:
    """Rows by the value of each of ``keys`` they hold (a service id, a link id…)."""
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for key in keys:
            if row.get(key):
                grouped[row[key]].append(row)
    return grouped


class _Export:
    """The optional files, indexed, and the lookups the records need."""

    def __init__(self, tables: dict[str, list[Row]], geography: Geography, today: date) -> None:
        self.geography = geography
        self.today = today
        self.locations = {r["id"]: r for r in tables["locations.csv"] if r.get("id")}
        self.org_location: dict[str, str] = {}
        self.org_locations: dict[str, list[str]] = defaultdict(list)
        for location_id, location in self.locations.items():
            self.org_location.setdefault(location.get("organization_id", ""), location_id)
            self.org_locations[location.get("organization_id", "")].append(location_id)
        self.addresses: dict[str, Row] = {}
        for address in tables["addresses.csv"]:
            held = self.addresses.get(address["location_id"])
            # The visitor needs the physical address, not the postal one.
            if held is None or (
                address.get("address_type", "").lower() == "physical"
                and held.get("address_type", "").lower() != "physical"
            ):
                self.addresses[address["location_id"]] = address
        self.links: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for link in tables["service_at_location.csv"]:
            self.links[link["service_id"]].append((link.get("id", ""), link["location_id"]))
        # Service ids and link ids never meet (HSDS ids are unique), so one index serves both.
        schedules = tables["schedules.csv"]
        self.hours = _group(schedules, "service_id", "service_at_location_id")
        # A row also naming a service holds that service's hours, not the place's.
        own = [s for s in schedules if not (s.get("service_id") or s.get("service_at_location_id"))]
        self.place_hours = _group(own, "location_id")
        self.areas = _group(tables["service_areas.csv"], "service_id", "service_at_location_id")
        phones = [p for p in tables["phones.csv"] if p["number"]]
        self.phones = {key: _group(phones, key) for key in ("service_id", "location_id")}
        # The organization's own line before one it lists for a particular service.
        self.org_phones = _group(
            sorted(phones, key=lambda p: bool(p.get("service_id"))), "organization_id"
        )
        self._communes: dict[tuple[str, str], CommuneInfo | None] = {}
        self._zones: dict[tuple[str, str, str], str | None] = {}
        self.schedules = schedules
        self._used: set[tuple[str, str]] = set()

    def used(self, service: str | None, links: list[str], location: str | None) -> None:
        """Note what a record takes its hours from."""
        if service:
            self._used.add(("service_id", service))
        self._used.update(("service_at_location_id", link) for link in links)
        if location:
            self._used.add(("location_id", location))

    def _row_used(self, row: Row) -> bool:
        # A row naming a service holds that service's hours, whatever place it names too.
        keys = [k for k in _SCHEDULE_KEYS[:2] if row.get(k)] or ["location_id"]
        return any((key, row.get(key, "")) in self._used for key in keys)

    def schedules_said(self, name: str) -> tuple[str, str] | None:
        """How many schedule rows became no opening hours, and why."""
        why: dict[tuple[str, str], int] = defaultdict(int)
        for row in self.schedules:
            weekly = _weekly(row, self.today)
            if len(weekly) == 2:
                why[(weekly[0], weekly[1])] += 1
            elif not self._row_used(row):
                why[
                    (
                        "d’un lieu ou service sans fiche importée",
                        "of a place or service no record uses",
                    )
                ] += 1
        if not why:
            return None
        total, left = len(self.schedules), sum(why.values())
        fr = ", ".join(f"{n} {r[0]}" for r, n in why.items())
        en = ", ".join(f"{n} {r[1]}" for r, n in why.items())
        return (
            f"{name}\u00a0: {_count(left, 'fr', '{count} ligne', '{count} lignes')} sur {total}"
            f" non {'convertie' if left == 1 else 'converties'} en horaires\u00a0: {fr}",
            f"{name}: {_count(left, 'en', '{count} row', '{count} rows')} of {total} not turned"
            f" into opening hours: {en}",
        )

    def other_places(self, places: list[str], kept: str | None) -> tuple[str, str] | None:
        """The places besides the one a record keeps whose opening hours are thus not kept
        (a record holds one place), named for the import summary."""
        others = [
            p for p in dict.fromkeys(places) if p != kept and _opening_hours(
                self.place_hours.get(p, []), self.today
            )
        ]  # fmt: skip
        if not others:
            return None
        names = list(dict.fromkeys(self.locations.get(p, {}).get("name") or p for p in others))
        shown = ", ".join(names[:_NAMED]) + ("…" if len(names) > _NAMED else "")
        kept_name = self.locations.get(kept or "", {}).get("name") or kept or ""
        fr_count = _count(len(others), "fr", "{count} autre lieu", "{count} autres lieux")
        en_count = _count(len(others), "en", "{count} other place", "{count} other places")
        return (
            f"horaires de {fr_count} non repris (la fiche garde le lieu «\u00a0{kept_name}\u00a0»)"
            f"\u00a0: {shown}",
            f"hours of {en_count} not kept (the record keeps the place “{kept_name}”): {shown}",
        )

    def phone(self, organization: str, location: str | None, service: str | None) -> str | None:
        for found in (
            self.phones["service_id"].get(service or ""),
            self.phones["location_id"].get(location or ""),
            self.org_phones.get(organization),
        ):
            if found:
                # Quoted twice in the HSDS 3.0 examples (« "+44 1234 234567" »).
                return found[0]["number"].strip("\"' ")
        return None

    def place(self, location: str | None) -> dict[str, Any]:
        if not location:
            return {}
        where = self.locations.get(location, {})
        address = self.addresses.get(location, {})
        city = address.get("city", "")
        postcode = re.sub(r"\s", "", address.get("postal_code", ""))
        postcode = postcode if re.fullmatch(r"\d{5}", postcode) else ""
        commune = self.commune(city, postcode)
        return {
            "adresse": address.get("address_1"),
            "complement_adresse": address.get("address_2"),
            "code_postal": postcode or (commune.main_postcode if commune else None),
            "code_insee": commune.insee if commune else None,
            "commune": commune.name if commune else city,
            "latitude": _number(where.get("latitude", "")),
            "longitude": _number(where.get("longitude", "")),
        }

    def commune(self, city: str, postcode: str) -> CommuneInfo | None:
        key = (city, postcode)
        if key not in self._communes:
            found: CommuneInfo | None = None
            if _INSEE.fullmatch(city.upper()):
                found = self.geography.get(city)
            elif city:
                same = [
                    c for c in self.geography.named(city) if not postcode or postcode in c.postcodes
                ]
                found = same[0] if len(same) == 1 else None
            if found is None and postcode:
                # A misspelt city still has its postcode; trusted when it is one commune's.
                by_code = self.geography.by_postcode(postcode)
                found = by_code[0] if len(by_code) == 1 else None
            self._communes[key] = found
        return self._communes[key]

    def zone(self, area: Row) -> str | None:
        """The code of a service area, or None when it names nothing the desk knows."""
        # HSDS 1.x calls the area's name ``service_area``.
        name = area.get("name") or area.get("service_area", "")
        key = (area.get("uri", ""), name, area.get("extent", ""))
        if key not in self._zones:
            self._zones[key] = self._find_zone(*key)
        return self._zones[key]

    def _find_zone(self, uri: str, name: str, extent: str) -> str | None:
        tail = re.split(r"[/:]", urlsplit(uri).path.rstrip("/"))[-1]
        for value in (tail, name, extent):
            code = value.strip().upper()
            if code == "FRANCE":
                return "france"
            if _EPCI.fullmatch(code) or _DEPARTEMENT.fullmatch(code):
                return code
            if _INSEE.fullmatch(code) and self.geography.get(code):
                return code
        named = self.geography.named(name) if name.strip() else []
        return named[0].insee if len(named) == 1 else None


def _day(value: str, today: str) -> str:
    # A malformed date is passed on as it is: apply() refuses it with the reason.
    return re.split(r"[T ]", value.strip(), maxsplit=1)[0] or today


def _number(value: str) -> float | None:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


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
