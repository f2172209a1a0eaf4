//! The directory of organisations and people, and the trash.

use super::*;

impl App {
    pub(super) fn update_directory(&mut self, action: Action) {
        let d = &self.directory;
        let org = d.organisations.get(d.org_cursor.selected).cloned();
        let person = d.people.get(d.person_cursor.selected).cloned();
        let tab = d.tab;
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
                Some(o) => self.confirm(
                    text::confirm_trash(&o.name),
                    Pending::Trash(EntityKind::Organisation, o.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
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
        if let Some(orgs) = self.report(self.store.list_organisations()) {
            self.directory.organisations = orgs;
        }
        if let Some(people) = self.report(self.store.list_people()) {
            self.directory.people = people;
        }
        let d = &mut self.directory;
        d.org_cursor.clamp(d.organisations.len());
        d.person_cursor.clamp(d.people.len());
    }

    pub(super) fn refresh_trash(&mut self) {
        if let Some(items) = self.report(self.store.list_trash()) {
            self.trash.items = items;
        }
        let len = self.trash.items.len();
        self.trash.cursor.clamp(len);
    }
}
