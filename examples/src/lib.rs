//! Examples for the kehoach crate (see `examples/`).
