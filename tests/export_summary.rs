//! Meeting notes (Mötesanteckningar) on a hand-built meeting with every kind of
//! content: golden snapshots of each format and audience, the audience rules proved
//! with marker strings in notes of every label, escaping of hostile text in HTML, the
//! fair-dialogue statement, and templates from a user folder.

mod common;

use chrono::{DateTime, Duration, Utc};
use tidig::domain::*;
use tidig::export::summary::{self, SummaryFormat, SummaryInput};
use tidig::export::{ExportError, Lang, TemplateSource};

use common::{clock, date, utc};

// ---------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------

const STAMP: &str = "2026-11-19T12:00:00Z";

/// LULE-25: the export tests' project with its own code, title, buyer and dates.
fn project() -> Project {
    Project {
        code: "LULE-25".into(),
        title: "Trygg nattillsyn".into(),
        buyer_name: Some("Luleå kommun".into()),
        case_number: "KS 2025/0412".into(),
        created_at: STAMP.into(),
        updated_at: STAMP.into(),
        ..common::export::project()
    }
}

fn meeting(id: i64, kind: MeetingType, title: &str, start: DateTime<Utc>, minutes: i64) -> Meeting {
    Meeting {
        id,
        uuid: format!("00000000-0000-4000-8000-{id:012}"),
        project_id: 1,
        project_code: "LULE-25".into(),
        kind,
        title: title.into(),
        purpose: "Utforska hur nattillsyn kan ske utan att väcka brukaren.".into(),
        desired_outcome: "En bred bild av möjliga lösningar och hinder.".into(),
        format: MeetingFormat::InPerson,
        location: "Stadshuset, sal Norrsken".into(),
        start,
        end: start + Duration::minutes(minutes),
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Draft,
        checklist: 0,
        created_at: STAMP.into(),
        updated_at: STAMP.into(),
    }
}

fn item(id: i64, title: &str, minutes: u32, owner: &str) -> AgendaItem {
    AgendaItem {
        id,
        uuid: format!("10000000-0000-4000-8000-{id:012}"),
        meeting_id: 1,
        position: id,
        title: title.into(),
        minutes,
        method: String::new(),
        owner: owner.into(),
        expected_outcome: String::new(),
    }
}

fn person(
    id: i64,
    name: &str,
    org: &str,
    supplier: bool,
    role: AttendanceRole,
    attended: bool,
) -> Attendance {
    Attendance {
        id,
        meeting_id: 1,
        person_id: id,
        person_name: name.into(),
        organisation_name: Some(org.into()),
        organisation_is_supplier: supplier,
        role,
        invited: true,
        attended,
    }
}

fn note(id: i64, item: Option<i64>, body: &str, c: Confidentiality) -> Note {
    Note {
        id,
        uuid: format!("30000000-0000-4000-8000-{id:012}"),
        meeting_id: 1,
        agenda_item_id: item,
        body: body.into(),
        confidentiality: c,
        created_at: STAMP.into(),
        updated_at: STAMP.into(),
    }
}

// Marker strings, one per note, so that a test can tell exactly which note reached
// which export.
const SHAREABLE: [&str; 3] = ["mrk-share-general", "mrk-share-item1", "mrk-share-item2"];
const INTERNAL: [&str; 2] = ["mrk-internal-general", "mrk-internal-item2"];
const SUPPLIER_CONFIDENTIAL: [&str; 2] = ["mrk-suppconf-general", "mrk-suppconf-item2"];
const PERSONAL: [&str; 2] = ["mrk-personal-general", "mrk-personal-item3"];

fn notes() -> Vec<Note> {
    use Confidentiality::*;
    vec![
        note(
            1,
            None,
            "Alla inbjudna leverantörer kom. **Bra stämning** (mrk-share-general).\n\n\
             - frågor om *sekretess*\n- frågor om tidplan",
            Shareable,
        ),
        note(
            2,
            None,
            "Budgeten är inte beslutad, säg inget om belopp (mrk-internal-general).",
            Internal,
        ),
        note(
            3,
            None,
            "Norrsken visade sin patentsökta sensor (mrk-suppconf-general).",
            SupplierConfidential,
        ),
        note(
            4,
            None,
            "Ring Per om lokalen (mrk-personal-general).",
            Personal,
        ),
        // Nothing written: neither shown nor counted.
        note(5, None, "  \n ", Internal),
        note(
            6,
            Some(11),
            "Spelreglerna lästes upp, se [Upphandlingsmyndigheten](https://www.upphandlingsmyndigheten.se) (mrk-share-item1).",
            Shareable,
        ),
        note(
            7,
            Some(12),
            "Larm måste nå personal inom två minuter (mrk-share-item2):\n\n1. larm\n2. batteritid\n3. integritet",
            Shareable,
        ),
        note(
            8,
            Some(12),
            "Vi lutar åt att kräva öppna gränssnitt (mrk-internal-item2).",
            Internal,
        ),
        note(
            9,
            Some(12),
            "Vårdflöde nämnde sitt pris per brukare (mrk-suppconf-item2).",
            SupplierConfidential,
        ),
        note(
            10,
            Some(13),
            "Min egen reflektion: för lite tid (mrk-personal-item3).",
            Personal,
        ),
    ]
}

