"""How an HTTPS host's certificate is checked: system store, a CA file, or not at all."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QFileDialog, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from hvmanager.domain.certificate_validation import CertificateValidation


class CertificateOptionsBox(QGroupBox):
    """Three choices; the opt-out is explicit and shows a warning while chosen.

    The CA file is picked with a non-modal ``QFileDialog`` opened with ``open()`` (a
    nested ``exec()`` would stall the asyncio tasks qasync runs on this thread).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Certificate (HTTPS)"))
        self.setObjectName("certificateGroup")
        self.setAccessibleName(self.tr("Certificate validation"))
        self.system_store_radio = self._radio("systemStoreRadio", self.tr(
            "Validate with the system's trusted certificates"))
        self.ca_file_radio = self._radio("caFileRadio", self.tr("Validate with a CA file:"))
        self.skip_radio = self._radio("skipValidationRadio", self.tr(
            "Do not validate the certificate"))
        self._group = QButtonGroup(self)
        for radio in (self.system_store_radio, self.ca_file_radio, self.skip_radio):
            self._group.addButton(radio)
        self.system_store_radio.setChecked(True)
        self.ca_file_edit = QLineEdit(self)
        self.ca_file_edit.setObjectName("caFileEdit")
        self.ca_file_edit.setAccessibleName(self.tr("CA file"))
        self.ca_file_edit.setPlaceholderText(self.tr("Path of a PEM file with the CA certificate"))
        self.browse_button = QPushButton(self.tr("Browse..."), self)
        self.browse_button.setObjectName("caFileBrowseButton")
        self.browse_button.setAccessibleName(self.tr("Browse for a CA file"))
        self.warning_label = QLabel(self.tr(
            "Warning: without validation anyone on the network between you and the host can "
            "pretend to be it and read your password. Use this only for a test lab."), self)
        self.warning_label.setObjectName("certificateWarning")
        self.warning_label.setAccessibleName(self.tr("Certificate warning"))
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #a04000;")
        self.file_dialog: QFileDialog | None = None
        self._layout()
        self._group.buttonToggled.connect(self._on_change)
        self.ca_file_edit.textChanged.connect(self._on_change)
        self.browse_button.clicked.connect(self._browse)
        self._on_change()

    def _radio(self, name: str, text: str) -> QRadioButton:
        radio = QRadioButton(text, self)
        radio.setObjectName(name)
        radio.setAccessibleName(text)
        return radio

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.ca_file_edit, 1)
        file_row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.system_store_radio)
        layout.addWidget(self.ca_file_radio)
        layout.addLayout(file_row)
        layout.addWidget(self.skip_radio)
        layout.addWidget(self.warning_label)

    def _on_change(self, *args: object) -> None:
        use_file = self.ca_file_radio.isChecked()
        self.ca_file_edit.setEnabled(use_file)
        self.browse_button.setEnabled(use_file)
        self.warning_label.setVisible(self.skip_radio.isChecked())
        self.changed.emit()

    def _browse(self) -> None:
        if self.file_dialog is None:
            self.file_dialog = QFileDialog(self, self.tr("Choose the CA certificate"))
            self.file_dialog.setObjectName("caFileDialog")
            self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            self.file_dialog.setNameFilters([self.tr("Certificates (*.pem *.crt *.cer)"),
                                             self.tr("All files (*)")])
            self.file_dialog.fileSelected.connect(self.ca_file_edit.setText)
        self.file_dialog.open()

    def validation(self) -> CertificateValidation:
        """The chosen validation."""
        if self.ca_file_radio.isChecked():
            return CertificateValidation.CA_FILE
        if self.skip_radio.isChecked():
            return CertificateValidation.SKIP
        return CertificateValidation.SYSTEM_STORE

    def ca_file(self) -> str:
        """The CA file's path when that choice is made, else ""."""
        return self.ca_file_edit.text().strip() if self.ca_file_radio.isChecked() else ""

    def set_choice(self, validation: CertificateValidation, ca_file: str = "") -> None:
        """Show an existing server's choice."""
        radio = {CertificateValidation.SYSTEM_STORE: self.system_store_radio,
                 CertificateValidation.CA_FILE: self.ca_file_radio,
                 CertificateValidation.SKIP: self.skip_radio}[validation]
        radio.setChecked(True)
        self.ca_file_edit.setText(ca_file)

    def problem(self) -> str:
        """What blocks OK here, or ""."""
        if not self.isEnabled() or not self.ca_file_radio.isChecked():
            return ""
        path = self.ca_file()
        if not path:
            return self.tr("Choose the CA file, or another way to check the certificate.")
        if not os.path.isfile(path):
            return self.tr("The CA file '%1' does not exist.").replace("%1", path)
        return ""
