//! A realistic demo portfolio: Swedish contracting authorities of each kind, projects in
//! different phases, the people around them, their time plans and their meetings (with
//! timed agendas and participants), their needs (with evidence and a status history),
//! improvement suggestions and lessons learned, and what the meetings produced: notes
//! with every confidentiality label, decisions, action items (overdue, due today, this
//! week, later, undated and done), open questions, the notes-status history and the
//! export log. Dates are relative to `today`; every row has a fixed UUID, so loading
//! twice adds nothing the second time.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

use crate::domain::{
    ActionInput, ActionStatus, AgendaItemInput, AttendanceRole, Audience, Clock, Confidentiality,
    DecisionInput, ExportRecord, InnovationLevel, LessonInput, LessonKind, MeetingFormat,
    MeetingInput, MeetingStatus, MeetingType, MilestoneInput, NeedInput, NeedStatus, NotesStatus,
    OrgKind, OrganisationInput, PersonInput, Phase, Priority, ProjectInput, ProjectStatus,
    SuggestionInput, SuggestionStatus, TextEnum,
};
use crate::store::{Result, Store, StoreError};
use AttendanceRole::{Chair, Observer, Participant as Guest, Presenter};
use Confidentiality::{Internal, Personal, Shareable, SupplierConfidential};
use NeedStatus::{Analysed, Deferred, Described, Prioritised, Rejected, Validated};
use Priority::{Could, Must, Should, Wont};

/// What a load added (zero everywhere when the demo was already there).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub organisations: usize,
    pub people: usize,
    pub projects: usize,
    pub milestones: usize,
    pub meetings: usize,
    pub agenda_items: usize,
    pub participants: usize,
    pub needs: usize,
    pub suggestions: usize,
    pub lessons: usize,
    pub notes: usize,
    pub decisions: usize,
    pub actions: usize,
    pub questions: usize,
}

fn uuid(n: u64) -> String {
    format!("7d1d0000-0000-4000-8000-{n:012x}")
}

fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    if offset >= 0 {
        today + Days::new(offset as u64)
    } else {
        today - Days::new(offset.unsigned_abs())
    }
}

const ORGANISATIONS: &[(u64, &str, OrgKind)] = &[
    (1, "Luleå kommun", OrgKind::ContractingAuthority),
    (2, "Region Västerbotten", OrgKind::ContractingAuthority),
    (3, "Trafikverket", OrgKind::ContractingAuthority),
    (4, "Uppsalahem AB", OrgKind::ContractingAuthority),
    (5, "Malmö stad", OrgKind::ContractingAuthority),
    (6, "Norrsken Sensorteknik AB", OrgKind::Supplier),
    (7, "Vårdflöde Nordic AB", OrgKind::Supplier),
    (8, "Byggföretagen", OrgKind::IndustryAssociation),
    (9, "RISE Research Institutes of Sweden", OrgKind::Research),
    (10, "PRO Luleå", OrgKind::UserOrganisation),
];

/// (uuid, name, organisation, title, email, phone)
const PEOPLE: &[(u64, &str, &str, &str, &str, &str)] = &[
    (
        101,
        "Åsa Lindqvist",
        "Luleå kommun",
        "Upphandlare",
        "asa.lindqvist@lulea.se",
        "0920-45 30 12",
    ),
    (
        102,
        "Jörgen Nilsson",
        "Luleå kommun",
        "Enhetschef hemtjänst",
        "jorgen.nilsson@lulea.se",
        "0920-45 31 40",
    ),
    (
        103,
        "Märta Öhman",
        "Region Västerbotten",
        "Strategisk inköpare",
        "marta.ohman@regionvasterbotten.se",
        "090-785 00 00",
    ),
    (
        104,
        "Karin Sjöberg",
        "Trafikverket",
        "Projektledare upphandling",
        "karin.sjoberg@trafikverket.se",
        "0771-921 921",
    ),
    (
        105,
        "Erik Åkesson",
        "Uppsalahem AB",
        "Fastighetsutvecklare",
        "erik.akesson@uppsalahem.se",
        "018-727 34 00",
    ),
    (
        106,
        "Leila Haddad",
        "Malmö stad",
        "Inköpsstrateg",
        "leila.haddad@malmo.se",
        "040-34 10 00",
    ),
    (
        107,
        "Per-Olof Backman",
        "Norrsken Sensorteknik AB",
        "VD",
        "po.backman@norrsken-sensor.se",
        "",
    ),
    (
        108,
        "Sofia Grönlund",
        "Vårdflöde Nordic AB",
        "Affärsutvecklare",
        "sofia.gronlund@vardflode.se",
        "",
    ),
    (
        109,
        "Anders Wikström",
        "RISE Research Institutes of Sweden",
        "Forskare",
        "anders.wikstrom@ri.se",
        "",
    ),
    (
        110,
        "Birgitta Holm",
        "PRO Luleå",
        "Ordförande",
        "",
        "070-123 45 67",
    ),
];

struct DemoProject {
    uuid: u64,
    input: fn(NaiveDate) -> ProjectInput,
    /// (uuid, title, due offset in days, done offset if done)
    milestones: &'static [(u64, &'static str, i64, Option<i64>)],
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| t.to_string()).collect()
}

const PROJECTS: &[DemoProject] = &[
    DemoProject {
        uuid: 201,
        input: |t| {
            ProjectInput {
            code: "LULE-25".into(),
            title: "Trygg hemtjänst med digital tillsyn".into(),
            buyer_name: "Luleå kommun".into(),
            case_number: "KS 2025/0412".into(),
            subject: "Välfärdsteknik i hemtjänsten".into(),
            goal: "Fler brukare ska kunna bo tryggt hemma med tillsyn på natten som inte väcker dem.\nUpphandlingen ska öppna för nya lösningar, inte bara kameror.".into(),
            phase: Phase::EarlyDialogue,
            status: ProjectStatus::Active,
            innovation_level: Some(InnovationLevel::NewSolutions),
            planned_procedure: "Förhandlat förfarande med föregående annonsering".into(),
            start_date: Some(day(t, -120)),
            end_date: Some(day(t, 240)),
            tags: tags(&["välfärdsteknik", "hemtjänst", "nattillsyn"]),
        }
        },
        milestones: &[
            (301, "Behovsanalys klar", -60, Some(-58)),
            (302, "RFI publicerad", -21, Some(-20)),
            (303, "Leverantörsdialoger genomförda", 10, None),
            (304, "Förfrågningsunderlag på remiss", 45, None),
            (305, "Annonsering", 75, None),
        ],
    },
    DemoProject {
        uuid: 202,
        input: |t| ProjectInput {
            code: "RVB-26".into(),
            title: "Fossilfria patienttransporter".into(),
            buyer_name: "Region Västerbotten".into(),
            case_number: "RV 2026-00087".into(),
            subject: "Sjukresor och liggande transporter".into(),
            goal:
                "Halvera utsläppen från sjukresor till 2030 utan längre restider för patienterna."
                    .into(),
            phase: Phase::NeedsAnalysis,
            status: ProjectStatus::Active,
            innovation_level: Some(InnovationLevel::DevelopmentPromoting),
            planned_procedure: "Öppet förfarande".into(),
            start_date: Some(day(t, -30)),
            end_date: Some(day(t, 400)),
            tags: tags(&["klimat", "transporter"]),
        },
        milestones: &[
            (311, "Projektplan beslutad", -25, Some(-25)),
            (312, "Behovsworkshops med vårdcentraler", -3, None),
            (313, "Marknadsanalys", 60, None),
        ],
    },
    DemoProject {
        uuid: 203,
        input: |t| ProjectInput {
            code: "TRV-BRO".into(),
            title: "Sensorbaserat underhåll av broar".into(),
            buyer_name: "Trafikverket".into(),
            case_number: "TRV 2025/98765".into(),
            subject: "Tillståndsbedömning av betongbroar".into(),
            goal:
                "Upptäcka skador innan de syns, så att underhållet kan planeras i stället för akut."
                    .into(),
            phase: Phase::MarketAnalysis,
            status: ProjectStatus::Active,
            innovation_level: Some(InnovationLevel::RndServices),
            planned_procedure: "Förkommersiell upphandling (FoU-tjänster)".into(),
            start_date: Some(day(t, -200)),
            end_date: Some(day(t, 500)),
            tags: tags(&["infrastruktur", "sensorer", "FoU"]),
        },
        milestones: &[
            (321, "Omvärldsbevakning", -90, Some(-95)),
            (322, "Informationsmöte för leverantörer", 21, None),
            (323, "Beslut om upphandlingsstrategi", 90, None),
        ],
    },
    DemoProject {
        uuid: 204,
        input: |t| {
            ProjectInput {
            code: "UHEM-25".into(),
            title: "Energilyft i miljonprogrammet".into(),
            buyer_name: "Uppsalahem AB".into(),
            case_number: "UH 2025-031".into(),
            subject: "Renovering med boende kvar".into(),
            goal: "Minska energianvändningen med 40 % utan hyreshöjningar som tvingar boende att flytta.".into(),
            phase: Phase::Requirements,
            status: ProjectStatus::Active,
            innovation_level: Some(InnovationLevel::NewSolutions),
            planned_procedure: "Konkurrenspräglad dialog".into(),
            start_date: Some(day(t, -300)),
            end_date: Some(day(t, 120)),
            tags: tags(&["energi", "bostäder"]),
        }
        },
        milestones: &[
            (331, "Dialogmöten med entreprenörer", -80, Some(-78)),
            (332, "Kravspecifikation första utkast", -7, None),
            (333, "Juridisk granskning", 20, None),
        ],
    },
    DemoProject {
        uuid: 205,
        input: |t| ProjectInput {
            code: "MLM-SKOL".into(),
            title: "Smartare skolskjuts".into(),
            buyer_name: "Malmö stad".into(),
            case_number: "".into(),
            subject: "Planering av skolskjuts".into(),
            goal: "".into(),
            phase: Phase::Initiation,
            status: ProjectStatus::Prospect,
            innovation_level: None,
            planned_procedure: "".into(),
            start_date: Some(day(t, 30)),
            end_date: None,
            tags: Vec::new(),
        },
        milestones: &[(341, "Första möte med förvaltningen", 14, None)],
    },
];

// ----- meetings -------------------------------------------------------------------------

/// Which day a demo meeting falls on, relative to `today`.
#[derive(Clone, Copy)]
enum On {
    /// The n-th working day after (n > 0) or before (n < 0) today; 0 is today, or the next
    /// Monday when today is a weekend. Keeps every meeting on a weekday and fills the
    /// current week whatever day it is.
    Workday(i64),
    /// `today + n` days (to match a milestone), moved to Monday if that is a weekend.
    Calendar(i64),
}

fn is_weekend(d: NaiveDate) -> bool {
    d.weekday().num_days_from_monday() >= 5
}

fn workday(today: NaiveDate, n: i64) -> NaiveDate {
    let mut d = today;
    if n >= 0 {
        while is_weekend(d) {
            d = day(d, 1);
        }
        let mut left = n;
        while left > 0 {
            d = day(d, 1);
            if !is_weekend(d) {
                left -= 1;
            }
        }
    } else {
        let mut left = -n;
        while left > 0 {
            d = day(d, -1);
            if !is_weekend(d) {
                left -= 1;
            }
        }
    }
    d
}

impl On {
    fn date(self, today: NaiveDate) -> NaiveDate {
        match self {
            On::Workday(n) => workday(today, n),
            On::Calendar(n) => {
                let mut d = day(today, n);
                while is_weekend(d) {
                    d = day(d, 1);
                }
                d
            }
        }
    }
}

/// A wall-clock time on `date` in the store's zone, as UTC. Demo times are daytime, so
/// they never fall in a daylight-saving gap; if one did, the time is taken as UTC
/// rather than failing the whole load.
fn at(store: &Store, date: NaiveDate, (h, m): (u32, u32)) -> DateTime<Utc> {
    let local = date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN));
    store
        .clock()
        .to_utc(local)
        .unwrap_or_else(|_| local.and_utc())
}

/// (title, minutes, method, owner, expected outcome)
type Block = (&'static str, u32, &'static str, &'static str, &'static str);

/// (person uuid, role, attended — used only for held meetings)
type Participant = (u64, AttendanceRole, bool);

struct DemoMeeting {
    uuid: u64,
    project: u64,
    on: On,
    start: (u32, u32),
    end: (u32, u32),
    kind: MeetingType,
    title: &'static str,
    purpose: &'static str,
    desired_outcome: &'static str,
    format: MeetingFormat,
    location: &'static str,
    status: MeetingStatus,
    notes_status: NotesStatus,
    /// Points of the equal-treatment checklist ticked (indexes into `CHECKLIST`).
    checklist: &'static [usize],
    /// Agenda items get the uuid `meeting uuid × 100 + position`.
    agenda: &'static [Block],
    people: &'static [Participant],
}

const STADSHUSET_LULEA: &str = "Stadshuset, sal Norrsken, Luleå";
const TEAMS_1: &str =
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_TUxBLTI1LWRpYWxvZw%40thread.v2/0";
const TEAMS_2: &str =
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_UlZCLTI2LXByb2plaw%40thread.v2/0";
const TEAMS_3: &str =
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_VFJWLUJSTy1pbnRlcg%40thread.v2/0";
const TEAMS_4: &str =
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_VUhFTS0yNS1rcmF2%40thread.v2/0";
const UPPSALAHEM: &str = "Uppsalahems kontor, mötesrum Fyris, Uppsala";

// Fixed UUID numbers of the demo projects and people above.
const LULE: u64 = 201;
const RVB: u64 = 202;
const TRV: u64 = 203;
const UHEM: u64 = 204;
const MLM: u64 = 205;

const ASA: u64 = 101;
const JORGEN: u64 = 102;
const MARTA: u64 = 103;
const KARIN: u64 = 104;
const ERIK: u64 = 105;
const LEILA: u64 = 106;
const PER_OLOF: u64 = 107;
const SOFIA: u64 = 108;
const ANDERS: u64 = 109;
const BIRGITTA: u64 = 110;

/// The facilitator (the user, who is not in the directory) as an agenda block's owner.
const PL: &str = "Processledaren";

const ASA_NAME: &str = "Åsa Lindqvist";
const JORGEN_NAME: &str = "Jörgen Nilsson";
const MARTA_NAME: &str = "Märta Öhman";
const KARIN_NAME: &str = "Karin Sjöberg";
const ERIK_NAME: &str = "Erik Åkesson";
const LEILA_NAME: &str = "Leila Haddad";
const PER_OLOF_NAME: &str = "Per-Olof Backman";
const SOFIA_NAME: &str = "Sofia Grönlund";
const ANDERS_NAME: &str = "Anders Wikström";
const BIRGITTA_NAME: &str = "Birgitta Holm";

