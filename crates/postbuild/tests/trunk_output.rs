//! The whole step ([`postbuild::run`]) on trunk's real output of a small page built like the
//! app (tests/fixtures/trunk-page): its `index.html` as trunk 0.21.14 wrote it for a release
//! build, a debug build, `trunk serve` and `trunk serve --release`, with the files it names (their contents made up
//! here: the step only hashes, joins and renames them). `scripts/trunk-fixtures.sh`
//! regenerates the fixtures, after a trunk upgrade for example.

use postbuild::dom::{self, Tag};
use postbuild::hash::{csp_hash, integrity};
use postbuild::{run, scripts, Error, Options, Summary};
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/trunk-output");

/// A staging folder as trunk leaves it for the hook: the fixture's `index.html` (changed by
/// `edit`) and a file for every other name it lists.
fn stage(fixture: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let from = Path::new(FIXTURES).join(fixture);
    let dir = std::env::temp_dir().join(format!(
        "postbuild-{fixture}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let list = std::fs::read_to_string(from.join("files.txt")).unwrap();
    for name in list.lines() {
        let body = match name {
            "index.html" => edit(std::fs::read_to_string(from.join(name)).unwrap()),
            n if n.ends_with(".css") => format!("/* {n} */ p{{margin:0}}\n"),
            n if n.ends_with(".js") => format!("// {n}\nexport default async function () {{}}\n"),
            n => format!("bytes of {n}"),
        };
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    dir
}

fn finish(fixture: &str) -> (PathBuf, String, Summary) {
    finish_with(fixture, &Options::default())
}

fn finish_with(fixture: &str, options: &Options) -> (PathBuf, String, Summary) {
    let dir = stage(fixture, |html| html);
    let summary = run(&dir, options).unwrap();
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    (dir, html, summary)
}

#[track_caller]
fn only(html: &str, selector: &str) -> Tag {
    let mut tags = dom::select(html, selector).unwrap();
    assert_eq!(tags.len(), 1, "one {selector} in {html}");
    tags.remove(0)
}

/// The value of directive `name` in the page's policy.
#[track_caller]
fn directive(html: &str, name: &str) -> String {
    let meta = only(html, r#"meta[http-equiv="Content-Security-Policy"]"#);
    let csp = meta.get("content").unwrap().to_owned();
    csp.split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix(name).map(|v| v.trim().to_owned()))
        .unwrap_or_else(|| panic!("no {name} in {csp}"))
}

#[track_caller]
fn assert_integrity(dir: &Path, href: &str, value: &str) {
    let bytes = std::fs::read(dir.join(dom::file_name(href))).unwrap();
    assert_eq!(value, integrity(&bytes), "integrity of {href}");
}

/// What every finished page must be, whatever trunk's build: the assertions shared by the
/// release, debug and serve fixtures.
fn check_finished(dir: &Path, html: &str) {
    // trunk's loader and preloads are gone; the late loader has the same files, checked.
    for preload in ["link[rel=modulepreload]", "link[rel=preload]"] {
        assert!(dom::select(html, preload).unwrap().is_empty(), "{preload}");
    }
    let loader = only(html, "script[type=module]");
    assert_eq!(loader.text, scripts::LATE_LOADER.trim_end());
    for kind in ["js", "wasm"] {
        let href = loader.get(&format!("data-{kind}")).unwrap();
        assert!(href.starts_with("./trunk-page-"), "{href}");
        assert!(href.ends_with(&format!(".{kind}")), "{href}");
        assert_integrity(
            dir,
            href,
            loader.get(&format!("data-{kind}-integrity")).unwrap(),
        );
    }
    // The story's language pools: files of their own under hashed names, each with its
    // integrity, and the bytes the app's story is split into.
    for (name, bytes) in scripts::TEXTS_NAMES.iter().zip(zezhou::data::TEXTS) {
        let href = loader.get(&format!("data-{name}")).unwrap();
        assert!(href.starts_with(&format!("./story-{name}-")), "{href}");
        assert!(href.ends_with(".bin"), "{href}");
        assert_eq!(
            std::fs::read(dir.join(dom::file_name(href))).unwrap(),
            bytes
        );
        assert_integrity(
            dir,
            href,
            loader.get(&format!("data-{name}-integrity")).unwrap(),
        );
    }

    // One stylesheet: the two of style/, joined in their order; then the no-script one.
    let style = only(html, r#"link[rel=stylesheet]:not([href$="noscript.css"])"#);
    let href = style.get("href").unwrap();
    assert!(
        href.starts_with("./style-") && href.ends_with(".css"),
        "{href}"
    );
    let css = std::fs::read_to_string(dir.join(dom::file_name(href))).unwrap();
    let tokens = css.find("/* tokens-").expect("tokens.css joined");
    let base = css.find("/* base-").expect("base.css joined");
    assert!(tokens < base, "{css}");
    assert_integrity(dir, href, style.get("integrity").unwrap());
    // (lol_html reads <noscript> as a browser with scripting does: as text.)
    let noscript = only(
        &only(html, "noscript").text,
        r#"link[href="./noscript.css"]"#,
    );
    assert_integrity(dir, "noscript.css", noscript.get("integrity").unwrap());
    for tag in dom::select(html, "link[integrity]").unwrap() {
        assert_integrity(dir, tag.get("href").unwrap(), tag.get("integrity").unwrap());
    }
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("tokens-") || n.starts_with("base-")),
        "the joined files are removed: {names:?}"
    );

    // The first view in #app; the fallbacks in the head.
    assert_eq!(
        dom::select(html, "#app [data-testid=event-card]")
            .unwrap()
            .len(),
        10
    );
    assert!(html.contains("<p class=\"static-note\" hidden>"));
    let head_scripts: Vec<String> = dom::select(html, "script:not([type]):not([src])")
        .unwrap()
        .into_iter()
        .map(|t| t.text)
        .collect();
    for script in scripts::HEAD_SCRIPTS {
        assert!(
            head_scripts.contains(&script.trim_end().to_owned()),
            "{script}"
        );
    }

    // The policy: first after <meta charset>, before any script, every inline script hashed
    // and nothing else.
    let csp_at = html.find("Content-Security-Policy").unwrap();
    assert!(html.find("charset").unwrap() < csp_at);
    assert!(csp_at < html.find("<script").unwrap());
    let inline = dom::inline_scripts(html).unwrap();
    let mut want = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    want.extend(inline.iter().map(|s| csp_hash(s)));
    assert_eq!(directive(html, "script-src"), want.join(" "));
    assert_eq!(directive(html, "style-src"), "'self'");

    // The embed view: the same head, not the page's loader, the app's module started at once
    // by a script of its own (with its integrity) that loads the same files checked the same
    // way, a slot for one chart, a policy of its own.
    let embed = std::fs::read_to_string(dir.join("embed.html")).unwrap();
    assert!(only(&embed, "html").get("data-embed").is_some());
    assert!(dom::select(
        &embed,
        "script[type=module]:not([src]), link[rel=modulepreload], #app"
    )
    .unwrap()
    .is_empty());
    let starter = only(&embed, "script[type=module][src]");
    let start = starter.get("src").unwrap();
    assert!(start.starts_with("./embed-"), "{start}");
    assert_integrity(dir, start, starter.get("integrity").unwrap());
    let script = std::fs::read_to_string(dir.join(dom::file_name(start))).unwrap();
    for kind in ["js", "wasm"] {
        let file = loader.get(&format!("data-{kind}")).unwrap();
        assert!(script.contains(&format!("\"{file}\"")), "{script}");
        let value = loader.get(&format!("data-{kind}-integrity")).unwrap();
        assert!(script.contains(&format!("\"{value}\"")), "{script}");
    }
    assert_eq!(only(&embed, "main#charts-root").get("class"), Some("embed"));
    // The page's note on its static first view stays out of the embed.
    assert!(!embed.contains("static-note"));
    let inline = dom::inline_scripts(&embed).unwrap();
    let mut want = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    want.extend(inline.iter().map(|s| csp_hash(s)));
    assert_eq!(directive(&embed, "script-src"), want.join(" "));

    // Each language's page: its own <html lang>, title, description, first view and preview
    // tags, and every address one folder up.
    // Without the site's address, no alternates: a relative one is invalid (with one:
    // `with_the_site_address_every_page_names_the_others_absolutely`).
    assert!(dom::select(html, "link[hreflang]").unwrap().is_empty());
    for (folder, lang, title, event) in [
        (
            "",
            "zh-Hans",
            "泽州县2017年脱贫攻坚十件大事",
            "减贫指标超额完成",
        ),
        (
            "zh-Hant/",
            "zh-Hant",
            "澤州縣2017年脫貧攻堅十件大事",
            "減貧指標超額完成",
        ),
        (
            "en/",
            "en",
            "Ten Major Events in Zezhou County’s 2017 Fight Against Poverty",
            "Main poverty-reduction targets exceeded",
        ),
    ] {
        let page = std::fs::read_to_string(dir.join(folder).join("index.html")).unwrap();
        assert_eq!(only(&page, "html").get("lang"), Some(lang));
        assert_eq!(only(&page, "title").text, title);
        assert_eq!(
            only(&page, "meta[property=\"og:title\"]").get("content"),
            Some(title)
        );
        let description = only(&page, "meta[name=description]");
        assert_eq!(
            only(&page, "meta[property=\"og:description\"]").get("content"),
            description.get("content")
        );
        assert!(
            dom::select(&page, "#app [data-testid=event-card]")
                .unwrap()
                .len()
                == 10
                && page.contains(event),
            "{lang}: no first view in the language"
        );
        let up = if folder.is_empty() { "./" } else { "../" };
        assert_eq!(
            only(&page, "meta[property=\"og:image\"]").get("content"),
            Some(format!("{up}og-{lang}.png").as_str())
        );
        assert_eq!(
            only(&page, "meta[name=zezhou-root]").get("content"),
            Some(up)
        );
        if !folder.is_empty() {
            // Every address of the page is the root page's, one folder up.
            let addresses = |page: &str| -> Vec<String> {
                let mut found = Vec::new();
                for tag in
                    dom::select(page, "link[href], script[src], [data-js], [data-wasm]").unwrap()
                {
                    for name in postbuild::page::ADDRESSES {
                        found.extend(tag.get(name).map(str::to_owned));
                    }
                }
                found
            };
            let root: Vec<String> = addresses(html)
                .iter()
                .map(|a| format!("../{}", a.trim_start_matches("./")))
                .collect();
            assert_eq!(addresses(&page), root, "{lang}");
            assert!(root.iter().any(|a| a.starts_with("../style-")));
            assert!(root.iter().any(|a| a.starts_with("../story-en-")));
            // Same scripts, so the same policy.
            assert_eq!(
                directive(&page, "script-src"),
                directive(html, "script-src")
            );
        }
    }

    // The link previews: the page's tags name its picture; one picture per language, a
    // PNG of the stated size whose text chunks say its title and language.
    let image = only(html, "meta[property=\"og:image\"]");
    assert_eq!(image.get("content"), Some("./og-zh-Hans.png"));
    assert_eq!(
        only(html, "meta[property=\"og:title\"]").get("content"),
        Some("泽州县2017年脱贫攻坚十件大事")
    );
    assert_eq!(
        only(html, "meta[name=\"twitter:card\"]").get("content"),
        Some("summary_large_image")
    );
    for (lang, title) in [
        ("zh-Hans", "泽州县2017年脱贫攻坚十件大事"),
        ("zh-Hant", "澤州縣2017年脫貧攻堅十件大事"),
        (
            "en",
            "Ten Major Events in Zezhou County’s 2017 Fight Against Poverty",
        ),
    ] {
        let file = std::fs::File::open(dir.join(format!("og-{lang}.png"))).unwrap();
        let reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (1200, 630), "{lang}");
        let text: Vec<(String, String)> = info
            .utf8_text
            .iter()
            .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
            .collect();
        assert_eq!(
            text,
            [
                ("Title".to_owned(), title.to_owned()),
                ("Language".to_owned(), lang.to_owned())
            ],
            "{lang}"
        );
    }

    // 404.html, the print pictures, and the worker precaching every other file.
    for file in [
        "404.html",
        "sw.js",
        "print-charts-zh-Hans.svg",
        "print-charts-en.svg",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let worker = std::fs::read_to_string(dir.join("sw.js")).unwrap();
    for page in [
        "./",
        "./en/",
        "./en/index.html",
        "./zh-Hant/",
        "./zh-Hant/index.html",
    ] {
        assert!(
            worker.contains(&format!("\"{page}\"")),
            "{page} not precached"
        );
    }
    for name in &names {
        if name != "sw.js" && name != "404.html" && dir.join(name).is_file() {
            assert!(
                worker.contains(&format!("\"./{name}\"")),
                "{name} not precached"
            );
        }
    }
}

#[test]
fn a_release_build_is_finished() {
    let (dir, html, summary) = finish("release");
    check_finished(&dir, &html);
    assert_eq!(summary.stylesheets, 2);
    // The fixture's module has no lazy function: nothing to split off.
    assert!(summary.charts.is_empty());
    assert_eq!(summary.reload, postbuild::dev::Reload::Absent);
    // trunk's release page is minified (no <head> tag, unquoted attributes): the step's
    // own tags are written the same way.
    assert!(
        html.contains("<script type=module data-js=./trunk-page-"),
        "{html}"
    );
    assert!(html.contains("<link href=./style-"), "{html}");
    assert_eq!(dom::inline_scripts(&html).unwrap().len(), 2);
}

#[test]
fn a_module_with_a_lazy_function_is_not_shipped_unsplit() {
    // wasm-bindgen's JavaScript of a module with a lazy function imports the placeholder
    // that only the split replaces: without what the split needs, the step stops.
    let dir = stage("release", |html| html);
    let js = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.to_string_lossy().ends_with(".js") && p.to_string_lossy().contains("trunk-page-")
        })
        .unwrap();
    std::fs::write(
        &js,
        format!(
            "import * as import1 from \"{}\"\n",
            postbuild::split::PLACEHOLDER
        ),
    )
    .unwrap();
    let err = run(&dir, &Options::default()).unwrap_err();
    assert!(matches!(err, Error::Missing(_)), "{err}");
}

