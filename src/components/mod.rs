//! Leptos components, one per file. They wire signals to the pure modules and draw.

mod app;
mod site_footer;
mod site_header;

pub use app::App;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
