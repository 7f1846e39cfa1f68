//! The GPUs: probing (never a panic when a CUDA library is missing), one context and stream
//! per device, the kernels compiled once per process by NVRTC, cuBLAS, and the memory
//! counters behind `torch.cuda.memory_allocated()`.

use crate::types::{Device, Error, Result};
use cudarc::cublas::CudaBlas;
use cudarc::driver::{CudaContext, CudaFunction, CudaModule, CudaStream};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The kernel sources, compiled together into one module on first use.
const SOURCES: [&str; 4] = [
    include_str!("../../../kernels/common.cuh"),
    include_str!("../../../kernels/elementwise.cu"),
    include_str!("../../../kernels/reduce.cu"),
    include_str!("../../../kernels/conv.cu"),
];

/// One GPU: its stream (every op runs on it, in order), kernels and cuBLAS handle.
pub struct Gpu {
    pub ordinal: usize,
    pub ctx: Arc<CudaContext>,
    pub stream: Arc<CudaStream>,
    module: OnceLock<std::result::Result<Arc<CudaModule>, String>>,
    functions: Mutex<HashMap<String, CudaFunction>>,
    blas: OnceLock<std::result::Result<Arc<CudaBlas>, String>>,
}

// SAFETY: the CUDA driver's handles are usable from any thread once the context is bound
// (cudarc binds it before each call); the maps are behind locks.
unsafe impl Send for Gpu {}
unsafe impl Sync for Gpu {}

pub fn cuda_error(what: &str, e: impl std::fmt::Debug) -> Error {
    Error::Cuda {
        message: format!("{what} failed: {e:?}"),
    }
}

/// How many GPUs this process can use, or why none.
pub fn availability() -> std::result::Result<usize, String> {
    static AVAILABLE: OnceLock<std::result::Result<usize, String>> = OnceLock::new();
    AVAILABLE
        .get_or_init(|| {
            // SAFETY: only tries to open the library; no CUDA call is made.
            if !unsafe { cudarc::driver::sys::is_culib_present() } {
                return Err("no CUDA driver library (libcuda.so) was found on this machine".into());
            }
            match CudaContext::device_count() {
                Ok(n) if n > 0 => Ok(n as usize),
                Ok(_) => Err("the CUDA driver found no GPU".into()),
                Err(e) => Err(format!("the CUDA driver did not start ({e:?})")),
            }
        })
        .clone()
}

/// Whether NVRTC (which compiles the kernels; no GPU needed) can be loaded.
pub fn nvrtc_present() -> bool {
    // SAFETY: only tries to open the library.
    unsafe { cudarc::nvrtc::sys::is_culib_present() }
}

