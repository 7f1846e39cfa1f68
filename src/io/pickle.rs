//! Python's pickle, the part `torch.save` files use: an unpickler for protocols 0–5 that
//! rebuilds plain data (None, bools, ints, floats, strings, bytes, lists, tuples, dicts,
//! `OrderedDict`, `torch.Size`) and tensors (`torch._utils._rebuild_tensor_v2` and
//! `_rebuild_parameter` over persistent storages), and a protocol-2 pickler that writes
//! the same things the way PyTorch does, so that PyTorch's `torch.load` reads them back
//! (`weights_only=True` included: only allow-listed globals are written).
//!
//! Anything else a pickle may ask for (arbitrary classes, whole `nn.Module` objects) is
//! refused with the class's name: nabla never runs code from a file.

use crate::tensor::Tensor;
use crate::types::DType;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A Python object as it travels through a pickle.
#[derive(Debug, Clone)]
pub enum Obj {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tensor(Tensor),
    /// `torch.Size([2, 3])`.
    Size(Vec<i64>),
    List(Vec<Obj>),
    Tuple(Vec<Obj>),
    /// `dict` and `OrderedDict` alike, in insertion order.
    Dict(Vec<(Obj, Obj)>),
}

/// PyTorch's typed-storage class for a dtype (`torch.FloatStorage` …).
pub fn storage_class(dtype: DType) -> &'static str {
    match dtype {
        DType::F32 => "FloatStorage",
        DType::F64 => "DoubleStorage",
        DType::F16 => "HalfStorage",
        DType::BF16 => "BFloat16Storage",
        DType::I64 => "LongStorage",
        DType::I32 => "IntStorage",
        DType::I16 => "ShortStorage",
        DType::I8 => "CharStorage",
        DType::U8 => "ByteStorage",
        DType::Bool => "BoolStorage",
    }
}

fn storage_dtype(name: &str) -> Option<DType> {
    DType::ALL
        .iter()
        .copied()
        .find(|d| storage_class(*d) == name)
        .or((name == "UntypedStorage").then_some(DType::U8))
}

type Res<T> = std::result::Result<T, String>;

/// Supplies a persistent storage's bytes: `(key, dtype, numel)`.
pub type StorageFn<'a> = dyn FnMut(&str, DType, usize) -> Res<Rc<[u8]>> + 'a;

/// A storage the pickle refers to: its dtype and the raw bytes of all its elements.
#[derive(Debug)]
pub struct Storage {
    pub dtype: DType,
    pub bytes: Rc<[u8]>,
}

/// The unpickler's own values: containers are shared, because a pickle fills a list or dict
/// after putting it in the memo.
#[derive(Clone)]
enum V {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    List(Rc<RefCell<Vec<V>>>),
    Tuple(Rc<[V]>),
    Dict(Rc<RefCell<Vec<(V, V)>>>),
    Global(Rc<(String, String)>),
    Storage(Rc<Storage>),
    Tensor(Tensor),
    Size(Rc<[i64]>),
}

impl V {
    fn kind(&self) -> String {
        match self {
            V::None => "None".into(),
            V::Bool(_) => "bool".into(),
            V::Int(_) => "int".into(),
            V::Float(_) => "float".into(),
            V::Str(_) => "str".into(),
            V::Bytes(_) => "bytes".into(),
            V::List(_) => "list".into(),
            V::Tuple(_) => "tuple".into(),
            V::Dict(_) => "dict".into(),
            V::Global(g) => format!("{}.{}", g.0, g.1),
            V::Storage(_) => "storage".into(),
            V::Tensor(_) => "tensor".into(),
            V::Size(_) => "torch.Size".into(),
        }
    }
}

