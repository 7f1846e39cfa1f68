"""Regenerates tests/print_golden.rs: tensors printed by PyTorch itself.

Run: python3 tests/oracle/print_cases.py   (needs `pip install torch`)
Each case builds the same tensor in PyTorch and in nabla (same float64 values, the same
conversion to the target dtype) and records PyTorch's repr as the expected text.
"""
import math, os, torch

nan, inf = float("nan"), float("inf")
# (name, data, shape, dtype, post) -- data: list of numbers, or ("arange", n, scale, offset)
CASES = [
    ("ints_1d", [1, 2, 3], None, "int64", ""),
    ("ints_negative", [-1, 10, -100], None, "int64", ""),
    ("ints_2d", [1, 2, 3, 4, 5, 6], [2, 3], "int64", ""),
    ("floats_fixed", [1.5, 2.25, -3.125], None, "float32", ""),
    ("floats_whole", [1.0, 2.0, 3.0], None, "float32", ""),
    ("floats_tenths", [0.1, 0.2, 0.3], None, "float32", ""),
    ("sci_ratio", [1e-5, 1.0, 1000.0], None, "float32", ""),
    ("sci_large", [1e9, 1.0], None, "float32", ""),
    ("sci_int_mode_ratio", [1.0, 1e5], None, "float32", ""),
    ("sci_small_min", [0.00001, 0.5], None, "float32", ""),
    ("nonfinite_int_mode", [nan, 1.0, inf, -inf], None, "float32", ""),
    ("nonfinite_fixed", [nan, 1.5], None, "float32", ""),
    ("all_zero", [0.0, 0.0], None, "float32", ""),
    ("negative_zero", [0.0, -0.0], None, "float32", ""),
    ("only_nan", [nan], None, "float32", ""),
    ("scalar_float", [3.5], [], "float32", ""),
    ("scalar_whole", [3.0], [], "float32", ""),
    ("scalar_int", [7], [], "int64", ""),
    ("scalar_bool", [1], [], "bool", ""),
    ("bools", [1, 0], None, "bool", ""),
    ("bools_2d", [1, 0, 0, 1], [2, 2], "bool", ""),
    ("empty_float", [], None, "float32", ""),
    ("empty_int", [], None, "int64", ""),
    ("empty_2x0", [], [2, 0], "float32", ""),
    ("empty_2x0x3_int", [], [2, 0, 3], "int64", ""),
    ("float64", [1.5, 2.0], None, "float64", ""),
    ("float64_precise", [1.23456789, 2.0], None, "float64", ""),
    ("int32", [1, 2], None, "int32", ""),
    ("int16", [-3, 2], None, "int16", ""),
    ("int8", [-128, 127], None, "int8", ""),
    ("uint8", [0, 255], None, "uint8", ""),
    ("float16", [1.5, 2.0, 0.1], None, "float16", ""),
    ("bfloat16", [0.1, 3.14159], None, "bfloat16", ""),
    ("wrap_floats", ("arange", 30, 1.5, 0.0), None, "float32", ""),
    ("wrap_ints", ("arange", 100, 1, 0), None, "int64", ""),
    ("summarize_1d_ints", ("arange", 2000, 1, 0), None, "int64", ""),
    ("summarize_1d_floats", ("arange", 2000, 0.001, 0.0), None, "float32", ""),
    ("summarize_2d", ("arange", 10000, 1, 0), [100, 100], "int64", ""),
    ("summarize_2d_floats", ("arange", 10000, 0.5, -7.0), [100, 100], "float32", ""),
    ("three_d", ("arange", 24, 1, 0), [2, 3, 4], "int64", ""),
    ("four_d", ("arange", 16, 0.5, 0.0), [2, 2, 2, 2], "float32", ""),
    ("summarize_3d", ("arange", 8000, 1, 0), [20, 20, 20], "int64", ""),
    ("sci_negative", [-1.2e-5, 3.4e6], None, "float32", ""),
    ("wide_ints", [1000000, -5], None, "int64", ""),
    ("wrap_2d_wide", ("arange", 40, 1234.5678, 0.0), [2, 20], "float32", ""),
    ("transposed", [1.5, 2.0, 3.0, 4.25, 5.0, 6.0], [2, 3], "float32", "t"),
    ("strided_slice", ("arange", 12, 1, 0), [3, 4], "int64", "step2"),
    ("rounding_ties", [0.03125, 0.5, 0.00015, 0.99995], None, "float64", ""),
    ("int_mode_big", [100000.0, 200000.0], None, "float32", ""),
    ("sci_2d", [1.0, -1000.0, 0.5, 3.0], [2, 2], "float32", ""),
    ("float64_suffix_wraps", ("arange", 11, 1.123456, 100.0), None, "float64", ""),
    ("int64_extremes", [-9223372036854775807 - 1, 9223372036854775807], None, "int64", ""),
    ("one_whole", [5.0], None, "float32", ""),
    ("small_values", [1e-3, 2e-3, 5e-4], None, "float32", ""),
    ("mixed_sign_fixed", [-0.5, 0.25, 100.125], None, "float32", ""),
    ("float16_sci", [1e-4, 60000.0], None, "float16", ""),
    ("randlike_values", [0.4963, 0.7682, 0.0885, 0.1320, 0.3074, 0.6341], [2, 3], "float32", ""),
    ("summarize_exactly_1001", ("arange", 1001, 1, 0), None, "int64", ""),
    ("no_summarize_1000", ("arange", 1000, 1, 0), None, "int64", ""),
    ("column", [1.0, 2.5, 3.0], [3, 1], "float32", ""),
    ("bool_wrap", ("arange", 30, 1, 0), None, "bool", "mod3"),
    ("suffix_on_new_line", ("arange", 14, 1.123456, 100.0), None, "float64", ""),
    ("int32_suffix_wraps", ("arange", 26, 1000, 0), None, "int32", ""),
    # With options: (…, {"opts": set_printoptions kwargs, "requires_grad": bool})
    ("precision_2", [0.12345, 1.5], None, "float32", "", {"opts": {"precision": 2}}),
    ("sci_mode_off", [1e-5, 1.0, 1000.0], None, "float32", "", {"opts": {"sci_mode": False}}),
    ("sci_mode_on", [1.5, 2.0], None, "float32", "", {"opts": {"sci_mode": True}}),
    ("sci_mode_on_zeros", [0.0, 0.0], None, "float32", "", {"opts": {"sci_mode": True}}),
    ("threshold_edgeitems", ("arange", 20, 1, 0), None, "int64", "", {"opts": {"threshold": 10, "edgeitems": 2}}),
    ("linewidth_40", ("arange", 20, 0.5, 0.0), None, "float32", "", {"opts": {"linewidth": 40}}),
    ("requires_grad_suffix", [1.0, 2.0], None, "float32", "", {"requires_grad": True}),
    ("requires_grad_wraps", ("arange", 14, 1.123456, 100.0), None, "float64", "", {"requires_grad": True}),
]

