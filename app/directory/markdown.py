"""A partner's description, written in Markdown as data.inclusion publishes it, read into
plain blocks (headings, paragraphs, list items) that the detail pane and the slip lay out.

The text is a partner's: nothing in it may load or run anything. Raw HTML is reduced to its
text (a ``<script>`` or ``<style>`` to nothing), an image to its alternative text, and a
link to its words followed by its address, never to something that opens on a click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html import escape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BlockKind = Literal["heading", "paragraph", "item", "code"]
ELLIPSIS = "…"

# Tags after which HTML text goes on a new line, and those whose content is never text.
_BREAKING = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr"}
_HIDDEN = {"script", "style", "head", "title", "template", "noscript", "iframe", "object"}


@cache
def _parser() -> MarkdownIt:
    """The parser, made when a description is first read (not when the window starts)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with its emphasis."""

    text: str
    strong: bool = False
    em: bool = False


@dataclass(slots=True)
class Block:
    """A heading, a paragraph or a list item (``marker``: « • » or « 2. »; ``depth``: how
    deep in nested lists)."""

    kind: BlockKind
    spans: list[Span] = field(default_factory=list)
    level: int = 0
    depth: int = 0
    marker: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


class _HtmlText(HTMLParser):
    """The words of an HTML fragment, one line per block element, scripts left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BREAKING:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt and not self._hidden:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BREAKING:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            # A line end in HTML source is a space; only the tags break lines.
            self.parts.append(data.replace("\n", " ").replace("\r", " "))


def html_text(fragment: str) -> list[str]:
    """The lines of text an HTML fragment shows, without its tags."""
    reader = _HtmlText()
    reader.feed(fragment)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return [line for line in lines if line]


def blocks(text: str | None) -> list[Block]:
    """The description's blocks, in reading order."""
    if not text or not text.strip():
        return []
    if re.match(r"\s*<(!doctype|html|body|div|p|table)\b", text, re.IGNORECASE):
        # A scraped web page, not Markdown: its words only.
        return [Block("paragraph", [Span(line)]) for line in html_text(text)]
    out: list[Block] = []
    lists: list[list[int | None]] = []  # per open list: [next number] (None: bullets)
    pending: Block | None = None  # the item whose first paragraph is still to come
    for token in _parser().parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append([int(start) if start is not None else 1] if "ordered" in kind else [None])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            if pending is not None:
                out.append(pending)
            counter = lists[-1]
            if counter[0] is None:
                marker = "•" if len(lists) == 1 else "–"
            else:
                marker = f"{counter[0]}."
                counter[0] += 1
            pending = Block("item", depth=len(lists), marker=marker)
        elif kind == "heading_open":
            out.append(Block("heading", level=int(token.tag[1:])))
        elif kind == "paragraph_open":
            if pending is not None:
                out.append(pending)
                pending = None
            elif lists:
                out.append(Block("item", depth=len(lists)))  # an item's next paragraph
            else:
                out.append(Block("paragraph"))
        elif kind == "inline" and out:
            out[-1].spans.extend(_spans(token.children or []))
        elif kind in ("fence", "code_block"):
            lines = [line.rstrip() for line in token.content.splitlines() if line.strip()]
            if any("<" in line for line in lines):
                lines = html_text(token.content)
            out.extend(Block("code", [Span(line)], depth=len(lists)) for line in lines)
        elif kind == "html_block":
            out.extend(
                Block("paragraph", [Span(line)], depth=len(lists))
                for line in html_text(token.content)
            )
    if pending is not None:
        out.append(pending)
    for block in out:
        block.spans = _tidy(block.spans)
    return [b for b in out if b.text.strip() or b.marker]


