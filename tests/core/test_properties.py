"""Properties: every answer combination gives a valid outcome, the rules are monotone, and any
allowed text round-trips exactly through the log."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from ave_cli.core.guard import MAX_TEXT, check_free_text, looks_like_bsn
from ave_cli.core.messages import AveError
from ave_cli.core.rules import advised_phase, evaluate
from ave_cli.flows.kapstokken import bundled_kapstokken, load_kapstok

KAPSTOKKEN = [load_kapstok(name) for name in bundled_kapstokken()]


_RANKS: dict[str, tuple] = {}


def ranks(kapstok):
    """The advised phase's rank for every combination of the non-multi answers (exhaustive;
    worked out once per kapstok for the tests that read it)."""
    if kapstok.name not in _RANKS:
        _RANKS[kapstok.name] = _ranks(kapstok)
    return _RANKS[kapstok.name]


def _ranks(kapstok):
    questions = [q for q in kapstok.questions if q.type != "multi"]
    order = [tuple(sorted(q.values, key=int)) if q.type == "bool" else q.values
             for q in questions]
    table = {}
    for combo in itertools.product(*order):
        answers = {**dict(zip((q.key for q in questions), combo, strict=False)), "signalen": []}
        table[combo] = kapstok.phases.index(advised_phase(kapstok, answers)[0])
    return questions, order, table


@pytest.mark.parametrize("kapstok", KAPSTOKKEN, ids=lambda k: k.name)
def test_every_combination_of_answers_gives_a_valid_outcome(kapstok):
    questions, _, table = ranks(kapstok)
    assert len(table) == 746_496  # v3: ketenaanpak doubles it, acuut_meerdere adds a value
    seen = set(table.values())
    assert seen == set(range(len(kapstok.phases)))  # every phase is reachable
    # the full outcome (roles, reasons, advice) for a spread of combinations
    for combo in list(table)[::97]:
        answers = {**dict(zip((q.key for q in questions), combo, strict=False)), "signalen": ["agressie"]}
        outcome = evaluate(kapstok, answers)
        assert outcome.reasons and all(outcome.reasons)
        assert all(outcome.roles.as_dict().values())
        assert outcome.next_phase == kapstok.phase_above(outcome.phase)


@pytest.mark.parametrize("kapstok", KAPSTOKKEN, ids=lambda k: k.name)
def test_the_phase_never_drops_when_one_answer_gets_more_serious(kapstok):
    """Exhaustive over all combinations; a rule that breaks it is named in the failure."""
    questions, order, table = ranks(kapstok)
    broken = []
    for combo, rank in table.items():
        for i, values in enumerate(order):
            position = values.index(combo[i])
            if position + 1 < len(values):
                worse = combo[:i] + (values[position + 1],) + combo[i + 1:]
                if table[worse] < rank:
                    broken.append((questions[i].key, combo[i], values[position + 1],
                                   kapstok.phases[rank].id, kapstok.phases[table[worse]].id))
    assert not broken, (f"{kapstok.name}: more serious answer, lower phase, e.g. "
                        f"{broken[0][0]} {broken[0][1]}->{broken[0][2]} gives "
                        f"{broken[0][3]}->{broken[0][4]} ({len(broken)} cases)")


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_signals_never_lower_the_phase(data):
    kapstok = data.draw(st.sampled_from(KAPSTOKKEN))
    answers = {q.key: data.draw(st.sampled_from(q.values)) for q in kapstok.questions
               if q.type != "multi"}
    signals = data.draw(st.lists(st.sampled_from(kapstok.question("signalen").values),
                                 unique=True))
    without = kapstok.phases.index(advised_phase(kapstok, {**answers, "signalen": []})[0])
    with_signals = kapstok.phases.index(advised_phase(kapstok, {**answers, "signalen": signals})[0])
    assert with_signals >= without


# --- text through the log, as a user gives it on the command line ---------------------------------

allowed_text = st.text(st.characters(whitelist_categories=("L", "N", "P", "S")) | st.sampled_from(
    " \n\t"), max_size=300).filter(  # judged as the guard judges it: in its composed form
    lambda t: not looks_like_bsn(t) and not refused_char(unicodedata.normalize("NFC", t)))
case_ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z").filter(
    lambda t: not looks_like_bsn(t))
names = allowed_text.filter(lambda t: t.strip() and t == t.strip())




INVISIBLE = "\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0"


def refused_char(text: str) -> bool:
    """The spec of plain text, written out: letters, numbers, punctuation, symbols, space, line
    end, tab, and a non-spacing or spacing mark right after a letter (or after such a mark); no
    invisible filler and no variation selector."""
    previous = ""
    for c in text:
        kind = unicodedata.category(c)
        if c in INVISIBLE or "\ufe00" <= c <= "\ufe0f" or "\U000e0100" <= c <= "\U000e01ef" \
                or "\u180b" <= c <= "\u180f":
            return True
        if kind in ("Mn", "Mc"):
            if previous not in ("L", "M"):
                return True
            previous = "M"
            continue
        if not (kind[0] in "LNPS" or c in " \n\t"):
            return True
        previous = "L" if kind[0] == "L" else ""
    return False


@given(st.text(max_size=50) | st.text(st.sampled_from(
    "\x1b\u202e\u2028\xa0a1 \n\t\u0301\ufe0f\u20e3\u3164\u2800\u00ad\U000e0031"), max_size=9))
def test_free_text_is_refused_exactly_for_its_reasons(text):
    refused = looks_like_bsn(text) or len(text) > MAX_TEXT or refused_char(text)
    try:
        check_free_text("x", text)
    except AveError:
        assert refused
    else:
        assert not refused


# every Unicode decimal digit, by its value: a BSN may be written in any script's digits
DIGITS = {value: [c for c in map(chr, range(0x30000)) if unicodedata.decimal(c, None) == value]
          for value in range(10)}
bsns = st.integers(10_000_000, 999_999_999).map(lambda n: f"{n:09d}").filter(
    lambda d: sum(int(x) * w for x, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0)
not_letter_or_digit = st.characters(blacklist_categories=("L", "Nd"))


@settings(max_examples=300, deadline=None)  # it asserts what is refused, not how fast
@given(bsn=bsns, data=st.data())
def test_any_text_a_reader_sees_as_a_bsn_is_refused(bsn, data):
    """A BSN, each digit in any script's digits, with any characters that are neither letters
    nor digits between them and around them: refused wherever free text goes."""
    text = data.draw(st.text(not_letter_or_digit, max_size=3))
    for digit in bsn:
        text += data.draw(st.sampled_from(DIGITS[int(digit)]))
        text += data.draw(st.text(not_letter_or_digit, max_size=3))
    assert looks_like_bsn(text), repr(text)
    with pytest.raises(AveError):
        check_free_text("x", text)


# --- the fast writer of a record is tomli-w, exactly ---------------------------------------------

_scalars = (st.text(max_size=12) | st.booleans() | st.integers(min_value=0, max_value=10**6)
            | st.datetimes(timezones=st.timezones()).filter(lambda d: d.utcoffset() is not None))
_keys = st.text(st.sampled_from("abz_-09AZ é.\""), min_size=1, max_size=6)
_values = _scalars | st.lists(_scalars, max_size=3) | st.lists(st.lists(_scalars, max_size=2),
                                                              max_size=2)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_keys, _values | st.dictionaries(_keys, _values, max_size=4),
                       min_size=1, max_size=6))
def test_the_fast_record_writer_writes_what_tomli_w_writes_or_declines(record):
    """logformat.fast_dumps gives tomli-w's text byte for byte, or None (tomli-w then writes);
    the writer is why appending a batch of 100,000 decisions is fast."""
    import tomli_w

    from ave_cli.record.logformat import fast_dumps

    fast = fast_dumps(record)
    try:
        slow = tomli_w.dumps({"decision": [record]})
    except (TypeError, ValueError):
        assert fast is None
        return
    assert fast is None or fast == slow


def test_the_fast_record_writer_handles_every_record_of_the_sample_log():
    """Not a writer that declines everything: every real record goes the fast way."""
    import tomllib

    from ave_cli.record.logformat import fast_dumps

    records = tomllib.loads((ROOT / "examples" / "sample-log.toml").read_text(
        encoding="utf-8"))["decision"]
    assert records and all(fast_dumps(r) is not None for r in records)
