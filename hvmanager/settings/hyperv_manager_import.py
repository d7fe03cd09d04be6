"""Import the server list of Windows' own Hyper-V Manager (virtmgmt.msc).

It lives in ``%APPDATA%\\Microsoft\\Windows\\Hyper-V\\Client\\1.0\\virtmgmt.VMBrowser.config``:
an XML file of ``<setting name="..." type="..."><value>...</value></setting>`` elements;
``BrowserComputerNames`` holds the servers separated by ``;``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Mapping

from hvmanager.domain.message import QT_TRANSLATE_NOOP
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.settings_errors import HyperVManagerConfigError

SETTING_NAME = "BrowserComputerNames"
_RELATIVE = Path("Microsoft", "Windows", "Hyper-V", "Client", "1.0", "virtmgmt.VMBrowser.config")
_LOCAL_NAMES = {"localhost", "."}


def virtmgmt_config_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """The file's path under ``%APPDATA%``, or None where there is no APPDATA (not Windows)."""
    env = os.environ if environ is None else environ
    appdata = env.get("APPDATA", "").strip()
    return Path(appdata) / _RELATIVE if appdata else None


def read_browser_computer_names(path: Path) -> tuple[str, ...]:
    """The saved server names in order, without blanks or case-insensitive duplicates.

    Raises ``FileNotFoundError`` when the file is missing and
    ``HyperVManagerConfigError`` when it is not XML. A file without the setting
    (Hyper-V Manager never connected anywhere) gives ().
    """
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError as error:
        text = QT_TRANSLATE_NOOP("SettingsMessages", "{file} is not valid XML: {error}")
        raise HyperVManagerConfigError(text.format(file=path.name, error=str(error)), path) from None
    for setting in root.iter("setting"):
        if setting.get("name") == SETTING_NAME:
            value = setting.find("value")
            text = value.text if value is not None and value.text else ""
            return _split(text)
    return ()


def _split(text: str) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    for part in text.split(";"):
        name = part.strip()
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return tuple(names)


def servers_from_names(names: tuple[str, ...],
                       transport: Transport = Transport.HTTP) -> tuple[ServerConfig, ...]:
    """One ``ServerConfig`` per name (``localhost``/``.`` become the local session).

    Names that are not valid addresses are dropped: Hyper-V Manager accepted them,
    we cannot connect to them.
    """
    servers: list[ServerConfig] = []
    for name in names:
        if name.lower() in _LOCAL_NAMES:
            servers.append(ServerConfig.local())
            continue
        try:
            servers.append(ServerConfig(address=name, transport=transport))
        except InvalidServerConfig:
            continue
    return tuple(servers)


def import_hyperv_manager_servers(path: Path | None = None,
                                  transport: Transport = Transport.HTTP) -> tuple[ServerConfig, ...]:
    """Read the file (default location unless ``path``) and return its servers.

    Raises ``FileNotFoundError`` when there is no file to import.
    """
    target = path if path is not None else virtmgmt_config_path()
    if target is None:
        raise FileNotFoundError("Hyper-V Manager settings exist only on Windows (%APPDATA%).")
    return servers_from_names(read_browser_computer_names(target), transport)
