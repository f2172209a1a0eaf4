//! Export tests on hand-built needs and lessons: the needs description as Markdown,
//! HTML and CSV, in Swedish and English, for the buyer's team and shared, and the
//! learning examples as Markdown and HTML (golden snapshots); what the shared version
//! leaves out; the CSV read back with a small RFC 4180 reader written here and checked
//! cell by cell (byte order mark, CRLF, quoting with each separator, the
//! formula-injection guard), and the escaping of user text in HTML and Markdown.

mod common;

use std::collections::HashMap;

use tidig::domain::*;
use tidig::export::{self, Lang, LessonsFormat, NeedsFormat, NeedsInput};

use common::clock_in_stockholm as clock;
use common::export::project;

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

fn need(number: i64, statement: &str, category: &str, priority: Option<Priority>) -> Need {
    Need {
        id: number,
        uuid: format!("30000000-0000-4000-8000-{number:012}"),
        project_id: 1,
        project_code: "NORR-24".into(),
        number,
        code: need_code(number),
        statement: statement.into(),
        as_a: String::new(),
        i_need: String::new(),
        so_that: String::new(),
        category: category.into(),
        priority,
        status: NeedStatus::Identified,
        status_reason: String::new(),
        merged_into: None,
        owner: String::new(),
        evidence_count: 0,
        confidentiality: Confidentiality::Internal,
        created_at: format!("2026-11-{:02}T08:00:00Z", number),
        updated_at: format!("2026-11-{:02}T09:30:00Z", number + 1),
    }
}

/// Needs in three categories and none, every priority and every status, given out of
/// order so that the grouping is what sorts them.
fn needs() -> Vec<Need> {
    use NeedStatus::*;
    use Priority::*;
    let mut n = vec![
        need(
            1,
            "Barnen ska få varm mat som de tycker om, varje dag.",
            "Kost och näring",
            Some(Must),
        ),
        need(2, "", "Kost och näring", Some(Should)),
        need(
            3,
            "Kökspersonalen behöver veta i förväg vilka barn som är borta.",
            "Planering",
            Some(Must),
        ),
        need(
            4,
            "Vi vill kunna beställa specialkost utan pappersblanketter.",
            "Ärenden & \"blanketter\"",
            Some(Could),
        ),
        need(
            5,
            "Maten ska kunna ätas utomhus på sommaren.",
            "",
            Some(Wont),
        ),
        need(
            6,
            "Matsvinnet ska mätas.\nHelst varje vecka.",
            "Kost och näring",
            None,
        ),
        need(
            7,
            "Varm mat varje dag (dubblett av B-001).",
            "Kost och näring",
            Some(Must),
        ),
        need(
            8,
            "Vi behöver en ny app för menyn.",
            "Planering",
            Some(Could),
        ),
        need(
            9,
            "Föräldrarna vill se veckans meny <på webben> & i appen.",
            "Kommunikation",
            Some(Should),
        ),
        need(10, "Leverans före kl. 10.", "Planering", Some(Must)),
    ];
    // B-002: written from the structured form, so the form is not shown again.
    n[1].as_a = "förskollärare".into();
    n[1].i_need = "kunna se allergier per barn".into();
    n[1].so_that = "inget barn får fel mat".into();
    n[1].statement = tidig::text::need_sentence(&n[1].as_a, &n[1].i_need, &n[1].so_that);
    n[1].status = Validated;
    n[1].owner = "Åsa Öberg".into();
    // B-001: a statement of its own and a structured form that adds to it.
    n[0].as_a = "barn på förskolan".into();
    n[0].i_need = "varm, god mat".into();
    n[0].so_that = "jag orkar leka hela eftermiddagen".into();
    n[0].status = Prioritised;
    n[0].owner = "Kostchef Per Nilsson".into();
    n[2].status = Described;
    n[3].status = Analysed;
    n[4].status = Deferred;
    n[4].status_reason = "Väntar på beslut om utemiljön 2027.".into();
    n[6].status = Merged;
    // A merge stores no reason: the export words it from the need it went into.
    n[6].status_reason = String::new();
    n[6].merged_into = Some(1);
    n[7].status = Rejected;
    n[7].status_reason = "Beskriver en lösning, inte ett behov.".into();
    n[8].owner = "Kommunikatör".into();
    n[9].status = Validated;
    vec![
        n[5].clone(),
        n[9].clone(),
        n[0].clone(),
        n[8].clone(),
        n[2].clone(),
        n[7].clone(),
        n[4].clone(),
        n[1].clone(),
        n[6].clone(),
        n[3].clone(),
    ]
}

