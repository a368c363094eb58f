<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="40"/>
        <source>À propos d’Aiguillage</source>
        <translation>About Aiguillage</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="53"/>
        <source>Icône d’Aiguillage</source>
        <translation>Aiguillage icon</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="55"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="60"/>
        <source>Le poste du premier accueil du Service public régional de l’orientation&#xa0;: noter les accueils sans nommer personne, trouver le bon partenaire, imprimer la fiche d’orientation.</source>
        <translation>The reception desk of the regional orientation service (SPRO): log visits without naming anyone, find the right partner, print the referral slip.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="74"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="81"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="83"/>
        <source>&amp;Retour aux licences</source>
        <translation>&amp;Back to the licences</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="103"/>
        <source>texte complet</source>
        <translation>full text</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="112"/>
        <source>&lt;b&gt;Communes, EPCI, départements et régions&lt;/b&gt;&#xa0;: Etalab, découpage administratif, 2026 (Code officiel géographique de l’INSEE, DGCL, La Poste). Licence Ouverte / Open Licence 2.0.</source>
        <translation>&lt;b&gt;Communes, EPCI, départements and régions&lt;/b&gt;: Etalab, découpage administratif, 2026 (INSEE’s official geographic code, DGCL, La Poste). Licence Ouverte / Open Licence 2.0.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="120"/>
        <source>&lt;b&gt;Annuaire de démonstration&lt;/b&gt; «&#xa0;Entre Terre et Mer&#xa0;», au format data·inclusion, coordonnées fictives. Licence Ouverte / Open Licence 2.0.</source>
        <translation>&lt;b&gt;Demo directory&lt;/b&gt; “Entre Terre et Mer”, in the data·inclusion format, with fictitious contact details. Licence Ouverte / Open Licence 2.0.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="129"/>
        <source>&lt;b&gt;DejaVu Sans&lt;/b&gt; (fiches et rapports PDF)&#xa0;: licence Bitstream Vera, modifications DejaVu dans le domaine public.</source>
        <translation>&lt;b&gt;DejaVu Sans&lt;/b&gt; (PDF slips and reports): Bitstream Vera licence, DejaVu changes in the public domain.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="133"/>
        <source>Qt %1 (The Qt Company, LGPL-3.0), PySide %2, Python %3.</source>
        <translation>Qt %1 (The Qt Company, LGPL-3.0), PySide %2, Python %3.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="139"/>
        <source>Données livrées avec le poste</source>
        <translation>Data shipped with the desk</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="140"/>
        <source>Polices</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="141"/>
        <source>Bibliothèques</source>
        <translation>Libraries</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="145"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="145"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="145"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="36"/>
        <source>Accueillir une personne orientée</source>
        <translation>Welcome a referred person</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="46"/>
        <source>Dernières personnes accueillies</source>
        <translation>Last people welcomed</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="56"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="48"/>
        <source>&amp;Code de la fiche&#xa0;:</source>
        <translation>Slip &amp;code:</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="50"/>
        <source>Ce &amp;qui a suivi&#xa0;:</source>
        <translation>&amp;What followed:</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="64"/>
        <source>Une personne vous présente une fiche d’orientation&#xa0;: tapez ou lisez son code, dites ce qui a suivi. Le poste qui a imprimé la fiche le saura à sa prochaine synchronisation&#xa0;; personne n’est nommé.</source>
        <translation>A person shows you a referral slip: type or scan its code, say what followed. The desk that printed the slip will know at its next sync; nobody is named.</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="73"/>
        <source>Dernières personnes accueillies&#xa0;:</source>
        <translation>Last people welcomed:</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="82"/>
        <source>La personne s’est présentée</source>
        <translation>The person came</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="83"/>
        <source>Présentée, et accompagnée</source>
        <translation>Came, and supported</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="84"/>
        <source>Présentée, et réorientée ailleurs</source>
        <translation>Came, and referred elsewhere</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="85"/>
        <source>Présentée, non éligible</source>
        <translation>Came, not eligible</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="86"/>
        <source>Présentée, pas de place</source>
        <translation>Came, no room</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="91"/>
        <source>à envoyer</source>
        <translation>to send</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="92"/>
        <source>notée au hub</source>
        <translation>noted at the hub</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="93"/>
        <source>code inconnu du hub&#xa0;: vérifiez-le sur la fiche</source>
        <translation>code unknown to the hub: check it on the slip</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="104"/>
        <source>Enregistré&#xa0;: %1.</source>
        <translation>Saved: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="94"/>
        <source>à envoyer de nouveau</source>
        <translation>to send again</translation>
    </message>
    <message>
        <location filename="../../ui/arrival_dialog.py" line="95"/>
        <source>le hub ne connaît pas ce site comme partenaire</source>
        <translation>the hub does not know this site as a partner</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../ui/batch_dialog.py" line="27"/>
        <source>Saisie groupée</source>
        <translation>Batch entry</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="27"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="30"/>
        <source>Les mêmes réponses pour plusieurs personnes&#xa0;: %1</source>
        <translation>The same answers for several people: %1</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="37"/>
        <source>Nombre de personnes</source>
        <translation>Number of people</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="39"/>
        <source>&amp;Nombre de personnes</source>
        <translation>&amp;Number of people</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <location filename="../../ui/choice_row.py" line="64"/>
        <source>Dernier changement</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../ui/choice_row.py" line="152"/>
        <source>Décoché&#xa0;: %1</source>
        <translation>Unticked: %1</translation>
    </message>
</context>
<context>
    <name>DeskOps</name>
    <message>
        <location filename="../../ui/operations.py" line="162"/>
        <source>Erreur inattendue&#xa0;: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="165"/>
        <source>Opération impossible</source>
        <translation>Operation failed</translation>
    </message>
