"""A bug in a dialog's task: said in place, the dialog usable again, and reported once."""

import asyncio
import uuid

import pytest

from hvmanager_testing.qasync_loop import QasyncLoop
from hvmanager.domain import VMState, VirtualMachine
from hvmanager.ui.dialogs.host_readiness_dialog import HostReadinessDialog
from hvmanager.ui.dialogs.hyper_v_service_dialog import HyperVServiceDialog
from hvmanager.ui.dialogs.integration_services_dialog import IntegrationServicesDialog


class BrokenSession:
    """A session whose queries hit a programming error (not a host problem)."""

    key = "http://hv01:5985"
    title = "HV01"

    async def readiness(self):
        await asyncio.sleep(0)
        raise KeyError("edition")

    async def services(self):
        await asyncio.sleep(0)
        raise TypeError("bad record")

    async def integration_services(self, vm_id):
        await asyncio.sleep(0)
        raise AttributeError("guid")


def integration_dialog(session):
    vm = VirtualMachine(uuid.uuid4(), session.key, "web01", VMState.RUNNING)
    return IntegrationServicesDialog([(session, vm)])


@pytest.mark.parametrize("make_dialog, busy_button", [
    (HostReadinessDialog, "refresh_button"), (HyperVServiceDialog, "refresh_button"),
    (integration_dialog, "ok_button")])
def test_an_unexpected_error_is_said_in_place_and_reported(qapp, qtbot, make_dialog, busy_button):
    owner = QasyncLoop(qapp)  # its own loop: the error reaching the handler is the point
    try:
        dialog = make_dialog(BrokenSession())
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(lambda: bool(owner.errors), timeout=5000)
        text = (dialog.summary_label if hasattr(dialog, "summary_label")
                else dialog.status_label).text()
        assert "Something unexpected went wrong" in text
        assert getattr(dialog, busy_button).isEnabled()
        assert len(owner.errors) == 1
        assert type(owner.errors[0]["exception"]).__name__ in text
    finally:
        owner.close()
