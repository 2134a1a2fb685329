//! Fewer, smaller first-load files, after trunk has written them:
//!
//! - [`stylesheet_links`] and [`bundle_styles`]: trunk links each stylesheet of `style/`
//!   separately; one file gzips about 1.3 KB smaller than five and saves four requests;
//! - [`refresh_integrity`]: after a file changed in place (the wasm-bindgen JavaScript,
//!   minified by the hook because trunk's own minifier fails on it), every `integrity`
//!   attribute is computed again from the file it names.
//!
//! - [`late_loader`]: trunk's loader imports the app at once and preloads it from the head,
//!   so its download competes with the first view's and, in Lighthouse's model, counts
//!   towards the largest paint. The hook replaces it with a loader that waits until the
//!   browser has recorded the first view's largest paint, then fetches the same files with
//!   the same integrity;
//! - [`charts_start_script`] and [`insert_in_head`]: the charts module (built by trunk as a
//!   "worker" asset, so neither hashed nor linked) gets hashed file names, a start script,
//!   and a `<meta name="zezhou-charts">` that tells the page where that script is.
//!
//! The functions work on trunk's minified `index.html` (`<link href=./a.css
//! integrity=sha384-… rel=stylesheet>`) and take file contents from the caller, so they are
//! tested without a build.

use super::page::integrity;

/// A `<link …>` tag in the page: its byte range and its `href` value.
#[derive(Debug, PartialEq)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// The value of attribute `name` in a tag (quoted or not, as trunk's minifier leaves it).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    loop {
        let i = rest.find(name)?;
        let before = rest[..i].chars().next_back();
        let after = &rest[i + name.len()..];
        if matches!(before, Some(' ' | '\t' | '\n')) {
            if let Some(value) = after.strip_prefix('=') {
                return Some(match value.chars().next() {
                    Some(q @ ('"' | '\'')) => value[1..].split(q).next()?.to_owned(),
                    _ => value
                        .split(|c: char| c.is_whitespace() || c == '>')
                        .next()?
                        .to_owned(),
                });
            }
        }
        rest = after;
    }
}

/// Every `<link>` tag in `html` with its range, in order.
fn links(html: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<link ") {
        let start = from + i;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &html[start..end];
        if let Some(href) = attribute(tag, "href") {
            out.push(Link { start, end, href });
        }
        from = end;
    }
    out
}

/// The stylesheets trunk linked (with integrity), in order; not the no-script one, which
/// sits in `<noscript>` and applies only without JavaScript.
pub fn stylesheet_links(html: &str) -> Vec<Link> {
    links(html)
        .into_iter()
        .filter(|l| {
            let tag = &html[l.start..l.end];
            attribute(tag, "rel").as_deref() == Some("stylesheet")
                && attribute(tag, "integrity").is_some()
                && l.href.ends_with(".css")
                && !l.href.ends_with("noscript.css")
        })
        .collect()
}

/// The file name a link points to (`./a-1.css` → `a-1.css`).
pub fn file_name(href: &str) -> &str {
    href.strip_prefix("./").unwrap_or(href)
}

/// Replaces the stylesheet links with one link to `name`, whose contents are `css` (the
/// linked files' contents, concatenated in link order by the caller), where the first one
/// was. Returns the page unchanged when there is at most one stylesheet.
pub fn bundle_styles(html: &str, name: &str, css: &[u8]) -> String {
    let links = stylesheet_links(html);
    if links.len() < 2 {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (i, link) in links.iter().enumerate() {
        out.push_str(&html[at..link.start]);
        if i == 0 {
            out.push_str(&format!(
                "<link href=./{name} integrity={} rel=stylesheet>",
                integrity(css)
            ));
        }
        at = link.end;
    }
    out.push_str(&html[at..]);
    out
}

/// Recomputes every `integrity` attribute of a `<link>` from the file its `href` names
/// (`read` gives a file's bytes by name; links it cannot read keep their value).
pub fn refresh_integrity(html: &str, read: impl Fn(&str) -> Option<Vec<u8>>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for link in links(html) {
        let tag = &html[link.start..link.end];
        let (Some(old), Some(bytes)) = (attribute(tag, "integrity"), read(file_name(&link.href)))
        else {
            continue;
        };
        out.push_str(&html[at..link.start]);
        out.push_str(&tag.replacen(&old, &integrity(&bytes), 1));
        at = link.end;
    }
    out.push_str(&html[at..]);
    out
}

/// True for what may go into the generated scripts and tags unescaped: a plain file name, or
/// an integrity value (`sha384-` and base64).
fn plain(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '/' | '='))
}

