//! The Jupyter kernel against Jupyter's own tools: jupyter_kernel_test (the project's
//! conformance suite, every sample attribute set) and our protocol checks
//! (tests/jupyter/test_kernel.py), then every notebooks/*.ipynb executed through nbclient.
//!
//! The Python these need comes from tests/jupyter/requirements.txt into a venv under
//! target/tmp, made here on first run. Without python3 or PyPI the test fails and says so;
//! `NABLA_SKIP_JUPYTER=1` skips it deliberately.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command, what: &str) -> Result<String, String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{what}: could not start: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{what} failed ({}):\n{text}", out.status))
    }
}

/// The venv with the requirements installed (made once; remade when they change).
fn venv() -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("jupyter-venv");
    let reqs = root().join("tests/jupyter/requirements.txt");
    let wanted = std::fs::read_to_string(&reqs).map_err(|e| e.to_string())?;
    let stamp = dir.join("requirements.done");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    run(
        Command::new("python3").args(["-m", "venv"]).arg(&dir),
        "python3 -m venv",
    )?;
    run(
        Command::new(dir.join("bin/python"))
            .args([
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(&reqs),
        "pip install -r tests/jupyter/requirements.txt",
    )?;
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    Ok(dir)
}

#[test]
fn kernel_conformance_and_notebooks() {
    if std::env::var("NABLA_SKIP_JUPYTER").is_ok_and(|v| v == "1") {
        eprintln!("NABLA_SKIP_JUPYTER=1: the Jupyter conformance test is skipped");
        return;
    }
    let venv = venv().unwrap_or_else(|e| {
        panic!("the Jupyter test venv could not be made (python3 and PyPI are needed; NABLA_SKIP_JUPYTER=1 skips this test): {e}")
    });
    let py = venv.join("bin/python");
    let runtime = venv.join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    run(
        Command::new(env!("CARGO_BIN_EXE_nabla"))
            .args(["kernel", "install", "--prefix"])
            .arg(&venv),
        "nabla kernel install --prefix",
    )
    .unwrap();
    let jupyter_env = |c: &mut Command| {
        c.env("JUPYTER_RUNTIME_DIR", &runtime)
            .env("JUPYTER_PLATFORM_DIRS", "1")
            .env_remove("JUPYTER_PATH")
            .env_remove("JUPYTER_DATA_DIR")
            .env_remove("NABLA_PLOT");
    };
    let suite = || {
        let mut c = Command::new(&py);
        c.args(["-m", "unittest", "-v", "test_kernel"])
            .current_dir(root().join("tests/jupyter"));
        jupyter_env(&mut c);
        run(&mut c, "jupyter_kernel_test")
    };
    // The suite runs real processes and sockets with timeouts; on a loaded machine a run
    // failed once in about 25 without a trace. A failure is printed in full and the suite
    // runs once more: the test fails only if that fails too.
    let out = match suite() {
        Ok(out) if out.contains("OK") => out,
        first => {
            let first = first.unwrap_or_else(|e| e);
            eprintln!("jupyter_kernel_test failed; its output, then a second run:\n{first}");
            suite().unwrap_or_else(|e| panic!("{e}\n(the first run failed too:\n{first})"))
        }
    };
    assert!(out.contains("OK"), "{out}");
    assert!(
        !out.contains("skipped"),
        "a conformance sample is missing:\n{out}"
    );

    let mut nbs = Command::new(&py);
    nbs.arg(root().join("tests/jupyter/run_notebooks.py"))
        .arg(root().join("notebooks"));
    jupyter_env(&mut nbs);
    let out = run(&mut nbs, "notebooks through nbclient").unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{out}");
}
