"""The plan on screen: one afspraak, the list of afspraken over cases, one case's plan over its
leefgebieden, and the afspraken in `ave show`. Overdue ones are marked in words, not only in
colour."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from ave_cli.cli.i18n import _, k_
from ave_cli.cli.render.base import STAND_LABELS, grid
from ave_cli.cli.render.layout import Column, Layout, fit
from ave_cli.core import afspraken as afs
from ave_cli.core.model import PLAN_DEFAULT

if TYPE_CHECKING:
    from ave_cli.core.afspraken import Afspraak
    from ave_cli.core.cases import CaseState
    from ave_cli.core.model import Decision, Kapstok
    from ave_cli.flows.plan import AfspraakResult, Listing, PlanResult


def plan_name(kapstok: Kapstok) -> str:
    """The local word for the plan, in the interface language."""
    return _(PLAN_DEFAULT) if kapstok.plan in ("", PLAN_DEFAULT) else k_(kapstok.plan)


def area_label(kapstok: Kapstok, key: str) -> str:
    area = kapstok.find_leefgebied(key)
    return k_(area.label) if area else key


def stand(a: Afspraak, today: date) -> str:
    """The stand in words: open, te laat (open past its date), gedaan, vervallen."""
    if a.te_laat(today):
        return _(STAND_LABELS["te laat"])
    return _(STAND_LABELS[a.stand])


def record_lines(d: Decision, kapstok: Kapstok) -> list[str]:
    """An afspraak record in the film of `ave show`."""
    if d.kind == "afspraak":
        lines = [f"{d.afspraak}: {d.wat}", _("Wie: {wie}").format(wie=d.wie),
                 _("Leefgebied: {area}").format(area=area_label(kapstok, d.leefgebied)),
                 _("Uiterlijk: {date}").format(date=d.uiterlijk)]
        if d.voor:
            lines.insert(2, _("Voor: {voor}").format(voor=d.voor))
    elif d.stand == "verlengd":
        lines = [_("{nummer} verlengd tot {date}").format(nummer=d.afspraak, date=d.uiterlijk)]
    else:
        lines = [_("{nummer} {stand}").format(nummer=d.afspraak, stand=_(STAND_LABELS[d.stand]))]
    lines += [_("Reden: {reason}").format(reason=r) for r in d.reasons]
    if d.in_overleg_met:
        lines.append(_("In overleg met: {names}").format(names=", ".join(d.in_overleg_met)))
    if d.note:
        lines.append(_("Notitie: {note}").format(note=d.note))
    return lines


def afspraak_panel(a: Afspraak, kapstok: Kapstok, today: date, *, title: str = "",
                   subtitle: str = "") -> Panel:
    """One afspraak: what, who, for whom, which leefgebied, by when, how it stands."""
    table = grid()
    table.add_row(_("Wat"), a.wat)
    table.add_row(_("Wie"), a.wie)
    table.add_row(_("Voor"), a.voor or _("het huishouden"))
    table.add_row(_("Leefgebied"), area_label(kapstok, a.leefgebied))
    due = a.uiterlijk.isoformat()
    if a.eerst:
        due = _("{date} (verlengd; eerst {first})").format(date=due, first=a.eerst.isoformat())
    table.add_row(_("Uiterlijk"), due)
    table.add_row(_("Stand"), Text(stand(a, today), style="bold" if a.te_laat(today) else ""))
    for reason in a.redenen:
        table.add_row(_("Reden"), reason)
    if a.note:
        table.add_row(_("Notitie"), a.note)
    return Panel(table, title=title or _("Afspraak {nummer} · casus {case}").format(
        nummer=a.nummer, case=a.case), subtitle=subtitle or None)


def result_panel(result: AfspraakResult, today: date) -> Panel:
    d = result.decision
    if result.dry_run:
        saved = _("proefdraai: niets opgeslagen")
    elif d.kind == "afspraak":
        saved = _("vastgelegd: afspraak {nummer}").format(nummer=d.afspraak)
    else:
        saved = _("vastgelegd: {nummer} {stand}").format(nummer=d.afspraak,
                                                         stand=_(STAND_LABELS[d.stand]))
    return afspraak_panel(result.afspraak, result.kapstok, today, subtitle=saved)


def _rows(afspraken: list[Afspraak], kapstok: Kapstok | dict[str, Kapstok], today: date, *,
          with_case: bool) -> tuple[Layout, Layout]:
    """`kapstok`: the one all afspraken are under, or each kapstok by name."""
    first = [Column(_("Casus"), keep=True)] if with_case else []
    wide = Layout([*first, Column(_("Nr"), keep=True), Column(_("Uiterlijk"), keep=True),
                   Column(_("Stand")), Column(_("Wie")), Column(_("Wat")),
                   Column(_("Leefgebied"))], lines=True)
    compact = Layout([*first, Column(_("Nr"), keep=True), Column(_("Uiterlijk"), keep=True),
                      Column(_("Wie")), Column(_("Wat"))], lines=True)
    for a in afspraken:
        case = [a.case] if with_case else []
        shown = stand(a, today)
        mark = Text(shown, style="bold red" if a.te_laat(today) else "")
        kap = kapstok.get(a.history[0].kapstok.name) if isinstance(kapstok, dict) else kapstok
        area = area_label(kap, a.leefgebied) if kap else a.leefgebied
        what = a.wat + (f" ({a.voor})" if a.voor else "")
        wide.rows.append([*case, a.nummer, a.uiterlijk.isoformat(), mark, a.wie, what, area])
        compact.rows.append([*case, a.nummer, f"{a.uiterlijk.isoformat()}\n{shown}", a.wie,
                             f"{what}\n{area}"])
    return wide, compact


def listing_view(listing: Listing, *, width: int, limit: int = 0) -> Any:
    """The afspraken in their order (open first, by date); the first `limit` (0: all)."""
    found = listing.afspraken
    if not found:
        return Text(_("Geen afspraken gevonden."))
    late = sum(1 for a in found if a.te_laat(listing.today))
    title = _("Afspraken: {n}, waarvan {late} te laat").format(n=len(found), late=late)
    shown = found[:limit] if limit else found
    wide, compact = _rows(shown, listing.kapstokken, listing.today, with_case=True)
    table = fit(width, title, [wide, compact], block_title=0)
    if len(shown) < len(found):
        return Group(table, Text(_("… en nog {n}; --limit 0 toont ze allemaal, --format csv "
                                   "geeft ze voor een spreadsheet.").format(
                                       n=len(found) - len(shown))))
    return table


def open_table(state: CaseState, kapstok: Kapstok, today: date, *, width: int) -> Any:
    """The open afspraken of a case (ave show), or None when it has none."""
    found = [a for a in afs.ordered(afs.fold(state.history).values()) if a.open]
    if not found or state.closed:
        return None
    wide, compact = _rows(found, kapstok, today, with_case=False)
    return fit(width, _("Open afspraken ({plan})").format(plan=plan_name(kapstok)),
               [wide, compact], block_title=0)


def plan_view(result: PlanResult, *, width: int) -> Group:
    """The one integral plan: every leefgebied of the kapstok as a row, its afspraken on it;
    a leefgebied without one said plainly (information, not a fault)."""
    kap, today = result.kapstok, result.today
    layout = Layout([Column(_("Leefgebied")), Column(_("Afspraken"))], lines=True)
    empty = []
    for row in result.rows:
        if not row.afspraken:
            empty.append(k_(row.leefgebied.label))
            layout.rows.append([k_(row.leefgebied.label), Text(_("geen afspraak"), style="dim")])
            continue
        cell = Text()
        for n, a in enumerate(row.afspraken):
            if n:
                cell.append("\n")
            who = f"{a.wie}" + (f" · {a.voor}" if a.voor else "")
            cell.append(f"{a.nummer} ", style="bold")
            cell.append(f"{a.wat} ({who}) ")
            cell.append(_("uiterlijk {date}").format(date=a.uiterlijk.isoformat()) + ": ")
            cell.append(stand(a, today), style="bold red" if a.te_laat(today) else "")
        layout.rows.append([k_(row.leefgebied.label), cell])
    title = _("{plan} · casus {case}").format(plan=plan_name(kap), case=result.state.case)
    parts: list[Any] = [fit(width, title, [layout], block_title=0)]
    facts = grid()
    facts.add_row(_("Fase"), result.state.phase or _("afgesloten"))
    facts.add_row(_("Huishouden"), ", ".join(result.members) or _("— (geen leden genoemd)"))
    if empty:
        facts.add_row(_("Zonder afspraak"), ", ".join(empty))
    parts.append(facts)
    return Group(*parts)
