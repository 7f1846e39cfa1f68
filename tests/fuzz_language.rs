//! Fuzzing the language with proptest: token soup and generated programs go through the
//! lexer, the parser and the evaluator. Nothing may panic, and every program either ends or
//! is stopped by the interrupt flag (a watchdog sets it, as Ctrl-C would).

use nabla::eval::{Capture, Session};
use proptest::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const PIECES: &[&str] = &[
    "x",
    "y",
    "t",
    "i",
    "f",
    "0",
    "1",
    "2",
    "-1",
    "2.5",
    "1e300",
    "'s'",
    "f'{x}'",
    "\"a\\n\"",
    "None",
    "True",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "@",
    "&",
    "|",
    "^",
    "~",
    "<<",
    ">>",
    "<",
    "==",
    "!=",
    "is",
    "in",
    "not",
    "and",
    "or",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    ";",
    "=",
    "+=",
    "*=",
    "lambda",
    "if",
    "else",
    "elif",
    "for",
    "while",
    "def",
    "return",
    "class",
    "try",
    "except",
    "finally",
    "raise",
    "with",
    "as",
    "import",
    "from",
    "pass",
    "break",
    "continue",
    "del",
    "global",
    "assert",
    "\n",
    "\n    ",
    "\n        ",
    " ",
    "torch",
    "torch.ones(2, 3)",
    "torch.arange(6)",
    "x.view(3, 2)",
    "x.t()",
    "x[0]",
    "x[:, 1]",
    "range(3)",
    "len(x)",
    "print(x)",
    "[1, 2]",
    "(1,)",
    "{1: 2}",
    "x.shape",
    "sum",
    "str",
    "int",
    "list",
    "\\\n",
    "#c",
    "'''",
    "...",
    "*x",
    "**k",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join(" "))
}

/// Programs with a valid shape: assignments, loops, branches, functions over small values.
fn program() -> impl Strategy<Value = String> {
    let expr = prop::sample::select(vec![
        "x + 1",
        "x * y",
        "y - x",
        "x / (y + 1)",
        "x // 2",
        "x % 3",
        "-x",
        "x ** 2",
        "[x, y]",
        "(x, y)",
        "torch.ones(2) * x",
        "torch.arange(4).view(2, 2)",
        "t + t",
        "t.t()",
        "t[0]",
        "t.exp()",
        "str(x)",
        "f'{x:.2f}'",
        "len([x, y])",
        "x if y else 0",
        "max(x, y)",
        "abs(y)",
        "float(x)",
        "t.sum()",
        "t @ t",
        "undefined",
        "x.foo",
        "{x: y}",
        "[i for i in range(3)]",
        "x > y",
    ]);
    let stmt = (
        expr.clone(),
        prop::sample::select(vec!["x", "y", "t", "z"]),
        0..7u8,
    )
        .prop_map(|(e, name, kind)| match kind {
            0 => format!("{name} = {e}\n"),
            1 => format!("for i in range(3):\n    {name} = {e}\n"),
            2 => format!("if {e}:\n    {name} = 1\nelse:\n    {name} = 2\n"),
            3 => format!("def g(a):\n    return a + {e}\n{name} = g(1)\n"),
            4 => format!("try:\n    {name} = {e}\nexcept Exception as err:\n    {name} = 0\n"),
            5 => "while True:\n    pass\n".to_string(),
            _ => format!("print({e})\n"),
        });
    prop::collection::vec(stmt, 1..6)
        .prop_map(|v| format!("x = 1\ny = 2\nt = torch.ones(2, 2)\n{}", v.concat()))
}

/// Runs `src` with a watchdog that interrupts it after a while.
fn run_with_watchdog(src: &str) {
    let mut s = Session::with_sink(Box::new(Capture::default()));
    let flag = s.interrupt_flag();
    let done = Arc::new(AtomicBool::new(false));
    let d2 = done.clone();
    let watchdog = std::thread::spawn(move || {
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(10));
            if d2.load(Ordering::Relaxed) {
                return;
            }
        }
        // Keep asking until the program notices (a cell resets a stale flag when it starts).
        while !d2.load(Ordering::Relaxed) {
            flag.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    let _ = s.eval_cell(src);
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn lexer_and_parser_never_panic(src in soup()) {
        let _ = nabla::syntax::parse(&src);
        let _ = nabla::syntax::is_incomplete(&src);
    }

    #[test]
    fn arbitrary_text_never_panics(src in "\\PC{0,80}") {
        let _ = nabla::syntax::parse(&src);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_evaluates_without_panic(src in soup()) {
        run_with_watchdog(&src);
    }

    #[test]
    fn generated_programs_end_or_are_interrupted(src in program()) {
        run_with_watchdog(&src);
    }
}

#[test]
fn interrupt_stops_an_infinite_loop_and_keeps_state() {
    let cap = Capture::default();
    let mut s = Session::with_sink(Box::new(cap.clone()));
    s.eval_cell("kept = 41").unwrap();
    let flag = s.interrupt_flag();
    let done = Arc::new(AtomicBool::new(false));
    let d2 = done.clone();
    // Keep pressing Ctrl-C until the loop stops (a cell clears a flag set before it began).
    let t = std::thread::spawn(move || {
        while !d2.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50));
            flag.store(true, Ordering::Relaxed);
        }
    });
    let e = s.eval_cell("n = 0\nwhile True:\n    n += 1\n").unwrap_err();
    done.store(true, Ordering::Relaxed);
    t.join().unwrap();
    assert_eq!(e.ename, "KeyboardInterrupt");
    let r = s.eval_cell("kept + 1").unwrap().unwrap();
    assert_eq!(r[0].1, "42");
    // The loop ran and its progress is kept too.
    let r = s.eval_cell("n > 0").unwrap().unwrap();
    assert_eq!(r[0].1, "True");
}

#[test]
fn huge_sequences_are_memory_errors_not_aborts() {
    let mut s = Session::with_sink(Box::new(Capture::default()));
    for src in [
        "'a' * 10**15",
        "[0] * 10**15",
        "(1, 2) * 10**15",
        "'x'.center(10**15)",
        "f'{1:99999999999}'",
    ] {
        let e = s.eval_cell(src).unwrap_err();
        assert!(
            e.ename == "MemoryError" || e.ename == "ValueError",
            "{src}: {}",
            e.ename
        );
    }
}
