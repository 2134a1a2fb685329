//! The charts split off the page's WebAssembly module, with the tool behind Leptos' `#[lazy]`
//! and `cargo leptos --split` (`wasm_split_cli_support`).
//!
//! `zezhou::start_charts` calls a `#[lazy]` function (the charts, read-aloud, the poster,
//! the embed view). trunk builds the app as one module and runs wasm-bindgen on it, which
//! leaves that function an import from a placeholder module nothing provides; [`split_page`]
//! then takes cargo's module as linked (with `--emit-relocs`, `.cargo/config.toml`: the tool
//! follows every reference between functions and data through the relocations), and
//!
//! - moves everything that only the lazy function reaches into a module of its own,
//!   `charts-{hash}.wasm`, which imports the page's memory, function table and what it
//!   shares with the page from the page's instance: one Leptos runtime, one allocator, one
//!   story;
//! - runs wasm-bindgen on the rest in place of trunk's output (same file names), and in a
//!   release build optimises both modules with wasm-opt ([`WASM_OPT`]);
//! - joins the tool's link script (which fetches the charts' module on the first call and
//!   instantiates it with those imports) into the page's JavaScript, fetching the module
//!   with its integrity value: the page's JavaScript, loaded with its own integrity value,
//!   then vouches for everything the page runs.
//!
//! Any surprise in the tool's or wasm-bindgen's output (a line not found exactly once) is
//! an [`Error::Unexpected`] that stops the build.

use crate::{hash, io, read, write, Error};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The module name wasm-bindgen leaves on the lazy function's import before the split.
pub const PLACEHOLDER: &str = "__wasm_split_placeholder__";

/// The module the split page imports the charts' loader from: the link script, which
/// [`join`] puts into the page's JavaScript (`imports` keeps these imports' names).
pub const LINK: &str = "./__wasm_split.js";

/// wasm-opt's passes for both modules in a release build: -Oz, then flatten and rereloop
/// the control flow and -Oz twice more (about 0.8 KB gzipped smaller than -Oz alone); the
/// low 1 KB of memory is unused (Rust's stack sits below its data, from 0 up to 1 MB);
/// without the producers and target-features sections that browsers do not read.
pub const WASM_OPT: [&str; 8] = [
    "-Oz",
    "--flatten",
    "--rereloop",
    "-Oz",
    "-Oz",
    "--low-memory-unused",
    "--strip-producers",
    "--strip-target-features",
];

/// What the split needs besides trunk's output.
#[derive(Clone, Debug)]
pub struct Input {
    /// cargo's module of the app as linked, before wasm-bindgen.
    pub wasm: PathBuf,
    /// wasm-bindgen's command line tool (the version in Cargo.lock, as trunk runs it).
    pub wasm_bindgen: PathBuf,
    /// binaryen's wasm-opt, for a release build; `None` leaves both modules unoptimised.
    pub wasm_opt: Option<PathBuf>,
}

/// What the split wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The split-off modules' file names in `dir` (`{function}-{hash}.wasm`, `shared-…`).
    pub modules: Vec<String>,
}

/// The app's module in `dir` (`crate::page_module`), if its JavaScript imports the
/// placeholder: the stem of its files (`zezhou-{hash}` of `zezhou-{hash}.js` and
/// `zezhou-{hash}_bg.wasm`); `None` when it has no lazy function (nothing to split).
pub fn page_to_split(dir: &Path) -> Result<Option<String>, Error> {
    let stem = crate::page_module(dir)?;
    let js = read(&dir.join(format!("{stem}.js")))?;
    Ok(String::from_utf8_lossy(&js)
        .contains(PLACEHOLDER)
        .then_some(stem))
}

