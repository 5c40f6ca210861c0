"""What `ave kapstok test`, `ave kapstok diff` and `--trace` show, as text and as JSON."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ave_cli.cli.i18n import _, k_
from ave_cli.cli.render.base import out
from ave_cli.core.casus import CasusResult, Coverage, Diff
from ave_cli.core.model import Casus, Kapstok
from ave_cli.core.rules import Step
from ave_cli.core.rules import shown as label
from ave_cli.core.rules import trace as trace_rules

__all__ = ["print_test", "print_diff", "trace_view"]

MISS_LABELS = {"fase": "fase", "casusregie": "casusregie", "procesregie": "procesregie",
               "in_overleg_met": "in overleg met", "advies": "advies"}


def trace_view(steps: list[Step]) -> Table:
    """Every phase tried from the top, each condition with whether it held and the answers."""
    table = Table(title=_("Zo kwamen de regels tot hun advies"), title_justify="left",
                  show_lines=False, expand=False)
    table.add_column(_("Fase"), no_wrap=True)
    table.add_column(_("Regel"), no_wrap=True)
    table.add_column(_("Voorwaarde"), overflow="fold")
    table.add_column(_("Geldt"), no_wrap=True)
    table.add_column(_("Antwoorden"), overflow="fold")
    for step in steps:
        match = {"any": _("een van"), "all": _("alle"), "otherwise": _("anders")}[step.match]
        held = _("ja") if step.held else _("nee")
        phase = Text(step.phase, style="bold" if step.reached else "")
        table.add_row(phase, match, k_(step.reason), Text(held, style="green" if step.held
                                                           else "red"), step.answers)
    return table


def print_test(kapstok: Kapstok, results: list[CasusResult], coverage: Coverage, *,
               trace: bool, strict: bool) -> None:
    console = out()
    console.print(Text(_("Casuïstiek van kapstok {name} {version}").format(
        name=kapstok.name, version=kapstok.version), style="bold"))
    for result in results:
        mark = Text("✓ " if result.ok else "✗ ", style="green" if result.ok else "bold red")
        line = Text.assemble(mark, (result.casus.naam, "bold"), "  ", _(
            "verwacht {expected}, kreeg {got}").format(expected=result.casus.fase,
                                                       got=result.outcome.phase.id))
        console.print(line)
        for miss in result.misses:
            console.print(Text("    " + _("{what}: verwacht '{expected}', kreeg '{got}'").format(
                what=MISS_LABELS[miss.what], expected=miss.expected, got=miss.got),
                style="red"), soft_wrap=True)
        if not result.ok or trace:
            for reason in result.outcome.reasons:
                console.print(Text("    · " + k_(reason)), soft_wrap=True)
        if trace:
            console.print(trace_view(trace_rules(kapstok, result.answers)))
    passed = sum(r.ok for r in results)
    console.print(_("{passed} van {total} casussen geslaagd.").format(passed=passed,
                                                                     total=len(results)))
    if not kapstok.casus:
        console.print(_("Deze kapstok heeft geen casuïstiek: voeg [[casus]] toe (zie README)."))
    uncovered = [_("fase {phase}: {condition}").format(phase=p, condition=k_(c))
                 for p, c in coverage.conditions]
    uncovered += [_("lokale regel: {reason}").format(reason=k_(r)) for r in coverage.local_rules]
    if uncovered:
        heading = (_("Fout (--strict): geen casus laat deze voorwaarden gelden:") if strict
                   else _("Let op: geen casus laat deze voorwaarden gelden:"))
        console.print(Text(heading, style="red" if strict else "yellow"))
        for item in uncovered:
            console.print("  - " + item, soft_wrap=True, markup=False)
    else:
        console.print(_("Elke voorwaarde en elke lokale regel wordt door een casus gedekt."))


def _phase_ids(kapstok: Kapstok) -> list[str]:
    return [p.id for p in kapstok.phases]


def print_diff(old: Kapstok, new: Kapstok, result: Diff,
               stories: list[tuple[Casus, str, str, str]], *, over_log: bool) -> None:
    from ave_cli.core.casus import explain

    console = out()
    scope = (_("de laatste antwoorden van {n} open casussen") if over_log
             else _("alle {n} combinaties van antwoorden")).format(n=f"{result.total:,}".replace(
                 ",", "."))
    console.print(Text(_("Van {old} {old_version} naar {new} {new_version}, over {scope}").format(
        old=old.name, old_version=old.version, new=new.name, new_version=new.version,
        scope=scope), style="bold"))
    if result.orders is not None:
        how = (_("op hun plaats van laag naar hoog: een fase op dezelfde plaats telt als "
                 "dezelfde") if result.by_place else
               _("op hun naam zonder 'AVE' of 'fase': AVE3 en 3 tellen als dezelfde fase, "
                 "AVE2 als 2A en 2B"))
        console.print(_("Let op: de kapstokken hebben andere fasen ({old}: {old_phases}; {new}: "
                        "{new_phases}); ave vergelijkt ze {how}.").format(
            old=old.name, old_phases=", ".join(_phase_ids(old)), new=new.name,
            new_phases=", ".join(_phase_ids(new)), how=how), soft_wrap=True)

    def named(phase: str, side: int) -> str:
        if result.orders is None or not result.by_place:
            return phase
        return f"{phase} ({result.orders[side].get(phase)}e)"

    table = Table(show_lines=False)
    table.add_column(_("van \\ naar"), no_wrap=True)
    for after in _phase_ids(new):
        table.add_column(named(after, 1), justify="right", no_wrap=True)
    for before in _phase_ids(old):
        row = []
        for after in _phase_ids(new):
            count = result.matrix.get((before, after), 0)
            text = f"{count:,}".replace(",", ".") if count else "·"
            row.append(Text(text, style="bold yellow" if count and not result.same(
                before, after) else ""))
        table.add_row(named(before, 0), *row)
    console.print(table)
    console.print(_("{changed} van {total} komen in een andere fase uit.").format(
        changed=f"{result.changed:,}".replace(",", "."),
        total=f"{result.total:,}".replace(",", ".")))
    for (before, after), sample in sorted(result.samples.items()):
        _b, why_before = explain(old, sample)
        _a, why_after = explain(new, sample)
        console.print(Text(_("{before} -> {after}, bijvoorbeeld:").format(
            before=named(before, 0), after=named(after, 1)), style="bold"))
        shown = "; ".join(f"{key}: {k_(label(new, key, value))}" for key, value in sample.items())
        console.print("  " + shown, soft_wrap=True, markup=False)
        console.print("  " + _("oud: {reasons}").format(reasons=" / ".join(map(k_, why_before))),
                      soft_wrap=True, markup=False)
        console.print("  " + _("nieuw: {reasons}").format(reasons=" / ".join(map(k_, why_after))),
                      soft_wrap=True, markup=False)
    moved = [(c, owner, a, b) for c, owner, a, b in stories if not result.same(a, b)]
    console.print(_("Casuïstiek: {moved} van {total} casussen komen in een andere fase uit.").format(
        moved=len(moved), total=len(stories)))
    for c, owner, a, b in moved:
        console.print(f"  {c.naam} ({owner}): {a} -> {b}", soft_wrap=True, markup=False)
