//! Embeds the standard modules written in Python (src/eval/stdlib/py/) in the binary: writes
//! the table `PY_MODULES` of (dotted name, source, is_package) that src/eval/stdlib includes.

use std::fmt::Write;
use std::path::Path;

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, String, bool)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            if p.join("__init__.py").is_file() {
                let pkg = format!("{prefix}{name}");
                out.push((
                    pkg.clone(),
                    p.join("__init__.py").display().to_string(),
                    true,
                ));
                walk(&p, &format!("{pkg}."), out);
            }
        } else if let Some(stem) = name.strip_suffix(".py") {
            if stem != "__init__" {
                out.push((format!("{prefix}{stem}"), p.display().to_string(), false));
            }
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/eval/stdlib/py");
    println!("cargo:rerun-if-changed=src/eval/stdlib/py");
    let mut modules = Vec::new();
    walk(&root, "", &mut modules);
    let mut s = String::from("pub const PY_MODULES: &[(&str, &str, bool)] = &[\n");
    for (name, path, pkg) in modules {
        writeln!(s, "    ({name:?}, include_str!({path:?}), {pkg}),").unwrap();
    }
    s.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("stdlib_py.rs");
    std::fs::write(out, s).unwrap();
}
