//! Expressions: atoms, trailers, Python's precedence table (one `pratt` level per row),
//! comparisons, boolean operators, conditional expressions, lambdas, comprehensions.

use super::{kw, name, op, Extra, Parsers};
use crate::syntax::ast::*;
use crate::syntax::token::{Span, Token};
use chumsky::input::ValueInput;
use chumsky::pratt::{infix, left, prefix, right};
use chumsky::prelude::*;
use std::rc::Rc;

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// A comma-separated list that remembers whether it had a comma (so `(x)` and `(x,)` differ).
fn list_of<'t, I, P>(item: P) -> impl Parser<'t, I, (Vec<Expr>, bool), Extra<'t>> + Clone
where
    I: ValueInput<'t, Token = Token, Span = Span>,
    P: Parser<'t, I, Expr, Extra<'t>> + Clone,
{
    item.clone()
        .then(op(",").ignore_then(item).repeated().collect::<Vec<_>>())
        .then(op(",").or_not())
        .map(|((first, rest), trailing)| {
            let comma = !rest.is_empty() || trailing.is_some();
            let mut all = Vec::with_capacity(rest.len() + 1);
            all.push(first);
            all.extend(rest);
            (all, comma)
        })
}

/// `a, b` becomes a tuple; a lone `a` stays itself.
pub(super) fn tuple_or_single((mut items, comma): (Vec<Expr>, bool), span: Span) -> Expr {
    if items.len() == 1 && !comma {
        items
            .pop()
            .unwrap_or_else(|| Expr::new(ExprKind::Error, span))
    } else {
        Expr::new(ExprKind::Tuple(items), span)
    }
}

