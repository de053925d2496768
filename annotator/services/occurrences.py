"""Label all occurrences: every other folded hit of a span's text, in its document or corpus.

The hits come from the same folded search as Ctrl+F (core.text.find_all) and ``annotator
search`` (services.searching). A hit already under a span of the same label is left out; a hit
that would overlap a span of another label is listed as blocked and never applied. The chosen
hits become one :class:`LabelOccurrences` command: one undo removes them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.core.model import Span
from annotator.core.text import find_all
from annotator.services.commands import LabelOccurrences
from annotator.services.searching import context_line
from annotator.services.session import AnnotationSession
from annotator.services.workspace import Workspace

Scope = Literal["document", "corpus"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A hit that could take the label; ``blocked_by`` names the other labels in its way."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    context: str
    blocked_by: tuple[str, ...] = ()

    @property
    def applicable(self) -> bool:
        """True when no span of another label overlaps it."""
        return not self.blocked_by


def _classify(
    label: str, start: int, end: int, spans: Iterable[Span]
) -> tuple[bool, tuple[str, ...]]:
    """(already labeled with ``label``, labels of other spans overlapping ``[start, end)``)."""
    already = False
    others: dict[str, None] = {}
    for span in spans:
        if span.start < end and start < span.end:
            if span.label == label:
                already = True
            else:
                others[span.label] = None
    return already, tuple(others)


def find_occurrences(
    session: AnnotationSession, workspace: Workspace, span_id: int, scope: Scope
) -> list[Occurrence]:
    """The other hits of span ``span_id``'s text in the open document or the whole corpus."""
    source = session.span(span_id)
    document_id = session.document_id
    assert document_id is not None and session.document is not None
    found: list[Occurrence] = []
    if scope == "document":
        text = session.text
        for start, end in find_all(text, source.text):
            nearby = session.spans_between(start, end)
            already, blocked = _classify(source.label, start, end, nearby)
            if not already:
                found.append(Occurrence(
                    document_id, session.document.name, start, end, text[start:end],
                    context_line(text, start, end), blocked,
                ))
        return found
    spans_of: dict[int, Sequence[Span]] = {document_id: session.spans}
    for hit in workspace.search(source.text):
        if hit.document_id not in spans_of:
            spans_of[hit.document_id] = workspace.repository.get_document(hit.document_id).spans
        already, blocked = _classify(source.label, hit.start, hit.end, spans_of[hit.document_id])
        if not already:
            found.append(Occurrence(
                hit.document_id, hit.document, hit.start, hit.end, hit.text, hit.context, blocked
            ))
    return found


def label_occurrences_command(
    session: AnnotationSession, label: str, chosen: Sequence[Occurrence]
) -> LabelOccurrences | None:
    """One command adding ``label`` on every chosen, applicable occurrence; None if none is."""
    session.schema.label(label)  # KeyError for a label the project does not have
    items = [
        (o.document_id, Span(start=o.start, end=o.end, label=label, text=o.text,
                             annotator=session.annotator))
        for o in chosen if o.applicable
    ]
    return LabelOccurrences(label, items) if items else None