/// The page's loader, run after the first view's largest paint (where the browser reports
/// it; else a frame later; at the latest after a second): it fetches `js` and `wasm`
/// checked against their integrity values (a module `<script>` with `integrity` for the
/// JavaScript, whose evaluated module `import()` then takes from the module map, and `fetch`
/// with `integrity` for the WebAssembly), starts the app,
/// and does nothing without WebAssembly (the HTML first view stays, see `page::finish`).
/// When the app cannot load (a file that fails its integrity check, a network error), the
/// page falls back to the static view as it does without WebAssembly (`no-wasm`).
///
/// First of all (a module script runs once the page is parsed), a link to a card
/// (`#/…/event/7`) brings the first view's card into view, so that the live app, which opens
/// the card in place, needs no jump from the top.
pub fn late_loader_script(
    js: &str,
    js_integrity: &str,
    wasm: &str,
    wasm_integrity: &str,
) -> String {
    format!(
        "document.getElementById('event-'+/\\/event\\/(\\d+)/.exec(location.hash)?.[1])?.scrollIntoView();\
if(typeof WebAssembly==='object'){{\
await new Promise(go=>{{setTimeout(go,1000);\
if(self.PerformanceObserver?.supportedEntryTypes?.includes('largest-contentful-paint'))\
new PerformanceObserver(go).observe({{type:'largest-contentful-paint',buffered:true}});\
else requestAnimationFrame(()=>setTimeout(go))}});\
try{{await new Promise((ok,no)=>document.head.append(Object.assign(document.createElement('script'),\
{{type:'module',src:'./{js}',integrity:'{js_integrity}',crossOrigin:'anonymous',onload:ok,onerror:no}})));\
const bindings=await import('./{js}');\
const wasm=await bindings.default({{module_or_path:fetch('./{wasm}',{{integrity:'{wasm_integrity}'}})}});\
window.wasmBindings=bindings;\
dispatchEvent(new CustomEvent('TrunkApplicationStarted',{{detail:{{wasm}}}}))}}\
catch(e){{document.documentElement.classList.add('no-wasm');throw e}}}}"
    )
}

/// `html` with trunk's loader (its module script and the two preload links of the app's
/// JavaScript and WebAssembly) replaced by [`late_loader_script`] with the same files and
/// integrity values. An error names what is missing.
pub fn late_loader(html: &str) -> Result<String, String> {
    let all = links(html);
    let preload = |rel: &str, ext: &str| {
        all.iter().find(|l| {
            let tag = &html[l.start..l.end];
            attribute(tag, "rel").as_deref() == Some(rel) && l.href.ends_with(ext)
        })
    };
    let js =
        preload("modulepreload", ".js").ok_or("no modulepreload link of the app's JavaScript")?;
    let wasm = preload("preload", ".wasm").ok_or("no preload link of the app's WebAssembly")?;
    let integrity_of = |l: &Link| {
        attribute(&html[l.start..l.end], "integrity").ok_or(format!("no integrity on {}", l.href))
    };
    let (js_name, wasm_name) = (file_name(&js.href), file_name(&wasm.href));
    let (js_sri, wasm_sri) = (integrity_of(js)?, integrity_of(wasm)?);
    if let Some(odd) = [js_name, wasm_name, &js_sri, &wasm_sri]
        .into_iter()
        .find(|v| !plain(v))
    {
        return Err(format!("unexpected characters in {odd:?}"));
    }
    let script = late_loader_script(js_name, &js_sri, wasm_name, &wasm_sri);

    // trunk's release build minifies the page (`type=module`), its debug build does not.
    let (open, start) = ["<script type=module>", "<script type=\"module\">"]
        .into_iter()
        .find_map(|open| html.find(open).map(|at| (open, at)))
        .ok_or("no module script (trunk's loader)")?;
    let end = start
        + html[start..]
            .find("</script>")
            .ok_or("unclosed loader script")?
        + "</script>".len();
    if !html[start..end].contains(&format!("'./{js_name}'")) {
        return Err(format!("the module script does not load {js_name}"));
    }
    // Cut the two links and the script, from the last to the first so ranges stay valid.
    let mut cuts = [
        (js.start, js.end, String::new()),
        (wasm.start, wasm.end, String::new()),
        (start, end, format!("{open}{script}</script>")),
    ];
    cuts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut out = html.to_owned();
    for (from, to, with) in cuts {
        out.replace_range(from..to, &with);
    }
    Ok(out)
}