const MEETINGS: &[DemoMeeting] = &[
    // ----- past, held --------------------------------------------------------------------
    DemoMeeting {
        uuid: 401,
        project: RVB,
        on: On::Workday(-9),
        start: (9, 0),
        end: (12, 0),
        kind: MeetingType::Kickoff,
        title: "Uppstartsmöte: fossilfria patienttransporter",
        purpose: "Samla projektgruppen kring mål, roller och tidplan för upphandlingen av sjukresor och liggande transporter.",
        desired_outcome: "En gemensam bild av målet, en beslutad projektplan och bokade behovsworkshops.",
        format: MeetingFormat::InPerson,
        location: "Regionens hus, sal Vindeln, Umeå",
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Approved,
        checklist: &[],
        agenda: &[
            (
                "Välkommen och presentationsrunda",
                15,
                "Runda",
                MARTA_NAME,
                "Alla vet vem som gör vad",
            ),
            (
                "Mål och avgränsning",
                40,
                "Genomgång och diskussion",
                MARTA_NAME,
                "Målet formulerat så att det går att följa upp",
            ),
            (
                "Vad är tidig dialog?",
                30,
                "Presentation",
                PL,
                "Samsyn om varför vi pratar med marknaden tidigt",
            ),
            ("Paus", 15, "", "", ""),
            (
                "Intressenter och behovsägare",
                45,
                "Intressentkarta på whiteboard",
                PL,
                "Lista över vilka vi behöver höra i behovsanalysen",
            ),
            (
                "Tidplan och nästa steg",
                35,
                "Genomgång",
                MARTA_NAME,
                "Datum för behovsworkshops bokade",
            ),
        ],
        people: &[(MARTA, Chair, true), (ANDERS, Observer, true)],
    },
    DemoMeeting {
        uuid: 402,
        project: TRV,
        on: On::Workday(-8),
        start: (10, 0),
        end: (11, 30),
        kind: MeetingType::SteeringGroup,
        title: "Styrgrupp: inriktning för marknadsanalysen",
        purpose: "Förankra inriktningen för marknadsanalysen och få mandat att bjuda in leverantörer till dialog.",
        desired_outcome: "Beslut om informationsmöte och enskilda dialogmöten under de kommande veckorna.",
        format: MeetingFormat::Hybrid,
        location: "Trafikverket, Röda vägen 1, Borlänge (och på Teams)",
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Sent,
        checklist: &[],
        agenda: &[
            (
                "Föregående protokoll",
                10,
                "Genomgång",
                KARIN_NAME,
                "Protokollet godkänt",
            ),
            (
                "Läget i projektet",
                20,
                "Statusrapport",
                KARIN_NAME,
                "Styrgruppen känner till risker och tidplan",
            ),
            (
                "Omvärldsbevakningen: vad finns på marknaden?",
                25,
                "Presentation",
                ANDERS_NAME,
                "En bild av hur mogen sensortekniken är",
            ),
            (
                "Förslag: dialog med leverantörer",
                25,
                "Beslutsärende",
                PL,
                "Beslut om informationsmöte och enskilda dialoger",
            ),
            ("Övrigt och nästa möte", 10, "", KARIN_NAME, ""),
        ],
        people: &[(KARIN, Chair, true), (ANDERS, Presenter, true)],
    },
    DemoMeeting {
        uuid: 403,
        project: LULE,
        on: On::Workday(-6),
        start: (9, 0),
        end: (12, 0),
        kind: MeetingType::SupplierWorkshop,
        title: "Leverantörsworkshop: trygg nattillsyn utan kamera",
        purpose: "Låta leverantörer, forskare och brukarföreträdare utforska hur nattillsyn kan ske utan att väcka brukaren – innan kraven skrivs.",
        desired_outcome: "En bred bild av möjliga lösningar och av vad som kan hindra dem, som underlag till sammanställningen av RFI-svaren.",
        format: MeetingFormat::InPerson,
        location: STADSHUSET_LULEA,
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Sent,
        checklist: &[0, 1, 2, 3, 4],
        agenda: &[
            (
                "Välkommen och spelregler för dialogen",
                15,
                "Presentation",
                ASA_NAME,
                "Alla vet att upphandlingen inte har startat och att detta inte är en förhandling",
            ),
            (
                "Behovet: en natt i hemtjänsten",
                25,
                "Berättelse och frågor",
                JORGEN_NAME,
                "Leverantörerna förstår behovet ur brukarens perspektiv",
            ),
            (
                "Brukarnas röst",
                15,
                "Presentation",
                BIRGITTA_NAME,
                "Äldres egna krav på integritet och enkelhet",
            ),
            ("Fika", 15, "", "", ""),
            (
                "Lösningsidéer i blandade grupper",
                60,
                "Världscafé, tre bord",
                PL,
                "Idéer grupperade per tillsynsbehov",
            ),
            (
                "Hinder och risker",
                30,
                "Gruppdiskussion",
                PL,
                "Lista över hinder i dagens krav och avtal",
            ),
            (
                "Sammanfattning och fortsatt dialog",
                20,
                "Helgrupp",
                ASA_NAME,
                "Alla vet hur de bokar ett enskilt dialogmöte",
            ),
        ],
        people: &[
            (ASA, Chair, true),
            (JORGEN, Presenter, true),
            (BIRGITTA, Presenter, true),
            (PER_OLOF, Guest, true),
            (SOFIA, Guest, true),
            (ANDERS, Guest, false),
        ],
    },
    DemoMeeting {
        uuid: 404,
        project: TRV,
        on: On::Workday(-4),
        start: (14, 0),
        end: (15, 0),
        kind: MeetingType::Interview,
        title: "Intervju: erfarenheter av sensorövervakning av broar",
        purpose: "Förstå vad som krävs för att följa sprickbildning i betongbroar över tid, ur en leverantörs perspektiv.",
        desired_outcome: "Underlag till marknadsanalysen om mognadsgrad, kostnadsdrivare och vad som gör en FoU-upphandling attraktiv för små företag.",
        format: MeetingFormat::Digital,
        location: TEAMS_3,
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Approved,
        checklist: &[0, 1, 3],
        agenda: &[
            (
                "Inledning och syfte",
                5,
                "",
                KARIN_NAME,
                "Syfte och spelregler klara",
            ),
            (
                "Företagets erfarenheter av brosensorer",
                20,
                "Semistrukturerad intervju",
                PL,
                "Exempel på genomförda mätningar",
            ),
            (
                "Hinder för små företag i FoU-upphandlingar",
                20,
                "Semistrukturerad intervju",
                PL,
                "Konkreta hinder att undvika i upplägget",
            ),
            ("Frågor från Trafikverket", 10, "Frågestund", KARIN_NAME, ""),
            (
                "Avslutning",
                5,
                "",
                PL,
                "Leverantören vet hur anteckningarna används",
            ),
        ],
        people: &[(KARIN, Chair, true), (PER_OLOF, Guest, true)],
    },
    DemoMeeting {
        uuid: 405,
        project: RVB,
        on: On::Workday(-3),
        start: (13, 0),
        end: (16, 0),
        kind: MeetingType::NeedsWorkshop,
        title: "Behovsworkshop 1: vårdcentralerna i Skellefteå",
        purpose: "Kartlägga hur sjukresor beställs och upplevs i dag, och vilka behov patienter och personal har som inte syns i statistiken.",
        desired_outcome: "Behov formulerade som ”som … behöver jag … för att …”, prioriterade av deltagarna.",
        format: MeetingFormat::InPerson,
        location: "Skellefteå lasarett, konferensrum Kågen",
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Draft,
        checklist: &[],
        agenda: &[
            ("Incheckning", 10, "Runda", PL, ""),
            (
                "Dagens resor: från beställning till hemkomst",
                40,
                "Kundresa på väggen",
                MARTA_NAME,
                "Resan beskriven steg för steg med smärtpunkter",
            ),
            ("Fika", 15, "", "", ""),
            (
                "Behov i grupper",
                60,
                "Behovskort",
                PL,
                "Behov formulerade per målgrupp",
            ),
            (
                "Prioritering",
                35,
                "Prickröstning",
                PL,
                "De tio viktigaste behoven",
            ),
            (
                "Nästa steg",
                20,
                "Helgrupp",
                MARTA_NAME,
                "Deltagarna vet hur behoven används",
            ),
        ],
        people: &[(MARTA, Chair, true)],
    },
    DemoMeeting {
        uuid: 406,
        project: LULE,
        on: On::Workday(-2),
        start: (10, 0),
        end: (11, 0),
        kind: MeetingType::OneToOneDialogue,
        title: "Enskilt dialogmöte – Vårdflöde Nordic AB",
        purpose: "Ge leverantören möjlighet att beskriva sin lösning för nattillsyn och ställa frågor om behovet, på samma villkor som övriga leverantörer.",
        desired_outcome: "Förståelse för lösningens möjligheter och begränsningar; synpunkter på det preliminära upplägget.",
        format: MeetingFormat::Digital,
        location: TEAMS_1,
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Approved,
        checklist: &[0, 1, 2, 3],
        agenda: &[
            (
                "Inledning: syfte och spelregler",
                10,
                "",
                ASA_NAME,
                "Leverantören vet att upphandlingen inte har startat och att detta inte är en förhandling",
            ),
            (
                "Leverantören presenterar sin lösning",
                20,
                "Presentation",
                SOFIA_NAME,
                "En bild av lösningen och hur mogen den är",
            ),
            (
                "Frågor om behovet och upplägget",
                20,
                "Samma frågor till alla leverantörer",
                PL,
                "Synpunkter på krav som kan stänga ute nya lösningar",
            ),
            (
                "Avslutning och dokumentation",
                10,
                "",
                ASA_NAME,
                "Leverantören vet att en sammanfattning publiceras",
            ),
        ],
        people: &[
            (ASA, Chair, true),
            (JORGEN, Guest, true),
            (SOFIA, Presenter, true),
        ],
    },
    DemoMeeting {
        uuid: 407,
        project: LULE,
        on: On::Workday(-1),
        start: (13, 0),
        end: (14, 30),
        kind: MeetingType::ProjectMeeting,
        title: "Projektmöte: sammanställning av leverantörsdialogerna",
        purpose: "Gå igenom vad RFI-svaren och dialogerna hittills har visat och vad det betyder för kravställningen.",
        desired_outcome: "Beslut om vilka krav som ska skrivas om till funktionskrav, och vem som skriver vad.",
        format: MeetingFormat::Hybrid,
        location: STADSHUSET_LULEA,
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Draft,
        checklist: &[],
        agenda: &[
            ("Läget sedan sist", 10, "Runda", ASA_NAME, ""),
            (
                "Vad RFI-svaren säger",
                25,
                "Genomgång",
                PL,
                "En gemensam bild av marknadens svar",
            ),
            (
                "Krav som riskerar att stänga ute nya lösningar",
                35,
                "Diskussion",
                JORGEN_NAME,
                "Lista över krav att formulera om",
            ),
            (
                "Fördelning av skrivuppdrag",
                15,
                "",
                ASA_NAME,
                "En ansvarig per kravavsnitt",
            ),
            ("Nästa möte", 5, "", ASA_NAME, ""),
        ],
        people: &[
            (ASA, Chair, true),
            (JORGEN, Guest, true),
            (BIRGITTA, Guest, false),
        ],
    },
    // ----- today and upcoming, planned -----------------------------------------------------
    DemoMeeting {
        uuid: 408,
        project: UHEM,
        on: On::Workday(0),
        start: (9, 0),
        end: (10, 0),
        kind: MeetingType::ProjectMeeting,
        title: "Avstämning: kravspecifikationens första utkast",
        purpose: "Gå igenom synpunkterna på första utkastet till kravspecifikation innan den juridiska granskningen.",
        desired_outcome: "En lista med ändringar som ska vara gjorda innan utkastet går till juristen.",
        format: MeetingFormat::Digital,
        location: TEAMS_4,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            (
                "Synpunkter från förvaltarna",
                20,
                "Genomgång",
                ERIK_NAME,
                "Synpunkterna sorterade",
            ),
            (
                "Energikrav: funktion eller lösning?",
                25,
                "Diskussion",
                PL,
                "Ställningstagande per krav",
            ),
            (
                "Boendeperspektivet",
                10,
                "",
                ERIK_NAME,
                "Krav på evakuering och hyresnivåer kontrollerade",
            ),
            ("Ansvar och tidplan", 5, "", ERIK_NAME, ""),
        ],
        people: &[(ERIK, Chair, false)],
    },
    // The deliberate overlap: the facilitator is booked on two projects at once.
    DemoMeeting {
        uuid: 409,
        project: LULE,
        on: On::Workday(1),
        start: (13, 0),
        end: (14, 15),
        kind: MeetingType::OneToOneDialogue,
        title: "Enskilt dialogmöte – Norrsken Sensorteknik AB",
        purpose: "Ge leverantören möjlighet att beskriva sin radarbaserade rörelsesensor och ställa frågor om behovet, på samma villkor som övriga leverantörer.",
        desired_outcome: "Förståelse för hur sensorn fungerar i ett hem med flera boende och husdjur; synpunkter på det preliminära upplägget.",
        format: MeetingFormat::Digital,
        location: TEAMS_1,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[0, 2],
        agenda: &[
            (
                "Inledning: syfte och spelregler",
                10,
                "",
                ASA_NAME,
                "Leverantören vet att upphandlingen inte har startat och att detta inte är en förhandling",
            ),
            (
                "Leverantören presenterar sin lösning",
                25,
                "Presentation med demonstration",
                PER_OLOF_NAME,
                "En bild av sensorn och hur mogen den är",
            ),
            (
                "Frågor om behovet och upplägget",
                30,
                "Samma frågor till alla leverantörer",
                PL,
                "Synpunkter på krav som kan stänga ute nya lösningar",
            ),
            (
                "Avslutning och dokumentation",
                10,
                "",
                ASA_NAME,
                "Leverantören vet att en sammanfattning publiceras",
            ),
        ],
        people: &[
            (ASA, Chair, false),
            (JORGEN, Guest, false),
            (PER_OLOF, Presenter, false),
        ],
    },
    DemoMeeting {
        uuid: 410,
        project: RVB,
        on: On::Workday(1),
        start: (13, 30),
        end: (14, 30),
        kind: MeetingType::ProjectMeeting,
        title: "Projektmöte: planering av fokusgruppen",
        purpose: "Planera fokusgruppen med patienter och anhöriga: urval, frågor och praktiska detaljer.",
        desired_outcome: "En färdig frågeguide och en inbjudan som kan skickas samma vecka.",
        format: MeetingFormat::Digital,
        location: TEAMS_2,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            (
                "Resultat från behovsworkshop 1",
                15,
                "Genomgång",
                MARTA_NAME,
                "",
            ),
            (
                "Urval av deltagare",
                20,
                "Diskussion",
                MARTA_NAME,
                "Lista över vilka som bjuds in",
            ),
            (
                "Frågeguide",
                20,
                "Gemensam redigering",
                PL,
                "Frågeguiden klar",
            ),
            (
                "Praktiskt: lokal, ersättning, tillgänglighet",
                5,
                "",
                MARTA_NAME,
                "",
            ),
        ],
        people: &[(MARTA, Chair, false)],
    },
    DemoMeeting {
        uuid: 411,
        project: UHEM,
        on: On::Workday(2),
        start: (10, 0),
        end: (11, 30),
        kind: MeetingType::ProjectMeeting,
        title: "Projektmöte: juridisk granskning av avtalsvillkor",
        purpose: "Gå igenom juristens första synpunkter på avtalsvillkoren för renovering med boende kvar.",
        desired_outcome: "Beslut om vilka villkor som ska ändras före remissen.",
        format: MeetingFormat::InPerson,
        location: UPPSALAHEM,
        status: MeetingStatus::Cancelled,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[],
        people: &[(ERIK, Chair, false)],
    },
    DemoMeeting {
        uuid: 412,
        project: LULE,
        on: On::Workday(3),
        start: (8, 30),
        end: (10, 0),
        kind: MeetingType::SteeringGroup,
        title: "Styrgrupp: beslut om upphandlingsstrategi",
        purpose: "Redovisa vad den tidiga dialogen har visat och föreslå en upphandlingsstrategi för trygg nattillsyn.",
        desired_outcome: "Beslut om förfarande, funktionskrav och tidplan fram till annonsering.",
        format: MeetingFormat::InPerson,
        location: STADSHUSET_LULEA,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::Working,
        checklist: &[],
        // Ten minutes too long for the meeting: shows the overrun warning.
        agenda: &[
            (
                "Föregående protokoll",
                5,
                "",
                JORGEN_NAME,
                "Protokollet godkänt",
            ),
            (
                "Vad dialogen med marknaden har visat",
                25,
                "Presentation",
                PL,
                "Styrgruppen känner till marknadens möjligheter och hinder",
            ),
            (
                "Förslag till upphandlingsstrategi",
                30,
                "Beslutsärende",
                ASA_NAME,
                "Beslut om förfarande",
            ),
            (
                "Risker och hur de hanteras",
                20,
                "Riskmatris",
                ASA_NAME,
                "Riskerna accepterade eller åtgärdade",
            ),
            (
                "Kommunikation till leverantörerna",
                15,
                "",
                ASA_NAME,
                "Beslut om när sammanfattningen av dialogen publiceras",
            ),
            ("Övrigt", 5, "", JORGEN_NAME, ""),
        ],
        people: &[(JORGEN, Chair, false), (ASA, Presenter, false)],
    },
    DemoMeeting {
        uuid: 413,
        project: RVB,
        on: On::Workday(5),
        start: (10, 0),
        end: (12, 0),
        kind: MeetingType::FocusGroup,
        title: "Fokusgrupp: patienter och anhöriga om sjukresor",
        purpose: "Höra hur patienter och anhöriga i inlandet upplever sjukresorna, och vad som skulle göra en fossilfri resa lika bra eller bättre.",
        desired_outcome: "Behov och farhågor från dem som reser, som komplement till personalens bild.",
        format: MeetingFormat::InPerson,
        location: "Folkets hus, Lycksele",
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            (
                "Välkommen: syfte och hur vi använder det ni säger",
                10,
                "",
                MARTA_NAME,
                "Deltagarna vet att de är anonyma",
            ),
            (
                "Berätta om din senaste sjukresa",
                30,
                "Runda",
                PL,
                "Konkreta berättelser",
            ),
            (
                "Vad är viktigast under resan?",
                30,
                "Diskussion med stödfrågor",
                PL,
                "Behov i deltagarnas egna ord",
            ),
            ("Fika", 15, "", "", ""),
            (
                "Elbil, buss eller samåkning – vad oroar?",
                25,
                "Diskussion",
                PL,
                "Farhågor att ta hänsyn till i kraven",
            ),
            ("Avslutning och ersättning", 10, "", MARTA_NAME, ""),
        ],
        people: &[(MARTA, Chair, false)],
    },
    DemoMeeting {
        uuid: 414,
        project: TRV,
        on: On::Workday(7),
        start: (9, 30),
        end: (10, 30),
        kind: MeetingType::OneToOneDialogue,
        title: "Enskilt dialogmöte – RISE (testbäddar för brosensorer)",
        purpose: "Som del av marknadsanalysen: diskutera hur en förkommersiell upphandling kan använda befintliga testbäddar och vad som krävs av en FoU-utförare, på samma villkor som för övriga intressenter.",
        desired_outcome: "Synpunkter på faser, tidplan och immaterialrätt i det preliminära upplägget.",
        format: MeetingFormat::Digital,
        location: TEAMS_3,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[0],
        agenda: &[
            (
                "Inledning: syfte och spelregler",
                10,
                "",
                KARIN_NAME,
                "Alla vet att upphandlingen inte har startat och att detta inte är en förhandling",
            ),
            (
                "Testbäddar och mätdata som finns i dag",
                20,
                "Presentation",
                ANDERS_NAME,
                "En bild av vad som kan återanvändas",
            ),
            (
                "Faser, tidplan och immaterialrätt",
                20,
                "Samma frågor till alla intressenter",
                PL,
                "Synpunkter på det preliminära upplägget",
            ),
            (
                "Avslutning och dokumentation",
                10,
                "",
                KARIN_NAME,
                "Alla vet att en sammanfattning publiceras",
            ),
        ],
        people: &[(KARIN, Chair, false), (ANDERS, Presenter, false)],
    },
    DemoMeeting {
        uuid: 419,
        project: LULE,
        on: On::Workday(8),
        start: (14, 0),
        end: (15, 30),
        kind: MeetingType::ReferenceGroup,
        title: "Referensgrupp: brukare och anhöriga om nattillsyn",
        purpose: "Pröva de preliminära funktionskraven mot brukarnas och de anhörigas erfarenheter.",
        desired_outcome: "Synpunkter på integritet, samtycke och hur larm ska fungera, innan kraven går på remiss.",
        format: MeetingFormat::InPerson,
        location: STADSHUSET_LULEA,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            ("Välkommen och syfte", 10, "", JORGEN_NAME, ""),
            (
                "Så här ser kraven ut nu",
                20,
                "Presentation",
                ASA_NAME,
                "Gruppen förstår förslaget",
            ),
            (
                "Integritet och samtycke",
                30,
                "Diskussion i smågrupper",
                PL,
                "Synpunkter på vad som känns tryggt och vad som känns övervakande",
            ),
            (
                "När ska larmet gå?",
                20,
                "Scenarier",
                PL,
                "Exempel på larm som hjälper och larm som stör",
            ),
            ("Avslutning", 10, "", JORGEN_NAME, ""),
        ],
        people: &[
            (JORGEN, Chair, false),
            (ASA, Presenter, false),
            (BIRGITTA, Guest, false),
        ],
    },
    DemoMeeting {
        uuid: 415,
        project: UHEM,
        on: On::Workday(9),
        start: (13, 0),
        end: (15, 0),
        kind: MeetingType::LessonsLearned,
        title: "Erfarenhetsåterföring: dialogmöten med entreprenörer",
        purpose: "Samla lärdomar från den konkurrenspräglade dialogen med entreprenörerna medan de är färska.",
        desired_outcome: "Tre till fem lärdomar och goda exempel som kan delas med andra allmännyttiga bostadsbolag.",
        format: MeetingFormat::Hybrid,
        location: UPPSALAHEM,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            (
                "Syfte och spelregler: inga skyldiga, bara lärdomar",
                10,
                "",
                PL,
                "",
            ),
            (
                "Tidslinje: vad hände när?",
                30,
                "Tidslinje på väggen",
                ERIK_NAME,
                "En gemensam bild av förloppet",
            ),
            (
                "Vad fungerade, vad skulle vi göra annorlunda?",
                40,
                "Tyst brainstorming och gruppering",
                PL,
                "Lärdomar grupperade per fas",
            ),
            ("Paus", 10, "", "", ""),
            (
                "Formulera lärdomar och goda exempel",
                25,
                "Arbete i par",
                PL,
                "Lärdomar skrivna så att andra kan använda dem",
            ),
            ("Avslutning", 5, "Runda", ERIK_NAME, ""),
        ],
        people: &[(ERIK, Chair, false)],
    },
    // Matches the milestone "Första möte med förvaltningen" (today + 14).
    DemoMeeting {
        uuid: 417,
        project: MLM,
        on: On::Calendar(14),
        start: (9, 0),
        end: (10, 30),
        kind: MeetingType::Kickoff,
        title: "Första möte med grundskoleförvaltningen",
        purpose: "Förstå förvaltningens problem med dagens planering av skolskjuts, och om en innovationsupphandling kan vara rätt väg.",
        desired_outcome: "Beslut om att starta ett förprojekt och om vem som äger det hos förvaltningen.",
        format: MeetingFormat::InPerson,
        location: "Stadshuset, August Palms plats 1, Malmö",
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            ("Presentation", 10, "Runda", LEILA_NAME, ""),
            (
                "Dagens planering av skolskjuts: vad fungerar inte?",
                30,
                "Gruppintervju",
                PL,
                "Problemet beskrivet med exempel",
            ),
            (
                "Vad innebär en innovationsupphandling?",
                20,
                "Presentation",
                PL,
                "Förvaltningen vet vad som krävs av den",
            ),
            (
                "Nästa steg",
                30,
                "Diskussion",
                LEILA_NAME,
                "Beslut om förprojekt",
            ),
        ],
        people: &[(LEILA, Chair, false)],
    },
    DemoMeeting {
        uuid: 420,
        project: TRV,
        on: On::Workday(11),
        start: (10, 0),
        end: (11, 0),
        kind: MeetingType::ProjectMeeting,
        title: "Projektmöte: förberedelser inför informationsmötet",
        purpose: "Gå igenom presentationerna, frågehanteringen och anmälan inför informationsmötet för leverantörer.",
        desired_outcome: "Färdiga presentationer och en rutin för hur frågor besvaras och publiceras för alla.",
        format: MeetingFormat::Digital,
        location: TEAMS_3,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            (
                "Presentationerna: genomläsning",
                25,
                "Genomgång",
                KARIN_NAME,
                "Presentationerna klara",
            ),
            (
                "Frågor och svar: vem svarar, hur publiceras de?",
                20,
                "Diskussion",
                PL,
                "En rutin för frågehanteringen",
            ),
            (
                "Anmälan och teknik för hybridmötet",
                15,
                "",
                KARIN_NAME,
                "En ansvarig för tekniken utsedd",
            ),
        ],
        people: &[(KARIN, Chair, false)],
    },
    DemoMeeting {
        uuid: 416,
        project: RVB,
        on: On::Workday(12),
        start: (14, 0),
        end: (15, 30),
        kind: MeetingType::Webinar,
        title: "Webbinarium: fossilfria sjukresor – vad kan marknaden erbjuda?",
        purpose: "Berätta för marknaden om regionens behov och planer, och bjuda in till dialog innan kraven formuleras.",
        desired_outcome: "Leverantörer av fordon, laddning och trafikplanering känner till behovet och anmäler sig till enskilda dialogmöten.",
        format: MeetingFormat::Digital,
        location: TEAMS_2,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[],
        agenda: &[
            (
                "Välkommen och spelregler för dialogen",
                10,
                "",
                MARTA_NAME,
                "Alla vet att upphandlingen inte har startat",
            ),
            (
                "Regionens mål: halverade utsläpp till 2030",
                20,
                "Presentation",
                MARTA_NAME,
                "",
            ),
            (
                "Vad behovsanalysen har visat",
                20,
                "Presentation",
                PL,
                "Marknaden känner till de viktigaste behoven",
            ),
            (
                "Frågor från deltagarna",
                30,
                "Frågor i chatten",
                PL,
                "Frågor och svar som publiceras för alla",
            ),
            (
                "Så går dialogen vidare",
                10,
                "",
                MARTA_NAME,
                "Alla vet hur de bokar ett enskilt dialogmöte",
            ),
        ],
        people: &[(MARTA, Chair, false), (ANDERS, Presenter, false)],
    },
    // Matches the milestone "Informationsmöte för leverantörer" (today + 21).
    DemoMeeting {
        uuid: 418,
        project: TRV,
        on: On::Calendar(21),
        start: (9, 0),
        end: (12, 0),
        kind: MeetingType::InformationMeeting,
        title: "Informationsmöte för leverantörer: sensorbaserat brounderhåll",
        purpose: "Ge alla intresserade leverantörer samma information om behovet och det planerade FoU-upplägget, och svara på deras frågor.",
        desired_outcome: "Leverantörerna förstår behovet, faserna och hur de kan delta; frågor och svar publiceras.",
        format: MeetingFormat::Hybrid,
        location: "Trafikverket, Solna strandväg 98, Solna (och på Teams)",
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: &[0],
        agenda: &[
            (
                "Välkommen och spelregler",
                10,
                "",
                KARIN_NAME,
                "Alla vet att upphandlingen inte har startat och att detta inte är en förhandling",
            ),
            (
                "Behovet: skador som syns för sent",
                25,
                "Presentation",
                KARIN_NAME,
                "Leverantörerna förstår problemet",
            ),
            (
                "Förkommersiell upphandling i tre faser",
                30,
                "Presentation",
                PL,
                "Leverantörerna förstår upplägget",
            ),
            ("Paus", 15, "", "", ""),
            (
                "Frågor och svar",
                80,
                "Frågor på plats och i chatten",
                KARIN_NAME,
                "Alla frågor noterade för publicering",
            ),
            (
                "Så går det vidare",
                20,
                "",
                PL,
                "Anmälan till enskilda dialogmöten öppen",
            ),
        ],
        people: &[(KARIN, Chair, false), (PER_OLOF, Guest, false)],
    },
];

