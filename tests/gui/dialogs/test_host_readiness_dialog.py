"""Host Readiness against simulator hosts: the simulator's values, explained."""

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.ui.dialogs.host_readiness_dialog import HostReadinessDialog

FEATURES = ["Microsoft-Hyper-V-All", "Microsoft-Hyper-V", "Microsoft-Hyper-V-Tools-All",
            "Microsoft-Hyper-V-Management-PowerShell", "Microsoft-Hyper-V-Hypervisor",
            "Microsoft-Hyper-V-Services", "Microsoft-Hyper-V-Management-Clients"]


def open_loaded(qtbot, session):
    dialog = HostReadinessDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.summary_label.text() == "Loading…"
    qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=10000)
    return dialog


def test_a_running_server_is_ready_and_explains_the_false_cpu_flags(make_lab, make_session,
                                                                     qtbot):
    lab = make_lab()
    dialog = open_loaded(qtbot, make_session(lab))
    assert dialog.summary_label.text().startswith("This computer is ready")
    assert dialog.row_keys()[:5] == ["hypervisor", "firmware", "monitor_mode", "slat", "edition"]
    assert dialog.row_keys()[5:] == [f"feature:{name}" for name in FEATURES]
    assert dialog.row_texts("hypervisor")[1] == "Yes"
    # The simulator reports False for the CPU flags, as Windows does under a hypervisor.
    for key in ("firmware", "monitor_mode", "slat"):
        assert dialog.row_texts(key)[1] == "Not visible (a hypervisor runs)"
    assert "reads this as False" in dialog.row_texts("firmware")[2]
    check, result, explanation, _ = dialog.row_texts("edition")
    assert result == "ServerDatacenter (Microsoft Windows Server 2025 Datacenter)"
    assert "Home cannot" in explanation
    check, result, explanation, powershell = dialog.row_texts("feature:Microsoft-Hyper-V-All")
    assert (check, result) == ("Hyper-V (Microsoft-Hyper-V-All)", "Enabled")
    assert "Enable-WindowsOptionalFeature" in explanation
    assert powershell == ("Get-WindowsOptionalFeature -Online -FeatureName "
                          "Microsoft-Hyper-V-All")
    assert dialog.row_texts("hypervisor")[3] == (
        "(Get-CimInstance Win32_ComputerSystem).HypervisorPresent")


def test_a_home_pc_without_hyper_v_says_what_is_missing(make_lab, make_session, qtbot):
    lab = make_lab(specs=[HostSpec("PC01", vm_count=1, profile="legacy")])
    info = lab.hosts[0].model.info
    info.edition_id = "Core"
    info.caption = "Microsoft Windows 11 Home"
    info.hypervisor_present = False
    info.virtualization_firmware_enabled = False
    info.vm_monitor_mode_extensions = True
    info.second_level_address_translation = True
    info.features["Microsoft-Hyper-V-All"] = False
    dialog = open_loaded(qtbot, make_session(lab))
    assert dialog.summary_label.text().startswith("This computer cannot run Hyper-V")
    assert dialog.row_texts("hypervisor")[1] == "No"
    assert dialog.row_texts("firmware")[1] == "No"
    assert "BIOS/UEFI" in dialog.row_texts("firmware")[2]
    assert dialog.row_texts("slat")[1] == "Yes"
    result, explanation = dialog.row_texts("edition")[1:3]
    assert result == "Core (Microsoft Windows 11 Home)"
    assert "Windows Home, which cannot run Hyper-V" in explanation
    assert dialog.row_texts("feature:Microsoft-Hyper-V-All")[1] == "Disabled"

    # Fixed in the BIOS and enabled: Refresh shows it.
    info.edition_id = "Professional"
    info.hypervisor_present = True
    info.features["Microsoft-Hyper-V-All"] = True
    first = dialog.readiness
    dialog.refresh_button.click()
    qtbot.waitUntil(lambda: dialog.readiness is not first and dialog.refresh_button.isEnabled(),
                    timeout=10000)
    assert dialog.row_texts("hypervisor")[1] == "Yes"
    assert dialog.summary_label.text().startswith("This computer is ready")


def test_errors_are_shown_in_place(make_lab, make_session, qtbot):
    lab = make_lab()
    session = make_session(lab)
    lab.set_fault(lab.hosts[0].name, "refused")
    dialog = HostReadinessDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: "refused the connection" in dialog.summary_label.text(),
                    timeout=15000)
    assert dialog.refresh_button.isEnabled() and dialog.table.rowCount() == 0
