//! Meetings, their timed agendas, participants and the equal-treatment checklist.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use super::clock::Clock;
use super::enums::{AttendanceRole, MeetingFormat, MeetingStatus, MeetingType, NotesStatus};
use super::validation::{FieldError, FieldErrors};
use super::when::{parse_datetime, parse_duration, parse_time};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub kind: MeetingType,
    pub title: String,
    pub purpose: String,
    pub desired_outcome: String,
    pub format: MeetingFormat,
    pub location: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: MeetingStatus,
    pub notes_status: NotesStatus,
    /// Ticked points of the equal-treatment checklist, one bit per checklist point.
    pub checklist: u32,
    pub created_at: String,
    pub updated_at: String,
}

impl Meeting {
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether two meetings share any minute. Cancelled meetings overlap nothing.
    pub fn overlaps(&self, other: &Meeting) -> bool {
        self.id != other.id
            && self.status != MeetingStatus::Cancelled
            && other.status != MeetingStatus::Cancelled
            && self.start < other.end
            && other.start < self.end
    }
}

/// A meeting of the days shown, as far as the agenda needs to place it: where it is in
/// time and whether it is cancelled (for overlaps). Its row is read whole when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaSlot {
    pub id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: MeetingStatus,
}

impl AgendaSlot {
    /// Whether the two share time, neither cancelled (as `Meeting::overlaps`).
    pub fn overlaps(&self, other: &AgendaSlot) -> bool {
        self.id != other.id
            && self.status != MeetingStatus::Cancelled
            && other.status != MeetingStatus::Cancelled
            && self.start < other.end
            && other.start < self.end
    }
}

/// Points of the equal-treatment checklist (their words are `text::checklist()`).
pub const CHECKLIST_LEN: usize = 11;

pub fn checklist_open(ticked: u32) -> usize {
    (0..CHECKLIST_LEN)
        .filter(|i| ticked & (1 << i) == 0)
        .count()
}

/// A validated meeting ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingInput {
    pub kind: MeetingType,
    pub title: String,
    pub purpose: String,
    pub desired_outcome: String,
    pub format: MeetingFormat,
    pub location: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: MeetingStatus,
    pub notes_status: NotesStatus,
}

/// The raw text of a meeting form.
#[derive(Debug, Clone)]
pub struct MeetingDraft<'a> {
    pub kind: MeetingType,
    pub title: &'a str,
    pub purpose: &'a str,
    pub desired_outcome: &'a str,
    pub format: MeetingFormat,
    pub location: &'a str,
    pub start: &'a str,
    /// An end time (`11:30`), a date and time, or a length (`90m`, `1h30`).
    pub end: &'a str,
    pub status: MeetingStatus,
    pub notes_status: NotesStatus,
}

/// What the end field said: a wall-clock time, or a length of real time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    At(NaiveDateTime),
    Length(u32),
}

/// Reads the end field: a time on the start day, a full date and time, or a length.
pub fn parse_end(input: &str, start: NaiveDateTime) -> Result<End, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    if let Some(t) = parse_time(input) {
        return Ok(End::At(start.date().and_time(t)));
    }
    if let Ok(minutes) = parse_duration(input) {
        return Ok(End::Length(minutes));
    }
    parse_datetime(input, start.date())
        .map(End::At)
        .map_err(|e| match e {
            FieldError::DateRange { .. } => e,
            _ => FieldError::End,
        })
}