/// Adds the demo meetings that are missing, with their agendas, participants and ticked
/// checklist points. Participants and ticks have no fixed UUIDs, so they are added only
/// with a meeting created in this load.
fn load_meetings(store: &mut Store, today: NaiveDate, added: &mut DemoSummary) -> Result<()> {
    for m in MEETINGS {
        let date = m.on.date(today);
        let existing = store.id_by_uuid("meetings", &uuid(m.uuid))?;
        let created = existing.is_none();
        let meeting_id = match existing {
            Some(id) => id,
            None => {
                let project_id = store
                    .id_by_uuid("projects", &uuid(m.project))?
                    .ok_or(StoreError::NotFound)?;
                let input = MeetingInput {
                    kind: m.kind,
                    title: m.title.into(),
                    purpose: m.purpose.into(),
                    desired_outcome: m.desired_outcome.into(),
                    format: m.format,
                    location: m.location.into(),
                    start: at(store, date, m.start),
                    end: at(store, date, m.end),
                    status: m.status,
                    notes_status: m.notes_status,
                };
                added.meetings += 1;
                store.create_meeting_with_uuid(project_id, &input, &uuid(m.uuid))?
            }
        };
        for (i, &(title, minutes, method, owner, outcome)) in m.agenda.iter().enumerate() {
            let item_uuid = uuid(m.uuid * 100 + i as u64 + 1);
            if store.id_by_uuid("agenda_items", &item_uuid)?.is_some() {
                continue;
            }
            let input = AgendaItemInput {
                title: title.into(),
                minutes,
                method: method.into(),
                owner: owner.into(),
                expected_outcome: outcome.into(),
            };
            store.add_agenda_item_with_uuid(meeting_id, &input, &item_uuid)?;
            added.agenda_items += 1;
        }
        if !created {
            continue;
        }
        for &point in m.checklist {
            store.toggle_checklist(meeting_id, point)?;
        }
        for &(person, role, attended) in m.people {
            let Some(person_id) = store.id_by_uuid("people", &uuid(person))? else {
                continue;
            };
            let id = store.add_attendance(meeting_id, person_id, role)?;
            if m.status == MeetingStatus::Held {
                store.set_attendance(id, role, true, attended)?;
            }
            added.participants += 1;
        }
    }
    Ok(())
}

// ----- needs, suggestions and lessons ---------------------------------------------------

// Fixed UUID numbers of the demo meetings that needs and suggestions refer to.
const KICKOFF_RVB: u64 = 401;
const STEERING_TRV: u64 = 402;
const WORKSHOP_LULE: u64 = 403;
const INTERVIEW_TRV: u64 = 404;
const NEEDS_WORKSHOP_RVB: u64 = 405;
const DIALOGUE_VARDFLODE: u64 = 406;
const SYNTHESIS_LULE: u64 = 407;

const RFI: &str = "RFI-svar från sex leverantörer";
const SURVEY: &str = "Enkät till nattpersonal, okt 2026";
const TENANT_SURVEY: &str = "Boendeenkät Gottsunda 2025";
const NEEDS_CARDS: &str = "Behovskort från behovsworkshop 1";

// Times of day (local) at which the backdated demo rows are stamped. A need is noted
// after the day's meetings; status moves happen on a later day, in the morning.
const NOTED_AT: (u32, u32) = (16, 30);
const EVIDENCE_AT: (u32, u32) = (16, 45);
const MOVED_AT: (u32, u32) = (10, 30);
const MERGED_AT: (u32, u32) = (17, 0);
const SUGGESTED_AT: (u32, u32) = (16, 15);
const DECIDED_AT: (u32, u32) = (10, 0);
const LEARNED_AT: (u32, u32) = (16, 0);

/// Runs `f` with the store's clock stopped at `t` (in the same time zone as before), so
/// that what it writes is stamped as made then; the clock is restored afterwards.
fn as_of<T>(
    store: &mut Store,
    t: DateTime<Utc>,
    f: impl FnOnce(&mut Store) -> Result<T>,
) -> Result<T> {
    let original = store.clock();
    store.set_clock(match original {
        Clock::System | Clock::FixedLocal(_) => Clock::FixedLocal(t),
        Clock::Fixed(_) => Clock::Fixed(t),
        Clock::FixedIn(_, tz) => Clock::FixedIn(t, tz),
    });
    let result = f(store);
    store.set_clock(original);
    result
}

/// The `n`-th working day before today (n < 0) at a local time.
fn past(store: &Store, today: NaiveDate, n: i64, time: (u32, u32)) -> DateTime<Utc> {
    at(store, workday(today, n), time)
}

/// Where a need came from: (working day it was noted, meeting uuid, person uuid,
/// document, note). Every row naming a meeting also names a person or a document, so
/// that purging a demo meeting never leaves an evidence row pointing at nothing.
type Ev = (i64, Option<u64>, Option<u64>, &'static str, &'static str);

struct DemoNeed {
    uuid: u64,
    project: u64,
    /// The working day (always before today) the need was noted.
    noted: i64,
    /// The statement, unless the need is written in the structured form below.
    statement: &'static str,
    /// "Som {as_a} behöver jag {i_need}, för att {so_that}."
    structured: Option<(&'static str, &'static str, &'static str)>,
    category: &'static str,
    priority: Option<Priority>,
    owner: &'static str,
    evidence: &'static [Ev],
    /// Status moves after `identified`: (to, working day, reason). Always on a later
    /// day than `noted`, in order.
    moves: &'static [(NeedStatus, i64, &'static str)],
}

