from hvmanager.domain.feature_state import FeatureState
from hvmanager.domain.host_readiness import HostReadiness, edition_supports_hyper_v
from hvmanager.domain.optional_feature import OptionalFeature


def test_editions():
    assert edition_supports_hyper_v("Professional") is True
    assert edition_supports_hyper_v("EnterpriseS") is True
    assert edition_supports_hyper_v("ServerDatacenter") is True
    assert edition_supports_hyper_v("Core") is False
    assert edition_supports_hyper_v("CoreSingleLanguage") is False
    assert edition_supports_hyper_v("Mystery") is None
    assert edition_supports_hyper_v(None) is None


def test_firmware_flags_are_ignored_when_a_hypervisor_runs():
    readiness = HostReadiness(hypervisor_present=True, firmware_virtualization_enabled=False)
    assert readiness.virtualization_ok is True


def test_ready_needs_every_check():
    feature = OptionalFeature("Microsoft-Hyper-V-All", FeatureState.ENABLED)
    ready = HostReadiness(hypervisor_present=True, edition_id="Professional", features=(feature,))
    assert ready.ready is True
    home = HostReadiness(hypervisor_present=False, edition_id="Core",
                         firmware_virtualization_enabled=True, vm_monitor_mode_extensions=True,
                         second_level_address_translation=True)
    assert home.ready is False
    assert HostReadiness().ready is None
    wsl_only = HostReadiness(hypervisor_present=True, edition_id="Professional",
                             features=(OptionalFeature("Microsoft-Hyper-V-All", FeatureState.DISABLED),))
    assert wsl_only.ready is False
