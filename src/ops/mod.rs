//! Named operations shared by the command line and the app.

pub mod bundle;