/// The demo needs, per project in code order (the first of a project becomes B-001).
const NEEDS: &[DemoNeed] = &[
    // ----- LULE-25: trygg hemtjänst med digital tillsyn ----------------------------------
    DemoNeed {
        uuid: 501,
        project: LULE,
        noted: -45,
        statement: "",
        structured: Some((
            "nattpersonal",
            "veta om en brukare behöver hjälp utan att gå in i rummet",
            "inte väcka den som sover",
        )),
        category: "Trygghet",
        priority: Some(Must),
        owner: JORGEN_NAME,
        evidence: &[
            (
                -45,
                None,
                None,
                SURVEY,
                "31 av 38 svarande: tillsynsbesöket väcker ofta brukaren.",
            ),
            (
                -8,
                None,
                None,
                RFI,
                "Fyra av sex leverantörer beskriver tillsyn utan att personal går in i rummet.",
            ),
            (
                -6,
                Some(WORKSHOP_LULE),
                Some(JORGEN),
                "",
                "Bekräftades i berättelsen om en natt i hemtjänsten.",
            ),
        ],
        moves: &[
            (Analysed, -40, ""),
            (Validated, -30, ""),
            (Prioritised, -10, ""),
            (Described, -2, ""),
        ],
    },
    DemoNeed {
        uuid: 502,
        project: LULE,
        noted: -44,
        statement: "",
        structured: Some(("brukare", "kunna sova ostörd hela natten", "orka med dagen")),
        category: "Trygghet",
        priority: Some(Must),
        owner: JORGEN_NAME,
        evidence: &[
            (
                -44,
                None,
                Some(BIRGITTA),
                "",
                "PRO Luleå: många äldre upplever nattliga besök som störande.",
            ),
            (
                -6,
                Some(WORKSHOP_LULE),
                Some(BIRGITTA),
                "",
                "Brukarnas röst i workshoppen.",
            ),
        ],
        moves: &[
            (Analysed, -40, ""),
            (Validated, -30, ""),
            (Prioritised, -10, ""),
            (Described, -2, ""),
        ],
    },
    DemoNeed {
        uuid: 503,
        project: LULE,
        noted: -6,
        statement: "Brukaren ska själv kunna välja vilken form av tillsyn som används, och ändra sitt val när som helst.",
        structured: None,
        category: "Integritet",
        priority: Some(Must),
        owner: ASA_NAME,
        evidence: &[(
            -6,
            Some(WORKSHOP_LULE),
            Some(BIRGITTA),
            "",
            "Samtycke måste kunna återkallas, inte bara ges en gång.",
        )],
        moves: &[
            (Analysed, -5, ""),
            (Validated, -3, ""),
            (Prioritised, -1, ""),
        ],
    },
    DemoNeed {
        uuid: 504,
        project: LULE,
        noted: -30,
        statement: "",
        structured: Some((
            "anhörig",
            "få veta att min förälder har fått hjälp efter ett larm",
            "kunna känna mig lugn",
        )),
        category: "Trygghet",
        priority: Some(Should),
        owner: JORGEN_NAME,
        evidence: &[
            (
                -30,
                None,
                None,
                "Synpunkter från anhörigrådet",
                "Anhöriga får i dag inget besked efter ett larm.",
            ),
            (
                -2,
                Some(DIALOGUE_VARDFLODE),
                Some(SOFIA),
                "",
                "Leverantören visade besked till anhöriga via sms.",
            ),
        ],
        moves: &[
            (Analysed, -25, ""),
            (Validated, -12, ""),
            (Prioritised, -1, ""),
        ],
    },
    DemoNeed {
        uuid: 505,
        project: LULE,
        noted: -20,
        statement: "Bild och ljud från brukarens hem får aldrig lagras eller lämna hemmet utan brukarens uttryckliga samtycke.",
        structured: None,
        category: "Integritet",
        priority: Some(Must),
        owner: ASA_NAME,
        evidence: &[
            (
                -20,
                None,
                None,
                "Dataskyddsombudets yttrande",
                "Tillsyn med bild kräver en konsekvensbedömning.",
            ),
            (
                -8,
                None,
                None,
                RFI,
                "Två av sex svar bygger på behandling utanför EU.",
            ),
            (
                -2,
                Some(DIALOGUE_VARDFLODE),
                Some(SOFIA),
                "",
                "Lösningen analyserar rörelser lokalt och skickar bara larm.",
            ),
        ],
        moves: &[(Analysed, -8, ""), (Validated, -3, "")],
    },
    DemoNeed {
        uuid: 506,
        project: LULE,
        noted: -45,
        statement: "",
        structured: Some((
            "nattpersonal",
            "få alla larm i ett och samma verktyg",
            "slippa bära flera telefoner",
        )),
        category: "Arbetsmiljö",
        priority: Some(Should),
        owner: JORGEN_NAME,
        evidence: &[
            (
                -45,
                None,
                None,
                SURVEY,
                "Flera svarande bär i dag två telefoner och en personsökare.",
            ),
            (
                -1,
                Some(SYNTHESIS_LULE),
                Some(JORGEN),
                "",
                "Enhetscheferna bekräftade bilden.",
            ),
        ],
        moves: &[(Analysed, -30, ""), (Validated, -1, "")],
    },
    DemoNeed {
        uuid: 507,
        project: LULE,
        noted: -8,
        statement: "Tillsynen ska fungera även vid avbrott i mobilnätet eller strömmen, och personalen ska märka när den inte gör det.",
        structured: None,
        category: "Drift och support",
        priority: Some(Must),
        owner: ASA_NAME,
        evidence: &[
            (
                -8,
                None,
                None,
                RFI,
                "Bara två leverantörer beskriver hur tillsynen fungerar vid avbrott.",
            ),
            (
                -2,
                Some(DIALOGUE_VARDFLODE),
                Some(SOFIA),
                "",
                "Samma fråga ställdes till alla leverantörer.",
            ),
        ],
        moves: &[(Analysed, -1, "")],
    },
    DemoNeed {
        uuid: 508,
        project: LULE,
        noted: -1,
        statement: "Personal och brukare ska kunna få support dygnet runt, på svenska.",
        structured: None,
        category: "Drift och support",
        priority: Some(Could),
        owner: "",
        evidence: &[(
            -1,
            Some(SYNTHESIS_LULE),
            Some(ASA),
            "",
            "Önskemål från IT-förvaltningen.",
        )],
        moves: &[],
    },
    // Deliberately names a solution, so the needs screen has a warning to show.
    DemoNeed {
        uuid: 509,
        project: LULE,
        noted: -1,
        statement: "Vi behöver en app där anhöriga kan se när hemtjänsten har varit hos brukaren.",
        structured: None,
        category: "Trygghet",
        priority: None,
        owner: "",
        evidence: &[(
            -1,
            Some(SYNTHESIS_LULE),
            Some(JORGEN),
            "",
            "Förslag från en anhörig; behovet bakom behöver tas fram.",
        )],
        moves: &[],
    },
    DemoNeed {
        uuid: 510,
        project: LULE,
        noted: -30,
        statement: "Brukaren ska kunna påkalla hjälp även på promenad utanför hemmet.",
        structured: None,
        category: "Trygghet",
        priority: Some(Wont),
        owner: JORGEN_NAME,
        evidence: &[(-30, None, Some(BIRGITTA), "", "Önskemål från PRO Luleå.")],
        moves: &[
            (Analysed, -25, ""),
            (
                Rejected,
                -10,
                "Utanför upphandlingens omfattning: larm utanför hemmet ingår i kommunens befintliga avtal.",
            ),
        ],
    },
    DemoNeed {
        uuid: 511,
        project: LULE,
        noted: -20,
        statement: "Besöken ska dokumenteras automatiskt, så att personalen slipper skriva samma sak två gånger.",
        structured: None,
        category: "Drift och support",
        priority: Some(Could),
        owner: ASA_NAME,
        evidence: &[(
            -20,
            None,
            Some(ASA),
            "",
            "IT-förvaltningen vill undvika dubbeldokumentation.",
        )],
        moves: &[
            (Analysed, -12, ""),
            (
                Deferred,
                -1,
                "Skjuts upp: verksamhetsstödet för hemtjänsten byts 2027 och kopplingen beskrivs i den upphandlingen.",
            ),
        ],
    },
    // Merged into B-001 (see NEED_MERGES), taking its evidence along.
    DemoNeed {
        uuid: 512,
        project: LULE,
        noted: -6,
        statement: "Nattpersonalen vill slippa väcka brukarna när de gör tillsynsbesök.",
        structured: None,
        category: "Trygghet",
        priority: None,
        owner: "",
        evidence: &[
            (
                -6,
                Some(WORKSHOP_LULE),
                None,
                "Anteckningar från leverantörsworkshopen",
                "Samma behov formulerat av flera grupper.",
            ),
            (
                -1,
                Some(SYNTHESIS_LULE),
                Some(JORGEN),
                "",
                "Visade sig vara samma behov som B-001.",
            ),
        ],
        moves: &[],
    },
    // ----- RVB-26: fossilfria patienttransporter -----------------------------------------
    DemoNeed {
        uuid: 521,
        project: RVB,
        noted: -3,
        statement: "",
        structured: Some((
            "patient",
            "veta när fordonet kommer",
            "slippa vänta ute i kylan",
        )),
        category: "Patientupplevelse",
        priority: Some(Must),
        owner: MARTA_NAME,
        evidence: &[
            (
                -3,
                Some(NEEDS_WORKSHOP_RVB),
                Some(MARTA),
                "",
                "Flest röster vid prickröstningen.",
            ),
            (
                -3,
                None,
                None,
                "Patientnämndens ärenden 2025",
                "Väntan utomhus är det vanligaste klagomålet på sjukresor.",
            ),
        ],
        moves: &[(Analysed, -2, ""), (Validated, -1, "")],
    },
    DemoNeed {
        uuid: 522,
        project: RVB,
        noted: -3,
        statement: "",
        structured: Some((
            "sjuksköterska på vårdcentralen",
            "kunna flytta en hemresa när besöket drar ut på tiden",
            "patienten inte ska bli kvar utan resa",
        )),
        category: "Arbetsmiljö",
        priority: Some(Should),
        owner: MARTA_NAME,
        evidence: &[(
            -3,
            Some(NEEDS_WORKSHOP_RVB),
            None,
            NEEDS_CARDS,
            "Tre behovskort från sjuksköterskor.",
        )],
        moves: &[(Analysed, -1, "")],
    },
    DemoNeed {
        uuid: 523,
        project: RVB,
        noted: -9,
        statement: "Utsläppen från sjukresor och liggande transporter ska halveras till 2030 jämfört med 2022.",
        structured: None,
        category: "Miljö och klimat",
        priority: Some(Must),
        owner: MARTA_NAME,
        evidence: &[
            (-9, None, None, "Regionens miljöprogram 2030", ""),
            (
                -9,
                Some(KICKOFF_RVB),
                Some(MARTA),
                "",
                "Målet bekräftades på uppstartsmötet.",
            ),
        ],
        moves: &[
            (Analysed, -8, ""),
            (Validated, -6, ""),
            (Prioritised, -4, ""),
        ],
    },
    DemoNeed {
        uuid: 524,
        project: RVB,
        noted: -9,
        statement: "Restiden för patienter i inlandet får inte bli längre än i dag.",
        structured: None,
        category: "Tillgänglighet",
        priority: Some(Must),
        owner: MARTA_NAME,
        evidence: &[
            (
                -9,
                Some(KICKOFF_RVB),
                Some(MARTA),
                "",
                "Villkor från hälso- och sjukvårdsnämnden.",
            ),
            (
                -3,
                None,
                None,
                "Resestatistik 2025",
                "Medelrestid Sorsele–Umeå: 3 timmar 40 minuter.",
            ),
        ],
        moves: &[(Analysed, -3, "")],
    },
    DemoNeed {
        uuid: 525,
        project: RVB,
        noted: -3,
        statement: "Den som åker liggande ska kunna ha en anhörig med sig under resan.",
        structured: None,
        category: "Patientupplevelse",
        priority: None,
        owner: "",
        evidence: &[(-3, Some(NEEDS_WORKSHOP_RVB), None, NEEDS_CARDS, "")],
        moves: &[],
    },
    DemoNeed {
        uuid: 526,
        project: RVB,
        noted: -2,
        statement: "",
        structured: Some((
            "förare",
            "kunna ladda fordonet medan jag väntar vid sjukhuset",
            "hinna med nästa uppdrag",
        )),
        category: "Miljö och klimat",
        priority: Some(Could),
        owner: "",
        evidence: &[(
            -2,
            None,
            None,
            "Trafikplanerarnas synpunkter",
            "Väntetiden vid sjukhuset är ofta längre än en timme.",
        )],
        moves: &[],
    },
    DemoNeed {
        uuid: 527,
        project: RVB,
        noted: -9,
        statement: "Sjukresorna ska samordnas med kollektivtrafiken i hela länet.",
        structured: None,
        category: "Tillgänglighet",
        priority: Some(Wont),
        owner: MARTA_NAME,
        evidence: &[(
            -9,
            Some(KICKOFF_RVB),
            Some(MARTA),
            "",
            "Idé från trafikavdelningen.",
        )],
        moves: &[
            (Analysed, -6, ""),
            (
                Deferred,
                -4,
                "Kräver beslut i kollektivtrafiknämnden; tas upp inför nästa avtalsperiod.",
            ),
        ],
    },
    // ----- TRV-BRO: sensorbaserat underhåll av broar --------------------------------------
    DemoNeed {
        uuid: 541,
        project: TRV,
        noted: -80,
        statement: "Skador i betongbroar ska upptäckas innan de syns vid en okulär besiktning.",
        structured: None,
        category: "Underhåll och säkerhet",
        priority: Some(Must),
        owner: KARIN_NAME,
        evidence: &[
            (
                -80,
                None,
                None,
                "Broinspektionsrapporter 2020–2025",
                "Var tredje allvarlig skada upptäcktes först när den syntes.",
            ),
            (
                -8,
                Some(STEERING_TRV),
                Some(KARIN),
                "",
                "Styrgruppen bekräftade prioriteringen.",
            ),
        ],
        moves: &[
            (Analysed, -70, ""),
            (Validated, -40, ""),
            (Prioritised, -8, ""),
        ],
    },
    DemoNeed {
        uuid: 542,
        project: TRV,
        noted: -60,
        statement: "",
        structured: Some((
            "broförvaltare",
            "se hur en skada utvecklas över tid",
            "kunna planera underhållet i stället för att åtgärda akut",
        )),
        category: "Underhåll och säkerhet",
        priority: Some(Must),
        owner: KARIN_NAME,
        evidence: &[
            (
                -60,
                None,
                Some(KARIN),
                "",
                "Förvaltarnas erfarenhet från regionerna.",
            ),
            (
                -4,
                Some(INTERVIEW_TRV),
                Some(PER_OLOF),
                "",
                "Leverantören: trenden över tid säger mer än enskilda mätvärden.",
            ),
        ],
        moves: &[(Analysed, -50, ""), (Validated, -4, "")],
    },
    // Deliberately names a solution, so the needs screen has a warning to show.
    DemoNeed {
        uuid: 543,
        project: TRV,
        noted: -8,
        statement: "Vi behöver sensorer som mäter sprickbredden på alla broar längre än 50 meter.",
        structured: None,
        category: "Underhåll och säkerhet",
        priority: None,
        owner: "",
        evidence: &[(
            -8,
            Some(STEERING_TRV),
            Some(KARIN),
            "",
            "Förslag från styrgruppen; behovet bakom är B-001.",
        )],
        moves: &[],
    },
    DemoNeed {
        uuid: 544,
        project: TRV,
        noted: -30,
        statement: "Mätdata ska kunna delas med andra infrastrukturförvaltare och forskare i ett öppet format.",
        structured: None,
        category: "Datadelning",
        priority: Some(Should),
        owner: KARIN_NAME,
        evidence: &[(
            -30,
            None,
            Some(ANDERS),
            "",
            "RISE efterfrågar data till sina testbäddar.",
        )],
        moves: &[(Analysed, -20, "")],
    },
    DemoNeed {
        uuid: 545,
        project: TRV,
        noted: -40,
        statement: "Mätningarna ska utföras av Trafikverkets egen personal.",
        structured: None,
        category: "Organisation",
        priority: Some(Wont),
        owner: KARIN_NAME,
        evidence: &[(
            -40,
            None,
            Some(KARIN),
            "",
            "Framfört av underhållsdistriktet.",
        )],
        moves: &[
            (Analysed, -35, ""),
            (
                Rejected,
                -8,
                "Beskriver en organisationsform, inte ett behov; bemanningen avgörs i upphandlingsstrategin.",
            ),
        ],
    },
    DemoNeed {
        uuid: 546,
        project: TRV,
        noted: -4,
        statement: "Utrustning på bron ska kunna servas utan att trafiken stängs av.",
        structured: None,
        category: "Arbetsmiljö",
        priority: Some(Should),
        owner: KARIN_NAME,
        evidence: &[(
            -4,
            Some(INTERVIEW_TRV),
            Some(PER_OLOF),
            "",
            "Avstängningar står för en stor del av kostnaden för service.",
        )],
        moves: &[(Analysed, -2, "")],
    },
    // ----- UHEM-25: energilyft i miljonprogrammet -----------------------------------------
    DemoNeed {
        uuid: 561,
        project: UHEM,
        noted: -190,
        statement: "",
        structured: Some((
            "hyresgäst",
            "kunna bo kvar i lägenheten under renoveringen",
            "slippa flytta till ett evakueringsboende",
        )),
        category: "Boendemiljö",
        priority: Some(Must),
        owner: ERIK_NAME,
        evidence: &[
            (
                -190,
                None,
                None,
                TENANT_SURVEY,
                "72 % vill bo kvar under renoveringen.",
            ),
            (
                -57,
                None,
                Some(ERIK),
                "",
                "Entreprenörerna i dialogen visade att det går med etappvis stambyte.",
            ),
        ],
        moves: &[
            (Analysed, -170, ""),
            (Validated, -150, ""),
            (Prioritised, -120, ""),
            (Described, -10, ""),
        ],
    },
    DemoNeed {
        uuid: 562,
        project: UHEM,
        noted: -200,
        statement: "Energianvändningen ska minska med minst 40 procent per kvadratmeter, mätt över ett normalår.",
        structured: None,
        category: "Miljö och klimat",
        priority: Some(Must),
        owner: ERIK_NAME,
        evidence: &[(
            -200,
            None,
            None,
            "Energideklarationer 2024",
            "Husen använder i dag 165 kWh per kvadratmeter och år.",
        )],
        moves: &[
            (Analysed, -180, ""),
            (Validated, -150, ""),
            (Prioritised, -120, ""),
            (Described, -10, ""),
        ],
    },
    DemoNeed {
        uuid: 563,
        project: UHEM,
        noted: -190,
        statement: "Hyreshöjningen efter renoveringen får inte bli större än att hushåll med låga inkomster kan bo kvar.",
        structured: None,
        category: "Ekonomi",
        priority: Some(Must),
        owner: ERIK_NAME,
        evidence: &[
            (-190, None, None, TENANT_SURVEY, ""),
            (
                -100,
                None,
                Some(ERIK),
                "",
                "Styrelsens ägardirektiv om hyresnivåer.",
            ),
        ],
        moves: &[
            (Analysed, -170, ""),
            (Validated, -140, ""),
            (Prioritised, -120, ""),
            (Described, -8, ""),
        ],
    },
    DemoNeed {
        uuid: 564,
        project: UHEM,
        noted: -150,
        statement: "Inomhusklimatet ska vara jämnt året runt, utan drag och kalla golv.",
        structured: None,
        category: "Boendemiljö",
        priority: Some(Should),
        owner: ERIK_NAME,
        evidence: &[(
            -150,
            None,
            None,
            "Felanmälningar 2023–2025",
            "Drag och kyla är den vanligaste felanmälan vintertid.",
        )],
        moves: &[
            (Analysed, -140, ""),
            (Validated, -120, ""),
            (Prioritised, -60, ""),
        ],
    },
    DemoNeed {
        uuid: 565,
        project: UHEM,
        noted: -120,
        statement: "Tvättstugorna ska byggas om i samma projekt.",
        structured: None,
        category: "Boendemiljö",
        priority: Some(Could),
        owner: ERIK_NAME,
        evidence: &[(-120, None, None, TENANT_SURVEY, "")],
        moves: &[
            (Analysed, -100, ""),
            (
                Deferred,
                -60,
                "Tas i en egen upphandling 2027 för att hålla nere omfattningen och risken.",
            ),
        ],
    },
    DemoNeed {
        uuid: 566,
        project: UHEM,
        noted: -57,
        statement: "Bullrande och dammande arbeten ska bara ske dagtid på vardagar, med besked minst en vecka i förväg.",
        structured: None,
        category: "Boendemiljö",
        priority: Some(Should),
        owner: ERIK_NAME,
        evidence: &[(
            -57,
            None,
            Some(ERIK),
            "Sammanfattning av dialogmötena med entreprenörer",
            "",
        )],
        moves: &[(Analysed, -50, ""), (Validated, -30, "")],
    },
    // ----- MLM-SKOL: smartare skolskjuts ---------------------------------------------------
    DemoNeed {
        uuid: 581,
        project: MLM,
        noted: -5,
        statement: "",
        structured: Some((
            "skolskjutsplanerare",
            "se hur en ändrad skoltid påverkar alla turer",
            "kunna ge föräldrarna besked samma dag",
        )),
        category: "Planering",
        priority: None,
        owner: LEILA_NAME,
        evidence: &[(
            -5,
            None,
            Some(LEILA),
            "Mejl från grundskoleförvaltningen",
            "",
        )],
        moves: &[],
    },
    DemoNeed {
        uuid: 582,
        project: MLM,
        noted: -5,
        statement: "Elever med särskilda behov ska så långt det går ha samma chaufför och samma fordon.",
        structured: None,
        category: "Tillgänglighet",
        priority: None,
        owner: "",
        evidence: &[(
            -5,
            None,
            Some(LEILA),
            "",
            "Återkommande synpunkt från föräldrar.",
        )],
        moves: &[],
    },
];

