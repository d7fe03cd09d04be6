"""Settings on disk: saved servers (no secrets), passwords in the OS keyring only, and
import from Hyper-V Manager. Pure Python, may import ``domain``; never Qt.
The names below are re-exported from their modules for convenience.
"""

from hvmanager.settings.config_dir import CONFIG_DIR_VARIABLE, config_dir
from hvmanager.settings.credential_store import SERVICE_NAME, CredentialStore
from hvmanager.settings.hyperv_manager_import import (import_hyperv_manager_servers,
                                                      read_browser_computer_names,
                                                      servers_from_names, virtmgmt_config_path)
from hvmanager.settings.load_result import LoadResult
from hvmanager.settings.server_store import ServerStore
from hvmanager.settings.settings_errors import (CredentialStoreUnavailable, HyperVManagerConfigError,
                                                SettingsCorrupt, SettingsError, SettingsPartlyRead,
                                                SettingsTooNew, SettingsUnreadable)

__all__ = [
    "CONFIG_DIR_VARIABLE", "CredentialStore", "CredentialStoreUnavailable",
    "HyperVManagerConfigError", "LoadResult", "SERVICE_NAME", "ServerStore", "SettingsCorrupt",
    "SettingsError", "SettingsPartlyRead", "SettingsTooNew", "SettingsUnreadable", "config_dir",
    "import_hyperv_manager_servers", "read_browser_computer_names", "servers_from_names",
    "virtmgmt_config_path",
]
