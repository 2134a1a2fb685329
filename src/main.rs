//! Browser entry: install the panic hook, mount the app.

fn main() {
    zezhou::start();
}
