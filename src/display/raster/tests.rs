//! Pixel and SVG checks of the painter, layout and artists.

use super::*;
use crate::display::figure::{Cmap, CYCLE};

fn line_fig() -> Figure {
    let mut fig = Figure::default();
    let ax = &mut fig.axes[0];
    ax.title = Some("loss".into());
    ax.xlabel = Some("epoch".into());
    ax.ylabel = Some("value".into());
    ax.legend = Some(crate::display::figure::LegendLoc::Best);
    ax.grid = true;
    ax.artists.push(Artist::Line {
        x: vec![0.0, 1.0, 2.0, 3.0],
        y: vec![1.0, 0.5, 0.25, 0.125],
        label: Some("train".into()),
        color: CYCLE[0],
        style: LineStyle::Dashed,
        marker: Some(Marker::Circle),
        width: 1.5,
        alpha: 1.0,
        marker_size: 6.0,
        steps: crate::display::figure::Steps::None,
    });
    fig
}

#[test]
fn png_is_a_png_of_the_figure_size() {
    let png = render_png(&line_fig()).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, at bytes 16..24.
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 640);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 480);
}

#[test]
fn pixels_show_the_line_colour_and_a_white_background() {
    let (rgb, w, h) = render_rgb(&line_fig()).unwrap();
    assert_eq!((w, h), (640, 480));
    assert_eq!(&rgb[..3], &[255, 255, 255]);
    let blue = rgb.chunks(3).filter(|p| p == &[0x1f, 0x77, 0xb4]).count();
    assert!(blue > 100, "{blue} pixels of the line colour");
    // Dark pixels of text and the frame.
    assert!(
        rgb.chunks(3)
            .filter(|p| p[0] < 40 && p[1] < 40 && p[2] < 40)
            .count()
            > 500
    );
}

#[test]
fn reference_lines_translucent_fills_and_texts() {
    use crate::display::figure::{HAlign, VAlign};
    let mut fig = Figure::default();
    let ax = &mut fig.axes[0];
    ax.artists.push(Artist::Fill {
        x: vec![0.0, 1.0],
        y1: vec![0.0, 0.0],
        y2: vec![1.0, 1.0],
        label: None,
        color: Rgb(0, 0, 255),
        alpha: 0.5,
    });
    ax.artists.push(Artist::RefLine {
        vertical: false,
        at: 0.5,
        label: None,
        color: Rgb(255, 0, 0),
        style: LineStyle::Solid,
        width: 2.0,
    });
    ax.artists.push(Artist::Text {
        x: 0.5,
        y: 0.9,
        text: "WWW".into(),
        color: Rgb(0, 160, 0),
        size: 20.0,
        align: (HAlign::Center, VAlign::Center),
        offset: (0.0, 0.0),
        arrow: None,
    });
    let (rgb, w, _) = render_rgb(&fig).unwrap();
    let px = |x: usize, y: usize| &rgb[(y * w + x) * 3..(y * w + x) * 3 + 3];
    // Half-transparent blue over white.
    let near = |p: &[u8], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) <= 1);
    assert!(near(px(200, 350), [128, 128, 255]), "{:?}", px(200, 350));
    // The red line runs the plot box's width (x 80..576 at 640 px), at half its height.
    let red_row = (0..480).find(|&y| px(300, y) == [255, 0, 0]).unwrap();
    assert!((red_row as i64 - 240).abs() < 12, "{red_row}");
    assert_eq!(px(82, red_row), &[255, 0, 0]);
    assert_eq!(px(574, red_row), &[255, 0, 0]);
    assert_ne!(px(70, red_row), &[255, 0, 0]);
    // The text in its colour.
    assert!(rgb.chunks(3).filter(|p| p == &[0, 160, 0]).count() > 20);
}

#[test]
fn alpha_and_bar_edges() {
    let mut fig = Figure::default();
    fig.axes[0].artists.push(Artist::Bars {
        x: vec![0.0],
        height: vec![1.0],
        width: 1.0,
        label: None,
        color: Rgb(0, 0, 255),
        alpha: 0.5,
        edge: Some(Rgb(255, 0, 0)),
        horizontal: false,
    });
    let (rgb, w, _) = render_rgb(&fig).unwrap();
    // Half of a channel's 255 rounds either way.
    let near = |p: &[u8], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) <= 1);
    let px = |x: usize, y: usize| &rgb[(y * w + x) * 3..(y * w + x) * 3 + 3];
    // Half-transparent blue inside the bar.
    assert!(near(px(320, 300), [128, 128, 255]), "{:?}", px(320, 300));
    // Its outline, at half opacity over white.
    let edge = rgb.chunks(3).filter(|p| near(p, [255, 128, 128])).count();
    assert!(edge > 200, "{edge} outline pixels");
}

#[test]
fn svg_holds_the_texts() {
    let svg = render_svg(&line_fig()).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
    for t in ["loss", "epoch", "value", "train"] {
        assert!(svg.contains(&format!(">{t}<")) || svg.contains(t), "{t}");
    }
    assert!(svg.contains("#1F77B4") || svg.contains("#1f77b4"));
}

#[test]
fn image_pixels_keep_their_colours() {
    let mut fig = Figure::default();
    fig.axes[0].colorbar = true;
    fig.axes[0].artists.push(Artist::Image {
        h: 2,
        w: 2,
        pixels: Pixels::Scalar {
            values: vec![0.0, 1.0, 1.0, f64::NAN],
            cmap: Cmap::Viridis,
            vmin: 0.0,
            vmax: 1.0,
        },
    });
    let (rgb, _, _) = render_rgb(&fig).unwrap();
    let count = |c: [u8; 3]| rgb.chunks(3).filter(|p| *p == c).count();
    assert!(count([0x44, 0x01, 0x54]) > 1000);
    assert!(count([0xfd, 0xe7, 0x25]) > 2000);
}

#[test]
fn dashes_split_the_line() {
    let pieces = dash(&[(0.0, 0.0), (10.0, 0.0)], &[2.0, 1.0], 1.0);
    assert_eq!(pieces.len(), 4);
    assert_eq!(pieces[0], vec![(0.0, 0.0), (2.0, 0.0)]);
    assert_eq!(pieces[1], vec![(3.0, 0.0), (5.0, 0.0)]);
    assert_eq!(pieces[3], vec![(9.0, 0.0), (10.0, 0.0)]);
}

#[test]
fn oversized_figure_is_an_error() {
    let mut fig = Figure {
        size: (1000.0, 10.0),
        ..Figure::default()
    };
    assert!(render_png(&fig).unwrap_err().contains("figsize"));
    fig.size = (f64::NAN, 1.0);
    assert!(render_svg(&fig).is_err());
}