/// Reads one pickle. `storage(key, dtype, numel)` supplies the bytes of a persistent storage
/// (`data/<key>` in a `.pt` zip).
pub fn load(data: &[u8], storage: &mut StorageFn<'_>) -> Res<Obj> {
    let mut u = Unpickler {
        data,
        pos: 0,
        stack: Vec::new(),
        marks: Vec::new(),
        memo: HashMap::new(),
        storages: HashMap::new(),
        storage,
    };
    let v = u.run()?;
    to_obj(&v, 0)
}

struct Unpickler<'a> {
    data: &'a [u8],
    pos: usize,
    stack: Vec<V>,
    marks: Vec<usize>,
    memo: HashMap<u64, V>,
    storages: HashMap<String, Rc<Storage>>,
    storage: &'a mut StorageFn<'a>,
}

const CUT: &str = "the pickle is cut short";

impl Unpickler<'_> {
    fn take(&mut self, n: usize) -> Res<&[u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or(CUT)?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn byte(&mut self) -> Res<u8> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self, n: usize) -> Res<u64> {
        let b = self.take(n)?;
        Ok(b.iter().rev().fold(0u64, |a, &x| (a << 8) | x as u64))
    }

    fn line(&mut self) -> Res<String> {
        let rest = &self.data[self.pos..];
        let end = rest.iter().position(|&b| b == b'\n').ok_or(CUT)?;
        let s = String::from_utf8_lossy(&rest[..end]).into_owned();
        self.pos += end + 1;
        Ok(s)
    }

    fn pop(&mut self) -> Res<V> {
        self.stack
            .pop()
            .ok_or_else(|| "the pickle pops an empty stack".to_string())
    }

    fn top(&mut self) -> Res<&mut V> {
        self.stack
            .last_mut()
            .ok_or_else(|| "the pickle reads an empty stack".to_string())
    }

    fn pop_mark(&mut self) -> Res<Vec<V>> {
        let at = self.marks.pop().ok_or("the pickle has no MARK to pop")?;
        if at > self.stack.len() {
            return Err("the pickle's MARK is past its stack".into());
        }
        Ok(self.stack.split_off(at))
    }

    fn text(&mut self, n: usize) -> Res<V> {
        let b = self.take(n)?;
        let s = std::str::from_utf8(b).map_err(|_| "a string in the pickle is not UTF-8")?;
        Ok(V::Str(Rc::from(s)))
    }

    fn sized(&mut self, width: usize) -> Res<usize> {
        let n = self.uint(width)?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.data.len() - self.pos)
            .ok_or_else(|| CUT.to_string())
    }

    fn memo_get(&self, k: u64) -> Res<V> {
        self.memo
            .get(&k)
            .cloned()
            .ok_or_else(|| format!("the pickle refers to memo {k}, never stored"))
    }

    fn run(&mut self) -> Res<V> {
        loop {
            let op = self.byte()?;
            match op {
                0x80 => {
                    let proto = self.byte()?;
                    if proto > 5 {
                        return Err(format!("pickle protocol {proto} is newer than 5"));
                    }
                }
                0x95 => {
                    self.take(8)?;
                }
                b'.' => return self.pop(),
                b'(' => self.marks.push(self.stack.len()),
                b'N' => self.stack.push(V::None),
                0x88 => self.stack.push(V::Bool(true)),
                0x89 => self.stack.push(V::Bool(false)),
                b'K' => {
                    let v = self.byte()? as i64;
                    self.stack.push(V::Int(v));
                }
                b'M' => {
                    let v = self.uint(2)? as i64;
                    self.stack.push(V::Int(v));
                }
                b'J' => {
                    let v = self.uint(4)? as u32 as i32 as i64;
                    self.stack.push(V::Int(v));
                }
                0x8a | 0x8b => {
                    let n = self.sized(if op == 0x8a { 1 } else { 4 })?;
                    let b = self.take(n)?;
                    if n > 8 {
                        return Err("an integer in the pickle does not fit in 64 bits".into());
                    }
                    let mut v: i64 = 0;
                    for (i, &x) in b.iter().enumerate() {
                        v |= (x as i64) << (8 * i);
                    }
                    if n > 0 && n < 8 && b[n - 1] & 0x80 != 0 {
                        v -= 1i64 << (8 * n);
                    }
                    self.stack.push(V::Int(v));
                }
                b'I' | b'L' => {
                    let l = self.line()?;
                    let l = l.trim_end_matches('L');
                    let v = match l {
                        "00" => V::Bool(false),
                        "01" => V::Bool(true),
                        _ => V::Int(
                            l.parse()
                                .map_err(|_| format!("bad integer {l:?} in the pickle"))?,
                        ),
                    };
                    self.stack.push(v);
                }
                b'G' => {
                    let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| CUT)?;
                    let v = f64::from_be_bytes(b);
                    self.stack.push(V::Float(v));
                }
                b'F' => {
                    let l = self.line()?;
                    let v = l
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad float {l:?} in the pickle"))?;
                    self.stack.push(V::Float(v));
                }
                b'X' | 0x8c | 0x8d => {
                    let n = self.sized(match op {
                        0x8c => 1,
                        b'X' => 4,
                        _ => 8,
                    })?;
                    let v = self.text(n)?;
                    self.stack.push(v);
                }
                b'T' | b'U' => {
                    // Python 2 `str`: bytes, read as Latin-1 text.
                    let n = self.sized(if op == b'U' { 1 } else { 4 })?;
                    let s: String = self.take(n)?.iter().map(|&b| b as char).collect();
                    self.stack.push(V::Str(Rc::from(s)));
                }
                b'V' => {
                    let l = self.line()?;
                    self.stack.push(V::Str(Rc::from(l)));
                }
                b'C' | b'B' | 0x8e | 0x96 => {
                    let n = self.sized(match op {
                        b'C' => 1,
                        b'B' => 4,
                        _ => 8,
                    })?;
                    let b: Rc<[u8]> = Rc::from(self.take(n)?);
                    self.stack.push(V::Bytes(b));
                }
                b']' => self.stack.push(V::List(Rc::default())),
                b'l' => {
                    let items = self.pop_mark()?;
                    self.stack.push(V::List(Rc::new(RefCell::new(items))));
                }
                b'a' => {
                    let v = self.pop()?;
                    self.append(vec![v])?;
                }
                b'e' => {
                    let items = self.pop_mark()?;
                    self.append(items)?;
                }
                b')' => self.stack.push(V::Tuple(Rc::from(Vec::new()))),
                b't' => {
                    let items = self.pop_mark()?;
                    self.stack.push(V::Tuple(Rc::from(items)));
                }
                0x85..=0x87 => {
                    let n = (op - 0x84) as usize;
                    if self.stack.len() < n {
                        return Err("the pickle builds a tuple from an empty stack".into());
                    }
                    let items = self.stack.split_off(self.stack.len() - n);
                    self.stack.push(V::Tuple(Rc::from(items)));
                }
                b'}' => self.stack.push(V::Dict(Rc::default())),
                b'd' => {
                    let items = self.pop_mark()?;
                    let d = V::Dict(Rc::default());
                    self.stack.push(d);
                    self.set_items(items)?;
                }
                b's' => {
                    let v = self.pop()?;
                    let k = self.pop()?;
                    self.set_items(vec![k, v])?;
                }
                b'u' => {
                    let items = self.pop_mark()?;
                    self.set_items(items)?;
                }
                0x8f..=0x91 => return Err("sets are not supported in saved files".into()),
                b'c' => {
                    let module = self.line()?;
                    let name = self.line()?;
                    self.stack.push(V::Global(Rc::new((module, name))));
                }
                0x93 => {
                    let name = self.pop()?;
                    let module = self.pop()?;
                    let (V::Str(m), V::Str(n)) = (module, name) else {
                        return Err("STACK_GLOBAL needs two strings".into());
                    };
                    self.stack
                        .push(V::Global(Rc::new((m.to_string(), n.to_string()))));
                }
                b'R' | 0x81 => {
                    let args = self.pop()?;
                    let f = self.pop()?;
                    let v = self.call(&f, &args)?;
                    self.stack.push(v);
                }
                0x92 => {
                    let _kwargs = self.pop()?;
                    let args = self.pop()?;
                    let f = self.pop()?;
                    let v = self.call(&f, &args)?;
                    self.stack.push(v);
                }
                b'b' => {
                    // BUILD sets an object's state: the `_metadata` of a state dict, which
                    // nabla has no use for. Containers and tensors keep what they hold.
                    let _state = self.pop()?;
                    self.top()?;
                }
                b'Q' => {
                    let pid = self.pop()?;
                    let v = self.persistent(&pid)?;
                    self.stack.push(v);
                }
                b'P' => return Err("text persistent ids (PERSID) are not supported".into()),
                b'q' | b'r' | b'p' | 0x94 => {
                    let k = match op {
                        b'q' => self.byte()? as u64,
                        b'r' => self.uint(4)?,
                        b'p' => {
                            let l = self.line()?;
                            l.parse().map_err(|_| format!("bad memo key {l:?}"))?
                        }
                        _ => self.memo.len() as u64,
                    };
                    let v = self.top()?.clone();
                    self.memo.insert(k, v);
                }
                b'h' | b'j' | b'g' => {
                    let k = match op {
                        b'h' => self.byte()? as u64,
                        b'j' => self.uint(4)?,
                        _ => {
                            let l = self.line()?;
                            l.parse().map_err(|_| format!("bad memo key {l:?}"))?
                        }
                    };
                    let v = self.memo_get(k)?;
                    self.stack.push(v);
                }
                b'0' => {
                    self.pop()?;
                }
                b'1' => {
                    self.pop_mark()?;
                }
                b'2' => {
                    let v = self.top()?.clone();
                    self.stack.push(v);
                }
                _ => {
                    return Err(format!(
                        "unsupported pickle opcode 0x{op:02x} at byte {}",
                        self.pos - 1
                    ))
                }
            }
        }
    }

    fn append(&mut self, items: Vec<V>) -> Res<()> {
        match self.top()? {
            V::List(l) => {
                l.borrow_mut().extend(items);
                Ok(())
            }
            other => Err(format!("the pickle appends to a {}", other.kind())),
        }
    }

    fn set_items(&mut self, items: Vec<V>) -> Res<()> {
        if !items.len().is_multiple_of(2) {
            return Err("the pickle sets a dict item without a value".into());
        }
        match self.top()? {
            V::Dict(d) => {
                let mut d = d.borrow_mut();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    match d.iter_mut().find(|(old, _)| same_key(old, &k)) {
                        Some(slot) => slot.1 = v,
                        None => d.push((k, v)),
                    }
                }
                Ok(())
            }
            other => Err(format!("the pickle sets items on a {}", other.kind())),
        }
    }

    /// `('storage', torch.FloatStorage, '0', 'cpu', numel)`: a storage from the archive.
    fn persistent(&mut self, pid: &V) -> Res<V> {
        let V::Tuple(t) = pid else {
            return Err(format!("a persistent id is a {}, not a tuple", pid.kind()));
        };
        let (Some(V::Str(tag)), Some(V::Global(cls)), Some(key), Some(V::Int(numel))) =
            (t.first(), t.get(1), t.get(2), t.get(4))
        else {
            return Err("a persistent id is not ('storage', type, key, location, size)".into());
        };
        if &**tag != "storage" {
            return Err(format!("unknown persistent id kind {tag:?}"));
        }
        let key = match key {
            V::Str(s) => s.to_string(),
            V::Int(i) => i.to_string(),
            other => return Err(format!("a storage key is a {}", other.kind())),
        };
        if let Some(s) = self.storages.get(&key) {
            return Ok(V::Storage(s.clone()));
        }
        let dtype = storage_dtype(&cls.1)
            .filter(|_| cls.0 == "torch" || cls.0 == "torch.storage")
            .ok_or_else(|| format!("storages of type {}.{} are not supported", cls.0, cls.1))?;
        let numel = usize::try_from(*numel).map_err(|_| "a storage has a negative size")?;
        let bytes = (self.storage)(&key, dtype, numel)?;
        let s = Rc::new(Storage { dtype, bytes });
        self.storages.insert(key, s.clone());
        Ok(V::Storage(s))
    }

    /// What `REDUCE` builds: the few callables a saved file of data needs.
    fn call(&mut self, f: &V, args: &V) -> Res<V> {
        let V::Global(g) = f else {
            return Err(format!("the pickle calls a {}", f.kind()));
        };
        let args: Vec<V> = match args {
            V::Tuple(t) => t.to_vec(),
            other => {
                return Err(format!(
                    "the pickle calls {}.{} with a {}",
                    g.0,
                    g.1,
                    other.kind()
                ))
            }
        };
        match (g.0.as_str(), g.1.as_str()) {
            ("collections", "OrderedDict") | ("builtins" | "__builtin__", "dict") => {
                let d = V::Dict(Rc::default());
                if let Some(V::List(pairs)) = args.first() {
                    let mut items = Vec::new();
                    for p in pairs.borrow().iter() {
                        match p {
                            V::Tuple(kv) if kv.len() == 2 => items.extend(kv.iter().cloned()),
                            _ => return Err("OrderedDict() of something other than pairs".into()),
                        }
                    }
                    self.stack.push(d.clone());
                    self.set_items(items)?;
                    self.stack.pop();
                }
                Ok(d)
            }
            ("builtins" | "__builtin__", "list") => Ok(V::List(Rc::default())),
            ("torch._utils", "_rebuild_tensor_v2" | "_rebuild_tensor") => rebuild_tensor(&args),
            ("torch._utils", "_rebuild_parameter" | "_rebuild_parameter_with_state") => {
                let (Some(V::Tensor(t)), Some(V::Bool(rg))) = (args.first(), args.get(1)) else {
                    return Err("_rebuild_parameter needs (tensor, requires_grad, …)".into());
                };
                let t = t.clone();
                t.set_requires_grad(*rg).map_err(|e| e.to_string())?;
                Ok(V::Tensor(t))
            }
            ("torch._tensor", "_rebuild_from_type_v2") => {
                let (Some(func), Some(V::Tuple(inner))) = (args.first(), args.get(2)) else {
                    return Err("_rebuild_from_type_v2 needs (func, type, args, state)".into());
                };
                let inner = V::Tuple(inner.clone());
                self.call(&func.clone(), &inner)
            }
            ("torch", "Size") => {
                let dims = match args.first() {
                    Some(V::Tuple(t)) => ints(t)?,
                    None => Vec::new(),
                    Some(other) => return Err(format!("torch.Size of a {}", other.kind())),
                };
                Ok(V::Size(Rc::from(dims)))
            }
            ("_codecs", "encode") => match args.first() {
                // Protocol 2 writes bytes as _codecs.encode(text, 'latin1').
                Some(V::Str(s)) => Ok(V::Bytes(s.chars().map(|c| c as u32 as u8).collect())),
                _ => Err("_codecs.encode needs a string".into()),
            },
            (m, n) => Err(unsupported(m, n)),
        }
    }
}

