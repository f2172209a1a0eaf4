//! A project's Information tab: the information log (what each supplier was given, and
//! whether all have it) and the declared interests and prior involvement.

use super::*;

impl App {
    pub(super) fn refresh_information_tab(&mut self) {
        let Some(state) = &self.project else { return };
        let id = state.project.id;
        let loaded = self
            .store
            .information_items_listed(Some(id), false)
            .and_then(|items| {
                Ok((
                    items,
                    self.store.interests_listed(Some(id))?,
                    self.store.project_supplier_organisations(id)?,
                ))
            });
        if let Some((items, interests, suppliers)) = self.report(loaded)
            && let Some(s) = &mut self.project
        {
            let view = &mut s.information;
            view.unreadable_items = items.unreadable_ids();
            view.unreadable_interests = interests.unreadable_ids();
            view.items = items.rows;
            view.interests = interests.rows;
            view.suppliers = suppliers;
            let len = view.len();
            view.cursor.clamp(len);
        }
    }

    pub(super) fn update_project_information(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let view = &state.information;
        let selected = view.selected();
        if let Some(InformationRow::Unreadable(r)) = selected
            && super::unreadable::is_about_selected(action)
        {
            return self.update_unreadable_row(r.kind, r.id, action);
        }
        let entry = match selected {
            Some(InformationRow::Entry(i)) => view.items.get(i).cloned(),
            _ => None,
        };
        let interest = match selected {
            Some(InformationRow::Interest(i)) => view.interests.get(i).cloned(),
            _ => None,
        };
        match action {
            Action::New => self.new_information(project_id, None, ""),
            Action::NewInterest => self.open_form(forms::interest_form(project_id, None)),
            Action::Edit => {
                if let Some(item) = entry {
                    let meetings = self.meeting_choices(project_id);
                    let defaults = forms::InformationDefaults {
                        meeting_id: None,
                        given_on: item.given_on,
                        title: "",
                        recipients: String::new(),
                    };
                    self.open_form(forms::information_form(
                        project_id,
                        Some(&item),
                        &meetings,
                        defaults,
                    ));
                } else if let Some(i) = interest {
                    self.open_form(forms::interest_form(project_id, Some(&i)));
                }
            }
            Action::Delete => {
                if let Some(item) = entry {
                    self.confirm(
                        text::confirm_trash(&item.title),
                        Pending::Trash(EntityKind::Information, item.id),
                    );
                } else if let Some(i) = interest {
                    self.confirm(
                        text::confirm_trash(&i.description),
                        Pending::Trash(EntityKind::Interest, i.id),
                    );
                }
            }
            _ => {}
        }
    }

    /// After adding participant `attendance_id` to a meeting: warns when their
    /// organisation took part in preparing the procurement and the meeting is a supplier
    /// contact (Art. 41 of directive 2014/24/EU).
    pub(super) fn warn_prior_involvement(&mut self, meeting_id: i64, attendance_id: i64) {
        let found = self.store.attendance(meeting_id).and_then(|list| {
            let Some(a) = list.into_iter().find(|a| a.id == attendance_id) else {
                return Ok(None);
            };
            let Some(org) = self.store.person(a.person_id)?.organisation_id else {
                return Ok(None);
            };
            self.store.prior_involvement_of(meeting_id, org)
        });
        if let Some(Some(interest)) = self.report(found) {
            self.error(text::warn_prior_involvement(
                interest.organisation_name.as_deref().unwrap_or_default(),
                !interest.measures.trim().is_empty(),
            ));
        }
    }

    /// Opens the form for a new log entry: given in `meeting_id` (its day, its
    /// suppliers as recipients) or today, with `title` typed in.
    pub(super) fn new_information(
        &mut self,
        project_id: i64,
        meeting_id: Option<i64>,
        title: &str,
    ) {
        let clock = self.clock();
        let (given_on, recipients) = match meeting_id {
            Some(id) => {
                let day = self
                    .report(self.store.meeting(id))
                    .map_or(clock.today(), |m| clock.local(m.start).date());
                let names: Vec<String> = self
                    .report(self.store.meeting_supplier_organisations(id))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| r.name)
                    .collect();
                (day, names.join(", "))
            }
            None => (clock.today(), String::new()),
        };
        let meetings = self.meeting_choices(project_id);
        let defaults = forms::InformationDefaults {
            meeting_id,
            given_on,
            title,
            recipients,
        };
        self.open_form(forms::information_form(
            project_id, None, &meetings, defaults,
        ));
    }
}
