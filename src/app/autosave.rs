//! When to write what is being typed: after a short pause in the typing, and never
//! later than a maximum wait after the first unsaved change, however steadily the
//! typing goes on (a debounce with a maximum wait). A failed write leaves the change
//! pending, so the next tick tries again.

use std::time::{Duration, Instant};

/// A pause in the typing this long writes the text.
pub const PAUSE: Duration = Duration::from_millis(800);
/// Unsaved text is written at most this long after its first change, even while the
/// typing continues.
pub const MAX_WAIT: Duration = Duration::from_secs(2);

/// How long a save made in the background (by the tick, or while saves are failing)
/// waits for another program's lock before it gives up until the next try: short, so
/// that keys keep working while a lock is held; the text stays in memory and in its
/// draft file meanwhile, and the next try comes a pause later.
pub const BACKGROUND_WAIT: Duration = Duration::from_millis(200);

/// The unsaved changes of one text (the open note, or the open form's draft).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Autosave {
    /// The first change not yet written.
    first: Option<Instant>,
    /// The latest change.
    last: Option<Instant>,
}

impl Autosave {
    /// The text changed at `now`.
    pub fn changed(&mut self, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// Whether there is a change not yet written.
    pub fn is_pending(&self) -> bool {
        self.first.is_some()
    }

    /// Whether the pending change should be written at `now`: the typing paused, or the
    /// first unsaved change has waited long enough.
    pub fn is_due(&self, now: Instant) -> bool {
        match (self.first, self.last) {
            (Some(first), Some(last)) => {
                now.saturating_duration_since(last) >= PAUSE
                    || now.saturating_duration_since(first) >= MAX_WAIT
            }
            _ => false,
        }
    }

    /// The text was written (or there is nothing to write any more).
    pub fn done(&mut self) {
        *self = Autosave::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nothing_is_due_without_a_change() {
        let t0 = Instant::now();
        let a = Autosave::default();
        assert!(!a.is_pending());
        assert!(!a.is_due(t0 + ms(10_000)));
    }

    #[test]
    fn a_pause_writes_the_text() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.changed(t0);
        assert!(a.is_pending());
        assert!(!a.is_due(t0));
        assert!(!a.is_due(t0 + PAUSE - ms(1)));
        assert!(a.is_due(t0 + PAUSE));
    }

    #[test]
    fn steady_typing_is_written_within_the_maximum_wait() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        // A key every 150 ms never pauses long enough …
        let mut now = t0;
        let mut due_at = None;
        for _ in 0..40 {
            a.changed(now);
            now += ms(150);
            if due_at.is_none() && a.is_due(now) {
                due_at = Some(now);
            }
        }
        // … yet the text is due no later than the maximum wait after the first key.
        let due_at = due_at.expect("due while typing");
        assert!(due_at - t0 >= MAX_WAIT && due_at - t0 < MAX_WAIT + ms(150));
    }

    #[test]
    fn a_write_starts_a_new_wait() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.changed(t0);
        a.changed(t0 + ms(1900));
        assert!(a.is_due(t0 + MAX_WAIT));
        a.done();
        assert!(!a.is_pending());
        a.changed(t0 + ms(2100));
        assert!(!a.is_due(t0 + ms(2200)));
        assert!(a.is_due(t0 + ms(2100) + MAX_WAIT));
    }

    #[test]
    fn a_failed_write_stays_due_for_the_next_tick() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.changed(t0);
        assert!(a.is_due(t0 + MAX_WAIT));
        // The write failed: nothing is marked done, so the change is still due later.
        assert!(a.is_due(t0 + MAX_WAIT + ms(250)));
        // More typing does not push a retry past the maximum wait either.
        a.changed(t0 + MAX_WAIT + ms(300));
        assert!(a.is_due(t0 + MAX_WAIT + ms(350)));
    }
}
