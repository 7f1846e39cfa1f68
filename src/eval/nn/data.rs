//! `torch.utils.data` in the language: Dataset (for users' classes), TensorDataset, Subset,
//! ConcatDataset, random_split and DataLoader. A DataLoader over a TensorDataset batches
//! with one `index_select` per tensor; any other dataset is indexed sample by sample and
//! collated as PyTorch's `default_collate` does. Shuffling draws from the session's
//! generator exactly as PyTorch's loader does, so seeded runs see the same batches.

use super::module::{attr, builtin_name, set_attr, subclass};
use crate::eval::lang::builtins::{table, to_int, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::generators::{with_gen, GenRef};
use crate::eval::torch::{gen, module, table_entries, tensor};
use crate::{DType, Tensor};
use std::cell::RefCell;
use std::rc::Rc;

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

fn tensors_of(ds: &Value) -> R<Vec<Tensor>> {
    match attr(ds, "tensors") {
        Some(Value::Tuple(t)) => t.iter().map(|v| tensor(v, "tensors")).collect(),
        _ => Ok(Vec::new()),
    }
}

fn new_instance(class: &Rc<Class>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: RefCell::new(Default::default()),
    }))
}

table! { DATASET_METHODS:
    "__init__", "Dataset()", "The base of map-style datasets: define __len__ and __getitem__." => |_, a| {
        a.rest(0);
        a.kw.clear();
        Ok(Value::None)
    };
    "__getitem__", "__getitem__(index)", "Subclasses return the sample at index." => |_, a| {
        let me = this(a)?;
        a.rest(1);
        Err(err("NotImplementedError", format!("Subclasses of Dataset should implement __getitem__ ({} does not)", me.type_name())))
    };
    "__add__", "__add__(other)", "The two datasets one after the other (a ConcatDataset)." => |it, a| {
        let me = this(a)?;
        let other = a.req(1, "other")?;
        let Some(Value::Class(c)) = it.modules.get("torch.utils.data").and_then(|m| match m { Value::Module(m) => m.attrs.borrow().get("ConcatDataset").cloned(), _ => None }) else {
            return Err(type_err("ConcatDataset is missing"));
        };
        let v = new_instance(&c);
        concat_init(it, &v, vec![me, other])?;
        Ok(v)
    };
}

table! { TENSOR_DATASET:
    "__init__", "TensorDataset(*tensors)", "Samples are the rows of the tensors (same first dimension): dataset[i] is (t1[i], t2[i], …)." => |_, a| {
        let me = this(a)?;
        let ts = a.rest(1);
        a.finish()?;
        let mut n = None;
        for t in &ts {
            let t = tensor(t, "TensorDataset(): each argument")?;
            let rows = t.shape().first().copied().unwrap_or(0);
            if n.is_some_and(|n| n != rows) || t.dim() == 0 {
                return Err(err("AssertionError", "Size mismatch between tensors"));
            }
            n = Some(rows);
        }
        set_attr(&me, "tensors", Value::tuple(ts));
        Ok(Value::None)
    };
    "__getitem__", "__getitem__(index)", "(t1[index], t2[index], …)." => |it, a| {
        let me = this(a)?;
        let i = a.req(1, "index")?;
        let mut out = Vec::new();
        if let Some(Value::Tuple(ts)) = attr(&me, "tensors") {
            for t in ts.iter() {
                out.push(it.getitem(t, &i)?);
            }
        }
        Ok(Value::tuple(out))
    };
    "__len__", "__len__()", "The number of rows." => |_, a| {
        let me = this(a)?;
        let ts = tensors_of(&me)?;
        Ok(Value::Int(ts.first().and_then(|t| t.shape().first().copied()).unwrap_or(0) as i64))
    };
}

