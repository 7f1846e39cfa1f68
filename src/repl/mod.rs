//! The terminal REPL: rustyline over a `Session`. Prompts `>>> ` and `... `, multi-line
//! blocks decided by the parser, completion, colours, hints and history (Ctrl-R), `x?` help,
//! `:commands`, and Ctrl-C that stops running code without losing the session.

mod editor;
mod highlight;
pub mod signal;

use crate::eval::{CellError, Session};
use editor::NablaHelper;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, Editor};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Instant;

/// The one-line banner.
pub fn banner() -> String {
    format!(
        "nabla {} — PyTorch's names, Rust underneath. help(x) or x? for docs, :help for commands, Ctrl-D to exit.",
        env!("CARGO_PKG_VERSION")
    )
}

const COMMANDS: &str = "\
Commands:
  :help              this list
  :vars              the variables in scope (tensors with shape, dtype, device, bytes)
  :reset             forget every variable (a fresh session)
  :load FILE         run FILE in this session
  :save FILE         write this session's inputs to FILE
  :time STATEMENT    run STATEMENT and print how long it took
  :device [cpu|cuda] show the default device and whether CUDA is available
  :quit              leave (also Ctrl-D)
Help on a name: help(x), x? (signature and docs), x?? (also a function's source).
Keys: Tab completes, Ctrl-R searches history, Ctrl-C clears the line or stops running code,
Ctrl-L clears the screen, Ctrl-D exits.
";

/// Where history is kept: `$NABLA_HISTORY`, else the user's data directory
/// (`$XDG_DATA_HOME/nabla/history`, `~/.local/share/nabla/history`, or on macOS
/// `~/Library/Application Support/nabla/history`).
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NABLA_HISTORY") {
        return Some(PathBuf::from(p));
    }
    let data = match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => {
            let home = PathBuf::from(std::env::var_os("HOME")?);
            if cfg!(target_os = "macos") {
                home.join("Library/Application Support")
            } else {
                home.join(".local/share")
            }
        }
    };
    Some(data.join("nabla").join("history"))
}

/// Runs the REPL on the terminal (or reads piped input plainly); returns the exit status.
pub fn run() -> i32 {
    if !std::io::stdin().is_terminal() {
        return run_plain();
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut session = Session::new();
    session.color = color;
    let session = Rc::new(RefCell::new(session));
    signal::catch_ctrl_c(session.borrow().interrupt_flag(), false);
    quiet_panics();

    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .max_history_size(10_000)
        .and_then(|c| c.history_ignore_dups(true))
        .map(|c| c.history_ignore_space(true).bracketed_paste(true).build());
    let editor = config.and_then(Editor::<NablaHelper, FileHistory>::with_config);
    let mut editor = match editor {
        Ok(e) => e,
        Err(e) => {
            eprintln!("nabla: no line editor on this terminal ({e}); reading lines plainly");
            return run_plain();
        }
    };
    editor.set_helper(Some(NablaHelper::new(session.clone(), color)));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }

    println!("{}", banner());
    let mut repl = Repl {
        session,
        inputs: Vec::new(),
        color,
    };
    let mut block = String::new();
    let mut indent = String::new();
    loop {
        if let Some(h) = editor.helper_mut() {
            *h.block.borrow_mut() = block.clone();
        }
        let prompt = if block.is_empty() { ">>> " } else { "... " };
        let line = match editor.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C while typing: drop the line (and the block), as Python's REPL.
                println!("KeyboardInterrupt");
                block.clear();
                indent.clear();
                continue;
            }
            Err(ReadlineError::Eof) => {
                println!();
                break;
            }
            Err(e) => {
                eprintln!("nabla: reading input failed: {e}");
                break;
            }
        };
        indent.clear();
        if block.is_empty() {
            let cmd = line.trim();
            if cmd.starts_with(':') && !line.contains('\n') {
                add_history(&mut editor, &history, cmd);
                match repl.command(cmd) {
                    Flow::Go => continue,
                    Flow::Quit(code) => return code,
                    Flow::ClearScreen => {
                        let _ = editor.clear_screen();
                        continue;
                    }
                }
            }
            if cmd.is_empty() {
                continue;
            }
        }
        let blank = line.trim().is_empty();
        if !blank || !block.is_empty() {
            block.push_str(&line);
            block.push('\n');
        }
        let session_says_more = repl.session.borrow().is_incomplete(&block);
        // A compound statement (`for …:`, `def …:`) goes on until an empty line, as in
        // Python's REPL; a pasted block that parses runs at once.
        let pasted = line.contains('\n');
        if session_says_more || (opens_block(&block) && !blank && !pasted) {
            indent = next_indent(&line);
            continue;
        }
        let cell = std::mem::take(&mut block);
        add_history(&mut editor, &history, cell.trim_end());
        if let Flow::Quit(code) = repl.cell(&cell) {
            return code;
        }
    }
    0
}