fn evidence(
    id: i64,
    need_id: i64,
    meeting: Option<(&str, &str)>,
    person: Option<&str>,
    document: &str,
    note: &str,
) -> Evidence {
    Evidence {
        id,
        need_id,
        meeting_id: meeting.map(|_| id * 10),
        meeting_title: meeting.map(|(t, _)| t.to_string()),
        meeting_date: meeting.map(|(_, d)| d.to_string()),
        person_id: person.map(|_| id * 100),
        person_name: person.map(str::to_string),
        document: document.into(),
        note: note.into(),
        confidentiality: Confidentiality::Internal,
    }
}

/// Evidence of every kind: a meeting, a person, a document, a note alone, and all of
/// them at once.
fn evidence_map() -> HashMap<i64, Vec<Evidence>> {
    let workshop = Some(("Behovsworkshop 1", "2026-11-19"));
    let mut map = HashMap::new();
    map.insert(
        1,
        vec![
            evidence(1, 1, workshop, None, "", ""),
            evidence(2, 1, None, Some("Åsa Öberg"), "", "Sa det två gånger."),
            evidence(3, 1, None, None, "Enkät till vårdnadshavare, 2026.pdf", ""),
        ],
    );
    map.insert(
        2,
        vec![evidence(
            4,
            2,
            Some(("Intervju, kök \"Solen\"", "2026-11-05")),
            Some("Per Nilsson"),
            "Allergilista v. 45",
            "Se rad 12; två barn saknas.",
        )],
    );
    map.insert(
        6,
        vec![evidence(5, 6, None, None, "", "Observerat vid lunch.")],
    );
    map.insert(8, vec![evidence(6, 8, workshop, None, "", "")]);
    map
}

fn lesson(id: i64, kind: LessonKind, title: &str, shareable: bool) -> Lesson {
    Lesson {
        id,
        uuid: format!("40000000-0000-4000-8000-{id:012}"),
        project_id: Some(1),
        project_code: Some("NORR-24".into()),
        phase: Some(Phase::EarlyDialogue),
        kind,
        title: title.into(),
        context: String::new(),
        what_happened: String::new(),
        what_we_learned: String::new(),
        recommendation: String::new(),
        shareable,
        created_at: "2026-11-01T08:00:00Z".into(),
        updated_at: "2026-11-01T08:00:00Z".into(),
    }
}

fn lessons() -> Vec<Lesson> {
    let mut good = lesson(
        1,
        LessonKind::GoodExample,
        "Leverantörsträff med öppna frågor",
        true,
    );
    good.context = "Första dialogmötet med leverantörer av måltider i Norrköping.".into();
    good.what_happened = "Vi skickade frågorna i förväg.\nAlla fick samma svar, \
                          och svaren publicerades efteråt."
        .into();
    good.what_we_learned =
        "Leverantörerna kom förberedda:\n- fler konkreta förslag\n- färre *missförstånd*".into();
    good.recommendation = "Skicka frågorna en vecka i förväg.".into();

    let mut pitfall = lesson(
        2,
        LessonKind::Pitfall,
        "# För tidig kravlista <script>alert(1)</script>",
        true,
    );
    pitfall.project_id = None;
    pitfall.project_code = None;
    pitfall.phase = Some(Phase::Requirements);
    pitfall.context = "En kravlista & \"önskemål\" skrevs innan behoven var kända.".into();
    pitfall.what_happened = "Listan styrde mot en viss produkt.\n\nLeverantörerna \
                             frågade varför."
        .into();
    pitfall.what_we_learned = "Behov först, krav sedan.\n---".into();

    let mut general = lesson(3, LessonKind::Lesson, "Boka lokal i god tid", true);
    general.project_id = None;
    general.project_code = None;
    general.phase = None;
    general.what_we_learned = "Stora lokaler är bokade månader i förväg.".into();

    let internal = lesson(
        4,
        LessonKind::Lesson,
        "Intern: budgeten var för snål",
        false,
    );
    let internal2 = lesson(5, LessonKind::Pitfall, "Intern: tvist om avrop", false);
    vec![good, internal, pitfall, general, internal2]
}

/// The people and organisations of the fixtures: no shared version names them.
fn names(lang: Lang) -> tidig::ops::shared_names::SharedNames {
    tidig::ops::shared_names::SharedNames::new(
        ["Åsa Öberg", "Per Nilsson"],
        ["Solbacka Mat AB"],
        lang,
    )
}

