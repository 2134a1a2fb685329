//! Short names between a WebAssembly module and its wasm-bindgen JavaScript.
//!
//! wasm-bindgen names every function a module imports from its JavaScript
//! `__wbg_<name>_<16 hex digits>` (`__wbg_setAttribute_0a1b…`), in the module's import
//! section and as a key of the JavaScript's import object: the hex digits hardly compress
//! and each name is there twice. [`shorten`] renames each import to a short name (`a` …
//! `Z`, `ab`, `bb`, …) in both files, the module they come from (`./NAME_bg.js`, named once
//! per import) to [`MODULE`], and the exports that the JavaScript only reads as members of
//! the module's exports (`c.__wbindgen_malloc`, the closure shims
//! `c.wasm_bindgen__convert__closures_____invoke__h…`) to short names too. It keeps
//! `memory` (the benchmark reads it), `__wbindgen_start` and names of at most
//! [`SHORT_ENOUGH`] bytes.
//!
//! The WebAssembly is read with wasmparser; its import and export sections are written anew
//! with wasm-encoder and every other section is copied byte for byte. The JavaScript is
//! edited only at the exact identifiers expected, and any surprise (an import from another
//! module or of another kind, a name not found exactly once where the import object has its
//! keys, one of wasm-bindgen's exports read otherwise than as a member, a malformed
//! section) is a [`ShortenError`] that stops the build, so that a wasm-bindgen or esbuild
//! upgrade fails loudly instead of shipping two files that do not fit.

use wasm_encoder::{EntityType, ExportKind, ExportSection, ImportSection, RawSection};
use wasmparser::{Encoding, ExternalKind, Parser, Payload, TypeRef};

/// The module name the imports get instead of `./NAME_bg.js`.
pub const MODULE: &str = "w";

/// Exports of at most this many bytes keep their names (`main`): too short to be worth it.
pub const SHORT_ENOUGH: usize = 4;

/// Exports that keep their names: the memory, which the benchmark reads through the
/// exports the loader announces, and the start function.
const KEPT_EXPORTS: [&str; 2] = ["memory", "__wbindgen_start"];

/// Prefixes of the exports wasm-bindgen itself adds (allocator, closure shims, externref
/// table, class finalizers): the JavaScript must read them only as members of the exports.
const WASM_BINDGEN_EXPORTS: [&str; 4] = ["__wbindgen_", "__wbg_", "__externref_", "wasm_bindgen__"];

/// What the JavaScript or WebAssembly has that [`shorten`] does not expect.
#[derive(Debug, thiserror::Error)]
pub enum ShortenError {
    /// wasmparser could not read the module.
    #[error("malformed WebAssembly: {0}")]
    Wasm(#[from] wasmparser::BinaryReaderError),
    /// A component or something else than a core module.
    #[error("not a core WebAssembly module")]
    NotAModule,
    /// A section the step rewrites is there twice.
    #[error("two {0} sections in the WebAssembly")]
    TwoSections(&'static str),
    /// An import that is not a function from the JavaScript's module.
    #[error(
        "the WebAssembly imports {name:?} from {module:?}, expected only functions, all from \
         one \"./NAME_bg.js\" (the first from {expected:?}): has wasm-bindgen changed what a \
         module imports, or were the names shortened already?"
    )]
    Import {
        /// The module it comes from.
        module: String,
        /// Its name.
        name: String,
        /// The module the other imports come from, `./NAME_bg.js`.
        expected: String,
    },
    /// The same name imported twice.
    #[error("the WebAssembly imports {0:?} twice")]
    ImportedTwice(String),
    /// A name that must be in the JavaScript exactly once.
    #[error(
        "{name} is in the JavaScript {count} times, expected once as {shape}: has \
         wasm-bindgen's or esbuild's output changed?"
    )]
    NotOnce {
        /// The name, as searched for.
        name: String,
        /// How often it was found.
        count: usize,
        /// Where it was expected.
        shape: &'static str,
    },
    /// A name found where it was not expected.
    #[error(
        "{name} is in the JavaScript at byte {at}, but not as {shape} (it reads \
         {context:?}): has wasm-bindgen's or esbuild's output changed?"
    )]
    Misplaced {
        /// The name.
        name: String,
        /// Its byte offset in the JavaScript.
        at: usize,
        /// Where it was expected.
        shape: &'static str,
        /// The JavaScript around it.
        context: String,
    },
}