fn add_history(editor: &mut Editor<NablaHelper, FileHistory>, path: &Option<PathBuf>, s: &str) {
    if let Ok(true) = editor.add_history_entry(s) {
        if let Some(p) = path {
            if let Some(dir) = p.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = editor.append_history(p);
        }
    }
}

/// Whether the cell starts with a compound statement (a block that needs an empty line).
fn opens_block(cell: &str) -> bool {
    let first = cell.trim_start();
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '@')
        .collect();
    first.starts_with('@')
        || matches!(
            word.as_str(),
            "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async"
        )
}

/// The indentation for the line after `line`: the same, one level deeper after a `:`.
fn next_indent(line: &str) -> String {
    let last = line.rsplit('\n').next().unwrap_or("");
    let mut indent: String = last
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = last.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        indent.push_str("    ");
    } else if last.trim().is_empty() {
        indent.clear();
    }
    indent
}

enum Flow {
    Go,
    Quit(i32),
    ClearScreen,
}

struct Repl {
    session: Rc<RefCell<Session>>,
    /// What ran, for `:save`.
    inputs: Vec<String>,
    color: bool,
}

impl Repl {
    /// Runs one cell and shows its value or error. An internal failure (a panic) is reported
    /// and the session goes on.
    fn cell(&mut self, cell: &str) -> Flow {
        if let Some(text) = self.session.borrow_mut().help_query(cell) {
            print!("{text}");
            return Flow::Go;
        }
        let result = self.guarded(|s| s.eval_cell(cell));
        match result {
            Some(Ok(value)) => {
                self.inputs.push(cell.to_string());
                if let Some(bundle) = value {
                    if let Some((_, text)) = bundle.iter().find(|(m, _)| m == "text/plain") {
                        println!("{text}");
                    }
                }
                Flow::Go
            }
            Some(Err(e)) => {
                if e.ename != "SyntaxError" {
                    self.inputs.push(cell.to_string());
                }
                self.show_error(&e)
            }
            None => Flow::Go,
        }
    }

