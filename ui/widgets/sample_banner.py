"""The band across every page while the sample practice is open: what it is, and the way
back to the practitioner's own practice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

#: An amber band with dark text.
BACKGROUND, BORDER, TEXT = "#fff4ce", "#c8a600", "#3d3000"


class SampleBanner(QFrame):
    """“Sample practice — made-up clients…” with a button back to the real practice.

    ``back_closes``: the practitioner's own practice is already open in another window
    (the sample was started from its Help menu), so the button closes the sample;
    otherwise it opens the own practice and closes the sample.
    """

    def __init__(
        self, on_back: Callable[[], None], *, back_closes: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sampleBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Sample practice")
        # Its own colours, the same in light and dark palettes (tested at 4.5:1 or more).
        self.setStyleSheet(
            f"QFrame#sampleBanner {{ background: {BACKGROUND}; border: 1px solid {BORDER}; }}"
            f"QFrame#sampleBanner QLabel {{ color: {TEXT}; }}"
        )
        self.text = QLabel(
            "<b>Sample practice</b> — made-up clients and figures to look around. "
            "Nothing you do here touches your own practice."
        )
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.back = QPushButton("Back to &My Practice" if back_closes else "Open &My Practice")
        self.back.setToolTip(
            "Close the sample; your own practice stays open in its window."
            if back_closes
            else "Open your own practice and close the sample."
        )
        self.back.clicked.connect(on_back)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back)
