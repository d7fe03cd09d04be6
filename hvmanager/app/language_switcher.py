"""Qt translators for the chosen language, installed and swapped at runtime."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

#: The source language is English; these are the translations the app ships.
LANGUAGES = ("en", "nl")
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def system_language(locale: QLocale | None = None) -> str:
    """"nl" when the system locale is Dutch, else "en"."""
    locale = locale if locale is not None else QLocale.system()
    return "nl" if locale.language() == QLocale.Language.Dutch else "en"


class LanguageSwitcher:
    """Installs ``hvmanager_<lang>.qm`` (and Qt's own ``qtbase_<lang>.qm``) on the app.

    Installing or removing a translator sends ``LanguageChange`` to every widget, which
    is how open windows retranslate. A missing ``.qm`` leaves the app in English and is
    reported through :attr:`problem` instead of failing.
    """

    def __init__(self, app: QCoreApplication, i18n_dir: Path = I18N_DIR) -> None:
        self._app = app
        self._dir = i18n_dir
        self._installed: list[QTranslator] = []
        self.language = "en"
        self.problem = ""

    def apply(self, language: str) -> bool:
        """Switch to ``language`` ("en" or "nl"); True when its translation is active.

        English is the source language; its ``.qm`` only adds plural forms ("1 action",
        "2 actions"), so a missing English file is no problem. A missing Dutch file
        falls back to English and sets :attr:`problem`.
        """
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.problem = ""
        self.language = "en"
        if language not in LANGUAGES:
            language = "en"
        if language != "en" and not self._install(language):
            path = self._dir / f"hvmanager_{language}.qm"
            self.problem = f"The translation file {path.name} is missing; showing English."
            log.warning("%s (looked in %s)", self.problem, self._dir)
            self._install("en")
            return False
        if language == "en":
            self._install("en")
        self.language = language
        return True

    def _install(self, language: str) -> bool:
        translator = QTranslator(self._app)
        if not translator.load(str(self._dir / f"hvmanager_{language}.qm")):
            return False
        self._app.installTranslator(translator)
        self._installed.append(translator)
        if language != "en":
            qt_translator = QTranslator(self._app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_translator.load(f"qtbase_{language}", qt_dir):
                self._app.installTranslator(qt_translator)
                self._installed.append(qt_translator)
        return True