impl MeetingInput {
    pub fn validate(d: &MeetingDraft<'_>, clock: &Clock) -> Result<MeetingInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = d.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        let today = clock.today();
        // An empty end is reported at once, even while the start is still wrong.
        if d.end.trim().is_empty() {
            errors.add("end", FieldError::Required);
        }
        let start_local = parse_datetime(d.start, today)
            .map_err(|e| errors.add("start", e))
            .ok();
        let start =
            start_local.and_then(|s| clock.to_utc(s).map_err(|e| errors.add("start", e)).ok());
        let end = start_local
            .filter(|_| errors.get("end").is_none())
            .and_then(|s| {
                match parse_end(d.end, s).map_err(|e| errors.add("end", e)).ok()? {
                    // A length is real time, also across a daylight-saving change.
                    End::Length(m) => start.map(|s| s + Duration::minutes(i64::from(m))),
                    End::At(local) => clock.to_utc(local).map_err(|e| errors.add("end", e)).ok(),
                }
            });
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            errors.add("end", FieldError::EndNotAfterStart);
        }
        let (Some(start), Some(end)) = (start, end) else {
            if errors.is_empty() {
                errors.add("start", FieldError::Required);
            }
            return Err(errors);
        };
        errors.into_result(MeetingInput {
            kind: d.kind,
            title,
            purpose: d.purpose.trim_end().to_string(),
            desired_outcome: d.desired_outcome.trim_end().to_string(),
            format: d.format,
            location: d.location.trim().to_string(),
            start,
            end,
            status: d.status,
            notes_status: d.notes_status,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub id: i64,
    pub uuid: String,
    pub meeting_id: i64,
    pub position: i64,
    pub title: String,
    pub minutes: u32,
    pub method: String,
    pub owner: String,
    pub expected_outcome: String,
}

/// An agenda block as a calendar event tells it: its title and its length. The
/// calendar reads only these, so that 100,000 blocks are read light.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaLine {
    pub title: String,
    pub minutes: u32,
}

impl From<&AgendaItem> for AgendaLine {
    fn from(item: &AgendaItem) -> AgendaLine {
        AgendaLine {
            title: item.title.clone(),
            minutes: item.minutes,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize)]
pub struct AgendaItemInput {
    pub title: String,
    pub minutes: u32,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub expected_outcome: String,
}

impl AgendaItemInput {
    pub fn validate(
        title: &str,
        duration: &str,
        method: &str,
        owner: &str,
        expected_outcome: &str,
    ) -> Result<AgendaItemInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        let minutes = parse_duration(duration)
            .map_err(|e| errors.add("duration", e))
            .unwrap_or(0);
        errors.into_result(AgendaItemInput {
            title,
            minutes,
            method: method.trim().to_string(),
            owner: owner.trim().to_string(),
            expected_outcome: expected_outcome.trim().to_string(),
        })
    }
}

/// Each block's start and end, following from the meeting start and the order.
/// Never stored: moving a block moves every time after it.
pub fn agenda_times<'a>(
    start: DateTime<Utc>,
    minutes: impl IntoIterator<Item = &'a u32>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut at = start;
    minutes
        .into_iter()
        .map(|m| {
            let end = at + Duration::minutes(i64::from(*m));
            let slot = (at, end);
            at = end;
            slot
        })
        .collect()
}

/// The agenda's total against the meeting's length, in minutes (positive = overrun).
pub fn agenda_overrun(meeting: &Meeting, items: &[AgendaItem]) -> i64 {
    let total: i64 = items.iter().map(|i| i64::from(i.minutes)).sum();
    total - meeting.minutes()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    pub id: i64,
    pub meeting_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub organisation_name: Option<String>,
    pub organisation_is_supplier: bool,
    pub role: AttendanceRole,
    pub invited: bool,
    pub attended: bool,
}

/// A meeting place, if it is one web address that is safe to link to (a video
/// meeting): `https://` or `http://`, with no spaces, control characters, quotes or
/// angle brackets. The one rule for every export and screen.
pub fn web_link(location: &str) -> Option<&str> {
    let l = location.trim();
    let is_web = l.starts_with("https://") || l.starts_with("http://");
    let plain = !l
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'));
    (is_web && plain).then_some(l)
}

/// The project's next meeting after `this`: the soonest later one that is not
/// cancelled. Which one a participant version may name is [`shared_may_name`]'s rule.
pub fn next_meeting(meetings: &[Meeting], this: &Meeting) -> Option<Meeting> {
    meetings
        .iter()
        .filter(|m| m.id != this.id && m.start > this.start && m.status != MeetingStatus::Cancelled)
        .min_by_key(|m| (m.start, m.id))
        .cloned()
}

