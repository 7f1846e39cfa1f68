//! `plt`: matplotlib.pyplot's names over `display::Figure`, so tutorial plotting code runs
//! unchanged. `plt` is there without an import; `import matplotlib.pyplot as plt` works too.
//! `plt.show()` hands each open figure to the session's sink (the terminal draws it, the
//! kernel sends an image); `savefig` writes PNG or SVG.

use super::builtins::{table, Args, Builtin};
use super::exc::{err, type_err, value_err, R};
use super::interp::Interp;
use super::value::*;
use crate::display::axis::{axis_ticks, format_tick, is_shared, scale_for, shared_scale};
use crate::display::contour::{auto_levels, ContourGrid};
use crate::display::figure::{
    Arrow, ArrowHead, Artist, Aspect, Axes, Cmap, Figure, HAlign, LegendLoc, LineStyle, Marker,
    Pixels, Rgb, Share, Steps, VAlign, CYCLE,
};
use crate::DType;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

struct Slot {
    fig: Figure,
    /// The current axes (`plt.subplot`, the last one drawn on).
    axes: usize,
    /// The language's objects for the figure and each axes, made once so that
    /// `plt.gca() is ax` holds as in matplotlib.
    handle: Option<Value>,
    axes_handles: Vec<Option<Value>>,
}

/// The open figures; the current one is what `plt.plot` draws on.
#[derive(Default)]
pub struct PlotState {
    figs: Vec<Option<Slot>>,
    current: Option<usize>,
    classes: IndexMap<&'static str, Rc<Class>>,
    /// `plt.live()` plots.
    pub(super) lives: Vec<super::live::Live>,
    /// `plt.rcParams`: defaults for new figures and artists.
    pub(super) rc: super::rc::RcSettings,
}

impl PlotState {
    /// Takes every open figure (oldest first), closing them: what `plt.show()` shows.
    pub fn take_open(&mut self) -> Vec<Figure> {
        self.current = None;
        self.figs.drain(..).flatten().map(|s| s.fig).collect()
    }

    /// Whether a figure is open (a notebook shows it when a cell ends).
    pub fn any_open(&self) -> bool {
        self.figs.iter().any(Option::is_some)
    }
}

/// Which axes a call draws on.
#[derive(Clone, Copy)]
struct Target {
    fig: usize,
    ax: usize,
}

impl Interp {
    pub(super) fn plot_class(&mut self, name: &'static str) -> Rc<Class> {
        let methods: &'static [Builtin] = match name {
            "Figure" => FIGURE_METHODS,
            "Axes" => AXES_METHODS,
            "AxesArray" => AXES_ARRAY_METHODS,
            "LivePlot" => super::live::LIVE_METHODS,
            "Text" | "Annotation" => TEXT_METHODS,
            "RcParams" => super::rc::RC_METHODS,
            _ => &[],
        };
        self.plots
            .classes
            .entry(name)
            .or_insert_with(|| super::modules::class_with(name, methods))
            .clone()
    }

    fn plot_object(&mut self, class: &'static str, attrs: Vec<(&str, Value)>) -> Value {
        let class = self.plot_class(class);
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs.into_iter().map(|(k, v)| (Rc::from(k), v)).collect()),
        }))
    }

    /// A figure as `rcParams` has them: `size` or the default figsize, the dpi, grids.
    fn fresh_figure(&self, size: Option<(f64, f64)>, rows: usize, cols: usize) -> Figure {
        let rc = &self.plots.rc;
        let mut fig = Figure::new(size.unwrap_or(rc.figsize), rows, cols);
        fig.dpi = rc.dpi;
        for ax in &mut fig.axes {
            ax.grid = rc.grid;
        }
        fig
    }

    /// A new figure, made current; its index.
    fn new_figure(&mut self, fig: Figure) -> usize {
        let i = self.plots.figs.len();
        self.plots.figs.push(Some(Slot {
            fig,
            axes: 0,
            handle: None,
            axes_handles: Vec::new(),
        }));
        self.plots.current = Some(i);
        i
    }

    /// The current figure, created when there is none.
    fn current_figure(&mut self) -> usize {
        match self.plots.current {
            Some(i) if matches!(self.plots.figs.get(i), Some(Some(_))) => i,
            _ => {
                let fig = self.fresh_figure(None, 1, 1);
                self.new_figure(fig)
            }
        }
    }

    fn current_target(&mut self) -> Target {
        let fig = self.current_figure();
        let ax = self.plots.figs[fig].as_ref().map_or(0, |s| s.axes);
        Target { fig, ax }
    }

    fn axes_mut(&mut self, t: Target) -> R<&mut Axes> {
        match self.plots.figs.get_mut(t.fig) {
            Some(Some(slot)) => {
                slot.axes = t.ax;
                slot.fig
                    .axes
                    .get_mut(t.ax)
                    .ok_or_else(|| value_err("these axes no longer exist"))
            }
            _ => Err(err(
                "RuntimeError",
                "this figure was closed (plt.show() or plt.close() closes figures); start a new one with plt.figure()",
            )),
        }
    }

    fn figure_mut(&mut self, fig: usize) -> R<&mut Figure> {
        match self.plots.figs.get_mut(fig) {
            Some(Some(slot)) => Ok(&mut slot.fig),
            _ => Err(err(
                "RuntimeError",
                "this figure was closed (plt.show() or plt.close() closes figures)",
            )),
        }
    }

    fn figure_value(&mut self, fig: usize) -> Value {
        if let Some(Some(Slot {
            handle: Some(v), ..
        })) = self.plots.figs.get(fig)
        {
            return v.clone();
        }
        let v = self.plot_object("Figure", vec![("number", Value::Int(fig as i64 + 1))]);
        if let Some(Some(slot)) = self.plots.figs.get_mut(fig) {
            slot.handle = Some(v.clone());
        }
        v
    }

    fn axes_value(&mut self, t: Target) -> Value {
        if let Some(Some(slot)) = self.plots.figs.get(t.fig) {
            if let Some(Some(v)) = slot.axes_handles.get(t.ax) {
                return v.clone();
            }
        }
        let v = self.plot_object(
            "Axes",
            vec![
                ("_fig", Value::Int(t.fig as i64)),
                ("_ax", Value::Int(t.ax as i64)),
            ],
        );
        if let Some(Some(slot)) = self.plots.figs.get_mut(t.fig) {
            if slot.axes_handles.len() <= t.ax {
                slot.axes_handles.resize(t.ax + 1, None);
            }
            slot.axes_handles[t.ax] = Some(v.clone());
        }
        v
    }

    /// Shows every open figure through the sink and closes them.
    /// The figure a `Figure` object stands for, taken out of the open figures (it is shown
    /// as a value, so `plt.show()` or a notebook's cell end does not show it again).
    pub fn take_figure_of(&mut self, v: &Value) -> Option<Figure> {
        let Value::Instance(inst) = v else {
            return None;
        };
        if &*inst.class.name != "Figure" {
            return None;
        }
        let n = figure_of(v).ok()?;
        let slot = self.plots.figs.get_mut(n)?.take()?;
        if self.plots.current == Some(n) {
            self.plots.current = None;
        }
        Some(slot.fig)
    }

    pub fn show_figures(&mut self) {
        for fig in self.plots.take_open() {
            self.sink.figure(&fig);
        }
    }
}

/// The figure index held by a Figure object.
fn figure_of(v: &Value) -> R<usize> {
    if let Value::Instance(i) = v {
        if let Some(Value::Int(n)) = i.attrs.borrow().get("number") {
            return Ok((*n - 1).max(0) as usize);
        }
    }
    Err(type_err(format!(
        "expected a Figure, got {}",
        v.type_name()
    )))
}

/// The axes an Axes object (or an image drawn on one) stands for.
fn target_of(v: &Value) -> R<Target> {
    if let Value::Instance(i) = v {
        let a = i.attrs.borrow();
        if let (Some(Value::Int(f)), Some(Value::Int(x))) = (a.get("_fig"), a.get("_ax")) {
            return Ok(Target {
                fig: *f as usize,
                ax: *x as usize,
            });
        }
    }
    Err(type_err(format!("expected Axes, got {}", v.type_name())))
}

/// Numbers from a tensor, list, tuple, range or number: (shape, values).
fn floats(it: &mut Interp, v: &Value, what: &str) -> R<(Vec<usize>, Vec<f64>)> {
    let t = match v {
        Value::Tensor(t) => {
            if t.requires_grad() {
                return Err(err(
                    "RuntimeError",
                    format!("Can't plot {what}: it is a Tensor that requires grad. Use tensor.detach() first (as PyTorch's tensor.detach().numpy())."),
                ));
            }
            t.clone()
        }
        Value::Range(_) | Value::Iter(_) => {
            let items = it.collect(v)?;
            return floats(it, &Value::list(items), what);
        }
        other => {
            let n = super::torch::nested(other).map_err(|_| {
                type_err(format!(
                    "{what} must be numbers (a tensor, list or range), not {}",
                    other.type_name()
                ))
            })?;
            crate::Tensor::new(&n, Some(DType::F64)).map_err(|e| value_err(e.to_string()))?
        }
    };
    let shape = t.shape().to_vec();
    let t = t
        .to_dtype(DType::F64)
        .map_err(|e| value_err(e.to_string()))?;
    let data = t.to_vec::<f64>().map_err(|e| value_err(e.to_string()))?;
    Ok((shape, data))
}

fn vector(it: &mut Interp, v: &Value, what: &str) -> R<Vec<f64>> {
    let (shape, data) = floats(it, v, what)?;
    if shape.len() > 1 && shape.iter().filter(|&&d| d > 1).count() > 1 {
        return Err(value_err(format!(
            "{what} must be 1-D, got shape {shape:?}"
        )));
    }
    Ok(data)
}

/// Whether a list or tuple holds a string (category names rather than numbers).
fn has_strings(v: &Value) -> bool {
    match v {
        Value::List(l) => l.borrow().iter().any(|x| matches!(x, Value::Str(_))),
        Value::Tuple(t) => t.iter().any(|x| matches!(x, Value::Str(_))),
        _ => false,
    }
}

/// Data along x (or y) of `t`'s axes: numbers, or strings placed as categories at 0, 1, 2, …
/// by first appearance, as matplotlib's category axis.
fn coords(it: &mut Interp, v: &Value, t: Target, y: bool, what: &str) -> R<Vec<f64>> {
    let items: Option<Vec<Value>> = match v {
        Value::List(l) => Some(l.borrow().clone()),
        Value::Tuple(t) => Some(t.to_vec()),
        _ => None,
    };
    let Some(items) = items else {
        return vector(it, v, what);
    };
    let strings = items.iter().filter(|x| matches!(x, Value::Str(_))).count();
    if strings == 0 {
        return vector(it, v, what);
    }
    if strings < items.len() {
        return Err(type_err(format!(
            "{what} mixes strings and numbers: give all category names or all numbers"
        )));
    }
    let ax = it.axes_mut(t)?;
    let cats = if y { &mut ax.ycats } else { &mut ax.xcats };
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        let Value::Str(s) = x else { continue };
        let i = match cats.iter().position(|c| **c == **s) {
            Some(i) => i,
            None => {
                cats.push(s.to_string());
                cats.len() - 1
            }
        };
        out.push(i as f64);
    }
    Ok(out)
}

fn string(v: &Value, what: &str) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Int(i) => Ok(i.to_string()),
        Value::Float(f) => Ok(f.to_string()),
        other => Err(type_err(format!(
            "{what} must be a string, not {}",
            other.type_name()
        ))),
    }
}

pub(super) fn number(v: &Value, what: &str) -> R<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Tensor(t) if t.numel() == 1 => t
            .to_dtype(DType::F64)
            .and_then(|t| t.to_vec::<f64>())
            .map(|v| v[0])
            .map_err(|e| value_err(e.to_string())),
        other => Err(type_err(format!(
            "{what} must be a number, not {}",
            other.type_name()
        ))),
    }
}

