//! What front ends ask a session besides running code: completions, `x?` / `x??` / inspect
//! text, the variables in scope. Nothing here runs user code: names are looked up, never
//! evaluated (a property is not called to complete after it).

use super::Session;
use crate::eval::lang::value::*;
use crate::syntax::ast::ParamKind;
use crate::syntax::token::KEYWORDS;
use std::rc::Rc;

/// Completions for the text before a cursor: replace `src[start..cursor]` by one of `items`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Completion {
    pub start: usize,
    pub items: Vec<String>,
}

/// One variable for `:vars`: its name, type and, for tensors, shape/dtype/device/bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct VarInfo {
    pub name: String,
    pub type_name: String,
    pub detail: String,
}

/// Where the cursor is, lexically.
enum Context<'a> {
    /// Inside a string literal; the text typed after its opening quote.
    Str(&'a str),
    Comment,
    Code,
}

/// Scans `src` (the text before the cursor) for an unterminated string or a comment.
fn context(src: &str) -> Context<'_> {
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => match src[i..].find('\n') {
                Some(n) => i += n,
                None => return Context::Comment,
            },
            q @ (b'\'' | b'"') => {
                let triple = b.get(i..i + 3) == Some(&[q, q, q][..]);
                let open = if triple { 3 } else { 1 };
                let body = i + open;
                let mut j = body;
                let mut closed = None;
                while j < b.len() {
                    if b[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && b[j] == b'\n' {
                        closed = Some(j);
                        break;
                    }
                    if b[j] == q && (!triple || b.get(j..j + 3) == Some(&[q, q, q][..])) {
                        closed = Some(j + open);
                        break;
                    }
                    j += 1;
                }
                match closed {
                    Some(end) => i = end,
                    None => return Context::Str(&src[body.min(src.len())..]),
                }
            }
            _ => i += 1,
        }
    }
    Context::Code
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifier ending at the end of `s`, and where it starts.
fn word_before(s: &str) -> (usize, &str) {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ident(*c))
        .last()
        .map_or(s.len(), |(i, _)| i);
    (start, &s[start..])
}

/// The dotted name (`torch.nn.functional`) ending at the end of `s`, if any.
fn dotted_before(s: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut end = s.len();
    loop {
        let (start, w) = word_before(&s[..end]);
        if w.is_empty() || w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        parts.push(w);
        if start > 0 && s[..start].ends_with('.') {
            end = start - 1;
        } else {
            break;
        }
    }
    parts.reverse();
    Some(parts)
}

