"""File › Import clients…: a spreadsheet's clients, checked and shown before they are saved.

1. **Columns** — how the file was read (encoding and separator, which can be changed),
   which client field each column holds (guessed from the headings, each changeable),
   how dates are written and the status for rows without one.
2. **Check** — the first rows exactly as they will be saved, and every row that will
   not be imported with its line and the reason. “Import” saves the good rows together.
3. **Done** — how many were added; the refused rows can be saved as a CSV to fix and
   import again.

Reading, checking and saving are :mod:`practice.transfer.spreadsheet`; this only shows.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from practice.errors import PracticeError
from practice.models import ClientStatus, label
from practice.transfer.spreadsheet import (
    ENCODINGS,
    SEPARATORS,
    DateOrder,
    ImportField,
    ImportPlan,
    ImportResult,
    ImportSettings,
    Sheet,
    default_settings,
    import_clients,
    plan_import,
    read_sheet,
    refused_path_for,
    undecided_date_order,
    write_refused,
)
from practice.transfer.spreadsheet.columns import check_mapping
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.transfer.import_models import ReadyRowsModel, RefusedRowsModel
from ui.widgets.form_errors import ErrorLine

PREVIEW_ROWS = 25
EXAMPLES = 3


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportClientsWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle("Which field is in each column?")
        self.setSubTitle(
            "The columns were matched to client fields by their headings. Check each one "
            "and change what is wrong; columns left out are not imported."
        )
        self.read_as = QLabel()
        self.read_as.setObjectName("readAs")
        self.read_as.setWordWrap(True)
        self.encoding = QComboBox()
        self.encoding.setAccessibleName("Encoding")
        for key, text in ENCODINGS.items():
            self.encoding.addItem(text, key)
        self.separator = QComboBox()
        self.separator.setAccessibleName("Separator")
        for key, text in SEPARATORS.items():
            self.separator.addItem(text.capitalize(), key)
        self.date_order = QComboBox()
        self.date_order.setAccessibleName("Dates are written")
        for order in DateOrder:
            self.date_order.addItem(order.label, order.value)
        self.status = QComboBox()
        self.status.setAccessibleName("Status when the file has none")
        for status in ClientStatus:
            self.status.addItem(label(status), status.value)
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels(["Column in the file", "First values", "Import as"])
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.field_boxes: list[QComboBox] = []
        self.error = ErrorLine()
        self.date_note = QLabel()
        self.date_note.setObjectName("importDateNote")
        self.date_note.setWordWrap(True)
        self.date_note.hide()

        reading = QHBoxLayout()
        reading.addWidget(QLabel("&Encoding:"))
        reading.itemAt(reading.count() - 1).widget().setBuddy(self.encoding)  # type: ignore[union-attr]
        reading.addWidget(self.encoding)
        reading.addWidget(QLabel("&Separator:"))
        reading.itemAt(reading.count() - 1).widget().setBuddy(self.separator)  # type: ignore[union-attr]
        reading.addWidget(self.separator)
        reading.addStretch(1)
        self.reading_row = QWidget()
        self.reading_row.setLayout(reading)
        reading.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow("&Dates are written:", self.date_order)
        form.addRow("S&tatus when the file has none:", self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_as)
        layout.addWidget(self.reading_row)
        layout.addWidget(self.columns, 1)
        layout.addLayout(form)
        layout.addWidget(self.date_note)
        layout.addWidget(self.error)

        self.encoding.activated.connect(lambda _i: self.reread())
        self.separator.activated.connect(lambda _i: self.reread())

    def show_sheet(self, sheet: Sheet, settings: ImportSettings) -> None:
        rows = len(sheet.rows)
        self.read_as.setText(
            f"<b>{html.escape(sheet.path.name)}</b>: {rows:,} row{'s' if rows != 1 else ''}, read as "
            f"{sheet.describe()}."
            + (" If names look garbled, choose another encoding." if sheet.is_csv else "")
            + "".join(f"<br><b>{html.escape(note)}</b>" for note in sheet.notes)
        )
        self.reading_row.setVisible(sheet.is_csv)
        if sheet.is_csv:
            self.encoding.setCurrentIndex(self.encoding.findData(sheet.encoding))
            self.separator.setCurrentIndex(self.separator.findData(sheet.separator))
        self.date_order.setCurrentIndex(self.date_order.findData(settings.date_order.value))
        self.status.setCurrentIndex(self.status.findData(settings.default_status.value))
        self.columns.setRowCount(len(sheet.headers))
        self.field_boxes = []
        for index, heading in enumerate(sheet.headers):
            examples = [
                str(row.cells[index]).replace("\n", " ")
                for row in sheet.rows[:20]
                if index < len(row.cells) and str(row.cells[index]).strip()
            ][:EXAMPLES]
            self.columns.setItem(index, 0, QTableWidgetItem(heading or f"(column {index + 1})"))
            self.columns.setItem(index, 1, QTableWidgetItem(" · ".join(examples)))
            box = QComboBox()
            box.setAccessibleName(f"Import {heading} as")
            for field in ImportField:
                box.addItem(field.label, field.value)
            box.setCurrentIndex(box.findData(settings.mapping[index].value))
            box.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.columns.setCellWidget(index, 2, box)
            self.field_boxes.append(box)
        self.columns.resizeColumnToContents(2)
        self.completeChanged.emit()

    def settings(self) -> ImportSettings:
        return ImportSettings(
            mapping=tuple(ImportField(str(box.currentData())) for box in self.field_boxes),
            date_order=DateOrder(str(self.date_order.currentData())),
            default_status=ClientStatus(str(self.status.currentData())),
        )

    def isComplete(self) -> bool:
        mapping = self.settings().mapping
        undecided = undecided_date_order(self.owner.sheet, mapping)
        self.date_note.setVisible(undecided is not None)
        if undecided is not None:
            self.date_note.setText(
                f"<b>Check how dates are written.</b> A date such as “{undecided}” can be "
                "read day first or month first, and no date in the file shows which; the "
                "choice above decides every such date of birth."
            )
        problem = check_mapping(mapping)
        if problem:
            self.error.say(problem)
        else:
            self.error.clear()
        return problem is None

    @guarded
    def reread(self) -> None:
        """Read the file again as chosen; if it cannot be, say so and keep how it was read."""
        sheet = self.owner.sheet
        try:
            self.owner.reread(str(self.encoding.currentData()), str(self.separator.currentData()))
        except PracticeError as error:
            self.encoding.setCurrentIndex(self.encoding.findData(sheet.encoding))
            self.separator.setCurrentIndex(self.separator.findData(sheet.separator))
            show_refusal(self, error, "Cannot read it that way")


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportClientsWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle("Check before importing")
        self.setCommitPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.ready_model = ReadyRowsModel(self)
        self.ready = _table("importPreview")
        self.ready.setModel(self.ready_model)
        self.refused_label = QLabel()
        self.refused_model = RefusedRowsModel(self)
        self.refused = _table("importRefused")
        self.refused.setModel(self.refused_model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.ready, 3)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused, 2)

    def initializePage(self) -> None:
        plan = self.owner.make_plan()
        ready, refused = len(plan.ready), len(plan.refused)
        shown = min(ready, PREVIEW_ROWS)
        if not ready:
            subtitle = "No row of the file can be imported as it is."
        elif shown < ready:
            subtitle = f"The first {shown} of the {ready:,} clients to add, as they will be saved."
        else:
            subtitle = "The clients to add, exactly as they will be saved."
        self.setSubTitle(subtitle)
        duplicates = len(plan.duplicates)
        self.summary.setText(
            f"<b>{ready:,} client{'s' if ready != 1 else ''}</b> will be added, together. "
            + (
                f"{refused:,} row{'s' if refused != 1 else ''} will not be imported"
                + (f" ({duplicates} already in your practice or repeated)" if duplicates else "")
                + ": listed below with the reason; you can save them as a file to fix."
                if refused
                else "Every row can be imported."
            )
        )
        self.ready_model.set_rows(plan.ready[:PREVIEW_ROWS])
        self.refused_model.set_rows(plan.refused)
        self.refused_label.setText(f"Not imported ({refused:,}):")
        self.refused_label.setVisible(bool(refused))
        self.refused.setVisible(bool(refused))
        self.owner.setButtonText(
            QWizard.WizardButton.CommitButton,
            f"&Import {ready:,} client{'s' if ready != 1 else ''}",
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.plan is not None and bool(self.owner.plan.ready)

    def validatePage(self) -> bool:
        return self.owner.run_import()


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportClientsWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle("Imported")
        self.message = QLabel()
        self.message.setObjectName("importDone")
        self.message.setWordWrap(True)
        self.save_button = QPushButton("&Save the rows not imported…")
        self.save_button.clicked.connect(self.save_refused)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self.saved_to: Path | None = None

    def initializePage(self) -> None:
        result = self.owner.outcome
        assert result is not None
        text = f"Added {result.imported:,} client{'s' if result.imported != 1 else ''}."
        if result.refused:
            count = len(result.refused)
            text += (
                f" {count:,} row{'s were' if count != 1 else ' was'} not imported: save them "
                "as a CSV file (with the reason in the last column), fix them and import "
                "that file."
            )
        self.message.setText(text)
        self.save_button.setVisible(bool(result.refused))

    @guarded
    def save_refused(self) -> None:
        from ui.transfer.files import ask_save_path

        sheet, result = self.owner.sheet, self.owner.outcome
        assert result is not None
        suggested = refused_path_for(sheet)
        path = ask_save_path(
            self, "Save the rows not imported", suggested.name, "CSV files", ".csv"
        )
        if path is not None:
            self.save_refused_to(path)

    def save_refused_to(self, path: Path) -> Path:
        result = self.owner.outcome
        assert result is not None
        self.saved_to = write_refused(self.owner.sheet, result.refused, path, replace=True)
        self.message.setText(self.message.text() + f"\n\nSaved to {self.saved_to}.")
        return self.saved_to


class ImportClientsWizard(QWizard):
    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Import clients")
        self.setObjectName("importClientsWizard")
        self.sheet = read_sheet(path)
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.done_page = DonePage(self)
        for page in (self.columns_page, self.check_page, self.done_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(960, 640)
        self.columns_page.show_sheet(self.sheet, default_settings(ctx.db, self.sheet))

    def reread(self, encoding: str, separator: str) -> None:
        self.sheet = read_sheet(self.sheet.path, encoding=encoding, separator=separator)
        settings = default_settings(self.ctx.db, self.sheet)
        keep = self.columns_page.settings()
        if len(keep.mapping) == len(settings.mapping):
            settings = replace(settings, mapping=keep.mapping)
        self.columns_page.show_sheet(self.sheet, settings)

    def make_plan(self) -> ImportPlan:
        self.plan = plan_import(self.ctx.db, self.sheet, self.columns_page.settings())
        return self.plan

    def run_import(self) -> bool:
        if self.plan is None:
            return False
        try:
            self.outcome = import_clients(self.ctx.db, self.plan)
        except Exception as exc:
            from ui.errors import report_exception

            report_exception(exc, self)
            return False
        self.ctx.changed("clients")
        return True


def ask_import_clients(ctx: AppContext, parent: QWidget) -> ImportClientsWizard | None:
    """Choose a file, then run the wizard on it (None if no file was chosen)."""
    from PySide6.QtWidgets import QFileDialog

    from practice.transfer.spreadsheet import SpreadsheetError
    from ui.transfer.files import documents_folder

    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        "Import clients from a spreadsheet",
        str(documents_folder()),
        "Spreadsheets (*.csv *.txt *.tsv *.xlsx);;All files (*)",
    )
    if not chosen:
        return None
    try:
        wizard = ImportClientsWizard(ctx, Path(chosen), parent)
    except SpreadsheetError as exc:
        QMessageBox.warning(parent, "Cannot import", str(exc))
        return None
    wizard.exec()
    return wizard
