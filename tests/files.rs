//! Files against the programs that write them: `.pt` files written by PyTorch 2.15, `.npy`
//! and `.npz` written by NumPy 2.4, safetensors written by the safetensors package (all made
//! by tests/data/make_fixtures.py), read back with exact values; nabla's own files read back
//! by nabla; and, with `NABLA_TORCH_PYTHON` naming a Python that has torch and numpy, read by
//! PyTorch and NumPy themselves (tests/data/check_with_pytorch.py).

use nabla::eval::{Capture, Session};
use std::path::PathBuf;

fn session() -> (Session, Capture) {
    let cap = Capture::default();
    let mut s = Session::with_sink(Box::new(cap.clone()));
    s.eval_cell("import nabla").unwrap();
    (s, cap)
}

fn out(s: &mut Session, cap: &Capture, code: &str) -> String {
    cap.out.borrow_mut().clear();
    if let Err(e) = s.eval_cell(code) {
        panic!("{code}\n{}: {}", e.ename, e.evalue);
    }
    cap.out.borrow().clone()
}

fn err(s: &mut Session, code: &str) -> (String, String) {
    let e = s.eval_cell(code).expect_err(code);
    (e.ename, e.evalue)
}

fn tmp(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("files");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn a_pytorch_state_dict_loads_into_a_nabla_model() {
    let (mut s, cap) = session();
    // PyTorch's values, written by make_fixtures.py beside the file, as Python floats.
    let want = std::fs::read_to_string("tests/data/linear_state.txt").unwrap();
    let code = "sd = torch.load('tests/data/linear_state.pt')\n\
                lin = nn.Linear(3, 2)\n\
                print(lin.load_state_dict(sd))\n\
                for k, v in lin.state_dict().items():\n    \
                    print(k, list(v.shape), ' '.join(repr(x) for x in v.flatten().tolist()))";
    let got = out(&mut s, &cap, code);
    assert_eq!(got, format!("<All keys matched successfully>\n{want}"));
    assert_eq!(
        out(&mut s, &cap, "print(list(sd), sd['weight'].dtype)"),
        "['weight', 'bias'] torch.float32\n"
    );
}

#[test]
fn nested_pytorch_objects_keep_types_views_and_dtypes() {
    let (mut s, cap) = session();
    let got = out(
        &mut s,
        &cap,
        "n = torch.load('tests/data/nested.pt', map_location='cpu', weights_only=True)\n\
         for k in n:\n    print(repr(k), n[k])",
    );
    assert_eq!(
        got,
        "'a' [tensor([2., 4., 6.]), 1, 2.5, 's', (True, None)]\n\
         'b' tensor(1.5000, dtype=torch.bfloat16)\n\
         'm' tensor([[0, 3],\n        [1, 4],\n        [2, 5]])\n\
         'size' torch.Size([2, 3])\n\
         7 -1099511627776\n\
         'p' tensor([ 1., -1.], requires_grad=True)\n\
         'h' tensor([0.5000, 2.0000], dtype=torch.float16)\n\
         'bool' tensor([ True, False])\n"
    );
    assert_eq!(
        out(&mut s, &cap, "print(torch.load('tests/data/tensor.pt').tolist(), torch.load('tests/data/tensor.pt').dtype)"),
        "[[1, 2], [3, 4]] torch.int32\n"
    );
}

#[test]
fn numpy_files_of_every_shared_dtype() {
    let (mut s, cap) = session();
    let want = "b1 torch.bool [True, False, True]\n\
                u1 torch.uint8 [0, 128, 255]\n\
                i1 torch.int8 [-128, 0, 127]\n\
                i2 torch.int16 [-32768, 1, 32767]\n\
                i4 torch.int32 [-2147483648, 2, 2147483647]\n\
                i8 torch.int64 [-9223372036854775808, 3, 9223372036854775807]\n\
                f2 torch.float16 [0.5, -1.0, 65504.0]\n\
                f4 torch.float32 [1.5, -2.25, 3.0000000054977558e+38]\n\
                f8 torch.float64 [0.3333333333333333, -0.0, 1e+300]\n";
    for f in ["dtypes.npz", "dtypes_compressed.npz"] {
        let code = format!("for k, v in nabla.load_npz('tests/data/{f}').items():\n    print(k, v.dtype, v.tolist())");
        assert_eq!(out(&mut s, &cap, &code), want, "{f}");
    }
    // torch.load reads .npz and .npy too, by content.
    assert_eq!(
        out(
            &mut s,
            &cap,
            "print(list(torch.load('tests/data/dtypes.npz')))"
        ),
        "['b1', 'u1', 'i1', 'i2', 'i4', 'i8', 'f2', 'f4', 'f8']\n"
    );
    let got = out(
        &mut s,
        &cap,
        "for f in ['fortran', 'big_endian', 'scalar', 'empty', 'matrix']:\n    \
             t = torch.load('tests/data/' + f + '.npy')\n    \
             print(f, t.shape, t.dtype, t.tolist())",
    );
    assert_eq!(
        got,
        "fortran torch.Size([2, 3]) torch.float64 [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]\n\
         big_endian torch.Size([4]) torch.int32 [0, 1, 2, 3]\n\
         scalar torch.Size([]) torch.float32 2.5\n\
         empty torch.Size([0, 3]) torch.int16 []\n\
         matrix torch.Size([2, 3]) torch.float32 [[0.0, 0.25, 0.5], [0.75, 1.0, 1.25]]\n"
    );
}

#[test]
fn safetensors_from_hugging_face() {
    let (mut s, cap) = session();
    let got = out(&mut s, &cap, "d = torch.load('tests/data/hf.safetensors')\nfor k in d:\n    print(k, d[k].dtype, d[k].tolist())");
    assert_eq!(
        got,
        "bias torch.float64 [0.5]\nweight torch.float32 [[1.0, 2.0]]\n"
    );
}

#[test]
fn what_nabla_saves_it_loads_back() {
    let (mut s, cap) = session();
    let (pt, st, npz, npy) = (
        tmp("n.pt"),
        tmp("sd.safetensors"),
        tmp("a.npz"),
        tmp("a.npy"),
    );
    let code = format!(
        "torch.manual_seed(0)\n\
         lin = nn.Linear(4, 3)\n\
         obj = {{'sd': lin.state_dict(), 'x': [1, 2.5, 's', (True, None)], 'big': -2**40, 'sz': torch.ones(2, 3).shape, \
                 'v': torch.arange(10.)[2:8:2], 'bf': torch.tensor([1.5, -2], dtype=torch.bfloat16), 'p': lin.weight}}\n\
         torch.save(obj, '{pt}')\n\
         back = torch.load('{pt}')\n\
         print(back['x'], back['big'], back['sz'], back['v'], back['bf'])\n\
         print(torch.equal(back['sd']['weight'], lin.weight), back['p'].requires_grad, back['sd']['bias'].requires_grad)\n\
         torch.save(lin.state_dict(), '{st}')\n\
         d = torch.load('{st}')\n\
         print(sorted(d), torch.equal(d['weight'], lin.weight))\n\
         nabla.save_npz('{npz}', torch.arange(3), w=torch.ones(2, dtype=torch.float16))\n\
         print(nabla.load_npz('{npz}'))\n\
         nabla.save_npy('{npy}', torch.tensor([[True], [False]]))\n\
         print(nabla.load_npy('{npy}'))"
    );
    assert_eq!(
        out(&mut s, &cap, &code),
        "[1, 2.5, 's', (True, None)] -1099511627776 torch.Size([2, 3]) tensor([2., 4., 6.]) tensor([ 1.5000, -2.0000], dtype=torch.bfloat16)\n\
         True True False\n\
         ['bias', 'weight'] True\n\
         {'arr_0': tensor([0, 1, 2]), 'w': tensor([1., 1.], dtype=torch.float16)}\n\
         tensor([[ True],\n        [False]])\n"
    );
}

#[test]
fn csv_files_become_tensors() {
    let (mut s, cap) = session();
    let p = tmp("d.csv");
    std::fs::write(&p, "x,y,label\n1,2.5,0\n-3,4e1,1\n").unwrap();
    assert_eq!(
        out(
            &mut s,
            &cap,
            &format!("print(nabla.load_csv('{p}', header=True))")
        ),
        "tensor([[ 1.0000,  2.5000,  0.0000],\n        [-3.0000, 40.0000,  1.0000]])\n"
    );
    let (name, msg) = err(&mut s, &format!("nabla.load_csv('{p}')"));
    assert_eq!(name, "ValueError");
    assert!(
        msg.contains("line 1: column 1: \"x\" is not a number"),
        "{msg}"
    );
    std::fs::write(&p, "1;2\n3;4;5\n").unwrap();
    let (_, msg) = err(
        &mut s,
        &format!("nabla.load_csv('{p}', delimiter=';', dtype=torch.int64)"),
    );
    assert!(msg.contains("line 2: 3 columns, but line 1 has 2"), "{msg}");
}

#[test]
fn file_mistakes_are_clear_errors() {
    let (mut s, _) = session();
    let (name, msg) = err(&mut s, "torch.load('no/such/file.pt')");
    assert_eq!(
        (name.as_str(), msg.as_str()),
        (
            "FileNotFoundError",
            "[Errno 2] No such file or directory: 'no/such/file.pt'"
        )
    );
    let (name, msg) = err(&mut s, "torch.save(nn.Linear(2, 2), 'm.pt')");
    assert_eq!(name, "TypeError");
    assert!(msg.contains("state_dict()"), "{msg}");
    let (_, msg) = err(
        &mut s,
        &format!("torch.save([torch.ones(1)], '{}')", tmp("x.safetensors")),
    );
    assert!(msg.contains("dict of named tensors"), "{msg}");
    let junk = tmp("junk.pt");
    std::fs::write(&junk, "hello").unwrap();
    let (name, msg) = err(&mut s, &format!("torch.load('{junk}')"));
    assert_eq!(name, "ValueError");
    assert!(msg.contains("not a file torch.save"), "{msg}");
    // A .pt cut short: the zip directory is gone.
    let cut = tmp("cut.pt");
    let b = std::fs::read("tests/data/linear_state.pt").unwrap();
    std::fs::write(&cut, &b[..b.len() / 2]).unwrap();
    let (name, _) = err(&mut s, &format!("torch.load('{cut}')"));
    assert_eq!(name, "ValueError");
    // The session goes on.
    assert!(s.eval_cell("torch.load('tests/data/tensor.pt')").is_ok());
}

/// PyTorch and NumPy read what nabla wrote. Needs a Python with torch and numpy, named by
/// `NABLA_TORCH_PYTHON` (CI has none; run it where PyTorch is installed).
#[test]
fn pytorch_and_numpy_read_nablas_files() {
    let Ok(python) = std::env::var("NABLA_TORCH_PYTHON") else {
        eprintln!("skipped: set NABLA_TORCH_PYTHON to a python with torch and numpy");
        return;
    };
    let (mut s, cap) = session();
    let dir = tmp("for-pytorch");
    std::fs::create_dir_all(&dir).unwrap();
    out(
        &mut s,
        &cap,
        &format!(
            "torch.manual_seed(0)\nlin = nn.Linear(4, 3)\n\
             torch.save(lin.state_dict(), '{dir}/lin.pt')\n\
             torch.save({{'a': [torch.arange(10.)[2:8:2], 1, 2.5, 's', (True, None)], 'b': torch.tensor(1.5, dtype=torch.bfloat16), 'big': -2**40, 'sz': torch.ones(2, 3).shape}}, '{dir}/nested.pt')\n\
             torch.save(lin.state_dict(), '{dir}/lin.safetensors')\n\
             nabla.save_npz('{dir}/a.npz', torch.arange(3), w=torch.ones(2, dtype=torch.float16))\n\
             nabla.save_npy('{dir}/a.npy', torch.arange(6).reshape(2, 3))\n\
             print(lin.weight.tolist())"
        ),
    );
    let weights = cap.out.borrow().clone();
    let right = out(
        &mut s,
        &cap,
        "from nabla import datasets, models\nX, y = datasets.digits()\n\
         print((models.digits_classifier()(X / 16).argmax(1) == y).sum().item())",
    );
    let o = std::process::Command::new(python)
        .args(["tests/data/check_with_pytorch.py", &dir, right.trim()])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{text}");
    assert_eq!(
        text,
        format!(
            "<All keys matched successfully>\n{weights}\
             {{'a': [tensor([2., 4., 6.]), 1, 2.5, 's', (True, None)], 'b': tensor(1.5000, dtype=torch.bfloat16), 'big': -1099511627776, 'sz': torch.Size([2, 3])}}\n\
             ['bias', 'weight']\n\
             {{'arr_0': array([0, 1, 2]), 'w': array([1., 1.], dtype=float16)}}\n\
             [[0 1 2]\n [3 4 5]]\n{right}"
        )
    );
}

#[test]
fn datasets_are_shipped_and_seeded() {
    let (mut s, cap) = session();
    // The digits as scikit-learn ships them: 1797 images, these label counts and pixel sum.
    let got = out(
        &mut s,
        &cap,
        "from nabla import datasets\n\
         X, y = datasets.digits()\n\
         print(X.shape, X.dtype, y.dtype, X.sum().item(), X.max().item(), torch.bincount(y).tolist())\n\
         print(X[0, 0, 0].tolist(), y[-1].item())",
    );
    assert_eq!(
        got,
        "torch.Size([1797, 1, 8, 8]) torch.float32 torch.int64 561718.0 16.0 [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]\n\
         [0.0, 0.0, 5.0, 13.0, 9.0, 1.0, 0.0, 0.0] 8\n"
    );
    // Same seed, same data; the split keeps rows and labels together.
    let code = "torch.manual_seed(3)\nP, l = datasets.make_moons(50, noise=0.1)\n\
                Xtr, Xte, ytr, yte = datasets.train_test_split(P, l, test_size=0.2)\n\
                print(P.shape, Xtr.shape, Xte.shape, l.sum().item(), P.sum().item())";
    let a = out(&mut s, &cap, code);
    assert_eq!(a, out(&mut s, &cap, code));
    assert!(
        a.starts_with("torch.Size([50, 2]) torch.Size([40, 2]) torch.Size([10, 2]) 25 "),
        "{a}"
    );
    // The labels say what the generators promise.
    let got = out(
        &mut s,
        &cap,
        "P, l = datasets.xor(200)\nprint(torch.equal(l, ((P[:, 0] < 0) != (P[:, 1] < 0)).long()))\n\
         P, l = datasets.make_circles(100, factor=0.5)\nr = P.norm(dim=1)\nprint(torch.allclose(r[l == 1], torch.full((50,), 0.5)), torch.allclose(r[l == 0], torch.ones(50)))\n\
         X, y = datasets.regression(20, n_features=2, noise=0.0, weight=torch.tensor([2.0, -1.0]), bias=0.5)\n\
         print(torch.allclose(y, X @ torch.tensor([[2.0], [-1.0]]) + 0.5, atol=1e-5))\n\
         print(torch.bincount(datasets.make_blobs(90, centers=3)[1]).tolist(), torch.bincount(datasets.make_spirals(90, n_classes=3)[1]).tolist())",
    );
    assert_eq!(got, "True\nTrue True\nTrue\n[30, 30, 30] [30, 30, 30]\n");
    let (_, msg) = err(
        &mut s,
        "datasets.train_test_split(torch.ones(4), torch.ones(5))",
    );
    assert!(msg.contains("different lengths"), "{msg}");
}

#[test]
fn the_model_zoo_builds_nn_layers() {
    let (mut s, cap) = session();
    // What PyTorch prints for the same nn.Sequential.
    let got = out(
        &mut s,
        &cap,
        "from nabla import models\nprint(models.mlp(2, 16, 3, activation='tanh', dropout=0.1))",
    );
    assert_eq!(
        got,
        "Sequential(\n  (0): Flatten(start_dim=1, end_dim=-1)\n  \
         (1): Linear(in_features=2, out_features=16, bias=True)\n  (2): Tanh()\n  \
         (3): Dropout(p=0.1, inplace=False)\n  \
         (4): Linear(in_features=16, out_features=3, bias=True)\n)\n"
    );
    // LeNet-5 on 28×28 has its textbook 61706 parameters; the 8×8 variant fits the digits.
    let got = out(
        &mut s,
        &cap,
        "count = lambda m: sum(p.numel() for p in m.parameters())\n\
         print(count(models.lenet()), models.lenet()(torch.zeros(2, 1, 28, 28)).shape)\n\
         net = models.lenet(num_classes=3, in_channels=3, image_size=8)\n\
         print(count(net), net(torch.zeros(4, 3, 8, 8)).shape, count(models.mlp([64, 32, 10])))",
    );
    assert_eq!(
        got,
        "61706 torch.Size([2, 10])\n19267 torch.Size([4, 3]) 2410\n"
    );
    for (code, want) in [
        ("models.mlp(3)", "at least two sizes"),
        ("models.mlp(3, 0)", "between 1 and"),
        (
            "models.mlp(3, 2, activation='swish')",
            "activation must be one of",
        ),
        ("models.lenet(image_size=2)", "at least 4×4"),
    ] {
        let (kind, msg) = err(&mut s, code);
        assert!(msg.contains(want), "{code}: {kind}: {msg}");
    }
}

#[test]
fn the_shipped_digits_classifier_is_trained_and_fine_tunes() {
    let (mut s, cap) = session();
    // Held out from its training (tools/train_digits_classifier.py): the seed-0 split's 360.
    let got = out(
        &mut s,
        &cap,
        "from nabla import datasets, models\ntorch.manual_seed(0)\nX, y = datasets.digits()\n\
         Xtr, Xte, ytr, yte = datasets.train_test_split(X, y, test_size=0.2)\n\
         net = models.digits_classifier()\n\
         with torch.no_grad():\n    acc = (net(Xte / 16).argmax(1) == yte).float().mean().item()\n\
         print(len(yte), acc >= 0.95, round(acc, 4))",
    );
    assert_eq!(got, "360 True 0.9694\n");
    // Untrained it is at chance; trained weights change with a fine-tuning step.
    let got = out(
        &mut s,
        &cap,
        "fresh = models.digits_classifier(pretrained=False)\n\
         with torch.no_grad():\n    print((fresh(Xte / 16).argmax(1) == yte).float().mean().item() < 0.5)\n\
         before = net[3].weight.clone()\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\n\
         loss = F.cross_entropy(net(Xtr[:32] / 16), ytr[:32])\nloss.backward()\nopt.step()\n\
         print(net[3].weight.grad.shape, bool((net[3].weight != before).any()))",
    );
    assert_eq!(got, "True\ntorch.Size([10, 32]) True\n");
}
