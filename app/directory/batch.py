"""What an import carries: the :class:`Batch` a reader found in the files, each record left
out (:class:`Refusal`), and the :class:`ImportSummary` said once the batch is checked and
stored by :func:`app.directory.importing.apply`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.lang import plural


@dataclass(frozen=True, slots=True)
class Refusal:
    """A record left out, and why (a French and an English sentence)."""

    kind: str  # "structure" or "service"
    label: str  # how the file names it: its id, or its line
    reason: tuple[str, str]

    def text(self, lang: str = "fr") -> str:
        what = {"structure": ("Structure", "Structure"), "service": ("Service", "Service")}[
            self.kind
        ]
        pick = 1 if lang == "en" else 0
        separator = ": " if lang == "en" else "\u00a0: "
        return f"{what[pick]} {self.label}{separator}{self.reason[pick]}"


@dataclass
class Batch:
    """What a reader found in the files, before any check."""

    format: str
    structures: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    services: list[tuple[str, dict[str, Any], list[str]]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # Rows that repeat another one (the first is kept), and what was read but not taken.
    duplicates: list[Refusal] = field(default_factory=list)
    warnings: list[Refusal] = field(default_factory=list)
    # A spreadsheet's data rows: each becomes a service, a duplicate or a refusal.
    rows: int | None = None
    # The records an export holds (HSDS): each becomes an added or updated one, or a refusal.
    records_read: tuple[int, int] | None = None  # (structures, services)
    # Files, columns and rows read from the files but not taken into any record, each said
    # with its count (a French and an English sentence).
    unread: list[tuple[str, str]] = field(default_factory=list)
    # Structures made from the rows (a spreadsheet): one left with no service is not stored.
    derived_structures: bool = False


@dataclass
class ImportSummary:
    format: str
    sources: list[str] = field(default_factory=list)
    structures_added: int = 0
    structures_updated: int = 0
    services_added: int = 0
    services_updated: int = 0
    retired: int = 0
    refused: list[Refusal] = field(default_factory=list)
    duplicates: list[Refusal] = field(default_factory=list)
    warnings: list[Refusal] = field(default_factory=list)
    rows: int | None = None
    records_read: tuple[int, int] | None = None
    unread: list[tuple[str, str]] = field(default_factory=list)

    def lines(self, lang: str = "fr") -> list[str]:
        def count(value: int, *forms: str) -> str:
            """Forms: French one, French other, English one, English other."""
            return plural(value, lang, (forms[0], forms[1], forms[2], forms[3]))

        structures = count(
            self.structures_added,
            "{count} structure ajoutée",
            "{count} structures ajoutées",
            "{count} structure added",
            "{count} structures added",
        )
        structures_updated = count(
            self.structures_updated,
            "{count} mise à jour",
            "{count} mises à jour",
            "{count} updated",
            "{count} updated",
        )
        services = count(
            self.services_added,
            "{count} service ajouté",
            "{count} services ajoutés",
            "{count} service added",
            "{count} services added",
        )
        services_updated = count(
            self.services_updated,
            "{count} mis à jour",
            "{count} mis à jour",
            "{count} updated",
            "{count} updated",
        )
        retired = count(
            self.retired, "{count} retiré", "{count} retirés", "{count} retired", "{count} retired"
        )
        refused = count(
            len(self.refused),
            "{count} refusé",
            "{count} refusés",
            "{count} refused",
            "{count} refused",
        )
        duplicates = count(
            len(self.duplicates),
            "{count} doublon",
            "{count} doublons",
            "{count} duplicate",
            "{count} duplicates",
        )
        warnings = count(
            len(self.warnings),
            "{count} avertissement",
            "{count} avertissements",
            "{count} warning",
            "{count} warnings",
        )
        rows = ""
        if self.rows is not None:
            rows = count(
                self.rows, "{count} ligne lue", "{count} lignes lues", "{count} row read",
                "{count} rows read",
            )  # fmt: skip
        elif self.records_read is not None:
            structures_read, services_read = self.records_read
            rows = count(
                structures_read, "{count} structure lue", "{count} structures lues",
                "{count} structure read", "{count} structures read",
            ) + (" et " if lang != "en" else " and ") + count(
                services_read, "{count} service lu", "{count} services lus",
                "{count} service read", "{count} services read",
            )  # fmt: skip
        if lang == "en":
            head = (
                f"{self.format}: {rows + '; ' if rows else ''}{structures},"
                f" {structures_updated}; {services}, {services_updated}; {duplicates};"
                f" {retired}; {refused}; {warnings}."
            )
        else:
            head = (
                f"{self.format}\u00a0: {rows + chr(0x202F) + '; ' if rows else ''}{structures},"
                f" {structures_updated}\u202f; {services}, {services_updated}\u202f;"
                f" {duplicates}\u202f; {retired}\u202f; {refused}\u202f; {warnings}."
            )
        lines = [head, *(f"  – {refusal.text(lang)}" for refusal in self.refused)]
        lines += [f"  – {duplicate.text(lang)}" for duplicate in self.duplicates]
        if self.warnings:
            lines.append("Warnings (kept):" if lang == "en" else "Avertissements (gardés)\u00a0:")
            lines += [f"  · {warning.text(lang)}" for warning in self.warnings]
        if self.unread:
            lines.append(
                "Not read (left aside):" if lang == "en" else "Non lu (laissé de côté)\u00a0:"
            )
            lines += [f"  · {said[1] if lang == 'en' else said[0]}" for said in self.unread]
        return lines
