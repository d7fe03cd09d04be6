"""The banner over the VM table while a host's Hyper-V service (vmms) is stopped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hvmanager.domain.message import Message
from hvmanager.models.message_text import MessageText

translate = QCoreApplication.translate


class ServiceStoppedBanner(QFrame):
    """Says why a host shows no VMs and offers the Hyper-V Service dialog in place."""

    service_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceStoppedBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#serviceStoppedBanner { background: #fff4ce; border: 1px solid #e0c060; }")
        self.label = QLabel(self)
        self.label.setObjectName("serviceStoppedMessage")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("serviceStoppedButton")
        self.button.clicked.connect(lambda: self.service_requested.emit(self._server_key))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._server_key = ""
        self._titles: tuple[str, ...] = ()
        self._detail: str | Message = ""
        self.retranslate()
        self.hide()

    def show_for(self, server_key: str, titles: tuple[str, ...], detail: str | Message) -> None:
        """Explain that the Hyper-V service of ``titles`` is stopped; empty hides the banner.

        ``detail`` (the host status's message) is rendered again at each language switch."""
        self._server_key = server_key
        self._titles = titles
        self._detail = detail
        self.retranslate()
        self.setVisible(bool(titles))

    @property
    def server_key(self) -> str:
        """The host whose service dialog the button opens."""
        return self._server_key

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.button.setText(translate("ServiceStoppedBanner", "Hyper-V Service..."))
        self.button.setAccessibleName(translate(
            "ServiceStoppedBanner", "Open the Hyper-V Service dialog"))
        if not self._titles:
            self.label.setText("")
            return
        text = translate(
            "ServiceStoppedBanner",
            "The Hyper-V Virtual Machine Management service (vmms) is stopped on {hosts}, so "
            "its virtual machines cannot be listed or managed. Start the service to see them "
            "again.").format(hosts=", ".join(self._titles))
        if self._detail:
            text += "\n" + MessageText.of(self._detail)
        self.label.setText(text)
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
