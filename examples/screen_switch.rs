//! Times `App` handling keys 1–6 (switching screens: loading what the screen shows,
//! no drawing) against a store given on the command line, to find the slow screen.
//!
//! ```text
//! cargo run --release --example screen_switch -- path/to/large.db
//! ```

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tidig::app::App;
use tidig::store::Store;

fn main() {
    let path = std::env::args().nth(1).expect("a store path");
    let store = Store::open(std::path::Path::new(&path), tidig::domain::Clock::System)
        .expect("open the store");
    let mut app = App::new(store);
    let runs = 9;
    for key in ['1', '2', '3', '4', '5', '6'] {
        let mut took: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                app.handle_key(&KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
                let t = start.elapsed();
                app.handle_key(&KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE));
                t
            })
            .collect();
        took.sort();
        println!("key {key}: median {:.2?}", took[runs / 2]);
    }
}
