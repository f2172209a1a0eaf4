//! Collects from the store what the pure exporters need. Shared by the command line and
//! the app, so both export exactly the same thing.

use crate::domain::Meeting;
use crate::export::{self, SummaryInput};
use crate::store::{ActionFilter, Result, Store};

/// Everything a meeting's notes are made from: its project, agenda, participants,
/// notes (all of them: the renderer applies the audience rules), decisions, actions
/// (done ones too), questions, the needs with evidence from the meeting, the
/// suggestions made at it, and the project's next meeting.
pub fn summary_input(store: &Store, meeting: Meeting) -> Result<SummaryInput> {
    let project = store.project(meeting.project_id)?;
    let id = meeting.id;
    let mut needs = Vec::new();
    for need in store.all_needs(Some(project.id))? {
        if store
            .evidence(need.id)?
            .iter()
            .any(|e| e.meeting_id == Some(id))
        {
            needs.push(need);
        }
    }
    let suggestions = store
        .suggestions(Some(project.id), None, None)?
        .into_iter()
        .filter(|s| s.meeting_id == Some(id))
        .collect();
    let next_meeting =
        export::summary::next_meeting(&store.project_meetings(project.id)?, &meeting);
    Ok(SummaryInput {
        agenda: store.agenda(id)?,
        attendance: store.attendance(id)?,
        notes: store.notes(id)?,
        decisions: store.decisions(None, Some(id))?,
        actions: store.actions(&ActionFilter {
            meeting_id: Some(id),
            include_closed: true,
            ..ActionFilter::default()
        })?,
        questions: store.questions(id)?,
        needs,
        suggestions,
        next_meeting,
        clock: store.clock(),
        project,
        meeting,
    })
}
