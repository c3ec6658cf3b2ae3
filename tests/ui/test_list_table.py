"""The shared list table (double-click or Enter opens a row) and the search box that
reports once typing stops."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel
from pytestqt.qtbot import QtBot

from ui.widgets.list_table import ListTable, SearchBox, list_beside_detail, show_list_or_note


def _table(qtbot: QtBot, names: list[str]) -> tuple[ListTable, list[int]]:
    table = ListTable(QStringListModel(names), object_name="names_table")
    qtbot.addWidget(table)
    table.show()
    activated: list[int] = []
    table.row_activated.connect(lambda index: activated.append(index.row()))
    return table, activated


def test_enter_on_a_row_activates_it(qtbot: QtBot) -> None:
    table, activated = _table(qtbot, ["Ana", "Bea", "Cai"])
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert activated == [1, 2]


def test_enter_without_a_row_does_nothing(qtbot: QtBot) -> None:
    table, activated = _table(qtbot, [])
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert activated == []


def test_double_click_activates_the_row(qtbot: QtBot) -> None:
    table, activated = _table(qtbot, ["Ana", "Bea"])
    qtbot.waitExposed(table)
    rect = table.visualRect(table.model().index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == []  # one click only selects
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == [1]


def test_the_table_is_a_read_only_single_row_list(qtbot: QtBot) -> None:
    table, _activated = _table(qtbot, ["Ana"])
    assert table.objectName() == "names_table"
    assert table.editTriggers() == ListTable.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == ListTable.SelectionBehavior.SelectRows
    assert table.selectionMode() == ListTable.SelectionMode.SingleSelection
    assert not table.verticalHeader().isVisible()
    mode = table.horizontalHeader().sectionResizeMode(0)
    assert mode == QHeaderView.ResizeMode.Stretch


def test_search_box_reports_once_after_typing_stops(qtbot: QtBot) -> None:
    box = SearchBox(
        object_name="search", placeholder="Search", accessible_name="Search things", delay_ms=30
    )
    qtbot.addWidget(box)
    settled: list[str] = []
    box.settled.connect(lambda: settled.append(box.text()))
    with qtbot.waitSignal(box.settled, timeout=2000):
        qtbot.keyClicks(box, "zoe")
    assert settled == ["zoe"]
    assert box.accessibleName() == "Search things"
    assert box.isClearButtonEnabled()


def test_search_box_forgets_a_change_when_told(qtbot: QtBot) -> None:
    box = SearchBox(object_name="search", placeholder="", accessible_name="Search", delay_ms=30)
    qtbot.addWidget(box)
    box.setText("ana")
    box.cancel_pending()
    with qtbot.assertNotEmitted(box.settled, wait=120):
        pass


def test_an_empty_list_shows_a_note_saying_why(qtbot: QtBot) -> None:
    table, _activated = _table(qtbot, [])
    note = QLabel()
    qtbot.addWidget(note)
    note.show()
    texts = {"no_match": "Nothing matches.", "none_yet": "Nothing yet."}
    show_list_or_note(table, note, shown=0, searching=True, **texts)
    assert note.isVisible() and not table.isVisible()
    assert note.text() == "Nothing matches."
    show_list_or_note(table, note, shown=0, searching=False, **texts)
    assert note.text() == "Nothing yet."
    show_list_or_note(table, note, shown=3, searching=False, **texts)
    assert table.isVisible() and not note.isVisible()


def test_the_list_stands_beside_the_detail(qtbot: QtBot) -> None:
    table, _activated = _table(qtbot, ["Ana"])
    note, count, detail = QLabel(), QLabel("1 name"), QLabel("Ana's details")
    splitter = list_beside_detail(table, note, count, detail, sizes=(300, 200))
    qtbot.addWidget(splitter)
    assert splitter.count() == 2 and not splitter.childrenCollapsible()
    left, right = splitter.widget(0), splitter.widget(1)
    assert left is not None and right is not None
    assert left.isAncestorOf(table) and left.isAncestorOf(note) and left.isAncestorOf(count)
    assert right.isAncestorOf(detail)
