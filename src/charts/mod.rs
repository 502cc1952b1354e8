//! Charts drawn by plotters, written once against any backend.
