//! Statements: simple statements joined by `;` on one line, and compound statements whose
//! blocks are either the rest of the line or NEWLINE INDENT … DEDENT.

use super::{kw, name, op, param_kinds, Extra, Parsers};
use crate::syntax::ast::*;
use crate::syntax::token::{Span, Token};
use chumsky::input::ValueInput;
use chumsky::prelude::*;
use std::rc::Rc;

fn st(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

/// What an assignment may target: names, attributes, subscripts, and tuples/lists of them.
fn check_target(e: &Expr) -> Result<(), (Span, String)> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Subscript(..) => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(check_target),
        ExprKind::Starred(inner) => check_target(inner),
        ExprKind::Error => Ok(()),
        kind => {
            let what = match kind {
                ExprKind::Call(..) => "function call",
                ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bool(_) => {
                    "literal"
                }
                ExprKind::None => "None",
                ExprKind::Compare(..) => "comparison",
                ExprKind::Binary(..) | ExprKind::Unary(..) => "expression",
                ExprKind::Lambda(_) => "lambda",
                ExprKind::Comp(_) => "comprehension",
                ExprKind::FStr(_) => "f-string expression",
                _ => "expression",
            };
            let hint = if matches!(kind, ExprKind::Compare(..)) {
                " (did you mean '==' ?)"
            } else {
                ""
            };
            Err((e.span, format!("cannot assign to {what}{hint}")))
        }
    }
}

