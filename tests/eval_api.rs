//! The Session API the front ends use: results keyed by MIME type, the output sinks, files,
//! help text from the one table, state across cells.

use nabla::eval::{Capture, Session};

fn session() -> (Session, Capture) {
    let cap = Capture::default();
    (Session::with_sink(Box::new(cap.clone())), cap)
}

#[test]
fn last_expression_is_the_cell_result() {
    let (mut s, cap) = session();
    assert_eq!(
        s.eval_cell("x = 3\nx * 2").unwrap(),
        Some(vec![("text/plain".to_string(), "6".to_string())])
    );
    // None and statements give no result; print goes to the sink.
    assert_eq!(s.eval_cell("print('hi')").unwrap(), None);
    assert_eq!(s.eval_cell("y = x").unwrap(), None);
    assert_eq!(cap.out.borrow().as_str(), "hi\n");
    let r = s
        .eval_cell("torch.zeros(2, dtype=torch.int32)")
        .unwrap()
        .unwrap();
    assert_eq!(r[0].1, "tensor([0, 0], dtype=torch.int32)");
}

#[test]
fn stderr_goes_to_its_own_sink() {
    let (mut s, cap) = session();
    s.eval_cell("import sys\nprint('oops', file=sys.stderr)\nsys.stdout.write('ok\\n')")
        .unwrap();
    assert_eq!(cap.err.borrow().as_str(), "oops\n");
    assert_eq!(cap.out.borrow().as_str(), "ok\n");
}

#[test]
fn state_survives_errors() {
    let (mut s, _) = session();
    s.eval_cell("a = 1").unwrap();
    let e = s.eval_cell("a = 2\nb = 1 / 0\na = 3").unwrap_err();
    assert_eq!(
        (e.ename.as_str(), e.evalue.as_str()),
        ("ZeroDivisionError", "division by zero")
    );
    assert_eq!(s.eval_cell("a").unwrap().unwrap()[0].1, "2");
    // A syntax error runs nothing.
    assert_eq!(
        s.eval_cell("a = 5\nb = (").unwrap_err().ename,
        "SyntaxError"
    );
    assert_eq!(s.eval_cell("a").unwrap().unwrap()[0].1, "2");
}

#[test]
fn functions_defined_in_one_cell_run_in_another() {
    let (mut s, _) = session();
    s.eval_cell("def scale(t, k=2):\n    return t * k").unwrap();
    assert_eq!(
        s.eval_cell("scale(torch.ones(2), k=3)").unwrap().unwrap()[0].1,
        "tensor([3., 3.])"
    );
    // Its errors point into the cell that defined it.
    let e = s
        .eval_cell("scale(torch.ones(2), torch.ones(3))")
        .unwrap_err();
    assert!(
        e.report.contains("<cell 1>") && e.report.contains("return t * k"),
        "{}",
        e.report
    );
}

