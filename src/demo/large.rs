//! The large demo: a deterministic portfolio of any number of projects, built in memory
//! as a bundle and imported like the normal demo. At 1,000 projects it holds 20,000
//! meetings (agendas of 3–6 blocks, 3–8 participants), 100,000 notes, 50,000 actions,
//! 30,000 needs (with evidence and status history), 20,000 suggestions, and decisions,
//! questions and lessons; every enum value is used, notes carry every label, and some
//! rows are in the trash.
//!
//! Choices come from a hand-written SplitMix64 seeded with a constant: the same size and
//! day give the same bundle byte for byte, whatever versions of the crates are built
//! (a crate's generator may change its stream between releases). Times are wall-clock
//! times, like the normal demo's; `super::shift` places them in the store's zone.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::bundle::{self, Bundle, Date, Scope, Timestamp, Uuid};
use crate::domain::holidays::working_day;
use crate::domain::{
    ActionStatus, AttendanceRole, Confidentiality, InnovationLevel, LessonKind, MeetingFormat,
    MeetingType, MilestoneStatus, NeedStatus, NotesStatus, OrgKind, Phase, Priority, ProjectStatus,
    SuggestionStatus, TextEnum,
};

/// How large a portfolio to build. Everything else follows from the number of projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub projects: usize,
}

impl Size {
    /// The large demo: 1,000 projects.
    pub const LARGE: Size = Size { projects: 1_000 };
}

/// Rows per project (and per meeting).
const MEETINGS: usize = 20;
const NOTES_PER_MEETING: usize = 5;
const ACTIONS: usize = 50;
const NEEDS: usize = 30;
const SUGGESTIONS: usize = 20;
const MILESTONES: usize = 5;
const DECISIONS: usize = 8;
const LESSONS: usize = 2;
/// One in this many rows that can be trashed is in the trash.
const TRASHED_ONE_IN: usize = 50;

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and fixed forever here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// lo..=hi.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const BUYERS: &[(&str, &str)] = &[
    ("Luleå kommun", "LULE"),
    ("Region Västerbotten", "RVB"),
    ("Trafikverket", "TRV"),
    ("Uppsalahem AB", "UHEM"),
    ("Malmö stad", "MLM"),
    ("Region Skåne", "RSK"),
    ("Göteborgs Stad", "GBG"),
    ("Örebro kommun", "ORE"),
    ("Region Jämtland Härjedalen", "RJH"),
    ("Växjö kommun", "VXO"),
    ("Sjöfartsverket", "SJOV"),
    ("Högskolan i Gävle", "HIG"),
    ("Norrtälje kommun", "NTE"),
    ("Region Östergötland", "ROG"),
    ("Skellefteå kraft AB", "SKEK"),
    ("Ängelholms kommun", "ANG"),
];

const SUPPLIER_PARTS: &[&str] = &[
    "Norrsken",
    "Fjällvind",
    "Älvdal",
    "Skärgård",
    "Bärnsten",
    "Granö",
    "Sälen",
    "Öresund",
    "Vårdflöde",
    "Trygghet",
    "Ljusväg",
    "Kvarnström",
];
const SUPPLIER_KINDS: &[&str] = &[
    "Sensorteknik AB",
    "Omsorg AB",
    "Mobilitet AB",
    "Digital AB",
    "Energi AB",
    "Konsult AB",
];
const OTHER_ORGANISATIONS: &[(&str, OrgKind)] = &[
    (
        "Föreningen Sveriges Bussföretag",
        OrgKind::IndustryAssociation,
    ),
    ("RISE Research Institutes of Sweden", OrgKind::Research),
    (
        "Pensionärernas riksorganisation, Norrbotten",
        OrgKind::UserOrganisation,
    ),
    ("Upphandlingsjuristerna i Umeå", OrgKind::Expert),
    ("Nätverket för tidig dialog", OrgKind::Other),
];

