//! The Yew single-page app (wasm32 only).
