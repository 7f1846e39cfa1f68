//! The parser: chumsky combinators over the lexer's tokens. `grammar/nabla.ebnf` names the
//! function below that implements each production.

mod expr;
mod stmt;

use crate::syntax::ast::*;
use crate::syntax::token::{Span, Token};
use chumsky::input::ValueInput;
use chumsky::prelude::*;

pub(crate) type Extra<'t> = extra::Err<Rich<'t, Token, Span>>;
type BoxedP<'t, I, O> = Boxed<'t, 't, I, O, Extra<'t>>;

/// The expression parsers the statement parser builds on.
pub(crate) struct Parsers<'t, I: ValueInput<'t, Token = Token, Span = Span>> {
    /// A full expression (`test` in Python's grammar): lambda, conditional, or_test.
    pub test: BoxedP<'t, I, Expr>,
    /// A bitwise-or expression: what may stand on either side of a comparison.
    pub bor: BoxedP<'t, I, Expr>,
    /// `a, (b, c), *d` as in `for` and comprehension targets.
    pub target_list: BoxedP<'t, I, Expr>,
    /// `a, *b, c`: the right-hand side of an assignment, a return value.
    pub testlist_star: BoxedP<'t, I, Expr>,
    /// `( args )` of a call (also a class's bases).
    pub call_args: BoxedP<'t, I, Vec<Arg>>,
}

pub(crate) fn op<'t, I>(s: &'static str) -> impl Parser<'t, I, Token, Extra<'t>> + Clone
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    just(Token::Op(s))
}

pub(crate) fn kw<'t, I>(s: &'static str) -> impl Parser<'t, I, Token, Extra<'t>> + Clone
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    just(Token::Kw(s))
}

pub(crate) fn name<'t, I>() -> impl Parser<'t, I, Ident, Extra<'t>> + Clone
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    select! { Token::Name(n) => n }.labelled("name")
}

/// Parameters after a bare `*` or `*args` are keyword-only.
pub(crate) fn param_kinds(mut params: Vec<Param>) -> Vec<Param> {
    let mut kw_only = false;
    params.retain_mut(|p| {
        match p.kind {
            ParamKind::VarArgs => {
                kw_only = true;
                // A bare `*` only marks what follows.
                return !p.name.is_empty();
            }
            ParamKind::Normal if kw_only => p.kind = ParamKind::KwOnly,
            _ => {}
        }
        true
    });
    params
}

/// A whole file or cell.
pub(crate) fn module<'t, I>() -> impl Parser<'t, I, Vec<Stmt>, Extra<'t>>
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    let p = expr::build::<I>();
    stmt::statements(p).then_ignore(end())
}

/// One expression and nothing else (an f-string field).
pub(crate) fn expression<'t, I>() -> impl Parser<'t, I, Expr, Extra<'t>>
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    let p = expr::build::<I>();
    p.testlist_star.then_ignore(end())
}