table! { SUBSET:
    "__init__", "Subset(dataset, indices)", "The samples of dataset at indices, renumbered from 0." => |it, a| {
        let me = this(a)?;
        let ds = a.req(1, "dataset")?;
        let idx = a.req(2, "indices")?;
        a.finish()?;
        let idx = match &idx { Value::Tensor(t) => t.to_vec::<i64>()?.into_iter().map(Value::Int).collect(), v => it.collect(v)? };
        set_attr(&me, "dataset", ds);
        set_attr(&me, "indices", Value::list(idx));
        Ok(Value::None)
    };
    "__getitem__", "__getitem__(index)", "dataset[indices[index]]." => |it, a| {
        let me = this(a)?;
        let i = a.req(1, "index")?;
        let indices = attr(&me, "indices").unwrap_or(Value::list(vec![]));
        let ds = attr(&me, "dataset").unwrap_or(Value::None);
        if let Value::List(_) = &i {
            let mut out = Vec::new();
            for j in it.collect(&i)? {
                let k = it.getitem(&indices, &j)?;
                out.push(it.getitem(&ds, &k)?);
            }
            return Ok(Value::list(out));
        }
        let k = it.getitem(&indices, &i)?;
        it.getitem(&ds, &k)
    };
    "__len__", "__len__()", "len(indices)." => |it, a| {
        let me = this(a)?;
        let indices = attr(&me, "indices").unwrap_or(Value::list(vec![]));
        Ok(Value::Int(it.len(&indices)? as i64))
    };
}

fn concat_init(it: &mut Interp, me: &Value, datasets: Vec<Value>) -> R<()> {
    if datasets.is_empty() {
        return Err(err(
            "AssertionError",
            "datasets should not be an empty iterable",
        ));
    }
    let mut sizes = Vec::new();
    let mut total = 0i64;
    for d in &datasets {
        total += it.len(d)? as i64;
        sizes.push(Value::Int(total));
    }
    set_attr(me, "datasets", Value::list(datasets));
    set_attr(me, "cumulative_sizes", Value::list(sizes));
    Ok(())
}

table! { CONCAT:
    "__init__", "ConcatDataset(datasets)", "The datasets one after another." => |it, a| {
        let me = this(a)?;
        let ds = a.req(1, "datasets")?;
        a.finish()?;
        let ds = it.collect(&ds)?;
        concat_init(it, &me, ds)?;
        Ok(Value::None)
    };
    "__getitem__", "__getitem__(index)", "The sample at index across the datasets." => |it, a| {
        let me = this(a)?;
        let mut i = to_int(&a.req(1, "index")?, "index")?;
        let sizes: Vec<i64> = match attr(&me, "cumulative_sizes") { Some(Value::List(l)) => l.borrow().iter().filter_map(|v| match v { Value::Int(i) => Some(*i), _ => None }).collect(), _ => vec![] };
        let total = sizes.last().copied().unwrap_or(0);
        if i < 0 {
            if -i > total {
                return Err(value_err("absolute value of index should not exceed dataset length"));
            }
            i += total;
        }
        let d = sizes.iter().position(|&s| i < s).ok_or_else(|| err("IndexError", "list index out of range"))?;
        let local = if d == 0 { i } else { i - sizes[d - 1] };
        let ds = match attr(&me, "datasets") { Some(Value::List(l)) => l.borrow()[d].clone(), _ => Value::None };
        it.getitem(&ds, &Value::Int(local))
    };
    "__len__", "__len__()", "The total number of samples." => |_, a| {
        let me = this(a)?;
        Ok(match attr(&me, "cumulative_sizes") { Some(Value::List(l)) => l.borrow().last().cloned().unwrap_or(Value::Int(0)), _ => Value::Int(0) })
    };
}

