//! Values: what names hold at run time.

use super::builtins::Builtin;
use crate::syntax::ast::{FuncDef, Ident};
use crate::{DType, Device, Tensor};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// A cell's or file's source, kept so tracebacks and `x??` can show it.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// A function frame's slots; closures keep their defining frame alive.
#[derive(Default)]
pub struct Env {
    pub slots: RefCell<Vec<Option<Value>>>,
    pub parent: Option<Rc<Env>>,
}

pub struct Function {
    pub def: Rc<FuncDef>,
    pub defaults: Vec<Option<Value>>,
    pub env: Option<Rc<Env>>,
    pub src: Rc<SourceFile>,
    /// `__name__`, `__doc__` and attributes set by decorators (`wrapper.calls = 0`).
    pub attrs: RefCell<IndexMap<Ident, Value>>,
    /// The module whose globals the function reads (where its `def` ran).
    pub module: Rc<ModuleObj>,
}

pub struct Class {
    pub name: Ident,
    pub base: Option<Rc<Class>>,
    pub ns: RefCell<IndexMap<Ident, Value>>,
    /// Built in (`Exception`, `nn.Module` …) rather than defined by a `class` statement.
    pub builtin: bool,
    /// Its metaclass, when not `type` (`class Color(Enum)` → EnumType): the class object's
    /// own special methods (`Color(1)`, `list(Color)`, `Color['RED']`) come from it.
    pub meta: Option<Rc<Class>>,
}

impl Class {
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.ns.borrow().get(name) {
            return Some(v.clone());
        }
        self.base.as_ref().and_then(|b| b.lookup(name))
    }

    pub fn is_subclass_of(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        let mut c = Some(self.clone());
        while let Some(k) = c {
            if Rc::ptr_eq(&k, other) {
                return true;
            }
            c = k.base.clone();
        }
        false
    }
}

pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: RefCell<IndexMap<Ident, Value>>,
}

/// A module's global names, indexed by the session's symbol numbers.
pub type Globals = Rc<RefCell<Vec<Option<Value>>>>;

/// A module object: `math`, `torch`, `torch.nn` … (built in: `attrs`), or one run from
/// source (`__main__`, `model.py`, an embedded standard module): its globals are its attributes.
pub struct ModuleObj {
    pub name: Ident,
    pub attrs: RefCell<IndexMap<Ident, Value>>,
    /// A module run from source: the globals its code reads and writes.
    pub globals: Option<Globals>,
}

/// A key of a dict or set: the hashable values.
#[derive(Clone)]
pub struct Key(pub Value);

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        use Value::*;
        match (&self.0, &other.0) {
            (Str(a), Str(b)) => a == b,
            (Tuple(a), Tuple(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|(x, y)| Key(x.clone()) == Key(y.clone()))
            }
            (None, None) => true,
            (Instance(x), Instance(y)) if Rc::ptr_eq(&x.class, &y.class) && value_keyed(x) => {
                let (xa, ya) = (x.attrs.borrow(), y.attrs.borrow());
                xa.len() == ya.len()
                    && xa
                        .iter()
                        .all(|(k, v)| ya.get(k).is_some_and(|w| attr_eq(v, w)))
            }
            (a, b) => match (a.as_number(), b.as_number()) {
                (Some(x), Some(y)) => x == y,
                _ => a.identity() == b.identity() && a.identity() != 0,
            },
        }
    }
}
impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match &self.0 {
            Value::Str(s) => s.hash(h),
            Value::Tuple(t) => t.iter().for_each(|v| Key(v.clone()).hash(h)),
            Value::None => 0u8.hash(h),
            Value::Instance(i) if value_keyed(i) => {
                (Rc::as_ptr(&i.class) as usize).hash(h);
                for (k, v) in i.attrs.borrow().iter() {
                    k.hash(h);
                    attr_hash(v, h);
                }
            }
            v => match v.as_number() {
                // Equal numbers hash equally: 1 == 1.0 == True.
                Some(x) if x.fract() == 0.0 && x.abs() < 9.0e18 => (x as i64).hash(h),
                Some(x) => x.to_bits().hash(h),
                None => v.identity().hash(h),
            },
        }
    }
}