/// Parameter names in a signature like `zeros(*size, dtype=None, device=None)`.
fn sig_params(sig: &str) -> Vec<String> {
    let Some(open) = sig.find('(') else {
        return Vec::new();
    };
    let mut depth = 0;
    let mut cur = String::new();
    let mut out = Vec::new();
    for c in sig[open + 1..].chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.iter()
        .filter_map(|p| {
            let p = p.trim();
            if p.starts_with('*') || p == "/" || p == "self" {
                return None;
            }
            let name: String = p.chars().take_while(|c| is_ident(*c)).collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

impl Session {
    /// A global or builtin by name, without running anything.
    fn lookup_name(&self, name: &str) -> Option<Value> {
        let id = *self.it.syms.ids.get(name)? as usize;
        if let Some(Some(v)) = self.it.globals.borrow().get(id) {
            return Some(v.clone());
        }
        self.it.builtins.get(id).cloned().flatten()
    }

    /// `a.b.c` looked up without side effects: module, class and instance attributes, and
    /// the plain data attributes of built-in values.
    fn lookup_dotted(&mut self, parts: &[&str]) -> Option<Value> {
        let (first, rest) = parts.split_first()?;
        let mut v = self.lookup_name(first)?;
        for name in rest {
            v = match &v {
                Value::Module(m) => self.it.module_attr(m, name)?,
                Value::Class(c) => c.lookup(name)?,
                Value::Instance(i) => {
                    let own = i.attrs.borrow().get(*name).cloned();
                    match own.or_else(|| i.class.lookup(name))? {
                        Value::Property(_) => return None,
                        f @ (Value::Func(_) | Value::Builtin(_)) => {
                            Value::Method(Rc::new((v.clone(), f)))
                        }
                        x => x,
                    }
                }
                Value::Func(_) | Value::Builtin(_) | Value::Method(_) => return None,
                _ => self.it.getattr(&v, name).ok()?,
            };
        }
        Some(v)
    }

    /// Names defined in the session (globals), sorted.
    fn global_names(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .it
            .globals
            .borrow()
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .filter_map(|(i, _)| self.it.syms.names.get(i).map(|n| n.to_string()))
            .collect();
        out.sort();
        out
    }

    fn builtin_names(&self) -> Vec<String> {
        self.it
            .builtins
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .filter_map(|(i, _)| self.it.syms.names.get(i).map(|n| n.to_string()))
            .collect()
    }

    /// The keyword-argument names a callable takes.
    fn param_names(&self, f: &Value) -> Vec<String> {
        match f {
            Value::Builtin(b) => sig_params(b.sig),
            Value::Func(func) => func
                .def
                .params
                .iter()
                .filter(|p| !matches!(p.kind, ParamKind::VarArgs | ParamKind::VarKw))
                .map(|p| p.name.to_string())
                .filter(|n| n != "self")
                .collect(),
            Value::Method(m) => self.param_names(&m.1),
            Value::Class(c) => c
                .lookup("__init__")
                .map(|i| self.param_names(&i))
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// The callee of the innermost call still open at the end of `code`, if a dotted name.
    fn open_call(&mut self, code: &str) -> Option<Value> {
        let mut depth = 0i32;
        for (i, c) in code.char_indices().rev() {
            match c {
                ')' | ']' | '}' => depth += 1,
                '[' | '{' if depth > 0 => depth -= 1,
                '(' if depth > 0 => depth -= 1,
                '[' | '{' => return None,
                '(' => {
                    let parts = dotted_before(code[..i].trim_end())?;
                    return self.lookup_dotted(&parts);
                }
                '\n' if depth == 0 => {}
                _ => {}
            }
        }
        None
    }

    /// Completions at byte `cursor` of `src`: names in scope, keywords and builtins;
    /// attributes after `.`; keyword arguments inside a call; file paths inside a string.
    pub fn complete(&mut self, src: &str, cursor: usize) -> Completion {
        let mut cursor = cursor.min(src.len());
        while !src.is_char_boundary(cursor) {
            cursor -= 1;
        }
        let before = &src[..cursor];
        match context(before) {
            Context::Comment => Completion {
                start: cursor,
                items: Vec::new(),
            },
            Context::Str(typed) => complete_path(typed, cursor),
            Context::Code => self.complete_code(before),
        }
    }

    fn complete_code(&mut self, before: &str) -> Completion {
        let (start, word) = word_before(before);
        let keep = |n: &str| n.starts_with(word) && (word.starts_with('_') || !n.starts_with('_'));
        let head = &before[..start];
        // After a dot: attributes of what the dotted name holds.
        if let Some(obj) = head.strip_suffix('.') {
            let items = match dotted_before(obj) {
                Some(parts) if !obj.ends_with(char::is_whitespace) => {
                    match self.lookup_dotted(&parts) {
                        Some(v) => {
                            let mut names = self.it.attribute_names(&v);
                            names.retain(|n| keep(n));
                            names
                        }
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            };
            return Completion { start, items };
        }
        // `import to…`, `from torch import n…`: module names.
        let line = head.rsplit('\n').next().unwrap_or("").trim_start();
        if line.starts_with("import ") || (line.starts_with("from ") && !line.contains(" import")) {
            let mut items: Vec<String> = self
                .it
                .modules
                .keys()
                .filter(|m| m.starts_with(&format!("{}{word}", line_module_prefix(line))))
                .map(|m| m[line_module_prefix(line).len()..].to_string())
                .collect();
            items.extend(
                ["matplotlib", "matplotlib.pyplot", "tqdm", "tqdm.auto"]
                    .iter()
                    .filter(|m| m.starts_with(word))
                    .map(|m| m.to_string()),
            );
            items.sort();
            items.dedup();
            return Completion { start, items };
        }
        let mut items = Vec::new();
        if let Some(f) = self.open_call(head) {
            items.extend(
                self.param_names(&f)
                    .into_iter()
                    .filter(|p| p.starts_with(word))
                    .map(|p| format!("{p}=")),
            );
        }
        let mut names: Vec<String> = self.global_names();
        names.extend(self.builtin_names());
        names.extend(KEYWORDS.iter().map(|k| k.to_string()));
        names.retain(|n| keep(n));
        names.sort();
        names.dedup();
        items.extend(names);
        Completion { start, items }
    }

    /// The text `x?` (detail 0) or `x??` (detail 1, adds a user function's source) shows:
    /// signature, docs, type, and a value's short form. None when `expr` names nothing.
    pub fn inspect(&mut self, expr: &str, detail: u8) -> Option<String> {
        let expr = expr.trim();
        let parts = dotted_before(expr).filter(|p| p.join(".") == expr)?;
        let v = self.lookup_dotted(&parts)?;
        let mut out = String::new();
        let help = self.it.help_text(&v);
        let (first, rest) = help.split_once('\n').unwrap_or((&help, ""));
        let callable = matches!(v, Value::Builtin(_) | Value::Func(_) | Value::Method(_));
        if callable {
            out.push_str(&format!("Signature: {first}\n"));
            let doc = rest.trim();
            if !doc.is_empty() {
                out.push_str(&format!("Docstring: {doc}\n"));
            }
        } else if matches!(v, Value::Module(_) | Value::Class(_)) {
            out.push_str(&format!("{first}\n"));
            if !rest.trim().is_empty() {
                out.push_str(&format!("Members: {}\n", rest.trim()));
            }
        } else {
            let form = self.it.repr(&v).unwrap_or_default();
            let form = match form.char_indices().nth(400) {
                Some((i, _)) => format!("{}…", &form[..i]),
                None => form,
            };
            out.push_str(&format!("String form: {form}\n"));
        }
        let type_name = match &v {
            Value::Builtin(_) => "builtin_function_or_method".to_string(),
            Value::Func(_) => "function".to_string(),
            Value::Method(_) => "method".to_string(),
            other => other.type_name(),
        };
        out.push_str(&format!("Type:      {type_name}\n"));
        if let Value::Tensor(t) = &v {
            out.push_str(&format!(
                "Shape:     {:?}  dtype: torch.{}  device: {}\n",
                t.shape(),
                t.dtype().name(),
                t.device()
            ));
        }
        if detail > 0 {
            let func = match &v {
                Value::Func(f) => Some(f.clone()),
                Value::Method(m) => match &m.1 {
                    Value::Func(f) => Some(f.clone()),
                    _ => None,
                },
                _ => None,
            };
            match func {
                Some(f) => {
                    let span = f.def.span;
                    if let Some(src) = f.src.text.get(span.start..span.end) {
                        out.push_str(&format!("Source:\n{src}\n"));
                    }
                    out.push_str(&format!("File:      {}\n", f.src.name));
                }
                None if callable => out.push_str("Source:    built in (Rust)\n"),
                None => {}
            }
        }
        Some(out)
    }

    /// The session's variables (globals not starting with `_`), for `:vars`.
    pub fn vars(&mut self) -> Vec<VarInfo> {
        let mut out = Vec::new();
        for name in self.global_names() {
            if name.starts_with('_') {
                continue;
            }
            let Some(v) = self.lookup_name(&name) else {
                continue;
            };
            let detail = match &v {
                Value::Tensor(t) => format!(
                    "{:?} {} {} {} B",
                    t.shape(),
                    t.dtype().name(),
                    t.device(),
                    t.element_size() * t.numel()
                ),
                Value::Module(m) => m.name.to_string(),
                Value::Func(_) | Value::Class(_) | Value::Builtin(_) => String::new(),
                other => {
                    let r = self.it.repr(other).unwrap_or_default();
                    match r.char_indices().nth(60) {
                        Some((i, _)) => format!("{}…", &r[..i]),
                        None => r,
                    }
                    .replace('\n', " ")
                }
            };
            out.push(VarInfo {
                name,
                type_name: v.type_name(),
                detail,
            });
        }
        out
    }

    /// A cell of the form `x?` or `x??`: the inspect text (or a "not found" line).
    pub fn help_query(&mut self, cell: &str) -> Option<String> {
        let t = cell.trim();
        let (expr, detail) = if let Some(e) = t.strip_suffix("??") {
            (e, 1)
        } else {
            (t.strip_suffix('?')?, 0)
        };
        let expr = expr.trim();
        if expr.is_empty() || expr.contains('\n') || dotted_before(expr)?.join(".") != expr {
            return None;
        }
        Some(
            self.inspect(expr, detail)
                .unwrap_or_else(|| format!("Object `{expr}` not found.\n")),
        )
    }
}

/// For `from torch import`-less module completion: the part of the dotted module already
/// typed before the word (`import torch.` → `torch.`).
fn line_module_prefix(line: &str) -> &str {
    let rest = line
        .strip_prefix("import ")
        .or_else(|| line.strip_prefix("from "))
        .unwrap_or("")
        .trim_start();
    match rest.rfind('.') {
        Some(i) => &rest[..=i],
        None => "",
    }
}

/// File names completing `typed`, the text inside a string literal before the cursor.
fn complete_path(typed: &str, cursor: usize) -> Completion {
    let (dir, base) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let start = cursor - base.len();
    let expanded = match dir.strip_prefix("~/") {
        Some(rest) => std::env::var("HOME").map_or(dir.to_string(), |h| format!("{h}/{rest}")),
        None => dir.to_string(),
    };
    let read = std::fs::read_dir(if expanded.is_empty() { "." } else { &expanded });
    let mut items: Vec<String> = match read {
        Ok(entries) => entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                if !name.starts_with(base) || (name.starts_with('.') && !base.starts_with('.')) {
                    return None;
                }
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                Some(if is_dir { format!("{name}/") } else { name })
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    items.sort();
    Completion { start, items }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_parameters() {
        assert_eq!(
            sig_params("zeros(*size, dtype=None, device=None, requires_grad=False)"),
            ["dtype", "device", "requires_grad"]
        );
        assert_eq!(sig_params("f(x, y=(1, 2), /, *, z=[0])"), ["x", "y", "z"]);
    }

    #[test]
    fn strings_and_comments() {
        assert!(matches!(context("open('da"), Context::Str("da")));
        assert!(matches!(context("x = 'a' + 'b"), Context::Str("b")));
        assert!(matches!(context("x = '''a\nb"), Context::Str("a\nb")));
        assert!(matches!(context("x = 1  # to"), Context::Comment));
        assert!(matches!(context("x = 'a#b'; y"), Context::Code));
    }

    #[test]
    fn dotted_names() {
        assert_eq!(
            dotted_before("x = torch.nn.fu"),
            Some(vec!["torch", "nn", "fu"])
        );
        assert_eq!(dotted_before("(a + 1).b"), None);
        assert_eq!(dotted_before("1.5"), None);
    }
}
