"""Known names: the texts already labeled in the project, folded, for the double-click rule.

A double-click on "ومظلوم" selects "مظلوم" once "مظلوم" is labeled somewhere in the project
(``annotator.core.clitics.name_start``). The names are read once from the store and grow with
every span the annotator labels; :meth:`KnownNames.refresh` reads them again (another annotator
may have labeled more meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from annotator.core.text import fold_query, tokenize


class LabeledTextSource(Protocol):
    """Where the labeled texts come from (annotator.store.repository.Repository)."""

    def labeled_texts(self, project_id: int) -> Iterable[str]: ...


class KnownNames:
    """The folded texts labeled in one project, and the first word of each longer one."""

    def __init__(self, source: LabeledTextSource, project_id: int) -> None:
        self._source = source
        self._project_id = project_id
        self._names: set[str] = set()
        self.refresh()

    def refresh(self) -> None:
        """Read the labeled texts again from the store."""
        self._names = set()
        for text in self._source.labeled_texts(self._project_id):
            self.add(text)

    def add(self, text: str) -> None:
        """Know ``text`` (just labeled) as a name, and its first word: "حقل" of "حقل العمر"."""
        folded = fold_query(text)
        if not folded:
            return
        self._names.add(folded)
        words = [t.text for t in tokenize(folded)]
        if len(words) > 1:
            self._names.add(words[0])

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and fold_query(text) in self._names

    def __len__(self) -> int:
        return len(self._names)