const FIRST_NAMES: &[&str] = &[
    "Åsa", "Jörgen", "Märta", "Karin", "Erik", "Leila", "Per-Olof", "Sofia", "Anders", "Birgitta",
    "Göran", "Ingrid", "Björn", "Linnéa", "Håkan", "Aïsha", "Östen", "Ylva",
];
const LAST_NAMES: &[&str] = &[
    "Lindqvist",
    "Nilsson",
    "Öhman",
    "Sjöberg",
    "Åkesson",
    "Haddad",
    "Backman",
    "Grönlund",
    "Wikström",
    "Holm",
    "Ström",
    "Bäckström",
    "Löfgren",
    "Hägg",
    "Ekström",
    "Strand",
];
const TITLES: &[&str] = &[
    "upphandlare",
    "verksamhetsutvecklare",
    "enhetschef",
    "säljansvarig",
    "projektledare",
    "jurist",
    "utvecklingsledare",
];

const SUBJECTS: &[&str] = &[
    "trygg nattillsyn",
    "fossilfria sjukresor",
    "broinspektion med drönare",
    "energieffektiva flerbostadshus",
    "digitala läromedel",
    "skolskjuts på landsbygden",
    "matavfall i storkök",
    "hjälpmedel för äldre",
    "snöröjning med sensorer",
    "återbrukade möbler",
];

const NOTE_LINES: &[&str] = &[
    "Behovet av nattlig tillsyn är störst i glesbygden, där restiden är lång.",
    "Leverantörerna undrade hur driftavbrott ska hanteras i avtalet.",
    "Förvaltningen återkommer om budgetramen före årsskiftet.",
    "Personalen vill slippa dubbelregistrering i två system.",
    "Ett pilotförsök på två boenden föreslogs, med utvärdering efter tre månader.",
    "Frågan om personuppgifter skickas till dataskyddsombudet.",
    "Brukarrådet betonade att lösningen ska fungera utan smarttelefon.",
    "Leverantören visade hur larmen prioriteras; uppgifterna är affärskänsliga.",
    "Egen anteckning: ring Göran om lokalbokningen på fredag.",
    "Marknadsanalysen visar fyra möjliga lösningstyper och två nya aktörer.",
    "Åtgärdslistan gicks igenom; tre punkter är försenade.",
    "Önskemål om ett gemensamt informationsmöte för alla leverantörer i vår.",
];

const BLOCKS: &[(&str, &str)] = &[
    ("Inledning och syfte", "presentation"),
    ("Nuläge och utmaningar", "samtal i helgrupp"),
    ("Behov i vardagen", "bikupor"),
    ("Vad finns på marknaden?", "leverantörspresentationer"),
    ("Risker och hinder", "gruppdiskussion"),
    ("Prioritering", "dot-voting"),
    ("Frågor och svar", "öppen dialog"),
    ("Nästa steg och avslut", "sammanfattning"),
];

const NEED_STATEMENTS: &[&str] = &[
    "Personalen behöver se vilka larm som är akuta utan att öppna varje larm",
    "Brukaren behöver kunna sova ostört utan nattliga besök i onödan",
    "Resenären behöver veta när fordonet kommer, även utan mobiltelefon",
    "Förvaltaren behöver följa energianvändningen per trapphus och månad",
    "Läraren behöver kunna anpassa materialet för elever med läs- och skrivsvårigheter",
    "Köket behöver väga och följa upp matsvinnet utan extra handpåläggning",
];

const SUGGESTION_TITLES: &[&str] = &[
    "Bjud in brukarorganisationer tidigare",
    "Publicera en sammanfattning av dialogen för alla leverantörer",
    "Använd funktionskrav i stället för lösningskrav",
    "Planera ett informationsmöte före annonsering",
    "Låt en jurist granska dialogupplägget",
    "Följ upp avtalet med nyckeltal från början",
];

const ACTION_TITLES: &[&str] = &[
    "Skicka ut mötesanteckningarna",
    "Boka lokal för nästa workshop",
    "Sammanställ RFI-svaren",
    "Stäm av budget med förvaltningschefen",
    "Uppdatera tidplanen",
    "Bjud in leverantörerna till dialogmöte",
    "Granska utkastet till kravspecifikation",
];

/// A SplitMix64 seed: "tidig" in ASCII.
const SEED: u64 = 0x0074_6964_6967;

fn uuid(kind: u32, n: usize) -> Uuid {
    Uuid(format!("7d1d{kind:04x}-0000-4000-8000-{n:012x}"))
}

