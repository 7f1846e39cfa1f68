//! The REPL driven through a pseudo-terminal, as a person at a terminal drives it: typing,
//! Tab, Ctrl-C, Ctrl-D, history across restarts. Colours are stripped before matching.

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};
use std::path::{Path, PathBuf};
use std::process::Command;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nabla-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The REPL in a pty, its history in `dir`, started in `dir`.
fn repl(dir: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nabla"));
    cmd.env("NABLA_HISTORY", dir.join("history"))
        .env("TERM", "xterm-256color")
        .env("COLUMNS", "80")
        .env("LINES", "24")
        .env_remove("NO_COLOR")
        .env_remove("NABLA_PLOT")
        .current_dir(dir);
    let opts = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, opts).unwrap();
    p.exp_string("Ctrl-D to exit.").unwrap();
    p.exp_string(">>> ").unwrap();
    p
}

/// Waits for the next prompt, then Ctrl-D. Sent earlier, the key can reach the terminal while
/// it is still in cooked mode between two reads, where the line discipline eats it.
fn quit(p: &mut PtySession) {
    p.exp_string(">>> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

/// Types `s` (no Enter), as keys. Wait for the prompt first where keys must reach the line
/// editor (Tab, Ctrl-C, Ctrl-D) rather than the terminal between two reads.
fn send(p: &mut PtySession, s: &str) {
    p.send(s).unwrap();
    p.flush().unwrap();
}

/// Sends a line and waits for `out` (which must not appear in the line itself).
fn run(p: &mut PtySession, line: &str, out: &str) {
    p.send_line(line).unwrap();
    p.exp_string(out)
        .unwrap_or_else(|e| panic!("after {line:?}, expected {out:?}: {e}"));
}

#[test]
fn evaluates_echoes_and_survives_errors() {
    let d = temp_dir("eval");
    let mut p = repl(&d);
    p.send_line("x = 21").unwrap();
    run(&mut p, "x * 2", "42\r\n");
    run(&mut p, "torch.ones(2) + x", "tensor([22., 22.])\r\n");
    run(&mut p, "None; print('no' + 'ne')", "none\r\n");
    run(
        &mut p,
        "undefined_name",
        "NameError: name 'undefined_name' is not defined",
    );
    run(&mut p, "torch.ones(2) @ torch.ones(3)", "RuntimeError");
    run(&mut p, "x = (1 +", "... ");
    run(&mut p, "2)", ">>> ");
    run(&mut p, "print(x + 100)", "103\r\n");
    // A value's repr spans lines.
    run(
        &mut p,
        "torch.eye(2, dtype=torch.int64)",
        "tensor([[1, 0],\r\n        [0, 1]])",
    );
    quit(&mut p);
}

#[test]
fn multi_line_blocks_need_an_empty_line() {
    let d = temp_dir("blocks");
    let mut p = repl(&d);
    run(&mut p, "for i in range(3):", "... ");
    // The continuation line comes indented already.
    run(&mut p, "print(i * 10)", "... ");
    run(&mut p, "", "20\r\n");
    run(&mut p, "def sq(v):", "... ");
    run(&mut p, "return v * v", "... ");
    p.send_line("").unwrap();
    run(&mut p, "print(sq(7))", "49\r\n");
    // A bracket left open continues; one line with a body still waits for the empty line.
    run(&mut p, "if True: print('one-liner')", "... ");
    run(&mut p, "", "one-liner\r\n");
    // A pasted block (bracketed paste) runs as one cell.
    send(
        &mut p,
        "\x1b[200~total = 0\nfor k in [1, 2, 3]:\n    total += k\n\x1b[201~",
    );
    p.send_line("").unwrap();
    run(&mut p, "print('total', total)", "total 6\r\n");
    quit(&mut p);
}

#[test]
fn tab_completes_names_attributes_keywords_and_paths() {
    let d = temp_dir("complete");
    std::fs::write(d.join("weights_unique.txt"), "1 2 3\n").unwrap();
    let mut p = repl(&d);
    p.send_line("my_tensor_var = torch.arange(3)").unwrap();
    p.exp_string(">>> ").unwrap();
    // A name in scope.
    send(&mut p, "print(my_tensor_v\t");
    p.exp_string("my_tensor_var").unwrap();
    run(&mut p, ")", "tensor([0, 1, 2])\r\n");
    p.exp_string(">>> ").unwrap();
    // An attribute after a dot (unique: completes in place).
    send(&mut p, "my_tensor_var.argma\t");
    p.exp_string("my_tensor_var.argmax").unwrap();
    run(&mut p, "()", "tensor(2)\r\n");
    p.exp_string(">>> ").unwrap();
    // A keyword argument inside a call.
    send(&mut p, "torch.zeros(2, dty\t");
    p.exp_string("dtype=").unwrap();
    run(
        &mut p,
        "torch.int32)",
        "tensor([0, 0], dtype=torch.int32)\r\n",
    );
    p.exp_string(">>> ").unwrap();
    // torch.nn.functional members; ambiguous completions are listed.
    send(&mut p, "F.log_s\t");
    p.exp_string("F.log_softmax").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    send(&mut p, "torch.zer\t\t");
    p.exp_string("zeros_like").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    // A file path inside a string.
    send(&mut p, "open('weights_u\t");
    p.exp_string("weights_unique.txt").unwrap();
    run(&mut p, "').read().split()", "['1', '2', '3']\r\n");
    quit(&mut p);
}

#[test]
fn ctrl_c_stops_running_code_and_keeps_state() {
    let d = temp_dir("interrupt");
    let mut p = repl(&d);
    p.send_line("kept = torch.tensor([1.5, 2.5])").unwrap();
    p.send_line("n = 0").unwrap();
    run(&mut p, "while True:", "... ");
    run(&mut p, "n += 1", "... ");
    run(&mut p, "if n == 1: print('loop' + 'ing')", "... ");
    p.send_line("").unwrap();
    // Ctrl-C once the loop runs (the echo of the line above does not match this).
    p.exp_string("looping").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    run(&mut p, "print('counted', n > 0)", "counted True\r\n");
    run(&mut p, "kept * 2", "tensor([3., 5.])\r\n");
    // Ctrl-C while typing drops the line.
    p.exp_string(">>> ").unwrap();
    send(&mut p, "this is not run");
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    run(&mut p, "print('after', n > 0)", "after True\r\n");
    quit(&mut p);
}

#[test]
fn history_persists_across_restarts_and_ctrl_r_finds_it() {
    let d = temp_dir("history");
    let mut p = repl(&d);
    run(&mut p, "print('remember', 6 * 7)", "remember 42\r\n");
    p.send_line("unrelated = 1").unwrap();
    p.exp_string(">>> ").unwrap(); // the prompt before the line; quit waits for the one after
    quit(&mut p);
    let saved = std::fs::read_to_string(d.join("history")).unwrap();
    assert!(saved.contains("print('remember', 6 * 7)"), "{saved}");

    let mut p = repl(&d);
    // Ctrl-R, a piece of the line, Enter accepts the match, Enter runs it.
    p.send_control('r').unwrap();
    send(&mut p, "remem");
    p.exp_string("print('remember', 6 * 7)").unwrap();
    send(&mut p, "\r");
    send(&mut p, "\r");
    p.exp_string("remember 42\r\n").unwrap();
    // Up arrow recalls the last entry.
    send(&mut p, "\x1b[A");
    send(&mut p, "\r");
    p.exp_string("remember 42\r\n").unwrap();
    quit(&mut p);
}

#[test]
fn help_and_question_marks() {
    let d = temp_dir("help");
    let mut p = repl(&d);
    run(&mut p, "torch.zeros?", "Signature: zeros(");
    p.exp_string("Type:      builtin_function_or_method")
        .unwrap();
    run(&mut p, "help(torch.ones)", "ones(");
    run(&mut p, "def halve(v):", "... ");
    run(&mut p, "'''Half of v.'''", "... ");
    run(&mut p, "return v / 2", "... ");
    p.send_line("").unwrap();
    run(&mut p, "halve?", "Docstring: Half of v.");
    run(&mut p, "halve??", "Source:");
    p.exp_string("return v / 2").unwrap();
    run(&mut p, "nothing_here?", "Object `nothing_here` not found.");
    run(&mut p, "t = torch.ones(2, 3)", ">>> ");
    run(&mut p, "t?", "Shape:     [2, 3]");
    quit(&mut p);
}

#[test]
fn commands() {
    let d = temp_dir("commands");
    let mut p = repl(&d);
    run(&mut p, ":help", ":vars");
    p.send_line("weights = torch.zeros(4, 5)").unwrap();
    run(&mut p, "count = 3", ">>> ");
    run(&mut p, ":vars", "weights");
    p.exp_string("Tensor  [4, 5] float32 cpu 80 B").unwrap();
    run(&mut p, ":time torch.ones(3).sum()", "tensor(3.)\r\n");
    p.exp_string("Wall time: ").unwrap();
    run(&mut p, ":save saved.py", "Saved");
    let saved = std::fs::read_to_string(d.join("saved.py")).unwrap();
    assert!(
        saved.contains("weights = torch.zeros(4, 5)\ncount = 3\n"),
        "{saved}"
    );
    run(&mut p, ":reset", "Session reset");
    run(&mut p, "count", "NameError");
    std::fs::write(d.join("load_me.py"), "loaded = 40 + 2\n").unwrap();
    p.send_line(":load load_me.py").unwrap();
    run(&mut p, "print('loaded', loaded)", "loaded 42\r\n");
    run(&mut p, ":device", "Default device: cpu");
    run(&mut p, ":device cuda", "no default-device switch yet");
    run(&mut p, ":nonsense", "Unknown command :nonsense");
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

/// `s` as rexpect reads it: each UTF-8 byte a char.
fn bytes(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

#[test]
fn plots_draw_in_the_terminal() {
    let d = temp_dir("plot");
    let mut p = repl(&d);
    // The titles are built so that the echoed input does not match what is awaited.
    p.send_line(
        "plt.plot([1, 4, 9], label='sq'); plt.title('squ' + 'ares'); plt.legend(); plt.show()",
    )
    .unwrap();
    p.exp_string("squares").unwrap();
    p.exp_string(&bytes("── sq")).unwrap();
    // Braille cells: U+2801..U+28FF are E2 A0..A3 xx in UTF-8.
    p.exp_regex("\u{e2}[\u{a0}-\u{a3}]").unwrap();
    p.exp_string(&bytes("└")).unwrap();
    p.exp_string("0.0").unwrap();
    p.exp_string(">>> ").unwrap();
    // In a terminal an image is half blocks in colour (colours stripped here).
    p.send_line("plt.imshow(torch.eye(4)); plt.title('ey' + 'e'); plt.show()")
        .unwrap();
    p.exp_string("eye").unwrap();
    p.exp_string(&bytes("▀▀")).unwrap();
    p.exp_string(">>> ").unwrap();
    // Mistakes are errors; the session goes on.
    run(
        &mut p,
        "plt.plot([1, 2], [1, 2, 3])",
        "must have same first dimension",
    );
    run(&mut p, "print(40 + 2)", "42\r\n");
    quit(&mut p);
}

#[test]
fn imports_a_module_from_the_working_folder_and_reloads_it() {
    let d = temp_dir("modules");
    std::fs::write(d.join("mymodel.py"), "def size():\n    return 11\n").unwrap();
    let mut p = repl(&d);
    run(&mut p, "import mymodel, importlib", ">>> ");
    run(&mut p, "mymodel.size() * 2", "22\r\n");
    std::fs::write(d.join("mymodel.py"), "def size():\n    return 50\n").unwrap();
    run(&mut p, "importlib.reload(mymodel).size() + 1", "51\r\n");
    quit(&mut p);
}