/// PyTorch's `default_collate`: a batch of samples as one sample of batches.
fn collate(it: &mut Interp, batch: Vec<Value>) -> R<Value> {
    let Some(first) = batch.first().cloned() else {
        return Ok(Value::list(vec![]));
    };
    match &first {
        Value::Tensor(_) => {
            let ts = batch
                .iter()
                .map(|v| tensor(v, "default_collate"))
                .collect::<R<Vec<_>>>()?;
            Ok(Value::Tensor(Tensor::stack(&ts, 0)?))
        }
        Value::Float(_) => {
            let v: Vec<f64> = batch.iter().map(|v| v.as_number().unwrap_or(f64::NAN)).collect();
            Ok(Value::Tensor(Tensor::from_slice(&v, &[v.len()])?))
        }
        Value::Bool(_) => {
            let v: Vec<bool> = batch.iter().map(|v| matches!(v, Value::Bool(true))).collect();
            Ok(Value::Tensor(Tensor::from_slice(&v, &[v.len()])?))
        }
        Value::Int(_) => {
            let v: Vec<i64> = batch.iter().map(|v| to_int(v, "sample")).collect::<R<_>>()?;
            Ok(Value::Tensor(Tensor::from_slice(&v, &[v.len()])?))
        }
        Value::Str(_) => Ok(Value::list(batch)),
        Value::Dict(d) => {
            let keys: Vec<Key> = d.borrow().keys().cloned().collect();
            let mut out = Dict::new();
            for k in keys {
                let mut col = Vec::new();
                for s in &batch {
                    let Value::Dict(sd) = s else { return Err(type_err("default_collate: every sample must be a dict")) };
                    let v = sd.borrow().get(&k).cloned();
                    col.push(v.ok_or_else(|| err("KeyError", it.repr(&k.0).unwrap_or_default()))?);
                }
                out.insert(k, collate(it, col)?);
            }
            Ok(Value::dict(out))
        }
        Value::Tuple(_) | Value::List(_) => {
            let rows: Vec<Vec<Value>> = batch.iter().map(|s| it.collect(s)).collect::<R<_>>()?;
            let n = rows[0].len();
            if rows.iter().any(|r| r.len() != n) {
                return Err(err("RuntimeError", "each element in list of batch should be of equal size"));
            }
            let mut out = Vec::with_capacity(n);
            for j in 0..n {
                out.push(collate(it, rows.iter().map(|r| r[j].clone()).collect())?);
            }
            Ok(Value::list(out))
        }
        v => Err(type_err(format!(
            "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found <class '{}'>",
            v.type_name()
        ))),
    }
}

fn loader_len(it: &mut Interp, me: &Value) -> R<usize> {
    let ds = attr(me, "dataset").unwrap_or(Value::None);
    let n = match attr(me, "sampler") {
        Some(s) if !matches!(s, Value::None) => it.len(&s)?,
        _ => it.len(&ds)?,
    };
    Ok(match attr(me, "batch_size") {
        Some(Value::Int(b)) => {
            let drop = matches!(attr(me, "drop_last"), Some(Value::Bool(true)));
            crate::data::num_batches(n, b.max(0) as usize, drop)
        }
        _ => n,
    })
}

