<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake_form.py" line="55"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="56"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="57"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="58"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="60"/>
        <source>Commune de résidence</source>
        <translation>Commune of residence</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="61"/>
        <source>Nom ou code postal, p. ex. «&#xa0;Istres&#xa0;» ou 13800</source>
        <translation>Name or postcode, e.g. “Istres” or 13800</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="63"/>
        <source>Thèmes de la demande</source>
        <translation>Themes of the request</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="66"/>
        <source>Réponses apportées</source>
        <translation>Answers given</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="68"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="70"/>
        <source>Première visite</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="71"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="71"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="75"/>
        <source>Code agent (facultatif)</source>
        <translation>Agent code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="76"/>
        <source>Initiales</source>
        <translation>Initials</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="82"/>
        <source>Facultatif&#x202f;; ni nom, ni téléphone, ni adresse électronique</source>
        <translation>Optional; no name, no phone number, no e-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="85"/>
        <source>Enregi&amp;strer l’accueil  (Entrée)</source>
        <translation>&amp;Save the visit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="106"/>
        <source>&amp;Première visite</source>
        <translation>&amp;First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="107"/>
        <source>Not&amp;e</source>
        <translation>Not&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="119"/>
        <source>Code &amp;agent</source>
        <translation>&amp;Agent code</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="80"/>
        <source>Note (sans donnée personnelle)</source>
        <translation>Note (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="91"/>
        <source>Erreur de saisie</source>
        <translation>Input error</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="98"/>
        <source>&amp;Canal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="99"/>
        <source>P&amp;ublic</source>
        <translation>P&amp;ublic</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="100"/>
        <source>Â&amp;ge</source>
        <translation>A&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="101"/>
        <source>Ge&amp;nre</source>
        <translation>Ge&amp;nder</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="102"/>
        <source>C&amp;ommune</source>
        <translation>C&amp;ommune</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="103"/>
        <source>&amp;Thèmes</source>
        <translation>&amp;Themes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="104"/>
        <source>&amp;Réponses</source>
        <translation>&amp;Answers</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="105"/>
        <source>&amp;Durée</source>
        <translation>&amp;Duration</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../ui/journal.py" line="58"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="59"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="60"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="61"/>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="62"/>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="63"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="64"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="103"/>
        <source>Accueil annulé — %1</source>
        <translation>Cancelled visit — %1</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../ui/journal.py" line="148"/>
        <location filename="../../ui/journal.py" line="198"/>
        <source>Journal du jour</source>
        <translation>Today’s log</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="153"/>
        <location filename="../../ui/journal.py" line="154"/>
        <source>Jour précédent</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="158"/>
        <source>Jour affiché</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="160"/>
        <location filename="../../ui/journal.py" line="161"/>
        <source>Jour suivant</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="162"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="174"/>
        <source>Accueils du jour</source>
        <translation>Visits of the day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="200"/>
        <source>Journal du %1</source>
        <translation>Log of %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/journal.py" line="202"/>
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
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Accueil enregistré à %1.</source>
        <translation>Visit saved at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>L’accueil n’a pas pu être enregistré&#xa0;: %1</source>
        <translation>The visit could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="152"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>Hub&#xa0;: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="161"/>
        <source>Annuaire de démonstration&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Demo directory: %n service</numerusform>
            <numerusform>Demo directory: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Annuaire&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Directory: %n service</numerusform>
            <numerusform>Directory: %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Dernier accueil annulé.</source>
        <translation>Last visit taken back.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>Hors ligne — aucun hub régional</source>
        <translation>Offline — no regional hub</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="166"/>
        <source>%n enregistrement(s) à envoyer</source>
        <translation>
            <numerusform>%n record to send</numerusform>
            <numerusform>%n records to send</numerusform>
        </translation>
    </message>
</context>
</TS>
