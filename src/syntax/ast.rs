//! The syntax tree. Every node carries its span; names carry a resolution slot that the
//! evaluator's resolver fills in before the code runs.

use super::token::Span;
use std::rc::Rc;

pub type Ident = Rc<str>;

/// Where a name lives, decided once before evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Res {
    #[default]
    Unresolved,
    /// A slot in the current function's frame.
    Local(u32),
    /// A slot in an enclosing function's frame, `depth` frames up.
    Enclosing { depth: u32, slot: u32 },
    /// A module-level name: the session's symbol number.
    Global(u32),
    /// A name in a class body: the class namespace, then globals, then builtins.
    Class(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub id: Ident,
    pub res: Res,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }

    /// The operator of an augmented assignment (`+=` → Add).
    pub fn from_augmented(op: &str) -> Option<BinOp> {
        Some(match op {
            "+=" => BinOp::Add,
            "-=" => BinOp::Sub,
            "*=" => BinOp::Mul,
            "@=" => BinOp::MatMul,
            "/=" => BinOp::Div,
            "//=" => BinOp::FloorDiv,
            "%=" => BinOp::Mod,
            "**=" => BinOp::Pow,
            "<<=" => BinOp::LShift,
            ">>=" => BinOp::RShift,
            "&=" => BinOp::BitAnd,
            "|=" => BinOp::BitOr,
            "^=" => BinOp::BitXor,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Ident, Expr),
    StarStar(Expr),
}

/// A piece of an f-string after parsing.
#[derive(Clone, Debug, PartialEq)]
pub enum FStrPart {
    Lit(Rc<str>),
    Field {
        expr: Box<Expr>,
        /// `{x=}`: the expression's text, printed before its value.
        debug: Option<Rc<str>>,
        conv: Option<char>,
        spec: Vec<FStrPart>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// One `for target in iter if cond…` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct CompFor {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

/// A comprehension runs in its own scope, like a function without parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub kind: CompKind,
    pub elt: Expr,
    /// The value of a dict comprehension (`elt` is the key).
    pub value: Option<Expr>,
    pub gens: Vec<CompFor>,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    /// `b'...'`
    Bytes(Rc<[u8]>),
    FStr(Vec<FStrPart>),
    Name(Name),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` key: a `**mapping` entry.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    Attr(Box<Expr>, Ident),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Rc<FuncDef>),
    Comp(Box<Comprehension>),
    /// `name := value`
    Walrus(Name, Box<Expr>),
    /// `yield value` (a generator function's suspension point).
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`
    YieldFrom(Box<Expr>),
    /// What the parser put where it recovered from an error.
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    Normal,
    /// `*args`
    VarArgs,
    KwOnly,
    /// `**kwargs`
    VarKw,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub kind: ParamKind,
    pub default: Option<Expr>,
    pub annotation: Option<Expr>,
    pub span: Span,
}

/// A function's local slots, filled by the resolver: parameters first, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    pub slots: Vec<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDef {
    pub name: Ident,
    /// Where the `def` statement binds the name (set by the resolver).
    pub bind: Res,
    pub params: Vec<Param>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    /// The whole definition (for `x??` and tracebacks).
    pub span: Span,
    pub is_lambda: bool,
    /// Its body yields: calling it makes a generator (set by the resolver).
    pub is_generator: bool,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    pub bind: Res,
    pub bases: Vec<Expr>,
    /// `metaclass=M`
    pub metaclass: Option<Expr>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    pub class: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// `torch.nn.functional` as its parts.
    pub path: Vec<Ident>,
    /// The name bound: the alias, or (for `import a.b`) the first part.
    pub bind: Name,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target gets the value.
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    AnnAssign(Expr, Expr, Option<Expr>),
    Def(Rc<FuncDef>),
    Class(Rc<ClassDef>),
    Return(Option<Expr>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    Break,
    Continue,
    Pass,
    With(Vec<(Expr, Option<Expr>)>, Vec<Stmt>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finally: Vec<Stmt>,
    },
    Raise(Option<Expr>, Option<Expr>),
    Assert(Expr, Option<Expr>),
    Del(Vec<Expr>),
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Import(Vec<Alias>),
    /// `from module import a as b, c`; an empty list means `import *`. The number is the
    /// relative import's level: the dots before the module (`from ..utils import f`: 2).
    ImportFrom(Vec<Ident>, Vec<Alias>, usize),
    Error,
}

/// A parsed cell or file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    pub fn name(id: Ident, span: Span) -> Expr {
        Expr::new(
            ExprKind::Name(Name {
                id,
                res: Res::Unresolved,
            }),
            span,
        )
    }
}
