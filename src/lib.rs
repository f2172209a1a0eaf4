//! tidig: a keyboard-driven terminal workbench for facilitators of early-dialogue
//! public procurement.
//!
//! Layers, each with one job: `domain` (plain types and rules, no IO), `store`
//! (SQLite), `app` (state and update, no terminal IO), `ui` (rendering only),
//! `cli` and `tui` (the two ways in). `docs/architecture.md` has the picture and the
//! rules, and `tests/architecture.rs` keeps them.

pub mod app;
pub mod bundle;
pub mod catalog;
pub mod cli;
pub mod cli_help;
pub mod config;
pub mod demo;
pub mod domain;
pub mod draft_files;
pub mod export;
pub mod ops;
pub mod store;
pub mod templates;
pub mod text;
pub mod tui;
pub mod ui;
