//! The filter bar on every list: free text typed after `f`, facets picked from a menu
//! (`Tab` in the bar), and `F` clearing them all. Each list keeps its own typed filter
//! (what its store query takes); everything here works through `ListFilter`, so a list
//! joins by naming its filter, its scope and its refresh below.

use super::*;
use crate::domain::{FacetId, ListFilter, facet_value_label};
use crate::store::FacetScope;

/// The lists that have a filter bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterList {
    Portfolio,
    Needs,
    Suggestions,
    ProjectLessons,
    Library,
    Actions,
    Trash,
    Meetings,
    Agenda,
    Organisations,
    People,
}

/// One list's filter bar, borrowed from wherever that list keeps it.
struct Bar<'a> {
    filter: &'a mut dyn ListFilter,
    input: &'a mut Option<text_input::TextInput>,
    cursor: &'a mut Cursor,
}

/// What the filter line above a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterLine {
    pub text: String,
    /// (facet name, value as shown) of each facet set.
    pub facets: Vec<(&'static str, String)>,
}

impl FilterLine {
    fn of(filter: &dyn ListFilter, names: &dyn Fn(FacetId, &str) -> String) -> Self {
        FilterLine {
            text: filter.text().to_string(),
            facets: filter
                .active_facets()
                .into_iter()
                .map(|(id, value)| (id.label(), names(id, &value)))
                .collect(),
        }
    }
}

impl App {
    /// The list on screen, if it has a filter bar.
    pub fn filter_list(&self) -> Option<FilterList> {
        match self.screen() {
            Screen::Portfolio if self.portfolio.has_any => Some(FilterList::Portfolio),
            Screen::Project { .. } => match self.project.as_ref()?.tab {
                ProjectTab::Meetings => Some(FilterList::Meetings),
                ProjectTab::Needs => Some(FilterList::Needs),
                ProjectTab::Suggestions => Some(FilterList::Suggestions),
                ProjectTab::Lessons => Some(FilterList::ProjectLessons),
                _ => None,
            },
            Screen::Lessons => Some(FilterList::Library),
            Screen::Actions => Some(FilterList::Actions),
            Screen::Trash => Some(FilterList::Trash),
            Screen::Agenda => Some(FilterList::Agenda),
            Screen::Directory => Some(match self.directory.tab {
                DirectoryTab::Organisations => FilterList::Organisations,
                DirectoryTab::People => FilterList::People,
            }),
            _ => None,
        }
    }

    /// A list's filter, to read.
    pub fn list_filter(&self, list: FilterList) -> Option<&dyn ListFilter> {
        Some(match list {
            FilterList::Portfolio => &self.portfolio.filter,
            FilterList::Needs => &self.project.as_ref()?.needs.filter,
            FilterList::Suggestions => &self.project.as_ref()?.suggestions.filter,
            FilterList::ProjectLessons => &self.project.as_ref()?.lessons.filter,
            FilterList::Library => &self.library.filter,
            FilterList::Actions => &self.actions.filter,
            FilterList::Trash => &self.trash.filter,
            FilterList::Meetings => &self.project.as_ref()?.meetings.filter,
            FilterList::Agenda => &self.agenda.filter,
            FilterList::Organisations => &self.directory.org_filter,
            FilterList::People => &self.directory.person_filter,
        })
    }

