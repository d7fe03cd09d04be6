"""bench.table runs end to end on a small table and reports every figure."""

import json

from bench import table as bench_table


def test_bench_table_smoke(capsys):
    report = bench_table.main(["--sizes", "400", "--repeat", "1"])
    printed = json.loads(capsys.readouterr().out)
    figures = printed["sizes"]["400"]
    assert set(figures["sort_ms"]) == set(bench_table.SORT_COLUMNS)
    for key in ("load_all_rows_ms", "sort_worst_ms", "filter_ms", "update_ms",
                "insert_1000_sorted_ms", "remove_1000_ms", "remove_host_40_ms"):
        assert key in figures
    assert report["sizes"]["400"]["filter_ms"]["keystroke_median"] >= 0
