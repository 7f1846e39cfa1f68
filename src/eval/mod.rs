//! The evaluator: a `Session` runs cells and files of nabla (the part of Python PyTorch code
//! is written in) and hands what they show to a `Sink`. Front ends call `eval_cell`.

mod frontend;
pub mod lang;
mod modules;
mod nabla;
mod nn;
pub(crate) mod numpy;
mod plt;
mod stdlib;
pub mod tools;
mod torch;

pub use lang::builtins;
pub use tools::{notebook, progress};

use crate::syntax::{self, Diagnostic};
pub use frontend::{Completion, VarInfo};
use lang::exc::Ctrl;
use lang::interp::Interp;
pub use lang::sink::{MimeBundle, ProgressEnd, Sink};
use lang::value::{SourceFile, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// What the language asks of the bindings, answered by torch/ and stdlib/.
static BINDINGS: lang::bindings::Bindings = lang::bindings::Bindings {
    tensor_method: torch::tensor_methods::tensor_method,
    tensor_method_names: torch::tensor_methods::method_names,
    grad_fn: Interp::grad_fn_value,
    takes_out: torch::takes_out,
    builtin_module: stdlib::builtin_module,
    stdlib_source: stdlib::source,
    module_names: stdlib::module_names,
};

/// Writes to the process's stdout and stderr.
#[derive(Default)]
pub struct StdSink {
    /// The live plot drawn last on the terminal and how many lines it took.
    live: Option<(u64, usize)>,
}

impl Sink for StdSink {
    fn live_figure(&mut self, id: u64, fig: &crate::display::Figure, done: bool) {
        use std::io::IsTerminal;
        if !std::io::stdout().is_terminal() {
            if done {
                self.figure(fig);
            }
            return;
        }
        let text = crate::display::terminal::show(fig, true);
        // Move up over the previous drawing of this plot and clear it.
        if let Some((prev, lines)) = self.live {
            if prev == id && lines > 0 {
                self.stdout(&format!("\x1b[{lines}A\x1b[J"));
            }
        }
        self.stdout(&text);
        self.live = (!done).then(|| (id, text.matches('\n').count()));
    }
    fn clear_output(&mut self, _wait: bool) {
        use std::io::IsTerminal;
        if std::io::stdout().is_terminal() {
            self.stdout("\r\x1b[2K");
        }
    }
    fn columns(&self) -> Option<usize> {
        use std::io::IsTerminal;
        std::io::stderr()
            .is_terminal()
            .then(|| crate::display::terminal::size().0)
    }
    fn figure(&mut self, fig: &crate::display::Figure) {
        use std::io::IsTerminal;
        let tty = std::io::stdout().is_terminal();
        let text = crate::display::terminal::show(fig, tty);
        self.stdout(&text);
    }
    fn stdout(&mut self, text: &str) {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        if text.contains('\n') {
            let _ = out.flush();
        }
    }
    fn stderr(&mut self, text: &str) {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        use std::io::Write;
        self.stdout(prompt);
        let _ = std::io::stdout().flush();
        let mut s = String::new();
        match std::io::stdin().read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(s),
        }
    }
}

/// Collects output in memory (tests, the kernel).
#[derive(Clone, Default)]
pub struct Capture {
    pub out: Rc<RefCell<String>>,
    pub err: Rc<RefCell<String>>,
}

impl Sink for Capture {
    fn stdout(&mut self, text: &str) {
        self.out.borrow_mut().push_str(text);
    }
    fn stderr(&mut self, text: &str) {
        self.err.borrow_mut().push_str(text);
    }
}

/// What `Session::check` says of a cell's source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    Incomplete,
    Invalid,
}

/// A cell that failed: the exception class and message, and the rendered report (a
/// traceback and the source with the span underlined).
#[derive(Clone, Debug, PartialEq)]
pub struct CellError {
    pub ename: String,
    pub evalue: String,
    pub report: String,
    /// For SystemExit: the exit status asked for.
    pub exit_code: Option<i32>,
}

