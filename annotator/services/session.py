"""The annotation session: one annotator on one project, composed of small parts.

Pure Python (no Qt). The session opens documents and builds the commands the window runs; the
work is done by its parts, each in its own module:

- :mod:`~annotator.services.open_document`: the open document and its span index;
- :mod:`~annotator.services.navigation`: the project's documents and moving between them;
- :mod:`~annotator.services.snapping`: which characters a selection labels;
- :mod:`~annotator.services.writer`: the editing port commands write through, one store
  transaction per edit carrying the document's version;
- :mod:`~annotator.services.changes`: the one notification listeners subscribe to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from annotator.core.listing import Cursor, DocumentQuery
from annotator.core.model import DocStatus, Document, LabelSchema, Span, make_span
from annotator.core.text import Token
from annotator.services import snapping
from annotator.services.changes import (
    ChangeFeed,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
)
from annotator.services.commands import AddSpan, DeleteSpan, RelabelSpan, ResizeSpan, SetStatus
from annotator.services.event_builder import EventBuilder
from annotator.services.navigation import DocumentInfo, DocumentLister, DocumentNavigation
from annotator.services.open_document import OpenDocument
from annotator.services.open_document import reading_order as reading_order
from annotator.services.suggestion_editing import SuggestionStore, SuggestionWriter
from annotator.services.writer import store_failures

__all__ = ["AnnotationSession", "DocumentInfo", "SessionRepository", "reading_order"]


class SessionRepository(SuggestionStore, DocumentLister, Protocol):
    """The repository methods a session uses (annotator.store.repository.Repository)."""

    def project_schema(self, project_id: int) -> LabelSchema: ...
    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> Sequence[DocumentInfo]: ...
    def open_document(
        self, document_id: int, *, annotator: str | None = None
    ) -> tuple[Document, int]: ...
    def document_version(self, document_id: int) -> int: ...
    def project_changes(self, project_id: int) -> int: ...
    def assigned_documents(self, project_id: int, annotator: str) -> list[int]: ...
    def annotator_status(self, document_id: int, annotator: str) -> DocStatus: ...


class AnnotationSession:
    """One annotator working on the documents of one project."""

    def __init__(
        self, repository: SessionRepository, *, project_id: int, annotator: str
    ) -> None:
        self.repository = repository
        self.project_id = project_id
        self.annotator = annotator
        self.schema: LabelSchema = repository.project_schema(project_id)
        self.changes = ChangeFeed()
        self.navigation = DocumentNavigation(repository, project_id)
        self._open: OpenDocument | None = None
        self.writer = SuggestionWriter(
            repository, annotator=annotator, current=lambda: self._open, changes=self.changes
        )
        # Commands over events, date values and the publication date of the open document.
        self.events = EventBuilder(self.schema, lambda: self._open, self.writer.resolve)
        # The project's change counter when last seen, and how many edits this session had
        # stored then.
        self._fingerprint: tuple[int, int] | None = None
        #: Whether the document list shows only the documents assigned to this annotator.
        self.assigned_only = False

    def switch_annotator(self, name: str) -> None:
        """Work as ``name`` from now on: their spans and statuses; the open document reopens.

        Commands made for the previous annotator must not be undone under the new one: the
        caller drops its undo history.
        """
        name = name.strip()
        if not name:
            raise ValueError("an annotator needs a name")
        self.annotator = name
        self.writer = SuggestionWriter(
            self.repository, annotator=name, current=lambda: self._open, changes=self.changes
        )
        # The event commands resolve span ids through the writer: the new one.
        self.events = EventBuilder(self.schema, lambda: self._open, self.writer.resolve)
        if self._open is not None:
            self.open(self._open.id)

    def others_spans(self) -> dict[str, list[Span]]:
        """The open document's spans by the other annotators, by name (read-only overlay)."""
        if self._open is None:
            return {}
        with store_failures():
            document = self.repository.get_document(self._open.id)
        out: dict[str, list[Span]] = {}
        for span in document.spans:
            if span.annotator is not None and span.annotator != self.annotator:
                out.setdefault(span.annotator, []).append(span)
        return dict(sorted(out.items()))

    # ----- documents ---------------------------------------------------------------------
    def documents(self, *, status: DocStatus | None = None) -> list[DocumentInfo]:
        """The project's documents in corpus order, optionally only those with ``status``.

        With :attr:`assigned_only`, only those assigned to this annotator.
        """
        documents = self.navigation.documents(status=status)
        if self.assigned_only:
            with store_failures():
                mine = set(self.repository.assigned_documents(self.project_id, self.annotator))
            documents = [d for d in documents if d.id in mine]
        return documents

    def list_query(self, query: DocumentQuery | None = None) -> DocumentQuery:
        """``query`` (default: every document in corpus order) as this annotator sees it:
        their own statuses, and only their assigned documents with :attr:`assigned_only`."""
        return replace(
            query or DocumentQuery(),
            annotator=self.annotator,
            assigned_to=self.annotator if self.assigned_only else None,
        )

    def document_page(
        self,
        *,
        status: DocStatus | None = None,
        after: Cursor | None = None,
        limit: int | None = 200,
        through: int | Cursor | None = None,
        query: DocumentQuery | None = None,
    ) -> list[DocumentInfo]:
        """See :meth:`DocumentNavigation.document_page`, through :meth:`list_query` (the
        annotator's own statuses; with :attr:`assigned_only`, only the documents assigned to
        this annotator). ``status`` filters on the annotator's own status."""
        q = self.list_query(query or DocumentQuery(status=status))
        with store_failures():
            return self.navigation.document_page(after=after, limit=limit, through=through,
                                                 query=q)

    def document_position(self, document_id: int) -> int | None:
        """The document's position in the project (from 0); None if it is not in it."""
        return self.navigation.document_position(document_id)

    def document_cursor(self, document_id: int, query: DocumentQuery) -> Cursor | None:
        """Where a document stands in ``query``'s order (see :meth:`list_query`)."""
        with store_failures():
            return self.navigation.document_cursor(document_id, self.list_query(query))

    def document_place(self, document_id: int, query: DocumentQuery) -> tuple[int, int] | None:
        """(place from 1, documents listed) of a document in the list ``query`` gives."""
        with store_failures():
            return self.navigation.document_place(document_id, self.list_query(query))

    def document_count(
        self, *, status: DocStatus | None = None, query: DocumentQuery | None = None
    ) -> int:
        """How many documents the project has (with ``status``), or ``query`` lists."""
        if query is None:
            return self.navigation.document_count(status=status)
        with store_failures():
            return self.navigation.document_count(query=self.list_query(query))

    def neighbour(
        self,
        document_id: int | None,
        step: int,
        *,
        status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int | None:
        """See :meth:`DocumentNavigation.neighbour`, in the list ``query`` gives (default:
        corpus order, only documents with the annotator's own ``status``)."""
        q = self.list_query(query or DocumentQuery(status=status))
        with store_failures():
            return self.navigation.neighbour(document_id, step, query=q)

    def document_status(self, document_id: int) -> DocStatus:
        """The status of any document of the project."""
        return self.writer.document_status(document_id)

    def open(self, document_id: int) -> Document:
        """Load a document and make it the open one (StoreFailure if it cannot be read).

        The annotator sees their own spans and those nobody owns (imported without an
        annotator's name, to be corrected), never another annotator's.
        """
        document = self._load(document_id)
        with store_failures():
            self._remember_fingerprint(self.repository.project_changes(self.project_id))
        self.changes.publish(DocumentOpened(document))
        return document

    def reload(self) -> Document | None:
        """Read the open document again (someone else changed it); None if none is open."""
        if self._open is None:
            return None
        document = self._load(self._open.id)
        self.changes.publish(DocumentReloaded(document))
        return document

    def check_for_changes(self) -> bool:
        """Reload the open document and re-list the documents if they changed elsewhere.

        Two reads of one row each (the open document's version and the project's change
        counter), so a window can ask every few seconds at any project size. True when
        something changed.
        """
        changed = False
        with store_failures():
            fingerprint = self.repository.project_changes(self.project_id)
        expected = self._expected_fingerprint()
        if expected is not None and fingerprint != expected:
            self.changes.publish(DocumentsChanged())
            changed = True
        self._remember_fingerprint(fingerprint)
        if self._open is not None:
            with store_failures():
                version = self.repository.document_version(self._open.id)
            if version != self._open.version:
                self.reload()
                changed = True
        return changed

    def _load(self, document_id: int) -> Document:
        with store_failures():
            document, version = self.repository.open_document(document_id)
            # The window shows the annotator's own status, not the one last set by anyone.
            own = self.repository.annotator_status(document_id, self.annotator)
        document = replace(document, status=own)
        self._open = OpenDocument(document, version=version, annotator=self.annotator)
        return document

    def _expected_fingerprint(self) -> int | None:
        # This session's own edits raise the counter by one each (one version raised per
        # edit): only a move past them (a change made elsewhere) means the list must be read
        # again.
        if self._fingerprint is None:
            return None
        counter, edits_then = self._fingerprint
        return counter + self.writer.edits_stored - edits_then

    def _remember_fingerprint(self, fingerprint: int) -> None:
        self._fingerprint = (fingerprint, self.writer.edits_stored)

    # ----- the open document -------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The open document as loaded (all spans); :attr:`spans` are the ones shown."""
        return self._open.document if self._open is not None else None

    @property
    def document_id(self) -> int | None:
        return self._open.id if self._open is not None else None

    @property
    def text(self) -> str:
        return self._open.text if self._open is not None else ""

    @property
    def meta(self) -> Mapping[str, Any]:
        """The open document's metadata as stored now (empty when none is open)."""
        return self._open.meta if self._open is not None else {}

    @property
    def status(self) -> DocStatus:
        """The open document's status ("new" when none is open)."""
        return self._open.status if self._open is not None else "new"

    @property
    def version(self) -> int | None:
        """The open document's version as this session knows it."""
        return self._open.version if self._open is not None else None

    @property
    def spans(self) -> tuple[Span, ...]:
        """The open document's spans (this annotator's), in reading order."""
        return self._open.spans if self._open is not None else ()

    def span(self, span_id: int) -> Span:
        """The open document's span with id ``span_id`` (following re-created ids)."""
        span = self._open.find(self.writer.resolve(span_id)) if self._open is not None else None
        if span is None:
            raise KeyError(span_id)
        return span

    def spans_at(self, offset: int) -> list[Span]:
        """The spans covering the character at ``offset``, innermost (shortest) first."""
        return sorted(self.spans_between(offset, offset + 1), key=lambda s: (s.end - s.start))

    def spans_between(self, start: int, end: int) -> list[Span]:
        """The spans that share at least one character with ``[start, end)``, reading order."""
        return self._open.spans_between(start, end) if self._open is not None else []

    def tokens_around(self, start: int, end: int) -> list[Token]:
        """The open document's tokens that touch ``[start, end)``."""
        return snapping.tokens_around(self.text, start, end)

    def snap(self, start: int, end: int, *, exact: bool = False) -> tuple[int, int] | None:
        """The range a selection labels (see :func:`annotator.services.snapping.snap`)."""
        return snapping.snap(self.text, start, end, exact=exact)

    def sentence_count(self, start: int, end: int) -> int:
        """How many sentences of the open document ``[start, end)`` touches."""
        return snapping.sentence_count(self.text, start, end)

    # ----- commands ------------------------------------------------------------------------
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
        # A date gets its value as it is made (the rules', counted from the publication date).
        return AddSpan(document_id, replace(span, attrs=self.events.auto_attrs(span)))

    def delete_command(self, span_id: int) -> DeleteSpan:
        """A command deleting the open document's span ``span_id``."""
        span = self.span(span_id)
        assert span.id is not None
        return DeleteSpan(self._require_open(), span.id, span.text)

    def relabel_command(self, span_id: int, label: str) -> RelabelSpan | None:
        """A command giving span ``span_id`` another label; None if it already has it."""
        self.schema.label(label)
        span = self.span(span_id)
        if span.label == label:
            return None
        assert span.id is not None
        return RelabelSpan(self._require_open(), span.id, label,
                           self.events.attrs_after(span, label=label))

    def resize_command(self, span_id: int, start: int, end: int) -> ResizeSpan | None:
        """A command moving span ``span_id`` to ``[start, end)``; None if nothing would change.

        Nothing changes, too, when the range is empty or holds only whitespace, or when a span
        with the same offsets and label is already there.
        """
        span = self.span(span_id)
        trimmed = snapping.trim_spaces(self.text, max(0, start), min(len(self.text), end))
        if trimmed is None or trimmed == (span.start, span.end):
            return None
        if any(
            (s.start, s.end, s.label) == (*trimmed, span.label)
            for s in self.spans_between(*trimmed)
        ):
            return None
        assert span.id is not None
        moved = make_span(self.text, *trimmed, span.label, attrs=span.attrs)
        return ResizeSpan(self._require_open(), span.id, *trimmed,
                          self.events.attrs_after(moved, label=span.label))

    def status_command(self, status: DocStatus) -> SetStatus | None:
        """A command setting the open document's status; None if it already has it."""
        document_id = self._require_open()
        return None if status == self.status else SetStatus(document_id, status)

    def _require_open(self) -> int:
        if self._open is None:
            raise RuntimeError("no document is open")
        return self._open.id