/// An instance whose class defines `__eq__` and `__hash__` is a value (a frozen dataclass,
/// a `Path`): as a dict key or set item it equals another of its class with equal attributes.
/// (A key's hash and equality cannot run Python code, so the attributes stand in for what
/// the two methods compare.)
fn value_keyed(i: &Instance) -> bool {
    matches!(i.class.lookup("__hash__"), Some(Value::Func(_)))
        && matches!(i.class.lookup("__eq__"), Some(Value::Func(_)))
}

/// Equality of a value-keyed instance's attributes: lists by their items.
fn attr_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| attr_eq(p, q))
        }
        _ => Key(a.clone()) == Key(b.clone()),
    }
}

fn attr_hash<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::List(l) => l.borrow().iter().for_each(|x| attr_hash(x, h)),
        _ => Key(v.clone()).hash(h),
    }
}

pub type Dict = IndexMap<Key, Value>;

/// A running iterator.
pub enum Iter {
    Seq {
        items: Rc<[Value]>,
        pos: usize,
    },
    List {
        list: Rc<RefCell<Vec<Value>>>,
        pos: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Chars {
        s: Rc<str>,
        pos: usize,
    },
    Tensor {
        t: Tensor,
        pos: usize,
    },
    Zip(Vec<Value>),
    Enumerate(Value, i64),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    /// A user object's `__next__`.
    Object(Value),
}

#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    Range(Rc<[i64; 3]>),
    Slice(Rc<[Value; 3]>),
    Ellipsis,
    Func(Rc<Function>),
    Builtin(&'static Builtin),
    /// A method bound to its receiver: `x.add`, `obj.forward`.
    Method(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<ModuleObj>),
    Iter(Rc<RefCell<Iter>>),
    Tensor(Tensor),
    DType(DType),
    Device(Device),
    /// `torch.Size`: a tuple of ints that prints as `torch.Size([2, 3])`.
    Size(Rc<[i64]>),
    /// `staticmethod(f)`, `classmethod(f)`, `property(get, set)` wrappers in a class body.
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Property(Rc<(Value, RefCell<Value>)>),
    /// `super()` inside a method: the class to start looking after, and the instance.
    Super(Rc<(Rc<Class>, Value)>),
    /// An object a binding defines: an open file, a `torch.Generator`.
    Native(Rc<dyn Native>),
}

/// An object a binding defines (an open file, a `torch.Generator`). The language knows it
/// only through this trait, so lang/ imports none of the bindings built on it.
pub trait Native: std::any::Any {
    /// Its type's name, as `type(x).__name__` says it.
    fn type_name(&self) -> &'static str;
    /// `repr(x)`.
    fn repr(&self) -> String;
    /// `str(x)`, `print(x)`.
    fn str(&self) -> String {
        self.repr()
    }
    /// Its built-in method `name`.
    fn method(&self, name: &str) -> Option<&'static Builtin>;
    /// A data attribute (`g.device`).
    fn attr(&self, name: &str) -> Option<Value> {
        let _ = name;
        None
    }
    /// Its attribute and method names, for `dir(x)` and completion.
    fn dir(&self) -> Vec<&'static str> {
        Vec::new()
    }
    /// The Python number this object stands for (NumPy's scalars), where `int()`, `float()`,
    /// format specs and number arguments accept it.
    fn number(&self) -> Option<Value> {
        None
    }
    /// As a type: whether `v` is one of its instances (`isinstance(v, self)`); `None` when
    /// this object is not a type.
    fn has_instance(&self, v: &Value) -> Option<bool> {
        let _ = v;
        None
    }
    /// What `type(x)` gives, where the binding has a type object for it (`np.ndarray`).
    fn type_object(&self) -> Option<Value> {
        None
    }
    /// An identity for `is` and hashing.
    fn identity(&self) -> usize {
        (self as *const Self).cast::<u8>() as usize
    }
}

impl Value {
    /// The binding's object of type `T` this value holds.
    pub fn native<T: Native>(&self) -> Option<Rc<T>> {
        match self {
            Value::Native(n) => (n.clone() as Rc<dyn std::any::Any>).downcast::<T>().ok(),
            _ => None,
        }
    }

