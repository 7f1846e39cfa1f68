//! The resolver: before a cell runs, every name gets its place (a frame slot, an enclosing
//! frame's slot, a global symbol, or a class-body lookup), so running code never searches
//! scopes by name.

use crate::syntax::ast::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Global names to symbol numbers; shared by all cells of a session.
#[derive(Default)]
pub struct Symbols {
    pub ids: HashMap<Rc<str>, u32>,
    pub names: Vec<Rc<str>>,
}

impl Symbols {
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        let rc: Rc<str> = Rc::from(name);
        self.names.push(rc.clone());
        self.ids.insert(rc, i);
        i
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Kind {
    Module,
    Function,
    Class,
}

struct ScopeInfo {
    kind: Kind,
    slots: Vec<Ident>,
    index: HashMap<Ident, u32>,
    globals: HashSet<Ident>,
    nonlocals: HashSet<Ident>,
    /// Names assigned in a class body.
    class_names: HashSet<Ident>,
    /// A comprehension's scope (`:=` inside binds in the scope around it).
    comprehension: bool,
    /// A function whose body yields: a generator function.
    yields: bool,
}

impl ScopeInfo {
    fn new(kind: Kind) -> Self {
        ScopeInfo {
            kind,
            slots: Vec::new(),
            index: HashMap::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            class_names: HashSet::new(),
            comprehension: false,
            yields: false,
        }
    }

    fn add_local(&mut self, name: &Ident) {
        if !self.index.contains_key(name)
            && !self.globals.contains(name)
            && !self.nonlocals.contains(name)
        {
            self.index.insert(name.clone(), self.slots.len() as u32);
            self.slots.push(name.clone());
        }
    }
}

pub struct Resolver<'a> {
    syms: &'a mut Symbols,
    scopes: Vec<ScopeInfo>,
    /// `nonlocal x` with no enclosing `x`, and the like.
    pub errors: Vec<(crate::syntax::token::Span, String)>,
}

impl<'a> Resolver<'a> {
    pub fn new(syms: &'a mut Symbols) -> Self {
        Resolver {
            syms,
            scopes: vec![ScopeInfo::new(Kind::Module)],
            errors: Vec::new(),
        }
    }

    pub fn module(&mut self, body: &mut [Stmt]) {
        self.block(body);
    }

    fn res(&mut self, name: &Ident) -> Res {
        let top = self.scopes.len() - 1;
        let cur = &self.scopes[top];
        match cur.kind {
            Kind::Module => return Res::Global(self.syms.intern(name)),
            Kind::Class => {
                if cur.class_names.contains(name) {
                    return Res::Class(self.syms.intern(name));
                }
            }
            Kind::Function => {
                if cur.globals.contains(name) {
                    return Res::Global(self.syms.intern(name));
                }
                if let Some(&slot) = cur.index.get(name) {
                    return Res::Local(slot);
                }
            }
        }
        // Enclosing function scopes (class bodies are skipped, as in Python). A class body
        // runs in its enclosing function's frame, so from there depth 0 is that frame.
        let mut depth = u32::from(cur.kind == Kind::Function);
        for s in self.scopes[..top].iter().rev() {
            match s.kind {
                Kind::Module => break,
                Kind::Class => continue,
                Kind::Function => {
                    if s.globals.contains(name) {
                        break;
                    }
                    if let Some(&slot) = s.index.get(name) {
                        return Res::Enclosing { depth, slot };
                    }
                    depth += 1;
                }
            }
        }
        let sym = self.syms.intern(name);
        if cur.kind == Kind::Class {
            Res::Class(sym)
        } else {
            Res::Global(sym)
        }
    }

    fn name(&mut self, n: &mut Name) {
        n.res = self.res(&n.id);
    }

