//! `plt.live()`: a loss curve that redraws while a model trains. Each `update(loss=...)`
//! appends to the named curves; the sink redraws the figure in place (a notebook updates one
//! display, a terminal redraws its chart), at most five times a second, and `close()` (or the
//! end of a `with` block) draws the final state.
//!
//! ```python
//! live = plt.live(title="training", ylabel="loss")
//! for epoch in range(20):
//!     ...
//!     live.update(train=train_loss, val=val_loss)
//! live.close()
//! ```

use super::PlotState;
use crate::display::figure::{Artist, Figure, LegendLoc, LineStyle};
use crate::eval::lang::builtins::{table, Args};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// The redraw interval.
const EVERY: Duration = Duration::from_millis(200);

/// One live plot's curves.
pub struct Live {
    pub id: u64,
    title: Option<String>,
    xlabel: String,
    ylabel: Option<String>,
    logy: bool,
    series: IndexMap<String, (Vec<f64>, Vec<f64>)>,
    steps: usize,
    last_draw: Option<Instant>,
    closed: bool,
}

impl Live {
    /// The figure for the curves so far.
    pub fn figure(&self) -> Figure {
        let mut fig = Figure::new((6.4, 3.6), 1, 1);
        fig.tight = true;
        let ax = &mut fig.axes[0];
        ax.title = self.title.clone();
        ax.xlabel = Some(self.xlabel.clone());
        ax.ylabel = self.ylabel.clone();
        ax.ylog = self.logy;
        ax.grid = true;
        ax.legend = (self.series.len() > 1).then_some(LegendLoc::Best);
        for (name, (x, y)) in &self.series {
            let color = ax.cycle_color();
            ax.artists.push(Artist::Line {
                x: x.clone(),
                y: y.clone(),
                label: Some(name.clone()),
                color,
                style: LineStyle::Solid,
                marker: None,
                width: 1.5,
                alpha: 1.0,
                marker_size: 6.0,
                steps: crate::display::figure::Steps::None,
            });
        }
        fig
    }
}

fn live_of(it: &mut Interp, a: &mut Args) -> R<usize> {
    let this = a.req(0, "self")?;
    let Value::Instance(inst) = &this else {
        return Err(type_err("not a live plot"));
    };
    let id = match inst.attrs.borrow().get("_live") {
        Some(Value::Int(i)) => *i as usize,
        _ => return Err(type_err("not a live plot")),
    };
    if it.ext.get::<PlotState>().lives.get(id).is_none() {
        return Err(err("RuntimeError", "this live plot no longer exists"));
    }
    Ok(id)
}

impl Interp {
    /// Draws the final state once; later closes do nothing.
    fn close_live(&mut self, i: usize) {
        if self
            .ext
            .get::<PlotState>()
            .lives
            .get(i)
            .is_some_and(|l| !l.closed)
        {
            self.draw_live(i, true);
        }
    }

    /// Redraws live plot `i` if the interval has passed; `force` draws the final state.
    fn draw_live(&mut self, i: usize, force: bool) {
        let Some(live) = self.ext.get::<PlotState>().lives.get_mut(i) else {
            return;
        };
        if !force && live.last_draw.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        live.last_draw = Some(Instant::now());
        if force {
            live.closed = true;
        }
        let (fig, id, done) = (live.figure(), live.id, live.closed);
        self.sink.live_figure(id, &fig, done);
    }
}

table! { LIVE_METHODS:
    "update", "LivePlot.update(step=None, **values)", "Appends each named value (a number or a one-element tensor) to its curve at `step` (default: the next step) and redraws." => |it, a| {
        let i = live_of(it, a)?;
        let step = match a.kw("step") {
            Some(Value::Int(s)) => Some(s as f64),
            Some(Value::Float(s)) => Some(s),
            Some(Value::None) | None => None,
            Some(other) => return Err(type_err(format!("step must be a number, not {}", other.type_name()))),
        };
        let kw = std::mem::take(&mut a.kw);
        if kw.is_empty() {
            return Err(type_err("update() needs values to plot, e.g. live.update(loss=loss.item())"));
        }
        let mut values = Vec::new();
        for (k, v) in kw {
            let x = match &v {
                Value::Int(n) => *n as f64,
                Value::Float(f) => *f,
                Value::Bool(b) => f64::from(u8::from(*b)),
                Value::Tensor(t) if t.numel() == 1 => t.item()?.to_f64(),
                other => return Err(type_err(format!("{k} must be a number or a one-element tensor, not {}", other.type_name()))),
            };
            values.push((k.to_string(), x));
        }
        let live = &mut it.ext.get::<PlotState>().lives[i];
        if live.closed {
            return Err(err("RuntimeError", "this live plot was closed"));
        }
        let x = step.unwrap_or(live.steps as f64);
        live.steps += 1;
        for (k, y) in values {
            let s = live.series.entry(k).or_default();
            s.0.push(x);
            s.1.push(y);
        }
        it.draw_live(i, false);
        Ok(Value::None)
    };
    "close", "LivePlot.close()", "Draws the final curves and ends the live display." => |it, a| {
        let i = live_of(it, a)?;
        it.close_live(i);
        Ok(Value::None)
    };
    "__enter__", "LivePlot.__enter__()", "with plt.live() as live: ..." => |_, a| a.req(0, "self");
    "__exit__", "LivePlot.__exit__(*exc)", "Closes the live plot." => |it, a| {
        let i = live_of(it, a)?;
        a.pos.clear();
        it.close_live(i);
        Ok(Value::Bool(false))
    };
}

/// `plt.live(title=None, xlabel='step', ylabel=None, logy=False)`.
pub(crate) fn new_live(it: &mut Interp, a: &mut Args) -> R<Value> {
    let text = |v: Option<Value>| -> R<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(other) => Err(type_err(format!(
                "expected a string, not {}",
                other.type_name()
            ))),
        }
    };
    let title = text(a.opt(0, "title"))?;
    let xlabel = text(a.kw("xlabel"))?.unwrap_or_else(|| "step".into());
    let ylabel = text(a.kw("ylabel"))?;
    let logy = match a.kw("logy") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let i = it.ext.get::<PlotState>().lives.len();
    let id = 1_000_000 + i as u64;
    it.ext.get::<PlotState>().lives.push(Live {
        id,
        title,
        xlabel,
        ylabel,
        logy,
        series: IndexMap::new(),
        steps: 0,
        last_draw: None,
        closed: false,
    });
    let class = it.plot_class("LivePlot");
    Ok(Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(
            [(Rc::from("_live"), Value::Int(i as i64))]
                .into_iter()
                .collect(),
        ),
    })))
}