    /// The special method `name` (`__add__`, `__getitem__` …) of an object whose type
    /// defines it: a class's, or a binding's object's (an ndarray's) from its method table.
    pub fn special(&self, name: &str) -> Option<Value> {
        match self {
            Value::Instance(i) => i.class.lookup(name),
            Value::Class(c) => c.meta.as_ref()?.lookup(name),
            Value::Native(n) => n.method(name).map(Value::Builtin),
            _ => None,
        }
    }

    /// The type object a native value's binding gives for `type(v)`, if any.
    pub fn native_type(&self) -> Option<Value> {
        match self {
            Value::Native(n) => n.type_object(),
            _ => None,
        }
    }

    /// The Python number a native object stands for (a NumPy scalar), if any.
    pub fn number(&self) -> Option<Value> {
        match self {
            Value::Native(n) => n.number(),
            _ => None,
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }

    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(v))
    }

    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    /// Python's `type(x).__name__`.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::Func(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::Method(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.to_string(),
            Value::Module(_) => "module".into(),
            Value::Iter(_) => "iterator".into(),
            Value::Tensor(_) => "Tensor".into(),
            Value::DType(_) => "dtype".into(),
            Value::Device(_) => "device".into(),
            Value::Size(_) => "Size".into(),
            Value::StaticMethod(_) => "staticmethod".into(),
            Value::ClassMethod(_) => "classmethod".into(),
            Value::Property(_) => "property".into(),
            Value::Super(_) => "super".into(),
            Value::Native(n) => n.type_name().into(),
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Bool(b) => Some(*b as u8 as f64),
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Native(n) => n.number()?.as_number(),
            _ => None,
        }
    }

    /// A pointer identity for `is` and for hashing objects; 0 for plain values.
    pub fn identity(&self) -> usize {
        match self {
            Value::List(l) => Rc::as_ptr(l) as *const u8 as usize,
            Value::Dict(d) | Value::Set(d) => Rc::as_ptr(d) as *const u8 as usize,
            Value::Func(f) => Rc::as_ptr(f) as *const u8 as usize,
            Value::Class(c) => Rc::as_ptr(c) as *const u8 as usize,
            Value::Instance(i) => Rc::as_ptr(i) as *const u8 as usize,
            Value::Module(m) => Rc::as_ptr(m) as *const u8 as usize,
            Value::Iter(i) => Rc::as_ptr(i) as *const u8 as usize,
            Value::Builtin(b) => *b as *const Builtin as usize,
            Value::Tensor(t) => t.id(),
            Value::Tuple(t) if !t.is_empty() => t.as_ptr() as usize,
            Value::Str(s) => s.as_ptr() as usize,
            Value::Native(n) => n.identity(),
            _ => 0,
        }
    }

    /// Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::DType(a), Value::DType(b)) => a == b,
            (Value::Tuple(a), Value::Tuple(b)) if a.is_empty() && b.is_empty() => true,
            (a, b) => a.identity() != 0 && a.identity() == b.identity(),
        }
    }
}

/// Python's `NotImplemented`: what a special method returns to let the other operand try.
pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.class.builtin && &*i.class.name == "NotImplementedType")
}

/// A built-in class whose methods are a binding's table.
pub fn class_with(name: &str, methods: &'static [Builtin]) -> Rc<Class> {
    let mut ns = IndexMap::new();
    for b in methods {
        ns.insert(Rc::from(b.name), Value::Builtin(b));
    }
    Rc::new(Class {
        name: Rc::from(name),
        base: None,
        ns: RefCell::new(ns),
        builtin: true,
        meta: None,
    })
}

/// A module object with `entries` as its attributes.
pub fn module(name: &str, entries: &[(&str, Value)]) -> Value {
    let mut attrs = IndexMap::new();
    for (k, v) in entries {
        attrs.insert(Rc::from(*k), v.clone());
    }
    Value::Module(Rc::new(ModuleObj {
        name: Rc::from(name),
        attrs: RefCell::new(attrs),
        globals: None,
    }))
}

/// A table of built-ins as (name, value) entries.
pub fn table_entries(table: &'static [Builtin]) -> Vec<(&'static str, Value)> {
    table.iter().map(|b| (b.name, Value::Builtin(b))).collect()
}
