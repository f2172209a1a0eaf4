//! Export tests on hand-built needs and lessons: the needs description as Markdown,
//! HTML and CSV and the learning examples as Markdown and HTML (golden snapshots), the
//! CSV read back with a small RFC 4180 reader written here and checked cell by cell
//! (byte order mark, CRLF, quoting, the formula-injection guard), and the escaping of
//! user text in HTML and Markdown.

mod common;

use std::collections::HashMap;

use tidig::domain::*;
use tidig::export::{self, Lang, LessonsFormat, NeedsFormat};

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
    n[6].status_reason = "merged into B-001".into();
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

fn render_needs(format: NeedsFormat) -> String {
    export::render_needs(
        format,
        Audience::Internal,
        Lang::En,
        &project(),
        &needs(),
        &evidence_map(),
        &clock(),
    )
    .expect("the needs export renders")
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
                if c == ',' || c == '\r' {
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
            Some(',') => {}
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
}

// ---------------------------------------------------------------------------------------
// Needs description
// ---------------------------------------------------------------------------------------

#[test]
fn needs_markdown_snapshot() {
    insta::assert_snapshot!("needs_markdown", render_needs(NeedsFormat::Markdown));
}

#[test]
fn needs_html_snapshot() {
    insta::assert_snapshot!("needs_html", render_needs(NeedsFormat::Html));
}

#[test]
fn needs_csv_snapshot() {
    // CRLF shown as ␍ so that the snapshot file keeps them visibly.
    let csv = render_needs(NeedsFormat::Csv);
    insta::assert_snapshot!("needs_csv", csv.replace('\r', "␍"));
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
    // Ärenden, uncategorised last; merged B-007 and rejected B-008 are left out.
    assert_eq!(
        order,
        ["009", "001", "002", "006", "003", "010", "004", "005"]
    );
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Summary",
            "## Kommunikation",
            "## Kost och näring",
            "## Planering",
            "## Ärenden & \"blanketter\"",
            "## Uncategorised",
        ]
    );
    assert!(md.contains(
        "> 2 needs are left out: 1 was merged into another need (which carries its evidence) \
         and 1 was rejected. The CSV export lists every need with its status."
    ));
    assert!(!md.contains("B-007") && !md.contains("B-008"));
    for header in [
        "**NORR-24** · Måltider i förskolan · Norrköpings kommun",
        "- **Case number:** KS 2024/0117",
        "- **Date:** 2026-11-26",
    ] {
        assert!(md.contains(header), "{header}");
    }
}

