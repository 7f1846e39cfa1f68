//! The `nabla` binary: scripts, snippets, exit codes, tracebacks on stderr, the plain REPL.

use std::io::Write;
use std::process::{Command, Stdio};

fn nabla() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nabla"))
}

#[test]
fn run_script_prints_and_exits_zero() {
    let dir = std::env::temp_dir().join(format!("nabla-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("ok.py");
    std::fs::write(
        &f,
        "import sys\nx = torch.ones(2)\nx\nprint(x + 1, sys.argv[1:])\n",
    )
    .unwrap();
    let out = nabla()
        .arg("run")
        .arg(&f)
        .arg("--lr")
        .arg("0.1")
        .output()
        .unwrap();
    assert!(out.status.success());
    // Expression statements print nothing in a script; print does.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "tensor([2., 2.]) ['--lr', '0.1']\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn uncaught_error_prints_traceback_and_exits_one() {
    let out = nabla()
        .args([
            "-c",
            "def f(t):\n    return t.view(6)\nprint('before')\nf(torch.ones(2, 3).t())",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Traceback (most recent call last):"), "{err}");
    assert!(
        err.contains("line 4, in <module>") && err.contains("line 2, in f"),
        "{err}"
    );
    assert!(
        err.contains("RuntimeError: view size is not compatible"),
        "{err}"
    );
    assert!(err.contains("t.view(6)"), "{err}");
}

#[test]
fn sys_exit_sets_the_status() {
    let out = nabla()
        .args(["-c", "import sys\nsys.exit(3)"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let out = nabla().args(["run", "/nonexistent/x.py"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn syntax_error_exits_one_with_the_span() {
    let out = nabla().args(["-c", "x = (1 +"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SyntaxError: '(' was never closed"), "{err}");
}

#[test]
fn plain_repl_echoes_values_and_keeps_going_after_errors() {
    let mut child = nabla()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"x = 2\nx * 3\nundefined\nfor i in range(2):\n    print(i)\n\ntorch.ones(2) * x\nNone\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "6\n0\n1\ntensor([2., 2.])\n"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("NameError: name 'undefined' is not defined")
    );
}

#[test]
fn ctrl_c_stops_a_running_script_with_keyboard_interrupt() {
    use std::io::BufRead;
    let mut child = nabla()
        .args(["-c", "print('start', flush=True)\nwhile True:\n    pass"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once it prints, its handler is installed and the loop runs: send SIGINT as Ctrl-C would.
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line, "start\n");
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("KeyboardInterrupt"));
}
