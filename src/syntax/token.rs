//! Tokens: what the lexer hands the parser.

use std::fmt;
use std::rc::Rc;

/// A byte range in the source.
pub type Span = chumsky::span::SimpleSpan;

/// One piece of an f-string: literal text, or a replacement field whose expression is
/// parsed later (with its offset, so spans point into the original source).
#[derive(Clone, Debug, PartialEq)]
pub enum FPiece {
    Lit(String),
    Field {
        /// The expression's source text and where it starts in the whole source.
        src: String,
        offset: usize,
        /// `!r`, `!s` or `!a`.
        conv: Option<char>,
        /// The format spec after `:`, itself made of pieces (`{x:{width}}`).
        spec: Vec<FPiece>,
        /// `{x = }`: the text to print before the value (the expression, `=` and spaces).
        debug: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Name(Rc<str>),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    /// `b'...'`
    Bytes(Rc<[u8]>),
    FStr(Rc<[FPiece]>),
    /// A keyword (`def`, `None`, `and` …).
    Kw(&'static str),
    /// An operator or delimiter (`+`, `**=`, `(`, `->` …).
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
}

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Longest first, so the lexer can take the first match.
pub const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Token::Name(n) => write!(f, "{n}"),
            Token::Int(i) => write!(f, "{i}"),
            Token::Float(x) => write!(f, "{x}"),
            Token::Str(_) => write!(f, "a string"),
            Token::FStr(_) => write!(f, "an f-string"),
            Token::Bytes(_) => write!(f, "a bytes literal"),
            Token::Kw(k) => write!(f, "{k}"),
            Token::Op(o) => write!(f, "{o}"),
            Token::Newline => write!(f, "end of line"),
            Token::Indent => write!(f, "an indent"),
            Token::Dedent => write!(f, "a dedent"),
        }
    }
}
