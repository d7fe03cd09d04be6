"""Row colours by VM state: running green-ish, paused/saved amber, critical red, off default."""

from __future__ import annotations

from PySide6.QtGui import QColor

from hvmanager.domain.vm_state import VMState

_DEFAULT: tuple[None, None] = (None, None)


class StateColors:
    """Foreground and background colours for a state; None means "the view's default".

    Backgrounds are pale tints so the text stays readable on light palettes; the
    foreground only darkens the text of highlighted states. One instance per model
    (colours are created once, not per ``data()`` call).
    """

    def __init__(self) -> None:
        self._running = (QColor("#1e6b2a"), QColor("#e6f4e8"))
        self._amber = (QColor("#7a5200"), QColor("#fff3d6"))
        self._critical = (QColor("#a01616"), QColor("#fde2e2"))
        self._transitional = (QColor("#1f4e8c"), None)
        # Looked up by identity: an Enum's __hash__ runs in Python (the hash of its name),
        # and the table asks for two colours per painted cell.
        self._by_state = {id(state): self._pair(state) for state in VMState}

    def _pair(self, state: VMState) -> tuple[QColor | None, QColor | None]:
        if state.is_critical:
            return self._critical
        if state.is_running_like:
            return self._running
        if state.is_paused_like or state.is_saved_like:
            return self._amber
        if state.is_transitional:
            return self._transitional
        return (None, None)

    def foreground(self, state: VMState) -> QColor | None:
        """Text colour for ``state``; None for Off and unknown states."""
        return self._by_state.get(id(state), _DEFAULT)[0]

    def background(self, state: VMState) -> QColor | None:
        """Background tint for ``state``; None for Off, transitional and unknown states."""
        return self._by_state.get(id(state), _DEFAULT)[1]
