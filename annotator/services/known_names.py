"""Known names: the texts already labeled in the project, folded, for the double-click rule.

A double-click on "ومظلوم" selects "مظلوم" once "مظلوم" is labeled somewhere in the project
(``annotator.core.clitics.name_start``). The names are read from the store when first needed
and grow with every span the annotator labels; :meth:`KnownNames.refresh` has them read again
(another annotator may have labeled more meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from annotator.core.text import fold_query, tokenize


class LabeledTextSource(Protocol):
    """Where the labeled texts come from (annotator.store.repository.Repository)."""

    def labeled_texts(self, project_id: int) -> Iterable[str]: ...


class KnownNames:
    """The folded texts labeled in one project, and the first word of each longer one.

    Read from the store when first asked (a double-click), not when made or refreshed: the
    read goes over every span of the project (seconds at 100,000 documents), and neither the
    window's start nor opening a document should wait for it.
    """

    def __init__(self, source: LabeledTextSource, project_id: int) -> None:
        self._source = source
        self._project_id = project_id
        self._names: set[str] | None = None  # None: read on first use
        # Names added since the last read: kept over a refresh until the next read (they
        # are stored by then, but cost nothing to keep).
        self._added: set[str] = set()

    def refresh(self) -> None:
        """Read the labeled texts again from the store when next asked (another annotator
        may have labeled more meanwhile)."""
        self._names = None

    def load(self) -> None:
        """Read the labeled texts now (the window does it once it has been drawn)."""
        names = set(self._added)
        for text in self._source.labeled_texts(self._project_id):
            self._fold_into(names, text)
        self._names = names
        self._added = set()

    def add(self, text: str) -> None:
        """Know ``text`` (just labeled) as a name, and its first word: "حقل" of "حقل العمر"."""
        self._fold_into(self._added if self._names is None else self._names, text)

    @staticmethod
    def _fold_into(names: set[str], text: str) -> None:
        folded = fold_query(text)
        if not folded:
            return
        names.add(folded)
        words = [t.text for t in tokenize(folded)]
        if len(words) > 1:
            names.add(words[0])

    def _known(self) -> set[str]:
        if self._names is None:
            self.load()
        assert self._names is not None
        return self._names

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and fold_query(text) in self._known()

    def __len__(self) -> int:
        return len(self._known())
