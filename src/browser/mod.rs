//! Thin wrappers over the browser (gloo, web-sys): storage, history, document, share.
//! Each function degrades quietly when the browser refuses (private mode, no clipboard),
//! because none of these failures should break reading.

pub mod crash;
pub mod document;
pub mod download;
pub mod history;
pub mod island;
pub mod offline;
pub mod poster;
pub mod resize;
pub mod share;
pub mod speech;
pub mod storage;
pub mod theme;
