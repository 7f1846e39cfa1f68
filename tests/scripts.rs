//! Golden scripts: every tests/scripts/*.py runs in nabla and must print exactly what
//! CPython + PyTorch printed (tests/scripts/*.out, made by tests/oracle/run_scripts.py).

use nabla::eval::{Capture, Session};

fn run(path: &std::path::Path) -> Result<String, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let cap = Capture::default();
    let mut s = Session::with_sink(Box::new(cap.clone()));
    s.set_argv(vec![path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()]);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    match s.run_file(&name, &src) {
        Ok(()) => Ok(cap.out.borrow().clone()),
        Err(e) => Err(format!("{}\n--- error ---\n{}", cap.out.borrow(), e.report)),
    }
}

#[test]
fn golden_scripts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 60, "only {} scripts", paths.len());
    let only = std::env::var("SCRIPT").ok();
    let mut failures = Vec::new();
    for p in &paths {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let expected = std::fs::read_to_string(p.with_extension("out")).unwrap();
        match run(p) {
            Ok(out) if out == expected => {}
            Ok(out) => {
                let line = out
                    .lines()
                    .zip(expected.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(out.lines().count().min(expected.lines().count()));
                failures.push(format!(
                    "{name}: first difference at line {}\n  got:      {:?}\n  expected: {:?}",
                    line + 1,
                    out.lines().nth(line).unwrap_or("<end>"),
                    expected.lines().nth(line).unwrap_or("<end>")
                ));
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}

/// Every name bound in the torch namespace, on tensors, in torch.nn.functional and in the
/// modules appears in at least one golden script, so each binding is checked against PyTorch.
#[test]
fn every_bound_name_is_used_by_a_script() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let text: String = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let cap = Capture::default();
    let mut s = Session::with_sink(Box::new(cap.clone()));
    s.eval_cell(
        "import math, random, time, sys\nimport numpy as np\nimport torch.utils.data\nfor m in [np, np.random, np.zeros(1), torch, torch.nn.functional, torch.cuda, torch.ones(1), math, torch.nn, torch.nn.init, torch.nn.utils, torch.optim, torch.optim.lr_scheduler, torch.utils.data, torch.nn.Module, torch.optim.Optimizer, torch.utils.data.DataLoader]:\n    print(' '.join(dir(m)))",
    )
    .unwrap();
    // (random, time and the other modules written in Python are checked against CPython by
    // their own scripts, 170-203.)
    // Names whose PyTorch output cannot match (no GPU, no numpy, autograd not yet bound) or
    // that are protocol hooks rather than API.
    let exempt = [
        "_DataLoaderIter",
        "utils",
        "optim",
        "init",
        "functional",
        "cuda",
        "requires_grad_",
        "manual_seed_all",
        "nn",
        "Tensor",
        "Size",
        "device",
        "__version__",
        "__len__",
        "__enter__",
        "__exit__",
        "grad",
        "grad_fn",
        "is_leaf",
        "requires_grad",
        "is_cuda",
        "data",
        "mT",
        "nbytes",
        "itemsize",
        "e",
        "tau",
        "nan",
        "inf",
    ];
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut missing = Vec::new();
    for name in cap.out.borrow().split_whitespace() {
        if exempt.contains(&name) || name.starts_with("__") {
            continue;
        }
        let used = text.match_indices(name).any(|(i, _)| {
            let before = text[..i].chars().next_back().is_none_or(|c| !is_word(c));
            let after = text[i + name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c));
            before && after
        });
        if !used {
            missing.push(name.to_string());
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "bound but used by no script in tests/scripts: {missing:?}"
    );
}
