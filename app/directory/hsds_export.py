"""The files of an Open Referral HSDS export that complete its organizations and services
(places, addresses, phones, schedules, service areas), indexed for :mod:`app.directory.hsds`,
and what it leaves unread, said for the import summary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.directory.batch import Listed, Told, told
from app.directory.csvrows import csv_rows
from app.directory.hsds_schedules import Row, _opening_hours, _weekly
from app.geography import Geography
from core.errors import DeskError
from core.i18n import N_, Nn_
from core.places import CommuneInfo

# HSDS 1.x names some files otherwise.
HSDS1_FILES = {
    "regular_schedules.csv": "schedules.csv",
    "services_at_location.csv": "service_at_location.csv",
    "physical_addresses.csv": "addresses.csv",
}
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
_SCHEDULE_KEYS = ("service_id", "service_at_location_id", "location_id")
_INSEE = re.compile(r"\d{5}|2[AB]\d{3}")
_EPCI = re.compile(r"\d{9}")
_DEPARTEMENT = re.compile(r"0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6]")
_ROWS = Nn_("{count} ligne", "{count} lignes")
_NO_RECORD = told(N_("d’un lieu ou service sans fiche importée"))


def unread_files(present: dict[str, Path], read: set[str]) -> list[Told]:
    """The CSV files of the folder the desk does not read, with their rows."""
    said: list[Told] = []
    for name, path in sorted(present.items()):
        if not name.endswith(".csv") or name in read:
            continue
        try:
            count = len(csv_rows(path, set()))
        except DeskError as error:
            said.append(
                told(N_("{file}\u00a0: fichier non lu ({error})"), file=path.name, error=error)
            )
            continue
        rows = told(_ROWS, count=count)
        said.append(told(N_("{file}\u00a0: fichier non lu, {rows}"), file=path.name, rows=rows))
    return said


def unread_columns(name: str, rows: list[Row]) -> Told | None:
    """The columns of a file read that hold values the desk does not take, each with the
    number of rows holding one."""
    read = _READ_COLUMNS.get(HSDS1_FILES.get(name.lower(), name.lower()), set())
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for column, value in row.items():
            if value and column not in read and not _is_link(column):
                counts[column] += 1
    if not counts:
        return None
    columns = Listed(
        tuple(
            told(N_("{column} ({rows})"), column=c, rows=told(_ROWS, count=n))
            for c, n in counts.items()
        )
    )
    return told(N_("{file}\u00a0: colonnes non lues\u00a0: {columns}"), file=name, columns=columns)


def _is_link(column: str) -> bool:
    """An identifier or a reference to another file (a tax number is no link)."""
    return column == "id" or (column.endswith("_id") and column != "tax_id")


def group(rows: list[Row], *keys: str) -> dict[str, list[Row]]:
    """Rows by the value of each of ``keys`` they hold (a service id, a link id…)."""
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for key in keys:
            if row.get(key):
                grouped[row[key]].append(row)
    return grouped


class Export:
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
        self.hours = group(schedules, "service_id", "service_at_location_id")
        # A row also naming a service holds that service's hours, not the place's.
        own = [s for s in schedules if not (s.get("service_id") or s.get("service_at_location_id"))]
        self.place_hours = group(own, "location_id")
        self.areas = group(tables["service_areas.csv"], "service_id", "service_at_location_id")
        phones = [p for p in tables["phones.csv"] if p["number"]]
        self.phones = {key: group(phones, key) for key in ("service_id", "location_id")}
        # The organization's own line before one it lists for a particular service.
        self.org_phones = group(
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

    def schedules_said(self, name: str) -> Told | None:
        """How many schedule rows became no opening hours, and why."""
        why: dict[str, tuple[Told, int]] = {}
        for row in self.schedules:
            weekly = _weekly(row, self.today)
            reason = weekly if isinstance(weekly, Told) else None
            if reason is None and not self._row_used(row):
                reason = _NO_RECORD
            if reason is not None:
                key = reason.text("fr")
                why[key] = (reason, why.get(key, (reason, 0))[1] + 1)
        if not why:
            return None
        left = sum(n for _r, n in why.values())
        reasons = Listed(
            tuple(told(N_("{count} {reason}"), count=n, reason=r) for r, n in why.values())
        )
        return told(
            Nn_(
                "{file}\u00a0: {count} ligne sur {total} non convertie en horaires\u00a0:"
                " {reasons}",
                "{file}\u00a0: {count} lignes sur {total} non converties en horaires\u00a0:"
                " {reasons}",
            ),
            file=name,
            count=left,
            total=len(self.schedules),
            reasons=reasons,
        )

    def other_places(self, places: list[str], kept: str | None) -> Told | None:
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
        return told(
            Nn_(
                "horaires de {count} autre lieu non repris (la fiche garde le lieu"
                " «\u00a0{kept}\u00a0»)\u00a0: {places}",
                "horaires de {count} autres lieux non repris (la fiche garde le lieu"
                " «\u00a0{kept}\u00a0»)\u00a0: {places}",
            ),
            count=len(others),
            kept=kept_name,
            places=shown,
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
            # As written: every import's coordinates are checked where it is stored.
            "latitude": where.get("latitude", "").strip() or None,
            "longitude": where.get("longitude", "").strip() or None,
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