/// A supplier workshop with everything: agenda, participants present and absent (with
/// a note-taker), notes of every label, a decision, actions (one done), a need, a
/// suggestion, two questions and a next meeting.
fn input() -> SummaryInput {
    let start = utc(2026, 11, 18, 9, 0);
    let next = Meeting {
        location: "https://teams.example/l/meetup-join/19_abc".into(),
        format: MeetingFormat::Digital,
        status: MeetingStatus::Planned,
        ..meeting(
            2,
            MeetingType::OneToOneDialogue,
            "Enskilt dialogmöte – Vårdflöde Nordic AB",
            utc(2026, 11, 24, 10, 0),
            60,
        )
    };
    SummaryInput {
        project: project(),
        meeting: meeting(
            1,
            MeetingType::SupplierWorkshop,
            "Leverantörsworkshop: nattillsyn utan kamera",
            start,
            120,
        ),
        agenda: vec![
            item(11, "Välkommen och spelregler", 15, "Åsa Lindqvist"),
            item(12, "Behovet: en natt i hemtjänsten", 45, "Jörgen Nilsson"),
            item(13, "Lösningsidéer i grupper", 45, ""),
            item(14, "Sammanfattning", 15, "Åsa Lindqvist"),
        ],
        attendance: vec![
            person(
                1,
                "Åsa Lindqvist",
                "Luleå kommun",
                false,
                AttendanceRole::Chair,
                true,
            ),
            person(
                2,
                "Maria Berg",
                "Luleå kommun",
                false,
                AttendanceRole::NoteTaker,
                true,
            ),
            person(
                3,
                "Per-Olof Backman",
                "Norrsken Sensorteknik AB",
                true,
                AttendanceRole::Participant,
                true,
            ),
            person(
                4,
                "Anders Wikström",
                "RISE",
                false,
                AttendanceRole::Observer,
                false,
            ),
        ],
        notes: notes(),
        withheld_notes: 0,
        decisions: vec![Decision {
            id: 1,
            uuid: "40000000-0000-4000-8000-000000000001".into(),
            project_id: 1,
            project_code: "LULE-25".into(),
            meeting_id: Some(1),
            meeting_title: None,
            text: "En andra workshop hålls i januari".into(),
            rationale: "Många ville fortsätta dialogen".into(),
            decided_by: "Styrgruppen".into(),
            decided_on: date(2026, 11, 18),
            confidentiality: Confidentiality::Shareable,
            created_at: STAMP.into(),
            updated_at: STAMP.into(),
        }],
        actions: vec![
            ActionItem {
                id: 1,
                uuid: "50000000-0000-4000-8000-000000000001".into(),
                project_id: 1,
                project_code: "LULE-25".into(),
                meeting_id: Some(1),
                meeting_title: None,
                title: "Boka lokal för januari".into(),
                owner: "Maria Berg".into(),
                due_date: Some(date(2026, 11, 20)),
                status: ActionStatus::Done,
                done_date: Some(date(2026, 11, 19)),
                confidentiality: Confidentiality::Shareable,
                created_at: STAMP.into(),
                updated_at: STAMP.into(),
            },
            ActionItem {
                id: 2,
                uuid: "50000000-0000-4000-8000-000000000002".into(),
                project_id: 1,
                project_code: "LULE-25".into(),
                meeting_id: Some(1),
                meeting_title: None,
                title: "Skicka mötesanteckningarna till alla deltagare".into(),
                owner: "Åsa Lindqvist".into(),
                due_date: Some(date(2026, 11, 25)),
                status: ActionStatus::Open,
                done_date: None,
                confidentiality: Confidentiality::Shareable,
                created_at: STAMP.into(),
                updated_at: STAMP.into(),
            },
            ActionItem {
                id: 3,
                uuid: "50000000-0000-4000-8000-000000000003".into(),
                project_id: 1,
                project_code: "LULE-25".into(),
                meeting_id: Some(1),
                meeting_title: None,
                title: "Sammanställ frågorna".into(),
                owner: String::new(),
                due_date: None,
                status: ActionStatus::InProgress,
                done_date: None,
                confidentiality: Confidentiality::Shareable,
                created_at: STAMP.into(),
                updated_at: STAMP.into(),
            },
        ],
        needs: vec![Need {
            id: 1,
            uuid: "60000000-0000-4000-8000-000000000001".into(),
            project_id: 1,
            project_code: "LULE-25".into(),
            number: 1,
            code: "B-001".into(),
            statement: "Som nattpersonal behöver jag veta om en brukare behöver hjälp utan att gå in i rummet.".into(),
            as_a: String::new(),
            i_need: String::new(),
            so_that: String::new(),
            category: "Tillsyn".into(),
            priority: Some(Priority::Must),
            status: NeedStatus::Analysed,
            status_reason: String::new(),
            merged_into: None,
            owner: String::new(),
            evidence_count: 1,
            confidentiality: Confidentiality::Shareable,
            created_at: STAMP.into(),
            updated_at: STAMP.into(),
        }],
        suggestions: vec![Suggestion {
            id: 1,
            uuid: "70000000-0000-4000-8000-000000000001".into(),
            project_id: 1,
            project_code: "LULE-25".into(),
            meeting_id: Some(1),
            meeting_title: None,
            phase: Phase::EarlyDialogue,
            title: "Publicera frågor och svar".into(),
            description: "Alla frågor och svar läggs ut på upphandlingssidan.".into(),
            rationale: String::new(),
            status: SuggestionStatus::Accepted,
            buyer_response: "Införs från och med nästa dialogmöte.".into(),
            decision_date: Some(date(2026, 11, 19)),
            confidentiality: Confidentiality::Shareable,
            created_at: STAMP.into(),
            updated_at: STAMP.into(),
        }],
        questions: vec![
            Question {
                id: 1,
                uuid: "80000000-0000-4000-8000-000000000001".into(),
                meeting_id: 1,
                text: "Får leverantörer lämna anbud tillsammans?".into(),
                answer: "Ja, i konsortium.".into(),
                confidentiality: Confidentiality::Shareable,
                created_at: STAMP.into(),
                updated_at: STAMP.into(),
            },
            Question {
                id: 2,
                uuid: "80000000-0000-4000-8000-000000000002".into(),
                meeting_id: 1,
                text: "Hur länge ska batterierna räcka?".into(),
                answer: String::new(),
                confidentiality: Confidentiality::Shareable,
                created_at: STAMP.into(),
                updated_at: STAMP.into(),
            },
        ],
        next_meeting: Some(next),
        approved_at: None,
        approved_by: None,
        registration: None,
        clock: clock(),
    }
}

