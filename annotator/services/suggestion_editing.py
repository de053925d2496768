"""Accepting and rejecting suggestions as undoable commands.

Accepting turns the suggestion into the annotator's own span (origin ``manual``, same id and
offsets, the proposal's ``source``/``score`` dropped, a date value kept); rejecting deletes it
and remembers the text and label, so the sources do not propose them in this document again.
Each is one store transaction carrying the document's version, with the answer counted for
its source; each undo is one transaction too. "Accept all" is one command (one undo step).

:class:`SuggestionWriter` is the session's editing port with these four writes added;
the commands depend on :class:`SuggestionPort` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol, cast

from annotator.core.model import DocStatus, Document, Span
from annotator.services.changes import SpanAdded, SpanChanged, SpanRemoved
from annotator.services.editing import EditingPort, status_after_span_edit
from annotator.services.writer import DocumentWriter, EditingStore, store_failures

if TYPE_CHECKING:
    from annotator.services.session import AnnotationSession
    from annotator.services.suggestions import SuggestionSource


class SuggestionStore(EditingStore, Protocol):
    """The repository methods answers to suggestions use."""

    def accept_suggestion(
        self, span_id: int, *, annotator: str, expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> tuple[Span, Span, int]: ...
    def unaccept_suggestion(
        self, old: Span, decision_id: int, *, expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None: ...
    def accept_suggestions(
        self, document_id: int, span_ids: Sequence[int], *, annotator: str,
        expected_version: int | None = None, status: DocStatus | None = None,
    ) -> list[tuple[Span, Span, int]]: ...
    def unaccept_suggestions(
        self, document_id: int, accepted: Sequence[tuple[Span, int]], *,
        expected_version: int | None = None, status: DocStatus | None = None,
    ) -> None: ...
    def reject_suggestion(
        self, span_id: int, *, expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> tuple[Span, int]: ...
    def unreject_suggestion(
        self, document_id: int, old: Span, decision_id: int, *,
        expected_version: int | None = None, status: DocStatus | None = None,
    ) -> Span: ...


class SuggestionPort(EditingPort, Protocol):
    """The editing port with answers to suggestions."""

    def accept_suggestion(
        self, document_id: int, span_id: int, *, status: DocStatus | None = None
    ) -> tuple[Span, Span, int]:
        """Make a suggestion the annotator's span: (as it was, as it is, answer id)."""
        ...

    def unaccept_suggestion(
        self, document_id: int, old: Span, decision_id: int, *,
        status: DocStatus | None = None,
    ) -> None:
        """Make it a suggestion again and forget the answer."""
        ...

    def accept_suggestions(
        self, document_id: int, span_ids: Sequence[int], *, status: DocStatus | None = None
    ) -> list[tuple[Span, Span, int]]:
        """:meth:`accept_suggestion` for many suggestions of a document, as one edit."""
        ...

    def unaccept_suggestions(
        self, document_id: int, accepted: Sequence[tuple[Span, int]], *,
        status: DocStatus | None = None,
    ) -> None:
        """Undo :meth:`accept_suggestions` as one edit."""
        ...

    def reject_suggestion(
        self, document_id: int, span_id: int, *, status: DocStatus | None = None
    ) -> tuple[Span, int]:
        """Delete a suggestion, remembering the rejection: (the suggestion, answer id)."""
        ...

    def unreject_suggestion(
        self, document_id: int, old: Span, decision_id: int, *,
        status: DocStatus | None = None,
    ) -> Span:
        """Put a rejected suggestion back and forget the answer."""
        ...


