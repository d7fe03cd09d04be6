"""Message: the Qt-free translatable text of the layers below the UI."""

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message


def _shouting(context, source):
    return source.upper().replace("{HOST}", "{host}").replace("{REASON}", "{reason}")


def test_the_marker_returns_a_template_and_str_is_the_english_text():
    template = QT_TRANSLATE_NOOP("RemotingErrors", "{host} refused the connection.")
    assert template == Message("RemotingErrors", "{host} refused the connection.")
    filled = template.format(host="hv1")
    assert str(filled) == "hv1 refused the connection."
    assert template.params == ()  # format() returns a new value; templates stay reusable
    assert filled.placeholders() == {"host"}


def test_format_specs_apply_to_numbers():
    text = Message("C", "{host} did not answer within {seconds:g} s.").format(host="hv1", seconds=5.0)
    assert str(text) == "hv1 did not answer within 5 s."


def test_nested_messages_render_in_the_same_language():
    reason = Message("C", "not found")
    outer = Message("C", "{host} failed: {reason}").format(host="hv1", reason=reason)
    assert str(outer) == "hv1 failed: not found"
    assert outer.render(_shouting) == "hv1 FAILED: NOT FOUND"


def test_the_translator_gets_context_and_source_of_every_level():
    seen = []

    def record(context, source):
        seen.append((context, source))
        return source

    Message("Outer", "{inner}!").format(inner=Message("Inner", "deep")).render(record)
    assert seen == [("Inner", "deep"), ("Outer", "{inner}!")]


def test_verbatim_texts_are_never_translated_or_parsed():
    raw = Message.verbatim("Get-VM : {weird} braces")
    assert raw.is_verbatim
    assert raw.render(_shouting) == "Get-VM : {weird} braces"
    assert str(raw) == "Get-VM : {weird} braces"


def test_a_translation_with_wrong_placeholders_falls_back_to_english():
    message = Message("C", "{host} denied access.").format(host="hv1")
    assert message.render(lambda c, s: "{computer} weigerde de toegang.") == "hv1 denied access."


def test_messages_are_values():
    a = Message("C", "{x}").format(x=1)
    assert a == Message("C", "{x}").format(x=1) and hash(a) == hash(Message("C", "{x}", (("x", 1),)))
    assert a != Message("C", "{x}").format(x=2)