fn unsupported(module: &str, name: &str) -> String {
    format!(
        "the file holds a {module}.{name} object, which nabla does not rebuild (it only loads \
         tensors, numbers, strings and lists, tuples and dicts of them); in PyTorch, save the \
         weights instead: torch.save(model.state_dict(), path)"
    )
}

fn same_key(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Str(x), V::Str(y)) => x == y,
        (V::Int(x), V::Int(y)) => x == y,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Int(x), V::Bool(y)) | (V::Bool(y), V::Int(x)) => *x == *y as i64,
        (V::None, V::None) => true,
        _ => false,
    }
}

fn ints(items: &[V]) -> Res<Vec<i64>> {
    items
        .iter()
        .map(|v| match v {
            V::Int(i) => Ok(*i),
            other => Err(format!("expected an int, found a {}", other.kind())),
        })
        .collect()
}

/// `_rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks, …)`.
fn rebuild_tensor(args: &[V]) -> Res<V> {
    let (Some(V::Storage(s)), Some(V::Int(offset)), Some(size), Some(stride)) =
        (args.first(), args.get(1), args.get(2), args.get(3))
    else {
        return Err("_rebuild_tensor_v2 needs (storage, offset, size, stride, …)".into());
    };
    let dims = |v: &V| -> Res<Vec<usize>> {
        let items = match v {
            V::Tuple(t) => ints(t)?,
            V::Size(s) => s.to_vec(),
            other => return Err(format!("a tensor's size is a {}", other.kind())),
        };
        items
            .into_iter()
            .map(|i| usize::try_from(i).map_err(|_| "a negative size or stride".to_string()))
            .collect()
    };
    let (size, stride) = (dims(size)?, dims(stride)?);
    if size.len() != stride.len() {
        return Err("a tensor's size and stride differ in length".into());
    }
    let offset = usize::try_from(*offset).map_err(|_| "a negative storage offset")?;
    let elem = s.dtype.size();
    let bytes = super::raw::gather_strided(&s.bytes, elem, offset, &size, &stride)
        .ok_or("a tensor reaches past the end of its storage")?;
    let t =
        super::raw::tensor_from_bytes(s.dtype, &size, &bytes, false).map_err(|e| e.to_string())?;
    if let Some(V::Bool(true)) = args.get(4) {
        t.set_requires_grad(true).map_err(|e| e.to_string())?;
    }
    Ok(V::Tensor(t))
}

