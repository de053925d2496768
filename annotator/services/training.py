"""A named-entity model trained on the project's done documents: a linear-chain CRF.

Why a CRF (python-crfsuite) and not spaCy's NER: see docs/adr/0011-suggestions.md. In
short, it trains on a few hundred articles in seconds on two cores, needs no download and no
word vectors, gives per-token marginal probabilities for a score, and its wheel is small.

Tokens are the text core's (whole tokens, clitics attached, as the window labels them); the
features are folded word forms, affixes, shape and the neighbouring words, so spelling variants
and obfuscated words ("هــ.دد") look like their clean forms. Each sentence is one sequence.

Models live in a folder beside the database (:func:`model_folder`), one file per version with
a JSON card (labels, documents, scores per label); a new version keeps the previous one.
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pycrfsuite

from annotator.core.clitics import name_start
from annotator.core.matcher import fold_key
from annotator.core.model import DocStatus, Document, LabelSchema, Span
from annotator.core.tagging import decode, tag_spans
from annotator.core.text import Token, fold_query, sentences, tokenize

MODEL_NAME = "crf"
KEEP_VERSIONS = 2  # the new model and the one before it
_ITERATION = re.compile(r"Iteration #(\d+)")

Features = list[dict[str, float | str]]
ProgressFn = Callable[[str, int, int | None], None]


# --- features -------------------------------------------------------------------------------


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if any(c.isdigit() for c in word):
        return "mixed"
    if word.isascii() and word.isalpha():
        return "latin"
    if not any(c.isalnum() for c in word):
        return "punct"
    return "word"


def _word_features(word: str) -> dict[str, float | str]:
    key = fold_key(word) or word
    return {
        "w": key,
        "p2": key[:2],
        "p3": key[:3],
        "s2": key[-2:],
        "s3": key[-3:],
        "al": float(key.startswith("ال") or key[1:3] == "ال"),
        "shape": _shape(word),
    }


def sentence_features(tokens: Sequence[Token]) -> list[dict[str, float | str]]:
    """One feature dictionary per token of a sentence (its own and its neighbours')."""
    own = [_word_features(t.text) for t in tokens]
    out: list[dict[str, float | str]] = []
    for i, feats in enumerate(own):
        f: dict[str, float | str] = {"bias": 1.0}
        f.update(feats)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(own):
                f[f"{d}:w"] = own[j]["w"]
                if abs(d) == 1:
                    f[f"{d}:s2"] = own[j]["s2"]
                    f[f"{d}:shape"] = own[j]["shape"]
            else:
                f[f"{d}:edge"] = 1.0
        if i > 0:
            f["-1:w|w"] = f"{own[i - 1]['w']}|{feats['w']}"
        out.append(f)
    return out


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """One sentence: its tokens (offsets into the document) and their IOB2 tags."""

    tokens: list[Token]
    tags: list[str]


def document_sequences(document: Document, *, labels: Iterable[str] | None = None
                       ) -> list[TaggedSentence]:
    """The document's sentences with IOB2 tags from its spans (suggestions left out)."""
    wanted = set(labels) if labels is not None else None
    spans = [s for s in document.spans if s.origin != "suggested"
             and (wanted is None or s.label in wanted)]
    tagging = tag_spans(document.text, spans, whole_tokens=True)
    tags = tagging.columns[0] if tagging.columns else ["O"] * len(tagging.tokens)
    tokens = tagging.tokens
    out: list[TaggedSentence] = []
    i = 0
    for _, end in sentences(document.text, tokens=tokens,
                            keep_together=[(s.start, s.end) for s in spans]):
        j = i
        while j < len(tokens) and tokens[j].end <= end:
            j += 1
        if j > i:
            out.append(TaggedSentence(tokens[i:j], list(tags[i:j])))
        i = j
    return out


# --- training -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Exact-match span scores of one label on held-out documents."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class ModelCard:
    """What a stored model is: version, when, on what, and how well it did."""

    name: str
    version: int
    created: str
    documents: int
    held_out: int
    sentences: int
    labels: list[str]
    seconds: float
    scores: list[dict[str, Any]] = field(default_factory=list)
    #: The first words of the spans it was trained on, folded: the names it knows, so that a
    #: particle glued before one is left out of a prediction ("ل|قوات"), as a double-click
    #: leaves it out (ADR 0008). Cards written before this field have none.
    first_words: list[str] = field(default_factory=list)


def first_words(documents: Iterable[Document], labels: Iterable[str]) -> list[str]:
    """The folded first words of the documents' spans with ``labels`` (suggestions left
    out)."""
    wanted = set(labels)
    words = {fold_query(s.text).split(" ")[0] for d in documents for s in d.spans
             if s.origin != "suggested" and s.label in wanted}
    return sorted(w for w in words if w)


class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """crfsuite's trainer, reporting its iterations as progress."""

    def __init__(self, progress: ProgressFn | None, task: str, total: int) -> None:
        super().__init__(verbose=False)
        self._progress = progress
        self._task = task
        self._total = total

    def message(self, message: str) -> None:
        m = _ITERATION.search(message)
        if m is not None and self._progress is not None:
            self._progress(self._task, min(int(m.group(1)), self._total), self._total)


def _fit(seqs: Sequence[TaggedSentence], path: Path, *, iterations: int,
         progress: ProgressFn | None, task: str) -> None:
    trainer = _Trainer(progress, task, iterations)
    for seq in seqs:
        trainer.append(pycrfsuite.ItemSequence(sentence_features(seq.tokens)), seq.tags)
    trainer.set_params({
        "c1": 0.05,
        "c2": 0.01,
        "max_iterations": iterations,
        "feature.possible_transitions": True,
    })
    trainer.train(str(path))


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted span with the model's confidence (mean marginal of its tags)."""

    start: int
    end: int
    label: str
    score: float


class NerModel:
    """A trained model file, ready to tag documents."""

    def __init__(self, path: Path, card: ModelCard) -> None:
        self.path = path
        self.card = card
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._known = frozenset(card.first_words)

    @property
    def name(self) -> str:
        return f"{self.card.name}-{self.card.version}"

    def _is_known(self, rest: str) -> bool:
        return fold_query(rest) in self._known

    def predict_text(self, text: str) -> list[Prediction]:
        """Spans the model finds in ``text``, with scores."""
        return self.analyse(text)[0]

    def certainty(self, text: str) -> float:
        """How sure the model is of its best tagging of ``text``: the probability of the best
        tag sequence of each sentence, averaged over the sentences (1.0 for no text)."""
        return self.analyse(text)[1]

    def analyse(self, text: str) -> tuple[list[Prediction], float]:
        """:meth:`predict_text` and :meth:`certainty` from one tagging of each sentence."""
        tokens = tokenize(text)
        out: list[Prediction] = []
        probs: list[float] = []
        tagger = self._tagger
        i = 0
        for _, end in sentences(text, tokens=tokens):
            j = i
            while j < len(tokens) and tokens[j].end <= end:
                j += 1
            chunk = tokens[i:j]
            i = j
            if not chunk:
                continue
            tagger.set(pycrfsuite.ItemSequence(sentence_features(chunk)))
            tags = tagger.tag()
            probs.append(tagger.probability(tags))
            for first, last, label in decode(tags):
                marginals = [tagger.marginal(tags[k], k) for k in range(first, last)]
                token = chunk[first]
                # The model tags whole tokens; a conjunction or preposition glued before a
                # word with the article or a name it was trained on is left out, as a
                # double-click leaves it out (ADR 0008): "و|البوكمال", "ل|قوات".
                start = token.start + name_start(text[token.start:token.end], self._is_known)
                out.append(Prediction(start, chunk[last - 1].end, label,
                                      sum(marginals) / len(marginals)))
        return out, (sum(probs) / len(probs) if probs else 1.0)


def least_sure_first(documents: Iterable[Document], model: NerModel) -> list[int]:
    """Document ids, the ones the model is least sure about first (an order of work that
    teaches the next model most). Scores every document: the window reads the stored
    certainties instead (:func:`least_sure_document`)."""
    scored = [(model.certainty(d.text), i, d.id) for i, d in enumerate(documents)
              if d.id is not None]
    return [doc_id for _, _, doc_id in sorted(scored)]


class ModelSource:
    """The trained model as a suggestion source."""

    name = "model"

    def __init__(self, model: NerModel, *, min_score: float = 0.5) -> None:
        self.model = model
        self.min_score = min_score
        # The last text tagged (by identity), its predictions and certainty.
        self._last: tuple[str, list[Prediction], float] | None = None

    @property
    def model_name(self) -> str:
        """The model's name and version, as stored with the certainties it gives."""
        return self.model.name

    def certainty(self, document: Document) -> float:
        """How sure the model is of ``document`` (:meth:`NerModel.certainty`); free right
        after :meth:`propose` of the same document, which tagged it already."""
        return self._analyse(document.text)[1]

    def _analyse(self, text: str) -> tuple[list[Prediction], float]:
        if self._last is None or self._last[0] is not text:
            self._last = (text, *self.model.analyse(text))
        return self._last[1], self._last[2]

    def propose(self, document: Document) -> list[Span]:
        out: list[Span] = []
        text = document.text
        for p in self._analyse(text)[0]:
            if p.score < self.min_score:
                continue
            out.append(Span(start=p.start, end=p.end, label=p.label,
                            text=text[p.start:p.end], origin="suggested",
                            attrs={"source": self.name, "score": round(p.score, 3),
                                   "model": self.model.card.name,
                                   "model_version": self.model.card.version}))
        return out


# --- where models live ----------------------------------------------------------------------


def model_folder(database: str, data_dir: Path) -> Path:
    """The folder of a database's models: ``<file>.models`` beside an SQLite file, else a
    folder named after the server and database in the user's data folder."""
    if database.startswith("sqlite:///") and ":memory:" not in database:
        path = Path(database.removeprefix("sqlite:///"))
        return path.with_name(path.name + ".models")
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", database.split("://", 1)[-1].split("@")[-1])
    return data_dir / "models" / slug


class ModelStore:
    """Versioned models in one folder: ``crf-0003.crfsuite`` and ``crf-0003.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def versions(self) -> list[int]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob(f"{MODEL_NAME}-*.json"):
            m = re.fullmatch(rf"{MODEL_NAME}-(\d+)\.json", path.name)
            if m and path.with_suffix(".crfsuite").is_file():
                found.append(int(m.group(1)))
        return sorted(found)

    def path(self, version: int) -> Path:
        return self.folder / f"{MODEL_NAME}-{version:04d}.crfsuite"

    def latest(self) -> NerModel | None:
        """The newest model, None before the first training."""
        versions = self.versions()
        if not versions:
            return None
        return self.load(versions[-1])

    def load(self, version: int) -> NerModel:
        path = self.path(version)
        card = ModelCard(**json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        return NerModel(path, card)

    def add(self, trained: Path, card: ModelCard) -> Path:
        """Store a trained model file as the next version; older ones beyond the previous go."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(card.version)
        os.replace(trained, path)
        # The card last, atomically: a version counts only once its card exists.
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(asdict(card), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path.with_suffix(".json"))
        for old in self.versions()[:-KEEP_VERSIONS]:
            self.path(old).with_suffix(".json").unlink(missing_ok=True)
            self.path(old).unlink(missing_ok=True)
        return path


# --- the use case ---------------------------------------------------------------------------


class TrainingError(ValueError):
    """Training cannot start (no done documents, no labeled spans)."""


def span_scores(gold: Iterable[tuple[Any, ...]], predicted: Iterable[tuple[Any, ...]],
                labels: Sequence[str]) -> list[LabelScore]:
    """Exact-match precision, recall and F1 per label (and "all"); each item is a tuple
    whose last element is the label, e.g. (document, start, end, label)."""
    g, p = set(gold), set(predicted)
    out = []
    for label in [*labels, "all"]:
        gl = {x for x in g if label in ("all", x[-1])}
        pl = {x for x in p if label in ("all", x[-1])}
        hit = len(gl & pl)
        prec = hit / len(pl) if pl else 0.0
        rec = hit / len(gl) if gl else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out.append(LabelScore(label, round(prec, 3), round(rec, 3), round(f1, 3), len(gl)))
    return out


def _gold_ranges(document: Document, labels: Sequence[str]) -> set[tuple[int, int, str]]:
    # Gold spans as whole tokens, as the model sees and predicts them.
    out = set()
    for seq in document_sequences(document, labels=labels):
        for first, last, label in decode(seq.tags):
            out.add((seq.tokens[first].start, seq.tokens[last - 1].end, label))
    return out


def train(
    documents: Sequence[Document],
    store: ModelStore,
    *,
    labels: Sequence[str],
    held_out: float = 0.2,
    seed: int = 13,
    iterations: int = 60,
    progress: ProgressFn | None = None,
) -> ModelCard:
    """Train on ``documents``, score a model trained without a held-out part on that part,
    then train on everything and store the result as the next version."""
    started = time.perf_counter()
    docs = [d for d in documents if any(s.origin != "suggested" for s in d.spans)]
    if not docs:
        raise TrainingError("no done document has labeled spans: label some and mark them done")
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    n_test = max(1, round(len(docs) * held_out)) if len(docs) > 1 and held_out > 0 else 0
    test = [docs[i] for i in order[:n_test]]
    train_docs = [docs[i] for i in order[n_test:]]
    scores: list[LabelScore] = []
    with tempfile.TemporaryDirectory() as tmp:
        if test:
            seqs = [s for d in train_docs for s in document_sequences(d, labels=labels)]
            path = Path(tmp) / "held_out.crfsuite"
            _fit(seqs, path, iterations=iterations, progress=progress, task="held-out model")
            probe = NerModel(path, ModelCard(MODEL_NAME, 0, "", 0, 0, 0, list(labels), 0,
                                             first_words=first_words(train_docs, labels)))
            gold: set[tuple[int, int, int, str]] = set()
            found: set[tuple[int, int, int, str]] = set()
            for k, d in enumerate(test):
                gold |= {(k, a, b, lab) for a, b, lab in _gold_ranges(d, labels)}
                found |= {(k, p.start, p.end, p.label) for p in probe.predict_text(d.text)}
            scores = span_scores(gold, found, labels)
        seqs = [s for d in docs for s in document_sequences(d, labels=labels)]
        final = Path(tmp) / "final.crfsuite"
        _fit(seqs, final, iterations=iterations, progress=progress, task="final model")
        versions = store.versions()
        card = ModelCard(
            name=MODEL_NAME,
            version=(versions[-1] + 1) if versions else 1,
            created=time.strftime("%Y-%m-%dT%H:%M:%S"),
            documents=len(docs),
            held_out=len(test),
            sentences=len(seqs),
            labels=sorted(Counter(lab for s in seqs for t in s.tags if t != "O"
                                  for lab in [t[2:]])),
            seconds=round(time.perf_counter() - started, 2),
            scores=[asdict(s) for s in scores],
            first_words=first_words(docs, labels),
        )
        store.add(final, card)
    return card


class TrainRepository(Protocol):
    """The repository methods training needs."""

    url: str

    def default_project(self) -> int: ...
    def project_schema(self, project_id: int) -> LabelSchema: ...
    def iter_documents(
        self, project_id: int, *, status: DocStatus | None = None,
        annotator: str | None = None, batch_size: int = 500,
    ) -> Iterable[Document]: ...
    def set_certainties(self, scores: Sequence[tuple[int, float]], *, model: str) -> int: ...
    def least_sure_documents(
        self, project_id: int, *, status: DocStatus | None = "new",
        after: tuple[float, int] | None = None, limit: int = 100,
    ) -> list[tuple[int, float]]: ...


def project_models(repository: TrainRepository) -> ModelStore:
    """The model folder of the repository's database."""
    from annotator.store.db import default_data_dir

    return ModelStore(model_folder(repository.url, default_data_dir()))


#: Certainties are written this many documents at a time (one transaction each).
SCORE_BATCH = 200


def score_documents(
    repository: TrainRepository, project_id: int, model: NerModel, *,
    status: DocStatus | None = "new", progress: ProgressFn | None = None,
) -> int:
    """Store how sure ``model`` is of each of the project's documents with ``status``, for
    "least sure first". Returns how many documents were scored."""
    batch: list[tuple[int, float]] = []
    done = 0
    for document in repository.iter_documents(project_id, status=status):
        if document.id is None:
            continue
        batch.append((document.id, model.certainty(document.text)))
        if len(batch) >= SCORE_BATCH:
            done += repository.set_certainties(batch, model=model.name)
            batch = []
            if progress is not None:
                progress("certainty", done, None)
    if batch:
        done += repository.set_certainties(batch, model=model.name)
    if progress is not None:
        progress("certainty", done, done)
    return done


def train_project(
    repository: TrainRepository,
    *,
    project_id: int | None = None,
    store: ModelStore | None = None,
    iterations: int = 60,
    progress: ProgressFn | None = None,
) -> ModelCard:
    """Train a model on the project's done documents, store it as the next version, and
    store how sure it is of each new document (the order "least sure first" reads)."""
    project = repository.default_project() if project_id is None else project_id
    schema = repository.project_schema(project)
    documents = list(repository.iter_documents(project, status="done"))
    models = store or project_models(repository)
    card = train(documents, models, labels=schema.names, iterations=iterations,
                 progress=progress)
    model = models.load(card.version)
    score_documents(repository, project, model, status="new", progress=progress)
    return card


def least_sure_page(
    repository: TrainRepository, project_id: int, *, status: DocStatus | None = "new",
    after: tuple[float, int] | None = None, limit: int = 100,
) -> list[tuple[int, float]]:
    """(document id, certainty) of the scored documents with ``status``, least sure first,
    one keyset page: pass the last pair of a page as ``after`` for the next one."""
    return repository.least_sure_documents(project_id, status=status, after=after,
                                           limit=limit)


def least_sure_document(
    repository: TrainRepository, project_id: int, *, status: DocStatus = "new",
) -> int | None:
    """The document with ``status`` the model was least sure about when it last scored it
    (one indexed query); None when no such document has been scored (no model yet)."""
    page = least_sure_page(repository, project_id, status=status, limit=1)
    return page[0][0] if page else None
