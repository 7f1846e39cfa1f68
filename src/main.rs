//! The `nabla` binary: picks a front end.
//!
//! - `nabla` — the REPL
//! - `nabla run FILE [ARGS]` — a script, as Python runs one
//! - `nabla -c CODE` — one snippet

use nabla::eval::{CellError, Session};
use std::io::{IsTerminal, Write};

const USAGE: &str = "usage: nabla [run FILE|NOTEBOOK.ipynb [ARGS...] | -c CODE | kernel [-f CONNECTION_FILE | install [--user|--sys-prefix|--prefix DIR] | uninstall] | --version]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        // The kernel keeps its own threads (sockets, heartbeat) and evaluates on this one.
        Some("kernel") => kernel(&args[1..]),
        // Everything else runs on one of rayon's workers, so that a parallel kernel has the
        // calling thread do its share and wakes one thread fewer: a small MLP's epoch is ~10%
        // faster on two cores, a small CNN's ~20% (benches/compare_train.py).
        _ => rayon::scope(|_| front_end(&args)),
    };
    std::process::exit(code);
}

fn front_end(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
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
        None => nabla::repl::run(),
        Some(other)
            if other.ends_with(".py") || other.ends_with(".nabla") || other.ends_with(".ipynb") =>
        {
            run_file(other, args)
        }
        Some(other) => {
            eprintln!("nabla: unknown command `{other}`. {USAGE}");
            2
        }
    }
}

fn kernel(args: &[String]) -> i32 {
    let done = |r: Result<std::path::PathBuf, String>, what: &str| match r {
        Ok(dir) => {
            println!("{what} the nabla kernelspec in {}", dir.display());
            0
        }
        Err(e) => {
            eprintln!("nabla kernel: {e}");
            1
        }
    };
    match args.first().map(String::as_str) {
        Some("-f") => match args.get(1) {
            Some(file) => match nabla::jupyter::kernel::run(file) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("nabla kernel: {e}");
                    1
                }
            },
            None => {
                eprintln!("nabla kernel -f: which connection file? {USAGE}");
                2
            }
        },
        Some("install") => done(nabla::jupyter::install::install(&args[1..]), "Installed"),
        Some("uninstall") => done(nabla::jupyter::install::uninstall(&args[1..]), "Removed"),
        _ => {
            eprintln!("nabla kernel: {USAGE}");
            2
        }
    }
}

fn run_notebook(file: &str, text: &str) -> i32 {
    let mut session = Session::new();
    session.color = std::io::stderr().is_terminal();
    session.set_argv(vec![file.to_string()]);
    match nabla::jupyter::notebook::run(&mut session, text) {
        Ok(()) => 0,
        Err(Ok(e)) => report(&e),
        Err(Err(msg)) => {
            eprintln!("nabla: {file}: {msg}");
            1
        }
    }
}

fn run_file(file: &str, argv: &[String]) -> i32 {
    if file.ends_with(".ipynb") {
        return match std::fs::read_to_string(file) {
            Ok(text) => run_notebook(file, &text),
            Err(e) => {
                eprintln!("nabla: can't open file '{file}': {e}");
                2
            }
        };
    }
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
    nabla::repl::signal::catch_ctrl_c(session.interrupt_flag(), true);
    match session.run_file(name, src) {
        Ok(()) => 0,
        Err(e) => report(&e),
    }
}
