//! A generic form: labelled fields, focus, validation messages and a dirty check.
//! What a form saves is decided in `forms.rs`; this file only edits values.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{TextArea, WrapMode};

use super::text_input::{TextInput, types_a_control};
use crate::domain::clean::clean_text;
use crate::domain::{EntityKind, FieldErrors, NeedStatus, TextEnum};

/// What the form edits, and so where it saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Project {
        id: Option<i64>,
    },
    Organisation {
        id: Option<i64>,
    },
    Person {
        id: Option<i64>,
    },
    Milestone {
        project_id: i64,
        id: Option<i64>,
    },
    Meeting {
        project_id: i64,
        id: Option<i64>,
    },
    AgendaItem {
        meeting_id: i64,
        id: Option<i64>,
    },
    Participant {
        meeting_id: i64,
    },
    AgendaTemplate {
        meeting_id: i64,
    },
    Need {
        project_id: i64,
        id: Option<i64>,
    },
    /// The reason for rejecting or deferring a need.
    NeedReason {
        need_id: i64,
        to: NeedStatus,
    },
    Evidence {
        need_id: i64,
    },
    Suggestion {
        project_id: i64,
        id: Option<i64>,
    },
    Lesson {
        project_id: Option<i64>,
        id: Option<i64>,
    },
    /// A need captured from a meeting's notes: linked to the meeting as evidence.
    NeedFromMeeting {
        project_id: i64,
        meeting_id: i64,
    },
    Decision {
        project_id: i64,
        meeting_id: Option<i64>,
        id: Option<i64>,
    },
    Action {
        project_id: i64,
        meeting_id: Option<i64>,
        id: Option<i64>,
    },
    Question {
        meeting_id: i64,
    },
    Answer {
        question_id: i64,
    },
    /// Choosing format, audience and language of a meeting-notes export.
    NotesExport {
        meeting_id: i64,
    },
    /// Choosing format, audience and language of a round's dialogue compilation.
    DialogueExport {
        project_id: i64,
        round_id: i64,
    },
    /// An entry of a project's information log.
    Information {
        project_id: i64,
        id: Option<i64>,
    },
    /// A declared interest or prior involvement in a project.
    Interest {
        project_id: i64,
        id: Option<i64>,
    },
    /// The meeting's documentation registered in the case (diarieförd).
    Registration {
        meeting_id: i64,
    },
    /// Who approved the meeting's notes (justerare): saving moves the notes status to
    /// approved with that name.
    NotesApproval {
        meeting_id: i64,
    },
    /// A new dialogue round with its questions and suppliers.
    Round {
        project_id: i64,
    },
    /// A supplier's answer to a round question, recorded afterwards.
    RoundAnswer {
        round_id: i64,
    },
    /// A question of a round: added at the end, or edited.
    RoundQuestion {
        round_id: i64,
        id: Option<i64>,
    },
    /// An organisation joining a round as a supplier.
    RoundSupplier {
        round_id: i64,
    },
    /// One cell of a round's matrix: a supplier's answer to a question. Its save is
    /// checked against the answer row's version (0 while the question was not put),
    /// which the form keeps in `version` (see `forms::write`), not through `row`.
    RoundCell {
        question_id: i64,
        organisation_id: i64,
    },
}

