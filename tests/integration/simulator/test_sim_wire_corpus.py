"""The simulator's answers stay byte for byte what they were when the corpus was recorded.

Speed work on the lab (its serializer, framing, envelopes) must not change the wire: 94
pipelines (47 on an English and 47 on a German host, with each pool's opening and close)
are compared with ``tests/data/simulator_wire_corpus.json.gz``, recorded by ``wire_corpus``
with frozen clocks. A deliberate change of behaviour re-records it
(``PYTHONPATH=tests python -m integration.simulator.wire_corpus``) and says why.
"""

from __future__ import annotations

from typing import Any

from integration.simulator.wire_corpus import load, record


def _first_difference(recorded: Any, fresh: Any, path: str = "") -> str | None:
    if type(recorded) is not type(fresh):
        return f"{path}: {type(recorded).__name__} became {type(fresh).__name__}"
    if isinstance(recorded, dict):
        if recorded.keys() != fresh.keys():
            return f"{path}: keys {sorted(recorded)} became {sorted(fresh)}"
        for key in recorded:
            found = _first_difference(recorded[key], fresh[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(recorded, list):
        for index, (old, new) in enumerate(zip(recorded, fresh)):
            label = old.get("pipeline", index) if isinstance(old, dict) else index
            found = _first_difference(old, new, f"{path}/{label}")
            if found:
                return found
        if len(recorded) != len(fresh):
            return f"{path}: {len(recorded)} items became {len(fresh)}"
        return None
    if recorded != fresh:
        return f"{path}:\n  recorded {recorded!r}\n  now      {fresh!r}"
    return None


def test_every_answer_is_the_recorded_one() -> None:
    recorded, fresh = load(), record()
    assert _first_difference(recorded, fresh) is None, _first_difference(recorded, fresh)


def test_the_corpus_covers_both_locales_and_every_kind_of_answer() -> None:
    recorded = load()
    assert sorted(recorded) == ["HV01", "HV02"]
    kinds = {message[1] for steps in recorded.values() for step in steps
             for _, stream in step["streams"] for message in stream["messages"]}
    # output, error record, pipeline state, the pool's capability, private data and state
    assert {"0x00041004", "0x00041005", "0x00041006", "0x00010002", "0x00021009", "0x00021005"} <= kinds
    pipelines = sum(len(steps) - 2 for steps in recorded.values())
    assert pipelines == 94
    german = [m[4] for step in recorded["HV02"] for _, s in step["streams"] for m in s["messages"]]
    assert any("Normaler Betrieb" in text for text in german)
