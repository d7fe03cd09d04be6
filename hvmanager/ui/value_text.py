"""Display text for device values (Disks and Networking tabs) beyond the column registry's."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from hvmanager.models.formatting import datetime_text, uptime_text

translate = QCoreApplication.translate


def value_text(value: object) -> str:
    """Any value: enums by name, times to the second, booleans as Yes/No, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("ValueText", "Yes") if value else translate("ValueText", "No")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, timedelta):
        return uptime_text(value)
    if isinstance(value, (tuple, list)):
        return ", ".join(value_text(item) for item in value)
    return str(value)