/// A colour by name (`'red'`, `'tab:blue'`, `'C1'`, `'#ff8800'`, `'k'`).
pub fn color(name: &str) -> Option<Rgb> {
    let n = name.trim().to_ascii_lowercase();
    if let Some(hex) = n.strip_prefix('#') {
        let h = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return match hex.len() {
            6 | 8 => Some(Rgb(h(0)?, h(2)?, h(4)?)),
            3 => {
                let d = |i: usize| {
                    u8::from_str_radix(hex.get(i..i + 1)?, 16)
                        .ok()
                        .map(|v| v * 17)
                };
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        };
    }
    if let Some(i) = n.strip_prefix('c').and_then(|d| d.parse::<usize>().ok()) {
        return Some(crate::display::figure::CYCLE[i % 10]);
    }
    let tab = [
        "blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan",
    ];
    if let Some(t) = n.strip_prefix("tab:") {
        let t = if t == "grey" { "gray" } else { t };
        return tab
            .iter()
            .position(|x| *x == t)
            .map(|i| crate::display::figure::CYCLE[i]);
    }
    Some(match n.as_str() {
        "b" | "blue" => Rgb(0, 0, 255),
        "g" => Rgb(0, 128, 0),
        "green" => Rgb(0, 128, 0),
        "r" | "red" => Rgb(255, 0, 0),
        "c" => Rgb(0, 191, 191),
        "cyan" | "aqua" => Rgb(0, 255, 255),
        "m" => Rgb(191, 0, 191),
        "magenta" | "fuchsia" => Rgb(255, 0, 255),
        "y" => Rgb(191, 191, 0),
        "yellow" => Rgb(255, 255, 0),
        "k" | "black" => Rgb(0, 0, 0),
        "w" | "white" => Rgb(255, 255, 255),
        "orange" => Rgb(255, 165, 0),
        "purple" => Rgb(128, 0, 128),
        "brown" => Rgb(165, 42, 42),
        "pink" => Rgb(255, 192, 203),
        "gray" | "grey" => Rgb(128, 128, 128),
        "lightgray" | "lightgrey" => Rgb(211, 211, 211),
        "darkgray" | "darkgrey" => Rgb(169, 169, 169),
        "navy" => Rgb(0, 0, 128),
        "teal" => Rgb(0, 128, 128),
        "olive" => Rgb(128, 128, 0),
        "lime" => Rgb(0, 255, 0),
        "maroon" => Rgb(128, 0, 0),
        "gold" => Rgb(255, 215, 0),
        "crimson" => Rgb(220, 20, 60),
        "steelblue" => Rgb(70, 130, 180),
        "skyblue" => Rgb(135, 206, 235),
        "salmon" => Rgb(250, 128, 114),
        "violet" => Rgb(238, 130, 238),
        "indigo" => Rgb(75, 0, 130),
        "darkblue" => Rgb(0, 0, 139),
        "darkgreen" => Rgb(0, 100, 0),
        "darkred" => Rgb(139, 0, 0),
        "darkorange" => Rgb(255, 140, 0),
        _ => return None,
    })
}

fn color_arg(v: &Value) -> R<Rgb> {
    match v {
        Value::Str(s) => color(s).ok_or_else(|| {
            value_err(format!(
                "'{s}' is not a valid color value (use a name like 'red' or 'tab:blue', 'C0'..'C9', or '#rrggbb')"
            ))
        }),
        Value::Tuple(_) | Value::List(_) => {
            let parts: Vec<f64> = match v {
                Value::Tuple(t) => t.iter().map(|x| number(x, "color")).collect::<R<_>>()?,
                Value::List(l) => l
                    .borrow()
                    .iter()
                    .map(|x| number(x, "color"))
                    .collect::<R<_>>()?,
                _ => Vec::new(),
            };
            if parts.len() < 3 || parts.iter().any(|p| !(0.0..=1.0).contains(p)) {
                return Err(value_err("an RGB color is 3 numbers from 0 to 1"));
            }
            let c = |x: f64| (x * 255.0).round() as u8;
            Ok(Rgb(c(parts[0]), c(parts[1]), c(parts[2])))
        }
        other => Err(type_err(format!(
            "color must be a string or an RGB tuple, not {}",
            other.type_name()
        ))),
    }
}

/// `cmap=`: a name, or a colour map object from `plt.cm` (`plt.cm.RdYlBu`).
pub(super) fn cmap_arg(v: &Value) -> R<Cmap> {
    match v {
        Value::Str(s) => cmap(s),
        Value::Instance(i) if &*i.class.name == "Colormap" => match i.attrs.borrow().get("name") {
            Some(Value::Str(s)) => cmap(s),
            _ => Err(type_err("this Colormap has no name")),
        },
        other => Err(type_err(format!(
            "cmap must be a name or a Colormap, not {}",
            other.type_name()
        ))),
    }
}

/// The colour maps `plt.cm` holds.
const CMAP_NAMES: [&str; 20] = [
    "viridis", "gray", "gray_r", "binary", "Greys", "Greys_r", "magma", "inferno", "plasma", "hot",
    "coolwarm", "RdYlBu", "RdYlBu_r", "RdBu", "RdBu_r", "Spectral", "bwr", "seismic", "grey",
    "grey_r",
];

/// A colour map by matplotlib's name.
pub fn cmap(name: &str) -> R<Cmap> {
    Ok(match name {
        "viridis" => Cmap::Viridis,
        "gray" | "grey" | "Greys_r" => Cmap::Gray,
        "gray_r" | "grey_r" | "binary" | "Greys" => Cmap::GrayR,
        "magma" => Cmap::Magma,
        "inferno" => Cmap::Inferno,
        "plasma" => Cmap::Plasma,
        "hot" => Cmap::Hot,
        "coolwarm" => Cmap::Coolwarm,
        "RdYlBu" => Cmap::RdYlBu,
        "RdYlBu_r" => Cmap::RdYlBuR,
        "RdBu" => Cmap::RdBu,
        "RdBu_r" => Cmap::RdBuR,
        "Spectral" => Cmap::Spectral,
        "bwr" => Cmap::Bwr,
        "seismic" => Cmap::Seismic,
        other => {
            return Err(value_err(format!(
                "'{other}' is not a known colormap here; use one of viridis, gray, gray_r, binary, magma, inferno, plasma, hot, coolwarm, RdYlBu, RdYlBu_r, RdBu, RdBu_r, Spectral, bwr, seismic"
            )))
        }
    })
}

fn marker(c: char) -> Option<Marker> {
    Some(match c {
        '.' | ',' => Marker::Point,
        'o' => Marker::Circle,
        's' => Marker::Square,
        '^' | 'v' | '<' | '>' => Marker::Triangle,
        '+' => Marker::Plus,
        'x' | 'X' => Marker::Cross,
        '*' => Marker::Star,
        'D' | 'd' => Marker::Diamond,
        _ => return None,
    })
}

fn line_style(s: &str) -> R<LineStyle> {
    Ok(match s {
        "-" | "solid" => LineStyle::Solid,
        "--" | "dashed" => LineStyle::Dashed,
        ":" | "dotted" => LineStyle::Dotted,
        "-." | "dashdot" => LineStyle::DashDot,
        "" | " " | "none" | "None" => LineStyle::None,
        other => {
            return Err(value_err(format!(
                "'{other}' is not a valid linestyle; use '-', '--', ':', '-.' or 'none'"
            )))
        }
    })
}

/// A format string like `'ro--'`: (colour, marker, line style).
fn parse_fmt(fmt: &str) -> R<(Option<Rgb>, Option<Marker>, Option<LineStyle>)> {
    let mut rest = fmt;
    let mut style = None;
    for s in ["--", "-.", "-", ":"] {
        if let Some(i) = rest.find(s) {
            style = Some(line_style(s)?);
            let mut r = rest.to_string();
            r.replace_range(i..i + s.len(), "");
            return parse_fmt_rest(&r, style);
        }
    }
    rest = rest.trim();
    parse_fmt_rest(rest, style)
}

fn parse_fmt_rest(
    rest: &str,
    style: Option<LineStyle>,
) -> R<(Option<Rgb>, Option<Marker>, Option<LineStyle>)> {
    let mut col = None;
    let mut mark = None;
    for c in rest.chars() {
        if let Some(m) = marker(c) {
            mark = Some(m);
        } else if "bgrcmykw".contains(c) {
            col = color(&c.to_string());
        } else {
            return Err(value_err(format!(
                "'{rest}' is not a valid format string (colours bgrcmykw, markers .o s^+x*D, lines - -- : -.)"
            )));
        }
    }
    Ok((col, mark, style))
}

fn opt_string(a: &mut Args, name: &str) -> R<Option<String>> {
    match a.kw(name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => string(&v, name).map(Some),
    }
}

/// `step(x, y, [fmt], where='pre')`: `plot` with `drawstyle='steps-' + where`.
fn step(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    if a.len() < 2 {
        return Err(type_err("step() needs x and y: step(x, y, where='pre')"));
    }
    let style = match a.kw("where") {
        None | Some(Value::None) => "steps-pre".to_string(),
        Some(v) => match &*string(&v, "where")? {
            w @ ("pre" | "post" | "mid") => format!("steps-{w}"),
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for where. Supported values are 'pre', 'post', 'mid'"
                )))
            }
        },
    };
    if a.kw
        .iter()
        .any(|(k, _)| &**k == "drawstyle" || &**k == "ds")
    {
        return Err(type_err("step() takes where=, not drawstyle="));
    }
    a.kw.push(("drawstyle".into(), Value::str(&style)));
    plot(it, a, t)
}

/// `plot(*args, label=, color=, linestyle=, marker=, linewidth=)` on a target.
fn plot(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let args = a.rest(0);
    let label = opt_string(a, "label")?;
    let kw_color = match a.kw("color").or_else(|| a.kw("c")) {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let kw_style = match a.kw("linestyle").or_else(|| a.kw("ls")) {
        Some(v) => Some(line_style(&string(&v, "linestyle")?)?),
        None => None,
    };
    let steps = match a.kw("drawstyle").or_else(|| a.kw("ds")) {
        None | Some(Value::None) => Steps::None,
        Some(v) => match &*string(&v, "drawstyle")? {
            "default" => Steps::None,
            "steps" | "steps-pre" => Steps::Pre,
            "steps-post" => Steps::Post,
            "steps-mid" => Steps::Mid,
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for drawstyle. Supported values are 'default', 'steps-mid', 'steps-pre', 'steps-post', 'steps'"
                )))
            }
        },
    };
    let kw_marker = match a.kw("marker") {
        Some(Value::None) | None => None,
        Some(v) => {
            let s = string(&v, "marker")?;
            let mut chars = s.chars();
            match (chars.next().and_then(marker), chars.next()) {
                (Some(m), None) => Some(m),
                _ => {
                    return Err(value_err(format!(
                        "'{s}' is not a marker I can draw; use one of . o s ^ + x * D"
                    )))
                }
            }
        }
    };
    let width = match a.kw("linewidth").or_else(|| a.kw("lw")) {
        Some(v) => number(&v, "linewidth")?,
        None => it.plots.rc.linewidth,
    };
    let alpha = alpha_arg(a)?;
    let marker_size = match a.kw("markersize").or_else(|| a.kw("ms")) {
        Some(v) => number(&v, "markersize")?.max(0.0),
        None => it.plots.rc.markersize,
    };
    // Drawing order is the call order.
    a.kw("zorder");
    if args.is_empty() {
        return Ok(Value::list(Vec::new()));
    }
    // Groups of [x], y, [fmt].
    let mut groups = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let (x, y) = match (args.get(i), args.get(i + 1)) {
            (Some(x), Some(y)) if !matches!(y, Value::Str(_)) => {
                i += 2;
                (Some(x.clone()), y.clone())
            }
            (Some(y), _) => {
                i += 1;
                (None, y.clone())
            }
            _ => break,
        };
        if matches!(y, Value::Str(_)) {
            return Err(type_err(
                "plot() got a format string where data was expected",
            ));
        }
        let fmt = match args.get(i) {
            Some(Value::Str(s)) => {
                i += 1;
                Some(parse_fmt(s)?)
            }
            _ => None,
        };
        groups.push((x, y, fmt));
    }
    let mut lines = Vec::new();
    for (x, y, fmt) in groups {
        let (shape, ydata) = if has_strings(&y) {
            let v = coords(it, &y, t, true, "y")?;
            (vec![v.len()], v)
        } else {
            floats(it, &y, "y")?
        };
        // A 2-D y draws one line per column, as matplotlib.
        let columns: Vec<Vec<f64>> = if shape.len() == 2 {
            let (n, m) = (shape[0], shape[1]);
            (0..m)
                .map(|j| (0..n).map(|r| ydata[r * m + j]).collect())
                .collect()
        } else if shape.len() > 2 {
            return Err(value_err(format!(
                "y can be at most 2-D to plot, got shape {shape:?}"
            )));
        } else {
            vec![ydata]
        };
        let xdata = match &x {
            Some(x) => Some(coords(it, x, t, false, "x")?),
            None => None,
        };
        for col in columns {
            let xs = match &xdata {
                Some(xs) => {
                    if xs.len() != col.len() {
                        return Err(value_err(format!(
                            "x and y must have same first dimension, but have shapes ({},) and ({},)",
                            xs.len(),
                            col.len()
                        )));
                    }
                    xs.clone()
                }
                None => (0..col.len()).map(|i| i as f64).collect(),
            };
            let (fc, fm, fs) = fmt.unwrap_or((None, None, None));
            let ax = it.axes_mut(t)?;
            let c = match kw_color.or(fc) {
                Some(c) => c,
                None => ax.cycle_color(),
            };
            let mk = kw_marker.or(fm);
            let style = kw_style.or(fs).unwrap_or(if fm.is_some() && fs.is_none() {
                LineStyle::None
            } else {
                LineStyle::Solid
            });
            ax.artists.push(Artist::Line {
                x: xs,
                y: col,
                label: label.clone(),
                color: c,
                style,
                marker: mk,
                width,
                alpha,
                marker_size,
                steps,
            });
            lines.push(it.plot_object("Line2D", vec![]));
        }
    }
    Ok(Value::list(lines))
}

fn scatter(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let y = coords(it, &a.req(1, "y")?, t, true, "y")?;
    if x.len() != y.len() {
        return Err(value_err("x and y must be the same size"));
    }
    // s=: one area in points² for all, or one per point.
    let (size, sizes) = match a.opt(2, "s") {
        Some(v @ (Value::Int(_) | Value::Float(_))) => (number(&v, "s")?, Vec::new()),
        Some(v) => {
            let s = vector(it, &v, "s")?;
            match s.len() {
                1 => (s[0], Vec::new()),
                n if n == x.len() => (s.iter().sum::<f64>() / n.max(1) as f64, s),
                n => {
                    return Err(value_err(format!(
                        "s (size {n}) cannot be broadcast to match x and y (size {})",
                        x.len()
                    )))
                }
            }
        }
        None => (36.0, Vec::new()),
    };
    let label = opt_string(a, "label")?;
    let alpha = alpha_arg(a)?;
    let mark = match a.kw("marker") {
        None | Some(Value::None) => Marker::Circle,
        Some(v) => {
            let s = string(&v, "marker")?;
            let mut chars = s.chars();
            match (chars.next().and_then(marker), chars.next()) {
                (Some(m), None) => m,
                _ => {
                    return Err(value_err(format!(
                        "'{s}' is not a marker I can draw; use one of . o s ^ + x * D"
                    )))
                }
            }
        }
    };
    // edgecolors=: 'face' (the default) and 'none' draw no separate outline.
    let edge = match a
        .kw("edgecolors")
        .or_else(|| a.kw("edgecolor"))
        .or_else(|| a.kw("ec"))
    {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) if matches!(&*s, "face" | "none") => None,
        Some(v) => Some(color_arg(&v)?),
    };
    let edge_width = match a
        .kw("linewidths")
        .or_else(|| a.kw("linewidth"))
        .or_else(|| a.kw("lw"))
    {
        None | Some(Value::None) => 1.0,
        Some(v) => number(&v, "linewidths")?,
    };
    if edge.is_some() && !mark.is_filled() {
        it.warn_once("You passed an edgecolor/edgecolors for an unfilled marker ('+' or 'x'). nabla, as Matplotlib, ignores the edgecolor in favor of the facecolor.");
    }
    a.kw("zorder");
    let map = match a.kw("cmap") {
        Some(v @ (Value::Str(_) | Value::Instance(_))) => cmap_arg(&v)?,
        Some(Value::None) | None => it.plots.rc.cmap.0,
        Some(v) => {
            return Err(type_err(format!(
                "cmap must be a name, not {}",
                v.type_name()
            )))
        }
    };
    let (mut col, mut values) = (None, None);
    match a.opt(3, "c").or_else(|| a.kw("color")) {
        Some(Value::Str(s)) => col = Some(color_arg(&Value::Str(s))?),
        Some(v @ Value::Tuple(_)) if matches!(&v, Value::Tuple(t) if t.len() == 3 && t.iter().all(|x| matches!(x, Value::Float(_)))) => {
            col = Some(color_arg(&v)?)
        }
        Some(v) => {
            let vals = vector(it, &v, "c")?;
            if vals.len() != x.len() {
                return Err(value_err(format!(
                    "'c' argument has {} elements, which is inconsistent with 'x' and 'y' with size {}",
                    vals.len(),
                    x.len()
                )));
            }
            values = Some((vals, map));
        }
        None => {}
    }
    let ax = it.axes_mut(t)?;
    let color = match col {
        Some(c) => c,
        None => ax.patch_color(),
    };
    ax.artists.push(Artist::Scatter {
        x,
        y,
        label,
        color,
        values,
        size,
        sizes,
        edge: edge.filter(|_| mark.is_filled()),
        edge_width,
        alpha,
        marker: mark,
    });
    artist_object(it, "PathCollection", t)
}

