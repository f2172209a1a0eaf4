//! The directory of organisations and people, and the trash.

use super::unreadable::unreadable_target;
use super::*;

impl App {
    pub(super) fn update_directory(&mut self, action: Action) {
        let d = &self.directory;
        let tab = d.tab;
        let at = d.org_cursor.selected;
        if tab == DirectoryTab::Organisations
            && let Some(id) =
                unreadable_target(&d.organisations, &d.unreadable_organisations, at, action)
        {
            // Trashed as a readable one is: saying where it is still used.
            return match action {
                Action::Delete => {
                    self.confirm_trash_organisation(id, &text::unreadable_row_name(id))
                }
                _ => self.update_unreadable_row(EntityKind::Organisation, id, action),
            };
        }
        let org = d.organisations.get(at).cloned();
        let person = d.people.get(d.person_cursor.selected).cloned();
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

    pub(super) fn refresh_directory(&mut self) {
        let org_total = self.unfiltered_total(super::FilterList::Organisations);
        let person_total = self.unfiltered_total(super::FilterList::People);
        let d = &self.directory;
        let orgs = self.store.list_organisations_filtered_listed(&d.org_filter);
        if let Some(listed) = self.report(orgs) {
            self.directory.unreadable_organisations = listed.unreadable_ids();
            self.directory.organisations = listed.rows;
            self.directory.org_total = org_total;
        }
        let d = &self.directory;
        if let Some(people) = self.report(self.store.list_people_filtered(&d.person_filter)) {
            self.directory.people = people;
            self.directory.person_total = person_total;
        }
        let d = &mut self.directory;
        d.org_cursor
            .clamp(d.organisations.len() + d.unreadable_organisations.len());
        d.person_cursor.clamp(d.people.len());
    }

    pub(super) fn refresh_trash(&mut self) {
        let total = self.unfiltered_total(super::FilterList::Trash);
        if let Some(items) = self.report(self.store.list_trash_filtered(&self.trash.filter)) {
            self.trash.items = items;
            self.trash.total = total;
        }
        let len = self.trash.items.len();
        self.trash.cursor.clamp(len);
    }
}
