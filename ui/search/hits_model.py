"""The list of search hits, and the extract drawn with the searched words in bold."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from practice.search import SearchHit, Snippet
from ui import format as fmt
from ui.models.row_table import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
ROLE_HTML = Qt.ItemDataRole.UserRole + 10
EXTRACT_COLUMN = 3


def snippet_html(snippet: Snippet) -> str:
    """The extract as HTML, each searched word in bold."""
    out, at = [], 0
    for start, end in snippet.highlights:
        out.append(html.escape(snippet.text[at:start]))
        out.append(f"<b>{html.escape(snippet.text[start:end])}</b>")
        at = end
    out.append(html.escape(snippet.text[at:]))
    return "".join(out)


class SearchHitsModel(RowTableModel[SearchHit]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locale = fmt.DEFAULT_LOCALE

    def row_id(self, row: SearchHit) -> Any:
        return (row.kind, row.source_id)

    def columns(self) -> Sequence[Column[SearchHit]]:
        return (
            Column("Date", lambda h: fmt.day(h.day, self.locale)),
            Column("Client", lambda h: h.client_name),
            Column("In", lambda h: h.kind.label),
            Column("What was written", lambda h: h.snippet.text, tooltip=lambda h: h.snippet.text),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ROLE_HTML and index.isValid() and index.column() == EXTRACT_COLUMN:
            return snippet_html(self.row_at(index.row()).snippet)
        return super().data(index, role)


class HighlightDelegate(QStyledItemDelegate):
    """Draws the extract column's HTML (the searched words in bold), on one line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(ROLE_HTML)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(text)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        rect = option.rect
        document.setTextWidth(-1)
        top = max(0.0, (rect.height() - document.size().height()) / 2)
        painter.save()
        painter.translate(rect.left(), rect.top() + top)
        painter.setClipRect(0, -int(top), rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 8))