    fn block(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(targets, v) => {
                self.expr(v);
                targets.iter_mut().for_each(|t| self.expr(t));
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(v);
                self.expr(t);
            }
            StmtKind::AnnAssign(t, ann, v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
                self.expr(ann);
                self.expr(t);
            }
            StmtKind::Def(f) => {
                if let Some(f) = Rc::get_mut(f) {
                    for d in &mut f.decorators {
                        self.expr(d);
                    }
                    f.bind = self.res(&f.name.clone());
                    self.function(f);
                }
            }
            StmtKind::Class(c) => {
                if let Some(c) = Rc::get_mut(c) {
                    for d in &mut c.decorators {
                        self.expr(d);
                    }
                    for b in &mut c.bases {
                        self.expr(b);
                    }
                    if let Some(m) = &mut c.metaclass {
                        self.expr(m);
                    }
                    c.bind = self.res(&c.name.clone());
                    let mut scope = ScopeInfo::new(Kind::Class);
                    let mut assigned = Vec::new();
                    collect_assigned(&c.body, &mut assigned, &mut Vec::new(), &mut Vec::new());
                    scope.class_names = assigned.into_iter().collect();
                    self.scopes.push(scope);
                    self.block(&mut c.body);
                    self.scopes.pop();
                }
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                self.expr(c);
                self.block(a);
                self.block(b);
            }
            StmtKind::For(t, it, body, orelse) => {
                self.expr(it);
                self.expr(t);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::With(items, body) => {
                for (e, t) in items {
                    self.expr(e);
                    if let Some(t) = t {
                        self.expr(t);
                    }
                }
                self.block(body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                self.block(body);
                for h in handlers {
                    if let Some(c) = &mut h.class {
                        self.expr(c);
                    }
                    if let Some(n) = &mut h.name {
                        self.name(n);
                    }
                    self.block(&mut h.body);
                }
                self.block(orelse);
                self.block(finally);
            }
            StmtKind::Raise(a, b) => {
                if let Some(a) = a {
                    self.expr(a);
                }
                if let Some(b) = b {
                    self.expr(b);
                }
            }
            StmtKind::Assert(a, b) => {
                self.expr(a);
                if let Some(b) = b {
                    self.expr(b);
                }
            }
            StmtKind::Del(ts) => ts.iter_mut().for_each(|t| self.expr(t)),
            StmtKind::Import(aliases) | StmtKind::ImportFrom(_, aliases, _) => {
                for a in aliases {
                    self.name(&mut a.bind);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass | StmtKind::Error => {}
        }
    }

    fn function(&mut self, f: &mut FuncDef) {
        // Defaults, annotations and the return annotation belong to the enclosing scope.
        for p in &mut f.params {
            if let Some(d) = &mut p.default {
                self.expr(d);
            }
            if let Some(a) = &mut p.annotation {
                self.expr(a);
            }
        }
        if let Some(r) = &mut f.returns {
            self.expr(r);
        }
        let mut scope = ScopeInfo::new(Kind::Function);
        let mut assigned = Vec::new();
        let mut globals = Vec::new();
        let mut nonlocals = Vec::new();
        collect_assigned(&f.body, &mut assigned, &mut globals, &mut nonlocals);
        scope.globals = globals.into_iter().collect();
        scope.nonlocals = nonlocals.into_iter().collect();
        for p in &f.params {
            scope.add_local(&p.name);
        }
        for n in &assigned {
            scope.add_local(n);
        }
        let span = f.span;
        for n in scope.nonlocals.clone() {
            let found = self
                .scopes
                .iter()
                .skip(1)
                .any(|s| s.kind == Kind::Function && s.index.contains_key(&n));
            if !found {
                self.errors
                    .push((span, format!("no binding for nonlocal '{n}' found")));
            }
        }
        self.scopes.push(scope);
        self.block(&mut f.body);
        let scope = self
            .scopes
            .pop()
            .unwrap_or_else(|| ScopeInfo::new(Kind::Function));
        f.scope.slots = scope.slots;
        f.is_generator = scope.yields;
    }

    fn comprehension(&mut self, c: &mut Comprehension) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = c.gens.first_mut() {
            self.expr(&mut g.iter);
        }
        let mut scope = ScopeInfo::new(Kind::Function);
        scope.comprehension = true;
        let mut names = Vec::new();
        for g in &c.gens {
            target_names(&g.target, &mut names);
        }
        for n in &names {
            scope.add_local(n);
        }
        self.scopes.push(scope);
        for (i, g) in c.gens.iter_mut().enumerate() {
            if i > 0 {
                self.expr(&mut g.iter);
            }
            self.expr(&mut g.target);
            for cond in &mut g.ifs {
                self.expr(cond);
            }
        }
        self.expr(&mut c.elt);
        if let Some(v) = &mut c.value {
            self.expr(v);
        }
        let scope = self
            .scopes
            .pop()
            .unwrap_or_else(|| ScopeInfo::new(Kind::Function));
        c.scope.slots = scope.slots;
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter_mut().for_each(|x| self.expr(x))
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(x) | ExprKind::Attr(x, _) | ExprKind::Unary(_, x) => self.expr(x),
            ExprKind::Subscript(a, b)
            | ExprKind::Binary(_, a, b)
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::Call(f, args) => {
                self.expr(f);
                for a in args {
                    match a {
                        Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => {
                            self.expr(x)
                        }
                    }
                }
            }
            ExprKind::Compare(a, rest) => {
                self.expr(a);
                rest.iter_mut().for_each(|(_, x)| self.expr(x));
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(a);
                self.expr(b);
                self.expr(c);
            }
            ExprKind::Lambda(f) => {
                if let Some(f) = Rc::get_mut(f) {
                    self.function(f);
                }
            }
            ExprKind::Comp(c) => self.comprehension(c),
            ExprKind::FStr(parts) => self.fstr(parts),
            ExprKind::Walrus(n, v) => {
                self.expr(v);
                // The name lives in the nearest scope that is not a comprehension.
                if let Some(s) = self.scopes.iter_mut().rev().find(|s| !s.comprehension) {
                    if s.kind == Kind::Function {
                        s.add_local(&n.id);
                    }
                }
                self.name(n);
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
                self.mark_yield(e.span, "yield");
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v);
                self.mark_yield(e.span, "yield from");
            }
            ExprKind::None
            | ExprKind::Bool(_)
            | ExprKind::Ellipsis
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Error => {}
        }
    }

