//! `nabla.models`: a small model zoo built from the `torch.nn` layers a learner already
//! knows (so `print(model)` shows every layer and `model.parameters()` trains as usual), and
//! one digits classifier whose weights nabla trained itself (tools/train_digits_classifier.py)
//! and ships in data/digits_classifier.safetensors.

use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::syntax::ast::Ident;
use std::rc::Rc;

static DIGITS_WEIGHTS: &[u8] = include_bytes!("../../../data/digits_classifier.safetensors");

/// The shipped classifier's layer sizes: 64 pixels, 32 hidden units, 10 digits.
const DIGITS_SIZES: [i64; 3] = [64, 32, 10];

/// Builds `torch.nn.<name>(*args, **kwargs)`.
fn layer(it: &mut Interp, name: &str, args: Vec<Value>, kwargs: Vec<(&str, Value)>) -> R<Value> {
    let nn = it.import_module("torch.nn")?;
    let class = it.getattr(&nn, name)?;
    let kwargs = kwargs
        .into_iter()
        .map(|(k, v)| (Ident::from(k), v))
        .collect();
    it.call(&class, args, kwargs)
}

fn sequential(it: &mut Interp, layers: Vec<Value>) -> R<Value> {
    layer(it, "Sequential", layers, vec![])
}

fn ints(v: &[i64]) -> Vec<Value> {
    v.iter().map(|&i| Value::Int(i)).collect()
}

/// The nn class of `activation=`.
fn activation(name: &str) -> R<&'static str> {
    Ok(match name {
        "relu" => "ReLU",
        "tanh" => "Tanh",
        "sigmoid" => "Sigmoid",
        "gelu" => "GELU",
        "silu" => "SiLU",
        "leaky_relu" => "LeakyReLU",
        _ => {
            return Err(value_err(format!(
                "activation must be one of 'relu', 'tanh', 'sigmoid', 'gelu', 'silu', 'leaky_relu', got '{name}'"
            )))
        }
    })
}

/// The layer sizes of `mlp(64, 32, 10)` or `mlp([64, 32, 10])`.
fn sizes(a: &mut Args) -> R<Vec<i64>> {
    let given = a.rest(0);
    let given = match given.as_slice() {
        [Value::List(l)] => l.borrow().clone(),
        [Value::Tuple(t)] => t.to_vec(),
        _ => given,
    };
    let sizes = given
        .iter()
        .map(|v| to_int(v, "sizes"))
        .collect::<R<Vec<i64>>>()?;
    if sizes.len() < 2 {
        return Err(type_err(
            "mlp() needs at least two sizes, the inputs and the outputs: mlp(64, 32, 10) is 64 inputs, one hidden layer of 32 and 10 outputs",
        ));
    }
    if let Some(s) = sizes.iter().find(|&&s| !(1..=1 << 24).contains(&s)) {
        return Err(value_err(format!(
            "mlp() sizes must be between 1 and 16777216, got {s}"
        )));
    }
    Ok(sizes)
}

fn mlp(it: &mut Interp, sizes: &[i64], act: &str, dropout: f64) -> R<Value> {
    let act = activation(act)?;
    let mut layers = vec![layer(it, "Flatten", vec![], vec![])?];
    for (i, w) in sizes.windows(2).enumerate() {
        layers.push(layer(it, "Linear", ints(w), vec![])?);
        if i + 2 < sizes.len() {
            layers.push(layer(it, act, vec![], vec![])?);
            if dropout > 0.0 {
                layers.push(layer(it, "Dropout", vec![Value::Float(dropout)], vec![])?);
            }
        }
    }
    sequential(it, layers)
}