/// (merged need, the need it becomes part of, working day)
const NEED_MERGES: &[(u64, u64, i64)] = &[(512, 501, -1)];

impl DemoNeed {
    fn input(&self) -> NeedInput {
        let (statement, (as_a, i_need, so_that)) = match self.structured {
            Some((a, n, s)) => (format!("Som {a} behöver jag {n}, för att {s}."), (a, n, s)),
            None => (self.statement.to_string(), ("", "", "")),
        };
        NeedInput {
            statement,
            as_a: as_a.into(),
            i_need: i_need.into(),
            so_that: so_that.into(),
            category: self.category.into(),
            priority: self.priority,
            owner: self.owner.into(),
        }
    }
}

/// Adds the demo needs that are missing. Evidence, status moves and merges have no fixed
/// UUIDs, so they are added only with a need created in this load; all of it is dated
/// in the past, so the history reads like a real project's.
fn load_needs(store: &mut Store, today: NaiveDate, added: &mut DemoSummary) -> Result<()> {
    let mut created = Vec::new();
    for n in NEEDS {
        if store.id_by_uuid("needs", &uuid(n.uuid))?.is_some() {
            continue;
        }
        let project_id = store
            .id_by_uuid("projects", &uuid(n.project))?
            .ok_or(StoreError::NotFound)?;
        let t = past(store, today, n.noted, NOTED_AT);
        let id = as_of(store, t, |s| {
            s.create_need_with_uuid(project_id, &n.input(), &uuid(n.uuid))
        })?;
        added.needs += 1;
        created.push(n.uuid);
        for &(on, meeting, person, document, note) in n.evidence {
            let meeting = match meeting {
                Some(m) => store.id_by_uuid("meetings", &uuid(m))?,
                None => None,
            };
            let person = match person {
                Some(p) => store.id_by_uuid("people", &uuid(p))?,
                None => None,
            };
            if meeting.is_none() && person.is_none() && document.is_empty() {
                continue;
            }
            let t = past(store, today, on, EVIDENCE_AT);
            as_of(store, t, |s| {
                s.add_evidence(id, meeting, person, document, note)
            })?;
        }
        for &(to, on, reason) in n.moves {
            let t = past(store, today, on, MOVED_AT);
            as_of(store, t, |s| s.set_need_status(id, to, reason))?;
        }
    }
    for &(from, into, on) in NEED_MERGES {
        if !created.contains(&from) {
            continue;
        }
        let (Some(from), Some(into)) = (
            store.id_by_uuid("needs", &uuid(from))?,
            store.id_by_uuid("needs", &uuid(into))?,
        ) else {
            continue;
        };
        let t = past(store, today, on, MERGED_AT);
        as_of(store, t, |s| s.merge_needs(from, into))?;
    }
    Ok(())
}

struct DemoSuggestion {
    uuid: u64,
    project: u64,
    /// The meeting it was raised at.
    meeting: Option<u64>,
    /// The working day (before today) it was made.
    made: i64,
    phase: Phase,
    title: &'static str,
    description: &'static str,
    rationale: &'static str,
    status: SuggestionStatus,
    buyer_response: &'static str,
    /// Working day of the decision, for the ones decided when made.
    decided: Option<i64>,
    /// A later status change through `set_suggestion_status` (which dates the
    /// decision of an accepted or rejected one): (status, working day).
    later: Option<(SuggestionStatus, i64)>,
}

const SUGGESTIONS: &[DemoSuggestion] = &[
    // ----- LULE-25 --------------------------------------------------------------------------
    DemoSuggestion {
        uuid: 601,
        project: LULE,
        meeting: None,
        made: -30,
        phase: Phase::Requirements,
        title: "Ersätt tekniska skallkrav med funktionskrav",
        description: "Skriv om kraven på kamera och larmknapp i utkastet till krav på vad tillsynen ska åstadkomma.",
        rationale: "Tekniska skallkrav stänger ute lösningar som leverantörerna beskrivit i RFI:n och dialogerna.",
        status: SuggestionStatus::Discussed,
        buyer_response: "Åsa skriver om avsnitt 4 och 5 till funktionskrav före remissen.",
        decided: None,
        later: Some((SuggestionStatus::Accepted, -12)),
    },
    DemoSuggestion {
        uuid: 602,
        project: LULE,
        meeting: Some(WORKSHOP_LULE),
        made: -6,
        phase: Phase::EarlyDialogue,
        title: "Publicera en sammanfattning av varje enskilt dialogmöte",
        description: "En kort sammanfattning av frågor och svar från varje dialogmöte läggs ut på kommunens upphandlingssida.",
        rationale: "Alla leverantörer får samma information, och likabehandlingen går att visa i efterhand.",
        status: SuggestionStatus::Implemented,
        buyer_response: "Införs från och med dialogmötet med Vårdflöde Nordic.",
        decided: Some(-5),
        later: None,
    },
    DemoSuggestion {
        uuid: 603,
        project: LULE,
        meeting: None,
        made: -28,
        phase: Phase::EvaluationAward,
        title: "Låt brukarföreträdare delta i utvärderingen",
        description: "PRO Luleå och anhörigrådet bjuds in att pröva lösningarna i en användartest som ingår i utvärderingen.",
        rationale: "Brukarnas upplevelse av integritet och trygghet är svår att bedöma på papper.",
        status: SuggestionStatus::Proposed,
        buyer_response: "",
        decided: None,
        later: None,
    },
    DemoSuggestion {
        uuid: 604,
        project: LULE,
        meeting: None,
        made: -20,
        phase: Phase::Strategy,
        title: "Pröva lösningarna i en pilot innan avtal tecknas",
        description: "Två eller tre leverantörer får pröva sina lösningar hos ett tiotal brukare under tre månader.",
        rationale: "Nattpersonalen och brukarna kan då bedöma lösningarna i verklig miljö.",
        status: SuggestionStatus::Discussed,
        buyer_response: "Intressant, men kräver budget; tas upp i styrgruppen.",
        decided: None,
        later: None,
    },
    // ----- RVB-26 ---------------------------------------------------------------------------
    DemoSuggestion {
        uuid: 611,
        project: RVB,
        meeting: Some(NEEDS_WORKSHOP_RVB),
        made: -3,
        phase: Phase::NeedsAnalysis,
        title: "Håll en behovsworkshop även i inlandet",
        description: "Komplettera workshoppen i Skellefteå med en i Lycksele, där resorna är längst.",
        rationale: "Patienterna i inlandet har andra behov än de vid kusten, och de syns inte i Skellefteå.",
        status: SuggestionStatus::Accepted,
        buyer_response: "Workshop 2 hålls i Lycksele i samband med fokusgruppen.",
        decided: Some(-2),
        later: None,
    },
    DemoSuggestion {
        uuid: 612,
        project: RVB,
        meeting: Some(KICKOFF_RVB),
        made: -9,
        phase: Phase::NeedsAnalysis,
        title: "Mät restider och utsläpp redan nu",
        description: "Ta fram en nollmätning av restider och utsläpp för 2025 innan kraven skrivs.",
        rationale: "Utan en nollmätning går målet om halverade utsläpp inte att följa upp.",
        status: SuggestionStatus::Proposed,
        buyer_response: "",
        decided: None,
        later: None,
    },
    DemoSuggestion {
        uuid: 613,
        project: RVB,
        meeting: None,
        made: -8,
        phase: Phase::MarketAnalysis,
        title: "Publicera en förhandsannons för att nå fler leverantörer",
        description: "En förhandsannons i TED om den kommande upphandlingen.",
        rationale: "Når leverantörer utanför Norrland.",
        status: SuggestionStatus::Withdrawn,
        buyer_response: "Återtaget: webbinariet och RFI:n räcker i detta skede.",
        decided: None,
        later: None,
    },
    // ----- TRV-BRO --------------------------------------------------------------------------
    DemoSuggestion {
        uuid: 621,
        project: TRV,
        meeting: Some(INTERVIEW_TRV),
        made: -4,
        phase: Phase::Strategy,
        title: "Dela upp FoU-upphandlingen så att små företag kan delta",
        description: "Låt fas 1 (lösningsförslag) vara liten och lätt att lämna anbud på, med fler leverantörer.",
        rationale: "Små sensorföretag har inte råd att lägga månader på ett stort anbud.",
        status: SuggestionStatus::Discussed,
        buyer_response: "Diskuteras i styrgruppen.",
        decided: None,
        later: None,
    },
    DemoSuggestion {
        uuid: 622,
        project: TRV,
        meeting: Some(STEERING_TRV),
        made: -8,
        phase: Phase::Tendering,
        title: "Kräv inga tidigare referensuppdrag av FoU-leverantörer",
        description: "Ersätt referenskraven med en beskrivning av kompetens och genomförande.",
        rationale: "Nya lösningar har per definition inga referenser.",
        status: SuggestionStatus::Discussed,
        buyer_response: "Avslaget: juristen vill ha någon form av kapacitetskrav i fas 3.",
        decided: None,
        later: Some((SuggestionStatus::Rejected, -6)),
    },
    DemoSuggestion {
        uuid: 623,
        project: TRV,
        meeting: None,
        made: -40,
        phase: Phase::MarketAnalysis,
        title: "Håll ett informationsmöte för alla leverantörer samtidigt",
        description: "Ett öppet informationsmöte, på plats och digitalt, innan de enskilda dialogmötena.",
        rationale: "Alla får samma information samtidigt och frågorna kan besvaras öppet.",
        status: SuggestionStatus::Implemented,
        buyer_response: "Informationsmötet är bokat och annonserat.",
        decided: Some(-35),
        later: None,
    },
    // ----- UHEM-25 --------------------------------------------------------------------------
    DemoSuggestion {
        uuid: 631,
        project: UHEM,
        meeting: None,
        made: -60,
        phase: Phase::Requirements,
        title: "Låt hyresgästföreningen läsa kraven om boendepåverkan",
        description: "Skicka avsnittet om boendepåverkan till hyresgästföreningen för synpunkter.",
        rationale: "De boende vet bäst vad som gör en renovering med boende kvar möjlig.",
        status: SuggestionStatus::Accepted,
        buyer_response: "Hyresgästföreningen får utkastet samtidigt som juristen.",
        decided: Some(-50),
        later: None,
    },
    DemoSuggestion {
        uuid: 632,
        project: UHEM,
        meeting: None,
        made: -180,
        phase: Phase::Strategy,
        title: "Använd konkurrenspräglad dialog i stället för öppet förfarande",
        description: "Upphandla genom konkurrenspräglad dialog, så att entreprenörerna kan utveckla lösningar tillsammans med Uppsalahem.",
        rationale: "Renovering med boende kvar kräver lösningar som inte går att beskriva i förväg.",
        status: SuggestionStatus::Implemented,
        buyer_response: "Beslutat av styrelsen.",
        decided: Some(-170),
        later: None,
    },
    DemoSuggestion {
        uuid: 633,
        project: UHEM,
        meeting: None,
        made: -40,
        phase: Phase::EvaluationAward,
        title: "Vikta livscykelkostnaden högre än anbudspriset",
        description: "Utvärdera på livscykelkostnad över 30 år i stället för på investeringskostnad.",
        rationale: "Energiåtgärder som kostar mer i dag lönar sig över husets livslängd.",
        status: SuggestionStatus::Proposed,
        buyer_response: "",
        decided: None,
        later: None,
    },
    // ----- MLM-SKOL -------------------------------------------------------------------------
    DemoSuggestion {
        uuid: 641,
        project: MLM,
        meeting: None,
        made: -5,
        phase: Phase::Initiation,
        title: "Beskriv problemet innan förfarandet väljs",
        description: "En kort problembeskrivning med exempel från förvaltningen, före beslutet om förprojekt.",
        rationale: "Valet av förfarande beror på hur mycket av lösningen som redan är känd.",
        status: SuggestionStatus::Proposed,
        buyer_response: "",
        decided: None,
        later: None,
    },
];

