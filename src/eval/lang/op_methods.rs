//! The operator methods of built-in values (`(5).__add__(3)`, `getattr(x, '__lt__')`,
//! `int.__eq__`): each runs the operator as the expression would.

use super::exc::{type_err, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use std::cell::RefCell;
use std::rc::Rc;

/// A built-in value's operator methods (`(5).__add__(3)`, `getattr(x, '__lt__')`): each runs
/// the operator as `x + y` would, so a wrapper that forwards to its value's methods works.
fn op_method(
    it: &mut Interp,
    a: &mut super::builtins::Args,
    op: BinOp,
    reflected: bool,
) -> R<Value> {
    let me = a.req(0, "self")?;
    let other = a.req(1, "other")?;
    let (x, y) = if reflected { (other, me) } else { (me, other) };
    match it.binary(op, x, y) {
        Ok(v) => Ok(v),
        // As Python's: an operand of the wrong type gives NotImplemented, not an error.
        Err(super::exc::Ctrl::Raise(e))
            if matches!(
                &e.exc,
                super::exc::Exc::Builtin {
                    class: "TypeError",
                    ..
                }
            ) =>
        {
            Ok(it.get_builtin("NotImplemented").unwrap_or(Value::None))
        }
        Err(e) => Err(e),
    }
}

fn cmp_method(it: &mut Interp, a: &mut super::builtins::Args, op: CmpOp) -> R<Value> {
    let me = a.req(0, "self")?;
    let other = a.req(1, "other")?;
    it.compare(op, &me, &other)
}

super::builtins::table! { OP_METHODS:
    "__add__", "x.__add__(y)", "x + y" => |it, a| op_method(it, a, BinOp::Add, false);
    "__radd__", "x.__radd__(y)", "y + x" => |it, a| op_method(it, a, BinOp::Add, true);
    "__sub__", "x.__sub__(y)", "x - y" => |it, a| op_method(it, a, BinOp::Sub, false);
    "__rsub__", "x.__rsub__(y)", "y - x" => |it, a| op_method(it, a, BinOp::Sub, true);
    "__mul__", "x.__mul__(y)", "x * y" => |it, a| op_method(it, a, BinOp::Mul, false);
    "__rmul__", "x.__rmul__(y)", "y * x" => |it, a| op_method(it, a, BinOp::Mul, true);
    "__truediv__", "x.__truediv__(y)", "x / y" => |it, a| op_method(it, a, BinOp::Div, false);
    "__rtruediv__", "x.__rtruediv__(y)", "y / x" => |it, a| op_method(it, a, BinOp::Div, true);
    "__floordiv__", "x.__floordiv__(y)", "x // y" => |it, a| op_method(it, a, BinOp::FloorDiv, false);
    "__rfloordiv__", "x.__rfloordiv__(y)", "y // x" => |it, a| op_method(it, a, BinOp::FloorDiv, true);
    "__mod__", "x.__mod__(y)", "x % y" => |it, a| op_method(it, a, BinOp::Mod, false);
    "__rmod__", "x.__rmod__(y)", "y % x" => |it, a| op_method(it, a, BinOp::Mod, true);
    "__pow__", "x.__pow__(y)", "x ** y" => |it, a| op_method(it, a, BinOp::Pow, false);
    "__rpow__", "x.__rpow__(y)", "y ** x" => |it, a| op_method(it, a, BinOp::Pow, true);
    "__and__", "x.__and__(y)", "x & y" => |it, a| op_method(it, a, BinOp::BitAnd, false);
    "__rand__", "x.__rand__(y)", "y & x" => |it, a| op_method(it, a, BinOp::BitAnd, true);
    "__or__", "x.__or__(y)", "x | y" => |it, a| op_method(it, a, BinOp::BitOr, false);
    "__ror__", "x.__ror__(y)", "y | x" => |it, a| op_method(it, a, BinOp::BitOr, true);
    "__xor__", "x.__xor__(y)", "x ^ y" => |it, a| op_method(it, a, BinOp::BitXor, false);
    "__rxor__", "x.__rxor__(y)", "y ^ x" => |it, a| op_method(it, a, BinOp::BitXor, true);
    "__lshift__", "x.__lshift__(y)", "x << y" => |it, a| op_method(it, a, BinOp::LShift, false);
    "__rshift__", "x.__rshift__(y)", "x >> y" => |it, a| op_method(it, a, BinOp::RShift, false);
    "__eq__", "x.__eq__(y)", "x == y" => |it, a| cmp_method(it, a, CmpOp::Eq);
    "__ne__", "x.__ne__(y)", "x != y" => |it, a| cmp_method(it, a, CmpOp::Ne);
    "__lt__", "x.__lt__(y)", "x < y" => |it, a| cmp_method(it, a, CmpOp::Lt);
    "__le__", "x.__le__(y)", "x <= y" => |it, a| cmp_method(it, a, CmpOp::Le);
    "__gt__", "x.__gt__(y)", "x > y" => |it, a| cmp_method(it, a, CmpOp::Gt);
    "__ge__", "x.__ge__(y)", "x >= y" => |it, a| cmp_method(it, a, CmpOp::Ge);
    "__neg__", "x.__neg__()", "-x" => |it, a| { let v = a.req(0, "self")?; it.unary(UnaryOp::Neg, v) };
    "__pos__", "x.__pos__()", "+x" => |it, a| { let v = a.req(0, "self")?; it.unary(UnaryOp::Pos, v) };
    "__abs__", "x.__abs__()", "abs(x)" => |it, a| { let v = a.req(0, "self")?; let f = it.get_builtin("abs").unwrap_or(Value::None); it.call(&f, vec![v], vec![]) };
    "__bool__", "x.__bool__()", "bool(x)" => |it, a| { let v = a.req(0, "self")?; Ok(Value::Bool(it.truthy(&v)?)) };
    "__str__", "x.__str__()", "str(x)" => |it, a| { let v = a.req(0, "self")?; Ok(Value::str(&it.str_of(&v)?)) };
    "__repr__", "x.__repr__()", "repr(x)" => |it, a| { let v = a.req(0, "self")?; Ok(Value::str(&it.repr(&v)?)) };
    "__hash__", "x.__hash__()", "hash(x)" => |it, a| { let v = a.req(0, "self")?; let f = it.get_builtin("hash").unwrap_or(Value::None); it.call(&f, vec![v], vec![]) };
    "__len__", "x.__len__()", "len(x)" => |it, a| { let v = a.req(0, "self")?; Ok(Value::Int(it.len(&v)? as i64)) };
    "__contains__", "x.__contains__(y)", "y in x" => |it, a| { let v = a.req(0, "self")?; let y = a.req(1, "y")?; Ok(Value::Bool(it.contains(&v, &y)?)) };
    "__getitem__", "x.__getitem__(i)", "x[i]" => |it, a| { let v = a.req(0, "self")?; let i = a.req(1, "i")?; it.getitem(&v, &i) };
    "__iter__", "x.__iter__()", "iter(x)" => |it, a| { let v = a.req(0, "self")?; let i = it.iter(&v)?; Ok(Value::Iter(Rc::new(RefCell::new(i)))) };
    "__index__", "x.__index__()", "x as an index" => |_, a| { match a.req(0, "self")? { Value::Int(i) => Ok(Value::Int(i)), Value::Bool(b) => Ok(Value::Int(b as i64)), v => Err(type_err(format!("'{}' object cannot be interpreted as an integer", v.type_name()))) } };
}

/// The operator method `name` of a built-in value (numbers, strings, containers).
pub fn op_method_of(v: &Value, name: &str) -> Option<&'static super::builtins::Builtin> {
    let numeric_only = matches!(
        name,
        "__neg__"
            | "__pos__"
            | "__abs__"
            | "__index__"
            | "__truediv__"
            | "__rtruediv__"
            | "__floordiv__"
            | "__rfloordiv__"
            | "__pow__"
            | "__rpow__"
            | "__and__"
            | "__rand__"
            | "__or__"
            | "__ror__"
            | "__xor__"
            | "__rxor__"
            | "__lshift__"
            | "__rshift__"
            | "__sub__"
            | "__rsub__"
    );
    let container_only = matches!(
        name,
        "__len__" | "__contains__" | "__getitem__" | "__iter__"
    );
    let numeric = matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_));
    let container = matches!(
        v,
        Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_)
    );
    if !(numeric || container)
        || (numeric_only && !numeric && name != "__mod__")
        || (container_only && !container)
    {
        return None;
    }
    OP_METHODS.iter().find(|b| b.name == name)
}