/// The kernels as PTX: from the cache (`~/.cache/nabla/`), or compiled by NVRTC (seconds)
/// and cached for the next process.
pub fn ptx() -> std::result::Result<cudarc::nvrtc::Ptx, String> {
    let cached = cache_path();
    if let Some(text) = cached
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
    {
        return Ok(cudarc::nvrtc::Ptx::from_src(text));
    }
    let ptx = compile_ptx()?;
    if let Some(path) = cached {
        // A cache that cannot be written only costs the next process a compile.
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let written = path
            .parent()
            .is_some_and(|d| std::fs::create_dir_all(d).is_ok())
            && std::fs::write(&tmp, ptx.to_src()).is_ok();
        if !written || std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Ok(ptx)
}

/// Where the PTX of these sources, from this NVRTC version, is cached.
fn cache_path() -> Option<std::path::PathBuf> {
    use std::hash::{Hash, Hasher};
    if !nvrtc_present() {
        return None;
    }
    let (mut major, mut minor) = (0, 0);
    // SAFETY: NVRTC is present; the call writes two ints.
    unsafe { cudarc::nvrtc::sys::nvrtcVersion(&mut major, &mut minor) };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    SOURCES.hash(&mut h);
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cache")))?;
    Some(base.join("nabla").join(format!(
        "kernels-{:016x}-nvrtc{major}.{minor}.ptx",
        h.finish()
    )))
}

/// The kernels compiled to PTX by NVRTC, now.
pub fn compile_ptx() -> std::result::Result<cudarc::nvrtc::Ptx, String> {
    if !nvrtc_present() {
        return Err("no NVRTC library (libnvrtc.so) was found: nabla compiles its CUDA kernels at run time, so install the CUDA toolkit's nvrtc".into());
    }
    cudarc::nvrtc::compile_ptx_with_opts(
        SOURCES.concat(),
        cudarc::nvrtc::CompileOptions {
            name: Some("nabla_kernels.cu".into()),
            ..Default::default()
        },
    )
    .map_err(|e| format!("compiling nabla's CUDA kernels failed: {e:?}"))
}

/// The GPU `cuda:N`, started on first use.
pub fn gpu(ordinal: usize) -> Result<Arc<Gpu>> {
    static GPUS: OnceLock<Mutex<HashMap<usize, Arc<Gpu>>>> = OnceLock::new();
    let device = Device::Cuda(ordinal);
    let count = availability().map_err(|reason| Error::DeviceUnavailable { device, reason })?;
    if ordinal >= count {
        return Err(Error::DeviceUnavailable {
            device,
            reason: format!(
                "this machine has {count} GPU{} (cuda:0{})",
                if count == 1 { "" } else { "s" },
                if count > 1 {
                    format!(" to cuda:{}", count - 1)
                } else {
                    String::new()
                }
            ),
        });
    }
    let gpus = GPUS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut gpus = gpus
        .lock()
        .map_err(|_| cuda_error("the GPU table", "poisoned lock"))?;
    if let Some(g) = gpus.get(&ordinal) {
        return Ok(g.clone());
    }
    let ctx = CudaContext::new(ordinal).map_err(|e| cuda_error("starting the CUDA context", e))?;
    let stream = ctx.default_stream();
    let g = Arc::new(Gpu {
        ordinal,
        ctx,
        stream,
        module: OnceLock::new(),
        functions: Mutex::new(HashMap::new()),
        blas: OnceLock::new(),
    });
    gpus.insert(ordinal, g.clone());
    Ok(g)
}

impl Gpu {
    pub fn device(&self) -> Device {
        Device::Cuda(self.ordinal)
    }

    /// The kernel `name`, compiling the sources on first use.
    pub fn function(&self, name: &str) -> Result<CudaFunction> {
        let mut fns = self
            .functions
            .lock()
            .map_err(|_| cuda_error("the kernel table", "poisoned lock"))?;
        if let Some(f) = fns.get(name) {
            return Ok(f.clone());
        }
        let module = self
            .module
            .get_or_init(|| self.compile())
            .clone()
            .map_err(|message| Error::Cuda { message })?;
        let f = module
            .load_function(name)
            .map_err(|e| cuda_error(&format!("loading kernel {name}"), e))?;
        fns.insert(name.to_string(), f.clone());
        Ok(f)
    }

    fn compile(&self) -> std::result::Result<Arc<CudaModule>, String> {
        self.ctx
            .load_module(ptx()?)
            .map_err(|e| format!("loading nabla's CUDA kernels failed: {e:?}"))
    }

    /// The cuBLAS handle, created on first use.
    pub fn blas(&self) -> Result<Arc<CudaBlas>> {
        self.blas
            .get_or_init(|| {
                // SAFETY: only tries to open the library.
                if !unsafe { cudarc::cublas::sys::is_culib_present() } {
                    return Err("no cuBLAS library (libcublas.so) was found: matrix products on the GPU need it".into());
                }
                CudaBlas::new(self.stream.clone())
                    .map(Arc::new)
                    .map_err(|e| format!("starting cuBLAS failed: {e:?}"))
            })
            .clone()
            .map_err(|message| Error::Cuda { message })
    }

    pub fn synchronize(&self) -> Result<()> {
        self.stream
            .synchronize()
            .map_err(|e| cuda_error("cuda.synchronize()", e))
    }

    pub fn name(&self) -> Result<String> {
        self.ctx
            .name()
            .map_err(|e| cuda_error("reading the GPU's name", e))
    }
}

/// Bytes held by tensors on each GPU now, and the most ever held.
fn counters() -> &'static Mutex<HashMap<usize, (usize, usize)>> {
    static COUNTERS: OnceLock<Mutex<HashMap<usize, (usize, usize)>>> = OnceLock::new();
    COUNTERS.get_or_init(|| Mutex::new(HashMap::new()))
}

pub fn track(ordinal: usize, bytes: usize, alloc: bool) {
    if let Ok(mut c) = counters().lock() {
        let e = c.entry(ordinal).or_insert((0, 0));
        if alloc {
            e.0 += bytes;
            e.1 = e.1.max(e.0);
        } else {
            e.0 = e.0.saturating_sub(bytes);
        }
    }
}

/// (allocated now, peak) bytes on `cuda:N`.
pub fn memory(ordinal: usize) -> (usize, usize) {
    counters()
        .lock()
        .ok()
        .and_then(|c| c.get(&ordinal).copied())
        .unwrap_or((0, 0))
}

pub fn reset_peak(ordinal: usize) {
    if let Ok(mut c) = counters().lock() {
        if let Some(e) = c.get_mut(&ordinal) {
            e.1 = e.0;
        }
    }
}
