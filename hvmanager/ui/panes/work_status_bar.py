"""The status bar: hosts connecting or refreshing, actions running, and one standing problem."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from hvmanager.core.host_state import HostState
from hvmanager.domain.message import Message
from hvmanager.models.message_text import MessageText

translate = QCoreApplication.translate


class WorkStatusBar(QStatusBar):
    """Says what is in progress right now; a settings problem stays visible on the right.

    Work is counted, not listed, so twenty hosts connecting read as one short line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.work_label = QLabel(self)
        self.work_label.setObjectName("workLabel")
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setStyleSheet("color: #a00000;")
        self.problem_label.hide()
        self.addWidget(self.work_label, 1)
        self.addPermanentWidget(self.problem_label)
        self._host_states: dict[str, HostState] = {}
        self._titles: dict[str, str] = {}
        self._actions: dict[int, str] = {}
        self._tokens = itertools.count(1)
        self._problem: str | Message = ""
        # Host states arrive twice per host refresh (200 hosts: ~200 a second) and the text
        # walks every host: repaint it at most every 100 ms, which reads as immediate.
        self._host_update = QTimer(self)
        self._host_update.setSingleShot(True)
        self._host_update.setInterval(100)
        self._host_update.timeout.connect(self._update)
        self._update()

    def host_state_changed(self, server_key: str, title: str, state: HostState | None) -> None:
        """Track one host; ``None`` forgets it (server removed)."""
        if state is None:
            self._host_states.pop(server_key, None)
            self._titles.pop(server_key, None)
        elif self._host_states.get(server_key) is state and self._titles.get(server_key) == title:
            return  # a routine refresh (only its time changed) changes nothing here
        else:
            self._host_states[server_key] = state
            self._titles[server_key] = title
        if not self._host_update.isActive():
            self._host_update.start()

    def action_started(self, description: str) -> int:
        """Show an action in progress; returns a token for :meth:`action_finished`."""
        token = next(self._tokens)
        self._actions[token] = description
        self._update()
        return token

    def action_finished(self, token: int) -> None:
        """The action of ``token`` ended."""
        self._actions.pop(token, None)
        self._update()

    def show_problem(self, problem: str | Message | None) -> None:
        """A standing problem (e.g. the saved servers could not be read); "" or None clears it.

        A ``Message`` is shown in the current language and again after a language switch."""
        self._problem = problem or ""
        self._show_problem()

    def _show_problem(self) -> None:
        text = MessageText.of(self._problem)
        self.problem_label.setText(text)
        self.problem_label.setToolTip(text)
        self.problem_label.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        """True while any host connects or refreshes or any action runs."""
        return bool(self._actions) or any(
            state in (HostState.CONNECTING, HostState.REFRESHING)
            for state in self._host_states.values())

    def _names(self, state: HostState) -> list[str]:
        return [self._titles[key] for key, s in self._host_states.items() if s is state]

    def _update(self) -> None:
        parts = []
        connecting = self._names(HostState.CONNECTING)
        refreshing = self._names(HostState.REFRESHING)
        if connecting:
            parts.append(translate(
                "WorkStatusBar", "Connecting to {names}").format(names=_short(connecting)))
        if refreshing:
            parts.append(translate(
                "WorkStatusBar", "Refreshing {names}").format(names=_short(refreshing)))
        if self._actions:
            parts.append(_short(list(self._actions.values())))
        if not parts:
            usable = sum(1 for s in self._host_states.values() if s.is_usable)
            parts.append(self.tr("Ready: %1 of %n server(s) connected", "",
                                 len(self._host_states)).replace("%1", str(usable)))
        self.work_label.setText(" \u2014 ".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
            self._show_problem()
        super().changeEvent(event)


def _short(names: list[str], limit: int = 3) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" (+{len(names) - limit})"
