//! `plt.rcParams` (also `matplotlib.rcParams`, `plt.rc`, `plt.rcdefaults`): the matplotlib
//! settings nabla takes as defaults for new figures and artists. Keys it does not take are
//! errors that say so, never silently ignored.

use super::PlotState;
use crate::display::figure::Cmap;
use crate::eval::lang::builtins::{table, Args};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;

/// The settings, with matplotlib's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct RcSettings {
    pub figsize: (f64, f64),
    pub dpi: f64,
    pub grid: bool,
    pub cmap: (Cmap, String),
    pub linewidth: f64,
    pub markersize: f64,
}

impl Default for RcSettings {
    fn default() -> Self {
        RcSettings {
            figsize: (6.4, 4.8),
            dpi: 100.0,
            grid: false,
            cmap: (Cmap::Viridis, "viridis".into()),
            linewidth: 1.5,
            markersize: 6.0,
        }
    }
}

/// The keys nabla takes.
pub const RC_KEYS: [&str; 6] = [
    "figure.figsize",
    "figure.dpi",
    "axes.grid",
    "image.cmap",
    "lines.linewidth",
    "lines.markersize",
];

/// Every key of matplotlib 3.11's rcParams: one of these that nabla does not take is a
/// NotImplementedError that says so; any other key is matplotlib's KeyError.
const MATPLOTLIB_KEYS: &str = include_str!("rc_keys.txt");

/// The key `v` names, checked: `setting` picks matplotlib's KeyError text for an
/// assignment (`rcParams[k] = v`) over the one for a lookup.
fn key_of(v: &Value, setting: bool) -> R<&'static str> {
    let Value::Str(s) = v else {
        return Err(type_err(format!(
            "rcParams keys are strings like 'figure.figsize', not {}",
            v.type_name()
        )));
    };
    if let Some(k) = RC_KEYS.iter().find(|k| ***k == **s) {
        return Ok(k);
    }
    if MATPLOTLIB_KEYS.lines().any(|k| k == &**s) {
        return Err(err(
            "NotImplementedError",
            format!(
                "rcParams['{s}'] is not supported by nabla; it takes {}",
                RC_KEYS.map(|k| format!("'{k}'")).join(", ")
            ),
        ));
    }
    Err(err(
        "KeyError",
        if setting {
            format!("'{s}' is not a valid value for rcParam.")
        } else {
            format!("'{s}'")
        },
    ))
}

fn get(it: &mut Interp, key: &str) -> Value {
    let rc = &it.ext.get::<PlotState>().rc;
    match key {
        "figure.figsize" => {
            Value::list(vec![Value::Float(rc.figsize.0), Value::Float(rc.figsize.1)])
        }
        "figure.dpi" => Value::Float(rc.dpi),
        "axes.grid" => Value::Bool(rc.grid),
        "image.cmap" => Value::str(&rc.cmap.1),
        "lines.linewidth" => Value::Float(rc.linewidth),
        _ => Value::Float(rc.markersize),
    }
}

fn set(it: &mut Interp, key: &str, v: Value) -> R<()> {
    let positive = |v: &Value, what: &str| -> R<f64> {
        let x = super::number(v, what)?;
        if x.is_finite() && x >= 0.0 {
            Ok(x)
        } else {
            Err(crate::eval::lang::exc::value_err(format!(
                "{what} must be a non-negative number"
            )))
        }
    };
    match key {
        "figure.figsize" => {
            let mut one = Args::new("rcParams", Vec::new(), vec![("figsize".into(), v)]);
            if let Some(s) = super::figsize(&mut one, 0)? {
                it.ext.get::<PlotState>().rc.figsize = s;
            }
        }
        "figure.dpi" => {
            let mut one = Args::new("rcParams", Vec::new(), vec![("dpi".into(), v)]);
            if let Some(d) = super::dpi(&mut one, 0)? {
                it.ext.get::<PlotState>().rc.dpi = d;
            }
        }
        "axes.grid" => it.ext.get::<PlotState>().rc.grid = it.truthy(&v)?,
        "image.cmap" => {
            let map = super::cmap_arg(&v)?;
            let name = match &v {
                Value::Str(s) => s.to_string(),
                Value::Instance(i) => match i.attrs.borrow().get("name") {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                },
                _ => String::new(),
            };
            it.ext.get::<PlotState>().rc.cmap = (map, name);
        }
        "lines.linewidth" => {
            it.ext.get::<PlotState>().rc.linewidth = positive(&v, "lines.linewidth")?
        }
        _ => it.ext.get::<PlotState>().rc.markersize = positive(&v, "lines.markersize")?,
    }
    Ok(())
}