impl FormKind {
    /// The existing row this form edits (or adds to, see `adds_to_row`), if any: its
    /// save is checked against the version the form loaded (see `forms::submit`).
    pub fn row(self) -> Option<(EntityKind, i64)> {
        let (kind, id) = match self {
            FormKind::Project { id } => (EntityKind::Project, id),
            FormKind::Organisation { id } => (EntityKind::Organisation, id),
            FormKind::Person { id } => (EntityKind::Person, id),
            FormKind::Milestone { id, .. } => (EntityKind::Milestone, id),
            FormKind::Meeting { id, .. } => (EntityKind::Meeting, id),
            FormKind::AgendaItem { id, .. } => (EntityKind::AgendaItem, id),
            FormKind::Need { id, .. } => (EntityKind::Need, id),
            FormKind::Suggestion { id, .. } => (EntityKind::Suggestion, id),
            FormKind::Lesson { id, .. } => (EntityKind::Lesson, id),
            FormKind::Decision { id, .. } => (EntityKind::Decision, id),
            FormKind::Action { id, .. } => (EntityKind::ActionItem, id),
            FormKind::Answer { question_id } => (EntityKind::Question, Some(question_id)),
            FormKind::Information { id, .. } => (EntityKind::Information, id),
            FormKind::Interest { id, .. } => (EntityKind::Interest, id),
            FormKind::RoundQuestion { id, .. } => (EntityKind::RoundQuestion, id),
            // A supplier is added to a round, like a participant to a meeting.
            FormKind::RoundSupplier { round_id } => (EntityKind::Round, Some(round_id)),
            // A participant is added to a meeting, evidence to a need, and a reason
            // moves a need's status: a change to that row made elsewhere since (its
            // status, or moved to the trash) is asked about, not saved past.
            FormKind::Participant { meeting_id } => (EntityKind::Meeting, Some(meeting_id)),
            FormKind::Evidence { need_id } | FormKind::NeedReason { need_id, .. } => {
                (EntityKind::Need, Some(need_id))
            }
            _ => return None,
        };
        id.map(|id| (kind, id))
    }

    /// Whether the form adds to its row (or moves its status) rather than showing the
    /// row's own fields: a conflict then shows the row as it was and as it is now
    /// (see `Form::basis`), not field by field.
    pub fn adds_to_row(self) -> bool {
        matches!(
            self,
            FormKind::Participant { .. }
                | FormKind::Evidence { .. }
                | FormKind::NeedReason { .. }
                | FormKind::RoundSupplier { .. }
        )
    }

    /// Key under which unsaved contents are kept as a draft.
    pub fn draft_key(self) -> String {
        let id = |id: Option<i64>| id.map_or("new".to_string(), |i| i.to_string());
        match self {
            FormKind::Project { id: i } => format!("project:{}", id(i)),
            FormKind::Organisation { id: i } => format!("organisation:{}", id(i)),
            FormKind::Person { id: i } => format!("person:{}", id(i)),
            FormKind::Milestone { project_id, id: i } => {
                format!("milestone:{project_id}:{}", id(i))
            }
            FormKind::Meeting { project_id, id: i } => {
                format!("meeting:{project_id}:{}", id(i))
            }
            FormKind::AgendaItem { meeting_id, id: i } => {
                format!("agenda_item:{meeting_id}:{}", id(i))
            }
            FormKind::Participant { meeting_id } => format!("participant:{meeting_id}"),
            FormKind::AgendaTemplate { meeting_id } => format!("agenda_template:{meeting_id}"),
            FormKind::Need { project_id, id: i } => format!("need:{project_id}:{}", id(i)),
            FormKind::NeedReason { need_id, to } => {
                format!("need_reason:{need_id}:{}", to.as_str())
            }
            FormKind::Evidence { need_id } => format!("evidence:{need_id}"),
            FormKind::Suggestion { project_id, id: i } => {
                format!("suggestion:{project_id}:{}", id(i))
            }
            FormKind::Lesson { project_id, id: i } => {
                format!("lesson:{}:{}", id(project_id), id(i))
            }
            FormKind::NeedFromMeeting { meeting_id, .. } => format!("need_from:{meeting_id}"),
            FormKind::Decision {
                project_id, id: i, ..
            } => {
                format!("decision:{project_id}:{}", id(i))
            }
            FormKind::Action {
                project_id, id: i, ..
            } => {
                format!("action:{project_id}:{}", id(i))
            }
            FormKind::Question { meeting_id } => format!("question:{meeting_id}"),
            FormKind::Answer { question_id } => format!("answer:{question_id}"),
            FormKind::NotesExport { meeting_id } => format!("notes_export:{meeting_id}"),
            FormKind::DialogueExport { round_id, .. } => format!("dialogue_export:{round_id}"),
            FormKind::Registration { meeting_id } => format!("registration:{meeting_id}"),
            FormKind::NotesApproval { meeting_id } => format!("notes_approval:{meeting_id}"),
            FormKind::Information { project_id, id: i } => {
                format!("information:{project_id}:{}", id(i))
            }
            FormKind::Interest { project_id, id: i } => {
                format!("interest:{project_id}:{}", id(i))
            }
            FormKind::Round { project_id } => format!("round:{project_id}:new"),
            FormKind::RoundAnswer { round_id } => format!("round_answer:{round_id}"),
            FormKind::RoundQuestion { round_id, id: i } => {
                format!("round_question:{round_id}:{}", id(i))
            }
            FormKind::RoundSupplier { round_id } => format!("round_supplier:{round_id}"),
            FormKind::RoundCell {
                question_id,
                organisation_id,
            } => format!("round_cell:{question_id}:{organisation_id}"),
        }
    }
}

