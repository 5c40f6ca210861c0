"""Turn a kapstok TOML document into a validated `Kapstok`.

`parse_kapstok` is pure (text in, model out); reading the file is the caller's job. Every error
names the file, the place in it and the problem.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from typing import Any

from ave_cli.core.guard import disallowed, text_problem
from ave_cli.core.kapstok_reader import Reader, fraction, table_list
from ave_cli.core.messages import Msg
from ave_cli.core.model import (
    PLAN_DEFAULT,
    QUESTION_TYPES,
    ROLE_KEYS,
    Casus,
    Condition,
    Criterion,
    Group,
    Kapstok,
    Leaf,
    Leefgebied,
    LocalRule,
    Phase,
    Question,
    Roles,
    phase_name,
)

# Texts a kapstok may also give in English, as `<key>_en` beside the Dutch `<key>` (same shape:
# text, list of texts, or table of texts). Roles and organisation names stay as written.
TRANSLATABLE = {
    "top": ("title", "description", "notes", "oude_antwoorden", "plan"),
    "question": ("text", "help", "labels"),
    "phase": ("label", "description", "opschalen_criteria", "afschalen_criteria", "otherwise",
              "notes", "share"),
    "criterion": ("reason",),
    "local_rule": ("reason", "advice"),
    "begrip": ("term", "text"),
    "leefgebied": ("label",),
}


def _with_en(keys: set[str], kind: str) -> set[str]:
    return keys | {f"{key}_en" for key in TRANSLATABLE[kind]}


TOP_KEYS = _with_en({"name", "version", "title", "description", "meningsverschil_beslisser",
                     "notes", "oude_antwoorden", "plan", "question", "phase", "local_rule",
                     "casus", "begrip", "leefgebied"}, "top")
LEEFGEBIED_KEYS = _with_en({"key", "label"}, "leefgebied")
BEGRIP_KEYS = _with_en({"term", "text"}, "begrip")
CASUS_KEYS = {"naam", "verhaal", "bron", "answers", "verwacht"}
EXPECT_KEYS = {"fase", "casusregie", "procesregie", "in_overleg_met_bevat", "advies_bevat"}
QUESTION_KEYS = _with_en({"key", "text", "help", "type", "values", "labels", "default"},
                         "question")
PHASE_KEYS = _with_en({"id", "label", "colour", "description", *ROLE_KEYS, "in_overleg_met",
                       "opschalen_door", "opschalen_criteria", "afschalen_criteria", "match",
                       "when", "otherwise", "notes", "review_days", "long_in_phase_days",
                       "requires_casusregie", "share", "expected_share", "afschalen_door"},
                      "phase")
RULE_KEYS = _with_en({"reason", "phases", "when", "set_roles", "add_in_overleg_met", "advice",
                      "advises_role"}, "local_rule")
CONDITION_KEYS = {"key", "in", "not_in", "any", "all"}
COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}|[a-z][a-z0-9_]*)$")
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


# Limits (issue 24, item 6): a kapstok is a municipality's rules, read by people; far past these
# it is a mistake or an attack, and `kapstok diff` and `test` must stay quick on any accepted one.
LIMITS = {"bytes": 1 << 20, "questions": 60, "values": 40, "phases": 20, "conditions": 300,
          "leaves": 1000, "depth": 4, "casus": 500, "leefgebieden": 30}


def parse_kapstok(data: bytes, source: str) -> Kapstok:
    """Parse and validate kapstok TOML bytes; `source` names the file in error messages."""
    r = Reader(source)
    if len(data) > LIMITS["bytes"]:
        raise r.fail("", Msg("het bestand is {size} bytes; een kapstok mag ten hoogste {limit} "
                             "bytes zijn", size=len(data), limit=LIMITS["bytes"]))
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise r.fail("", Msg("het bestand is geen UTF-8-tekst")) from None
    except tomllib.TOMLDecodeError as exc:
        raise r.fail("", Msg("geen geldige TOML ({exc})", exc=exc)) from None
    except RecursionError:
        raise r.fail("", Msg("te diep geneste TOML")) from None
    r.table(doc, "", TOP_KEYS)
    _guard_texts(r, doc, "")
    name = r.text(doc, "name", "")
    if not NAME.match(name):
        raise r.fail("name", Msg("gebruik kleine letters, cijfers, '-' of '_'"))
    questions = _questions(r, doc.get("question"))
    by_key = {q.key: q for q in questions}
    phases = _phases(r, doc.get("phase"), by_key)
    phase_ids = {p.id for p in phases}
    rules = tuple(
        _local_rule(r, raw, f"local_rule[{i + 1}]", by_key, phase_ids)
        for i, raw in enumerate(table_list(r, doc.get("local_rule", []), "local_rule"))
    )
    english = _english(r, doc)
    casus = tuple(_casus(r, raw, f"casus[{i + 1}]", by_key, phases)
                  for i, raw in enumerate(table_list(r, doc.get("casus", []), "casus")))
    leefgebieden = _leefgebieden(r, doc.get("leefgebied", []))
    _check_limits(r, questions, phases, rules, casus, leefgebieden)
    names = [c.naam for c in casus]
    if len(set(names)) != len(names):
        raise r.fail("casus", Msg("twee casussen heten '{naam}'",
            naam=next(n for n in names if names.count(n) > 1)))
    begrippen = tuple(
        (r.text(b, "term", f"begrip[{i + 1}]"), r.text(b, "text", f"begrip[{i + 1}]"))
        for i, b in enumerate(r.table(raw, f"begrip[{i + 1}]", BEGRIP_KEYS)
                              for i, raw in enumerate(table_list(r, doc.get("begrip", []), "begrip"))))
    return Kapstok(
        leefgebieden=leefgebieden,
        begrippen=begrippen,
        casus=casus,
        name=name,
        version=r.text(doc, "version", ""),
        title=r.text(doc, "title", "", required=False) or name,
        description=r.text(doc, "description", "", required=False),
        questions=questions,
        phases=phases,
        local_rules=rules,
        meningsverschil_beslisser=r.text(doc, "meningsverschil_beslisser", "", required=False),
        notes=r.texts(doc, "notes", ""),
        oude_antwoorden=r.text(doc, "oude_antwoorden", "", required=False),
        plan=r.text(doc, "plan", "", required=False) or PLAN_DEFAULT,
        sha256=hashlib.sha256(data).hexdigest(),
        source=source,
        english=english,
    )


def _names(phase_id: str) -> set[str]:
    """Every way `Kapstok.phase_named` finds a fase by."""
    name = phase_name(phase_id)
    return {name, name[3:] if name.startswith("ave") else "ave" + name}


def _guard_texts(r: Reader, value: Any, place: str) -> None:
    """Every text of a kapstok reaches the screen and, through outcomes, the log: the same guard
    as free text (no BSN-like numbers, no control or direction characters)."""
    if isinstance(value, str):
        problem = text_problem(value, max_length=None)  # a kapstok text may be long
        if problem == "bsn":
            raise r.fail(place, Msg("bevat een nummer dat op een BSN lijkt"))
        if problem == "control":
            char = disallowed(value) or ""
            raise r.fail(place, Msg("bevat een teken dat niet mag (U+{code})",
                                    code=f"{ord(char):04X}"))
        if not unicodedata.is_normalized("NFC", value):
            raise r.fail(place, Msg("is niet in de samengestelde vorm (NFC) van Unicode: een "
                                    "letter en een los accent; sla het bestand op als NFC"))
    elif isinstance(value, dict):
        for key, item in value.items():
            _guard_texts(r, item, f"{place}.{key}" if place else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _guard_texts(r, item, f"{place}[{i + 1}]")


def _english(r: Reader, doc: dict[str, Any]) -> dict[str, str]:
    """Dutch text -> English text from every `<key>_en` of the (already validated) kapstok. An
    English text must have the shape of its Dutch one: a text, a list as long, or a table with
    the same keys."""
    found: dict[str, str] = {}

    def pair(table: dict[str, Any], kind: str, place: str) -> None:
        for key in TRANSLATABLE[kind]:
            if f"{key}_en" not in table:
                continue
            nl, en = table.get(key), table[f"{key}_en"]
            here = f"{place}.{key}_en" if place else f"{key}_en"
            if isinstance(nl, str) and isinstance(en, str):
                found[nl] = en
            elif isinstance(nl, list) and isinstance(en, list) and len(nl) == len(en) \
                    and all(isinstance(v, str) for v in en):
                found.update(zip(nl, en, strict=True))
            elif isinstance(nl, dict) and isinstance(en, dict) and set(nl) == set(en) \
                    and all(isinstance(v, str) for v in en.values()):
                found.update((nl[k], en[k]) for k in nl)
            else:
                raise r.fail(here, Msg("'{key}_en' moet dezelfde vorm hebben als '{key}' (tekst, "
                                     "lijst even lang, of tabel met dezelfde sleutels)", key=key))

    pair(doc, "top", "")
    for i, q in enumerate(doc.get("question", [])):
        pair(q, "question", f"question[{i + 1}]")
    for i, p in enumerate(doc.get("phase", [])):
        pair(p, "phase", f"phase[{i + 1}]")
        for j, w in enumerate(p.get("when", [])):
            pair(w, "criterion", f"phase[{i + 1}].when[{j + 1}]")
    for i, rule in enumerate(doc.get("local_rule", [])):
        pair(rule, "local_rule", f"local_rule[{i + 1}]")
    for i, begrip in enumerate(doc.get("begrip", [])):
        pair(begrip, "begrip", f"begrip[{i + 1}]")
    for i, area in enumerate(doc.get("leefgebied", [])):
        pair(area, "leefgebied", f"leefgebied[{i + 1}]")
    return found


def _questions(r: Reader, raw: Any) -> tuple[Question, ...]:
    if raw is None:
        raise r.fail("question", Msg("de kapstok heeft geen vragen"))
    questions: list[Question] = []
    for i, item in enumerate(table_list(r, raw, "question")):
        place = f"question[{i + 1}]"
        q = r.table(item, place, QUESTION_KEYS)
        key = r.text(q, "key", place)
        place = f"question '{key}'"
        if any(existing.key == key for existing in questions):
            raise r.fail(place, Msg("deze vraag staat er twee keer in"))
        qtype = q.get("type", "choice")
        if qtype not in QUESTION_TYPES:
            raise r.fail(place, Msg("type '{qtype}' bestaat niet (kies uit "
                                  "{types})", qtype=qtype, types=', '.join(QUESTION_TYPES)))
        if qtype == "bool":
            if "values" in q:
                raise r.fail(place, Msg("een ja/nee-vraag heeft geen 'values'"))
            values: tuple[Any, ...] = (True, False)
        else:
            values = r.texts(q, "values", place)
            if not values:
                raise r.fail(place, Msg("'values' ontbreekt of is leeg"))
            if len(set(values)) != len(values):
                raise r.fail(place, Msg("'values' bevat een waarde twee keer"))
        labels = q.get("labels", {})
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise r.fail(place, Msg("'labels' moet een tabel van waarde = tekst zijn"))
        for value in labels:
            if value not in values:
                raise r.fail(place, Msg("label voor onbekende waarde '{value}'", value=value))
        has_default = "default" in q
        default = q.get("default")
        if has_default:
            _check_answer(r, place, qtype, values, default)
        questions.append(Question(
            key=key, text=r.text(q, "text", place), help=r.text(q, "help", place, required=False),
            type=qtype, values=values, labels=dict(labels), has_default=has_default,
            default=default,
        ))
    return tuple(questions)


def _check_answer(r: Reader, place: str, qtype: str, values: tuple[Any, ...],
                  value: Any) -> None:
    ok = (
        (qtype == "bool" and isinstance(value, bool))
        or (qtype == "choice" and isinstance(value, str) and value in values)
        or (qtype == "multi" and isinstance(value, list)
            and all(isinstance(v, str) and v in values for v in value))
    )
    if not ok:
        raise r.fail(place, Msg(
            "waarde {value!r} past niet bij de vraag (toegestaan: {allowed})",
            value=value, allowed=", ".join(map(str, values)) or "true, false"))


def _phases(r: Reader, raw: Any, questions: dict[str, Question]) -> tuple[Phase, ...]:
    if raw is None:
        raise r.fail("phase", Msg("de kapstok heeft geen fasen"))
    phases: list[Phase] = []
    for i, item in enumerate(table_list(r, raw, "phase")):
        place = f"phase[{i + 1}]"
        p = r.table(item, place, PHASE_KEYS)
        phase_id = r.text(p, "id", place)
        place = f"phase '{phase_id}'"
        if any(existing.id.casefold() == phase_id.casefold() for existing in phases):
            raise r.fail(place, Msg("deze fase staat er twee keer in"))
        same = next((e for e in phases if _names(e.id) & _names(phase_id)), None)
        if same is not None:  # "AVE 4" must mean one fase
            raise r.fail(place, Msg("deze fase is zoals mensen hem schrijven niet te "
                                    "onderscheiden van fase '{other}' (hoofdletters, spaties, "
                                    "'-', '_' en 'AVE' of 'fase' ervoor tellen niet mee)",
                                    other=same.id))
        missing_roles = [key for key in ROLE_KEYS if key not in p]
        if missing_roles:
            raise r.fail(place, Msg("rol '{role}' ontbreekt (elke fase noemt "
                                  "{roles})", role=missing_roles[0], roles=', '.join(ROLE_KEYS)))
        colour = r.text(p, "colour", place)
        if not COLOUR.match(colour):
            raise r.fail(place, Msg("kleur '{colour}' is geen kleurnaam of #rrggbb", colour=colour))
        lowest = i == 0
        criteria: tuple[Criterion, ...]
        if lowest:
            if "when" in p or "match" in p:
                raise r.fail(place, Msg("de laagste fase geldt 'otherwise' en heeft geen "
                                      "'when'"))
            match, criteria = "otherwise", ()
            otherwise = r.text(p, "otherwise", place)
        else:
            if "otherwise" in p:
                raise r.fail(place, Msg("alleen de laagste fase mag 'otherwise' hebben"))
            match = p.get("match", "any")
            if match not in ("any", "all"):
                raise r.fail(place, Msg("'match' moet \"any\" of \"all\" zijn"))
            whens = table_list(r, p.get("when", []), f"{place}.when")
            if not whens:
                raise r.fail(place, Msg("de fase heeft geen regels ([[phase.when]])"))
            criteria = tuple(
                Criterion(
                    reason=r.text(r.table(w, f"{place}.when[{j + 1}]",
                                          CONDITION_KEYS | {"reason", "reason_en"}),
                                  "reason", f"{place}.when[{j + 1}]"),
                    condition=_condition(r, {k: v for k, v in w.items()
                                             if k not in ("reason", "reason_en")},
                                         f"{place}.when[{j + 1}]", questions),
                )
                for j, w in enumerate(whens)
            )
            otherwise = ""
        requires = p.get("requires_casusregie", True)
        if not isinstance(requires, bool):
            raise r.fail(place, Msg("'requires_casusregie' moet true of false zijn"))
        phases.append(Phase(
            id=phase_id,
            label=r.text(p, "label", place, required=False) or phase_id,
            colour=colour,
            description=r.text(p, "description", place),
            roles=Roles(**{key: r.text(p, key, place) for key in ROLE_KEYS}),
            in_overleg_met=r.texts(p, "in_overleg_met", place),
            opschalen_door=r.text(p, "opschalen_door", place, required=False),
            opschalen_criteria=r.text(p, "opschalen_criteria", place, required=False),
            afschalen_criteria=r.items(p, "afschalen_criteria", place),
            match=match,
            criteria=criteria,
            otherwise_reason=otherwise,
            notes=r.texts(p, "notes", place),
            review_days=r.days(p, "review_days", place),
            long_in_phase_days=r.days(p, "long_in_phase_days", place),
            requires_casusregie=requires,
            share=r.text(p, "share", place, required=False),
            expected_share=fraction(r, p, place),
            afschalen_door=r.text(p, "afschalen_door", place, required=False),
        ))
    return tuple(phases)


def _casus(r: Reader, raw: Any, place: str, questions: dict[str, Question],
           phases: tuple[Phase, ...]) -> Casus:
    """One [[casus]]: its answers must be valid for the kapstok's questions and its expected
    phase one the kapstok has."""
    c = r.table(raw, place, CASUS_KEYS)
    naam = r.text(c, "naam", place)
    place = f"casus '{naam}'"
    answers = r.table(c.get("answers", {}), f"{place}.answers", set(questions))
    for key, value in answers.items():
        question = questions[key]
        _check_answer(r, f"{place}.answers.{key}", question.type, question.values, value)
    missing = [q.key for q in questions.values() if q.key not in answers and not q.has_default]
    if missing:
        raise r.fail(f"{place}.answers", Msg("antwoord ontbreekt voor '{key}' (die vraag heeft "
                                           "geen standaardwaarde)", key=missing[0]))
    expect = r.table(c.get("verwacht"), f"{place}.verwacht", EXPECT_KEYS)
    fase = r.text(expect, "fase", f"{place}.verwacht")
    if not any(p.id.casefold() == fase.casefold() for p in phases):
        raise r.fail(f"{place}.verwacht", Msg("fase '{fase}' bestaat niet in deze kapstok "
                                            "(fasen: {items})",
                                              fase=fase, items=", ".join(p.id for p in phases)))
    return Casus(
        naam=naam, verhaal=r.text(c, "verhaal", place), bron=r.text(c, "bron", place),
        answers=dict(answers), fase=fase,
        casusregie=r.text(expect, "casusregie", f"{place}.verwacht", required=False),
        procesregie=r.text(expect, "procesregie", f"{place}.verwacht", required=False),
        in_overleg_met_bevat=r.items(expect, "in_overleg_met_bevat", f"{place}.verwacht"),
        advies_bevat=r.items(expect, "advies_bevat", f"{place}.verwacht"),
    )


def _leefgebieden(r: Reader, raw: Any) -> tuple[Leefgebied, ...]:
    """The areas of life a plan covers: each a key (lowercase letters, digits, '_') and a label,
    no key or label twice (how many: `_check_limits`)."""
    found: list[Leefgebied] = []
    for i, item in enumerate(table_list(r, raw, "leefgebied")):
        place = f"leefgebied[{i + 1}]"
        r.table(item, place, LEEFGEBIED_KEYS)
        key, label = r.text(item, "key", place), r.text(item, "label", place)
        if not KEY.match(key):
            raise r.fail(f"{place}.key", Msg("gebruik kleine letters, cijfers of '_', beginnend "
                                             "met een letter"))
        if any(area.key == key or area.label == label for area in found):
            raise r.fail(place, Msg("leefgebied '{key}' staat er twee keer (sleutel of "
                                    "label)", key=key))
        found.append(Leefgebied(key, label))
    return tuple(found)


def _check_limits(r: Reader, questions: Any, phases: Any, rules: Any, casus: Any,
                  leefgebieden: Any) -> None:
    """Refuse a kapstok past LIMITS, naming the limit and what it holds."""
    conditions = [c.condition for p in phases for c in p.criteria] + [
        rule.when for rule in rules if rule.when is not None]

    def leaves(condition: Condition) -> int:
        return sum(leaves(i) for i in condition.items) if isinstance(condition, Group) else 1

    def depth(condition: Condition) -> int:
        return 1 + max(depth(i) for i in condition.items) if isinstance(condition, Group) else 0

    found = {"questions": len(questions), "values": max((len(q.values) for q in questions),
                                                         default=0),
             "phases": len(phases), "conditions": len(conditions),
             "leaves": sum(leaves(c) for c in conditions),
             "depth": max((depth(c) for c in conditions), default=0), "casus": len(casus),
             "leefgebieden": len(leefgebieden)}
    for what, count in found.items():
        if count > LIMITS[what]:
            raise r.fail(what, Msg("{count} is meer dan de grens van {limit} ({what}); een "
                                   "kapstok zo groot is niet meer te lezen of te toetsen: "
                                   "splits of vereenvoudig de regels", count=count,
                                   limit=LIMITS[what], what=what))


def _condition(r: Reader, raw: Any, place: str, questions: dict[str, Question]) -> Condition:
    c = r.table(raw, place, CONDITION_KEYS)
    forms = [k for k in ("key", "any", "all") if k in c]
    if len(forms) != 1:
        raise r.fail(place, Msg("een voorwaarde heeft precies één van 'key', 'any' of "
                              "'all'"))
    if forms[0] in ("any", "all"):
        mode = forms[0]
        if set(c) != {mode}:
            raise r.fail(place, Msg("'{mode}' staat niet samen met andere sleutels", mode=mode))
        items = table_list(r, c[mode], f"{place}.{mode}")
        if not items:
            raise r.fail(place, Msg("'{mode}' is leeg", mode=mode))
        return Group(mode, tuple(_condition(r, item, f"{place}.{mode}[{k + 1}]", questions)
                                 for k, item in enumerate(items)))
    key = c["key"]
    question = questions.get(key) if isinstance(key, str) else None
    if question is None:
        raise r.fail(place, Msg("de regel noemt een onbekende vraag '{key}'", key=key))
    ops = [op for op in ("in", "not_in") if op in c]
    if len(ops) != 1:
        raise r.fail(place, Msg("gebruik precies één van 'in' of 'not_in'"))
    values = c[ops[0]]
    if not isinstance(values, list) or not values:
        raise r.fail(place, Msg("'{op}' moet een niet-lege lijst zijn", op=ops[0]))
    for value in values:
        if value not in question.values or isinstance(value, bool) != (question.type == "bool"):
            allowed = ", ".join(str(v).lower() for v in question.values)
            raise r.fail(place, Msg("de regel noemt een onbekende waarde {value!r} voor "
                                  "'{key}' (toegestaan: {allowed})", value=value, key=key, allowed=allowed))
    return Leaf(key, tuple(values), negate=ops[0] == "not_in")


def _local_rule(r: Reader, raw: Any, place: str, questions: dict[str, Question],
                phase_ids: set[str]) -> LocalRule:
    t = r.table(raw, place, RULE_KEYS)
    phases = r.texts(t, "phases", place)
    if not phases:
        raise r.fail(place, Msg("'phases' ontbreekt of is leeg"))
    for phase_id in phases:
        if phase_id not in phase_ids:
            raise r.fail(place, Msg("onbekende fase '{phase_id}'", phase_id=phase_id))
    set_roles = t.get("set_roles", {})
    if not isinstance(set_roles, dict):
        raise r.fail(place, Msg("'set_roles' moet een tabel zijn"))
    for role, holder in set_roles.items():
        if role not in ROLE_KEYS or not isinstance(holder, str):
            raise r.fail(place, Msg("'set_roles' noemt een onbekende rol '{role}'", role=role))
    advises_role = t.get("advises_role")
    if advises_role is not None and advises_role not in ROLE_KEYS:
        raise r.fail(place, Msg("'advises_role' noemt een onbekende rol '{advises_role}'",
            advises_role=advises_role))
    rule = LocalRule(
        reason=r.text(t, "reason", place),
        phases=phases,
        when=_condition(r, t["when"], f"{place}.when", questions) if "when" in t else None,
        set_roles=dict(set_roles),
        add_in_overleg_met=r.texts(t, "add_in_overleg_met", place),
        advice=r.text(t, "advice", place, required=False),
        advises_role=advises_role,
    )
    if not (rule.set_roles or rule.add_in_overleg_met or rule.advice):
        raise r.fail(place, Msg("de regel doet niets (geef set_roles, add_in_overleg_met "
                              "of advice)"))
    return rule
