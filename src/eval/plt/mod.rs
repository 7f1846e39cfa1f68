//! `plt`: matplotlib.pyplot's names over `display::Figure`, so tutorial plotting code runs
//! unchanged. `plt` is there without an import; `import matplotlib.pyplot as plt` works too.
//! `plt.show()` hands each open figure to the session's sink (the terminal draws it, the
//! kernel sends an image); `savefig` writes PNG or SVG.
//!
//! Here: the open figures and the current axes (`PlotState`), and installing the modules.
//! A new plot function goes in the file of its family — `lines`, `bars`, `images`, `text`
//! — with its argument parsing from `args`, its entry in `tables` (`plt.*` and the Axes
//! method of the same name), and axes-wide settings in `axes`, figure-wide ones in `figure`.

use crate::display::axis::{axis_ticks, format_tick, is_shared, scale_for, shared_scale};
use crate::display::contour::{auto_levels, ContourGrid};
use crate::display::figure::{
    Arrow, ArrowHead, Artist, Aspect, Axes, Cmap, Figure, HAlign, LegendLoc, LineStyle, Marker,
    Pixels, Rgb, Share, Steps, VAlign, CYCLE,
};
use crate::eval::lang::builtins::{table, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::DType;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

mod args;
mod axes;
mod bars;
mod figure;
mod images;
mod lines;
pub(crate) mod live;
pub(crate) mod rc;
mod tables;
mod text;

use args::*;
pub(in crate::eval) use args::{cmap_arg, dpi, figsize, number};
use axes::*;
use bars::*;
use figure::*;
use images::*;
use lines::*;
use tables::*;
use text::*;

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
    pub(super) lives: Vec<self::live::Live>,
    /// `plt.rcParams`: defaults for new figures and artists.
    pub(super) rc: self::rc::RcSettings,
}

impl PlotState {
    /// Takes every open figure (oldest first), closing them: what `plt.show()` shows.
    pub fn take_open(&mut self) -> Vec<Figure> {
        self.current = None;
        self.figs.drain(..).flatten().map(|s| s.fig).collect()
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
            "LivePlot" => self::live::LIVE_METHODS,
            "Text" | "Annotation" => TEXT_METHODS,
            "RcParams" => self::rc::RC_METHODS,
            _ => &[],
        };
        self.ext
            .get::<PlotState>()
            .classes
            .entry(name)
            .or_insert_with(|| class_with(name, methods))
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
    fn fresh_figure(&mut self, size: Option<(f64, f64)>, rows: usize, cols: usize) -> Figure {
        let rc = &self.ext.get::<PlotState>().rc;
        let mut fig = Figure::new(size.unwrap_or(rc.figsize), rows, cols);
        fig.dpi = rc.dpi;
        for ax in &mut fig.axes {
            ax.grid = rc.grid;
        }
        fig
    }

    /// A new figure, made current; its index.
    fn new_figure(&mut self, fig: Figure) -> usize {
        let i = self.ext.get::<PlotState>().figs.len();
        self.ext.get::<PlotState>().figs.push(Some(Slot {
            fig,
            axes: 0,
            handle: None,
            axes_handles: Vec::new(),
        }));
        self.ext.get::<PlotState>().current = Some(i);
        i
    }

    /// The current figure, created when there is none.
    fn current_figure(&mut self) -> usize {
        let plots = self.ext.get::<PlotState>();
        match plots.current {
            Some(i) if matches!(plots.figs.get(i), Some(Some(_))) => i,
            _ => {
                let fig = self.fresh_figure(None, 1, 1);
                self.new_figure(fig)
            }
        }
    }

    fn current_target(&mut self) -> Target {
        let fig = self.current_figure();
        let ax = self.ext.get::<PlotState>().figs[fig]
            .as_ref()
            .map_or(0, |s| s.axes);
        Target { fig, ax }
    }

    fn axes_mut(&mut self, t: Target) -> R<&mut Axes> {
        match self.ext.get::<PlotState>().figs.get_mut(t.fig) {
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
        match self.ext.get::<PlotState>().figs.get_mut(fig) {
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
        })) = self.ext.get::<PlotState>().figs.get(fig)
        {
            return v.clone();
        }
        let v = self.plot_object("Figure", vec![("number", Value::Int(fig as i64 + 1))]);
        if let Some(Some(slot)) = self.ext.get::<PlotState>().figs.get_mut(fig) {
            slot.handle = Some(v.clone());
        }
        v
    }

    fn axes_value(&mut self, t: Target) -> Value {
        if let Some(Some(slot)) = self.ext.get::<PlotState>().figs.get(t.fig) {
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
        if let Some(Some(slot)) = self.ext.get::<PlotState>().figs.get_mut(t.fig) {
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
        let slot = self.ext.get::<PlotState>().figs.get_mut(n)?.take()?;
        if self.ext.get::<PlotState>().current == Some(n) {
            self.ext.get::<PlotState>().current = None;
        }
        Some(slot.fig)
    }

    pub fn show_figures(&mut self) {
        for fig in self.ext.get::<PlotState>().take_open() {
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

table! { MATPLOTLIB:
    "use", "matplotlib.use(backend)", "Accepted for matplotlib code: nabla picks the terminal or notebook display itself." => |_, a| {
        a.opt(0, "backend"); a.kw("force");
        Ok(Value::None)
    };
}

impl Interp {
    /// Installs `plt`, `matplotlib` and `matplotlib.pyplot`.
    pub(super) fn install_plt(&mut self) {
        let pyplot = crate::eval::torch::module(
            "matplotlib.pyplot",
            &crate::eval::torch::table_entries(PYPLOT),
        );
        let maps: Vec<(&str, Value)> = CMAP_NAMES
            .iter()
            .map(|&n| {
                (
                    n,
                    self.plot_object("Colormap", vec![("name", Value::str(n))]),
                )
            })
            .collect();
        let cm = crate::eval::torch::module("matplotlib.cm", &maps);
        if let Value::Module(m) = &pyplot {
            m.attrs.borrow_mut().insert(Rc::from("cm"), cm.clone());
        }
        let rc = self.plot_object("RcParams", vec![]);
        let rc_functions = crate::eval::torch::table_entries(self::rc::RC_FUNCTIONS);
        if let Value::Module(m) = &pyplot {
            let mut attrs = m.attrs.borrow_mut();
            attrs.insert(Rc::from("rcParams"), rc.clone());
            for (k, v) in &rc_functions {
                attrs.insert(Rc::from(*k), v.clone());
            }
        }
        let mut mpl = crate::eval::torch::table_entries(MATPLOTLIB);
        mpl.push(("pyplot", pyplot.clone()));
        mpl.push(("cm", cm));
        mpl.push(("rcParams", rc));
        mpl.extend(rc_functions);
        let mpl = crate::eval::torch::module("matplotlib", &mpl);
        self.modules.insert("matplotlib".into(), mpl);
        self.modules
            .insert("matplotlib.pyplot".into(), pyplot.clone());
        self.set_builtin("plt", pyplot);
    }
}