pub enum FieldKind {
    Text(TextInput),
    Multiline(Box<TextArea<'static>>),
    /// A closed set of values: (stored value, label). `""` stands for "not set".
    Choice {
        options: Vec<(String, String)>,
        selected: usize,
    },
    /// An organisation or person by name: an existing one, or a new one created on
    /// save. The app keeps `suggestions` and `exists` in step with the text.
    Lookup {
        source: LookupSource,
        input: TextInput,
        suggestions: Vec<String>,
        exists: bool,
    },
}

/// What a lookup field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupSource {
    Organisation,
    Person,
}

/// A multi-line editing buffer as tidig's editors behave: words wrap, and the line the
/// cursor is on is not underlined. Borders and colours are not set here: `ui` draws
/// them around the text when it renders.
pub(crate) fn text_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::new());
    area
}

pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub required: bool,
    /// Letters typed are upper-cased (project codes).
    pub uppercase: bool,
    pub kind: FieldKind,
}

impl Field {
    pub fn text(key: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            key,
            label,
            hint: None,
            required: false,
            uppercase: false,
            kind: FieldKind::Text(TextInput::new(value)),
        }
    }

    pub fn multiline(key: &'static str, label: &'static str, value: &str) -> Field {
        let mut area = text_area(value);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            key,
            label,
            hint: Some(crate::text::hint_multiline()),
            required: false,
            uppercase: false,
            kind: FieldKind::Multiline(Box::new(area)),
        }
    }

    pub fn choice(
        key: &'static str,
        label: &'static str,
        options: Vec<(String, String)>,
        value: &str,
    ) -> Field {
        let selected = options.iter().position(|(v, _)| *v == value).unwrap_or(0);
        Field {
            key,
            label,
            hint: Some(crate::text::hint_choice()),
            required: false,
            uppercase: false,
            kind: FieldKind::Choice { options, selected },
        }
    }

    pub fn organisation(key: &'static str, label: &'static str, value: &str) -> Field {
        Field::lookup(LookupSource::Organisation, key, label, value)
    }

    pub fn person(key: &'static str, label: &'static str, value: &str) -> Field {
        Field::lookup(LookupSource::Person, key, label, value)
    }

    fn lookup(source: LookupSource, key: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            key,
            label,
            hint: None,
            required: false,
            uppercase: false,
            kind: FieldKind::Lookup {
                source,
                input: TextInput::new(value),
                suggestions: Vec::new(),
                exists: !value.is_empty(),
            },
        }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn uppercase(mut self) -> Field {
        self.uppercase = true;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Text(t) => t.value().to_string(),
            FieldKind::Lookup { input, .. } => input.value().to_string(),
            FieldKind::Multiline(area) => area.lines().join("\n"),
            FieldKind::Choice { options, selected } => options[*selected].0.clone(),
        }
    }

    pub fn set_value(&mut self, value: &str) {
        match &mut self.kind {
            FieldKind::Text(t) => t.set(value),
            FieldKind::Lookup { input, .. } => input.set(value),
            FieldKind::Multiline(_) => *self = Field::multiline(self.key, self.label, value),
            FieldKind::Choice { options, selected } => {
                if let Some(i) = options.iter().position(|(v, _)| *v == value) {
                    *selected = i;
                }
            }
        }
    }

    /// Applies a key; returns whether the value changed.
    fn handle(&mut self, key: &KeyEvent) -> bool {
        match &mut self.kind {
            FieldKind::Text(t) => t.handle(key),
            FieldKind::Multiline(_) if types_a_control(key) => false,
            FieldKind::Multiline(area) => area.input(*key),
            FieldKind::Choice { options, selected } => {
                let n = options.len();
                let before = *selected;
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                    KeyCode::Left => *selected = (*selected + n - 1) % n,
                    KeyCode::Home => *selected = 0,
                    KeyCode::End => *selected = n - 1,
                    // Typing a letter jumps to the next option whose label starts with it.
                    KeyCode::Char(c) => {
                        let c = c.to_lowercase().next().unwrap_or(c);
                        if let Some(i) = (1..=n)
                            .map(|k| (before + k) % n)
                            .find(|&i| options[i].1.to_lowercase().starts_with(c))
                        {
                            *selected = i;
                        }
                    }
                    _ => {}
                }
                before != *selected
            }
            FieldKind::Lookup {
                input, suggestions, ..
            } => match key.code {
                // Up/Down walk through the matching organisations.
                KeyCode::Down | KeyCode::Up if !suggestions.is_empty() => {
                    let current = suggestions.iter().position(|s| s == input.value());
                    let n = suggestions.len();
                    let next = match (key.code, current) {
                        (KeyCode::Down, None) => 0,
                        (KeyCode::Down, Some(i)) => (i + 1) % n,
                        (_, None) => n - 1,
                        (_, Some(i)) => (i + n - 1) % n,
                    };
                    let pick = suggestions[next].clone();
                    input.set(&pick);
                    true
                }
                _ => input.handle(key),
            },
        }
    }

    fn paste(&mut self, text: &str) -> bool {
        match &mut self.kind {
            FieldKind::Text(t) | FieldKind::Lookup { input: t, .. } => {
                t.paste(text);
                true
            }
            FieldKind::Multiline(area) => area.insert_str(clean_text(text)),
            FieldKind::Choice { .. } => false,
        }
    }
}