pub struct Session {
    /// Boxed: a suspended generator's frames point at it, so it never moves.
    it: Box<Interp>,
    /// `%autoreload 2`: modules whose files changed run again before each cell.
    autoreload: bool,
    cells: usize,
    /// Colour diagnostics (on for a terminal).
    pub color: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    /// A session printing to the process's stdout and stderr.
    pub fn new() -> Session {
        Session::with_sink(Box::new(StdSink::default()))
    }

    pub fn with_sink(sink: Box<dyn Sink>) -> Session {
        let mut it = Session::interp_with(sink);
        it.install_modules();
        Session {
            it,
            autoreload: false,
            cells: 0,
            color: false,
        }
    }

    fn interp_with(sink: Box<dyn Sink>) -> Box<Interp> {
        let globals: lang::value::Globals = Default::default();
        let main = Rc::new(lang::value::ModuleObj {
            name: Rc::from("__main__"),
            attrs: Default::default(),
            globals: Some(globals.clone()),
        });
        // sys.path: the working folder ('' as in Python's REPL), then PYTHONPATH.
        let mut path = vec![Value::str("")];
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            path.extend(
                std::env::split_paths(&pp)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|p| Value::str(&p.to_string_lossy())),
            );
        }
        Box::new(Interp {
            syms: Default::default(),
            globals,
            module: main.clone(),
            main,
            sys_modules: Default::default(),
            sys_path: Rc::new(RefCell::new(path)),
            in_generator: 0,
            closing: Default::default(),
            yielder: None,
            cur: Default::default(),
            sources: Default::default(),
            call_sites: Vec::new(),
            stack_pool: Vec::new(),
            builtins: Vec::new(),
            env: None,
            class_ns: None,
            src: Rc::new(SourceFile {
                name: "<string>".into(),
                text: String::new(),
            }),
            exc_classes: lang::exc::builtin_classes(),
            print_opts: Default::default(),
            sink,
            interrupt: Arc::new(AtomicBool::new(false)),
            depth: 0,
            modules: Default::default(),
            handling: Vec::new(),
            bindings: &BINDINGS,
            ext: Default::default(),
            torch_gen: crate::Generator::new(67280421310721),
            argv: vec![String::new()],
            calls: Vec::new(),
            type_classes: Default::default(),
            tensor_class: None,
            module_class: None,
            parameter_class: None,
            size_class: None,
            start: std::time::Instant::now(),
            hooks: Default::default(),
            next_hook: 0,
            warned: Default::default(),
        })
    }

    /// The flag a front end sets to interrupt running code (Ctrl-C): the code stops with
    /// KeyboardInterrupt at the next loop iteration or call, and the session keeps its state.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.it.interrupt.clone()
    }

    /// Shares an interrupt flag with a front end that already routes Ctrl-C to it.
    pub fn set_interrupt_flag(&mut self, flag: Arc<AtomicBool>) {
        self.it.interrupt = flag;
    }

    /// `sys.argv` for a script.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.it.argv = argv.clone();
        if let Some(Value::Module(m)) = self.it.modules.get("sys") {
            m.attrs.borrow_mut().insert(
                Rc::from("argv"),
                Value::list(argv.iter().map(|s| Value::str(s)).collect()),
            );
        }
    }

    /// Runs a cell. Its last statement's value, if an expression other than None, is the
    /// cell's result (as in Python's REPL and notebooks).
    pub fn eval_cell(&mut self, src: &str) -> Result<Option<MimeBundle>, CellError> {
        self.cells += 1;
        let name = format!("<cell {}>", self.cells);
        let src = match self.line_magics(src) {
            Ok(s) => s,
            Err(msg) => {
                return Err(CellError {
                    ename: "UsageError".into(),
                    evalue: msg.clone(),
                    report: format!("UsageError: {msg}\n"),
                    exit_code: None,
                })
            }
        };
        if self.autoreload {
            let r = self.it.reload_changed();
            if let Err(Ctrl::Raise(mut e)) = r {
                return Err(self.report(&mut e));
            }
        }
        self.run(&name, &src, true)
    }

    /// IPython's line magics that notebooks and tutorials start with, handled before the cell
    /// runs (each becomes an empty line, so line numbers stay): `%load_ext autoreload`,
    /// `%autoreload [0|2]`, `%matplotlib [inline]` (figures are inline already). Any other
    /// `%name` is IPython's UsageError.
    fn line_magics(&mut self, src: &str) -> Result<String, String> {
        if !src.lines().any(|l| l.starts_with('%')) {
            return Ok(src.to_string());
        }
        let mut out = String::with_capacity(src.len());
        for line in src.split_inclusive('\n') {
            let Some(magic) = line.strip_prefix('%') else {
                out.push_str(line);
                continue;
            };
            let mut words = magic.split_whitespace();
            match (words.next().unwrap_or(""), words.next()) {
                ("load_ext", Some("autoreload")) | ("matplotlib", _) => {}
                ("autoreload", Some("2") | Some("all")) => self.autoreload = true,
                ("autoreload", Some("0") | Some("off")) => self.autoreload = false,
                ("autoreload", None) => {
                    if let Err(Ctrl::Raise(mut e)) = self.it.reload_changed() {
                        return Err(self.report(&mut e).evalue);
                    }
                }
                ("autoreload", Some(mode)) => {
                    return Err(format!("nabla's %autoreload takes 0 (off) or 2 (reload every changed module before each cell), not {mode}"))
                }
                ("load_ext", Some(ext)) => return Err(format!("nabla has no IPython extension {ext} (it knows autoreload)")),
                (name, _) => return Err(format!("Line magic function `%{name}` not found.")),
            }
            if line.ends_with('\n') {
                out.push('\n');
            }
        }
        Ok(out)
    }

    /// Runs a whole file as Python runs a script: expression statements print nothing.
    pub fn run_file(&mut self, name: &str, src: &str) -> Result<(), CellError> {
        self.it.set_global("__file__", Value::str(name));
        // sys.path[0]: the script's folder (Python's), where its own modules are found.
        let dir = std::path::Path::new(name).parent();
        if let Some(dir) = dir.filter(|d| !d.as_os_str().is_empty()) {
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            if let Some(first) = self.it.sys_path.borrow_mut().first_mut() {
                *first = Value::str(&dir.to_string_lossy());
            }
        }
        self.run(name, src, false).map(|_| ())
    }

    /// Sends the program's output somewhere else from now on.
    pub fn set_sink(&mut self, sink: Box<dyn Sink>) {
        self.it.sink = sink;
    }

    /// Shows the figures still open (a notebook does this when a cell ends, as matplotlib's
    /// inline backend does).
    pub fn show_open_figures(&mut self) {
        self.it.show_figures();
    }

    /// Whether `src` is complete, needs more lines, or can never parse.
    pub fn check(&self, src: &str) -> Completeness {
        if syntax::is_incomplete(src) {
            Completeness::Incomplete
        } else if syntax::parse(src).1.is_empty() {
            Completeness::Complete
        } else {
            Completeness::Invalid
        }
    }

    /// Whether the source needs more lines (an open block, bracket or string).
    pub fn is_incomplete(&self, src: &str) -> bool {
        syntax::is_incomplete(src)
    }

    fn run(&mut self, name: &str, src: &str, echo: bool) -> Result<Option<MimeBundle>, CellError> {
        let file = Rc::new(SourceFile {
            name: name.to_string(),
            text: src.to_string(),
        });
        self.it.sources.insert(name.to_string(), file.clone());
        let (module, errors) = syntax::parse(src);
        if !errors.is_empty() {
            let diags: Vec<Diagnostic> = errors
                .iter()
                .map(|e| Diagnostic {
                    headline: format!("SyntaxError: {}", e.msg),
                    span: e.span,
                    label: Some(e.label.clone().unwrap_or_else(|| e.msg.clone())),
                    hint: None,
                })
                .collect();
            let first = &errors[0];
            return Err(CellError {
                ename: "SyntaxError".into(),
                evalue: first.msg.clone(),
                report: syntax::render(&diags, name, src, self.color),
                exit_code: None,
            });
        }
        let mut module = module.unwrap_or_default();
        let mut resolver = lang::resolve::Resolver::new(&mut self.it.syms);
        resolver.module(&mut module.body);
        if let Some((span, msg)) = resolver.errors.first().cloned() {
            let d = Diagnostic {
                headline: format!("SyntaxError: {msg}"),
                span,
                label: None,
                hint: None,
            };
            return Err(CellError {
                ename: "SyntaxError".into(),
                evalue: msg,
                report: syntax::render(&[d], name, src, self.color),
                exit_code: None,
            });
        }
        self.it.src = file.clone();
        self.it.env = None;
        self.it.class_ns = None;
        self.it.depth = 0;
        self.it.calls.clear();
        self.it.call_sites.clear();
        let main = self.it.main.clone();
        self.it.enter_module(&main);
        // A stale interrupt from before the cell started does not count.
        self.it
            .interrupt
            .store(false, std::sync::atomic::Ordering::Relaxed);
        let body = &module.body;
        let (init, last) = match body.split_last() {
            Some((last, init)) if echo && matches!(last.kind, syntax::ast::StmtKind::Expr(_)) => {
                (init, Some(last))
            }
            _ => (&body[..], None),
        };
        let r = Interp::top_level(self.it.exec_block(init));
        let r = r.and_then(|()| match last {
            Some(syntax::ast::Stmt {
                kind: syntax::ast::StmtKind::Expr(e),
                ..
            }) => {
                let v = self.it.eval(e)?;
                if matches!(v, Value::None) {
                    return Ok(None);
                }
                Ok(Some(self.it.mime_bundle(&v)?))
            }
            _ => Ok(None),
        });
        if self.it.closing.pending.get() {
            self.it.close_dropped_generators();
        }
        match r {
            Ok(out) => Ok(out),
            Err(Ctrl::Raise(mut e)) => Err(self.report(&mut e)),
            Err(_) => Ok(None),
        }
    }

    fn report(&mut self, e: &mut lang::exc::PyErr) -> CellError {
        let value = self.it.exc_value(e);
        let ename = value.type_name();
        let evalue = self.it.str_of(&value).unwrap_or_default();
        let exit_code = (ename == "SystemExit").then(|| match lang::exc::args_of(&value).first() {
            Some(Value::Int(i)) => *i as i32,
            Some(Value::Str(s)) => s.parse().unwrap_or(1),
            Some(Value::None) | None => 0,
            Some(_) => 1,
        });
        let headline = if evalue.is_empty() {
            ename.clone()
        } else {
            format!("{ename}: {evalue}")
        };
        let mut report = String::new();
        if !e.trace.is_empty() {
            report.push_str("Traceback (most recent call last):\n");
            let mut func: Rc<str> = Rc::from("<module>");
            for t in e.trace.iter().rev() {
                let (line, text) = line_of(&t.src.text, t.span.start);
                report.push_str(&format!(
                    "  File \"{}\", line {line}, in {func}\n    {}\n",
                    t.src.name,
                    text.trim()
                ));
                func = t.func.clone();
            }
        }
        match &e.span {
            Some((src, span)) => {
                let d = Diagnostic {
                    headline: headline.clone(),
                    span: *span,
                    label: Some(format!("{ename} raised here")),
                    hint: e.hint.clone(),
                };
                report.push_str(&syntax::render(&[d], &src.name, &src.text, self.color));
            }
            None => {
                report.push_str(&headline);
                report.push('\n');
                if let Some(h) = &e.hint {
                    report.push_str(&format!("help: {h}\n"));
                }
            }
        }
        CellError {
            ename,
            evalue,
            report,
            exit_code,
        }
    }
}

/// The 1-based line number and text of the line holding byte `at`.
fn line_of(text: &str, at: usize) -> (usize, &str) {
    let at = at.min(text.len());
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (line, &text[start..end])
}