fn to_obj(v: &V, depth: usize) -> Res<Obj> {
    if depth > 200 {
        return Err("the pickle nests containers more than 200 deep (or refers to itself)".into());
    }
    let all =
        |items: &[V]| -> Res<Vec<Obj>> { items.iter().map(|v| to_obj(v, depth + 1)).collect() };
    Ok(match v {
        V::None => Obj::None,
        V::Bool(b) => Obj::Bool(*b),
        V::Int(i) => Obj::Int(*i),
        V::Float(f) => Obj::Float(*f),
        V::Str(s) => Obj::Str(s.to_string()),
        V::Bytes(b) => Obj::Bytes(b.to_vec()),
        V::Tensor(t) => Obj::Tensor(t.clone()),
        V::Size(s) => Obj::Size(s.to_vec()),
        V::List(l) => Obj::List(all(&l.borrow())?),
        V::Tuple(t) => Obj::Tuple(all(t)?),
        V::Dict(d) => Obj::Dict(
            d.borrow()
                .iter()
                .map(|(k, v)| Ok((to_obj(k, depth + 1)?, to_obj(v, depth + 1)?)))
                .collect::<Res<_>>()?,
        ),
        V::Global(g) => return Err(unsupported(&g.0, &g.1)),
        V::Storage(_) => return Err("the file holds a bare storage, not a tensor".into()),
    })
}