fn bar(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let hv = a.req(1, "height")?;
    let mut height = vector(it, &hv, "height")?;
    if height.len() == 1 && x.len() > 1 {
        height = vec![height[0]; x.len()];
    }
    if height.len() != x.len() {
        return Err(value_err(format!(
            "shape mismatch: x has {} values but height has {}",
            x.len(),
            height.len()
        )));
    }
    let width = match a.opt(2, "width") {
        Some(v) => number(&v, "width")?,
        None => 0.8,
    };
    let label = opt_string(a, "label")?;
    let col = match a.kw("color") {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let (alpha, edge) = patch_options(a)?;
    let x = match a.kw("align") {
        None => x,
        Some(v) => match &*string(&v, "align")? {
            "center" => x,
            "edge" => x.iter().map(|v| v + width / 2.0).collect(),
            other => {
                return Err(value_err(format!(
                "'{other}' is not a valid value for align; supported values are 'center', 'edge'"
            )))
            }
        },
    };
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    ax.artists.push(Artist::Bars {
        x,
        height,
        width,
        label,
        color,
        alpha,
        edge,
        horizontal: false,
    });
    Ok(it.plot_object("BarContainer", vec![]))
}

/// `barh(y, width, height=0.8, *, align='center', label=None, color=None, alpha=None,
/// edgecolor=None)`: horizontal bars of length `width` centred at `y`.
fn barh(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let y = coords(it, &a.req(0, "y")?, t, true, "y")?;
    let mut length = vector(it, &a.req(1, "width")?, "width")?;
    if length.len() == 1 && y.len() > 1 {
        length = vec![length[0]; y.len()];
    }
    if length.len() != y.len() {
        return Err(value_err(format!(
            "shape mismatch: y has {} values but width has {}",
            y.len(),
            length.len()
        )));
    }
    let thickness = match a.opt(2, "height") {
        Some(v) => number(&v, "height")?,
        None => 0.8,
    };
    if let Some(v) = a.opt(3, "left") {
        if number(&v, "left")? != 0.0 {
            return Err(value_err("barh(left=) is not supported: bars start at 0"));
        }
    }
    let label = opt_string(a, "label")?;
    let col = match a.kw("color") {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let (alpha, edge) = patch_options(a)?;
    let y = match a.kw("align") {
        None => y,
        Some(v) => match &*string(&v, "align")? {
            "center" => y,
            "edge" => y.iter().map(|v| v + thickness / 2.0).collect(),
            other => {
                return Err(value_err(format!(
                "'{other}' is not a valid value for align; supported values are 'center', 'edge'"
            )))
            }
        },
    };
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    ax.artists.push(Artist::Bars {
        x: y,
        height: length,
        width: thickness,
        label,
        color,
        alpha,
        edge,
        horizontal: true,
    });
    Ok(it.plot_object("BarContainer", vec![]))
}

/// `alpha=` and `edgecolor=`/`ec=` of bars (`linewidth=` of the outline is accepted).
fn patch_options(a: &mut Args) -> R<(f64, Option<Rgb>)> {
    let alpha = alpha_arg(a)?;
    let edge = match a.kw("edgecolor").or_else(|| a.kw("ec")) {
        Some(Value::Str(s)) if &*s == "none" => None,
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    for k in ["linewidth", "lw", "zorder"] {
        a.kw(k);
    }
    Ok((alpha, edge))
}

fn hist(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let (_, data) = floats(it, &a.req(0, "x")?, "x")?;
    // A number of equal bins, or the bin edges themselves.
    let mut given_edges = None;
    let bins = match a.opt(1, "bins") {
        Some(Value::Int(b)) if b > 0 => b as usize,
        Some(Value::Int(_)) => return Err(value_err("`bins` must be positive")),
        Some(Value::Str(s)) => {
            return Err(value_err(format!(
                "bins='{s}' is not supported: give a number of bins or the bin edges"
            )))
        }
        Some(v) => {
            let e = vector(it, &v, "bins")?;
            let increasing = e.windows(2).all(|w| w[0] < w[1]);
            if e.len() < 2 || !increasing {
                return Err(value_err(
                    "`bins` must increase monotonically, when an array",
                ));
            }
            let n = e.len() - 1;
            given_edges = Some(e);
            n
        }
        None => 10,
    };
    let range = match a.opt(2, "range") {
        Some(v) => {
            let r = vector(it, &v, "range")?;
            if r.len() != 2 || r[0] > r[1] {
                return Err(value_err("range must be (min, max) with min <= max"));
            }
            Some((r[0], r[1]))
        }
        None => None,
    };
    let density = match a.opt(3, "density") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let label = opt_string(a, "label")?;
    let col = match a.kw("color") {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let (alpha, edge) = patch_options(a)?;
    a.kw("histtype")
        .map(|v| string(&v, "histtype"))
        .transpose()?
        .map_or(Ok(()), |h| {
            if h == "bar" {
                Ok(())
            } else {
                Err(value_err(format!(
                    "histtype='{h}' is not supported; bars ('bar') are"
                )))
            }
        })?;
    let (edges, mut counts) = match given_edges {
        Some(e) => {
            let counts = crate::display::figure::histogram_edges(&data, &e);
            (e, counts)
        }
        None => crate::display::figure::histogram(&data, bins, range),
    };
    let widths: Vec<f64> = edges.windows(2).map(|e| e[1] - e[0]).collect();
    if density {
        let total: f64 = counts.iter().sum();
        if total > 0.0 {
            for (c, w) in counts.iter_mut().zip(&widths) {
                *c /= total * w;
            }
        }
    }
    let centres: Vec<f64> = edges.windows(2).map(|e| (e[0] + e[1]) / 2.0).collect();
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    // Equal bins are one set of bars; unequal ones one bar each (the label on the first).
    let equal = widths
        .windows(2)
        .all(|w| (w[0] - w[1]).abs() <= 1e-9 * w[0].abs().max(1.0));
    let groups: Vec<(usize, usize)> = if equal {
        vec![(0, bins)]
    } else {
        (0..bins).map(|i| (i, i + 1)).collect()
    };
    for (k, (from, to)) in groups.into_iter().enumerate() {
        ax.artists.push(Artist::Bars {
            x: centres[from..to].to_vec(),
            height: counts[from..to].to_vec(),
            width: widths.get(from).copied().unwrap_or(1.0),
            label: if k == 0 { label.clone() } else { None },
            color,
            alpha,
            edge,
            horizontal: false,
        });
    }
    let n = crate::Tensor::from_slice(&counts, &[bins]).map_err(|e| value_err(e.to_string()))?;
    let e = crate::Tensor::from_slice(&edges, &[bins + 1]).map_err(|e| value_err(e.to_string()))?;
    let patches = it.plot_object("BarContainer", vec![]);
    Ok(Value::tuple(vec![
        Value::Tensor(n),
        Value::Tensor(e),
        patches,
    ]))
}

fn imshow(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let (shape, data) = floats(it, &a.req(0, "X")?, "the image")?;
    let map = match a.opt(1, "cmap") {
        Some(v @ (Value::Str(_) | Value::Instance(_))) => cmap_arg(&v)?,
        Some(v) => {
            return Err(type_err(format!(
                "cmap must be a name, not {}",
                v.type_name()
            )))
        }
        None => it.plots.rc.cmap.0,
    };
    let vmin = a.kw("vmin").filter(|v| !matches!(v, Value::None));
    let vmax = a.kw("vmax").filter(|v| !matches!(v, Value::None));
    // matplotlib's imshow sets the axes' aspect: 'equal' (square pixels) by default.
    let aspect = match a.kw("aspect") {
        None | Some(Value::None) => Some(1.0),
        Some(v) => aspect_value(it, &v)?,
    }
    .map(|ratio| Aspect {
        ratio,
        datalim: false,
    });
    match a.kw("interpolation") {
        None | Some(Value::None) => {}
        Some(Value::Str(s)) if matches!(&*s, "nearest" | "none" | "antialiased" | "auto") => {}
        Some(v) => {
            return Err(value_err(format!(
            "imshow(interpolation={}) is not supported: each pixel draws as a block ('nearest')",
            it.repr(&v)?
        )))
        }
    }
    let is_int = matches!(a.pos.first(), Some(Value::Tensor(x)) if !x.dtype().is_float());
    let bad = || {
        value_err(format!(
            "Invalid shape {shape:?} for image data: give H×W (values mapped by cmap), C×H×W (C = 1, 3 or 4, PyTorch's layout) or H×W×C (C = 3 or 4)"
        ))
    };
    // (h, w, channels, channel stride, pixel stride)
    let (h, w, c, cs, ps) = match shape.as_slice() {
        [h, w] => (*h, *w, 1, 0, 1),
        [c @ (1 | 3 | 4), h, w] if !matches!(w, 3 | 4) || *c == 1 => (*h, *w, *c, h * w, 1),
        [h, w, c @ (1 | 3 | 4)] => (*h, *w, *c, 1, *c),
        [c @ (3 | 4), h, w] => (*h, *w, *c, h * w, 1),
        _ => return Err(bad()),
    };
    if h == 0 || w == 0 {
        return Err(bad());
    }
    let pixels = if c == 1 {
        let values: Vec<f64> = (0..h * w).map(|p| data[p * ps]).collect();
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let lo = finite.clone().fold(f64::INFINITY, f64::min);
        let hi = finite.fold(f64::NEG_INFINITY, f64::max);
        let vmin = match vmin {
            Some(v) => number(&v, "vmin")?,
            None if lo.is_finite() => lo,
            None => 0.0,
        };
        let vmax = match vmax {
            Some(v) => number(&v, "vmax")?,
            None if hi.is_finite() => hi,
            None => 1.0,
        };
        Pixels::Scalar {
            values,
            cmap: map,
            vmin,
            vmax,
        }
    } else {
        // Floats are 0..1, integers 0..255 (matplotlib clips out-of-range values).
        let scale = if is_int { 255.0 } else { 1.0 };
        Pixels::Rgb(
            (0..h * w)
                .map(|p| {
                    let ch = |k: usize| (data[p * ps + k * cs] / scale).clamp(0.0, 1.0);
                    [ch(0), ch(1), ch(2)]
                })
                .collect(),
        )
    };
    let ax = it.axes_mut(t)?;
    ax.aspect = aspect;
    ax.artists.push(Artist::Image { h, w, pixels });
    artist_object(it, "AxesImage", t)
}

/// `xlim()` / `xlim(lo, hi)` / `xlim((lo, hi))` on a target: returns the limits.
fn limits(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let args = a.rest(0);
    let (lo_kw, hi_kw) = if y {
        (
            a.kw("bottom").or_else(|| a.kw("ymin")),
            a.kw("top").or_else(|| a.kw("ymax")),
        )
    } else {
        (
            a.kw("left").or_else(|| a.kw("xmin")),
            a.kw("right").or_else(|| a.kw("xmax")),
        )
    };
    let pair = match args.as_slice() {
        [] => None,
        [one @ (Value::Tuple(_) | Value::List(_))] => {
            let v = vector(it, one, "limits")?;
            if v.len() != 2 {
                return Err(value_err("limits are (low, high)"));
            }
            Some((Some(v[0]), Some(v[1])))
        }
        [lo] => Some((Some(number(lo, "low")?), None)),
        [lo, hi] => Some((Some(number(lo, "low")?), Some(number(hi, "high")?))),
        _ => return Err(type_err("limits take (low, high)")),
    };
    let pair = match (pair, lo_kw, hi_kw) {
        (Some(p), None, None) => Some(p),
        (None, None, None) => None,
        (p, lo, hi) => {
            let (plo, phi) = p.unwrap_or((None, None));
            Some((
                lo.map(|v| number(&v, "low")).transpose()?.or(plo),
                hi.map(|v| number(&v, "high")).transpose()?.or(phi),
            ))
        }
    };
    let auto = shared_scale(it.figure_mut(t.fig)?, t.ax, y).limits();
    let ax = it.axes_mut(t)?;
    let current = if y { ax.ylim } else { ax.xlim };
    let now = current.unwrap_or(auto);
    let new = match pair {
        Some((lo, hi)) => Some((lo.unwrap_or(now.0), hi.unwrap_or(now.1))),
        None => current,
    };
    if y {
        ax.ylim = new;
    } else {
        ax.xlim = new;
    }
    let (lo, hi) = new.unwrap_or(auto);
    Ok(Value::tuple(vec![Value::Float(lo), Value::Float(hi)]))
}

fn scale(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let s = string(&a.req(0, "value")?, "scale")?;
    let log = match s.as_str() {
        "log" => true,
        "linear" => false,
        other => {
            return Err(value_err(format!(
                "'{other}' is not a valid value for scale; supported values are 'linear', 'log'"
            )))
        }
    };
    let ax = it.axes_mut(t)?;
    if y {
        ax.ylog = log;
    } else {
        ax.xlog = log;
    }
    Ok(Value::None)
}

fn set_text(it: &mut Interp, a: &mut Args, t: Target, which: &str) -> R<Value> {
    let s = string(&a.req(0, "label")?, which)?;
    // Font options are accepted as matplotlib's are; the text is what is drawn.
    for k in ["fontsize", "fontweight", "loc", "pad"] {
        a.kw(k);
    }
    let ax = it.axes_mut(t)?;
    match which {
        "title" => ax.title = Some(s),
        "xlabel" => ax.xlabel = Some(s),
        _ => ax.ylabel = Some(s),
    }
    Ok(Value::None)
}

fn legend(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    // Font and frame options are accepted as matplotlib's are; the legend is drawn as ours.
    for k in ["fontsize", "frameon", "framealpha", "ncol", "ncols"] {
        a.kw(k);
    }
    let loc = match a.kw("loc") {
        None | Some(Value::None) => LegendLoc::Best,
        Some(Value::Str(s)) => LegendLoc::parse(&s).ok_or_else(|| {
            value_err(format!(
                "'{s}' is not a valid value for loc; supported values are {}",
                LegendLoc::NAMES.map(|n| format!("'{n}'")).join(", ")
            ))
        })?,
        Some(Value::Int(i)) if (0..=10).contains(&i) => LegendLoc::ALL[i as usize],
        Some(v) => {
            return Err(value_err(format!(
                "loc must be a location name like 'upper left' or a code 0-10, not {}",
                it.repr(&v)?
            )))
        }
    };
    match a.pos.len() {
        0 => {}
        1 => {
            // legend(labels): the legend names the plotted artists in order.
            let given = a.req(0, "labels")?;
            let labels: Vec<String> = it
                .collect(&given)?
                .iter()
                .map(|v| string(v, "label"))
                .collect::<R<_>>()?;
            it.axes_mut(t)?.legend_labels = Some(labels);
            it.axes_mut(t)?.legend = Some(loc);
            return Ok(it.plot_object("Legend", vec![]));
        }
        _ => {
            return Err(value_err(
                "legend(handles, labels) is not supported: give each plot a label= (or call legend(labels))",
            ))
        }
    }
    let ax = it.axes_mut(t)?;
    ax.legend = Some(loc);
    ax.legend_labels = None;
    Ok(it.plot_object("Legend", vec![]))
}

fn grid(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let on = match a.opt(0, "visible").or_else(|| a.kw("b")) {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    for k in ["alpha", "linestyle", "which", "axis"] {
        a.kw(k);
    }
    it.axes_mut(t)?.grid = on;
    Ok(Value::None)
}

/// `invert_yaxis()`: limits set are swapped; automatic ones run the other way.
fn invert(it: &mut Interp, t: Target, y: bool) -> R<Value> {
    let ax = it.axes_mut(t)?;
    let (lim, flag) = if y {
        (&mut ax.ylim, &mut ax.yinverted)
    } else {
        (&mut ax.xlim, &mut ax.xinverted)
    };
    match lim {
        Some((lo, hi)) => (*lo, *hi) = (*hi, *lo),
        None => *flag = !*flag,
    }
    Ok(Value::None)
}

fn inverted(it: &mut Interp, t: Target, y: bool) -> R<Value> {
    let s = shared_scale(it.figure_mut(t.fig)?, t.ax, y);
    Ok(Value::Bool(s.lo > s.hi))
}

/// `axis(...)`: 'on'/'off', a mode ('equal', 'scaled', 'tight', 'image', 'square',
/// 'auto'), `[xmin, xmax, ymin, ymax]` or `xmin=`… keywords; returns the limits, as
/// matplotlib's.
fn axis(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let arg = a.opt(0, "arg");
    let keys =
        ["xmin", "xmax", "ymin", "ymax"].map(|k| a.kw(k).filter(|v| !matches!(v, Value::None)));
    a.kw("emit");
    let lim = |it: &mut Interp, y: bool| -> R<(f64, f64)> {
        Ok(shared_scale(it.figure_mut(t.fig)?, t.ax, y).limits())
    };
    match arg {
        None => {
            for (y, (lo, hi)) in [(false, (&keys[0], &keys[1])), (true, (&keys[2], &keys[3]))] {
                if lo.is_none() && hi.is_none() {
                    continue;
                }
                let now = lim(it, y)?;
                let lo = lo.as_ref().map_or(Ok(now.0), |v| number(v, "axis limit"))?;
                let hi = hi.as_ref().map_or(Ok(now.1), |v| number(v, "axis limit"))?;
                let ax = it.axes_mut(t)?;
                *(if y { &mut ax.ylim } else { &mut ax.xlim }) = Some((lo, hi));
            }
        }
        Some(Value::Bool(on)) => it.axes_mut(t)?.axis_off = !on,
        Some(Value::Str(s)) => {
            let mode = s.to_lowercase();
            match mode.as_str() {
                "on" | "off" => it.axes_mut(t)?.axis_off = mode == "off",
                "equal" | "scaled" | "tight" | "image" | "square" | "auto" => {
                    axis_mode(it, t, &mode)?
                }
                _ => {
                    return Err(value_err(format!(
                        "Unrecognized string '{s}' to axis; try 'on' or 'off'"
                    )))
                }
            }
        }
        Some(v) => {
            let four = match &v {
                Value::List(_) | Value::Tuple(_) | Value::Tensor(_) => {
                    vector(it, &v, "axis limits").ok().filter(|l| l.len() == 4)
                }
                _ => None,
            };
            let Some(l) = four else {
                return Err(type_err(
                    "The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]",
                ));
            };
            let ax = it.axes_mut(t)?;
            (ax.xlim, ax.ylim) = (Some((l[0], l[1])), Some((l[2], l[3])));
        }
    }
    let (x, y) = (lim(it, false)?, lim(it, true)?);
    Ok(Value::tuple(
        [x.0, x.1, y.0, y.1].map(Value::Float).to_vec(),
    ))
}

/// `axis('equal')` and the other modes, as matplotlib's `Axes.axis`: each starts from
/// automatic limits and aspect, then 'equal' keeps a data unit as long on both axes by
/// widening limits at drawing; 'scaled' by shrinking the box, limits frozen; 'tight'
/// freezes the limits; 'image' is both; 'square' makes a square box and equal ranges.
fn axis_mode(it: &mut Interp, t: Target, mode: &str) -> R<()> {
    let fig = it.figure_mut(t.fig)?;
    let both_shared = is_shared(fig, t.ax, false) && is_shared(fig, t.ax, true);
    if mode == "equal" && both_shared {
        return Err(err("RuntimeError", DATALIM_SHARED));
    }
    let ax = it.axes_mut(t)?;
    (ax.xlim, ax.ylim, ax.aspect) = (None, None, None);
    // 'tight' and 'image' keep the margins (matplotlib's autolimit_mode 'data' has no
    // rounding for tight to undo): like 'scaled', they freeze the automatic limits.
    let fig = it.figure_mut(t.fig)?;
    let (x, y) = (
        shared_scale(fig, t.ax, false).limits(),
        shared_scale(fig, t.ax, true).limits(),
    );
    let ax = it.axes_mut(t)?;
    match mode {
        "equal" => {
            ax.aspect = Some(Aspect {
                ratio: 1.0,
                datalim: true,
            })
        }
        "scaled" | "image" => {
            (ax.xlim, ax.ylim) = (Some(x), Some(y));
            ax.aspect = Some(Aspect::EQUAL_BOX);
        }
        "tight" => (ax.xlim, ax.ylim) = (Some(x), Some(y)),
        "square" => {
            let edge = (x.1 - x.0).max(y.1 - y.0);
            (ax.xlim, ax.ylim) = (Some((x.0, x.0 + edge)), Some((y.0, y.0 + edge)));
            ax.aspect = Some(Aspect::EQUAL_BOX);
        }
        _ => {}
    }
    Ok(())
}

const DATALIM_SHARED: &str = "set_aspect(..., adjustable='datalim') or axis('equal') are not allowed when both axes are shared.  Try set_aspect(..., adjustable='box').";

/// An aspect as `set_aspect` takes it: 'auto' (None), 'equal' (1) or a positive number.
fn aspect_value(it: &mut Interp, v: &Value) -> R<Option<f64>> {
    match v {
        Value::Str(s) if &**s == "auto" => Ok(None),
        Value::Str(s) if &**s == "equal" => Ok(Some(1.0)),
        Value::Int(_) | Value::Float(_) | Value::Tensor(_) => {
            let r = number(v, "aspect")?;
            if r.is_finite() && r > 0.0 {
                Ok(Some(r))
            } else {
                Err(value_err("aspect must be finite and positive "))
            }
        }
        _ => Err(value_err(format!(
            "aspect must be 'auto', 'equal' or a positive number, not {}",
            it.repr(v)?
        ))),
    }
}

/// `Axes.set_aspect(aspect, adjustable=None, anchor=None)`.
fn set_aspect(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let ratio = aspect_value(it, &a.req(0, "aspect")?)?;
    let datalim = match a.opt(1, "adjustable") {
        None => it.axes_mut(t)?.aspect.is_some_and(|x| x.datalim),
        Some(Value::Str(s)) if &*s == "box" => false,
        Some(Value::Str(s)) if &*s == "datalim" => true,
        Some(v) => {
            return Err(value_err(format!(
                "{} is not a valid value for adjustable. Supported values are 'box', 'datalim'",
                it.repr(&v)?
            )))
        }
    };
    match a.opt(2, "anchor") {
        None => {}
        Some(Value::Str(s)) if &*s == "C" => {}
        Some(v) => {
            return Err(value_err(format!(
                "anchor={} is not supported: the box is centred (anchor='C')",
                it.repr(&v)?
            )))
        }
    }
    a.kw("share");
    let fig = it.figure_mut(t.fig)?;
    if datalim && ratio.is_some() && is_shared(fig, t.ax, false) && is_shared(fig, t.ax, true) {
        return Err(err("RuntimeError", DATALIM_SHARED));
    }
    it.axes_mut(t)?.aspect = ratio.map(|ratio| Aspect { ratio, datalim });
    Ok(Value::None)
}

/// `margins()` / `margins(m)` / `margins(x, y)` / `margins(x=, y=)`: the padding of
/// automatic limits as a fraction of the data's span; with no arguments, returns them.
fn margins(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let pos = a.rest(0);
    let kx = a.kw("x").filter(|v| !matches!(v, Value::None));
    let ky = a.kw("y").filter(|v| !matches!(v, Value::None));
    a.kw("tight");
    if !pos.is_empty() && (kx.is_some() || ky.is_some()) {
        return Err(type_err(
            "Cannot pass both positional and keyword arguments for x and/or y.",
        ));
    }
    let (x, y) = match pos.as_slice() {
        [] => (kx, ky),
        [m] => (Some(m.clone()), Some(m.clone())),
        [mx, my] => (Some(mx.clone()), Some(my.clone())),
        _ => {
            return Err(type_err(
                "Must pass a single positional argument for all margins, or one for each margin (x, y).",
            ))
        }
    };
    let now = it.axes_mut(t)?.margins.unwrap_or((0.05, 0.05));
    if x.is_none() && y.is_none() {
        return Ok(Value::tuple(vec![Value::Float(now.0), Value::Float(now.1)]));
    }
    let check = |v: Option<Value>, old: f64| -> R<f64> {
        let Some(v) = v else { return Ok(old) };
        let m = number(&v, "margin")?;
        if m > -0.5 {
            Ok(m)
        } else {
            Err(value_err("margin must be greater than -0.5"))
        }
    };
    let new = (check(x, now.0)?, check(y, now.1)?);
    it.axes_mut(t)?.margins = Some(new);
    Ok(Value::None)
}

pub(super) fn figsize(a: &mut Args, i: usize) -> R<Option<(f64, f64)>> {
    match a.opt(i, "figsize") {
        None => Ok(None),
        Some(v) => {
            let pair: Vec<f64> = match &v {
                Value::Tuple(t) => t.iter().map(|x| number(x, "figsize")).collect::<R<_>>()?,
                Value::List(l) => l
                    .borrow()
                    .iter()
                    .map(|x| number(x, "figsize"))
                    .collect::<R<_>>()?,
                _ => Vec::new(),
            };
            match pair.as_slice() {
                [w, h] if *w > 0.0 && *h > 0.0 && *w <= 100.0 && *h <= 100.0 => Ok(Some((*w, *h))),
                _ => Err(value_err(
                    "figsize is (width, height) in inches, each 0 to 100",
                )),
            }
        }
    }
}

pub(super) fn dpi(a: &mut Args, i: usize) -> R<Option<f64>> {
    match a.opt(i, "dpi") {
        None => Ok(None),
        Some(v) => {
            let d = number(&v, "dpi")?;
            if !(10.0..=600.0).contains(&d) {
                return Err(value_err("dpi must be between 10 and 600"));
            }
            Ok(Some(d))
        }
    }
}

fn savefig(it: &mut Interp, a: &mut Args, fig: Option<usize>) -> R<Value> {
    let path = string(&a.req(0, "fname")?, "fname")?;
    let d = dpi(a, 1)?;
    let format = opt_string(a, "format")?;
    let tight = match a.kw("bbox_inches") {
        None | Some(Value::None) => false,
        Some(Value::Str(s)) if &*s == "tight" => true,
        Some(v) => {
            return Err(value_err(format!(
                "bbox_inches must be 'tight' or None, not {}",
                it.repr(&v)?
            )))
        }
    };
    let pad = match a.kw("pad_inches") {
        None | Some(Value::None) => crate::display::raster::TIGHT_PAD,
        Some(v) => number(&v, "pad_inches")?,
    };
    for k in ["transparent", "facecolor"] {
        a.kw(k);
    }
    let fig = match fig {
        Some(f) => f,
        None => it.current_figure(),
    };
    let mut figure = it.figure_mut(fig)?.clone();
    if let Some(d) = d {
        figure.dpi = d;
    }
    let ext = format.unwrap_or_else(|| {
        std::path::Path::new(&path)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_else(|| "png".into())
    });
    use crate::display::raster;
    let bytes = match ext.as_str() {
        "png" if tight => raster::render_png_tight(&figure, pad),
        "png" => raster::render_png(&figure),
        "svg" if tight => raster::render_svg_tight(&figure, pad).map(String::into_bytes),
        "svg" => raster::render_svg(&figure).map(String::into_bytes),
        other => {
            return Err(value_err(format!(
                "Format '{other}' is not supported (supported formats: png, svg)"
            )))
        }
    }
    .map_err(|e| err("RuntimeError", format!("drawing the figure failed: {e}")))?;
    // Without an extension matplotlib appends the format's.
    let path = if std::path::Path::new(&path).extension().is_none() {
        format!("{path}.{ext}")
    } else {
        path
    };
    std::fs::write(&path, bytes).map_err(|e| {
        err(
            if e.kind() == std::io::ErrorKind::NotFound {
                "FileNotFoundError"
            } else {
                "OSError"
            },
            format!("[Errno {}] {e}: '{path}'", e.raw_os_error().unwrap_or(0)),
        )
    })?;
    Ok(Value::None)
}

/// `subplots(nrows, ncols, figsize=)`: (figure, axes) with axes as matplotlib shapes them.
fn subplots(it: &mut Interp, a: &mut Args) -> R<Value> {
    let dim = |v: Option<Value>, what: &str| -> R<usize> {
        match v {
            None => Ok(1),
            Some(Value::Int(n)) if (1..=20).contains(&n) => Ok(n as usize),
            Some(_) => Err(value_err(format!("{what} must be an int from 1 to 20"))),
        }
    };
    let rows = dim(a.opt(0, "nrows"), "nrows")?;
    let cols = dim(a.opt(1, "ncols"), "ncols")?;
    let size = figsize(a, 99)?;
    let d = dpi(a, 99)?;
    let squeeze = match a.kw("squeeze") {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    let mut tight = false;
    for k in ["constrained_layout", "tight_layout"] {
        if let Some(v) = a.kw(k) {
            tight |= it.truthy(&v)?;
        }
    }
    let mut share = [Share::None; 2];
    for (i, k) in ["sharex", "sharey"].iter().enumerate() {
        share[i] = match a.kw(k) {
            None => Share::None,
            Some(Value::Str(s)) => match &*s {
                "all" => Share::All,
                "row" => Share::Row,
                "col" => Share::Col,
                "none" => Share::None,
                other => {
                    return Err(value_err(format!(
                        "{k} must be True, False, 'all', 'row', 'col' or 'none', not '{other}'"
                    )))
                }
            },
            Some(v) => {
                if it.truthy(&v)? {
                    Share::All
                } else {
                    Share::None
                }
            }
        };
    }
    let mut fig = it.fresh_figure(size, rows, cols);
    fig.tight = tight;
    (fig.sharex, fig.sharey) = (share[0], share[1]);
    if let Some(d) = d {
        fig.dpi = d;
    }
    let f = it.new_figure(fig);
    let fv = it.figure_value(f);
    let axes: Vec<Value> = (0..rows * cols)
        .map(|ax| it.axes_value(Target { fig: f, ax }))
        .collect();
    let axv = if squeeze && rows * cols == 1 {
        axes[0].clone()
    } else {
        let ndim = if squeeze && (rows == 1 || cols == 1) {
            1
        } else {
            2
        };
        let shape = if ndim == 1 {
            Value::tuple(vec![Value::Int((rows * cols) as i64)])
        } else {
            Value::tuple(vec![Value::Int(rows as i64), Value::Int(cols as i64)])
        };
        it.plot_object(
            "AxesArray",
            vec![
                ("flat", Value::list(axes)),
                ("_rows", Value::Int(rows as i64)),
                ("_cols", Value::Int(cols as i64)),
                ("ndim", Value::Int(ndim)),
                ("shape", shape),
                ("size", Value::Int((rows * cols) as i64)),
            ],
        )
    };
    Ok(Value::tuple(vec![fv, axv]))
}

fn subplot(it: &mut Interp, a: &mut Args) -> R<Value> {
    let f = it.current_figure();
    subplot_of(it, a, f)
}

/// `subplot(...)` on figure `f` (also `Figure.add_subplot`): makes axes `index` of an
/// nrows × ncols grid current, laying the figure out anew if the grid changes.
fn subplot_of(it: &mut Interp, a: &mut Args, f: usize) -> R<Value> {
    if let Some(p) = a.kw("projection").filter(|v| !matches!(v, Value::None)) {
        return Err(value_err(format!(
            "projection={} is not supported: nabla draws 2-D axes only",
            it.repr(&p)?
        )));
    }
    let args = a.rest(0);
    let n = |v: &Value| -> R<usize> {
        match v {
            Value::Int(i) if *i >= 1 => Ok(*i as usize),
            _ => Err(value_err("subplot numbers are positive ints")),
        }
    };
    let (r, c, i) = match args.as_slice() {
        [Value::Int(code)] if (111..=999).contains(code) => {
            let code = *code as usize;
            (code / 100, code / 10 % 10, code % 10)
        }
        [r, c, i] => (n(r)?, n(c)?, n(i)?),
        _ => {
            return Err(type_err(
                "subplot(nrows, ncols, index) or subplot(RCI), e.g. subplot(2, 1, 1)",
            ))
        }
    };
    if r == 0 || c == 0 || i == 0 || i > r * c || r * c > 400 {
        return Err(value_err(format!(
            "num must be an integer with 1 <= num <= {}, not {i}",
            r * c
        )));
    }
    let rc_grid = it.plots.rc.grid;
    let fig = it.figure_mut(f)?;
    if fig.rows != r || fig.cols != c {
        // A new grid: keep the axes already drawn where they still fit.
        let old = std::mem::take(&mut fig.axes);
        let (or, oc) = (fig.rows, fig.cols);
        fig.rows = r;
        fig.cols = c;
        fig.axes = (0..r * c)
            .map(|_| Axes {
                grid: rc_grid,
                ..Axes::default()
            })
            .collect();
        for (k, ax) in old.into_iter().enumerate() {
            let (row, col) = (k / oc.max(1), k % oc.max(1));
            if row < r && col < c && row < or && !ax.artists.is_empty() {
                fig.axes[row * c + col] = ax;
            }
        }
    }
    let t = Target { fig: f, ax: i - 1 };
    it.axes_mut(t)?;
    Ok(it.axes_value(t))
}

fn close(it: &mut Interp, a: &mut Args) -> R<Value> {
    match a.opt(0, "fig") {
        None => {
            if let Some(i) = it.plots.current {
                if let Some(slot) = it.plots.figs.get_mut(i) {
                    *slot = None;
                }
                it.plots.current = None;
            }
        }
        Some(Value::Str(s)) if &*s == "all" => {
            it.plots.take_open();
        }
        Some(v) => {
            let i = figure_of(&v)?;
            if let Some(slot) = it.plots.figs.get_mut(i) {
                *slot = None;
            }
            if it.plots.current == Some(i) {
                it.plots.current = None;
            }
        }
    }
    Ok(Value::None)
}

/// `alpha=` (opacity, 0 to 1; None is opaque).
fn alpha_arg(a: &mut Args) -> R<f64> {
    match a.kw("alpha") {
        None | Some(Value::None) => Ok(1.0),
        Some(v) => {
            let x = number(&v, "alpha")?;
            if !(0.0..=1.0).contains(&x) {
                return Err(value_err(format!("alpha ({x}) is outside 0-1 range")));
            }
            Ok(x)
        }
    }
}

/// `color=`/`c=`, `linestyle=`/`ls=` and `linewidth=`/`lw=` of a line.
fn line_options(a: &mut Args) -> R<(Option<Rgb>, Option<LineStyle>, Option<f64>)> {
    let color = match a.kw("color").or_else(|| a.kw("c")) {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let style = match a.kw("linestyle").or_else(|| a.kw("ls")) {
        Some(v) => Some(line_style(&string(&v, "linestyle")?)?),
        None => None,
    };
    let width = match a.kw("linewidth").or_else(|| a.kw("lw")) {
        Some(v) => Some(number(&v, "linewidth")?),
        None => None,
    };
    Ok((color, style, width))
}

/// `axhline(y=0)` / `axvline(x=0)`: a line across the axes, in matplotlib's default 'C0'
/// without taking a colour from the cycle.
fn refline(it: &mut Interp, a: &mut Args, t: Target, vertical: bool) -> R<Value> {
    let rc_width = it.plots.rc.linewidth;
    let (name, lo, hi) = if vertical {
        ("x", "ymin", "ymax")
    } else {
        ("y", "xmin", "xmax")
    };
    let at = match a.opt(0, name) {
        Some(v) => number(&v, name)?,
        None => 0.0,
    };
    let span = (a.opt(1, lo), a.opt(2, hi));
    let partial = |v: &Option<Value>, full: f64| -> R<bool> {
        Ok(match v {
            Some(v) => number(v, "span")? != full,
            None => false,
        })
    };
    if partial(&span.0, 0.0)? || partial(&span.1, 1.0)? {
        return Err(value_err(format!(
            "{lo}/{hi} are not supported: the line spans the whole axes (use plot() for a segment)"
        )));
    }
    let (color, style, width) = line_options(a)?;
    let label = opt_string(a, "label")?;
    a.kw("alpha");
    a.kw("zorder");
    let ax = it.axes_mut(t)?;
    ax.artists.push(Artist::RefLine {
        vertical,
        at,
        label,
        color: color.unwrap_or(CYCLE[0]),
        style: style.unwrap_or(LineStyle::Solid),
        width: width.unwrap_or(rc_width),
    });
    Ok(it.plot_object("Line2D", vec![]))
}

/// Values for `y1`/`y2` of `fill_between`: a number (repeated `n` times) or one per x.
fn fill_values(it: &mut Interp, v: &Value, n: usize, what: &str) -> R<Vec<f64>> {
    let vals = match v {
        Value::Int(_) | Value::Float(_) => vec![number(v, what)?; n],
        _ => vector(it, v, what)?,
    };
    if vals.len() == 1 && n != 1 {
        return Ok(vec![vals[0]; n]);
    }
    if vals.len() != n {
        return Err(value_err(format!(
            "{what} has {} values but x has {n}: they must be the same length",
            vals.len()
        )));
    }
    Ok(vals)
}

/// `fill_between(x, y1, y2=0, where=None, *, alpha=, color=, label=)`.
fn fill_between(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let n = x.len();
    let mut y1 = fill_values(it, &a.req(1, "y1")?, n, "y1")?;
    let mut y2 = match a.opt(2, "y2") {
        Some(v) => fill_values(it, &v, n, "y2")?,
        None => vec![0.0; n],
    };
    if let Some(w) = a.opt(3, "where") {
        let mask = vector(it, &w, "where")?;
        if mask.len() != n {
            return Err(value_err(format!(
                "where has {} values but x has {n}",
                mask.len()
            )));
        }
        for (i, m) in mask.iter().enumerate() {
            if *m == 0.0 {
                (y1[i], y2[i]) = (f64::NAN, f64::NAN);
            }
        }
    }
    if a.opt(4, "interpolate").is_some() || a.kw("step").is_some() {
        return Err(value_err(
            "fill_between(interpolate=, step=) are not supported; the region joins the points with straight edges",
        ));
    }
    let alpha = match a.kw("alpha") {
        Some(Value::None) | None => 1.0,
        Some(v) => number(&v, "alpha")?,
    };
    if !(0.0..=1.0).contains(&alpha) {
        return Err(value_err(format!("alpha ({alpha}) is outside 0-1 range")));
    }
    let col = match a.kw("color").or_else(|| a.kw("facecolor")) {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    for k in ["edgecolor", "linewidth", "lw", "zorder"] {
        a.kw(k);
    }
    let label = opt_string(a, "label")?;
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    ax.artists.push(Artist::Fill {
        x,
        y1,
        y2,
        label,
        color,
        alpha,
    });
    Ok(it.plot_object("FillBetweenPolyCollection", vec![]))
}

/// `colorbar(mappable)`: a colour bar for that artist, or for the current axes' newest
/// colour-mapped one.
fn colorbar(it: &mut Interp, mappable: Option<Value>) -> R<Value> {
    let (t, which) = match &mappable {
        Some(m) => {
            let i = match m {
                Value::Instance(o) => match o.attrs.borrow().get("_artist") {
                    Some(Value::Int(i)) => Some(*i as usize),
                    _ => None,
                },
                _ => None,
            };
            let t = target_of(m).map_err(|_| {
                type_err(format!(
                    "colorbar() needs what imshow, scatter(c=...) or contourf returned, not {}",
                    m.type_name()
                ))
            })?;
            (t, i)
        }
        None => (it.current_target(), None),
    };
    let ax = it.axes_mut(t)?;
    let which = which.or_else(|| ax.newest_mappable());
    if which.is_none() {
        return Err(err(
            "RuntimeError",
            "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).",
        ));
    }
    ax.colorbar = true;
    ax.colorbar_of = which;
    Ok(Value::None)
}

/// The object a plotting call returns for the artist it just added to `t`: it knows its
/// axes and artist (for `colorbar(mappable)`).
fn artist_object(it: &mut Interp, class: &'static str, t: Target) -> R<Value> {
    let i = it.axes_mut(t)?.artists.len().saturating_sub(1);
    Ok(it.plot_object(
        class,
        vec![
            ("_fig", Value::Int(t.fig as i64)),
            ("_ax", Value::Int(t.ax as i64)),
            ("_artist", Value::Int(i as i64)),
        ],
    ))
}

/// The grid of `contour(X, Y, Z)` / `contour(Z)`: coordinates increasing along x and y, and
/// Z with a row per y. X and Y are 1-D, or 2-D as `torch.meshgrid` makes them (either
/// indexing); curvilinear grids are refused.
fn contour_grid(it: &mut Interp, xy: Option<(Value, Value)>, z: &Value) -> R<ContourGrid> {
    let (zs, zd) = floats(it, z, "Z")?;
    let [ny, nx] = zs[..] else {
        return Err(type_err(format!("Input z must be 2D, not {}D", zs.len())));
    };
    if ny < 2 || nx < 2 {
        return Err(type_err(format!(
            "Input z must be at least a (2, 2) shaped array, but has shape ({ny}, {nx})"
        )));
    }
    let (mut xs, mut ys, mut z, nx) = match xy {
        None => (
            (0..nx).map(|i| i as f64).collect::<Vec<_>>(),
            (0..ny).map(|j| j as f64).collect::<Vec<_>>(),
            zd,
            nx,
        ),
        Some((x, y)) => {
            let (xsh, xd) = floats(it, &x, "X")?;
            let (ysh, yd) = floats(it, &y, "Y")?;
            match (xsh.len(), ysh.len()) {
                (1, 1) => {
                    if xd.len() != nx {
                        return Err(type_err(format!(
                            "Length of x ({}) must match number of columns in z ({nx})",
                            xd.len()
                        )));
                    }
                    if yd.len() != ny {
                        return Err(type_err(format!(
                            "Length of y ({}) must match number of rows in z ({ny})",
                            yd.len()
                        )));
                    }
                    (xd, yd, zd, nx)
                }
                (2, 2) => {
                    if xsh != zs || ysh != zs {
                        return Err(type_err(format!(
                            "Shapes of x {xsh:?}, y {ysh:?} and z {zs:?} do not match"
                        )));
                    }
                    let along_cols =
                        |d: &[f64]| (0..ny).all(|j| (0..nx).all(|i| d[j * nx + i] == d[i]));
                    let along_rows =
                        |d: &[f64]| (0..ny).all(|j| (0..nx).all(|i| d[j * nx + i] == d[j * nx]));
                    if along_cols(&xd) && along_rows(&yd) {
                        let ys = (0..ny).map(|j| yd[j * nx]).collect();
                        (xd[..nx].to_vec(), ys, zd, nx)
                    } else if along_rows(&xd) && along_cols(&yd) {
                        // `meshgrid(indexing='ij')`: x runs down the rows; transpose.
                        let xs = (0..ny).map(|j| xd[j * nx]).collect();
                        let z = (0..nx)
                            .flat_map(|i| (0..ny).map(move |j| (i, j)))
                            .map(|(i, j)| zd[j * nx + i])
                            .collect();
                        (xs, yd[..nx].to_vec(), z, ny)
                    } else {
                        return Err(value_err(
                            "contour draws grids whose X varies along one axis and Y along the other (as torch.meshgrid makes them); this grid is curvilinear",
                        ));
                    }
                }
                (a, b) => {
                    return Err(type_err(format!(
                        "Number of dimensions of x ({a}) and y ({b}) do not match"
                    )))
                }
            }
        }
    };
    let rows = ys.len();
    for (coords, what) in [(&mut xs, "x"), (&mut ys, "y")] {
        if coords.windows(2).all(|w| w[0] > w[1]) {
            coords.reverse();
            // Flip z along this axis too.
            z = if what == "x" {
                z.chunks(nx).flat_map(|r| r.iter().rev().copied()).collect()
            } else {
                z.chunks(nx).rev().flatten().copied().collect()
            };
        } else if !coords.windows(2).all(|w| w[0] < w[1]) {
            return Err(value_err(format!(
                "contour needs {what} coordinates that increase (or decrease) strictly and are finite"
            )));
        }
    }
    debug_assert_eq!(z.len(), rows * nx);
    Ok(ContourGrid { xs, ys, z })
}

/// `contour` (lines) and `contourf` (filled bands): `([X, Y,] Z, [levels])`.
fn contour(it: &mut Interp, a: &mut Args, t: Target, filled: bool) -> R<Value> {
    let default_map = it.plots.rc.cmap.0;
    let pos = a.rest(0);
    let (xy, z, lev) = match pos.len() {
        1 | 2 => (None, pos[0].clone(), pos.get(1).cloned()),
        3 | 4 => (
            Some((pos[0].clone(), pos[1].clone())),
            pos[2].clone(),
            pos.get(3).cloned(),
        ),
        n => {
            return Err(type_err(format!(
                "{}() takes from 1 to 4 positional arguments but {n} were given",
                a.fname
            )))
        }
    };
    let grid = contour_grid(it, xy, &z)?;
    let Some((zmin, zmax)) = crate::display::contour::finite_range(&grid.z) else {
        return Err(value_err("Z holds no finite value to contour"));
    };
    let levels = match a.kw("levels").or(lev) {
        None | Some(Value::None) => auto_levels(zmin, zmax, 7),
        Some(Value::Int(n)) if n >= 1 => auto_levels(zmin, zmax, n as usize),
        Some(v) => {
            let l = vector(it, &v, "levels")?;
            if l.windows(2).any(|w| w[0] >= w[1]) {
                return Err(value_err("Contour levels must be increasing"));
            }
            l
        }
    };
    if filled && levels.len() < 2 {
        return Err(value_err("Filled contours require at least 2 levels."));
    }
    if levels.is_empty() || levels.iter().any(|l| !l.is_finite()) {
        return Err(value_err("contour needs at least one finite level"));
    }
    match a.kw("extend") {
        None | Some(Value::None) => {}
        Some(v) => {
            let e = string(&v, "extend")?;
            if e != "neither" {
                return Err(value_err(format!(
                    "contourf(extend='{e}') is not supported; values outside the levels are left blank"
                )));
            }
        }
    }
    let n = if filled {
        levels.len() - 1
    } else {
        levels.len()
    };
    let given = match a.kw("colors") {
        None | Some(Value::None) => None,
        Some(v @ (Value::List(_) | Value::Tuple(_))) if !matches!(&v, Value::Tuple(t) if t.len() == 3 && t.iter().all(|x| matches!(x, Value::Float(_) | Value::Int(_)))) =>
        {
            let items = it.collect(&v)?;
            let cs = items.iter().map(color_arg).collect::<R<Vec<_>>>()?;
            if cs.is_empty() {
                return Err(value_err("colors must name at least one colour"));
            }
            Some(cs)
        }
        Some(v) => Some(vec![color_arg(&v)?]),
    };
    let map = match a.kw("cmap") {
        None | Some(Value::None) => None,
        Some(v @ (Value::Str(_) | Value::Instance(_))) => Some(cmap_arg(&v)?),
        Some(v) => {
            return Err(type_err(format!(
                "cmap must be a name, not {}",
                v.type_name()
            )))
        }
    };
    let vmin = a
        .kw("vmin")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| number(&v, "vmin"))
        .transpose()?;
    let vmax = a
        .kw("vmax")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| number(&v, "vmax"))
        .transpose()?;
    let monochrome = given.as_ref().is_some_and(|c| c.len() == 1);
    let colors: Vec<Rgb> = match (given, map) {
        (Some(_), Some(_)) => return Err(value_err("Either colors or cmap must be None")),
        (Some(cs), None) => (0..n).map(|k| cs[k % cs.len()]).collect(),
        (None, map) => {
            let map = map.unwrap_or(default_map);
            let lo = vmin.unwrap_or(levels[0]);
            let hi = vmax.unwrap_or(levels[levels.len() - 1]);
            let at = |v: f64| map.at(if hi > lo { (v - lo) / (hi - lo) } else { 0.0 });
            if filled {
                levels.windows(2).map(|w| at((w[0] + w[1]) / 2.0)).collect()
            } else {
                levels.iter().map(|&l| at(l)).collect()
            }
        }
    };
    let styles: Vec<LineStyle> = match a.kw("linestyles") {
        None | Some(Value::None) => levels
            .iter()
            .map(|&l| {
                if monochrome && l < 0.0 {
                    LineStyle::Dashed
                } else {
                    LineStyle::Solid
                }
            })
            .collect(),
        Some(v) => vec![line_style(&string(&v, "linestyles")?)?; levels.len()],
    };
    let width = match a.kw("linewidths") {
        None | Some(Value::None) => it.plots.rc.linewidth,
        Some(v) => number(&v, "linewidths")?,
    };
    let alpha = alpha_arg(a)?;
    for k in ["zorder", "antialiased", "origin"] {
        a.kw(k);
    }
    let ax = it.axes_mut(t)?;
    ax.artists.push(Artist::Contour {
        grid,
        levels,
        colors,
        filled,
        alpha,
        width,
        styles,
    });
    artist_object(it, "QuadContourSet", t)
}

/// An error spec for `n` points: a number, one value per point, or 2 × n (below, above).
fn error_spec(it: &mut Interp, v: &Value, n: usize, what: &str) -> R<Vec<(f64, f64)>> {
    let (shape, data) = match v {
        Value::Int(_) | Value::Float(_) => (vec![], vec![number(v, what)?]),
        _ => floats(it, v, what)?,
    };
    let out: Vec<(f64, f64)> = match shape.as_slice() {
        [] | [1] => vec![(data[0], data[0]); n],
        [m] if *m == n => data.iter().map(|e| (*e, *e)).collect(),
        [2, m] if *m == n => (0..n).map(|i| (data[i], data[n + i])).collect(),
        _ => {
            return Err(value_err(format!(
                "'{what}' (shape: {shape:?}) must be a scalar or a 1D or (2, n) array-like whose shape matches 'x' and 'y' (n = {n})"
            )))
        }
    };
    if out.iter().any(|(lo, hi)| *lo < 0.0 || *hi < 0.0) {
        return Err(value_err(format!(
            "'{what}' must not contain negative values"
        )));
    }
    Ok(out)
}

/// `errorbar(x, y, yerr=None, xerr=None, fmt='', ecolor=None, elinewidth=None, capsize=None)`:
/// the data as a line (or markers, per `fmt`; `'none'` for bars only) with error bars.
fn errorbar(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let y = coords(it, &a.req(1, "y")?, t, true, "y")?;
    if x.len() != y.len() {
        return Err(value_err(format!(
            "x and y must have same first dimension, but have shapes ({},) and ({},)",
            x.len(),
            y.len()
        )));
    }
    let yerr = match a.opt(2, "yerr") {
        Some(v) => Some(error_spec(it, &v, x.len(), "yerr")?),
        None => None,
    };
    let xerr = match a.opt(3, "xerr") {
        Some(v) => Some(error_spec(it, &v, x.len(), "xerr")?),
        None => None,
    };
    let fmt = match a.opt(4, "fmt") {
        Some(v) => string(&v, "fmt")?,
        None => String::new(),
    };
    let ecolor = match a.opt(5, "ecolor") {
        Some(v) => Some(color_arg(&v)?),
        None => None,
    };
    let elinewidth = match a.opt(6, "elinewidth") {
        Some(v) => Some(number(&v, "elinewidth")?),
        None => None,
    };
    let capsize = match a.opt(7, "capsize") {
        Some(v) => number(&v, "capsize")?,
        None => 0.0,
    };
    let (kw_color, kw_style, kw_width) = line_options(a)?;
    let kw_marker = match a.kw("marker") {
        Some(Value::None) | None => None,
        Some(v) => {
            let s = string(&v, "marker")?;
            Some(s.chars().next().and_then(marker).ok_or_else(|| {
                value_err(format!(
                    "'{s}' is not a marker I can draw; use one of . o s ^ + x * D"
                ))
            })?)
        }
    };
    for k in ["alpha", "zorder", "markersize", "ms", "capthick"] {
        a.kw(k);
    }
    let label = opt_string(a, "label")?;
    let bars_only = fmt == "none";
    let (fc, fm, fs) = if bars_only || fmt.is_empty() {
        (None, None, None)
    } else {
        parse_fmt(&fmt)?
    };
    let (rc_width, rc_marker) = (it.plots.rc.linewidth, it.plots.rc.markersize);
    let ax = it.axes_mut(t)?;
    let color = match kw_color.or(fc) {
        Some(c) => c,
        None => ax.cycle_color(),
    };
    let width = kw_width.unwrap_or(rc_width);
    let mk = kw_marker.or(fm);
    let style = if bars_only {
        LineStyle::None
    } else {
        kw_style.or(fs).unwrap_or(if fm.is_some() {
            LineStyle::None
        } else {
            LineStyle::Solid
        })
    };
    ax.artists.push(Artist::ErrorBars {
        x: x.clone(),
        y: y.clone(),
        yerr,
        xerr,
        color: ecolor.unwrap_or(color),
        width: elinewidth.unwrap_or(width),
        capsize,
    });
    ax.artists.push(Artist::Line {
        x,
        y,
        label,
        color,
        style,
        marker: if bars_only { None } else { mk },
        width,
        alpha: 1.0,
        marker_size: rc_marker,
        steps: Steps::None,
    });
    Ok(it.plot_object("ErrorbarContainer", vec![]))
}

/// `text(x, y, s, *, fontsize=10, color='black', ha='left', va='baseline')`.
fn text(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = number(&a.req(0, "x")?, "x")?;
    let y = number(&a.req(1, "y")?, "y")?;
    let s = it.str_of(&a.req(2, "s")?)?;
    a.opt(3, "fontdict");
    let (size, color, align) = text_style(a)?;
    if let Some(v) = a.kw("transform") {
        let _ = v;
        return Err(value_err(
            "text(transform=) is not supported: x and y are data coordinates",
        ));
    }
    it.axes_mut(t)?.artists.push(Artist::Text {
        x,
        y,
        text: s.clone(),
        color,
        size,
        align,
        offset: (0.0, 0.0),
        arrow: None,
    });
    Ok(it.plot_object("Text", vec![("_text", Value::str(&s))]))
}

/// The font size, colour and alignment keywords of `text` and `annotate`.
fn text_style(a: &mut Args) -> R<(f64, Rgb, (HAlign, VAlign))> {
    let size = match a.kw("fontsize").or_else(|| a.kw("size")) {
        Some(Value::Str(s)) => match &*s {
            "xx-small" => 5.79,
            "x-small" => 6.94,
            "small" => 8.33,
            "medium" => 10.0,
            "large" => 12.0,
            "x-large" => 14.4,
            "xx-large" => 17.28,
            other => return Err(value_err(format!("'{other}' is not a font size"))),
        },
        Some(v) => number(&v, "fontsize")?,
        None => 10.0,
    };
    let color = match a.kw("color").or_else(|| a.kw("c")) {
        Some(v) if !matches!(v, Value::None) => color_arg(&v)?,
        _ => Rgb(0, 0, 0),
    };
    let ha = match a.kw("ha").or_else(|| a.kw("horizontalalignment")) {
        None => HAlign::Left,
        Some(v) => match &*string(&v, "ha")? {
            "left" => HAlign::Left,
            "center" | "centre" => HAlign::Center,
            "right" => HAlign::Right,
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for horizontalalignment; supported values are 'left', 'center', 'right'"
                )))
            }
        },
    };
    let va = match a.kw("va").or_else(|| a.kw("verticalalignment")) {
        None => VAlign::Bottom,
        Some(v) => match &*string(&v, "va")? {
            "top" => VAlign::Top,
            "center" | "center_baseline" => VAlign::Center,
            "bottom" | "baseline" => VAlign::Bottom,
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for verticalalignment; supported values are 'top', 'bottom', 'center', 'baseline', 'center_baseline'"
                )))
            }
        },
    };
    for k in ["fontweight", "weight", "alpha", "zorder"] {
        a.kw(k);
    }
    Ok((size, color, (ha, va)))
}