/// The start script of the charts module whose files are `{base}.js` and `{base}_bg.wasm`.
/// It fetches both checked against their integrity values, as the page's loader does; when
/// they cannot load, it marks the charts' slot `data-state="failed"` (the page's CSS then
/// hides it, rather than leave "loading" there for good).
pub fn charts_start_script(base: &str, js_integrity: &str, wasm_integrity: &str) -> String {
    format!(
        "const at=(name)=>new URL(name,import.meta.url).href;\n\
         try{{await new Promise((ok,no)=>document.head.append(Object.assign(document.createElement('script'),\
         {{type:'module',src:at('./{base}.js'),integrity:'{js_integrity}',crossOrigin:'anonymous',onload:ok,onerror:no}})));\n\
         const {{default:init}}=await import('./{base}.js');\n\
         await init({{module_or_path:fetch(at('./{base}_bg.wasm'),{{integrity:'{wasm_integrity}'}})}})}}\n\
         catch(e){{document.getElementById('charts-root')?.setAttribute('data-state','failed');throw e}}\n"
    )
}

/// The tag that tells the page where the charts' start script is, and its integrity.
pub fn charts_meta(start: &str, start_integrity: &str) -> String {
    format!("<meta name=zezhou-charts content=./{start} data-integrity={start_integrity}>")
}