#[test]
fn a_debug_build_is_finished() {
    let (dir, html, summary) = finish("debug");
    check_finished(&dir, &html);
    assert!(summary.charts.is_empty());
    assert_eq!(summary.reload, postbuild::dev::Reload::Absent);
    assert_eq!(dom::inline_scripts(&html).unwrap().len(), 2);
}

#[test]
fn under_trunk_serve_the_policy_admits_exactly_trunks_reload_script() {
    let (dir, html, summary) = finish("serve");
    check_finished(&dir, &html);
    assert_eq!(summary.reload, postbuild::dev::Reload::Admitted);
    // The three scripts: the loader, the pre-paint one, trunk's reload script; no more.
    let inline = dom::inline_scripts(&html).unwrap();
    assert_eq!(inline.len(), 3);
    assert!(inline[2].contains(".well-known/trunk/ws"));
    // What the browser gets: trunk's server fills its placeholders per response (with the
    // request's Host and its WebSocket path); the scripts, and so their hashes, stay.
    let served = html
        .replace("'{{__TRUNK_ADDRESS__}}'", "'127.0.0.1:8080'")
        .replace("{{__TRUNK_WS_BASE__}}", "/");
    assert_eq!(dom::inline_scripts(&served).unwrap(), inline);
    assert_eq!(
        only(&served, "script[data-ws-base]").get("data-ws-base"),
        Some("/")
    );
}