fn stamp(t: NaiveDateTime) -> Timestamp {
    Timestamp(t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

fn date(d: NaiveDate) -> Date {
    Date(d.format("%Y-%m-%d").to_string())
}

fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d + Days::new(days as u64)
    } else {
        d - Days::new(days.unsigned_abs())
    }
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("a time of day"))
}

/// A Swedish title for a meeting of this type (its number follows).
fn meeting_title(kind: &str) -> &'static str {
    match kind {
        "kickoff" => "Uppstartsmöte",
        "project_meeting" => "Projektmöte",
        "steering_group" => "Styrgrupp",
        "reference_group" => "Referensgrupp",
        "needs_workshop" => "Behovsworkshop",
        "focus_group" => "Fokusgrupp",
        "interview" => "Intervju",
        "information_meeting" => "Informationsmöte för leverantörer",
        "supplier_workshop" => "Leverantörsworkshop",
        "webinar" => "Webbinarium",
        "one_to_one_dialogue" => "Enskilt dialogmöte",
        "lessons_learned" => "Erfarenhetsåterföring",
        _ => "Avstämning",
    }
}

fn value<E: TextEnum>(i: usize) -> String {
    E::ALL[i % E::ALL.len()].as_str().to_string()
}

/// The large portfolio of `size` projects around `today`.
pub fn generate(size: Size, today: NaiveDate) -> Bundle {
    let mut g = Gen {
        rng: Rng(SEED),
        today,
        now: at(today, 8, 0),
        b: Bundle::empty(Scope::All, stamp(at(today, 8, 0))),
        trashable: 0,
    };
    g.directory(size);
    for p in 0..size.projects {
        g.project(p);
    }
    g.b
}

struct Gen {
    rng: Rng,
    today: NaiveDate,
    /// Rows are stamped no later than this (the shift clamps to the real now anyway).
    now: NaiveDateTime,
    b: Bundle,
    trashable: usize,
}

impl Gen {
    /// One in `TRASHED_ONE_IN` of the rows that can be trashed.
    fn deleted(&mut self, at: NaiveDateTime) -> Option<Timestamp> {
        self.trashable += 1;
        self.trashable
            .is_multiple_of(TRASHED_ONE_IN)
            .then(|| stamp(at.min(self.now)))
    }

    fn day(&self, offset: i64) -> NaiveDate {
        plus(self.today, offset)
    }

    /// (created, updated) around a day: created in the morning, updated in the afternoon
    /// or later, never after now.
    fn stamps(&mut self, day: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        let created = at(
            day,
            8 + self.rng.below(3) as u32,
            15 * self.rng.below(4) as u32,
        );
        let updated = at(
            plus(day, self.rng.below(3) as i64),
            13 + self.rng.below(4) as u32,
            0,
        );
        (
            created.min(self.now),
            updated.min(self.now).max(created.min(self.now)),
        )
    }

