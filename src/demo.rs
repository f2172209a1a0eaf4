//! A realistic demo portfolio: Swedish contracting authorities of each kind, projects in
//! different phases, the people around them, their time plans and their meetings (with
//! timed agendas and participants). Dates are relative to `today`; every row has a fixed
//! UUID, so loading twice adds nothing the second time.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

use crate::domain::{
    AgendaItemInput, AttendanceRole, InnovationLevel, MeetingFormat, MeetingInput, MeetingStatus,
    MeetingType, MilestoneInput, NotesStatus, OrgKind, OrganisationInput, PersonInput, Phase,
    ProjectInput, ProjectStatus,
};
use crate::store::{Result, Store, StoreError};
use AttendanceRole::{Chair, Observer, Participant as Guest, Presenter};

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
        notes_status: NotesStatus::None,
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
        Ok(added)
    })
}