/// Renders what the gathering step gives the renderer for `audience`: only what that
/// audience may read (`ops::export::for_audience`).
fn render(input: &SummaryInput, format: SummaryFormat, audience: Audience, lang: Lang) -> String {
    let input = tidig::ops::export::for_audience(input.clone(), audience);
    summary::render(&input, format, audience, lang, &TemplateSource::BuiltIn).expect("renders")
}

fn all_outputs(input: &SummaryInput) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for format in SummaryFormat::ALL {
        for audience in Audience::ALL {
            for lang in Lang::ALL {
                let name = format!("{format:?}/{}/{}", audience.as_str(), lang.as_str());
                out.push((name, render(input, format, *audience, lang)));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------

#[test]
fn markdown_internal_sv_snapshot() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::Sv,
    );
    insta::assert_snapshot!("summary_md_internal_sv", md);
}

#[test]
fn markdown_shared_sv_snapshot() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::Sv,
    );
    insta::assert_snapshot!("summary_md_shared_sv", md);
}

#[test]
fn html_internal_sv_snapshot() {
    let html = render(&input(), SummaryFormat::Html, Audience::Internal, Lang::Sv);
    insta::assert_snapshot!("summary_html_internal_sv", html);
}

#[test]
fn html_shared_sv_snapshot() {
    let html = render(&input(), SummaryFormat::Html, Audience::Shared, Lang::Sv);
    insta::assert_snapshot!("summary_html_shared_sv", html);
}

#[test]
fn text_internal_sv_snapshot() {
    let txt = render(&input(), SummaryFormat::Text, Audience::Internal, Lang::Sv);
    insta::assert_snapshot!("summary_txt_internal_sv", txt);
}

#[test]
fn text_shared_sv_snapshot() {
    let txt = render(&input(), SummaryFormat::Text, Audience::Shared, Lang::Sv);
    insta::assert_snapshot!("summary_txt_shared_sv", txt);
}

#[test]
fn markdown_internal_en_snapshot() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::En,
    );
    insta::assert_snapshot!("summary_md_internal_en", md);
}

// ---------------------------------------------------------------------------------------
// Audience rules
// ---------------------------------------------------------------------------------------

#[test]
fn supplier_confidential_and_personal_notes_reach_no_export() {
    for (name, out) in all_outputs(&input()) {
        for marker in SUPPLIER_CONFIDENTIAL.iter().chain(&PERSONAL) {
            assert!(!out.contains(marker), "{marker} leaked into {name}");
        }
    }
}

#[test]
fn shared_exports_hold_only_shareable_notes() {
    for (name, out) in all_outputs(&input()) {
        for marker in SHAREABLE {
            assert!(out.contains(marker), "{marker} missing from {name}");
        }
        let shared = name.contains("/shared/");
        for marker in INTERNAL {
            assert_eq!(
                out.contains(marker),
                !shared,
                "{marker} in {name}: internal notes belong in the internal version only"
            );
        }
    }
}

#[test]
fn only_the_internal_version_says_what_is_in_no_export() {
    // 2 internal + 2 supplier-confidential + 2 personal; the blank note does not count.
    let input = input();
    for format in SummaryFormat::ALL {
        for lang in [Lang::Sv, Lang::En] {
            let shared = render(&input, format, Audience::Shared, lang);
            assert!(!shared.contains("delade versionen"), "{format:?}: {shared}");
            assert!(!shared.contains("left out"), "{format:?}: {shared}");
            assert!(!shared.contains("in no export"), "{format:?}: {shared}");
        }
        let internal = render(&input, format, Audience::Internal, Lang::Sv);
        assert!(internal.contains(
            "4 anteckningar gäller leverantörens affärsuppgifter eller är personliga och är \
             inte med i någon export."
        ));
    }
}

#[test]
fn nothing_is_left_out_when_every_note_is_shareable() {
    let mut input = input();
    input
        .notes
        .retain(|n| n.confidentiality == Confidentiality::Shareable);
    for format in SummaryFormat::ALL {
        let out = render(&input, format, Audience::Shared, Lang::Sv);
        assert!(!out.contains("är inte med"), "{format:?}");
    }
}

