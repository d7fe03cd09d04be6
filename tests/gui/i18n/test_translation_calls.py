"""Every literal tr()/translate()/QT_TRANSLATE_NOOP() call in hvmanager/ reaches the catalogue.

pyside6-lupdate's Python parser skips some calls without a word (``translate(ctx, text,
"", len(x))`` for one): the text then never gets a translation and no catalogue test
could notice. Python's own parser finds the calls here, and each must be in the
catalogue lupdate makes from today's sources, as a plural exactly when it has a count.
"""

import ast

from translation_files import REPO, read_catalogue

TRANSLATE = {"translate", "QT_TRANSLATE_NOOP"}


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class CallFinder(ast.NodeVisitor):
    """(context, source, plural, line) of every call with literal texts in one module."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[tuple[str, str, bool, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        args = node.args
        if name == "tr" and isinstance(func, ast.Attribute) and self.classes and args \
                and _literal(args[0]) is not None:
            self.found.append((self.classes[-1], _literal(args[0]), len(args) > 2, node.lineno))
        elif name in TRANSLATE and len(args) >= 2 and _literal(args[0]) is not None \
                and _literal(args[1]) is not None:
            self.found.append((_literal(args[0]), _literal(args[1]), len(args) > 3,
                               node.lineno))
        self.generic_visit(node)


def translation_calls():
    """Every literal translation call under hvmanager/, with its file."""
    for path in sorted((REPO / "hvmanager").rglob("*.py")):
        finder = CallFinder()
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for context, source, plural, line in finder.found:
            yield path.relative_to(REPO), line, context, source, plural


def test_lupdate_extracts_every_translation_call(refreshed_dir):
    catalogue = read_catalogue(refreshed_dir / "hvmanager_nl.ts")
    extracted = {(m.context, m.source): m.numerus for m in catalogue.values()}
    calls = list(translation_calls())
    assert len(calls) > 300  # the finder sees the code's calls at all
    missed = [f"  {path}:{line}: [{context}] {source!r}"
              for path, line, context, source, plural in calls
              if (context, source) not in extracted]
    assert not missed, ("lupdate does not extract these calls, so they are never translated "
                        "(write counts as self.tr(text, '', n) in a class):\n" + "\n".join(missed))


def test_counts_are_extracted_as_plurals(refreshed_dir):
    catalogue = read_catalogue(refreshed_dir / "hvmanager_nl.ts")
    extracted = {(m.context, m.source): m.numerus for m in catalogue.values()}
    plain = [f"  {path}:{line}: [{context}] {source!r}"
             for path, line, context, source, plural in translation_calls()
             if plural and extracted.get((context, source)) is False]
    assert not plain, ("a count in QCoreApplication.translate() is extracted as a plain message "
                       "and shows English for counts other than 1; use self.tr(text, '', n) "
                       "in the class:\n" + "\n".join(plain))


def test_the_finder_reads_contexts_like_lupdate(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "class Pane:\n"
        "    def retranslate(self, n):\n"
        "        self.tr('Title')\n"
        "        self.tr('%n item(s)', '', len(n))\n"
        "translate('Ctx', 'Loose %n', '', count)\n"
        "QT_TRANSLATE_NOOP('Columns', 'Name')\n"
        "translate(CONTEXT, text)\n", encoding="utf-8")
    finder = CallFinder()
    finder.visit(ast.parse(module.read_text()))
    assert finder.found == [("Pane", "Title", False, 3), ("Pane", "%n item(s)", True, 4),
                            ("Ctx", "Loose %n", True, 5), ("Columns", "Name", False, 6)]
