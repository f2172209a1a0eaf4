//! Pure renderers: iCalendar and printable agendas. They take domain values and return
//! text; they never read the database, touch the terminal or write files.

pub mod agenda;
pub mod ical;

pub use agenda::{AgendaFormat, render as render_agenda};
pub use ical::{CalendarEntry, calendar};

/// The fair-dialogue statement carried by everything about a supplier-facing meeting
/// (DESIGN §6). English for now; it moves to the translated texts with the Swedish
/// interface.
pub const FAIR_DIALOGUE: &str = "Fair dialogue: the procurement has not started and this is \
not a negotiation. The same information is given to all suppliers, and a summary of the \
dialogue will be published.";

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A bug in an embedded template: the message names the template and the line.
    #[error("export template failed: {0}")]
    Template(String),
}

impl From<minijinja::Error> for ExportError {
    fn from(e: minijinja::Error) -> Self {
        // The plain Display is one line; the alternate one adds a multi-line source dump.
        ExportError::Template(e.to_string())
    }
}