#[test]
fn internal_notes_are_marked_in_the_internal_version() {
    let input = input();
    let md = render(
        &input,
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::Sv,
    );
    assert!(md.contains("*Intern:*\n\nBudgeten är inte beslutad"));
    let html = render(&input, SummaryFormat::Html, Audience::Internal, Lang::Sv);
    assert!(html.contains("<div class=\"note internal\"><span class=\"badge\">Intern</span>"));
    assert!(html.contains("<p class=\"banner internal\">Intern version"));
    let txt = render(&input, SummaryFormat::Text, Audience::Internal, Lang::Sv);
    assert!(txt.contains("  [INTERN]\n  Budgeten är inte beslutad"));
    let shared = render(&input, SummaryFormat::Html, Audience::Shared, Lang::Sv);
    assert!(!shared.contains("Intern version") && !shared.contains("badge\">Intern"));
    assert!(shared.contains("Extern version (till mötesdeltagarna)"));
}

#[test]
fn outcomes_reach_only_the_audiences_their_labels_allow() {
    let mut input = input();
    input.decisions[0].confidentiality = Confidentiality::Internal;
    input.actions[0].confidentiality = Confidentiality::SupplierConfidential;
    input.needs[0].confidentiality = Confidentiality::Internal;
    input.suggestions[0].confidentiality = Confidentiality::Personal;
    input.questions[0].confidentiality = Confidentiality::Internal;
    let internal_only = [
        "En andra workshop hålls i januari",
        "B-001",
        &input.questions[0].text.clone(),
    ];
    let never = [
        input.actions[0].title.clone(),
        input.suggestions[0].title.clone(),
    ];
    for format in SummaryFormat::ALL {
        let shared = render(&input, format, Audience::Shared, Lang::Sv);
        let internal = render(&input, format, Audience::Internal, Lang::Sv);
        for text in internal_only {
            assert!(
                !shared.contains(text),
                "{format:?}: {text} in the shared version"
            );
            assert!(internal.contains(text), "{format:?}: {text} missing");
        }
        for text in &never {
            assert!(!shared.contains(text.as_str()) && !internal.contains(text.as_str()));
        }
    }
}

#[test]
fn shareable_outcomes_go_to_both_audiences() {
    let input = input();
    for format in SummaryFormat::ALL {
        for audience in Audience::ALL {
            let out = render(&input, format, *audience, Lang::Sv);
            for text in [
                "En andra workshop hålls i januari",
                "Skicka mötesanteckningarna till alla deltagare",
                "B-001",
                "Publicera frågor och svar",
                "Hur länge ska batterierna räcka?",
            ] {
                assert!(out.contains(text), "{format:?}/{audience:?} lacks {text}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------

#[test]
fn notes_sit_under_their_agenda_block_with_meeting_wide_notes_first() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::Sv,
    );
    let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} missing"));
    let notes = pos("## Anteckningar");
    let general = pos("### Allmänt");
    let b1 = pos("### 1. Välkommen och spelregler (09:00–09:15)");
    let b2 = pos("### 2. Behovet: en natt i hemtjänsten (09:15–10:00)");
    let b3 = pos("### 3. Lösningsidéer i grupper (10:00–10:45)");
    let b4 = pos("### 4. Sammanfattning (10:45–11:00)");
    assert!(notes < general && general < b1 && b1 < b2 && b2 < b3 && b3 < b4);
    assert!((general..b1).contains(&pos("mrk-share-general")));
    assert!((general..b1).contains(&pos("mrk-internal-general")));
    assert!((b1..b2).contains(&pos("mrk-share-item1")));
    assert!((b2..b3).contains(&pos("mrk-share-item2")));
    assert!((b2..b3).contains(&pos("mrk-internal-item2")));
    // Block 3's only note is personal: the block says it has none.
    assert!(md[b3..b4].contains("Inga anteckningar."));
}

#[test]
fn header_has_project_case_type_time_place_phase_status_and_note_taker() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::Sv,
    );
    for line in [
        "# Mötesanteckningar – Leverantörsworkshop: nattillsyn utan kamera",
        "**LULE-25** · Trygg nattillsyn · Luleå kommun",
        "- **Diarienummer:** KS 2025/0412",
        "- **Mötestyp:** Leverantörsworkshop",
        "- **Datum och tid:** ons 2026-11-18 09:00–11:00",
        "- **Plats:** Stadshuset, sal Norrsken\n- **Mötesform:** På plats\n",
        "- **Fas:** Tidig dialog",
        "- **Mötesstatus:** Genomfört",
        "- **Anteckningarnas status:** Utkast",
        "- **Antecknare:** Maria Berg",
    ] {
        assert!(md.contains(line), "missing {line:?} in\n{md}");
    }
    let en = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::En,
    );
    assert!(en.starts_with("# Meeting notes – "));
    assert!(en.contains("- **Date and time:** Wed 2026-11-18 09:00–11:00"));
    assert!(en.contains("- **Note-taker:** Maria Berg"));
    for out in [md, en] {
        assert!(!out.to_lowercase().contains("minnesanteckning"));
    }
}

