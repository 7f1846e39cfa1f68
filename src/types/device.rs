//! Devices: where a tensor's storage lives.

use std::fmt;

/// `cpu` or `cuda:N`, printed as PyTorch prints `torch.device`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Device {
    Cpu,
    Cuda(usize),
}

impl Device {
    /// Parses `"cpu"`, `"cuda"`, `"cuda:1"`.
    pub fn parse(s: &str) -> Option<Device> {
        match s {
            "cpu" => Some(Device::Cpu),
            "cuda" => Some(Device::Cuda(0)),
            _ => s.strip_prefix("cuda:")?.parse().ok().map(Device::Cuda),
        }
    }

    /// `device(type='cpu')`, `device(type='cuda', index=0)`.
    pub fn repr(self) -> String {
        match self {
            Device::Cpu => "device(type='cpu')".to_string(),
            Device::Cuda(i) => format!("device(type='cuda', index={i})"),
        }
    }
}

/// `cpu`, `cuda:0`: what `str(device)` prints.
impl fmt::Display for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Device::Cpu => write!(f, "cpu"),
            Device::Cuda(i) => write!(f, "cuda:{i}"),
        }
    }
}