    /// A `yield` makes its function a generator; outside a function it is an error.
    fn mark_yield(&mut self, span: crate::syntax::token::Span, what: &str) {
        let top = self.scopes.len() - 1;
        let s = &mut self.scopes[top];
        match s.kind {
            Kind::Function if s.comprehension => self
                .errors
                .push((span, format!("'{what}' inside list comprehension"))),
            Kind::Function => s.yields = true,
            _ => self
                .errors
                .push((span, format!("'{what}' outside function"))),
        }
    }

    fn fstr(&mut self, parts: &mut [FStrPart]) {
        for p in parts {
            if let FStrPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                self.fstr(spec);
            }
        }
    }
}

/// Names a target binds.
fn target_names(e: &Expr, out: &mut Vec<Ident>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.id.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|i| target_names(i, out))
        }
        ExprKind::Starred(x) => target_names(x, out),
        _ => {}
    }
}

/// Names a block binds (not descending into nested functions or classes), and its
/// `global` / `nonlocal` declarations.
fn collect_assigned(
    body: &[Stmt],
    out: &mut Vec<Ident>,
    globals: &mut Vec<Ident>,
    nonlocals: &mut Vec<Ident>,
) {
    for s in body {
        match &s.kind {
            StmtKind::Assign(targets, _) => targets.iter().for_each(|t| target_names(t, out)),
            StmtKind::AugAssign(t, _, _) | StmtKind::AnnAssign(t, _, _) => target_names(t, out),
            StmtKind::Def(f) => out.push(f.name.clone()),
            StmtKind::Class(c) => out.push(c.name.clone()),
            StmtKind::For(t, _, body, orelse) => {
                target_names(t, out);
                collect_assigned(body, out, globals, nonlocals);
                collect_assigned(orelse, out, globals, nonlocals);
            }
            StmtKind::If(_, a, b) | StmtKind::While(_, a, b) => {
                collect_assigned(a, out, globals, nonlocals);
                collect_assigned(b, out, globals, nonlocals);
            }
            StmtKind::With(items, body) => {
                for (_, t) in items {
                    if let Some(t) = t {
                        target_names(t, out);
                    }
                }
                collect_assigned(body, out, globals, nonlocals);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                collect_assigned(body, out, globals, nonlocals);
                for h in handlers {
                    if let Some(n) = &h.name {
                        out.push(n.id.clone());
                    }
                    collect_assigned(&h.body, out, globals, nonlocals);
                }
                collect_assigned(orelse, out, globals, nonlocals);
                collect_assigned(finally, out, globals, nonlocals);
            }
            StmtKind::Del(ts) => ts.iter().for_each(|t| target_names(t, out)),
            StmtKind::Import(aliases) | StmtKind::ImportFrom(_, aliases, _) => {
                aliases.iter().for_each(|a| out.push(a.bind.id.clone()))
            }
            StmtKind::Global(names) => globals.extend(names.iter().cloned()),
            StmtKind::Nonlocal(names) => nonlocals.extend(names.iter().cloned()),
            _ => {}
        }
    }
}