/// `html` with `tag` added at the end of its head; an error when the page has neither
/// `</head>` nor `<body`.
pub fn insert_in_head(html: &str, tag: &str) -> Result<String, String> {
    let at = html
        .find("</head>")
        .or_else(|| html.find("<body"))
        .ok_or("the page has no </head> or <body>")?;
    Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head><link href=./icon-1.svg integrity=sha384-ICON rel=icon>\
        <link href=./tokens-1.css integrity=sha384-A rel=stylesheet>\
        <link href=./base-2.css integrity=sha384-B rel=stylesheet>\
        <link crossorigin href=./app-3.js integrity=sha384-C rel=modulepreload>\
        <noscript><link rel=\"stylesheet\" href=\"./noscript.css\" integrity=\"sha384-N\"></noscript>\
        </head>";

    const TRUNK_LOADER: &str = "<head><script type=module>import init, * as bindings from './app-1.js';\n\
        const wasm = await init({ module_or_path: './app-1_bg.wasm' });\n</script>\
        <link href=./style-2.css integrity=sha384-S rel=stylesheet>\
        <link crossorigin href=./app-1.js integrity=sha384-J rel=modulepreload>\
        <link as=fetch crossorigin href=./app-1_bg.wasm integrity=sha384-W rel=preload type=application/wasm>\
        </head><body><div id=app></div>";

    #[test]
    fn the_late_loader_replaces_trunks_and_keeps_its_files_and_integrity() {
        let html = late_loader(TRUNK_LOADER).unwrap();
        assert!(
            !html.contains("rel=modulepreload") && !html.contains("rel=preload"),
            "{html}"
        );
        assert!(!html.contains("import init"), "{html}");
        assert!(html.contains("href=./style-2.css integrity=sha384-S rel=stylesheet"));
        let script = late_loader_script("app-1.js", "sha384-J", "app-1_bg.wasm", "sha384-W");
        assert!(
            html.starts_with(&format!("<head><script type=module>{script}</script>")),
            "{html}"
        );
        // The JavaScript through a module script with integrity, which every engine checks
        // (WebKit ignores integrity on modulepreload).
        assert!(script.contains("type:'module',src:'./app-1.js',integrity:'sha384-J'"));
        assert!(!script.contains("modulepreload"));
        assert!(script.contains("import('./app-1.js')"));
        assert!(script.contains("fetch('./app-1_bg.wasm',{integrity:'sha384-W'})"));
        assert!(script.contains("largest-contentful-paint"));
        // Bug (issue 12): a link to a card left the first view at the top.
        assert!(script.starts_with(
            r"document.getElementById('event-'+/\/event\/(\d+)/.exec(location.hash)?.[1])?.scrollIntoView();"
        ));
        assert!(script.contains("catch(e){document.documentElement.classList.add('no-wasm')"));
        assert!(html.ends_with("</head><body><div id=app></div>"));
    }

    #[test]
    fn the_late_loader_reads_trunks_debug_page_too() {
        let debug = TRUNK_LOADER
            .replace("<script type=module>", "<script type=\"module\">")
            .replace(
                "href=./app-1.js integrity=sha384-J rel=modulepreload",
                "href=\"./app-1.js\" integrity=\"sha384-J\" rel=\"modulepreload\"",
            )
            .replace(
                "href=./app-1_bg.wasm integrity=sha384-W rel=preload",
                "href=\"./app-1_bg.wasm\" integrity=\"sha384-W\" rel=\"preload\"",
            );
        let html = late_loader(&debug).unwrap();
        assert!(
            html.contains("fetch('./app-1_bg.wasm',{integrity:'sha384-W'})"),
            "{html}"
        );
        assert!(!html.contains("modulepreload\""));
    }

    #[test]
    fn the_late_loader_says_what_is_missing() {
        let no_wasm = TRUNK_LOADER.replace("rel=preload", "rel=prefetch");
        assert!(late_loader(&no_wasm).unwrap_err().contains("WebAssembly"));
        let other = TRUNK_LOADER.replace("from './app-1.js'", "from './other.js'");
        assert!(late_loader(&other)
            .unwrap_err()
            .contains("does not load app-1.js"));
        let no_sri = TRUNK_LOADER.replace(" integrity=sha384-J", "");
        assert!(late_loader(&no_sri).unwrap_err().contains("no integrity"));
        let quote = TRUNK_LOADER.replace("sha384-W", "sha384-W'+alert(1)+'");
        assert!(late_loader(&quote)
            .unwrap_err()
            .contains("unexpected characters"));
    }

    #[test]
    fn the_charts_start_script_loads_its_own_files() {
        let js = charts_start_script("charts-ab12", "sha384-J", "sha384-W");
        assert!(
            js.contains("type:'module',src:at('./charts-ab12.js'),integrity:'sha384-J'"),
            "{js}"
        );
        assert!(js.contains("await import('./charts-ab12.js')"));
        assert!(js.contains("fetch(at('./charts-ab12_bg.wasm'),{integrity:'sha384-W'})"));
        assert!(js.contains("setAttribute('data-state','failed')"));
        assert_eq!(
            charts_meta("charts-ab12-start.js", "sha384-S"),
            "<meta name=zezhou-charts content=./charts-ab12-start.js data-integrity=sha384-S>"
        );
    }

    #[test]
    fn a_tag_goes_at_the_end_of_the_head() {
        let meta = "<meta name=zezhou-charts content=./c.js>";
        assert_eq!(
            insert_in_head("<head><title>x</title></head><body>", meta).unwrap(),
            format!("<head><title>x</title>{meta}</head><body>")
        );
        assert_eq!(
            insert_in_head("<title>x</title><body>", meta).unwrap(),
            format!("<title>x</title>{meta}<body>")
        );
        assert!(insert_in_head("<title>x</title>", meta).is_err());
    }

    #[test]
    fn attributes_are_read_quoted_or_not() {
        let tag = "<link crossorigin href=./a.js data-href=x integrity=\"sha384-Q\" rel=x>";
        assert_eq!(attribute(tag, "href").as_deref(), Some("./a.js"));
        assert_eq!(attribute(tag, "integrity").as_deref(), Some("sha384-Q"));
        assert_eq!(attribute(tag, "rel").as_deref(), Some("x"));
        assert_eq!(attribute(tag, "type"), None);
    }

    #[test]
    fn the_stylesheets_are_found_in_order_without_the_noscript_one() {
        let names: Vec<_> = stylesheet_links(PAGE).into_iter().map(|l| l.href).collect();
        assert_eq!(names, ["./tokens-1.css", "./base-2.css"]);
    }

    #[test]
    fn two_stylesheets_become_one_link_where_the_first_was() {
        let css = b":root{--a:1}body{margin:0}";
        let html = bundle_styles(PAGE, "style-9.css", css);
        assert_eq!(stylesheet_links(&html).len(), 1);
        let expected = format!(
            "integrity=sha384-ICON rel=icon><link href=./style-9.css integrity={} rel=stylesheet><link crossorigin href=./app-3.js",
            integrity(css)
        );
        assert!(html.contains(&expected), "{html}");
        assert!(html.contains("noscript.css"));
        assert!(!html.contains("tokens-1.css") && !html.contains("base-2.css"));
    }

    #[test]
    fn one_stylesheet_is_left_alone() {
        let one = "<link href=./a.css integrity=sha384-A rel=stylesheet>";
        assert_eq!(bundle_styles(one, "b.css", b"x"), one);
    }

    #[test]
    fn integrity_follows_the_file_it_names() {
        let html = refresh_integrity(PAGE, |name| (name == "app-3.js").then(|| b"min".to_vec()));
        assert!(html.contains(&format!(
            "href=./app-3.js integrity={} rel",
            integrity(b"min")
        )));
        // Files it cannot read keep their value.
        assert!(html.contains("integrity=sha384-A rel=stylesheet"));
        assert!(html.contains("integrity=\"sha384-N\""));
    }
}