class SuggestionWriter(DocumentWriter):
    """The session's editing port, with answers to suggestions."""

    def __init__(self, repository: SuggestionStore, **kwargs: object) -> None:
        super().__init__(repository, **kwargs)  # type: ignore[arg-type]
        self._suggestions = repository

    def accept_suggestion(
        self, document_id: int, span_id: int, *, status: DocStatus | None = None
    ) -> tuple[Span, Span, int]:
        span_id = self.resolve(span_id)
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            old, new, decision = self._suggestions.accept_suggestion(
                span_id, annotator=self._annotator, expected_version=self._expected(open_doc),
                status=status,
            )
        if open_doc is not None:
            shown = open_doc.find(span_id)
            if shown is not None:
                open_doc.remove(shown)
                old = shown
            open_doc.insert(new)
            self._changes.publish(SpanChanged(old, new))
        self._status_stored(open_doc, document_id, status, before)
        return old, new, decision

    def unaccept_suggestion(
        self, document_id: int, old: Span, decision_id: int, *,
        status: DocStatus | None = None,
    ) -> None:
        assert old.id is not None
        old = _with_id(old, self.resolve(old.id))
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            self._suggestions.unaccept_suggestion(
                old, decision_id, expected_version=self._expected(open_doc), status=status
            )
        if open_doc is not None and old.id is not None:
            shown = open_doc.find(old.id)
            if shown is not None:
                open_doc.remove(shown)
                open_doc.insert(old)
                self._changes.publish(SpanChanged(shown, old))
        self._status_stored(open_doc, document_id, status, before)

    def accept_suggestions(
        self, document_id: int, span_ids: Sequence[int], *, status: DocStatus | None = None
    ) -> list[tuple[Span, Span, int]]:
        ids = [self.resolve(i) for i in span_ids]
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            done = self._suggestions.accept_suggestions(
                document_id, ids, annotator=self._annotator,
                expected_version=self._expected(open_doc), status=status,
            )
        out = []
        for old, new, decision in done:
            if open_doc is not None:
                assert new.id is not None
                shown = open_doc.find(new.id)
                if shown is not None:
                    open_doc.remove(shown)
                    old = shown
                open_doc.insert(new)
                self._changes.publish(SpanChanged(old, new))
            out.append((old, new, decision))
        self._status_stored(open_doc, document_id, status, before)
        return out

    def unaccept_suggestions(
        self, document_id: int, accepted: Sequence[tuple[Span, int]], *,
        status: DocStatus | None = None,
    ) -> None:
        pairs = []
        for old, decision in accepted:
            assert old.id is not None
            pairs.append((_with_id(old, self.resolve(old.id)), decision))
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            self._suggestions.unaccept_suggestions(
                document_id, pairs, expected_version=self._expected(open_doc), status=status
            )
        if open_doc is not None:
            for old, _ in pairs:
                assert old.id is not None
                shown = open_doc.find(old.id)
                if shown is not None:
                    open_doc.remove(shown)
                    open_doc.insert(old)
                    self._changes.publish(SpanChanged(shown, old))
        self._status_stored(open_doc, document_id, status, before)

    def reject_suggestion(
        self, document_id: int, span_id: int, *, status: DocStatus | None = None
    ) -> tuple[Span, int]:
        span_id = self.resolve(span_id)
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            old, decision = self._suggestions.reject_suggestion(
                span_id, expected_version=self._expected(open_doc), status=status
            )
        if open_doc is not None:
            shown = open_doc.find(span_id)
            if shown is not None:
                open_doc.remove(shown)
                old = shown
            self._changes.publish(SpanRemoved(old))
        self._status_stored(open_doc, document_id, status, before)
        return old, decision

    def unreject_suggestion(
        self, document_id: int, old: Span, decision_id: int, *,
        status: DocStatus | None = None,
    ) -> Span:
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            back = self._suggestions.unreject_suggestion(
                document_id, old, decision_id, expected_version=self._expected(open_doc),
                status=status,
            )
        if old.id is not None and back.id != old.id and back.id is not None:
            self._aliases[old.id] = back.id
        if open_doc is not None:
            open_doc.insert(back)
            self._changes.publish(SpanAdded(back))
        self._status_stored(open_doc, document_id, status, before)
        return back


def _with_id(span: Span, span_id: int) -> Span:
    return replace(span, id=span_id)


def _answers(port: EditingPort) -> SuggestionPort:
    # Commands are run with the session's port; only a port that answers suggestions can
    # run these (the session's SuggestionWriter does).
    if not hasattr(port, "accept_suggestion"):
        raise TypeError(f"{type(port).__name__} cannot answer suggestions")
    return cast(SuggestionPort, port)


def _start(port: EditingPort, document_id: int) -> tuple[DocStatus | None, DocStatus | None]:
    before = port.document_status(document_id)
    after = status_after_span_edit(before)
    return after, (before if after is not None else None)


@dataclass(slots=True)
class AcceptSuggestion:
    """Accept the suggestion ``span_id``: it becomes the annotator's span."""

    document_id: int
    span_id: int
    text: str = ""
    _old: Span | None = field(default=None, init=False)
    _decision: int | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Accept suggestion “{self.text}”"

    def do(self, port: EditingPort) -> None:
        after, self._status_before = _start(port, self.document_id)
        self._old, _, self._decision = _answers(port).accept_suggestion(
            self.document_id, self.span_id, status=after)

    def undo(self, port: EditingPort) -> None:
        assert self._old is not None and self._decision is not None
        _answers(port).unaccept_suggestion(self.document_id, self._old, self._decision,
                                 status=self._status_before)
        self._old = self._decision = None


