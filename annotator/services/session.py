"""The annotation session: the open document, its spans, selection snapping, and edits.

Pure Python (no Qt). The window shows what the session holds and sends it commands
(:mod:`annotator.services.commands`); every command writes through the repository at once, so
nothing is ever waiting to be saved. Listeners hear about each change after it is stored.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol

from annotator.core.model import DocStatus, Document, LabelSchema, Span, make_span
from annotator.core.text import Token, snap_to_tokens, tokenize
from annotator.services.commands import AddSpan, DeleteSpan, RelabelSpan, SetStatus


class DocumentInfo(Protocol):
    """What the document list shows about one document (the store's DocumentSummary)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def status(self) -> DocStatus: ...
    @property
    def span_count(self) -> int: ...
    @property
    def position(self) -> int: ...
    @property
    def title(self) -> str: ...


class SessionRepository(Protocol):
    """The repository methods a session uses (annotator.store.repository.Repository)."""

    def project_schema(self, project_id: int) -> LabelSchema: ...
    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> Sequence[DocumentInfo]: ...
    def document_page(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        after: tuple[int, int] | None = None,
        limit: int | None = 200,
        through: int | None = None,
    ) -> Sequence[DocumentInfo]: ...
    def document_position(self, project_id: int, document_id: int) -> int | None: ...
    def count_documents(self, project_id: int, *, status: DocStatus | None = None) -> int: ...
    def neighbour(
        self,
        project_id: int,
        document_id: int | None,
        step: int,
        *,
        status: DocStatus | None = None,
    ) -> int | None: ...
    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document: ...
    def add_span(
        self, document_id: int, span: Span, *, annotator: str, expected_version: int | None = None
    ) -> Span: ...
    def delete_span(self, span_id: int, *, expected_version: int | None = None) -> None: ...
    def update_span(
        self,
        span_id: int,
        *,
        label: str | None = None,
        expected_version: int | None = None,
    ) -> Span: ...
    def restore_span(
        self, document_id: int, span: Span, *, annotator: str | None = None
    ) -> Span: ...
    def set_status(self, document_id: int, status: DocStatus) -> None: ...


class SessionListener(Protocol):
    """Told about every change once it is stored."""

    def document_opened(self, document: Document) -> None: ...
    def span_added(self, span: Span) -> None: ...
    def span_removed(self, span: Span) -> None: ...
    def span_changed(self, old: Span, new: Span) -> None: ...
    def status_changed(self, document_id: int, status: DocStatus) -> None: ...


def reading_order(span: Span) -> tuple[int, int, str, int]:
    """Reading order: start, end, label, then id so equal keys stay stable."""
    return (span.start, span.end, span.label, span.id if span.id is not None else -1)


class AnnotationSession:
    """One annotator working on the documents of one project."""

    def __init__(
        self, repository: SessionRepository, *, project_id: int, annotator: str
    ) -> None:
        self.repository = repository
        self.project_id = project_id
        self.annotator = annotator
        self.schema: LabelSchema = repository.project_schema(project_id)
        self.listeners: list[SessionListener] = []
        self._document: Document | None = None
        self._status: DocStatus = "new"
        self._spans: list[Span] = []
        self._orders: list[tuple[int, int, str, int]] = []
        self._longest = 0
        # A span deleted and put back, or added again by a redo, may get a new id; commands
        # made earlier still name the old one.
        self._aliases: dict[int, int] = {}

    # ----- documents ---------------------------------------------------------------------
    def documents(self, *, status: DocStatus | None = None) -> list[DocumentInfo]:
        """The project's documents in corpus order, optionally only those with ``status``."""
        return list(self.repository.list_documents(self.project_id, status=status))

    def document_page(
        self,
        *,
        status: DocStatus | None = None,
        after: tuple[int, int] | None = None,
        limit: int | None = 200,
        through: int | None = None,
    ) -> list[DocumentInfo]:
        """Up to ``limit`` documents in corpus order after (position, id) ``after`` and up to
        position ``through``."""
        return list(self.repository.document_page(
            self.project_id, status=status, after=after, limit=limit, through=through))

    def document_position(self, document_id: int) -> int | None:
        """The document's position in the project (from 0); None if it is not in it."""
        return self.repository.document_position(self.project_id, document_id)

    def document_count(self, *, status: DocStatus | None = None) -> int:
        """How many documents the project has (with ``status``, if given)."""
        return self.repository.count_documents(self.project_id, status=status)

    def open(self, document_id: int) -> Document:
        """Load a document and make it the open one.

        The annotator sees their own spans and those nobody owns (imported without an
        annotator's name, to be corrected), never another annotator's: agreement between
        annotators means nothing if each one sees the other's work.
        """
        document = self.repository.get_document(document_id)
        self._document = document
        self._status = document.status
        visible = [s for s in document.spans if s.annotator in (self.annotator, None)]
        self._spans = sorted(visible, key=reading_order)
        self._orders = [reading_order(s) for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        for listener in list(self.listeners):
            listener.document_opened(document)
        return document

    @property
    def document(self) -> Document | None:
        """The open document as loaded (all spans); :attr:`spans` are the ones shown."""
        return self._document

    @property
    def document_id(self) -> int | None:
        return self._document.id if self._document is not None else None

    @property
    def text(self) -> str:
        return self._document.text if self._document is not None else ""

    @property
    def status(self) -> DocStatus:
        """The open document's status."""
        return self._status

    def document_status(self, document_id: int) -> DocStatus:
        """The status of any document of the project."""
        if document_id == self.document_id:
            return self._status
        return self.repository.get_document(document_id).status

    def neighbour(
        self, document_id: int | None, step: int, *, status: DocStatus | None = None
    ) -> int | None:
        """The document ``step`` places after (negative: before) ``document_id`` in corpus order.

        With ``status`` only documents with that status count; the current one need not have
        it. None past either end.
        """
        # One indexed query: nothing here may grow with the size of the project.
        return self.repository.neighbour(self.project_id, document_id, step, status=status)

    # ----- spans --------------------------------------------------------------------------
    @property
    def spans(self) -> tuple[Span, ...]:
        """The open document's spans (this annotator's), in reading order."""
        return tuple(self._spans)

    def span(self, span_id: int) -> Span:
        """The open document's span with id ``span_id`` (following re-created ids)."""
        wanted = self.resolve(span_id)
        for span in self._spans:
            if span.id == wanted:
                return span
        raise KeyError(span_id)

    def spans_at(self, offset: int) -> list[Span]:
        """The spans covering the character at ``offset``, innermost (shortest) first."""
        return sorted(self.spans_between(offset, offset + 1), key=lambda s: (s.end - s.start))

    def spans_between(self, start: int, end: int) -> list[Span]:
        """The spans that share at least one character with ``[start, end)``, reading order."""
        lo = bisect.bisect_left(self._orders, (start - self._longest,))
        hi = bisect.bisect_left(self._orders, (end,))
        return [s for s in self._spans[lo:hi] if s.end > start and s.start < end]

    def tokens_around(self, start: int, end: int) -> list[Token]:
        """The open document's tokens that touch ``[start, end)``, offsets into the text.

        Tokens never hold whitespace, so only the stretch between the whitespace before
        ``start`` and after ``end`` is tokenized: labeling stays instant on a 1 MB article.
        """
        text = self.text
        lo, hi = max(0, start), min(len(text), max(start, end))
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        return [
            Token(t.start + lo, t.end + lo, t.text)
            for t in tokenize(text[lo:hi])
            if t.end + lo > start and t.start + lo < end
        ]

    def snap(self, start: int, end: int, *, exact: bool = False) -> tuple[int, int] | None:
        """The range a selection labels: whole tokens, or exact characters when ``exact``.

        Token mode takes every token the selection touches and drops tokens of punctuation
        alone at either edge (the text core's ``snap_to_tokens``). Exact mode keeps the
        characters, only trimming whitespace at the edges (a span never starts or ends with a
        space). None when nothing is left.
        """
        text = self.text
        start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
        if start == end:
            return None
        if exact:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return (start, end) if start < end else None
        return snap_to_tokens(text, start, end, tokens=self.tokens_around(start, end))

    def add_command(
        self, start: int, end: int, label: str, *, exact: bool = False
    ) -> AddSpan | None:
        """A command labeling the selection ``[start, end)``, snapped; None if nothing to add.

        Nothing to add: an empty selection, punctuation only, or a span with the same
        offsets and label already there.
        """
        document_id = self._require_open()
        self.schema.label(label)  # KeyError for a label the project does not have
        snapped = self.snap(start, end, exact=exact)
        if snapped is None:
            return None
        span = make_span(self.text, snapped[0], snapped[1], label, annotator=self.annotator)
        if any(s.key == span.key for s in self.spans_between(*snapped)):
            return None
        return AddSpan(document_id, span)

    def delete_command(self, span_id: int) -> DeleteSpan:
        """A command deleting the open document's span ``span_id``."""
        return DeleteSpan(self._require_open(), self.span(span_id).id or span_id)

    def relabel_command(self, span_id: int, label: str) -> RelabelSpan | None:
        """A command giving span ``span_id`` another label; None if it already has it."""
        self.schema.label(label)
        span = self.span(span_id)
        if span.label == label:
            return None
        assert span.id is not None
        return RelabelSpan(self._require_open(), span.id, label)

    def status_command(self, status: DocStatus) -> SetStatus | None:
        """A command setting the open document's status; None if it already has it."""
        document_id = self._require_open()
        return None if status == self._status else SetStatus(document_id, status)

    # ----- writes (called by commands; each one is stored before it returns) -------------
    def resolve(self, span_id: int) -> int:
        """The current id of a span that may have been deleted and put back under a new id."""
        seen = set()
        while span_id in self._aliases and span_id not in seen:
            seen.add(span_id)
            span_id = self._aliases[span_id]
        return span_id

    def store_add(self, document_id: int, span: Span, *, replaces: int | None = None) -> Span:
        """Store a new span; ``replaces`` is the id an earlier do of the same add had."""
        stored = self.repository.add_span(document_id, span, annotator=self.annotator)
        assert stored.id is not None
        if replaces is not None and replaces != stored.id:
            self._aliases[replaces] = stored.id
        if document_id == self.document_id:
            self._insert(stored)
            for listener in list(self.listeners):
                listener.span_added(stored)
        return stored

    def store_delete(self, document_id: int, span_id: int) -> Span:
        """Delete a span; returns it as it was (for undo)."""
        span_id = self.resolve(span_id)
        if document_id == self.document_id:
            span = self.span(span_id)
        else:
            span = self._stored_span(document_id, span_id)
        self.repository.delete_span(span_id)
        if document_id == self.document_id:
            self._remove(span)
            for listener in list(self.listeners):
                listener.span_removed(span)
        return span

    def store_restore(self, document_id: int, span: Span) -> Span:
        """Put a deleted span back (same offsets, label, annotator, attrs)."""
        # The span comes back exactly as it was, unassigned (imported) spans included.
        restored = self.repository.restore_span(document_id, span, annotator=None)
        assert restored.id is not None and span.id is not None
        if restored.id != span.id:
            self._aliases[span.id] = restored.id
        if document_id == self.document_id:
            self._insert(restored)
            for listener in list(self.listeners):
                listener.span_added(restored)
        return restored

    def store_relabel(self, document_id: int, span_id: int, label: str) -> Span:
        """Change a span's label; returns the span as it was before."""
        self.schema.label(label)
        span_id = self.resolve(span_id)
        if document_id != self.document_id:
            old = self._stored_span(document_id, span_id)
            self.repository.update_span(span_id, label=label)
            return old
        old = self.span(span_id)
        new = self.repository.update_span(span_id, label=label)
        self._remove(old)
        self._insert(new)
        for listener in list(self.listeners):
            listener.span_changed(old, new)
        return old

    def store_status(self, document_id: int, status: DocStatus) -> None:
        """Set a document's status."""
        self.repository.set_status(document_id, status)
        if document_id == self.document_id:
            self._status = status
        for listener in list(self.listeners):
            listener.status_changed(document_id, status)

    # ----- internals ----------------------------------------------------------------------
    def _require_open(self) -> int:
        if self._document is None or self._document.id is None:
            raise RuntimeError("no document is open")
        return self._document.id

    def _stored_span(self, document_id: int, span_id: int) -> Span:
        # An edit (undo) of a document that is not open: read the span from the store.
        for span in self.repository.get_document(document_id).spans:
            if span.id == span_id:
                return span
        raise KeyError(span_id)

    def _insert(self, span: Span) -> None:
        order = reading_order(span)
        i = bisect.bisect_left(self._orders, order)
        self._orders.insert(i, order)
        self._spans.insert(i, span)
        self._longest = max(self._longest, span.end - span.start)

    def _remove(self, span: Span) -> None:
        i = bisect.bisect_left(self._orders, reading_order(span))
        if i < len(self._spans) and self._spans[i].id == span.id:
            del self._spans[i]
            del self._orders[i]
