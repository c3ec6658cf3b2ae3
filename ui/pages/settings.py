"""Settings: the practice profile, money and locale, default durations, thresholds, and
the agreement terms. Everything is read and saved through ``practice.services.profile``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError, ValidationError
from practice.models import PageSize, PracticeProfile
from practice.services.profile import get_profile, update_profile
from practice.zone import zone_names
from ui.context import AppContext
from ui.errors import guarded
from ui.widgets.appearance_box import AppearanceBox
from ui.widgets.form_errors import FormErrors
from ui.widgets.page_header import page_title
from ui.widgets.profile_fields import (
    CURRENCIES,
    LOCALES,
    NUMBER_FIELDS,
    TERMS_FIELDS,
    TEXT_FIELDS,
)
from ui.widgets.terms_editor import TermsEditor

LOGO_MAX_PX = 64
#: The time zone choice that follows the computer (the profile names none).
COMPUTER_ZONE = "This computer's time zone"


class SettingsPage(QWidget):
    key = "settings"
    title = "Settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FormErrors()
        self._logo: bytes | None = None
        self._loaded: dict[str, Any] | None = None

        self.edits: dict[str, QLineEdit] = {}
        practice = QFormLayout()
        for field, text in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(field)
            self.edits[field] = edit
            self._row(practice, text, field, edit)
        self.edits["registration"].setPlaceholderText("Professional body and number")
        self.address = QPlainTextEdit()
        self.address.setObjectName("address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self._row(practice, "&Address", "address", self.address)
        self.logo_preview = QLabel()
        self.logo_preview.setMaximumHeight(LOGO_MAX_PX)
        self.logo_choose = QPushButton("Choose…")
        self.logo_choose.clicked.connect(self._choose_logo)
        self.logo_remove = QPushButton("Remove")
        self.logo_remove.clicked.connect(self._remove_logo)
        logo_row = QWidget()
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addWidget(self.logo_choose)
        logo_layout.addWidget(self.logo_remove)
        logo_layout.addStretch(1)
        self._row(practice, "&Logo", "logo_png", logo_row, buddy=self.logo_choose)
        practice_box = QGroupBox("Your practice (printed on agreements and receipts)")
        practice_box.setLayout(practice)

        money = QFormLayout()
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self._row(money, "C&urrency", "currency", self.currency)
        self.locale_box = QComboBox()
        self.locale_box.setObjectName("locale")
        self.locale_box.setEditable(True)
        for code, name in LOCALES:
            self.locale_box.addItem(f"{code} — {name}", code)
        self._row(money, "Number and date f&ormat", "locale", self.locale_box)
        self.time_zone = QComboBox()
        self.time_zone.setObjectName("time_zone")
        self.time_zone.setEditable(True)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone.addItem(COMPUTER_ZONE, "")
        self.time_zone.addItems(sorted(zone_names()))
        completer = self.time_zone.completer()
        if completer is not None:  # an editable box always has one
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setToolTip(
            "Every day and period is counted in this zone: reports, what is due or overdue, "
            "quiet clients, calendars. A practice that moves can change it."
        )
        self._row(money, "Ti&me zone", "time_zone", self.time_zone)
        self.page_size = QComboBox()
        self.page_size.setObjectName("page_size")
        for size in PageSize:
            self.page_size.addItem(size.value, size.value)
        self._row(money, "Paper si&ze", "page_size", self.page_size)
        money_box = QGroupBox("Money and documents")
        money_box.setLayout(money)

        self.numbers: dict[str, QSpinBox] = {}
        defaults = QFormLayout()
        defaults.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for field, text, low, high, suffix in NUMBER_FIELDS:
            spin = QSpinBox()
            spin.setObjectName(field)
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            spin.setMinimumWidth(110)
            self.numbers[field] = spin
            self._row(defaults, text, field, spin)
        self.numbers["auto_lock_minutes"].setSpecialValueText("Never")
        self.numbers["auto_lock_minutes"].setToolTip(
            "Lock the app after this many minutes without use (0 = never)."
        )
        self.numbers["quiet_after_days"].setToolTip(
            "An enrolled client with no session or call for this long is listed on Today."
        )
        defaults_box = QGroupBox("Defaults and thresholds")
        defaults_box.setLayout(defaults)

        terms_form = QFormLayout()
        self.term_fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for field, text, hint, multiline in TERMS_FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if multiline:
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit()
            widget.setObjectName(field)
            widget.setPlaceholderText(hint)
            widget.setToolTip(f"Printed where your terms say {{{field}}}.")
            self.term_fields[field] = widget
            self._row(terms_form, text, field, widget)
        terms_box = QGroupBox("Used in your agreement terms")
        terms_box.setLayout(terms_form)

        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b3261e;")
        self.form_error.hide()
        self.saved_label = QLabel()
        self.saved_label.setEnabled(False)
        self.save_button = QPushButton("&Save settings")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Undo changes")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.appearance = AppearanceBox(ctx.settings)
        right = QVBoxLayout()
        right.addWidget(money_box)
        right.addWidget(defaults_box)
        right.addWidget(self.appearance)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(practice_box)
        left.addWidget(terms_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        profile_inner = QWidget()
        profile_layout = QVBoxLayout(profile_inner)
        profile_layout.addLayout(columns)
        profile_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(profile_inner)
        profile_tab = QWidget()
        profile_tab_layout = QVBoxLayout(profile_tab)
        profile_tab_layout.setContentsMargins(0, 0, 0, 0)
        profile_tab_layout.addWidget(scroll, 1)
        profile_tab_layout.addLayout(buttons)

        self.terms = TermsEditor(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(profile_tab, "Practice profile")
        self.tabs.addTab(self.terms, "Agreement terms")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(page_title("Settings", "Your practice's details, defaults and terms."))
        layout.addWidget(self.tabs, 1)

    def _row(
        self,
        form: QFormLayout,
        text: str,
        field: str,
        widget: QWidget,
        *,
        buddy: QWidget | None = None,
    ) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.errors.add(field, buddy or widget))
        caption = QLabel(text)
        caption.setBuddy(buddy or widget)
        form.addRow(caption, holder)

    # ------------------------------------------------------------- page API

    @guarded
    def refresh(self) -> None:
        """Reload, keeping settings typed but not yet saved (leaving the page and coming
        back does not throw them away)."""
        if not self.has_unsaved_changes():
            self.revert()
        self.terms.refresh()

    @guarded
    def revert(self) -> None:
        """Show the profile as saved, dropping unsaved edits ("Undo changes")."""
        self.errors.clear()
        self.form_error.hide()
        self.saved_label.clear()
        self.fill(get_profile(self.ctx.db))

    def has_unsaved_changes(self) -> bool:
        return self._loaded is not None and self.values() != self._loaded

    def can_close(self) -> bool:
        """Asked by the main window before it closes: offer to save edits first (the
        profile's, then a clause's)."""
        if not self.terms.may_leave():
            return False
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved settings",
            "You changed some settings without saving them. Save them now?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Yes):
            self.save_profile()
            return not self.has_unsaved_changes()
        return answer in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.No)

    def save(self) -> None:
        if self.tabs.currentWidget() is self.terms:
            self.terms.save_clause()
        else:
            self.save_profile()

    # ------------------------------------------------------------- profile

    def fill(self, profile: PracticeProfile) -> None:
        #: The version shown: a save refuses a newer one (someone else's save).
        self.shown_version: int | None = profile.version
        for field, edit in self.edits.items():
            edit.setText(str(getattr(profile, field) or ""))
        self.address.setPlainText(profile.address)
        for field, widget in self.term_fields.items():
            value = str(getattr(profile, field) or "")
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        self.currency.setCurrentText(profile.currency)
        index = self.locale_box.findData(profile.locale)
        if index >= 0:
            self.locale_box.setCurrentIndex(index)
        else:
            self.locale_box.setEditText(profile.locale)
        self.page_size.setCurrentIndex(self.page_size.findData(profile.page_size.value))
        if profile.time_zone:
            self.time_zone.setCurrentText(profile.time_zone)
        else:
            self.time_zone.setCurrentIndex(0)
        for field, spin in self.numbers.items():
            spin.setValue(int(getattr(profile, field)))
        self._set_logo(profile.logo_png)
        self._loaded = self.values()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {field: edit.text() for field, edit in self.edits.items()}
        locale = self.locale_box.currentData()
        typed = self.locale_box.currentText()
        if locale is None or typed != self.locale_box.itemText(self.locale_box.currentIndex()):
            locale = typed.split(" ")[0]
        values.update(
            {
                field: widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
                for field, widget in self.term_fields.items()
            }
        )
        values.update(
            address=self.address.toPlainText(),
            currency=self.currency.currentText(),
            locale=locale,
            time_zone=""
            if self.time_zone.currentText() == COMPUTER_ZONE
            else (self.time_zone.currentText().strip()),
            page_size=PageSize(self.page_size.currentData()),
            logo_png=self._logo,
        )
        values.update({field: spin.value() for field, spin in self.numbers.items()})
        return values

    @guarded
    def save_profile(self) -> None:
        self.errors.clear()
        self.form_error.hide()
        self.saved_label.clear()
        try:
            update_profile(self.ctx.db, expected_version=self.shown_version, **self.values())
        except ValidationError as exc:
            if not self.errors.show(exc):
                self._form_level(str(exc))
            return
        except PracticeError as exc:
            self._form_level(str(exc))
            return
        self.ctx.changed("profile")  # may refresh this page: say "Saved." after it
        self.fill(get_profile(self.ctx.db))
        self.saved_label.setText("Saved.")

    def _form_level(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.show()

    # ------------------------------------------------------------- logo

    @guarded
    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Choose your logo", "", "Images (*.png *.jpg *.jpeg)"
        )
        if not path:
            return
        with open(path, "rb") as handle:
            self._set_logo(handle.read())

    def _remove_logo(self) -> None:
        self._set_logo(None)

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            if pixmap.height() > LOGO_MAX_PX:
                pixmap = pixmap.scaledToHeight(
                    LOGO_MAX_PX, Qt.TransformationMode.SmoothTransformation
                )
            self.logo_preview.setPixmap(pixmap)
        else:
            self.logo_preview.setText("No logo" if not data else "Not a picture")
        self.logo_remove.setEnabled(data is not None)
