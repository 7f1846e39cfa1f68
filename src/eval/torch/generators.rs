//! `torch.Generator` objects and the `generator=` argument: a random op draws from the
//! generator it is given, or from the session's default one (`torch.manual_seed`,
//! `torch.default_generator`). Also `get_rng_state`/`set_rng_state`, `seed` and
//! `initial_seed`, for the default generator and for each object.

use crate::eval::lang::builtins::{method_in, table, to_int, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::{Native, Value};
use crate::{DType, Device, Generator, Tensor};
use std::cell::RefCell;
use std::rc::Rc;

/// A generator a program can hold: the session's default one, or one it made.
#[derive(Clone)]
pub enum GenRef {
    Default,
    Own(Rc<RefCell<Generator>>),
}

impl Native for GenRef {
    fn type_name(&self) -> &'static str {
        "Generator"
    }

    fn repr(&self) -> String {
        format!("<torch._C.Generator object at {:#014x}>", self.identity())
    }

    fn method(&self, name: &str) -> Option<&'static Builtin> {
        method_in(GENERATOR_METHODS, name)
    }

    fn attr(&self, name: &str) -> Option<Value> {
        (name == "device").then_some(Value::Device(Device::Cpu))
    }

    /// The default generator is one object, however many values name it.
    fn identity(&self) -> usize {
        match self {
            GenRef::Default => {
                static DEFAULT: u8 = 0;
                &DEFAULT as *const u8 as usize
            }
            GenRef::Own(g) => Rc::as_ptr(g) as *const u8 as usize,
        }
    }
}

/// A generator as a value.
pub(crate) fn gen_value(g: GenRef) -> Value {
    Value::Native(Rc::new(g))
}

/// Runs `f` with the generator `g` names.
pub(crate) fn with_gen<T>(it: &mut Interp, g: &GenRef, f: impl FnOnce(&mut Generator) -> T) -> T {
    match g {
        GenRef::Default => f(&mut it.torch_gen),
        GenRef::Own(g) => f(&mut g.borrow_mut()),
    }
}

/// A `generator=` value: None (or absent) is the default generator.
pub(crate) fn as_gen(v: Option<Value>) -> R<GenRef> {
    match v {
        None | Some(Value::None) => Ok(GenRef::Default),
        Some(v) => match v.native::<GenRef>() {
            Some(g) => Ok((*g).clone()),
            None => Err(type_err(format!(
                "generator must be a torch.Generator (make one with torch.Generator().manual_seed(seed)), not {}",
                v.type_name()
            ))),
        },
    }
}

/// The `generator=` keyword argument.
pub(crate) fn gen_kw(a: &mut Args) -> R<GenRef> {
    as_gen(a.kw("generator"))
}

fn this(a: &mut Args) -> R<GenRef> {
    let v = a.req(0, "self")?;
    match v.native::<GenRef>() {
        Some(g) => Ok((*g).clone()),
        None => Err(type_err(format!(
            "expected a torch.Generator, got {}",
            v.type_name()
        ))),
    }
}

/// A fresh nondeterministic seed, as `torch.seed()` draws one (63 bits, from the OS).
fn os_seed() -> u64 {
    let mut b = [0u8; 8];
    let from_os = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b));
    if from_os.is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        b = t.to_le_bytes();
    }
    u64::from_le_bytes(b) & (u64::MAX >> 1)
}

/// The state as a uint8 tensor, as `get_rng_state()` returns it.
fn state_tensor(g: &Generator) -> R<Value> {
    let t = Tensor::from_slice(&g.state_bytes(), &[crate::tensor::STATE_BYTES])?;
    Ok(Value::Tensor(t))
}