fn load_suggestions(store: &mut Store, today: NaiveDate, added: &mut DemoSummary) -> Result<()> {
    for s in SUGGESTIONS {
        if store.id_by_uuid("suggestions", &uuid(s.uuid))?.is_some() {
            continue;
        }
        let project_id = store
            .id_by_uuid("projects", &uuid(s.project))?
            .ok_or(StoreError::NotFound)?;
        let meeting_id = match s.meeting {
            Some(m) => store.id_by_uuid("meetings", &uuid(m))?,
            None => None,
        };
        let input = SuggestionInput {
            meeting_id,
            phase: s.phase,
            title: s.title.into(),
            description: s.description.into(),
            rationale: s.rationale.into(),
            status: s.status,
            buyer_response: s.buyer_response.into(),
            decision_date: s.decided.map(|n| workday(today, n)),
        };
        let t = past(store, today, s.made, SUGGESTED_AT);
        let id = as_of(store, t, |st| {
            st.create_suggestion_with_uuid(project_id, &input, &uuid(s.uuid))
        })?;
        if let Some((status, on)) = s.later {
            let t = past(store, today, on, DECIDED_AT);
            as_of(store, t, |st| st.set_suggestion_status(id, status))?;
        }
        added.suggestions += 1;
    }
    Ok(())
}

struct DemoLesson {
    uuid: u64,
    /// None for a general lesson.
    project: Option<u64>,
    /// The working day (before today) it was written down.
    written: i64,
    phase: Option<Phase>,
    kind: LessonKind,
    title: &'static str,
    context: &'static str,
    what_happened: &'static str,
    what_we_learned: &'static str,
    recommendation: &'static str,
    shareable: bool,
}

const LESSONS: &[DemoLesson] = &[
    DemoLesson {
        uuid: 701,
        project: None,
        written: -100,
        phase: Some(Phase::EarlyDialogue),
        kind: LessonKind::GoodExample,
        title: "Samma frågor till alla leverantörer i enskilda dialogmöten",
        context: "Enskilda dialogmöten med leverantörer inför en innovationsupphandling.",
        what_happened: "Frågorna skickades ut i förväg och användes vid varje möte. En sammanfattning av varje möte publicerades efteråt.",
        what_we_learned: "Ett gemensamt frågeunderlag gör svaren jämförbara och visar att alla leverantörer behandlas lika.",
        recommendation: "Skicka frågorna i förväg, håll er till dem och publicera en sammanfattning av varje möte.",
        shareable: true,
    },
    DemoLesson {
        uuid: 702,
        project: None,
        written: -60,
        phase: Some(Phase::Requirements),
        kind: LessonKind::Pitfall,
        title: "Lösningsord i behovsbeskrivningen stängde ute nya idéer",
        context: "Behovsbeskrivning inför upphandling av välfärdsteknik.",
        what_happened: "Behoven var formulerade som ”kamera i varje rum” och ”larmknapp”. Leverantörer med andra lösningar avstod från att svara på RFI:n.",
        what_we_learned: "Ett behov som namnger en produkt styr mot den produkten och gör det svårt för nya lösningar att konkurrera.",
        recommendation: "Formulera vad brukaren och personalen behöver uppnå, och låt leverantörerna föreslå hur.",
        shareable: true,
    },
    DemoLesson {
        uuid: 703,
        project: None,
        written: -150,
        phase: Some(Phase::NeedsAnalysis),
        kind: LessonKind::Lesson,
        title: "Behovsägaren måste vara med från start",
        context: "Behovsanalys där upphandlaren och verksamheten arbetade var för sig.",
        what_happened: "Upphandlaren skrev behoven utifrån det gamla avtalet. Verksamheten kände inte igen dem när de skulle prioriteras.",
        what_we_learned: "Behov som verksamheten inte själv har formulerat blir inte prioriterade och följs inte upp.",
        recommendation: "Utse en behovsägare i verksamheten innan behovsanalysen börjar, och låt hen leda workshopparna.",
        shareable: true,
    },
    DemoLesson {
        uuid: 704,
        project: None,
        written: -200,
        phase: Some(Phase::Initiation),
        kind: LessonKind::Lesson,
        title: "Förankra i förvaltningsledningen innan projektet startar",
        context: "Ett innovationsprojekt som startades av en engagerad enhetschef.",
        what_happened: "Projektet pausades efter tre månader när förvaltningsledningen inte ville avsätta budget för en pilot.",
        what_we_learned: "Ett innovationsprojekt behöver ett uttalat mandat och en budget från början.",
        recommendation: "Ta ett beslut i förvaltningsledningen om mål, budget och mandat innan arbetet börjar.",
        shareable: false,
    },
    DemoLesson {
        uuid: 705,
        project: Some(LULE),
        written: -5,
        phase: Some(Phase::EarlyDialogue),
        kind: LessonKind::GoodExample,
        title: "Brukarföreträdare i leverantörsworkshopen",
        context: "Leverantörsworkshop om nattillsyn i hemtjänsten.",
        what_happened: "PRO Luleå berättade om äldres krav på integritet innan leverantörerna presenterade sina idéer.",
        what_we_learned: "Leverantörerna anpassade sina idéer efter brukarnas krav direkt i workshoppen.",
        recommendation: "Låt brukarna tala först, före leverantörerna.",
        shareable: true,
    },
    DemoLesson {
        uuid: 706,
        project: Some(LULE),
        written: -7,
        phase: Some(Phase::MarketAnalysis),
        kind: LessonKind::Pitfall,
        title: "RFI:n hade för många frågor",
        context: "RFI om digital nattillsyn.",
        what_happened: "RFI:n hade 42 frågor. Två mindre leverantörer svarade att de inte hann.",
        what_we_learned: "En lång RFI gynnar stora leverantörer med anbudsavdelningar.",
        recommendation: "Håll en RFI under 15 frågor och fråga efter det som behövs för nästa beslut.",
        shareable: false,
    },
    DemoLesson {
        uuid: 707,
        project: Some(RVB),
        written: -2,
        phase: Some(Phase::NeedsAnalysis),
        kind: LessonKind::Lesson,
        title: "Kundresan fångade behov som statistiken missade",
        context: "Behovsworkshop med vårdcentraler om sjukresor.",
        what_happened: "Deltagarna ritade patientens resa från beställning till hemkomst. Väntan utomhus och missade hemresor syntes inte i statistiken.",
        what_we_learned: "En kundresa på väggen får fram behov som ingen har tänkt på att mäta.",
        recommendation: "Börja behovsworkshoppar med en kundresa innan behoven formuleras.",
        shareable: true,
    },
    DemoLesson {
        uuid: 708,
        project: Some(TRV),
        written: -3,
        phase: Some(Phase::MarketAnalysis),
        kind: LessonKind::Pitfall,
        title: "Krav på referensuppdrag skrämde bort små företag",
        context: "Marknadsanalys inför en förkommersiell upphandling.",
        what_happened: "Ett utkast med krav på tre referensuppdrag spreds bland leverantörerna. Flera små företag avbokade sina dialogmöten.",
        what_we_learned: "Även ett utkast signalerar vem upphandlingen är till för.",
        recommendation: "Låt inte utkast med kvalificeringskrav spridas innan de är genomtänkta.",
        shareable: false,
    },
    DemoLesson {
        uuid: 709,
        project: Some(UHEM),
        written: -50,
        phase: Some(Phase::Strategy),
        kind: LessonKind::GoodExample,
        title: "Konkurrenspräglad dialog gav lösningar där de boende kan bo kvar",
        context: "Energirenovering av flerbostadshus från 1970-talet.",
        what_happened: "Tre entreprenörer utvecklade i dialogen metoder för etappvis stambyte och tilläggsisolering med boende kvar.",
        what_we_learned: "När behovet är tydligt men lösningen okänd ger dialogen bättre lösningar än en detaljerad kravspecifikation.",
        recommendation: "Välj konkurrenspräglad dialog när lösningen inte går att beskriva i förväg.",
        shareable: true,
    },
    DemoLesson {
        uuid: 710,
        project: Some(UHEM),
        written: -20,
        phase: None,
        kind: LessonKind::Lesson,
        title: "Juristen behöver vara med i dialogen, inte bara i granskningen",
        context: "Avtalsvillkor som utvecklades under dialogen.",
        what_happened: "Juristen kom in först vid granskningen och ifrågasatte villkor som entreprenörerna redan hade räknat på.",
        what_we_learned: "Villkor som ändras sent kostar förtroende hos leverantörerna.",
        recommendation: "Låt juristen delta i minst ett dialogmöte per omgång.",
        shareable: false,
    },
];

fn load_lessons(store: &mut Store, today: NaiveDate, added: &mut DemoSummary) -> Result<()> {
    for l in LESSONS {
        if store.id_by_uuid("lessons", &uuid(l.uuid))?.is_some() {
            continue;
        }
        let project_id = match l.project {
            Some(p) => Some(
                store
                    .id_by_uuid("projects", &uuid(p))?
                    .ok_or(StoreError::NotFound)?,
            ),
            None => None,
        };
        let input = LessonInput {
            project_id,
            phase: l.phase,
            kind: l.kind,
            title: l.title.into(),
            context: l.context.into(),
            what_happened: l.what_happened.into(),
            what_we_learned: l.what_we_learned.into(),
            recommendation: l.recommendation.into(),
            shareable: l.shareable,
        };
        let t = past(store, today, l.written, LEARNED_AT);
        as_of(store, t, |s| {
            s.create_lesson_with_uuid(&input, &uuid(l.uuid))
        })?;
        added.lessons += 1;
    }
    Ok(())
}

// ----- notes, decisions, action items and open questions --------------------------------

// Fixed UUID numbers of the demo meetings that only notes refer to.
const DIALOGUE_NORRSKEN: u64 = 409;
const STEERING_LULE: u64 = 412;

/// When a demo note, decision, action or question was written down.
#[derive(Clone, Copy)]
enum Written {
    /// During its meeting, this many minutes after the start.
    During(i64),
    /// On the n-th working day before today (n < 0), at a local time: prepared before
    /// a meeting, or written outside one.
    Before(i64, (u32, u32)),
}

fn demo_meeting(n: u64) -> Result<&'static DemoMeeting> {
    MEETINGS
        .iter()
        .find(|m| m.uuid == n)
        .ok_or(StoreError::NotFound)
}

/// The instant a row `written` at (or for) `meeting` is stamped with.
fn written_at(
    store: &Store,
    today: NaiveDate,
    meeting: Option<u64>,
    written: Written,
) -> Result<DateTime<Utc>> {
    Ok(match (written, meeting) {
        (Written::During(minutes), Some(m)) => {
            let m = demo_meeting(m)?;
            at(store, m.on.date(today), m.start) + chrono::Duration::minutes(minutes)
        }
        (Written::During(_), None) => return Err(StoreError::NotFound),
        (Written::Before(n, time), _) => past(store, today, n, time),
    })
}

struct DemoNote {
    uuid: u64,
    meeting: u64,
    /// Position of the agenda block (from 1); `None` for the meeting as a whole.
    block: Option<u64>,
    label: Confidentiality,
    written: Written,
    body: &'static str,
}