/// Where a draft keeps the version of the row it edits; no field has this key.
const VERSION_KEY: &str = "#version";

pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub errors: FieldErrors,
    /// Advice that does not block saving (a need that names a solution).
    pub warnings: FieldErrors,
    /// How a typed date was read ("fredag 11 dec 2026 10:00"), by field, shown as
    /// the user types so that `fre` or `nästa fredag` is never a surprise.
    pub readings: BTreeMap<&'static str, String>,
    /// After a failed save, every edit re-validates so messages follow the typing.
    pub attempted: bool,
    /// When the draft was last kept in the store (a stored UTC timestamp).
    pub draft_saved_at: Option<String>,
    /// The last try to keep the draft in the store failed (it is in a draft file).
    pub draft_failed: bool,
    /// The version of the row this form edits, as loaded (see `FormKind::row`).
    pub version: Option<i64>,
    /// For a form that adds to its row (`FormKind::adds_to_row`): that row as it was
    /// when the form opened, in a line, to show beside the stored one in a conflict.
    pub basis: Option<String>,
    initial: BTreeMap<&'static str, String>,
}

impl Form {
    pub fn new(kind: FormKind, title: impl Into<String>, fields: Vec<Field>) -> Form {
        let mut form = Form {
            kind,
            title: title.into(),
            fields,
            focus: 0,
            errors: FieldErrors::default(),
            warnings: FieldErrors::default(),
            readings: BTreeMap::new(),
            attempted: false,
            draft_saved_at: None,
            draft_failed: false,
            version: None,
            basis: None,
            initial: BTreeMap::new(),
        };
        form.initial = form.values();
        form.sync_cursors();
        form
    }

    /// Only the focused multi-line field shows its cursor.
    fn sync_cursors(&mut self) {
        for (i, field) in self.fields.iter_mut().enumerate() {
            if let FieldKind::Multiline(area) = &mut field.kind {
                let style = if i == self.focus {
                    ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
                } else {
                    ratatui::style::Style::new()
                };
                area.set_cursor_style(style);
            }
        }
    }

