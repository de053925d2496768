"""Suggestions: spans the program proposes for an annotator to accept or reject.

Every source is a service behind one interface, :class:`SuggestionSource`
(``propose(document) -> spans``): the project gazetteer, the date rules, a trained model.
The window and the command line show what :func:`suggestions_for` returns and never know
where a suggestion came from, except through its ``attrs``:

* ``source``: "gazetteer", "dates" or "model";
* ``score``: how sure the source is, 0 to 1;
* for the model, ``model`` and ``model_version``; for dates, the date value
  (``value``, ``precision``, ``mod``, ``normalized_by`` = "auto").

A suggestion never moves or deletes a span a person made: one overlapping such a span is
not shown, and a text/label the annotator rejected in a document is not proposed there again.
"""

from __future__ import annotations

import datetime
import time
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

from annotator.core.date_finder import find_dates
from annotator.core.matcher import NameMatcher, fold_key
from annotator.core.model import DocStatus, Document, LabelSchema, Span
from annotator.core.publication import published_of

SOURCE = "source"
SCORE = "score"


class SuggestionSource(Protocol):
    """Anything that proposes spans for a document."""

    @property
    def name(self) -> str:
        """The source's name as suggestions carry it ("gazetteer", "dates", "model")."""
        ...

    def propose(self, document: Document) -> list[Span]:
        """Suggested spans for ``document`` (origin "suggested", source and score in attrs)."""
        ...


def suggestion(document: Document, start: int, end: int, label: str, **attrs: object) -> Span:
    """A suggested span over ``document.text[start:end]``."""
    return Span(start=start, end=end, label=label, text=document.text[start:end],
                origin="suggested", attrs=dict(attrs))


class Gazetteer:
    """Every text a person labeled in the project, folded, with the label it got most often.

    :meth:`learn` and :meth:`unlearn` keep it current while the annotator labels, so the next
    document already benefits.
    """

    name = "gazetteer"

    def __init__(self, labeled: Iterable[tuple[str, str, int]] = (), *,
                 order: Sequence[str] = ()) -> None:
        self._counts: dict[str, Counter[str]] = {}
        self._order = {label: i for i, label in enumerate(order)}
        self._matcher = NameMatcher()
        for text, label, count in labeled:
            self.learn(text, label, count=count)

    def __len__(self) -> int:
        return len(self._matcher)

    def learn(self, text: str, label: str, *, count: int = 1) -> None:
        """Count one more span labeled ``label`` over ``text``."""
        key = fold_key(text)
        counts = self._counts.setdefault(key, Counter())
        counts[label] += count
        self._refresh(key)

    def unlearn(self, text: str, label: str) -> None:
        """Count one span fewer (it was deleted or relabeled)."""
        key = fold_key(text)
        counts = self._counts.get(key)
        if counts is None or counts[label] <= 0:
            return
        counts[label] -= 1
        self._refresh(key)

    def label_of(self, text: str) -> str | None:
        """The label ``text`` got most often (ties: the schema's order), None if never."""
        counts = self._counts.get(fold_key(text))
        return self._best(counts) if counts else None

    def propose(self, document: Document) -> list[Span]:
        found = self._matcher.find_arrays(document.text)
        # The label and score are worked out once per name, not once per hit.
        named: dict[int, tuple[str, float]] = {}
        for i in set(found.names.tolist()):
            key = found.keys[i]
            counts = self._counts[key]
            label = str(self._matcher.value(key))
            named[i] = (label, round(counts[label] / max(1, sum(counts.values())), 3))
        out: list[Span] = []
        # A name glued to a conjunction or preposition is proposed without it, as a person
        # labels it (ADR 0008): "و|البوكمال".
        for start, end, i in zip(found.name_starts.tolist(), found.ends.tolist(),
                                 found.names.tolist(), strict=True):
            label, score = named[i]
            out.append(suggestion(document, start, end, label, source=self.name, score=score))
        return out

    def _best(self, counts: Counter[str]) -> str | None:
        live = [(n, label) for label, n in counts.items() if n > 0]
        if not live:
            return None
        return min(live, key=lambda x: (-x[0], self._order.get(x[1], len(self._order)),
                                        x[1]))[1]

    def _refresh(self, key: str) -> None:
        best = self._best(self._counts[key])
        if best is None:
            self._matcher.remove_key(key)
        else:
            self._matcher.add_key(key, best)


class DateSource:
    """Date expressions the date rules give a value, proposed as DATE with that value."""

    name = "dates"

    def __init__(self, *, label: str = "DATE") -> None:
        self.label = label

    def propose(self, document: Document) -> list[Span]:
        published = published_of(document.meta)
        out: list[Span] = []
        for found in find_dates(document.text, published):
            value = found.value
            out.append(suggestion(
                document, found.start, found.end, self.label, source=self.name,
                # A relative date is only as sure as the publication date it counts from.
                score=1.0 if published is not None else 0.9,
                **value.attrs(),
            ))
        return out


@dataclass(frozen=True, slots=True)
class Filtered:
    """What :func:`suggestions_for` shows, and how many it held back and why."""

    spans: tuple[Span, ...]
    hidden_by_manual: int
    rejected: int