/// The project with what a needs description shows of it besides its name.
fn described_project() -> Project {
    let mut p = project();
    p.subject = "Måltider i kommunens förskolor".into();
    p.goal = "Barnen ska äta bra mat som de tycker om.\nMindre matsvinn.".into();
    p.planned_procedure = "Förenklat förfarande".into();
    p.innovation_level = Some(InnovationLevel::NewSolutions);
    p.start_date = Some(chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
    p.end_date = Some(chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap());
    p
}

/// Everything, labelled for both audiences: most needs shareable, one internal; the
/// evidence of every kind, some of it shareable, and among it what no shared version
/// may carry: a supplier's business information, a one-to-one's paraphrase, a named
/// person and a named supplier.
fn everything() -> NeedsInput {
    let mut needs = needs();
    for n in &mut needs {
        if n.number != 4 {
            n.confidentiality = Confidentiality::Shareable;
        }
    }
    let mut map = evidence_map();
    let share = |mut e: Evidence| {
        e.confidentiality = Confidentiality::Shareable;
        e
    };
    let list = map.get_mut(&1).unwrap();
    list[0].confidentiality = Confidentiality::Shareable;
    list[1].confidentiality = Confidentiality::Shareable;
    list.push(share(evidence(
        7,
        1,
        Some(("Enskilt dialogmöte – Solbacka Mat AB", "2026-11-24")),
        None,
        "",
        "Leverantören visade en värmeskåp-lösning.",
    )));
    list.push(Evidence {
        confidentiality: Confidentiality::SupplierConfidential,
        ..evidence(
            8,
            1,
            None,
            None,
            "Prislista",
            "Priset per portion är 31 kr.",
        )
    });
    map.insert(
        3,
        vec![
            share(evidence(
                9,
                3,
                None,
                None,
                "",
                "Som Per Nilsson sa: listan kommer för sent.",
            )),
            share(evidence(
                10,
                3,
                Some(("Behovsworkshop 1", "2026-11-19")),
                Some("Åsa Öberg"),
                "",
                "Bekräftat i alla grupper.",
            )),
        ],
    );
    map.insert(
        9,
        vec![
            share(evidence(
                11,
                9,
                None,
                None,
                "Solbacka Mat AB:s broschyr",
                "",
            )),
            share(evidence(12, 9, None, None, "Föräldraenkät 2026", "")),
        ],
    );
    let meeting_kinds = HashMap::from([
        (10, MeetingType::NeedsWorkshop),
        (40, MeetingType::Interview),
        (60, MeetingType::NeedsWorkshop),
        (70, MeetingType::OneToOneDialogue),
        (100, MeetingType::NeedsWorkshop),
    ]);
    NeedsInput {
        project: described_project(),
        needs,
        evidence: map,
        meeting_kinds,
        clock: clock(),
    }
}

/// What `audience` may read of [`everything`], gathered as the export operation does
/// (for a Swedish document).
fn input_for(audience: Audience) -> NeedsInput {
    input_in(audience, Lang::Sv)
}

fn input_in(audience: Audience, lang: Lang) -> NeedsInput {
    tidig::ops::export::needs_for_audience(everything(), audience, &names(lang))
}

fn render(format: NeedsFormat, audience: Audience, lang: Lang) -> String {
    if format == NeedsFormat::Docx {
        let doc = export::docx::needs(&input_in(audience, lang), audience, lang);
        return common::docx::dump(&export::docx::write(&doc, None).expect("the Word file"));
    }
    export::render_needs(&input_in(audience, lang), format, audience, lang, None)
        .expect("the needs export renders")
}

/// The internal version in English, which most tests read.
fn render_needs(format: NeedsFormat) -> String {
    render(format, Audience::Internal, Lang::En)
}

/// Hand-made input, rendered for the buyer's team in English as it is.
fn render_input(
    format: NeedsFormat,
    needs: Vec<Need>,
    evidence: HashMap<i64, Vec<Evidence>>,
) -> String {
    let input = NeedsInput {
        project: project(),
        needs,
        evidence,
        meeting_kinds: HashMap::new(),
        clock: clock(),
    };
    export::render_needs(&input, format, Audience::Internal, Lang::En, None).unwrap()
}

fn render_lessons(format: LessonsFormat) -> String {
    export::render_lessons(format, Lang::En, &lessons(), &clock())
        .expect("the lessons export renders")
}

// ---------------------------------------------------------------------------------------
// A small RFC 4180 reader
// ---------------------------------------------------------------------------------------

/// Reads RFC 4180 text strictly: records end in CRLF (also the last), fields are
/// separated by commas, a quoted field doubles its quotes and may hold commas, CR and
/// LF, and an unquoted field holds none of `"`, CR or LF. Panics on anything else.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    read_csv_with(text, ',')
}

