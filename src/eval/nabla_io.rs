//! The `nabla` module: what nabla adds beside PyTorch's names. For now NumPy's `.npy` files,
//! the way tensors travel to and from NumPy (`np.save` / `np.load` on the other side).

use super::builtins::{table, to_str, Args};
use super::exc::R;
use super::interp::Interp;
use super::torch::tensor;
use super::value::*;

fn path_arg(a: &mut Args, i: usize, name: &str) -> R<String> {
    Ok(to_str(&a.req(i, name)?, name)?.to_string())
}

table! { NABLA:
    "load_npy", "load_npy(file)", "The array in a NumPy .npy file (written by np.save) as a tensor of the same dtype and shape." => |_, a| {
        let path = path_arg(a, 0, "file")?;
        Ok(Value::Tensor(crate::io::npy::load(path)?))
    };
    "save_npy", "save_npy(file, tensor)", "Writes a tensor as a NumPy .npy file (np.load reads it); bool, uint8, int8/16/32/64 and float16/32/64." => |_, a| {
        let path = path_arg(a, 0, "file")?;
        let t = tensor(&a.req(1, "tensor")?, "tensor")?;
        crate::io::npy::save(path, &t)?;
        Ok(Value::None)
    };
}

impl Interp {
    pub(super) fn install_nabla(&mut self) {
        let entries = super::torch::table_entries(NABLA);
        let m = super::torch::module("nabla", &entries);
        self.modules.insert("nabla".into(), m);
    }
}