const NOTES: &[DemoNote] = &[
    // ----- RVB-26: uppstartsmöte (held, approved) ----------------------------------------
    DemoNote {
        uuid: 801,
        meeting: KICKOFF_RVB,
        block: None,
        label: Shareable,
        written: Written::During(2),
        body: "**Närvarande:** Märta Öhman (ordförande), Anders Wikström (RISE, observatör) och processledaren.\n\nFörsta mötet med hela projektgruppen. Syftet var att enas om mål, roller och tidplan innan behovsanalysen börjar.",
    },
    DemoNote {
        uuid: 802,
        meeting: KICKOFF_RVB,
        block: Some(2),
        label: Shareable,
        written: Written::During(30),
        body: "Målet: **halvera utsläppen från sjukresor till 2030** jämfört med 2022, utan längre restider för patienterna i inlandet.\n\n- Liggande transporter ingår.\n- Färdtjänst ingår *inte*; den har ett eget avtal till 2028.\n- Uppföljning: utsläpp per patientresa och restid Sorsele–Umeå.",
    },
    DemoNote {
        uuid: 803,
        meeting: KICKOFF_RVB,
        block: Some(5),
        label: Internal,
        written: Written::During(120),
        body: "Intressentkarta:\n\n- **Behovsägare:** hälso- och sjukvårdsnämnden, genom Märta.\n- Vårdcentralerna i Skellefteå och Lycksele: behovsworkshops.\n- Patientnämnden: klagomålen på sjukresor.\n- Trafikavdelningen vill samordna med kollektivtrafiken. Kräver beslut i nämnden och är politiskt känsligt – **stannar internt** tills vidare.",
    },
    DemoNote {
        uuid: 804,
        meeting: KICKOFF_RVB,
        block: Some(6),
        label: Shareable,
        written: Written::During(170),
        body: "Nästa steg:\n\n1. Behovsworkshop med vårdcentralerna i Skellefteå.\n2. Fokusgrupp med patienter och anhöriga i Lycksele.\n3. Webbinarium för marknaden **efter** behovsanalysen.",
    },
    DemoNote {
        uuid: 805,
        meeting: KICKOFF_RVB,
        block: None,
        label: Personal,
        written: Written::During(178),
        body: "Att komma ihåg:\n\n- Fråga Märta om det finns budget för ersättning till fokusgruppens deltagare.\n- Anders sa nästan ingenting – ring och fråga vad RISE vill få ut av projektet.",
    },
    // ----- TRV-BRO: styrgrupp (held, sent) ------------------------------------------------
    DemoNote {
        uuid: 811,
        meeting: STEERING_TRV,
        block: Some(1),
        label: Shareable,
        written: Written::During(5),
        body: "Föregående protokoll godkändes utan ändringar.",
    },
    DemoNote {
        uuid: 812,
        meeting: STEERING_TRV,
        block: Some(3),
        label: Shareable,
        written: Written::During(50),
        body: "Anders Wikström presenterade omvärldsbevakningen:\n\n- Fiberoptiska töjningsgivare är **mogna**, men dyra att montera i efterhand.\n- Trådlösa sprickgivare finns som prototyper hos tre svenska småföretag.\n- Ingen erbjuder i dag analys av hur skador utvecklas över flera år.",
    },
    DemoNote {
        uuid: 813,
        meeting: STEERING_TRV,
        block: Some(4),
        label: Internal,
        written: Written::During(75),
        body: "Två ledamöter ville bara bjuda in svenska leverantörer till de enskilda dialogerna. Processledaren förklarade att **alla intresserade ska få samma möjlighet** – det går inte att välja bort utländska företag. Karin tar frågan till juristen.",
    },
    DemoNote {
        uuid: 814,
        meeting: STEERING_TRV,
        block: None,
        label: Shareable,
        written: Written::During(88),
        body: "**Sammanfattning:** styrgruppen beslutade att gå vidare med dialog med marknaden – först ett öppet informationsmöte, därefter enskilda dialogmöten med de leverantörer som vill.",
    },
    // ----- LULE-25: leverantörsworkshop (held, sent) ----------------------------------------
    DemoNote {
        uuid: 821,
        meeting: WORKSHOP_LULE,
        block: None,
        label: Shareable,
        written: Written::During(1),
        body: "**14 deltagare** från fem leverantörer, PRO Luleå och Luleå kommun.\n\nWorkshoppen är en del av den tidiga dialogen. Upphandlingen har inte startat, och ingenting som sägs är bindande för någon part.",
    },
    DemoNote {
        uuid: 822,
        meeting: WORKSHOP_LULE,
        block: Some(1),
        label: Shareable,
        written: Written::During(10),
        body: "Spelregler för dialogen:\n\n- Det här är **ingen förhandling** och ingen utvärdering.\n- Alla leverantörer får samma information; frågor och svar publiceras.\n- Affärshemligheter tas bara upp i enskilda dialogmöten, aldrig här.",
    },
    DemoNote {
        uuid: 823,
        meeting: WORKSHOP_LULE,
        block: Some(3),
        label: Shareable,
        written: Written::During(50),
        body: "Birgitta Holm, PRO Luleå:\n\n> Vi vill inte ha kameror i sovrummet. Men vi vill veta att någon kommer om vi faller.\n\n- Samtycket ska gå att **ändra när som helst**, inte bara ges en gång.\n- Tekniken får inte kräva att brukaren gör något.",
    },
    DemoNote {
        uuid: 824,
        meeting: WORKSHOP_LULE,
        block: Some(5),
        label: Shareable,
        written: Written::During(125),
        body: "Idéer från de tre borden:\n\n1. **Radar och rörelsesensorer** – ser rörelse utan bild.\n2. **Sängsensorer** – puls och andning, larm när brukaren går upp.\n3. **Ljudanalys** – larm vid fall eller rop, inget spelas in.\n\nFlera grupper kombinerade 1 och 2.",
    },
    DemoNote {
        uuid: 825,
        meeting: WORKSHOP_LULE,
        block: Some(6),
        label: Internal,
        written: Written::During(150),
        body: "Hinder i **våra egna** krav och avtal:\n\n- Avtalet med larmcentralen förutsätter analoga larm.\n- Kravet på ”kamera med nattseende” i det gamla underlaget stänger ute allt annat.\n\nTas upp med Jörgen innan vi skriver om kraven.",
    },
    DemoNote {
        uuid: 826,
        meeting: WORKSHOP_LULE,
        block: None,
        label: Personal,
        written: Written::During(178),
        body: "Till mig själv: skicka tack till Birgitta senast fredag. Nästa gång låter jag brukarna tala först igen – det satte tonen för hela förmiddagen.",
    },
    // ----- TRV-BRO: intervju (held, approved) ----------------------------------------------
    DemoNote {
        uuid: 831,
        meeting: INTERVIEW_TRV,
        block: Some(2),
        label: SupplierConfidential,
        written: Written::During(20),
        body: "Norrsken Sensorteknik mäter sedan 2024 sprickbredd på **två broar i Norrbotten** med egna givare; noggrannhet ±0,02 mm enligt företaget. Beställaren, en kommun, vill inte nämnas.\n\n*Lämnat i förtroende – får inte återges i något som går till andra leverantörer.*",
    },
    DemoNote {
        uuid: 832,
        meeting: INTERVIEW_TRV,
        block: Some(3),
        label: Shareable,
        written: Written::During(40),
        body: "Hinder för små företag i FoU-upphandlingar:\n\n- Krav på **referensuppdrag** och omsättning.\n- Långa betalningstider – fas 1 bör betalas i delbetalningar.\n- Oklart vem som äger mätdata och resultat.",
    },
    DemoNote {
        uuid: 833,
        meeting: INTERVIEW_TRV,
        block: Some(4),
        label: Internal,
        written: Written::During(52),
        body: "Karin: leverantören var osäker på immaterialrätten. Vi behöver en **tydlig IP-modell** innan informationsmötet.",
    },
    // ----- RVB-26: behovsworkshop (held, draft) ---------------------------------------------
    DemoNote {
        uuid: 841,
        meeting: NEEDS_WORKSHOP_RVB,
        block: Some(2),
        label: Shareable,
        written: Written::During(45),
        body: "Kundresan i åtta steg, från beställning till hemkomst.\n\n**Smärtpunkter:**\n- väntan utomhus utan besked om när fordonet kommer\n- hemresan bokas innan man vet när besöket är slut\n- anhöriga får inte följa med i liggande transport",
    },
    DemoNote {
        uuid: 842,
        meeting: NEEDS_WORKSHOP_RVB,
        block: Some(5),
        label: Shareable,
        written: Written::During(155),
        body: "Prickröstningen, de fem första:\n\n1. Veta när fordonet kommer – **14 prickar**\n2. Kunna flytta hemresan – 11\n3. Anhörig med i liggande transport – 8\n4. Inte längre restid än i dag – 7\n5. Laddning vid sjukhuset – 4",
    },
    DemoNote {
        uuid: 843,
        meeting: NEEDS_WORKSHOP_RVB,
        block: None,
        label: Internal,
        written: Written::During(100),
        body: "Två sjuksköterskor berättade om patienter som blivit kvar utan hemresa en hel kväll. Ärendena finns hos patientnämnden – **inte** med i anteckningarna till deltagarna.",
    },
    DemoNote {
        uuid: 844,
        meeting: NEEDS_WORKSHOP_RVB,
        block: None,
        label: Personal,
        written: Written::During(178),
        body: "Kundresan på väggen fungerade mycket bra – gör likadant i Lycksele. Ta med fler post-it-block och tejp som fastnar på tapeten.",
    },
    // ----- LULE-25: enskilt dialogmöte med Vårdflöde (held, approved) -----------------------
    DemoNote {
        uuid: 851,
        meeting: DIALOGUE_VARDFLODE,
        block: Some(1),
        label: Shareable,
        written: Written::During(5),
        body: "Åsa inledde: upphandlingen har inte startat, mötet är **inte en förhandling**, samma frågor ställs till alla leverantörer och en sammanfattning utan affärshemligheter publiceras.",
    },
    DemoNote {
        uuid: 852,
        meeting: DIALOGUE_VARDFLODE,
        block: Some(2),
        label: SupplierConfidential,
        written: Written::During(25),
        body: "Vårdflödes lösning **Nattlugn**:\n\n- Rörelserna analyseras **lokalt** i en hubb i hemmet; bara larm lämnar hemmet.\n- Pilot i två kommuner i Västernorrland (namnen lämnades i förtroende).\n- Prisidé: **cirka 350 kr per brukare och månad** inklusive drift, vid minst 200 brukare.\n\n*Affärshemlighet – får inte återges i sammanfattningen eller till andra leverantörer.*",
    },
    DemoNote {
        uuid: 853,
        meeting: DIALOGUE_VARDFLODE,
        block: Some(3),
        label: Shareable,
        written: Written::During(45),
        body: "Leverantörens synpunkter på upplägget:\n\n- Kravet på **kamera med nattseende** i det gamla underlaget stänger ute lösningar utan bild.\n- Beskriv gärna tillsynsbehovet per brukargrupp.\n- Ett provår i avtalet skulle sänka tröskeln för nya lösningar.",
    },
    DemoNote {
        uuid: 854,
        meeting: DIALOGUE_VARDFLODE,
        block: Some(3),
        label: Internal,
        written: Written::During(50),
        body: "Jörgen tyckte att svaret om driftavbrott var undanglidande. Ställ **samma fråga** till Norrsken och jämför svaren innan vi skriver kraven om avbrott.",
    },
    DemoNote {
        uuid: 855,
        meeting: DIALOGUE_VARDFLODE,
        block: None,
        label: Personal,
        written: Written::During(58),
        body: "Mejla Sofia frågeunderlaget igen – hon hade fått en gammal version. 🙈",
    },
    // ----- LULE-25: projektmöte om dialogerna (held, draft) ---------------------------------
    DemoNote {
        uuid: 861,
        meeting: SYNTHESIS_LULE,
        block: Some(2),
        label: Internal,
        written: Written::During(25),
        body: "Sex RFI-svar. **Fyra av sex** beskriver tillsyn utan att personalen går in i rummet. Två bygger på behandling utanför EU och ska granskas av dataskyddsombudet.",
    },
    DemoNote {
        uuid: 862,
        meeting: SYNTHESIS_LULE,
        block: Some(3),
        label: Internal,
        written: Written::During(60),
        body: "Krav att skriva om till funktionskrav:\n\n- ”Kamera med nattseende” → *personalen ska kunna bedöma brukarens tillstånd utan att gå in i rummet*\n- ”Analoga larm” → *larmen ska nå personalens befintliga telefon*\n- ”Larmknapp” → *brukaren ska kunna påkalla hjälp på ett sätt hen klarar*",
    },
    DemoNote {
        uuid: 863,
        meeting: SYNTHESIS_LULE,
        block: Some(4),
        label: Shareable,
        written: Written::During(75),
        body: "Skrivuppdrag:\n\n- **Åsa:** integritet och samtycke\n- **Jörgen:** tillsynsbehov per brukargrupp\n- **Processledaren:** avbrott och driftsäkerhet",
    },
    DemoNote {
        uuid: 864,
        meeting: SYNTHESIS_LULE,
        block: None,
        label: Personal,
        written: Written::During(88),
        body: "Åsa verkar stressad över tidplanen. Föreslå hellre att remissen flyttas en vecka än att dialogen med Norrsken kortas.",
    },
    // ----- LULE-25: enskilt dialogmöte med Norrsken (planned, prepared) -------------------
    DemoNote {
        uuid: 871,
        meeting: DIALOGUE_NORRSKEN,
        block: Some(3),
        label: Internal,
        written: Written::Before(-1, (15, 0)),
        body: "Samma frågor som till Vårdflöde:\n\n1. Hur fungerar tillsynen vid avbrott i mobilnätet eller strömmen?\n2. Var behandlas data, och vad lämnar hemmet?\n3. Hur ändrar brukaren sitt samtycke?",
    },
    // ----- LULE-25: styrgrupp om strategin (planned, working draft) ------------------------
    DemoNote {
        uuid: 881,
        meeting: STEERING_LULE,
        block: Some(2),
        label: Internal,
        written: Written::Before(-1, (15, 30)),
        body: "Underlag:\n\n- 6 RFI-svar, 1 workshop med 14 deltagare, 2 enskilda dialogmöten.\n- **Huvudbudskap:** marknaden kan ge tillsyn utan kamera, men få har provat i svensk hemtjänst.",
    },
    DemoNote {
        uuid: 882,
        meeting: STEERING_LULE,
        block: Some(3),
        label: Internal,
        written: Written::Before(-1, (15, 45)),
        body: "Förslag: **förhandlat förfarande med föregående annonsering**, funktionskrav och ett provår med option på förlängning.\n\nSaknas: kostnadsuppskattning från Åsa.",
    },
    DemoNote {
        uuid: 883,
        meeting: STEERING_LULE,
        block: None,
        label: Personal,
        written: Written::Before(-1, (16, 0)),
        body: "Be Jörgen öppna med berättelsen om en natt i hemtjänsten – den övertygade leverantörerna.",
    },
];

struct DemoDecision {
    uuid: u64,
    project: u64,
    meeting: Option<u64>,
    /// When it was written down; it was decided that (local) day.
    written: Written,
    text: &'static str,
    rationale: &'static str,
    decided_by: &'static str,
}

const DECISIONS: &[DemoDecision] = &[
    DemoDecision {
        uuid: 901,
        project: RVB,
        meeting: Some(KICKOFF_RVB),
        written: Written::During(172),
        text: "Projektplanen fastställs: behovsanalysen görs före dialogen med marknaden.",
        rationale: "Marknaden ska möta behov som verksamheten själv har formulerat.",
        decided_by: MARTA_NAME,
    },
    DemoDecision {
        uuid: 902,
        project: RVB,
        meeting: Some(KICKOFF_RVB),
        written: Written::During(35),
        text: "Färdtjänst ingår inte i upphandlingen.",
        rationale: "Färdtjänsten har ett eget avtal till 2028 och en annan huvudman.",
        decided_by: "Projektgruppen",
    },
    DemoDecision {
        uuid: 903,
        project: TRV,
        meeting: Some(STEERING_TRV),
        written: Written::During(78),
        text: "Ett öppet informationsmöte för leverantörer hålls före de enskilda dialogmötena.",
        rationale: "Alla intresserade leverantörer ska få samma information samtidigt.",
        decided_by: "Styrgruppen",
    },
    DemoDecision {
        uuid: 904,
        project: TRV,
        meeting: Some(STEERING_TRV),
        written: Written::During(80),
        text: "Marknadsanalysen avgränsas till betongbroar.",
        rationale: "Stålbroar har andra skademekanismer och ett eget underhållsprogram.",
        decided_by: "Styrgruppen",
    },
    DemoDecision {
        uuid: 905,
        project: LULE,
        meeting: Some(WORKSHOP_LULE),
        written: Written::During(175),
        text: "En sammanfattning av workshoppen publiceras på kommunens webbplats.",
        rationale: "Leverantörer som inte kunde delta ska få samma information.",
        decided_by: ASA_NAME,
    },
    DemoDecision {
        uuid: 906,
        project: LULE,
        meeting: Some(SYNTHESIS_LULE),
        written: Written::During(68),
        text: "Kraven på kamera, analoga larm och larmknapp skrivs om till funktionskrav.",
        rationale: "RFI-svaren och dialogerna visar att de stänger ute lösningar utan bild.",
        decided_by: "Åsa Lindqvist och Jörgen Nilsson",
    },
    DemoDecision {
        uuid: 907,
        project: RVB,
        meeting: Some(NEEDS_WORKSHOP_RVB),
        written: Written::During(170),
        text: "Fokusgruppen med patienter och anhöriga hålls i Lycksele.",
        rationale: "Patienterna i inlandet har längst resor och syns minst i statistiken.",
        decided_by: MARTA_NAME,
    },
    DemoDecision {
        uuid: 908,
        project: UHEM,
        meeting: None,
        written: Written::Before(-10, (11, 0)),
        text: "Utkastet går till juridisk granskning först när förvaltarnas synpunkter är inarbetade.",
        rationale: "Juristen ska granska den text som faktiskt ska användas.",
        decided_by: ERIK_NAME,
    },
];

/// When a demo action is due.
#[derive(Clone, Copy)]
enum Due {
    Never,
    /// The n-th working day from today (see `workday`).
    Workday(i64),
    /// `today + n` days.
    Calendar(i64),
    Today,
    /// Later this week (Monday to Sunday), whatever day today is.
    ThisWeek,
}

impl Due {
    fn date(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Due::Never => None,
            Due::Workday(n) => Some(workday(today, n)),
            Due::Calendar(n) => Some(day(today, n)),
            Due::Today => Some(today),
            Due::ThisWeek => {
                let to_sunday = 6 - i64::from(today.weekday().num_days_from_monday());
                let friday = day(today, to_sunday - 2);
                // On a Sunday nothing of the week is left: tomorrow is the best there is.
                Some(if today < friday {
                    friday
                } else {
                    day(today, to_sunday.max(1))
                })
            }
        }
    }
}

struct DemoAction {
    uuid: u64,
    project: u64,
    meeting: Option<u64>,
    written: Written,
    title: &'static str,
    owner: &'static str,
    due: Due,
    status: ActionStatus,
    /// The working day (before today) it reached `status`; `None` when it had that
    /// status from the start (a done one is then stamped done the day it was written).
    closed: Option<i64>,
}