/// `annotate(text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None)`:
/// a text at `xytext` (data, or an offset from `xy` in points or pixels), with an
/// optional arrow to `xy`.
fn annotate(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let s = it.str_of(&a.req(0, "text")?)?;
    let pair = |it: &mut Interp, v: &Value, what: &str| -> R<(f64, f64)> {
        match vector(it, v, what)?.as_slice() {
            [x, y] => Ok((*x, *y)),
            _ => Err(value_err(format!("{what} must be a pair (x, y)"))),
        }
    };
    let xy = pair(it, &a.req(1, "xy")?, "xy")?;
    let xytext = match a.opt(2, "xytext") {
        Some(v) => Some(pair(it, &v, "xytext")?),
        None => None,
    };
    // `opt` treats None as absent, `string` checks the type.
    let mut coords = |i: usize, what: &str| a.opt(i, what).map(|v| string(&v, what)).transpose();
    match coords(3, "xycoords")?.as_deref() {
        None | Some("data") => {}
        Some(other) => {
            return Err(value_err(format!(
                "annotate(xycoords='{other}') is not supported: xy is in data coordinates"
            )))
        }
    }
    let dpi = it.figure_mut(t.fig)?.dpi;
    let (at, offset) = match (coords(4, "textcoords")?.as_deref(), xytext) {
        (_, None) => (xy, (0.0, 0.0)),
        (None | Some("data"), Some(p)) => (p, (0.0, 0.0)),
        (Some("offset points"), Some(p)) => (xy, p),
        (Some("offset pixels"), Some((dx, dy))) => (xy, (dx * 72.0 / dpi, dy * 72.0 / dpi)),
        (Some(other), _) => {
            return Err(value_err(format!(
                "annotate(textcoords='{other}') is not supported; use 'data', 'offset points' or 'offset pixels'"
            )))
        }
    };
    let arrow = match a.opt(5, "arrowprops") {
        None => None,
        Some(Value::Dict(d)) => {
            let props: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            Some(arrow_props(it, props, xy)?)
        }
        Some(v) => {
            return Err(type_err(format!(
                "arrowprops must be a dict, not {}",
                v.type_name()
            )))
        }
    };
    if a.kw("bbox").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(value_err(
            "annotate(bbox=...) is not supported: the text is drawn without a box",
        ));
    }
    a.kw("annotation_clip");
    let (size, color, align) = text_style(a)?;
    it.axes_mut(t)?.artists.push(Artist::Text {
        x: at.0,
        y: at.1,
        text: s.clone(),
        color,
        size,
        align,
        offset,
        arrow,
    });
    Ok(it.plot_object("Annotation", vec![("_text", Value::str(&s))]))
}

