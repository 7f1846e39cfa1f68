//! `nabla kernel install [--user | --sys-prefix | --prefix DIR]` and `nabla kernel uninstall`:
//! the kernelspec Jupyter finds (kernels/nabla/kernel.json and two logos).

use std::path::{Path, PathBuf};

/// Where the kernelspec goes.
fn kernels_dir(args: &[String]) -> Result<PathBuf, String> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    match args.first().map(String::as_str) {
        None | Some("--user") => {
            if let Some(d) = env("JUPYTER_DATA_DIR") {
                return Ok(d.join("kernels"));
            }
            let home = env("HOME").ok_or("HOME is not set: use --prefix DIR")?;
            let data = if cfg!(target_os = "macos") {
                home.join("Library/Jupyter")
            } else {
                env("XDG_DATA_HOME")
                    .unwrap_or_else(|| home.join(".local/share"))
                    .join("jupyter")
            };
            Ok(data.join("kernels"))
        }
        Some("--sys-prefix") => {
            let prefix = env("VIRTUAL_ENV").or_else(|| env("CONDA_PREFIX")).ok_or(
                "--sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX); use --user or --prefix DIR",
            )?;
            Ok(prefix.join("share/jupyter/kernels"))
        }
        Some("--prefix") => match args.get(1) {
            Some(dir) => Ok(Path::new(dir).join("share/jupyter/kernels")),
            None => Err("--prefix needs a directory".into()),
        },
        Some(other) => Err(format!(
            "unknown option '{other}': nabla kernel install [--user | --sys-prefix | --prefix DIR]"
        )),
    }
}

/// The kernelspec's kernel.json for the binary at `exe`.
pub fn kernel_json(exe: &Path) -> String {
    let spec = serde_json::json!({
        "argv": [exe.to_string_lossy(), "kernel", "-f", "{connection_file}"],
        "display_name": "nabla",
        "language": "nabla",
        "interrupt_mode": "message",
        "metadata": { "debugger": false }
    });
    serde_json::to_string_pretty(&spec).unwrap_or_default()
}

/// Writes the kernelspec; returns its directory.
pub fn install(args: &[String]) -> Result<PathBuf, String> {
    let dir = kernels_dir(args)?.join("nabla");
    let exe = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| format!("cannot find the nabla binary's path: {e}"))?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes)
            .map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()))
    };
    write("kernel.json", kernel_json(&exe).as_bytes())?;
    for size in [32, 64] {
        let png = crate::display::raster::logo_png(size)?;
        write(&format!("logo-{size}x{size}.png"), &png)?;
    }
    Ok(dir)
}

/// Removes the kernelspec; returns the directory removed.
pub fn uninstall(args: &[String]) -> Result<PathBuf, String> {
    let dir = kernels_dir(args)?.join("nabla");
    if !dir.join("kernel.json").exists() {
        return Err(format!("no nabla kernel is installed in {}", dir.display()));
    }
    std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_json_is_what_jupyter_reads() {
        let v: serde_json::Value =
            serde_json::from_str(&kernel_json(Path::new("/opt/nabla"))).unwrap();
        assert_eq!(
            v["argv"],
            serde_json::json!(["/opt/nabla", "kernel", "-f", "{connection_file}"])
        );
        assert_eq!(v["display_name"], "nabla");
        assert_eq!(v["language"], "nabla");
        assert_eq!(v["interrupt_mode"], "message");
    }

    #[test]
    fn prefix_places_the_spec_under_share() {
        let d = kernels_dir(&["--prefix".into(), "/tmp/x".into()]).unwrap();
        assert_eq!(d, Path::new("/tmp/x/share/jupyter/kernels"));
        assert!(kernels_dir(&["--bogus".into()]).is_err());
        assert!(kernels_dir(&["--prefix".into()]).is_err());
    }
}
