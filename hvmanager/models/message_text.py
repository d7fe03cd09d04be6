"""Renders the lower layers' ``Message``s in the application's current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvmanager.domain.message import Message


class MessageText:
    """The one translator of ``domain.message.Message`` for every display site.

    ``QCoreApplication.translate(context, source)`` looks the English template up in the
    installed catalogues (``hvmanager_<lang>.qm``), then the placeholders are filled, nested
    messages first. It renders at the moment of the call and keeps nothing: a site that
    shows a message again after a language switch (its ``LanguageChange`` handler or
    ``retranslate()``) shows it in the new language.
    """

    @staticmethod
    def of(message: Message | str | None, fallback: str = "") -> str:
        """``message`` in the current language; a plain string as it is; ``fallback`` for None
        (data made with plain strings keep them in ``message`` fields, their ``text`` is None)."""
        if message is None:
            return fallback
        if isinstance(message, Message):
            return message.render(QCoreApplication.translate)
        return message

    @staticmethod
    def of_error(error: BaseException) -> str:
        """What an error says, in the current language (see ``message_of``)."""
        return MessageText.of(MessageText.message_of(error))

    @staticmethod
    def message_of(error: BaseException) -> Message:
        """What an error says, as a ``Message`` to keep and render again later: the ``text``
        of remoting, settings and server-config errors followed by their ``hint_text`` (as
        ``str()`` of a ``RemotingError`` reads), else ``str(error)`` (or its type's name)."""
        text = getattr(error, "text", None)
        if not isinstance(text, Message):
            return Message.verbatim(str(error) or type(error).__name__)
        hint = getattr(error, "hint_text", None)
        if isinstance(hint, Message) and str(hint):
            return _WITH_HINT.format(text=text, hint=hint)
        return text


# Joins a text and its hint as RemotingError.__str__ does; never translated itself.
_WITH_HINT = Message("", "{text} {hint}")