table! { DATALOADER:
    "__init__", "DataLoader(dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None, num_workers=0, collate_fn=None, pin_memory=False, drop_last=False)", "Iterates over a dataset in batches, shuffled each pass when shuffle=True." => |it, a| {
        let me = this(a)?;
        let ds = a.req(1, "dataset")?;
        let bs = match a.get(2, "batch_size") { Some(Value::None) => Value::None, Some(v) => Value::Int(to_int(&v, "batch_size")?), None => Value::Int(1) };
        let shuffle = match a.opt(3, "shuffle") { Some(v) => it.truthy(&v)?, None => false };
        let sampler = a.opt(4, "sampler").unwrap_or(Value::None);
        let batch_sampler = a.opt(5, "batch_sampler").unwrap_or(Value::None);
        let workers = a.opt(6, "num_workers").map(|v| to_int(&v, "num_workers")).transpose()?.unwrap_or(0);
        let collate_fn = a.opt(7, "collate_fn").unwrap_or(Value::None);
        a.opt(8, "pin_memory");
        let drop_last = match a.opt(9, "drop_last") { Some(v) => it.truthy(&v)?, None => false };
        for k in ["timeout", "worker_init_fn", "multiprocessing_context", "prefetch_factor", "persistent_workers", "pin_memory_device", "in_order"] {
            a.kw(k);
        }
        let generator = a.kw("generator").unwrap_or(Value::None);
        crate::eval::torch::generators::as_gen(Some(generator.clone()))?;
        a.finish()?;
        if matches!(bs, Value::Int(b) if b <= 0) {
            return Err(value_err(format!("batch_size should be a positive integer value, but got batch_size={}", it.repr(&bs)?)));
        }
        if workers < 0 {
            return Err(value_err("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing."));
        }
        if shuffle && !matches!(sampler, Value::None) {
            return Err(value_err("sampler option is mutually exclusive with shuffle"));
        }
        if !matches!(batch_sampler, Value::None) {
            return Err(err("NotImplementedError", "DataLoader(batch_sampler=...) is not available in this build yet"));
        }
        set_attr(&me, "dataset", ds);
        set_attr(&me, "batch_size", bs);
        set_attr(&me, "shuffle", Value::Bool(shuffle));
        set_attr(&me, "sampler", sampler);
        set_attr(&me, "num_workers", Value::Int(workers));
        set_attr(&me, "collate_fn", collate_fn);
        set_attr(&me, "drop_last", Value::Bool(drop_last));
        set_attr(&me, "generator", generator);
        Ok(Value::None)
    };
    "__len__", "__len__()", "The number of batches per pass." => |it, a| {
        let me = this(a)?;
        Ok(Value::Int(loader_len(it, &me)? as i64))
    };
    "__iter__", "__iter__()", "One pass over the data: the order is drawn now." => |it, a| {
        let me = this(a)?;
        let ds = attr(&me, "dataset").unwrap_or(Value::None);
        let shuffle = matches!(attr(&me, "shuffle"), Some(Value::Bool(true)));
        let g = crate::eval::torch::generators::as_gen(attr(&me, "generator"))?;
        let order: Vec<i64> = match attr(&me, "sampler") {
            Some(s) if !matches!(s, Value::None) => {
                with_gen(it, &g, |g| g.random_i64());
                it.collect(&s)?.iter().map(|v| to_int(v, "sampler index")).collect::<R<_>>()?
            }
            _ => {
                let n = it.len(&ds)?;
                match g {
                    GenRef::Default => crate::data::epoch_order(n, shuffle, gen(it))?,
                    g => with_gen(it, &g, |g| crate::data::epoch_order_own(n, shuffle, g))?,
                }
            }
        };
        let Some(Value::Class(c)) = attr(&me, "__iter_class__").or_else(|| it.loader_iter_class()) else {
            return Err(type_err("DataLoader iterator class is missing"));
        };
        let v = new_instance(&c);
        set_attr(&v, "loader", me);
        set_attr(&v, "order", Value::list(order.into_iter().map(Value::Int).collect()));
        set_attr(&v, "pos", Value::Int(0));
        Ok(v)
    };
}

table! { LOADER_ITER:
    "__iter__", "__iter__()", "The iterator itself." => |_, a| this(a);
    "__next__", "__next__()", "The next batch (StopIteration after the last)." => |it, a| {
        let me = this(a)?;
        let loader = attr(&me, "loader").unwrap_or(Value::None);
        let Some(Value::List(order)) = attr(&me, "order") else { return Err(err("StopIteration", "")) };
        let pos = match attr(&me, "pos") { Some(Value::Int(p)) => p.max(0) as usize, _ => 0 };
        let n = order.borrow().len();
        let bs = match attr(&loader, "batch_size") { Some(Value::Int(b)) => Some(b.max(1) as usize), _ => None };
        let take = bs.unwrap_or(1);
        let drop = matches!(attr(&loader, "drop_last"), Some(Value::Bool(true)));
        if pos >= n || (drop && bs.is_some() && pos + take > n) {
            return Err(err("StopIteration", ""));
        }
        let end = (pos + take).min(n);
        let idx: Vec<i64> = order.borrow()[pos..end].iter().map(|v| to_int(v, "index")).collect::<R<_>>()?;
        set_attr(&me, "pos", Value::Int(end as i64));
        let ds = attr(&loader, "dataset").unwrap_or(Value::None);
        let collate_fn = attr(&loader, "collate_fn").unwrap_or(Value::None);
        if bs.is_some() && matches!(collate_fn, Value::None) && builtin_name(&ds) == "TensorDataset" {
            let ts = tensors_of(&ds)?;
            let rows = crate::data::gather_rows(&ts, &idx)?;
            return Ok(Value::list(rows.into_iter().map(Value::Tensor).collect()));
        }
        let mut samples = Vec::with_capacity(idx.len());
        for i in &idx {
            samples.push(it.getitem(&ds, &Value::Int(*i))?);
        }
        if bs.is_none() {
            return Ok(samples.pop().unwrap_or(Value::None));
        }
        match collate_fn {
            Value::None => collate(it, samples),
            f => it.call(&f, vec![Value::list(samples)], vec![]),
        }
    };
}

