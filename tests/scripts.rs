//! Golden scripts: every tests/scripts/*.py runs in nabla and must print exactly what
//! CPython + PyTorch printed (tests/scripts/*.out, made by tests/oracle/run_scripts.py).

use nabla::eval::{Capture, Session};

fn run(path: &std::path::Path) -> Result<String, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let cap = Capture::default();
    let mut s = Session::with_sink(Box::new(cap.clone()));
    s.set_argv(vec![path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()]);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    match s.run_file(&name, &src) {
        Ok(()) => Ok(cap.out.borrow().clone()),
        Err(e) => Err(format!("{}\n--- error ---\n{}", cap.out.borrow(), e.report)),
    }
}

#[test]
fn golden_scripts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 60, "only {} scripts", paths.len());
    let only = std::env::var("SCRIPT").ok();
    let mut failures = Vec::new();
    for p in &paths {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let expected = std::fs::read_to_string(p.with_extension("out")).unwrap();
        match run(p) {
            Ok(out) if out == expected => {}
            Ok(out) => {
                let line = out
                    .lines()
                    .zip(expected.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(out.lines().count().min(expected.lines().count()));
                failures.push(format!(
                    "{name}: first difference at line {}\n  got:      {:?}\n  expected: {:?}",
                    line + 1,
                    out.lines().nth(line).unwrap_or("<end>"),
                    expected.lines().nth(line).unwrap_or("<end>")
                ));
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}
