//! Integration tests for kehoach (see `tests/`).