#[test]
fn html_leaves_out_merged_and_rejected_and_shows_all_evidence() {
    let html = render_needs(NeedsFormat::Html);
    assert!(!html.contains(">B-007<") && !html.contains(">B-008<"));
    assert!(html.contains("2 needs are left out"));
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

#[test]
fn csv_round_trips_every_need_with_bom_and_crlf() {
    let csv = render_needs(NeedsFormat::Csv);
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a UTF-8 byte order mark");
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    // Every line break outside a quoted field is CRLF: no bare LF or CR.
    let rows = read_csv(body);
    let header: Vec<String> = export::needs::CSV_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(rows[0], header);
    assert_eq!(rows.len(), 1 + needs().len(), "every need is a row");

    let mut by_code = needs();
    by_code.sort_by_key(|n| n.number);
    let ev = evidence_map();
    for (row, n) in rows[1..].iter().zip(&by_code) {
        assert_eq!(row.len(), header.len());
        let cell = |name: &str| -> &str {
            let i = header.iter().position(|h| h == name).unwrap();
            &row[i]
        };
        assert_eq!(cell("code"), n.code);
        assert_eq!(cell("statement"), n.statement);
        assert_eq!(cell("as_a"), n.as_a);
        assert_eq!(cell("i_need"), n.i_need);
        assert_eq!(cell("so_that"), n.so_that);
        assert_eq!(cell("category"), n.category);
        assert_eq!(
            cell("priority"),
            n.priority.map(|p| p.as_str()).unwrap_or("")
        );
        assert_eq!(cell("status"), n.status.as_str());
        assert_eq!(cell("status_reason"), n.status_reason);
        assert_eq!(cell("owner"), n.owner);
        assert_eq!(cell("created"), n.created_at);
        assert_eq!(cell("updated"), n.updated_at);
        // Every piece of evidence is there (its text is checked below).
        for e in ev.get(&n.id).into_iter().flatten() {
            for part in [e.meeting_title.as_deref(), e.person_name.as_deref()]
                .into_iter()
                .flatten()
                .chain([e.document.as_str(), e.note.as_str()])
            {
                assert!(cell("evidence").contains(part), "{}: {part}", n.code);
            }
        }
        if !ev.contains_key(&n.id) {
            assert_eq!(cell("evidence"), "", "{}", n.code);
        }
    }
    // Merged and rejected needs are in the CSV, with their status.
    assert!(rows.iter().any(|r| r[0] == "B-007" && r[7] == "merged"));
    assert!(rows.iter().any(|r| r[0] == "B-008" && r[7] == "rejected"));
    // Quoting was needed and survives: the quotes, the comma and the line break.
    assert_eq!(rows[4][5], "Ärenden & \"blanketter\"");
    assert_eq!(rows[6][1], "Matsvinnet ska mätas.\nHelst varje vecka.");
    // Evidence: the pieces of one joined with " · ", several joined with "; ".
    assert_eq!(
        rows[1][10],
        "Meeting: Behovsworkshop 1 (2026-11-19); Person: Åsa Öberg — Sa det två gånger.; \
         Document: Enkät till vårdnadshavare, 2026.pdf"
    );
    assert_eq!(
        rows[2][10],
        "Meeting: Intervju, kök \"Solen\" (2026-11-05) · Person: Per Nilsson · \
         Document: Allergilista v. 45 — Se rad 12; två barn saknas."
    );
    assert_eq!(rows[6][10], "Observerat vid lunch.");
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
    let csv = export::render_needs(
        NeedsFormat::Csv,
        Audience::Internal,
        Lang::En,
        &project(),
        &needs,
        &ev,
        &clock(),
    )
    .unwrap();
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
    assert_eq!(rows[1][11], "2026-11-01T08:00:00Z");
    assert_eq!(rows[1][6], "must");
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
    let mut project = project();
    project.title = "Kök & <matsal>".into();
    let html = export::render_needs(
        NeedsFormat::Html,
        Audience::Internal,
        Lang::En,
        &project,
        &needs,
        &evidence_map(),
        &clock(),
    )
    .unwrap();
    assert!(!html.contains("<script>"), "raw script tag in the HTML");
    assert!(!html.contains("<b>Åsa"));
    assert!(!html.contains("<matsal>"));
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
    let md = export::render_needs(
        NeedsFormat::Markdown,
        Audience::Internal,
        Lang::En,
        &project(),
        &needs,
        &evidence_map(),
        &clock(),
    )
    .unwrap();
    assert!(md.contains(r"\<script\>x\</script\> \*viktigt\* \[länk\](http://x) \| A & B"));
}

#[test]
fn no_needs_still_makes_a_document() {
    for format in [NeedsFormat::Markdown, NeedsFormat::Html] {
        let text = export::render_needs(
            format,
            Audience::Internal,
            Lang::En,
            &project(),
            &[],
            &HashMap::new(),
            &clock(),
        )
        .unwrap();
        assert!(text.contains("No needs yet."));
        assert!(!text.contains("left out"));
    }
    let csv = export::render_needs(
        NeedsFormat::Csv,
        Audience::Internal,
        Lang::En,
        &project(),
        &[],
        &HashMap::new(),
        &clock(),
    )
    .unwrap();
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