/// Splits the page's module `stem` in `dir` (see the module docs).
pub fn split_page(dir: &Path, stem: &str, input: &Input) -> Result<Split, Error> {
    let work = std::env::temp_dir().join(format!("postbuild-split-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(io("write", &work))?;
    let result = split_in(dir, stem, input, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn split_in(dir: &Path, stem: &str, input: &Input, work: &Path) -> Result<Split, Error> {
    let raw = read(&input.wasm)?;
    let main = work.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&raw);
    options.output_dir = work;
    options.main_out_path = &main;
    options.link_name = LINK;
    let page_js = format!("./{stem}.js");
    options.main_module = &page_js;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| Error::Unexpected(format!("wasm-split: {e:#}")))?;

    let bound = work.join("bound");
    // (`--keep-lld-exports`: the function table, which the charts' module imports, is one.)
    run(Command::new(&input.wasm_bindgen)
        .args(["--target", "web", "--no-typescript", "--keep-lld-exports"])
        .args(["--out-name", stem, "--out-dir"])
        .arg(&bound)
        .arg(&main))?;
    let page_wasm = bound.join(format!("{stem}_bg.wasm"));
    if let Some(wasm_opt) = &input.wasm_opt {
        for module in std::iter::once(&page_wasm).chain(&split.split_modules) {
            run(Command::new(wasm_opt)
                .args(WASM_OPT)
                .arg(module)
                .arg("-o")
                .arg(module))?;
        }
    }

    let link_path = work.join(LINK.trim_start_matches("./"));
    let mut link = String::from_utf8_lossy(&read(&link_path)?).into_owned();
    let mut modules = Vec::new();
    for module in &split.split_modules {
        let bytes = read(module)?;
        let from = module
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let name = format!("{}-{}.wasm", module_name(from), hash::short_hash(&bytes));
        link = with_integrity(&link, from, &name, &hash::integrity(&bytes))?;
        write(&dir.join(&name), &bytes)?;
        modules.push(name);
    }
    let js = String::from_utf8_lossy(&read(&bound.join(format!("{stem}.js")))?).into_owned();
    write(
        &dir.join(format!("{stem}.js")),
        join(&js, &link)?.as_bytes(),
    )?;
    write(&dir.join(format!("{stem}_bg.wasm")), &read(&page_wasm)?)?;
    Ok(Split { modules })
}

/// The name of a module the tool wrote (`split_{function}_{digits}.wasm` for a lazy
/// function's, `chunk_{n}_{…}.wasm` for what several share) without the tool's numbers:
/// the function's name, or `shared`.
pub fn module_name(file: &str) -> &str {
    match file.strip_prefix("split_") {
        Some(rest) => rest
            .trim_end_matches(".wasm")
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches('_'),
        None => "shared",
    }
}

fn run(command: &mut Command) -> Result<(), Error> {
    let program = PathBuf::from(command.get_program());
    let status = command.status().map_err(io("run", &program))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Unexpected(format!(
            "{} failed: {status}",
            program.display()
        )))
    }
}

/// The one occurrence of `needle` in `haystack`, or an error naming `what`.
fn once(haystack: &str, needle: &str, what: &str) -> Result<usize, Error> {
    let mut found = haystack.match_indices(needle).map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(at), None) => Ok(at),
        _ => Err(Error::Unexpected(format!(
            "the split's JavaScript has {needle:?} not once ({what}): has wasm_split_cli_support \
             or wasm-bindgen changed?"
        ))),
    }
}

/// The link script `link` fetching the module the tool named `from` as `to` (relative to the
/// script, so to the page's JavaScript, at the site's root), checked against `integrity`.
pub fn with_integrity(link: &str, from: &str, to: &str, integrity: &str) -> Result<String, Error> {
    let fetch = format!("fetch(new URL(\"./{from}\", import.meta.url))");
    let at = once(link, &fetch, "the module's fetch")?;
    let checked =
        format!("fetch(new URL(\"./{to}\", import.meta.url), {{ integrity: \"{integrity}\" }})");
    Ok(format!(
        "{}{checked}{}",
        &link[..at],
        &link[at + fetch.len()..]
    ))
}

