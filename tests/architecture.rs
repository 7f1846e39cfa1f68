//! Keeps the layers of ../shared/DESIGN.md: each module may import only the modules listed
//! for it here (every `crate::…` path in its files is checked, root re-exports resolved to
//! the module they come from), and lib.rs's module map names every module.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const ENGINE: &[&str] = &["types", "backend", "tensor", "autograd"];
const LIBRARY: &[&str] = &["nn", "optim", "data", "io"];

/// Module → the modules it may import.
fn allowed() -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut m = BTreeMap::new();
    m.insert("types", vec![]);
    m.insert("backend", vec!["types"]);
    // src/tensor/ records autograd nodes but never imports src/autograd/.
    m.insert("tensor", vec!["types", "backend"]);
    m.insert("autograd", vec!["types", "backend", "tensor"]);
    for lib in LIBRARY {
        m.insert(*lib, [ENGINE, LIBRARY].concat());
    }
    // The syntax imports nothing of the engine.
    m.insert("syntax", vec![]);
    m.insert("display", [ENGINE, LIBRARY].concat());
    m.insert("eval", [ENGINE, LIBRARY, &["syntax", "display"]].concat());
    m.insert(
        "repl",
        [ENGINE, LIBRARY, &["syntax", "display", "eval"]].concat(),
    );
    m.insert(
        "jupyter",
        [ENGINE, LIBRARY, &["syntax", "display", "eval"]].concat(),
    );
    m
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Root items re-exported by lib.rs (`pub use tensor::{Tensor, …}`) → their module.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.trim_matches(|c| "{};".contains(c)).split(',') {
            let name = item.trim().rsplit(" as ").next().unwrap_or("").trim();
            if !name.is_empty() {
                m.insert(name.to_string(), module.to_string());
            }
        }
    }
    m
}

/// The first path segment after every `crate::` in `src`, with `use crate::{a, b::c}`
/// groups expanded.
fn crate_imports(src: &str) -> Vec<String> {
    segments_after(src, "crate::")
}

/// The first path segment after every `prefix` in `src`, with `{a, b::c}` groups expanded.
fn segments_after(src: &str, prefix: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(prefix) {
        rest = &rest[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(
                group[..end]
                    .split(',')
                    .map(|item| ident(item.trim()))
                    .filter(|s| !s.is_empty()),
            );
        } else {
            out.push(ident(rest));
        }
    }
    out
}

