//! A directory you can trust: a name that matches one already there is asked about
//! before it is saved, two organisations or people can be merged, an organisation in
//! use says where before it goes to the trash, and an organisation has a page.

use super::*;

impl App {
    /// Before saving a new or renamed organisation or person whose name matches
    /// another (case, diacritics and spacing aside): asks, and says true if it did.
    pub(super) fn asks_about_duplicate(&mut self) -> bool {
        let Some(form) = &self.form else { return false };
        let name = form.value("name");
        let same = match form.kind {
            FormKind::Organisation { id } => self
                .store
                .organisations_named(&name, id)
                .map(|v| v.into_iter().map(|o| o.name).collect::<Vec<_>>()),
            FormKind::Person { id } => self
                .store
                .people_named(&name, id)
                .map(|v| v.into_iter().map(|p| p.name).collect::<Vec<_>>()),
            _ => return false,
        };
        match self.report(same) {
            Some(names) if !names.is_empty() => {
                self.confirm(text::confirm_duplicate(&names[0]), Pending::SaveDuplicate);
                true
            }
            _ => false,
        }
    }

    /// The organisations or people `from` can be merged into: those with the same name
    /// (folded) first, then the rest.
    pub(super) fn pick_merge_target(&mut self, kind: EntityKind, from: i64, name: &str) {
        let key = crate::domain::name_key(name);
        let listed: Option<Vec<(i64, String, String)>> = match kind {
            EntityKind::Organisation => self.report(self.store.list_organisations()).map(|v| {
                v.into_iter()
                    .map(|o| (o.id, o.name, o.kind.label().to_string()))
                    .collect()
            }),
            _ => self.report(self.store.list_people()).map(|v| {
                v.into_iter()
                    .map(|p| (p.id, p.name, p.organisation_name.unwrap_or_default()))
                    .collect()
            }),
        };
        let Some(mut others) = listed else { return };
        others.retain(|(id, _, _)| *id != from);
        if others.is_empty() {
            return self.info(text::msg_nothing_to_merge_directory());
        }
        others.sort_by_key(|(_, n, _)| crate::domain::name_key(n) != key);
        self.overlay = Some(Overlay::Pick(Pick {
            title: text::pick_merge_directory(name),
            options: others
                .iter()
                .map(|(_, n, detail)| (n.clone(), detail.clone()))
                .collect(),
            cursor: Cursor::default(),
            purpose: PickPurpose::MergeDirectory {
                kind,
                from,
                from_name: name.to_string(),
                targets: others.into_iter().map(|(id, n, _)| (id, n)).collect(),
            },
        }));
    }

    pub(super) fn merge_directory(&mut self, kind: EntityKind, from: i64, into: i64) {
        let result = match kind {
            EntityKind::Organisation => self.store.merge_organisations(from, into),
            _ => self.store.merge_people(from, into),
        };
        if let Some(merged) = self.report(result) {
            self.info(text::msg_merged_directory(merged.moved));
            self.refresh();
        }
    }

    /// Asks before trashing an organisation (named `name`), saying where it is used.
    pub(super) fn confirm_trash_organisation(&mut self, id: i64, name: &str) {
        let Some(usage) = self.report(self.store.organisation_usage(id)) else {
            return;
        };
        let used: Vec<String> = usage
            .iter()
            .map(|u| text::usage_of(&u.table, u.rows))
            .collect();
        let message = if used.is_empty() {
            text::confirm_trash(name)
        } else {
            text::confirm_trash_used(name, &used.join(", "))
        };
        self.confirm(message, Pending::Trash(EntityKind::Organisation, id));
    }

    pub(super) fn refresh_org_page(&mut self, id: i64) {
        let Some(page) = self.report(self.store.organisation_page(id)) else {
            self.org_page = None;
            return self.leave_screen();
        };
        let scroll = match &self.org_page {
            Some(p) if p.page.organisation.id == id => p.scroll,
            _ => Cursor::default(),
        };
        self.org_page = Some(OrgPageState { page, scroll });
    }
}