</context>
<context>
    <name>DirectoryDetail</name>
    <message>
        <location filename="../../ui/directory_detail.py" line="76"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="77"/>
        <source>Téléphone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="80"/>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="85"/>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="87"/>
        <source>Voir sur la carte</source>
        <translation>See on the map</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="89"/>
        <source>Plan</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="93"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="95"/>
        <source>Prochaines dates</source>
        <translation>Next dates</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="99"/>
        <source>Prochains arrêts</source>
        <translation>Next stops</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="104"/>
        <source>Accueil</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="108"/>
        <source>Pour s’y rendre</source>
        <translation>How to go</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="113"/>
        <source>Inscription</source>
        <translation>Sign up</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="121"/>
        <source>Publics</source>
        <translation>Publics</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="125"/>
        <source>Précisions</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="129"/>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="132"/>
        <source>À apporter</source>
        <translation>To bring</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="135"/>
        <source>Coût</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="139"/>
        <source>Thématiques</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="143"/>
        <source>Territoire</source>
        <translation>Area served</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="146"/>
        <source>Zone non renseignée&#xa0;: autour de son adresse (son département)</source>
        <translation>Area not given: around its address (its département)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="164"/>
        <source>Référent SPRO</source>
        <translation>SPRO referent</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="169"/>
        <source>Mise à jour</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="170"/>
        <source>À vérifier (%1)</source>
        <translation>To be checked (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="175"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="178"/>
        <source> (entrée locale)</source>
        <translation> (local entry)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_detail.py" line="184"/>
        <source>Signalements</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../ui/directory_model.py" line="25"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="26"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="27"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="28"/>
        <source>Maintenant</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="29"/>
        <source>Mise à jour</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="53"/>
        <source> (local)</source>
        <translation> (local)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="60"/>
        <source>%1 · arrêt le %2</source>
        <translation>%1 · stop on %2</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="69"/>
        <source>%1 · à %2&#xa0;km</source>
        <translation>%1 · %2 km away</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="73"/>
        <source>Fermé jusqu’au %1</source>
        <translation>Closed until %1</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="76"/>
        <source>Ouvert</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="76"/>
        <source>Fermé</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/directory_model.py" line="78"/>
        <source>À vérifier (%1)</source>
        <translation>To be checked (%1)</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../ui/directory_panel.py" line="74"/>
        <source>Chercher dans l’annuaire</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="76"/>
        <source>Chercher&#xa0;: métier, structure, dispositif… (F3)</source>
        <translation>Search: occupation, organisation, scheme… (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="80"/>
        <location filename="../../ui/directory_panel.py" line="81"/>
        <source>Commune du visiteur</source>
        <translation>Visitor’s commune</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="83"/>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="84"/>
        <source>Tous les thèmes</source>
        <translation>All themes</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="88"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="89"/>
        <source>Tous les publics</source>
        <translation>All publics</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="93"/>
        <source>Mode d’accueil</source>
        <translation>How it receives</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="94"/>
        <source>Sur place ou à distance</source>
        <translation>In person or remote</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="95"/>
        <source>Sur place</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="96"/>
        <source>À distance</source>
        <translation>Remote</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="97"/>
        <source>&amp;Gratuit</source>
        <translation>&amp;Free</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="98"/>
        <source>Ouvert &amp;maintenant</source>
        <translation>Open &amp;now</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="99"/>
        <source>Fa&amp;voris</source>
        <translation>Fav&amp;ourites</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="115"/>
        <source>Copier l’a&amp;dresse</source>
        <translation>Copy the &amp;address</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="118"/>
        <source>Informati&amp;on temporaire…</source>
        <translation>Temporar&amp;y information…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="120"/>
        <source>Im&amp;porter un annuaire…</source>
        <translation>Import a &amp;directory…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="121"/>
        <source>Modèle de ta&amp;bleur…</source>
        <translation>Sp&amp;readsheet template…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="104"/>
        <source>Services trouvés</source>
        <translation>Services found</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="107"/>
        <source>Détail du service</source>
        <translation>Service details</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="111"/>
        <source>★ Favori  (Ctrl+D)</source>
        <translation>★ Favourite  (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="112"/>
        <source>Signaler une &amp;erreur…</source>
        <translation>Report an &amp;error…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="113"/>
        <source>Vérifié ce &amp;jour</source>
        <translation>Verified &amp;today</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="114"/>
        <source>Imprimer une fic&amp;he…</source>
        <translation>Print a &amp;slip…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="116"/>
        <source>Copier le &amp;téléphone</source>
        <translation>Copy the &amp;phone</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="117"/>
        <source>Copier le &amp;courriel</source>
        <translation>Copy the e-&amp;mail</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="119"/>
        <source>Ajouter une entrée &amp;locale…</source>
        <translation>Add a &amp;local entry…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="269"/>
        <source>Aucun service choisi.</source>
        <translation>No service chosen.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="38"/>
        <source>Inscription auprès du hub régional</source>
        <translation>Enrolment with the regional hub</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="43"/>
        <source>Adresse du hub régional</source>
        <translation>Regional hub address</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="46"/>
        <source>Code d’inscription</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="55"/>
        <source>&amp;Adresse du hub</source>
        <translation>Hub &amp;address</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="56"/>
        <source>&amp;Code d’inscription</source>
        <translation>Enrolment &amp;code</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="60"/>
        <source>S’inscrire</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="61"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="36"/>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="37"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="38"/>
        <source>Où</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="39"/>
        <source>Organisé par</source>
        <translation>Organised by</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="72"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="74"/>
        <source>Les 7 prochains jours</source>
        <translation>The next 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="75"/>
        <source>Les 30 prochains jours</source>
        <translation>The next 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="76"/>
        <source>Les 3 prochains mois</source>
        <translation>The next 3 months</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="77"/>
        <source>Tout ce qui vient</source>
        <translation>Everything to come</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="82"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="83"/>
        <source>Tous les départements</source>
        <translation>All départements</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="85"/>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="86"/>
        <source>Tous les thèmes</source>
        <translation>All themes</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="95"/>
        <source>Événements à venir</source>
        <translation>Events to come</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="98"/>
        <source>Détail de l’événement</source>
        <translation>Event details</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="101"/>
        <source>Imprimer une fic&amp;he…  (Ctrl+P)</source>
        <translation>Print a &amp;slip…  (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="175"/>
        <source>Aucun événement à venir sur ces critères.</source>
        <translation>No event to come for these criteria.</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="194"/>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="195"/>
        <source>Où</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="196"/>
        <source>Organisé par</source>
        <translation>Organised by</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="198"/>
        <source>Pour qui</source>
        <translation>For whom</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="207"/>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <location filename="../../ui/first_start.py" line="288"/>
        <source>Bienvenue dans Aiguillage</source>
        <translation>Welcome to Aiguillage</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="294"/>
        <source>&amp;Suivant &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="295"/>
        <source>&lt; &amp;Précédent</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="296"/>
        <source>&amp;Commencer</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="297"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="75"/>
        <source>Signaler une erreur</source>
        <translation>Report an error</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="75"/>
        <source>Signaler</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="82"/>
        <source>Le service a &amp;fermé</source>
        <translation>The service has &amp;closed</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="83"/>
        <source>Les &amp;horaires ont changé</source>
        <translation>The &amp;hours have changed</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="84"/>
        <source>Le téléphone, le courriel ou l’&amp;adresse ont changé</source>
        <translation>The phone, e-mail or &amp;address has changed</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="85"/>
        <source>Le &amp;territoire servi n’est pas le bon</source>
        <translation>The a&amp;rea served is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="86"/>
        <source>A&amp;utre chose</source>
        <translation>Something &amp;else</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="88"/>
        <source>Qu’est-ce qui ne va pas&#x202f;?</source>
        <translation>What is wrong?</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="99"/>
        <source>Ce que vous savez&#xa0;: fermé, horaires, déménagé… (ni nom ni numéro d’une personne)</source>
        <translation>What you know: closed, hours, moved… (no one’s name or number)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="96"/>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="50"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../ui/first_start.py" line="32"/>
        <source>Votre point d’accueil</source>
        <translation>Your reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="33"/>
        <source>Ces informations figurent sur les fiches remises aux visiteurs.</source>
        <translation>These details appear on the slips handed to visitors.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="53"/>
        <source>Nom du site&#xa0;: à renseigner.</source>
        <translation>Site name: required.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake_form.py" line="209"/>
        <source>Enregi&amp;strer l’accueil  (Entrée)</source>
        <translation>&amp;Save the visit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="139"/>
        <source>Orientation vers&#xa0;: %1</source>
        <translation>Referred to: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="149"/>
        <source>Modification de l’accueil du %1 — Échap pour abandonner</source>
        <translation>Correcting the visit of %1 — Esc to give up</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="152"/>
        <source>Enregi&amp;strer la modification  (Entrée)</source>
        <translation>&amp;Save the correction  (Enter)</translation>
    </message>
</context>
<context>
    <name>IntakeLayout</name>
    <message>
        <location filename="../../ui/intake_layout.py" line="47"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="48"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="49"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="50"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="52"/>
        <source>Commune de résidence</source>
        <translation>Commune of residence</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="53"/>
        <source>Nom ou code postal, p. ex. «&#xa0;Istres&#xa0;» ou 13800</source>
        <translation>Name or postcode, e.g. “Istres” or 13800</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="55"/>
        <source>Thèmes de la demande</source>
        <translation>Themes of the request</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="58"/>
        <source>Réponses apportées</source>
        <translation>Answers given</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="60"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="62"/>
        <source>Première visite</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="63"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="63"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="70"/>
        <source>Code agent (facultatif)</source>
        <translation>Agent code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="71"/>
        <source>Initiales</source>
        <translation>Initials</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="75"/>
        <source>Note (sans donnée personnelle)</source>
        <translation>Note (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="77"/>
        <source>Facultatif&#x202f;; ni nom, ni téléphone, ni adresse électronique</source>
        <translation>Optional; no name, no phone number, no e-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="80"/>
        <source>Orienter…  (F4)</source>
        <translation>Refer…  (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="81"/>
        <source>Orienter vers un partenaire</source>
        <translation>Refer to a partner</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="87"/>
        <source>Partenaires choisis</source>
        <translation>Partners chosen</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="88"/>
        <source>Enregi&amp;strer l’accueil  (Entrée)</source>
        <translation>&amp;Save the visit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="93"/>
        <source>Modification en cours</source>
        <translation>Correcting a visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="98"/>
        <location filename="../../ui/intake_layout.py" line="160"/>
        <source>Erreur de saisie</source>
        <translation>Input error</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="108"/>
        <source>&amp;Canal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="109"/>
        <source>P&amp;ublic</source>
        <translation>P&amp;ublic</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="110"/>
        <source>Â&amp;ge</source>
        <translation>A&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="111"/>
        <source>Ge&amp;nre</source>
        <translation>Ge&amp;nder</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="112"/>
        <source>Co&amp;mmune</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="113"/>
        <source>&amp;Thèmes</source>
        <translation>&amp;Themes</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="114"/>
        <source>&amp;Réponses</source>
        <translation>&amp;Answers</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="115"/>
        <source>&amp;Durée</source>
        <translation>&amp;Duration</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="116"/>
        <source>&amp;Première visite</source>
        <translation>&amp;First visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="117"/>
        <source>Not&amp;e</source>
        <translation>Not&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/intake_layout.py" line="135"/>
        <source>C&amp;ode agent</source>
        <translation>Agent c&amp;ode</translation>
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
        <location filename="../../ui/journal.py" line="94"/>
        <source>Accueil annulé — %1</source>
        <translation>Cancelled visit — %1</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../ui/journal.py" line="161"/>
        <location filename="../../ui/journal.py" line="274"/>
        <source>Journal du jour</source>
        <translation>Today’s log</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="166"/>
        <location filename="../../ui/journal.py" line="167"/>
        <source>Jour précédent</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="171"/>
        <source>Jour affiché</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="173"/>
        <location filename="../../ui/journal.py" line="174"/>
        <source>Jour suivant</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="175"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="190"/>
        <source>Accueils du jour</source>
        <translation>Visits of the day</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="209"/>
        <source>Modifier  (Entrée)</source>
        <translation>Edit  (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="211"/>
        <source>Annu&amp;ler l’accueil  (Suppr)</source>
        <translation>Cance&amp;l visit  (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="213"/>
        <source>Fic&amp;hes…  (F6)</source>
        <translation>Sli&amp;ps…  (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="210"/>
        <source>Modifier l’accueil choisi</source>
        <translation>Correct the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="212"/>
        <source>Annuler l’accueil choisi</source>
        <translation>Cancel the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="214"/>
        <source>Imprimer les fiches de l’accueil choisi</source>
        <translation>Print the slips of the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/journal.py" line="276"/>
        <source>Journal du %1</source>
        <translation>Log of %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/journal.py" line="278"/>
        <source>%n accueil(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalEntryDialog</name>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="135"/>
        <source>Ajouter une entrée locale</source>
        <translation>Add a local entry</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="135"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="150"/>
        <source>séparés par&#x202f;; (p. ex. CV&#x202f;; pièce d’identité)</source>
        <translation>separated by ; (e.g. CV; ID)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="153"/>
        <source>&amp;Structure</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="154"/>
        <source>S&amp;ervice</source>
        <translation>S&amp;ervice</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="155"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="156"/>
        <source>&amp;Adresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="157"/>
        <source>&amp;Commune</source>
        <translation>&amp;Commune</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="158"/>
        <source>&amp;Téléphone</source>
        <translation>&amp;Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="159"/>
        <source>Co&amp;urriel</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="160"/>
        <source>&amp;Horaires (format OpenStreetMap)</source>
        <translation>&amp;Hours (OpenStreetMap format)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="161"/>
        <source>Pièces à a&amp;pporter</source>
        <translation>Documents to &amp;bring</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Le &amp;journal du jour</source>
        <translation>Today’s &amp;log</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>&amp;Aiguillage</source>
        <translation>A&amp;iguillage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>Onglets</source>
        <translation>Tabs</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;Réglages du site…</source>
        <translation>Site se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>&amp;Accueillir une personne orientée…</source>
        <translation>&amp;Welcome a referred person…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>À &amp;propos d’Aiguillage…</source>
        <translation>&amp;About Aiguillage…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="331"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="348"/>
        <source>Annuaire de démo&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Demo directory: %n service</numerusform>
            <numerusform>Demo directory: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="335"/>
        <source>%n à envoyer</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Dernière synchro&#xa0;: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="350"/>
        <source>Annuaire&#xa0;: %n service(s)</source>
        <translation>
            <numerusform>Directory: %n service</numerusform>
            <numerusform>Directory: %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Accueil  (Ctrl+1)</source>
        <translation>Reception  (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>Annuaire  (Ctrl+2)</source>
        <translation>Directory  (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Statistiques  (Ctrl+3)</source>
        <translation>Statistics  (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>A&amp;ffichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <location filename="../../ui/first_start.py" line="83"/>
        <source>Annuaire et synchronisation</source>
        <translation>Directory and sync</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="92"/>
        <source>Travailler hors &amp;ligne avec l’annuaire de démonstration</source>
        <translation>Work off&amp;line with the demo directory</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="94"/>
        <source>S’inscrire auprès du &amp;hub régional</source>
        <translation>Enrol with the regional &amp;hub</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="97"/>
        <source>Adresse du hub régional</source>
        <translation>Regional hub address</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="100"/>
        <source>Code d’inscription</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="101"/>
        <source>Code d’inscription donné par la coordination</source>
        <translation>Enrolment code given by the coordination</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="104"/>
        <source>La coordination régionale crée votre site sur le hub et vous donne un code d’inscription à usage unique.</source>
        <translation>The regional coordination creates your site on the hub and gives you a one-time enrolment code.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="112"/>
        <source>Inscription en cours</source>
        <translation>Enrolling</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="171"/>
        <source>Adresse du hub&#xa0;: «&#xa0;%1&#xa0;» n’est pas une adresse web (https://…).</source>
        <translation>Hub address: “%1” is not a web address (https://…).</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="177"/>
        <source>Code d’inscription&#xa0;: à renseigner.</source>
        <translation>Enrolment code: required.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="181"/>
        <source>Inscription auprès du hub…</source>
        <translation>Enrolling with the hub…</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="225"/>
        <source>Poste inscrit auprès du hub régional&#xa0;: site «&#xa0;%1&#xa0;». L’annuaire de la région est en cours de récupération&#x202f;; il remplacera l’annuaire de démonstration.</source>
        <translation>Desk enrolled with the regional hub: site “%1”. The region’s directory is being fetched; it will replace the demo directory.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="234"/>
        <source>Le hub régional ne répond pas pour l’instant (%1). En attendant, ce poste fonctionne hors ligne avec l’annuaire de démonstration. L’inscription sera retentée à chaque démarrage, ou depuis le menu Aiguillage&#xa0;› S’inscrire auprès du hub, sans rien ressaisir&#xa0;: le code est gardé.</source>
        <translation>The regional hub does not answer for now (%1). Meanwhile, this desk works offline with the demo directory. Enrolment will be tried again at each start, or from the menu Aiguillage › Enrol with the hub, with nothing to type again: the code is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="257"/>
        <source>Code d’inscription refusé par le hub&#xa0;: il est inconnu, déjà utilisé ou expiré. Demandez un nouveau code à la coordination régionale et saisissez-le ci-dessus, ou travaillez hors ligne en attendant.</source>
        <translation>Enrolment code refused by the hub: it is unknown, already used or expired. Ask the regional coordination for a new code and type it above, or work offline meanwhile.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="263"/>
        <source>Connexion sécurisée impossible avec «&#xa0;%1&#xa0;»&#xa0;: son certificat est refusé. Vérifiez l’adresse donnée par la coordination régionale.</source>
        <translation>No secure connection with “%1”: its certificate is refused. Check the address the regional coordination gave.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="268"/>
        <source>«&#xa0;%1&#xa0;» ne répond pas comme un hub Aiguillage. Vérifiez l’adresse donnée par la coordination régionale.</source>
        <translation>“%1” does not answer as an Aiguillage hub does. Check the address the regional coordination gave.</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/notice_dialog.py" line="40"/>
        <source>Information temporaire</source>
        <translation>Temporary information</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="40"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="46"/>
        <source>Fermé</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="47"/>
        <source>Horaires exceptionnels</source>
        <translation>Special hours</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="48"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="60"/>
        <source>Pour toute la &amp;structure</source>
        <translation>For the whole &amp;organisation</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="62"/>
        <source>&amp;Nature</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="63"/>
        <source>&amp;Premier jour</source>
        <translation>&amp;First day</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="64"/>
        <source>&amp;Dernier jour (inclus)</source>
        <translation>&amp;Last day (included)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="65"/>
        <source>&amp;Horaires de ces jours</source>
        <translation>&amp;Hours of those days</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="66"/>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="70"/>
        <source>Informations de ce poste</source>
        <translation>This desk’s information</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="72"/>
        <source>&amp;Retirer l’information choisie</source>
        <translation>&amp;Withdraw the chosen information</translation>
    </message>
</context>
<context>
    <name>OutcomeTable</name>
    <message>
        <location filename="../../ui/outcome_table.py" line="21"/>
        <source>Suites des orientations</source>
        <translation>Referral outcomes</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_table.py" line="25"/>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_table.py" line="25"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_table.py" line="25"/>
        <source>Venues</source>
        <translation>Came</translation>
    </message>
</context>
<context>
    <name>ReceptionDialog</name>
    <message>
        <location filename="../../ui/reception_dialog.py" line="30"/>
        <source>Où j’accueille aujourd’hui</source>
        <translation>Where I receive today</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="30"/>
        <source>Accueillir ici</source>
        <translation>Receive here</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="35"/>
        <source>Hors de votre site (le bus, un forum, une permanence)&#xa0;: chaque accueil d’aujourd’hui comptera à cette commune et à cet événement, canal «&#xa0;hors les murs&#xa0;». Demain, le poste revient au site de lui-même.</source>
        <translation>Away from your site (the bus, a forum, a permanence): every visit of today will count in this commune and at this event, channel “outreach”. Tomorrow the desk is back at its site by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="43"/>
        <source>Commune où vous accueillez</source>
        <translation>Commune where you receive</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="47"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="48"/>
        <source>Aucun événement</source>
        <translation>No event</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="54"/>
        <source>&amp;Commune</source>
        <translation>&amp;Commune</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="55"/>
        <source>É&amp;vénement</source>
        <translation>E&amp;vent</translation>
    </message>
    <message>
        <location filename="../../ui/reception_dialog.py" line="57"/>
        <source>&amp;Revenir au site</source>
        <translation>&amp;Back to the site</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/referral_dialog.py" line="111"/>
        <source>Orienter vers un partenaire</source>
        <translation>Refer to a partner</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="122"/>
        <source>Chercher un partenaire</source>
        <translation>Search for a partner</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="123"/>
        <source>Affiner&#xa0;: nom, structure, mot de la description…</source>
        <translation>Narrow down: name, organisation, a word of the description…</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="126"/>
        <source>Services proposés pour ce visiteur</source>
        <translation>Services suggested for this visitor</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="132"/>
        <source>Détail du service</source>
        <translation>Service details</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="135"/>
        <source>Flèches pour choisir, Espace pour cocher, Entrée pour orienter vers le service coché (ou, sans coche, celui en surbrillance).</source>
        <translation>Arrows to choose, Space to tick, Enter to refer to the ticked service (or, with none ticked, the highlighted one).</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="142"/>
        <source>Erreur de saisie</source>
        <translation>Input error</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="258"/>
        <source>Aucun service ne correspond&#xa0;: changez la recherche.</source>
        <translation>No service matches: change the search.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="260"/>
        <source>Aucun service coché.</source>
        <translation>No service ticked.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="165"/>
        <source>Orienter</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="166"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="209"/>
        <source>Aucun service ne correspond.</source>
        <translation>No service matches.</translation>
    </message>
</context>
<context>
    <name>SafetyUi</name>
    <message>
        <location filename="../../ui/safety_ui.py" line="73"/>
        <source>La sauvegarde du jour n’a pas pu être faite (%1).</source>
        <translation>Today’s backup could not be made (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/safety_ui.py" line="89"/>
        <source>Disque presque plein&#xa0;: %1 Mo libres</source>
        <translation>Disk almost full: %1 MB free</translation>
    </message>
    <message>
        <location filename="../../ui/safety_ui.py" line="96"/>
        <source>Disque presque plein</source>
        <translation>Disk almost full</translation>
    </message>
    <message>
        <location filename="../../ui/safety_ui.py" line="98"/>
        <source>Il ne reste que %1 Mo sur le disque de la base de données. Libérez de la place (corbeille, téléchargements) avant que les enregistrements échouent&#xa0;; ce qui est déjà enregistré est conservé.</source>
        <translation>Only %1 MB are left on the database’s disk. Free some space (recycle bin, downloads) before saving fails; what is already saved is kept.</translation>
    </message>
</context>
<context>
    <name>SaveNotice</name>
    <message>
        <location filename="../../ui/notice.py" line="36"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/notice.py" line="38"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../../ui/referral_dialog.py" line="78"/>
        <source> · ouvert</source>
        <translation> · open</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="78"/>
        <source> · fermé</source>
        <translation> · closed</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>Réglages du site</source>
        <translation>Site settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>Logo du site (fichier image)</source>
        <translation>Site logo (image file)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="129"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="130"/>
        <source>Choisir le fichier du logo</source>
        <translation>Choose the logo file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="135"/>
        <source>Le site</source>
        <translation>The site</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139"/>
        <source>&amp;Logo</source>
        <translation>&amp;Logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="150"/>
        <source>Canal proposé par défaut</source>
        <translation>Default channel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="155"/>
        <source>Langue de l’interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="161"/>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="162"/>
        <source>Durée de conservation des notes, en jours</source>
        <translation>How long notes are kept, in days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="164"/>
        <source>Accueil</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="166"/>
        <source>Canal par &amp;défaut</source>
        <translation>&amp;Default channel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="167"/>
        <source>Lan&amp;gue</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="168"/>
        <source>Conser&amp;ver les notes</source>
        <translation>&amp;Keep notes for</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="175"/>
        <source>Format des fiches d’orientation</source>
        <translation>Referral slip format</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="177"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="178"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="179"/>
        <source>Ticket 80 mm</source>
        <translation>80 mm receipt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="185"/>
        <source>Imprimante des fiches</source>
        <translation>Slip printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="186"/>
        <source>Imprimante par défaut du système</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="195"/>
        <source>Imprimer directement, &amp;sans aperçu</source>
        <translation>Print directly, &amp;without preview</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="197"/>
        <source>Fiches d’orientation</source>
        <translation>Referral slips</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="199"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="200"/>
        <source>&amp;Imprimante</source>
        <translation>&amp;Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97"/>
        <source>Le changement de langue prend effet au prochain démarrage.</source>
        <translation>A change of language takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="228"/>
        <source>Logo&#xa0;: «&#xa0;%1&#xa0;» n’est pas une image lisible.</source>
        <translation>Logo: “%1” is not a readable image.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="244"/>
        <source>Logo du site</source>
        <translation>Site logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="244"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>SiteIdentity</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="49"/>
        <source>Nom du site</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50"/>
        <source>p. ex. Cité des métiers d’Istres</source>
        <translation>e.g. Cité des métiers d’Istres</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>Adresse du site</source>
        <translation>Site address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>Téléphone du site</source>
        <translation>Site phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>Commune du site</source>
        <translation>Site commune</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source>&amp;Nom du site</source>
        <translation>&amp;Site name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="62"/>
        <source>&amp;Adresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63"/>
        <source>&amp;Téléphone</source>
        <translation>&amp;Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64"/>
        <source>&amp;Commune</source>
        <translation>&amp;Commune</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../ui/slip_dialog.py" line="64"/>
        <source>Fiches d’orientation</source>
        <translation>Referral slips</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="72"/>
        <source>Fiche affichée</source>
        <translation>Slip shown</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="74"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="75"/>
        <source>Ticket 80 mm</source>
        <translation>80 mm receipt</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="78"/>
        <source>&amp;Gros caractères</source>
        <translation>&amp;Large print</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="83"/>
        <source>Aperçu de la fiche</source>
        <translation>Slip preview</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="88"/>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="89"/>
        <source>imprimante par défaut</source>
        <translation>default printer</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="91"/>
        <source>Imprimer &amp;directement (%1)</source>
        <translation>Print &amp;directly (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="93"/>
        <source>Enregistrer en &amp;PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="94"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="191"/>
        <source>L’impression a échoué (imprimante «&#xa0;%1&#xa0;»)&#x202f;: vérifiez qu’elle est allumée et reliée. Les orientations restent enregistrées.</source>
        <translation>Printing failed (printer “%1”): check that it is on and connected. The referrals stay recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="193"/>
        <source>par défaut</source>
        <translation>default</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/slip_dialog.py" line="220"/>
        <source>%n fiche(s) envoyée(s) à l’imprimante.</source>
        <translation>
            <numerusform>%n slip sent to the printer.</numerusform>
            <numerusform>%n slips sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/slip_dialog.py" line="255"/>
        <source>Enregistrer les fiches dans…</source>
        <translation>Save the slips in…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/slip_dialog.py" line="266"/>
        <source>%n fiche(s) enregistrée(s).</source>
        <translation>
            <numerusform>%n slip saved.</numerusform>
            <numerusform>%n slips saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsExports</name>
    <message>
        <location filename="../../ui/stats_exports.py" line="48"/>
        <source>statistiques</source>
        <translation>statistics</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="48"/>
        <source>rapport-activite</source>
        <translation>activity-report</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="52"/>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="56"/>
        <source>Tableur CSV (*.csv)</source>
        <translation>CSV spreadsheet (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="63"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="70"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="100"/>
        <source>Fichier enregistré&#xa0;: %1. Les effectifs inférieurs à %2 y sont masqués, et d’autres avec eux là où une soustraction les retrouverait.</source>
        <translation>File saved: %1. Counts under %2 are hidden in it, and others with them where a subtraction would find them again.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="111"/>
        <source>Le fichier n’a pas pu être écrit (%1).</source>
        <translation>The file could not be written (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/stats_exports.py" line="115"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <location filename="../../ui/stats_panel.py" line="80"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="82"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="83"/>
        <source>Cette semaine</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="84"/>
        <source>Ce mois-ci</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="85"/>
        <source>Le mois dernier</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="86"/>
        <source>Cette année</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="87"/>
        <source>Période choisie…</source>
        <translation>Chosen period…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="94"/>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="94"/>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="99"/>
        <source>Actualiser (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="100"/>
        <source>&amp;Période&#xa0;:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="105"/>
        <source>du</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="107"/>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="120"/>
        <location filename="../../ui/stats_panel.py" line="157"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="123"/>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="127"/>
        <source>Accueils par public</source>
        <translation>Visits by public</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="128"/>
        <source>Accueils par thème</source>
        <translation>Visits by theme</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="129"/>
        <source>Accueils dans le temps</source>
        <translation>Visits over time</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="132"/>
        <source>Accueils par heure et jour de la semaine</source>
        <translation>Visits by hour and weekday</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="136"/>
        <location filename="../../ui/stats_panel.py" line="329"/>
        <source>Aucun accueil sur la période.</source>
        <translation>No visit in this period.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="142"/>
        <location filename="../../ui/stats_panel.py" line="335"/>
        <source>Accueils par jour</source>
        <translation>Visits per day</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="149"/>
        <source>Lignes</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="150"/>
        <source>Colonnes</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="160"/>
        <location filename="../../ui/stats_panel.py" line="190"/>
        <source>Tableau croisé</source>
        <translation>Cross-table</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="64"/>
        <source>Exporter le tableau en &amp;CSV…</source>
        <translation>Export the table as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="65"/>
        <source>Exporter en &amp;XLSX…</source>
        <translation>Export as &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="66"/>
        <source>&amp;Rapport d’activité PDF…</source>
        <translation>&amp;Activity report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="181"/>
        <source>Publics</source>
        <translation>Publics</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="183"/>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="186"/>
        <source>Heures × jours de la semaine</source>
        <translation>Hours × weekdays</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="193"/>
        <source>&amp;Lignes&#xa0;:</source>
        <translation>&amp;Rows:</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="195"/>
        <source>C&amp;olonnes&#xa0;:</source>
        <translation>C&amp;olumns:</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="203"/>
        <source>Suites des orientations</source>
        <translation>Referral outcomes</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="308"/>
        <source>%1 accueils</source>
        <translation>%1 visits</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="310"/>
        <source>%1 accueil</source>
        <translation>%1 visit</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="336"/>
        <source>Accueils par semaine</source>
        <translation>Visits per week</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="315"/>
        <source>%Ln jour(s) d’ouverture avec des accueils</source>
        <translation>
            <numerusform>%Ln open day with visits</numerusform>
            <numerusform>%Ln open days with visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="169"/>
        <source>Ce que les partenaires ont dit des orientations de ce poste, reçu du hub à chaque synchronisation&#xa0;: une orientation est «&#xa0;sans nouvelles&#xa0;» 30 jours après sa fiche si personne ne l’a confirmée.</source>
        <translation>What partners said of this desk’s referrals, received from the hub at each sync: a referral has “no news” 30 days after its slip if nobody confirmed it.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="316"/>
        <source>%1 en moyenne par jour</source>
        <translation>%1 a day on average</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="318"/>
        <source>%Ln accueil(s) orienté(s) vers un partenaire</source>
        <translation>
            <numerusform>%Ln visit referred to a partner</numerusform>
            <numerusform>%Ln visits referred to a partner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="320"/>
        <source>%Ln orientation(s)</source>
        <translation>
            <numerusform>%Ln referral</numerusform>
            <numerusform>%Ln referrals</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="322"/>
        <source>%1, %2&#xa0;; %3 (%4).</source>
        <translation>%1, %2; %3 (%4).</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="337"/>
        <source>Accueils par mois</source>
        <translation>Visits per month</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stats_panel.py" line="343"/>
        <source>%n accueil(s) sans heure précise (saisis avec la date seule).</source>
        <translation>
            <numerusform>%n visit with no precise time (logged with the date only).</numerusform>
            <numerusform>%n visits with no precise time (logged with the date only).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="352"/>
        <source>Choisissez deux dimensions différentes.</source>
        <translation>Choose two different dimensions.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="356"/>
        <source>Un accueil avec deux thèmes (ou réponses, ou partenaires) compte une fois sous chacun, et un accueil sans partenaire sous aucun&#xa0;: les cases d’une ligne peuvent dépasser son total ou ne pas l’atteindre.</source>
        <translation>A visit with two themes (or answers, or partners) counts once under each, and a visit with no partner under none: the cells of a row may add up to more or less than its total.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_panel.py" line="367"/>
        <source>Statistiques indisponibles</source>
        <translation>Statistics unavailable</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="106"/>
        <source>Synchronisation</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="112"/>
        <source>Enregistrements refusés par le hub</source>
        <translation>Records refused by the hub</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="114"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="114"/>
        <source>Identifiant</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="114"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="114"/>
        <source>Réponse</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="115"/>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="118"/>
        <source>Synchroniser &amp;maintenant</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="120"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="124"/>
        <source>Enregistrements refusés (gardés sur ce poste)&#xa0;:</source>
        <translation>Refused records (kept on this desk):</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="164"/>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="167"/>
        <source>État de la s&amp;ynchronisation…</source>
        <translation>S&amp;ync status…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="169"/>
        <source>S’inscrire auprès du &amp;hub…</source>
        <translation>Enrol with the &amp;hub…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="191"/>
        <source>Inscription auprès du hub…</source>
        <translation>Enrolling with the hub…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="195"/>
        <source>Hub occupé&#xa0;: inscription retentée à %1</source>
        <translation>Hub busy: enrolment tried again at %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="197"/>
        <source>Hub injoignable&#xa0;: inscription en attente</source>
        <translation>Hub unreachable: enrolment waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="199"/>
        <source>%1 L’inscription sera retentée seule, sans rien ressaisir&#xa0;: le code est gardé.</source>
        <translation>%1 Enrolment will be tried again by itself, with nothing to type again: the code is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="203"/>
        <source>Inscription au hub à refaire</source>
        <translation>Hub enrolment to redo</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="205"/>
        <source>Inscription au hub en attente</source>
        <translation>Hub enrolment waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="206"/>
        <source>Hors ligne (pas de hub)</source>
        <translation>Offline (no hub)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="208"/>
        <source>Synchronisation…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="213"/>
        <source>Hub occupé, nouvel essai à %1</source>
        <translation>Hub busy, next try at %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="214"/>
        <source>Hub injoignable, nouvel essai bientôt</source>
        <translation>Hub unreachable, trying again soon</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="217"/>
        <source>Poste révoqué par la coordination</source>
        <translation>Desk revoked by the coordination</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="218"/>
        <source>Synchronisation refusée</source>
        <translation>Sync refused</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="221"/>
        <source>Hub&#xa0;: à jour</source>
        <translation>Hub: up to date</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="221"/>
        <source>Hub&#xa0;: en attente d’envoi</source>
        <translation>Hub: records waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="224"/>
        <source>Hub&#xa0;: %1</source>
        <translation>Hub: %1</translation>
    </message>
</context>
<context>
    <name>VisitActions</name>
    <message>
        <location filename="../../ui/visit_actions.py" line="87"/>
        <source>Accueil de %1 modifié.</source>
        <translation>Visit of %1 corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="113"/>
        <source>Annuler cet accueil&#x202f;?</source>
        <translation>Cancel this visit?</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="115"/>
        <source>Annuler l’accueil de %1&#x202f;? Il restera dans le journal, barré, et ne sera plus compté.</source>
        <translation>Cancel the visit of %1? It stays in the log, struck through, and no longer counts.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="128"/>
        <source>Accueil annulé.</source>
        <translation>Visit cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="135"/>
        <source>Accueil enregistré à %1.</source>
        <translation>Visit saved at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="222"/>
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="223"/>
        <source>L’accueil n’a pas pu être enregistré&#xa0;: %1</source>
        <translation>The visit could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="233"/>
        <source>Saisie rétablie.</source>
        <translation>Entry restored.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="243"/>
        <source>Dernier accueil repris&#xa0;: corrigez-le puis enregistrez-le.</source>
        <translation>Last visit taken back: correct it, then save it.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_actions.py" line="248"/>
        <source>Saisie effacée — Ctrl+Z pour la rétablir.</source>
        <translation>Entry cleared — Ctrl+Z to restore it.</translation>
    </message>
</context>
<context>
    <name>WindowEvents</name>
    <message>
        <location filename="../../ui/window_events.py" line="37"/>
        <source>À venir  (Ctrl+4)</source>
        <translation>Coming up  (Ctrl+4)</translation>
    </message>
</context>
<context>
    <name>WindowOpening</name>
    <message>
        <location filename="../../ui/window_opening.py" line="89"/>
        <source>Point d’accueil</source>
        <translation>Reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/window_opening.py" line="90"/>
        <source>Aiguillage %1 — %2</source>
        <translation>Aiguillage %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window_opening.py" line="107"/>
        <source>Aujourd’hui&#xa0;: %n accueil(s)</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowReception</name>
    <message>
        <location filename="../../ui/window_reception.py" line="54"/>
        <source>&amp;Où j’accueille aujourd’hui…</source>
        <translation>Where I rec&amp;eive today…</translation>
    </message>
    <message>
        <location filename="../../ui/window_reception.py" line="73"/>
        <source>Hors les murs&#xa0;: %1  (Ctrl+L)</source>
        <translation>Outreach: %1  (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/window_reception.py" line="125"/>
        <source>Dernier accueil répété à %1.</source>
        <translation>Last visit repeated at %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window_reception.py" line="129"/>
        <source>%n accueil(s) enregistré(s) d’un coup.</source>
        <translation>
            <numerusform>%n visit saved at once.</numerusform>
            <numerusform>%n visits saved at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="245"/>
        <source>Importer un annuaire</source>
        <translation>Import a directory</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="245"/>
        <source>Annuaires (*.csv *.json)</source>
        <translation>Directories (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="259"/>
        <source>Import terminé</source>
        <translation>Import done</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="263"/>
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="275"/>
        <source>Modèle de tableur</source>
        <translation>Spreadsheet template</translation>
    </message>
    <message>
        <location filename="../../ui/directory_dialogs.py" line="277"/>
        <source>Tableur CSV (*.csv)</source>
        <translation>CSV spreadsheet (*.csv)</translation>
    </message>
</context>
</TS>