/// The JavaScript and WebAssembly after [`shorten`], and what changed.
#[derive(Debug)]
pub struct Shortened {
    /// The JavaScript.
    pub js: String,
    /// The WebAssembly.
    pub wasm: Vec<u8>,
    /// Imports renamed.
    pub imports: usize,
    /// Exports renamed.
    pub exports: usize,
}

/// The `n`th short name: `a` … `z`, `A` … `Z`, then two letters (`n` in base 52, least
/// significant letter first) and so on.
pub fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = String::new();
    loop {
        s.push(char::from(LETTERS[n % 52]));
        n /= 52;
        if n == 0 {
            return s;
        }
    }
}

/// `js` and `wasm`, a wasm-bindgen JavaScript and its module, with the imports, the
/// imports' module and the exports renamed in both (see the module docs).
pub fn shorten(js: &str, wasm: &[u8]) -> Result<Shortened, ShortenError> {
    let module = read_module(wasm)?;
    let mut edits = Vec::new();

    // The imports: every one a function from one module, `./NAME_bg.js`, but those from the
    // split's link script (`crate::split::LINK`), which keep their names; the module a
    // quoted key of the import object, once, and each name a key after it, once.
    let from = module
        .imports
        .iter()
        .find(|i| !i.kept())
        .map(|i| i.module.clone());
    let mut seen = std::collections::HashSet::new();
    for import in &module.imports {
        if import.kept() {
            continue;
        }
        let expected = from.as_deref().unwrap_or_default();
        if import.module != expected || !expected.ends_with("_bg.js") || !import.function {
            return Err(ShortenError::Import {
                module: import.module.clone(),
                name: import.name.clone(),
                expected: expected.to_owned(),
            });
        }
        if !seen.insert(import.name.as_str()) {
            return Err(ShortenError::ImportedTwice(import.name.clone()));
        }
    }
    if let Some(from) = &from {
        let quoted = format!("\"{from}\"");
        let key = match word_at(js, &quoted).as_slice() {
            &[at] => at,
            found => {
                return Err(ShortenError::NotOnce {
                    name: quoted,
                    count: found.len(),
                    shape: "the import object's key",
                })
            }
        };
        expect_key(js, key, &quoted, "the import object's key")?;
        edits.push(Edit::new(key, &quoted, MODULE));
        for (n, import) in module.imports.iter().filter(|i| !i.kept()).enumerate() {
            let shape = "a key of the import object";
            let at = match word_at(js, &import.name).as_slice() {
                &[at] => at,
                found => {
                    return Err(ShortenError::NotOnce {
                        name: import.name.clone(),
                        count: found.len(),
                        shape,
                    })
                }
            };
            if at < key {
                return Err(misplaced(js, at, &import.name, shape));
            }
            expect_key(js, at, &import.name, shape)?;
            edits.push(Edit::new(at, &import.name, &short_name(n)));
        }
    }

    // The exports, where the JavaScript reads them: as members of the variable it keeps the
    // instance's exports in (`c=r.exports`).
    let exports_var = exports_variable(js)?;
    let kept: Vec<&str> = module
        .exports
        .iter()
        .map(|e| e.name.as_str())
        .filter(|name| !renamable(name))
        .collect();
    let mut names = (0..)
        .map(short_name)
        .filter(|n| !kept.contains(&n.as_str()));
    let mut export_names = Vec::with_capacity(module.exports.len());
    let mut exports = 0;
    for export in &module.exports {
        let name = export.name.as_str();
        let mut new = name.to_owned();
        if renamable(name) {
            let found = word_at(js, name);
            let misplaced_at = found
                .iter()
                .find(|&&at| !is_member_of(js, at, &exports_var));
            match misplaced_at {
                None => {
                    new = names.next().unwrap_or_default();
                    exports += 1;
                    edits.extend(found.iter().map(|&at| Edit::new(at, name, &new)));
                }
                // An export of the app's own (`#[wasm_bindgen] pub fn page`) may share its
                // name with the JavaScript's function that wraps it: it keeps its name.
                Some(&at) if WASM_BINDGEN_EXPORTS.iter().any(|p| name.starts_with(p)) => {
                    return Err(misplaced(js, at, name, "a member of the exports"));
                }
                Some(_) => {}
            }
        }
        export_names.push(new);
    }

    // Apply the edits from the end, so that the earlier offsets hold.
    edits.sort_by_key(|e| std::cmp::Reverse(e.at));
    let mut out = js.to_owned();
    for edit in &edits {
        out.replace_range(edit.at..edit.at + edit.len, &edit.new);
    }
    Ok(Shortened {
        js: out,
        wasm: module.write(&export_names),
        imports: module.imports.iter().filter(|i| !i.kept()).count(),
        exports,
    })
}