table! { DATA_FUNCTIONS:
    "random_split", "random_split(dataset, lengths, generator=None)", "Splits a dataset into Subsets of the given lengths (or fractions), in a random order." => |it, a| {
        let ds = a.req(0, "dataset")?;
        let lengths = a.req(1, "lengths")?;
        let g = crate::eval::torch::generators::as_gen(a.opt(2, "generator"))?;
        a.finish()?;
        let n = it.len(&ds)?;
        let ls: Vec<f64> = it.collect(&lengths)?.iter().map(|v| crate::eval::lang::builtins::to_float(v, "length")).collect::<R<_>>()?;
        let ls = crate::data::split_lengths(n, &ls)?;
        let total = ls.iter().sum();
        let perm = with_gen(it, &g, |g| Tensor::randperm(total, g))?.to_vec::<i64>()?;
        let Some(Value::Class(c)) = it.data_class("Subset") else { return Err(type_err("Subset is missing")) };
        let mut out = Vec::new();
        let mut at = 0;
        for l in ls {
            let s = new_instance(&c);
            set_attr(&s, "dataset", ds.clone());
            set_attr(&s, "indices", Value::list(perm[at..at + l].iter().map(|&i| Value::Int(i)).collect()));
            at += l;
            out.push(s);
        }
        Ok(Value::list(out))
    };
    "default_collate", "default_collate(batch)", "Stacks a list of samples into batched tensors (tuples, lists and dicts kept)." => |it, a| {
        let b = a.req(0, "batch")?;
        a.finish()?;
        let items = it.collect(&b)?;
        collate(it, items)
    };
}

impl Interp {
    fn data_class(&self, name: &str) -> Option<Value> {
        match self.modules.get("torch.utils.data") {
            Some(Value::Module(m)) => m.attrs.borrow().get(name).cloned(),
            _ => None,
        }
    }

    fn loader_iter_class(&self) -> Option<Value> {
        self.data_class("_DataLoaderIter")
    }

    /// `torch.utils` and `torch.utils.data`.
    pub(crate) fn data_modules(&mut self) -> (Value, Value) {
        let dataset = class_with("Dataset", DATASET_METHODS);
        let mut entries: Vec<(&str, Value)> = vec![
            ("Dataset", Value::Class(dataset.clone())),
            (
                "TensorDataset",
                Value::Class(subclass("TensorDataset", TENSOR_DATASET, &dataset)),
            ),
            ("Subset", Value::Class(subclass("Subset", SUBSET, &dataset))),
            (
                "ConcatDataset",
                Value::Class(subclass("ConcatDataset", CONCAT, &dataset)),
            ),
            (
                "DataLoader",
                Value::Class(class_with("DataLoader", DATALOADER)),
            ),
            (
                "_DataLoaderIter",
                Value::Class(class_with("_DataLoaderIter", LOADER_ITER)),
            ),
        ];
        entries.extend(table_entries(DATA_FUNCTIONS));
        let data = module("torch.utils.data", &entries);
        let utils = module("torch.utils", &[("data", data.clone())]);
        let _ = DType::F32;
        (utils, data)
    }
}