@dataclass(slots=True)
class RejectSuggestion:
    """Reject the suggestion ``span_id``: it goes, and is not proposed here again."""

    document_id: int
    span_id: int
    text: str = ""
    _old: Span | None = field(default=None, init=False)
    _decision: int | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Reject suggestion “{self.text}”"

    def do(self, port: EditingPort) -> None:
        # Rejecting is no work on the document's spans: its status stays.
        self._old, self._decision = _answers(port).reject_suggestion(self.document_id,
                                                                     self.span_id)
        if self._old.id is not None:
            self.span_id = self._old.id

    def undo(self, port: EditingPort) -> None:
        assert self._old is not None and self._decision is not None
        back = _answers(port).unreject_suggestion(self.document_id, self._old, self._decision)
        if back.id is not None:
            self.span_id = back.id
        self._old = self._decision = None


@dataclass(slots=True)
class AcceptAllSuggestions:
    """Accept every suggestion of the document: one command, one undo step, and one store
    transaction (one version bump) each way."""

    document_id: int
    span_ids: tuple[int, ...]
    _accepted: list[tuple[Span, int]] = field(default_factory=list, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Accept {len(self.span_ids)} suggestions"

    def do(self, port: EditingPort) -> None:
        after, self._status_before = _start(port, self.document_id)
        done = _answers(port).accept_suggestions(self.document_id, self.span_ids, status=after)
        self._accepted = [(old, decision) for old, _, decision in done]

    def undo(self, port: EditingPort) -> None:
        _answers(port).unaccept_suggestions(self.document_id, self._accepted,
                                            status=self._status_before)
        self._accepted = []


# --- what the window asks ------------------------------------------------------------------


def suggestions(session: AnnotationSession) -> list[Span]:
    """The open document's suggestions, in reading order."""
    return [s for s in session.spans if s.origin == "suggested"]


def suggestion_at(session: AnnotationSession, offset: int) -> Span | None:
    """The suggestion under the caret at ``offset`` (or ending right before it)."""
    for span in suggestions(session):
        if span.start <= offset < span.end or (offset == span.end and offset > span.start):
            return span
    return None


def next_suggestion(session: AnnotationSession, offset: int, step: int) -> Span | None:
    """The suggestion after (step 1) or before (step -1) ``offset``, wrapping around."""
    found = suggestions(session)
    if not found:
        return None
    if step > 0:
        after = [s for s in found if s.start > offset]
        return after[0] if after else found[0]
    before = [s for s in found if s.start < offset]
    return before[-1] if before else found[-1]


def accept_command(session: AnnotationSession, span: Span) -> AcceptSuggestion:
    """A command accepting ``span`` (a suggestion of the open document)."""
    assert session.document_id is not None and span.id is not None
    return AcceptSuggestion(session.document_id, span.id, span.text)


def reject_command(session: AnnotationSession, span: Span) -> RejectSuggestion:
    """A command rejecting ``span`` (a suggestion of the open document)."""
    assert session.document_id is not None and span.id is not None
    return RejectSuggestion(session.document_id, span.id, span.text)


def accept_all_command(session: AnnotationSession) -> AcceptAllSuggestions | None:
    """A command accepting every suggestion of the open document; None when there is none."""
    ids = tuple(s.id for s in suggestions(session) if s.id is not None)
    if session.document_id is None or not ids:
        return None
    return AcceptAllSuggestions(session.document_id, ids)


class RefreshRepository(Protocol):
    """What refreshing the open document's suggestions needs from the repository."""

    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document: ...
    def replace_suggestions(self, document_id: int, spans: Sequence[Span]) -> int: ...
    def rejected_suggestions(self, document_id: int) -> set[tuple[str, str]]: ...


def refresh_suggestions(
    session: AnnotationSession, repository: RefreshRepository,
    sources: Sequence[SuggestionSource],
) -> int:
    """Propose suggestions for the open document, store them in place of its earlier ones and
    read it again (the window shows them). Returns how many there are."""
    document_id = session.document_id
    if document_id is None:
        return 0
    document = repository.get_document(document_id)
    # Here, not at the top: the session imports this module, and the window's start must not
    # wait for the matcher's numpy and pyahocorasick.
    from annotator.services.suggestions import suggestions_for

    shown = suggestions_for(document, sources, schema=session.schema,
                            rejected=repository.rejected_suggestions(document_id))
    before = sorted((s.start, s.end, s.label) for s in document.spans
                    if s.origin == "suggested")
    if before == sorted((s.start, s.end, s.label) for s in shown.spans):
        return len(before)  # nothing new: the document is not written (nor its version)
    with store_failures():
        repository.replace_suggestions(document_id, shown.spans)
    session.open(document_id)
    return len(shown.spans)
