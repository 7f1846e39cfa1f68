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
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let seg: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !seg.is_empty() {
                    out.push(seg);
                }
            }
        } else {
            out.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
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