#[test]
fn files_read_and_write() {
    let dir = std::env::temp_dir().join(format!("nabla-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("log.txt").to_string_lossy().replace('\\', "/");
    let (mut s, cap) = session();
    s.eval_cell(&format!(
        "with open('{path}', 'w') as f:\n    f.write('loss 0.5\\n')\n    print('loss 0.25', file=f)\nfor line in open('{path}').readlines():\n    print(line.strip())"
    ))
    .unwrap();
    assert_eq!(cap.out.borrow().as_str(), "loss 0.5\nloss 0.25\n");
    let e = s.eval_cell("open('/nonexistent/nabla.txt')").unwrap_err();
    assert_eq!(e.ename, "FileNotFoundError");
}

#[test]
fn help_comes_from_the_table() {
    let (mut s, cap) = session();
    s.eval_cell("help(torch.zeros)\nhelp(len)").unwrap();
    let out = cap.out.borrow();
    assert!(
        out.contains("zeros(*size, dtype=None, device=None, requires_grad=False)"),
        "{out}"
    );
    assert!(out.contains("len(obj)"), "{out}");
}

#[test]
fn unavailable_features_say_so() {
    let (mut s, _) = session();
    // An op autograd cannot differentiate yet refuses to run where it would have to record.
    let e = s
        .eval_cell("torch.ones(2, 3, requires_grad=True).scatter(1, torch.tensor([[0], [2]]), 2.0, reduce='multiply')")
        .unwrap_err();
    assert_eq!(e.ename, "NotImplementedError");
    assert!(
        e.evalue
            .contains("derivative for 'scatter_reduce (multiply, amax, amin)'"),
        "{}",
        e.evalue
    );
    // `@` between a tensor and a number is Python's TypeError, as in PyTorch.
    let e = s.eval_cell("torch.ones(2, 2) @ 3").unwrap_err();
    assert_eq!(e.ename, "TypeError");
    assert!(e.evalue.contains("unsupported operand type(s) for @"));
}

#[test]
fn incomplete_input_is_detected() {
    let (s, _) = session();
    assert!(s.is_incomplete("for i in range(3):\n"));
    assert!(s.is_incomplete("x = [1,\n"));
    assert!(!s.is_incomplete("x = 1\n"));
}

#[test]
fn scripts_see_main_and_tensor_where_method() {
    let (mut s, cap) = session();
    s.run_file(
        "m.py",
        "def main():\n    x = torch.tensor([1., -2.])\n    print(x.where(x > 0, torch.zeros(2)), __file__)\nif __name__ == '__main__':\n    main()\n",
    )
    .unwrap();
    assert_eq!(cap.out.borrow().as_str(), "tensor([1., 0.]) m.py\n");
}

#[test]
fn out_keyword_writes_into_the_given_tensor() {
    let (mut s, _) = session();
    let r = s
        .eval_cell("o = torch.zeros(2)\nr = torch.add(torch.ones(2), 2, out=o)\n(o, r is o)")
        .unwrap()
        .unwrap();
    assert_eq!(r[0].1, "(tensor([3., 3.]), True)");
    let e = s
        .eval_cell("torch.exp(torch.ones(3), out=torch.zeros(2))")
        .unwrap_err();
    assert!(e.evalue.contains("out="), "{}", e.evalue);
}

#[test]
fn pytorch_names_not_yet_here_say_when_they_come() {
    let (mut s, _) = session();
    for (src, part) in [
        ("nn.Transformer()", "library"),
        ("nn.TransformerEncoder", "later"),
    ] {
        let e = s.eval_cell(src).unwrap_err();
        assert_eq!(e.ename, "NotImplementedError", "{src}");
        assert!(
            e.evalue.contains("not available in this build yet") && e.evalue.contains(part),
            "{src}: {}",
            e.evalue
        );
    }
    // A name PyTorch does not have stays an AttributeError.
    assert_eq!(
        s.eval_cell("torch.ones(2).foo").unwrap_err().ename,
        "AttributeError"
    );
}

#[test]
fn index_out_of_range_says_it_as_pytorch() {
    // Messages from PyTorch 2.15: `torch.ones(2, 3)[:, -4]`, `torch.ones(2, 3)[5]`.
    let (mut s, _) = session();
    let e = s.eval_cell("x = torch.ones(2, 3)\nx[:, -4]").unwrap_err();
    assert_eq!(
        (e.ename.as_str(), e.evalue.as_str()),
        (
            "IndexError",
            "index -4 is out of bounds for dimension 1 with size 3"
        )
    );
    let e = s.eval_cell("x[5] = 1").unwrap_err();
    assert_eq!(
        e.evalue,
        "index 5 is out of bounds for dimension 0 with size 2"
    );
}

/// A fresh folder for a test's files.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("nabla-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes `text` to `path` with a modification time `secs` seconds from now, so a rewrite
/// within the file system's time resolution still counts as a change.
fn write_at(path: &std::path::Path, text: &str, secs: u64) {
    std::fs::write(path, text).unwrap();
    let t = std::time::SystemTime::now() + std::time::Duration::from_secs(secs);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

#[test]
fn modules_import_from_sys_path_reload_and_autoreload() {
    let d = temp_dir("reload");
    let m = d.join("helper_mod.py");
    write_at(&m, "VALUE = 1\ndef f():\n    return 'one'\n", 0);
    let (mut s, cap) = session();
    let dir = d.to_string_lossy().replace('\\', "\\\\");
    s.eval_cell(&format!(
        "import sys\nsys.path.insert(0, '{dir}')\nimport helper_mod, importlib"
    ))
    .unwrap();
    s.eval_cell("print(helper_mod.VALUE, helper_mod.f(), helper_mod.__name__)")
        .unwrap();
    // Edited: nothing changes until reload() ...
    write_at(&m, "VALUE = 2\ndef f():\n    return 'two'\n", 10);
    s.eval_cell("print(helper_mod.VALUE)").unwrap();
    s.eval_cell("m2 = importlib.reload(helper_mod)\nprint(helper_mod.VALUE, helper_mod.f(), m2 is helper_mod)")
        .unwrap();
    // ... or, with %autoreload 2, before the next cell.
    s.eval_cell("%load_ext autoreload\n%autoreload 2").unwrap();
    write_at(&m, "VALUE = 3\ndef f():\n    return 'three'\n", 20);
    s.eval_cell("print(helper_mod.VALUE, helper_mod.f())")
        .unwrap();
    assert_eq!(
        cap.out.borrow().as_str(),
        "1 one helper_mod\n1\n2 two True\n3 three\n"
    );
    // An unknown magic is IPython's UsageError; the session goes on.
    let e = s.eval_cell("%timeitx 1").unwrap_err();
    assert_eq!(e.ename, "UsageError");
    assert!(e.evalue.contains("%timeitx"), "{}", e.evalue);
    // An error inside the module points at the module's file.
    write_at(&m, "VALUE = 4\nboom = 1 / 0\n", 30);
    let e = s.eval_cell("print('next cell')").unwrap_err();
    assert_eq!(e.ename, "ZeroDivisionError");
    assert!(e.report.contains("helper_mod.py"), "{}", e.report);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_module_outside_the_table_says_what_nabla_has() {
    let (mut s, _) = session();
    let e = s.eval_cell("import pandas").unwrap_err();
    assert_eq!(e.ename, "ModuleNotFoundError");
    // The list comes from the import table: a Rust module, a Python one, torch.
    for name in [
        "argparse",
        "dataclasses",
        "importlib",
        "torch",
        "pathlib",
        "json",
    ] {
        assert!(e.evalue.contains(name), "{name} missing from: {}", e.evalue);
    }
    let e = s.eval_cell("import os\nos.no_such_function").unwrap_err();
    assert_eq!(e.ename, "AttributeError");
    assert_eq!(e.evalue, "module 'os' has no attribute 'no_such_function'");
}

#[test]
fn re_refuses_what_its_engine_cannot_do_and_says_why() {
    let (mut s, _) = session();
    for pat in [r"(?<=a)b", r"a(?=b)", r"(a)\1", r"(?P<x>a)(?P=x)"] {
        let e = s
            .eval_cell(&format!("import re\nre.compile(r'{pat}')"))
            .unwrap_err();
        assert_eq!(e.ename, "error", "{pat}");
        assert!(
            e.evalue.contains("not supported by nabla's re"),
            "{pat}: {}",
            e.evalue
        );
    }
}

#[test]
fn pickle_keeps_plain_data_and_refuses_code() {
    let (mut s, cap) = session();
    let e = s
        .eval_cell("import pickle\nclass A: pass\npickle.dumps(A())")
        .unwrap_err();
    assert_eq!(e.ename, "PicklingError");
    assert!(
        e.evalue.contains("never stores or runs code"),
        "{}",
        e.evalue
    );
    // A pickle naming a function to call (os.system) is refused, never run.
    let evil =
        "80049520000000000000008c05706f736978948c0673797374656d9493948c05656368203194859452942e";
    let e = s
        .eval_cell(&format!("pickle.loads(bytes.fromhex('{evil}'))"))
        .unwrap_err();
    assert_eq!(e.ename, "UnpicklingError", "{}", e.report);
    assert_eq!(cap.out.borrow().as_str(), "");
}