fn set_state(it: &mut Interp, g: &GenRef, v: Value) -> R<Value> {
    let Value::Tensor(t) = v else {
        return Err(type_err(format!(
            "set_state(): argument 'new_state' (position 1) must be Tensor, not {}",
            v.type_name()
        )));
    };
    if t.dtype() != DType::U8 {
        return Err(err(
            "RuntimeError",
            format!(
                "expected a torch.ByteTensor (the uint8 tensor get_rng_state() returns), but got {}",
                t.dtype()
            ),
        ));
    }
    let bytes = t.to_vec::<u8>()?;
    with_gen(it, g, |g| g.set_state_bytes(&bytes))?;
    Ok(Value::None)
}

fn seed_with(it: &mut Interp, g: &GenRef, seed: Value) -> R<()> {
    let s = to_int(&seed, "seed")?;
    // PyTorch takes any int in [-2^63, 2^64) and wraps negatives.
    with_gen(it, g, |g| g.manual_seed(s as u64));
    Ok(())
}

table! { GENERATOR_METHODS:
    "manual_seed", "Generator.manual_seed(seed)", "Seeds this generator; returns it." => |it, a| {
        let g = this(a)?;
        seed_with(it, &g, a.req(1, "seed")?)?;
        Ok(gen_value(g))
    };
    "seed", "Generator.seed()", "Seeds this generator from the OS; returns the seed." => |it, a| {
        let g = this(a)?;
        let s = os_seed();
        with_gen(it, &g, |g| g.manual_seed(s));
        Ok(Value::Int(s as i64))
    };
    "initial_seed", "Generator.initial_seed()", "The seed this generator was last seeded with." => |it, a| {
        let g = this(a)?;
        Ok(Value::Int(with_gen(it, &g, |g| g.initial_seed()) as i64))
    };
    "get_state", "Generator.get_state()", "This generator's state, as a uint8 tensor of 5056 bytes (PyTorch's layout)." => |it, a| {
        let g = this(a)?;
        with_gen(it, &g, |g| state_tensor(g))
    };
    "set_state", "Generator.set_state(new_state)", "Restores a state from get_state(); returns the generator." => |it, a| {
        let g = this(a)?;
        set_state(it, &g, a.req(1, "new_state")?)?;
        Ok(gen_value(g))
    };
    "clone_state", "Generator.clone_state()", "A new generator in this one's state." => |it, a| {
        let g = this(a)?;
        let copy = with_gen(it, &g, |g| g.clone());
        Ok(gen_value(GenRef::Own(Rc::new(RefCell::new(copy)))))
    };
}

table! { TORCH_GENERATORS:
    "Generator", "Generator(device='cpu')", "A random number generator of its own, for generator= arguments (seeded with PyTorch's default seed until manual_seed)." => |_, a| {
        if let Some(d) = a.opt(0, "device") {
            let cpu = match &d { Value::Device(d) => *d == crate::Device::Cpu, Value::Str(s) => &**s == "cpu", Value::None => true, _ => false };
            if !cpu {
                return Err(err("RuntimeError", "Generator(device=...): nabla's generators live on the CPU (CUDA tensors draw their random numbers from a CPU generator), so use Generator() or Generator(device='cpu')"));
            }
        }
        a.finish()?;
        Ok(gen_value(GenRef::Own(Rc::new(RefCell::new(Generator::default())))))
    };
    "seed", "seed()", "Seeds the default generator from the OS; returns the seed." => |it, _| {
        let s = os_seed();
        it.torch_gen.manual_seed(s);
        Ok(Value::Int(s as i64))
    };
    "get_rng_state", "get_rng_state()", "The default generator's state, as a uint8 tensor of 5056 bytes (PyTorch's layout: torch.set_rng_state takes it back, in nabla or PyTorch)." => |it, _| state_tensor(&it.torch_gen);
    "set_rng_state", "set_rng_state(new_state)", "Restores the default generator's state from get_rng_state()." => |it, a| {
        let v = a.req(0, "new_state")?;
        set_state(it, &GenRef::Default, v)
    };
}

/// `torch.default_generator`.
pub(crate) fn default_generator() -> Value {
    gen_value(GenRef::Default)
}
