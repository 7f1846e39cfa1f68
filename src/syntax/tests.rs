//! Parser tests: precedence, layout, recovery, the incomplete-input question.
//! (Test code: its unwrap()/panic!() are assertions, not paths user input can reach.)

use super::ast::*;
use super::*;

/// A compact s-expression of an expression, for precedence checks.
fn sx(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Int(i) => i.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Name(n) => n.id.to_string(),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::None => "None".into(),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Binary(o, a, b) => format!("({} {} {})", o.symbol(), sx(a), sx(b)),
        ExprKind::Unary(o, a) => format!("({o:?} {})", sx(a)),
        ExprKind::And(a, b) => format!("(and {} {})", sx(a), sx(b)),
        ExprKind::Or(a, b) => format!("(or {} {})", sx(a), sx(b)),
        ExprKind::Compare(a, rest) => {
            let mut s = format!("(cmp {}", sx(a));
            for (o, b) in rest {
                s += &format!(" {} {}", o.symbol(), sx(b));
            }
            s + ")"
        }
        ExprKind::IfExp(c, a, b) => format!("(if {} {} {})", sx(c), sx(a), sx(b)),
        ExprKind::Call(f, args) => {
            let a: Vec<String> = args
                .iter()
                .map(|a| match a {
                    Arg::Pos(e) => sx(e),
                    Arg::Star(e) => format!("*{}", sx(e)),
                    Arg::Kw(k, e) => format!("{k}={}", sx(e)),
                    Arg::StarStar(e) => format!("**{}", sx(e)),
                })
                .collect();
            format!("{}({})", sx(f), a.join(", "))
        }
        ExprKind::Attr(b, a) => format!("{}.{a}", sx(b)),
        ExprKind::Subscript(b, i) => format!("{}[{}]", sx(b), sx(i)),
        ExprKind::Slice(a, b, c) => {
            let o = |x: &Option<Box<Expr>>| x.as_ref().map_or(String::new(), |e| sx(e));
            format!("{}:{}:{}", o(a), o(b), o(c))
        }
        ExprKind::Tuple(items) => format!(
            "(tuple {})",
            items.iter().map(sx).collect::<Vec<_>>().join(" ")
        ),
        ExprKind::List(items) => {
            format!("[{}]", items.iter().map(sx).collect::<Vec<_>>().join(" "))
        }
        ExprKind::Starred(e) => format!("*{}", sx(e)),
        ExprKind::Lambda(f) => format!("(lambda {})", f.params.len()),
        ExprKind::Comp(c) => format!("({:?} {} for {})", c.kind, sx(&c.elt), c.gens.len()),
        ExprKind::FStr(parts) => format!("(f {})", parts.len()),
        other => format!("{other:?}"),
    }
}

fn expr(src: &str) -> String {
    let (m, errs) = parse(src);
    assert!(errs.is_empty(), "{src}: {errs:?}");
    let m = m.unwrap();
    match &m.body[0].kind {
        StmtKind::Expr(e) => sx(e),
        other => panic!("{other:?}"),
    }
}

