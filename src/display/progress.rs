//! tqdm's progress line, character for character (`tqdm.format_meter` with its defaults):
//! `train: 45%|████▌     | 45/100 [00:01<00:01, 35.20it/s, loss=0.123]`.

/// A bar's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bar {
    pub n: u64,
    pub total: Option<u64>,
    /// Seconds since the bar started.
    pub elapsed: f64,
    pub desc: Option<String>,
    /// `it` unless `unit=` says otherwise.
    pub unit: String,
    /// `set_postfix` pairs, already formatted; an empty key shows the value alone.
    pub postfix: Vec<(String, String)>,
}

/// `MM:SS`, or `H:MM:SS` past an hour (tqdm's `format_interval`).
pub fn format_interval(t: f64) -> String {
    let t = if t.is_finite() && t > 0.0 {
        t as u64
    } else {
        0
    };
    let (mins, s) = (t / 60, t % 60);
    let (h, m) = (mins / 60, mins % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// Python's `'{:.Ng}'.format(x)`.
pub fn format_g(x: f64, prec: usize) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let prec = prec.max(1);
    // The exponent after rounding to `prec` significant digits.
    let sci = format!("{:.*e}", prec - 1, x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if exp < -4 || exp >= prec as i32 {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip(mant), exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        strip(&format!("{x:.decimals$}"))
    }
}

/// How tqdm shows a number given to `set_postfix` (`tqdm.format_num`): 3 significant
/// digits when that is shorter than Python's `str`.
pub fn format_num(x: f64, python_str: &str) -> String {
    let f = format_g(x, 3).replace("+0", "+").replace("-0", "-");
    if f.len() < python_str.len() {
        f
    } else {
        python_str.to_string()
    }
}

/// `format_num` for a Python float (whose `str` is the shortest round-trip form).
pub fn format_postfix_float(x: f64) -> String {
    let s = if x.is_finite() && x == x.trunc() && x.abs() < 1e16 {
        format!("{x:.1}")
    } else if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        let r = format!("{x}");
        // Python writes large and tiny floats in exponent form.
        if x.abs() >= 1e16 || x.abs() < 1e-4 {
            format!("{x:e}")
                .replace("e-", "e-0")
                .replace("e-00", "e-0")
                .to_string()
        } else {
            r
        }
    };
    format_num(x, &s)
}

const BLOCKS: [char; 9] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// The bar itself, `width` cells (tqdm's `Bar` with its UTF charset).
fn bar_cells(frac: f64, width: usize) -> String {
    let nsyms = 8usize;
    let units = (frac.clamp(0.0, 1.0) * (width * nsyms) as f64) as usize;
    let (full, part) = (units / nsyms, units % nsyms);
    let mut s: String = std::iter::repeat_n('█', full.min(width)).collect();
    if full < width {
        s.push(BLOCKS[part]);
        s.extend(std::iter::repeat_n(' ', width - full - 1));
    }
    s
}

/// tqdm's default line for `bar`, filling `ncols` columns (None: tqdm's 10-cell bar, as it
/// draws when writing to something that is not a terminal).
pub fn format_bar(bar: &Bar, ncols: Option<usize>) -> String {
    let total = bar
        .total
        .filter(|&t| t > 0 && (bar.n as f64) < t as f64 + 0.5);
    let elapsed_str = format_interval(bar.elapsed);
    let rate = (bar.elapsed > 0.0).then(|| bar.n as f64 / bar.elapsed);
    let rate = rate.filter(|r| *r > 0.0);
    let unit = if bar.unit.is_empty() { "it" } else { &bar.unit };
    let rate_fmt = match rate {
        Some(r) if 1.0 / r > 1.0 => format!("{:5.2}s/{unit}", 1.0 / r),
        Some(r) => format!("{r:5.2}{unit}/s"),
        None => format!("?{unit}/s"),
    };
    let postfix: String = {
        let items: Vec<String> = bar
            .postfix
            .iter()
            .map(|(k, v)| {
                if k.is_empty() {
                    v.clone()
                } else {
                    format!("{k}={}", v.trim())
                }
            })
            .collect();
        let joined = items.join(", ");
        if joined.is_empty() {
            String::new()
        } else {
            format!(", {joined}")
        }
    };
    let prefix = match &bar.desc {
        Some(d) if !d.is_empty() => {
            if d.ends_with(": ") {
                d.clone()
            } else {
                format!("{d}: ")
            }
        }
        _ => String::new(),
    };
    let Some(total) = total else {
        return format!(
            "{prefix}{}{unit} [{elapsed_str}, {rate_fmt}{postfix}]",
            bar.n
        );
    };
    let remaining = match rate {
        Some(r) => format_interval((total as f64 - bar.n as f64) / r),
        None => "?".into(),
    };
    let frac = bar.n as f64 / total as f64;
    let l_bar = format!("{prefix}{:3.0}%|", frac * 100.0);
    let r_bar = format!(
        "| {}/{total} [{elapsed_str}<{remaining}, {rate_fmt}{postfix}]",
        bar.n
    );
    if ncols == Some(0) {
        return format!("{}{}", &l_bar[..l_bar.len() - 1], &r_bar[1..]);
    }
    let width = match ncols {
        Some(c) => c
            .saturating_sub(l_bar.chars().count() + r_bar.chars().count())
            .max(1),
        None => 10,
    };
    format!("{l_bar}{}{r_bar}", bar_cells(frac, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(n: u64, total: Option<u64>, elapsed: f64) -> Bar {
        Bar {
            n,
            total,
            elapsed,
            desc: None,
            unit: "it".into(),
            postfix: Vec::new(),
        }
    }

    // Expected strings from tqdm 4.70: `tqdm.format_meter(n, total, elapsed, ...)`.
    #[test]
    fn matches_tqdm() {
        // format_meter(45, 100, 1.2784)
        assert_eq!(
            format_bar(&bar(45, Some(100), 1.2784), None),
            " 45%|████▌     | 45/100 [00:01<00:01, 35.20it/s]"
        );
        // format_meter(0, 100, 0)
        assert_eq!(
            format_bar(&bar(0, Some(100), 0.0), None),
            "  0%|          | 0/100 [00:00<?, ?it/s]"
        );
        // format_meter(100, 100, 3.5)
        assert_eq!(
            format_bar(&bar(100, Some(100), 3.5), None),
            "100%|██████████| 100/100 [00:03<00:00, 28.57it/s]"
        );
        // format_meter(7, None, 2.0, prefix='train')
        let mut b = bar(7, None, 2.0);
        b.desc = Some("train".into());
        assert_eq!(format_bar(&b, None), "train: 7it [00:02,  3.50it/s]");
        // format_meter(3, 10, 9.0, prefix='epoch 1', postfix='loss=0.123')
        let mut b = bar(3, Some(10), 9.0);
        b.desc = Some("epoch 1".into());
        b.postfix = vec![("loss".into(), "0.123".into())];
        assert_eq!(
            format_bar(&b, None),
            "epoch 1:  30%|███       | 3/10 [00:09<00:21,  3.00s/it, loss=0.123]"
        );
        // format_meter(1, 3, 4000.0, unit='batch')
        let mut b = bar(1, Some(3), 4000.0);
        b.unit = "batch".into();
        assert_eq!(
            format_bar(&b, None),
            " 33%|███▎      | 1/3 [1:06:40<2:13:20, 4000.00s/batch]"
        );
        // format_meter(50, 200, 5.0, ncols=60)
        assert_eq!(
            format_bar(&bar(50, Some(200), 5.0), Some(60)),
            " 25%|█████▌                | 50/200 [00:05<00:15, 10.00it/s]"
        );
        // format_meter(5, 3, 1.0): n past total drops the bar
        assert_eq!(
            format_bar(&bar(5, Some(3), 1.0), None),
            "5it [00:01,  5.00it/s]"
        );
    }

    #[test]
    fn numbers_as_tqdm_formats_them() {
        // tqdm.format_num(x)
        assert_eq!(format_postfix_float(0.123456), "0.123");
        assert_eq!(format_postfix_float(0.5), "0.5");
        assert_eq!(format_postfix_float(2.0), "2");
        assert_eq!(format_postfix_float(1234.5678), "1.23e+3");
        assert_eq!(format_postfix_float(0.000123456), "0.000123");
        assert_eq!(format_postfix_float(1.5e-7), "1.5e-7");
        assert_eq!(format_num(100000.0, "100000"), "1e+5");
        assert_eq!(format_num(42.0, "42"), "42");
        assert_eq!(format_g(0.0001, 3), "0.0001");
        assert_eq!(format_g(123456.0, 3), "1.23e+05");
    }
}