/// matplotlib's `arrowprops`: with `arrowstyle` ('-', '->', '-|>'), a line `linewidth`
/// wide stopping `shrinkA`/`shrinkB` points short; without it, the default arrow: a shaft
/// `width` wide with a `headwidth` × `headlength` head, `shrink` of its length cut at each
/// end.
fn arrow_props(it: &mut Interp, props: Vec<(Value, Value)>, to: (f64, f64)) -> R<Arrow> {
    let mut get = std::collections::HashMap::new();
    for (k, v) in props {
        let Value::Str(k) = k else {
            return Err(type_err("arrowprops keys are strings"));
        };
        const KNOWN: [&str; 15] = [
            "arrowstyle",
            "color",
            "facecolor",
            "fc",
            "edgecolor",
            "ec",
            "linewidth",
            "lw",
            "width",
            "headwidth",
            "headlength",
            "shrink",
            "shrinkA",
            "shrinkB",
            "connectionstyle",
        ];
        if !KNOWN.contains(&&*k) {
            return Err(value_err(format!(
                "arrowprops '{k}' is not supported; nabla takes {}",
                KNOWN.join(", ")
            )));
        }
        get.insert(k.to_string(), v);
    }
    let num = |get: &std::collections::HashMap<String, Value>, k: &str, default: f64| -> R<f64> {
        match get.get(k) {
            Some(v) => {
                let x = number(v, k)?;
                if x.is_finite() && x >= 0.0 {
                    Ok(x)
                } else {
                    Err(value_err(format!(
                        "arrowprops {k} must be a non-negative number"
                    )))
                }
            }
            None => Ok(default),
        }
    };
    match get.get("connectionstyle") {
        None => {}
        Some(Value::Str(s))
            if s.replace(' ', "") == "arc3" || s.replace(' ', "") == "arc3,rad=0" => {}
        Some(v) => {
            return Err(value_err(format!(
                "connectionstyle={} is not supported: arrows are straight (\"arc3\")",
                it.repr(v)?
            )))
        }
    }
    let color = ["color", "facecolor", "fc", "edgecolor", "ec"]
        .iter()
        .find_map(|k| get.get(*k))
        .map(color_arg)
        .transpose()?
        .unwrap_or(Rgb(0, 0, 0));
    let lw = match get.get("linewidth").or_else(|| get.get("lw")) {
        Some(v) => number(v, "linewidth")?,
        None => 1.0,
    };
    Ok(match get.get("arrowstyle") {
        Some(style) => {
            let head = match &*string(style, "arrowstyle")? {
                "-" => ArrowHead::None,
                "->" => ArrowHead::Open,
                "-|>" => ArrowHead::Filled,
                other => {
                    return Err(value_err(format!(
                        "arrowstyle '{other}' is not supported; use '-', '->' or '-|>'"
                    )))
                }
            };
            // matplotlib's head: 0.4 × 0.2 of the 10 pt mutation scale.
            Arrow {
                to,
                color,
                width: lw,
                head,
                head_size: (4.0, 2.0),
                shrink: (num(&get, "shrinkA", 2.0)?, num(&get, "shrinkB", 2.0)?),
                shrink_frac: 0.0,
            }
        }
        None => Arrow {
            to,
            color,
            width: num(&get, "width", 4.0)?,
            head: ArrowHead::Filled,
            head_size: (
                num(&get, "headlength", 12.0)?,
                num(&get, "headwidth", 12.0)? / 2.0,
            ),
            shrink: (0.0, 0.0),
            shrink_frac: num(&get, "shrink", 0.0)?.min(0.5),
        },
    })
}