/// Writes `obj` as a protocol-2 pickle the way `torch.save` does. Each tensor becomes its own
/// storage; returns the pickle and the storages' bytes in key order (`"0"`, `"1"`, …).
pub fn dump(obj: &Obj) -> crate::types::Result<(Vec<u8>, Vec<Vec<u8>>)> {
    let mut p = Pickler {
        out: vec![0x80, 2],
        storages: Vec::new(),
    };
    p.obj(obj)?;
    p.out.push(b'.');
    Ok((p.out, p.storages))
}

struct Pickler {
    out: Vec<u8>,
    storages: Vec<Vec<u8>>,
}

impl Pickler {
    fn global(&mut self, module: &str, name: &str) {
        self.out.push(b'c');
        self.out.extend_from_slice(module.as_bytes());
        self.out.push(b'\n');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'\n');
    }

    fn int(&mut self, i: i64) {
        if (0..256).contains(&i) {
            self.out.extend_from_slice(&[b'K', i as u8]);
        } else if (0..65536).contains(&i) {
            self.out.push(b'M');
            self.out.extend_from_slice(&(i as u16).to_le_bytes());
        } else if let Ok(i) = i32::try_from(i) {
            self.out.push(b'J');
            self.out.extend_from_slice(&i.to_le_bytes());
        } else {
            // LONG1: the fewest little-endian two's-complement bytes.
            let b = i.to_le_bytes();
            let mut n = 8;
            while n > 1
                && ((b[n - 1] == 0 && b[n - 2] & 0x80 == 0)
                    || (b[n - 1] == 0xff && b[n - 2] & 0x80 != 0))
            {
                n -= 1;
            }
            self.out.extend_from_slice(&[0x8a, n as u8]);
            self.out.extend_from_slice(&b[..n]);
        }
    }

    fn str(&mut self, s: &str) {
        self.out.push(b'X');
        self.out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        self.out.extend_from_slice(s.as_bytes());
    }

    fn tuple(&mut self, items: &[Obj]) -> crate::types::Result<()> {
        match items.len() {
            0 => self.out.push(b')'),
            1..=3 => {
                for o in items {
                    self.obj(o)?;
                }
                self.out.push(0x84 + items.len() as u8);
            }
            _ => {
                self.out.push(b'(');
                for o in items {
                    self.obj(o)?;
                }
                self.out.push(b't');
            }
        }
        Ok(())
    }

    fn empty_ordered_dict(&mut self) {
        self.global("collections", "OrderedDict");
        self.out.extend_from_slice(b")R");
    }

    fn obj(&mut self, o: &Obj) -> crate::types::Result<()> {
        match o {
            Obj::None => self.out.push(b'N'),
            Obj::Bool(b) => self.out.push(if *b { 0x88 } else { 0x89 }),
            Obj::Int(i) => self.int(*i),
            Obj::Float(f) => {
                self.out.push(b'G');
                self.out.extend_from_slice(&f.to_be_bytes());
            }
            Obj::Str(s) => self.str(s),
            Obj::Bytes(b) => {
                // Protocol 2 has no bytes opcode: PyTorch (and Python) write
                // _codecs.encode(latin-1 text, 'latin1').
                self.global("_codecs", "encode");
                let text: String = b.iter().map(|&c| c as char).collect();
                self.str(&text);
                self.str("latin1");
                self.out.extend_from_slice(&[0x86, b'R']);
            }
            Obj::Size(dims) => {
                self.global("torch", "Size");
                let items: Vec<Obj> = dims.iter().map(|&d| Obj::Int(d)).collect();
                self.tuple(&items)?;
                self.out.extend_from_slice(&[0x85, b'R']);
            }
            Obj::List(items) => {
                self.out.push(b']');
                if !items.is_empty() {
                    self.out.push(b'(');
                    for o in items {
                        self.obj(o)?;
                    }
                    self.out.push(b'e');
                }
            }
            Obj::Tuple(items) => self.tuple(items)?,
            Obj::Dict(items) => {
                self.out.push(b'}');
                if !items.is_empty() {
                    self.out.push(b'(');
                    for (k, v) in items {
                        self.obj(k)?;
                        self.obj(v)?;
                    }
                    self.out.push(b'u');
                }
            }
            Obj::Tensor(t) => self.tensor(t)?,
        }
        Ok(())
    }

    fn tensor(&mut self, t: &Tensor) -> crate::types::Result<()> {
        let mut bytes = Vec::new();
        super::raw::tensor_to_bytes(t, &mut bytes)?;
        let key = self.storages.len();
        self.storages.push(bytes);
        self.global("torch._utils", "_rebuild_tensor_v2");
        self.out.push(b'(');
        // The persistent id: ('storage', torch.FloatStorage, '0', 'cpu', numel).
        self.out.push(b'(');
        self.str("storage");
        self.global("torch", storage_class(t.dtype()));
        self.str(&key.to_string());
        self.str("cpu");
        self.int(t.numel() as i64);
        self.out.extend_from_slice(b"tQ");
        self.int(0);
        let size: Vec<Obj> = t.shape().iter().map(|&d| Obj::Int(d as i64)).collect();
        self.tuple(&size)?;
        let mut stride = vec![0i64; t.shape().len()];
        let mut acc = 1i64;
        for (s, &d) in stride.iter_mut().zip(t.shape()).rev() {
            *s = acc;
            acc *= d.max(1) as i64;
        }
        let stride: Vec<Obj> = stride.into_iter().map(Obj::Int).collect();
        self.tuple(&stride)?;
        self.out.push(if t.requires_grad() { 0x88 } else { 0x89 });
        self.empty_ordered_dict();
        self.out.extend_from_slice(b"tR");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(o: &Obj) -> Obj {
        let (pkl, storages) = dump(o).unwrap();
        load(&pkl, &mut |key, _, _| {
            Ok(Rc::from(storages[key.parse::<usize>().unwrap()].as_slice()))
        })
        .unwrap()
    }

    #[test]
    fn plain_data_round_trips() {
        let o = Obj::Dict(vec![
            (
                Obj::Str("a".into()),
                Obj::List(vec![
                    Obj::Int(1),
                    Obj::Int(-300),
                    Obj::Int(1 << 40),
                    Obj::Int(i64::MIN),
                ]),
            ),
            (
                Obj::Int(7),
                Obj::Tuple(vec![
                    Obj::Bool(true),
                    Obj::None,
                    Obj::Float(2.5),
                    Obj::Str("é".into()),
                ]),
            ),
            (Obj::Str("b".into()), Obj::Bytes(vec![0, 200, 255])),
            (Obj::Str("s".into()), Obj::Size(vec![2, 3])),
        ]);
        assert_eq!(format!("{:?}", round_trip(&o)), format!("{o:?}"));
    }

    #[test]
    fn tensors_round_trip() {
        let t = Tensor::from_slice(&[1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]).unwrap();
        let view = t.transpose(0, 1).unwrap();
        let Obj::List(back) =
            round_trip(&Obj::List(vec![Obj::Tensor(t.clone()), Obj::Tensor(view)]))
        else {
            panic!()
        };
        let Obj::Tensor(b) = &back[1] else { panic!() };
        assert_eq!(b.shape(), &[3, 2]);
        assert_eq!(
            b.to_vec::<f32>().unwrap(),
            vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0]
        );
    }

    #[test]
    fn refuses_code_and_garbage() {
        let e = load(
            b"\x80\x02cos\nsystem\nX\x02\x00\x00\x00ls\x85R.",
            &mut |_, _, _| Err("x".into()),
        )
        .unwrap_err();
        assert!(e.contains("os.system") && e.contains("state_dict"), "{e}");
        for bad in [
            &b""[..],
            b"\x80\x02(",
            b"\x80\x02e.",
            b"\x80\x02h\x05.",
            b"\x80\x02X\xff\xff\xff\xff",
        ] {
            assert!(load(bad, &mut |_, _, _| Err("x".into())).is_err());
        }
        // A list that contains itself.
        let e = load(b"\x80\x02]q\x00h\x00a.", &mut |_, _, _| Err("x".into())).unwrap_err();
        assert!(e.contains("200 deep"), "{e}");
    }
}
