//! Multi-file programs: every tests/programs/<name>/ is a small project (a package plus
//! train.py) that `nabla run train.py <args.txt> <tmpdir>` must run exactly as CPython +
//! PyTorch did when expected.out was made. args.txt holds the flags on one line, the last
//! one naming the output directory, whose value (a fresh temporary folder) the test appends.

use std::path::Path;
use std::process::Command;

/// Runs one program in its own folder with a fresh output directory; Ok(stdout) on exit 0.
fn run(dir: &Path) -> Result<String, String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let args = std::fs::read_to_string(dir.join("args.txt")).map_err(|e| e.to_string())?;
    let out_dir = std::env::temp_dir().join(format!("nabla-program-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let result = Command::new(env!("CARGO_BIN_EXE_nabla"))
        .arg("run")
        .arg("train.py")
        .args(args.split_whitespace())
        .arg(&out_dir)
        .current_dir(dir)
        // The embedded standard library is what is under test, not a checkout's sources.
        .env_remove("NABLA_STDLIB")
        .output();
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = result.map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(format!(
            "exited with {}\n{stdout}\n--- stderr ---\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

#[test]
fn programs_print_what_pytorch_printed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no programs in {}", root.display());
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(dir.join("expected.out")).unwrap();
        match run(dir) {
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
        "{} of {} programs differ:\n\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n\n")
    );
}
