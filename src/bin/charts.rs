//! Browser entry of the charts module, which the page loads after its first view (see the
//! crate docs, "Two modules").

fn main() {
    zezhou::start_charts();
}
