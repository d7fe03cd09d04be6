"""A user-visible text that the layers below Qt build and the UI translates.

Remoting, hyperv, core and settings cannot import Qt, yet their error messages and hints
reach the window. They build a ``Message``: the translation context, the English source
template with named ``{placeholders}`` and the values for them. ``str()`` gives the English
text (logs, the CLI and ``RemotingError.message`` keep working); the models layer renders
it in the current language with ``QCoreApplication.translate`` at the moment it is shown,
so a language switch re-renders it.

Every template is written as a literal ``QT_TRANSLATE_NOOP("Context", "text")`` call:
pyside6-lupdate's Python parser extracts exactly that form (not with keyword arguments or a
third argument), so ``scripts/update-translations`` puts it in the ``.ts`` files.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Callable

# (context, source) -> translated template; the identity gives English.
_Translate = Callable[[str, str], str]

_VERBATIM = "{text}"


def _english(context: str, source: str) -> str:
    return source


@dataclass(frozen=True)
class Message:
    """A translatable text: ``context`` and English ``source`` as lupdate extracted them,
    and ``params`` (name, value) pairs for the ``{name}`` placeholders.

    A value may itself be a ``Message`` (rendered in the same language first), or anything
    ``str.format`` takes (format specs such as ``{seconds:g}`` apply to numbers). An empty
    ``context`` marks a composition that is never translated itself (``"{what} {todo}"``
    joining two translated parts).
    """

    context: str
    source: str
    params: tuple[tuple[str, object], ...] = ()

    def format(self, **params: object) -> Message:
        """This template with values for its placeholders (added to any it already has)."""
        return Message(self.context, self.source, self.params + tuple(params.items()))

    @classmethod
    def verbatim(cls, text: str) -> Message:
        """A text that is shown as it is in every language (a host's own error text, a path).

        Its template is a lone placeholder, so braces in ``text`` are never parsed.
        """
        return cls("", _VERBATIM, (("text", text),))

    @property
    def is_verbatim(self) -> bool:
        """True for ``verbatim()`` texts: there is nothing to translate."""
        return not self.context and self.source == _VERBATIM

    def render(self, translate: _Translate = _english) -> str:
        """The text in the language of ``translate`` (called as ``translate(context, source)``
        for this template and every nested ``Message``).

        A translation whose placeholders do not match the source's falls back to the English
        template: a bad catalogue must not hide an error message (the i18n tests forbid it).
        """
        values = {name: value.render(translate) if isinstance(value, Message) else value
                  for name, value in self.params}
        template = self.source if self.is_verbatim or not self.context else translate(self.context, self.source)
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.source.format(**values)

    def placeholders(self) -> frozenset[str]:
        """The names of the ``{placeholders}`` in the English template."""
        return frozenset(name.split(".")[0].split("[")[0]
                         for _, name, _, _ in string.Formatter().parse(self.source) if name)

    def __str__(self) -> str:
        return self.render()


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for extraction into ``context`` and return it as a ``Message`` template.

    Write both arguments as string literals (lupdate reads the source code, not values),
    then fill the placeholders with ``.format(name=value)``.
    """
    return Message(context, source)
