"""Simulator labs on loopback for the core tests (helpers live in ``lab_helpers``)."""

from hvmanager_testing.lab_fixture import lab_fixture

make_lab = lab_fixture(vms_per_host=4)