/// LeNet-5 (LeCun et al. 1998) with ReLU and max pooling, as tutorials build it. Images of
/// 28 pixels and more get its 5×5 kernels; smaller ones (the 8×8 digits) get 3×3 kernels
/// padded to keep the size, so two poolings still leave a 2×2 map.
fn lenet(it: &mut Interp, classes: i64, channels: i64, size: i64) -> R<Value> {
    let (k, pad2) = if size >= 28 { (5, 0) } else { (3, 1) };
    let after1 = size / 2; // conv 1 keeps the size (padding k/2), then pool 2×2
    let after2 = (after1 + 2 * pad2 - k + 1) / 2;
    if size < 4 || after2 < 1 {
        return Err(value_err(format!(
            "lenet() needs images of at least 4×4 pixels, got image_size={size}"
        )));
    }
    let features = 16 * after2 * after2;
    let conv = |it: &mut Interp, cin: i64, cout: i64, pad: i64| {
        layer(
            it,
            "Conv2d",
            ints(&[cin, cout, k]),
            vec![("padding", Value::Int(pad))],
        )
    };
    let relu = |it: &mut Interp| layer(it, "ReLU", vec![], vec![]);
    let pool = |it: &mut Interp| layer(it, "MaxPool2d", ints(&[2]), vec![]);
    let layers = vec![
        conv(it, channels, 6, k / 2)?,
        relu(it)?,
        pool(it)?,
        conv(it, 6, 16, pad2)?,
        relu(it)?,
        pool(it)?,
        layer(it, "Flatten", vec![], vec![])?,
        layer(it, "Linear", ints(&[features, 120]), vec![])?,
        relu(it)?,
        layer(it, "Linear", ints(&[120, 84]), vec![])?,
        relu(it)?,
        layer(it, "Linear", ints(&[84, classes]), vec![])?,
    ];
    sequential(it, layers)
}

fn positive(a: &mut Args, i: usize, name: &str, default: i64) -> R<i64> {
    let n = match a.opt(i, name) {
        Some(v) => to_int(&v, name)?,
        None => default,
    };
    if !(1..=1 << 16).contains(&n) {
        return Err(value_err(format!(
            "{name} must be between 1 and 65536, got {n}"
        )));
    }
    Ok(n)
}

/// The shipped classifier's weights as a state dict.
fn digits_state() -> R<Value> {
    let items = crate::io::safetensors_file::from_bytes(
        DIGITS_WEIGHTS,
        std::path::Path::new("data/digits_classifier.safetensors"),
    )?;
    let mut d = Dict::new();
    for (k, t) in items {
        d.insert(Key(Value::str(&k)), Value::Tensor(t));
    }
    Ok(Value::dict(d))
}

table! { MODELS:
    "mlp", "mlp(*sizes, activation='relu', dropout=0.0)", "A multilayer perceptron as an nn.Sequential: Flatten, then Linear layers between the sizes given (mlp(64, 32, 10): 64 inputs, 32 hidden units, 10 outputs) with an activation ('relu', 'tanh', 'sigmoid', 'gelu', 'silu' or 'leaky_relu') and optional Dropout after each hidden layer; the last layer's outputs are logits." => |it, a| {
        let act = match a.kw("activation") {
            Some(v) => to_str(&v, "activation")?,
            None => Rc::from("relu"),
        };
        let dropout = match a.kw("dropout") {
            Some(v) => to_float(&v, "dropout")?,
            None => 0.0,
        };
        if !(0.0..1.0).contains(&dropout) {
            return Err(value_err(format!("dropout probability has to be between 0 and 1, but got {dropout}")));
        }
        let sizes = sizes(a)?;
        mlp(it, &sizes, &act, dropout)
    };
    "lenet", "lenet(num_classes=10, in_channels=1, image_size=28)", "LeNet-5 as an nn.Sequential: two Conv2d+ReLU+MaxPool2d stages (6 and 16 channels) and three Linear layers (120, 84, num_classes). Images of 28 pixels and more get 5×5 kernels; smaller ones, such as the 8×8 digits (image_size=8), get padded 3×3 kernels." => |it, a| {
        let classes = positive(a, 0, "num_classes", 10)?;
        let channels = positive(a, 1, "in_channels", 1)?;
        let size = positive(a, 2, "image_size", 28)?;
        lenet(it, classes, channels, size)
    };
    "digits_classifier", "digits_classifier(pretrained=True)", "The MLP mlp(64, 32, 10) for the 8×8 digits; with pretrained=True it holds the weights nabla trained on datasets.digits() (tools/train_digits_classifier.py) and ships. It expects images scaled to 0–1 (images / 16) and returns 10 logits per image." => |it, a| {
        let pretrained = match a.opt(0, "pretrained") {
            Some(v) => it.truthy(&v)?,
            None => true,
        };
        let model = mlp(it, &DIGITS_SIZES, "relu", 0.0)?;
        if pretrained {
            let state = digits_state()?;
            let load = it.getattr(&model, "load_state_dict")?;
            it.call(&load, vec![state], vec![])?;
        }
        Ok(model)
    };
}

impl Interp {
    /// `nabla.models`, a submodule of `nabla`.
    pub(crate) fn models_module(&mut self) -> Value {
        let m =
            crate::eval::torch::module("nabla.models", &crate::eval::torch::table_entries(MODELS));
        self.modules.insert("nabla.models".into(), m.clone());
        m
    }
}
