"""The events panel: the open document's events, their types and the spans filling their roles.

E (a window action) makes an event from the selected spans or the caret's sentence, roles
proposed from the labels. Here the annotator chooses its type, fills roles by clicking spans
in the article (with "Fill roles by clicking" on), and removes a role's span or the whole event
with Delete. Every edit is one undoable command through the bridge.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import ROLES, EventFrame, Span
from annotator.services.changes import (
    Change,
    DateSet,
    DocumentOpened,
    DocumentReloaded,
    EventAdded,
    EventChanged,
    EventRemoved,
    SpanChanged,
)
from annotator.ui.bridge import SessionBridge
from annotator.ui.texts import event_type_title, role_title

# Item data: the event id (top-level rows), (event id, role, span id) (role rows) or
# (event id, role, None, argument event id) (a role filled by another event).
_ITEM_ROLE = Qt.ItemDataRole.UserRole + 10
_BY_LABEL = "by label"


class EventsPanel(QWidget):
    """Lists events; the chosen one's spans are announced for the article to mark."""

    event_selected = Signal(object)  # the chosen event's id, or None
    message_posted = Signal(str)

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("events_panel")
        # The side column may be made narrow for the span list; the panel clips, never widens it.
        self.setMinimumWidth(60)
        self._bridge = bridge
        self._syncing = False
        self._selected_span: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self._title = QLabel()
        layout.addWidget(self._title)
        self.tree = _EventTree(self)
        self.tree.setObjectName("event_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self._type_label = QLabel()
        row.addWidget(self._type_label)
        self.type_box = QComboBox()
        self.type_box.setObjectName("event_type")
        schema = bridge.session.schema
        for name in schema.event_types:
            self.type_box.addItem("", name)
        # Long type names must not make the side panel wide: the box shrinks, the list shows all.
        self.type_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_box.setMinimumContentsLength(6)
        row.addWidget(self.type_box, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self._role_label = QLabel()
        row.addWidget(self._role_label)
        self.role_box = QComboBox()
        self.role_box.setObjectName("event_role")
        for role in (_BY_LABEL, *ROLES):
            self.role_box.addItem("", role)
        row.addWidget(self.role_box, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.fill_button = QPushButton()
        self.fill_button.setMinimumWidth(0)
        self.fill_button.setObjectName("fill_roles")
        self.fill_button.setCheckable(True)
        row.addWidget(self.fill_button)
        layout.addLayout(row)
        self.span_events = QLabel()
        self.span_events.setObjectName("span_events")
        self.span_events.setWordWrap(True)
        layout.addWidget(self.span_events)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.delete_pressed.connect(self.delete_current)
        self.type_box.currentIndexChanged.connect(self._on_type_chosen)
        bridge.changed.connect(self._on_change)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every text the panel shows, in the interface language (the list drawn again)."""
        self._title.setText(self.tr("<b>Events</b> · الأحداث"))
        self._type_label.setText(self.tr("Type:"))
        self._role_label.setText(self.tr("Role:"))
        schema = self._bridge.session.schema
        for i in range(self.type_box.count()):
            self.type_box.setItemText(i, event_type_title(schema, str(self.type_box.itemData(i))))
        for i in range(self.role_box.count()):
            role = str(self.role_box.itemData(i))
            self.role_box.setItemText(i, self.tr("by label") if role == _BY_LABEL
                                      else role_title(role))
        self.fill_button.setText(self.tr("Fill roles by clicking"))
        self.fill_button.setToolTip(
            self.tr("While on, each span clicked in the article joins the chosen event "
                    "(in the role its label fills, or the role chosen here)")
        )
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "fill_button"):
            self._retranslate()

    # ----- what the window calls -----------------------------------------------------------
    def current_event(self) -> int | None:
        """The id of the chosen event, if any."""
        item = self.tree.currentItem()
        if item is None:
            return None
        data = item.data(0, _ITEM_ROLE)
        return data if isinstance(data, int) else int(data[0])

    def new_event(self, spans: Iterable[Span]) -> bool:
        """Make an event over ``spans`` (roles from their labels), choose it, and give the
        type box the keys so the arrows choose its type."""
        builder = self._bridge.session.events
        spans = list(spans)
        command = builder.new_event_command(spans, self.type_box.currentData())
        if not self._bridge.execute(command):
            return False
        if command.stored is not None and command.stored.id is not None:
            self.select_event(command.stored.id)
        filled = sum(len(v) for v in command.event.roles.values())
        self.message_posted.emit(
            self.tr("New event, roles filled: {n}; choose its type with the arrows "
                    "(Ctrl+Z undoes).").format(n=filled)
        )
        self.type_box.setFocus()
        return True

    def select_event(self, event_id: int | None) -> None:
        """Choose event ``event_id`` in the list (None: none)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, _ITEM_ROLE) == event_id:
                self.tree.setCurrentItem(item)
                return
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self.event_selected.emit(None)

    def show_span(self, span_id: int | None) -> None:
        """The article chose span ``span_id``: show its events; in fill mode, add it."""
        self._selected_span = span_id
        if span_id is not None and self.fill_button.isChecked():
            self.add_span_to_current(span_id)
        self._show_span_events()

    def add_span_to_current(self, span_id: int) -> bool:
        """Put span ``span_id`` into the chosen event (the role chosen, else its label's)."""
        event_id = self.current_event()
        if event_id is None:
            self.message_posted.emit(self.tr("Choose an event first (or press E to make one)."))
            return False
        role = str(self.role_box.currentData())
        command = self._bridge.session.events.add_role_command(
            event_id, span_id, None if role == _BY_LABEL else role
        )
        if command is None:
            self.message_posted.emit(
                self.tr("That span is already there, or its label fills no role.")
            )
            return False
        return self._bridge.execute(command)

    def delete_current(self) -> bool:
        """Delete the chosen event, or take the chosen span out of its role."""
        item = self.tree.currentItem()
        if item is None:
            return False
        data = item.data(0, _ITEM_ROLE)
        events = self._bridge.session.events
        if isinstance(data, int):
            # The store refuses to delete an event another one names: say so here, in words.
            users = [str(n) for n, e in enumerate(events.events, 1) if data in e.event_ids()]
            if users:
                self.message_posted.emit(
                    self.tr("This event is an argument of event {numbers}: take it out there "
                            "first.").format(numbers=", ".join(users)))
                return False
            return self._bridge.execute(events.delete_event_command(data))
        if len(data) == 4:  # an argument that is another event
            event_id, role, _, arg_id = data
            command = events.remove_event_arg_command(int(event_id), role, int(arg_id))
            return command is not None and self._bridge.execute(command)
        event_id, role, span_id = data
        return self._bridge.execute(events.remove_role_command(int(event_id), role, int(span_id)))

    # ----- drawing -------------------------------------------------------------------------
    def _rebuild(self) -> None:
        current = self.current_event()
        self._syncing = True
        try:
            self.tree.clear()
            session = self._bridge.session
            spans = {s.id: s for s in session.spans}
            listed = session.events.events
            numbers = {e.id: n for n, e in enumerate(listed, 1)}
            types = {e.id: e.type for e in listed}
            for number, event in enumerate(listed, 1):
                title = event_type_title(session.schema, event.type)
                top = QTreeWidgetItem([f"{number}. {title}"])
                top.setData(0, _ITEM_ROLE, event.id)
                for role, ids in event.roles.items():
                    for span_id in ids:
                        span = spans.get(span_id)
                        text = (span.text if span is not None
                                else self.tr("span {id}").format(id=span_id))
                        child = QTreeWidgetItem([f"{role_title(role)}: {text}"])
                        child.setData(0, _ITEM_ROLE, (event.id, role, span_id))
                        top.addChild(child)
                for role, ids in event.event_args.items():
                    for arg_id in ids:
                        # A nested event: its number in this list and its type.
                        shown = self.tr("event {number} · {type}").format(
                            number=numbers.get(arg_id, "?"),
                            type=event_type_title(session.schema, types.get(arg_id, "")))
                        child = QTreeWidgetItem([f"{role_title(role)}: {shown}"])
                        child.setData(0, _ITEM_ROLE, (event.id, role, None, arg_id))
                        top.addChild(child)
                if event.trigger is not None and event.trigger in spans:
                    trigger = spans[event.trigger].text
                    child = QTreeWidgetItem([f"{role_title('trigger')}: {trigger}"])
                    child.setData(0, _ITEM_ROLE, (event.id, "trigger", event.trigger))
                    top.addChild(child)
                self.tree.addTopLevelItem(top)
                top.setExpanded(True)
        finally:
            self._syncing = False
        self.select_event(current)
        self._show_span_events()

    def _show_span_events(self) -> None:
        span_id = self._selected_span
        events = self._bridge.session.events
        used = {e.id for e in events.events_of(span_id)} if span_id is not None else set()
        numbers = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            font = QFont(item.font(0))
            font.setBold(item.data(0, _ITEM_ROLE) in used)
            item.setFont(0, font)
            if item.data(0, _ITEM_ROLE) in used:
                numbers.append(str(i + 1))
        if span_id is None:
            self.span_events.setText("")
        elif numbers:
            self.span_events.setText(
                self.tr("The selected span is in event {numbers}.")
                .format(numbers=", ".join(numbers))
            )
        else:
            self.span_events.setText(self.tr("The selected span is in no event."))

    def _event_frame(self, event_id: int | None) -> EventFrame | None:
        if event_id is None:
            return None
        try:
            return self._bridge.session.events.event(event_id)
        except (KeyError, RuntimeError):
            return None

    # ----- slots ---------------------------------------------------------------------------
    def _on_current_changed(self, *_items: object) -> None:
        if self._syncing:
            return
        event = self._event_frame(self.current_event())
        if event is not None:
            index = self.type_box.findData(event.type)
            if index >= 0 and index != self.type_box.currentIndex():
                self._syncing = True
                try:
                    self.type_box.setCurrentIndex(index)
                finally:
                    self._syncing = False
        self.event_selected.emit(event.id if event is not None else None)

    def _on_type_chosen(self, _index: int) -> None:
        if self._syncing:
            return
        event_id = self.current_event()
        if event_id is None:
            return
        command = self._bridge.session.events.type_command(event_id, self.type_box.currentData())
        self._bridge.execute(command)

    def _on_change(self, change: Change) -> None:
        match change:
            case (DocumentOpened() | DocumentReloaded() | EventAdded() | EventChanged()
                  | EventRemoved() | SpanChanged() | DateSet()):
                self._rebuild()
                # The chosen event's spans may have changed: the article marks them again.
                self.event_selected.emit(self.current_event())


class _EventTree(QTreeWidget):
    """The event list; Delete removes the chosen event or role entry."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
