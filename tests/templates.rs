//! Agenda templates: the built-ins, the user's folder, saving an agenda as a template.

use std::fs;
use std::path::Path;

use tidig::domain::{AgendaItemInput, MeetingType};
use tidig::templates::{
    self, AgendaTemplate, TemplateError, TemplateSource, file_stem, for_type, load_all, save,
    total_minutes, user_dir,
};

fn item(title: &str, minutes: u32, method: &str, outcome: &str, owner: &str) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        minutes,
        method: method.into(),
        owner: owner.into(),
        expected_outcome: outcome.into(),
    }
}

fn find<'a>(all: &'a [AgendaTemplate], key: &str) -> &'a AgendaTemplate {
    all.iter()
        .find(|t| t.key == key)
        .unwrap_or_else(|| panic!("no template {key}"))
}

const GOOD: &str = r#"
name = "Fokusgrupp med äldre"
meeting_type = "focus_group"
description = "En timme och en kvart"

[[items]]
title = "Välkommen"
duration = "10m"

[[items]]
title = "Samtal"
duration = "1h05"
method = "Frågor och svar"
expected_outcome = "Citat och exempel"
owner = "Facilitator"
"#;

#[test]
fn built_ins_all_parse_with_sensible_totals() {
    let all = templates::built_in();
    let keys: Vec<&str> = all.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "kickoff",
            "needs_workshop",
            "supplier_information_meeting",
            "one_to_one_dialogue",
            "lessons_learned"
        ]
    );
    for t in &all {
        let total = total_minutes(t);
        assert!((45..=240).contains(&total), "{}: {total} min", t.key);
        assert_eq!(t.total_minutes(), total);
        assert!(t.items.len() >= 3, "{}", t.key);
        assert_eq!(t.source, TemplateSource::BuiltIn);
        assert!(!t.name.is_empty() && !t.description.is_empty(), "{}", t.key);
    }
    // Written for Swedish facilitators.
    assert_eq!(find(&all, "kickoff").name, "Uppstartsmöte");
    assert_eq!(find(&all, "lessons_learned").name, "Erfarenhetsåterföring");
    assert_eq!(total_minutes(find(&all, "one_to_one_dialogue")), 60);
    // Each is suggested for its own meeting type.
    assert_eq!(
        for_type(&all, MeetingType::InformationMeeting).unwrap().key,
        "supplier_information_meeting"
    );
    assert_eq!(
        for_type(&all, MeetingType::NeedsWorkshop).unwrap().key,
        "needs_workshop"
    );
    assert!(for_type(&all, MeetingType::SteeringGroup).is_none());
    // The needs workshop works with needs statements and MoSCoW.
    let titles: Vec<&str> = find(&all, "needs_workshop")
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert!(titles.iter().any(|t| t.contains("behöver jag")));
    assert!(titles.iter().any(|t| t.contains("MoSCoW")));
}

#[test]
fn load_all_without_a_folder_is_the_built_ins() {
    let dir = tempfile::tempdir().unwrap();
    let (all, warnings) = load_all(None);
    assert_eq!(all, templates::built_in());
    assert!(warnings.is_empty());
    // A folder that does not exist yet is not a problem either.
    let (all, warnings) = load_all(Some(&dir.path().join("agendas")));
    assert_eq!(all.len(), 5);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        user_dir(Path::new("/home/a/.config/tidig")),
        Path::new("/home/a/.config/tidig/agendas")
    );
}