#[test]
fn under_trunk_serve_release_too() {
    let (dir, html, summary) = finish("serve-release");
    check_finished(&dir, &html);
    assert_eq!(summary.reload, postbuild::dev::Reload::Admitted);
    let inline = dom::inline_scripts(&html).unwrap();
    assert_eq!(inline.len(), 3);
    let served = html
        .replace("`{{__TRUNK_ADDRESS__}}`", "'127.0.0.1:8080'")
        .replace("{{__TRUNK_WS_BASE__}}", "/");
    assert_eq!(dom::inline_scripts(&served).unwrap(), inline);
}

#[test]
fn a_page_the_step_does_not_know_is_an_error_that_says_what_is_missing() {
    let missing = |fixture: &str, edit: &dyn Fn(String) -> String| {
        let dir = stage(fixture, edit);
        match run(&dir, &Options::default()) {
            Ok(_) => panic!("{fixture}: no error"),
            Err(e) => e,
        }
    };
    let no_app = missing("release", &|h| h.replace("<div id=app></div>", ""));
    assert!(
        matches!(no_app, Error::Missing(what) if what.contains("id=\"app\"")),
        "{no_app}"
    );
    let no_wasm = missing("debug", &|h| {
        h.replace("rel=\"preload\"", "rel=\"prefetch\"")
    });
    assert!(no_wasm.to_string().contains("WebAssembly"), "{no_wasm}");
    let other = missing("release", &|h| {
        h.replace("from './trunk-page-", "from './other-")
    });
    assert!(
        other.to_string().contains("trunk's loader does not load"),
        "{other}"
    );
    let quote = missing("release", &|h| {
        // (An integrity value is computed again from the file; a name is not.)
        let preload = &dom::select(&h, "link[rel=modulepreload]").unwrap()[0];
        let href = format!("href={}", preload.get("href").unwrap());
        h.replacen(&href, &href.replace(".js", "'+alert(1)+'.js"), 1)
    });
    assert!(
        quote.to_string().contains("unexpected characters"),
        "{quote}"
    );
}

