import asyncio
import importlib.util

import pytest

from hvmanager.remoting.configuration_error import ConfigurationError
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.outofproc_session import OutOfProcSession
from hvmanager.remoting.session_factory import create_session
from hvmanager.remoting.winrm_session import WinRMSession
from hvmanager.remoting.wsman_session import WSManSession


def _build_and_close(info):
    session = create_session(info)
    asyncio.run(session.close())
    return session


def test_local_gets_the_out_of_process_session_and_winrm_our_transport_or_pypsrps():
    assert isinstance(_build_and_close(ConnectionInfo("localhost", transport="local")), OutOfProcSession)
    for auth in ("negotiate", "ntlm"):
        assert isinstance(_build_and_close(ConnectionInfo("hv1", transport="http", auth=auth)), WinRMSession)
    assert isinstance(_build_and_close(ConnectionInfo("hv1", transport="https", auth="basic", user="u",
                                                      password="p")), WinRMSession)
    # Kerberos and CredSSP stay on pypsrp's session.
    assert isinstance(_build_and_close(ConnectionInfo("hv1", transport="http", auth="kerberos")), WSManSession)


def test_basic_over_http_is_refused_before_anything_goes_on_the_wire():
    with pytest.raises(ConfigurationError) as caught:
        create_session(ConnectionInfo("hv1", transport="http", auth="basic", user="u", password="p"))
    assert isinstance(caught.value, RemotingError) and isinstance(caught.value, ValueError)
    assert "Basic" in caught.value.message and "HTTPS" in caught.value.hint
    assert caught.value.kind == "configuration"


def test_credssp_needs_its_package():
    info = ConnectionInfo("hv1", transport="https", auth="credssp", user="u", password="p")
    if importlib.util.find_spec("requests_credssp") is None:
        with pytest.raises(ConfigurationError, match="requests-credssp"):
            create_session(info)
    else:
        assert isinstance(_build_and_close(info), WSManSession)


def test_an_empty_pipeline_is_refused_before_the_worker_sees_it():
    from hvmanager.remoting.pipeline import Pipeline

    async def scenario():
        session = create_session(ConnectionInfo("hv1"))
        try:
            await session.run(Pipeline(()))
        finally:
            await session.close()

    with pytest.raises(ValueError, match="at least one command"):
        asyncio.run(scenario())
