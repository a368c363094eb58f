"""Reading directory files into a :class:`Batch`: data.inclusion (JSON or CSV) and the
plain spreadsheet a French office keeps. HSDS lives in :mod:`app.directory.hsds`.

Readers only read: every check is made by :func:`app.directory.importing.apply`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from app.directory.batch import Batch, Both, Refusal, Told, told
from app.directory.checks import readable_point
from app.directory.csvrows import csv_rows, slug
from app.directory.importing import read_text
from app.geography import Geography
from core.errors import DeskError
from core.i18n import N_
from core.lists import PUBLIC_PUBLICS, THEME_THEMATIQUES
from core.places import search_key

# Fields of data.inclusion that hold lists.
LIST_FIELDS = frozenset(
    {
        "thematiques",
        "publics",
        "modes_accueil",
        "zone_eligibilite",
        "modes_mobilisation",
        "mobilisable_par",
        "reseaux_porteurs",
    }
)


def read_directory(path: Path, geography: Geography, source: str | None = None) -> Batch:
    """The records of a data.inclusion folder, an HSDS folder or a spreadsheet CSV."""
    if path.is_dir():
        names = {p.name.lower() for p in path.iterdir()}
        if {"structures.json", "services.json"} <= names:
            return read_datainclusion(path, "json", source)
        if {"structures.csv", "services.csv"} <= names:
            return read_datainclusion(path, "csv", source)
        if {"organizations.csv", "services.csv"} <= names:
            from app.directory.hsds import read_hsds

            return read_hsds(path, geography, source)
        raise DeskError("unknown_directory_format", path=str(path))
    if path.suffix.lower() == ".csv":
        return read_spreadsheet(path, geography, source)
    if not path.exists():
        raise DeskError("file_not_found", path=str(path))
    raise DeskError("unknown_directory_format", path=str(path))


# --- data.inclusion ----------------------------------------------------------------------


def _load_json(path: Path) -> list[dict[str, Any]]:
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DeskError("bad_json", path=path.name, line=error.lineno) from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise DeskError("json_not_list", path=path.name)
    return data


def _list_cell(value: str) -> list[str] | None:
    value = value.strip()
    if not value:
        return None
    if value.startswith("["):
        try:
            parsed = json.loads(value)
            if isinstance(parsed, list):
                return [str(v) for v in parsed]
        except json.JSONDecodeError:
            pass
    # ``a|b``, ``a, b``, and PostgreSQL's ``{a,b}`` / ``{"a","b"}``.
    items = re.split(r"[|,;]", value.removeprefix("{").removesuffix("}"))
    return [item for v in items if (item := v.strip().strip('"').strip())]


def _from_csv_row(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in row.items():
        if key == IGNORE_COLUMN:
            continue
        if key in LIST_FIELDS:
            record[key] = _list_cell(value)
        else:
            record[key] = value or None
    return record


# The producer template's column marking its help and example rows (the validator skips them).
IGNORE_COLUMN = "__ignore__"
_TRUE = frozenset({"1", "true", "vrai", "oui", "x"})


def read_datainclusion(folder: Path, kind: str, source: str | None = None) -> Batch:
    """A data.inclusion folder. Its template has no ``source`` column: a record without one
    takes ``source`` (the command's ``--source``), else the folder's name."""
    batch = Batch(format=f"data·inclusion ({kind.upper()})")
    names = {p.name.lower(): p for p in folder.iterdir()}
    fallback = source or slug(folder.name) or "datainclusion"
    files: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name, required in (
        ("structures", {"id", "nom"}),
        ("services", {"id", "structure_id", "nom"}),
    ):
        if kind == "json":
            records = _load_json(names[f"{name}.json"])
            files[name] = [
                (str(r.get("id") or f"n°\u00a0{index}"), r) for index, r in enumerate(records, 1)
            ]
        else:
            rows = csv_rows(names[f"{name}.csv"], required)
            files[name] = [
                (r.get("id") or f"ligne {line}", _from_csv_row(r))
                for line, r in enumerate(rows, 2)
                if r.get(IGNORE_COLUMN, "").strip().lower() not in _TRUE
            ]
    for labelled in files.values():
        for _label, record in labelled:
            if not record.get("source"):
                record["source"] = fallback
    batch.structures = files["structures"]
    batch.services = [(label, record, []) for label, record in files["services"]]
    return batch


# --- the plain spreadsheet -------------------------------------------------------------

# Column -> what it holds; documented in the README, and in the template the window saves.
SPREADSHEET_COLUMNS = (
    "structure",
    "service",
    "description",
    "adresse",
    "code_postal",
    "commune",
    "telephone",
    "courriel",
    "site_web",
    "horaires",
    "thematiques",
    "publics",
    "zone",
    "modes",
    "frais",
    "type",
    "conditions",
    "documents",
    "latitude",
    "longitude",
)
SPREADSHEET_REQUIRED = frozenset({"structure", "service", "description", "commune"})
SPREADSHEET_EXAMPLE = (
    "CIO d’Istres",
    "Entretien d’orientation",
    "Un psychologue de l’Éducation nationale aide à choisir une voie de formation.",
    "1 rue fictive",
    "13800",
    "Istres",
    "04 65 71 00 00",
    "accueil@cio-istres.example.org",
    "https://cio-istres.example.org",
    "Mo-Fr 09:00-12:00,13:30-17:00; PH off",
    "choisir-orientation|trouver-formation",
    "scolaire|etudiant",
    "13047|200054807",
    "sur place|à distance",
    "gratuit",
    "accompagnement",
    "Sur rendez-vous.",
    "Dernier bulletin scolaire|Pièce d’identité",
    "",
    "",
)


def spreadsheet_template() -> str:
    """The template of the spreadsheet, as French Excel opens it (``;``, with a BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(SPREADSHEET_COLUMNS)
    writer.writerow(SPREADSHEET_EXAMPLE)
    return "\ufeff" + out.getvalue()


_MODES = {
    "sur place": "en-presentiel",
    "en presentiel": "en-presentiel",
    "presentiel": "en-presentiel",
    "a distance": "a-distance",
    "distance": "a-distance",
    "en ligne": "a-distance",
}


def _codes(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[|,;]", value) if v.strip()]


def _service_key(structure: str, row: dict[str, str], insee: str) -> str:
    """What makes a row's service itself: its structure, its name, its address, its commune
    (six « Médiation numérique » places of one town hall are six services)."""
    words = (structure, row.get("service", ""), row.get("adresse", ""), insee)
    return hashlib.sha256("\x1f".join(map(search_key, words)).encode()).hexdigest()[:10]


def read_spreadsheet(path: Path, geography: Geography, source: str | None = None) -> Batch:
    """One row a service; its structure is named in the row. Ids are made from the
    structure, the name, the address and the commune, so that importing the same file
    again updates the same records, and homonyms stay apart. A row repeating one above
    is named as a duplicate: each row read is a service, a duplicate or a refusal."""
    rows = csv_rows(path, set(SPREADSHEET_REQUIRED))
    source = source or slug(path.stem) or "tableur"
    batch = Batch(format="tableur CSV", rows=len(rows), derived_structures=True)
    today = date.today().isoformat()
    structures: dict[str, dict[str, Any]] = {}
    seen: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row in enumerate(rows, 2):
        label = f"ligne {line}"
        name = row.get("structure", "")
        if not name:
            batch.refused.append(
                Refusal("service", label, told(N_("structure\u00a0: à renseigner")))
            )
            continue
        place = _place(row, geography)
        if isinstance(place, Told):
            batch.refused.append(Refusal("service", label, place))
            continue
        note = place.pop("_note")
        if note:
            batch.warnings.append(Refusal("service", label, note))
        structure_id = f"{source}--{slug(name)}"
        key = _service_key(name, row, place["code_insee"])
        if key in seen:
            first, first_row = seen[key]
            batch.duplicates.append(Refusal("service", label, _duplicate(first, first_row == row)))
            continue
        seen[key] = (line, row)
        if structure_id not in structures:
            structures[structure_id] = _structure_record(row, place, source, structure_id, today)
            batch.structures.append((label, structures[structure_id]))
        record = _service_record(row, place, structures[structure_id], key)
        documents = _codes(row.get("documents", "").replace(",", "|"))
        batch.services.append((label, record, documents))
    return batch


def _duplicate(first: int, same: bool) -> Told:
    if same:
        return told(N_("doublon exact de la ligne {line}"), line=str(first))
    return told(
        N_("même structure, nom, adresse et commune que la ligne {line}, qui seule est gardée"),
        line=str(first),
    )


def _structure_record(
    row: dict[str, str], place: dict[str, Any], source: str, structure_id: str, today: str
) -> dict[str, Any]:
    return {
        "source": source,
        "id": structure_id,
        "nom": row.get("structure", ""),
        "date_maj": today,
        "telephone": row.get("telephone") or None,
        "courriel": row.get("courriel") or None,
        "site_web": row.get("site_web") or None,
        "horaires_accueil": row.get("horaires") or None,
        **place,
    }


def _service_record(
    row: dict[str, str], place: dict[str, Any], structure: dict[str, Any], key: str
) -> dict[str, Any]:
    """A row's service, its desk's theme and public codes made data.inclusion's."""
    themes = []
    for code in _codes(row.get("thematiques", "")):
        themes += THEME_THEMATIQUES.get(code, [code])
    publics = []
    for code in _codes(row.get("publics", "")):
        publics += PUBLIC_PUBLICS.get(code, [code]) or ["tous-publics"]
    modes = [_MODES.get(slug(m).replace("-", " "), m) for m in _codes(row.get("modes", ""))]
    structure_id = structure["id"]
    return {
        "source": structure["source"],
        "structure_id": structure_id,
        "id": f"{structure_id}--{slug(row.get('service', ''))[:40]}-{key}",
        "nom": row.get("service") or "",
        "description": row.get("description") or "",
        "date_maj": structure["date_maj"],
        "type": row.get("type") or None,
        "frais": row.get("frais") or None,
        "conditions_acces": row.get("conditions") or None,
        "telephone": row.get("telephone") or None,
        "courriel": row.get("courriel") or None,
        "horaires_accueil": row.get("horaires") or None,
        "thematiques": sorted(set(themes)) or None,
        "publics": sorted(set(publics)) or None,
        "zone_eligibilite": _codes(row.get("zone", "")) or None,
        "modes_accueil": sorted(set(modes)) or None,
        **place,
    }


def _place(row: dict[str, str], geography: Geography) -> dict[str, Any] | Told:
    """Address fields of a row, with the commune's INSEE code found from its name or code."""
    typed = row.get("commune", "").strip()
    postcode = row.get("code_postal", "").strip()
    note: Told | None = None
    commune = None
    if re.fullmatch(r"\d[\dAB]\d{3}", typed.upper()):
        current = geography.current_code(typed)
        commune = geography.get(current) if current else None
    if commune is None and typed:
        same = [c for c in geography.named(typed) if not postcode or postcode in c.postcodes]
        if len(same) == 1:
            commune = same[0]
        elif same:
            return told(
                N_(
                    "commune\u00a0: plusieurs communes s’appellent «\u00a0{name}\u00a0»,"
                    " précisez le code postal"
                ),
                name=typed,
            )
    if commune is None and typed and postcode:
        # A commune merged since (Oullins, now Oullins-Pierre-Bénite) keeps its postcode.
        by_code = geography.by_postcode(postcode)
        commune = by_code[0] if len(by_code) == 1 else None
    if (
        commune is not None
        and search_key(typed) != search_key(commune.name)
        and (search_key(typed) != search_key(commune.insee))
    ):
        note = told(
            N_(
                "commune\u00a0: «\u00a0{typed}\u00a0» n’est pas le nom d’une commune"
                " actuelle, placé d’après {given} à {name} ({code})"
            ),
            typed=typed,
            given=postcode or typed,
            name=commune.name,
            code=commune.insee,
        )
    if commune is None:
        return told(N_("commune\u00a0: «\u00a0{name}\u00a0» introuvable"), name=typed)
    # As typed: every import's coordinates are checked where it is stored (app.directory.checks).
    return {
        "adresse": row.get("adresse") or None,
        "code_postal": postcode or commune.main_postcode,
        "code_insee": commune.insee,
        "commune": commune.name,
        "latitude": row.get("latitude", "").strip() or None,
        "longitude": row.get("longitude", "").strip() or None,
        "_note": note,
    }


def convert(batch: Batch, folder: Path) -> tuple[list[Refusal], list[Refusal]]:
    """Write a batch as a data.inclusion folder (``structures.json``, ``services.json``, and
    the desk's ``complements.json``), each record checked by the schema; the refused ones
    are returned, named with their reason, and the warnings (coordinates left out)."""
    from data_inclusion.schema import v1
    from pydantic import ValidationError

    from core.directory.validation import explain

    refused = list(batch.refused) + list(batch.duplicates)
    warnings: list[Refusal] = []
    out: dict[str, list[dict[str, Any]]] = {"structures": [], "services": []}
    complements: dict[str, dict[str, list[str]]] = {}
    for kind, rows, model in (
        ("structure", [(label, raw, []) for label, raw in batch.structures], v1.Structure),
        ("service", batch.services, v1.Service),
    ):
        for label, given, documents in rows:
            raw = dict(given)
            said = readable_point(raw)
            try:
                record = model.model_validate(raw).model_dump(mode="json", exclude_none=True)
            except ValidationError as error:
                refused.append(Refusal(kind, label, Both(*explain(error.errors()))))
                continue
            warnings += [Refusal(kind, label, each) for each in said]
            out[f"{kind}s"].append(record)
            if documents:
                complements[record["id"]] = {"documents": list(documents)}
    folder.mkdir(parents=True, exist_ok=True)
    for name, records in out.items():
        (folder / f"{name}.json").write_text(
            json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    (folder / "complements.json").write_text(
        json.dumps({"services": complements}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return refused, warnings
