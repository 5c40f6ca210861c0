"""What AVE is, as data for `ave uitleg`: the parts that are the same in every municipality.
Everything local (phases, roles, criteria, local rules) comes from the kapstok. Pure."""

from __future__ import annotations

from ave_cli.core.messages import N_

INTRO = N_("AVE (Aanpak ter Voorkoming van Escalatie) beantwoordt één vraag: wie heeft in deze fase "
         "welke regie, en wanneer schalen we op of af? Het gaat om huishoudens met oplopende "
         "problemen waarbij meerdere organisaties uit zorg en veiligheid betrokken zijn.")

AXES = (
    (N_("Horizontaal opschalen"), N_("De situatie verandert: de casus gaat naar een andere fase "
     "(ave escalate --to FASE, of ave deescalate --to FASE).")),
    (N_("Verticaal opschalen"), N_("De fase blijft, maar de casus heeft een andere functionaris nodig: "
     "meestal voegt de casusregisseur een procesregisseur toe omdat de hulp geen effect heeft, de "
     "samenwerking stagneert of de veiligheid in het geding is (ave escalate --role procesregie).")),
    (N_("Afschalen"), N_("Even belangrijk als opschalen: als de stagnatie is opgeheven en/of de "
     "veiligheid beheersbaar is, schaal je af.")),
)

RESPONSIBILITIES = {
    "casusregie": N_("De professional die de ondersteuning van het huishouden coördineert, het ene "
                  "integrale plan bewaakt (één gezin, één plan, één regisseur) en het aanspreekpunt "
                  "van de inwoner blijft."),
    "procesregie": N_("Coördineert de samenwerking tussen organisaties als die stagneert, onveilig of "
                   "ineffectief is; nooit meer dan één per casus, geen direct contact met de "
                   "inwoner, en altijd naast de casusregie."),
    "operationeel": N_("De leidinggevende die aanspreekbaar is op het werk van de regisseurs."),
    "bestuurlijk": N_("De gekozen bestuurder met de uiteindelijke politieke verantwoordelijkheid "
                   "(wethouder, burgemeester, college)."),
}

PRINCIPLES = (
    N_("Eén casusregisseur per casus."),
    N_("Binnen de keten van Zorg & Veiligheid is continuïteit in casusregie van wezenlijk belang "
       "om het zicht op de levensloop van het gezin/ huishouden goed te waarborgen. Wij noemen "
       "dat: een film in plaats van losse foto's."),
    N_("Wanneer de casusregisseur dit nodig vindt voegen we een procesregisseur toe vanwege "
       "stagnatie in de samenwerking of uitblijvend resultaat. Bij twijfel over de stagnatie "
       "en/of onveiligheid altijd opschalen."),
    N_("Eén integraal plan over alle leefgebieden van alle gezinsleden."),
    N_("In de keten van Zorg & Veiligheid sluiten we aan bij wat er al is en zorgen waar nodig "
       "voor aanvulling, verbinding of aanpassing."),
    N_("De uitgangssituatie van de fase is leidend; geen onderscheid naar doelgroep of thema."),
    N_("Schaal af als de stagnatie is opgeheven en/of de veiligheid beheersbaar is."),
)


# The people and the verbs people look up, with what `ave uitleg` shows for them: a role of the
# four responsibilities, or the axes (the verbs).
PEOPLE = {"casusregisseur": "casusregie", "procesregisseur": "procesregie"}
VERBS = {"opschalen": (0, 1), "afschalen": (2,), "op- en afschalen": (0, 1, 2),
         "escaleren": (0, 1), "de-escaleren": (2,)}  # indexes into AXES