#[test]
fn swedish_weekdays_come_from_the_table() {
    use tidig::export::{day_label, weekday};
    let monday = date(2026, 11, 23);
    let names: Vec<&str> = (0..7)
        .map(|i| weekday(Lang::Sv, monday + Duration::days(i)))
        .collect();
    assert_eq!(names, ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]);
    assert_eq!(day_label(Lang::En, monday), "Mon 2026-11-23");
}

#[test]
fn participants_are_split_into_present_and_absent() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::Sv,
    );
    let present = md.find("### Närvarande").unwrap();
    let absent = md.find("### Frånvarande").unwrap();
    let asa = md
        .find("- Åsa Lindqvist, Luleå kommun – mötesledare")
        .unwrap();
    let anders = md.find("- Anders Wikström, RISE – observatör").unwrap();
    assert!(present < asa && asa < absent && absent < anders);

    // Before attendance is taken, everyone on the list is shown as invited.
    let mut input = input();
    for a in &mut input.attendance {
        a.attended = false;
    }
    let md = render(&input, SummaryFormat::Markdown, Audience::Shared, Lang::Sv);
    assert!(md.contains("### Inbjudna") && !md.contains("### Frånvarande"));
    assert!(md.contains("- Anders Wikström, RISE – observatör"));
}

#[test]
fn next_meeting_actions_and_decisions_read_well() {
    let md = render(
        &input(),
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::Sv,
    );
    assert!(md.contains(
        "**Enskilt dialogmöte – Vårdflöde Nordic AB** (enskilt dialogmöte), \
         tis 2026-11-24 10:00–11:00, <https://teams.example/l/meetup-join/19_abc>"
    ));
    assert!(md.contains("| Boka lokal för januari | Maria Berg | 2026-11-20 | Klar 2026-11-19 |"));
    assert!(md.contains("| Sammanställ frågorna | – | – | Pågår |"));
    assert!(md.contains(
        "1. En andra workshop hålls i januari\n   - Motivering: Många ville fortsätta dialogen\n   - Beslutat av: Styrgruppen, 2026-11-18\n"
    ));
}

#[test]
fn next_meeting_is_the_first_later_one_not_cancelled() {
    let this = input().meeting;
    let later = |id, d, status| Meeting {
        status,
        ..meeting(
            id,
            MeetingType::ProjectMeeting,
            "x",
            utc(2026, 12, d, 9, 0),
            60,
        )
    };
    let earlier = meeting(5, MeetingType::Kickoff, "förr", utc(2026, 11, 1, 9, 0), 60);
    let meetings = vec![
        earlier,
        this.clone(),
        later(6, 1, MeetingStatus::Cancelled),
        later(7, 3, MeetingStatus::Planned),
        later(8, 2, MeetingStatus::Planned),
    ];
    assert_eq!(
        tidig::domain::next_meeting(&meetings, &this).map(|m| m.id),
        Some(8)
    );
    assert_eq!(tidig::domain::next_meeting(&meetings[..2], &this), None);
}

#[test]
fn note_markdown_is_rendered_in_html_kept_in_markdown_and_stripped_in_text() {
    let input = input();
    let html = render(&input, SummaryFormat::Html, Audience::Shared, Lang::Sv);
    assert!(html.contains("<strong>Bra stämning</strong>"));
    assert!(html.contains("<li>frågor om <em>sekretess</em></li>"));
    assert!(html.contains(
        "<a href=\"https://www.upphandlingsmyndigheten.se\">Upphandlingsmyndigheten</a>"
    ));
    let md = render(&input, SummaryFormat::Markdown, Audience::Shared, Lang::Sv);
    assert!(md.contains("**Bra stämning** (mrk-share-general).\n\n- frågor om *sekretess*\n"));
    let txt = render(&input, SummaryFormat::Text, Audience::Shared, Lang::Sv);
    assert!(txt.contains("  Alla inbjudna leverantörer kom. Bra stämning (mrk-share-general).\n\n  - frågor om sekretess\n  - frågor om tidplan\n"));
    assert!(txt.contains(
        "se Upphandlingsmyndigheten (https://www.upphandlingsmyndigheten.se) (mrk-share-item1)"
    ));
    assert!(!txt.contains("**") && !txt.contains("](http"));
}

// ---------------------------------------------------------------------------------------
// Fair dialogue
// ---------------------------------------------------------------------------------------

const FAIR_SV: &str = "upphandlingen har inte påbörjats och detta är ingen förhandling. Samma \
information ges till alla leverantörer, och en sammanfattning av dialogen kommer att publiceras.";
const FAIR_EN: &str = "the procurement has not started and this is not a negotiation. The same \
information is given to all suppliers, and a summary of the dialogue will be published.";

fn has_fair_dialogue(input: &SummaryInput) -> Vec<bool> {
    let mut seen = Vec::new();
    for format in SummaryFormat::ALL {
        for audience in Audience::ALL {
            let sv = render(input, format, *audience, Lang::Sv);
            let en = render(input, format, *audience, Lang::En);
            seen.push(sv.contains(FAIR_SV));
            seen.push(en.contains(FAIR_EN));
        }
    }
    seen
}

