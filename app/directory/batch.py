"""What an import carries: the :class:`Batch` a reader found in the files, each record left
out (:class:`Refusal`), and the :class:`ImportSummary` said once the batch is checked and
stored by :func:`app.directory.importing.apply`.

What is said about a record is kept as a catalogue message with its parameters
(:class:`Told`), and written in the reader's language only when the summary is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from core.errors import said
from core.formatting import number
from core.i18n import N_, Counted, Nn_, gettext


class Sentence(Protocol):
    """Something said about a record, in French or English."""

    def text(self, lang: str = "fr") -> str: ...


@dataclass(frozen=True, slots=True)
class Told:
    """A catalogue message (its French id, plain or counted by ``count``) with its
    parameters; a parameter may itself be a :class:`Sentence`, and a float is a number
    written the language's way (« 1 234 »)."""

    message: str | Counted
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "fr") -> str:
        return said(self.message, lang, **{k: _shown(v, lang) for k, v in self.params.items()})


def told(message: str | Counted, /, **params: Any) -> Told:
    return Told(message, params)


class Both(NamedTuple):
    """A text given in both languages by its maker (the schema's complaints)."""

    fr: str
    en: str

    def text(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr


class Listed(NamedTuple):
    """Sentences joined by a comma (« a (2 lignes), b (1 ligne) »)."""

    items: tuple[Sentence, ...]

    def text(self, lang: str = "fr") -> str:
        return ", ".join(item.text(lang) for item in self.items)


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, float):
        return number(value, lang)
    return value.text(lang) if hasattr(value, "text") else value


_KINDS = {
    "structure": N_("Structure {label}\u00a0: {reason}"),
    "service": N_("Service {label}\u00a0: {reason}"),
}


@dataclass(frozen=True, slots=True)
class Refusal:
    """A record left out, or kept with a warning, and why."""

    kind: str  # "structure" or "service"
    label: str  # how the file names it: its id, or its line
    reason: Sentence

    def text(self, lang: str = "fr") -> str:
        return said(_KINDS[self.kind], lang, label=self.label, reason=self.reason.text(lang))


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
    # with its count.
    unread: list[Sentence] = field(default_factory=list)
    # Structures made from the rows (a spreadsheet): one left with no service is not stored.
    derived_structures: bool = False


# The counts of the summary's first line, in its order.
_COUNTS = {
    "structures_added": Nn_("{count} structure ajoutée", "{count} structures ajoutées"),
    "structures_updated": Nn_("{count} mise à jour", "{count} mises à jour"),
    "services_added": Nn_("{count} service ajouté", "{count} services ajoutés"),
    "services_updated": Nn_("{count} mis à jour", "{count} mis à jour"),
    "duplicates": Nn_("{count} doublon", "{count} doublons"),
    "retired": Nn_("{count} retiré", "{count} retirés"),
    "refused": Nn_("{count} refusé", "{count} refusés"),
    "warnings": Nn_("{count} avertissement", "{count} avertissements"),
}
_ROWS_READ = Nn_("{count} ligne lue", "{count} lignes lues")
_STRUCTURES_READ = Nn_("{count} structure lue", "{count} structures lues")
_SERVICES_READ = Nn_("{count} service lu", "{count} services lus")


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
    unread: list[Sentence] = field(default_factory=list)

    def lines(self, lang: str = "fr") -> list[str]:
        """The summary as the agent reads it: one line of counts, then every record left
        out, warned about, or read but not taken."""
        lines = [self.head(lang)]
        lines += [f"  – {refusal.text(lang)}" for refusal in self.refused + self.duplicates]
        if self.warnings:
            lines.append(gettext("Avertissements (gardés)\u00a0:", lang))
            lines += [f"  · {warning.text(lang)}" for warning in self.warnings]
        if self.unread:
            lines.append(gettext("Non lu (laissé de côté)\u00a0:", lang))
            lines += [f"  · {said.text(lang)}" for said in self.unread]
        return lines

    def head(self, lang: str = "fr") -> str:
        """« format : read ; added, updated ; … ; warnings. »"""
        counts = {
            name: said(message, lang, count=self._count(name)) for name, message in _COUNTS.items()
        }
        read = self._read(lang)
        return said(
            N_(
                "{format}\u00a0: {read}{structures_added}, {structures_updated}\u202f;"
                " {services_added}, {services_updated}\u202f; {duplicates}\u202f; {retired}\u202f;"
                " {refused}\u202f; {warnings}."
            ),
            lang,
            format=self.format,
            read=said(N_("{read}\u202f; "), lang, read=read) if read else "",
            **counts,
        )

    def _count(self, name: str) -> int:
        value = getattr(self, name)
        return len(value) if isinstance(value, list) else int(value)

    def _read(self, lang: str) -> str:
        if self.rows is not None:
            return said(_ROWS_READ, lang, count=self.rows)
        if self.records_read is None:
            return ""
        structures, services = self.records_read
        return said(
            N_("{structures} et {services}"),
            lang,
            structures=said(_STRUCTURES_READ, lang, count=structures),
            services=said(_SERVICES_READ, lang, count=services),
        )
