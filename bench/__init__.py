"""Benchmarks with figures (not pass/fail timing tests)."""
