//! Generated bundles: valid, interlinked rows of every kind (trash included), of any
//! size, from a seed and a pool of texts. The property tests feed it proptest's texts;
//! the large-import tests ask for a demo-sized portfolio.

use tidig::bundle::{self, Bundle, Date, Scope, Timestamp, Uuid};

/// How many rows to make. Per-project and per-meeting counts are upper bounds when
/// `vary` is set (the generator then picks 0..=n), exact otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub organisations: usize,
    pub people: usize,
    pub projects: usize,
    pub milestones: usize,
    pub meetings: usize,
    pub agenda_items: usize,
    pub attendance: usize,
    pub needs: usize,
    pub suggestions: usize,
    pub lessons: usize,
    pub notes: usize,
    pub decisions: usize,
    pub actions: usize,
    pub questions: usize,
    /// Dialogue rounds per project (each with up to three questions and suppliers).
    pub rounds: usize,
    /// Per-project and per-meeting counts vary from 0 to the number given.
    pub vary: bool,
}

impl Sizes {
    /// The size of the large demo: 1,000 projects, 20,000 meetings, 100,000 notes,
    /// 50,000 actions, 30,000 needs and 20,000 suggestions (and what goes with them).
    pub fn large() -> Sizes {
        Sizes {
            organisations: 300,
            people: 2_000,
            projects: 1_000,
            milestones: 5,
            meetings: 20,
            agenda_items: 4,
            attendance: 4,
            needs: 30,
            suggestions: 20,
            lessons: 2,
            notes: 5,
            decisions: 10,
            actions: 50,
            questions: 1,
            rounds: 0,
            vary: false,
        }
    }

    /// A small, varied store for property tests.
    pub fn small() -> Sizes {
        Sizes {
            organisations: 4,
            people: 6,
            projects: 3,
            milestones: 3,
            meetings: 3,
            agenda_items: 3,
            attendance: 3,
            needs: 4,
            suggestions: 2,
            lessons: 2,
            notes: 3,
            decisions: 2,
            actions: 3,
            questions: 2,
            rounds: 1,
            vary: true,
        }
    }
}

/// SplitMix64: a tiny, good-enough generator, so that a seed gives the same bundle.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Texts with what tends to break things: Swedish letters, emoji, line breaks, quotes.
const TEXTS: &[&str] = &[
    "Behovsworkshop med hemtjänsten i Övertorneå",
    "Leverantörsdialog 🚌 om skolskjuts",
    "Rad ett\nRad två\n\n– punkt",
    "\"Citat\" och \\ snedstreck",
    "Ärendet återremitterades; åtgärd krävs",
    "🇸🇪 Trafikverket × broar",
    "Tab\tseparerad",
    "Ååå äää ööö — ÅÄÖ é ü ß",
];

fn uuid(section: u32, n: usize) -> Uuid {
    Uuid(format!("{section:08x}-0000-4000-8000-{n:012x}"))
}

/// A time `minutes` after 2025-01-01 00:00 UTC.
fn at(minutes: u64) -> Timestamp {
    let base = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z").unwrap();
    let t = base + chrono::Duration::minutes(minutes as i64);
    Timestamp(t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

fn day(days: u64) -> Date {
    let base = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    Date(
        (base + chrono::Days::new(days))
            .format("%Y-%m-%d")
            .to_string(),
    )
}

fn value<E: tidig::domain::TextEnum>(rng: &mut Rng) -> String {
    rng.pick(E::ALL).as_str().to_string()
}

struct Gen<'a> {
    rng: Rng,
    pool: &'a [String],
    sizes: Sizes,
}

impl Gen<'_> {
    /// Some text, possibly empty.
    fn text(&mut self) -> String {
        if !self.pool.is_empty() && self.rng.chance(70) {
            self.rng.pick(self.pool).clone()
        } else if self.rng.chance(30) {
            String::new()
        } else {
            self.rng.pick(TEXTS).to_string()
        }
    }
    /// Text the store requires to be non-blank.
    fn title(&mut self, n: usize) -> String {
        let t = self.text();
        format!("R{n} {t}")
    }
    fn count(&mut self, n: usize) -> usize {
        if self.sizes.vary {
            self.rng.below(n + 1)
        } else {
            n
        }
    }
    /// created ≤ updated, and sometimes in the trash.
    fn stamps(&mut self, base: u64) -> (Timestamp, Timestamp, Option<Timestamp>) {
        let created = base + self.rng.below(1000) as u64;
        let updated = created + self.rng.below(1000) as u64;
        let deleted = self.rng.chance(10).then(|| at(updated));
        (at(created), at(updated), deleted)
    }
    fn optional_date(&mut self) -> Option<Date> {
        self.rng.chance(60).then(|| day(self.rng.below(900) as u64))
    }
}