    /// Calls `f` on the session, catching a panic: None after reporting one.
    fn guarded<T>(&mut self, f: impl FnOnce(&mut Session) -> T) -> Option<T> {
        let session = self.session.clone();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let mut s = session.borrow_mut();
            f(&mut s)
        }));
        let _ = std::io::stdout().flush();
        match r {
            Ok(v) => Some(v),
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| payload.downcast_ref::<&str>().copied())
                    .unwrap_or("unknown cause");
                eprintln!(
                    "InternalError: nabla failed inside ({msg}). Your variables are kept; \
                     please report this with the input that caused it."
                );
                None
            }
        }
    }

    fn show_error(&mut self, e: &CellError) -> Flow {
        if let Some(code) = e.exit_code {
            return Flow::Quit(code);
        }
        let _ = std::io::stdout().flush();
        eprint!("{}", e.report);
        Flow::Go
    }

    fn command(&mut self, cmd: &str) -> Flow {
        let (name, arg) = match cmd.split_once(char::is_whitespace) {
            Some((n, a)) => (n, a.trim()),
            None => (cmd, ""),
        };
        match name {
            ":help" | ":h" | ":?" => print!("{COMMANDS}"),
            ":quit" | ":q" | ":exit" => return Flow::Quit(0),
            ":clear" => return Flow::ClearScreen,
            ":vars" | ":who" => self.vars(),
            ":reset" => {
                let color = self.color;
                let fresh = self.guarded(|s| {
                    let flag = s.interrupt_flag();
                    *s = Session::new();
                    s.color = color;
                    s.set_interrupt_flag(flag);
                });
                if fresh.is_some() {
                    self.inputs.clear();
                    println!("Session reset: every variable is gone.");
                }
            }
            ":load" | ":run" => {
                if arg.is_empty() {
                    eprintln!(":load needs a file: :load train.py");
                    return Flow::Go;
                }
                match std::fs::read_to_string(arg) {
                    Ok(src) => {
                        let path = arg.to_string();
                        match self.guarded(|s| s.run_file(&path, &src)) {
                            Some(Ok(())) => self.inputs.push(src),
                            Some(Err(e)) => {
                                self.inputs.push(src);
                                return self.show_error(&e);
                            }
                            None => {}
                        }
                    }
                    Err(e) => eprintln!("can't open file '{arg}': {e}"),
                }
            }
            ":save" => {
                if arg.is_empty() {
                    eprintln!(":save needs a file: :save session.py");
                    return Flow::Go;
                }
                let text: String = self
                    .inputs
                    .iter()
                    .map(|c| {
                        let c = c.trim_end();
                        // A block needs a blank line before the next statement in a file
                        // only for readability; keep one after each multi-line cell.
                        if c.contains('\n') {
                            format!("{c}\n\n")
                        } else {
                            format!("{c}\n")
                        }
                    })
                    .collect();
                match std::fs::write(arg, text) {
                    Ok(()) => println!("Saved {} inputs to {arg}", self.inputs.len()),
                    Err(e) => eprintln!("can't write '{arg}': {e}"),
                }
            }
            ":time" => {
                if arg.is_empty() {
                    eprintln!(":time needs a statement: :time x @ x");
                    return Flow::Go;
                }
                let start = Instant::now();
                let flow = self.cell(arg);
                let dt = start.elapsed();
                println!("Wall time: {}", format_duration(dt.as_secs_f64()));
                return flow;
            }
            ":device" => self.device(arg),
            _ => eprintln!("Unknown command {name}. :help lists the commands."),
        }
        Flow::Go
    }

    fn vars(&mut self) {
        let Some(vars) = self.guarded(|s| s.vars()) else {
            return;
        };
        if vars.is_empty() {
            println!("No variables yet.");
            return;
        }
        let w = vars
            .iter()
            .map(|v| v.name.chars().count())
            .max()
            .unwrap_or(4);
        let tw = vars
            .iter()
            .map(|v| v.type_name.chars().count())
            .max()
            .unwrap_or(4);
        let (w, tw) = (w.max(8), tw.max(4));
        println!("{:<w$}  {:<tw$}  Data/Info", "Variable", "Type");
        println!("{}", "-".repeat(w + tw + 13));
        for v in vars {
            println!("{:<w$}  {:<tw$}  {}", v.name, v.type_name, v.detail);
        }
    }

    fn device(&mut self, arg: &str) {
        let cuda = match crate::backend::cuda_availability() {
            Ok(n) => format!("available, {n} GPU{}", if n == 1 { "" } else { "s" }),
            Err(why) => format!("not available: {why}"),
        };
        match arg {
            "" | "cpu" => println!("Default device: cpu (CUDA: {cuda})"),
            d if d.starts_with("cuda") => eprintln!(
                "nabla has no default-device switch yet: tensors start on the cpu, so move them \
                 with .to(\"{d}\") or create them with device=\"{d}\" (CUDA: {cuda})."
            ),
            other => eprintln!("Unknown device '{other}': use :device cpu or :device cuda"),
        }
    }
}

/// `1.23 ms`, `45.6 µs`, `2.01 s`.
fn format_duration(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else if s >= 1e-6 {
        format!("{:.1} µs", s * 1e6)
    } else {
        format!("{:.0} ns", s * 1e9)
    }
}

/// A panic inside the session prints one line (from `Repl::guarded`), not a backtrace.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// Reads piped input line by line, echoing values like the REPL but without prompts.
pub fn run_plain() -> i32 {
    let mut session = Session::new();
    let tty = std::io::stdin().is_terminal();
    session.color = tty;
    signal::catch_ctrl_c(session.interrupt_flag(), !tty);
    if tty {
        println!("{}", banner());
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
        let blank = line.trim().is_empty();
        buf.push_str(&line);
        buf.push('\n');
        if session.is_incomplete(&buf) || (opens_block(&buf) && !blank) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_indents() {
        assert!(opens_block("for i in range(3): print(i)\n"));
        assert!(opens_block("@torch.no_grad()\n"));
        assert!(!opens_block("format = 1\n"));
        assert!(!opens_block("x = 1\n"));
        assert_eq!(next_indent("for i in x:"), "    ");
        assert_eq!(next_indent("    if y:  # c"), "        ");
        assert_eq!(next_indent("    y = 1"), "    ");
        assert_eq!(format_duration(0.00123), "1.23 ms");
        assert_eq!(format_duration(2.0), "2.00 s");
    }
}