def suggestions_for(
    document: Document,
    sources: Sequence[SuggestionSource],
    *,
    rejected: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
    schema: LabelSchema | None = None,
) -> Filtered:
    """Every source's suggestions for ``document``, filtered and never overlapping.

    Held back: a label the schema lacks, one overlapping a span that is not a suggestion, a
    rejected (label, folded text). Between sources, the surer suggestion wins an overlap (the
    earlier source on a tie: pass the sources in order of trust).
    """
    people = sorted((s.start, s.end) for s in document.spans if s.origin != "suggested")
    labels = set(schema.names) if schema is not None else None
    proposed: list[tuple[float, int, Span]] = []
    hidden = refused = 0
    for rank, source in enumerate(sources):
        for span in source.propose(document):
            if labels is not None and span.label not in labels:
                continue
            if _overlaps(people, span.start, span.end):
                hidden += 1
                continue
            if (span.label, fold_key(span.text)) in rejected:
                refused += 1
                continue
            score = span.attrs.get(SCORE, 0.0)
            proposed.append((-float(score if isinstance(score, int | float) else 0.0),
                             rank, span))
    proposed.sort(key=lambda x: (x[0], x[1], x[2].start))
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for _, _, span in proposed:
        if not _overlaps(taken, span.start, span.end):
            chosen.append(span)
            insort(taken, (span.start, span.end))
    chosen.sort(key=lambda s: (s.start, s.end, s.label))
    return Filtered(tuple(chosen), hidden, refused)


def _overlaps(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of ``ranges`` (sorted by start) shares a character with [start, end)."""
    i = bisect_left(ranges, (end,))
    return any(b > start for _, b in ranges[:i])


# --- the repository side --------------------------------------------------------------------


class DocumentRef(Protocol):
    """A document of a list (the store's DocumentSummary): its id is enough here."""

    @property
    def id(self) -> int: ...


@runtime_checkable
class CertaintySource(Protocol):
    """A source that can also say how sure it is of a whole document (the model), for the
    order "least sure first"."""

    @property
    def model_name(self) -> str: ...

    def certainty(self, document: Document) -> float: ...


class SuggestRepository(Protocol):
    """The repository methods the suggestion use cases need."""

    def project_schema(self, project_id: int) -> LabelSchema: ...
    def labeled_counts(self, project_id: int) -> list[tuple[str, str, int]]: ...
    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> Sequence[DocumentRef]: ...
    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document: ...
    def replace_suggestions(self, document_id: int, spans: Sequence[Span]) -> int: ...
    def rejected_suggestions(self, document_id: int) -> set[tuple[str, str]]: ...
    def set_certainties(self, scores: Sequence[tuple[int, float]], *, model: str) -> int: ...


#: Certainties are stored this many documents at a time (one transaction each).
CERTAINTY_BATCH = 200


def project_gazetteer(repository: SuggestRepository, project_id: int) -> Gazetteer:
    """The gazetteer of everything people labeled in the project so far."""
    schema = repository.project_schema(project_id)
    return Gazetteer(repository.labeled_counts(project_id), order=schema.names)


@dataclass(frozen=True, slots=True)
class SuggestReport:
    """What ``annotator suggest`` did."""

    documents: int
    stored: int
    by_source: dict[str, int]
    seconds: float


def store_suggestions(
    repository: SuggestRepository,
    project_id: int,
    sources: Sequence[SuggestionSource],
    *,
    status: DocStatus | None = None,
    progress: Callable[[int], None] | None = None,
) -> SuggestReport:
    """Propose suggestions for the project's documents (those with ``status``) and store them
    in place of their earlier suggestions, one document per transaction.

    A source that can say how sure it is of a document (the model: :class:`CertaintySource`)
    has that stored too, a batch of documents per transaction, for "least sure first"; it
    tagged the document to propose, so this costs no second pass."""
    started = time.perf_counter()
    schema = repository.project_schema(project_id)
    ids = [d.id for d in repository.list_documents(project_id, status=status)]
    stored = 0
    by_source: Counter[str] = Counter()
    scorer = next((s for s in sources if isinstance(s, CertaintySource)), None)
    scores: list[tuple[int, float]] = []
    for n, document_id in enumerate(ids, 1):
        document = repository.get_document(document_id)
        shown = suggestions_for(document, sources, schema=schema,
                                rejected=repository.rejected_suggestions(document_id))
        stored += repository.replace_suggestions(document_id, shown.spans)
        by_source.update(str(s.attrs.get(SOURCE)) for s in shown.spans)
        if scorer is not None:
            scores.append((document_id, scorer.certainty(document)))
            if len(scores) >= CERTAINTY_BATCH:
                repository.set_certainties(scores, model=scorer.model_name)
                scores = []
        if progress is not None:
            progress(n)
    if scorer is not None and scores:
        repository.set_certainties(scores, model=scorer.model_name)
    return SuggestReport(len(ids), stored, dict(by_source), time.perf_counter() - started)


def with_published(document: Document, published: datetime.date | None) -> Document:
    """``document`` with a publication date in its metadata (for sources that count from it)."""
    if published is None:
        return document
    return replace(document, meta={**document.meta, "published": published.isoformat()})


def project_sources(
    repository: SuggestRepository, project_id: int, *, model: SuggestionSource | None = None,
) -> list[SuggestionSource]:
    """The sources in order of trust: the date rules, the project gazetteer, the model."""
    schema = repository.project_schema(project_id)
    sources: list[SuggestionSource] = []
    dates = schema.labels_for("date")
    if dates:
        sources.append(DateSource(label=dates[0]))
    sources.append(project_gazetteer(repository, project_id))
    if model is not None:
        sources.append(model)
    return sources
