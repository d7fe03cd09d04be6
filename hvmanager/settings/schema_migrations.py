"""The saved-servers file's schema history: one pure function per step.

* 1 -> 2: ``certificate_validation`` and ``ca_file`` were two top-level keys of every
  entry, written for plain-HTTP servers too (``"certificate_validation": "system"``
  on a server that never sees a certificate reads as if it were checked). Version 2 keeps
  the two, which only mean something together, in one ``certificate`` object
  (``{"validation": ..., "ca_file": ...}``), written for HTTPS servers and for any
  non-default choice (so nothing a user set is ever dropped).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

_V1_KEYS = ("certificate_validation", "ca_file")


def group_certificate_settings(document: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: move each entry's two certificate keys into ``certificate``.

    Values are moved as they are (the codec validates them on load, as for version 1);
    entries that are not objects are left for the codec to report.
    """
    servers = document.get("servers")
    if not isinstance(servers, list):
        return document  # ServerStore reports the missing list as corrupt
    migrated = []
    for entry in servers:
        if isinstance(entry, dict) and any(key in entry for key in _V1_KEYS):
            entry = dict(entry)
            certificate = {"validation": entry.pop("certificate_validation", "system"),
                           "ca_file": entry.pop("ca_file", "")}
            entry["certificate"] = certificate
        migrated.append(entry)
    return {**document, "servers": migrated}


#: ``MIGRATIONS[n]`` turns a version-n document into version n+1.
MIGRATIONS: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: group_certificate_settings,
}