/// A valid bundle of generated rows: `sizes` of each kind, texts from `pool` (and a
/// built-in list), choices from `seed`.
pub fn generate(seed: u64, sizes: Sizes, pool: &[String]) -> Bundle {
    use tidig::domain::*;
    let mut g = Gen {
        rng: Rng::new(seed),
        pool,
        sizes,
    };
    let mut b = Bundle::empty(Scope::All, at(900_000));
    let mut t: u64 = 0;
    let mut next = |step: u64| {
        t += step;
        t
    };
    for i in 0..sizes.organisations {
        let (created_at, updated_at, deleted_at) = g.stamps(next(1));
        b.organisations.push(bundle::Organisation {
            uuid: uuid(1, i),
            name: g.title(i),
            kind: value::<OrgKind>(&mut g.rng),
            created_at,
            updated_at,
            deleted_at,
        });
    }
    for i in 0..sizes.people {
        let (created_at, updated_at, deleted_at) = g.stamps(next(1));
        let organisation = (sizes.organisations > 0 && g.rng.chance(80))
            .then(|| uuid(1, g.rng.below(sizes.organisations)));
        b.people.push(bundle::Person {
            uuid: uuid(2, i),
            name: g.title(i),
            organisation,
            title: g.text(),
            email: g.text(),
            phone: g.text(),
            created_at,
            updated_at,
            deleted_at,
        });
    }
    let (mut meeting_n, mut agenda_n, mut attendance_n, mut need_n) = (0, 0, 0, 0);
    let (mut evidence_n, mut change_n, mut note_n, mut n) = (0, 0, 0, 0);
    for p in 0..sizes.projects {
        let project = uuid(3, p);
        let (created_at, updated_at, deleted_at) = g.stamps(next(10));
        let start_date = g.optional_date();
        let end_date = start_date
            .as_ref()
            .filter(|_| g.rng.chance(50))
            .map(|d| Date(d.0.clone()));
        let needs = g.count(sizes.needs);
        b.projects.push(bundle::Project {
            uuid: project.clone(),
            code: format!("P{p}-{}", p % 7),
            title: g.title(p),
            buyer: (sizes.organisations > 0 && g.rng.chance(80))
                .then(|| uuid(1, g.rng.below(sizes.organisations))),
            case_number: g.text(),
            subject: g.text(),
            goal: g.text(),
            phase: value::<Phase>(&mut g.rng),
            status: value::<ProjectStatus>(&mut g.rng),
            innovation_level: g
                .rng
                .chance(50)
                .then(|| value::<InnovationLevel>(&mut g.rng)),
            planned_procedure: g.text(),
            start_date,
            end_date,
            tags: (0..g.rng.below(3)).map(|_| g.text()).collect(),
            last_reviewed_at: g.rng.chance(50).then(|| at(next(1))),
            last_need_number: (needs + g.rng.below(3)) as i64,
            created_at,
            updated_at,
            deleted_at,
        });
        for _ in 0..g.count(sizes.milestones) {
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            b.milestones.push(bundle::Milestone {
                uuid: uuid(4, b.milestones.len()),
                project: project.clone(),
                title: g.title(n),
                due_date: g.optional_date(),
                done_date: g.optional_date(),
                status: value::<MilestoneStatus>(&mut g.rng),
                created_at,
                updated_at,
                deleted_at,
            });
            n += 1;
        }
        let mut meetings = Vec::new();
        for _ in 0..g.count(sizes.meetings) {
            let meeting = uuid(5, meeting_n);
            meeting_n += 1;
            let start = next(60);
            let (created_at, updated_at, deleted_at) = g.stamps(start);
            b.meetings.push(bundle::Meeting {
                status_before_cancel: None,
                uuid: meeting.clone(),
                project: project.clone(),
                kind: value::<MeetingType>(&mut g.rng),
                title: g.title(meeting_n),
                purpose: g.text(),
                desired_outcome: g.text(),
                format: value::<MeetingFormat>(&mut g.rng),
                location: g.text(),
                start_at: at(start),
                end_at: at(start + 30 + g.rng.below(200) as u64),
                status: value::<MeetingStatus>(&mut g.rng),
                notes_status: value::<NotesStatus>(&mut g.rng),
                checklist: g.rng.below(32) as u32,
                created_at,
                updated_at,
                deleted_at,
            });
            let mut blocks = Vec::new();
            for position in 0..g.count(sizes.agenda_items) {
                let (created_at, updated_at, deleted_at) = g.stamps(start);
                let block = uuid(6, agenda_n);
                agenda_n += 1;
                b.agenda_items.push(bundle::AgendaItem {
                    uuid: block.clone(),
                    meeting: meeting.clone(),
                    position: position as i64,
                    title: g.title(agenda_n),
                    minutes: 1 + g.rng.below(90) as i64,
                    method: g.text(),
                    owner: g.text(),
                    expected_outcome: g.text(),
                    created_at,
                    updated_at,
                    deleted_at,
                });
                blocks.push(block);
            }
            let people = g.count(sizes.attendance).min(sizes.people);
            let first = g.rng.below(sizes.people.max(1));
            for k in 0..people {
                let (created_at, updated_at, _) = g.stamps(start);
                b.attendance.push(bundle::Attendance {
                    uuid: uuid(7, attendance_n),
                    meeting: meeting.clone(),
                    person: uuid(2, (first + k) % sizes.people),
                    role: value::<AttendanceRole>(&mut g.rng),
                    invited: g.rng.chance(80),
                    attended: g.rng.chance(50),
                    created_at,
                    updated_at,
                });
                attendance_n += 1;
            }
            for _ in 0..g.count(sizes.notes) {
                let (created_at, updated_at, deleted_at) = g.stamps(start);
                let agenda_item =
                    (!blocks.is_empty() && g.rng.chance(70)).then(|| g.rng.pick(&blocks).clone());
                b.notes.push(bundle::Note {
                    uuid: uuid(13, note_n),
                    meeting: meeting.clone(),
                    agenda_item,
                    body: g.text(),
                    confidentiality: value::<Confidentiality>(&mut g.rng),
                    created_at,
                    updated_at,
                    deleted_at,
                });
                note_n += 1;
            }
            for _ in 0..g.count(sizes.questions) {
                let (created_at, updated_at, deleted_at) = g.stamps(start);
                b.questions.push(bundle::Question {
                    uuid: uuid(16, b.questions.len()),
                    meeting: meeting.clone(),
                    text: g.title(n),
                    answer: g.text(),
                    confidentiality: "internal".into(),
                    created_at,
                    updated_at,
                    deleted_at,
                });
                n += 1;
            }
            if g.rng.chance(70) {
                let by_name = g.rng.chance(50).then(|| g.title(n));
                b.notes_status_changes.push(bundle::NotesStatusChange {
                    uuid: uuid(17, b.notes_status_changes.len()),
                    meeting: meeting.clone(),
                    status: value::<NotesStatus>(&mut g.rng),
                    changed_at: at(start + 100),
                    by_name,
                });
            }
            if g.rng.chance(40) {
                b.exports.push(bundle::Export {
                    uuid: uuid(18, b.exports.len()),
                    meeting: meeting.clone(),
                    what: "summary".into(),
                    format: "md".into(),
                    audience: "internal".into(),
                    language: "sv".into(),
                    file: g.text(),
                    exported_at: at(start + 200),
                });
            }
            meetings.push(meeting);
        }
        let first_need = need_n;
        for number in 1..=needs {
            let need = uuid(8, need_n);
            need_n += 1;
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            // Merged into another need of the project, before or after it in the list.
            let merged = needs > 1 && g.rng.chance(15);
            let merged_into = merged.then(|| {
                let other = (number + g.rng.below(needs - 1)) % needs;
                uuid(8, first_need + other)
            });
            b.needs.push(bundle::Need {
                uuid: need.clone(),
                project: project.clone(),
                number: number as i64,
                statement: g.title(number),
                as_a: g.text(),
                i_need: g.text(),
                so_that: g.text(),
                category: g.text(),
                priority: g.rng.chance(70).then(|| value::<Priority>(&mut g.rng)),
                status: if merged {
                    "merged".into()
                } else {
                    value::<NeedStatus>(&mut g.rng)
                },
                status_reason: g.text(),
                merged_into,
                owner: g.text(),
                confidentiality: "internal".into(),
                created_at,
                updated_at,
                deleted_at,
            });
            let sources = 1 + g.rng.below(2);
            for _ in 0..sources {
                let (created_at, updated_at, _) = g.stamps(next(1));
                let meeting = (!meetings.is_empty() && g.rng.chance(50))
                    .then(|| g.rng.pick(&meetings).clone());
                let person = (sizes.people > 0 && g.rng.chance(40))
                    .then(|| uuid(2, g.rng.below(sizes.people)));
                let mut document = g.text();
                if meeting.is_none() && person.is_none() && document.trim().is_empty() {
                    document = "Rapport.pdf".into();
                }
                b.need_evidence.push(bundle::NeedEvidence {
                    uuid: uuid(9, evidence_n),
                    need: need.clone(),
                    meeting,
                    person,
                    document,
                    note: g.text(),
                    confidentiality: "internal".into(),
                    created_at,
                    updated_at,
                });
                evidence_n += 1;
            }
            for step in 0..(1 + g.rng.below(2)) {
                b.need_status_changes.push(bundle::NeedStatusChange {
                    uuid: uuid(10, change_n),
                    need: need.clone(),
                    from_status: (step > 0).then(|| value::<NeedStatus>(&mut g.rng)),
                    to_status: value::<NeedStatus>(&mut g.rng),
                    reason: g.text(),
                    changed_at: at(next(1)),
                });
                change_n += 1;
            }
        }
        for _ in 0..g.count(sizes.suggestions) {
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            let meeting =
                (!meetings.is_empty() && g.rng.chance(50)).then(|| g.rng.pick(&meetings).clone());
            b.suggestions.push(bundle::Suggestion {
                uuid: uuid(11, b.suggestions.len()),
                project: project.clone(),
                meeting,
                phase: value::<Phase>(&mut g.rng),
                title: g.title(n),
                description: g.text(),
                rationale: g.text(),
                status: value::<SuggestionStatus>(&mut g.rng),
                buyer_response: g.text(),
                decision_date: g.optional_date(),
                confidentiality: "internal".into(),
                created_at,
                updated_at,
                deleted_at,
            });
            n += 1;
        }
        for _ in 0..g.count(sizes.lessons) {
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            b.lessons.push(bundle::Lesson {
                uuid: uuid(12, b.lessons.len()),
                // Some lessons are general: no project.
                project: g.rng.chance(80).then(|| project.clone()),
                phase: g.rng.chance(70).then(|| value::<Phase>(&mut g.rng)),
                kind: value::<LessonKind>(&mut g.rng),
                title: g.title(n),
                context: g.text(),
                what_happened: g.text(),
                what_we_learned: g.text(),
                recommendation: g.text(),
                shareable: g.rng.chance(50),
                created_at,
                updated_at,
                deleted_at,
            });
            n += 1;
        }
        for _ in 0..g.count(sizes.decisions) {
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            let meeting =
                (!meetings.is_empty() && g.rng.chance(70)).then(|| g.rng.pick(&meetings).clone());
            b.decisions.push(bundle::Decision {
                uuid: uuid(14, b.decisions.len()),
                project: project.clone(),
                meeting,
                text: g.title(n),
                rationale: g.text(),
                decided_by: g.text(),
                decided_on: day(g.rng.below(900) as u64),
                confidentiality: "internal".into(),
                created_at,
                updated_at,
                deleted_at,
            });
            n += 1;
        }
        for _ in 0..g.count(sizes.actions) {
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            let meeting =
                (!meetings.is_empty() && g.rng.chance(70)).then(|| g.rng.pick(&meetings).clone());
            b.action_items.push(bundle::ActionItem {
                uuid: uuid(15, b.action_items.len()),
                project: project.clone(),
                meeting,
                title: g.title(n),
                owner: g.text(),
                due_date: g.optional_date(),
                status: value::<ActionStatus>(&mut g.rng),
                done_date: g.optional_date(),
                confidentiality: "internal".into(),
                created_at,
                updated_at,
                deleted_at,
            });
            n += 1;
        }
        for _ in 0..g.count(sizes.rounds) {
            let round = uuid(30, b.dialogue_rounds.len());
            let (created_at, updated_at, deleted_at) = g.stamps(next(1));
            b.dialogue_rounds.push(bundle::DialogueRound {
                uuid: round.clone(),
                project: project.clone(),
                kind: value::<RoundKind>(&mut g.rng),
                title: g.title(n),
                purpose: g.text(),
                created_at,
                updated_at,
                deleted_at,
            });
            n += 1;
            let mut questions = Vec::new();
            for position in 1..=g.count(3) {
                let (created_at, updated_at, deleted_at) = g.stamps(next(1));
                let question = uuid(31, b.round_questions.len());
                b.round_questions.push(bundle::RoundQuestion {
                    uuid: question.clone(),
                    round: round.clone(),
                    position: position as i64,
                    text: g.title(n),
                    created_at,
                    updated_at,
                    deleted_at,
                });
                questions.push(question);
                n += 1;
            }
            // Distinct organisations, numbered 1, 2, 3 in the order they joined.
            let suppliers = g.count(3).min(sizes.organisations);
            let first = g.rng.below(sizes.organisations.max(1));
            for seq in 0..suppliers {
                let organisation = uuid(1, (first + seq) % sizes.organisations);
                let (created_at, updated_at, _) = g.stamps(next(1));
                let meeting = (!meetings.is_empty() && g.rng.chance(50))
                    .then(|| g.rng.pick(&meetings).clone());
                b.round_suppliers.push(bundle::RoundSupplier {
                    uuid: uuid(32, b.round_suppliers.len()),
                    round: round.clone(),
                    organisation: organisation.clone(),
                    seq: seq as i64 + 1,
                    meeting: meeting.clone(),
                    created_at,
                    updated_at,
                });
                for question in &questions {
                    if !g.rng.chance(70) {
                        continue;
                    }
                    let (created_at, updated_at, _) = g.stamps(next(1));
                    b.round_answers.push(bundle::RoundAnswer {
                        uuid: uuid(33, b.round_answers.len()),
                        question: question.clone(),
                        organisation: organisation.clone(),
                        meeting: meeting.clone(),
                        body: g.text(),
                        confidentiality: value::<Confidentiality>(&mut g.rng),
                        created_at,
                        updated_at,
                    });
                }
            }
        }
    }
    b
}

/// The total number of rows in a bundle.
pub fn rows(bundle: &Bundle) -> usize {
    bundle.counts().values().sum()
}
