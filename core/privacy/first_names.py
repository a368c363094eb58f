"""French first names, for the note guard's name detector.

The 4,200 or so most given first names in France since 1900, folded to lower-case ASCII,
from INSEE's « Fichier des prénoms » (Licence Ouverte / Open Licence 2.0, Etalab), as
packaged in the `prenoms` 0.5.1 distribution (MIT): the first frequency tier of its
`dist.prenoms.f.all.txt` and `dist.prenoms.m.all.txt`. Names that are also everyday
words or places in a counter note (France, Saint, Marine, Rose, Mai…) were left out.
A Python module rather than a data file, so it travels with the code into every bundle.
"""

from functools import cache

_NAMES = """
aaliyah aaron abby abd abdallah abdel abdelaziz abdelghani abdelhafid abdelhak abdelhakim
abdelhalim abdelhamid abdelkader abdelkarim abdelkrim abdellah abdellatif abdelmajid abdelmalek
abdelmalik abderahmane abderrahim abderrahman abderrahmane abdessamad abdon abdou abdoul
abdoulaye abdoullah abdullah abed abel abigael abigaelle abigail abou aboubacar aboubakar
abraham aby abygaelle achille achraf ada adam adama adame adan adel adela adelaide adele adelia
adelie adelin adelina adeline adem aden adil adnan adnane adolphe adolphine adonis adrian
adriana adriano adriel adrien adrienne aedan aela agatha agathe aglae agnes ahcene ahlam ahlem
ahmad ahmed ahmet aicha aida aidan aiden aimable aime aimee aimen aimeric aimie aimy aina
ainhoa aisha aissa aissata aissatou akila akim akli akram aksel aksil alaa alain alais alan
alana alann alaric alassane alba alban albane albanie alberic albert alberte albertine alberto
albin albine alcide aldo aldric alec alejandro aleksandar aleksandra alessandra alessandro
alessia alessio aleth alex alexa alexander alexandra alexandre alexandrine alexandro alexane
alexi alexia alexian alexiane alexie alexina alexine alexis alexy aleyna alfonso alfred alfreda
alfredine alfredo ali alia alice alicia alicya alida alienor aliette alima alina aline aliou
alison alissa alissia alisson alistair alix alixe aliya aliyah alize alizea alizee allain allan
allison allyson alma alois aloise alonzo aloys aloyse alperen alpha alphonse alphonsine alvaro
alvin alvina alwena aly alya alyah alycia alyson alyssa alyssia alysson amadou amael amaia amal
amale amalia amalya amand amanda amandine amani amar amara amaury amaya ambrine ambroise
ambroisine amede amedee amel amelia amelie amelina ameline amelle amicie amin amina aminata
amine amir amira amjad ammar amory amy ana ana-maria anabel anabela anabelle anae anael anaelle
anais anaise anas anass anastasia anastasie anatole anaya anderson andoni andre andrea andreas
andree andrei andreia andres andrew andy anes angel angela angele angelica angelin angelina
angeline angelique angelo angie ania anicet anicette anick anie anis aniss anissa anisse anita
ann anna anna-maria annabel annabella annabelle annaelle annaick annaig anne anne-caroline
anne-catherine anne-cecile anne-celine anne-charlotte anne-christine anne-claire anne-claude
anne-elisabeth anne-emmanuelle anne-flore anne-france anne-francoise anne-gaelle anne-helene
anne-laure anne-lise anne-lyse anne-marie anne-sophie anne-valerie anneliese annelise annelyse
annette annic annick annie annie-claude annie-france annik annita annonciade anny anouar
anouchka anouck anouk anselme anthea anthime anthonin anthony antoine antoinette anton antone
antonella antoni antonia antonie antonietta antonin antonine antonino antonio antony antton any
anya anyssa apolline appoline appolonie april arcade archibald arda arezki argentine aria
ariana ariane ariel arielle aris ariste aristide arlette arman armance armand armande armandine
armando armantine armel armelle arnaud arnauld arnault arno arnold aron arsene arthemise arthur
arthus artur artus arwa arwen ary arya ashley asia asma asmaa asmae assa assia assil assiya
assma assomption assya astrid astride asya athanase athena athenais atika attilio aubane aubert
aubin aude audran audrey audric augusta auguste augustin augustina augustine aurane aure aurel
aurele aurelia aurelie aurelien aureline aurelio auriane aurianne aurora aurore auxane auxence
ava awa awen awena axel axelle aya ayah ayana ayat ayaz aydan ayden ayhan ayla aylan aylin
ayline ayman aymane aymen aymeric aymerick ayna ayoub ayrton ayse azad azdine azedine azeline
azilis aziliz aziz aziza azra azzedine bachir badis badr bahia bakary balthazar baptiste
baptistin baptistine baran barbara barbe barnabe barthelemy basile basma bastian bastien
bathilde batiste baudouin baya bayram beatrice beatrix beatriz bechir belinay belinda belkacem
bella ben benedicte benjamin benjamine benoist benoit benoite beranger berangere berat berenger
berengere berenice bernadette bernadine bernard bernardin bernardine bertha berthe bertille
bertin bertrand beryl besma bettina betty betul beverly beyza bianca bilal bilel billal billel
billie billy binta bintou bixente blaise blandine bleuenn bleuette boleslaw boniface bonnie
boris boualem boubacar boubakar boubou bouchra bradley brahim brandon brayan brenda brendan
briac brian brice brieuc brigitte britany brittany bronislaw bronislawa bruce bruna brune bruno
bryan burak busra byron cali calie calista calixte callie calogero calvin caly calypso camel
camelia cameron camil camila camilia camilla camille camillia camron can candice candide candy
candyce canelle carina carine carinne carl carla carline carlo carlos carmela carmelo carmen
carol carolane carole carole-anne carolina caroline carolle casimir cassandra cassandre cassidy
cassie cassy castille cataleya catalina catarina catherine cathia cathie cathy catia caty
cecile cecilia cedric cedrick cedrik cedrine celena celeste celestin celestine celia celian
celiane celie celina celine celya celyan cem cendrine cesaire cesar cesarine chadi chadia
chafik chahid chahine chahinez chaima chaimaa chainez chakib chana chanel chanelle chantal
chantale charlelie charlemagne charlene charles charles-antoine charles-edouard charles-henri
charlette charley charli charlie charline charlise charlize charlot charlotte charly charlyne
chayma cheick cheikh cheima chelsea chelsy cherif cherifa cherine cheryl cheyenne chiara
chimene chiraz chirine chloe chloee chretien chris christ christa christel christele christelle
christian christiana christiane christianne christie christina christine christophe christopher
chrystel chrystele chrystelle ciara cihan cindy cinthia clair claire claire-marie clairette
clara clarence clarice clarissa clarisse clarysse claude claudette claudia claudie claudine
claudio claudius claudy clayton clea clelia clelie clemence clement clementine cleo cleophee
clet cloe clotaire clothilde clotilde clovis colas colbert coleen colette colin coline colleen
collette colline colyne come conception concetta conchita conrad constant constantin cora
coralie coraline coraly corantin corentin corentine corine corinne corrine corto cosette coumba
cristel cristelle cristiano cristina crystal curtis cylia cyndie cynthia cyprien cyprienne cyr
cyriane cyriaque cyrielle cyril cyrille cyrine czeslaw dahlia daisy dalia dalida dalil dalila
dalya damian damien damienne damla dan dana danae dani dania danie daniel daniela daniele
daniella danielle danny dante dany daoud daouda daphne daphnee daria darine dario darius darren
daryl dave david davide davina davy dawson dayan dayana dean debora deborah dejan delia delphin
delphine delya demba denis denise deniz denys denyse derya desire desiree deva diana diane
didier diego dieudonne dieynaba dilan dilara dilek dimitri dimitry dina dino diogo divine
djamal djamel djamila djemel djemila djena djeneba djenna djessy djibril djilali djulian dolly
dolores domenico domingo dominica dominique domitille don donald donat donatien donatienne
donia donna donovan dora doria dorian doriane dorianne dorine doris dorothee doryan douglas
dounia dounya dragan driss duncan dwayne dylan ebru eda eddie eddy eden edgar edgard edith
edithe edme edmee edmond edmonde edouard eduardo edward edwige edwin edwina efe eglantine
eileen el ela elaia elana elda elea eleana eleanor eleanore elen elena eleonore elfie elfriede
eli elia elian eliana eliane elianne elias eliaz elie elies eliette elif elijah elina eline
elio eliot eliott elisa elisabete elisabeth elise elisee elissa eliza elizabeth ella ellen
ellie elliot elliott elly ellyn elma eloa eloan eloane elodie elody eloi eloise elona elora
elouan elouann elouen elric elsa else elsie elvin elvina elvira elvire elvis ely elya elyana
elyane elyas elyes elyna elyne elynn elyo elysa elyse elyssa elza ema emanuel emel emelie
emeline emelyne emeraude emeric emerick emi emie emil emile emilia emilie emilien emilienne
emilio emily emin emine emir emirhan emma emmanuel emmanuella emmanuelle emmeline emmie emmy
emna emre emrick emrys emy enael enea eneko enes enguerran enguerrand enis ennio enoha enola
enora enrick enrico enrique enza enzo epiphane erdem erell eren eric erica erich erick ericka
erik erika erin erina erine erkan erna ernest ernestine ernesto erwan erwann erwin eryn eryne
eslem esma esmeralda esra esteban estella estelle estevan esther etan ethan ethann ethel
etienne etiennette eudes eudoxie eugene eugenia eugenie eulalie eunice euphrasie eurydice
eusebe eustache eva evan evana evane evangeline evann evans evariste eve eveline evelyne even
evie evy ewan ewann ewen ewenn expedit eya eyden eymen eymeric eytan eythan ezechiel ezekiel
ezio ezra fabian fabien fabienne fabio fabiola fabrice fabrizio fadela fadi fadila fadoua fadwa
fahd fahim faiza fanette fannie fanny fanta fantine fany faouzi farah fares farid farida faride
faris farouk farrah faten fathi fathia fatih fatiha fatima fatima-zahra fatima-zohra fatimata
fatma fatna fatou fatouma fatoumata faustin faustine faycal fayssal felicia felicie felicien
felicienne felicite felipe felix ferdinand ferhat feriel fernand fernanda fernande fernando
feryel fethi feyza fidele filip filipe filiz fiona firas firdaous firdaws firmin flavia flavian
flavie flavien flavio flavy fleurine fleury flora floran flore floreal florelle florent
florentin florentine florette florian floriane florianne florie florient florimond florina
florine floris fortune fortunee fouad foucauld foued fouzia franc franca franceline francelise
francesca francesco francette francia franciane francine francis francisca francisco francisque
franck francky franco francois francois-marie francois-xavier francoise frank franklin franky
frantz franz fred freddy frederic frederick frederik frederique fredy frida frieda fritz
fulbert furkan gabin gabriel gabriela gabriella gabrielle gabryel gaby gael gaele gaelle gaetan
gaetane gaetano gaia galaad gamze garance garry gary gaspar gaspard gaston gatien gaultier
gauthier gautier gaylord gemma genevieve geoffray geoffrey geoffroy george georges georget
georgette georgia georgina georgine gerald geraldine gerard gerardine geraud germain germaine
gerome gersende gertrude gerty gervais gervaise gery ghislain ghislaine ghizlane ghyslaine
giacomo giani gianni gil gilbert gilberte gilda gildas gilette gilles gillette gillian gilliane
gina ginette gino giovani giovanna giovanni giovanny giovany gisele giselle gislain gislaine
gislhaine giulia giulian giuliana giuliano giulio giuseppe giuseppina gizem gladys glenn gloria
glwadys godefroy gokhan gontran gonzague goran goulven goundo grace gracieuse gratien gratienne
graziella greg gregoire gregory guenael guenaelle guenola guenole guido guilaine guilhem
guillaume guillem guillemette guiseppe guislaine gurvan gustave guy guylaine guylene gwenael
gwenaelle gwendal gwendoline gwendolyne gwenn gwennaelle gwenola gwenole gwladys gyslaine habib
habiba haby hacene hadda hadi hadj hadja hadrien hafid hafida hafsa hailey hajar hajer hakan
hakim hakima halil halim halima hamdi hamed hamid hamida hamidou hamza hana hanaa hanae hanan
hanane hania hanifa hanna hannah hans haris harmonie harmony harold haron haroun harouna harry
harun hasan hasna hassan hassane hassen hassina hatem hatice hatim hava hawa haya hayat hayate
hayden hayet hayette hazal heather hector hedi hedwige hedy heidi helder helen helena helene
helga heliane heliette helin helios heloise henda hendrick henri henria henrick henriette
henrique henry herbert herman hermance hermann hermine herminie hermione herve herveline hiba
hicham hichame hichem hidaya hilaire hilal hilarion hilda hildegarde hina hind hinda hinde
hippolyte hocine honore honorine horace hortense houari houcine houda houria hubert huberte
hugo hugues huguette hulya humbert huseyin hyacinthe ian ianis iban ibrahim ibrahima ibtissam
ibtissem icham ichem ida idir idris idriss idrissa ignace igor ihsan ikram ikrame ilan ilana
ilane ilann ilario ilayda ilda ileana ilena ilham ilhame ilhan ilhem ilian iliana iliane ilias
ilies illan illona ilona ilyan ilyana ilyane ilyas ilyass ilyasse ilyes ilyess imad iman imane
imanol imany imed imen imene imran imrane ina inaya inayah incarnation india indiana indira
ines iness ingrid inna innocent insaf iona irem irena irene irenee irina irma irmine irvin
isaac isaak isabel isabella isabelle isadora isaiah isaie isaline isalyne isaure ishak ishaq
isia isidore isis islam islem isma ismael ismahane ismail isra israa israel issa issam ivan
ivana ivann ivette ivonne ivy iwan iyad iyed izia jacinthe jack jacki jackie jackson jacky
jacob jacqueline jacques jacqui jacquie jacquy jad jaden jahid jaime jaky jalal jalil jamal
jamel james jamil jamila jan jana jane janelle janice janick janie janina janine janique janis
janna jannah jannick jannine janny jany jaouad jarod jasmin jasmine jason jassem jassim javier
jawad jawed jayden jayson jean jean-alain jean-andre jean-antoine jean-baptiste jean-benoit
jean-bernard jean-charles jean-christian jean-christophe jean-claude jean-daniel jean-david
jean-denis jean-dominique jean-emmanuel jean-eric jean-etienne jean-eudes jean-francis jean-
francois jean-frederic jean-gabriel jean-georges jean-guillaume jean-guy jean-henri jean-hugues
jean-jacques jean-joseph jean-laurent jean-lou jean-louis jean-loup jean-luc jean-manuel jean-
marc jean-marcel jean-marie jean-mary jean-mathieu jean-maurice jean-max jean-michel jean-
nicolas jean-noel jean-pascal jean-patrick jean-paul jean-philippe jean-pierre jean-raymond
jean-remi jean-remy jean-rene jean-robert jean-sebastien jean-vincent jean-yves jeanine jeanne
jeanne-marie jeannette jeannick jeannie jeannine jeannot jeanny jeff jefferson jeffrey jehan
jehanne jena jenifer jenna jennah jennifer jenny jennyfer jeoffrey jeremi jeremie jeremy jerome
jeromine jerry jesse jessica jessie jessika jessim jessy jessyca jesus jibril jihad jihane jill
jim jimmy jinane joachim joackim joakim joan joana joane joann joanna joanne joannes joannie
joanny joao joaquim joaquin jocelin joceline jocelyn jocelyne jodie jody joe joel joele joelle
joey joffrette joffrey johan johana johane johann johanna johanne johannes john johnny johny
jolan jon jonah jonas jonathan joran jordan jordane jordi jordy jorge joris jorys jose jose-
manuel josee josefa joseline joselito joselyne joseph josepha josephe josephine josette joshua
josian josiane josianne josie josselin josseline josselyne josue josy josyane joud joumana joy
joyce juan juana juanita juanito jude judicael judith julen jules julia julian juliana juliane
juliann julianna julianne juliano julie julien julienne juliette juline julio julius jullian
july julyan june junior just juste justin justine kaan kader kadiatou kadidiatou kadidja kadija
kadir kahil kahina kaina kais kaiss kali kalie kalvin kaly kamal kamel kamelia kameron kamil
kamila kamilia kaoutar karamba karel karelle karen karene karim karima karin karina karine
karinne karl karla kassandra kassim kassy katarina kate katell katherine kathia kathleen kathy
katia katie katleen katty katy katya kawtar kawthar kayden kayla kaylan kaylia kayliah kayna
kays keira kelia kelian kellian kelly kellya keltoum kelvin kelya kelyan kemal ken kenan kendji
kendra kendrick kenji kenjy kenneth kenny kentin keny kenza kenzi kenzo kenzy keran kerem keren
kerian kerim keryan kessy ketsia ketty kevan kevin kevyn keyla keylan keylia keylian keziah
khadidja khadija khady khaled khalid khalil khalis khalissa khedidja kheira kiara kieran kilian
killian killyan kilyan kim kimberley kimberly kiyan klara kleber klebert klervi kloe koumba
kris kristel kristell kristelle kristina krystal krystel kubra kurt kurtis kyara kylan kyle
kylian kyliane kyliann kylie kyllian kyrian ladislas ladji laeticia laetitia lahcen lahcene
lahna laid laila laina lakdar lakhdar lalia lalie laly lambert lamia lamine lamya lana lancelot
landry lanna laora lara larbi larissa larry lassana latifa laura laurane lauranne laure laure-
anne laureen laureline lauren laurena laurence laurene laurent laurentine laurette lauriane
laurianne laurie laurie-anne laurina laurine laury lauryn lauryne lawrence laya layana layanah
layla layna lazare lea leah leana leandra leandre leandro leane leanna leanne leeloo leelou
leena leeroy lehna leia leila leina lelia lena lenaic lenaig leni lenna lennie lenny leny lenzo
leo leo-paul leocadie leon leona leonard leonardo leonce leoncie leone leonel leonide leonie
leonne leonor leonore leontine leopold leopoldine lesia leslie lesly leticia letitia letizia
levana levi levy lewis lexane lexie leya leyla leyna lia liam liana liane lidia lidwine liham
lila lilas lili lili-rose lilia lilian liliana liliane lilianne lilie lilio lilly lilly-rose
liloo lilou lilwenn lily lily-rose lilya lina linda lindsay lindsey linette lino linoa linsay
lionel lionnel lior liora lisa lisa-marie lisandro lisandru lisbeth lise lise-marie lisea
liselotte lisette lisiane lison lissandro lisy liv livia livio liya liyah liz liza lizea lizzie
lloyd loan loana loane loann loanne lobna loelia loetitia loeva loevan logan logann lohan
lohann loic loick loik lois loise lola lolita lona lony loona lora loraine loredana lorelei
loren lorena lorene lorenza lorenzo lorette loriane loric lorick lorie lorik lorine loris lorna
lorris lory lorys lotfi lou lou-ann lou-anne louan louana louane louann louanne louay loubna
louca loucas loucia louen louis louis-marie louisa louise louise-marie louisette louisiane
louison louiza louka loukas louna lounes lounis loup lovely lowen luan luana lubin luc luca
lucas lucay lucca luce lucenzo lucette lucia lucian luciana luciano lucie lucien lucienne
lucile lucille lucinda lucine lucrece lucy ludivine ludmila ludmilla ludovic ludwig luigi luis
luisa luka lukas luke luna lya lyah lyam lyana lyanna lycia lydia lydiane lydie lyes lyham lyla
lylia lylian lyliane lyloo lylou lyna lynda lyne lynn lynna lyonel lysa lysandre lyse lysiane
lysie lyvia m'hamed maceo macha madani maddie maddy madelaine madeleine madeline madina madison
madisson madjid mady madyson mae mael maela maelan maelane maelia maelie maeline maelis maeliss
maelisse maella maelle maelly maellys maely maelya maelyne maelys maelyss maelysse maena maeva
maewenn magali magalie magaly magda magdalena magdeleine maggy magloire maguelone maguy maha
mahamadou mahault mahaut mahdi mahe mahel maher mahina mahmoud maho maia maider maika mailis
maily mailys maimouna maina maissa maissane maite maitena maiwen maiwenn majda majid makan
malak malaurie malaury malcolm malcom malek malena malia malicia malick malik malika mallaury
mallorie mallory malo malone malonn malorie malory malou malvina malya mama mamadou mame mamou
mamoudou manal manar mandy manel manelle manfred mani mano manoa manoah manoe manoel manolo
manon mansour manu manuel manuela manuella manuelle mao mara maram marc marc-andre marc-antoine
marc-olivier marceau marcel marcelin marceline marcella marcelle marcellin marcelline marcello
marco marcus mareva margaret margareth margaux margo margot marguerite marguerite-marie maria
mariam mariama mariame marian mariana mariane marianna marianne mariannick mariano marie marie-
agnes marie-aimee marie-alice marie-aline marie-alix marie-amelie marie-andree marie-ange
marie-angele marie-anne marie-annick marie-antoinette marie-astrid marie-aude marie-beatrice
marie-benedicte marie-bernadette marie-blanche marie-brigitte marie-camille marie-carmen marie-
caroline marie-catherine marie-cecile marie-celine marie-chantal marie-charlotte marie-
christiane marie-christine marie-claire marie-claude marie-danielle marie-dominique marie-edith
marie-elisabeth marie-elise marie-emilie marie-emmanuelle marie-eve marie-flore marie-france
marie-francoise marie-gabrielle marie-genevieve marie-helene marie-henriette marie-isabelle
marie-jeanne marie-joelle marie-jose marie-josee marie-joseph marie-josephe marie-josephine
marie-josette marie-julie marie-laure marie-laurence marie-liesse marie-line marie-lise marie-
lou marie-louise marie-luce marie-lucie marie-lyne marie-lys marie-madeleine marie-marguerite
marie-martine marie-michele marie-michelle marie-noelle marie-odile marie-pascale marie-paule
marie-pierre marie-reine marie-renee marie-rose marie-sarah marie-sophie marie-sylvie marie-
therese marie-thereze marie-veronique marie-yvonne mariella marielle mariem marien marietta
mariette marika marilene mariline marilou marilyn marilyne marilys marin marina marinette
marino mario marion marisa marise marissa marius mariya marjane marjolaine marjorie marjory
mark marko marlene marley marlise marlon marlone marlyse maroua marouan marouane maroussia
marta martha marthe martial martin martina martine marty marvin marvyn marwa marwan marwane
mary marya maryam maryan maryannick maryem marylene marylin maryline marylise marylou maryne
maryse maryvonne massimo massinissa mateo matheo mathew mathias mathieu mathilda mathilde
mathis mathurin mathurine mathys matias matilda matilde matis matisse matt matteo mattheo
matthew matthias matthieu matthis matthys mattia mattias mattis mattys matys maud maude maurane
maureen maurice mauricette mauricia maurille maurine maverick max maxance maxandre maxence
maxens maxim maxime maximilian maximilien maximilienne maximin maxine may maya mayar mayeul
maylie mayline maylis mayliss mayra mayron mayssa mayssane mazarine medard meddy mederic medhi
medhy medina medine medy megan megane meggie meggy meghan meghane mehdi mehdy mehmet meissa
melaine melanie melany melchior melda melek melia melie melih meliha melika melike melina
melinda meline melis melisa melisande melissa melissande melissandre mellina melodie melody
melusine melvil melvin melvyn melya melyna melynda melyne melyssa mendy mercedes meredith
meriam meriem merlin merve merwan meryam meryem meryl mesmin messaoud messaouda meven mewen
meyssa meziane mia micael michael michaela michaelle michel michele micheline michelle mickael
mickaela mickaella mickaelle mieczyslaw miguel mika mikael mikail mike mikel mila milan milana
milann milena milene milhan milhane milla milo miloud mimoun mina minh mira miranda mireille
mirella miriam miryam miya moana modeste modibo mohamad mohamed mohamed-ali mohamed-amine
mohamed-lamine mohammad mohammed mohand moise moisette mokhtar moktar molly mona moncef monette
monia monica monika monique montaine morad morane morgan morgane morgann morganne mouad
mouhamadou mouhamed mouhammad moulay mouloud mouna mounia mounir mounira mourad moussa moustafa
moustapha muguette muhammad muhammed muhammet murat muriel muriele murielle musa mustafa
mustapha mya myla mylan mylann mylena mylene myriam myriame myriane myrianne myriem myron
myrtille nabil nabila nabile nacer nacera nacim nada nadege nader nadia nadiege nadim nadine
nadir nadira nael naelle nafissa nahel nahia nahil nahim nahima nahla naia nail naila naim
naima nais najat najate najet najia najib najim najoua najwa nancy nans naomi naomie naomy
naoual naouel naoufel narcisse nasser nassera nassim nassima nassira nastasia natacha natalia
natalie natan natasha nateo nathael nathalia nathalie nathan nathanael nathanaelle nathaniel
natheo nawal nawel nawelle nawfel naya nayah nayel nayla naziha nazim nedjma neela neil neila
nejma nelia nell nella nellie nello nelly nelson nelya neo nermine neslihan nesrine ness nessa
nessim nessrine nestor neven neyla nicaise nicholas nicola nicolas nicole nicolette nicolle
niels nihad nihal nihel nikita nikola nil nila nils nina nine nino ninon niouma nisa nisrine
nizar noa noah noam noan noe noela noele noelia noelie noeline noella noelle noellie noelly
noelyne noemi noemie noemy noha noham nohan nohann nohlan nola nolan nolane nolann nolhan
nolhann nollan nolwen nolwenn noor nora norah norbert nordine noria norma norman nouara nour
noura nourdine noureddine nouredine nourhane nouria nourredine numa nuno oceane oceanne octave
octavie odelia odette odile odille odilon odin oihan oihana okan oksana olfa olga oliver olivia
ollivier olympe omar ombeline omer ondine onesime onur ophelia ophelie orane orhan oriana
oriane orianne orlando orlane ornella oscar osman oswald othilie othman othmane othon otto
ouafa oualid ouarda ouardia oumaima oumar oumayma oumou ourida ousmane oussama owen ozan ozlem
pablo paco pacome palmyre paloma pamela paola paolina paolo paquerette paquita parfait pascal
pascale pascaline patric patrice patricia patrick patxi paul paul-antoine paul-emile paul-henri
paul-louis paula paule paulette paulin paulina pauline paulo pavel pedro peggy peio pelagie
penelope perine perla perrine peter petronille petrus pharell philemon philibert philiberte
philip philippe philippine philomene phoebe pia pierre pierre-adrien pierre-alain pierre-
alexandre pierre-alexis pierre-andre pierre-antoine pierre-edouard pierre-emmanuel pierre-
etienne pierre-francois pierre-henri pierre-jean pierre-louis pierre-luc pierre-marie pierre-
olivier pierre-yves pierrette pierric pierrick pierrine pierrot pietro pilar placide pol
precilia precillia prescilia prescilla prescillia preston prince prisca priscilia priscilla
priscille priscillia prosper prudent pulcherie qassim quentin quitterie rabah rabia racha
rachel rachele rachelle rachid rachida radegonde radia radouane rafael rafik rahim rahma raissa
raja rajaa ralph ramata ramazan rami ramon ramy ramzi rana randy rania ranya raouf raoul
raphael raphaele raphaella raphaelle raquel rayan rayane rayann rayen rayhan rayhana raymond
raymonde raynald rayyan razane rebecca reda redha redouane redwan regina reginald regine regis
reine reine-marie rejane remi remond remy renald renan renato renaud rene renee renelle renzo
reymond reymonde reynald riad ricardo richard rida rigobert rihanna riley rim rima rime rina
rino rita ritchy ritej riwan riyad robert roberte robertine roberto robin robinson rocco roch
rodolphe rodrigo rodrigue roger rohan rokia roland rolande rolland rollande romain romaine
romaissa romane romann romaric romeo romuald romy ronald ronan ronny rony rosa rosa-maria
rosaire rosalia rosalie rosan rosane rosanna rosanne rosaria rosario rose-marie rose-may
roseline roselyne rosemonde rosette rosie rosina rosine rosita rosy roxane roxanne roy rozenn
ruben rubens ruby ruddy rudolph rudolphe rudy rufine rui rumeysa ruth ryad ryan rym saad saadia
sabah saber sabina sabine sabri sabrina sabrine sabry sacha sadia sadio safa safaa safae safia
safir safiya safwan safwane safya sahra said saida sajid sakina salah saleha salem salif salih
saliha salim salima salimata sally salma salman salome salomee salomon saloua salsabil salvador
salvator salvatore salwa sam samah samanta samantha samba samet sami samia samir samira sammy
samra samson samuel samy samya sana sanaa sanae sanah sandie sandra sandrina sandrine sandro
sandy sania santiago saona saphia sara sarah sarra sasha saskia satine saturnin saul sauveur
savana savanah savannah sayan scarlett scholastique scott scotty sean sebastian sebastien
sebastienne segolene sekou selen selena selene selim selin selina selma selyan sema semih sena
sephora seraphin seraphine serena serge sergine sergio serine serkan servais servane sevan
sevda severin severine seydou seyma shaima shaina shainez shana shanel shania shanice shanna
shannon shanon shanone sharon shawn shayma shayna sheherazade sheila shelly shelsy sherazade
sherine sherley sheryne shirel shirine shirley shona siana sibel sibylle sidi sidney sidonie
sidy siegfried sienna sigrid siham sihame sihem sila silas siloe silvain silvana silvere silvia
silviane silvie silvio silya simeon simon simone simonne sinan sindy sinem sira sirine sixtine
skander slim sliman slimane sloan sloane smail smain soan soane soann soazig soen sofia sofian
sofiane sofien sofiene sofyan sohan sohane sohann soizic solal solan solange soledad solen
solene solenn solenne soline solveig solyne sonia sonja sonny sony sonya sophia sophian
sophiane sophie soraya soren sorenza soria sosthene souad soufian soufiane souhail souhayl
souheil souhila soukaina soukayna soulayman soulaymane souleyman souleymane souleymen soumaya
soumeya soumia stacy stan stanislas stanislaw stanislawa stanley stany stecy steeve steeven
steevy stefan stefania stefano steffie steffy stella stephan stephane stephania stephanie
stephen sterenn stessie stessy stevan steve steven stevens stevy suleyman sulivan sullivan
sully sullyvan sultan sulyvan sunny susan susie suzana suzanna suzanne suzel suzelle suzette
suzie suzon suzy sven svetlana swan swann syana sybille sydney sylia sylvain sylvaine sylvana
sylvanie sylvere sylvestre sylvette sylvia sylvian sylviane sylvianne sylvie sylvine sylvio
syrine tadeusz taha tahar tahina taina tais talia talya tamara tancrede tangi tanguy tania
tanya tao taoufik tara tarek tarik tasnim tasnime tassadit tatiana tayeb taylor tayron tea ted
teddy telio telma teo terence teresa terry tesnim tesnime tess tessa tessy teva thais thalia
thalya thao thea theau thelio thelma theo theodora theodore theodule theophane theophile
theotime theresa therese theresia thereze thi thiago thibaud thibault thibaut thierno thierry
thiery thimeo thomas thomassine thya thymeo tia tiago tiana tibo tiburce tidiane tifaine
tifanie tifanny tifany tifenn tiffanie tiffany tilio tim timael timeo timmy timo timote timothe
timothee timothy tina tino tiphaine tiphanie tiphany titouan tiziana tiziano tobias tolga tom
tomas tommy tomy toni tony toscane toufik touria toussaint toussainte toussine tracy trecy
tressy tristan trystan tugba tugdual tya tyana tylan tyler tylian tylio tymeo typhaine typhanie
tyron tyson ugo ugur ulric ulrich ulrick ulysse umberto umit umut urbain ursula ursule vadim
valentin valentina valentine valentino valere valeria valerian valeriane valerie valery van
vanda vanessa vanina vasco vassili vera veronica veronique vianney vicente vicky victor
victoria victorien victorin victorine viktor vince vincent vincente vincenzo vinciane violaine
violetta virgil virgile virginia virginie vital vitaline vito vittorio vivian viviane vivianne
vivien vivienne vladimir volkan voltaire wael wafa wafaa wahib wahiba wahid wahil wail walid
walter wanda wandrille warda waren warren wassil wassila wassim wayne wenceslas wendy werner
wesley whitney wiam widad wilfrid wilfried wilhem willem william williams willy wilson wissal
wissam wissem wladimir wladislas wladislaw wladislawa wladyslaw wladyslawa wolfgang wyatt xabi
xan xavier xaviere yacin yacine yacoub yael yaelle yahia yahya yamin yamina yamine yamna yan
yani yanice yanick yanis yaniss yanisse yann yanni yannic yannick yannik yannis yara yasemin
yasin yasine yasmin yasmina yasmine yasser yassin yassine yassir yaya yazid yelena yeliz ylan
ylana ylann ylian yliana ylies ylona ynes yoan yoann yoel yohan yohann yolaine yolan yoland
yolanda yolande yolene yona yoni yorick yosra youcef youen youenn youmna youna younes youness
youri yousra yousri youssef youssouf youssra ysaline yseult yuna yunus yusuf yvain yvan yvana
yvann yvanna yveline yvelise yves yves-marie yvette yvon yvonne yvonnick zacharia zacharie
zachary zack zackary zahia zahra zaina zainab zaineb zakari zakaria zakariya zakary zakarya
zakia zara zayd zayn zaynab zayneb zehra zeineb zelia zelie zeliha zephirin zeyneb zeynep zia
ziad zied zina zineb zinedine zita ziyad zoe zohra zora zoran zoubida zulma zyad"""


@cache
def first_names() -> frozenset[str]:
    """The list as a set, built on first use."""
    return frozenset(_NAMES.split())
