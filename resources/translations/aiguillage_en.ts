<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FirstStartWizard</name>
    <message>
        <location filename="../../ui/first_start.py" line="124"/>
        <source>Bienvenue dans Aiguillage</source>
        <translation>Welcome to Aiguillage</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="130"/>
        <source>&amp;Suivant &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="131"/>
        <source>&lt; &amp;Précédent</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="132"/>
        <source>&amp;Commencer</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="133"/>
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
        <location filename="../../ui/first_start.py" line="45"/>
        <source>Nom du site&#xa0;: à renseigner.</source>
        <translation>Site name: required.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake_form.py" line="61"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="62"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="63"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="64"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="66"/>
        <source>Commune de résidence</source>
        <translation>Commune of residence</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="67"/>
        <source>Nom ou code postal, p. ex. «&#xa0;Istres&#xa0;» ou 13800</source>
        <translation>Name or postcode, e.g. “Istres” or 13800</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="69"/>
        <source>Thèmes de la demande</source>
        <translation>Themes of the request</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="72"/>
        <source>Réponses apportées</source>
        <translation>Answers given</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="74"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="76"/>
        <source>Première visite</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="77"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="77"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="81"/>
        <source>Code agent (facultatif)</source>
        <translation>Agent code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="82"/>
        <source>Initiales</source>
        <translation>Initials</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="88"/>
        <source>Facultatif&#x202f;; ni nom, ni téléphone, ni adresse électronique</source>
        <translation>Optional; no name, no phone number, no e-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="91"/>
        <source>&amp;Orienter…  (F4)</source>
        <translation>&amp;Refer…  (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="92"/>
        <source>Orienter vers un partenaire</source>
        <translation>Refer to a partner</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="96"/>
        <source>Partenaires choisis</source>
        <translation>Partners chosen</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="97"/>
        <location filename="../../ui/intake_form.py" line="235"/>
        <source>Enregi&amp;strer l’accueil  (Entrée)</source>
        <translation>&amp;Save the visit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="102"/>
        <source>Modification en cours</source>
        <translation>Correcting a visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="122"/>
        <source>&amp;Première visite</source>
        <translation>&amp;First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="123"/>
        <source>Not&amp;e</source>
        <translation>Not&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="136"/>
        <source>Code &amp;agent</source>
        <translation>&amp;Agent code</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="202"/>
        <source>Orienté·e vers&#xa0;: %1</source>
        <translation>Referred to: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="227"/>
        <source>Modification de l’accueil du %1 — Échap pour abandonner</source>
        <translation>Correcting the visit of %1 — Esc to give up</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="230"/>
        <source>Enregi&amp;strer la modification  (Entrée)</source>
        <translation>&amp;Save the correction  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="86"/>
        <source>Note (sans donnée personnelle)</source>
        <translation>Note (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="107"/>
        <source>Erreur de saisie</source>
        <translation>Input error</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="114"/>
        <source>&amp;Canal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="115"/>
        <source>P&amp;ublic</source>
        <translation>P&amp;ublic</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="116"/>
        <source>Â&amp;ge</source>
        <translation>A&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="117"/>
        <source>Ge&amp;nre</source>
        <translation>Ge&amp;nder</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="118"/>
        <source>C&amp;ommune</source>
        <translation>C&amp;ommune</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="119"/>
        <source>&amp;Thèmes</source>
        <translation>&amp;Themes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="120"/>
        <source>&amp;Réponses</source>
        <translation>&amp;Answers</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="121"/>
        <source>&amp;Durée</source>
        <translation>&amp;Duration</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../ui/journal.py" line="64"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="65"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="66"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="67"/>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="68"/>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="69"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="70"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="109"/>
        <source>Accueil annulé — %1</source>
        <translation>Cancelled visit — %1</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../ui/journal.py" line="158"/>
        <location filename="../../ui/journal.py" line="259"/>
        <source>Journal du jour</source>
        <translation>Today’s log</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="163"/>
        <location filename="../../ui/journal.py" line="164"/>
        <source>Jour précédent</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="168"/>
        <source>Jour affiché</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="170"/>
        <location filename="../../ui/journal.py" line="171"/>
        <source>Jour suivant</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="172"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="184"/>
        <source>Accueils du jour</source>
        <translation>Visits of the day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="197"/>
        <source>&amp;Modifier  (Entrée)</source>
        <translation>&amp;Correct  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="198"/>
        <source>Modifier l’accueil choisi</source>
        <translation>Correct the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="199"/>
        <source>Annuler l’accue&amp;il  (Suppr)</source>
        <translation>Cance&amp;l visit  (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="200"/>
        <source>Annuler l’accueil choisi</source>
        <translation>Cancel the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="261"/>
        <source>Journal du %1</source>
        <translation>Log of %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/journal.py" line="263"/>
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
        <location filename="../../ui/main_window.py" line="148"/>
        <source>Point d’accueil</source>
        <translation>Reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Aiguillage — %1</source>
        <translation>Aiguillage — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Afficha&amp;ge</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Le &amp;journal du jour</source>
        <translation>Today’s &amp;log</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;Aiguillage</source>
        <translation>&amp;Aiguillage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Réglages du site…</source>
        <translation>Site &amp;settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>Accueil de %1 modifié.</source>
        <translation>Visit of %1 corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Accueil annulé.</source>
        <translation>Visit cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Accueil enregistré à %1.</source>
        <translation>Visit saved at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>L’accueil n’a pas pu être enregistré&#xa0;: %1</source>
        <translation>The visit could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Hors ligne (pas de hub)</source>
        <translation>Offline (no hub)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Hub&#xa0;: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Annuaire de démo&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Demo directory: %n service</numerusform>
            <numerusform>Demo directory: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="297"/>
        <source>%n à envoyer</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>Dernière synchro&#xa0;: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Annuaire&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Directory: %n service</numerusform>
            <numerusform>Directory: %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Dernier accueil annulé.</source>
        <translation>Last visit taken back.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Annuler cet accueil&#x202f;?</source>
        <translation>Cancel this visit?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Annuler l’accueil de %1&#x202f;? Il restera dans le journal, barré, et ne sera plus compté.</source>
        <translation>Cancel the visit of %1? It stays in the log, struck through, and no longer counts.</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <location filename="../../ui/first_start.py" line="60"/>
        <source>Annuaire et synchronisation</source>
        <translation>Directory and sync</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="63"/>
        <source>Travailler &amp;hors ligne avec l’annuaire de démonstration</source>
        <translation>Work &amp;offline with the demo directory</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="65"/>
        <source>S’inscrire auprès du &amp;hub régional</source>
        <translation>Enrol with the regional &amp;hub</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="68"/>
        <source>Adresse du hub régional</source>
        <translation>Regional hub address</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="71"/>
        <source>Code d’inscription</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="72"/>
        <source>Code d’inscription donné par la coordination</source>
        <translation>Enrolment code given by the coordination</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="75"/>
        <source>La coordination régionale crée votre site sur le hub et vous donne un code d’inscription à usage unique.</source>
        <translation>The regional coordination creates your site on the hub and gives you a one-time enrolment code.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="103"/>
        <source>Adresse du hub&#xa0;: «&#xa0;%1&#xa0;» n’est pas une adresse web (https://…).</source>
        <translation>Hub address: “%1” is not a web address (https://…).</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="110"/>
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
        <location filename="../../ui/settings_dialog.py" line="182"/>
        <source>Logo&#xa0;: «&#xa0;%1&#xa0;» n’est pas une image lisible.</source>
        <translation>Logo: “%1” is not a readable image.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
        <source>Logo du site</source>
        <translation>Site logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
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