/// [`read_csv`] with another separator (`;` or a tab) in place of the comma.
fn read_csv_with(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut chars = text.chars().peekable();
    assert!(text.ends_with("\r\n"), "the last record ends in CRLF");
    loop {
        // One field.
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                    None => panic!("unterminated quoted field {field:?}"),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == separator || c == '\r' {
                    break;
                }
                assert!(
                    c != '"' && c != '\n',
                    "{c:?} in an unquoted field after {field:?}"
                );
                field.push(c);
                chars.next();
            }
        }
        record.push(field);
        match chars.next() {
            Some(c) if c == separator => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                records.push(std::mem::take(&mut record));
                if chars.peek().is_none() {
                    return records;
                }
            }
            other => panic!("unexpected {other:?} after a field"),
        }
    }
}

#[test]
fn the_reader_reads_what_rfc_4180_allows() {
    let rows = read_csv("a,\"b,\"\"c\"\"\r\nd\",\r\n,x\r\n");
    assert_eq!(rows, [vec!["a", "b,\"c\"\r\nd", ""], vec!["", "x"]]);
    let rows = read_csv_with("a,b;\"c;d\"\r\n", ';');
    assert_eq!(rows, [vec!["a,b", "c;d"]]);
}

// ---------------------------------------------------------------------------------------
// Needs description
// ---------------------------------------------------------------------------------------

/// Both languages and both audiences, Markdown and HTML; the CSV in both languages.
#[test]
fn needs_snapshots_in_both_languages_and_audiences() {
    for lang in Lang::ALL {
        for audience in [Audience::Internal, Audience::Shared] {
            for (format, ext) in [(NeedsFormat::Markdown, "md"), (NeedsFormat::Html, "html")] {
                let name = format!("needs_{}_{}_{ext}", lang.as_str(), audience.as_str());
                insta::assert_snapshot!(name, render(format, audience, lang));
            }
        }
        let csv = render(NeedsFormat::Csv, Audience::Internal, lang);
        insta::assert_snapshot!(
            format!("needs_{}_internal_csv", lang.as_str()),
            csv.replace('\r', "␍")
        );
    }
}

#[test]
fn the_description_groups_by_category_then_priority_then_code() {
    let md = render_needs(NeedsFormat::Markdown);
    let order: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("**B-"))
        .map(|l| &l[..3])
        .collect();
    // Kommunikation, Kost och näring (must, should, none), Planering (must, must),
    // Ärenden, uncategorised last; merged B-007 and rejected B-008 are not described.
    assert_eq!(
        order,
        ["009", "001", "002", "006", "003", "010", "004", "005"]
    );
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Background, goal and scope",
            "## Summary",
            "## Kommunikation",
            "## Kost och näring",
            "## Planering",
            "## Ärenden & \"blanketter\"",
            "## Uncategorised",
            "## Scope limits",
        ]
    );
    // The rejected need is a scope limit with its reason; the merged one is named.
    assert!(md.contains(
        "- **B-008** Vi behöver en ny app för menyn. — *Beskriver en lösning, inte ett behov.*"
    ));
    assert!(md.contains("Merged needs are part of the need they were merged into: B-007 → B-001."));
    assert!(!md.contains("\n**B-007**") && !md.contains("\n**B-008**"));
    for header in [
        "# Needs description – Måltider i förskolan",
        "**NORR-24** · Måltider i förskolan · Norrköpings kommun",
        "> **Internal version for the project team",
        "- **Case number:** KS 2024/0117",
        "- **Date:** 2026-11-26",
        "- **Version:** Internal version (project team)",
        "**Subject of the procurement:** Måltider i kommunens förskolor",
        "**Goal:** Barnen ska äta bra mat som de tycker om.  \nMindre matsvinn.",
        "**Planned procedure:** Förenklat förfarande",
        "**Innovation level:** New solutions",
        "**Project period:** 2026-09-01 – 2027-06-30",
        "it is not a “should” requirement (bör-krav)",
    ] {
        assert!(md.contains(header), "{header}\n{md}");
    }
}