/// `xticks(ticks=None, labels=None, *, rotation=None)` and `yticks`, also `set_xticks`:
/// fixed tick positions and labels (`[]` hides the ticks). With no arguments, the ticks
/// shown now: (positions, labels).
fn set_ticks(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let rotation = a.kw("rotation");
    for k in ["fontsize", "minor", "ha", "horizontalalignment"] {
        a.kw(k);
    }
    let ticks = a.opt(0, "ticks");
    let labels = a.opt(1, "labels");
    if let Some(r) = rotation {
        let vertical = match &r {
            Value::Str(s) if &**s == "vertical" => true,
            Value::Str(s) if &**s == "horizontal" => false,
            v => number(v, "rotation")?.abs() % 180.0 >= 45.0,
        };
        if y {
            if vertical {
                return Err(value_err(
                    "yticks(rotation=) is not supported; y tick labels are drawn horizontally",
                ));
            }
        } else {
            it.axes_mut(t)?.xticks_vertical = vertical;
        }
    }
    let Some(ticks) = ticks else {
        if labels.is_some() {
            return Err(type_err(
                "xticks(): labels need ticks: xticks(ticks, labels)",
            ));
        }
        let ax = it.axes_mut(t)?;
        let shown = axis_ticks(ax, &scale_for(ax, y), y, 8);
        let log = if y { ax.ylog } else { ax.xlog };
        let pos = shown
            .iter()
            .map(|(v, _)| Value::Float(if log { 10f64.powf(*v) } else { *v }))
            .collect();
        let names = shown.iter().map(|(_, l)| Value::str(l)).collect();
        return Ok(Value::tuple(vec![Value::list(pos), Value::list(names)]));
    };
    let pos = vector(it, &ticks, "ticks")?;
    let names: Vec<String> = match labels {
        Some(l) => {
            let items = it.collect(&l)?;
            let mut out = Vec::with_capacity(items.len());
            for v in &items {
                out.push(it.str_of(v)?);
            }
            if out.len() != pos.len() {
                return Err(value_err(format!(
                    "The number of FixedLocator locations ({}), usually from a call to set_ticks, does not match the number of labels ({}).",
                    pos.len(),
                    out.len()
                )));
            }
            out
        }
        None => {
            let step = pos
                .windows(2)
                .map(|w| (w[1] - w[0]).abs())
                .filter(|d| *d > 0.0)
                .fold(f64::INFINITY, f64::min);
            let step = if step.is_finite() { step } else { 1.0 };
            pos.iter().map(|v| format_tick(*v, step)).collect()
        }
    };
    let ax = it.axes_mut(t)?;
    let fixed = Some(pos.into_iter().zip(names).collect());
    if y {
        ax.yticks = fixed;
    } else {
        ax.xticks = fixed;
    }
    Ok(Value::None)
}

/// `Axes.set_xticklabels(labels, *, rotation=None)`: new labels for the ticks shown now.
fn set_ticklabels(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let labels = a.req(0, "labels")?;
    let ax = it.axes_mut(t)?;
    let shown = axis_ticks(ax, &scale_for(ax, y), y, 8);
    let log = if y { ax.ylog } else { ax.xlog };
    let pos: Vec<Value> = shown
        .iter()
        .map(|(v, _)| Value::Float(if log { 10f64.powf(*v) } else { *v }))
        .collect();
    let mut one = Args::new(
        "set_xticklabels",
        vec![Value::list(pos), labels],
        Vec::new(),
    );
    if let Some(r) = a.kw("rotation") {
        one.kw.push((Rc::from("rotation"), r));
    }
    a.kw("fontsize");
    set_ticks(it, &mut one, t, y)
}

/// Drops the receiver (`self`) from a method call's arguments and returns it.
fn receiver(a: &mut Args) -> R<Value> {
    if a.pos.is_empty() {
        return Err(type_err(format!("{}() needs its object", a.fname)));
    }
    Ok(a.pos.remove(0))
}