/// wasm-bindgen's JavaScript `js` with the link script `link` in place of its imports of it
/// (one per lazy function, each `import * as NAME from LINK`): the link's import of the
/// page's `initSync` goes (it is the same file now), its exports become constants, and each
/// namespace becomes an object of them.
pub fn join(js: &str, link: &str) -> Result<String, Error> {
    let import = once(link, "import { initSync } from ", "the link's import")?;
    let import_end = link[import..]
        .find('\n')
        .map_or(link.len(), |i| import + i + 1);
    let mut body = format!("{}{}", &link[..import], &link[import_end..]);
    let mut names = Vec::new();
    while let Some(at) = body.find("export const ") {
        body.replace_range(at..at + "export ".len(), "");
        let rest = &body[at + "const ".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        names.push(name);
    }
    if names.is_empty() || body.contains("export ") {
        return Err(Error::Unexpected(
            "the split's link script exports nothing, or not as `export const`".into(),
        ));
    }
    let exports = names.join(", ");

    let from = format!(" from \"{LINK}\"");
    let mut out = String::new();
    let mut rest = js;
    let mut joined = false;
    while let Some(at) = rest.find(&from) {
        let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
        let namespace = rest[line_start..at]
            .strip_prefix("import * as ")
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .ok_or_else(|| {
                Error::Unexpected(format!(
                    "the page imports the link as {:?}, not `import * as NAME`",
                    &rest[line_start..at]
                ))
            })?;
        let line_end = rest[at..].find('\n').map_or(rest.len(), |i| at + i + 1);
        out.push_str(&rest[..line_start]);
        if !std::mem::replace(&mut joined, true) {
            out.push_str(&body);
            out.push('\n');
        }
        out.push_str(&format!("const {namespace} = {{ {exports} }};\n"));
        rest = &rest[line_end..];
    }
    if !joined {
        return Err(Error::Unexpected(format!(
            "the split page's JavaScript does not import {LINK}: has wasm-bindgen changed?"
        )));
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK_JS: &str = "import { initSync } from \"./zezhou-0123.js\";\n\nlet shared;\nfunction makeLoad(f) { return f; }\nexport const __wasm_split_load_charts_1 = makeLoad(() => {\n    const src = fetch(new URL(\"./split_charts_1.wasm\", import.meta.url));\n    return src;\n});\n";

    #[test]
    fn modules_are_named_after_their_function() {
        assert_eq!(
            module_name("split_charts_2217864185619971900.wasm"),
            "charts"
        );
        assert_eq!(module_name("split_markup_16.wasm"), "markup");
        assert_eq!(module_name("chunk_3_charts_markup.wasm"), "shared");
    }

    #[test]
    fn the_link_fetches_the_hashed_module_with_its_integrity() {
        let link =
            with_integrity(LINK_JS, "split_charts_1.wasm", "charts-ab.wasm", "sha384-x").unwrap();
        assert!(link.contains(
            "fetch(new URL(\"./charts-ab.wasm\", import.meta.url), { integrity: \"sha384-x\" })"
        ));
        assert!(!link.contains("split_charts_1"));
        // A module the link does not fetch, or fetches otherwise, stops the build.
        assert!(with_integrity(LINK_JS, "other.wasm", "charts-ab.wasm", "sha384-x").is_err());
    }

    #[test]
    fn the_link_becomes_part_of_the_page_s_javascript() {
        // One import per lazy function, each a namespace of all the link's exports.
        let js = "/* @ts-self-types */\nimport * as import1 from \"./__wasm_split.js\"\nimport * as import2 from \"./__wasm_split.js\"\n\nfunction initSync() {}\nconst imports = { \"./__wasm_split.js\": import1 };\n";
        let joined = join(js, LINK_JS).unwrap();
        assert!(!joined.contains("import "), "{joined}");
        assert!(!joined.contains("export "), "{joined}");
        assert_eq!(
            joined
                .matches("const __wasm_split_load_charts_1 = makeLoad(")
                .count(),
            1
        );
        assert!(joined.contains("const import1 = { __wasm_split_load_charts_1 };\nconst import2 = { __wasm_split_load_charts_1 };\n"));
        assert!(joined.starts_with("/* @ts-self-types */\n"));
        assert!(joined.ends_with("const imports = { \"./__wasm_split.js\": import1 };\n"));
        // The page's JavaScript without the import, or with another shape of it, stops it.
        assert!(join("function initSync() {}\n", LINK_JS).is_err());
        assert!(join("import { a } from \"./__wasm_split.js\"\n", LINK_JS).is_err());
    }
}
