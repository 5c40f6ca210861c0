"""The guard's fast paths say exactly what its character-by-character rules say."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ave_cli.core import guard


def test_every_decimal_digit_is_one_the_fast_count_sees():
    """`_DIGIT` (re's \\d) matches exactly the characters unicodedata reads as a decimal digit,
    over all of Unicode: a BSN in any script's digits is never skipped as "too few digits"."""
    for point in range(0x110000):
        char = chr(point)
        assert bool(guard._DIGIT.fullmatch(char)) == (unicodedata.decimal(char, None) is not None), \
            hex(point)


def test_the_plain_pattern_admits_only_what_the_rules_admit():
    for point in range(0x300):
        char = chr(point)
        if guard._PLAIN.fullmatch(char):
            kind = unicodedata.category(char)
            assert char in "\n\t " or kind[0] in "LNPS", (hex(point), kind)


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(max_codepoint=0x2FF), max_size=40))
def test_disallowed_says_what_the_character_rules_say(text):
    assert guard.disallowed(text) == guard._first_disallowed(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("0123456789 -./()a\u0660\u0661\u0662\u0663"), max_size=30))
def test_the_digit_count_never_hides_a_candidate(text):
    """Under nine digits there is no candidate, so skipping the walk changes nothing."""
    digits = sum(unicodedata.decimal(c, None) is not None for c in text)
    if digits < 9:
        assert guard.bsn_candidates(text) == []