/// Whether the participant (shared) version of a document of one meeting may name
/// `other`, a meeting of the same project: only one open to all suppliers (an
/// information meeting, a webinar), or one that everyone on this meeting's list
/// (`readers`) is invited to. A meeting with nobody on its list names only open ones.
/// A supplier must never learn of another supplier's one-to-one, nor of the buyer's
/// internal meetings.
pub fn shared_may_name(readers: &[Attendance], other: &Meeting, other_list: &[Attendance]) -> bool {
    if matches!(
        other.kind,
        MeetingType::InformationMeeting | MeetingType::Webinar
    ) {
        return true;
    }
    !readers.is_empty()
        && readers.iter().all(|r| {
            other_list
                .iter()
                .any(|o| o.person_id == r.person_id && o.invited)
        })
}

/// Whether a place mentions a web address (a meeting link), anywhere in its text.
pub fn mentions_link(location: &str) -> bool {
    let l = location.to_lowercase();
    l.contains("://") || l.contains("www.")
}

/// A meeting is supplier-facing by its type, or because a supplier attends.
pub fn is_supplier_facing(meeting: &Meeting, attendance: &[Attendance]) -> bool {
    meeting.kind.is_supplier_facing() || attendance.iter().any(|a| a.organisation_is_supplier)
}