const ACTIONS: &[DemoAction] = &[
    // ----- RVB-26 -------------------------------------------------------------------------
    DemoAction {
        uuid: 1001,
        project: RVB,
        meeting: Some(KICKOFF_RVB),
        written: Written::During(174),
        title: "Boka lokal för fokusgruppen i Lycksele",
        owner: MARTA_NAME,
        due: Due::Workday(-5),
        status: ActionStatus::Done,
        closed: Some(-6),
    },
    DemoAction {
        uuid: 1002,
        project: RVB,
        meeting: Some(KICKOFF_RVB),
        written: Written::During(176),
        title: "Ta fram patientnämndens klagomål på sjukresor 2025",
        owner: MARTA_NAME,
        due: Due::Workday(-3),
        status: ActionStatus::Open,
        closed: None,
    },
    DemoAction {
        uuid: 1003,
        project: RVB,
        meeting: Some(NEEDS_WORKSHOP_RVB),
        written: Written::During(172),
        title: "Renskriv behovskorten och lägg in dem i behovslistan",
        owner: PL,
        due: Due::Workday(-1),
        status: ActionStatus::InProgress,
        closed: None,
    },
    DemoAction {
        uuid: 1004,
        project: RVB,
        meeting: Some(NEEDS_WORKSHOP_RVB),
        written: Written::During(174),
        title: "Skicka inbjudan till fokusgruppen",
        owner: MARTA_NAME,
        due: Due::Today,
        status: ActionStatus::Open,
        closed: None,
    },
    // ----- TRV-BRO ------------------------------------------------------------------------
    DemoAction {
        uuid: 1011,
        project: TRV,
        meeting: Some(STEERING_TRV),
        written: Written::During(85),
        title: "Fråga juristen om utländska leverantörer i de enskilda dialogerna",
        owner: KARIN_NAME,
        due: Due::Workday(-6),
        status: ActionStatus::Done,
        closed: Some(-7),
    },
    DemoAction {
        uuid: 1012,
        project: TRV,
        meeting: Some(STEERING_TRV),
        written: Written::During(86),
        title: "Publicera inbjudan till informationsmötet",
        owner: KARIN_NAME,
        due: Due::ThisWeek,
        status: ActionStatus::InProgress,
        closed: None,
    },
    DemoAction {
        uuid: 1013,
        project: TRV,
        meeting: Some(STEERING_TRV),
        written: Written::During(87),
        title: "Boka ett extra styrgruppsmöte i december",
        owner: KARIN_NAME,
        due: Due::Workday(-2),
        status: ActionStatus::Cancelled,
        closed: Some(-5),
    },
    DemoAction {
        uuid: 1014,
        project: TRV,
        meeting: Some(INTERVIEW_TRV),
        written: Written::During(55),
        title: "Skriv ett förslag till IP-modell inför informationsmötet",
        owner: KARIN_NAME,
        due: Due::Calendar(14),
        status: ActionStatus::Open,
        closed: None,
    },
    // ----- LULE-25 ------------------------------------------------------------------------
    DemoAction {
        uuid: 1021,
        project: LULE,
        meeting: Some(WORKSHOP_LULE),
        written: Written::During(176),
        title: "Publicera sammanfattningen av leverantörsworkshopen",
        owner: ASA_NAME,
        due: Due::Workday(-3),
        status: ActionStatus::Done,
        closed: Some(-3),
    },
    DemoAction {
        uuid: 1022,
        project: LULE,
        meeting: Some(WORKSHOP_LULE),
        written: Written::During(177),
        title: "Skicka tack och sammanfattning till PRO Luleå",
        owner: PL,
        due: Due::Workday(-4),
        status: ActionStatus::Done,
        closed: Some(-4),
    },
    DemoAction {
        uuid: 1023,
        project: LULE,
        meeting: Some(DIALOGUE_VARDFLODE),
        written: Written::During(57),
        title: "Skicka rätt version av frågeunderlaget till Vårdflöde",
        owner: ASA_NAME,
        due: Due::Workday(-1),
        status: ActionStatus::Done,
        closed: Some(-2),
    },
    DemoAction {
        uuid: 1024,
        project: LULE,
        meeting: Some(DIALOGUE_VARDFLODE),
        written: Written::During(55),
        title: "Jämför leverantörernas svar om driftavbrott",
        owner: PL,
        due: Due::Calendar(10),
        status: ActionStatus::Open,
        closed: None,
    },
    DemoAction {
        uuid: 1025,
        project: LULE,
        meeting: Some(SYNTHESIS_LULE),
        written: Written::During(78),
        title: "Skriv om kraven på integritet och samtycke",
        owner: ASA_NAME,
        due: Due::Calendar(7),
        status: ActionStatus::Open,
        closed: None,
    },
    DemoAction {
        uuid: 1026,
        project: LULE,
        meeting: Some(SYNTHESIS_LULE),
        written: Written::During(79),
        title: "Beskriv tillsynsbehovet per brukargrupp",
        owner: JORGEN_NAME,
        due: Due::ThisWeek,
        status: ActionStatus::Open,
        closed: None,
    },
    DemoAction {
        uuid: 1027,
        project: LULE,
        meeting: Some(SYNTHESIS_LULE),
        written: Written::During(80),
        title: "Ta fram en kostnadsuppskattning inför styrgruppen",
        owner: ASA_NAME,
        due: Due::Today,
        status: ActionStatus::InProgress,
        closed: None,
    },
    DemoAction {
        uuid: 1028,
        project: LULE,
        meeting: None,
        written: Written::Before(-8, (14, 0)),
        title: "Be dataskyddsombudet granska RFI-svaren med behandling utanför EU",
        owner: ASA_NAME,
        due: Due::Never,
        status: ActionStatus::Open,
        closed: None,
    },
    // ----- UHEM-25 ------------------------------------------------------------------------
    DemoAction {
        uuid: 1031,
        project: UHEM,
        meeting: None,
        written: Written::Before(-12, (9, 30)),
        title: "Skicka första utkastet till förvaltarna",
        owner: ERIK_NAME,
        due: Due::Workday(-12),
        status: ActionStatus::Done,
        closed: None,
    },
    DemoAction {
        uuid: 1032,
        project: UHEM,
        meeting: None,
        written: Written::Before(-10, (11, 5)),
        title: "Arbeta in förvaltarnas synpunkter i kravspecifikationen",
        owner: ERIK_NAME,
        due: Due::Workday(-2),
        status: ActionStatus::InProgress,
        closed: None,
    },
    DemoAction {
        uuid: 1033,
        project: UHEM,
        meeting: None,
        written: Written::Before(-10, (11, 10)),
        title: "Bjud in juristen till nästa dialogmöte",
        owner: ERIK_NAME,
        due: Due::Never,
        status: ActionStatus::Open,
        closed: None,
    },
    // ----- MLM-SKOL -----------------------------------------------------------------------
    DemoAction {
        uuid: 1041,
        project: MLM,
        meeting: None,
        written: Written::Before(-5, (10, 0)),
        title: "Skicka förslag till dagordning till grundskoleförvaltningen",
        owner: PL,
        due: Due::Calendar(7),
        status: ActionStatus::Open,
        closed: None,
    },
];

struct DemoQuestion {
    uuid: u64,
    meeting: u64,
    written: Written,
    text: &'static str,
    /// (working day, answer)
    answer: Option<(i64, &'static str)>,
}

const QUESTIONS: &[DemoQuestion] = &[
    DemoQuestion {
        uuid: 1101,
        meeting: WORKSHOP_LULE,
        written: Written::During(160),
        text: "Får leverantörer lämna gemensamt anbud eller anlita underleverantörer?",
        answer: Some((
            -4,
            "Ja. Det beskrivs i förfrågningsunderlaget, och samarbeten påverkar inte bedömningen. Svaret publiceras tillsammans med sammanfattningen.",
        )),
    },
    DemoQuestion {
        uuid: 1102,
        meeting: SYNTHESIS_LULE,
        written: Written::During(30),
        text: "Behövs en konsekvensbedömning enligt dataskyddsförordningen redan före en pilot?",
        answer: None,
    },
    DemoQuestion {
        uuid: 1103,
        meeting: NEEDS_WORKSHOP_RVB,
        written: Written::During(120),
        text: "Kan regionen ersätta anhöriga som följer med i en liggande transport?",
        answer: None,
    },
];

/// (status, working day, local time)
type StatusStep = (NotesStatus, i64, (u32, u32));

/// How the notes of the held demo meetings (and the working draft) got where they are:
/// (meeting, [(status, working day, local time)]). The last status is the meeting's.
const NOTES_HISTORY: &[(u64, &[StatusStep])] = &[
    (
        KICKOFF_RVB,
        &[
            (NotesStatus::Working, -9, (9, 5)),
            (NotesStatus::Draft, -8, (15, 0)),
            (NotesStatus::Approved, -6, (10, 15)),
        ],
    ),
    (
        STEERING_TRV,
        &[
            (NotesStatus::Working, -8, (10, 5)),
            (NotesStatus::Draft, -8, (16, 30)),
            (NotesStatus::Approved, -6, (9, 0)),
            (NotesStatus::Sent, -5, (10, 5)),
        ],
    ),
    (
        WORKSHOP_LULE,
        &[
            (NotesStatus::Working, -6, (9, 5)),
            (NotesStatus::Draft, -5, (14, 0)),
            (NotesStatus::Approved, -4, (15, 0)),
            (NotesStatus::Sent, -3, (9, 15)),
        ],
    ),
    (
        INTERVIEW_TRV,
        &[
            (NotesStatus::Working, -4, (14, 5)),
            (NotesStatus::Draft, -3, (11, 0)),
            (NotesStatus::Approved, -2, (16, 0)),
        ],
    ),
    (
        NEEDS_WORKSHOP_RVB,
        &[
            (NotesStatus::Working, -3, (13, 5)),
            (NotesStatus::Draft, -2, (10, 0)),
        ],
    ),
    (
        DIALOGUE_VARDFLODE,
        &[
            (NotesStatus::Working, -2, (10, 5)),
            (NotesStatus::Draft, -2, (15, 0)),
            (NotesStatus::Approved, -1, (9, 30)),
        ],
    ),
    (
        SYNTHESIS_LULE,
        &[
            (NotesStatus::Working, -1, (13, 5)),
            (NotesStatus::Draft, -1, (17, 0)),
        ],
    ),
    (STEERING_LULE, &[(NotesStatus::Working, -1, (15, 30))]),
];

/// (working day, local time, format, audience, file)
type ExportRow = (i64, (u32, u32), &'static str, Audience, &'static str);

/// Exports of the sent demo meetings: (meeting, [(working day, local time, format,
/// audience, file)]), oldest first.
const EXPORTS: &[(u64, &[ExportRow])] = &[
    (
        STEERING_TRV,
        &[(
            -5,
            (10, 0),
            "html",
            Audience::Shared,
            "~/Dokument/TRV-BRO/Mötesanteckningar styrgrupp.html",
        )],
    ),
    (
        WORKSHOP_LULE,
        &[
            (
                -4,
                (14, 50),
                "md",
                Audience::Internal,
                "~/Dokument/LULE-25/Mötesanteckningar leverantörsworkshop (intern).md",
            ),
            (
                -3,
                (9, 10),
                "html",
                Audience::Shared,
                "~/Dokument/LULE-25/Mötesanteckningar leverantörsworkshop.html",
            ),
        ],
    ),
];

/// The local time the demo actions were ticked done or cancelled, and questions answered.
const CLOSED_AT: (u32, u32) = (15, 30);
const ANSWERED_AT: (u32, u32) = (11, 0);

fn meeting_id_of(store: &Store, meeting: Option<u64>) -> Result<Option<i64>> {
    match meeting {
        Some(m) => store.id_by_uuid("meetings", &uuid(m)),
        None => Ok(None),
    }
}

fn project_id_of(store: &Store, project: u64) -> Result<i64> {
    store
        .id_by_uuid("projects", &uuid(project))?
        .ok_or(StoreError::NotFound)
}

/// Adds the demo notes, decisions, actions and questions that are missing, stamped when
/// they were written; then, for meetings that have none yet, the notes-status history
/// and the export log.
fn load_outcomes(store: &mut Store, today: NaiveDate, added: &mut DemoSummary) -> Result<()> {
    for n in NOTES {
        if store.id_by_uuid("notes", &uuid(n.uuid))?.is_some() {
            continue;
        }
        let Some(meeting_id) = store.id_by_uuid("meetings", &uuid(n.meeting))? else {
            continue;
        };
        let block = match n.block {
            Some(pos) => store.id_by_uuid("agenda_items", &uuid(n.meeting * 100 + pos))?,
            None => None,
        };
        let t = written_at(store, today, Some(n.meeting), n.written)?;
        as_of(store, t, |s| {
            s.create_note_with_uuid(meeting_id, block, n.body, n.label, &uuid(n.uuid))
        })?;
        added.notes += 1;
    }
    for d in DECISIONS {
        if store.id_by_uuid("decisions", &uuid(d.uuid))?.is_some() {
            continue;
        }
        let project_id = project_id_of(store, d.project)?;
        let meeting_id = meeting_id_of(store, d.meeting)?;
        let t = written_at(store, today, d.meeting, d.written)?;
        let input = DecisionInput {
            text: d.text.into(),
            rationale: d.rationale.into(),
            decided_by: d.decided_by.into(),
            decided_on: store.clock().local(t).date(),
        };
        as_of(store, t, |s| {
            s.create_decision_with_uuid(project_id, meeting_id, &input, &uuid(d.uuid))
        })?;
        added.decisions += 1;
    }
    for a in ACTIONS {
        if store.id_by_uuid("action_items", &uuid(a.uuid))?.is_some() {
            continue;
        }
        let project_id = project_id_of(store, a.project)?;
        let meeting_id = meeting_id_of(store, a.meeting)?;
        let mut input = ActionInput {
            title: a.title.into(),
            owner: a.owner.into(),
            due_date: a.due.date(today),
            status: if a.closed.is_some() {
                ActionStatus::Open
            } else {
                a.status
            },
        };
        let t = written_at(store, today, a.meeting, a.written)?;
        let id = as_of(store, t, |s| {
            s.create_action_with_uuid(project_id, meeting_id, &input, &uuid(a.uuid))
        })?;
        if let Some(on) = a.closed {
            input.status = a.status;
            let t = past(store, today, on, CLOSED_AT);
            as_of(store, t, |s| s.update_action(id, &input))?;
        }
        added.actions += 1;
    }
    for q in QUESTIONS {
        if store.id_by_uuid("questions", &uuid(q.uuid))?.is_some() {
            continue;
        }
        let Some(meeting_id) = store.id_by_uuid("meetings", &uuid(q.meeting))? else {
            continue;
        };
        let t = written_at(store, today, Some(q.meeting), q.written)?;
        let id = as_of(store, t, |s| {
            s.create_question_with_uuid(meeting_id, q.text, &uuid(q.uuid))
        })?;
        if let Some((on, answer)) = q.answer {
            let t = past(store, today, on, ANSWERED_AT);
            as_of(store, t, |s| s.answer_question(id, answer))?;
        }
        added.questions += 1;
    }
    // Histories and export logs have no UUIDs: they are added only to a meeting that
    // has none, and whose notes status is still the demo's (not one the user set).
    for &(m, steps) in NOTES_HISTORY {
        let Some(meeting_id) = store.id_by_uuid("meetings", &uuid(m))? else {
            continue;
        };
        let current = store.meeting(meeting_id)?.notes_status;
        if steps.last().map(|s| s.0) != Some(current)
            || !store.notes_status_dates(meeting_id)?.is_empty()
        {
            continue;
        }
        for &(status, on, time) in steps {
            let t = past(store, today, on, time);
            as_of(store, t, |s| s.set_notes_status(meeting_id, status))?;
        }
    }
    for &(m, exports) in EXPORTS {
        let Some(meeting_id) = store.id_by_uuid("meetings", &uuid(m))? else {
            continue;
        };
        if !store.exports(meeting_id)?.is_empty() {
            continue;
        }
        for &(on, time, format, audience, file) in exports {
            let record = ExportRecord {
                what: "summary".into(),
                format: format.into(),
                audience: audience.as_str().into(),
                language: "sv".into(),
                file: file.into(),
                exported_at: past(store, today, on, time)
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string(),
            };
            store.log_export(meeting_id, &record)?;
        }
    }
    Ok(())
}

/// Loads the demo portfolio into `store`, all or nothing.
pub fn load(store: &mut Store, today: NaiveDate) -> Result<DemoSummary> {
    store.atomically(|store| {
        let mut added = DemoSummary::default();
        for &(n, name, kind) in ORGANISATIONS {
            if store.id_by_uuid("organisations", &uuid(n))?.is_none() {
                let input = OrganisationInput {
                    name: name.into(),
                    kind,
                };
                store.create_organisation_with_uuid(&input, &uuid(n))?;
                added.organisations += 1;
            }
        }
        for &(n, name, org, title, email, phone) in PEOPLE {
            if store.id_by_uuid("people", &uuid(n))?.is_none() {
                let input = PersonInput {
                    name: name.into(),
                    organisation_name: org.into(),
                    title: title.into(),
                    email: email.into(),
                    phone: phone.into(),
                };
                store.create_person_with_uuid(&input, &uuid(n))?;
                added.people += 1;
            }
        }
        for p in PROJECTS {
            let project_id = match store.id_by_uuid("projects", &uuid(p.uuid))? {
                Some(id) => id,
                None => {
                    added.projects += 1;
                    store.create_project_with_uuid(&(p.input)(today), &uuid(p.uuid))?
                }
            };
            for &(n, title, due, done) in p.milestones {
                if store.id_by_uuid("milestones", &uuid(n))?.is_some() {
                    continue;
                }
                let input = MilestoneInput {
                    title: title.into(),
                    due_date: Some(day(today, due)),
                };
                let id = store.create_milestone_with_uuid(project_id, &input, &uuid(n))?;
                if let Some(done) = done {
                    store.set_milestone_done(id, day(today, done))?;
                }
                added.milestones += 1;
            }
        }
        load_meetings(store, today, &mut added)?;
        load_needs(store, today, &mut added)?;
        load_suggestions(store, today, &mut added)?;
        load_lessons(store, today, &mut added)?;
        load_outcomes(store, today, &mut added)?;
        Ok(added)
    })
}