#[test]
fn every_word_of_the_swedish_description_is_swedish() {
    let md = render(NeedsFormat::Markdown, Audience::Internal, Lang::Sv);
    for text in [
        "# Behovsbeskrivning – Måltider i förskolan",
        "> **Intern version för projektgruppen",
        "- **Diarienummer:** KS 2024/0117",
        "- **Behov:** 8 behov (3 måste, 2 bör, 1 kan, 1 inte nu, 1 utan prioritet)",
        "## Bakgrund, mål och omfattning",
        "**Upphandlingens föremål:**",
        "**Innovationsnivå:** Nya lösningar",
        "inte ett bör-krav i upphandlingens mening",
        "ska-krav avgörs när upphandlingsdokumenten skrivs",
        "| Kategori | Måste | Bör | Kan | Inte nu | Utan prioritet | Totalt |",
        "### Måste",
        "### Ännu inte prioriterade",
        "- **Status:** Prioriterat",
        "- **Ansvarig:** Kostchef Per Nilsson",
        "  - Möte: Behovsworkshop 1 (2026-11-19)",
        "Person: Per Nilsson · Dokument: Allergilista v. 45",
        "## Utan kategori",
        "## Avgränsningar",
        "Sammanslagna behov ingår i det behov de slogs ihop med: B-007 → B-001.",
        "*NORR-24 · behovsbeskrivning · Intern version (projektgruppen) · 2026-11-26",
    ] {
        assert!(md.contains(text), "{text}\n{md}");
    }
    for english in ["Needs", "Must", "Evidence", "Meeting:", "Owner", "Priority"] {
        assert!(!md.contains(english), "{english} in the Swedish version");
    }
    let html = render(NeedsFormat::Html, Audience::Internal, Lang::Sv);
    assert!(html.contains("<html lang=\"sv\">"));
    assert!(html.contains("<title>Behovsbeskrivning – Måltider i förskolan · NORR-24</title>"));
    assert!(html.contains("<span class=\"count\">3 behov</span>"));
    let html = render(NeedsFormat::Html, Audience::Shared, Lang::En);
    assert!(html.contains("<html lang=\"en\">"));
}

#[test]
fn each_version_says_which_it_is() {
    for lang in Lang::ALL {
        for format in [NeedsFormat::Markdown, NeedsFormat::Html] {
            let internal = render(format, Audience::Internal, lang);
            let shared = render(format, Audience::Shared, lang);
            let banner = tidig::catalog::text(lang, "summary", "internal_banner");
            assert!(internal.contains(banner));
            assert!(!shared.contains(banner));
            assert!(internal.contains(tidig::catalog::text(lang, "needs", "version_internal")));
            assert!(shared.contains(tidig::catalog::text(lang, "needs", "version_shared")));
            // Both carry the background and the MoSCoW line; only the internal one
            // the scope limits.
            for version in [&internal, &shared] {
                assert!(version.contains(tidig::catalog::text(lang, "needs", "background")));
                assert!(version.contains("Förenklat förfarande"));
                assert!(version.contains("MoSCoW") && version.contains("bör-krav"));
            }
            let scope = tidig::catalog::text(lang, "needs", "scope");
            assert!(internal.contains(scope) && !shared.contains(scope));
        }
    }
}

/// What the shared version leaves out, in every format and language: the internal
/// need, the rejected and merged ones, owners and reasons, supplier-confidential
/// evidence, the one-to-one's paraphrase, and every person's or supplier's name.
#[test]
fn the_shared_version_carries_only_shareable_unnamed_items() {
    let input = input_for(Audience::Shared);
    let codes: Vec<&str> = input.needs.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes.len(), 7, "{codes:?}");
    assert!(
        !codes
            .iter()
            .any(|c| ["B-004", "B-007", "B-008"].contains(c))
    );
    common::export::assert_all_shareable!(input.needs);
    assert!(
        input
            .needs
            .iter()
            .all(|n| n.owner.is_empty() && n.status_reason.is_empty())
    );
    for list in input.evidence.values() {
        for e in list {
            assert_eq!(e.confidentiality, Confidentiality::Shareable);
            assert!(e.person_name.is_none() && e.meeting_title.is_none());
        }
    }
    let never = [
        "Åsa Öberg",
        "Per Nilsson",
        "Solbacka",
        "värmeskåp",
        "Priset per portion",
        "Prislista",
        "Enskilt dialogmöte",
        "Behovsworkshop 1",
        "specialkost",
        "Vi behöver en ny app",
        "dubblett",
        "Beskriver en lösning",
        "Väntar på beslut",
        "Kommunikatör",
        "B-004",
        "B-007",
        "B-008",
    ];
    for lang in Lang::ALL {
        for format in NeedsFormat::ALL.into_iter().chain([NeedsFormat::Docx]) {
            let out = render(format, Audience::Shared, lang);
            for text in never {
                assert!(
                    !out.contains(text),
                    "{text} in the shared {format:?} ({lang:?})"
                );
            }
            // Nothing counts what was left out.
            for word in ["left out", "inte med", "utelämna"] {
                assert!(!out.contains(word), "{word} in {format:?} ({lang:?})");
            }
        }
    }
    // What is shareable and names no one does reach it: the meeting by its type; and
    // so does what names a person, the name replaced.
    let md = render(NeedsFormat::Markdown, Audience::Shared, Lang::Sv);
    assert!(
        md.contains(r"Som \[namn\] sa: listan kommer för sent."),
        "{md}"
    );
    assert!(md.contains("  - Möte: Behovsworkshop (2026-11-19) — *Bekräftat i alla grupper.*"));
    assert!(md.contains("  - Dokument: Föräldraenkät 2026"));
    // And the internal version carries what is internal, but never a supplier's
    // business information.
    let internal = render(NeedsFormat::Markdown, Audience::Internal, Lang::Sv);
    for text in [
        "Åsa Öberg",
        "Vi vill kunna beställa specialkost",
        "Solbacka Mat AB",
    ] {
        assert!(internal.contains(text), "{text}");
    }
    assert!(!internal.contains("Priset per portion") && !internal.contains("Prislista"));
}