    fn bar(&mut self, list: FilterList) -> Option<Bar<'_>> {
        macro_rules! bar {
            ($view:expr) => {{
                let v = $view;
                Bar {
                    filter: &mut v.filter,
                    input: &mut v.filter_input,
                    cursor: &mut v.cursor,
                }
            }};
        }
        Some(match list {
            FilterList::Portfolio => bar!(&mut self.portfolio),
            FilterList::Needs => bar!(&mut self.project.as_mut()?.needs),
            FilterList::Suggestions => bar!(&mut self.project.as_mut()?.suggestions),
            FilterList::ProjectLessons => bar!(&mut self.project.as_mut()?.lessons),
            FilterList::Library => bar!(&mut self.library),
            FilterList::Actions => bar!(&mut self.actions),
            FilterList::Trash => bar!(&mut self.trash),
            FilterList::Agenda => bar!(&mut self.agenda),
            FilterList::Organisations => {
                let d = &mut self.directory;
                Bar {
                    filter: &mut d.org_filter,
                    input: &mut d.org_filter_input,
                    cursor: &mut d.org_cursor,
                }
            }
            FilterList::People => {
                let d = &mut self.directory;
                Bar {
                    filter: &mut d.person_filter,
                    input: &mut d.person_filter_input,
                    cursor: &mut d.person_cursor,
                }
            }
            FilterList::Meetings => {
                // The meetings' cursor lives beside the list (it is kept across reloads).
                let p = self.project.as_mut()?;
                Bar {
                    filter: &mut p.meetings.filter,
                    input: &mut p.meetings.filter_input,
                    cursor: &mut p.meeting_cursor,
                }
            }
        })
    }

    /// The list's rows before any filter bar filter, counted in the store.
    fn facet_scope(&self, list: FilterList) -> Option<FacetScope> {
        let project = || self.project.as_ref().map(|p| p.project.id);
        Some(match list {
            FilterList::Portfolio => FacetScope::Portfolio,
            FilterList::Needs => FacetScope::Needs(project()?),
            FilterList::Suggestions => FacetScope::Suggestions(project()?),
            FilterList::ProjectLessons => FacetScope::Lessons(Some(project()?)),
            FilterList::Library => FacetScope::Lessons(None),
            FilterList::Actions => FacetScope::Actions {
                include_closed: self.actions.filter.include_closed,
            },
            FilterList::Trash => FacetScope::Trash,
            FilterList::Meetings => FacetScope::Meetings(project()?),
            FilterList::Agenda => {
                let (from, to) = self.agenda_range()?;
                FacetScope::Agenda { from, to }
            }
            FilterList::Organisations => FacetScope::Organisations,
            FilterList::People => FacetScope::People,
        })
    }

    /// How many rows the list has unfiltered, when a filter is on (the title's
    /// "12 of 340"); `None` when nothing narrows it, so nothing is counted.
    pub(super) fn unfiltered_total(&self, list: FilterList) -> Option<usize> {
        if !self.list_filter(list)?.is_active() {
            return None;
        }
        let scope = self.facet_scope(list)?;
        self.store.list_total(scope).ok()
    }

    fn refresh_list(&mut self, list: FilterList) {
        match list {
            FilterList::Portfolio => self.refresh_portfolio(),
            FilterList::Needs => self.refresh_needs(),
            FilterList::Suggestions => self.refresh_suggestions_tab(),
            FilterList::ProjectLessons => self.refresh_project_lessons(),
            FilterList::Library => self.refresh_lessons_library(),
            FilterList::Actions => self.refresh_actions(),
            FilterList::Trash => self.refresh_trash(),
            FilterList::Meetings => self.refresh_project_tab(),
            FilterList::Agenda => self.refresh_agenda(),
            FilterList::Organisations | FilterList::People => self.refresh_directory(),
        }
    }

    /// How a facet's value shows: an enum's label, a project's code for its id.
    fn facet_value_name(&self, id: FacetId, value: &str) -> String {
        if let Some(name) = self.facet_names.get(&(id, value.to_string())) {
            return name.clone();
        }
        if id == FacetId::Project
            && let Some((_, code)) = self
                .actions
                .projects
                .iter()
                .find(|(pid, _)| pid.to_string() == value)
        {
            return code.clone();
        }
        facet_value_label(id, value)
    }

    /// What the filter line above the list on screen shows, when a filter is on or
    /// being typed.
    pub fn filter_line(&self) -> Option<FilterLine> {
        let list = self.filter_list()?;
        let filter = self.list_filter(list)?;
        if !filter.is_active() && self.filter_input().is_none() {
            return None;
        }
        Some(FilterLine::of(filter, &|id, v| {
            self.facet_value_name(id, v)
        }))
    }

    /// The text being typed in the filter bar and the part of it before the cursor.
    pub fn filter_input_value(&self) -> Option<(&str, &str)> {
        self.filter_input().map(|i| (i.value(), i.before_cursor()))
    }

    /// The text filter being typed on the current list, if any.
    pub(super) fn filter_input(&self) -> Option<&text_input::TextInput> {
        match self.filter_list()? {
            FilterList::Portfolio => self.portfolio.filter_input.as_ref(),
            FilterList::Needs => self.project.as_ref()?.needs.filter_input.as_ref(),
            FilterList::Suggestions => self.project.as_ref()?.suggestions.filter_input.as_ref(),
            FilterList::ProjectLessons => self.project.as_ref()?.lessons.filter_input.as_ref(),
            FilterList::Library => self.library.filter_input.as_ref(),
            FilterList::Actions => self.actions.filter_input.as_ref(),
            FilterList::Trash => self.trash.filter_input.as_ref(),
            FilterList::Meetings => self.project.as_ref()?.meetings.filter_input.as_ref(),
            FilterList::Agenda => self.agenda.filter_input.as_ref(),
            FilterList::Organisations => self.directory.org_filter_input.as_ref(),
            FilterList::People => self.directory.person_filter_input.as_ref(),
        }
    }

    pub(super) fn filter_input_mut(&mut self) -> Option<&mut text_input::TextInput> {
        let list = self.filter_list()?;
        self.bar(list)?.input.as_mut()
    }

    /// `f` opens the bar with the kept text; `F` clears text and facets.
    pub(super) fn update_list_filter(&mut self, list: FilterList, action: Action) {
        match action {
            Action::Filter => {
                if let Some(bar) = self.bar(list) {
                    *bar.input = Some(text_input::TextInput::new(bar.filter.text()));
                }
            }
            Action::ClearFilters => {
                let Some(bar) = self.bar(list) else { return };
                let was_active = bar.filter.is_active();
                bar.filter.clear();
                *bar.input = None;
                *bar.cursor = Cursor::default();
                self.refresh_list(list);
                if was_active {
                    self.info(text::filters_cleared());
                }
            }
            _ => {}
        }
    }

    pub(super) fn edit_filter(&mut self, ev: &KeyEvent) {
        if let Some(input) = self.filter_input_mut()
            && input.handle(ev)
        {
            self.apply_filter_text();
        }
    }

    pub(super) fn update_filter(&mut self, action: Action) {
        match action {
            Action::FilterKeep => self.close_filter(false),
            Action::FilterClear => self.close_filter(true),
            Action::FacetMenu => self.open_facet_menu(),
            Action::ClearFilters => {
                if let Some(list) = self.filter_list() {
                    self.update_list_filter(list, action);
                }
            }
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    context: Context::FilterInput,
                    scroll: 0,
                })
            }
            _ => {}
        }
    }

    /// Closes the filter line, keeping its text or clearing it (facets stay).
    pub(super) fn close_filter(&mut self, clear: bool) {
        let Some(list) = self.filter_list() else {
            return;
        };
        let Some(bar) = self.bar(list) else { return };
        *bar.input = None;
        if clear && !bar.filter.text().is_empty() {
            bar.filter.set_text("");
            self.refresh_list(list);
        }
    }

    /// Applies the typed filter text; each keypress re-queries what is shown.
    pub(super) fn apply_filter_text(&mut self) {
        let Some(list) = self.filter_list() else {
            return;
        };
        let Some(bar) = self.bar(list) else { return };
        let Some(typed) = bar.input.as_ref().map(|i| i.value().to_string()) else {
            return;
        };
        bar.filter.set_text(&typed);
        *bar.cursor = Cursor::default();
        self.refresh_list(list);
    }

    // ----- the facet menu -----------------------------------------------------------

    /// The menu of the list's facets, each with its current value.
    pub(super) fn open_facet_menu(&mut self) {
        let Some(list) = self.filter_list() else {
            return;
        };
        let Some(filter) = self.list_filter(list) else {
            return;
        };
        let options = filter
            .facets()
            .iter()
            .map(|id| {
                let value = filter.facet(*id);
                let shown = value.map_or_else(
                    || text::facet_any().to_string(),
                    |v| self.facet_value_name(*id, &v),
                );
                (id.label().to_string(), shown)
            })
            .collect();
        self.overlay = Some(Overlay::Pick(Pick {
            title: text::facet_menu().to_string(),
            options,
            cursor: Cursor::default(),
            purpose: PickPurpose::Facet { list },
        }));
    }

    /// The values of one facet with their counts, "any" first; the cursor on the one
    /// in effect.
    fn open_facet_values(&mut self, list: FilterList, facet: FacetId) {
        let Some(scope) = self.facet_scope(list) else {
            return;
        };
        let Some(counts) = self.report(self.store.facet_counts(scope, facet)) else {
            return;
        };
        let current = self.list_filter(list).and_then(|f| f.facet(facet));
        let total: i64 = counts.iter().map(|c| c.count).sum();
        let mut options = vec![(text::facet_any().to_string(), total.to_string())];
        let mut values = vec![None];
        for c in counts {
            // Ids are shown by the name the store gives them (a project's code).
            let name = if matches!(facet, FacetId::Project | FacetId::Organisation) {
                self.facet_names
                    .insert((facet, c.value.clone()), c.name.clone());
                c.name.clone()
            } else {
                facet_value_label(facet, &c.value)
            };
            options.push((name, c.count.to_string()));
            values.push(Some(c.value));
        }
        let selected = values
            .iter()
            .position(|v| *v == current)
            .unwrap_or_default();
        self.overlay = Some(Overlay::Pick(Pick {
            title: text::facet_menu_title(facet.label()),
            options,
            cursor: Cursor { selected },
            purpose: PickPurpose::FacetValue {
                list,
                facet,
                values,
            },
        }));
    }

    /// A choice in the facet menu: a facet opens its values, a value filters the list.
    pub(super) fn picked_facet(&mut self, purpose: PickPurpose, chosen: usize) {
        match purpose {
            PickPurpose::Facet { list } => {
                let facet = self
                    .list_filter(list)
                    .and_then(|f| f.facets().get(chosen).copied());
                if let Some(facet) = facet {
                    self.open_facet_values(list, facet);
                }
            }
            PickPurpose::FacetValue {
                list,
                facet,
                values,
            } => {
                let Some(value) = values.into_iter().nth(chosen) else {
                    return;
                };
                let Some(bar) = self.bar(list) else { return };
                bar.filter.set_facet(facet, value.as_deref());
                *bar.cursor = Cursor::default();
                self.refresh_list(list);
            }
            _ => {}
        }
    }
}