    pub fn values(&self) -> BTreeMap<&'static str, String> {
        self.fields.iter().map(|f| (f.key, f.value())).collect()
    }

    pub fn value(&self, key: &str) -> String {
        self.field(key).map(Field::value).unwrap_or_default()
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.initial
    }

    /// Whether the user changed this field since the form opened.
    pub fn changed(&self, key: &str) -> bool {
        self.initial.get(key).map(String::as_str) != self.field(key).map(|f| f.value()).as_deref()
    }

    /// Takes the current values as the starting point (for prefilled forms).
    pub fn mark_clean(&mut self) {
        self.initial = self.values();
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    /// Focuses field `index` (kept when a form is reloaded).
    pub fn set_focus(&mut self, index: usize) {
        self.focus = index.min(self.fields.len() - 1);
        self.sync_cursors();
    }

    pub fn focus_next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
        self.sync_cursors();
    }

    pub fn focus_prev(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        self.sync_cursors();
    }

    /// Puts focus on the first field with an error.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| self.errors.get(f.key).is_some())
        {
            self.focus = i;
            self.sync_cursors();
        }
    }

    /// Whether Enter saves: a form of one single-line field has nowhere to move on to.
    pub fn submits_on_enter(&self) -> bool {
        self.fields.len() == 1 && !matches!(self.fields[0].kind, FieldKind::Multiline(_))
    }

    /// Enter moves on in single-line fields and breaks the line in multi-line ones.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let multiline = matches!(self.focused().kind, FieldKind::Multiline(_));
        if key.code == KeyCode::Enter && !multiline {
            self.focus_next();
            return false;
        }
        let focus = self.focus;
        let field = &mut self.fields[focus];
        match key.code {
            KeyCode::Char(c) if field.uppercase && c.is_lowercase() => {
                let upper = KeyEvent::new(KeyCode::Char(c.to_ascii_uppercase()), key.modifiers);
                field.handle(&upper)
            }
            _ => field.handle(key),
        }
    }

    pub fn paste(&mut self, text: &str) -> bool {
        let focus = self.focus;
        let field = &mut self.fields[focus];
        if field.uppercase {
            field.paste(&text.to_uppercase())
        } else {
            field.paste(text)
        }
    }

    /// Serialised values, for drafts, with the version of the row they were typed
    /// over: a draft brought back later still finds a change made in between.
    pub fn to_json(&self) -> String {
        let mut values: BTreeMap<&str, String> = self.values();
        if let Some(v) = self.version {
            values.insert(VERSION_KEY, v.to_string());
        }
        serde_json::to_string(&values).expect("string map serialises")
    }

    /// Restores values saved by `to_json`; unknown keys are ignored.
    pub fn restore_json(&mut self, json: &str) -> bool {
        let Ok(values) = serde_json::from_str::<BTreeMap<String, String>>(json) else {
            return false;
        };
        for field in &mut self.fields {
            if let Some(v) = values.get(field.key) {
                field.set_value(v);
            }
        }
        if let Some(v) = values.get(VERSION_KEY).and_then(|v| v.parse().ok()) {
            self.version = Some(v);
        }
        self.sync_cursors();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn sample() -> Form {
        Form::new(
            FormKind::Organisation { id: None },
            "t",
            vec![
                Field::text("name", "Name", ""),
                Field::choice(
                    "kind",
                    "Kind",
                    [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]
                        .map(|(v, l)| (v.to_string(), l.to_string()))
                        .to_vec(),
                    "a",
                ),
                Field::multiline("goal", "Goal", "rad 1"),
            ],
        )
    }

    #[test]
    fn typing_marks_dirty_and_enter_moves_on() {
        let mut f = sample();
        assert!(!f.is_dirty());
        f.handle_key(&key(KeyCode::Char('Å')));
        assert!(f.is_dirty());
        f.handle_key(&key(KeyCode::Enter));
        assert_eq!(f.focus, 1);
        f.handle_key(&key(KeyCode::Char('g')));
        assert_eq!(f.value("kind"), "c");
        f.handle_key(&key(KeyCode::Left));
        assert_eq!(f.value("kind"), "b");
        f.focus_next();
        f.handle_key(&key(KeyCode::Enter));
        f.handle_key(&key(KeyCode::Char('x')));
        assert_eq!(f.value("goal"), "rad 1\nx");
    }

    #[test]
    fn only_a_form_of_one_line_submits_on_enter() {
        assert!(!sample().submits_on_enter());
        let one = |field| Form::new(FormKind::Organisation { id: None }, "t", vec![field]);
        assert!(one(Field::text("name", "Name", "")).submits_on_enter());
        assert!(!one(Field::multiline("goal", "Goal", "")).submits_on_enter());
    }

    #[test]
    fn drafts_round_trip() {
        let mut f = sample();
        f.handle_key(&key(KeyCode::Char('ö')));
        f.field_mut("goal").unwrap().set_value("a\nb");
        let json = f.to_json();
        let mut g = sample();
        assert!(g.restore_json(&json));
        assert_eq!(g.values(), f.values());
    }
}
