<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake_form.py" line="57"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="58"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="59"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="60"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="62"/>
        <source>Commune de résidence</source>
        <translation>Commune of residence</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="63"/>
        <source>Nom ou code postal, p. ex. «&#xa0;Istres&#xa0;» ou 13800</source>
        <translation>Name or postcode, e.g. “Istres” or 13800</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="65"/>
        <source>Thèmes de la demande</source>
        <translation>Themes of the request</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="68"/>
        <source>Réponses apportées</source>
        <translation>Answers given</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="70"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="72"/>
        <source>Première visite</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="73"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="73"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="77"/>
        <source>Code agent (facultatif)</source>
        <translation>Agent code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="78"/>
        <source>Initiales</source>
        <translation>Initials</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="84"/>
        <source>Facultatif&#x202f;; ni nom, ni téléphone, ni adresse électronique</source>
        <translation>Optional; no name, no phone number, no e-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="87"/>
        <location filename="../../ui/intake_form.py" line="205"/>
        <source>Enregi&amp;strer l’accueil  (Entrée)</source>
        <translation>&amp;Save the visit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="92"/>
        <source>Modification en cours</source>
        <translation>Correcting a visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="112"/>
        <source>&amp;Première visite</source>
        <translation>&amp;First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="113"/>
        <source>Not&amp;e</source>
        <translation>Not&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="125"/>
        <source>Code &amp;agent</source>
        <translation>&amp;Agent code</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="197"/>
        <source>Modification de l’accueil du %1 — Échap pour abandonner</source>
        <translation>Correcting the visit of %1 — Esc to give up</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="200"/>
        <source>Enregi&amp;strer la modification  (Entrée)</source>
        <translation>&amp;Save the correction  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="82"/>
        <source>Note (sans donnée personnelle)</source>
        <translation>Note (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="97"/>
        <source>Erreur de saisie</source>
        <translation>Input error</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="104"/>
        <source>&amp;Canal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="105"/>
        <source>P&amp;ublic</source>
        <translation>P&amp;ublic</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="106"/>
        <source>Â&amp;ge</source>
        <translation>A&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="107"/>
        <source>Ge&amp;nre</source>
        <translation>Ge&amp;nder</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="108"/>
        <source>C&amp;ommune</source>
        <translation>C&amp;ommune</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="109"/>
        <source>&amp;Thèmes</source>
        <translation>&amp;Themes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="110"/>
        <source>&amp;Réponses</source>
        <translation>&amp;Answers</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="111"/>
        <source>&amp;Durée</source>
        <translation>&amp;Duration</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../ui/journal.py" line="62"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="63"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="64"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="65"/>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="66"/>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="67"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="68"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="107"/>
        <source>Accueil annulé — %1</source>
        <translation>Cancelled visit — %1</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../ui/journal.py" line="154"/>
        <location filename="../../ui/journal.py" line="247"/>
        <source>Journal du jour</source>
        <translation>Today’s log</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="159"/>
        <location filename="../../ui/journal.py" line="160"/>
        <source>Jour précédent</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="164"/>
        <source>Jour affiché</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="166"/>
        <location filename="../../ui/journal.py" line="167"/>
        <source>Jour suivant</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="168"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="180"/>
        <source>Accueils du jour</source>
        <translation>Visits of the day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="193"/>
        <source>&amp;Modifier  (Entrée)</source>
        <translation>&amp;Correct  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="194"/>
        <source>Modifier l’accueil choisi</source>
        <translation>Correct the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="195"/>
        <source>Annuler l’accue&amp;il  (Suppr)</source>
        <translation>Cance&amp;l visit  (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="196"/>
        <source>Annuler l’accueil choisi</source>
        <translation>Cancel the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="249"/>
        <source>Journal du %1</source>
        <translation>Log of %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/journal.py" line="251"/>
        <source>%n accueil(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Point d’accueil</source>
        <translation>Reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>Aiguillage — %1</source>
        <translation>Aiguillage — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>Accueil de %1 modifié.</source>
        <translation>Visit of %1 corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Annuler cet accueil ?</source>
        <translation>Cancel this visit?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>Annuler l’accueil de %1 ? Il restera dans le journal, barré, et ne sera plus compté.</source>
        <translation>Cancel the visit of %1? It stays in the log, struck through, and no longer counts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Accueil annulé.</source>
        <translation>Visit cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Accueil enregistré à %1.</source>
        <translation>Visit saved at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>L’accueil n’a pas pu être enregistré&#xa0;: %1</source>
        <translation>The visit could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="197"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Hub&#xa0;: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Annuaire de démonstration&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Demo directory: %n service</numerusform>
            <numerusform>Demo directory: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Annuaire&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Directory: %n service</numerusform>
            <numerusform>Directory: %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Dernier accueil annulé.</source>
        <translation>Last visit taken back.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Hors ligne — aucun hub régional</source>
        <translation>Offline — no regional hub</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="211"/>
        <source>%n enregistrement(s) à envoyer</source>
        <translation>
            <numerusform>%n record to send</numerusform>
            <numerusform>%n records to send</numerusform>
        </translation>
    </message>
</context>
</TS>
