//! The directory of organisations and people, and the trash.

use super::list_pages;
use super::unreadable::is_about_selected;
use super::*;
use crate::store::TRASH_PAGE;

/// Rows of the trash read below the cursor, so that moving down finds them there.
const TRASH_AHEAD: usize = 50;

impl App {
    pub(super) fn update_directory(&mut self, action: Action) {
        let d = &self.directory;
        let tab = d.tab;
        let unreadable = d
            .selected_organisation_row()
            .filter(|row| row.row.is_none() && is_about_selected(action))
            .map(|row| row.id());
        if tab == DirectoryTab::Organisations
            && let Some(id) = unreadable
        {
            // Trashed as a readable one is: saying where it is still used.
            return match action {
                Action::Delete => {
                    self.confirm_trash_organisation(id, &text::unreadable_row_name(id))
                }
                _ => self.update_unreadable_row(EntityKind::Organisation, id, action),
            };
        }
        let org = d.selected_organisation().cloned();
        let person = d.selected_person().cloned();
        match (action, tab) {
            (Action::NextTab | Action::PrevTab, _) => {
                self.directory.tab = match tab {
                    DirectoryTab::Organisations => DirectoryTab::People,
                    DirectoryTab::People => DirectoryTab::Organisations,
                };
            }
            (Action::New, DirectoryTab::Organisations) => {
                self.open_form(forms::organisation_form(None))
            }
            (Action::New, DirectoryTab::People) => self.open_form(forms::person_form(None)),
            (Action::Edit, DirectoryTab::Organisations) => {
                if let Some(o) = org {
                    self.open_form(forms::organisation_form(Some(&o)));
                }
            }
            (Action::Edit, DirectoryTab::People) => {
                if let Some(p) = person {
                    self.open_form(forms::person_form(Some(&p)));
                }
            }
            (Action::Delete, DirectoryTab::Organisations) => match org {
                Some(o) => self.confirm_trash_organisation(o.id, &o.name),
                None => self.info(text::msg_nothing_selected()),
            },
            (Action::Open, DirectoryTab::Organisations) => {
                if let Some(o) = org {
                    self.show(Screen::Organisation { id: o.id });
                }
            }
            // A person: their organisation's page.
            (Action::Open, DirectoryTab::People) => {
                if let Some(id) = person.and_then(|p| p.organisation_id) {
                    self.show(Screen::Organisation { id });
                }
            }
            (Action::Merge, DirectoryTab::Organisations) => {
                if let Some(o) = org {
                    self.pick_merge_target(EntityKind::Organisation, o.id, &o.name);
                }
            }
            (Action::Merge, DirectoryTab::People) => {
                if let Some(p) = person {
                    self.pick_merge_target(EntityKind::Person, p.id, &p.name);
                }
            }
            (Action::Delete, DirectoryTab::People) => match person {
                Some(p) => self.confirm(
                    text::confirm_trash(&p.name),
                    Pending::Trash(EntityKind::Person, p.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            _ => {}
        }
    }

    pub(super) fn update_trash(&mut self, action: Action) {
        let Some(item) = self.trash.items.get(self.trash.cursor.selected).cloned() else {
            return;
        };
        match action {
            Action::Restore => {
                let result = self.store.restore(item.kind, item.id);
                self.after_write(
                    result,
                    format!("{}: {}", text::msg_item_restored(), item.label),
                );
            }
            Action::Purge => self.confirm(
                format!("{} {}", item.label, text::confirm_purge()),
                Pending::Purge(item.kind, item.id),
            ),
            _ => {}
        }
    }

    /// Both tabs' counts again and their windows from where they were
    /// (`app::window`): only the rows around each cursor are read.
    pub(super) fn refresh_directory(&mut self) {
        let org_total = self.unfiltered_total(super::FilterList::Organisations);
        let person_total = self.unfiltered_total(super::FilterList::People);
        let d = &mut self.directory;
        let orgs = self.store.directory_organisations(&d.org_filter);
        let loaded = list_pages::reload(&mut d.organisations, &mut d.org_cursor, &orgs);
        if self.report(loaded).is_some() {
            self.directory.org_total = org_total;
        }
        let d = &mut self.directory;
        let people = self.store.directory_people(&d.person_filter);
        let loaded = list_pages::reload(&mut d.people, &mut d.person_cursor, &people)
            .and_then(|()| self.store.people_widths(&d.person_filter));
        if let Some(widths) = self.report(loaded) {
            self.directory.people_widths = widths;
            self.directory.person_total = person_total;
        }
    }

    /// Reads the rows the cursor of the tab on screen has moved onto.
    pub(super) fn load_directory_around_cursor(&mut self) {
        let d = &mut self.directory;
        let loaded = match d.tab {
            DirectoryTab::Organisations => {
                let list = self.store.directory_organisations(&d.org_filter);
                list_pages::follow(&mut d.organisations, &mut d.org_cursor, &list)
            }
            DirectoryTab::People => {
                let list = self.store.directory_people(&d.person_filter);
                list_pages::follow(&mut d.people, &mut d.person_cursor, &list)
            }
        };
        self.report(loaded);
    }

    /// Puts the cursor of the tab listing `item` (a person or an organisation) on it
    /// if the tab's filter shows it; false if not.
    pub(super) fn select_in_directory(&mut self, item: crate::domain::EntityRef) -> bool {
        let d = &mut self.directory;
        let found = if item.kind == EntityKind::Person {
            let list = self.store.directory_people(&d.person_filter);
            list_pages::select(&mut d.people, &mut d.person_cursor, &list, item.id)
        } else {
            let list = self.store.directory_organisations(&d.org_filter);
            list_pages::select(&mut d.organisations, &mut d.org_cursor, &list, item.id)
        };
        self.report(found).unwrap_or(false)
    }

    /// The count again and the trash from the top, as far as the cursor (so that a
    /// restore or purge leaves it where it was).
    pub(super) fn refresh_trash(&mut self) {
        let total = self.unfiltered_total(super::FilterList::Trash);
        let (filter, at) = (self.trash.filter.clone(), self.trash.cursor.selected);
        let loaded = self.store.count_trash(&filter).and_then(|count| {
            let rows = (at + TRASH_AHEAD).max(TRASH_PAGE);
            Ok((count, self.store.trash_page(&filter, None, rows)?))
        });
        if let Some((count, items)) = self.report(loaded) {
            self.trash.count = count;
            self.trash.items = items;
            self.trash.total = total;
        }
        let len = self.trash.count;
        self.trash.cursor.clamp(len);
        self.load_trash_to_cursor();
    }

    /// Reads pages after the last row read until the cursor has `TRASH_AHEAD` rows
    /// below it (or the trash ends): a visit reads one page, `End` reads to the end.
    pub(super) fn load_trash_to_cursor(&mut self) {
        let wanted = (self.trash.cursor.selected + TRASH_AHEAD).min(self.trash.count);
        let (filter, have) = (self.trash.filter.clone(), self.trash.items.len());
        let mut read = Vec::new();
        let mut after = self.trash.items.last().cloned();
        while have + read.len() < wanted {
            let page = self.store.trash_page(&filter, after.as_ref(), TRASH_PAGE);
            let Some(page) = self.report(page) else {
                return;
            };
            let done = page.len() < TRASH_PAGE;
            after = page.last().cloned().or(after);
            read.extend(page);
            if done {
                break;
            }
        }
        self.trash.items.extend(read);
    }
}
