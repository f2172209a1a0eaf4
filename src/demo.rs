//! A realistic demo portfolio: Swedish contracting authorities of each kind, projects in
//! different phases, the people around them and their time plans. Dates are relative to
//! `today`; every row has a fixed UUID, so loading twice adds nothing the second time.

use chrono::{Days, NaiveDate};

use crate::domain::{
    InnovationLevel, MilestoneInput, OrgKind, OrganisationInput, PersonInput, Phase, ProjectInput,
    ProjectStatus,
};
use crate::store::{Result, Store};

/// What a load added (zero everywhere when the demo was already there).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub organisations: usize,
    pub people: usize,
    pub projects: usize,
    pub milestones: usize,
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
        Ok(added)
    })
}
