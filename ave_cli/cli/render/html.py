"""The evaluation report as one self-contained HTML page (`ave report --format html`): inline
SVG charts with the numbers beside them, a line on how to read each, a print stylesheet for
clean A4 pages. No JavaScript, no external requests. Built with the standard library: every
text that comes from a log or a kapstok goes through `escape`.

Privacy by default: no case ids, notes or names unless `detail`; a count from 1 to 4 is shown
as "< 5" (and no share, bar or percentile is derived from it), so a small municipality cannot
re-identify a household.
"""

from __future__ import annotations

from html import escape

from ave_cli.cli.i18n import _, k_
from ave_cli.core.evaluation import Evaluation
from ave_cli.core.report import FLAGS

SMALL = 5  # counts below this (and above 0) are not shown


def shown(count: int) -> str:
    return "< 5" if 0 < count < SMALL else str(count)


def _hidden(count: int) -> bool:
    return 0 < count < SMALL


def css_colour(name: str) -> str:
    """A kapstok colour (a rich colour name or #rrggbb) as CSS."""
    if name.startswith("#"):
        return name
    try:
        from rich.color import Color

        return Color.parse(name).get_truecolor().hex
    except Exception:  # noqa: BLE001 - an unknown colour is drawn grey
        return "#9e9e9e"


def _decimal(text: str) -> str:
    from ave_cli.cli.i18n import current

    return text.replace(".", ",") if current() == "nl" else text


def _percent(value: float | None) -> str:
    if value is None:
        return "—"
    if 0 < value < 0.005:  # AVE 4 in the Handreiking: 0.0025% of households
        return "< 1%" if value >= 0.0001 else "< 0,01%" if _decimal(".") == "," else "< 0.01%"
    return f"{value * 100:.0f}%"


STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; margin: 24px auto;
       padding: 0 20px; max-width: 1100px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 0 0 4px; }
