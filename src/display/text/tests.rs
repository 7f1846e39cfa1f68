//! Text renderings checked character by character.

use super::*;
use crate::display::figure::{Cmap, Steps, CYCLE};

fn line(x: Vec<f64>, y: Vec<f64>, label: Option<&str>) -> Artist {
    Artist::Line {
        x,
        y,
        label: label.map(String::from),
        color: CYCLE[0],
        style: LineStyle::Solid,
        marker: None,
        width: 1.5,
        alpha: 1.0,
        marker_size: 6.0,
        steps: crate::display::figure::Steps::None,
    }
}

fn plain_text(fig: &Figure, w: usize, h: usize) -> String {
    render_text(fig, w, h, false)
}

#[test]
fn line_chart_has_axes_ticks_title_and_braille() {
    let mut fig = Figure::default();
    fig.axes[0].title = Some("squares".into());
    fig.axes[0].xlabel = Some("epoch".into());
    fig.axes[0]
        .artists
        .push(line(vec![0.0, 1.0, 2.0], vec![1.0, 4.0, 9.0], None));
    let s = plain_text(&fig, 60, 20);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 20);
    assert!(lines[0].trim() == "squares", "{s}");
    assert!(
        s.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{s}"
    );
    assert!(s.contains('└') && s.contains('┤') && s.contains('┬'));
    assert!(lines[19].trim() == "epoch", "{s}");
    // Ticks 0.0 … 2.0 along x and 2 … 8 along y.
    let xrow = lines[18];
    for t in ["0.0", "0.5", "1.0", "1.5", "2.0"] {
        assert!(xrow.contains(t), "{xrow}");
    }
    assert!(s.lines().any(|l| l.trim_start().starts_with("8┤")), "{s}");
    // The line rises: the first column's dots are lower than the last column's.
    let col_rows = |col: usize| {
        lines.iter().position(|l| {
            l.chars()
                .nth(col)
                .is_some_and(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
        })
    };
    let first = (0..60).find_map(|c| col_rows(c).map(|r| (c, r))).unwrap();
    let last = (0..60)
        .rev()
        .find_map(|c| col_rows(c).map(|r| (c, r)))
        .unwrap();
    assert!(first.1 > last.1, "{first:?} {last:?}\n{s}");
}

#[test]
fn legend_and_colour() {
    let mut fig = Figure::default();
    fig.axes[0].legend = Some(LegendLoc::Best);
    fig.axes[0]
        .artists
        .push(line(vec![0.0, 1.0], vec![0.0, 1.0], Some("train")));
    let s = render_text(&fig, 40, 12, true);
    assert!(s.contains("train"));
    assert!(s.contains("\x1b[38;2;31;119;180m"), "{s:?}");
    assert!(!plain_text(&fig, 40, 12).contains('\x1b'));
}

#[test]
fn image_half_blocks_in_colour_and_ramp_without() {
    let mut fig = Figure::default();
    fig.axes[0].artists.push(Artist::Image {
        h: 2,
        w: 2,
        pixels: Pixels::Scalar {
            values: vec![0.0, 1.0, 1.0, 0.0],
            cmap: Cmap::Gray,
            vmin: 0.0,
            vmax: 1.0,
        },
    });
    let s = render_text(&fig, 20, 10, true);
    assert!(s.contains('▀'));
    assert!(s.contains("\x1b[38;2;0;0;0m\x1b[48;2;0;0;0m"), "{s:?}");
    assert!(s.contains("\x1b[38;2;255;255;255m"), "{s:?}");
    let t = plain_text(&fig, 20, 10);
    assert!(t.contains('@') && t.contains("  "), "{t}");
    // A checkerboard scaled up: the top-left quarter dark, top-right bright.
    let first = t.lines().next().unwrap();
    assert!(first.trim_end().ends_with('@'), "{t}");
}

#[test]
fn colorbar_row_under_image() {
    let mut fig = Figure::default();
    fig.axes[0].colorbar = true;
    fig.axes[0].artists.push(Artist::Image {
        h: 1,
        w: 3,
        pixels: Pixels::Scalar {
            values: vec![0.0, 5.0, 10.0],
            cmap: Cmap::Viridis,
            vmin: 0.0,
            vmax: 10.0,
        },
    });
    let t = plain_text(&fig, 30, 8);
    assert!(
        t.lines()
            .any(|l| l.trim().starts_with("0 ") && l.trim().ends_with(" 10")),
        "{t}"
    );
}

#[test]
fn subplots_side_by_side_and_suptitle() {
    let mut fig = Figure::new((6.4, 4.8), 1, 2);
    fig.suptitle = Some("both".into());
    fig.axes[0].title = Some("left".into());
    fig.axes[1].title = Some("right".into());
    fig.axes[0]
        .artists
        .push(line(vec![0.0, 1.0], vec![0.0, 1.0], None));
    let s = plain_text(&fig, 60, 12);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0].trim(), "both");
    let l = lines[1];
    assert!(
        l.find("left").unwrap() < 30 && l.find("right").unwrap() > 30,
        "{s}"
    );
}

#[test]
fn log_axis_labels_powers_of_ten() {
    let mut fig = Figure::default();
    fig.axes[0].ylog = true;
    fig.axes[0]
        .artists
        .push(line(vec![0.0, 1.0, 2.0], vec![1.0, 100.0, 10000.0], None));
    let s = plain_text(&fig, 50, 16);
    assert!(s.contains("10⁰┤") && s.contains("10⁴┤"), "{s}");
}

