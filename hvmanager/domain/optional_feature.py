"""One Windows optional feature (Microsoft-Hyper-V*)."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.feature_state import FeatureState


@dataclass(frozen=True)
class OptionalFeature:
    """``Get-WindowsOptionalFeature`` output, keyed by ``feature_name``."""

    feature_name: str
    state: FeatureState
    display_name: str | None = None
