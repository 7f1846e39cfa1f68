//! `hashlib`: md5, sha1, sha224, sha256, sha384, sha512 (RustCrypto's crates) with Python's
//! API: `hashlib.sha256(b'...')`, `.update()`, `.hexdigest()`, `.digest()`, `.copy()`,
//! `hashlib.new(name)`, `.name`, `.digest_size`, `.block_size`. Checksums of downloaded
//! datasets and weights are what learners use it for.

use crate::eval::lang::builtins::{table, to_str, Args, Builtin};
use crate::eval::lang::bytes::{as_bytes, Bytes};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use sha2::Digest;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn new(name: &str) -> Option<State> {
        Some(match name.to_ascii_lowercase().replace('-', "").as_str() {
            "md5" => State::Md5(Default::default()),
            "sha1" => State::Sha1(Default::default()),
            "sha224" => State::Sha224(Default::default()),
            "sha256" => State::Sha256(Default::default()),
            "sha384" => State::Sha384(Default::default()),
            "sha512" => State::Sha512(Default::default()),
            _ => return None,
        })
    }
    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
        }
    }
    fn sizes(&self) -> (i64, i64) {
        match self {
            State::Md5(_) => (16, 64),
            State::Sha1(_) => (20, 64),
            State::Sha224(_) => (28, 64),
            State::Sha256(_) => (32, 64),
            State::Sha384(_) => (48, 128),
            State::Sha512(_) => (64, 128),
        }
    }
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

struct Hash(RefCell<State>);

impl Native for Hash {
    fn type_name(&self) -> &'static str {
        "HASH"
    }
    fn repr(&self) -> String {
        format!(
            "<{} _hashlib.HASH object @ {:#x}>",
            self.0.borrow().name(),
            self.identity()
        )
    }
    fn method(&self, name: &str) -> Option<&'static Builtin> {
        HASH_METHODS.iter().find(|b| b.name == name)
    }
    fn attr(&self, name: &str) -> Option<Value> {
        let s = self.0.borrow();
        Some(match name {
            "name" => Value::str(s.name()),
            "digest_size" => Value::Int(s.sizes().0),
            "block_size" => Value::Int(s.sizes().1),
            _ => return None,
        })
    }
    fn dir(&self) -> Vec<&'static str> {
        let mut d: Vec<&'static str> = HASH_METHODS.iter().map(|b| b.name).collect();
        d.extend(["name", "digest_size", "block_size"]);
        d
    }
}

fn data(v: &Value) -> R<Vec<u8>> {
    match as_bytes(v) {
        Some(b) => Ok(b.0.clone()),
        None => match v {
            Value::Str(_) => Err(type_err("Strings must be encoded before hashing")),
            _ => Err(type_err(format!(
                "object supporting the buffer API required, not '{}'",
                v.type_name()
            ))),
        },
    }
}

fn make(state: State, a: &mut Args, at: usize) -> R<Value> {
    let h = Hash(RefCell::new(state));
    if let Some(v) = a.get(at, "data") {
        h.0.borrow_mut().update(&data(&v)?);
    }
    a.kw("usedforsecurity");
    Ok(Value::Native(Rc::new(h)))
}

fn this(a: &mut Args) -> R<Rc<Hash>> {
    a.req(0, "self")?
        .native::<Hash>()
        .ok_or_else(|| type_err("descriptor needs a hash object"))
}

table! { HASH_METHODS:
    "update", "hash.update(data)", "Feeds more bytes in." => |_, a| {
        let h = this(a)?;
        let d = data(&a.req(1, "data")?)?;
        h.0.borrow_mut().update(&d);
        Ok(Value::None)
    };
    "digest", "hash.digest()", "The digest of the bytes so far, as bytes." => |_, a| Ok(Bytes::value(this(a)?.0.borrow().digest()));
    "hexdigest", "hash.hexdigest()", "The digest as hex digits." => |_, a| {
        let d = this(a)?.0.borrow().digest();
        Ok(Value::str(&d.iter().map(|c| format!("{c:02x}")).collect::<String>()))
    };
    "copy", "hash.copy()", "An independent copy of the hash so far." => |_, a| {
        let s = this(a)?.0.borrow().clone();
        Ok(Value::Native(Rc::new(Hash(RefCell::new(s)))))
    };
}

table! { HASHLIB:
    "new", "new(name, data=b'')", "A hash object by algorithm name." => |_, a| {
        let name = to_str(&a.req(0, "name")?, "name")?;
        let s = State::new(&name).ok_or_else(|| err("ValueError", format!("unsupported hash type {name}")))?;
        make(s, a, 1)
    };
    "md5", "md5(data=b'')", "An MD5 hash object." => |_, a| make(State::Md5(Default::default()), a, 0);
    "sha1", "sha1(data=b'')", "A SHA-1 hash object." => |_, a| make(State::Sha1(Default::default()), a, 0);
    "sha224", "sha224(data=b'')", "A SHA-224 hash object." => |_, a| make(State::Sha224(Default::default()), a, 0);
    "sha256", "sha256(data=b'')", "A SHA-256 hash object." => |_, a| make(State::Sha256(Default::default()), a, 0);
    "sha384", "sha384(data=b'')", "A SHA-384 hash object." => |_, a| make(State::Sha384(Default::default()), a, 0);
    "sha512", "sha512(data=b'')", "A SHA-512 hash object." => |_, a| make(State::Sha512(Default::default()), a, 0);
}

pub fn module(_: &mut Interp) -> Value {
    let names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
    let set = || {
        let d: Dict = names
            .iter()
            .map(|n| (Key(Value::str(n)), Value::None))
            .collect();
        Value::Set(Rc::new(RefCell::new(d)))
    };
    let mut entries = table_entries(HASHLIB);
    entries.push(("algorithms_guaranteed", set()));
    entries.push(("algorithms_available", set()));
    crate::eval::lang::value::module("hashlib", &entries)
}
