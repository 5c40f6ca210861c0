"""English catalogue: Dutch message id -> English text. Made by hand; the test
tests/test_i18n.py fails when a message of ave has no entry here, when an entry is no longer
used, or when the {placeholders} of an entry differ from its message id."""

EN: dict[str, str] = {
    "besluit-id {id} staat ook op regel {line}":
        "decision id {id} also appears on line {line}",
    "besluit over casus '{case}' ({when}) is ouder dan het vorige, op regel {line}":
        "decision on case '{case}' ({when}) is older than the previous one, on line {line}",
    "verticale opschaling zonder houder voor rol '{role}'":
        "vertical opschaling without a holder for role '{role}'",
    "casus '{case}' krijgt {field} {holder} terwijl {current} die rol nog heeft (twee tegelijk); leg een wissel vast met ave escalate --role {role}":
        "case '{case}' gets {field} {holder} while {current} still holds that role (two at once); record a change with ave escalate --role {role}",
    "{label} '{phase}' bestaat niet in kapstok {kapstok}":
        "{label} '{phase}' does not exist in kapstok {kapstok}",
    "caselog {path} is beschadigd vanaf regel {line} ({problem}); de besluiten daarvoor zijn intact. Herstel met `ave check --repair` en probeer het dan opnieuw":
        "caselog {path} is damaged from line {line} ({problem}); the decisions before it are intact. Repair with `ave check --repair` and then try again",
    "caselog {path} is beschadigd vanaf regel {line} ({problem}); de besluiten daarvoor zijn intact. Herstel met `ave check --repair`":
        "caselog {path} is damaged from line {line} ({problem}); the decisions before it are intact. Repair with `ave check --repair`",
    "caselog {path} is een map, geen bestand; kies een bestandsnaam met --log":
        "caselog {path} is a folder, not a file; choose a file name with --log",
    "caselog {path} is onleesbaar ({strerror})":
        "caselog {path} cannot be read ({strerror})",
    "caselog {path} is niet leesbaar voor jou (rechten)":
        "caselog {path} is not readable for you (permissions)",
    "caselog {path} is beschadigd vanaf regel {line} ({problem}), terwijl er daarna nog besluiten staan; dit wordt niet automatisch hersteld: zet een back-up terug of laat `ave check` het aanwijzen":
        "caselog {path} is damaged from line {line} ({problem}), while decisions follow after it; this is not repaired automatically: restore a backup or let `ave check` point it out",
    "de map {parent} voor het caselog kan niet worden aangemaakt ({strerror}); kies een ander pad met --log of AVE_LOG":
        "the folder {parent} for the caselog cannot be created ({strerror}); choose another path with --log or AVE_LOG",
    "het caselog {path} is al {timeout:g} s in gebruik door een ander proces; probeer het opnieuw of verhoog --lock-timeout":
        "the caselog {path} has been in use by another process for {timeout:g} s; try again or raise --lock-timeout",
    "het slot op caselog {path} kan niet worden gezet ({strerror})":
        "the lock on caselog {path} cannot be taken ({strerror})",
    "caselog {path} kan niet worden geschreven ({strerror})":
        "caselog {path} cannot be written ({strerror})",
    "schrijven naar caselog {path} is mislukt ({strerror}); er is niets opgeslagen":
        "writing to caselog {path} failed ({strerror}); nothing was saved",
    "AVE (Aanpak ter Voorkoming van Escalatie): triage, opschalen en afschalen van casussen, met de rollen uit de kapstok van je gemeente en een lokaal caselog.":
        "AVE (Aanpak ter Voorkoming van Escalatie, the approach to prevent escalation): triage, opschalen and afschalen of cases, with the roles from your municipality's kapstok and a local caselog.",
    "Naam van een meegeleverde kapstok (handreiking, westerkwartier) of pad van een kapstokbestand. Standaard: $AVE_KAPSTOK, de gebruikersconfiguratie, of handreiking.":
        "Name of a bundled kapstok (handreiking, westerkwartier) or path of a kapstok file. Default: $AVE_KAPSTOK, the user config, or handreiking.",
    "Wie besluit. Standaard: $AVE_BY, de gebruikersconfiguratie, of je inlognaam.":
        "Who decides. Default: $AVE_BY, the user config, or your login name.",
    "Uitvoer: text of json (json op stdout, meldingen op stderr).":
        "Output: text or json (json on stdout, messages on stderr).",
    "Besluit en toon, maar schrijf niets in het caselog (het toeganglog noteert wel dat je de casus inzag).":
        "Decide and show, but write nothing to the caselog (the access log does note that you viewed the case).",
    "Lees de notitie uit een bestand, of met - van stdin (in een terminal: typ hem in), zodat hij niet in je shellgeschiedenis staat.":
        "Read the note from a file, or with - from stdin (at a terminal: type it), so it stays out of your shell history.",
    "Lees de reden uit een bestand, of met - van stdin (in een terminal: typ hem in).":
        "Read the reason from a file, or with - from stdin (at a terminal: type it).",
    "afgebroken; er is niets opgeslagen":
        "cancelled; nothing was saved",
    "kies nl of en":
        "choose nl or en",
    "caselog {log} is leesbaar voor anderen; beperk het met: chmod 600 {log}":
        "caselog {log} is readable by others; restrict it with: chmod 600 {log}",
    "Toon de versie en stop.":
        "Show the version and stop.",
    "Taal van ave: nl (standaard) of en. Ook met $AVE_LANG of 'lang' in de gebruikersconfiguratie. Mag ook na de opdracht staan.":
        "Language of ave: nl (default) or en. Also with $AVE_LANG or 'lang' in the user config. May also follow the command.",
    "geef {option} of {option}-file, niet allebei":
        "give {option} or {option}-file, not both",
    "{message} (zie: {command} --help)":
        "{message} (see: {command} --help)",
    "{option} is verplicht":
        "{option} is required",
    "{source} is geen UTF-8-tekst":
        "{source} is not UTF-8 text",
    "Leg een opschaling vast.\n\n[bold]Horizontaal[/bold] (--to): de situatie verandert, de casus gaat naar een hogere fase. Fasen overslaan mag (naar de hoogste fase kan vanuit elke fase).\n[bold]Verticaal[/bold] (--role en --holder): de fase blijft, er komt een regisseur bij of een andere regisseur, meestal een procesregisseur.\n\n[bold]Voorbeelden[/bold]\n\n  ave escalate WT-17 --to AVE3 --reason \"Samenwerking stagneert\" --signal agressie\n\n  ave escalate WT-17 --role procesregie --holder \"OGGZ-coördinator\" --reason \"Hulp stagneert\"\n\n  ave escalate WT-17 --to AVE4 --reason \"Dreigende onrust\" --decided-by \"Teamleider Wmo\"\n":
        "Record an opschaling (escalation).\n\n[bold]Horizontal[/bold] (--to): the situation changes, the case moves to a higher fase. Skipping fasen is allowed (the highest fase can be reached from any fase).\n[bold]Vertical[/bold] (--role and --holder): the fase stays, a regisseur is added or replaced, usually a procesregisseur.\n\n[bold]Examples[/bold]\n\n  ave escalate WT-17 --to AVE3 --reason \"Samenwerking stagneert\" --signal agressie\n\n  ave escalate WT-17 --role procesregie --holder \"OGGZ-coördinator\" --reason \"Hulp stagneert\"\n\n  ave escalate WT-17 --to AVE4 --reason \"Dreigende onrust\" --decided-by \"Teamleider Wmo\"\n",
    "Leg een afschaling vast: de casus gaat naar een lagere fase.\n\nEerst toont ave de afschaalcriteria van de huidige fase als checklist om te bevestigen; zonder terminal bevestig je ze met --yes. Een criterium dat niet is vervuld, wordt vastgelegd.\n\n[bold]Voorbeelden[/bold]\n\n  ave deescalate WT-17 --to AVE2 --reason \"Doorbraak: samenwerking werkt weer\"\n\n  ave deescalate WT-17 --to AVE1 --reason \"Situatie onder controle\" --yes --decided-by \"Teamleider Wmo\"\n":
        "Record an afschaling: the case moves to a lower fase.\n\nFirst ave shows the afschalen criteria of the current fase as a checklist to confirm; without a terminal you confirm them with --yes. A criterion that is not met is recorded.\n\n[bold]Examples[/bold]\n\n  ave deescalate WT-17 --to AVE2 --reason \"Doorbraak: samenwerking werkt weer\"\n\n  ave deescalate WT-17 --to AVE1 --reason \"Situatie onder controle\" --yes --decided-by \"Teamleider Wmo\"\n",
    "Sluit een casus af: geen (verdere) hulp nodig, of overgedragen aan het voorliggend veld. Een latere ave triage heropent de casus.\n\n[bold]Voorbeelden[/bold]\n\n  ave close WT-17 --reason \"Overgedragen aan het voorliggend veld\" --dry-run\n\n  ave close WT-17 --reason \"Geen verdere hulp nodig\"\n":
        "Close a case: no (further) help needed, or handed over to the voorliggend veld (general services). A later ave triage reopens the case.\n\n[bold]Examples[/bold]\n\n  ave close WT-17 --reason \"Overgedragen aan het voorliggend veld\" --dry-run\n\n  ave close WT-17 --reason \"Geen verdere hulp nodig\"\n",
    "Toon een casus als film: de huidige stand (fase, dagen in de fase, regisseurs, open advies) en daaronder elk besluit op volgorde.\n\n[bold]Voorbeelden[/bold]\n\n  ave show WT-17\n\n  ave show WT-17 --format json\n":
        "Show a case as a film: the current state (fase, days in the fase, regisseurs, open advice) and below it every decision in order.\n\n[bold]Examples[/bold]\n\n  ave show WT-17\n\n  ave show WT-17 --format json\n",
    "{n} criterium niet vervuld. Toch afschalen?":
        "{n} criterion not met. Scale down anyway?",
    "{n} criteria niet vervuld. Toch afschalen?":
        "{n} criteria not met. Scale down anyway?",
    "stdin kan maar één keer worden gelezen: geef de reden of de notitie als bestand":
        "stdin can be read only once: give the reason or the note as a file",
    "De reden (verplicht):":
        "The reason (required):",
    "De notitie:":
        "The note:",
    "geef --to FASE (horizontaal) of --role ROL --holder NAAM (verticaal)":
        "give --to FASE (horizontal) or --role ROLE --holder NAME (vertical)",
    "--holder hoort bij --role":
        "--holder belongs with --role",
    "CASUS":
        "CASE",
    "Pseudoniem van de casus.":
        "Pseudonym of the case.",
    "Waarom (verplicht).":
        "Why (required).",
    "Bij een meningsverschil: wie de knoop doorhakte (de kapstok noemt wie dat standaard is).":
        "In a meningsverschil (disagreement): who made the call (the kapstok names who that is by default).",
    "Met wie is overlegd (herhaalbaar).":
        "Who was consulted (repeatable).",
    "Vrije notitie bij het besluit.":
        "Free note with the decision.",
    "Wie (persoon of team) vanaf nu de casusregie heeft.":
        "Who (person or team) holds casusregie from now on.",
    "Wie (persoon of team) vanaf nu de procesregie heeft.":
        "Who (person or team) holds procesregie from now on.",
    "bevestig de afschaalcriteria met --yes (er is geen terminal voor de checklist)":
        "confirm the afschalen criteria with --yes (there is no terminal for the checklist)",
    "casus '{case}' is beoordeeld met kapstok '{kapstok_name}'; geef dat kapstokbestand mee met --kapstok PAD":
        "case '{case}' was assessed with kapstok '{kapstok_name}'; pass that kapstok file with --kapstok PATH",
    "Afschalen vanuit {phase}: welke criteria zijn vervuld?":
        "Afschalen from {phase}: which criteria are met?",
    "casus '{case_id}' staat niet in het caselog {log}":
        "case '{case_id}' is not in the caselog {log}",
    "De hogere fase (horizontaal).":
        "The higher fase (horizontal).",
    "De rol die een (andere) houder krijgt (verticaal): casusregie of procesregie.":
        "The role that gets a (new) holder (vertical): casusregie or procesregie.",
    "Wie de rol krijgt (met --role).":
        "Who gets the role (with --role).",
    "Gezien signaal (herhaalbaar): een waarde van de vraag 'signalen' van de kapstok; Tab vult ze aan.":
        "Signal seen (repeatable): a value of the kapstok's 'signalen' question; Tab completes them.",
    "De lagere fase.":
        "The lower fase.",
    "De afschaalcriteria zijn vervuld (sla de checklist over).":
        "The afschalen criteria are met (skip the checklist).",
    "Nee, afbreken":
        "No, cancel",
    "Ja, afschalen en vastleggen wat niet is vervuld":
        "Yes, scale down and record what is not met",
    "Verwijder de besluiten van casussen die vóór een datum zijn afgesloten (bewaartermijn, AVG). Dit is de enige opdracht die het log herschrijft: er wordt een nieuw bestand geschreven dat het oude in één keer vervangt, met dezelfde rechten. Vraagt om bevestiging (of --yes).\n\n[bold]Voorbeelden[/bold]\n\n  ave purge --closed-before 2024-01-01 --dry-run\n\n  ave purge --closed-before 2024-01-01 --yes\n":
        "Remove the decisions of cases closed before a date (retention period, GDPR/AVG). This is the only command that rewrites the log: a new file is written that replaces the old one in one step, with the same permissions. Asks for confirmation (or --yes).\n\n[bold]Examples[/bold]\n\n  ave purge --closed-before 2024-01-01 --dry-run\n\n  ave purge --closed-before 2024-01-01 --yes\n",
    "Bouw de afgeleide index van het caselog opnieuw op (in de gebruikerscachemap). Dat gebeurt ook vanzelf als het log anders is veranderd dan door toevoegen; de index weggooien kost nooit gegevens.\n\n[bold]Voorbeeld[/bold]\n\n  ave reindex":
        "Rebuild the derived index of the caselog (in the user cache folder). This also happens by itself when the log changed other than by appending; throwing the index away never loses data.\n\n[bold]Example[/bold]\n\n  ave reindex",
    "{cases} casussen afgesloten vóór {cutoff}: {removed} besluiten zou ave verwijderen (proefrun).":
        "{cases} cases closed before {cutoff}: ave would remove {removed} decisions (dry run).",
    "{cases} casussen afgesloten vóór {cutoff}: {removed} besluiten verwijderd.":
        "{cases} cases closed before {cutoff}: {removed} decisions removed.",
    "bevestig het verwijderen met --yes (er is geen terminal om het te vragen)":
        "confirm the removal with --yes (there is no terminal to ask)",
    "Index opnieuw opgebouwd: {count} besluiten, {n_cases} casussen ({where}).":
        "Index rebuilt: {count} decisions, {n_cases} cases ({where}).",
    "Er was geen beschadigd einde om te herstellen.":
        "There was no damaged end to repair.",
    "{n} besluiten gecontroleerd: in orde.":
        "{n} decisions checked: all well.",
    "{n} besluiten gecontroleerd: {p} probleem.":
        "{n} decisions checked: {p} problem.",
    "{n} besluiten gecontroleerd: {p} problemen.":
        "{n} decisions checked: {p} problems.",
    "caselog {log} bestaat niet":
        "caselog {log} does not exist",
    "Zet een beschadigd einde in quarantaine.":
        "Move a damaged end into quarantine.",
    "{path} is een map, geen caselog":
        "{path} is a folder, not a caselog",
    "Hersteld: {moved} beschadigde bytes vanaf regel {line} staan nu in {quarantine}":
        "Repaired: {moved} damaged bytes from line {line} are now in {quarantine}",
    "Verwijder casussen die vóór deze datum (JJJJ-MM-DD) zijn afgesloten.":
        "Remove cases closed before this date (YYYY-MM-DD).",
    "Niet om bevestiging vragen.":
        "Do not ask for confirmation.",
    "--closed-before '{closed_before_date}' is geen datum; schrijf JJJJ-MM-DD":
        "--closed-before '{closed_before_date}' is not a date; write YYYY-MM-DD",
    "{removed} besluiten van {cases} afgesloten casussen definitief verwijderen?":
        "Remove {removed} decisions of {cases} closed cases for good?",
    "Ja, verwijderen":
        "Yes, remove",
    "het caselog is leesbaar voor anderen; beperk het met: chmod 600 {path}":
        "the caselog is readable by others; restrict it with: chmod 600 {path}",
    "Pas de regels opnieuw toe op de laatste antwoorden van elke open casus, onder de kapstok van de casus of de kapstok die je noemt. Toont de casussen waarvan de fase zou veranderen. Schrijft niets, tenzij --apply: dan komt er per veranderde casus één besluit (herbeoordeling) bij.\n\nEen fase die een professional bewust anders besloot dan het advies, wordt niet overschreven (die casussen staan apart); neem ze mee met --include-overrides.\n\n[bold]Voorbeelden[/bold]\n\n  ave reevaluate\n\n  ave reevaluate --kapstok westerkwartier\n\n  ave reevaluate --kapstok westerkwartier --apply --yes\n":
        "Apply the rules again to the latest answers of every open case, under the case's kapstok or the kapstok you name. Shows the cases whose fase would change. Writes nothing unless --apply: then one (reevaluation) decision is added per changed case.\n\nA fase that a professional deliberately decided against the advice is not overwritten (those cases are listed apart); include them with --include-overrides.\n\n[bold]Examples[/bold]\n\n  ave reevaluate\n\n  ave reevaluate --kapstok westerkwartier\n\n  ave reevaluate --kapstok westerkwartier --apply --yes\n",
    "ave reevaluate kent --format text of json":
        "ave reevaluate knows --format text or json",
    "{rows} besluiten geëxporteerd naar {output}":
        "{rows} decisions exported to {output}",
    "{path} bestaat al; kies een nieuwe bestandsnaam":
        "{path} already exists; choose a new file name",
    "Alleen casussen in deze fase (herhaalbaar).":
        "Only cases in this fase (repeatable).",
    "Alleen casussen met deze signalering (review, long, casusregie, procesregie; herhaalbaar).":
        "Only cases with this flag (review, long, casusregie, procesregie; repeatable).",
    "Alleen casussen waarin deze persoon besliste of regisseur is.":
        "Only cases in which this person decided or is regisseur.",
    "Alleen casussen met een besluit op of na deze datum (JJJJ-MM-DD).":
        "Only cases with a decision on or after this date (YYYY-MM-DD).",
    "Ook afgesloten casussen.":
        "Closed cases too.",
    "Hoeveel casussen de tekstweergave toont, de meest urgente eerst (hoogste fase, meeste signaleringen, langst in de fase); 0 = alle. JSON en CSV geven altijd alles.":
        "How many cases the text view shows, the most urgent first (highest fase, most flags, longest in the fase); 0 = all. JSON and CSV always give everything.",
    "onbekende signalering '{name}' (kies uit {flags})":
        "unknown flag '{name}' (choose from {flags})",
    "Leg de veranderingen vast.":
        "Record the changes.",
    "Herbeoordeel ook fasen die een professional afwijkend van het advies besloot.":
        "Also reassess fasen that a professional decided against the advice.",
    "Hoeveel casussen per tabel de tekstweergave toont; 0 = alle. JSON geeft altijd alles.":
        "How many cases per table the text view shows; 0 = all. JSON always gives everything.",
    "text of json.":
        "text or json.",
    "Schrijf naar dit bestand (aangemaakt met rechten 0600) in plaats van stdout.":
        "Write to this file (created with permissions 0600) instead of stdout.",
    "export naar {output} mislukt ({strerror})":
        "export to {output} failed ({strerror})",
    "Bepaal de fase van een casus met de triagevragen van de kapstok, toon de rollen en leg het besluit vast in het caselog.\n\nIn een terminal stelt ave de vragen, toont een controlescherm en vraagt je het advies te bevestigen of een andere fase te kiezen (met motivering). Zonder terminal: geef de antwoorden met --answers.\n\n[bold]Voorbeelden[/bold]\n\n  ave triage WT-2024-017\n\n  ave triage WT-2024-017 --answers examples/answers/handreiking/ave3.json --dry-run\n\n  ave triage WT-2024-017 --answers antwoorden.json --phase AVE3 --motivation \"Politie meldt ...\" -f json\n\n  ave triage --batch casussen.csv --dry-run\n":
        "Determine the fase of a case with the kapstok's triage questions, show the roles and record the decision in the caselog.\n\nAt a terminal ave asks the questions, shows a review screen and asks you to confirm the advice or choose another fase (with a motivation). Without a terminal: give the answers with --answers.\n\n[bold]Examples[/bold]\n\n  ave triage WT-2024-017\n\n  ave triage WT-2024-017 --answers examples/answers/handreiking/ave3.json --dry-run\n\n  ave triage WT-2024-017 --answers answers.json --phase AVE3 --motivation \"Politie meldt ...\" -f json\n\n  ave triage --batch cases.csv --dry-run\n",
    "stdin kan maar één keer worden gelezen: geef --answers of --note-file als bestand":
        "stdin can be read only once: give --answers or --note-file as a file",
    "--batch gaat niet samen met een casus, --answers, --phase of --motivation: elke casus staat in het batchbestand":
        "--batch does not go with a case id, --answers, --phase or --motivation: every case is in the batch file",
    "geen terminal om de vragen te stellen; geef de antwoorden met --answers BESTAND (of --answers - voor stdin)":
        "no terminal to ask the questions; give the answers with --answers FILE (or --answers - for stdin)",
    "noem de casus: ave triage CASUS --answers BESTAND (of zet 'case' in het antwoordbestand)":
        "give a case id: ave triage CASE --answers FILE (or put 'case' in the answers file)",
    "Casus (pseudoniem, geen BSN):":
        "Case id (pseudonym, no BSN):",
    "fase '{phase}' bestaat niet in kapstok {kapstok} (fasen: {items})":
        "fase '{phase}' does not exist in kapstok {kapstok} (fasen: {items})",
    "Pseudoniem van de casus (geen BSN); wordt gevraagd als je het weglaat.":
        "Pseudonym of the case (no BSN); asked for when you leave it out.",
    "Antwoordbestand (TOML of JSON, - voor stdin) met de vraagsleutels van de kapstok.":
        "Answers file (TOML or JSON, - for stdin) with the kapstok's question keys.",
    "De fase die je besluit, als die afwijkt van het advies (met --motivation).":
        "The fase you decide, when it differs from the advice (with --motivation).",
    "Waarom je afwijkt van de geadviseerde fase.":
        "Why you depart from the advised fase.",
    "Wie (persoon of team) de casusregie heeft.":
        "Who (person or team) holds casusregie.",
    "Wie (persoon of team) de procesregie heeft.":
        "Who (person or team) holds procesregie.",
    "Veel casussen tegelijk: TOML (een tabel per casus), JSON Lines of CSV (vraagsleutels als kolommen), elk met 'case'. Alles wordt eerst gecontroleerd; bij één fout wordt niets opgeslagen.":
        "Many cases at once: TOML (a table per case), JSON Lines or CSV (question keys as columns), each with 'case'. Everything is checked first; with one error nothing is saved.",
    "{label}: 'case' ontbreekt of is geen tekst":
        "{label}: 'case' is missing or not text",
    "{label}: casus '{case}' staat ook al in {other}":
        "{label}: case '{case}' is also in {other}",
    "{label}: antwoorden ontbreken voor {missing}":
        "{label}: answers missing for {missing}",
    "Toon de meegeleverde kapstokken.":
        "Show the bundled kapstokken.",
    "{source}: 'case' moet tekst zijn":
        "{source}: 'case' must be text",
    "casus '{case_id}' verschilt van 'case' = '{file_case}' in {source}":
        "case id '{case_id}' differs from 'case' = '{file_case}' in {source}",
    "{name:<16} {version:<8} {title}: fasen {items}":
        "{name:<16} {version:<8} {title}: fasen {items}",
    "Leg AVE uit aan de hand van de kapstok: de twee assen, de fasen met hun uitgangssituatie, de vier verantwoordelijkheden, de zeven leidende principes en de lokale regels. Met een fase of een rol als onderwerp: alleen die.\n\n[bold]Voorbeelden[/bold]\n\n  ave uitleg\n\n  ave uitleg AVE3\n\n  ave uitleg procesregie --kapstok westerkwartier\n":
        "Explain AVE from the kapstok: the two axes, the fasen with their starting situation, the four responsibilities, the seven leading principles and the local rules. With a fase or a role as topic: only that.\n\n[bold]Examples[/bold]\n\n  ave explain\n\n  ave explain AVE3\n\n  ave explain procesregie --kapstok westerkwartier\n",
    "[FASE|ROL]":
        "[FASE|ROLE]",
    "Een fase (zoals AVE3 of 2B) of een rol (casusregie, procesregie, operationeel, bestuurlijk).":
        "A fase (such as AVE3 or 2B) or a role (casusregie, procesregie, operationeel, bestuurlijk).",
    "een reden is verplicht: geef --reason TEKST":
        "a reason is required: give --reason TEXT",
    "casus '{case}' lijkt op een BSN (negen cijfers die de elfproef halen); het caselog mag geen directe persoonsgegevens bevatten: gebruik een pseudoniem zoals het dossiernummer van het wijkteam":
        "case id '{case}' looks like a BSN (nine digits that pass the elfproef); the caselog must not hold direct personal data: use a pseudonym such as the wijkteam's file number",
    "casus '{case}' is ongeldig: gebruik 1 tot 64 letters, cijfers, '-', '_' of '.', beginnend met een letter of cijfer":
        "case id '{case}' is invalid: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit",
    "bevat een nummer dat op een BSN lijkt":
        "contains a number that looks like a BSN",
    "{label} bevat een nummer dat op een BSN lijkt; laat directe persoonsgegevens weg uit het caselog":
        "{label} contains a number that looks like a BSN; leave direct personal data out of the caselog",
    "{label} is {length} tekens lang; het maximum is {MAX_TEXT}":
        "{label} is {length} characters long; the maximum is {MAX_TEXT}",
    "je kiest fase {phase} terwijl de regels {advised} adviseren: geef een motivering met --motivation (de afwijking wordt vastgelegd)":
        "you choose fase {phase} while the rules advise {advised}: give a motivation with --motivation (the departure is recorded)",
    "casus '{case}' staat niet in het caselog; begin met ave triage {case}":
        "case '{case}' is not in the caselog; start with ave triage {case}",
    "casus '{case}' is afgesloten; heropen hem met ave triage {case}":
        "case '{case}' is closed; reopen it with ave triage {case}",
    "casus '{case}' staat in fase '{phase}', die kapstok {kapstok} niet kent; geef de kapstok van de casus mee met --kapstok":
        "case '{case}' is in fase '{phase}', which kapstok {kapstok} does not know; pass the case's kapstok with --kapstok",
    "rol '{role}' kan hier niet per casus worden belegd; kies casusregie of procesregie (de overige verantwoordelijkheden staan vast in de kapstok)":
        "role '{role}' cannot be assigned per case here; choose casusregie or procesregie (the other responsibilities are fixed in the kapstok)",
    "noem wie de {role} krijgt met --holder NAAM":
        "name who gets {role} with --holder NAME",
    "{holder} heeft de {role} van casus '{case}' al":
        "{holder} already holds {role} of case '{case}'",
    "onbekend signaal '{signal}' (toegestaan: {allowed})":
        "unknown signal '{signal}' (allowed: {allowed})",
    "opschalen kan alleen naar een fase boven {current}; om naar {target} te gaan gebruik je ave deescalate {case} --to {target}":
        "opschalen can only go to a fase above {current}; to go to {target} use ave deescalate {case} --to {target}",
    "casus '{case}' staat al in fase {current}; voor een extra regisseur in dezelfde fase gebruik je --role procesregie --holder NAAM":
        "case '{case}' is already in fase {current}; for an extra regisseur in the same fase use --role procesregie --holder NAME",
    "afschalen kan alleen naar een fase onder {current}; om naar {target} te gaan gebruik je ave escalate {case} --to {target}":
        "afschalen can only go to a fase below {current}; to go to {target} use ave escalate {case} --to {target}",
    "casus '{case}' staat al in fase {current}":
        "case '{case}' is already in fase {current}",
    "Lokale regel: {reason}":
        "Local rule: {reason}",
    "gebruik kleine letters, cijfers, '-' of '_'":
        "use lower-case letters, digits, '-' or '_'",
    "verwacht een lijst van tabellen ([[...]])":
        "expected a list of tables ([[...]])",
    "de kapstok heeft geen vragen":
        "the kapstok has no questions",
    "de kapstok heeft geen fasen":
        "the kapstok has no fasen",
    "een voorwaarde heeft precies één van 'key', 'any' of 'all'":
        "a condition has exactly one of 'key', 'any' or 'all'",
    "gebruik precies één van 'in' of 'not_in'":
        "use exactly one of 'in' or 'not_in'",
    "'phases' ontbreekt of is leeg":
        "'phases' is missing or empty",
    "'set_roles' moet een tabel zijn":
        "'set_roles' must be a table",
    "de regel doet niets (geef set_roles, add_in_overleg_met of advice)":
        "the rule does nothing (give set_roles, add_in_overleg_met or advice)",
    "verwacht een tabel":
        "expected a table",
    "het bestand is geen UTF-8-tekst":
        "the file is not UTF-8 text",
    "deze vraag staat er twee keer in":
        "this question appears twice",
    "'labels' moet een tabel van waarde = tekst zijn":
        "'labels' must be a table of value = text",
    "deze fase staat er twee keer in":
        "this fase appears twice",
    "'requires_casusregie' moet true of false zijn":
        "'requires_casusregie' must be true or false",
    "ongeldige kapstok {where}{problem}":
        "invalid kapstok {where}{problem}",
    "een ja/nee-vraag heeft geen 'values'":
        "a yes/no question has no 'values'",
    "'values' ontbreekt of is leeg":
        "'values' is missing or empty",
    "'values' bevat een waarde twee keer":
        "'values' contains a value twice",
    "waarde {value!r} past niet bij de vraag (toegestaan: {allowed})":
        "value {value!r} does not fit the question (allowed: {allowed})",
    "de laagste fase geldt 'otherwise' en heeft geen 'when'":
        "the lowest fase applies 'otherwise' and has no 'when'",
    "alleen de laagste fase mag 'otherwise' hebben":
        "only the lowest fase may have 'otherwise'",
    "'match' moet \"any\" of \"all\" zijn":
        "'match' must be \"any\" or \"all\"",
    "de fase heeft geen regels ([[phase.when]])":
        "the fase has no rules ([[phase.when]])",
    "de regel noemt een onbekende vraag '{key}'":
        "the rule names an unknown question '{key}'",
    "'{op}' moet een niet-lege lijst zijn":
        "'{op}' must be a non-empty list",
    "'advises_role' noemt een onbekende rol '{advises_role}'":
        "'advises_role' names an unknown role '{advises_role}'",
    "onbekende sleutel '{key}' (toegestaan: {allowed})":
        "unknown key '{key}' (allowed: {allowed})",
    "'{key}' moet tekst zijn":
        "'{key}' must be text",
    "'{key}' is leeg":
        "'{key}' is empty",
    "'{key}' moet een lijst van teksten zijn":
        "'{key}' must be a list of texts",
    "'{key}' moet een positief aantal dagen zijn":
        "'{key}' must be a positive number of days",
    "geen geldige TOML ({exc})":
        "not valid TOML ({exc})",
    "type '{qtype}' bestaat niet (kies uit {types})":
        "type '{qtype}' does not exist (choose from {types})",
    "rol '{role}' ontbreekt (elke fase noemt {roles})":
        "role '{role}' is missing (every fase names {roles})",
    "kleur '{colour}' is geen kleurnaam of #rrggbb":
        "colour '{colour}' is not a colour name or #rrggbb",
    "'{mode}' staat niet samen met andere sleutels":
        "'{mode}' does not go with other keys",
    "'{mode}' is leeg":
        "'{mode}' is empty",
    "de regel noemt een onbekende waarde {value!r} voor '{key}' (toegestaan: {allowed})":
        "the rule names an unknown value {value!r} for '{key}' (allowed: {allowed})",
    "onbekende fase '{phase_id}'":
        "unknown fase '{phase_id}'",
    "'set_roles' noemt een onbekende rol '{role}'":
        "'set_roles' names an unknown role '{role}'",
    "'{key}' ontbreekt":
        "'{key}' is missing",
    "label voor onbekende waarde '{value}'":
        "label for unknown value '{value}'",
    "'{key}_en' moet dezelfde vorm hebben als '{key}' (tekst, lijst even lang, of tabel met dezelfde sleutels)":
        "'{key}_en' must have the shape of '{key}' (a text, a list as long, or a table with the same keys)",
    "geen tabel":
        "not a table",
    "zegel (seal) ontbreekt: het record is onvolledig":
        "seal is missing: the record is incomplete",
    "zegel klopt niet: het record is beschadigd of met de hand gewijzigd":
        "seal does not match: the record is damaged or was edited by hand",
    "veld 'time' ontbreekt of heeft geen tijdzone":
        "field 'time' is missing or has no time zone",
    "veld 'kapstok' moet name, version en sha256 hebben":
        "field 'kapstok' must have name, version and sha256",
    "veld 'roles' is geen tabel van teksten":
        "field 'roles' is not a table of texts",
    "veld 'answers' heeft een waarde van een onbekend type":
        "field 'answers' has a value of an unknown type",
    "veld 'phase_after' ontbreekt":
        "field 'phase_after' is missing",
    "geen enkel [[decision]]-record":
        "not a single [[decision]] record",
    "{source} is geen geldig ave-caselog (de kop [ave_log] ontbreekt of is onleesbaar); het bestand is niet aangeraakt: kies een ander pad met --log":
        "{source} is not a valid ave caselog (the [ave_log] header is missing or unreadable); the file was not touched: choose another path with --log",
    "geen UTF-8-tekst":
        "not UTF-8 text",
    "onbekende recordversie {version!r}":
        "unknown record version {version!r}",
    "onbekend veld '{field}'":
        "unknown field '{field}'",
    "onbekende soort besluit '{kind}'":
        "unknown kind of decision '{kind}'",
    "onbekende as '{axis}'":
        "unknown axis '{axis}'",
    "onvolledige regel":
        "incomplete line",
    "tekst die geen record is":
        "text that is not a record",
    "{source} heeft logversie {version!r}; deze versie van ave kent versie {LOG_FORMAT}":
        "{source} has log version {version!r}; this version of ave knows version {LOG_FORMAT}",
    "veld '{key}' ontbreekt of is geen tekst":
        "field '{key}' is missing or not text",
    "veld '{key}' is geen tekst":
        "field '{key}' is not text",
    "veld '{key}' is geen lijst van teksten":
        "field '{key}' is not a list of texts",
    "beschadigde of onvolledige tekst na het laatste record":
        "damaged or incomplete text after the last record",
    "caselog {source} is beschadigd vanaf regel {line} ({problem}), terwijl er daarna nog besluiten staan; dit wordt niet automatisch hersteld: zet een back-up terug of laat `ave check` het aanwijzen":
        "caselog {source} is damaged from line {line} ({problem}), while decisions follow after it; this is not repaired automatically: restore a backup or let `ave check` point it out",
    "Casusregie":
        "Casusregie (case direction)",
    "Procesregie":
        "Procesregie (process direction)",
    "Operationeel verantwoordelijk":
        "Operational responsibility",
    "Bestuurlijk verantwoordelijk":
        "Bestuurlijke (political) responsibility",
    "ja":
        "yes",
    "nee":
        "no",
    "true of false":
        "true or false",
    "? Toelichting bij deze vraag":
        "? Explanation of this question",
    "geen":
        "none",
    "een lijst uit: {listed}":
        "a list from: {listed}",
    "{source}: antwoorden ontbreken voor {missing}; vul ze aan in het antwoordbestand, of draai ave triage in een terminal om ze te beantwoorden":
        "{source}: answers missing for {missing}; add them to the answers file, or run ave triage at a terminal to answer them",
    "{source}: regel {number}":
        "{source}: line {number}",
    "{source}: rij {number}":
        "{source}: row {number}",
    "Bevestigen: fase {phase} (afwijkend van het advies)":
        "Confirm: fase {phase} (departing from the advice)",
    "Wat wil je doen?":
        "What do you want to do?",
    "antwoordbestand {source} moet één object met antwoorden zijn":
        "answers file {source} must be one object with answers",
    "{source}: ongeldig antwoord {shown} voor '{key}' (toegestaan: {allowed})":
        "{source}: invalid answer {shown} for '{key}' (allowed: {allowed})",
    "{source}: onbekende vraag '{key}' (kapstok {kapstok} kent: {keys})":
        "{source}: unknown question '{key}' (kapstok {kapstok} knows: {keys})",
    "batchbestand {source} bevat geen antwoorden":
        "batch file {source} contains no answers",
    "batchbestand {source}: de kopregel mist de kolom 'case'":
        "batch file {source}: the header row lacks the column 'case'",
    "Bevestigen: fase {phase} (het advies)":
        "Confirm: fase {phase} (the advice)",
    "Welk antwoord wil je wijzigen?":
        "Which answer do you want to change?",
    "Welke fase besluit je?":
        "Which fase do you decide?",
    "Motivering voor de afwijking van het advies:":
        "Motivation for departing from the advice:",
    "antwoordbestand {source} is geen UTF-8-tekst":
        "answers file {source} is not UTF-8 text",
    "antwoordbestand {source} is geen geldige {kind} ({exc})":
        "answers file {source} is not valid {kind} ({exc})",
    "batchbestand {source} is geen UTF-8-tekst":
        "batch file {source} is not UTF-8 text",
    "batchbestand {source} is geen geldige TOML ({exc})":
        "batch file {source} is not valid TOML ({exc})",
    "{source}: [[{key}]] nr. {number}":
        "{source}: [[{key}]] no. {number}",
    "{label}: verwacht een tabel met antwoorden en 'case'":
        "{label}: expected a table with answers and 'case'",
    "{label}: verwacht één object met antwoorden en 'case'":
        "{label}: expected one object with answers and 'case'",
    "{label}: meer cellen dan kolommen in de kopregel":
        "{label}: more cells than columns in the header row",
    "Een andere fase kiezen (met motivering)":
        "Choose another fase (with a motivation)",
    "Een antwoord wijzigen":
        "Change an answer",
    "Afbreken zonder op te slaan":
        "Cancel without saving",
    "een motivering is verplicht":
        "a motivation is required",
    "(kies met de pijltjes, Enter bevestigt)":
        "(choose with the arrow keys, Enter confirms)",
    "{label}: geen geldige JSON ({msg})":
        "{label}: not valid JSON ({msg})",
    "(spatie kiest, Enter bevestigt)":
        "(space selects, Enter confirms)",
    "{label} (advies)":
        "{label} (advice)",
    "triage":
        "triage",
    "opschaling":
        "opschaling",
    "afschaling":
        "afschaling",
    "afsluiting":
        "closing",
    "herbeoordeling":
        "reevaluation",
    "horizontaal":
        "horizontal",
    "verticaal":
        "vertical",
    "In overleg met":
        "In overleg met (consulted)",
    "Fase {phase}  —  {description}":
        "Fase {phase}  —  {description}",
    "proefdraai: niets opgeslagen":
        "dry run: nothing saved",
    "Casus":
        "Case",
    "Vorige fase":
        "Previous fase",
    "Fase":
        "Fase",
    "Richting":
        "Direction",
    "Advies":
        "Advice",
    "gelijk":
        "same",
    "Operationeel":
        "Operational",
    "Bestuurlijk":
        "Bestuurlijk (political)",
    "Kapstok":
        "Kapstok",
    "Caselog":
        "Caselog",
    "een casus beoordelen: vragen, advies van de regels, jouw besluit":
        "assess a case: questions, the rules' advice, your decision",
    "alle open casussen per fase, met signaleringen":
        "all open cases per fase, with flags",
    "wie welke regie en verantwoordelijkheid heeft, per fase":
        "who holds which regie and responsibility, per fase",
    "Opschaling {case} · kapstok {kapstok} {version}":
        "Opschaling {case} · kapstok {kapstok} {version}",
    "Afschaling {case} · kapstok {kapstok} {version}":
        "Afschaling {case} · kapstok {kapstok} {version}",
    "Afsluiting {case} · kapstok {kapstok} {version}":
        "Closing {case} · kapstok {kapstok} {version}",
    "Besluit {case} · kapstok {kapstok} {version}":
        "Decision {case} · kapstok {kapstok} {version}",
    "Casusregisseur":
        "Casusregisseur",
    "Procesregisseur":
        "Procesregisseur",
    "Open advies":
        "Open advice",
    "Tijd":
        "Time",
    "Soort":
        "Kind",
    "As":
        "Axis",
    "Door":
        "By",
    "Toelichting":
        "Explanation",
    "Sinds":
        "Since",
    "Dagen":
        "Days",
    "Laatste besluit":
        "Last decision",
    "Signaleringen":
        "Flags",
    "Wie":
        "Who",
    "Vorige fase: {previous}  →  andere kapstok":
        "Previous fase: {previous}  →  other kapstok",
    "Waarom":
        "Why",
    "Rollen":
        "Roles",
    "Opschalen":
        "Opschalen (scaling up)",
    "Afschalen":
        "Afschalen (scaling down)",
    "Triage {case} · kapstok {kapstok} {version}":
        "Triage {case} · kapstok {kapstok} {version}",
    "Op- en afschalen":
        "Opschalen and afschalen",
    "Opschalen door":
        "Opschalen by",
    "Afschalen als":
        "Afschalen when",
    "Probeer":
        "Try",
    "\nAlle opdrachten en opties: ave --help":
        "\nAll commands and options: ave --help",
    "Fase {phase} blijft. Verticale opschaling: {role} → {holder} (vervangt {replaced})":
        "Fase {phase} stays. Vertical opschaling: {role} → {holder} (replaces {replaced})",
    "Fase {phase} blijft. Verticale opschaling: {role} → {holder}":
        "Fase {phase} stays. Vertical opschaling: {role} → {holder}",
    "Fase {before} → {after}  (opschaling, horizontaal; overgeslagen: {skipped})":
        "Fase {before} → {after}  (opschaling, horizontal; skipped: {skipped})",
    "Fase {before} → {after}  (opschaling, horizontaal)":
        "Fase {before} → {after}  (opschaling, horizontal)",
    "Fase {before} → {after}  (afschaling, horizontaal; overgeslagen: {skipped})":
        "Fase {before} → {after}  (afschaling, horizontal; skipped: {skipped})",
    "Fase {before} → {after}  (afschaling, horizontaal)":
        "Fase {before} → {after}  (afschaling, horizontal)",
    "\nLet op: de laatste triage-antwoorden geven volgens de regels fase {advised}; zij halen fase {phase} niet. Jij besluit; je reden is vastgelegd als motivering.":
        "\nNote: under the rules the latest triage answers give fase {advised}; they do not reach fase {phase}. You decide; your reason is recorded as the motivation.",
    "\nLet op: de laatste triage-antwoorden geven volgens de regels fase {advised}; zij adviseren nog fase {phase} niet. Jij besluit; je reden is vastgelegd als motivering.":
        "\nNote: under the rules the latest triage answers give fase {advised}; they do not yet advise fase {phase}. You decide; your reason is recorded as the motivation.",
    "— (niet genoemd)":
        "— (not named)",
    "Verloop":
        "History",
    "Aantal":
        "Number",
    "Aandeel":
        "Share",
    "Casussen":
        "Cases",
    "Afwijkend besluit van een professional (meegenomen): {n}":
        "Professional's decision departing from the advice (included): {n}",
    "Afwijkend besluit van een professional (niet herbeoordeeld; neem mee met --include-overrides of doe een nieuwe triage): {n}":
        "Professional's decision departing from the advice (not reassessed; include with --include-overrides or do a new triage): {n}",
    "Twee assen":
        "Two axes",
    "De fasen, van licht naar zwaar":
        "The fasen, from light to heavy",
    "{phase} ({share}): {description}":
        "{phase} ({share}): {description}",
    "{phase}: {description}":
        "{phase}: {description}",
    "Vier verantwoordelijkheden per fase":
        "Four responsibilities per fase",
    "\nMeer over één fase of rol: ave uitleg FASE, ave uitleg casusregie":
        "\nMore about one fase or role: ave explain FASE, ave explain casusregie",
    "Wanneer deze fase":
        "When this fase",
    "Afspraken":
        "Agreements",
    "Dit is de hoogste fase.":
        "This is the highest fase.",
    "— (dit is de laagste fase)":
        "— (this is the lowest fase)",
    "opgeslagen als besluit {id}":
        "saved as decision {id}",
    "{n} besluiten opgeslagen":
        "{n} decisions saved",
    "nieuw":
        "new",
    "Lokale regels en afspraken":
        "Local rules and agreements",
    "{reason} (fasen {phases})":
        "{reason} (fasen {phases})",
    "{phase} → afgesloten":
        "{phase} → closed",
    "afgesloten":
        "closed",
    "Geen casussen die aan de filters voldoen.":
        "No cases match the filters.",
    "Van":
        "From",
    "Naar":
        "To",
    "Ongewijzigd: {unchanged}. Veranderd: {changed}.":
        "Unchanged: {unchanged}. Changed: {changed}.",
    "Er is niets vastgelegd (gebruik --apply).":
        "Nothing was recorded (use --apply).",
    "Er is niets vastgelegd.":
        "Nothing was recorded.",
    "Lokale regels en afspraken van deze kapstok":
        "Local rules and agreements of this kapstok",
    "Lokale regels die dit veranderen:":
        "Local rules that change this:",
    "ave: fout: {message}":
        "ave: error: {message}",
    "ave: let op: {message}":
        "ave: warning: {message}",
    "Vorige fase: {previous}  →  opschaling":
        "Previous fase: {previous}  →  opschaling",
    "Vorige fase: {previous}  →  afschaling":
        "Previous fase: {previous}  →  afschaling",
    "Vorige fase: {previous}  →  fase blijft gelijk":
        "Previous fase: {previous}  →  fase stays the same",
    "Batchtriage: {n} casussen":
        "Batch triage: {n} cases",
    "Kapstok {title} ({kapstok} {version})":
        "Kapstok {title} ({kapstok} {version})",
    "{log}  (nog leeg)":
        "{log}  (still empty)",
    "{log}  ({n} open casus)":
        "{log}  ({n} open case)",
    "{log}  ({n} open casussen)":
        "{log}  ({n} open cases)",
    "ave {version}: AVE, Aanpak ter Voorkoming van Escalatie":
        "ave {version}: AVE, Aanpak ter Voorkoming van Escalatie (preventing escalation)",
    "Casus afgesloten (was fase {phase}).":
        "Case closed (was fase {phase}).",
    "{date} ({days} dagen)":
        "{date} ({days} days)",
    "Advies was {advised}; motivering: {motivation}":
        "Advice was {advised}; motivation: {motivation}",
    "Signalen: {signals}":
        "Signals: {signals}",
    "In overleg met: {names}":
        "In overleg met (consulted): {names}",
    "Meningsverschil beslecht door {who}":
        "Meningsverschil (disagreement) settled by {who}",
    "Notitie: {note}":
        "Note: {note}",
    "Open casussen: {n}":
        "Open cases: {n}",
    "{kind} {date}":
        "{kind} {date}",
    "Overgeslagen: {cases}.":
        "Skipped: {cases}.",
    "Vastgelegd: {n} besluiten (herbeoordeling).":
        "Recorded: {n} decisions (reevaluation).",
    "AVE volgens kapstok {title} ({kapstok} {version})":
        "AVE according to kapstok {title} ({kapstok} {version})",
    "Als één van deze criteria geldt:":
        "When one of these criteria holds:",
    "Als al deze criteria gelden:":
        "When all of these criteria hold:",
    "Fase {phase} · kapstok {kapstok}":
        "Fase {phase} · kapstok {kapstok}",
    "{role} per fase · kapstok {kapstok}":
        "{role} per fase · kapstok {kapstok}",
    "Genoemd: casusregisseur {casusregisseur}, procesregisseur {procesregisseur}":
        "Named: casusregisseur {casusregisseur}, procesregisseur {procesregisseur}",
    "Door: {who}\nNaar {phase} bij: {criteria}":
        "By: {who}\nTo {phase} when: {criteria}",
    "Bij een meningsverschil besluit: {who}":
        "In a meningsverschil (disagreement) the decision lies with: {who}",
    "\nOpschalen vanuit {phase} gebeurt volgens de kapstok door: {who}":
        "\nOpschalen from {phase} is done, according to the kapstok, by: {who}",
    "Meningsverschil beslecht door: {who}":
        "Meningsverschil (disagreement) settled by: {who}",
    "afgesloten op {date}":
        "closed on {date}",
    "Casus {case}":
        "Case {case}",
    "… en nog {n} casussen; --limit 0 toont ze allemaal, --format csv geeft ze voor een spreadsheet.":
        "… and {n} more cases; --limit 0 shows them all, --format csv gives them for a spreadsheet.",
    "Fase verandert: {n} casussen":
        "Fase changes: {n} cases",
    "Aandeel: {share}.":
        "Share: {share}.",
    "Door: {who}\nDit is de hoogste fase.":
        "By: {who}\nThis is the highest fase.",
    "{advice} Waarom: {reasons}":
        "{advice} Why: {reasons}",
    "Bij een meningsverschil over op- of afschalen besluit volgens de kapstok: {who} (leg vast met --decided-by).":
        "In a meningsverschil (disagreement) about opschalen or afschalen the kapstok says the decision lies with: {who} (record it with --decided-by).",
    "Genoemd: casusregisseur {name}":
        "Named: casusregisseur {name}",
    "… en nog {n}; --limit 0 toont ze allemaal, --format json geeft ze voor een script.":
        "… and {n} more; --limit 0 shows them all, --format json gives them for a script.",
    "Bij een meningsverschil over op- of afschalen besluit: {who}.":
        "In a meningsverschil (disagreement) about opschalen or afschalen the decision lies with: {who}.",
    "Genoemd: procesregisseur {name}":
        "Named: procesregisseur {name}",
    "evaluatie te laat":
        "evaluation overdue",
    "lang in hoge fase: overweeg afschalen":
        "long in a high fase: consider afschalen",
    "casusregisseur ontbreekt":
        "casusregisseur missing",
    "procesregie geadviseerd, niet benoemd":
        "procesregie advised, nobody named",
    "geen (volledige) triage-antwoorden":
        "no (complete) triage answers",
    "kapstok '{kapstok_name}' niet beschikbaar":
        "kapstok '{kapstok_name}' not available",
    "gebruikersconfiguratie {path}: sleutel '{key}' is onbekend of geen tekst (toegestaan: {allowed})":
        "user config {path}: key '{key}' is unknown or not text (allowed: {allowed})",
    "gebruikersconfiguratie {path} is onleesbaar ({exc}); herstel of verwijder het bestand":
        "user config {path} cannot be read ({exc}); repair or remove the file",
    "onbekende kapstok '{spec}'; kies uit {names} of geef het pad van een kapstokbestand":
        "unknown kapstok '{spec}'; choose from {names} or give the path of a kapstok file",
    "{what}: {path} bestaat niet":
        "{what}: {path} does not exist",
    "{what}: {path} is een map, geen bestand":
        "{what}: {path} is a folder, not a file",
    "{what}: {path} is onleesbaar ({strerror})":
        "{what}: {path} cannot be read ({strerror})",
    "AVE (Aanpak ter Voorkoming van Escalatie) beantwoordt één vraag: wie heeft in deze fase welke regie, en wanneer schalen we op of af? Het gaat om huishoudens met oplopende problemen waarbij meerdere organisaties uit zorg en veiligheid betrokken zijn.":
        "AVE (Aanpak ter Voorkoming van Escalatie, the approach to prevent escalation) answers one question: who holds which direction (regie) in this fase, and when do we scale up or down? It concerns households with mounting problems where several organisations from care and safety are involved.",
    "De professional die de ondersteuning van het huishouden coördineert, het ene integrale plan bewaakt (één gezin, één plan, één regisseur) en het aanspreekpunt van de inwoner blijft.":
        "The professional who coordinates the support of the household, guards the one integrated plan (one family, one plan, one regisseur) and remains the resident's point of contact.",
    "Coördineert de samenwerking tussen organisaties als die stagneert, onveilig of ineffectief is; nooit meer dan één per casus, geen direct contact met de inwoner, en altijd naast de casusregie.":
        "Coordinates the cooperation between organisations when it stalls, is unsafe or ineffective; never more than one per case, no direct contact with the resident, and always alongside the casusregie.",
    "De leidinggevende die aanspreekbaar is op het werk van de regisseurs.":
        "The manager who is accountable for the work of the regisseurs.",
    "De gekozen bestuurder met de uiteindelijke politieke verantwoordelijkheid (wethouder, burgemeester, college).":
        "The elected official with the final political responsibility (alderman, mayor, the municipal executive).",
    "Eén casusregisseur per casus.":
        "One casusregisseur per case.",
    "Eén integraal plan over alle leefgebieden van alle gezinsleden.":
        "One integrated plan across all areas of life of all family members.",
    "De uitgangssituatie van de fase is leidend; geen onderscheid naar doelgroep of thema.":
        "The starting situation of the fase leads; no distinction by target group or theme.",
    "Schaal af als de stagnatie is opgeheven en/of de veiligheid beheersbaar is.":
        "Scale down when the stagnation is resolved and/or safety is under control.",
    "Horizontaal opschalen":
        "Horizontal opschalen",
    "De situatie verandert: de casus gaat naar een andere fase (ave escalate --to FASE, of ave deescalate --to FASE).":
        "The situation changes: the case moves to another fase (ave escalate --to FASE, or ave deescalate --to FASE).",
    "Verticaal opschalen":
        "Vertical opschalen",
    "De fase blijft, maar de casus heeft een andere functionaris nodig: meestal voegt de casusregisseur een procesregisseur toe omdat de hulp geen effect heeft, de samenwerking stagneert of de veiligheid in het geding is (ave escalate --role procesregie).":
        "The fase stays, but the case needs another official: usually the casusregisseur adds a procesregisseur because the help has no effect, cooperation stalls or safety is at stake (ave escalate --role procesregie).",
    "Even belangrijk als opschalen: als de stagnatie is opgeheven en/of de veiligheid beheersbaar is, schaal je af.":
        "As important as scaling up: when the stagnation is resolved and/or safety is under control, you scale down.",
    # --- never lose, never leak, never lie (issue 11)
    "casus '{case}' is dezelfde casus als '{first}' (regel {line}): hoofdletters tellen niet mee":
        "case '{case}' is the same case as '{first}' (line {line}): letter case does not count",
    'besluit {id} bevat een nummer dat op een BSN lijkt; het caselog mag geen directe persoonsgegevens bevatten':
        'decision {id} holds a number that looks like a BSN; the caselog must hold no direct personal data',
    'kapstok {name} {version} (zoals vastgelegd) is hier niet beschikbaar, dus de fasen van de besluiten ermee zijn niet gecontroleerd; geef dat bestand mee met --kapstok PAD':
        'kapstok {name} {version} (as recorded) is not available here, so the fasen of the decisions made with it were not checked; pass that file with --kapstok PATH',
    'de index in {cache} kan niet worden gebruikt ({reason}); ave leest het caselog zelf (dat duurt langer, er gaat niets verloren)':
        'the index in {cache} cannot be used ({reason}); ave reads the caselog itself (slower, nothing is lost)',
    'het nieuwe caselog leest niet terug zoals het is geschreven':
        'the new caselog does not read back as it was written',
    'het geschreven bestand verschilt van wat ave schreef':
        'the file on disk differs from what ave wrote',
    'caselog {path} is geen gewoon bestand (maar een apparaat, pipe of socket); kies een bestandsnaam met --log':
        'caselog {path} is not a regular file (but a device, pipe or socket); choose a file name with --log',
    'herstel afgebroken: het quarantainebestand {quarantine} kon niet volledig worden geschreven ({strerror}); het caselog is niet gewijzigd. Maak ruimte vrij en probeer het opnieuw':
        'repair stopped: the quarantine file {quarantine} could not be written in full ({strerror}); the caselog was not changed. Free some space and try again',
    'opschonen afgebroken: het nieuwe caselog kon niet volledig worden geschreven ({strerror}); het caselog is niet gewijzigd en er is niets verwijderd. Maak ruimte vrij en probeer het opnieuw':
        'purge stopped: the new caselog could not be written in full ({strerror}); the caselog was not changed and nothing was removed. Free some space and try again',
    'afgebroken, maar het besluit {ids} was al opgeslagen (zie ave show); sla het niet nog eens op':
        'interrupted, but decision {ids} had already been saved (see ave show); do not save it again',
    'afgebroken, maar de {n} besluiten {ids} waren al opgeslagen (zie ave show); sla ze niet nog eens op':
        'interrupted, but the {n} decisions {ids} had already been saved (see ave show); do not save them again',
    'Seconden wachten op het slot van het caselog (0 tot en met 3600).':
        'Seconds to wait for the lock on the caselog (0 to 3600).',
    'Afgebroken op je verzoek; er is niets opgeslagen.':
        'Stopped at your request; nothing was saved.',
    'geef een aantal seconden van 0 tot en met {most:g}':
        'give a number of seconds from 0 to {most:g}',
    '(ter informatie) ':
        '(for information) ',
    'de index in de cache week af van het caselog (een wijziging die hij niet zag); hij is opnieuw opgebouwd':
        'the index in the cache differed from the caselog (a change it did not see); it was rebuilt',
    'Let op: casus {case} is eerder beoordeeld met kapstok {old}; deze triage gebruikt kapstok {new} (--kapstok)':
        'Note: case {case} was assessed with kapstok {old} before; this triage uses kapstok {new} (--kapstok)',
    'Casus {case} is beoordeeld met kapstok {old}; deze triage gebruikt die ook':
        'Case {case} was assessed with kapstok {old}; this triage uses it too',
    'Casus {case} (zo staat hij in het caselog; je schreef {typed})':
        'Case {case} (as written in the caselog; you wrote {typed})',
    'te diep geneste TOML':
        'TOML nested too deeply',
    "veld 'prev' is geen zegel":
        "field 'prev' is not a seal",
    'de kop met de opgeschoonde besluiten (purge) is gewijzigd: de keten klopt niet':
        'the header with the purged decisions was changed: the chain does not hold',
    'record zonder ketenschakel (prev) na geketende records: ingevoegd?':
        'record without a chain link (prev) after chained records: inserted?',
    'de keten is onderbroken: dit record volgt niet op het record ervoor (een record is verwijderd, verplaatst of gewijzigd)':
        'the chain is broken: this record does not follow the record before it (a record was removed, moved or changed)',
    'antwoordbestand {source} is te diep genest':
        'answers file {source} is nested too deeply',
    'batchbestand {source} is te diep genest':
        'batch file {source} is nested too deeply',
    '{label}: te diep genest':
        '{label}: nested too deeply',
    '{what}: {source} is groter dan {size} MB; zo groot is geen geldig bestand van deze soort':
        '{what}: {source} is larger than {size} MB; no valid file of this kind is that large',
    '{what}: er is geen standaardinvoer (stdin is gesloten); geef een bestand':
        '{what}: there is no standard input (stdin is closed); give a file',
    'gebruikersconfiguratie':
        'user config',
    'gebruikersconfiguratie {path} is te diep genest; herstel of verwijder het bestand':
        'user config {path} is nested too deeply; repair or remove the file',
    '{what}: {path} is geen gewoon bestand (maar een apparaat, pipe of socket); geef een bestand of -':
        '{what}: {path} is not a regular file (but a device, pipe or socket); give a file or -',
    '{what}: standaardinvoer is niet leesbaar; geef een bestand':
        '{what}: standard input cannot be read; give a file',
    # --- casuistiek, kapstok test and diff, trace (issue 12)
    'Toon de kapstok: per fase wie casusregie, procesregie, operationele en bestuurlijke verantwoordelijkheid heeft, met wie wordt overlegd en wanneer je op- en afschaalt.\n\nMet `ave kapstok test` toets je de kapstok aan zijn eigen casuïstiek, met `ave kapstok diff` vergelijk je twee kapstokken.\n\n[bold]Voorbeelden[/bold]\n\n  ave kapstok\n\n  ave kapstok --kapstok westerkwartier\n\n  ave kapstok --list\n\n  ave kapstok test --kapstok westerkwartier\n':
        'Show the kapstok: per fase who holds casusregie, procesregie, operational and bestuurlijke responsibility, who is consulted and when you scale up or down.\n\nWith `ave kapstok test` you test the kapstok against its own casuïstiek, with `ave kapstok diff` you compare two kapstokken.\n\n[bold]Examples[/bold]\n\n  ave kapstok\n\n  ave kapstok --kapstok westerkwartier\n\n  ave kapstok --list\n\n  ave kapstok test --kapstok westerkwartier\n',
    'Toets de kapstok aan zijn eigen casuïstiek ([[casus]] in het kapstokbestand): per casus de verwachte en de gekregen fase en rollen, met de redenen van de regels. Daarna de voorwaarden en lokale regels die geen enkele casus laat gelden. Exitcode 1 als een casus faalt (en met --strict ook bij een voorwaarde zonder casus), zodat een gemeente dit in haar eigen CI kan draaien.\n\n[bold]Voorbeelden[/bold]\n\n  ave kapstok test\n\n  ave kapstok test --kapstok westerkwartier --strict\n\n  ave kapstok test --kapstok westerkwartier --trace -f json\n':
        'Test the kapstok against its own casuïstiek ([[casus]] in the kapstok file): per case the expected and the actual fase and roles, with the reasons of the rules. Then the conditions and local rules that no case makes hold. Exit code 1 when a case fails (and with --strict also for a condition without a case), so that a municipality can run this in its own CI.\n\n[bold]Examples[/bold]\n\n  ave kapstok test\n\n  ave kapstok test --kapstok westerkwartier --strict\n\n  ave kapstok test --kapstok westerkwartier --trace -f json\n',
    'Vergelijk twee kapstokken (namen of paden) over alle combinaties van antwoorden op de triagevragen en over de casuïstiek van beide: een matrix van fase (oud) naar fase (nieuw) met aantallen, en per veranderde cel één voorbeeld met de redenen aan beide kanten. Met --log hetzelfde over de laatste antwoorden van de open casussen; er wordt niets geschreven.\n\n[bold]Voorbeelden[/bold]\n\n  ave kapstok diff handreiking westerkwartier\n\n  ave kapstok diff handreiking mijngemeente.toml -f json\n\n  ave kapstok diff handreiking westerkwartier --log caselog.toml\n':
        'Compare two kapstokken (names or paths) over every combination of answers to the triage questions and over the casuïstiek of both: a matrix from fase (old) to fase (new) with counts, and per changed cell one example with the reasons on both sides. With --log the same over the latest answers of the open cases; nothing is written.\n\n[bold]Examples[/bold]\n\n  ave kapstok diff handreiking westerkwartier\n\n  ave kapstok diff handreiking mijngemeente.toml -f json\n\n  ave kapstok diff handreiking westerkwartier --log caselog.toml\n',
    'Een voorwaarde of lokale regel zonder casus is een fout.':
        'A condition or local rule without a case is an error.',
    'Toon per casus elke geprobeerde fase en voorwaarde.':
        'Show per case every fase and condition tried.',
    'De kapstok waarmee je vergelijkt.':
        'The kapstok you compare with.',
    'De nieuwe kapstok.':
        'The new kapstok.',
    'Toon hoe de regels tot hun advies kwamen: elke fase van boven af, elke voorwaarde met of hij geldt en de antwoorden erachter.':
        'Show how the rules reached their advice: every fase from the top, every condition with whether it holds and the answers behind it.',
    "'expected_share' moet een getal van 0 tot en met 1 zijn (een aandeel van de huishoudens, 0.15 voor 15%)":
        "'expected_share' must be a number from 0 to 1 (a share of households, 0.15 for 15%)",
    "twee casussen heten '{naam}'":
        "two cases are called '{naam}'",
    "antwoord ontbreekt voor '{key}' (die vraag heeft geen standaardwaarde)":
        "answer missing for '{key}' (that question has no default)",
    "fase '{fase}' bestaat niet in deze kapstok (fasen: {items})":
        "fase '{fase}' does not exist in this kapstok (fasen: {items})",
    'Naar de fase erboven bij':
        'To the fase above when',
    'Afschalen door':
        'Afschalen by',
    'Signalen':
        'Signals',
    'Door: {who}':
        'By: {who}',
    'Bij een meningsverschil over op- of afschalen besluit: {who}':
        'In a disagreement about scaling up or down, this person decides: {who}',
    'Regel':
        'Rule',
    'Voorwaarde':
        'Condition',
    'Geldt':
        'Holds',
    'Antwoorden':
        'Answers',
    'van \\ naar':
        'from \\ to',
    'Zo kwamen de regels tot hun advies':
        'How the rules reached their advice',
    'Deze kapstok heeft geen casuïstiek: voeg [[casus]] toe (zie README).':
        'This kapstok has no casuïstiek: add [[casus]] (see the README).',
    'Fout (--strict): geen casus laat deze voorwaarden gelden:':
        'Error (--strict): no case makes these conditions hold:',
    'Let op: geen casus laat deze voorwaarden gelden:':
        'Note: no case makes these conditions hold:',
    'Elke voorwaarde en elke lokale regel wordt door een casus gedekt.':
        'Every condition and every local rule is covered by a case.',
    'een van':
        'any of',
    'alle':
        'all',
    'anders':
        'otherwise',
    '{passed} van {total} casussen geslaagd.':
        '{passed} of {total} cases passed.',
    'fase {phase}: {condition}':
        'fase {phase}: {condition}',
    'lokale regel: {reason}':
        'local rule: {reason}',
    'de laatste antwoorden van {n} open casussen':
        'the latest answers of {n} open cases',
    'alle {n} combinaties van antwoorden':
        'all {n} combinations of answers',
    '{changed} van {total} komen in een andere fase uit.':
        '{changed} of {total} end up in another fase.',
    'Casuïstiek: {moved} van {total} casussen komen in een andere fase uit.':
        'Casuïstiek: {moved} of {total} cases end up in another fase.',
    'Casuïstiek van kapstok {name} {version}':
        'Casuïstiek of kapstok {name} {version}',
    'verwacht {expected}, kreeg {got}':
        'expected {expected}, got {got}',
    'Van {old} {old_version} naar {new} {new_version}, over {scope}':
        'From {old} {old_version} to {new} {new_version}, over {scope}',
    '{before} -> {after}, bijvoorbeeld:':
        '{before} -> {after}, for example:',
    'oud: {reasons}':
        'old: {reasons}',
    'nieuw: {reasons}':
        'new: {reasons}',
    "{what}: verwacht '{expected}', kreeg '{got}'":
        "{what}: expected '{expected}', got '{got}'",
    "'{topic}' is geen fase, rol of begrip van kapstok {kap}; kies een fase ({items}), een rol ({roles}) of een begrip ({terms})":
        "'{topic}' is not a fase, role or term of kapstok {kap}; choose a fase ({items}), a role ({roles}) or a term ({terms})",
    'Begrippen van deze kapstok':
        'Terms of this kapstok',
    'Een begrip: ave uitleg {term}':
        'A term: ave uitleg {term}',
    # typer's and click's own words (chrome.py), and the narrow report and history layouts
    "'{value}' past niet bij {option} (kies uit: {choices})":
        "'{value}' does not fit {option} (choose from: {choices})",
    "'{value}' past niet bij {option}: geef een getal":
        "'{value}' does not fit {option}: give a number",
    '(bedoel je {options}?)':
        '(did you mean {options}?)',
    '(verouderd) ':
        '(deprecated) ',
    'Afgebroken.':
        'Aborted.',
    'Argumenten':
        'Arguments',
    'Fase, sinds':
        'Fase, since',
    'Fout':
        'Error',
    'Gebruik: ':
        'Usage: ',
    'Installeer tab-aanvulling voor je shell.':
        'Install tab completion for your shell.',
    'Let op':
        'Attention',
    'OPDRACHT [ARGUMENTEN]...':
        'COMMAND [ARGS]...',
    'Opdrachten':
        'Commands',
    'Opties':
        'Options',
    'Regie':
        'Regie',
    'Toon deze hulp en stop.':
        'Show this help and exit.',
    'Toon het aanvullingsscript voor je shell, om het zelf te installeren.':
        'Show the completion script for your shell, to install it yourself.',
    "Zie [blue]'{command_path} {help_option}'[/] voor hulp.":
        "See [blue]'{command_path} {help_option}'[/] for help.",
    '[OPTIES]':
        '[OPTIONS]',
    '[omgevingsvariabele: {}]':
        '[env var: {}]',
    '[standaard: {}]':
        '[default: {}]',
    '[verplicht]':
        '[required]',
    'argument {name} ontbreekt':
        'argument {name} is missing',
    'casus: {casusregisseur}\nproces: {procesregisseur}':
        'casus: {casusregisseur}\nproces: {procesregisseur}',
    'geef een opdracht':
        'give a command',
    "onbekende opdracht '{name}'":
        "unknown command '{name}'",
    "onbekende opdracht '{name}' (bedoel je '{other}'?)":
        "unknown command '{name}' (did you mean '{other}'?)",
    'onbekende optie {option}':
        'unknown option {option}',
    'ongeldige waarde voor {option}: {message}':
        'invalid value for {option}: {message}',
    'onverwacht extra argument: {args}':
        'unexpected extra argument: {args}',
    'optie {name} ontbreekt':
        'option {name} is missing',
    'optie {option} neemt geen waarde':
        'option {option} takes no value',
    'optie {option} verwacht een waarde':
        'option {option} needs a value',
    '{name} ontbreekt':
        '{name} is missing',
    '{phase}\n{date}\n{days} dagen':
        '{phase}\n{date}\n{days} days',
    "onbekende fase '{name}' (kies uit {phases})":
        "unknown fase '{name}' (choose from {phases})",
    'Vastleggen zonder te vragen (nodig zonder terminal).':
        'Record without asking (needed without a terminal).',
    'bevestig het vastleggen met --yes (er is geen terminal om het te vragen); niets vastgelegd':
        'confirm recording with --yes (there is no terminal to ask); nothing recorded',
    '{n} besluiten (herbeoordeling) vastleggen?':
        'Record {n} decisions (reevaluation)?',
    'Ja, vastleggen':
        'Yes, record',
    '(pijltjes, Enter; ← terug)':
        '(arrows, Enter; ← back)',
    '(spatie kiest, Enter bevestigt, ← terug)':
        '(space selects, Enter confirms, ← back)',
    'Besloten: fase {phase}, afwijkend van het advies ({advised}).':
        'Decided: fase {phase}, departing from the advice ({advised}).',
    'Bevestigen: fase {phase}, afwijkend van het advies (proefdraai)':
        'Confirm: fase {phase}, departing from the advice (dry run)',
    'Bevestigen: fase {phase}, het advies (proefdraai)':
        'Confirm: fase {phase}, the advice (dry run)',
    'Het advies ({advised}) rustte op':
        'The advice ({advised}) rested on',
    'Motivering: {motivation}':
        'Motivation: {motivation}',
    '← Terug naar het overzicht':
        '← Back to the overview',
    '← Vorige vraag':
        '← Previous question',
    '{name} (volgens de kapstok: {role})':
        '{name} (per the kapstok: {role})',
    'caselog {log} staat op een netwerkschijf ({kind}): bestandsloten zijn daar onbetrouwbaar en besluiten kunnen verloren gaan; houd het caselog op een lokale schijf':
        'caselog {log} is on a network drive ({kind}): file locks cannot be trusted there and decisions can be lost; keep the caselog on a local disk',
    'Alleen deze casus (hoofdletters tellen niet mee).':
        'Only this case (letter case does not count).',
    'Geen toegang vastgelegd die aan de filters voldoet.':
        'No access recorded that matches the filters.',
    'Toegang: {n} keer':
        'Access: {n} times',
    'Wanneer':
        'When',
    'Actie':
        'Action',
    'Resultaat':
        'Result',
    'toeganglog {path} is onleesbaar ({problem})':
        'access log {path} cannot be read ({problem})',
    'toeganglog {path}: regel {line} is beschadigd':
        'access log {path}: line {line} is damaged',
    'Toon het toeganglog: wie welke casus heeft ingezien of gewijzigd, wanneer, met welke opdracht en met welk resultaat (BIO, NEN 7513). Elke opdracht die een casus leest (show, report, export, reevaluate) of schrijft, voegt er een regel aan toe; het log staat naast het caselog (caselog.toml.toegang) en wordt nooit herschreven.\n\n[bold]Voorbeelden[/bold]\n\n  ave audit --case WT-17\n\n  ave audit --by tester --format json\n':
        'Show the access log: who viewed or changed which case, when, with which command and with which result (BIO, NEN 7513). Every command that reads a case (show, report, export, reevaluate) or writes one adds a line; the log sits beside the caselog (caselog.toml.toegang) and is never rewritten.\n\n[bold]Examples[/bold]\n\n  ave audit --case WT-17\n\n  ave audit --by tester --format json\n',
    'het besluit is opgeslagen, maar het toeganglog {path} kon niet worden bijgewerkt ({strerror})':
        'the decision is saved, but the access log {path} could not be updated ({strerror})',
    'het toeganglog {path} kon niet worden bijgewerkt ({strerror}); er is niets getoond of opgeslagen':
        'the access log {path} could not be updated ({strerror}); nothing was shown or saved',
    "'{value}' is geen PostgreSQL-adres; het begint met postgresql://":
        "'{value}' is not a PostgreSQL address; it starts with postgresql://",
    '--log moet het caselog-bestand zijn dat je kopieert':
        '--log must be the case log file you copy',
    'Casus {case} is gedeeld met team {team}.':
        'Case {case} is shared with team {team}.',
    'De casus.':
        'The case.',
    'De gedeelde store van een team in PostgreSQL: inrichten, teams, casussen delen. Elke andere opdracht werkt er ook mee: geef --log postgresql://... (of $AVE_LOG).\n\n[bold]Voorbeelden[/bold]\n\n  ave store init postgresql://ave_eigenaar@db.gemeente.nl/ave\n\n  ave store add-team noord --log postgresql://ave_eigenaar@db.gemeente.nl/ave\n':
        "A team's shared store in PostgreSQL: set it up, make teams, share cases. Every other command works with it too: give --log postgresql://... (or $AVE_LOG).\n\n[bold]Examples[/bold]\n\n  ave store init postgresql://ave_eigenaar@db.gemeente.nl/ave\n\n  ave store add-team noord --log postgresql://ave_eigenaar@db.gemeente.nl/ave\n",
    'De naam van het team.':
        "The team's name.",
    'De store (postgresql://...).':
        'The store (postgresql://...).',
    'De store {url} is al bij (schemaversie {version}).':
        'The store {url} is up to date (schema version {version}).',
    'De store {url} is ingericht (schemaversie {before} → {after}). Maak nu teams met: ave store add-team NAAM --log {url}':
        'The store {url} is set up (schema version {before} → {after}). Now make teams with: ave store add-team NAME --log {url}',
    'Het adres van de database (postgresql://gebruiker@host/database), zonder wachtwoord: dat staat in ~/.pgpass.':
        'The database address (postgresql://user@host/database), without a password: that lives in ~/.pgpass.',
    "Het hele caselog als JSON Lines of CSV: één rij per besluit, met de antwoorden, rollen en kapstok als eigen kolommen (answers.problematiek, roles.casusregie, ...). Voor de eigen analyse van de gemeente; bewaar de export even zorgvuldig als het caselog zelf.\n\nIn CSV krijgen cellen die met =, +, - of @ beginnen een ' ervoor, zodat een spreadsheet ze niet als formule uitvoert.\n\nMet --format toml komt er een geldig caselog-bestand uit (elk besluit opnieuw gezegeld en geketend): de weg terug uit de store van een team.\n\n[bold]Voorbeelden[/bold]\n\n  ave export > besluiten.jsonl\n\n  ave export --format csv --output besluiten.csv\n\n  ave export --format toml --output kopie.toml\n":
        "The whole case log as JSON Lines or CSV: one row per decision, with the answers, roles and kapstok as columns of their own (answers.problematiek, roles.casusregie, ...). For the municipality's own analysis; keep the export as carefully as the case log itself.\n\nIn CSV, cells that start with =, +, - or @ get a ' in front, so that a spreadsheet does not run them as a formula.\n\nWith --format toml the output is a valid case log file (every decision sealed and chained anew): the way back out of a team's store.\n\n[bold]Examples[/bold]\n\n  ave export > besluiten.jsonl\n\n  ave export --format csv --output besluiten.csv\n\n  ave export --format toml --output kopie.toml\n",
    'Het team dat de casus gaat zien.':
        'The team that will see the case.',
    'In de store van een team: het team waar een nieuwe casus bij hoort. Standaard: $AVE_TEAM, de gebruikersconfiguratie, of je enige team.':
        "In a team's store: the team a new case belongs to. Default: $AVE_TEAM, the user config, or your only team.",
    'Kopieer een caselog-bestand naar de store van je team. Nog eens uitvoeren voegt niets toe (elk besluit heeft een eigen id); daarna wordt de keten van elke casus gecontroleerd. De weg terug: ave export --format toml.\n\n[bold]Voorbeeld[/bold]\n\n  ave migrate --log caselog.toml --to postgresql://anna@db.gemeente.nl/ave --team noord\n':
        "Copy a case log file into your team's store. Running it again adds nothing (every decision has its own id); afterwards every case's chain is checked. The way back: ave export --format toml.\n\n[bold]Example[/bold]\n\n  ave migrate --log caselog.toml --to postgresql://anna@db.gemeente.nl/ave --team noord\n",
    'Maak een team: een PostgreSQL-rol zonder login. Wie in het team werkt, krijgt de rol (GRANT noord TO anna) en ziet dan de casussen van het team, en alleen die.\n\n[bold]Voorbeeld[/bold]\n\n  ave store add-team noord --log postgresql://ave_eigenaar@db.gemeente.nl/ave\n':
        "Make a team: a PostgreSQL role without login. Whoever works in the team gets the role (GRANT noord TO anna) and then sees the team's cases, and only those.\n\n[bold]Example[/bold]\n\n  ave store add-team noord --log postgresql://ave_eigenaar@db.gemeente.nl/ave\n",
    'NIET in orde':
        'NOT in order',
    'Pad van het caselog, of het adres van de store van je team (postgresql://...). Standaard: $AVE_LOG, de gebruikersconfiguratie, of caselog.toml in de gebruikersdatamap.':
        "Path of the case log, or the address of your team's store (postgresql://...). Default: $AVE_LOG, the user config, or caselog.toml in the user data folder.",
    'Team {team} bestond al.':
        'Team {team} already existed.',
    'Team {team} gemaakt. Geef mensen toegang met: GRANT {team} TO <inlognaam>;':
        'Team {team} made. Give people access with: GRANT {team} TO <login>;',
    'Team {team} zag casus {case} al.':
        'Team {team} could already see case {case}.',
    'caselog {log} is beschadigd (regel {line}); herstel het eerst met ave check --repair':
        'case log {log} is damaged (line {line}); repair it first with ave check --repair',
    ' (en {n} meer)':
        ' (and {n} more)',
    'de store gaf een fout ({problem}), nadat {ids} was opgeslagen (zie ave show)':
        'the store gave an error ({problem}), after {ids} had been saved (see ave show)',
    'de store gaf een fout ({problem}); er is niets opgeslagen':
        'the store gave an error ({problem}); nothing was saved',
    'de store heeft schemaversie {found}, nieuwer dan deze ave ({known}); werk ave bij':
        'the store has schema version {found}, newer than this ave ({known}); upgrade ave',
    'de store is bezet (wachttijd {seconds:g} s verstreken); er is niets opgeslagen; probeer het opnieuw':
        'the store is busy (waited {seconds:g} s); nothing was saved; try again',
    'de store van je team heeft geen index in de cache; er is niets opnieuw op te bouwen (ave check vergelijkt de casustabel met de besluiten)':
        "your team's store has no index in the cache; there is nothing to rebuild (ave check compares the case table with the decisions)",
    'de store weigert het besluit ({problem}); er is niets opgeslagen':
        'the store refuses the decision ({problem}); nothing was saved',
    'de store {url} gaf een fout ({problem}); er is niets opgeslagen':
        'the store {url} gave an error ({problem}); nothing was saved',
    "de store {url} heeft schemaversie {found}, deze ave kent {known}; werk ave bij of laat 'ave store init' uitvoeren":
        "the store {url} has schema version {found}, this ave knows {known}; upgrade ave or have 'ave store init' run",
    'de store {url} is niet bereikbaar ({problem})':
        'the store {url} cannot be reached ({problem})',
    'delen mislukt ({problem}); er is niets gewijzigd':
        'sharing failed ({problem}); nothing was changed',
    'dit werkt alleen met een PostgreSQL-store; geef --log postgresql://... of zet $AVE_LOG':
        'this works only with a PostgreSQL store; give --log postgresql://... or set $AVE_LOG',
    'in orde':
        'in order',
    'inrichten van de store {url} mislukt ({problem}); er is niets gewijzigd':
        'setting up the store {url} failed ({problem}); nothing was changed',
    "je bent geen lid van team '{team}' in de store (je teams: {teams})":
        "you are not a member of team '{team}' in the store (your teams: {teams})",
    'je bent lid van geen enkel team in de store {url}; vraag de beheerder om: GRANT <team> TO {user}':
        'you are not a member of any team in the store {url}; ask the administrator for: GRANT <team> TO {user}',
    'je bent lid van geen enkel team in de store; vraag de beheerder om: GRANT <team> TO {user}':
        'you are not a member of any team in the store; ask the administrator for: GRANT <team> TO {user}',
    'je bent lid van meer teams ({teams}); kies er een met --team of $AVE_TEAM':
        'you are a member of several teams ({teams}); choose one with --team or $AVE_TEAM',
    'jsonl, csv of toml (een caselog).':
        'jsonl, csv or toml (a case log).',
    "team '{team}' bestaat niet in de store":
        "team '{team}' does not exist in the store",
    'team {team} kon niet worden gemaakt ({problem}); er is niets gewijzigd':
        'team {team} could not be made ({problem}); nothing was changed',
    "voor een PostgreSQL-store is psycopg nodig: pip install 'ave-cli[postgresql]'":
        "a PostgreSQL store needs psycopg: pip install 'ave-cli[postgresql]'",
    'zet geen wachtwoord in het adres van de store; gebruik ~/.pgpass of een servicebestand (libpq)':
        "do not put a password in the store's address; use ~/.pgpass or a service file (libpq)",
    '{added} van {total} besluiten toegevoegd aan {store} (de rest stond er al); de keten van elke casus is {verdict}.':
        "{added} of {total} decisions added to {store} (the rest was there already); every case's chain is {verdict}.",
    '{url} is geen geldig PostgreSQL-adres ({problem})':
        '{url} is not a valid PostgreSQL address ({problem})',
    'Batchtriage: {n} casussen, per fase':
        'Batch triage: {n} cases, per fase',
    '{saved}; elke casus apart: --format json':
        '{saved}; every case on its own: --format json',
    '(niet genoemd)':
        '(not named)',
    '--team werkt alleen met de store van een team (postgresql://...)':
        "--team works only with a team's store (postgresql://...)",
    '--until ligt voor --since':
        '--until lies before --since',
    '90e percentiel':
        '90th percentile',
    '< 5 verblijven':
        '< 5 stays',
    'AVE-evaluatie':
        'AVE evaluation',
    'Afgeweken':
        'Departed',
    'Afwijken van het advies':
        'Departures from the advice',
    'Alleen in deze versie van het rapport: de casusnummers zelf. Bewaar en deel haar even zorgvuldig als het caselog.':
        'Only in this version of the report: the case ids themselves. Keep and share it as carefully as the case log.',
    'Besluiten':
        'Decisions',
    'Caselog: {log} · Kapstok: {kapstok} · Periode: {period} · Gemaakt: {made}':
        'Case log: {log} · Kapstok: {kapstok} · Period: {period} · Made: {made}',
    'Casussen met een signalering (--detail)':
        'Cases with a flag (--detail)',
    'Evaluatie van AVE (borgen)':
        'Evaluation of AVE (borgen)',
    'Evaluatierapport geschreven naar {output} ({cases} casussen, {open} open; open het in een browser of print het naar pdf).':
        'Evaluation report written to {output} ({cases} cases, {open} open; open it in a browser or print it to PDF).',
    'Gemaakt met ave; de cijfers komen uit de besluiten in het caselog, geteld zoals in ave_cli/core/evaluation.py beschreven.':
        'Made with ave; the figures come from the decisions in the case log, counted as ave_cli/core/evaluation.py describes.',
    'Hoe lees je dit: de balk is het aandeel van de open casussen in de fase, de stippellijn het aandeel dat de kapstok verwacht (expected_share). Een verschil van 10 procentpunt of meer staat in rood: kijk dan of de regels of de praktijk bijstelling nodig hebben.':
        'How to read this: the bar is the share of the open cases in the fase, the dotted line the share the kapstok expects (expected_share). A difference of 10 percentage points or more is in red: then see whether the rules or the practice need adjusting.',
    'Hoe lees je dit: een rij is de fase waar casussen vandaan kwamen, een kolom de fase waar ze heen gingen; hoe donkerder, hoe vaker. Boven de diagonaal is opschalen, eronder afschalen; overgeslagen fasen vragen om uitleg.':
        'How to read this: a row is the fase cases came from, a column the fase they went to; the darker, the more often. Above the diagonal is opschalen, below it afschalen; skipped fasen ask for an explanation.',
    'Hoe lees je dit: hoe lang casussen in een fase bleven (afgerond of nog lopend aan het eind van de periode), in dagen: de balk is het 90e percentiel, de stippellijn de termijn waarna de kapstok afschalen vraagt (long_in_phase_days).':
        'How to read this: how long cases stayed in a fase (finished, or still running at the end of the period), in days: the bar is the 90th percentile, the dotted line the term after which the kapstok asks for afschalen (long_in_phase_days).',
    'Hoe lees je dit: open casussen aan het eind van de periode waarbij de evaluatie te laat is, die lang in een hoge fase staan, waar de casusregisseur ontbreekt, of waar procesregie geadviseerd is maar niet benoemd; een afspraak over haar datum is, of er regie is zonder open afspraak.':
        'How to read this: open cases at the end of the period whose review is overdue, that stay long in a high fase, that lack a casusregisseur, or where procesregie was advised but not named; where an afspraak is past its date, or there is regie without an open afspraak.',
    'Hoe lees je dit: per geadviseerde fase hoe vaak de professional een andere fase koos dan de regels adviseerden, en in welke richting. Dit is het beste signaal dat de kapstok bijgesteld moet worden: vaak hoger kiezen wijst op regels die te laag adviseren, vaak lager op het omgekeerde.':
        'How to read this: per advised fase, how often the professional chose another fase than the rules advised, and in which direction. This is the best signal that the kapstok needs adjusting: often choosing higher points to rules that advise too low, often lower to the reverse.',
    'Hoe lees je dit: per maand de nieuwe casussen, de afgesloten, de afgeschaalde en de heropende. Heropende casussen zijn het teken dat afsluiten of afschalen te vroeg kwam.':
        'How to read this: per month the new cases, the closed, the afgeschaalde and the reopened ones. Reopened cases are the sign that closing or afschalen came too early.',
    'Hoger gekozen':
        'Chose higher',
    'Instroom en uitstroom per maand':
        'Inflow and outflow per month',
    'Kapstok {name}':
        'Kapstok {name}',
    'Lager gekozen':
        'Chose lower',
    'Maand':
        'Month',
    'Mediaan':
        'Median',
    'Met --format html: de periode loopt tot en met deze datum (JJJJ-MM-DD; standaard vandaag).':
        'With --format html: the period runs up to and including this date (YYYY-MM-DD; default today).',
    'Met --format html: ook casusnummers en namen van regisseurs.':
        'With --format html: also case ids and the names of regisseurs.',
    'Met --format html: schrijf naar dit nieuwe bestand (rechten 0600).':
        'With --format html: write to this new file (mode 0600).',
    'Met casusnummers (--detail): vertrouwelijk.':
        'With case ids (--detail): confidential.',
    'Open':
        'Open',
    'Open casussen':
        'Open cases',
    'Open casussen per casusregisseur: alleen met --detail (het zijn namen).':
        'Open cases per casusregisseur: only with --detail (they are names).',
    'Open casussen per fase':
        'Open cases per fase',
    'Open, over termijn':
        'Open, past the term',
    'Overgangen':
        'Transitions',
    'Overgangen tussen fasen':
        'Transitions between fasen',
    'Overzicht van de open casussen: het aantal per fase (met het aandeel), en per casus de fase, sinds wanneer, de regisseurs, het laatste besluit en de signaleringen.\n\nSignaleringen (per fase in te stellen in de kapstok): [bold]review[/bold] evaluatie te laat;\n[bold]long[/bold] lang in hoge fase, overweeg afschalen; [bold]casusregie[/bold] casusregisseur ontbreekt; [bold]procesregie[/bold] procesregie geadviseerd, niet benoemd.\n\n[bold]Voorbeelden[/bold]\n\n  ave report\n\n  ave report --phase AVE3 --phase AVE4 --flag review\n\n  ave report --all --format csv > casussen.csv\n\n  ave report --format html --output evaluatie.html --since 2026-01-01\n\nMet --format html komt er een evaluatierapport (borgen): één HTML-bestand voor de beleidsadviseur en de teamleider, met grafieken van de fasen tegen de verwachting van de kapstok, in- en uitstroom per maand, tijd in een fase, overgangen, afwijkingen van het advies en signaleringen. Zonder casusnummers of namen (tenzij --detail); aantallen onder 5 staan er als < 5. Het bestand werkt offline en print op A4.\n':
        "An overview of the open cases: the number per fase (with its share), and per case the fase, since when, the regisseurs, the latest decision and the flags.\n\nFlags (set per fase in the kapstok): [bold]review[/bold] review overdue;\n[bold]long[/bold] long in a high fase, consider afschalen; [bold]casusregie[/bold] casusregisseur missing; [bold]procesregie[/bold] procesregie advised, not named.\n\n[bold]Examples[/bold]\n\n  ave report\n\n  ave report --phase AVE3 --phase AVE4 --flag review\n\n  ave report --all --format csv > casussen.csv\n\n  ave report --format html --output evaluatie.html --since 2026-01-01\n\nWith --format html you get an evaluation report (borgen): one HTML file for the policy adviser and the teamleider, with charts of the fasen against the kapstok's expectation, inflow and outflow per month, time in a fase, transitions, departures from the advice and flags. Without case ids or names (unless --detail); counts under 5 show as < 5. The file works offline and prints on A4.\n",
    'Signalering':
        'Flag',
    'Termijn':
        'Term',
    'Tijd in een fase':
        'Time in a fase',
    'Verblijven':
        'Stays',
    'Verschil':
        'Difference',
    'Verwacht':
        'Expected',
    'Zonder casusnummers, notities of namen; aantallen van 1 tot 4 staan er als “< 5”.':
        'Without case ids, notes or names; counts from 1 to 4 show as “< 5”.',
    'afgeschaald':
        'afgeschaald',
    'afgeweken: {n}':
        'departed: {n}',
    'een fase overgeslagen':
        'a fase skipped',
    'geef een nieuw bestand met --output, bijvoorbeeld --output evaluatie.html':
        'give a new file with --output, for example --output evaluatie.html',
    'heropend':
        'reopened',
    'het begin':
        'the start',
    'opgeschaald':
        'opgeschaald',
    'p90: {p90} dagen':
        'p90: {p90} days',
    'procentpunt':
        'percentage points',
    'rapport naar {output} mislukt ({strerror})':
        'report to {output} failed ({strerror})',
    'text, json, csv of html (het evaluatierapport, met --output).':
        'text, json, csv or html (the evaluation report, with --output).',
    '{decisions} besluiten over {cases} casussen in de periode; {open} open aan het eind.':
        '{decisions} decisions about {cases} cases in the period; {open} open at the end.',
    '{n} open':
        '{n} open',
    "{option} '{text}' is geen datum; schrijf JJJJ-MM-DD":
        "{option} '{text}' is not a date; write YYYY-MM-DD",
    '{option} hoort bij --format html':
        '{option} belongs with --format html',
    '{share} van {n}':
        '{share} of {n}',
    '{start} t/m {end}':
        '{start} to {end}',
    'de casustabel van de store (ave.cases) wijkt af van de besluiten; hij is buiten ave om gewijzigd':
        "the store's case table (ave.cases) differs from the decisions; it was changed outside ave",
    'Alleen wat deze persoon deed: de naam die hij opgaf (--by), of in een store ook de inlognaam van de database.':
        'Only what this person did: the name they gave (--by), or in a store also their database login.',
    'Richt de store in, of werk het schema bij (met versie; nog eens uitvoeren verandert niets; een store van een eerdere versie wordt omgezet zonder een regel te verliezen). Uit te voeren door een beheerder: de eigenaar van de database, met het recht om rollen te maken (CREATEROLE). De tabellen komen van de rol ave_owner zonder login; de beheerder wordt daar geen lid van.\n\n[bold]Voorbeeld[/bold]\n\n  ave store init postgresql://ave_eigenaar@db.gemeente.nl/ave\n':
        'Set up the store, or bring its schema up to date (versioned; running it again changes nothing; a store of an earlier version is moved over without losing a row). To be run by an administrator: the owner of the database, with the right to create roles (CREATEROLE). The tables belong to the role ave_owner, which has no login; the administrator does not become a member of it.\n\n[bold]Example[/bold]\n\n  ave store init postgresql://ave_eigenaar@db.gemeente.nl/ave\n',
    'de teamnaam':
        'the team name',
    'Deel een casus van je eigen team met een ander team (bijvoorbeeld het Zorg- en Veiligheidshuis, dat werkt namens de partner die de casus inbrengt). Alleen het team van de casus kan hem delen; het andere team kan hem zien en er besluiten over vastleggen, maar niet verder delen, afsluiten voor een ander team of verwijderen. Het delen komt in het toeganglog.\n\n[bold]Voorbeeld[/bold]\n\n  ave store share WT-17 --team zvh\n':
        "Share a case of your own team with another team (for example the Zorg- en Veiligheidshuis, working on behalf of the partner who brings the case in). Only the case's own team can share it; the other team can see it and record decisions on it, but not share it further, close it for the other team or purge it. The share goes into the access log.\n\n[bold]Example[/bold]\n\n  ave store share WT-17 --team zvh\n",
    "teamnaam '{name}' kan niet: gebruik kleine letters, cijfers (ten hoogste {digits}) en _, beginnend met een letter":
        "team name '{name}' is not possible: use lower-case letters, digits (at most {digits}) and _, starting with a letter",
    'De store {url} is bijgewerkt (schemaversie {before} → {after}); er ging geen regel verloren:':
        'The store {url} was brought up to date (schema version {before} → {after}); no row was lost:',
    'geen geldige JSON':
        'not valid JSON',
    "veld 'time' is geen tijd":
        "field 'time' is not a time",
    '{n} besluiten overgezet (elk met zijn zegel; het record staat er nu als JSON en elk team nummert zijn eigen besluiten)':
        '{n} decisions moved (each with its seal; the record is now kept as JSON and each team numbers its own decisions)',
    '{n} casussen opnieuw afgeleid uit de besluiten':
        '{n} cases derived again from the decisions',
    '{n} regels van het toeganglog zijn het begin van de keten van elk team':
        "{n} rows of the access log are the start of each team's chain",
    'leden schrijven nu alleen via functies; de eigenaar is de rol {owner} zonder login, en de beheerder is geen lid meer van {owner} of ave_purger':
        'members now write only through functions; the owner is the role {owner}, which has no login, and the administrator is no longer a member of {owner} or ave_purger',
    '{n} beschadigde besluiten zijn bewaard zoals ze waren (ave check noemt ze)':
        '{n} damaged decisions were kept as they were (ave check names them)',
    "casus '{case}' is niet van een van je teams (alleen het team van de casus kan hem delen)":
        "case '{case}' is not one of your teams' cases (only the case's own team can share it)",
    'besluit {team}/{seq} van casus {case} is beschadigd ({problem}) en overgeslagen; ave check noemt het':
        'decision {team}/{seq} of case {case} is damaged ({problem}) and was passed over; ave check names it',
    "de store {url} is nog niet ingericht; laat de beheerder 'ave store init {url}' uitvoeren":
        "the store {url} has not been set up yet; have the administrator run 'ave store init {url}'",
    'de casusregel {team}/{case} in ave.cases is beschadigd en overgeslagen; ave check noemt hem':
        'the case row {team}/{case} in ave.cases is damaged and was passed over; ave check names it',
    'casus {cases} is zojuist door iemand anders bijgewerkt; er is niets opgeslagen; bekijk hem opnieuw (ave show) en probeer het nog eens':
        'case {cases} was just updated by someone else; nothing was saved; look at it again (ave show) and try again',
    'alleen wie de rol {role} heeft, mag verwijderen; er is niets verwijderd; vraag de beheerder om: GRANT {role} TO {user}':
        'only who holds the role {role} may purge; nothing was removed; ask the administrator for: GRANT {role} TO {user}',
    'de store weigert het verwijderen ({problem}); er is niets verwijderd':
        'the store refuses the purge ({problem}); nothing was removed',
    'de verbinding met de store {url} viel weg tijdens het vastleggen ({problem}); het is niet bekend of het besluit is opgeslagen; kijk met ave show':
        'the connection to the store {url} was lost while committing ({problem}); it is not known whether the decision was saved; look with ave show',
    'besluit {team}/{seq}: de casus of de schakel in de kolommen wijkt af van het record':
        'decision {team}/{seq}: the case or the chain link in the columns differs from the record',
    'besluit {team}/{seq}: de keten van casus {case} is onderbroken (een besluit ontbreekt of is gewijzigd)':
        'decision {team}/{seq}: the chain of case {case} is broken (a decision is missing or was changed)',
    'besluit {team}/{seq} van casus {case}: {problem}':
        'decision {team}/{seq} of case {case}: {problem}',
    'toeganglog van team {team}: regel {seq} ontbreekt, is gewijzigd of staat niet in de keten':
        'access log of team {team}: row {seq} is missing, was changed or is not in the chain',
    'toeganglog van team {team}: het einde ontbreekt of is gewijzigd (de store houdt {kept} regels bij, er zijn er {count})':
        'access log of team {team}: its end is missing or was changed (the store counts {kept} rows, there are {count})',
    'casus {case} is intussen uit het caselog verwijderd; er is niets opgeslagen':
        'case {case} was removed from the case log meanwhile; nothing was saved',
    'casus {case} is intussen gewijzigd door {by} ({when}): nu {phase}; er is niets opgeslagen; bekijk hem (ave show {case}) en doe de triage opnieuw':
        'case {case} was changed meanwhile by {by} ({when}): now {phase}; nothing was saved; look at it (ave show {case}) and do the triage again',
    "de sleutel '{key}' staat er twee keer in":
        "the key '{key}' is in it twice",
    'een getal van {n} tekens; het maximum is {max}':
        'a number of {n} characters; the maximum is {max}',
    '{name} is geen getal':
        '{name} is not a number',
    '{label} bevat een teken dat niet mag (U+{code}, {name}); gebruik gewone tekst (letters, cijfers, leestekens, spatie, regeleinden en tabs)':
        '{label} holds a character that is not allowed (U+{code}, {name}); use plain text (letters, digits, punctuation, space, line ends and tabs)',
    'bevat een teken dat niet mag (U+{code})':
        'holds a character that is not allowed (U+{code})',
    'de map {path} van het caselog is schrijfbaar voor iedereen: een ander kan het caselog daar vervangen; beperk het met: chmod o-w {path}':
        'the folder {path} of the case log is writable by everyone: someone else can replace the case log there; restrict it with: chmod o-w {path}',
    'de cachemap {path} is een symbolische koppeling: de index van het caselog komt zo elders terecht; gebruik een eigen map ($AVE_CACHE_DIR)':
        "the cache folder {path} is a symbolic link: the case log's index ends up elsewhere that way; use a folder of your own ($AVE_CACHE_DIR)",
    'de cachemap {path} is schrijfbaar voor anderen: een ander kan de index van het caselog vervangen; beperk het met: chmod go-w {path}':
        "the cache folder {path} is writable by others: someone else can replace the case log's index; restrict it with: chmod go-w {path}",
    'het caselog heeft {path} namen (harde koppelingen): wat ave purge of ave check --repair verwijdert, blijft onder een andere naam bestaan; verwijder de andere namen':
        'the case log has {path} names (hard links): what ave purge or ave check --repair removes stays under another name; remove the other names',
    'Opnieuw beoordelen met je antwoorden?':
        'Review it again with your answers?',
    'Ja: de casus zoals hij nu is, met mijn antwoorden, opnieuw bekijken':
        'Yes: look again at the case as it is now, with my answers',
    'Nee, stoppen':
        'No, stop',
    'caselog {path} is een symbolische koppeling; ave schrijft daar niet doorheen (een ander bestand zou worden gewijzigd); geef het bestand zelf met --log':
        'case log {path} is a symbolic link; ave does not write through it (another file would be changed); give the file itself with --log',
    "--head '{given}' is geen kop; geef wat `ave head` toonde, zoals 12:3f5a… (minstens 12 tekens van het zegel)":
        "--head '{given}' is not a head; give what `ave head` showed, such as 12:3f5a… (at least 12 characters of the seal)",
    "--head '{given}' past op meer dan één besluit; geef meer tekens van het zegel":
        "--head '{given}' matches more than one decision; give more characters of the seal",
    '--head en --accept-log gelden voor een caselog-bestand; de store van je team bewaakt zijn ketens zelf':
        "--head and --accept-log are for a case log file; your team's store guards its chains itself",
    'Bewijs dat het caselog deze eerder genoteerde kop (van `ave head`) nog voortzet.':
        'Prove that the case log still extends this head noted earlier (from `ave head`).',
    'Controleer het hele caselog en de kapstokken: elk record (zegel, velden en typen), unieke besluit-ids, de tijdsvolgorde per casus, fasen die de kapstok van het besluit kent, ten hoogste één casusregisseur en één procesregisseur per casus tegelijk, en de bestandsrechten. Elk probleem komt met zijn regelnummer. Exitcode 0: in orde; 1: er is iets mis.\n\nMet --repair gaat een beschadigd einde (na een crash of een volle schijf) naar een quarantainebestand naast het log; het log houdt al zijn intacte besluiten. Beschadiging midden in het log wordt nooit automatisch hersteld.\n\nHet caselog, zijn toeganglog en de laatste kop die deze computer zag bewaken elkaar: een ingekort, teruggezet of herschreven log wordt gemeld. Met --head KOP bewijst ave dat het log een eerder genoteerde kop (van `ave head`, bijvoorbeeld in de notulen) nog voortzet. \n\n[bold]Voorbeelden[/bold]\n\n  ave check\n\n  ave check --repair\n':
        "Check the whole case log and the kapstokken: every record (seal, fields and types), unique decision ids, the time order per case, phases the decision's kapstok knows, at most one casusregisseur and one procesregisseur per case at a time, and the file permissions. Every problem comes with its line number. Exit code 0: all well; 1: something is wrong.\n\nWith --repair a damaged end (after a crash or a full disk) goes to a quarantine file beside the log; the log keeps all its intact decisions. Damage in the middle of the log is never repaired automatically.\n\nThe case log, its access log and the last head this computer saw guard each other: a log that was cut, rolled back or rewritten is reported. With --head HEAD ave proves that the log still extends a head noted earlier (from `ave head`, for instance in the minutes). \n\n[bold]Examples[/bold]\n\n  ave check\n\n  ave check --repair\n",
    'Het caselog is aangenomen zoals het nu is: kop {head} ({count} besluiten); vastgelegd in het toeganglog.':
        'The case log is accepted as it is now: head {head} ({count} decisions); recorded in the access log.',
    'Neem het caselog zoals het nu is aan als het juiste (na het bewust terugzetten van een back-up); wordt vastgelegd in het toeganglog.':
        'Accept the case log as it is now as the right one (after putting back a backup on purpose); recorded in the access log.',
    'Toon de kop van het caselog op één regel: het aantal besluiten en het zegel van het laatste. Noteer hem (de besluitenlijst van een overleg doet het ook); later bewijst `ave check --head KOP` dat het log hem nog voortzet, ook als iemand het log, het toeganglog en de cache samen herschreef.\n\n[bold]Voorbeelden[/bold]\n\n  ave head\n\n  ave head --format json\n':
        "Show the case log's head on one line: the number of decisions and the seal of the last one. Note it down (an overleg's besluitenlijst does too); later `ave check --head HEAD` proves that the log still extends it, even if someone rewrote the log, the access log and the cache together.\n\n[bold]Examples[/bold]\n\n  ave head\n\n  ave head --format json\n",
    'ave head geldt voor een caselog-bestand; de store van je team houdt per casus een keten bij en bewaakt die zelf':
        "ave head is for a case log file; your team's store keeps a chain per case and guards it itself",
    'caselog {path} is ingekort, teruggezet of herschreven: deze computer zag eerder {count} besluiten tot kop {seal}, en het log zet die keten niet voort (nu {now} besluiten). ave leest en schrijft het niet tot dat is opgehelderd: zet de nieuwste versie terug, of leg met `ave check --accept-log` vast dat deze versie de juiste is':
        'case log {path} was cut, rolled back or rewritten: this computer saw {count} decisions up to head {seal} before, and the log does not extend that chain (now {now} decisions). ave does not read or write it until that is cleared up: put back the newest version, or record with `ave check --accept-log` that this version is the right one',
    'caselog {path} is verdwenen, terwijl deze computer er eerder {count} besluiten in zag (kop {seal}); ave maakt geen nieuw log in zijn plaats. Zet het terug, of leg met `ave check --accept-log` vast dat het weg mag':
        'case log {path} is gone, while this computer saw {count} decisions in it before (head {seal}); ave does not make a new log in its place. Put it back, or record with `ave check --accept-log` that it may go',
    'caselog {source}: de kop bevat tekst die niet door ave is geschreven (een opmerking, een extra regel of een andere opmaak); dit wordt niet automatisch hersteld: zet een back-up terug of laat `ave check` het aanwijzen':
        'case log {source}: the header holds text that ave did not write (a comment, an extra line or another layout); this is not repaired automatically: put back a backup or let `ave check` point it out',
    'de kop bevat tekst die niet door ave is geschreven (een opmerking, een extra regel of een andere opmaak)':
        'the header holds text that ave did not write (a comment, an extra line or another layout)',
    'de opschoning (purge) nummer {number} in de kop van het caselog staat niet in het toeganglog: niet door ave geschreven, of het toeganglog mist':
        "purge number {number} in the case log's header is not in the access log: not written by ave, or the access log is missing",
    'het caselog is ingekort of teruggezet: het toeganglog zag bij regel {line} {count} besluiten tot kop {seal}, en het caselog zet die keten niet voort':
        'the case log was cut or rolled back: the access log saw, at line {line}, {count} decisions up to head {seal}, and the case log does not extend that chain',
    'het caselog zet kop {head} NIET voort: dat besluit staat er niet (meer) in; het log is ingekort, teruggezet of herschreven sinds die kop werd genoteerd (nu {total} besluiten)':
        'the case log does NOT extend head {head}: that decision is not (or no longer) in it; the log was cut, rolled back or rewritten since that head was noted (now {total} decisions)',
    'het caselog zet kop {head} voort: dat is besluit {n} van de {total}':
        'the case log extends head {head}: that is decision {n} of {total}',
    '{timeout:g} s in gebruik door een ander proces':
        'in use by another process for {timeout:g} s',
    'kop {head} is de kop van vóór opschoning {number} ({when}); het log zette hem voort tot die opschoning, die in het toeganglog staat':
        'head {head} is the head from before purge {number} ({when}); the log extended it up to that purge, which is in the access log',
    'opschonen afgebroken: het toeganglog {path} kon niet worden bijgewerkt ({strerror}); het caselog is niet gewijzigd en er is niets verwijderd. Maak ruimte vrij en probeer het opnieuw':
        'purge stopped: the access log {path} could not be updated ({strerror}); the case log is unchanged and nothing was removed. Free some space and try again',
    'regel {line}: dit besluit noemt schrijfbeurt {n} van het toeganglog {path}, en die ontbreekt of is anders (het toeganglog is verwijderd, ingekort of vervangen)':
        'line {line}: this decision names write {n} of the access log {path}, and that is missing or different (the access log was deleted, cut or replaced)',
    'tekst die niet door ave is geschreven (een opmerking, een extra regel of een andere opmaak): die valt buiten het zegel':
        'text that ave did not write (a comment, an extra line or another layout): no seal covers it',
    'toeganglog {path}: de keten breekt bij regel {line} (toegangsregels verwijderd, gewijzigd of tussengevoegd)':
        'access log {path}: the chain breaks at line {line} (access records removed, changed or inserted)',
    'toeganglog {path}: de laatste {count} regels vallen buiten elk zegel (afgebroken of toegevoegd)':
        'access log {path}: the last {count} lines are outside every seal (cut off or added)',
    'toeganglog {path}: de regels vóór regel {line} zijn van vóór de verzegeling (een oudere ave) en vallen buiten elk zegel':
        'access log {path}: the lines before line {line} are from before the sealing (an older ave) and are outside every seal',
    'toeganglog {path}: vóór regel {line} staat tekst die ave niet schreef ({extra} bytes, buiten elk zegel)':
        'access log {path}: before line {line} there is text that ave did not write ({extra} bytes, outside every seal)',
    "veld 'toegang' is geen kop van het toeganglog":
        "field 'toegang' is not a head of the access log",
    '{head}  ({count} besluiten in {log})':
        '{head}  ({count} decisions in {log})',
    'is niet in de samengestelde vorm (NFC) van Unicode: een letter en een los accent; sla het bestand op als NFC':
        "is not in Unicode's composed form (NFC): a letter and a separate accent; save the file as NFC",
    'de antwoordruimte van deze kapstokken heeft {size} combinaties die de regels onderscheiden; ave kapstok diff vergelijkt er ten hoogste {limit}: vergelijk met --log over echte casussen, of vereenvoudig de regels':
        'the answer space of these kapstokken has {size} combinations that the rules tell apart; ave kapstok diff compares at most {limit}: compare with --log over real cases, or simplify the rules',
    'het bestand is {size} bytes; een kapstok mag ten hoogste {limit} bytes zijn':
        'the file is {size} bytes; a kapstok may be at most {limit} bytes',
    '{count} is meer dan de grens van {limit} ({what}); een kapstok zo groot is niet meer te lezen of te toetsen: splits of vereenvoudig de regels':
        '{count} is more than the limit of {limit} ({what}); a kapstok that large can no longer be read or tested: split or simplify the rules',
    'sinds de telling is een casus gewijzigd, zodat de herbeoordeling anders uitvalt dan je bevestigde; er is niets opgeslagen: draai ave reevaluate --apply opnieuw':
        'since the count a case has changed, so the re-evaluation comes out differently from what you confirmed; nothing was saved: run ave reevaluate --apply again',
    'casus {case} is intussen gewijzigd door {by} ({when}): nu {phase}; er is niets opgeslagen; bekijk hem (ave show {case}) en beslis opnieuw':
        'case {case} was changed meanwhile by {by} ({when}): now {phase}; nothing was saved; look at it (ave show {case}) and decide again',
    '{value} ({label})':
        '{value} ({label})',
    '{source}: [{key}]':
        '{source}: [{key}]',
    '{question} [{answer}]':
        '{question} [{answer}]',
    '{where}: {problem}':
        '{where}: {problem}',
    "{n} casussen hebben geen antwoord op '{key}' (de vraag is van na hun triage); het telt als de standaard: {label}.":
        "{n} cases have no answer to '{key}' (the question is newer than their triage); it counts as the default: {label}.",
    "{n} casussen hebben geen antwoord op '{key}' (de vraag is van na hun triage); het telt als de standaard van {kapstok}.":
        "{n} cases have no answer to '{key}' (the question is newer than their triage); it counts as the default of {kapstok}.",
    "Binnen de keten van Zorg & Veiligheid is continuïteit in casusregie van wezenlijk belang om het zicht op de levensloop van het gezin/ huishouden goed te waarborgen. Wij noemen dat: een film in plaats van losse foto's.":
        "Within the chain of care and safety, continuity in casusregie is essential to keep sight of the course of life of the family or household. We call that: a film instead of separate photos.",
    "Wanneer de casusregisseur dit nodig vindt voegen we een procesregisseur toe vanwege stagnatie in de samenwerking of uitblijvend resultaat. Bij twijfel over de stagnatie en/of onveiligheid altijd opschalen.":
        "When the casusregisseur finds it necessary, we add a procesregisseur because the cooperation stagnates or results fail to come. When in doubt about stagnation and/or danger, always scale up.",
    "In de keten van Zorg & Veiligheid sluiten we aan bij wat er al is en zorgen waar nodig voor aanvulling, verbinding of aanpassing.":
        "In the chain of care and safety we build on what is already there and add, connect or adjust where needed.",
    "Zeven leidende principes (landelijk, Handreiking 2.0)":
        "Seven leading principles (national, Handreiking 2.0)",
    "gebruik kleine letters, cijfers of '_', beginnend met een letter":
        "use lowercase letters, digits or '_', starting with a letter",
    "leefgebied '{key}' staat er twee keer (sleutel of label)":
        "leefgebied '{key}' is there twice (key or label)",
    '--reden hoort bij --vervallen of --verleng':
        '--reden goes with --vervallen or --verleng',
    '--uiterlijk {date} ligt in het verleden; kies vandaag of later':
        '--uiterlijk {date} is in the past; choose today or later',
    '--verleng {date} is niet later dan de huidige datum van afspraak {nummer} ({current})':
        '--verleng {date} is not later than the current date of afspraak {nummer} ({current})',
    "--voor '{text}' is geen rol in het huishouden; noem nooit een naam, maar een rol zoals moeder, vader, kind 1, partner of huishouden (toegestaan: {words}, met een nummer of letter erachter)":
        "--voor '{text}' is no role in the household; never give a name, but a role such as moeder, vader, kind 1, partner or huishouden (allowed: {words}, with a number or letter after it)",
    'Afspraak {nummer} · casus {case}':
        'Afspraak {nummer} · case {case}',
    'Afspraken: {n}, waarvan {late} te laat':
        'Afspraken: {n}, of which {late} overdue',
    'Alleen afspraken met een datum vóór deze datum (JJJJ-MM-DD of +7).':
        'Only afspraken with a date before this date (YYYY-MM-DD or +7).',
    'Alleen afspraken van deze organisatie of rol (een deel van de naam volstaat).':
        'Only afspraken of this organisation or role (part of the name will do).',
    'Alleen de afspraken van deze casus.':
        'Only the afspraken of this case.',
    'Alleen open afspraken (van open casussen).':
        'Only open afspraken (of open cases).',
    'Alleen open afspraken waarvan de datum voorbij is.':
        'Only open afspraken whose date has passed.',
    'De afspraak is gedaan.':
        'The afspraak is done.',
    'De afspraak is niet meer nodig (met --reden).':
        'The afspraak is no longer needed (with --reden).',
    'De afspraken van de plannen, over alle casussen (of één): open eerst, op datum; wat te laat is, staat er met \'te laat\' bij.\n\n[bold]Voorbeelden[/bold]\n\n  ave afspraken --te-laat\n\n  ave afspraken WT-17\n\n  ave afspraken --open --wie "Wijkteam" --format csv > afspraken.csv\n':
        'The afspraken of the plans, over all cases (or one): open ones first, by date; what is overdue is marked \'overdue\'.\n\n[bold]Examples[/bold]\n\n  ave afspraken --te-laat\n\n  ave afspraken WT-17\n\n  ave afspraken --open --wie "Wijkteam" --format csv > afspraken.csv\n',
    'Deze afspraak vastleggen?':
        'Record this afspraak?',
    'Een nieuwe, latere datum (met --reden).':
        'A new, later date (with --reden).',
    'Geen afspraken gevonden.':
        'No afspraken found.',
    'Het ene integrale plan van een casus (principe 4): elk leefgebied van de kapstok als rij, met de afspraken erop (open, te laat, gedaan), wie in het huishouden ze betreffen, en de leefgebieden zonder afspraak (ter informatie: niet elk huishouden heeft op elk leefgebied iets nodig).\n\n[bold]Voorbeelden[/bold]\n\n  ave plan WT-17\n\n  ave plan WT-17 --format json\n':
        'The one integral plan of a case (principle 4): every leefgebied of the kapstok as a row, with its afspraken (open, overdue, done), whom in the household they concern, and the leefgebieden without an afspraak (for information: not every household needs something on every leefgebied).\n\n[bold]Examples[/bold]\n\n  ave plan WT-17\n\n  ave plan WT-17 --format json\n',
    'Het leefgebied (een sleutel uit de kapstok; ave kapstok show noemt ze).':
        'The leefgebied (a key from the kapstok; ave kapstok show names them).',
    'Het nummer van een bestaande afspraak (A1) om de stand te wijzigen.':
        'The number of an existing afspraak (A1) to change its stand.',
    'Huishouden':
        'Household',
    'Integraal plan van aanpak':
        'Integrated plan of approach',
    'Leefgebied':
        'Leefgebied',
    'Leefgebied: {area}':
        'Leefgebied: {area}',
    'Leg een afspraak van het plan vast: wat er gebeurt, wie het doet (een organisatie of rol), op welk leefgebied, voor wie in het huishouden (een rol, nooit een naam) en uiterlijk wanneer. In een terminal vraagt ave wat je niet meegeeft en toont de afspraak voor je bevestigt.\n\nMet een nummer (A1, A2, ...) wijzig je de stand: --gedaan, --vervallen --reden ..., of --verleng DATUM --reden ....\n\n[bold]Voorbeelden[/bold]\n\n  ave afspraak WT-17 --wat "Schuldhulp aanvragen" --wie "Wijkteam Noord" --leefgebied financien --voor moeder --uiterlijk +14\n\n  ave afspraak WT-17 A1 --verleng 2027-01-31 --reden "Wachtlijst schuldhulp"\n\n  ave afspraak WT-17 A1 --gedaan\n':
        'Record an afspraak of the plan: what will be done, who does it (an organisation or role), on which leefgebied, for whom in the household (a role, never a name) and by when. At a terminal ave asks what you do not give and shows the afspraak before you confirm.\n\nWith a number (A1, A2, ...) you change its stand: --gedaan, --vervallen --reden ..., or --verleng DATE --reden ....\n\n[bold]Examples[/bold]\n\n  ave afspraak WT-17 --wat "Schuldhulp aanvragen" --wie "Wijkteam Noord" --leefgebied financien --voor moeder --uiterlijk +14\n\n  ave afspraak WT-17 A1 --verleng 2027-01-31 --reden "Wachtlijst schuldhulp"\n\n  ave afspraak WT-17 A1 --gedaan\n',
    'Nieuwe afspraak · casus {case}':
        'New afspraak · case {case}',
    'Notitie':
        'Note',
    'Nr':
        'No',
    'Op welk leefgebied?':
        'On which leefgebied?',
    'Open afspraken ({plan})':
        'Open afspraken ({plan})',
    'Reden':
        'Reason',
    'Reden: {reason}':
        'Reason: {reason}',
    'Stand':
        'Stand',
    'Uiterlijk':
        'Due',
    'Uiterlijk wanneer (JJJJ-MM-DD, of +14 voor over veertien dagen)?':
        'Due by when (YYYY-MM-DD, or +14 for fourteen days from now)?',
    'Uiterlijk wanneer: JJJJ-MM-DD, DD-MM-JJJJ of +14 (dagen vanaf vandaag).':
        'Due by when: YYYY-MM-DD, DD-MM-YYYY or +14 (days from today).',
    'Uiterlijk: {date}':
        'Due: {date}',
    'Uitvoer: text, json of csv.':
        'Output: text, json or csv.',
    'Vastleggen':
        'Record',
    'Vastleggen (proefdraai)':
        'Record (dry run)',
    'Voor':
        'For',
    'Voor wie in het huishouden (een rol zoals moeder of kind 1; leeg: het huishouden)?':
        'For whom in the household (a role such as moeder or kind 1; empty: the household)?',
    'Voor wie in het huishouden: een rol zoals moeder, vader, kind 1 (nooit een naam).':
        'For whom in the household: a role such as moeder, vader, kind 1 (never a name).',
    'Voor: {voor}':
        'For: {voor}',
    'Vrije notitie bij de afspraak.':
        'Free note with the afspraak.',
    'Waarom vervallen of verlengd.':
        'Why it lapsed or was extended.',
    'Wat':
        'What',
    'Wat er wordt gedaan.':
        'What will be done.',
    'Wat wordt er gedaan?':
        'What will be done?',
    'Wie doet het (organisatie of rol, geen naam van een inwoner)?':
        "Who does it (organisation or role, no resident's name)?",
    'Wie het doet: een organisatie of rol, geen naam van een inwoner.':
        "Who does it: an organisation or role, no resident's name.",
    'Wie: {wie}':
        'Who: {wie}',
    'Zonder afspraak':
        'Without afspraak',
    '[CASUS]':
        '[CASE]',
    '[NUMMER]':
        '[NUMBER]',
    'afspraak':
        'afspraak',
    'afspraak gewijzigd':
        'afspraak changed',
    'afspraak te laat':
        'afspraak overdue',
    'afspraak {nummer} van casus {case} bestaat al':
        'afspraak {nummer} of case {case} exists already',
    'afspraak {nummer} van casus {case} is al {stand}; maak een nieuwe afspraak als er weer iets te doen is':
        'afspraak {nummer} of case {case} is already {stand}; make a new afspraak when there is something to do again',
    'alleen een verlenging heeft een nieuwe datum (uiterlijk)':
        'only an extension has a new date (uiterlijk)',
    'beschrijf wat er wordt gedaan':
        'describe what will be done',
    'casus {case} heeft geen afspraak {nummer} (wel: {items})':
        'case {case} has no afspraak {nummer} (it has: {items})',
    'casus {case} heeft nog geen afspraken; maak er een met ave afspraak {case}':
        'case {case} has no afspraken yet; make one with ave afspraak {case}',
    'de tabel ave.afspraken is erbij: ave.write houdt de afspraken van het plan bij, ave.purge verwijdert ze met hun casus':
        "the table ave.afspraken was added: ave.write keeps the plan's afspraken, ave.purge removes them with their case",
    'een afspraak verandert geen fase: velden van een besluit over de fase horen er niet in':
        'an afspraak changes no fase: fields of a decision about the fase do not belong in it',
    'een besluit over de fase heeft geen afspraakvelden':
        'a decision about the fase has no afspraak fields',
    'een nieuwe afspraak heeft geen stand':
        'a new afspraak has no stand',
    'een vervallen of verlengde afspraak heeft een reden':
        'a lapsed or extended afspraak has a reason',
    'een wijziging van een afspraak herhaalt de afspraak niet':
        'a change of an afspraak does not repeat the afspraak',
    'gedaan':
        'done',
    'geef een reden met --reden (een afspraak die {stand} is, zegt waarom)':
        'give a reason with --reden (an afspraak that is {stand} says why)',
    'geen afspraak':
        'no afspraak',
    'geen terminal om te vragen wat is afgesproken; geef {options}':
        'no terminal to ask what was agreed; give {options}',
    'het huishouden':
        'the household',
    'kapstok {kapstok} noemt geen leefgebieden ([[leefgebied]]); voeg ze toe om afspraken te maken':
        'kapstok {kapstok} names no leefgebieden ([[leefgebied]]); add them to make afspraken',
    'kies één van --gedaan, --vervallen en --verleng':
        'choose one of --gedaan, --vervallen and --verleng',
    'noem de afspraak: ave afspraak {case} A1 --{stand}':
        'name the afspraak: ave afspraak {case} A1 --{stand}',
    'noem de organisatie of rol die het doet':
        'name the organisation or role that does it',
    "onbekend leefgebied '{key}' in kapstok {kapstok} (toegestaan: {items})":
        "unknown leefgebied '{key}' in kapstok {kapstok} (allowed: {items})",
    'open':
        'open',
    'regie zonder open afspraak (plan)':
        'regie without an open afspraak (plan)',
    'te laat':
        'overdue',
    'uiterlijk {date}':
        'due {date}',
    'vastgelegd: afspraak {nummer}':
        'recorded: afspraak {nummer}',
    'vastgelegd: {nummer} {stand}':
        'recorded: {nummer} {stand}',
    "veld 'afspraak' is geen afspraaknummer (A1, A2, ...)":
        "field 'afspraak' is no afspraak number (A1, A2, ...)",
    "veld 'stand' moet gedaan, vervallen of verlengd zijn":
        "field 'stand' must be gedaan, vervallen or verlengd",
    "veld 'uiterlijk' is geen datum (JJJJ-MM-DD)":
        "field 'uiterlijk' is no date (YYYY-MM-DD)",
    "veld '{key}' ontbreekt":
        "field '{key}' is missing",
    'verlengd':
        'extended',
    'verlenging van afspraak {nummer} van casus {case} naar een datum die niet later is':
        'extension of afspraak {nummer} of case {case} to a date that is not later',
    'vervallen':
        'lapsed',
    'wijziging van afspraak {nummer} van casus {case} nadat die {stand} was':
        'change of afspraak {nummer} of case {case} after it was {stand}',
    'wijziging van afspraak {nummer}, die casus {case} niet heeft':
        'change of afspraak {nummer}, which case {case} does not have',
    'zeg wat er met afspraak {nummer} is: --gedaan, --vervallen --reden TEKST of --verleng DATUM --reden TEKST':
        'say what happened to afspraak {nummer}: --gedaan, --vervallen --reden TEXT or --verleng DATE --reden TEXT',
    '{date} (verlengd; eerst {first})':
        '{date} (extended; first {first})',
    "{label} '{text}' is geen datum: schrijf JJJJ-MM-DD (2026-12-21), DD-MM-JJJJ (21-12-2026) of +14 voor over veertien dagen":
        "{label} '{text}' is no date: write YYYY-MM-DD (2026-12-21), DD-MM-YYYY (21-12-2026) or +14 for fourteen days from now",
    '{nummer} verlengd tot {date}':
        '{nummer} extended to {date}',
    '{nummer} {stand}':
        '{nummer} {stand}',
    '{options} hoort bij een nieuwe afspraak; een bestaande wijzig je met --gedaan, --vervallen of --verleng':
        '{options} goes with a new afspraak; you change an existing one with --gedaan, --vervallen or --verleng',
    '{plan} · casus {case}':
        '{plan} · case {case}',
    '— (geen leden genoemd)':
        '— (no members named)',
    'gedaan op tijd':
        'done on time',
    'gedaan, te laat':
        'done, late',
    'open na de datum (eind)':
        'open past the date (end)',
    'gemaakt in de periode':
        'made in the period',
    'open aan het eind':
        'open at the end',
    'Gemaakt':
        'Made',
    'Open aan het eind':
        'Open at the end',
    'Waarvan na de datum':
        'Of which past the date',
    'Het plan: afspraken':
        'The plan: afspraken',
    'Hoe lees je dit: de afspraken van de plannen (wie doet wat, uiterlijk wanneer). Op tijd: gedaan vóór of op de eerst afgesproken datum; een verlenging telt dus als te laat. Open na de datum: afspraken van open casussen die aan het eind van de periode over hun datum zijn. Per leefgebied zie je waar de plannen over gaan, en waar niet.':
        'How to read this: the afspraken of the plans (who does what, by when). On time: done on or before the date first agreed; an extension therefore counts as late. Open past the date: afspraken of open cases that are past their date at the end of the period. Per leefgebied you see what the plans are about, and what not.',
    "leefgebied '{key}' van afspraak {nummer} bestaat niet in kapstok {kapstok}":
        "leefgebied '{key}' of afspraak {nummer} does not exist in kapstok {kapstok}",
    'nog geen besluit over de fase heeft':
        'has no decision about its fase yet',
    "afspraakrecord {nummer} bij casus '{case}', die {state}":
        "afspraak record {nummer} on case '{case}', which {state}",
    'afgesloten is':
        'is closed',
    '… en nog {n}; --limit 0 toont ze allemaal, --format csv geeft ze voor een spreadsheet.':
        '… and {n} more; --limit 0 shows them all, --format csv gives them for a spreadsheet.',
    'Hoeveel afspraken de tekstweergave toont (open en te laat eerst); 0 = alle. JSON en CSV geven altijd alles.':
        'How many afspraken the text view shows (open and overdue first); 0 = all. JSON and CSV always give all.',
    "'{topic}' is geen fase, rol of begrip van kapstok {kap}; bedoel je {near}? (ave uitleg {near})":
        "'{topic}' is no fase, role or term of kapstok {kap}; did you mean {near}? (ave uitleg {near})",
    "casus '{case}' staat niet in het caselog; bedoel je {near}?":
        "case '{case}' is not in the case log; did you mean {near}?",
    'casus {case} staat nog niet in het caselog (een nieuwe casus); bedoel je {near}?':
        'case {case} is not in the case log yet (a new case); did you mean {near}?',
    "deze fase is zoals mensen hem schrijven niet te onderscheiden van fase '{other}' (hoofdletters, spaties, '-', '_' en 'AVE' of 'fase' ervoor tellen niet mee)":
        "as people write it, this fase cannot be told from fase '{other}' (letter case, spaces, '-', '_' and 'AVE' or 'fase' in front do not count)",
    ' (de rest: standaard)':
        ' (the rest: default)',
    ' (slaat {phases} over)':
        ' (passes over {phases})',
    "(+{n} meer: kies 'Alle redenen en adviezen tonen')":
        "(+{n} more: choose 'Show all reasons and advice')",
    'Advies van de regels: {phase}':
        'Advice of the rules: {phase}',
    'Alle redenen en adviezen tonen':
        'Show all reasons and advice',
    'Controleer het besluit':
        'Check the decision',
    'Controleer het besluit · casus {case}':
        'Check the decision · case {case}',
    'De rollen blijven zoals ze zijn.':
        'The roles stay as they are.',
    'Nu {current}  →  {phase} (het advies): {move}':
        'Now {current}  →  {phase} (the advice): {move}',
    'Nu {current}  →  {phase}: {move}':
        'Now {current}  →  {phase}: {move}',
    'Rollen die veranderen':
        'Roles that change',
    'andere kapstok':
        'another kapstok',
    'gelijk: de fase blijft':
        'the same: the fase stays',
    'Let op: de kapstokken hebben andere fasen ({old}: {old_phases}; {new}: {new_phases}); ave vergelijkt ze {how}.':
        'Note: the kapstokken have other fasen ({old}: {old_phases}; {new}: {new_phases}); ave compares them {how}.',
    "op hun naam zonder 'AVE' of 'fase': AVE3 en 3 tellen als dezelfde fase, AVE2 als 2A en 2B":
        "by their name without 'AVE' or 'fase': AVE3 and 3 count as the same fase, AVE2 as 2A and 2B",
    'op hun plaats van laag naar hoog: een fase op dezelfde plaats telt als dezelfde':
        'by their place from low to high: a fase in the same place counts as the same',
}
