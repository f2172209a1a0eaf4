//! Operations shared by the command line and the screens. The CLI parses its arguments
//! into an operation, the app turns an action into the same one, and both get the same
//! result: exports (gather, render, write the file privately, log it on the meeting),
//! bundle import and export, and loading the demo.

pub mod bundle;
pub mod demo;
pub mod export;
pub mod information;
pub mod shared_names;
pub mod write;

pub use export::{Destination, ExportJob, Exported};
