//! The command palette (`:` or `Ctrl-P`): type a few letters of what you want, fuzzily,
//! and `Enter` runs the command or opens the item. Commands are every action in the
//! keymap, with its key; one that does not apply on the current screen is listed greyed,
//! with the reason. Items are projects (by code or title) and people, matched fuzzily,
//! and meetings, found through the search index (there may be tens of thousands).

use crossterm::event::KeyEvent;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use super::keymap::Context;
use super::text_input::TextInput;
use super::{Action, App, Cursor, Overlay};
use crate::domain::search::{SearchTerms, split_marked};
use crate::domain::{EntityKind, EntityRef};
use crate::text;

/// Entries shown at most (the best ones).
pub const PALETTE_ENTRIES: usize = 50;
/// Meetings asked of the search index per keypress.
const PALETTE_MEETINGS: usize = 8;

/// What an entry does when chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteTarget {
    Action(Action),
    Item(EntityRef),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteEntry {
    pub target: PaletteTarget,
    /// What is matched and shown: a command's description, an item's name.
    pub name: String,
    /// A command's key, an item's kind.
    pub key: String,
    /// Where a command applies, where an item lives.
    pub detail: String,
    /// Why a command does not apply here; `None` when it does (and for items).
    pub disabled: Option<String>,
    /// Positions (in characters) of `name` that the typed text matched, for highlight.
    pub matched: Vec<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaletteState {
    pub input: TextInput,
    /// The best entries for the typed text (all commands when nothing is typed).
    pub entries: Vec<PaletteEntry>,
    pub cursor: Cursor,
    /// Commands, projects and people, read once when the palette opens.
    candidates: Vec<PaletteEntry>,
}

impl PaletteState {
    pub fn selected(&self) -> Option<&PaletteEntry> {
        self.entries.get(self.cursor.selected)
    }
}

/// The matcher's buffers, reused from keypress to keypress, and the open palette's
/// candidates' names as the matcher reads them (converted once, when it opens).
pub struct Fuzzy {
    matcher: Matcher,
    haystacks: Vec<Utf32String>,
    /// The projects and people as entries, with the store's change stamp when read.
    items: Option<(crate::store::ChangeStamp, Vec<PaletteEntry>)>,
}

impl Default for Fuzzy {
    fn default() -> Self {
        Fuzzy {
            matcher: Matcher::new(Config::DEFAULT),
            haystacks: Vec::new(),
            items: None,
        }
    }
}

impl App {
    pub(super) fn open_palette(&mut self) {
        let context = self.screen_context();
        let mut candidates = self.palette_commands(context);
        candidates.extend(self.palette_items());
        self.fuzzy.haystacks = candidates
            .iter()
            .map(|c| Utf32String::from(c.name.as_str()))
            .collect();
        self.overlay = Some(Overlay::Palette(PaletteState {
            candidates,
            ..PaletteState::default()
        }));
        self.run_palette();
    }

    /// Every live project and person as entries: read (their names only) when the
    /// palette first opens and again only after the store changed, here or in another
    /// window, so that opening it again reads no table.
    fn palette_items(&mut self) -> Vec<PaletteEntry> {
        let Some(stamp) = self.report(self.store.change_stamp()) else {
            return Vec::new();
        };
        if let Some((at, items)) = &self.fuzzy.items
            && *at == stamp
        {
            return items.clone();
        }
        let entry = |kind: EntityKind| {
            move |item: crate::store::NamedItem| PaletteEntry {
                target: PaletteTarget::Item(EntityRef::new(kind, item.id)),
                name: item.name,
                key: kind.label().to_string(),
                detail: item.detail,
                disabled: None,
                matched: Vec::new(),
            }
        };
        let read = self.store.project_names().and_then(|projects| {
            let people = self.store.person_names()?;
            Ok((projects, people))
        });
        let Some((projects, people)) = self.report(read) else {
            return Vec::new();
        };
        let items: Vec<PaletteEntry> = projects
            .into_iter()
            .map(entry(EntityKind::Project))
            .chain(people.into_iter().map(entry(EntityKind::Person)))
            .collect();
        self.fuzzy.items = Some((stamp, items.clone()));
        items
    }

    /// The keymap's commands as entries, greyed with the reason where they do not apply.
    fn palette_commands(&self, context: Context) -> Vec<PaletteEntry> {
        let read_only = self.store.is_read_only();
        self.keymap
            .commands(context)
            .into_iter()
            .map(|c| {
                let places = c
                    .contexts
                    .iter()
                    .map(|ctx| ctx.title())
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(", ");
                let more = if c.contexts.len() > 3 { ", …" } else { "" };
                let disabled = if !c.applies {
                    Some(format!("{} {places}{more}", text::palette_only_on()))
                } else if read_only && c.action.writes() {
                    Some(text::palette_read_only().to_string())
                } else {
                    None
                };
                let detail = if c.local {
                    context.title().to_string()
                } else {
                    String::new()
                };
                PaletteEntry {
                    target: PaletteTarget::Action(c.action),
                    name: c.action.describe().to_string(),
                    key: c.key,
                    detail,
                    disabled,
                    matched: Vec::new(),
                }
            })
            .collect()
    }

    fn palette_mut(&mut self) -> Option<&mut PaletteState> {
        match &mut self.overlay {
            Some(Overlay::Palette(p)) => Some(p),
            _ => None,
        }
    }

    pub(super) fn edit_palette(&mut self, ev: &KeyEvent) {
        if let Some(p) = self.palette_mut()
            && p.input.handle(ev)
        {
            self.run_palette();
        }
    }

    pub(super) fn paste_into_palette(&mut self, text: &str) {
        if let Some(p) = self.palette_mut() {
            p.input.paste(text);
            self.run_palette();
        }
    }

    pub(super) fn update_palette(&mut self, action: Action) {
        match action {
            Action::Back => self.overlay = None,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -super::PAGE,
                    _ => super::PAGE,
                };
                if let Some(p) = self.palette_mut() {
                    let len = p.entries.len();
                    p.cursor.step(delta, len);
                }
            }
            Action::Open => {
                let Some(Overlay::Palette(p)) = &self.overlay else {
                    return;
                };
                let Some(entry) = p.selected().cloned() else {
                    return;
                };
                if let Some(reason) = entry.disabled {
                    // Stays open: the user may pick another.
                    return self.error(reason);
                }
                self.overlay = None;
                match entry.target {
                    PaletteTarget::Item(item) => self.go_to(item),
                    PaletteTarget::Action(action) => self.update(action),
                }
            }
            _ => {}
        }
    }

    /// Scores every candidate (and the meetings the index finds) against the typed
    /// text; the best `PALETTE_ENTRIES` are shown, commands that apply before those that
    /// do not when they score the same.
    fn run_palette(&mut self) {
        let Some(Overlay::Palette(p)) = &self.overlay else {
            return;
        };
        let typed = p.input.value().trim().to_string();
        if typed.is_empty() {
            let entries: Vec<PaletteEntry> = p
                .candidates
                .iter()
                .filter(|e| matches!(e.target, PaletteTarget::Action(_)))
                .cloned()
                .collect();
            if let Some(p) = self.palette_mut() {
                p.entries = entries;
                p.cursor = Cursor::default();
            }
            return;
        }
        let meetings = self.palette_meetings(&typed);
        let Some(Overlay::Palette(p)) = &self.overlay else {
            return;
        };
        let pattern = Pattern::new(
            &typed,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let Fuzzy {
            matcher, haystacks, ..
        } = &mut self.fuzzy;
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize, &PaletteEntry)> = Vec::new();
        for (i, entry) in p.candidates.iter().chain(meetings.iter()).enumerate() {
            let haystack = match haystacks.get(i) {
                Some(h) => h.slice(..),
                None => Utf32Str::new(&entry.name, &mut buf),
            };
            let score = pattern.score(haystack, matcher);
            // A meeting the index found matches by its words even when the fuzzy
            // pattern does not.
            let score = match (score, entry.target) {
                (Some(s), _) => s,
                (None, PaletteTarget::Item(r)) if r.kind == EntityKind::Meeting => 0,
                (None, _) => continue,
            };
            scored.push((score, i, entry));
        }
        scored.sort_by_key(|(score, i, e)| (std::cmp::Reverse(*score), e.disabled.is_some(), *i));
        let mut entries: Vec<PaletteEntry> = Vec::with_capacity(PALETTE_ENTRIES);
        let mut indices = Vec::new();
        for (_, _, entry) in scored.into_iter().take(PALETTE_ENTRIES) {
            let mut entry = entry.clone();
            indices.clear();
            pattern.indices(Utf32Str::new(&entry.name, &mut buf), matcher, &mut indices);
            indices.sort_unstable();
            indices.dedup();
            entry.matched = indices.clone();
            entries.push(entry);
        }
        if let Some(p) = self.palette_mut() {
            p.entries = entries;
            p.cursor = Cursor::default();
        }
    }

    /// The meetings whose words start with what was typed, best first.
    fn palette_meetings(&mut self, typed: &str) -> Vec<PaletteEntry> {
        let Some(terms) = SearchTerms::parse(typed) else {
            return Vec::new();
        };
        let found = self
            .store
            .best_hits(&terms, EntityKind::Meeting, PALETTE_MEETINGS);
        let Some(hits) = self.report(found) else {
            return Vec::new();
        };
        hits.iter()
            .map(|h| PaletteEntry {
                target: PaletteTarget::Item(h.item),
                name: split_marked(&h.title).into_iter().map(|(_, s)| s).collect(),
                key: EntityKind::Meeting.label().to_string(),
                detail: h.context.clone(),
                disabled: None,
                matched: Vec::new(),
            })
            .collect()
    }
}
