//! Figures and progress bars through the `nabla` binary: `plt.show()` in each terminal form
//! (`NABLA_PLOT`), `plt.savefig` to PNG and SVG, errors, and tqdm's bar on stderr.

use std::process::{Command, Output};

fn nabla(code: &str, plot: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nabla"))
        .args(["-c", code])
        .env("NABLA_PLOT", plot)
        .env("COLUMNS", "60")
        .env("LINES", "24")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("nabla-plots-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const LINE: &str =
    "plt.plot([1, 4, 9], label='sq')\nplt.title('squares')\nplt.legend()\nplt.show()";

#[test]
fn show_draws_a_text_chart_sized_to_the_terminal() {
    let o = nabla(LINE, "text");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0].trim(), "squares", "{out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 60), "{out}");
    assert!(
        out.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{out}"
    );
    assert!(
        out.contains("── sq") && out.contains('└') && out.contains('┤'),
        "{out}"
    );
    // Without a terminal there is no colour.
    assert!(!out.contains('\x1b'));
    // x ticks 0 … 2 under the axis.
    let ticks = lines[lines.len() - 1];
    assert!(ticks.contains("0.0") && ticks.contains("2.0"), "{out}");
}

#[test]
fn show_closes_the_figures_and_none_draws_nothing() {
    let o = nabla(
        &format!("{LINE}\nplt.show()\nprint(plt.get_fignums())"),
        "text",
    );
    assert_eq!(stdout(&o).matches("squares").count(), 1);
    assert!(stdout(&o).ends_with("[]\n"));
    let o = nabla(LINE, "none");
    assert!(o.status.success());
    assert_eq!(stdout(&o), "");
}

#[test]
fn image_protocols_carry_a_png() {
    use base64::Engine as _;
    let o = nabla(LINE, "kitty");
    let out = stdout(&o);
    assert!(out.starts_with("\x1b_Ga=T,f=100,m=1;"), "{:?}", &out[..40]);
    let payload: String = out
        .split("\x1b\\")
        .filter_map(|c| c.split_once(';').map(|(_, p)| p))
        .collect();
    let png = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");

    let out = stdout(&nabla(LINE, "iterm"));
    assert!(
        out.starts_with("\x1b]1337;File=inline=1;size="),
        "{:?}",
        &out[..40]
    );
    assert!(out.ends_with("\x07\n"));

    let out = stdout(&nabla(LINE, "sixel"));
    assert!(out.starts_with("\x1bPq\"1;1;640;480"), "{:?}", &out[..40]);
    assert!(out.ends_with("\x1b\\\n"));
}

#[test]
fn imshow_draws_blocks_and_the_print_stays_text() {
    let o = nabla(
        "t = torch.eye(3)\nprint(t)\nplt.imshow(t, cmap='gray')\nplt.show()",
        "text",
    );
    let out = stdout(&o);
    assert!(out.starts_with("tensor([[1., 0., 0.],"), "{out}");
    // No colour (not a terminal): the grey ramp, white diagonal as '@'.
    assert!(out.contains('@') && !out.contains('▀'), "{out}");
}

#[test]
fn savefig_writes_png_and_svg() {
    let d = temp_dir("savefig");
    let code = format!(
        "x = torch.linspace(0, 1, 20)\nplt.plot(x, x ** 2)\nplt.xlabel('x')\nplt.savefig('{0}/a.png')\nplt.savefig('{0}/b.svg')\nplt.savefig('{0}/c', dpi=50)",
        d.display()
    );
    let o = nabla(&code, "text");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "savefig draws nothing in the terminal");
    let png = std::fs::read(d.join("a.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(d.join("b.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains(">\nx\n</text>"),
        "{}",
        &svg[..200]
    );
    // No extension: PNG, named as matplotlib names it; dpi scales the pixels.
    let small = std::fs::read(d.join("c.png")).unwrap();
    assert_eq!(u32::from_be_bytes(small[16..20].try_into().unwrap()), 320);
}

#[test]
fn plotting_mistakes_are_python_errors() {
    let o = nabla("plt.plot([1, 2], [1, 2, 3])", "text");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "ValueError: x and y must have same first dimension, but have shapes (2,) and (3,)"
        ),
        "{}",
        stderr(&o)
    );
    let o = nabla("plt.plot([1])\nplt.savefig('out.bmpx')", "text");
    assert!(
        stderr(&o).contains("ValueError: Format 'bmpx' is not supported"),
        "{}",
        stderr(&o)
    );
    let o = nabla(
        "plt.plot([1])\nplt.savefig('/nonexistent-dir/a.png')",
        "text",
    );
    assert!(stderr(&o).contains("FileNotFoundError"), "{}", stderr(&o));
    let o = nabla("plt.figure(figsize=(1000, 1000))", "text");
    assert!(
        stderr(&o).contains("figsize is (width, height) in inches"),
        "{}",
        stderr(&o)
    );
    let o = nabla(
        "plt.figure(figsize=(90, 90))\nplt.savefig('big.png')",
        "text",
    );
    assert!(
        stderr(&o).contains("choose a smaller figsize or dpi"),
        "{}",
        stderr(&o)
    );
    let o = nabla("plt.imshow(torch.ones(2, 3, 4, 5))", "text");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("TypeError") || stderr(&o).contains("ValueError"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn tqdm_draws_its_bar_on_stderr() {
    let o = nabla(
        "from tqdm import tqdm\nfor i in tqdm(range(5)):\n    pass\nprint('done')",
        "text",
    );
    assert_eq!(stdout(&o), "done\n");
    let err = stderr(&o);
    assert!(
        err.starts_with("\r  0%|          | 0/5 [00:00<?, ?it/s]"),
        "{err:?}"
    );
    assert!(
        err.contains("\r100%|██████████| 5/5 [00:00<00:00, "),
        "{err:?}"
    );
    assert!(err.ends_with("it/s]\n"), "{err:?}");

    let o = nabla(
        "from tqdm.auto import tqdm\nbar = tqdm(total=4, desc='train', unit='batch')\nfor i in range(4):\n    bar.set_postfix(loss=1 / (i + 1))\n    bar.update(1)\nbar.close()",
        "text",
    );
    let err = stderr(&o);
    assert!(err.contains("train:  50%|█████     | 2/4 ["), "{err:?}");
    assert!(err.contains("batch/s, loss=0.333]"), "{err:?}");
    assert!(err.contains("train: 100%|██████████| 4/4 ["), "{err:?}");
}

/// The figures a session shows, kept as data.
#[derive(Clone, Default)]
struct Figures(std::rc::Rc<std::cell::RefCell<Vec<nabla::display::Figure>>>);

impl nabla::eval::Sink for Figures {
    fn stdout(&mut self, _: &str) {}
    fn stderr(&mut self, _: &str) {}
    fn figure(&mut self, fig: &nabla::display::Figure) {
        self.0.borrow_mut().push(fig.clone());
    }
}

/// The figure `code` leaves shown by `plt.show()`.
fn figure_of(code: &str) -> nabla::display::Figure {
    let figs = Figures::default();
    let mut s = nabla::eval::Session::new();
    s.set_sink(Box::new(figs.clone()));
    s.eval_cell(&format!("{code}\nplt.show()")).unwrap();
    let f = figs.0.borrow_mut().pop().expect("a figure");
    f
}

#[test]
fn colours_follow_matplotlibs_two_cycles() {
    use nabla::display::figure::{Artist, Rgb, CYCLE};
    // matplotlib 3.11: lines C0, fill C0, bar C1, line C1, axhline 'C0' (no cycle).
    let fig = figure_of(
        "plt.plot([1, 2])\nplt.fill_between([0, 1], [0, 1])\nplt.bar([0], [1])\nplt.plot([1, 3])\nplt.axhline(1)\nplt.scatter([1], [1])",
    );
    let colours: Vec<Rgb> = fig.axes[0]
        .artists
        .iter()
        .map(|a| match a {
            Artist::Line { color, .. }
            | Artist::Fill { color, .. }
            | Artist::Bars { color, .. }
            | Artist::RefLine { color, .. }
            | Artist::Scatter { color, .. } => *color,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        colours,
        [CYCLE[0], CYCLE[0], CYCLE[1], CYCLE[1], CYCLE[0], CYCLE[2]]
    );
}

/// The rows of a text chart of `code`, 60 × 20.
fn chart(code: &str) -> Vec<String> {
    let fig = figure_of(code);
    nabla::display::text::render_text(&fig, 60, 20, false)
        .lines()
        .map(String::from)
        .collect()
}

/// (row, column) of `s` in the chart.
fn find(rows: &[String], s: &str) -> (usize, usize) {
    rows.iter()
        .enumerate()
        .find_map(|(r, l)| l.find(s).map(|c| (r, l[..c].chars().count())))
        .unwrap_or_else(|| panic!("{s:?} not in\n{}", rows.join("\n")))
}

#[test]
fn legend_goes_where_the_data_is_not_or_where_asked() {
    // Rising data fills the upper right: 'best' picks the upper left.
    let rows = chart("plt.plot([0, 1, 2], label='rising')\nplt.legend()");
    let (r, c) = find(&rows, "rising");
    assert!(r <= 1 && c < 15, "({r}, {c})\n{}", rows.join("\n"));
    // Falling data leaves the upper right free.
    let rows = chart("plt.plot([2, 1, 0], label='falling')\nplt.legend()");
    let (r, c) = find(&rows, "falling");
    assert!(r <= 1 && c > 40, "({r}, {c})\n{}", rows.join("\n"));
    // loc by name and by code.
    let rows = chart("plt.plot([0, 1, 2], label='line')\nplt.legend(loc='lower center')");
    let (r, c) = find(&rows, "line");
    assert!(
        r >= 14 && (20..40).contains(&c),
        "({r}, {c})\n{}",
        rows.join("\n")
    );
    let rows = chart("plt.plot([0, 1, 2], label='line')\nplt.legend(loc=4)");
    let (r, c) = find(&rows, "line");
    assert!(r >= 14 && c > 40, "({r}, {c})\n{}", rows.join("\n"));
    // legend(labels) names the lines in order.
    let rows = chart("plt.plot([0, 1])\nplt.plot([1, 0])\nplt.legend(['up', 'down'])");
    find(&rows, "── up");
    find(&rows, "── down");
}

#[test]
fn categories_and_fixed_ticks_label_the_axis() {
    let rows = chart("plt.bar(['cat', 'dog', 'bird'], [3, 5, 2])");
    let last = rows.last().unwrap();
    let (a, b, c) = (
        last.find("cat").unwrap(),
        last.find("dog").unwrap(),
        last.find("bird").unwrap(),
    );
    assert!(a < b && b < c, "{last}");
    let rows = chart("plt.plot([1, 2, 3])\nplt.xticks([0, 2], ['first', 'last'])\nplt.yticks([])");
    let last = rows.last().unwrap();
    assert!(last.contains("first") && last.contains("last"), "{last}");
    assert!(!rows.iter().any(|l| l.contains('┤')), "{}", rows.join("\n"));
}

#[test]
fn lines_bands_error_bars_and_text_draw_in_the_terminal() {
    let rows = chart(
        "plt.plot([0, 1], [0, 1])\nplt.axhline(0.5)\nplt.fill_between([0, 1], [0.1, 0.2], [0.3, 0.4], alpha=0.3)\nplt.errorbar([0.5], [0.8], yerr=0.1, fmt='none')\nplt.text(0.1, 0.9, 'hello')",
    );
    find(&rows, "hello");
    // The horizontal line crosses the whole plot area as one run of braille.
    let full = rows
        .iter()
        .filter(|l| {
            l.chars()
                .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
                .count()
                > 45
        })
        .count();
    assert!(full >= 1, "{}", rows.join("\n"));
}

#[test]
fn bbox_inches_tight_crops_to_what_is_drawn() {
    let d = temp_dir("tight");
    let code = format!(
        "fig, ax = plt.subplots(figsize=(6, 3))\nax.plot([1, 2, 3])\nax.set(title='loss', xlabel='step', ylabel='MSE')\nplt.savefig('{0}/t.png', bbox_inches='tight')\nplt.savefig('{0}/t.svg', bbox_inches='tight', pad_inches=0.5)\nplt.savefig('{0}/l.png')",
        d.display()
    );
    let o = nabla(&code, "text");
    assert!(o.status.success(), "{}", stderr(&o));
    let size = |f: &str| {
        let png = std::fs::read(d.join(f)).unwrap();
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        (w, h)
    };
    assert_eq!(size("l.png"), (600, 300));
    // matplotlib 3.11 crops this figure to 536 × 315: the left margin is dropped and the
    // x label, which falls below a 3-inch figure, is kept.
    let (w, h) = size("t.png");
    assert!(
        (520..560).contains(&w) && (305..335).contains(&h),
        "{w} × {h}"
    );
    // A larger pad: 0.4 inch more on each side.
    let svg = std::fs::read_to_string(d.join("t.svg")).unwrap();
    let want = format!("<svg width=\"{}\" height=\"{}\"", w + 80, h + 80);
    assert!(svg.starts_with(&want), "{}", &svg[..60]);
    let o = nabla(
        "plt.plot([1])\nplt.savefig('x.png', bbox_inches='loose')",
        "text",
    );
    assert!(
        stderr(&o).contains("bbox_inches must be 'tight' or None"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn horizontal_bars_grow_from_the_y_axis() {
    let rows = chart("plt.barh(['cat', 'dog'], [0.8, 0.2])");
    let (r_cat, c_cat) = find(&rows, "cat");
    let (r_dog, _) = find(&rows, "dog");
    // The first category at the bottom, as matplotlib; labels left of the axis.
    assert!(r_cat > r_dog && c_cat < 4, "{}", rows.join("\n"));
    // cat's bar is about four times dog's.
    let run = |r: usize| {
        rows[r]
            .chars()
            .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
            .count()
    };
    let (cat, dog) = (run(r_cat), run(r_dog));
    assert!(
        cat > 3 * dog && dog > 0,
        "{cat} vs {dog}\n{}",
        rows.join("\n")
    );
}

#[test]
fn contourf_paints_bands_without_seams_and_contour_draws_lines() {
    use nabla::display::figure::Artist;
    // z = x on a 2 × 3 grid: the band boundary at x = 1 is a vertical line.
    let code = "x = torch.tensor([0., 1.5, 3.])\nX, Y = torch.meshgrid(x, torch.tensor([0., 1.]), indexing='xy')\nplt.contourf(X, Y, X, levels=[0, 1, 2, 3], colors=['red', 'lime', 'blue'], alpha=0.5)";
    let fig = figure_of(code);
    match &fig.axes[0].artists[0] {
        Artist::Contour { grid, levels, .. } => {
            assert_eq!(grid.xs, [0.0, 1.5, 3.0]);
            assert_eq!(grid.ys, [0.0, 1.0]);
            assert_eq!(levels, &[0.0, 1.0, 2.0, 3.0]);
        }
        other => panic!("{other:?}"),
    }
    let (buf, w, h) = nabla::display::raster::render_rgb(&fig).unwrap();
    let px = |x: usize, y: usize| {
        let i = (y * w + x) * 3;
        (buf[i], buf[i + 1], buf[i + 2])
    };
    // Across the middle row: only the three translucent band colours (over white, to within
    // plotters' rounding), white outside and the black frame; no darker seam where runs meet
    // or bands touch (twice-blended red would be (191, 64, 64)).
    let row = h / 2;
    let want = [(255u8, 128u8, 128u8), (128, 255, 128), (128, 128, 255)];
    let near = |a: (u8, u8, u8), b: (u8, u8, u8)| {
        a.0.abs_diff(b.0) <= 1 && a.1.abs_diff(b.1) <= 1 && a.2.abs_diff(b.2) <= 1
    };
    let mut order = Vec::new();
    for x in 0..w {
        let c = px(x, row);
        if c == (255, 255, 255) || c == (0, 0, 0) {
            continue;
        }
        let k = want.iter().position(|&b| near(c, b));
        assert!(k.is_some(), "pixel {x}: {c:?}");
        if order.last() != k.as_ref() {
            order.push(k.unwrap());
        }
    }
    assert_eq!(order, [0, 1, 2]);
    // Every row inside the axes is alike (one band per column).
    let column = (0..w).find(|&x| near(px(x, row), want[1])).unwrap();
    assert_eq!(px(column, row - 20), px(column, row + 20));

    // Lines: the level line of a cone is a circle, drawn in the terminal too.
    let cone = "g = torch.linspace(-2, 2, 41)\nX, Y = torch.meshgrid(g, g, indexing='xy')\nplt.contour(X, Y, (X**2 + Y**2).sqrt(), levels=[1.0], colors='k')";
    let rows = chart(cone);
    let braille = rows
        .iter()
        .flat_map(|r| r.chars())
        .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
        .count();
    assert!(braille > 20, "{}", rows.join("\n"));
    // A level the data never reaches draws nothing.
    let none = chart(&cone.replace("levels=[1.0]", "levels=[9.0]"));
    assert!(
        !none
            .iter()
            .flat_map(|r| r.chars())
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{}",
        none.join("\n")
    );
    // In colour, filled bands are the cells' background.
    let fig = figure_of(code);
    let text = nabla::display::text::render_text(&fig, 60, 20, true);
    assert!(
        text.contains("\x1b[48;2;255;0;0m") && text.contains("\x1b[48;2;0;0;255m"),
        "{text}"
    );
}

#[test]
fn contour_errors_say_what_to_pass() {
    for (code, want) in [
        ("plt.contourf(torch.zeros(3))", "Input z must be 2D, not 1D"),
        (
            "plt.contour(torch.zeros(3), torch.zeros(2), torch.zeros(2, 4))",
            "Length of x (3) must match number of columns in z (4)",
        ),
        (
            "plt.contourf(torch.rand(3, 3), levels=[2, 1])",
            "Contour levels must be increasing",
        ),
        (
            "plt.contourf(torch.rand(3, 3), levels=[1])",
            "Filled contours require at least 2 levels.",
        ),
        (
            "plt.contourf(torch.rand(3, 3), colors='k', cmap='viridis')",
            "Either colors or cmap must be None",
        ),
        (
            "plt.contourf(torch.rand(3, 3), extend='both')",
            "(extend='both') is not supported",
        ),
        ("X = torch.rand(3, 3)\nplt.contourf(X, X, X)", "curvilinear"),
        (
            "plt.contourf(torch.rand(3, 3), cmap='jet2')",
            "'jet2' is not a known colormap",
        ),
    ] {
        let o = nabla(code, "none");
        assert!(!o.status.success(), "{code}");
        assert!(stderr(&o).contains(want), "{code}: {}", stderr(&o));
    }
    // plt.cm's colour maps are accepted where names are.
    let o = nabla(
        "plt.contourf(torch.rand(3, 3), cmap=plt.cm.RdYlBu)\nprint(plt.cm.RdYlBu.name)",
        "none",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "RdYlBu\n");
}

#[test]
fn colorbar_shows_the_mappable_current_when_called_or_the_one_given() {
    // matplotlib: colorbar() takes the current image (the newest mappable so far).
    let fig = figure_of(
        "g = torch.linspace(0, 1, 5)\nX, Y = torch.meshgrid(g, g, indexing='xy')\nplt.contourf(X, Y, X + Y)\nplt.colorbar()\nplt.scatter([0.5], [0.5], c=[1.0])",
    );
    assert_eq!(fig.axes[0].colorbar_of, Some(0));
    let fig = figure_of(
        "sc = plt.scatter([1, 2], [1, 2], c=[1.0, 2.0])\nplt.plot([1, 2])\nplt.colorbar(sc)",
    );
    assert_eq!(fig.axes[0].colorbar_of, Some(0));
    let fig =
        figure_of("fig, ax = plt.subplots()\nim = ax.imshow(torch.rand(3, 3))\nfig.colorbar(im)");
    assert!(fig.axes[0].colorbar);
    let o = nabla("plt.plot([1, 2])\nplt.colorbar()", "none");
    assert!(
        stderr(&o).contains("RuntimeError: No mappable was found to use for colorbar creation"),
        "{}",
        stderr(&o)
    );
}

/// The pixel box (x0, y0, x1, y1) of the pure-red pixels of `fig` drawn as PNG.
fn red_box(fig: &nabla::display::Figure) -> (usize, usize, usize, usize) {
    let (buf, w, h) = nabla::display::raster::render_rgb(fig).unwrap();
    let mut b = (usize::MAX, usize::MAX, 0, 0);
    for y in 0..h {
        for x in 0..w {
            let i = (y * w + x) * 3;
            if buf[i] > 200 && buf[i + 1] < 60 && buf[i + 2] < 60 {
                b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
            }
        }
    }
    assert!(b.0 < b.2, "no red pixels");
    b
}

#[test]
fn equal_aspect_draws_a_circle_round() {
    let circle = "t = torch.linspace(0, 6.2832, 200)\nplt.plot(torch.cos(t), torch.sin(t) * 3 + 5, color='red')\n";
    // The stroke (1.5 pt, about 2 px) widens both spans alike: take it off.
    let size = |b: (usize, usize, usize, usize)| ((b.2 - b.0 - 2) as f64, (b.3 - b.1 - 2) as f64);
    // Without an aspect the ellipse fills the 4:3 box.
    let (w, h) = size(red_box(&figure_of(circle)));
    assert!((w / h - 496.0 / 369.6).abs() < 0.05, "{w} × {h}");
    // x spans 2 units, y 6: drawn 1 : 3 either way.
    for how in [
        "plt.axis('equal')",
        "plt.axis('scaled')",
        "plt.gca().set_aspect('equal')",
        "plt.gca().set_aspect(1, adjustable='datalim')",
    ] {
        let (w, h) = size(red_box(&figure_of(&format!("{circle}{how}"))));
        assert!((h / w - 3.0).abs() < 0.06, "{how}: {w} × {h}");
    }
    // set_aspect(2): a y unit twice as long as an x unit, so 1 : 6.
    let (w, h) = size(red_box(&figure_of(&format!(
        "{circle}plt.gca().set_aspect(2)"
    ))));
    assert!((h / w - 6.0).abs() < 0.12, "{w} × {h}");
    // In the terminal a braille dot is about square: the circle spans about as many dots
    // across (2 per column) as down (4 per row).
    let round = "t = torch.linspace(0, 6.2832, 400)\nplt.plot(torch.cos(t), torch.sin(t))\n";
    for (how, square) in [
        ("plt.axis('equal')", true),
        ("plt.axis('scaled')", true),
        ("", false),
    ] {
        let rows = chart(&format!("{round}{how}"));
        let cells: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .flat_map(|(r, l)| {
                l.chars()
                    .enumerate()
                    .filter(|(_, c)| ('\u{2801}'..='\u{28ff}').contains(c))
                    .map(move |(c, _)| (r, c))
            })
            .collect();
        let span = |f: fn(&(usize, usize)) -> usize| {
            cells.iter().map(f).max().unwrap() - cells.iter().map(f).min().unwrap() + 1
        };
        let (across, down) = (2 * span(|c| c.1), 4 * span(|c| c.0));
        let ratio = across as f64 / down as f64;
        assert_eq!(
            (ratio - 1.0).abs() < 0.2,
            square,
            "{how}: {across} × {down}\n{}",
            rows.join("\n")
        );
    }
}

#[test]
fn aspect_and_margin_mistakes_are_python_errors() {
    let o = nabla(
        "fig, axs = plt.subplots(1, 2, sharex=True, sharey=True)\naxs[0].axis('equal')",
        "none",
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("RuntimeError: set_aspect(..., adjustable='datalim') or axis('equal') are not allowed when both axes are shared"),
        "{}",
        stderr(&o)
    );
    // One shared axis is fine: the other one's limits change.
    let o = nabla(
        "fig, axs = plt.subplots(2, 1, sharex=True)\naxs[0].plot([0, 10], [0, 1])\naxs[0].axis('equal')\nplt.savefig('/dev/null', format='png')",
        "none",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = nabla("plt.gca().set_aspect('equal', anchor='SW')", "none");
    assert!(stderr(&o).contains("anchor='C'"), "{}", stderr(&o));
    let o = nabla("plt.axis('eqaul')", "none");
    assert!(
        stderr(&o).contains("ValueError: Unrecognized string 'eqaul' to axis; try 'on' or 'off'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn scatter_draws_edges_and_a_size_per_point() {
    let count = |fig: &nabla::display::Figure, want: (u8, u8, u8)| {
        let (buf, _, _) = nabla::display::raster::render_rgb(fig).unwrap();
        buf.chunks(3)
            .filter(|p| {
                p[0].abs_diff(want.0) < 40
                    && p[1].abs_diff(want.1) < 40
                    && p[2].abs_diff(want.2) < 40
            })
            .count()
    };
    let (red, blue) = ((255, 0, 0), (0, 0, 255));
    let one = "plt.scatter([0], [0], s=2000, color='blue'";
    let plain = figure_of(&format!("{one})"));
    let edged = figure_of(&format!("{one}, edgecolors='red', linewidths=3)"));
    assert_eq!(count(&plain, red), 0);
    // A ring of red around the blue disc: 3 pt at 100 dpi is about 4 px wide around a
    // radius of sqrt(2000)/2 pt ≈ 31 px, so about 2π·31·4 ≈ 780 px.
    let ring = count(&edged, red);
    assert!((500..1200).contains(&ring), "{ring}");
    assert!(count(&edged, blue) < count(&plain, blue));
    // 'face' and 'none' draw no outline.
    for e in ["face", "none"] {
        assert_eq!(
            count(&figure_of(&format!("{one}, edgecolors='{e}')")), red),
            0
        );
    }
    // Per-point areas: the second point has 4 times the area, so about 4 times the pixels.
    let two = |s: &str| {
        count(
            &figure_of(&format!(
                "plt.scatter([0, 1], [0, 0], s={s}, color='blue')\nplt.xlim(-1, 2)"
            )),
            blue,
        )
    };
    let (small, both) = (two("[200, 200]"), two("[200, 800]"));
    let ratio = (both - small / 2) as f64 / (small / 2) as f64;
    assert!((ratio - 4.0).abs() < 0.5, "{small} {both}");
    let o = nabla("plt.scatter([1, 2], [3, 4], s=[1, 2, 3])", "none");
    assert!(
        stderr(&o).contains("ValueError: s (size 3) cannot be broadcast to match x and y (size 2)"),
        "{}",
        stderr(&o)
    );
    let o = nabla("plt.scatter([1], [3], marker='x', edgecolors='k')", "none");
    assert!(
        o.status.success() && stderr(&o).contains("unfilled marker"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rc_params_set_the_defaults_of_new_figures_and_artists() {
    use nabla::display::figure::{Artist, Cmap, Pixels};
    let fig = figure_of(
        "plt.rcParams['figure.figsize'] = (3, 2)\nplt.rcParams['figure.dpi'] = 50\nplt.rcParams.update({'lines.linewidth': 4, 'lines.markersize': 2, 'axes.grid': True})\nplt.rc('image', cmap='gray')\nfig, axs = plt.subplots(1, 2)\naxs[0].plot([1, 2], marker='o')\naxs[0].plot([1, 2], lw=1)\naxs[1].imshow(torch.zeros(2, 2))",
    );
    assert_eq!((fig.size, fig.dpi), ((3.0, 2.0), 50.0));
    assert!(fig.axes.iter().all(|a| a.grid));
    let widths: Vec<(f64, f64)> = fig.axes[0]
        .artists
        .iter()
        .map(|a| match a {
            Artist::Line {
                width, marker_size, ..
            } => (*width, *marker_size),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(widths, [(4.0, 2.0), (1.0, 2.0)]);
    match &fig.axes[1].artists[0] {
        Artist::Image {
            pixels: Pixels::Scalar { cmap, .. },
            ..
        } => assert_eq!(*cmap, Cmap::Gray),
        other => panic!("{other:?}"),
    }
    let (_, w, h) = nabla::display::raster::render_rgb(&fig).unwrap();
    assert_eq!((w, h), (150, 100));
    // rcdefaults() brings matplotlib's back; an explicit figsize wins over the setting.
    let fig = figure_of("plt.rcParams['figure.figsize'] = [3, 2]\nplt.rcdefaults()\nplt.plot([1])");
    assert_eq!(
        (fig.size, fig.dpi, fig.axes[0].grid),
        ((6.4, 4.8), 100.0, false)
    );
    let fig = figure_of(
        "plt.rcParams['figure.figsize'] = [3, 2]\nplt.figure(figsize=(4, 4))\nplt.plot([1])",
    );
    assert_eq!(fig.size, (4.0, 4.0));
    // Settings nabla does not take say so; bad values are errors.
    let o = nabla("plt.rcParams['font.size'] = 14", "none");
    assert!(
        stderr(&o).contains("NotImplementedError: rcParams['font.size'] is not supported by nabla"),
        "{}",
        stderr(&o)
    );
    let o = nabla("plt.rcParams['figure.figsize'] = 'big'", "none");
    assert!(
        stderr(&o).contains("figsize is (width, height)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn annotate_places_text_and_draws_its_arrow() {
    use nabla::display::figure::{Arrow, ArrowHead, Artist, Rgb};
    let fig = figure_of(
        "plt.plot([0, 4], [0, 16], color='white')\nplt.annotate('max', xy=(4, 16), xytext=(1, 12), arrowprops=dict(arrowstyle='-|>', color='red', lw=2))\nplt.annotate('16', (4, 16), textcoords='offset points', xytext=(0, 10), ha='center')",
    );
    let arts = &fig.axes[0].artists;
    match &arts[1] {
        Artist::Text {
            x,
            y,
            offset,
            arrow,
            ..
        } => {
            assert_eq!((*x, *y, *offset), (1.0, 12.0, (0.0, 0.0)));
            assert_eq!(
                arrow.as_ref(),
                Some(&Arrow {
                    to: (4.0, 16.0),
                    color: Rgb(255, 0, 0),
                    width: 2.0,
                    head: ArrowHead::Filled,
                    head_size: (4.0, 2.0),
                    shrink: (2.0, 2.0),
                    shrink_frac: 0.0,
                })
            );
        }
        other => panic!("{other:?}"),
    }
    match &arts[2] {
        Artist::Text {
            x,
            y,
            offset,
            arrow,
            ..
        } => assert_eq!(
            (*x, *y, *offset, arrow.is_none()),
            (4.0, 16.0, (0.0, 10.0), true)
        ),
        other => panic!("{other:?}"),
    }
    // The red arrow runs from right of the text up to the point: red pixels lie along it
    // and none beyond the point (it stops short of it).
    let (buf, w, h) = nabla::display::raster::render_rgb(&fig).unwrap();
    let red: Vec<(usize, usize)> = (0..w * h)
        .filter(|i| buf[i * 3] > 200 && buf[i * 3 + 1] < 80 && buf[i * 3 + 2] < 80)
        .map(|i| (i % w, i / w))
        .collect();
    assert!(red.len() > 100, "{}", red.len());
    let (x0, x1) = (
        red.iter().map(|p| p.0).min().unwrap(),
        red.iter().map(|p| p.0).max().unwrap(),
    );
    // x = 1 is at 80 + 496 * (1 + 0.2) / 4.4 ≈ 215 px, x = 4 at ≈ 553 px.
    assert!(
        (220..320).contains(&x0) && (530..553).contains(&x1),
        "{x0}..{x1}"
    );
    // In the terminal the arrow is a line of dots from the text.
    let rows = chart("plt.plot([0, 4], [0, 16])\nplt.annotate('max', xy=(4, 0), xytext=(0.5, 8), arrowprops=dict(arrowstyle='->'))");
    let (r, c) = find(&rows, "max");
    assert!(rows[r + 1..].iter().any(|l| l
        .chars()
        .skip(c + 3)
        .any(|ch| ('\u{2801}'..='\u{28ff}').contains(&ch))));
    // What is not supported says so.
    for (code, want) in [
        (
            "plt.annotate('a', (0, 0), xycoords='axes fraction')",
            "xycoords='axes fraction') is not supported",
        ),
        (
            "plt.annotate('a', (0, 0), xytext=(1, 1), textcoords='figure points')",
            "use 'data', 'offset points' or 'offset pixels'",
        ),
        (
            "plt.annotate('a', (0, 0), arrowprops=dict(arrowstyle='fancy'))",
            "arrowstyle 'fancy' is not supported",
        ),
        (
            "plt.annotate('a', (0, 0), arrowprops=dict(mutation_scale=3))",
            "arrowprops 'mutation_scale' is not supported",
        ),
        (
            "plt.annotate('a', (0, 0), arrowprops=dict(connectionstyle='arc3,rad=0.3'))",
            "arrows are straight",
        ),
        (
            "plt.annotate('a', (0, 0), bbox=dict(fc='w'))",
            "bbox=...) is not supported",
        ),
        ("plt.annotate('a', (0, 0, 1))", "xy must be a pair"),
    ] {
        let o = nabla(code, "none");
        assert!(
            !o.status.success() && stderr(&o).contains(want),
            "{code}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn huge_and_nan_widths_and_sizes_draw_without_panicking() {
    for code in [
        "plt.plot([1, 2], lw=1e300)",
        "plt.plot([1, 2], marker='o', markersize=1e300, label='a')\nplt.legend()",
        "plt.plot([1, 2], lw=float('nan'), marker='*', markersize=float('inf'))",
        "plt.bar([1, 2], [1, 2], edgecolor='k', linewidth=1e300)",
        "plt.scatter([1], [1], edgecolors='k', linewidths=1e300, s=1e300)",
        "plt.scatter([1], [1], s=float('nan'), edgecolors='k', linewidths=float('nan'))",
        "plt.axhline(0.5, lw=1e300)",
        "plt.errorbar([1, 2], [1, 2], yerr=1, elinewidth=1e300, capsize=1e300)",
        "plt.contour(torch.rand(5, 5), linewidths=1e300)",
        "plt.annotate('a', (1, 1), xytext=(0, 0), arrowprops=dict(width=1e300, headwidth=1e300))",
    ] {
        let fig = figure_of(code);
        nabla::display::raster::render_rgb(&fig).unwrap_or_else(|e| panic!("{code}: {e}"));
        nabla::display::raster::render_svg(&fig).unwrap_or_else(|e| panic!("{code}: {e}"));
        let _ = nabla::display::text::render_text(&fig, 60, 20, true);
    }
}