/// The first day of the week containing `day`, for weeks that start on `first`
/// (Monday, as ISO and Sweden have it, or Sunday).
pub fn week_start(day: NaiveDate, first: chrono::Weekday) -> NaiveDate {
    use chrono::Datelike;
    day - Duration::days(i64::from(day.weekday().days_since(first)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Stockholm;

    fn clock() -> Clock {
        Clock::FixedIn(
            Utc.with_ymd_and_hms(2026, 3, 26, 12, 0, 0).unwrap(),
            Stockholm,
        )
    }

    fn draft<'a>(start: &'a str, end: &'a str) -> MeetingDraft<'a> {
        MeetingDraft {
            kind: MeetingType::NeedsWorkshop,
            title: "Behovsworkshop 1",
            purpose: "",
            desired_outcome: "",
            format: MeetingFormat::InPerson,
            location: "Stadshuset",
            start,
            end,
            status: MeetingStatus::Planned,
            notes_status: NotesStatus::None,
        }
    }

    #[test]
    fn end_as_time_length_or_datetime() {
        let c = clock();
        let m = MeetingInput::validate(&draft("2026-03-27 09:00", "11:30"), &c).unwrap();
        assert_eq!(m.end - m.start, Duration::minutes(150));
        let m = MeetingInput::validate(&draft("2026-03-27 09:00", "1h30"), &c).unwrap();
        assert_eq!(m.end - m.start, Duration::minutes(90));
        let m = MeetingInput::validate(&draft("2026-03-27 09:00", "2026-03-28 12:00"), &c).unwrap();
        assert_eq!(m.end - m.start, Duration::hours(27));
    }

    #[test]
    fn length_across_the_spring_change_is_real_time() {
        // Saturday 23:00 local + 4 h crosses 02:00 → 03:00: ends 04:00 local, 4 real hours.
        let c = clock();
        let m = MeetingInput::validate(&draft("2026-03-28 23:00", "4h"), &c).unwrap();
        assert_eq!(m.end - m.start, Duration::hours(4));
        assert_eq!(c.local(m.end).format("%H:%M").to_string(), "04:00");
        // A start inside the skipped hour is refused at the field.
        let e = MeetingInput::validate(&draft("2026-03-29 02:30", "1h"), &c).unwrap_err();
        assert_eq!(e.get("start"), Some(&FieldError::TimeSkipped));
    }

    #[test]
    fn invalid_meetings_report_each_field() {
        let c = clock();
        let e = MeetingInput::validate(
            &MeetingDraft {
                title: " ",
                ..draft("snart", "")
            },
            &c,
        )
        .unwrap_err();
        assert!(e.get("title").is_some());
        assert!(e.get("start").is_some());
        let e = MeetingInput::validate(&draft("2026-03-27 09:00", "08:00"), &c).unwrap_err();
        assert_eq!(e.get("end"), Some(&FieldError::EndNotAfterStart));
    }

    #[test]
    fn agenda_times_follow_the_order() {
        let start = Utc.with_ymd_and_hms(2026, 12, 3, 8, 30, 0).unwrap();
        let times = agenda_times(start, &[15, 45, 10]);
        let fmt: Vec<String> = times
            .iter()
            .map(|(s, e)| format!("{}-{}", s.format("%H:%M"), e.format("%H:%M")))
            .collect();
        assert_eq!(fmt, ["08:30-08:45", "08:45-09:30", "09:30-09:40"]);
        let moved = agenda_times(start, &[45, 15, 10]);
        assert_eq!(moved[1].0.format("%H:%M").to_string(), "09:15");
    }

    #[test]
    fn weeks_start_on_monday_or_sunday() {
        use chrono::Weekday::{Mon, Sun};
        let thu = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(
            week_start(thu, Mon),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        let mon = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(week_start(mon, Mon), mon);
        let sun = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(week_start(sun, Mon), mon);
        assert_eq!(week_start(sun, Sun), sun);
        assert_eq!(
            week_start(thu, Sun),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
    }

    #[test]
    fn checklist_counts_open_points() {
        assert_eq!(checklist_open(0), 11);
        assert_eq!(checklist_open(0b10101), 8);
        assert_eq!(checklist_open(0b111_1111_1111), 0);
    }

    #[test]
    fn only_plain_web_addresses_are_links() {
        assert_eq!(
            web_link(" https://meet.example/abc "),
            Some("https://meet.example/abc")
        );
        assert_eq!(
            web_link("http://x.example/a?b=c"),
            Some("http://x.example/a?b=c")
        );
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("https://x.example/\"onclick=\"a"), None);
        assert_eq!(web_link("https://x.example/<script>"), None);
        assert_eq!(web_link("https://x.example/a\u{7}b"), None);
        assert_eq!(web_link("Stadshuset, rum 3"), None);
        assert_eq!(web_link("https://meet.example/abc och rum 3"), None);
    }

    fn meeting_of(kind: MeetingType) -> Meeting {
        let t = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        Meeting {
            id: 2,
            uuid: String::new(),
            project_id: 1,
            project_code: "P-1".into(),
            kind,
            title: "Nästa".into(),
            purpose: String::new(),
            desired_outcome: String::new(),
            format: MeetingFormat::Digital,
            location: "https://teams.example/x".into(),
            start: t,
            end: t + Duration::hours(1),
            status: MeetingStatus::Planned,
            notes_status: NotesStatus::None,
            checklist: 0,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn on_list(person_id: i64, invited: bool) -> Attendance {
        Attendance {
            id: person_id,
            meeting_id: 0,
            person_id,
            person_name: format!("P{person_id}"),
            organisation_name: None,
            organisation_is_supplier: false,
            role: AttendanceRole::Participant,
            invited,
            attended: false,
        }
    }

    #[test]
    fn a_shared_version_names_only_open_meetings_or_ones_all_its_readers_are_invited_to() {
        // Buyer (1) and supplier A (2) read; supplier B (3) has the next one-to-one.
        let readers = [on_list(1, true), on_list(2, true)];
        let other_supplier = [on_list(1, true), on_list(3, true)];
        let one_to_one = meeting_of(MeetingType::OneToOneDialogue);
        assert!(!shared_may_name(&readers, &one_to_one, &other_supplier));
        // The internal steering group: supplier A is not invited.
        let steering = meeting_of(MeetingType::SteeringGroup);
        assert!(!shared_may_name(&readers, &steering, &[on_list(1, true)]));
        // Listed but not invited is not invited.
        assert!(!shared_may_name(
            &readers,
            &steering,
            &[on_list(1, true), on_list(2, false)]
        ));
        // Everyone here is invited there.
        let workshop = meeting_of(MeetingType::SupplierWorkshop);
        let all = [on_list(1, true), on_list(2, true), on_list(3, true)];
        assert!(shared_may_name(&readers, &workshop, &all));
        // Open to all suppliers, whoever is listed.
        for kind in [MeetingType::InformationMeeting, MeetingType::Webinar] {
            assert!(shared_may_name(&readers, &meeting_of(kind), &[]));
        }
        // Nobody listed here: only open meetings.
        assert!(!shared_may_name(&[], &workshop, &all));
    }

    #[test]
    fn links_are_found_anywhere_in_a_place() {
        assert!(mentions_link("Rum 3 och https://teams.example/x"));
        assert!(mentions_link("www.example.se"));
        assert!(!mentions_link("Stadshuset, rum 3"));
    }
}
