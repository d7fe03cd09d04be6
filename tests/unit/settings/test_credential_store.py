import uuid

import pytest
from keyring.backends import fail, null

from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.settings_errors import CredentialStoreUnavailable


def key():
    # MemoryKeyring is process-wide: every test uses its own server key.
    return f"https://hv-{uuid.uuid4().hex[:8]}:5986"


def test_round_trip_through_the_real_keyring_api():
    store = CredentialStore()  # PYTHON_KEYRING_BACKEND selects the in-memory backend
    server = key()
    assert store.available() and store.unavailable_reason == ""
    store.save(server, "LAB\\student", "s3cr3t!")
    assert store.get(server, "LAB\\student") == "s3cr3t!"
    assert store.get(server, "other") is None
    assert store.delete(server, "LAB\\student") is True
    assert store.get(server, "LAB\\student") is None
    assert store.delete(server, "LAB\\student") is False


def test_keyed_by_server_and_user():
    store = CredentialStore()
    a, b = key(), key()
    store.save(a, "admin", "one")
    store.save(b, "admin", "two")
    assert (store.get(a, "admin"), store.get(b, "admin")) == ("one", "two")
    import keyring
    assert keyring.get_password("hvmanager", CredentialStore.account(a, "admin")) == "one"


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_usable_keyring_refuses_with_a_reason(backend):
    store = CredentialStore(backend)
    assert not store.available()
    assert store.unavailable_reason
    with pytest.raises(CredentialStoreUnavailable) as raised:
        store.save(key(), "admin", "pw")
    assert raised.value.message == store.unavailable_reason
    assert store.get(key(), "admin") is None


class PlaintextKeyring:
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here)."""

    __module__ = "keyrings.alt.file"

    def set_password(self, *args):
        raise AssertionError("must never be called")


def test_plaintext_backends_are_refused():
    store = CredentialStore(PlaintextKeyring())
    assert "file" in store.unavailable_reason
    with pytest.raises(CredentialStoreUnavailable):
        store.save(key(), "admin", "pw")


def test_a_chainer_with_an_unsafe_member_is_unsafe():
    from keyring.backends.chainer import ChainerBackend

    class Chain(ChainerBackend):
        backends = [PlaintextKeyring()]

    assert not CredentialStore(Chain()).available()


def test_a_user_name_is_required():
    with pytest.raises(ValueError):
        CredentialStore().save(key(), "", "pw")