#[test]
fn modules_import_only_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = root_reexports(&lib);
    let allowed = allowed();
    let mut violations = Vec::new();
    let modules: Vec<String> = lib
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub mod ")
                .map(|m| m.trim_end_matches(';').to_string())
        })
        .collect();
    assert!(!modules.is_empty());
    for module in &modules {
        let Some(ok) = allowed.get(module.as_str()) else {
            panic!("module `{module}` has no place in tests/architecture.rs's layer table: add it");
        };
        let mut files = Vec::new();
        let dir = src.join(module);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        } else {
            files.push(src.join(format!("{module}.rs")));
        }
        for f in files {
            let text = fs::read_to_string(&f).unwrap();
            for seg in crate_imports(&text) {
                let target = if modules.contains(&seg) {
                    seg.clone()
                } else if let Some(m) = reexports.get(&seg) {
                    m.clone()
                } else {
                    continue; // a macro exported at the root, e.g. `with_dtype!`
                };
                if target != *module && !ok.contains(&target.as_str()) {
                    violations.push(format!(
                        "{} imports `crate::{seg}` (layer `{target}`)",
                        f.display()
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "upward imports:\n{}",
        violations.join("\n")
    );
}

#[test]
fn module_map_names_every_module() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(m) = line.trim().strip_prefix("pub mod ") {
            let m = m.trim_end_matches(';');
            assert!(
                lib.contains(&format!("//! - [`{m}`]")),
                "lib.rs's module map lacks `{m}`"
            );
        }
    }
}

#[test]
fn the_checker_sees_grouped_and_plain_imports() {
    let found =
        crate_imports("use crate::{types::DType, backend};\nlet x = crate::tensor::Tensor::new();");
    assert_eq!(found, vec!["types", "backend", "tensor"]);
}

/// src/eval/'s folders → the folders each may use. lang/ is the language (values, the
/// interpreter, calls, exceptions, built-ins); the bindings build on it, never the reverse.
/// Files directly in src/eval/ (the session, the import table) may use every folder.
const EVAL_LAYERS: &[(&str, &[&str])] = &[
    ("lang", &[]),
    ("numpy", &["lang"]),
    ("torch", &["lang", "numpy"]),
    ("nn", &["lang", "numpy", "torch"]),
    ("plt", &["lang", "numpy", "torch"]),
    ("nabla", &["lang", "numpy", "torch", "nn"]),
    ("tools", &["lang", "numpy", "torch", "plt"]),
    ("stdlib", &["lang", "tools"]),
];

/// The names of the methods `impl Interp` blocks in `src` define.
fn interp_methods(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in src.lines() {
        if line.starts_with("impl Interp") {
            inside = true;
        } else if line.starts_with('}') {
            inside = false;
        } else if inside {
            let l = line.trim_start();
            let indent = line.len() - l.len();
            let l = l
                .strip_prefix("pub ")
                .or_else(|| l.strip_prefix("pub(crate) "))
                .or_else(|| l.strip_prefix("pub(super) "))
                .unwrap_or(l);
            if let (4, Some(rest)) = (indent, l.strip_prefix("fn ")) {
                out.push(
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect(),
                );
            }
        }
    }
    out
}

/// The first segment after every `crate::eval::` (groups expanded), and `super::super`
/// where a file reaches two folders up.
fn eval_imports(src: &str) -> Vec<String> {
    let mut out = segments_after(src, "crate::eval::");
    if src.contains("super::super") {
        out.push("super::super".into());
    }
    out
}

#[test]
fn eval_bindings_build_on_the_language() {
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/eval");
    let layers: BTreeMap<&str, &[&str]> = EVAL_LAYERS.iter().copied().collect();
    // Every file of src/eval/ with its folder ("" for the files directly in src/eval/).
    let mut files = Vec::new();
    rust_files(&eval, &mut files);
    let group_of = |p: &Path| -> String {
        let rel = p.strip_prefix(&eval).unwrap();
        let mut parts = rel.components();
        match (parts.next(), parts.next()) {
            (Some(dir), Some(_)) => dir.as_os_str().to_string_lossy().into_owned(),
            _ => String::new(),
        }
    };
    let texts: Vec<(String, std::path::PathBuf, String)> = files
        .iter()
        .map(|p| (group_of(p), p.clone(), fs::read_to_string(p).unwrap()))
        .collect();
    let mut violations = Vec::new();
    for (group, path, text) in &texts {
        if group.is_empty() {
            continue;
        }
        let Some(ok) = layers.get(group.as_str()) else {
            panic!("src/eval/{group}/ has no place in tests/architecture.rs's EVAL_LAYERS: add it");
        };
        for seg in eval_imports(text) {
            if seg != *group && !ok.contains(&seg.as_str()) {
                violations.push(format!("{} uses `crate::eval::{seg}`", path.display()));
            }
        }
        if path.ends_with("mod.rs") && text.contains("super::") {
            violations.push(format!(
                "{} reaches above its folder with `super::`",
                path.display()
            ));
        }
    }
    // A method one folder adds to `Interp` may be called only where that folder may be used.
    for (owner, owner_path, text) in &texts {
        for m in interp_methods(text) {
            let call = format!(".{m}(");
            for (group, path, user) in &texts {
                let allowed = group.is_empty()
                    || group == owner
                    || layers
                        .get(group.as_str())
                        .is_some_and(|ok| ok.contains(&owner.as_str()));
                if !allowed && user.contains(&call) {
                    violations.push(format!(
                        "{} calls `{m}`, which {} adds to Interp",
                        path.display(),
                        owner_path.display()
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "src/eval/ uses a layer above it (lang/ reaches bindings through lang/bindings.rs):\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_eval_checker_sees_methods_and_paths() {
    let src = "impl Interp {\n    pub fn install_plt(&mut self) {}\n    fn helper(&self) {}\n}\nfn free() {}\n";
    assert_eq!(interp_methods(src), vec!["install_plt", "helper"]);
    let found = eval_imports(
        "use crate::eval::{lang::value, torch::TORCH};\nuse crate::eval::plt::X;\nsuper::super::y",
    );
    assert_eq!(found, vec!["lang", "torch", "plt", "super::super"]);
}