pub(super) fn statements<'t, I>(p: Parsers<'t, I>) -> impl Parser<'t, I, Vec<Stmt>, Extra<'t>>
where
    I: ValueInput<'t, Token = Token, Span = Span>,
{
    let Parsers {
        test,
        bor,
        target_list,
        testlist_star,
        call_args,
    } = p;
    let newline = just(Token::Newline).labelled("end of line");

    recursive(
        move |stmts: Recursive<dyn Parser<'t, I, Vec<Stmt>, Extra<'t>>>| {
            let block = newline
                .clone()
                .ignore_then(just(Token::Indent))
                .ignore_then(stmts.clone())
                .then_ignore(just(Token::Dedent))
                .boxed();

            // ---- simple statements
            let dotted = name().separated_by(op(".")).at_least(1).collect::<Vec<_>>();
            let import_name = dotted
                .clone()
                .then(kw("as").ignore_then(name()).or_not())
                .map_with(|(path, alias), x| {
                    let bind = alias.unwrap_or_else(|| path[0].clone());
                    Alias {
                        path,
                        bind: Name {
                            id: bind,
                            res: Res::Unresolved,
                        },
                        span: x.span(),
                    }
                });
            let import = kw("import")
                .ignore_then(import_name.separated_by(op(",")).at_least(1).collect())
                .map(StmtKind::Import);
            let from_item =
                name()
                    .then(kw("as").ignore_then(name()).or_not())
                    .map_with(|(n, alias), x| Alias {
                        path: vec![n.clone()],
                        bind: Name {
                            id: alias.unwrap_or(n),
                            res: Res::Unresolved,
                        },
                        span: x.span(),
                    });
            let from_items = choice((
                op("*").to(Vec::new()),
                from_item
                    .clone()
                    .separated_by(op(","))
                    .at_least(1)
                    .allow_trailing()
                    .collect::<Vec<_>>()
                    .delimited_by(op("("), op(")")),
                from_item
                    .separated_by(op(","))
                    .at_least(1)
                    .collect::<Vec<_>>(),
            ));
            // `from . import x`, `from ..pkg.mod import y`: the dots count the levels up.
            let dots = choice((op(".").to(1usize), op("...").to(3usize)))
                .repeated()
                .collect::<Vec<usize>>()
                .map(|d| d.iter().sum::<usize>());
            let import_from = kw("from")
                .ignore_then(dots)
                .then(dotted.or_not())
                .validate(|(level, m), x, emitter| {
                    if level == 0 && m.is_none() {
                        emitter.emit(Rich::custom(
                            x.span(),
                            "expected a module name after 'from'",
                        ));
                    }
                    (level, m.unwrap_or_default())
                })
                .then_ignore(kw("import"))
                .then(from_items)
                .map(|((level, m), items)| StmtKind::ImportFrom(m, items, level));

            let names = name().separated_by(op(",")).at_least(1).collect::<Vec<_>>();
            let aug_op = select! { Token::Op(o) if BinOp::from_augmented(o).is_some() => o }
                .map(|o| BinOp::from_augmented(o).unwrap_or(BinOp::Add));

            // `yield x`, `yield from it`: a statement, or the value of an assignment.
            let yield_expr = kw("yield")
                .ignore_then(choice((
                    kw("from")
                        .ignore_then(test.clone())
                        .map(|e| ExprKind::YieldFrom(Box::new(e))),
                    testlist_star
                        .clone()
                        .or_not()
                        .map(|e| ExprKind::Yield(e.map(Box::new))),
                )))
                .map_with(|k, x| Expr::new(k, x.span()))
                .boxed();
            let value = yield_expr.clone().or(testlist_star.clone()).boxed();
            let expr_stmt = value
                .clone()
                .then(choice((
                    aug_op
                        .then(value.clone())
                        .map(|(o, v)| (1u8, vec![], Some(o), Some(v))),
                    op(":")
                        .ignore_then(test.clone())
                        .then(op("=").ignore_then(value.clone()).or_not())
                        .map(|(ann, v)| (2u8, vec![ann], None, v)),
                    op("=")
                        .ignore_then(value.clone())
                        .repeated()
                        .collect::<Vec<_>>()
                        .map(|vs| (0u8, vs, None, None)),
                )))
                .validate(|(first, (form, mut rest, aug, value)), x, emitter| {
                    let span: Span = x.span();
                    let mut check = |e: &Expr| {
                        if let Err((sp, msg)) = check_target(e) {
                            emitter.emit(Rich::custom(sp, msg));
                        }
                    };
                    match form {
                        1 => {
                            if !matches!(
                                first.kind,
                                ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Subscript(..)
                            ) {
                                emitter.emit(Rich::custom(
                                    first.span,
                                    "illegal target for augmented assignment",
                                ));
                            }
                            let v = value.unwrap_or_else(|| Expr::new(ExprKind::Error, span));
                            StmtKind::AugAssign(first, aug.unwrap_or(BinOp::Add), v)
                        }
                        2 => {
                            check(&first);
                            let ann = rest
                                .pop()
                                .unwrap_or_else(|| Expr::new(ExprKind::Error, span));
                            StmtKind::AnnAssign(first, ann, value)
                        }
                        _ if rest.is_empty() => StmtKind::Expr(first),
                        _ => {
                            let value = rest
                                .pop()
                                .unwrap_or_else(|| Expr::new(ExprKind::Error, span));
                            let mut targets = vec![first];
                            targets.extend(rest);
                            targets.iter().for_each(&mut check);
                            StmtKind::Assign(targets, value)
                        }
                    }
                });

            let del_targets = bor
                .clone()
                .separated_by(op(","))
                .at_least(1)
                .allow_trailing()
                .collect::<Vec<_>>();
            let small = choice((
                kw("pass").to(StmtKind::Pass),
                kw("break").to(StmtKind::Break),
                kw("continue").to(StmtKind::Continue),
                kw("return")
                    .ignore_then(testlist_star.clone().or_not())
                    .map(StmtKind::Return),
                kw("raise")
                    .ignore_then(
                        test.clone()
                            .then(kw("from").ignore_then(test.clone()).or_not())
                            .or_not(),
                    )
                    .map(|r| match r {
                        Some((e, cause)) => StmtKind::Raise(Some(e), cause),
                        None => StmtKind::Raise(None, None),
                    }),
                kw("global")
                    .ignore_then(names.clone())
                    .map(StmtKind::Global),
                kw("nonlocal").ignore_then(names).map(StmtKind::Nonlocal),
                kw("del").ignore_then(del_targets).map(StmtKind::Del),
                kw("assert")
                    .ignore_then(test.clone())
                    .then(op(",").ignore_then(test.clone()).or_not())
                    .map(|(c, m)| StmtKind::Assert(c, m)),
                import,
                import_from,
                expr_stmt,
            ))
            .map_with(|k, x| st(k, x.span()));
            let simple_line = small
                .separated_by(op(";"))
                .at_least(1)
                .allow_trailing()
                .collect::<Vec<_>>()
                .then_ignore(newline.clone())
                .boxed();

            let suite = block.clone().or(simple_line.clone()).boxed();
            let colon_suite = op(":").ignore_then(suite.clone()).boxed();

            // ---- compound statements
            let if_stmt = kw("if")
                .ignore_then(test.clone())
                .then(colon_suite.clone())
                .then(
                    kw("elif")
                        .map_with(|_, x| x.span())
                        .then(test.clone())
                        .then(colon_suite.clone())
                        .repeated()
                        .collect::<Vec<_>>(),
                )
                .then(kw("else").ignore_then(colon_suite.clone()).or_not())
                .map(|(((cond, body), elifs), orelse)| {
                    let mut tail = orelse.unwrap_or_default();
                    for ((span, c), b) in elifs.into_iter().rev() {
                        let end = tail
                            .last()
                            .map_or(b.last().map_or(span.end, |s: &Stmt| s.span.end), |s| {
                                s.span.end
                            });
                        tail = vec![st(StmtKind::If(c, b, tail), Span::from(span.start..end))];
                    }
                    StmtKind::If(cond, body, tail)
                });
            let while_stmt = kw("while")
                .ignore_then(test.clone())
                .then(colon_suite.clone())
                .then(kw("else").ignore_then(colon_suite.clone()).or_not())
                .map(|((c, b), e)| StmtKind::While(c, b, e.unwrap_or_default()));
            let for_stmt = kw("for")
                .ignore_then(target_list.clone())
                .then_ignore(kw("in"))
                .then(testlist_star.clone())
                .then(colon_suite.clone())
                .then(kw("else").ignore_then(colon_suite.clone()).or_not())
                .validate(|(((t, it), b), e), _, emitter| {
                    if let Err((sp, msg)) = check_target(&t) {
                        emitter.emit(Rich::custom(sp, msg));
                    }
                    StmtKind::For(t, it, b, e.unwrap_or_default())
                });
            let handler = kw("except")
                .ignore_then(
                    test.clone()
                        .then(kw("as").ignore_then(name()).or_not())
                        .or_not(),
                )
                .then(colon_suite.clone())
                .map_with(|(h, body), x| {
                    let (class, name) = match h {
                        Some((c, n)) => (Some(c), n),
                        None => (None, None),
                    };
                    Handler {
                        class,
                        name: name.map(|id| Name {
                            id,
                            res: Res::Unresolved,
                        }),
                        body,
                        span: x.span(),
                    }
                });
            let try_stmt = kw("try")
                .ignore_then(colon_suite.clone())
                .then(handler.repeated().collect::<Vec<_>>())
                .then(kw("else").ignore_then(colon_suite.clone()).or_not())
                .then(kw("finally").ignore_then(colon_suite.clone()).or_not())
                .validate(|(((body, handlers), orelse), finally), x, emitter| {
                    if handlers.is_empty() && finally.is_none() {
                        emitter.emit(Rich::custom(
                            x.span(),
                            "expected 'except' or 'finally' block",
                        ));
                    }
                    StmtKind::Try {
                        body,
                        handlers,
                        orelse: orelse.unwrap_or_default(),
                        finally: finally.unwrap_or_default(),
                    }
                });
            let with_item = test
                .clone()
                .then(kw("as").ignore_then(bor.clone()).or_not());
            let with_stmt = kw("with")
                .ignore_then(
                    with_item
                        .separated_by(op(","))
                        .at_least(1)
                        .collect::<Vec<_>>(),
                )
                .then(colon_suite.clone())
                .map(|(items, body)| StmtKind::With(items, body));

            let param = choice((
                op("**").ignore_then(name()).map(|n| (n, ParamKind::VarKw)),
                op("*")
                    .ignore_then(name().or_not())
                    .map(|n| (n.unwrap_or_else(|| Rc::from("")), ParamKind::VarArgs)),
                op("/").to((Rc::from(""), ParamKind::Normal)),
                name().map(|n| (n, ParamKind::Normal)),
            ))
            .then(op(":").ignore_then(test.clone()).or_not())
            .then(op("=").ignore_then(test.clone()).or_not())
            .map_with(|(((name, kind), annotation), default), x| Param {
                name,
                kind,
                default,
                annotation,
                span: x.span(),
            });
            let params = param
                .separated_by(op(","))
                .allow_trailing()
                .collect::<Vec<_>>()
                .delimited_by(op("("), op(")"))
                .map(|ps: Vec<Param>| {
                    // `/` (positional-only marker) carries no name: drop it.
                    ps.into_iter()
                        .filter(|p| !(p.name.is_empty() && p.kind == ParamKind::Normal))
                        .collect::<Vec<_>>()
                });
            let def = kw("def")
                .ignore_then(name())
                .then(params)
                .then(op("->").ignore_then(test.clone()).or_not())
                .then(colon_suite.clone())
                .map_with(|(((name, params), returns), body), x| {
                    Rc::new(FuncDef {
                        name,
                        bind: Res::Unresolved,
                        params: param_kinds(params),
                        body,
                        decorators: vec![],
                        returns,
                        span: x.span(),
                        is_lambda: false,
                        is_generator: false,
                        scope: Scope::default(),
                    })
                });
            let class = kw("class")
                .ignore_then(name())
                .then(call_args.clone().or_not())
                .then(colon_suite.clone())
                .validate(|((name, args), body), x, emitter| {
                    if args.iter().flatten().any(|a| match a {
                        Arg::Pos(_) => false,
                        Arg::Kw(k, _) => &**k != "metaclass",
                        _ => true,
                    }) {
                        emitter.emit(Rich::custom(
                            x.span(),
                            "class keyword arguments other than metaclass=, and *bases, are not supported in nabla",
                        ));
                    }
                    let mut metaclass = None;
                    let bases = args
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|a| match a {
                            Arg::Pos(e) => Some(e),
                            Arg::Kw(_, e) => {
                                metaclass = Some(e);
                                None
                            }
                            _ => None,
                        })
                        .collect();
                    Rc::new(ClassDef {
                        name,
                        bind: Res::Unresolved,
                        bases,
                        metaclass,
                        body,
                        decorators: vec![],
                        span: x.span(),
                    })
                });
            let decorators = op("@")
                .ignore_then(test.clone())
                .then_ignore(newline.clone())
                .repeated()
                .collect::<Vec<_>>();
            let definition = decorators
                .then(def.map(StmtKind::Def).or(class.map(StmtKind::Class)))
                .map(|(decs, kind)| match kind {
                    StmtKind::Def(mut f) if !decs.is_empty() => {
                        if let Some(f) = Rc::get_mut(&mut f) {
                            f.decorators = decs;
                        }
                        StmtKind::Def(f)
                    }
                    StmtKind::Class(mut c) if !decs.is_empty() => {
                        if let Some(c) = Rc::get_mut(&mut c) {
                            c.decorators = decs;
                        }
                        StmtKind::Class(c)
                    }
                    k => k,
                });

            let compound = choice((
                if_stmt, while_stmt, for_stmt, try_stmt, with_stmt, definition,
            ))
            .map_with(|k, x| vec![st(k, x.span())]);

            let statement = compound
                .or(simple_line)
                .recover_with(skip_until(
                    none_of([Token::Dedent]).ignored(),
                    just(Token::Newline).ignored(),
                    Vec::new,
                ))
                .labelled("statement");

            statement
                .repeated()
                .collect::<Vec<Vec<Stmt>>>()
                .map(|v| v.into_iter().flatten().collect::<Vec<Stmt>>())
                .boxed()
        },
    )
}
