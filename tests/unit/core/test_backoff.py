"""Retry delays double up to a cap, with jitter, and start over after a success."""

import random

import pytest

from hvmanager.core.backoff import Backoff


def test_delays_double_up_to_the_cap_within_the_jitter():
    backoff = Backoff(1.0, 10.0, rng=random.Random(4))
    delays = [backoff.next_delay() for _ in range(8)]
    for delay, base in zip(delays, (1, 2, 4, 8, 10, 10, 10, 10)):
        assert base * 0.8 <= delay <= min(10.0, base * 1.2)
    assert backoff.failures == 8


def test_reset_starts_over():
    backoff = Backoff(0.5, 60.0, rng=random.Random(1))
    for _ in range(5):
        backoff.next_delay()
    backoff.reset()
    assert backoff.next_delay() <= 0.6


def test_jitter_spreads_hosts_that_failed_together():
    delays = {round(Backoff(2.0, 60.0).next_delay(), 6) for _ in range(20)}
    assert len(delays) > 1


@pytest.mark.parametrize("initial,maximum", [(0, 1), (2, 1), (-1, 5)])
def test_invalid_bounds_are_refused(initial, maximum):
    with pytest.raises(ValueError):
        Backoff(initial, maximum)