def _spans(children: list[Token]) -> list[Span]:
    spans: list[Span] = []
    strong = em = hidden = 0
    href: list[str] = []
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "link_open":
            href.append(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            address = href.pop() if href else ""
            words = spans[-1].text if spans else ""
            if address and address.rstrip("/") != words.strip().rstrip("/"):
                spans.append(Span(f" ({address})"))
        elif kind in ("text", "code_inline") and not hidden:
            spans.append(Span(child.content, bool(strong), bool(em)))
        elif kind == "image":
            alt = "".join(c.content for c in child.children or [])
            if alt:
                spans.append(Span(alt, bool(strong), bool(em)))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span(" " if kind == "softbreak" else "\n"))
        elif kind == "html_inline":
            tag = re.match(r"<\s*(/?)\s*([a-zA-Z0-9]+)", child.content)
            if tag is None:
                continue
            name = tag.group(2).lower()
            if name in _HIDDEN:
                hidden += -1 if tag.group(1) else 1
                hidden = max(hidden, 0)
            elif name in ("br", "p", "div", "li"):
                spans.append(Span("\n"))
    return spans


def _tidy(spans: list[Span]) -> list[Span]:
    """Neighbours with the same emphasis joined, spaces and line ends trimmed."""
    joined: list[Span] = []
    for span in spans:
        if joined and (joined[-1].strong, joined[-1].em) == (span.strong, span.em):
            joined[-1] = Span(joined[-1].text + span.text, span.strong, span.em)
        elif span.text:
            joined.append(span)
    if joined:
        joined[0] = Span(joined[0].text.lstrip(), joined[0].strong, joined[0].em)
        joined[-1] = Span(joined[-1].text.rstrip(), joined[-1].strong, joined[-1].em)
    return [s for s in joined if s.text]


def cut(parts: list[Block], budget: int) -> list[Block]:
    """The first ``budget`` characters of the blocks, cut after a word, the last block
    ending with « … » when anything was left out."""
    total = sum(len(b.text) for b in parts)
    if budget >= total:
        return parts
    kept: list[Block] = []
    left = budget
    for block in parts:
        if len(block.text) <= left:
            kept.append(block)
            left -= len(block.text)
            continue
        spans: list[Span] = []
        for span in block.spans:
            if len(span.text) <= left:
                spans.append(span)
                left -= len(span.text)
                continue
            words = span.text[:left]
            if left < len(span.text) and not span.text[left].isspace() and " " in words:
                words = words.rsplit(" ", 1)[0]  # after a whole word
            spans.append(Span(words.rstrip(" ,;:–—-"), span.strong, span.em))
            break
        if any(s.text for s in spans):
            kept.append(Block(block.kind, spans, block.level, block.depth, block.marker))
        break
    # A heading with nothing after it, or an empty end, says nothing.
    while kept and (not kept[-1].text.strip() or kept[-1].kind == "heading"):
        kept.pop()
    if not kept:
        return []
    last = kept[-1]
    end = last.spans[-1]
    last.spans[-1] = Span(end.text.rstrip(" .,;:–—-") + ELLIPSIS, end.strong, end.em)
    return kept


def to_html(text: str | None) -> str:
    """The description as Qt rich text: headings, paragraphs and lists, escaped, with no
    link, image or other resource in it."""
    html: list[str] = []
    for block in blocks(text):
        inner = _inline_html(block.spans)
        if block.kind == "heading":
            html.append(f"<h{min(block.level + 2, 6)}>{inner}</h{min(block.level + 2, 6)}>")
        elif block.kind == "item":
            indent = 12 + 18 * block.depth
            marker = escape(block.marker) + "&nbsp;" if block.marker else ""
            html.append(
                f'<p style="margin-left:{indent}px; margin-top:0; margin-bottom:2px">'
                f"{marker}{inner}</p>"
            )
        elif block.kind == "code":
            html.append(f'<p style="font-family:monospace">{inner}</p>')
        else:
            html.append(f"<p>{inner}</p>")
    return "".join(html)


def _inline_html(spans: list[Span]) -> str:
    out = []
    for span in spans:
        piece = escape(span.text).replace("\n", "<br/>")
        if span.em:
            piece = f"<i>{piece}</i>"
        if span.strong:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)