fn renamable(name: &str) -> bool {
    name.len() > SHORT_ENOUGH && !KEPT_EXPORTS.contains(&name)
}

/// One replacement in the JavaScript.
struct Edit {
    at: usize,
    len: usize,
    new: String,
}

impl Edit {
    fn new(at: usize, old: &str, new: &str) -> Self {
        Self {
            at,
            len: old.len(),
            new: new.to_owned(),
        }
    }
}

/// A module's imports and exports, and where its sections are.
struct Module<'a> {
    wasm: &'a [u8],
    /// Every section in order: id and the byte range of its contents.
    sections: Vec<(u8, std::ops::Range<usize>)>,
    imports: Vec<Import>,
    exports: Vec<Export>,
}

struct Import {
    module: String,
    name: String,
    /// A function import (of this type), or something else.
    function: bool,
    ty: u32,
}

impl Import {
    /// A function from the split's link script, which keeps its name and module.
    fn kept(&self) -> bool {
        self.function && self.module == crate::split::LINK
    }
}

struct Export {
    name: String,
    kind: ExportKind,
    index: u32,
}

fn read_module(wasm: &[u8]) -> Result<Module<'_>, ShortenError> {
    let mut module = Module {
        wasm,
        sections: Vec::new(),
        imports: Vec::new(),
        exports: Vec::new(),
    };
    let (mut imports_seen, mut exports_seen) = (false, false);
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        match &payload {
            Payload::Version { encoding, .. } if *encoding != Encoding::Module => {
                return Err(ShortenError::NotAModule)
            }
            Payload::ImportSection(reader) => {
                if std::mem::replace(&mut imports_seen, true) {
                    return Err(ShortenError::TwoSections("import"));
                }
                for import in reader.clone().into_imports() {
                    let import = import?;
                    let (function, ty) = match import.ty {
                        TypeRef::Func(ty) => (true, ty),
                        _ => (false, 0),
                    };
                    module.imports.push(Import {
                        module: import.module.to_owned(),
                        name: import.name.to_owned(),
                        function,
                        ty,
                    });
                }
            }
            Payload::ExportSection(reader) => {
                if std::mem::replace(&mut exports_seen, true) {
                    return Err(ShortenError::TwoSections("export"));
                }
                for export in reader.clone() {
                    let export = export?;
                    let kind = match export.kind {
                        ExternalKind::Func | ExternalKind::FuncExact => ExportKind::Func,
                        ExternalKind::Table => ExportKind::Table,
                        ExternalKind::Memory => ExportKind::Memory,
                        ExternalKind::Global => ExportKind::Global,
                        ExternalKind::Tag => ExportKind::Tag,
                    };
                    module.exports.push(Export {
                        name: export.name.to_owned(),
                        kind,
                        index: export.index,
                    });
                }
            }
            _ => {}
        }
        if let Some((id, range)) = payload.as_section() {
            let range = usize::try_from(range.start).unwrap_or(usize::MAX)
                ..usize::try_from(range.end).unwrap_or(usize::MAX);
            module.sections.push((id, range));
        }
    }
    Ok(module)
}

