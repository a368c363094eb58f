<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>JournalPanel</name>
    <message numerus="yes">
        <location filename="../../ui/journal.py" line="278"/>
        <source>%n accueil(s)</source>
        <translation>
            <numerusform>%n accueil</numerusform>
            <numerusform>%n accueils</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="331"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Aujourd’hui&#xa0;: %n accueil</numerusform>
            <numerusform>Aujourd’hui&#xa0;: %n accueils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="348"/>
        <source>Annuaire de démo&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Annuaire de démo&#xa0;: %n service</numerusform>
            <numerusform>Annuaire de démo&#xa0;: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="350"/>
        <source>Annuaire&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Annuaire&#xa0;: %n service</numerusform>
            <numerusform>Annuaire&#xa0;: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="335"/>
        <source>%n à envoyer</source>
        <translation>
            <numerusform>%n à envoyer</numerusform>
            <numerusform>%n à envoyer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message numerus="yes">
        <location filename="../../ui/slip_dialog.py" line="220"/>
        <source>%n fiche(s) envoyée(s) à l’imprimante.</source>
        <translation>
            <numerusform>%n fiche envoyée à l’imprimante.</numerusform>
            <numerusform>%n fiches envoyées à l’imprimante.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/slip_dialog.py" line="266"/>
        <source>%n fiche(s) enregistrée(s).</source>
        <translation>
            <numerusform>%n fiche enregistrée.</numerusform>
            <numerusform>%n fiches enregistrées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="315"/>
        <source>%Ln jour(s) d’ouverture avec des accueils</source>
        <translation>
            <numerusform>%Ln jour d’ouverture avec des accueils</numerusform>
            <numerusform>%Ln jours d’ouverture avec des accueils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="318"/>
        <source>%Ln accueil(s) orienté(s) vers un partenaire</source>
        <translation>
            <numerusform>%Ln accueil orienté vers un partenaire</numerusform>
            <numerusform>%Ln accueils orientés vers un partenaire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="320"/>
        <source>%Ln orientation(s)</source>
        <translation>
            <numerusform>%Ln orientation</numerusform>
            <numerusform>%Ln orientations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="343"/>
        <source>%n accueil(s) sans heure précise (saisis avec la date seule).</source>
        <translation>
            <numerusform>%n accueil sans heure précise (saisi avec la date seule).</numerusform>
            <numerusform>%n accueils sans heure précise (saisis avec la date seule).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowOpening</name>
    <message numerus="yes">
        <location filename="../../ui/window_opening.py" line="107"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Aujourd’hui&#xa0;: %n accueil</numerusform>
            <numerusform>Aujourd’hui&#xa0;: %n accueils</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowReception</name>
    <message numerus="yes">
        <location filename="../../ui/window_reception.py" line="129"/>
        <source>%n accueil(s) enregistré(s) d’un coup.</source>
        <translation>
            <numerusform>%n accueil enregistré d’un coup.</numerusform>
            <numerusform>%n accueils enregistrés d’un coup.</numerusform>
        </translation>
    </message>
</context>
</TS>