#[test]
fn save_then_load_round_trips_swedish_text() {
    let config = tempfile::tempdir().unwrap();
    let dir = user_dir(config.path());
    let items = vec![
        item(
            "Välkommen och förväntningar",
            15,
            "Runda: vad önskar du dig av dagen?",
            "Alla har fått säga något",
            "Åsa Öberg",
        ),
        item(
            "Behov: ”Som … behöver jag … för att …”",
            90,
            "Smågrupper, \"en lapp per behov\"",
            "Behov i rätt form",
            "",
        ),
        item("Prioritering", 45, "MoSCoW: Måste/Bör/Kan/Inte nu", "", ""),
        item("Heldag", 24 * 60, "", "", ""),
    ];
    let path = save(
        &dir,
        "  Vår egen   behovsworkshop ",
        Some(MeetingType::NeedsWorkshop),
        &items,
    )
    .unwrap();
    assert_eq!(path, dir.join("var-egen-behovsworkshop.toml"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with('#'), "documents the format:\n{text}");
    assert!(text.contains("duration = \"1h30\""), "{text}");
    assert!(text.contains("duration = \"45m\""), "{text}");
    assert!(text.contains("duration = \"24h\""), "{text}");
    assert!(text.contains("meeting_type = \"needs_workshop\""), "{text}");
    // No temporary file is left behind.
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["var-egen-behovsworkshop.toml"]);

    let (all, warnings) = load_all(Some(&dir));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(all.len(), 6);
    let t = find(&all, "var-egen-behovsworkshop");
    assert_eq!(t.name, "Vår egen behovsworkshop");
    assert_eq!(t.meeting_type, Some(MeetingType::NeedsWorkshop));
    assert_eq!(t.items, items);
    assert_eq!(t.source, TemplateSource::User(path.clone()));
    assert_eq!(total_minutes(t), 15 + 90 + 45 + 24 * 60);
    // The user's own template is suggested before the built-in one.
    assert_eq!(
        for_type(&all, MeetingType::NeedsWorkshop).unwrap().key,
        "var-egen-behovsworkshop"
    );

    // Without a meeting type too.
    let path = save(&dir, "Fika", None, &items[..1]).unwrap();
    let (all, _) = load_all(Some(&dir));
    let t = find(&all, "fika");
    assert_eq!(t.meeting_type, None);
    assert_eq!(t.source, TemplateSource::User(path));
}

#[test]
fn a_user_template_overrides_the_built_in_with_the_same_key() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("kickoff.toml"),
        "name = \"Vår uppstart\"\nmeeting_type = \"kickoff\"\n\n[[items]]\ntitle = \"Allt på en gång\"\nduration = \"1,5h\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("fokusgrupp.toml"), GOOD).unwrap();
    let (all, warnings) = load_all(Some(dir.path()));
    assert!(warnings.is_empty(), "{warnings:?}");
    // Replaced in place: same position, no duplicate.
    assert_eq!(all.len(), 6);
    assert_eq!(all[0].key, "kickoff");
    assert_eq!(all[0].name, "Vår uppstart");
    assert_eq!(total_minutes(&all[0]), 90);
    assert!(matches!(all[0].source, TemplateSource::User(_)));
    assert_eq!(all.iter().filter(|t| t.key == "kickoff").count(), 1);
    // The user's new templates come after the built-ins.
    assert_eq!(all[5].key, "fokusgrupp");
    assert_eq!(total_minutes(&all[5]), 75);
    assert_eq!(all[5].items[1].owner, "Facilitator");
    assert_eq!(
        for_type(&all, MeetingType::Kickoff).unwrap().name,
        "Vår uppstart"
    );
}