impl Module<'_> {
    /// The module with the imports renamed and its exports named `export_names`, in order;
    /// every other section as it was.
    fn write(&self, export_names: &[String]) -> Vec<u8> {
        let mut out = wasm_encoder::Module::new();
        for (id, range) in &self.sections {
            match *id {
                2 => {
                    let mut section = ImportSection::new();
                    let mut n = 0;
                    for import in &self.imports {
                        let ty = EntityType::Function(import.ty);
                        if import.kept() {
                            section.import(&import.module, &import.name, ty);
                        } else {
                            section.import(MODULE, &short_name(n), ty);
                            n += 1;
                        }
                    }
                    out.section(&section);
                }
                7 => {
                    let mut section = ExportSection::new();
                    for (export, name) in self.exports.iter().zip(export_names) {
                        section.export(name, export.kind, export.index);
                    }
                    out.section(&section);
                }
                id => {
                    out.section(&RawSection {
                        id,
                        data: &self.wasm[range.clone()],
                    });
                }
            }
        }
        out.finish()
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// The byte offsets where `word` occurs in `js` not within a longer identifier.
fn word_at(js: &str, word: &str) -> Vec<usize> {
    let starts_ident = word.starts_with(is_ident_char);
    let ends_ident = word.ends_with(is_ident_char);
    js.match_indices(word)
        .filter(|&(i, _)| {
            let before = js[..i].chars().next_back();
            let after = js[i + word.len()..].chars().next();
            let joins_before = starts_ident && before.is_some_and(is_ident_char);
            let joins_after = ends_ident && after.is_some_and(is_ident_char);
            !joins_before && !joins_after
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether `name` at `at` is a key of an object literal: after `{` or `,`, before `:`
/// (spaces and line breaks aside).
fn expect_key(js: &str, at: usize, name: &str, shape: &'static str) -> Result<(), ShortenError> {
    let before = js[..at].trim_end().chars().next_back();
    let after = js[at + name.len()..].trim_start().chars().next();
    if matches!(before, Some('{' | ',')) && after == Some(':') {
        Ok(())
    } else {
        Err(misplaced(js, at, name, shape))
    }
}

/// Whether the name at `at` is read as `VAR.name`, `VAR` a whole identifier.
fn is_member_of(js: &str, at: usize, var: &str) -> bool {
    js[..at]
        .strip_suffix('.')
        .and_then(|head| head.strip_suffix(var))
        .is_some_and(|head| !head.ends_with(|c| is_ident_char(c) || c == '.'))
}

/// The variable the JavaScript keeps the instance's exports in: `VAR` of the one
/// `VAR = INSTANCE.exports`.
fn exports_variable(js: &str) -> Result<String, ShortenError> {
    let found = word_at(js, "exports");
    let shape = "`VAR = INSTANCE.exports`";
    let at = match found.as_slice() {
        &[at] => at,
        found => {
            return Err(ShortenError::NotOnce {
                name: "exports".into(),
                count: found.len(),
                shape,
            })
        }
    };
    js[..at]
        .strip_suffix('.')
        .and_then(ident_before)
        .and_then(|(head, _instance)| head.trim_end().strip_suffix('='))
        .filter(|head| !head.ends_with(['=', '!', '<', '>']))
        .and_then(ident_before)
        .map(|(_, var)| var.to_owned())
        .ok_or_else(|| misplaced(js, at, "exports", shape))
}

/// `s` without the identifier it ends with (spaces aside), and that identifier.
fn ident_before(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end();
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some((&s[..start], &s[start..]))
}

fn misplaced(js: &str, at: usize, name: &str, shape: &'static str) -> ShortenError {
    let floor = |mut i: usize| {
        while !js.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at.saturating_sub(40));
    let end = floor((at + name.len() + 40).min(js.len()));
    ShortenError::Misplaced {
        name: name.to_owned(),
        at,
        shape,
        context: js[start..end].to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// trunk's release build of the fixture page (tests/fixtures/trunk-page), its
    /// JavaScript minified by esbuild as the step does (scripts/trunk-fixtures.sh).
    const PAGE_JS: &str = include_str!("../tests/fixtures/trunk-output/release/pair/page.js");
    const PAGE_WASM: &[u8] =
        include_bytes!("../tests/fixtures/trunk-output/release/pair/page_bg.wasm");

    /// (module, name) of each import, and the names of the exports.
    fn names(wasm: &[u8]) -> (Vec<(String, String)>, Vec<String>) {
        let module = read_module(wasm).unwrap();
        let imports = module
            .imports
            .iter()
            .map(|i| (i.module.clone(), i.name.clone()))
            .collect();
        (
            imports,
            module.exports.into_iter().map(|e| e.name).collect(),
        )
    }

    /// Every section but the import and export sections: id and contents.
    fn other_sections(wasm: &[u8]) -> Vec<(u8, Vec<u8>)> {
        let module = read_module(wasm).unwrap();
        module
            .sections
            .iter()
            .filter(|(id, _)| ![2, 7].contains(id))
            .map(|(id, range)| (*id, wasm[range.clone()].to_vec()))
            .collect()
    }

    #[track_caller]
    fn error(js: &str, wasm: &[u8]) -> String {
        match shorten(js, wasm) {
            Ok(_) => panic!("shortened, but should not have"),
            Err(e) => e.to_string(),
        }
    }

    /// A module whose imports are `imports` (module, name, a function or a memory) and that
    /// exports function 0 as `__wbindgen_malloc`.
    fn module(imports: &[(&str, &str, bool)]) -> Vec<u8> {
        module_exporting(imports, "__wbindgen_malloc")
    }

    /// The same, exporting function 0 as `export`.
    fn module_exporting(imports: &[(&str, &str, bool)], export: &str) -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut section = ImportSection::new();
        for (from, name, function) in imports {
            let ty = if *function {
                EntityType::Function(0)
            } else {
                EntityType::Memory(wasm_encoder::MemoryType {
                    minimum: 1,
                    maximum: None,
                    memory64: false,
                    shared: false,
                    page_size_log2: None,
                })
            };
            section.import(from, name, ty);
        }
        module.section(&section);
        let mut exports = ExportSection::new();
        exports.export(export, ExportKind::Func, 0);
        module.section(&exports);
        module.finish()
    }

    #[test]
    fn short_names_count_up() {
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(51), "Z");
        assert_eq!(short_name(52), "ab");
        assert_eq!(short_name(53), "bb");
        let all: std::collections::HashSet<_> = (0..3000).map(short_name).collect();
        assert_eq!(all.len(), 3000);
    }

    #[test]
    fn a_real_pair_gets_short_names_in_both_files() {
        let short = shorten(PAGE_JS, PAGE_WASM).unwrap();
        let (imports, exports) = names(&short.wasm);
        // Every import: a function from `w`, named a, b, …, and that name a key of the
        // import object, which is now `w`'s.
        assert_eq!(short.imports, 5);
        for (n, (from, name)) in imports.iter().enumerate() {
            assert_eq!(
                (from.as_str(), name.as_str()),
                (MODULE, short_name(n).as_str())
            );
            let key = format!(",{name}:function");
            assert_eq!(short.js.matches(&key).count(), 1, "{key} in {}", short.js);
        }
        assert!(short.js.contains("{__proto__:null,w:{__proto__:null,"));
        assert!(!short.js.contains("__wbg_"), "{}", short.js);
        assert!(!short.js.contains("_bg.js"), "{}", short.js);
        // wasm-bindgen's exports get short names wherever the JavaScript reads them; the
        // memory, the start function, short names and the app's own exports that name the
        // JavaScript's functions too keep theirs.
        assert_eq!(
            exports,
            [
                "memory",
                "greeting",
                "later",
                "page",
                "main",
                "a",
                "b",
                "c",
                "d",
                "e",
                "f",
                "g",
                "h",
                "__wbindgen_start"
            ]
        );
        assert_eq!(short.exports, 8);
        assert!(!short.js.contains("wasm_bindgen__"), "{}", short.js);
        for kept in [
            "s.memory",
            "s.__wbindgen_start()",
            "s.greeting(",
            "as greeting",
        ] {
            assert!(short.js.contains(kept), "{kept} in {}", short.js);
        }
        // The rest of the module, byte for byte; the JavaScript only changed at the names.
        assert_eq!(other_sections(&short.wasm), other_sections(PAGE_WASM));
        assert!(short.wasm.len() < PAGE_WASM.len());
        assert!(short.js.len() < PAGE_JS.len());
        wasmparser::Validator::new()
            .validate_all(&short.wasm)
            .unwrap();
    }

    #[test]
    fn a_name_not_where_expected_stops_the_step() {
        let import = "__wbg_log_262672f38921f58a";
        // Not there, twice, or not a key.
        let gone = PAGE_JS.replace(import, "__wbg_log_0000000000000000");
        assert!(error(&gone, PAGE_WASM).contains(&format!("{import} is in the JavaScript 0 times")));
        let twice = PAGE_JS.replace("function p(){", &format!("function p(){{{import};"));
        assert!(error(&twice, PAGE_WASM).contains("2 times, expected once as a key"));
        let not_a_key = PAGE_JS.replace(&format!("{import}:"), &format!("{import}=0,x:"));
        assert!(error(&not_a_key, PAGE_WASM).contains("but not as a key of the import object"));
        // A longer identifier does not count: still not found.
        let longer = PAGE_JS.replace(&format!("{import}:"), &format!("x{import}:"));
        assert!(error(&longer, PAGE_WASM).contains("0 times"));
        // The import object's key for the module.
        let no_module = PAGE_JS.replace("\"./trunk-page_bg.js\"", "\"./other_bg.js\"");
        assert!(error(&no_module, PAGE_WASM)
            .contains("\"./trunk-page_bg.js\" is in the JavaScript 0 times"));
        // One of wasm-bindgen's exports read otherwise than as a member of the exports.
        let computed = PAGE_JS.replace("s.__wbindgen_free(", "s[\"__wbindgen_free\"](");
        assert!(error(&computed, PAGE_WASM).contains("__wbindgen_free is in the JavaScript"));
        let other_object = PAGE_JS.replace("s.__wbindgen_free(", "x.__wbindgen_free(");
        assert!(error(&other_object, PAGE_WASM).contains("not as a member of the exports"));
        // Where the exports are kept.
        let no_exports = PAGE_JS.replace(".exports", ".exported");
        assert!(error(&no_exports, PAGE_WASM).contains("exports is in the JavaScript 0 times"));
        let two = format!("{PAGE_JS};x.exports");
        assert!(error(&two, PAGE_WASM).contains("exports is in the JavaScript 2 times"));
        let not_assigned = PAGE_JS.replace("=e.exports", "==e.exports");
        assert!(error(&not_assigned, PAGE_WASM).contains("but not as `VAR = INSTANCE.exports`"));
    }

    #[test]
    fn an_app_export_named_in_the_javascript_keeps_its_name() {
        let short = shorten(PAGE_JS, PAGE_WASM).unwrap();
        let (_, exports) = names(&short.wasm);
        assert!(exports.iter().any(|e| e == "greeting"));
        assert!(short.js.contains("s.greeting(") && short.js.contains("as greeting"));
    }

    #[test]
    fn a_module_of_another_shape_stops_the_step() {
        let js = "{__proto__:null,\"./app_bg.js\":{__proto__:null,__wbg_f_0123456789abcdef:\
                  function(){}}};c=r.exports;c.__wbindgen_malloc(1)";
        let f = "__wbg_f_0123456789abcdef";
        // The shape it knows, crafted: fine.
        let short = shorten(js, &module(&[("./app_bg.js", f, true)])).unwrap();
        assert_eq!(
            short.js,
            "{__proto__:null,w:{__proto__:null,a:function(){}}};c=r.exports;c.a(1)"
        );
        assert_eq!(short.wasm, module_exporting(&[(MODULE, "a", true)], "a"));
        // An import from another module, of another kind, twice; a malformed module.
        let other = error(js, &module(&[("./app_bg.js", f, true), ("env", "g", true)]));
        assert!(
            other.contains("imports \"g\" from \"env\", expected only functions"),
            "{other}"
        );
        let memory = error(
            js,
            &module(&[("./app_bg.js", f, true), ("./app_bg.js", "m", false)]),
        );
        assert!(
            memory.contains("imports \"m\" from \"./app_bg.js\", expected only"),
            "{memory}"
        );
        let twice = error(
            js,
            &module(&[("./app_bg.js", f, true), ("./app_bg.js", f, true)]),
        );
        assert!(twice.contains(&format!("imports \"{f}\" twice")), "{twice}");
        let not_bg = error(js, &module(&[("./app.js", f, true)]));
        assert!(not_bg.contains("from \"./app.js\", expected"), "{not_bg}");
        let whole = module(&[("./app_bg.js", f, true)]);
        let truncated = error(js, &whole[..whole.len() - 3]);
        assert!(
            truncated.starts_with("malformed WebAssembly"),
            "{truncated}"
        );
        assert!(error(js, b"\0asm\x0d\0\x01\0").contains("not a core WebAssembly module"));
    }
}
