//! trunk's post-build hook: finishes the staged `dist/` before trunk publishes it.
//!
//! 1. renders the first view into `index.html` and adds the fallbacks and the strict
//!    Content-Security-Policy (with the hash of every inline script);
//! 2. writes `404.html`, which lands on the app from any mistyped path;
//! 3. writes `sw.js`, precaching exactly the files of this build under a versioned cache.
//!
//! Usage: `postbuild [DIR]`, where DIR defaults to `$TRUNK_STAGING_DIR`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match run() {
        Ok(summary) => {
            println!("postbuild: {summary}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("postbuild: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<String, String> {
    use std::path::PathBuf;
    use zezhou::site::{offline, page, prerender};

    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .ok_or("give the staging folder as an argument or in TRUNK_STAGING_DIR")?;
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let noscript_path = dir.join("noscript.css");
    let noscript = std::fs::read(&noscript_path)
        .map_err(|e| format!("cannot read {}: {e}", noscript_path.display()))?;
    let html = page::finish(
        &index,
        &prerender::first_view(),
        &page::STATIC_NOTE,
        &noscript,
    )
    .map_err(|e| format!("{}: {e}", index_path.display()))?;
    write(&index_path, html.as_bytes())?;
    write(&dir.join("404.html"), offline::not_found_page().as_bytes())?;

    let files = build_files(&dir)?;
    let count = files.len();
    write(
        &dir.join("sw.js"),
        offline::service_worker(&files).as_bytes(),
    )?;
    Ok(format!(
        "first view rendered, CSP set, 404.html and sw.js ({count} files precached) written in {}",
        dir.display()
    ))
}

/// Every file of the build (relative path, contents), sorted, except the worker and the
/// 404 page.
#[cfg(not(target_arch = "wasm32"))]
fn build_files(dir: &std::path::Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(dir)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "sw.js" || rel == "404.html" {
                continue;
            }
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            files.push((rel, bytes));
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(not(target_arch = "wasm32"))]
fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(target_arch = "wasm32")]
fn main() {}
