//! Every date the user can type is bounded to the years 1900–2200 at the field, and
//! `tidig check` reports a row whose date no reader can parse (table, id, column).

mod common;

use tidig::domain::when::{FIRST_YEAR, LAST_YEAR, parse_datetime};
use tidig::domain::{ActionInput, ActionStatus, FieldError, FieldErrors, parse_iso_date};

use common::cli::Sandbox;
use common::today;

const RANGE: FieldError = FieldError::DateRange {
    first: FIRST_YEAR,
    last: LAST_YEAR,
};

#[test]
fn typed_dates_outside_the_years_are_refused_with_a_code() {
    assert_eq!(parse_datetime("+500000v", today()), Err(RANGE));
    assert_eq!(parse_datetime("2201-01-01 09:00", today()), Err(RANGE));
    assert_eq!(parse_datetime("1899-12-31", today()), Err(RANGE));
    assert!(parse_datetime("2200-12-31 09:00", today()).is_ok());
    assert!(parse_datetime("+52v", today()).is_ok());

    let mut errors = FieldErrors::default();
    assert_eq!(parse_iso_date("start", "9999-01-01", &mut errors), None);
    assert_eq!(errors.get("start"), Some(&RANGE));
    let mut errors = FieldErrors::default();
    assert!(parse_iso_date("start", "1900-01-01", &mut errors).is_some());
    assert!(errors.is_empty());

    // A due date says why, not merely "not a date".
    let e =
        ActionInput::validate("Skicka", "", "+500000v", ActionStatus::Open, today()).unwrap_err();
    assert_eq!(e.get("due_date"), Some(&RANGE));
    assert_eq!(
        RANGE.to_string(),
        "must be a date between the years 1900 and 2200"
    );
}

#[test]
fn check_reports_a_row_with_an_unreadable_date() {
    let sandbox = Sandbox::empty("UTC");
    sandbox.tidig().arg("demo").assert().success();
    let id: i64 = {
        let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        let id = conn
            .query_row("SELECT min(id) FROM meetings", [], |r| r.get(0))
            .unwrap();
        conn.execute(
            "UPDATE meetings SET start_at = '+11609-01-01T09:00:00Z',
                                 end_at = '+11609-01-01T10:00:00Z' WHERE id = ?1",
            [id],
        )
        .unwrap();
        id
    };
    let out = sandbox
        .tidig()
        .arg("check")
        .assert()
        .failure()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(&format!(
            "unreadable value: meetings row {id}, column start_at: \"+11609-01-01T09:00:00Z\""
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("meetings row {id}, column end_at")),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("2 problems found"), "{stderr}");
}

/// Every typed column is checked, not only dates: an enum outside its CHECK list
/// (written past the constraint, as another program could) and a day that is not a
/// date, each named by table, id, column and value; the exit status says so.
#[test]
fn check_reports_a_poisoned_enum_and_a_poisoned_day() {
    let sandbox = Sandbox::empty("UTC");
    sandbox.tidig().arg("demo").assert().success();
    let (need, action) = {
        let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        let need: i64 = conn
            .query_row("SELECT min(id) FROM needs", [], |r| r.get(0))
            .unwrap();
        let action: i64 = conn
            .query_row("SELECT min(id) FROM action_items", [], |r| r.get(0))
            .unwrap();
        conn.execute_batch("PRAGMA ignore_check_constraints = ON")
            .unwrap();
        conn.execute("UPDATE needs SET status = 'unclear' WHERE id = ?1", [need])
            .unwrap();
        conn.execute(
            "UPDATE action_items SET due_date = '2026-13-01' WHERE id = ?1",
            [action],
        )
        .unwrap();
        (need, action)
    };
    let out = sandbox
        .tidig()
        .arg("check")
        .assert()
        .failure()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            format!("unreadable value: action_items row {action}, column due_date: \"2026-13-01\""),
            format!("unreadable value: needs row {need}, column status: \"unclear\""),
        ],
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("2 problems found"), "{stderr}");
}
