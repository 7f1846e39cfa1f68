//! Terminal image protocols: the escape sequences that make kitty, iTerm2 (and WezTerm) or a
//! sixel terminal show an image inline.

use base64::Engine as _;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// kitty's graphics protocol: a PNG sent in base64 chunks of at most 4096 bytes, each an APC
/// sequence; `m=1` says more follow.
pub fn kitty(png: &[u8]) -> String {
    let data = b64(png);
    let chunks: Vec<&[u8]> = data.as_bytes().chunks(4096).collect();
    let mut out = String::with_capacity(data.len() + chunks.len() * 16);
    for (i, chunk) in chunks.iter().enumerate() {
        let more = u8::from(i + 1 < chunks.len());
        let head = if i == 0 { "a=T,f=100," } else { "" };
        // The chunk is base64, so ASCII.
        let text = std::str::from_utf8(chunk).unwrap_or_default();
        out.push_str(&format!("\x1b_G{head}m={more};{text}\x1b\\"));
    }
    if chunks.is_empty() {
        out.push_str("\x1b_Ga=T,f=100,m=0;\x1b\\");
    }
    out
}

/// iTerm2's inline images (also WezTerm): one OSC 1337 sequence with the PNG in base64.
pub fn iterm(png: &[u8]) -> String {
    format!(
        "\x1b]1337;File=inline=1;size={};preserveAspectRatio=1:{}\x07",
        png.len(),
        b64(png)
    )
}

/// The 6×6×6 colour cube index of an RGB pixel.
fn cube(r: u8, g: u8, b: u8) -> usize {
    let q = |c: u8| (c as usize * 5 + 127) / 255;
    q(r) * 36 + q(g) * 6 + q(b)
}

/// DEC sixel: `rgb` is `w × h` pixels, 3 bytes each, quantised to a 216-colour cube; each band
/// of six rows is drawn once per colour it uses, with run-length encoding.
pub fn sixel(rgb: &[u8], w: usize, h: usize) -> String {
    let mut out = format!("\x1bPq\"1;1;{w};{h}");
    for i in 0..216 {
        let pct = |c: usize| c * 100 / 5;
        out.push_str(&format!(
            "#{i};2;{};{};{}",
            pct(i / 36),
            pct(i / 6 % 6),
            pct(i % 6)
        ));
    }
    let index: Vec<usize> = rgb
        .chunks_exact(3)
        .map(|p| cube(p[0], p[1], p[2]))
        .collect();
    if index.len() < w * h {
        out.push_str("\x1b\\");
        return out;
    }
    let mut row = vec![0u8; w];
    for band in (0..h).step_by(6) {
        let rows = (band..(band + 6).min(h)).collect::<Vec<_>>();
        let mut used = [false; 216];
        for &y in &rows {
            for &c in &index[y * w..(y + 1) * w] {
                used[c] = true;
            }
        }
        let mut first = true;
        for (color, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            row.iter_mut().for_each(|b| *b = 0);
            for (bit, &y) in rows.iter().enumerate() {
                for (x, &c) in index[y * w..(y + 1) * w].iter().enumerate() {
                    if c == color {
                        row[x] |= 1 << bit;
                    }
                }
            }
            if !first {
                out.push('$');
            }
            first = false;
            out.push_str(&format!("#{color}"));
            push_runs(&mut out, &row);
        }
        out.push('-');
    }
    out.push_str("\x1b\\");
    out
}

/// One colour's row of sixels, runs of four or more as `!n<char>`.
fn push_runs(out: &mut String, row: &[u8]) {
    let mut i = 0;
    while i < row.len() {
        let mut j = i;
        while j < row.len() && row[j] == row[i] {
            j += 1;
        }
        let ch = char::from(63 + row[i]);
        let n = j - i;
        if n >= 4 {
            out.push_str(&format!("!{n}{ch}"));
        } else {
            (0..n).for_each(|_| out.push(ch));
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kitty_chunks_at_4096_with_more_flags() {
        let png = vec![7u8; 6000]; // 8000 base64 characters: two chunks
        let s = kitty(&png);
        let parts: Vec<&str> = s.split("\x1b\\").filter(|p| !p.is_empty()).collect();
        assert_eq!(parts.len(), 2);
        assert!(parts[0].starts_with("\x1b_Ga=T,f=100,m=1;"));
        assert!(parts[1].starts_with("\x1b_Gm=0;"));
        let payload: String = parts.iter().map(|p| p.split_once(';').unwrap().1).collect();
        assert_eq!(payload.len(), 8000);
        assert_eq!(
            base64::engine::general_purpose::STANDARD
                .decode(payload)
                .unwrap(),
            png
        );
    }

    #[test]
    fn iterm_carries_size_and_payload() {
        let s = iterm(b"abc");
        assert_eq!(
            s,
            "\x1b]1337;File=inline=1;size=3;preserveAspectRatio=1:YWJj\x07"
        );
    }

    #[test]
    fn sixel_two_colours_one_band() {
        // 5 × 2: a red row over a blue row.
        let mut rgb = Vec::new();
        (0..5).for_each(|_| rgb.extend([255, 0, 0]));
        (0..5).for_each(|_| rgb.extend([0, 0, 255]));
        let s = sixel(&rgb, 5, 2);
        assert!(s.starts_with("\x1bPq\"1;1;5;2#0;2;0;0;0"));
        assert!(s.ends_with("\x1b\\"));
        // Blue (index 5) has bit 1 ('A' = 63 + 2), red (index 180) bit 0 ('@' = 63 + 1).
        let body = s.rsplit("#215;2;100;100;100").next().unwrap();
        assert_eq!(body, "#5!5A$#180!5@-\x1b\\");
    }
}
