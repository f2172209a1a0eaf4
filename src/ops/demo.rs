//! Loading the demo portfolio: the same for `tidig demo` and the welcome screen's `D`.

use chrono::NaiveDate;

pub use crate::demo::DemoSummary;
use crate::store::{Result, Store};

/// Loads the demo portfolio with dates around `today`; loading it again adds nothing.
pub fn load(store: &mut Store, today: NaiveDate) -> Result<DemoSummary> {
    crate::demo::load(store, today)
}
