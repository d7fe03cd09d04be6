"""Every translation keeps what the code fills in or Qt reads: placeholders (%1, %n,
{name}), one accelerator where the source has one, line breaks, a trailing ellipsis or
colon, and a form for each plural of the language."""

import re
from collections import Counter

import pytest

from translation_files import TS_DIR, Message, read_catalogue

# {name} and {name:spec} (the lower layers' Messages format numbers: {seconds:g}, {size:,}).
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\}")
#: Dutch and English both have two plural forms (one, other).
PLURAL_FORMS = {"nl": 2, "en": 2}


def accelerators(text: str) -> int:
    """How many letters of ``text`` are marked with '&' ('&&' is a literal ampersand)."""
    return len(re.findall(r"&(?!&)(?=\S)", text.replace("&&", "")))


def ending(text: str) -> str:
    """What a menu or label says by its last characters: more follows, or a field."""
    for mark in ("...", "\u2026", ":"):
        if text.rstrip().endswith(mark):
            return mark
    return ""


def problems(message: Message, language: str) -> list[str]:
    """What ``message``'s translation lost or added, one line each."""
    found = []
    source = message.source
    if message.numerus and len(message.forms) != PLURAL_FORMS[language]:
        found.append(f"{len(message.forms)} plural forms instead of {PLURAL_FORMS[language]}")
    for form in message.forms:
        if Counter(PLACEHOLDER.findall(form)) != Counter(PLACEHOLDER.findall(source)):
            found.append(f"placeholders {PLACEHOLDER.findall(form)} in {form!r}")
        if accelerators(form) != accelerators(source):
            found.append(f"{accelerators(form)} accelerators in {form!r}")
        if form.count("\n") != source.count("\n"):
            found.append(f"{form.count(chr(10))} line breaks in {form!r}")
        if ending(form) != ending(source):
            found.append(f"ends {ending(form)!r} instead of {ending(source)!r}: {form!r}")
    return [f"{message.where()}: {problem}" for problem in found]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_translations_keep_placeholders_accelerators_and_plural_forms(language):
    catalogue = read_catalogue(TS_DIR / f"hvmanager_{language}.ts")
    found = [line for message in catalogue.values() if not message.unfinished
             for line in problems(message, language)]
    assert not found, "\n".join(found)


def test_the_checks_notice_a_lost_placeholder_and_accelerator():
    broken = Message("Ctx", "&Open %1 of {count}...", "", False, ("Openen %1...",), False)
    assert len(problems(broken, "nl")) == 2
    spec = Message("Ctx", "{host} did not answer within {seconds:g} s.", "", False,
                   ("{host} antwoordde niet binnen {seconds} s.",), False)
    assert len(problems(spec, "nl")) == 1
    plural = Message("Ctx", "%n file(s)", "", True, ("%n bestand",), False)
    assert problems(plural, "nl") == ["  [Ctx] '%n file(s)': 1 plural forms instead of 2"]
