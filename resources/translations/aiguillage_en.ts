<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FirstStartWizard</name>
    <message>
        <location filename="../../ui/first_start.py" line="119"/>
        <source>Bienvenue dans Aiguillage</source>
        <translation>Welcome to Aiguillage</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="125"/>
        <source>&amp;Suivant &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="126"/>
        <source>&lt; &amp;Précédent</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="127"/>
        <source>&amp;Commencer</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="128"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../ui/first_start.py" line="25"/>
        <source>Votre point d’accueil</source>
        <translation>Your reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="26"/>
        <source>Ces informations figurent sur les fiches remises aux visiteurs.</source>
        <translation>These details appear on the slips handed to visitors.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="40"/>
        <source>Nom du site&#xa0;: à renseigner.</source>
        <translation>Site name: required.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake_form.py" line="60"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="61"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="62"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="63"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="65"/>
        <source>Commune de résidence</source>
        <translation>Commune of residence</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="66"/>
        <source>Nom ou code postal, p. ex. «&#xa0;Istres&#xa0;» ou 13800</source>
        <translation>Name or postcode, e.g. “Istres” or 13800</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="68"/>
        <source>Thèmes de la demande</source>
        <translation>Themes of the request</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="71"/>
        <source>Réponses apportées</source>
        <translation>Answers given</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="73"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="75"/>
        <source>Première visite</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="76"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="76"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="80"/>
        <source>Code agent (facultatif)</source>
        <translation>Agent code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="81"/>
        <source>Initiales</source>
        <translation>Initials</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="87"/>
        <source>Facultatif&#x202f;; ni nom, ni téléphone, ni adresse électronique</source>
        <translation>Optional; no name, no phone number, no e-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="90"/>
        <source>&amp;Orienter…  (F4)</source>
        <translation>&amp;Refer…  (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="91"/>
        <source>Orienter vers un partenaire</source>
        <translation>Refer to a partner</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="95"/>
        <source>Partenaires choisis</source>
        <translation>Partners chosen</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="96"/>
        <location filename="../../ui/intake_form.py" line="234"/>
        <source>Enregi&amp;strer l’accueil  (Entrée)</source>
        <translation>&amp;Save the visit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="101"/>
        <source>Modification en cours</source>
        <translation>Correcting a visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="121"/>
        <source>&amp;Première visite</source>
        <translation>&amp;First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="122"/>
        <source>Not&amp;e</source>
        <translation>Not&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="135"/>
        <source>Code &amp;agent</source>
        <translation>&amp;Agent code</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="201"/>
        <source>Orienté·e vers&#xa0;: %1</source>
        <translation>Referred to: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="226"/>
        <source>Modification de l’accueil du %1 — Échap pour abandonner</source>
        <translation>Correcting the visit of %1 — Esc to give up</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="229"/>
        <source>Enregi&amp;strer la modification  (Entrée)</source>
        <translation>&amp;Save the correction  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="85"/>
        <source>Note (sans donnée personnelle)</source>
        <translation>Note (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="106"/>
        <source>Erreur de saisie</source>
        <translation>Input error</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="113"/>
        <source>&amp;Canal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="114"/>
        <source>P&amp;ublic</source>
        <translation>P&amp;ublic</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="115"/>
        <source>Â&amp;ge</source>
        <translation>A&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="116"/>
        <source>Ge&amp;nre</source>
        <translation>Ge&amp;nder</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="117"/>
        <source>C&amp;ommune</source>
        <translation>C&amp;ommune</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="118"/>
        <source>&amp;Thèmes</source>
        <translation>&amp;Themes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="119"/>
        <source>&amp;Réponses</source>
        <translation>&amp;Answers</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="120"/>
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
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Point d’accueil</source>
        <translation>Reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>Aiguillage — %1</source>
        <translation>Aiguillage — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>&amp;Aiguillage</source>
        <translation>&amp;Aiguillage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>&amp;Réglages du site…</source>
        <translation>Site &amp;settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Accueil de %1 modifié.</source>
        <translation>Visit of %1 corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Accueil annulé.</source>
        <translation>Visit cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Accueil enregistré à %1.</source>
        <translation>Visit saved at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>L’accueil n’a pas pu être enregistré&#xa0;: %1</source>
        <translation>The visit could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Hub&#xa0;: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Annuaire de démonstration&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Demo directory: %n service</numerusform>
            <numerusform>Demo directory: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="250"/>
        <source>Annuaire&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Directory: %n service</numerusform>
            <numerusform>Directory: %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Dernier accueil annulé.</source>
        <translation>Last visit taken back.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Annuler cet accueil&#x202f;?</source>
        <translation>Cancel this visit?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Annuler l’accueil de %1&#x202f;? Il restera dans le journal, barré, et ne sera plus compté.</source>
        <translation>Cancel the visit of %1? It stays in the log, struck through, and no longer counts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Hors ligne — aucun hub régional</source>
        <translation>Offline — no regional hub</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="253"/>
        <source>%n enregistrement(s) à envoyer</source>
        <translation>
            <numerusform>%n record to send</numerusform>
            <numerusform>%n records to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <location filename="../../ui/first_start.py" line="55"/>
        <source>Annuaire et synchronisation</source>
        <translation>Directory and sync</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="58"/>
        <source>Travailler &amp;hors ligne avec l’annuaire de démonstration</source>
        <translation>Work &amp;offline with the demo directory</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="60"/>
        <source>S’inscrire auprès du &amp;hub régional</source>
        <translation>Enrol with the regional &amp;hub</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="63"/>
        <source>Adresse du hub régional</source>
        <translation>Regional hub address</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="66"/>
        <source>Code d’inscription</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="67"/>
        <source>Code d’inscription donné par la coordination</source>
        <translation>Enrolment code given by the coordination</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="70"/>
        <source>La coordination régionale crée votre site sur le hub et vous donne un code d’inscription à usage unique.</source>
        <translation>The regional coordination creates your site on the hub and gives you a one-time enrolment code.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="98"/>
        <source>Adresse du hub&#xa0;: «&#xa0;%1&#xa0;» n’est pas une adresse web (https://…).</source>
        <translation>Hub address: “%1” is not a web address (https://…).</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="105"/>
        <source>Code d’inscription&#xa0;: à renseigner.</source>
        <translation>Enrolment code: required.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/referral_dialog.py" line="95"/>
        <source>Orienter vers un partenaire</source>
        <translation>Refer to a partner</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="101"/>
        <source>Chercher un partenaire</source>
        <translation>Search for a partner</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="102"/>
        <source>Affiner&#xa0;: nom, structure, mot de la description…</source>
        <translation>Narrow down: name, organisation, a word of the description…</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="105"/>
        <source>Services proposés pour ce visiteur</source>
        <translation>Services suggested for this visitor</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="109"/>
        <source>Détail du service</source>
        <translation>Service details</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="111"/>
        <source>Flèches pour choisir, Espace pour cocher, Entrée pour valider.</source>
        <translation>Arrows to move, Space to tick, Enter to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="116"/>
        <source>Orienter</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="117"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="149"/>
        <source>Aucun service ne correspond.</source>
        <translation>No service matches.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>Réglages du site</source>
        <translation>Site settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81"/>
        <source>Logo du site (fichier image)</source>
        <translation>Site logo (image file)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Choisir le fichier du logo</source>
        <translation>Choose the logo file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="88"/>
        <source>Le site</source>
        <translation>The site</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>&amp;Logo</source>
        <translation>&amp;Logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="96"/>
        <source>Canal proposé par défaut</source>
        <translation>Default channel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101"/>
        <source>Langue de l’interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107"/>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108"/>
        <source>Durée de conservation des notes, en jours</source>
        <translation>How long notes are kept, in days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="110"/>
        <source>Accueil</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112"/>
        <source>Canal par &amp;défaut</source>
        <translation>&amp;Default channel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>Lan&amp;gue</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114"/>
        <source>Conser&amp;ver les notes</source>
        <translation>&amp;Keep notes for</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>Format des fiches d’orientation</source>
        <translation>Referral slip format</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121"/>
        <source>Ticket 80 mm</source>
        <translation>80 mm receipt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127"/>
        <source>Imprimante des fiches</source>
        <translation>Slip printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>Imprimante par défaut du système</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="137"/>
        <source>Fiches d’orientation</source>
        <translation>Referral slips</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="140"/>
        <source>&amp;Imprimante</source>
        <translation>&amp;Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="146"/>
        <source>Le changement de langue prend effet au prochain démarrage.</source>
        <translation>A change of language takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="151"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="152"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="178"/>
        <source>Logo&#xa0;: «&#xa0;%1&#xa0;» n’est pas une image lisible.</source>
        <translation>Logo: “%1” is not a readable image.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="194"/>
        <source>Logo du site</source>
        <translation>Site logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="194"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>SiteIdentity</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46"/>
        <source>Nom du site</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="47"/>
        <source>p. ex. Cité des métiers d’Istres</source>
        <translation>e.g. Cité des métiers d’Istres</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="49"/>
        <source>Adresse du site</source>
        <translation>Site address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51"/>
        <source>Téléphone du site</source>
        <translation>Site phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>Commune du site</source>
        <translation>Site commune</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57"/>
        <source>&amp;Nom du site</source>
        <translation>Site &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="58"/>
        <source>&amp;Adresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>&amp;Téléphone</source>
        <translation>&amp;Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="60"/>
        <source>&amp;Commune</source>
        <translation>&amp;Commune</translation>
    </message>
</context>
</TS>
