//! The `nabla` binary: picks a front end.
//!
//! - `nabla` — the REPL
//! - `nabla run FILE [ARGS]` — a script, as Python runs one
//! - `nabla -c CODE` — one snippet

use nabla::eval::{CellError, Session};
use std::io::{BufRead, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The running session's interrupt flag, for the SIGINT handler.
static INTERRUPT: OnceLock<Arc<AtomicBool>> = OnceLock::new();

extern "C" fn on_sigint(_: libc::c_int) {
    if let Some(flag) = INTERRUPT.get() {
        // A second Ctrl-C before the program noticed the first one: leave now.
        if flag.swap(true, Ordering::Relaxed) {
            unsafe { libc::_exit(130) };
        }
    }
}

/// Ctrl-C sets the session's interrupt flag: running code stops with KeyboardInterrupt at
/// its next loop iteration or call, and the session keeps its state.
fn catch_ctrl_c(session: &Session) {
    let _ = INTERRUPT.set(session.interrupt_flag());
    let handler = on_sigint as extern "C" fn(libc::c_int);
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

const USAGE: &str = "usage: nabla [run FILE [ARGS...] | -c CODE | --version]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("--version" | "-V") => {
            println!("nabla {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("--help" | "-h") => {
            println!("{USAGE}");
            0
        }
        Some("run") => match args.get(1) {
            Some(file) => run_file(file, &args[1..]),
            None => {
                eprintln!("nabla run: which file? {USAGE}");
                2
            }
        },
        Some("-c") => match args.get(1) {
            Some(code) => {
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[2..].iter().cloned());
                run_source("<string>", code, argv)
            }
            None => {
                eprintln!("nabla -c: argument expected. {USAGE}");
                2
            }
        },
        None => repl(),
        Some(other) if other.ends_with(".py") || other.ends_with(".nabla") => {
            run_file(other, &args)
        }
        Some(other) => {
            eprintln!("nabla: unknown command `{other}`. {USAGE}");
            2
        }
    };
    std::process::exit(code);
}

fn run_file(file: &str, argv: &[String]) -> i32 {
    match std::fs::read_to_string(file) {
        Ok(src) => run_source(file, &src, argv.to_vec()),
        Err(e) => {
            eprintln!("nabla: can't open file '{file}': {e}");
            2
        }
    }
}

fn report(e: &CellError) -> i32 {
    if let Some(code) = e.exit_code {
        return code;
    }
    let _ = std::io::stdout().flush();
    eprint!("{}", e.report);
    // As Python: a script stopped by Ctrl-C exits with 128 + SIGINT.
    if e.ename == "KeyboardInterrupt" {
        130
    } else {
        1
    }
}

fn run_source(name: &str, src: &str, argv: Vec<String>) -> i32 {
    let mut session = Session::new();
    session.color = std::io::stderr().is_terminal();
    session.set_argv(argv);
    catch_ctrl_c(&session);
    match session.run_file(name, src) {
        Ok(()) => 0,
        Err(e) => report(&e),
    }
}

/// A plain line-reading REPL: `>>> ` and `... ` prompts, values echoed.
fn repl() -> i32 {
    let mut session = Session::new();
    let tty = std::io::stdin().is_terminal();
    session.color = tty;
    catch_ctrl_c(&session);
    if tty {
        println!(
            "nabla {} — PyTorch's names, Rust underneath. help(x) for docs; Ctrl-D to exit.",
            env!("CARGO_PKG_VERSION")
        );
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut buf = String::new();
    loop {
        if tty {
            print!("{}", if buf.is_empty() { ">>> " } else { "... " });
            let _ = std::io::stdout().flush();
        }
        let Some(Ok(line)) = lines.next() else {
            if !buf.trim().is_empty() {
                eval_and_show(&mut session, &buf);
            }
            if tty {
                println!();
            }
            return 0;
        };
        buf.push_str(&line);
        buf.push('\n');
        // A block goes on until an empty line; an open bracket or string until it closes.
        let in_block = buf.lines().count() > 1 && !line.trim().is_empty();
        if session.is_incomplete(&buf)
            || (in_block
                && buf
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim_end().ends_with(':')))
        {
            continue;
        }
        if buf.trim().is_empty() {
            buf.clear();
            continue;
        }
        let done = eval_and_show(&mut session, &buf);
        buf.clear();
        if let Some(code) = done {
            return code;
        }
    }
}

fn eval_and_show(session: &mut Session, src: &str) -> Option<i32> {
    match session.eval_cell(src) {
        Ok(Some(bundle)) => {
            if let Some((_, text)) = bundle.iter().find(|(m, _)| m == "text/plain") {
                println!("{text}");
            }
            None
        }
        Ok(None) => None,
        Err(e) => {
            if let Some(code) = e.exit_code {
                return Some(code);
            }
            let _ = std::io::stdout().flush();
            eprint!("{}", e.report);
            None
        }
    }
}