/// `update({...})` / `update(key=value)`: several keys, in order (as a dict's update, the
/// ones before a bad key are kept).
fn set_all(it: &mut Interp, pairs: Vec<(Value, Value)>) -> R<()> {
    for (k, v) in pairs {
        let k = key_of(&k, true)?;
        set(it, k, v)?;
    }
    Ok(())
}

table! { RC_METHODS:
    "__getitem__", "rcParams[key]", "A setting's value." => |it, a| {
        let k = key_of(&a.req(1, "key")?, false)?;
        Ok(get(it, k))
    };
    "__setitem__", "rcParams[key] = value", "Changes a setting for the figures and plots made after." => |it, a| {
        let k = key_of(&a.req(1, "key")?, true)?;
        set(it, k, a.req(2, "value")?)?;
        Ok(Value::None)
    };
    "__contains__", "key in rcParams", "Whether nabla takes this setting." => |_, a| {
        Ok(Value::Bool(matches!(a.req(1, "key")?, Value::Str(s) if RC_KEYS.contains(&&*s))))
    };
    "get", "rcParams.get(key, default=None)", "A setting's value." => |it, a| {
        let k = a.req(1, "key")?;
        let default = a.opt(2, "default").unwrap_or(Value::None);
        match &k {
            Value::Str(s) if RC_KEYS.contains(&&**s) => Ok(get(it, key_of(&k, false)?)),
            _ => Ok(default),
        }
    };
    "keys", "rcParams.keys()", "The settings nabla takes." => |_, a| {
        a.req(0, "self")?;
        Ok(Value::list(RC_KEYS.iter().map(|k| Value::str(k)).collect()))
    };
    "update", "rcParams.update(dict, **kwargs)", "Changes several settings." => |it, a| {
        a.req(0, "self")?;
        let mut pairs = Vec::new();
        if let Some(d) = a.opt(1, "other") {
            let Value::Dict(d) = d else { return Err(type_err("rcParams.update() takes a dict")) };
            pairs.extend(d.borrow().iter().map(|(k, v)| (k.0.clone(), v.clone())));
        }
        pairs.extend(std::mem::take(&mut a.kw).into_iter().map(|(k, v)| (Value::str(&k), v)));
        set_all(it, pairs)?;
        Ok(Value::None)
    };
    "__repr__", "repr(rcParams)", "The settings nabla takes, with their values." => |it, a| {
        a.req(0, "self")?;
        let body: Vec<String> = RC_KEYS
            .iter()
            .map(|k| {
                let v = get(it, k);
                Ok(format!("'{k}': {}", it.repr(&v)?))
            })
            .collect::<R<_>>()?;
        Ok(Value::str(&format!("RcParams({{{}}})", body.join(",\n          "))))
    };
}

table! { RC_FUNCTIONS:
    "rc", "rc(group, **kwargs)", "Changes settings of one group: rc('figure', figsize=(8, 4)) sets rcParams['figure.figsize']." => |it, a| {
        let group = match a.req(0, "group")? {
            Value::Str(s) => s.to_string(),
            v => return Err(type_err(format!("rc() group must be a string, not {}", v.type_name()))),
        };
        for (name, v) in std::mem::take(&mut a.kw) {
            let key = format!("{group}.{name}");
            if !MATPLOTLIB_KEYS.lines().any(|k| k == key) {
                return Err(err("KeyError", format!("Unrecognized key \"{key}\" for group \"{group}\" and name \"{name}\"")));
            }
            let k = key_of(&Value::str(&key), true)?;
            set(it, k, v)?;
        }
        Ok(Value::None)
    };
    "rcdefaults", "rcdefaults()", "Restores matplotlib's default settings." => |it, _| {
        it.ext.get::<PlotState>().rc = RcSettings::default();
        Ok(Value::None)
    };
}
