"""Ctrl+Shift+F: search every document of the project; results as keyword-in-context lines.

The search is ``annotator search`` (services.searching through the workspace): folded, so
"هدد" finds "هــ.دد". Each result is one right-to-left line with the hit tinted, the document's
name, and the label of a span already on the hit. Clicking a result opens the document with the
hit selected.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSchema
from annotator.services.searching import SearchHit
from annotator.services.workspace import Workspace
from annotator.ui.texts import label_title

# More results than anyone reads in a panel; the count says when there were more.
RESULT_LIMIT = 500


def kwic_parts(hit: SearchHit) -> tuple[str, str, str]:
    """(left context, hit, right context) of a hit's one-line context."""
    shown = " ".join(hit.text.split())
    marked = f"[{shown}]"
    at = hit.context.find(marked)
    if at < 0:  # cannot happen with services.searching's context; show the hit alone
        return "", hit.text, ""
    return hit.context[:at], shown, hit.context[at + len(marked) :]


def kwic_html(hit: SearchHit, labels: tuple[str, ...]) -> str:
    """A result line as rich text: the context right to left, the hit tinted and bold."""
    left, middle, right = kwic_parts(hit)
    label = (
        f' <span style="color:#555">[{html.escape(", ".join(labels))}]</span>' if labels else ""
    )
    return (
        f'<div dir="rtl">{html.escape(left)}'
        f'<span style="background:#FFE066"><b>{html.escape(middle)}</b></span>'
        f"{html.escape(right)}</div>"
        f'<div dir="ltr" style="color:#555">{html.escape(hit.document)} · {hit.start}–{hit.end}'
        f"{label}</div>"
    )


class SearchPanel(QDockWidget):
    """The corpus search: a query, the count, and one line per hit."""

    hit_chosen = Signal(object)  # the SearchHit clicked

    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 schema: LabelSchema | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self._workspace = workspace
        self._schema = schema
        self.hits: list[SearchHit] = []
        body = QWidget(self)
        self.query = QLineEdit(body)
        self.query.setObjectName("search_query")
        self.query.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        go = QPushButton(body)
        self._go = go
        go.clicked.connect(self.search)
        self.query.returnPressed.connect(self.search)
        self.count = QLabel(body)
        self.count.setObjectName("search_count")
        self.results = QListWidget(body)
        self.results.setObjectName("search_results")
        self.results.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.results.itemActivated.connect(self._on_item)
        self.results.itemClicked.connect(self._on_item)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(go)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self.setWidget(body)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search the corpus"))
        self.query.setPlaceholderText(self.tr("Search every document (Arabic-aware)"))
        self._go.setText(self.tr("Search"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_go"):
            self._retranslate()

    def open_panel(self, query: str = "") -> None:
        """Show the panel, with ``query`` (if given) searched at once."""
        self.setVisible(True)
        self.raise_()
        if query:
            self.query.setText(query)
            self.search()
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        """Run the query and list the hits."""
        query = self.query.text()
        self.results.clear()
        self.hits = self._workspace.search(query, limit=RESULT_LIMIT + 1) if query.strip() else []
        more = len(self.hits) > RESULT_LIMIT
        self.hits = self.hits[:RESULT_LIMIT]
        labels = self._workspace.labels_at(self.hits)
        for row, (hit, hit_labels) in enumerate(zip(self.hits, labels, strict=True)):
            item = QListWidgetItem(self.results)
            shown = tuple(label_title(self._schema, name) for name in hit_labels)
            line = QLabel(kwic_html(hit, shown))
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            line.setContentsMargins(4, 2, 4, 2)
            item.setSizeHint(line.sizeHint())
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.setItemWidget(item, line)
        if not query.strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("No match"))
        else:
            documents = len({h.document_id for h in self.hits})
            template = (self.tr("More than {hits} hit(s) in {documents} document(s)") if more
                        else self.tr("{hits} hit(s) in {documents} document(s)"))
            self.count.setText(template.format(hits=len(self.hits), documents=documents))

    def choose(self, row: int) -> None:
        """Open the hit on ``row`` (as a click does)."""
        self.hit_chosen.emit(self.hits[row])

    def _on_item(self, item: QListWidgetItem) -> None:
        self.choose(int(item.data(Qt.ItemDataRole.UserRole)))