fn on_axes(
    it: &mut Interp,
    a: &mut Args,
    f: fn(&mut Interp, &mut Args, Target) -> R<Value>,
) -> R<Value> {
    let t = target_of(&receiver(a)?)?;
    f(it, a, t)
}

fn on_current(
    it: &mut Interp,
    a: &mut Args,
    f: fn(&mut Interp, &mut Args, Target) -> R<Value>,
) -> R<Value> {
    let t = it.current_target();
    f(it, a, t)
}

table! { PYPLOT:
    "figure", "figure(num=None, figsize=None, dpi=None)", "Starts a new figure (figsize in inches) and makes it current." => |it, a| {
        a.opt(0, "num");
        let size = figsize(a, 1)?;
        let d = dpi(a, 2)?;
        for k in ["facecolor", "clear"] { a.kw(k); }
        let mut fig = it.fresh_figure(size, 1, 1);
        if let Some(d) = d { fig.dpi = d; }
        let f = it.new_figure(fig);
        Ok(it.figure_value(f))
    };
    "plot", "plot([x], y, [fmt], *, label=None, color=None, linestyle=None, marker=None, linewidth=None, markersize=6, alpha=None)", "Draws y against x (or against 0..n-1) as lines and/or markers." => |it, a| on_current(it, a, plot);
    "scatter", "scatter(x, y, s=None, c=None, *, marker='o', label=None, cmap=None, color=None, alpha=None, edgecolors='face', linewidths=1.0)", "Draws points; s= is the marker area in points² (one, or one per point); c= gives one colour or per-point values mapped by cmap; edgecolors= outlines the markers." => |it, a| on_current(it, a, scatter);
    "bar", "bar(x, height, width=0.8, *, align='center', label=None, color=None, alpha=None, edgecolor=None)", "Draws bars of the given heights centred at x." => |it, a| on_current(it, a, bar);
    "barh", "barh(y, width, height=0.8, *, align='center', label=None, color=None, alpha=None, edgecolor=None)", "Draws horizontal bars of the given lengths centred at y." => |it, a| on_current(it, a, barh);
    "hist", "hist(x, bins=10, range=None, density=False, *, label=None, color=None, alpha=None, edgecolor=None)", "Draws a histogram of the values (bins: a count or the edges); returns (counts, bin_edges, patches)." => |it, a| on_current(it, a, hist);
    "semilogy", "semilogy([x], y, [fmt], **kwargs)", "plot() with a log y axis." => |it, a| { let t = it.current_target(); let r = plot(it, a, t)?; it.axes_mut(t)?.ylog = true; Ok(r) };
    "semilogx", "semilogx([x], y, [fmt], **kwargs)", "plot() with a log x axis." => |it, a| { let t = it.current_target(); let r = plot(it, a, t)?; it.axes_mut(t)?.xlog = true; Ok(r) };
    "loglog", "loglog([x], y, [fmt], **kwargs)", "plot() with both axes logarithmic." => |it, a| { let t = it.current_target(); let r = plot(it, a, t)?; let ax = it.axes_mut(t)?; ax.xlog = true; ax.ylog = true; Ok(r) };
    "axhline", "axhline(y=0, *, color='C0', linestyle='-', linewidth=1.5, label=None)", "Draws a horizontal line across the current axes at y." => |it, a| { let t = it.current_target(); refline(it, a, t, false) };
    "axvline", "axvline(x=0, *, color='C0', linestyle='-', linewidth=1.5, label=None)", "Draws a vertical line across the current axes at x." => |it, a| { let t = it.current_target(); refline(it, a, t, true) };
    "fill_between", "fill_between(x, y1, y2=0, where=None, *, alpha=None, color=None, label=None)", "Shades the region between y1 and y2 (e.g. a mean ± std band)." => |it, a| on_current(it, a, fill_between);
    "errorbar", "errorbar(x, y, yerr=None, xerr=None, fmt='', ecolor=None, elinewidth=None, capsize=None, *, label=None, color=None)", "Draws y against x with error bars; yerr is a number, one per point, or 2 × n (below, above)." => |it, a| on_current(it, a, errorbar);
    "text", "text(x, y, s, *, fontsize=10, color='black', ha='left', va='baseline')", "Writes s at the data point (x, y)." => |it, a| on_current(it, a, text);
    "step", "step(x, y, [fmt], *, where='pre', label=None, color=None, linestyle=None, linewidth=None)", "Draws y against x as a staircase: each level starts at its x ('pre'), ends there ('post') or changes halfway ('mid')." => |it, a| on_current(it, a, step);
    "annotate", "annotate(text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None, *, fontsize=10, color='black', ha='left', va='baseline')", "Writes text at xytext (data coordinates, or an offset from xy with textcoords='offset points'), with an arrow to xy when arrowprops is given (e.g. dict(arrowstyle='->'))." => |it, a| on_current(it, a, annotate);
    "xticks", "xticks(ticks=None, labels=None, *, rotation=None)", "Sets the x ticks (and their labels; [] hides them), or returns (positions, labels). rotation= draws the labels horizontal (under 45°) or vertical." => |it, a| { let t = it.current_target(); set_ticks(it, a, t, false) };
    "yticks", "yticks(ticks=None, labels=None)", "Sets the y ticks (and their labels; [] hides them), or returns (positions, labels)." => |it, a| { let t = it.current_target(); set_ticks(it, a, t, true) };
    "imshow", "imshow(X, cmap=None, *, vmin=None, vmax=None, aspect='equal', interpolation='nearest')", "Draws a 2-D tensor through a colour map, or an image (C×H×W or H×W×C)." => |it, a| on_current(it, a, imshow);
    "contour", "contour([X, Y,] Z, [levels], *, colors=None, cmap=None, linewidths=1.5, linestyles=None, alpha=None)", "Draws lines where Z (a 2-D tensor, one row per y) crosses each level; X, Y from torch.meshgrid or 1-D." => |it, a| { let t = it.current_target(); contour(it, a, t, false) };
    "contourf", "contourf([X, Y,] Z, [levels], *, colors=None, cmap=None, alpha=None)", "Fills the bands of Z between neighbouring levels (a classifier's decision regions, a loss surface)." => |it, a| { let t = it.current_target(); contour(it, a, t, true) };
    "colorbar", "colorbar(mappable=None)", "Adds a colour bar for an image, a scatter's c= or a filled contour (the newest one on the current axes by default)." => |it, a| {
        let m = a.opt(0, "mappable");
        a.kw("ax"); a.kw("label");
        colorbar(it, m)
    };
    "title", "title(label)", "Sets the current axes' title." => |it, a| { let t = it.current_target(); set_text(it, a, t, "title") };
    "xlabel", "xlabel(label)", "Sets the current axes' x-axis label." => |it, a| { let t = it.current_target(); set_text(it, a, t, "xlabel") };
    "ylabel", "ylabel(label)", "Sets the current axes' y-axis label." => |it, a| { let t = it.current_target(); set_text(it, a, t, "ylabel") };
    "suptitle", "suptitle(t)", "Sets the figure's title, above all its axes." => |it, a| {
        let s = string(&a.req(0, "t")?, "suptitle")?;
        a.kw("fontsize");
        let f = it.current_figure();
        it.figure_mut(f)?.suptitle = Some(s);
        Ok(Value::None)
    };
    "xlim", "xlim(left=None, right=None)", "Gets or sets the x limits of the current axes." => |it, a| { let t = it.current_target(); limits(it, a, t, false) };
    "ylim", "ylim(bottom=None, top=None)", "Gets or sets the y limits of the current axes." => |it, a| { let t = it.current_target(); limits(it, a, t, true) };
    "xscale", "xscale(value)", "Sets the x scale: 'linear' or 'log'." => |it, a| { let t = it.current_target(); scale(it, a, t, false) };
    "yscale", "yscale(value)", "Sets the y scale: 'linear' or 'log'." => |it, a| { let t = it.current_target(); scale(it, a, t, true) };
    "legend", "legend(labels=None, *, loc='best')", "Shows a legend of the labelled plots on the current axes (or labels them in order); loc is a name like 'upper left' or a code 0-10, and 'best' avoids the data." => |it, a| on_current(it, a, legend);
    "grid", "grid(visible=True)", "Turns the current axes' grid lines on or off." => |it, a| on_current(it, a, grid);
    "axis", "axis(arg=None, *, xmin=None, xmax=None, ymin=None, ymax=None)", "axis('off') hides the current axes' frame and ticks ('on' shows them); 'equal' draws a data unit as long on both axes, 'scaled' and 'image' do it by shrinking the box, 'tight' freezes the limits, 'square' makes the box square; [xmin, xmax, ymin, ymax] sets the limits. Returns the limits." => |it, a| on_current(it, a, axis);
    "margins", "margins(*margins, x=None, y=None)", "The padding of automatic limits as a fraction of the data's span (0.05 unless set): margins(m), margins(x, y); returns (x, y) without arguments." => |it, a| on_current(it, a, margins);
    "tight_layout", "tight_layout()", "Fits the current figure's margins to its titles and labels." => |it, a| {
        for k in ["pad", "h_pad", "w_pad", "rect"] { a.kw(k); }
        let f = it.current_figure();
        it.figure_mut(f)?.tight = true;
        Ok(Value::None)
    };
    "live", "live(title=None, *, xlabel='step', ylabel=None, logy=False)", "A loss curve that redraws in place while training: live.update(train=loss.item(), val=v) each step, live.close() at the end (or use it in a with block)." => |it, a| super::live::new_live(it, a);
    "get_fignums", "get_fignums()", "The numbers of the open figures." => |it, _| {
        let nums = it.plots.figs.iter().enumerate().filter(|(_, f)| f.is_some()).map(|(i, _)| Value::Int(i as i64 + 1)).collect();
        Ok(Value::list(nums))
    };
    "subplots", "subplots(nrows=1, ncols=1, *, figsize=None, dpi=None, squeeze=True)", "A new figure with a grid of axes: returns (fig, axes)." => |it, a| subplots(it, a);
    "subplot", "subplot(nrows, ncols, index)", "Makes axes `index` (from 1) of an nrows × ncols grid current." => |it, a| subplot(it, a);
    "gca", "gca()", "The current axes." => |it, _| { let t = it.current_target(); Ok(it.axes_value(t)) };
    "gcf", "gcf()", "The current figure." => |it, _| { let f = it.current_figure(); Ok(it.figure_value(f)) };
    "clf", "clf()", "Clears the current figure." => |it, _| {
        let f = it.current_figure();
        let fig = it.figure_mut(f)?;
        *fig = Figure::new(fig.size, 1, 1);
        Ok(Value::None)
    };
    "show", "show(block=None)", "Shows every open figure (in the terminal or notebook) and closes them." => |it, a| {
        a.opt(0, "block");
        it.show_figures();
        Ok(Value::None)
    };
    "savefig", "savefig(fname, dpi=None, *, format=None, bbox_inches=None, pad_inches=0.1)", "Writes the current figure to a .png or .svg file." => |it, a| savefig(it, a, None);
    "close", "close(fig=None)", "Closes the current figure, a given one, or 'all'." => |it, a| close(it, a);
}