#[test]
fn precedence_table() {
    assert_eq!(expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(expr("-2 ** 2"), "(Neg (** 2 2))");
    assert_eq!(expr("2 ** -1"), "(** 2 (Neg 1))");
    assert_eq!(expr("2 ** 3 ** 2"), "(** 2 (** 3 2))");
    assert_eq!(expr("a @ b + c"), "(+ (@ a b) c)");
    assert_eq!(expr("a | b ^ c & d << 1"), "(| a (^ b (& c (<< d 1))))");
    assert_eq!(
        expr("not a == b and c or d"),
        "(or (and (Not (cmp a == b)) c) d)"
    );
    assert_eq!(
        expr("a < b <= c is not d not in e"),
        "(cmp a < b <= c is not d not in e)"
    );
    assert_eq!(expr("x if c else y if d else z"), "(if c x (if d y z))");
    assert_eq!(
        expr("f(x)[1:2, ::3].y(*a, k=1, **kw)"),
        "f(x)[(tuple 1:2: ::3)].y(*a, k=1, **kw)"
    );
    assert_eq!(
        expr("sum(p.numel() for p in ps)"),
        "sum((Gen p.numel() for 1))"
    );
    assert_eq!(
        expr("[x*y for x in a if x for y in b]"),
        "(List (* x y) for 2)"
    );
    assert_eq!(expr("(1,)"), "(tuple 1)");
    assert_eq!(expr("(1)"), "1");
    assert_eq!(expr("lambda a, b=2, *c, **d: a"), "(lambda 4)");
    assert_eq!(expr("x[..., None]"), "x[(tuple Ellipsis None)]");
    assert_eq!(expr("f'{a:.{p}f} and {b!r}'"), "(f 3)");
    assert_eq!(expr("'a' 'b'"), "\"ab\"");
}

#[test]
fn statements_and_blocks() {
    let src = "import torch.nn as nn\nfrom torch import nn, optim\n\n@dec\nclass Net(nn.Module):\n    def __init__(self, *args, k=1, **kw) -> None:\n        super().__init__()\n        self.x: int = 3\n\nfor i, (a, *b) in enumerate(xs):\n    if a: continue\n    elif b:\n        pass\n    else:\n        break\nelse:\n    x += 1; y = z = 2\ntry:\n    raise ValueError('no') from None\nexcept (A, B) as e:\n    del x[0], y\nfinally:\n    assert x, 'm'\nwith open(f) as g, h:\n    global q\n";
    let (m, errs) = parse(src);
    assert!(errs.is_empty(), "{errs:?}");
    let kinds: Vec<&str> = m
        .unwrap()
        .body
        .iter()
        .map(|s| match s.kind {
            StmtKind::Import(_) => "import",
            StmtKind::ImportFrom(..) => "from",
            StmtKind::Class(_) => "class",
            StmtKind::For(..) => "for",
            StmtKind::Try { .. } => "try",
            StmtKind::With(..) => "with",
            _ => "?",
        })
        .collect();
    assert_eq!(kinds, ["import", "from", "class", "for", "try", "with"]);
}

#[test]
fn recovery_reports_later_errors() {
    let (_, errs) = parse("x = 1 +\ny = 2\nz = = 3\nw = 4\n");
    assert_eq!(errs.len(), 2, "{errs:?}");
    // An unclosed bracket swallows the rest: one error, as Python gives.
    let (_, errs) = parse("x = (1 +\ny = 2\n");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].msg, "'(' was never closed");
    let (_, errs) = parse("a = 1\nb = )\nc = 2\nd = ]\n");
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(errs[0].span.start, 10);
}

#[test]
fn incomplete_input() {
    for src in [
        "if x:\n",
        "def f(a,\n",
        "x = [1,\n 2",
        "'''abc\n",
        "for i in y:\n    pass\nelse:\n",
        "x = \\\n",
    ] {
        assert!(is_incomplete(src), "{src:?}: {:?}", parse(src).1);
    }
    for src in [
        "x = 1\n",
        "x = \n",
        "if x: pass\n",
        "x = )\n",
        "def f():\n    return 1\n",
        "1 +* 2",
    ] {
        assert!(!is_incomplete(src), "{src:?}");
    }
}

#[test]
fn assignment_targets_checked() {
    let (_, errs) = parse("f() = 3\n");
    assert_eq!(errs[0].msg, "cannot assign to function call");
    let (_, errs) = parse("x == 1 = 2\n");
    assert!(errs[0].msg.contains("did you mean"));
}

#[test]
fn spans_point_into_source() {
    let src = "x = foo(1, bar)\n";
    let (m, _) = parse(src);
    let StmtKind::Assign(_, v) = &m.unwrap().body[0].kind else {
        panic!()
    };
    assert_eq!(&src[v.span.into_range()], "foo(1, bar)");
    // An f-string field's span points at the field inside the string.
    let src = "f'{a + b}'\n";
    let (m, _) = parse(src);
    let StmtKind::Expr(Expr {
        kind: ExprKind::FStr(parts),
        ..
    }) = &m.unwrap().body[0].kind
    else {
        panic!()
    };
    let FStrPart::Field { expr, .. } = &parts[0] else {
        panic!()
    };
    assert_eq!(&src[expr.span.into_range()], "a + b");
}

#[test]
fn python_nabla_lacks_says_so() {
    // Generators and `:=` parse.
    let (_, errs) = parse("def g():\n    yield 1\n    x = yield\n    yield from g()\n");
    assert!(errs.is_empty(), "{errs:?}");
    let (_, errs) = parse("if (n := 3) > 2:\n    pass\n");
    assert!(errs.is_empty(), "{errs:?}");
    // A yield inside another expression does not, and says so.
    let (_, errs) = parse("def g():\n    print((yield 1))\n");
    assert!(errs[0].msg.contains("`yield` stands"), "{errs:?}");
    let (_, errs) = parse("async def f():\n    pass\n");
    assert!(errs[0].msg.contains("async"), "{errs:?}");
}
