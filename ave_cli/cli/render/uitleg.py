"""The terminal views of ave uitleg: AVE, its fasen, rollen and begrippen. Uses rich."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.cli.i18n import _, k_
from ave_cli.cli.render.base import (
    assemble,
    bullets,
    heading,
    local_rules,
    phase_style,
    phase_text,
    roles_table,
)
from ave_cli.core.model import (
    ROLE_TITLES,
    Kapstok,
    Phase,
)

# --- uitleg ----------------------------------------------------------------------------------

def uitleg(kapstok: Kapstok) -> Group:
    """AVE explained from the active kapstok: axes, phases, responsibilities, principles, local rules."""
    from ave_cli.core import uitleg as u

    parts: list[Any] = [Text(_("AVE volgens kapstok {title} ({kapstok} {version})").format(
        title=k_(kapstok.title), kapstok=kapstok.name, version=kapstok.version), style="bold"),
        Text(_(u.INTRO))]
    parts.append(heading(_("Twee assen")))
    parts += [Text.assemble((f"{_(name)}: ", "bold"), _(text)) for name, text in u.AXES]
    parts.append(heading(_("De fasen, van licht naar zwaar")))
    for phase in kapstok.phases:
        template = _("{phase} ({share}): {description}") if phase.share \
            else _("{phase}: {description}")
        parts.append(assemble(template, phase=phase_text(phase), share=k_(phase.share),
                              description=k_(phase.description)))
    parts.append(heading(_("Vier verantwoordelijkheden per fase")))
    for key, text in u.RESPONSIBILITIES.items():
        own = kapstok.begrip(ROLE_TITLES[key])  # the kapstok's own words for the role, if any
        parts.append(Text.assemble((f"{_(ROLE_TITLES[key])}: ", "bold"),
                                   k_(own[1]) if own else _(text)))
    parts.append(heading(_("Zeven leidende principes (landelijk, Handreiking 2.0)")))
    parts += [Text(f"{n}. {_(text)}") for n, text in enumerate(u.PRINCIPLES, start=1)]
    rules = local_rules(kapstok.local_rules)
    if rules or kapstok.notes or kapstok.meningsverschil_beslisser:
        parts.append(heading(_("Lokale regels en afspraken van deze kapstok")))
        parts.append(bullets(rules + list(kapstok.notes)))
        if kapstok.meningsverschil_beslisser:
            parts.append(Text(_("Bij een meningsverschil over op- of afschalen besluit: "
                                "{who}.").format(who=kapstok.meningsverschil_beslisser)))
    if kapstok.begrippen:
        parts.append(heading(_("Begrippen van deze kapstok")))
        parts.append(Text(", ".join(k_(term) for term, _text in kapstok.begrippen)))
    parts.append(Text(_("\nMeer over één fase of rol: ave uitleg FASE, ave uitleg casusregie")))
    if kapstok.begrippen:
        parts.append(Text(_("Een begrip: ave uitleg {term}").format(
            term=kapstok.begrippen[0][0].split()[0].lower())))
    return Group(*parts)


def uitleg_axes(indexes: tuple[int, ...]) -> Group:
    """Opschalen and afschalen: the axes, as the overview gives them."""
    from ave_cli.core import uitleg as u

    return Group(heading(_("Twee assen")), *(
        Text.assemble((f"{_(u.AXES[i][0])}: ", "bold"), _(u.AXES[i][1])) for i in indexes))


def uitleg_begrip(begrip: tuple[str, str]) -> Group:
    """One term in the kapstok's own words."""
    term, text = begrip
    return Group(heading(k_(term)), Text(k_(text)))


def uitleg_phase(kapstok: Kapstok, phase: Phase) -> Panel:
    """One phase: its starting situation, who holds what, the rules that lead here, up and down."""
    parts: list[Any] = [Text(k_(phase.description))]
    if phase.share:
        parts.append(Text(_("Aandeel: {share}.").format(share=k_(phase.share))))
    parts += [heading(_("Rollen")), roles_table(phase.roles, phase.in_overleg_met),
              heading(_("Wanneer deze fase"))]
    if phase.match == "otherwise":
        parts.append(Text(k_(phase.otherwise_reason)))
    else:
        parts.append(Text(_("Als één van deze criteria geldt:") if phase.match == "any"
                          else _("Als al deze criteria gelden:")))
        parts.append(bullets([c.reason for c in phase.criteria]))
    local = [r.reason for r in kapstok.local_rules if phase.id in r.phases]
    if local or phase.notes:
        parts += [heading(_("Lokale regels en afspraken")), bullets(local + list(phase.notes))]
    above = kapstok.phase_above(phase)
    parts.append(heading(_("Opschalen")))
    if above:
        parts.append(Text(_("Door: {who}\nNaar {phase} bij: {criteria}").format(
            who=phase.opschalen_door or "—", phase=k_(above.label),
            criteria=k_(phase.opschalen_criteria) or "—")))
    else:
        parts.append(Text(_("Door: {who}\nDit is de hoogste fase.").format(
            who=phase.opschalen_door or "—")))
    parts += [heading(_("Afschalen")), bullets(list(phase.afschalen_criteria))
              if phase.afschalen_criteria else Text(_("— (dit is de laagste fase)"))]
    return Panel(Group(*parts), title=_("Fase {phase} · kapstok {kapstok}").format(
                     phase=k_(phase.label), kapstok=kapstok.name),
                 border_style=phase_style(phase))


def uitleg_role(kapstok: Kapstok, role: str) -> Group:
    """One responsibility: what it means, and who holds it in each phase of the kapstok."""
    from ave_cli.core import uitleg as u

    table = Table(title=_("{role} per fase · kapstok {kapstok}").format(
        role=_(ROLE_TITLES[role]), kapstok=kapstok.name), expand=True)
    table.add_column(_("Fase"), overflow="fold")
    table.add_column(_("Wie"), overflow="fold", ratio=3)
    for phase in kapstok.phases:
        table.add_row(Text(k_(phase.label), style=phase_style(phase)), getattr(phase.roles, role))
    overrides = local_rules([r for r in kapstok.local_rules if role in r.set_roles])
    parts: list[Any] = [Text(_(ROLE_TITLES[role]), style="bold"),
                        Text(_(u.RESPONSIBILITIES[role])), table]
    if overrides:
        parts += [Text(_("Lokale regels die dit veranderen:"), style="bold"), bullets(overrides)]
    return Group(*parts)
