//! Placeholder replaced when the compiler lands.
fn main() {}
