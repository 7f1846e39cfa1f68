//! Error reports, as a user sees them: the class and message, the traceback, the source line
//! with the span underlined, and how to fix it. Snapshots (insta) hold the rendered text.

use nabla::eval::{Capture, Session};

/// Runs `src` as a script and returns the rendered error report.
fn report(src: &str) -> String {
    let mut s = Session::with_sink(Box::new(Capture::default()));
    match s.run_file("script.py", src) {
        Ok(()) => panic!("expected an error from:\n{src}"),
        Err(e) => format!("{}: {}\n\n{}", e.ename, e.evalue, e.report),
    }
}

macro_rules! snap {
    ($name:ident, $src:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(report($src));
        }
    };
}

// The three classic mistakes: each names the problem and the fix, and points at the span.
snap!(
    shape_mismatch,
    "a = torch.ones(2, 3)\nb = torch.ones(4)\nc = a + b\n"
);
snap!(dtype_inplace_int, "x = torch.arange(3)\nx += 0.5\n");
// On a machine without a CUDA driver (CI); where a GPU works, the mismatch snapshot below.
#[test]
fn device_cuda_unavailable() {
    if nabla::backend::cuda_availability().is_ok() {
        return;
    }
    insta::assert_snapshot!(report("x = torch.ones(2)\ny = x.to(\"cuda\")\n"));
}

#[test]
fn device_mismatch() {
    if nabla::backend::cuda_availability().is_err() {
        return;
    }
    let r = report("x = torch.ones(2)\ny = torch.ones(2, device=\"cuda\")\nz = x + y\n");
    assert!(
        r.starts_with("RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cpu and cuda:0!"),
        "{r}"
    );
    assert!(
        r.contains("b = b.to(a.device)") && r.contains("z = x + y"),
        "{r}"
    );
}
snap!(
    view_after_transpose_in_function,
    "def flat(t):\n    return t.view(6)\n\ny = flat(torch.ones(2, 3).t())\n"
);

// Parse errors.
snap!(parse_unclosed_bracket, "x = (1 +\ny = 2\n");
snap!(parse_two_mistakes, "a = 1\nb = )\nc = 2\nd = ]\n");
snap!(parse_bad_indent, "if True:\n    x = 1\n  y = 2\n");
snap!(parse_assign_to_call, "f() = 3\n");
snap!(parse_bad_fstring, "x = f\"{1 +}\"\n");

// Runtime errors from the language.
snap!(name_error, "print(undefined_name)\n");
snap!(
    zero_division,
    "def ratio(a, b):\n    return a / b\n\nratio(1, 0)\n"
);
snap!(int_overflow, "x = 2 ** 63\n");
snap!(unsupported_operand, "'a' + 1\n");
snap!(missing_argument, "def f(a, b):\n    return a\n\nf(1)\n");
snap!(
    uncaught_custom_exception,
    "class LossDiverged(Exception):\n    pass\n\nraise LossDiverged('loss is nan at step 12')\n"
);
snap!(
    numpy_broadcast_mismatch,
    "import numpy as np\na = np.ones(3) + np.ones(2)\n"
);

// Engine II: the inner dimensions of a product, with the transpose that would fit.
snap!(
    matmul_inner_mismatch,
    "x = torch.ones(3, 2)\nw = torch.ones(3, 4)\ny = x @ w\n"
);
snap!(
    conv_channel_mismatch,
    "img = torch.ones(1, 4, 8, 8)\nw = torch.ones(16, 3, 3, 3)\nout = F.conv2d(img, w)\n"
);
snap!(
    gather_index_out_of_range,
    "x = torch.arange(6).reshape(2, 3)\nx.gather(1, torch.tensor([[0, 5]]))\n"
);