DT = {"int64": torch.int64, "float32": torch.float32, "float64": torch.float64, "int32": torch.int32,
      "int16": torch.int16, "int8": torch.int8, "uint8": torch.uint8, "bool": torch.bool,
      "float16": torch.float16, "bfloat16": torch.bfloat16}
RUST_DT = {"int64": "I64", "float32": "F32", "float64": "F64", "int32": "I32", "int16": "I16",
           "int8": "I8", "uint8": "U8", "bool": "Bool", "float16": "F16", "bfloat16": "BF16"}


def build(data, shape, dtype, post):
    if isinstance(data, tuple):
        _, n, scale, off = data
        if isinstance(scale, int):
            t = torch.arange(n, dtype=torch.int64) * scale + off
        else:
            t = torch.arange(n, dtype=torch.float64) * scale + off
    elif dtype in ("int64", "int32", "int16", "int8", "uint8", "bool"):
        t = torch.tensor(data, dtype=torch.int64)
    else:
        t = torch.tensor(data, dtype=torch.float64)
    if post == "mod3":
        t = (t % 3) == 0
    t = t.to(DT[dtype])
    if shape is not None:
        t = t.reshape(shape)
    if post == "t":
        t = t.t()
    if post == "step2":
        t = t[:, ::2]
    return t


def rust_f64(v):
    if math.isnan(v):
        return "f64::NAN"
    if math.isinf(v):
        return "f64::INFINITY" if v > 0 else "f64::NEG_INFINITY"
    return repr(float(v))


def rust_opts(opts):
    fields = []
    for k, v in opts.items():
        if k == "sci_mode":
            fields.append(f"sci_mode: Some({str(v).lower()})")
        else:
            fields.append(f"{k}: {v}")
    if not fields:
        return "PrintOptions::default()"
    return "PrintOptions { " + ", ".join(fields) + ", ..PrintOptions::default() }"


def rust_case(name, data, shape, dtype, post, expected, extra=None):
    if isinstance(data, tuple):
        _, n, scale, off = data
        if isinstance(scale, int):
            src = f"arange_i({n}, {scale}, {off})"
        else:
            src = f"arange_f({n}, {rust_f64(scale)}, {rust_f64(off)})"
    elif dtype in ("int64", "int32", "int16", "int8", "uint8", "bool"):
        src = "ints(&[" + ", ".join(f"{int(v)}i64" for v in data) + "])"
    else:
        src = "floats(&[" + ", ".join(rust_f64(v) + ("" if not math.isfinite(v) else "f64") for v in data) + "])"
    shape_s = "None" if shape is None else "Some(&[" + ", ".join(str(s) for s in shape) + "])"
    lit = "r#\"" + expected + "\"#"
    if extra:
        opts = rust_opts(extra.get("opts", {}))
        suffixes = '&["requires_grad=True"]' if extra.get("requires_grad") else "&[]"
        return f'    check_with({src}, "{post}", DType::{RUST_DT[dtype]}, {shape_s}, &{opts}, {suffixes}, {lit});\n'
    return f'    check({src}, "{post}", DType::{RUST_DT[dtype]}, {shape_s}, {lit});\n'


out = ["// @generated by tests/oracle/print_cases.py from PyTorch " + torch.__version__ + ": do not edit.\n",
       "#![allow(clippy::approx_constant)]\nmod print_support;\nuse nabla::{DType, PrintOptions};\nuse print_support::*;\n\n"]
for name, data, shape, dtype, post, *extra in CASES:
    extra = extra[0] if extra else None
    t = build(data, shape, dtype, post)
    if extra and extra.get("requires_grad"):
        t.requires_grad_()
    if extra and extra.get("opts"):
        torch.set_printoptions(**extra["opts"])
    expected = repr(t)
    torch.set_printoptions(profile="default")
    torch.set_printoptions(sci_mode=None)
    out.append(f"#[test]\nfn {name}() {{\n" + rust_case(name, data, shape, dtype, post, expected, extra) + "}\n\n")

path = os.path.join(os.path.dirname(__file__), "..", "print_golden.rs")
with open(path, "w") as f:
    f.write("".join(out).rstrip() + "\n")
print(f"wrote {len(CASES)} cases to {os.path.normpath(path)}")
