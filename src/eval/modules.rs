//! The modules built at start: torch (with nn, nn.functional, cuda), and math, _time,
//! _random and sys from their tables in stdlib/.

use crate::eval::lang::builtins::{self, table, to_int, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::tools::files::{file_value, FileKind, FILE_BUILTINS};
use crate::eval::torch::{self as t, module, table_entries};
use crate::{DType, Device, Tensor};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

table! { CUDA:
    "is_available", "cuda.is_available()", "True if a CUDA GPU can be used: the driver library loads and finds a GPU." => |_, _| Ok(Value::Bool(crate::backend::cuda_availability().is_ok()));
    "device_count", "cuda.device_count()", "How many CUDA GPUs can be used (0 without a driver or GPU)." => |_, _| Ok(Value::Int(crate::backend::cuda_availability().unwrap_or(0) as i64));
    "manual_seed", "cuda.manual_seed(seed)", "Accepted for PyTorch code; nabla draws CUDA tensors' random numbers from the CPU generator, which torch.manual_seed seeds." => |_, a| { to_int(&a.req(0, "seed")?, "seed")?; Ok(Value::None) };
    "manual_seed_all", "cuda.manual_seed_all(seed)", "As cuda.manual_seed: CUDA tensors' random numbers come from the CPU generator (torch.manual_seed seeds it)." => |_, a| { to_int(&a.req(0, "seed")?, "seed")?; Ok(Value::None) };
    "get_device_name", "cuda.get_device_name(device=None)", "The GPU's name." => |_, a| Ok(Value::str(&crate::backend::gpu_info::name(cuda_index(a)?)?));
    "current_device", "cuda.current_device()", "The index of the GPU in use (always 0: nabla uses cuda:0 unless told otherwise)." => |_, _| {
        crate::backend::cuda_availability().map_err(|reason| crate::Error::DeviceUnavailable { device: crate::Device::Cuda(0), reason })?;
        Ok(Value::Int(0))
    };
    "synchronize", "cuda.synchronize(device=None)", "Waits until the GPU has finished the work queued so far." => |_, a| { crate::backend::gpu_info::synchronize(cuda_index(a)?)?; Ok(Value::None) };
    "memory_allocated", "cuda.memory_allocated(device=None)", "Bytes the GPU's tensors occupy now." => |_, a| Ok(Value::Int(crate::backend::gpu_info::memory(cuda_index(a)?).0 as i64));
    "max_memory_allocated", "cuda.max_memory_allocated(device=None)", "The most bytes the GPU's tensors have occupied (since reset_peak_memory_stats)." => |_, a| Ok(Value::Int(crate::backend::gpu_info::memory(cuda_index(a)?).1 as i64));
    "reset_peak_memory_stats", "cuda.reset_peak_memory_stats(device=None)", "Starts max_memory_allocated again from what is allocated now." => |_, a| { crate::backend::gpu_info::reset_peak(cuda_index(a)?)?; Ok(Value::None) };
    "empty_cache", "cuda.empty_cache()", "Returns freed GPU memory to the driver: nabla allocates from the driver's stream-ordered pool, which releases freed blocks when the GPU is synchronized, so this synchronizes." => |_, _| {
        if crate::backend::cuda_availability().is_ok() {
            crate::backend::gpu_info::synchronize(0)?;
        }
        Ok(Value::None)
    };
}

/// The GPU a `device=` argument of a torch.cuda function names (cuda:0 by default).
fn cuda_index(a: &mut Args) -> R<usize> {
    Ok(match a.opt(0, "device") {
        None => 0,
        Some(Value::Int(i)) if i >= 0 => i as usize,
        Some(v) => match crate::eval::torch::device_of(&v)? {
            crate::Device::Cuda(i) => i,
            crate::Device::Cpu => return Err(value_err("Expected a cuda device, but got: cpu")),
        },
    })
}

table! { CONSTRUCTORS:
    "device", "device(type, index=None)", "A device: 'cpu', 'cuda' or 'cuda:N'." => |_, a| {
        let v = a.req(0, "type")?;
        if let Value::Device(d) = v { return Ok(Value::Device(d)); }
        let s = builtins::to_str(&v, "type")?;
        let d = match a.opt(1, "index") {
            Some(i) => format!("{s}:{}", to_int(&i, "index")?),
            None => s.to_string(),
        };
        Device::parse(&d).map(Value::Device).ok_or_else(|| err("RuntimeError", format!("Expected one of cpu, cuda device type at start of device string: {s}")))
    };
    "Tensor", "Tensor(data) or Tensor(*size)", "A float32 tensor from data, or of the given size." => |_, a| {
        let items = a.rest(0);
        let t = match items.as_slice() {
            [Value::List(_) | Value::Tuple(_)] => Tensor::new(&t::nested(&items[0])?, Some(DType::F32))?,
            [Value::Tensor(x)] => x.clone(),
            _ => {
                let s: Vec<usize> = items.iter().map(|v| to_int(v, "size").map(|i| i.max(0) as usize)).collect::<R<_>>()?;
                Tensor::zeros(&s, DType::F32)?
            }
        };
        Ok(Value::Tensor(t))
    };
    "Size", "Size(sizes)", "A shape: a tuple of ints." => |it, a| {
        let v = a.get(0, "sizes").unwrap_or(Value::tuple(vec![]));
        let items = it.collect(&v)?;
        let s: Vec<i64> = items.iter().map(|x| to_int(x, "size")).collect::<R<_>>()?;
        Ok(Value::Size(Rc::from(s)))
    };
    "no_grad", "no_grad()", "A context (or decorator) in which no autograd graph is recorded." => |it, a| grad_mode(it, a, "no_grad", false);
    "enable_grad", "enable_grad()", "A context (or decorator) in which autograd records again." => |it, a| grad_mode(it, a, "enable_grad", true);
    "inference_mode", "inference_mode(mode=True)", "Like no_grad." => |it, a| {
        let on = match a.opt(0, "mode") { Some(v) => it.truthy(&v)?, None => true };
        Ok(it.grad_mode_manager("inference_mode", !on))
    };
    "set_grad_enabled", "set_grad_enabled(mode)", "Turns gradient recording on or off now; as a context manager, restores the previous mode on exit." => |it, a| {
        let v = a.req(0, "mode")?;
        let mode = it.truthy(&v)?;
        let prev = crate::autograd::set_grad_enabled(mode);
        let m = it.grad_mode_manager("set_grad_enabled", mode);
        set_attr(&m, "prev", Value::Bool(prev));
        set_attr(&m, "fixed", Value::Bool(true));
        Ok(m)
    };
    "is_grad_enabled", "is_grad_enabled()", "Whether autograd records operations now." => |_, _| Ok(Value::Bool(crate::autograd::is_grad_enabled()));
}

table! { LAYOUT_METHODS:
    "__repr__", "__repr__()", "torch.strided: every tensor is dense with strides." => |_, a| {
        a.req(0, "self")?;
        Ok(Value::str("torch.strided"))
    };
}

table! { NOT_IMPLEMENTED_METHODS:
    "__repr__", "__repr__()", "NotImplemented." => |_, a| {
        a.req(0, "self")?;
        Ok(Value::str("NotImplemented"))
    };
}

table! { OBJECT_METHODS:
    "__init__", "object.__init__(self)", "Initialises an object; the base of every class's __init__." => |_, a| { a.rest(0); a.kw.clear(); Ok(Value::None) };
    "__setattr__", "object.__setattr__(self, name, value)", "Sets an attribute directly, past the class's own __setattr__ (frozen dataclasses use it)." => |_, a| {
        let me = a.req(0, "self")?;
        let name = builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        let v = a.req(2, "value")?;
        match &me {
            Value::Instance(i) => {
                i.attrs.borrow_mut().insert(name, v);
                Ok(Value::None)
            }
            Value::Class(c) => {
                c.ns.borrow_mut().insert(name, v);
                Ok(Value::None)
            }
            _ => Err(type_err(format!("can't set attributes of built-in/extension type '{}'", me.type_name()))),
        }
    };
    "__delattr__", "object.__delattr__(self, name)", "Removes an attribute directly." => |_, a| {
        let me = a.req(0, "self")?;
        let name = builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        if let Value::Instance(i) = &me {
            if i.attrs.borrow_mut().shift_remove(&*name).is_none() {
                return Err(err("AttributeError", format!("'{}' object has no attribute '{name}'", i.class.name)));
            }
        }
        Ok(Value::None)
    };
    "__getattribute__", "object.__getattribute__(self, name)", "The attribute, found the usual way." => |it, a| {
        let me = a.req(0, "self")?;
        let name = builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        if let Value::Instance(i) = &me {
            if let Some(v) = i.attrs.borrow().get(&*name) {
                return Ok(v.clone());
            }
        }
        it.getattr(&me, &name)
    };
    "__new__", "object.__new__(cls, *args)", "A new, uninitialised instance of cls." => |it, a| {
        let cls = a.req(0, "cls")?;
        a.rest(1);
        a.kw.clear();
        let Value::Class(c) = &cls else { return Err(type_err("object.__new__(X): X is not a type object")) };
        let mut attrs = IndexMap::new();
        if let Some(p) = it.new_payload(c)? {
            attrs.insert(Rc::from("__payload__"), p);
        }
        Ok(Value::Instance(Rc::new(Instance { class: c.clone(), attrs: RefCell::new(attrs) })))
    };
    "__init_subclass__", "object.__init_subclass__(cls)", "Called when a class is made from this one; does nothing." => |_, a| { a.rest(0); a.kw.clear(); Ok(Value::None) };
}

fn attr(me: &Value, name: &str) -> Option<Value> {
    match me {
        Value::Instance(i) => i.attrs.borrow().get(name).cloned(),
        _ => None,
    }
}

fn set_attr(me: &Value, name: &str, v: Value) {
    if let Value::Instance(i) = me {
        i.attrs.borrow_mut().insert(Rc::from(name), v);
    }
}

table! { GRAD_MODE_METHODS:
    "__enter__", "__enter__()", "Enters the context: sets grad mode." => |_, a| {
        let me = a.req(0, "self")?;
        a.rest(1);
        // set_grad_enabled(mode) has set the mode already and keeps what came before.
        if let (Some(Value::Bool(mode)), None) = (attr(&me, "mode"), attr(&me, "fixed")) {
            let prev = crate::autograd::set_grad_enabled(mode);
            set_attr(&me, "prev", Value::Bool(prev));
        }
        Ok(Value::None)
    };
    "__exit__", "__exit__(*exc)", "Leaves the context: grad mode goes back to what it was." => |_, a| {
        let me = a.req(0, "self")?;
        a.rest(1);
        if let Some(Value::Bool(prev)) = attr(&me, "prev") {
            crate::autograd::set_grad_enabled(prev);
        }
        Ok(Value::Bool(false))
    };
    "__call__", "__call__(function)", "Used as a decorator: the function runs in this grad mode." => |it, a| {
        let me = a.req(0, "self")?;
        let f = a.req(1, "function")?;
        let mode = attr(&me, "mode").unwrap_or(Value::Bool(false));
        Ok(it.grad_mode_function(f, mode))
    };
}

table! { GRAD_MODE_FUNCTION_METHODS:
    "__call__", "__call__(*args, **kwargs)", "Calls the function in the decorator's grad mode." => |it, a| {
        let me = a.req(0, "self")?;
        let f = attr(&me, "function").unwrap_or(Value::None);
        let Some(Value::Bool(mode)) = attr(&me, "mode") else { return Ok(Value::None) };
        let args = a.rest(1);
        let kw = std::mem::take(&mut a.kw);
        let prev = crate::autograd::set_grad_enabled(mode);
        let r = it.call(&f, args, kw);
        crate::autograd::set_grad_enabled(prev);
        r
    };
}

/// `torch.no_grad()` (a context manager) or `@torch.no_grad` on a function.
fn grad_mode(it: &mut Interp, a: &mut Args, name: &str, mode: bool) -> R<Value> {
    match a.opt(0, "function") {
        Some(f) => Ok(it.grad_mode_function(f, Value::Bool(mode))),
        None => Ok(it.grad_mode_manager(name, mode)),
    }
}

impl Interp {
    /// `torch.no_grad()` and friends: a context manager (and decorator) setting `mode`.
    pub(super) fn grad_mode_manager(&mut self, name: &str, mode: bool) -> Value {
        let class = class_with(name, GRAD_MODE_METHODS);
        let mut attrs = IndexMap::new();
        attrs.insert(Rc::from("mode"), Value::Bool(mode));
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs),
        }))
    }

    /// A function decorated with a grad mode.
    pub(super) fn grad_mode_function(&mut self, f: Value, mode: Value) -> Value {
        let class = class_with("function", GRAD_MODE_FUNCTION_METHODS);
        let mut attrs = IndexMap::new();
        attrs.insert(Rc::from("function"), f);
        attrs.insert(Rc::from("mode"), mode);
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs),
        }))
    }

    /// Builds the importable modules and the builtins.
    pub fn install_modules(&mut self) {
        for b in builtins::BUILTINS.iter().chain(FILE_BUILTINS) {
            self.set_builtin(b.name, Value::Builtin(b));
        }
        for (name, class) in self.exc_classes.clone() {
            self.set_builtin(name, Value::Class(class));
        }
        let object = class_with("object", OBJECT_METHODS);
        self.type_classes.insert("object".into(), object.clone());
        for (name, v) in [
            ("True", Value::Bool(true)),
            ("False", Value::Bool(false)),
            ("None", Value::None),
            ("object", Value::Class(object.clone())),
            (
                "NotImplemented",
                Value::Instance(Rc::new(Instance {
                    class: class_with("NotImplementedType", NOT_IMPLEMENTED_METHODS),
                    attrs: RefCell::new(IndexMap::new()),
                })),
            ),
        ] {
            self.set_builtin(name, v);
        }

        let mut math = table_entries(crate::eval::stdlib::math::MATH);
        math.extend([
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ]);
        self.modules.insert("math".into(), module("math", &math));
        // time.py and random.py (stdlib/py) build on these, as CPython's do on C modules.
        self.modules.insert(
            "_time".into(),
            module("_time", &table_entries(crate::eval::stdlib::time::TIME)),
        );
        self.modules.insert(
            "_random".into(),
            module(
                "_random",
                &table_entries(crate::eval::stdlib::random::RANDOM),
            ),
        );

        let file = file_value;
        let stdout = file(FileKind::Stdout, "<stdout>");
        let stderr = file(FileKind::Stderr, "<stderr>");
        let argv = Value::list(self.argv.iter().map(|s| Value::str(s)).collect());
        let sys = module(
            "sys",
            &[
                ("argv", argv),
                ("stdout", stdout.clone()),
                ("stderr", stderr.clone()),
                ("__stdout__", stdout),
                ("__stderr__", stderr),
                (
                    "exit",
                    Value::Builtin(
                        &builtins::BUILTINS[builtins::BUILTINS
                            .iter()
                            .position(|b| b.name == "exit")
                            .unwrap_or(0)],
                    ),
                ),
                ("maxsize", Value::Int(i64::MAX)),
                (
                    "version",
                    Value::str(concat!("nabla ", env!("CARGO_PKG_VERSION"))),
                ),
                ("platform", Value::str(std::env::consts::OS)),
                ("path", Value::List(self.sys_path.clone())),
                ("modules", Value::Dict(self.sys_modules.clone())),
                (
                    "version_info",
                    Value::tuple(vec![
                        Value::Int(3),
                        Value::Int(11),
                        Value::Int(0),
                        Value::str("final"),
                        Value::Int(0),
                    ]),
                ),
                (
                    "executable",
                    Value::str(
                        &std::env::current_exe()
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                    ),
                ),
                (
                    "byteorder",
                    Value::str(if cfg!(target_endian = "little") {
                        "little"
                    } else {
                        "big"
                    }),
                ),
                (
                    "stdin",
                    file(
                        FileKind::Read {
                            text: String::new(),
                            pos: 0,
                        },
                        "<stdin>",
                    ),
                ),
            ]
            .into_iter()
            .chain(table_entries(crate::eval::stdlib::sys::SYS))
            .collect::<Vec<_>>(),
        );
        self.set_global("__name__", Value::str("__main__"));
        self.set_global("__doc__", Value::None);
        self.cache_main();
        self.modules.insert("sys".into(), sys);

        // torch.nn.functional, torch.nn (layers, init, utils), torch.cuda, torch
        let functional = module(
            "torch.nn.functional",
            &[
                table_entries(crate::eval::torch::tensor_methods::FUNCTIONAL),
                table_entries(crate::eval::torch::functional_ops::FUNCTIONAL_ENGINE),
                table_entries(crate::eval::nn::functional::NN_FUNCTIONAL),
            ]
            .concat(),
        );
        let tensor_class = class_with("Tensor", &[]);
        let (module_class, parameter_class) =
            crate::eval::nn::module::module_classes(&tensor_class);
        self.module_class = Some(module_class.clone());
        self.parameter_class = Some(parameter_class.clone());
        let init = module(
            "torch.nn.init",
            &table_entries(crate::eval::nn::functional::NN_INIT),
        );
        let clip = table_entries(crate::eval::nn::optim::CLIP);
        let nn_utils = module("torch.nn.utils", &clip);
        let mut nn_entries = vec![
            ("functional", functional.clone()),
            ("init", init.clone()),
            ("utils", nn_utils.clone()),
            ("Module", Value::Class(module_class.clone())),
            ("Parameter", Value::Class(parameter_class)),
        ];
        nn_entries.extend(crate::eval::nn::layers::layer_classes(&module_class));
        nn_entries.extend(crate::eval::nn::containers::container_classes(
            &module_class,
        ));
        let nn = module("torch.nn", &nn_entries);
        self.modules.insert("torch.nn.init".into(), init);
        self.modules.insert("torch.nn.utils".into(), nn_utils);
        let (optim, lr_scheduler) = self.optim_modules();
        self.modules.insert("torch.optim".into(), optim.clone());
        self.modules
            .insert("torch.optim.lr_scheduler".into(), lr_scheduler);
        let (utils, data) = self.data_modules();
        self.modules.insert("torch.utils".into(), utils.clone());
        self.modules.insert("torch.utils.data".into(), data);
        let cuda = module("torch.cuda", &table_entries(CUDA));
        let mut torch = table_entries(t::TORCH);
        torch.extend(table_entries(crate::eval::torch::engine_ops::ENGINE));
        torch.extend(table_entries(crate::eval::torch::engine_ops::JOINS));
        torch.extend(table_entries(crate::eval::nabla::io::TORCH_IO));
        torch.extend(table_entries(
            crate::eval::torch::generators::TORCH_GENERATORS,
        ));
        torch.push((
            "default_generator",
            crate::eval::torch::generators::default_generator(),
        ));
        // torch.random: the default generator's functions, under their own module too.
        let random_names = [
            "manual_seed",
            "initial_seed",
            "seed",
            "get_rng_state",
            "set_rng_state",
            "default_generator",
        ];
        let random: Vec<_> = torch
            .iter()
            .filter(|(n, _)| random_names.contains(n))
            .cloned()
            .collect();
        let random = module("torch.random", &random);
        self.modules.insert("torch.random".into(), random.clone());
        torch.push(("random", random));
        let linalg = module(
            "torch.linalg",
            &table_entries(crate::eval::torch::engine_ops::LINALG),
        );
        self.modules.insert("torch.linalg".into(), linalg.clone());
        torch.push(("linalg", linalg));
        let autograd = module(
            "torch.autograd",
            &table_entries(crate::eval::torch::autograd_ops::AUTOGRAD_FUNCTIONS),
        );
        self.modules
            .insert("torch.autograd".into(), autograd.clone());
        torch.push(("autograd", autograd));
        torch.extend(
            table_entries(CONSTRUCTORS)
                .into_iter()
                .filter(|(n, _)| *n != "Tensor" && *n != "Size"),
        );
        for (name, d) in t::DTYPE_NAMES {
            torch.push((name, Value::DType(*d)));
        }
        tensor_class
            .ns
            .borrow_mut()
            .insert(Rc::from("__new__"), Value::Builtin(&CONSTRUCTORS[1]));
        let size_class = class_with("Size", &[]);
        size_class
            .ns
            .borrow_mut()
            .insert(Rc::from("__new__"), Value::Builtin(&CONSTRUCTORS[2]));
        self.tensor_class = Some(tensor_class.clone());
        self.size_class = Some(size_class.clone());
        torch.extend([
            ("Tensor", Value::Class(tensor_class)),
            ("Size", Value::Class(size_class)),
            ("nn", nn.clone()),
            (
                "strided",
                Value::Instance(Rc::new(Instance {
                    class: class_with("layout", LAYOUT_METHODS),
                    attrs: RefCell::new(IndexMap::new()),
                })),
            ),
            ("optim", optim),
            ("utils", utils),
            ("cuda", cuda.clone()),
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            (
                "__version__",
                Value::str(concat!(env!("CARGO_PKG_VERSION"), "+nabla")),
            ),
        ]);
        let torch = module("torch", &torch);
        self.modules.insert("torch".into(), torch.clone());
        self.modules.insert("torch.nn".into(), nn.clone());
        self.modules
            .insert("torch.nn.functional".into(), functional.clone());
        self.modules.insert("torch.cuda".into(), cuda);
        // torch, nn and F are there without an import.
        self.set_builtin("torch", torch);
        self.set_builtin("nn", nn);
        self.set_builtin("F", functional);
        self.install_plt();
        self.install_numpy();
        self.install_progress();
        self.install_notebook();
        self.install_nabla();
    }
}