#[test]
fn broken_files_give_warnings_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("fokusgrupp.toml"), GOOD).unwrap();
    fs::write(p.join("trasig.toml"), "name = \"Trasig\n[[items]\n").unwrap();
    fs::write(
        p.join("fel_tid.toml"),
        "name = \"Fel tid\"\n[[items]]\ntitle = \"Nuläge\"\nduration = \"en stund\"\n",
    )
    .unwrap();
    fs::write(
        p.join("utan_titel.toml"),
        "name = \"Utan titel\"\n[[items]]\ntitle = \"\"\nduration = \"10m\"\n",
    )
    .unwrap();
    fs::write(p.join("tom.toml"), "name = \"Tom\"\n").unwrap();
    fs::write(
        p.join("okand_typ.toml"),
        "name = \"X\"\nmeeting_type = \"fika\"\n[[items]]\ntitle = \"A\"\nduration = \"5m\"\n",
    )
    .unwrap();
    fs::write(p.join("binar.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    // A broken override leaves the built-in in place.
    fs::write(
        p.join("lessons_learned.toml"),
        "name = \"Halv\"\n[[items]]\ntitle = \"A\"\nduration = \"0m\"\n",
    )
    .unwrap();
    // Not templates: ignored without a word.
    fs::write(p.join("LÄSMIG.md"), "hej").unwrap();
    fs::write(p.join(".dold.toml"), "trasig").unwrap();
    fs::create_dir(p.join("mapp.toml")).unwrap();

    let (all, warnings) = load_all(Some(p));
    assert_eq!(warnings.len(), 7, "{warnings:#?}");
    for w in &warnings {
        assert!(!w.contains('\n'), "one line: {w}");
    }
    let warning = |file: &str| {
        warnings
            .iter()
            .find(|w| w.starts_with(&format!("{file}: ")))
            .unwrap_or_else(|| panic!("no warning for {file}: {warnings:#?}"))
            .clone()
    };
    assert!(warning("trasig.toml").contains("line "));
    let w = warning("fel_tid.toml");
    assert!(
        w.contains("item 1 “Nuläge”") && w.contains("duration"),
        "{w}"
    );
    let w = warning("utan_titel.toml");
    assert!(w.contains("item 1") && w.contains("title"), "{w}");
    assert!(warning("tom.toml").contains("items"));
    assert!(warning("okand_typ.toml").contains("fika"));
    assert!(warning("binar.toml").contains("UTF-8"));
    assert!(warning("lessons_learned.toml").contains("duration"));

    assert_eq!(all.len(), 6);
    assert_eq!(
        find(&all, "lessons_learned").source,
        TemplateSource::BuiltIn
    );
    assert_eq!(find(&all, "fokusgrupp").name, "Fokusgrupp med äldre");
}

#[test]
fn names_become_safe_file_stems() {
    assert_eq!(file_stem("Behovsworkshop"), "behovsworkshop");
    assert_eq!(file_stem("Vår första Övning"), "var-forsta-ovning");
    assert_eq!(file_stem("ÅÄÖ åäö"), "aao-aao");
    assert_eq!(
        file_stem("  Möte 2:  Dialog / Leverantör  "),
        "mote-2-dialog-leverantor"
    );
    assert_eq!(file_stem("needs_workshop"), "needs_workshop");
    assert_eq!(file_stem("../../etc/passwd"), "etcpasswd");
    assert_eq!(file_stem("Café Möte"), "caf-mote");
    assert_eq!(file_stem("???"), "mall");
    assert_eq!(file_stem(""), "mall");
    assert_eq!(file_stem("CON"), "con-mall");
    let long = file_stem(&"lång ".repeat(40));
    assert!(long.len() <= 64 && !long.ends_with('-'), "{long}");
    for stem in [
        file_stem("Ett namn med ‘citat’ och emoji 🎉"),
        file_stem("tab\tnewline\n"),
    ] {
        assert!(
            stem.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "{stem}"
        );
    }
}

#[test]
fn saving_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("agendas");
    let a = [item("Första", 30, "", "", "")];
    let b = [item("Andra", 45, "", "", "")];
    let first = save(&d, "Styrgrupp", Some(MeetingType::SteeringGroup), &a).unwrap();
    let before = fs::read_to_string(&first).unwrap();
    let second = save(&d, "Styrgrupp", None, &b).unwrap();
    let third = save(&d, "styrgrupp", None, &b).unwrap();
    assert_eq!(first, d.join("styrgrupp.toml"));
    assert_eq!(second, d.join("styrgrupp-2.toml"));
    assert_eq!(third, d.join("styrgrupp-3.toml"));
    assert_eq!(fs::read_to_string(&first).unwrap(), before);
    // A file the user wrote by hand is not touched either.
    fs::write(d.join("handskriven.toml"), "mitt eget").unwrap();
    let fourth = save(&d, "Handskriven", None, &a).unwrap();
    assert_eq!(fourth, d.join("handskriven-2.toml"));
    assert_eq!(
        fs::read_to_string(d.join("handskriven.toml")).unwrap(),
        "mitt eget"
    );
    let (all, warnings) = load_all(Some(&d));
    assert_eq!(all.len(), 5 + 4);
    assert_eq!(warnings.len(), 1, "{warnings:?}"); // the hand-written non-template
    assert_eq!(find(&all, "styrgrupp-2").items[0].title, "Andra");
}

#[test]
fn saving_refuses_what_could_not_be_loaded_back() {
    let dir = tempfile::tempdir().unwrap();
    let a = [item("Första", 30, "", "", "")];
    assert!(matches!(
        save(dir.path(), "  ", None, &a),
        Err(TemplateError::EmptyName)
    ));
    assert!(matches!(
        save(dir.path(), "Tom", None, &[]),
        Err(TemplateError::NoItems)
    ));
    let bad = [a[0].clone(), item(" ", 10, "", "", "")];
    match save(dir.path(), "Utan titel", None, &bad) {
        Err(e @ TemplateError::InvalidItem { index: 2, .. }) => {
            assert!(e.to_string().starts_with("item 2"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    let bad = [item("Noll", 0, "", "", "")];
    assert!(matches!(
        save(dir.path(), "Noll", None, &bad),
        Err(TemplateError::InvalidItem { index: 1, .. })
    ));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}