    fn directory(&mut self, size: Size) {
        let (c, u) = self.stamps(self.day(-400));
        for (i, (name, _)) in BUYERS.iter().enumerate() {
            self.b.organisations.push(bundle::Organisation {
                uuid: uuid(1, i),
                name: (*name).into(),
                kind: OrgKind::ContractingAuthority.as_str().into(),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at: None,
            });
        }
        let suppliers = (size.projects / 4).max(6);
        for i in 0..suppliers {
            let name = format!(
                "{} {}{}",
                SUPPLIER_PARTS[i % SUPPLIER_PARTS.len()],
                SUPPLIER_KINDS[(i / SUPPLIER_PARTS.len()) % SUPPLIER_KINDS.len()],
                match i / (SUPPLIER_PARTS.len() * SUPPLIER_KINDS.len()) {
                    0 => String::new(),
                    n => format!(" {}", n + 1),
                }
            );
            let deleted_at = self.deleted(u);
            self.b.organisations.push(bundle::Organisation {
                uuid: uuid(1, BUYERS.len() + i),
                name,
                kind: OrgKind::Supplier.as_str().into(),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
        for (i, (name, kind)) in OTHER_ORGANISATIONS.iter().enumerate() {
            self.b.organisations.push(bundle::Organisation {
                uuid: uuid(1, BUYERS.len() + suppliers + i),
                name: (*name).into(),
                kind: kind.as_str().into(),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at: None,
            });
        }
        let organisations = self.b.organisations.len();
        let people = (size.projects * 2).max(24);
        for i in 0..people {
            let first = FIRST_NAMES[i % FIRST_NAMES.len()];
            let last = LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()];
            let round = i / (FIRST_NAMES.len() * LAST_NAMES.len());
            let name = if round == 0 {
                format!("{first} {last}")
            } else {
                format!("{first} {} {last}", LAST_NAMES[round % LAST_NAMES.len()])
            };
            let login = format!("person{i}");
            let deleted_at = self.deleted(u);
            self.b.people.push(bundle::Person {
                uuid: uuid(2, i),
                name,
                organisation: Some(uuid(1, i % organisations)),
                title: TITLES[i % TITLES.len()].into(),
                // `.example` is reserved for documentation (RFC 2606): nobody gets mail.
                email: format!("{login}@demo.example"),
                // The series Post- och telestyrelsen reserves for fiction.
                phone: format!("070-1740{:03}", i % 1000),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
    }

    fn project(&mut self, p: usize) {
        let (buyer_name, abbr) = BUYERS[p % BUYERS.len()];
        let project = uuid(3, p);
        let subject = SUBJECTS[p % SUBJECTS.len()];
        let back = 60 + self.rng.below(300) as i64;
        let start = self.day(-back);
        let (c, u) = self.stamps(start);
        let deleted_at = self.deleted(u);
        self.b.projects.push(bundle::Project {
            uuid: project.clone(),
            code: format!("{abbr}-{p:04}"),
            title: format!("Upphandling av {subject} ({buyer_name})"),
            buyer: Some(uuid(1, p % BUYERS.len())),
            case_number: format!("{}-{}/{p}", abbr, start.year()),
            subject: subject.into(),
            goal: format!("Hitta nya lösningar för {subject} genom tidig dialog."),
            phase: value::<Phase>(p),
            status: value::<ProjectStatus>(p / 3),
            innovation_level: (p % 4 != 3).then(|| value::<InnovationLevel>(p)),
            planned_procedure: [
                "öppet förfarande",
                "förhandlat förfarande",
                "innovationspartnerskap",
            ][p % 3]
                .into(),
            start_date: Some(date(start)),
            end_date: (p.is_multiple_of(5)).then(|| date(plus(start, 540))),
            tags: vec![subject.split(' ').next().unwrap_or(subject).into()],
            last_reviewed_at: (!p.is_multiple_of(3)).then(|| stamp(at(self.day(-7), 9, 0))),
            last_need_number: NEEDS as i64,
            created_at: stamp(c),
            updated_at: stamp(u),
            deleted_at,
        });
        self.milestones(p, &project, start);
        let meetings = self.meetings(p, &project);
        self.needs(&project, &meetings);
        self.suggestions(&project, &meetings);
        self.outcomes(p, &project, &meetings);
    }

    fn milestones(&mut self, p: usize, project: &Uuid, start: NaiveDate) {
        for i in 0..MILESTONES {
            let n = p * MILESTONES + i;
            let due = plus(start, 60 * (i as i64 + 1));
            let status = value::<MilestoneStatus>(n);
            let (c, u) = self.stamps(start);
            let deleted_at = self.deleted(u);
            self.b.milestones.push(bundle::Milestone {
                uuid: uuid(4, n),
                project: project.clone(),
                title: [
                    "Behovsanalys klar",
                    "Dialogmöten genomförda",
                    "Strategi beslutad",
                    "Annonsering",
                    "Avtal tecknat",
                ][i]
                    .into(),
                due_date: Some(date(due)),
                done_date: (status == "done").then(|| date(due.min(self.today))),
                status,
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
    }

    /// The project's meetings (uuid, held or not), with agendas, participants, notes,
    /// questions and notes history.
    fn meetings(&mut self, p: usize, project: &Uuid) -> Vec<(Uuid, NaiveDate, bool)> {
        let people = self.b.people.len();
        let mut out = Vec::with_capacity(MEETINGS);
        for i in 0..MEETINGS {
            let n = p * MEETINGS + i;
            let meeting = uuid(5, n);
            // Spread from 14 weeks ago to 6 weeks ahead, on working days.
            let offset = -98 + (i as i64 * 7) + self.rng.below(5) as i64 - 2;
            let day = working_day(self.day(offset), offset >= 0);
            let start = at(
                day,
                8 + self.rng.below(7) as u32,
                15 * self.rng.below(4) as u32,
            );
            let blocks = self.rng.between(3, 6);
            let minutes: Vec<i64> = (0..blocks)
                .map(|_| *self.rng.pick(&[10, 15, 20, 30, 45]))
                .collect();
            let end = start + chrono::Duration::minutes(minutes.iter().sum());
            let over = end < self.now;
            let status = if !over {
                "planned"
            } else if n.is_multiple_of(17) {
                "cancelled"
            } else {
                "held"
            };
            let kind = value::<MeetingType>(n);
            let format = value::<MeetingFormat>(n);
            let (c, _) = self.stamps(plus(day, -14));
            let updated = if over { end } else { c };
            let deleted_at = self.deleted(updated);
            self.b.meetings.push(bundle::Meeting {
                status_before_cancel: None,
                uuid: meeting.clone(),
                project: project.clone(),
                title: format!("{} {}", meeting_title(&kind), i + 1),
                kind,
                purpose: "Att förstå behoven och vad marknaden kan erbjuda.".into(),
                desired_outcome: "En gemensam bild av nästa steg.".into(),
                location: if format == "digital" {
                    "https://teams.demo.example/l/meetup-join/demo".into()
                } else {
                    "Stadshuset, sal Norrsken".into()
                },
                format,
                start_at: stamp(start),
                end_at: stamp(end),
                status: status.into(),
                notes_status: if status == "held" {
                    value::<NotesStatus>(n)
                } else {
                    "none".into()
                },
                checklist: (n % 32) as u32,
                created_at: stamp(c),
                updated_at: stamp(updated),
                deleted_at,
            });
            let mut block_ids = Vec::with_capacity(blocks);
            for (k, &m) in minutes.iter().enumerate() {
                let a = self.b.agenda_items.len();
                let (title, method) = BLOCKS[(k + n) % BLOCKS.len()];
                let block = uuid(6, a);
                self.b.agenda_items.push(bundle::AgendaItem {
                    uuid: block.clone(),
                    meeting: meeting.clone(),
                    position: k as i64 + 1,
                    title: title.into(),
                    minutes: m,
                    method: method.into(),
                    owner: "Processledaren".into(),
                    expected_outcome: String::new(),
                    created_at: stamp(c),
                    updated_at: stamp(c),
                    deleted_at: None,
                });
                block_ids.push(block);
            }
            let participants = self.rng.between(3, 8);
            let first = self.rng.below(people);
            for k in 0..participants {
                let a = self.b.attendance.len();
                self.b.attendance.push(bundle::Attendance {
                    uuid: uuid(7, a),
                    meeting: meeting.clone(),
                    person: uuid(2, (first + k) % people),
                    role: value::<AttendanceRole>(a),
                    invited: true,
                    attended: status == "held" && k % 5 != 4,
                    created_at: stamp(c),
                    updated_at: stamp(c),
                });
            }
            for k in 0..NOTES_PER_MEETING {
                let id = self.b.notes.len();
                let body = format!(
                    "{}\n{}",
                    NOTE_LINES[(id * 7 + k) % NOTE_LINES.len()],
                    NOTE_LINES[(id + 3) % NOTE_LINES.len()]
                );
                let written = start.min(self.now);
                let deleted_at = self.deleted(written);
                self.b.notes.push(bundle::Note {
                    uuid: uuid(13, id),
                    meeting: meeting.clone(),
                    agenda_item: (k < block_ids.len()).then(|| block_ids[k].clone()),
                    body,
                    confidentiality: value::<Confidentiality>(id),
                    created_at: stamp(written),
                    updated_at: stamp(written),
                    deleted_at,
                });
            }
            if i.is_multiple_of(2) {
                let q = self.b.questions.len();
                self.b.questions.push(bundle::Question {
                    confidentiality: value::<Confidentiality>(q),
                    uuid: uuid(16, q),
                    meeting: meeting.clone(),
                    text: "Hur ska driftavbrott och reservrutiner hanteras?".into(),
                    answer: if over {
                        "Det beskrivs i kravspecifikationens avsnitt om drift.".into()
                    } else {
                        String::new()
                    },
                    created_at: stamp(start.min(self.now)),
                    updated_at: stamp(start.min(self.now)),
                    deleted_at: None,
                });
            }
            if status == "held" {
                let steps = NotesStatus::ALL
                    .iter()
                    .position(|s| {
                        s.as_str()
                            == self
                                .b
                                .meetings
                                .last()
                                .map_or("", |m| m.notes_status.as_str())
                    })
                    .unwrap_or(0);
                for (k, s) in NotesStatus::ALL.iter().enumerate().skip(1).take(steps) {
                    let h = self.b.notes_status_changes.len();
                    self.b.notes_status_changes.push(bundle::NotesStatusChange {
                        uuid: uuid(17, h),
                        meeting: meeting.clone(),
                        status: s.as_str().into(),
                        changed_at: stamp((end + chrono::Duration::hours(k as i64)).min(self.now)),
                        by_name: None,
                    });
                }
                if n.is_multiple_of(10) {
                    let x = self.b.exports.len();
                    self.b.exports.push(bundle::Export {
                        uuid: uuid(18, x),
                        meeting: meeting.clone(),
                        what: "summary".into(),
                        format: "md".into(),
                        audience: if x.is_multiple_of(2) {
                            "shared"
                        } else {
                            "internal"
                        }
                        .into(),
                        language: "sv".into(),
                        file: format!("/tmp/motesanteckningar-{n}.md"),
                        exported_at: stamp((end + chrono::Duration::hours(4)).min(self.now)),
                    });
                }
            }
            out.push((meeting, day, status == "held"));
        }
        out
    }

    fn needs(&mut self, project: &Uuid, meetings: &[(Uuid, NaiveDate, bool)]) {
        let people = self.b.people.len();
        let first = self.b.needs.len();
        let held: Vec<&(Uuid, NaiveDate, bool)> = meetings.iter().filter(|m| m.2).collect();
        for k in 0..NEEDS {
            let n = first + k;
            let back = 30 + self.rng.below(90) as i64;
            let noted = self.day(-back);
            let (c, _) = self.stamps(noted);
            // Every status is used; "merged" points at the project's first need.
            let status = if k > 0 && k % 15 == 0 {
                NeedStatus::Merged
            } else {
                NeedStatus::ALL[n % NeedStatus::ALL.len()]
            };
            let status = if k == 0 && status == NeedStatus::Merged {
                NeedStatus::Identified
            } else {
                status
            };
            let steps: Vec<NeedStatus> = match status {
                NeedStatus::Identified => vec![NeedStatus::Identified],
                s => vec![NeedStatus::Identified, s],
            };
            let mut when = c;
            let mut history = Vec::new();
            for (i, s) in steps.iter().enumerate() {
                history.push(bundle::NeedStatusChange {
                    uuid: uuid(10, self.b.need_status_changes.len() + history.len()),
                    need: uuid(8, n),
                    from_status: (i > 0).then(|| steps[i - 1].as_str().into()),
                    to_status: s.as_str().into(),
                    reason: if s.needs_reason() {
                        "Behovet täcks av ett annat behov eller ligger utanför uppdraget.".into()
                    } else {
                        String::new()
                    },
                    changed_at: stamp(when),
                });
                when = (when + chrono::Duration::days(3)).min(self.now);
            }
            let updated = stamp(when.min(self.now).max(c));
            let deleted_at = self.deleted(c);
            self.b.needs.push(bundle::Need {
                confidentiality: value::<Confidentiality>(n),
                uuid: uuid(8, n),
                project: project.clone(),
                number: k as i64 + 1,
                statement: format!(
                    "{} (behov {})",
                    NEED_STATEMENTS[n % NEED_STATEMENTS.len()],
                    k + 1
                ),
                as_a: String::new(),
                i_need: String::new(),
                so_that: String::new(),
                category: ["Funktion", "Drift", "Användbarhet", "Juridik"][n % 4].into(),
                priority: (n % 5 != 4).then(|| value::<Priority>(n)),
                status: status.as_str().into(),
                status_reason: if status.needs_reason() {
                    "Behovet täcks av ett annat behov eller ligger utanför uppdraget.".into()
                } else {
                    String::new()
                },
                merged_into: (status == NeedStatus::Merged).then(|| uuid(8, first)),
                owner: "Processledaren".into(),
                created_at: stamp(c),
                updated_at: updated,
                deleted_at,
            });
            self.b.need_status_changes.extend(history);
            let sources = 1 + n % 2;
            for s in 0..sources {
                let e = self.b.need_evidence.len();
                let meeting = (!held.is_empty() && s == 0).then(|| held[n % held.len()].0.clone());
                self.b.need_evidence.push(bundle::NeedEvidence {
                    confidentiality: value::<Confidentiality>(e),
                    uuid: uuid(9, e),
                    need: uuid(8, n),
                    meeting,
                    person: Some(uuid(2, (n + s) % people)),
                    document: if s == 1 {
                        "RFI-svar från leverantörerna".into()
                    } else {
                        String::new()
                    },
                    note: "Framkom i dialogen.".into(),
                    created_at: stamp(c),
                    updated_at: stamp(c),
                });
            }
        }
    }

    fn suggestions(&mut self, project: &Uuid, meetings: &[(Uuid, NaiveDate, bool)]) {
        for k in 0..SUGGESTIONS {
            let n = self.b.suggestions.len();
            let (from, day, _) = &meetings[k % meetings.len()];
            let made = (*day).min(self.day(-1));
            let (c, u) = self.stamps(made);
            let status = value::<SuggestionStatus>(n);
            let decided = !matches!(status.as_str(), "proposed" | "discussed");
            let deleted_at = self.deleted(u);
            self.b.suggestions.push(bundle::Suggestion {
                confidentiality: value::<Confidentiality>(n),
                uuid: uuid(11, n),
                project: project.clone(),
                meeting: (!k.is_multiple_of(3)).then(|| from.clone()),
                phase: value::<Phase>(n),
                title: SUGGESTION_TITLES[n % SUGGESTION_TITLES.len()].into(),
                description: "Processledarens förslag efter dialogen.".into(),
                rationale: "Det ger fler och bättre anbud och stärker likabehandlingen.".into(),
                buyer_response: if decided {
                    "Beställaren har tagit ställning.".into()
                } else {
                    String::new()
                },
                status,
                decision_date: decided.then(|| date(plus(made, 1).min(self.day(-1)))),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
    }

    /// Decisions, actions and lessons.
    fn outcomes(&mut self, p: usize, project: &Uuid, meetings: &[(Uuid, NaiveDate, bool)]) {
        let held: Vec<&(Uuid, NaiveDate, bool)> = meetings.iter().filter(|m| m.2).collect();
        for k in 0..DECISIONS {
            let n = self.b.decisions.len();
            let (meeting, day) = match held.get(k % held.len().max(1)) {
                Some((m, d, _)) => (Some(m.clone()), *d),
                None => (None, self.day(-3)),
            };
            let (c, u) = self.stamps(day);
            let deleted_at = self.deleted(u);
            self.b.decisions.push(bundle::Decision {
                confidentiality: value::<Confidentiality>(n),
                uuid: uuid(14, n),
                project: project.clone(),
                meeting,
                text: "Dialogen fortsätter med enskilda möten med varje leverantör.".into(),
                rationale: "Alla leverantörer ska få samma information.".into(),
                decided_by: "Styrgruppen".into(),
                decided_on: date(day),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
        for k in 0..ACTIONS {
            let n = self.b.action_items.len();
            let status = value::<ActionStatus>(n);
            let ahead = self.rng.below(90) as i64 - 30;
            let due = (k % 10 != 9).then(|| self.day(ahead));
            let back = 35 + self.rng.below(20) as i64;
            let (c, u) = self.stamps(self.day(-back));
            let done = status == "done";
            let deleted_at = self.deleted(u);
            self.b.action_items.push(bundle::ActionItem {
                confidentiality: value::<Confidentiality>(k),
                uuid: uuid(15, n),
                project: project.clone(),
                meeting: (k.is_multiple_of(2)).then(|| meetings[k % meetings.len()].0.clone()),
                title: ACTION_TITLES[n % ACTION_TITLES.len()].into(),
                owner: format!(
                    "{} {}",
                    FIRST_NAMES[n % FIRST_NAMES.len()],
                    LAST_NAMES[n % LAST_NAMES.len()]
                ),
                due_date: due.map(date),
                status,
                done_date: done.then(|| date(due.unwrap_or(self.today).min(self.day(-1)))),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
        for k in 0..LESSONS {
            let n = self.b.lessons.len();
            let (c, u) = self.stamps(self.day(-20));
            let deleted_at = self.deleted(u);
            self.b.lessons.push(bundle::Lesson {
                uuid: uuid(12, n),
                // Every tenth project's lessons are general ones.
                project: (!p.is_multiple_of(10)).then(|| project.clone()),
                phase: (k == 0).then(|| value::<Phase>(n)),
                kind: value::<LessonKind>(n),
                title: "Tidig dialog gav bättre krav".into(),
                context: "Upphandlingen gällde en ny typ av tjänst.".into(),
                what_happened: "Leverantörerna pekade på krav som ingen kunde uppfylla.".into(),
                what_we_learned: "Funktionskrav öppnar för fler lösningar.".into(),
                recommendation: "Testa kraven på marknaden innan annonsering.".into(),
                shareable: n.is_multiple_of(2),
                created_at: stamp(c),
                updated_at: stamp(u),
                deleted_at,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn the_same_size_and_day_give_the_same_bundle() {
        let size = Size { projects: 12 };
        assert_eq!(
            generate(size, today()).to_json(),
            generate(size, today()).to_json()
        );
    }

    #[test]
    fn counts_follow_the_number_of_projects() {
        let b = generate(Size { projects: 10 }, today());
        assert_eq!(b.projects.len(), 10);
        assert_eq!(b.meetings.len(), 200);
        assert_eq!(b.notes.len(), 1_000);
        assert_eq!(b.action_items.len(), 500);
        assert_eq!(b.needs.len(), 300);
        assert_eq!(b.suggestions.len(), 200);
        let blocks = b.agenda_items.len();
        assert!((600..=1_200).contains(&blocks), "{blocks}");
        let people = b.attendance.len();
        assert!((600..=1_600).contains(&people), "{people}");
    }

    #[test]
    fn every_label_and_enum_value_is_used() {
        let b = generate(Size { projects: 20 }, today());
        fn all<E: TextEnum>(used: impl Iterator<Item = String>) {
            let used: std::collections::HashSet<String> = used.collect();
            for v in E::ALL {
                assert!(used.contains(v.as_str()), "{} unused", v.as_str());
            }
        }
        all::<Confidentiality>(b.notes.iter().map(|n| n.confidentiality.clone()));
        all::<MeetingType>(b.meetings.iter().map(|m| m.kind.clone()));
        all::<NeedStatus>(b.needs.iter().map(|n| n.status.clone()));
        all::<ActionStatus>(b.action_items.iter().map(|a| a.status.clone()));
        all::<SuggestionStatus>(b.suggestions.iter().map(|s| s.status.clone()));
        all::<Phase>(b.projects.iter().map(|p| p.phase.clone()));
        all::<ProjectStatus>(b.projects.iter().map(|p| p.status.clone()));
        all::<LessonKind>(b.lessons.iter().map(|l| l.kind.clone()));
        all::<AttendanceRole>(b.attendance.iter().map(|a| a.role.clone()));
        all::<OrgKind>(b.organisations.iter().map(|o| o.kind.clone()));
        assert!(b.notes.iter().any(|n| n.deleted_at.is_some()));
        assert!(b.meetings.iter().any(|m| m.status == "cancelled"));
        assert!(b.meetings.iter().any(|m| m.status == "planned"));
        assert!(b.notes.iter().any(|n| n.body.contains('å')));
    }

    #[test]
    fn meetings_fall_on_working_days() {
        let b = generate(Size { projects: 5 }, today());
        for m in &b.meetings {
            let day = NaiveDate::parse_from_str(&m.start_at.0[..10], "%Y-%m-%d").unwrap();
            assert!(!crate::domain::holidays::is_day_off(day), "{}", m.start_at);
        }
    }
}
