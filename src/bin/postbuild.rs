//! trunk's post-build hook: finishes the staged `dist/` before trunk publishes it.
//!
//! 1. minifies the wasm-bindgen JavaScript (esbuild from `node_modules`; trunk's own
//!    minifier fails on it), joins the stylesheets into one file, recomputes integrity, and
//!    replaces trunk's loader with one that starts after the first view's largest paint;
//! 2. gives the charts module (a trunk "worker" asset, unhashed) hashed names, writes its
//!    start script and names it, with its integrity, in `<meta name=zezhou-charts>`;
//! 3. renders the first view into `index.html` and adds the fallbacks and the strict
//!    Content-Security-Policy (with the hash of every inline script);
//! 4. writes `404.html`, which lands on the app from any mistyped path, and the charts'
//!    pictures for print (`site::print`);
//! 5. writes `sw.js`, precaching exactly the files of this build under a versioned cache.
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
    use zezhou::site::{bundle, offline, page, prerender};

    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .ok_or("give the staging folder as an argument or in TRUNK_STAGING_DIR")?;
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;

    let minified = minify_scripts(&dir)?;
    let styles = bundle::stylesheet_links(&index);
    let mut css = Vec::new();
    for link in &styles {
        let path = dir.join(bundle::file_name(&link.href));
        css.extend(
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        );
        css.push(b'\n');
    }
    let css_name = format!("style-{}.css", offline::short_hash(&css));
    let index = bundle::bundle_styles(&index, &css_name, &css);
    if styles.len() > 1 {
        write(&dir.join(&css_name), &css)?;
        for link in &styles {
            let path = dir.join(bundle::file_name(&link.href));
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    let index = bundle::refresh_integrity(&index, |name| std::fs::read(dir.join(name)).ok());
    let index =
        bundle::late_loader(&index).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let index = match hash_charts(&dir)? {
        Some(meta) => bundle::insert_in_head(&index, &meta)?,
        None => {
            eprintln!(
                "postbuild: warning: no charts module (charts.js, charts_bg.wasm) in this build"
            );
            index
        }
    };
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
    for lang in zezhou::model::Lang::ALL {
        let name = zezhou::site::print::file_name(lang);
        write(
            &dir.join(name),
            zezhou::site::print::print_charts(lang).as_bytes(),
        )?;
    }

    let files = build_files(&dir)?;
    let count = files.len();
    write(
        &dir.join("sw.js"),
        offline::service_worker(&files).as_bytes(),
    )?;
    Ok(format!(
        "{minified} script(s) minified, {} stylesheets joined, first view rendered, CSP set, \
         404.html and sw.js ({count} files precached) written in {}",
        styles.len(),
        dir.display()
    ))
}

/// Minifies the JavaScript files at the top of `dir` in place with esbuild (installed by
/// `npm ci` from package.json); returns how many. Without esbuild the files stay as they are,
/// with a warning: the app works the same, only larger.
#[cfg(not(target_arch = "wasm32"))]
fn minify_scripts(dir: &std::path::Path) -> Result<usize, String> {
    let esbuild =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/.bin/esbuild");
    if !esbuild.exists() {
        eprintln!(
            "postbuild: warning: {} not found (run npm ci); scripts left unminified",
            esbuild.display()
        );
        return Ok(0);
    }
    let mut count = 0;
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !name.ends_with(".js") || name == "sw.js" {
            continue;
        }
        let status = std::process::Command::new(&esbuild)
            .arg(&path)
            .args([
                "--minify",
                "--format=esm",
                "--log-level=warning",
                "--allow-overwrite",
            ])
            .arg(format!("--outfile={}", path.display()))
            .status()
            .map_err(|e| format!("cannot run {}: {e}", esbuild.display()))?;
        if !status.success() {
            return Err(format!("esbuild failed on {}", path.display()));
        }
        count += 1;
    }
    Ok(count)
}

/// Gives the charts module's files (trunk names worker assets `charts.js` and
/// `charts_bg.wasm`, without a hash) hashed names and writes their start script; returns
/// the `<meta>` that names the start script and its integrity, or `None` when the build
/// has no charts module.
#[cfg(not(target_arch = "wasm32"))]
fn hash_charts(dir: &std::path::Path) -> Result<Option<String>, String> {
    let (js, wasm) = (dir.join("charts.js"), dir.join("charts_bg.wasm"));
    if !js.exists() || !wasm.exists() {
        return Ok(None);
    }
    let read = |p: &std::path::Path| {
        std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let mut both = read(&js)?;
    both.extend(read(&wasm)?);
    let base = format!("charts-{}", zezhou::site::offline::short_hash(&both));
    let rename = |from: &std::path::Path, to: String| {
        std::fs::rename(from, dir.join(&to))
            .map_err(|e| format!("cannot rename {}: {e}", from.display()))
    };
    rename(&js, format!("{base}.js"))?;
    rename(&wasm, format!("{base}_bg.wasm"))?;
    let integrity_of =
        |name: String| read(&dir.join(name)).map(|b| zezhou::site::page::integrity(&b));
    let script = zezhou::site::bundle::charts_start_script(
        &base,
        &integrity_of(format!("{base}.js"))?,
        &integrity_of(format!("{base}_bg.wasm"))?,
    );
    let start = format!("{base}-start.js");
    write(&dir.join(&start), script.as_bytes())?;
    Ok(Some(zezhou::site::bundle::charts_meta(
        &start,
        &zezhou::site::page::integrity(script.as_bytes()),
    )))
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
