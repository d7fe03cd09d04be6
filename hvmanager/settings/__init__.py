"""Settings on disk: saved servers (no secrets), passwords in the OS keyring only, and
import from Hyper-V Manager. Pure Python, may import ``domain``; never Qt.
"""
