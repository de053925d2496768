"""What the window does for events and date values: E, Ctrl+D, Document > Properties, and
marking the chosen event's spans in the article. The main window only composes; this is the
behaviour behind those actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from annotator.core.date_spans import is_date
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge
from annotator.ui.events_panel import EventsPanel

if TYPE_CHECKING:  # imported when first opened: the window's start does not wait for them
    from annotator.ui.date_dialog import DateValueDialog
    from annotator.ui.properties_dialog import PropertiesDialog


class EventActions(QObject):
    """Events, date values and the publication date, for one window."""

    message_posted = Signal(str)

    def __init__(
        self, bridge: SessionBridge, article: ArticleView, events_panel: EventsPanel,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.article = article
        self.events_panel = events_panel
        # The dialogs last opened (tests and scripts fill them in).
        self.date_dialog: DateValueDialog | None = None
        self.properties_dialog: PropertiesDialog | None = None
        events_panel.event_selected.connect(self._on_event_selected)

    def new_event(self) -> bool:
        """An event from the spans inside the selection, else from the caret's sentence (or
        the selected span's)."""
        session = self.bridge.session
        if session.document is None:
            return False
        selection = self.article.selection_range()
        if selection is not None:
            start, end = selection
            spans = [s for s in session.spans_between(start, end)
                     if s.start >= start and s.end <= end]
        else:
            selected = self.article.selected_span
            offset = (session.span(selected).start if selected is not None
                      else self.article.caret_offset())
            spans = session.events.sentence_spans(offset)
        return self.events_panel.new_event(spans)

    def edit_date(self) -> bool:
        """Open the value dialog of the selected date span (OK stores it, undoable)."""
        session = self.bridge.session
        span_id = self.article.selected_span
        if span_id is None or not is_date(session.schema, session.span(span_id).label):
            self.message_posted.emit(self.tr("Click a date span first, then press Ctrl+D."))
            return False
        span = session.span(span_id)
        from annotator.ui.date_dialog import DateValueDialog

        dialog = DateValueDialog(span.text, span.attrs, self._dialog_parent())
        self.date_dialog = dialog

        def store() -> None:
            try:
                value = dialog.value()
            except ValueError:
                return
            self.bridge.execute(session.events.date_command(span_id, value))

        dialog.accepted.connect(store)
        dialog.open()
        return True

    def show_properties(self) -> bool:
        """Open Document > Properties (the publication date; OK stores it, undoable)."""
        session = self.bridge.session
        document = session.document
        if document is None:
            return False
        meta = self._open_meta()
        from annotator.ui.properties_dialog import PropertiesDialog

        dialog = PropertiesDialog(document.name, document.text, meta, self._dialog_parent())
        self.properties_dialog = dialog

        def store() -> None:
            try:
                published = dialog.published()
            except ValueError:
                return
            command = session.events.published_command(published, guessed=dialog.guessed)
            if command is not None and self.bridge.execute(command):
                moved = len(command.span_attrs)
                self.message_posted.emit(
                    self.tr("Publication date stored; automatic date values recomputed: {n}.")
                    .format(n=moved)
                )

        dialog.accepted.connect(store)
        dialog.open()
        return True

    def _dialog_parent(self) -> QWidget | None:
        # The window, through Qt's parent link: a Python reference to it from here would make
        # a cycle that keeps a closed window alive until the garbage collector runs.
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _open_meta(self) -> dict[str, object]:
        return dict(self.bridge.session.meta)

    def _on_event_selected(self, event_id: int | None) -> None:
        if event_id is None:
            self.article.mark_spans(frozenset())
            return
        try:
            event = self.bridge.session.events.event(event_id)
        except (KeyError, RuntimeError):
            self.article.mark_spans(frozenset())
            return
        self.article.mark_spans(frozenset(event.span_ids()))
