"""The Actions pane, as in Hyper-V Manager: the host's actions, then the selected VMs'."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate


class _Section(QWidget):
    """A heading and one flat button per action; buttons of disabled actions hide."""

    def __init__(self, object_name: str, actions: Iterable[QAction]) -> None:
        super().__init__()
        self.setObjectName(object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(0)
        self.heading = QLabel(self)
        self.heading.setObjectName(f"{object_name}Heading")
        self.heading.setStyleSheet(
            "font-weight: bold; background: palette(midlight); padding: 3px;")
        layout.addWidget(self.heading)
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"{action.objectName()}Button")
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            action.changed.connect(lambda b=button, a=action: b.setVisible(a.isEnabled()))
            button.setVisible(action.isEnabled())
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.setVisible(bool(text))


class ActionsPane(QScrollArea):
    """Headings name the selected host and VM (or the count), like virtmgmt's right pane."""

    def __init__(self, host_actions: Iterable[QAction], vm_actions: Iterable[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionsPane")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.host_section = _Section("actionsPaneHost", host_actions)
        self.vm_section = _Section("actionsPaneVms", vm_actions)
        layout.addWidget(self.host_section)
        layout.addWidget(self.vm_section)
        layout.addStretch(1)
        self.setWidget(body)
        self._host_title = ""
        self._vm_names: tuple[str, ...] = ()
        self.retranslate()

    def set_context(self, host_title: str, vm_names: tuple[str, ...]) -> None:
        """The selected host node's title ("" for "All servers") and the selected VMs."""
        self._host_title = host_title
        self._vm_names = vm_names
        self.retranslate()

    def visible_action_names(self) -> list[str]:
        """objectNames of the actions whose buttons show (tests, accessibility)."""
        return [button.defaultAction().objectName()
                for section in (self.host_section, self.vm_section)
                for button in section.buttons if not button.isHidden()]

    def retranslate(self) -> None:
        """Headings in the current language."""
        self.setAccessibleName(translate("ActionsPane", "Actions"))
        self.host_section.set_heading(self._host_title or translate(
            "ActionsPane", "Hyper-V Manager"))
        if not self._vm_names:
            self.vm_section.set_heading("")
        elif len(self._vm_names) == 1:
            self.vm_section.set_heading(self._vm_names[0])
        else:
            self.vm_section.set_heading(self.tr(
                "%n virtual machine(s)", "", len(self._vm_names)))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