pub(super) fn build<'t, I>() -> Parsers<'t, I>
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    let mut test = Recursive::declare();
    let mut or_test = Recursive::declare();
    let mut bor = Recursive::declare();

    let star_test = op("*")
        .ignore_then(bor.clone())
        .map_with(|e, x| Expr::new(ExprKind::Starred(boxed(e)), x.span()))
        .or(test.clone())
        .boxed();
    let star_bor = op("*")
        .ignore_then(bor.clone())
        .map_with(|e, x| Expr::new(ExprKind::Starred(boxed(e)), x.span()))
        .or(bor.clone())
        .boxed();
    // The targets of `for`: a list of bitwise-or expressions, so `in` is not eaten.
    let target_list = list_of(star_bor.clone())
        .map_with(|l, x| tuple_or_single(l, x.span()))
        .boxed();

    let comp_for = kw("for")
        .ignore_then(target_list.clone())
        .then_ignore(kw("in"))
        .then(or_test.clone())
        .then(
            kw("if")
                .ignore_then(or_test.clone())
                .repeated()
                .collect::<Vec<_>>(),
        )
        .map(|((target, iter), ifs)| CompFor { target, iter, ifs })
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed();
    let comp = |kind: CompKind, elt: Expr, value: Option<Expr>, gens: Vec<CompFor>, span: Span| {
        Expr::new(
            ExprKind::Comp(Box::new(Comprehension {
                kind,
                elt,
                value,
                gens,
                scope: Scope::default(),
            })),
            span,
        )
    };

    let literal = select! {
        Token::Int(i) => ExprKind::Int(i),
        Token::Float(f) => ExprKind::Float(f),
        Token::Kw("None") => ExprKind::None,
        Token::Kw("True") => ExprKind::Bool(true),
        Token::Kw("False") => ExprKind::Bool(false),
        Token::Op("...") => ExprKind::Ellipsis,
        Token::Bytes(b) => ExprKind::Bytes(b),
    }
    .map_with(|k, x| Expr::new(k, x.span()));

    let strings = select! {
        Token::Str(s) => (Some(s), None),
        Token::FStr(p) => (None, Some(p)),
    }
    .repeated()
    .at_least(1)
    .collect::<Vec<_>>()
    .validate(|pieces, x, emitter| {
        let span: Span = x.span();
        if pieces.iter().all(|(s, _)| s.is_some()) {
            let text: String = pieces.iter().filter_map(|(s, _)| s.as_deref()).collect();
            return Expr::new(ExprKind::Str(Rc::from(text.as_str())), span);
        }
        let mut parts = Vec::new();
        for (s, f) in pieces {
            if let Some(s) = s {
                parts.push(FStrPart::Lit(s));
            }
            if let Some(f) = f {
                match crate::syntax::fstring_parts(&f) {
                    Ok(p) => parts.extend(p),
                    Err(errs) => {
                        for (sp, msg) in errs {
                            emitter.emit(Rich::custom(sp, msg));
                        }
                    }
                }
            }
        }
        Expr::new(ExprKind::FStr(parts), span)
    });

    let name_expr = name().map_with(|n, x| Expr::name(n, x.span()));

    let paren = op("(")
        .ignore_then(choice((
            op(")").map_with(|_, x| Expr::new(ExprKind::Tuple(vec![]), x.span())),
            star_test
                .clone()
                .then(comp_for.clone())
                .then_ignore(op(")"))
                .map_with(move |(elt, gens), x| comp(CompKind::Gen, elt, None, gens, x.span())),
            list_of(star_test.clone())
                .then_ignore(op(")"))
                .map_with(|l, x| tuple_or_single(l, x.span())),
        )))
        .map_with(|mut e, x| {
            if matches!(e.kind, ExprKind::Tuple(_) | ExprKind::Comp(_)) {
                e.span = x.span();
            }
            e
        });

    let list = op("[")
        .ignore_then(choice((
            op("]").map_with(|_, x| Expr::new(ExprKind::List(vec![]), x.span())),
            star_test
                .clone()
                .then(comp_for.clone())
                .then_ignore(op("]"))
                .map_with(move |(elt, gens), x| comp(CompKind::List, elt, None, gens, x.span())),
            list_of(star_test.clone())
                .then_ignore(op("]"))
                .map_with(|(items, _), x| Expr::new(ExprKind::List(items), x.span())),
        )))
        .map_with(|mut e, x| {
            e.span = x.span();
            e
        });

    let dict_item = op("**").ignore_then(bor.clone()).map(|v| (None, v)).or(test
        .clone()
        .then_ignore(op(":"))
        .then(test.clone())
        .map(|(k, v)| (Some(k), v)));
    let braces = op("{")
        .ignore_then(choice((
            op("}").map_with(|_, x| Expr::new(ExprKind::Dict(vec![]), x.span())),
            test.clone()
                .then_ignore(op(":"))
                .then(test.clone())
                .then(comp_for.clone())
                .then_ignore(op("}"))
                .map_with(move |((k, v), gens), x| {
                    comp(CompKind::Dict, k, Some(v), gens, x.span())
                }),
            dict_item
                .separated_by(op(","))
                .at_least(1)
                .allow_trailing()
                .collect::<Vec<_>>()
                .then_ignore(op("}"))
                .map_with(|items, x| Expr::new(ExprKind::Dict(items), x.span())),
            star_test
                .clone()
                .then(comp_for.clone())
                .then_ignore(op("}"))
                .map_with(move |(elt, gens), x| comp(CompKind::Set, elt, None, gens, x.span())),
            list_of(star_test.clone())
                .then_ignore(op("}"))
                .map_with(|(items, _), x| Expr::new(ExprKind::Set(items), x.span())),
        )))
        .map_with(|mut e, x| {
            e.span = x.span();
            e
        });

    let atom = choice((literal, strings, name_expr, paren, list, braces))
        .recover_with(via_parser(nested_delimiters(
            Token::Op("("),
            Token::Op(")"),
            [
                (Token::Op("["), Token::Op("]")),
                (Token::Op("{"), Token::Op("}")),
            ],
            |span| Expr::new(ExprKind::Error, span),
        )))
        .recover_with(via_parser(nested_delimiters(
            Token::Op("["),
            Token::Op("]"),
            [
                (Token::Op("("), Token::Op(")")),
                (Token::Op("{"), Token::Op("}")),
            ],
            |span| Expr::new(ExprKind::Error, span),
        )))
        .labelled("expression")
        .boxed();

    // Call arguments; a lone generator expression may go without its own parentheses.
    let arg = choice((
        op("**").ignore_then(test.clone()).map(Arg::StarStar),
        op("*").ignore_then(test.clone()).map(Arg::Star),
        name()
            .then_ignore(op("="))
            .then(test.clone())
            .map(|(k, v)| Arg::Kw(k, v)),
        test.clone()
            .then(comp_for.clone().or_not())
            .map_with(move |(e, gens), x| match gens {
                Some(gens) => Arg::Pos(comp(CompKind::Gen, e, None, gens, x.span())),
                None => Arg::Pos(e),
            }),
    ));
    let call_args = arg
        .separated_by(op(","))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(op("("), op(")"))
        .boxed();

    let slice_part = test.clone().or_not();
    let slice = slice_part
        .clone()
        .then_ignore(op(":"))
        .then(slice_part.clone())
        .then(op(":").ignore_then(slice_part).or_not())
        .map_with(|((a, b), c), x| {
            Expr::new(
                ExprKind::Slice(a.map(boxed), b.map(boxed), c.flatten().map(boxed)),
                x.span(),
            )
        });
    let subscript = list_of(slice.or(star_test.clone()))
        .map_with(|l, x| tuple_or_single(l, x.span()))
        .delimited_by(op("["), op("]"));

    enum Trailer {
        Call(Vec<Arg>),
        Index(Expr),
        Attr(Ident),
    }
    let trailer = choice((
        call_args.clone().map(Trailer::Call),
        subscript.map(Trailer::Index),
        op(".").ignore_then(name()).map(Trailer::Attr),
    ));
    let primary = atom
        .foldl_with(trailer.repeated(), |base, t, x| {
            let kind = match t {
                Trailer::Call(args) => ExprKind::Call(boxed(base), args),
                Trailer::Index(i) => ExprKind::Subscript(boxed(base), boxed(i)),
                Trailer::Attr(a) => ExprKind::Attr(boxed(base), a),
            };
            Expr::new(kind, x.span())
        })
        .boxed();

    let bin = |o: BinOp| {
        move |l: Expr, _, r: Expr, x: &mut chumsky::input::MapExtra<'t, '_, I, Extra<'t>>| {
            Expr::new(ExprKind::Binary(o, boxed(l), boxed(r)), x.span())
        }
    };
    let un = |o: UnaryOp| {
        move |_, e: Expr, x: &mut chumsky::input::MapExtra<'t, '_, I, Extra<'t>>| {
            Expr::new(ExprKind::Unary(o, boxed(e)), x.span())
        }
    };
    // Python's table, tightest first: `**` (right), unary + - ~, * @ / // %, + -, << >>, &, ^, |.
    bor.define(
        primary
            .pratt((
                infix(right(10), op("**"), bin(BinOp::Pow)),
                prefix(9, op("-"), un(UnaryOp::Neg)),
                prefix(9, op("+"), un(UnaryOp::Pos)),
                prefix(9, op("~"), un(UnaryOp::Invert)),
                infix(left(8), op("*"), bin(BinOp::Mul)),
                infix(left(8), op("@"), bin(BinOp::MatMul)),
                infix(left(8), op("/"), bin(BinOp::Div)),
                infix(left(8), op("//"), bin(BinOp::FloorDiv)),
                infix(left(8), op("%"), bin(BinOp::Mod)),
                infix(left(7), op("+"), bin(BinOp::Add)),
                infix(left(7), op("-"), bin(BinOp::Sub)),
                infix(left(6), op("<<"), bin(BinOp::LShift)),
                infix(left(6), op(">>"), bin(BinOp::RShift)),
                infix(left(5), op("&"), bin(BinOp::BitAnd)),
                infix(left(4), op("^"), bin(BinOp::BitXor)),
                infix(left(3), op("|"), bin(BinOp::BitOr)),
            ))
            .boxed(),
    );

    let cmp_op = choice((
        op("==").to(CmpOp::Eq),
        op("!=").to(CmpOp::Ne),
        op("<=").to(CmpOp::Le),
        op(">=").to(CmpOp::Ge),
        op("<").to(CmpOp::Lt),
        op(">").to(CmpOp::Gt),
        kw("is").then(kw("not")).to(CmpOp::IsNot),
        kw("is").to(CmpOp::Is),
        kw("not").then(kw("in")).to(CmpOp::NotIn),
        kw("in").to(CmpOp::In),
    ));
    let comparison = bor
        .clone()
        .then(cmp_op.then(bor.clone()).repeated().collect::<Vec<_>>())
        .map_with(|(first, rest), x| {
            if rest.is_empty() {
                first
            } else {
                Expr::new(ExprKind::Compare(boxed(first), rest), x.span())
            }
        });
    let not_test = recursive(|not_test| {
        kw("not")
            .ignore_then(not_test)
            .map_with(|e, x| Expr::new(ExprKind::Unary(UnaryOp::Not, boxed(e)), x.span()))
            .or(comparison)
    });
    let and_test = not_test
        .clone()
        .foldl_with(kw("and").ignore_then(not_test).repeated(), |a, b, x| {
            Expr::new(ExprKind::And(boxed(a), boxed(b)), x.span())
        });
    or_test.define(
        and_test
            .clone()
            .foldl_with(kw("or").ignore_then(and_test).repeated(), |a, b, x| {
                Expr::new(ExprKind::Or(boxed(a), boxed(b)), x.span())
            })
            .boxed(),
    );

    let lambda_param = choice((
        op("**")
            .ignore_then(name())
            .map(|n| (n, ParamKind::VarKw, None)),
        op("*")
            .ignore_then(name().or_not())
            .map(|n| (n.unwrap_or_else(|| Rc::from("")), ParamKind::VarArgs, None)),
        name()
            .then(op("=").ignore_then(test.clone()).or_not())
            .map(|(n, d)| (n, ParamKind::Normal, d)),
    ))
    .map_with(|(n, k, d), x| Param {
        name: n,
        kind: k,
        default: d,
        annotation: None,
        span: x.span(),
    });
    let lambda = kw("lambda")
        .ignore_then(
            lambda_param
                .separated_by(op(","))
                .allow_trailing()
                .collect::<Vec<_>>(),
        )
        .then_ignore(op(":"))
        .then(test.clone())
        .map_with(|(params, body), x| {
            let span: Span = x.span();
            let body_span = body.span;
            Expr::new(
                ExprKind::Lambda(Rc::new(FuncDef {
                    name: Rc::from("<lambda>"),
                    bind: Res::Unresolved,
                    params: super::param_kinds(params),
                    body: vec![Stmt {
                        kind: StmtKind::Return(Some(body)),
                        span: body_span,
                    }],
                    decorators: vec![],
                    returns: None,
                    span,
                    is_lambda: true,
                    is_generator: false,
                    scope: Scope::default(),
                })),
                span,
            )
        });

    // `name := value`, where Python allows an expression.
    let walrus = name()
        .map_with(|id, x| (id, x.span()))
        .then_ignore(op(":="))
        .then(test.clone())
        .map_with(|((id, _), value), x| {
            Expr::new(
                ExprKind::Walrus(
                    Name {
                        id,
                        res: Res::Unresolved,
                    },
                    boxed(value),
                ),
                x.span(),
            )
        });
    test.define(
        walrus
            .or(lambda)
            .or(or_test
                .clone()
                .then(
                    kw("if")
                        .ignore_then(or_test.clone())
                        .then_ignore(kw("else"))
                        .then(test.clone())
                        .or_not(),
                )
                .map_with(|(body, cond), x| match cond {
                    Some((c, orelse)) => Expr::new(
                        ExprKind::IfExp(boxed(c), boxed(body), boxed(orelse)),
                        x.span(),
                    ),
                    None => body,
                }))
            .boxed(),
    );

    let testlist_star = list_of(star_test.clone())
        .map_with(|l, x| tuple_or_single(l, x.span()))
        .boxed();

    Parsers {
        test: test.boxed(),
        bor: bor.boxed(),
        target_list,
        testlist_star,
        call_args,
    }
}
