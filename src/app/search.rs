//! Search across everything (`/` from any screen): a line to type in, the hits grouped
//! by kind, and `Enter` opens the chosen one where it lives (`go_to`). Every keypress
//! asks the store again, so what another window saved is found at once.

use crossterm::event::KeyEvent;

use super::text_input::TextInput;
use super::{Action, App, Cursor, Overlay, PAGE};
use crate::domain::EntityKind;
use crate::domain::search::{SearchHit, SearchResults, SearchTerms};

/// Hits shown per kind when all kinds are shown.
pub const HITS_PER_KIND: usize = 5;
/// Hits shown when one kind is chosen (`Tab`).
pub const HITS_OF_ONE_KIND: usize = 50;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub input: TextInput,
    pub results: SearchResults,
    /// The selected hit, counted over the hits shown.
    pub cursor: Cursor,
    /// Only this kind's hits, more of them (`Tab` / `Shift-Tab`); `None`: every kind.
    pub kind: Option<EntityKind>,
    /// The kinds that had hits for the typed text, for `Tab` to step through.
    pub kinds: Vec<EntityKind>,
}

impl SearchState {
    pub fn selected(&self) -> Option<&SearchHit> {
        self.results.hits().nth(self.cursor.selected)
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        self.overlay = Some(Overlay::Search(SearchState::default()));
    }

    pub(super) fn search_state_mut(&mut self) -> Option<&mut SearchState> {
        match &mut self.overlay {
            Some(Overlay::Search(s)) => Some(s),
            _ => None,
        }
    }

    pub(super) fn edit_search(&mut self, ev: &KeyEvent) {
        if let Some(s) = self.search_state_mut()
            && s.input.handle(ev)
        {
            s.kind = None;
            self.run_search();
        }
    }

    pub(super) fn paste_into_search(&mut self, text: &str) {
        if let Some(s) = self.search_state_mut() {
            s.input.paste(text);
            s.kind = None;
            self.run_search();
        }
    }

    pub(super) fn update_search(&mut self, action: Action) {
        match action {
            Action::Open => {
                let item = match &self.overlay {
                    Some(Overlay::Search(s)) => s.selected().map(|h| h.item),
                    _ => None,
                };
                if let Some(item) = item {
                    self.overlay = None;
                    self.go_to(item);
                }
            }
            Action::Back => self.overlay = None,
            Action::NextKind => self.step_kind(1),
            Action::PrevKind => self.step_kind(-1),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -PAGE,
                    _ => PAGE,
                };
                if let Some(s) = self.search_state_mut() {
                    let len = s.results.shown();
                    s.cursor.step(delta, len);
                }
            }
            _ => {}
        }
    }

    /// Shows one kind after another (then all again): `Tab` and `Shift-Tab`.
    fn step_kind(&mut self, delta: isize) {
        let Some(s) = self.search_state_mut() else {
            return;
        };
        if s.kinds.is_empty() {
            return;
        }
        // Positions 0..n are the kinds, n is "all".
        let n = s.kinds.len() as isize;
        let now = s
            .kind
            .and_then(|k| s.kinds.iter().position(|x| *x == k))
            .map_or(n, |i| i as isize);
        let next = (now + delta).rem_euclid(n + 1);
        s.kind = s.kinds.get(next as usize).copied();
        self.run_search();
    }

    /// Asks the store for the typed text's hits; the first is selected.
    fn run_search(&mut self) {
        let Some(Overlay::Search(s)) = &self.overlay else {
            return;
        };
        let typed = s.input.value().to_string();
        let kind = s.kind;
        let result = match (SearchTerms::parse(&typed), kind) {
            (None, _) => Ok(SearchResults::default()),
            (Some(terms), Some(kind)) => self.store.search_kinds(&terms, &[kind], HITS_OF_ONE_KIND),
            (Some(_), None) => self.store.search(&typed, HITS_PER_KIND),
        };
        let Some(results) = super::report(&mut self.status, result) else {
            return;
        };
        if let Some(s) = self.search_state_mut() {
            if kind.is_none() {
                s.kinds = results.groups.iter().map(|g| g.kind).collect();
            }
            s.results = results;
            s.cursor = Cursor::default();
        }
    }
}