.meta { color: #444; margin: 0; } .privacy { color: #444; font-style: italic; margin: 4px 0 0; }
section { border-top: 2px solid #d6dbe1; padding: 14px 0 18px; break-inside: avoid;
          page-break-inside: avoid; }
.how { margin: 0 0 10px; color: #333; }
.row { display: flex; gap: 28px; align-items: flex-start; flex-wrap: wrap; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border-bottom: 1px solid #e1e4e8; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f3f5f7; font-weight: 600; }
.call { font-weight: 600; } .warn { color: #b3261e; font-weight: 600; }
svg text { font-family: inherit; font-size: 12px; fill: #1b1b1b; }
footer { color: #555; font-size: 13px; border-top: 2px solid #d6dbe1; padding-top: 8px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  section { padding: 8px 0 10px; }
  .row { gap: 14px; }
}
"""


def _bars(items: list[tuple[str, int | float | None, str, str]], *, width: int = 440,
          marks: list[float | None] | None = None, scale: float | None = None,
          label_w: int = 60, text_w: int = 150) -> str:
    """Horizontal bars: (label, value or None for hidden, colour, text beside the bar); marks:
    a thin line per bar (an expectation or a limit) on the same scale."""
    row_h, bar_w = 24, width - label_w - text_w
    top = max([v for _l, v, _c, _t in items if v is not None] +
              [m for m in (marks or []) if m is not None] + [scale or 0, 1e-9])
    height = row_h * len(items) + 6
    parts = [f'<svg width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img">']
    for i, (label, value, colour, text) in enumerate(items):
        y = 3 + i * row_h
        parts.append(f'<text x="0" y="{y + 16}">{escape(label)}</text>')
        length = 0.0 if value is None else bar_w * value / top
        if value is not None:
            parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{length:.1f}" height="15" '
                         f'fill="{escape(colour)}" stroke="#555" stroke-width="0.5"/>')
        mark = (marks or [None] * len(items))[i]
        after = max(length, 0.0 if mark is None else bar_w * mark / top + 2)
        parts.append(f'<text x="{label_w + after + 5:.1f}" y="{y + 16}">{escape(text)}</text>')
        if mark is not None:
            x = label_w + bar_w * mark / top
            parts.append(f'<line x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + 22}" '
                         'stroke="#1b1b1b" stroke-width="2" stroke-dasharray="3,2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _table(head: list[str], rows: list[list[str]], *, raw: bool = False) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c if raw else escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _section(anchor: str, title: str, how: str, *content: str) -> str:
    return (f'<section id="{anchor}"><h2>{escape(title)}</h2><p class="how">{escape(how)}</p>'
            f'<div class="row">{"".join(content)}</div></section>')


def _shares(ev: Evaluation) -> str:
    parts = []
    for name in ev.kapstokken:
        rows = [s for s in ev.shares if s.kapstok == name]
        total = sum(s.count for s in rows)
        items, marks, table = [], [], []
        for s in rows:
            hidden = _hidden(s.count)
            items.append((s.phase, None if hidden else s.share * 100, css_colour(s.colour),
                          shown(s.count) if hidden else f"{_percent(s.share)} ({s.count})"))
            marks.append(None if s.expected is None else s.expected * 100)
            diff = s.difference
            call = "" if diff is None or hidden else (
                f'<span class="{"warn" if abs(diff) >= 0.1 else "call"}">'
                f"{'+' if diff >= 0 else '−'}{abs(diff) * 100:.0f} "
                f"{escape(_('procentpunt'))}</span>")
            table.append([escape(k_(s.label)), escape(shown(s.count)),
                          "—" if hidden else escape(_percent(s.share)),
                          escape(_percent(s.expected)), call])
        parts.append(
            f"<div><h3>{escape(_('Kapstok {name}').format(name=name))} — "
            f"{escape(_('{n} open').format(n=shown(total)))}</h3>"
            + _bars(items, marks=marks, scale=100 if total else None)
            + "</div>"
            + _table([_("Fase"), _("Open"), _("Aandeel"), _("Verwacht"), _("Verschil")],
                     table, raw=True))
    return _section("fasen", _("Open casussen per fase"),
                    _("Hoe lees je dit: de balk is het aandeel van de open casussen in de fase, "
                      "de stippellijn het aandeel dat de kapstok verwacht (expected_share). Een "
                      "verschil van 10 procentpunt of meer staat in rood: kijk dan of de regels "
                      "of de praktijk bijstelling nodig hebben."), *parts)


def _months(ev: Evaluation) -> str:
    kinds = [("new", _("nieuw"), "#1565c0"), ("closed", _("afgesloten"), "#2e7d32"),
             ("afgeschaald", _("afgeschaald"), "#f9a825"), ("reopened", _("heropend"), "#c62828")]
    width, group_w = 640, max(24, min(80, 560 // max(1, len(ev.months))))
    top = max([getattr(m, k) for m in ev.months for k, _l, _c in kinds] + [1])
    height = 170
    svg = [f'<svg width="{width}" height="{height + 40}" '
           f'viewBox="0 0 {width} {height + 40}" role="img">']
    bar = (group_w - 6) / len(kinds)
    for i, m in enumerate(ev.months):
        x0 = 40 + i * group_w
        for j, (kind, _label, colour) in enumerate(kinds):
            value = getattr(m, kind)
            h = 0 if _hidden(value) else (height - 10) * value / top
            svg.append(f'<rect x="{x0 + j * bar:.1f}" y="{height - h:.1f}" width="{bar - 1:.1f}" '
                       f'height="{h:.1f}" fill="{colour}"/>')
        svg.append(f'<text x="{x0}" y="{height + 16}">{escape(m.month[2:])}</text>')
    for j, (_kind, label, colour) in enumerate(kinds):
        svg.append(f'<rect x="{40 + j * 120}" y="{height + 24}" width="10" height="10" '
                   f'fill="{colour}"/><text x="{54 + j * 120}" y="{height + 33}">'
                   f"{escape(label)}</text>")
    svg.append("</svg>")
    table = [[m.month, shown(m.new), shown(m.closed), shown(m.afgeschaald), shown(m.reopened)]
             for m in ev.months]
    return _section("stroom", _("Instroom en uitstroom per maand"),
                    _("Hoe lees je dit: per maand de nieuwe casussen, de afgesloten, de "
                      "afgeschaalde en de heropende. Heropende casussen zijn het teken dat "
                      "afsluiten of afschalen te vroeg kwam."),
                    "".join(svg), _table([_("Maand"), *(label for _k, label, _c in kinds)],
                                         table))


def _stays(ev: Evaluation) -> str:
    rows, items, marks = [], [], []
    for s in ev.stays:
        hidden = s.stays < SMALL
        label = f"{s.phase}"
        items.append((label, None if hidden else float(s.p90 or 0), "#90a4ae",
                      _("< 5 verblijven") if hidden and s.stays else
                      "" if hidden else _("p90: {p90} dagen").format(p90=s.p90)))
        marks.append(None if s.long_days is None else float(s.long_days))
        rows.append([s.phase, shown(s.stays), "—" if hidden else _days(s.median),
                     "—" if hidden else str(s.p90),
                     "—" if s.long_days is None else str(s.long_days), shown(s.past_long)])
    return _section("duur", _("Tijd in een fase"),
                    _("Hoe lees je dit: hoe lang casussen in een fase bleven (afgerond of nog "
                      "lopend aan het eind van de periode), in dagen: de balk is het 90e "
                      "percentiel, de stippellijn de termijn waarna de kapstok afschalen vraagt "
                      "(long_in_phase_days)."),
                    _bars(items, marks=marks),
                    _table([_("Fase"), _("Verblijven"), _("Mediaan"), _("90e percentiel"),
                            _("Termijn"), _("Open, over termijn")], rows))


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return _decimal(f"{value:.1f}".removesuffix(".0"))


def _transitions(ev: Evaluation) -> str:
    parts = []
    for name in ev.kapstokken:
        moves = [t for t in ev.transitions if t.kapstok == name]
        phases = [s.phase for s in ev.shares if s.kapstok == name]
        phases += sorted({p for t in moves for p in (t.source, t.target)} - set(phases))
        count = {(t.source, t.target): t.count for t in moves}
        top = max([c for c in count.values()] + [1])
        size, pad = 34, 70
        width = pad + size * len(phases) + 10
        svg = [f'<svg width="{width}" '
               f'height="{pad + size * len(phases) + 10}" role="img">']
        for j, target in enumerate(phases):
            svg.append(f'<text x="{pad + j * size + 4}" y="{pad - 8}">{escape(target)}</text>')
        for i, source in enumerate(phases):
            svg.append(f'<text x="0" y="{pad + i * size + 21}">{escape(source)}</text>')
            for j, target in enumerate(phases):
                value = count.get((source, target), 0)
                shade = 0 if _hidden(value) else value / top
                fill = "#f3f5f7" if i == j else f"rgba(21,101,192,{0.08 + 0.8 * shade:.2f})"
                svg.append(f'<rect x="{pad + j * size}" y="{pad + i * size}" width="{size - 2}" '
                           f'height="{size - 2}" fill="{fill}"/>')
                if value:
                    svg.append(f'<text x="{pad + j * size + 4}" y="{pad + i * size + 21}">'
                               f"{escape(shown(value))}</text>")
        svg.append("</svg>")
        up = sum(t.count for t in moves if t.up)
        down = sum(t.count for t in moves if not t.up)
        skipped = sum(t.count for t in moves if t.skipped)
        summary = _table([_("Overgangen"), _("Aantal")],
                         [[_("opgeschaald"), shown(up)], [_("afgeschaald"), shown(down)],
                          [_("een fase overgeslagen"), shown(skipped)]])
        parts.append(f"<div><h3>{escape(_('Kapstok {name}').format(name=name))}</h3>"
                     + "".join(svg) + "</div>" + summary)
    return _section("overgangen", _("Overgangen tussen fasen"),
                    _("Hoe lees je dit: een rij is de fase waar casussen vandaan kwamen, een "
                      "kolom de fase waar ze heen gingen; hoe donkerder, hoe vaker. Boven de "
                      "diagonaal is opschalen, eronder afschalen; overgeslagen fasen vragen om "
                      "uitleg."), *parts)


def _departures(ev: Evaluation) -> str:
    rows, items = [], []
    for d in ev.departures:
        hidden = _hidden(d.advised) or _hidden(d.departed)  # a share would tell the count
        share = None if hidden or not d.advised else d.departed / d.advised
        items.append((d.phase, None if share is None else share * 100, "#8e24aa",
                      _("afgeweken: {n}").format(n=shown(d.departed)) if hidden else
                      _("{share} van {n}").format(share=_percent(share), n=d.advised)))
        rows.append([d.phase, shown(d.advised), shown(d.departed), shown(d.up), shown(d.down),
                     "—" if share is None else _percent(share)])
    return _section("afwijkingen", _("Afwijken van het advies"),
                    _("Hoe lees je dit: per geadviseerde fase hoe vaak de professional een "
                      "andere fase koos dan de regels adviseerden, en in welke richting. Dit is "
                      "het beste signaal dat de kapstok bijgesteld moet worden: vaak hoger "
                      "kiezen wijst op regels die te laag adviseren, vaak lager op het "
                      "omgekeerde."),
                    _bars(items, scale=100),
                    _table([_("Advies"), _("Besluiten"), _("Afgeweken"), _("Hoger gekozen"),
                            _("Lager gekozen"), _("Aandeel")], rows))


def _flags(ev: Evaluation, detail: bool) -> str:
    items = [(k_(FLAGS[name]), None if _hidden(count) else float(count), "#b3261e",
              shown(count)) for name, count in ev.flags.items()]
    content = [_bars(items, width=560, label_w=270, text_w=50),
               _table([_("Signalering"), _("Open casussen")],
                      [[k_(FLAGS[name]), shown(count)] for name, count in ev.flags.items()])]
    if detail:
        content.append(_table([_("Casusregisseur"), _("Open casussen")],
                              [[name or _("(niet genoemd)"), shown(count)]
                               for name, count in ev.by_casusregisseur]))
    else:
        note = _("Open casussen per casusregisseur: alleen met --detail (het zijn namen).")
        content.append(f"<p>{escape(note)}</p>")
    return _section("signaleringen", _("Signaleringen"),
                    _("Hoe lees je dit: open casussen aan het eind van de periode waarbij de "
                      "evaluatie te laat is, die lang in een hoge fase staan, waar de "
                      "casusregisseur ontbreekt, of waar procesregie geadviseerd is maar niet "
                      "benoemd; een afspraak over haar datum is, of er regie is zonder open "
                      "afspraak."), *content)


def _plan(ev: Evaluation) -> str:
    plan = ev.plan
    if plan is None:
        return ""
    ended = [(_("gedaan op tijd"), plan.on_time, "#2e7d32"), (_("gedaan, te laat"), plan.late,
                                                             "#f9a825"),
             (_("vervallen"), plan.vervallen, "#757575"),
             (_("open na de datum (eind)"), plan.open_late, "#b3261e")]
    items = [(label, None if _hidden(count) else float(count), colour, shown(count))
             for label, count, colour in ended]
    outcome = _table([_("Afspraken"), _("Aantal")],
                     [[_("gemaakt in de periode"), shown(plan.made)],
                      *[[label, shown(count)] for label, count, _c in ended],
                      [_("open aan het eind"), shown(plan.open)]])
    months = _table([_("Maand"), _("Gemaakt")],
                    [[month, shown(count)] for month, count in plan.months])
    several = len({a.kapstok for a in plan.areas}) > 1
    areas = _table([_("Leefgebied"), _("Gemaakt"), _("Open aan het eind"),
                    _("Waarvan na de datum")],
                   [[(f"{a.kapstok}: " if several else "") + k_(a.label), shown(a.made),
                     shown(a.open), shown(a.late)] for a in plan.areas])
    return _section("plan", _("Het plan: afspraken"),
                    _("Hoe lees je dit: de afspraken van de plannen (wie doet wat, uiterlijk "
                      "wanneer). Op tijd: gedaan vóór of op de eerst afgesproken datum; een "
                      "verlenging telt dus als te laat. Open na de datum: afspraken van open "
                      "casussen die aan het eind van de periode over hun datum zijn. Per "
                      "leefgebied zie je waar de plannen over gaan, en waar niet."),
                    _bars(items, width=560, label_w=270, text_w=50), outcome, months, areas)


def _detail(ev: Evaluation) -> str:
    rows = [[case, phase, ", ".join(k_(FLAGS[f]) for f in flags)]
            for case, phase, flags in ev.open_rows if flags]
    return _section("detail", _("Casussen met een signalering (--detail)"),
                    _("Alleen in deze versie van het rapport: de casusnummers zelf. Bewaar en "
                      "deel haar even zorgvuldig als het caselog."),
                    _table([_("Casus"), _("Fase"), _("Signaleringen")], rows))


def page(ev: Evaluation, *, log: str, kapstok: str, made: str, detail: bool,
         lang: str = "nl") -> str:
    period = _("{start} t/m {end}").format(
        start=ev.start.date().isoformat() if ev.start else _("het begin"),
        end=ev.end.date().isoformat())
    meta = _("Caselog: {log} · Kapstok: {kapstok} · Periode: {period} · Gemaakt: {made}").format(
        log=log, kapstok=kapstok, period=period, made=made)
    sections = [_shares(ev), _months(ev), _stays(ev), _transitions(ev), _departures(ev),
                _plan(ev), _flags(ev, detail)] + ([_detail(ev)] if detail else [])
    footer = _("Gemaakt met ave; de cijfers komen uit de besluiten in het caselog, geteld "
               "zoals in ave_cli/core/evaluation.py beschreven.")
    facts = _("{decisions} besluiten over {cases} casussen in de periode; {open} open aan het "
              "eind.").format(decisions=shown(ev.decisions), cases=shown(ev.cases),
                              open=shown(ev.open_cases))
    privacy = (_("Met casusnummers (--detail): vertrouwelijk.") if detail else
               _("Zonder casusnummers, notities of namen; aantallen van 1 tot 4 staan er als "
                 "\u201c< 5\u201d."))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(_('AVE-evaluatie'))} {escape(period)}</title>"
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{STYLE}</style></head><body><header>"
            f"<h1>{escape(_('Evaluatie van AVE (borgen)'))}</h1>"
            f'<p class="meta">{escape(meta)}</p><p class="meta">{escape(facts)}</p>'
            f'<p class="privacy">{escape(privacy)}</p></header>'
            + "".join(sections)
            + f"<footer>{escape(footer)}</footer></body></html>\n")

