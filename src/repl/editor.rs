//! The rustyline helper: completion from the session, colours, hints from history.

use super::highlight;
use crate::eval::Session;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

pub struct NablaHelper {
    pub session: Rc<RefCell<Session>>,
    /// The lines of the block typed so far (before the line being edited), so completion
    /// sees an open call or string that began on an earlier line.
    pub block: RefCell<String>,
    pub color: bool,
    hinter: HistoryHinter,
}

impl NablaHelper {
    pub fn new(session: Rc<RefCell<Session>>, color: bool) -> NablaHelper {
        NablaHelper {
            session,
            block: RefCell::new(String::new()),
            color,
            hinter: HistoryHinter::new(),
        }
    }
}

impl Completer for NablaHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        // Tab at the start of a line indents, as in Python's REPL.
        let line_start = line[..pos].rfind('\n').map_or(0, |i| i + 1);
        if line[line_start..pos].trim().is_empty() {
            let pair = Pair {
                display: String::new(),
                replacement: "    ".into(),
            };
            return Ok((pos, vec![pair]));
        }
        let block = self.block.borrow();
        let src = format!("{block}{line}");
        let Ok(mut session) = self.session.try_borrow_mut() else {
            return Ok((pos, Vec::new()));
        };
        let c = session.complete(&src, block.len() + pos);
        let start = c.start.saturating_sub(block.len()).min(pos);
        let pairs = c
            .items
            .into_iter()
            .map(|s| Pair {
                display: s.clone(),
                replacement: s,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for NablaHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if line.trim().is_empty() {
            return None;
        }
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for NablaHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight::highlight(line, pos))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if !self.color {
            return Cow::Borrowed(hint);
        }
        Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
    }

    fn highlight_char(&self, line: &str, _pos: usize, _kind: CmdKind) -> bool {
        // Repaint on every edit and cursor move when colours are on: the matching bracket
        // follows the cursor.
        self.color && !line.is_empty()
    }
}

impl Validator for NablaHelper {}

impl Helper for NablaHelper {}
