//! The names the language sees: `plt.*`, and the methods of Axes, Figure, Text and axes arrays.

use super::PlotState;
use super::*;

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
        let nums = it.ext.get::<PlotState>().figs.iter().enumerate().filter(|(_, f)| f.is_some()).map(|(i, _)| Value::Int(i as i64 + 1)).collect();
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
pub(super) fn ticklabels(it: &mut Interp, a: &mut Args, y: bool) -> R<Value> {
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
