//! trunk's post-build hook (see the crate docs): `postbuild [DIR]`, where DIR defaults to
//! `$TRUNK_STAGING_DIR`. With `POSTBUILD_SAVE_INPUT=FOLDER` in the environment it first
//! copies trunk's output, as trunk wrote it, to FOLDER (the e2e tier runs the step on it
//! again: tests/e2e/postbuild.test.mjs).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
    else {
        eprintln!("postbuild: give the staging folder as an argument or in TRUNK_STAGING_DIR");
        return ExitCode::FAILURE;
    };
    // A copy of trunk's output as it was, to run the step on again (tests, debugging).
    if let Some(copy) = std::env::var_os("POSTBUILD_SAVE_INPUT") {
        if let Err(e) = copy_dir(&dir, Path::new(&copy)) {
            eprintln!("postbuild: cannot copy {} to {copy:?}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    // esbuild, installed by `npm ci` from the app's package.json. Without it the scripts stay
    // as they are, with a warning: the app works the same, only larger.
    let esbuild = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/.bin/esbuild");
    let esbuild = if esbuild.exists() {
        Some(esbuild)
    } else {
        eprintln!(
            "postbuild: warning: {} not found (run npm ci); scripts left unminified, \
             imports and exports not renamed",
            esbuild.display()
        );
        None
    };
    let site = std::env::var("ZEZHOU_SITE_URL").ok();
    let split = Some(split_input());
    match postbuild::run(
        &dir,
        &postbuild::Options {
            esbuild,
            site,
            split,
        },
    ) {
        Ok(s) => {
            if let postbuild::dev::Reload::Unknown(why) = &s.reload {
                eprintln!("postbuild: warning: {why}");
            }
            if s.charts.is_empty() {
                eprintln!("postbuild: warning: nothing split off the app's module in this build");
            }
            println!(
                "postbuild: split off the app's module: {};  {} script(s) minified, short import and export names in {} module(s), {} stylesheets joined, first view rendered, \
                 CSP set{}, 404.html and sw.js ({} files precached) written in {}",
                s.charts.join(", "),
                s.minified,
                s.shortened,
                s.stylesheets,
                if s.reload == postbuild::dev::Reload::Admitted {
                    " (trunk's reload script admitted)"
                } else {
                    ""
                },
                s.precached,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("postbuild: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What the split needs (`postbuild::split`): cargo's module of the app for trunk's profile
/// (`$TRUNK_PROFILE`, release when not run by trunk) in the workspace's target folder (or
/// `$CARGO_TARGET_DIR`), or `$POSTBUILD_APP_WASM`; wasm-bindgen from the `PATH`, as trunk
/// runs it; in a release build wasm-opt from `npm ci` (binaryen), else from the `PATH`.
fn split_input() -> postbuild::split::Input {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let wasm = std::env::var_os("POSTBUILD_APP_WASM")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("target"))
                .join("wasm32-unknown-unknown")
                .join(if release { "release" } else { "debug" })
                .join("zezhou.wasm")
        });
    let npm = root.join("node_modules/.bin/wasm-opt");
    let wasm_opt = release.then(|| {
        if npm.exists() {
            npm
        } else {
            PathBuf::from("wasm-opt")
        }
    });
    postbuild::split::Input {
        wasm,
        wasm_bindgen: PathBuf::from("wasm-bindgen"),
        wasm_opt,
    }
}

/// Copies the folder `from` to `to`, replacing what was there.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    if to.exists() {
        std::fs::remove_dir_all(to)?;
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}
