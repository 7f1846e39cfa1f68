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