#[test]
fn supplier_facing_meetings_carry_the_fair_dialogue_statement() {
    // By type (a supplier workshop, with a supplier present).
    assert!(has_fair_dialogue(&input()).iter().all(|s| *s));

    // Not supplier-facing: a needs workshop without suppliers.
    let mut internal = input();
    internal.meeting.kind = MeetingType::NeedsWorkshop;
    for a in &mut internal.attendance {
        a.organisation_is_supplier = false;
    }
    assert!(has_fair_dialogue(&internal).iter().all(|s| !*s));

    // A project meeting becomes supplier-facing when a supplier attends.
    let mut with_supplier = internal.clone();
    with_supplier.meeting.kind = MeetingType::ProjectMeeting;
    with_supplier.attendance[2].organisation_is_supplier = true;
    assert!(has_fair_dialogue(&with_supplier).iter().all(|s| *s));
}

// ---------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------

const HOSTILE_NOTE: &str = "<script>alert(1)</script>\n\n\
Fråga om \"quotes\" & ampersands <img src=x onerror=alert(2)> och en rå <b>fet</b> tagg.\n\n\
Länkar: [x](javascript:alert(1)), [y](JaVaScRiPt:alert(3)), [z](<java\tscript:alert(6)>), \
[w](java&#9;script:alert(7)) och en bild ![bild](javascript:alert(4)).\n\n\
<div onclick=\"alert(5)\">block</div>";

fn hostile() -> SummaryInput {
    let mut input = input();
    input.project.title = "Tjänster \"A&B\" <b>fet</b>".into();
    input.meeting.title = "<script>alert('titel')</script> & \"möte\"".into();
    input.meeting.location = "\"><img src=x onerror=alert(7)>".into();
    input.meeting.purpose = "<iframe src=x></iframe>".into();
    input.attendance[0].person_name = "<img src=x onerror=alert(8)>".into();
    input.agenda[0].title = "</td><script>alert(9)</script>".into();
    input.decisions[0].text = "<script>alert(10)</script>".into();
    input.actions[0].title = "<img src=x onerror=alert(11)>".into();
    input.questions[0].text = "a < b && c > d".into();
    input
        .notes
        .push(note(20, Some(11), HOSTILE_NOTE, Confidentiality::Shareable));
    input
        .notes
        .push(note(21, None, HOSTILE_NOTE, Confidentiality::Internal));
    input
}

/// The markup of a page: every `<…>` tag, without the text between them.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .map(|e| start + e + 1)
            .unwrap_or(rest.len());
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn html_escapes_hostile_text_everywhere() {
    let input = hostile();
    for audience in Audience::ALL {
        for lang in Lang::ALL {
            let html = render(&input, SummaryFormat::Html, *audience, lang);
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("<img"), "{html}");
            assert!(
                !html.contains("<iframe")
                    && !html.contains("<b>")
                    && !html.contains("<div onclick")
            );
            assert!(!html.to_lowercase().contains("javascript:"), "{html}");
            assert!(!html.contains("java\tscript"));
            // `onerror` survives only as text the user typed, escaped: in no tag.
            for tag in tags(&html) {
                let t = tag.to_lowercase();
                assert!(
                    !t.contains("onerror") && !t.contains("onclick") && !t.contains("script"),
                    "{tag}"
                );
            }
            assert_eq!(
                html.matches("onerror").count(),
                html.matches("&lt;img src=x onerror=").count()
            );
            // The hostile text is still there, readable, as text.
            assert!(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;\n</p>"));
            assert!(html.contains("Fråga om \"quotes\" &amp; ampersands"));
            assert!(html.contains("en rå &lt;b&gt;fet&lt;/b&gt; tagg"));
            assert!(html.contains(
                "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;&#x2f;script&gt; &amp; &quot;möte&quot;"
            ));
            assert!(html.contains("Tjänster &quot;A&amp;B&quot; &lt;b&gt;fet&lt;&#x2f;b&gt;"));
            assert!(html.contains("a &lt; b &amp;&amp; c &gt; d"));
            // Dropped links keep their text; the image its description.
            assert!(html.contains("Länkar: x, y, z, w och en bild bild."));
        }
    }
}