#[test]
fn hostile_data_and_sizes_draw_without_panicking() {
    let values = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e308,
        -1e308,
        0.0,
        1e-320,
    ];
    for w in [0, 1, 5, 11, 80] {
        for h in [0, 1, 3, 24] {
            let mut fig = Figure::new((1.0, 1.0), 2, 2);
            fig.suptitle = Some("t".into());
            fig.axes[0].artists.push(line(
                values.to_vec(),
                values.iter().rev().copied().collect(),
                Some("l"),
            ));
            fig.axes[0].legend = Some(LegendLoc::Best);
            fig.axes[1].ylog = true;
            fig.axes[1].xlim = Some((5.0, 5.0));
            fig.axes[1].artists.push(Artist::Bars {
                x: values.to_vec(),
                height: values.to_vec(),
                width: f64::INFINITY,
                label: None,
                color: CYCLE[1],
                alpha: 1.0,
                edge: None,
                horizontal: false,
            });
            fig.axes[2].artists.push(Artist::Image {
                h: 3,
                w: 0,
                pixels: Pixels::Rgb(vec![]),
            });
            fig.axes[3].artists.push(Artist::Scatter {
                x: values.to_vec(),
                y: values.to_vec(),
                label: None,
                color: CYCLE[2],
                values: Some((values.to_vec(), Cmap::Viridis)),
                size: 36.0,
                sizes: values.iter().map(|v| v * 1e300).collect(),
                edge: Some(CYCLE[0]),
                edge_width: f64::INFINITY,
                alpha: 1.0,
                marker: crate::display::figure::Marker::Circle,
            });
            for (i, v) in values.iter().enumerate() {
                let ax = &mut fig.axes[i % 4];
                ax.legend = Some(LegendLoc::ALL[i % 11]);
                ax.xcats = vec!["a".into(); i];
                ax.yticks = Some(vec![(*v, "t".into())]);
                ax.artists.push(Artist::RefLine {
                    vertical: i % 2 == 0,
                    at: *v,
                    label: Some("r".into()),
                    color: CYCLE[3],
                    style: LineStyle::Dashed,
                    width: 1.0,
                });
                ax.artists.push(Artist::Fill {
                    x: values.to_vec(),
                    y1: values.iter().rev().copied().collect(),
                    y2: vec![*v; values.len()],
                    label: Some("f".into()),
                    color: CYCLE[4],
                    alpha: 0.3,
                });
                ax.artists.push(Artist::ErrorBars {
                    x: values.to_vec(),
                    y: values.to_vec(),
                    yerr: Some(vec![(*v, *v); values.len()]),
                    xerr: Some(vec![(1.0, *v); 2]),
                    color: CYCLE[5],
                    width: 1.0,
                    capsize: *v,
                });
                ax.artists.push(Artist::Text {
                    x: *v,
                    y: 0.5,
                    text: "x".repeat(i * 40),
                    color: CYCLE[6],
                    size: 10.0,
                    align: (HAlign::Right, crate::display::figure::VAlign::Top),
                    offset: (*v, -*v),
                    arrow: Some(crate::display::figure::Arrow {
                        to: (*v, 0.25),
                        color: CYCLE[7],
                        width: *v,
                        head: {
                            use crate::display::figure::ArrowHead::*;
                            [None, Open, Filled][i % 3]
                        },
                        head_size: (*v, 1.0),
                        shrink: (*v, 2.0),
                        shrink_frac: *v,
                    }),
                });
            }
            // Contours over hostile values and coordinates, filled and as lines.
            for (k, filled) in [(0, true), (3, false)] {
                fig.axes[k].artists.push(Artist::Contour {
                    grid: crate::display::contour::ContourGrid {
                        xs: vec![-1e308, 0.0, 1e308],
                        ys: vec![0.0, 1e-320],
                        z: values[..6].to_vec(),
                    },
                    levels: vec![-1e308, 0.0, 1.0, 1e308],
                    colors: vec![CYCLE[0], CYCLE[1], CYCLE[2], CYCLE[3]],
                    filled,
                    alpha: 0.5,
                    width: 1.5,
                    styles: vec![LineStyle::Dashed; 4],
                });
            }
            let _ = render_text(&fig, w, h, true);
            // Staircases through the same points.
            for (k, a) in fig
                .axes
                .iter_mut()
                .flat_map(|ax| ax.artists.iter_mut())
                .enumerate()
            {
                if let Artist::Line { steps, .. } = a {
                    *steps = [Steps::Pre, Steps::Post, Steps::Mid][k % 3];
                }
            }
            // Aspects over the same data: box and datalim, tiny and huge ratios,
            // margins beyond the data.
            let aspects = [(1.0, false), (1.0, true), (1e-300, true), (1e300, false)];
            for (ax, (ratio, datalim)) in fig.axes.iter_mut().zip(aspects) {
                ax.aspect = Some(crate::display::figure::Aspect { ratio, datalim });
                ax.margins = Some((-0.49, 1e300));
            }
            let _ = render_text(&fig, w, h, true);
            let _ = render_text(&fig, w, h, false);
            if w == 80 && h == 24 {
                fig.size = (4.0, 3.0);
                fig.dpi = 50.0;
                let _ = crate::display::raster::render_png(&fig);
                let _ = crate::display::raster::render_png_tight(&fig, 0.1);
                let _ = crate::display::raster::render_svg_tight(&fig, -3.0);
            }
        }
    }
}
