//! Bundles: export everything or one project, import a bundle all or nothing.
//!
//! The in-memory entry points (`export_bundle`, `import_bundle`) are separate from
//! reading and writing files (`read_bundle`), so a bundle built in memory (the demo)
//! imports the same way a file does.

use std::path::Path;

use crate::bundle::{self, Bundle, ImportReport, Issue, Scope};
use crate::store::{ImportError, Store, StoreError};

/// The bundle of the whole store, or of the project with `code` (trash included).
pub fn export_bundle(store: &Store, scope: &Scope) -> Result<Bundle, StoreError> {
    store.export_bundle(scope)
}

/// Imports `bundle` into `store` in one transaction after validating all of it; with
/// `dry_run`, reports what would happen and writes nothing.
pub fn import_bundle(
    store: &mut Store,
    bundle: &Bundle,
    dry_run: bool,
) -> Result<ImportReport, ImportError> {
    store.import_bundle(bundle, dry_run)
}

/// Why a bundle file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the bundle has {} problem(s)", .0.len())]
    Invalid(Vec<Issue>),
}

/// Reads and parses a bundle file (`-` is standard input).
pub fn read_bundle(path: &Path) -> Result<Bundle, ReadError> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(path)?
    };
    bundle::parse(&text).map_err(ReadError::Invalid)
}