#[test]
fn markdown_escapes_user_fields_but_keeps_note_bodies() {
    let md = render(
        &hostile(),
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::Sv,
    );
    assert!(md.contains(r#"# Mötesanteckningar – \<script\>alert('titel')\</script\> & "möte""#));
    assert!(md.contains(r"- \<img src=x onerror=alert(8)\>, Luleå kommun – mötesledare"));
    assert!(md.contains(r"| \<img src=x onerror=alert(11)\> |"));
    // The note body is the user's Markdown, but raw HTML, unsafe links and images in
    // it are made text, so that whatever renders the file next runs nothing.
    assert!(md.contains(r"\<script>alert(1)\</script>"), "{md}");
    assert!(md.contains(r"\[x](javascript:alert(1))"), "{md}");
    assert!(md.contains(r"\!\[bild](javascript:alert(4))"), "{md}");
    let mut rendered = String::new();
    pulldown_cmark::html::push_html(
        &mut rendered,
        pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all()),
    );
    for bad in [
        "<script",
        "<img",
        "<div",
        "href=\"javascript",
        "href=\"JaVaScRiPt",
    ] {
        assert!(!rendered.contains(bad), "{bad} in {rendered}");
    }
    assert!(rendered.contains("Fråga om"));
}

// ---------------------------------------------------------------------------------------
// Templates from the user's folder
// ---------------------------------------------------------------------------------------

#[test]
fn a_user_template_replaces_the_built_in_one_and_still_gets_only_readable_notes() {
    let dir = tempfile::tempdir().unwrap();
    // A template that prints every note it is given, wherever it sits.
    std::fs::write(
        dir.path().join("summary.md.j2"),
        "EGEN MALL {{ l.title }}: {{ meeting.title }}\n\
         {% for n in general_notes %}[{{ n.body }}]\n{% endfor %}\
         {% for b in agenda %}{% for n in b.notes %}[{{ n.body }}]\n{% endfor %}{% endfor %}",
    )
    .unwrap();
    let source = TemplateSource::Dir(dir.path().to_path_buf());
    // As the gathering gives it for the shared version.
    let input = tidig::ops::export::for_audience(input(), Audience::Shared);
    let md = summary::render(
        &input,
        SummaryFormat::Markdown,
        Audience::Shared,
        Lang::Sv,
        &source,
    )
    .unwrap();
    assert!(md.starts_with("EGEN MALL Mötesanteckningar: Leverantörsworkshop"));
    for marker in SHAREABLE {
        assert!(md.contains(marker));
    }
    for marker in INTERNAL
        .iter()
        .chain(&SUPPLIER_CONFIDENTIAL)
        .chain(&PERSONAL)
    {
        assert!(!md.contains(marker), "{marker}");
    }
    // Formats without a user file are built in.
    let html = summary::render(
        &input,
        SummaryFormat::Html,
        Audience::Shared,
        Lang::Sv,
        &source,
    )
    .unwrap();
    assert_eq!(
        html,
        render(&input, SummaryFormat::Html, Audience::Shared, Lang::Sv)
    );
    // A folder that does not exist means the built-in templates.
    let gone = TemplateSource::Dir(dir.path().join("nope"));
    let txt = summary::render(
        &input,
        SummaryFormat::Text,
        Audience::Shared,
        Lang::Sv,
        &gone,
    );
    assert_eq!(
        txt.unwrap(),
        render(&input, SummaryFormat::Text, Audience::Shared, Lang::Sv)
    );
}

#[test]
fn a_user_html_template_is_escaped_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("summary.html.j2"),
        "<h1>{{ meeting.title }}</h1>{% for n in general_notes %}{{ n.body | markdown }}{% endfor %}",
    )
    .unwrap();
    let html = summary::render(
        &hostile(),
        SummaryFormat::Html,
        Audience::Internal,
        Lang::Sv,
        &TemplateSource::Dir(dir.path().to_path_buf()),
    )
    .unwrap();
    assert!(html.starts_with("<h1>&lt;script&gt;"));
    assert!(!html.contains("<script") && !html.contains("javascript:"));
}

#[test]
fn a_broken_user_template_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.txt.j2");
    let source = TemplateSource::Dir(dir.path().to_path_buf());
    let render_txt = || {
        summary::render(
            &input(),
            SummaryFormat::Text,
            Audience::Shared,
            Lang::Sv,
            &source,
        )
    };

    // A syntax error.
    std::fs::write(&file, "Hej {% for n in general_notes %}\n{{ n.body }\n").unwrap();
    let err = render_txt().unwrap_err();
    assert!(
        matches!(err, ExportError::UserTemplate { ref file, .. } if file.ends_with("summary.txt.j2"))
    );
    let message = err.to_string();
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");

    // A name the context does not have.
    std::fs::write(&file, "{{ meeting.no_such_field }}").unwrap();
    let message = render_txt().unwrap_err().to_string();
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(message.contains("undefined"), "{message}");
}

// ---------------------------------------------------------------------------------------
// Drafts, approval and the Justeras block (issue 14)
// ---------------------------------------------------------------------------------------

#[test]
fn notes_before_approval_are_marked_utkast_and_approved_ones_are_not() {
    let mut input = input();
    for status in [NotesStatus::None, NotesStatus::Working, NotesStatus::Draft] {
        input.meeting.notes_status = status;
        let html = render(&input, SummaryFormat::Html, Audience::Internal, Lang::Sv);
        // In the page's header, the running header of every printed page and the
        // watermark.
        assert!(
            html.contains(
                "<p class=\"banner draft\">UTKAST – anteckningarna är inte godkända.</p>"
            ),
            "{status:?}"
        );
        assert!(html.contains("@top-right { content: \"UTKAST · Mötesanteckningar"));
        assert!(html.contains("body::before { content: \"UTKAST\""));
        let md = render(&input, SummaryFormat::Markdown, Audience::Shared, Lang::Sv);
        assert!(md.contains("> **UTKAST – anteckningarna är inte godkända.**"));
        let en = render(&input, SummaryFormat::Html, Audience::Shared, Lang::En);
        assert!(en.contains("DRAFT – these notes have not been approved."));
    }
    for status in [NotesStatus::Approved, NotesStatus::Sent] {
        input.meeting.notes_status = status;
        input.approved_at = Some("2026-11-19T07:30:00Z".into());
        for format in SummaryFormat::ALL {
            for audience in Audience::ALL {
                let out = render(&input, format, *audience, Lang::Sv);
                assert!(!out.contains("UTKAST"), "{status:?} {format:?}\n{out}");
            }
        }
        let html = render(&input, SummaryFormat::Html, Audience::Internal, Lang::Sv);
        assert!(
            html.contains("<dt>Godkändes</dt>\n<dd>2026-11-19</dd>"),
            "{html}"
        );
        let md = render(
            &input,
            SummaryFormat::Markdown,
            Audience::Internal,
            Lang::En,
        );
        assert!(md.contains("- **Approved on:** 2026-11-19"), "{md}");
    }
    // Approved, but the history does not say when: no date is made up.
    input.approved_at = None;
    let md = render(
        &input,
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::Sv,
    );
    assert!(!md.contains("Godkändes"), "{md}");
}