#[test]
fn html_lists_scope_limits_and_shows_all_internal_evidence() {
    let html = render_needs(NeedsFormat::Html);
    assert!(!html.contains(">B-007<") && !html.contains("need\">\n<div class=\"code\">B-008"));
    assert!(html.contains("<span class=\"code\">B-008</span> Vi behöver en ny app för menyn."));
    for text in [
        "Behovsworkshop 1",
        "Åsa Öberg",
        "Enkät till vårdnadshavare, 2026.pdf",
        "Sa det två gånger.",
        "Observerat vid lunch.",
        "Väntar på beslut om utemiljön 2027.",
    ] {
        assert!(html.contains(text), "{text} is missing");
    }
    // The statement written from the structured form is not repeated as a form; the
    // one that says more than its form is.
    assert_eq!(html.matches("<dl class=\"form\">").count(), 1);
}

/// The header row and the cells of each need, by column name.
fn csv_cells(rows: &[Vec<String>]) -> Vec<HashMap<String, String>> {
    rows[1..]
        .iter()
        .map(|row| {
            assert_eq!(row.len(), rows[0].len());
            rows[0].iter().cloned().zip(row.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn csv_round_trips_every_need_with_bom_and_crlf() {
    let csv = render_needs(NeedsFormat::Csv);
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a UTF-8 byte order mark");
    // Every line break outside a quoted field is CRLF: no bare LF or CR.
    let rows = read_csv(body);
    let header: Vec<String> = export::needs::csv_header(Audience::Internal, Lang::En)
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(rows[0], header);
    assert_eq!(header[0], "Code");
    assert_eq!(rows.len(), 1 + needs().len(), "every need is a row");

    let mut by_code = needs();
    by_code.sort_by_key(|n| n.number);
    let input = input_for(Audience::Internal);
    for (cell, n) in csv_cells(&rows).iter().zip(&by_code) {
        let cell = |name: &str| cell[name].as_str();
        assert_eq!(cell("Code"), n.code);
        assert_eq!(cell("Need"), n.statement);
        assert_eq!(cell("As a"), n.as_a);
        assert_eq!(cell("I need"), n.i_need);
        assert_eq!(cell("So that"), n.so_that);
        assert_eq!(cell("Category"), n.category);
        // Labels, not codes.
        assert_eq!(
            cell("Priority"),
            n.priority
                .map(|p| tidig::catalog::label(Lang::En, p))
                .unwrap_or("")
        );
        assert_eq!(cell("Status"), tidig::catalog::label(Lang::En, n.status));
        if n.status == NeedStatus::Merged {
            assert_eq!(cell("Reason"), "merged into B-001");
        } else {
            assert_eq!(cell("Reason"), n.status_reason);
        }
        assert_eq!(cell("Owner"), n.owner);
        // Local time (Stockholm), not UTC.
        assert_eq!(cell("Created"), clock().local_datetime(&n.created_at));
        assert!(cell("Created").ends_with(" 09:00"), "{}", cell("Created"));
        let evidence = input.evidence.get(&n.id).map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(cell("Evidence count"), evidence.len().to_string());
        for e in evidence {
            for part in [e.meeting_title.as_deref(), e.person_name.as_deref()]
                .into_iter()
                .flatten()
                .chain([e.document.as_str(), e.note.as_str()])
            {
                assert!(cell("Evidence").contains(part), "{}: {part}", n.code);
            }
        }
        if evidence.is_empty() {
            assert_eq!(cell("Evidence"), "", "{}", n.code);
        }
    }
    // Merged and rejected needs are in the internal CSV, with their status.
    assert!(rows.iter().any(|r| r[0] == "B-007" && r[7] == "Merged"));
    assert!(rows.iter().any(|r| r[0] == "B-008" && r[7] == "Rejected"));
    // Quoting was needed and survives: the quotes, the comma and the line break.
    assert_eq!(rows[4][5], "Ärenden & \"blanketter\"");
    assert_eq!(rows[6][1], "Matsvinnet ska mätas.\nHelst varje vecka.");
    // Evidence: the pieces of one joined with " · ", several joined with "; ".
    assert_eq!(
        rows[2][10],
        "Meeting: Intervju, kök \"Solen\" (2026-11-05) · Person: Per Nilsson · \
         Document: Allergilista v. 45 — Se rad 12; två barn saknas."
    );
    assert_eq!(rows[6][10], "Observerat vid lunch.");
}

#[test]
fn swedish_csv_uses_semicolons_and_swedish_words_and_any_separator_can_be_chosen() {
    let input = input_for(Audience::Internal);
    let sv =
        export::render_needs(&input, NeedsFormat::Csv, Audience::Internal, Lang::Sv, None).unwrap();
    let rows = read_csv_with(&sv[3..], ';');
    assert_eq!(
        rows[0],
        [
            "Kod",
            "Behov",
            "Som",
            "Behöver",
            "För att",
            "Kategori",
            "Prioritet",
            "Status",
            "Skäl",
            "Ansvarig",
            "Underlag",
            "Antal underlag",
            "Skapad",
            "Ändrad"
        ]
    );
    let cells = csv_cells(&rows);
    let b1 = &cells[0];
    assert_eq!(b1["Prioritet"], "Måste");
    assert_eq!(b1["Status"], "Prioriterat");
    assert_eq!(b1["Skapad"], "2026-11-01 09:00");
    assert_eq!(b1["Ändrad"], "2026-11-02 10:30");
    assert!(b1["Underlag"].starts_with("Möte: Behovsworkshop 1 (2026-11-19); Person: Åsa Öberg"));
    // A comma needs no quotes with `;`, but a semicolon does.
    assert!(sv.contains(";\"Möte: Intervju, kök \"\"Solen\"\" (2026-11-05) · Person: Per Nilsson · Dokument: Allergilista v. 45 — Se rad 12; två barn saknas.\";"));
    assert!(sv.contains(";Barnen ska få varm mat som de tycker om, varje dag.;"));
    let merged = cells.iter().find(|c| c["Kod"] == "B-007").unwrap();
    assert_eq!(merged["Status"], "Sammanslaget");

    // English has commas; --separator chooses any of the three for either language.
    let en = render(NeedsFormat::Csv, Audience::Internal, Lang::En);
    assert_eq!(read_csv(&en[3..]).len(), rows.len());
    for (separator, c) in [
        (export::CsvSeparator::Comma, ','),
        (export::CsvSeparator::Semicolon, ';'),
        (export::CsvSeparator::Tab, '\t'),
    ] {
        for lang in Lang::ALL {
            let out = export::render_needs(
                &input,
                NeedsFormat::Csv,
                Audience::Internal,
                lang,
                Some(separator),
            )
            .unwrap();
            let read = read_csv_with(&out[3..], c);
            assert_eq!(read.len(), rows.len());
            assert!(read.iter().all(|r| r.len() == 14), "{separator:?}");
            assert_eq!(read[1][0], "B-001");
        }
    }
}

#[test]
fn csv_neutralises_formulas_in_every_text_cell() {
    let dangerous = [
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-2",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ];
    let mut needs = Vec::new();
    for (i, text) in dangerous.iter().enumerate() {
        let mut n = need(i as i64 + 1, text, text, Some(Priority::Must));
        n.as_a = text.to_string();
        n.i_need = text.to_string();
        n.so_that = text.to_string();
        n.owner = text.to_string();
        n.status_reason = text.to_string();
        needs.push(n);
    }
    let mut ev = HashMap::new();
    ev.insert(
        1,
        vec![evidence(1, 1, None, None, "", "=cmd|' /C calc'!A0")],
    );
    let csv = render_input(NeedsFormat::Csv, needs, ev);
    let rows = read_csv(csv.strip_prefix('\u{feff}').unwrap());
    for (row, text) in rows[1..].iter().zip(dangerous) {
        // statement, as_a, i_need, so_that, category, status_reason, owner
        // A lone CR is no line end: exports drop it like any control character.
        let text = text.replace('\r', "");
        for i in [1, 2, 3, 4, 5, 8, 9] {
            assert_eq!(row[i], format!("'{text}"), "column {i}");
        }
    }
    assert_eq!(rows[1][10], "'=cmd|' /C calc'!A0");
    // The code, dates and values that start with a letter or a digit are left alone.
    assert_eq!(rows[1][0], "B-001");
    assert_eq!(rows[1][12], "2026-11-01 09:00");
    assert_eq!(rows[1][6], "Must");
    // No cell anywhere starts with a formula character.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} is not guarded"
            );
        }
    }
}

#[test]
fn html_escapes_user_text() {
    let mut needs = needs();
    needs[0].statement = "<script>alert(\"x\")</script> & 'citat'".into();
    needs[0].owner = "<b>Åsa</b>".into();
    let mut input = NeedsInput {
        project: project(),
        needs,
        evidence: evidence_map(),
        meeting_kinds: HashMap::new(),
        clock: clock(),
    };
    input.project.title = "Kök & <matsal>".into();
    input.project.goal = "<img src=x onerror=alert(1)>".into();
    let html = export::render_needs(
        &input,
        NeedsFormat::Html,
        Audience::Internal,
        Lang::En,
        None,
    )
    .unwrap();
    assert!(!html.contains("<script>"), "raw script tag in the HTML");
    assert!(!html.contains("<b>Åsa"));
    assert!(!html.contains("<matsal>"));
    assert!(!html.contains("<img"));
    assert!(html.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt; &amp; &#x27;citat&#x27;"
    ));
    assert!(html.contains("Kök &amp; &lt;matsal&gt;"));
    // The only <script>-like text is escaped: there is no script element at all.
    assert!(!html.to_lowercase().contains("<script"));
}

#[test]
fn markdown_escapes_user_text_but_keeps_it_readable() {
    let mut needs = needs();
    needs[0].statement = "<script>x</script> *viktigt* [länk](http://x) | A & B".into();
    let md = render_input(NeedsFormat::Markdown, needs, evidence_map());
    assert!(md.contains(r"\<script\>x\</script\> \*viktigt\* \[länk\](http://x) \| A & B"));
}

#[test]
fn no_needs_still_makes_a_document() {
    for format in [NeedsFormat::Markdown, NeedsFormat::Html] {
        let text = render_input(format, vec![], HashMap::new());
        assert!(text.contains("No needs yet."));
        assert!(text.contains("background and goal are not described yet."));
        assert!(!text.contains("Scope limits"));
    }
    let csv = render_input(NeedsFormat::Csv, vec![], HashMap::new());
    assert_eq!(read_csv(&csv[3..]).len(), 1, "only the header");
}

// ---------------------------------------------------------------------------------------
// Learning examples
// ---------------------------------------------------------------------------------------

#[test]
fn lessons_markdown_snapshot() {
    insta::assert_snapshot!("lessons_markdown", render_lessons(LessonsFormat::Markdown));
}

#[test]
fn lessons_html_snapshot() {
    insta::assert_snapshot!("lessons_html", render_lessons(LessonsFormat::Html));
}

#[test]
fn only_shareable_lessons_are_exported_and_nothing_says_how_many_others() {
    for format in [LessonsFormat::Markdown, LessonsFormat::Html] {
        let text = render_lessons(format);
        assert!(text.contains("3 learning examples"));
        assert!(
            !text.contains("left out"),
            "a shared document counts what it leaves out"
        );
        assert!(!text.contains("Intern:"), "an internal lesson was exported");
        assert!(text.contains("Leverantörsträff med öppna frågor"));
    }
    let none = export::render_lessons(
        LessonsFormat::Markdown,
        Lang::En,
        &lessons()[1..2],
        &clock(),
    )
    .unwrap();
    assert!(none.contains("0 learning examples"));
    assert!(none.contains("No shareable lessons yet."));
}

#[test]
fn lessons_escape_user_text() {
    let html = render_lessons(LessonsFormat::Html);
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains("# För tidig kravlista &lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("En kravlista &amp; &quot;önskemål&quot;"));

    let md = render_lessons(LessonsFormat::Markdown);
    assert!(md.contains(r"## 2. \# För tidig kravlista \<script\>alert(1)\</script\>"));
    // Lists typed by the user stay lists; emphasis stays text; a rule stays text.
    assert!(md.contains(
        "Leverantörerna kom förberedda:  \n- fler konkreta förslag  \n- färre \\*missförstånd\\*"
    ));
    assert!(md.contains("Behov först, krav sedan.  \n\\---"));
    // A blank line in the text is a new paragraph.
    assert!(md.contains("Listan styrde mot en viss produkt.\n\nLeverantörerna frågade varför."));
}
