//! Thin wrappers over the browser (gloo, web-sys): storage, history, document, share.
//! Each function degrades quietly when the browser refuses (private mode, no clipboard),
//! because none of these failures should break reading.

pub(crate) mod crash;
pub mod document;
pub(crate) mod download;
pub(crate) mod history;
pub mod island;
pub(crate) mod offline;
pub mod poster;
pub(crate) mod resize;
pub(crate) mod share;
pub mod speech;
pub(crate) mod storage;
pub(crate) mod theme;