#[test]
fn notes_carry_a_justeras_block_in_both_languages() {
    let input = input();
    let html = render(&input, SummaryFormat::Html, Audience::Shared, Lang::Sv);
    assert!(html.contains("<h2>Justeras</h2>"), "{html}");
    for line in ["Namn", "Datum", "Underskrift"] {
        assert!(html.contains(&format!("\">{line}</div>")), "{line}");
    }
    let md = render(
        &input,
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::En,
    );
    assert!(md.contains("## Checked and approved\n\nName: ...."), "{md}");
    assert!(md.contains("\n\nSignature: ...."), "{md}");
}

/// Approved and sent notes say who approved them (the justerare) and when, in the
/// Justeras block of every text format and both languages; drafts, and approvals
/// recorded without a name, keep the lines to fill in by hand.
#[test]
fn approved_notes_name_who_approved_them_in_every_format() {
    let mut input = input();
    input.approved_at = Some("2026-12-03T09:30:00Z".into());
    input.approved_by = Some("Åsa Öberg".into());
    for status in [NotesStatus::Approved, NotesStatus::Sent] {
        input.meeting.notes_status = status;
        for audience in Audience::ALL {
            let sv = |format| render(&input, format, *audience, Lang::Sv);
            let en = |format| render(&input, format, *audience, Lang::En);
            let md = sv(SummaryFormat::Markdown);
            assert!(
                md.contains(
                    "## Justeras\n\nJusterade av Åsa Öberg 2026-12-03\n\nUnderskrift: ...."
                ),
                "{md}"
            );
            assert!(!md.contains("Namn: ...."), "{md}");
            assert!(en(SummaryFormat::Markdown).contains(
                "## Checked and approved\n\nApproved by Åsa Öberg on 2026-12-03\n\nSignature: ...."
            ));
            let html = sv(SummaryFormat::Html);
            assert!(
                html.contains(
                    "<h2>Justeras</h2>\n<p class=\"signed\">Justerade av Åsa Öberg 2026-12-03</p>"
                ),
                "{html}"
            );
            assert!(html.contains("\">Underskrift</div>") && !html.contains("\">Namn</div>"));
            assert!(en(SummaryFormat::Html).contains("Approved by Åsa Öberg on 2026-12-03</p>"));
            let txt = sv(SummaryFormat::Text);
            assert!(
                txt.contains("JUSTERAS\n--------\n\nJusterade av Åsa Öberg 2026-12-03\n"),
                "{txt}"
            );
            assert!(en(SummaryFormat::Text).contains("\nApproved by Åsa Öberg on 2026-12-03\n"));
        }
    }
    // A draft is not yet approved by anyone, whatever an earlier approval said.
    input.meeting.notes_status = NotesStatus::Draft;
    for format in SummaryFormat::ALL {
        let out = render(&input, format, Audience::Internal, Lang::Sv);
        assert!(!out.contains("Åsa Öberg"), "{format:?}\n{out}");
    }
    // Approved without a name (before names were recorded): the lines stay blank.
    input.meeting.notes_status = NotesStatus::Approved;
    input.approved_by = None;
    let md = render(
        &input,
        SummaryFormat::Markdown,
        Audience::Internal,
        Lang::Sv,
    );
    assert!(md.contains("## Justeras\n\nNamn: ...."), "{md}");
    assert!(!md.contains("Justerade av"), "{md}");
}

#[test]
fn printed_notes_carry_buyer_code_case_number_title_date_and_page_numbers() {
    let input = input();
    let html = render(&input, SummaryFormat::Html, Audience::Shared, Lang::Sv);
    assert!(
        html.contains("@top-left { content: \"Luleå kommun\""),
        "{html}"
    );
    assert!(html.contains("@top-center { content: \"LULE-25 · Dnr KS 2025/0412\""));
    assert!(html.contains("Mötesanteckningar · 2026-11-18\""));
    assert!(html.contains("content: \"Sida \" counter(page) \" (\" counter(pages) \")\""));
    let en = render(&input, SummaryFormat::Html, Audience::Shared, Lang::En);
    assert!(en.contains("content: \"Page \" counter(page) \" of \" counter(pages)"));
}

#[test]
fn hostile_text_cannot_leave_the_printed_header() {
    let mut input = hostile();
    input.project.buyer_name = Some("A\"; } body { display: none } </style><script>".into());
    let html = render(&input, SummaryFormat::Html, Audience::Internal, Lang::Sv);
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(
        !style.contains("<script") && !style.contains("</"),
        "{style}"
    );
    assert!(
        style.contains(r#"@top-left { content: "A\22 ; } body { display: none } \3c /style\3e \3c script\3e ";"#),
        "{style}"
    );
}