#[test]
fn with_the_site_address_every_page_names_the_others_absolutely() {
    let options = Options {
        site: Some("https://example.org/zezhou".to_owned()),
        ..Options::default()
    };
    let (dir, _, _) = finish_with("release", &options);
    for (folder, lang) in [("", "zh-Hans"), ("zh-Hant/", "zh-Hant"), ("en/", "en")] {
        let page = std::fs::read_to_string(dir.join(folder).join("index.html")).unwrap();
        let links: Vec<(String, String)> = dom::select(&page, "link[rel=alternate][hreflang]")
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t.get("hreflang").unwrap().to_owned(),
                    t.get("href").unwrap().to_owned(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = [
            ("zh-Hans", "https://example.org/zezhou/"),
            ("zh-Hant", "https://example.org/zezhou/zh-Hant/"),
            ("en", "https://example.org/zezhou/en/"),
            ("x-default", "https://example.org/zezhou/"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(links, want, "{lang}");
        assert_eq!(
            only(&page, "meta[property=\"og:url\"]").get("content"),
            Some(format!("https://example.org/zezhou/{folder}").as_str())
        );
        assert_eq!(
            only(&page, "meta[property=\"og:image\"]").get("content"),
            Some(format!("https://example.org/zezhou/og-{lang}.png").as_str())
        );
    }
}
