"""Contract v3 against the shipped v2 kapstokken: over the answers v2 could already express, the
counts the contract names change fase ("Changes from v2": about 0.2% in handreiking, 5% in
westerkwartier), and only in the directions its decisions D1-D6 give."""

from __future__ import annotations

import itertools
from importlib import resources

import pytest

from ave_cli.core import casus
from ave_cli.core.kapstok import parse_kapstok
from ave_cli.flows.kapstokken import earlier_kapstokken, load_kapstok

EXPECTED = {  # per 311,040 answer sets (the space counts "some signals" and "none" apart: x2)
    "handreiking": {("AVE2", "AVE1"): 72, ("AVE2", "AVE3"): 432},  # D6; D1 and D2
    "westerkwartier": {("2B", "2A"): 5_280, ("4", "3"): 11_520},  # D4; D3 and D5
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_v3_changes_exactly_what_the_contract_says_over_the_v2_answers(name):
    old = next(k for k in earlier_kapstokken() if k.name == name)
    new = load_kapstok(name)
    assert (old.version, new.version) == {"handreiking": ("2.1.0", "2.2.0"),
                                          "westerkwartier": ("1.1.0", "1.2.0")}[name]
    keys, domains = casus.answer_space(old)
    result = casus.diff(old, new, (dict(zip(keys, combo, strict=True))
                                   for combo in itertools.product(*domains)))
    changed = {move: n // 2 for move, n in result.matrix.items() if move[0] != move[1]}
    assert result.total // 2 == 311_040
    assert changed == EXPECTED[name]
    assert sum(changed.values()) == {"handreiking": 504, "westerkwartier": 16_800}[name]


def test_the_earlier_versions_ship_as_they_were():
    """Byte for byte what 2.1.0 and 1.1.0 were: a decision made under them is judged by them."""
    folder = resources.files("ave_cli.config") / "earlier"
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".toml"))
    assert names == ["handreiking-2.1.0.toml", "westerkwartier-1.1.0.toml"]
    for item in folder.iterdir():
        if item.name.endswith(".toml"):
            kapstok = parse_kapstok(item.read_bytes(), item.name)
            assert f"{kapstok.name}-{kapstok.version}.toml" == item.name
            assert "ketenaanpak" not in [q.key for q in kapstok.questions]