table! { AXES_METHODS:
    "plot", "Axes.plot([x], y, [fmt], *, label=None, color=None, linestyle=None, marker=None, linewidth=None, markersize=6, alpha=None)", "Draws y against x on these axes." => |it, a| on_axes(it, a, plot);
    "scatter", "Axes.scatter(x, y, s=None, c=None, *, marker='o', label=None, cmap=None, color=None, alpha=None, edgecolors='face', linewidths=1.0)", "Draws points on these axes." => |it, a| on_axes(it, a, scatter);
    "bar", "Axes.bar(x, height, width=0.8, *, align='center', label=None, color=None, alpha=None, edgecolor=None)", "Draws bars on these axes." => |it, a| on_axes(it, a, bar);
    "barh", "Axes.barh(y, width, height=0.8, *, align='center', label=None, color=None, alpha=None, edgecolor=None)", "Draws horizontal bars on these axes." => |it, a| on_axes(it, a, barh);
    "hist", "Axes.hist(x, bins=10, range=None, density=False, *, label=None, color=None, alpha=None, edgecolor=None)", "Draws a histogram on these axes." => |it, a| on_axes(it, a, hist);
    "imshow", "Axes.imshow(X, cmap=None, *, vmin=None, vmax=None, aspect='equal', interpolation='nearest')", "Draws an image on these axes." => |it, a| on_axes(it, a, imshow);
    "contour", "Axes.contour([X, Y,] Z, [levels], *, colors=None, cmap=None, linewidths=1.5, linestyles=None, alpha=None)", "Draws Z's level lines on these axes." => |it, a| { let t = target_of(&receiver(a)?)?; contour(it, a, t, false) };
    "contourf", "Axes.contourf([X, Y,] Z, [levels], *, colors=None, cmap=None, alpha=None)", "Fills Z's bands between levels on these axes." => |it, a| { let t = target_of(&receiver(a)?)?; contour(it, a, t, true) };
    "set_title", "Axes.set_title(label)", "Sets these axes' title." => |it, a| { let t = target_of(&receiver(a)?)?; set_text(it, a, t, "title") };
    "set_xlabel", "Axes.set_xlabel(xlabel)", "Sets the x-axis label." => |it, a| { let t = target_of(&receiver(a)?)?; set_text(it, a, t, "xlabel") };
    "set_ylabel", "Axes.set_ylabel(ylabel)", "Sets the y-axis label." => |it, a| { let t = target_of(&receiver(a)?)?; set_text(it, a, t, "ylabel") };
    "set_xlim", "Axes.set_xlim(left=None, right=None)", "Sets the x limits." => |it, a| { let t = target_of(&receiver(a)?)?; limits(it, a, t, false) };
    "set_ylim", "Axes.set_ylim(bottom=None, top=None)", "Sets the y limits." => |it, a| { let t = target_of(&receiver(a)?)?; limits(it, a, t, true) };
    "get_xlim", "Axes.get_xlim()", "The x limits." => |it, a| { let t = target_of(&receiver(a)?)?; limits(it, a, t, false) };
    "get_ylim", "Axes.get_ylim()", "The y limits." => |it, a| { let t = target_of(&receiver(a)?)?; limits(it, a, t, true) };
    "set_xscale", "Axes.set_xscale(value)", "Sets the x scale: 'linear' or 'log'." => |it, a| { let t = target_of(&receiver(a)?)?; scale(it, a, t, false) };
    "set_yscale", "Axes.set_yscale(value)", "Sets the y scale: 'linear' or 'log'." => |it, a| { let t = target_of(&receiver(a)?)?; scale(it, a, t, true) };
    "legend", "Axes.legend(labels=None, *, loc='best')", "Shows a legend of the labelled plots (or labels them in order)." => |it, a| on_axes(it, a, legend);
    "semilogy", "Axes.semilogy([x], y, [fmt], **kwargs)", "plot() with a log y axis." => |it, a| { let t = target_of(&receiver(a)?)?; let r = plot(it, a, t)?; it.axes_mut(t)?.ylog = true; Ok(r) };
    "semilogx", "Axes.semilogx([x], y, [fmt], **kwargs)", "plot() with a log x axis." => |it, a| { let t = target_of(&receiver(a)?)?; let r = plot(it, a, t)?; it.axes_mut(t)?.xlog = true; Ok(r) };
    "loglog", "Axes.loglog([x], y, [fmt], **kwargs)", "plot() with both axes logarithmic." => |it, a| { let t = target_of(&receiver(a)?)?; let r = plot(it, a, t)?; let ax = it.axes_mut(t)?; ax.xlog = true; ax.ylog = true; Ok(r) };
    "axhline", "Axes.axhline(y=0, *, color='C0', linestyle='-', linewidth=1.5, label=None)", "Draws a horizontal line across these axes." => |it, a| { let t = target_of(&receiver(a)?)?; refline(it, a, t, false) };
    "axvline", "Axes.axvline(x=0, *, color='C0', linestyle='-', linewidth=1.5, label=None)", "Draws a vertical line across these axes." => |it, a| { let t = target_of(&receiver(a)?)?; refline(it, a, t, true) };
    "fill_between", "Axes.fill_between(x, y1, y2=0, where=None, *, alpha=None, color=None, label=None)", "Shades the region between y1 and y2." => |it, a| on_axes(it, a, fill_between);
    "errorbar", "Axes.errorbar(x, y, yerr=None, xerr=None, fmt='', ecolor=None, elinewidth=None, capsize=None, *, label=None, color=None)", "Draws y against x with error bars." => |it, a| on_axes(it, a, errorbar);
    "text", "Axes.text(x, y, s, *, fontsize=10, color='black', ha='left', va='baseline')", "Writes s at the data point (x, y)." => |it, a| on_axes(it, a, text);
    "step", "Axes.step(x, y, [fmt], *, where='pre', label=None, color=None, linestyle=None, linewidth=None)", "Draws y against x as a staircase." => |it, a| on_axes(it, a, step);
    "annotate", "Axes.annotate(text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None, *, fontsize=10, color='black', ha='left', va='baseline')", "Writes text at xytext (or offset from xy), with an optional arrow to xy." => |it, a| on_axes(it, a, annotate);
    "set_xticks", "Axes.set_xticks(ticks, labels=None, *, rotation=None)", "Sets the x ticks (and their labels)." => |it, a| { let t = target_of(&receiver(a)?)?; set_ticks(it, a, t, false) };
    "set_yticks", "Axes.set_yticks(ticks, labels=None)", "Sets the y ticks (and their labels)." => |it, a| { let t = target_of(&receiver(a)?)?; set_ticks(it, a, t, true) };
    "get_xticklabels", "Axes.get_xticklabels()", "The x tick labels (Text objects)." => |it, a| ticklabels(it, a, false);
    "get_yticklabels", "Axes.get_yticklabels()", "The y tick labels (Text objects)." => |it, a| ticklabels(it, a, true);
    "set_xticklabels", "Axes.set_xticklabels(labels, *, rotation=None)", "New labels for the x ticks shown now." => |it, a| { let t = target_of(&receiver(a)?)?; set_ticklabels(it, a, t, false) };
    "set_yticklabels", "Axes.set_yticklabels(labels)", "New labels for the y ticks shown now." => |it, a| { let t = target_of(&receiver(a)?)?; set_ticklabels(it, a, t, true) };
    "grid", "Axes.grid(visible=True)", "Turns grid lines on or off." => |it, a| on_axes(it, a, grid);
    "axis", "Axes.axis(arg=None, *, xmin=None, xmax=None, ymin=None, ymax=None)", "'off' hides the frame and ticks; 'equal', 'scaled', 'tight', 'image', 'square', 'auto'; [xmin, xmax, ymin, ymax]. Returns the limits." => |it, a| on_axes(it, a, axis);
    "set_aspect", "Axes.set_aspect(aspect, adjustable=None, anchor=None)", "'equal' draws a data unit as long on y as on x (a number: y units that many times as long; 'auto' fills the box), by shrinking the box (adjustable='box', the default) or widening the limits ('datalim')." => |it, a| { let t = target_of(&receiver(a)?)?; set_aspect(it, a, t) };
    "get_aspect", "Axes.get_aspect()", "'auto', or the ratio set_aspect gave (1.0 for 'equal')." => |it, a| {
        let t = target_of(&receiver(a)?)?;
        Ok(match it.axes_mut(t)?.aspect { Some(x) => Value::Float(x.ratio), None => Value::str("auto") })
    };
    "margins", "Axes.margins(*margins, x=None, y=None)", "The padding of automatic limits (0.05 unless set); returns (x, y) without arguments." => |it, a| on_axes(it, a, margins);
    "set_xmargin", "Axes.set_xmargin(m)", "The x padding of automatic limits, as a fraction of the data's span." => |it, a| {
        let t = target_of(&receiver(a)?)?;
        let m = a.req(0, "m")?;
        let mut one = Args::new("margins", Vec::new(), vec![("x".into(), m)]);
        margins(it, &mut one, t)
    };
    "set_ymargin", "Axes.set_ymargin(m)", "The y padding of automatic limits, as a fraction of the data's span." => |it, a| {
        let t = target_of(&receiver(a)?)?;
        let m = a.req(0, "m")?;
        let mut one = Args::new("margins", Vec::new(), vec![("y".into(), m)]);
        margins(it, &mut one, t)
    };
    "get_title", "Axes.get_title()", "The axes' title ('' if none)." => |it, a| { let t = target_of(&receiver(a)?)?; Ok(Value::str(it.axes_mut(t)?.title.as_deref().unwrap_or(""))) };
    "get_xlabel", "Axes.get_xlabel()", "The x-axis label ('' if none)." => |it, a| { let t = target_of(&receiver(a)?)?; Ok(Value::str(it.axes_mut(t)?.xlabel.as_deref().unwrap_or(""))) };
    "get_ylabel", "Axes.get_ylabel()", "The y-axis label ('' if none)." => |it, a| { let t = target_of(&receiver(a)?)?; Ok(Value::str(it.axes_mut(t)?.ylabel.as_deref().unwrap_or(""))) };
    "get_xscale", "Axes.get_xscale()", "'linear' or 'log'." => |it, a| { let t = target_of(&receiver(a)?)?; Ok(Value::str(if it.axes_mut(t)?.xlog { "log" } else { "linear" })) };
    "get_yscale", "Axes.get_yscale()", "'linear' or 'log'." => |it, a| { let t = target_of(&receiver(a)?)?; Ok(Value::str(if it.axes_mut(t)?.ylog { "log" } else { "linear" })) };
    "set", "Axes.set(*, title=, xlabel=, ylabel=, xlim=, ylim=, xscale=, yscale=)", "Sets several properties at once." => |it, a| {
        let t = target_of(&receiver(a)?)?;
        for (k, v) in std::mem::take(&mut a.kw) {
            let mut one = Args::new("set", vec![v], Vec::new());
            match &*k {
                "title" | "xlabel" | "ylabel" => { set_text(it, &mut one, t, &k)?; }
                "xlim" => { limits(it, &mut one, t, false)?; }
                "ylim" => { limits(it, &mut one, t, true)?; }
                "xscale" => { scale(it, &mut one, t, false)?; }
                "yscale" => { scale(it, &mut one, t, true)?; }
                other => return Err(err("AttributeError", format!("Axes.set() got an unexpected keyword argument '{other}'"))),
            }
        }
        Ok(Value::None)
    };
    "invert_xaxis", "Axes.invert_xaxis()", "Runs the x axis from high to low (or back)." => |it, a| { let t = target_of(&receiver(a)?)?; invert(it, t, false) };
    "invert_yaxis", "Axes.invert_yaxis()", "Runs the y axis from high to low (or back), e.g. for image coordinates." => |it, a| { let t = target_of(&receiver(a)?)?; invert(it, t, true) };
    "xaxis_inverted", "Axes.xaxis_inverted()", "Whether the x axis runs from high to low." => |it, a| { let t = target_of(&receiver(a)?)?; inverted(it, t, false) };
    "yaxis_inverted", "Axes.yaxis_inverted()", "Whether the y axis runs from high to low." => |it, a| { let t = target_of(&receiver(a)?)?; inverted(it, t, true) };
    "set_axis_off", "Axes.set_axis_off()", "Hides the frame and ticks." => |it, a| {
        let t = target_of(&receiver(a)?)?;
        it.axes_mut(t)?.axis_off = true;
        Ok(Value::None)
    };
}

table! { TEXT_METHODS:
    "get_text", "Text.get_text()", "The text." => |_, a| {
        let this = receiver(a)?;
        let Value::Instance(inst) = &this else { return Err(type_err("not a Text")) };
        let text = inst.attrs.borrow().get("_text").cloned();
        Ok(text.unwrap_or_else(|| Value::str("")))
    };
}

/// `get_xticklabels()` / `get_yticklabels()`: the tick labels as Text objects.
fn ticklabels(it: &mut Interp, a: &mut Args, y: bool) -> R<Value> {
    let t = target_of(&receiver(a)?)?;
    let ax = it.axes_mut(t)?;
    let shown = axis_ticks(ax, &scale_for(ax, y), y, 8);
    let texts = shown
        .into_iter()
        .map(|(_, l)| it.plot_object("Text", vec![("_text", Value::str(&l))]))
        .collect();
    Ok(Value::list(texts))
}

table! { FIGURE_METHODS:
    "savefig", "Figure.savefig(fname, dpi=None, *, format=None, bbox_inches=None, pad_inches=0.1)", "Writes the figure to a .png or .svg file." => |it, a| { let f = figure_of(&receiver(a)?)?; savefig(it, a, Some(f)) };
    "suptitle", "Figure.suptitle(t)", "Sets the figure's title." => |it, a| {
        let f = figure_of(&receiver(a)?)?;
        let s = string(&a.req(0, "t")?, "suptitle")?;
        a.kw("fontsize");
        it.figure_mut(f)?.suptitle = Some(s);
        Ok(Value::None)
    };
    "tight_layout", "Figure.tight_layout()", "Fits the figure's margins to its titles and labels." => |it, a| {
        let f = figure_of(&receiver(a)?)?;
        for k in ["pad", "h_pad", "w_pad", "rect"] { a.kw(k); }
        it.figure_mut(f)?.tight = true;
        Ok(Value::None)
    };
    "add_subplot", "Figure.add_subplot(nrows, ncols, index)", "Axes `index` (from 1) of an nrows × ncols grid on this figure; add_subplot(111) for one." => |it, a| { let f = figure_of(&receiver(a)?)?; subplot_of(it, a, f) };
    "colorbar", "Figure.colorbar(mappable, ax=None)", "Adds a colour bar for an image, a scatter's c= or a filled contour." => |it, a| {
        receiver(a)?;
        let m = a.req(0, "mappable")?;
        a.kw("ax"); a.kw("label");
        colorbar(it, Some(m))
    };
    "show", "Figure.show()", "Shows this figure." => |it, a| {
        let f = figure_of(&receiver(a)?)?;
        let fig = it.figure_mut(f)?.clone();
        it.sink.figure(&fig);
        Ok(Value::None)
    };
}

table! { AXES_ARRAY_METHODS:
    "__getitem__", "axes[i] or axes[r, c]", "One axes of the grid (or a row of a 2-D grid)." => |it, a| {
        let this = receiver(a)?;
        let key = a.req(0, "key")?;
        let Value::Instance(inst) = &this else { return Err(type_err("not an axes array")) };
        let (flat, cols, ndim) = {
            let at = inst.attrs.borrow();
            let flat = match at.get("flat") { Some(Value::List(l)) => l.borrow().clone(), _ => Vec::new() };
            let cols = match at.get("_cols") { Some(Value::Int(c)) => *c as usize, _ => 1 };
            let ndim = match at.get("ndim") { Some(Value::Int(n)) => *n, _ => 1 };
            (flat, cols.max(1), ndim)
        };
        let rows = flat.len() / cols;
        let index = |i: i64, n: usize| -> R<usize> {
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(err("IndexError", format!("index {i} is out of bounds for axis 0 with size {n}")));
            }
            Ok(j as usize)
        };
        match (&key, ndim) {
            (Value::Int(i), 1) => Ok(flat[index(*i, flat.len())?].clone()),
            (Value::Int(i), _) => {
                let r = index(*i, rows)?;
                Ok(Value::list(flat[r * cols..(r + 1) * cols].to_vec()))
            }
            (Value::Tuple(t), 2) if t.len() == 2 => match (&t[0], &t[1]) {
                (Value::Int(r), Value::Int(c)) => {
                    let (r, c) = (index(*r, rows)?, index(*c, cols)?);
                    Ok(flat[r * cols + c].clone())
                }
                _ => Err(type_err("axes[r, c] takes two ints")),
            },
            _ => {
                let _ = it;
                Err(type_err("index the axes with an int (or r, c for a 2-D grid)"))
            }
        }
    };
    "__len__", "len(axes)", "The number of rows (or of axes, when 1-D)." => |_, a| {
        let this = receiver(a)?;
        let Value::Instance(inst) = &this else { return Err(type_err("not an axes array")) };
        let at = inst.attrs.borrow();
        let n = match at.get("flat") { Some(Value::List(l)) => l.borrow().len(), _ => 0 };
        let cols = match at.get("_cols") { Some(Value::Int(c)) => (*c as usize).max(1), _ => 1 };
        let ndim = match at.get("ndim") { Some(Value::Int(n)) => *n, _ => 1 };
        Ok(Value::Int(if ndim == 1 { n } else { n / cols } as i64))
    };
    "__iter__", "iter(axes)", "Iterates over the axes (or the rows of a 2-D grid)." => |it, a| {
        let this = receiver(a)?;
        let n = match it.call_method(&this, "__len__", vec![], vec![])? { Value::Int(n) => n, _ => 0 };
        let mut items = Vec::new();
        for i in 0..n {
            items.push(it.call_method(&this, "__getitem__", vec![Value::Int(i)], vec![])?);
        }
        Ok(Value::Iter(Rc::new(RefCell::new(Iter::Seq { items: Rc::from(items), pos: 0 }))))
    };
    "flatten", "axes.flatten()", "Every axes in one list, row by row." => |_, a| {
        let this = receiver(a)?;
        let Value::Instance(inst) = &this else { return Err(type_err("not an axes array")) };
        let flat = inst.attrs.borrow().get("flat").cloned().unwrap_or(Value::None);
        match flat { Value::List(l) => Ok(Value::list(l.borrow().clone())), other => Ok(other) }
    };
    "ravel", "axes.ravel()", "Every axes in one list, row by row." => |_, a| {
        let this = receiver(a)?;
        let Value::Instance(inst) = &this else { return Err(type_err("not an axes array")) };
        let flat = inst.attrs.borrow().get("flat").cloned().unwrap_or(Value::None);
        match flat { Value::List(l) => Ok(Value::list(l.borrow().clone())), other => Ok(other) }
    };
}

table! { MATPLOTLIB:
    "use", "matplotlib.use(backend)", "Accepted for matplotlib code: nabla picks the terminal or notebook display itself." => |_, a| {
        a.opt(0, "backend"); a.kw("force");
        Ok(Value::None)
    };
}

impl Interp {
    /// Installs `plt`, `matplotlib` and `matplotlib.pyplot`.
    pub(super) fn install_plt(&mut self) {
        let pyplot =
            super::torch::module("matplotlib.pyplot", &super::torch::table_entries(PYPLOT));
        let maps: Vec<(&str, Value)> = CMAP_NAMES
            .iter()
            .map(|&n| {
                (
                    n,
                    self.plot_object("Colormap", vec![("name", Value::str(n))]),
                )
            })
            .collect();
        let cm = super::torch::module("matplotlib.cm", &maps);
        if let Value::Module(m) = &pyplot {
            m.attrs.borrow_mut().insert(Rc::from("cm"), cm.clone());
        }
        let rc = self.plot_object("RcParams", vec![]);
        let rc_functions = super::torch::table_entries(super::rc::RC_FUNCTIONS);
        if let Value::Module(m) = &pyplot {
            let mut attrs = m.attrs.borrow_mut();
            attrs.insert(Rc::from("rcParams"), rc.clone());
            for (k, v) in &rc_functions {
                attrs.insert(Rc::from(*k), v.clone());
            }
        }
        let mut mpl = super::torch::table_entries(MATPLOTLIB);
        mpl.push(("pyplot", pyplot.clone()));
        mpl.push(("cm", cm));
        mpl.push(("rcParams", rc));
        mpl.extend(rc_functions);
        let mpl = super::torch::module("matplotlib", &mpl);
        self.modules.insert("matplotlib".into(), mpl);
        self.modules
            .insert("matplotlib.pyplot".into(), pyplot.clone());
        self.set_builtin("plt", pyplot);
    }
}
