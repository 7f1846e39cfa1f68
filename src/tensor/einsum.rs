//! `torch.einsum`: parses the equation, takes diagonals for repeated labels, sums out labels
//! no one else needs, and contracts operands pairwise, left to right, as batched matmuls.

use super::Tensor;
use crate::types::{Error, Result};

/// An operand and the label of each of its dimensions.
struct Term {
    t: Tensor,
    /// The operand's position in the call (for messages).
    at: usize,
    labels: Vec<char>,
}

fn err(msg: impl Into<String>) -> Error {
    Error::invalid("einsum", msg)
}

/// Ellipsis dimensions get labels from a private range, aligned from the right.
fn ellipsis_label(i: usize) -> char {
    char::from_u32(0x2460 + i as u32).unwrap_or('?')
}

fn parse_term(s: &str, ndim: usize, n_ell: usize) -> Result<Vec<char>> {
    let mut out = Vec::new();
    let letters = s.replace("...", "").chars().count();
    let mut rest = s;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("...") {
            let k = ndim.checked_sub(letters).ok_or_else(|| {
                err(format!("einsum(): the number of subscripts in the equation ({letters}) is more than the number of dimensions ({ndim}) for operand"))
            })?;
            out.extend((n_ell - k..n_ell).map(ellipsis_label));
            rest = r;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if !c.is_ascii_alphabetic() {
            return Err(err(format!(
                "einsum(): invalid subscript given at index {}: '{c}'",
                s.len() - rest.len()
            )));
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if out.len() != ndim {
        return Err(err(format!(
            "einsum(): the number of subscripts in the equation ({}) does not match the number of dimensions ({ndim}) for operand and no ellipsis was given",
            out.len()
        )));
    }
    Ok(out)
}

/// Sums out dimension `i` of a term.
fn sum_out(term: &mut Term, i: usize) -> Result<()> {
    term.t = term.t.sum(Some(&[i as i64]), false, Some(term.t.dtype()))?;
    term.labels.remove(i);
    Ok(())
}

pub fn einsum(equation: &str, operands: &[Tensor]) -> Result<Tensor> {
    let eq: String = equation.chars().filter(|c| !c.is_whitespace()).collect();
    let (lhs, rhs) = match eq.split_once("->") {
        Some((l, r)) => (l.to_string(), Some(r.to_string())),
        None => (eq.clone(), None),
    };
    let specs: Vec<&str> = lhs.split(',').collect();
    if specs.len() != operands.len() {
        return Err(err(
            "einsum(): more operands were provided than specified in the equation",
        ));
    }
    let n_ell = specs
        .iter()
        .zip(operands)
        .filter(|(s, _)| s.contains("..."))
        .map(|(s, t)| t.dim().saturating_sub(s.replace("...", "").len()))
        .max()
        .unwrap_or(0);
    let mut terms = Vec::new();
    for (at, (s, t)) in specs.iter().zip(operands).enumerate() {
        terms.push(Term {
            t: t.clone(),
            at,
            labels: parse_term(s, t.dim(), n_ell)?,
        });
    }
    let output: Vec<char> = match &rhs {
        Some(r) => parse_term(
            r,
            r.replace("...", "").len() + if r.contains("...") { n_ell } else { 0 },
            n_ell,
        )?,
        None => {
            let mut counts = std::collections::BTreeMap::new();
            for t in &terms {
                for &c in &t.labels {
                    *counts.entry(c).or_insert(0) += 1;
                }
            }
            let mut out: Vec<char> = (0..n_ell).map(ellipsis_label).collect();
            out.extend(
                counts
                    .iter()
                    .filter(|(c, &n)| n == 1 && c.is_ascii_alphabetic())
                    .map(|(c, _)| *c),
            );
            out
        }
    };
    for &c in &output {
        if !terms.iter().any(|t| t.labels.contains(&c)) {
            return Err(err(format!("einsum(): output subscript {c} does not appear in the equation for any input operand")));
        }
    }
    // Repeated labels within one operand: take the diagonal.
    for term in &mut terms {
        while let Some((i, j)) = (0..term.labels.len())
            .flat_map(|i| (i + 1..term.labels.len()).map(move |j| (i, j)))
            .find(|&(i, j)| term.labels[i] == term.labels[j])
        {
            let c = term.labels[i];
            term.t = term.t.diagonal(0, i as i64, j as i64)?;
            term.labels.remove(j);
            term.labels.remove(i);
            term.labels.push(c);
        }
    }
    let mut acc = terms.remove(0);
    let mut rest = terms;
    loop {
        // Labels needed later: the output's and those of operands still to come.
        let needed = |c: char, rest: &[Term]| {
            output.contains(&c) || rest.iter().any(|t| t.labels.contains(&c))
        };
        let mut i = 0;
        while i < acc.labels.len() {
            let c = acc.labels[i];
            if !needed(c, &rest) {
                sum_out(&mut acc, i)?;
            } else {
                i += 1;
            }
        }
        if rest.is_empty() {
            break;
        }
        let mut b = rest.remove(0);
        let mut i = 0;
        while i < b.labels.len() {
            let c = b.labels[i];
            if !needed(c, &rest) && !acc.labels.contains(&c) {
                sum_out(&mut b, i)?;
            } else {
                i += 1;
            }
        }
        acc = contract(acc, b, |c| needed(c, &rest))?;
    }
    let order: Vec<i64> = output
        .iter()
        .map(|c| acc.labels.iter().position(|l| l == c).map(|p| p as i64))
        .collect::<Option<_>>()
        .ok_or_else(|| err("einsum(): internal label mismatch"))?;
    acc.t.permute(&order)
}

/// Contracts two terms: labels in both and needed later are batch dimensions, labels in
/// both and not needed are summed by the product.
fn contract(a: Term, b: Term, needed: impl Fn(char) -> bool) -> Result<Term> {
    let batch: Vec<char> = a
        .labels
        .iter()
        .copied()
        .filter(|c| b.labels.contains(c) && needed(*c))
        .collect();
    let sum: Vec<char> = a
        .labels
        .iter()
        .copied()
        .filter(|c| b.labels.contains(c) && !needed(*c))
        .collect();
    let left: Vec<char> = a
        .labels
        .iter()
        .copied()
        .filter(|c| !b.labels.contains(c))
        .collect();
    let right: Vec<char> = b
        .labels
        .iter()
        .copied()
        .filter(|c| !a.labels.contains(c))
        .collect();
    let size = |c: char| -> Result<usize> {
        let sa = a
            .labels
            .iter()
            .position(|&l| l == c)
            .map(|p| a.t.shape()[p]);
        let sb = b
            .labels
            .iter()
            .position(|&l| l == c)
            .map(|p| b.t.shape()[p]);
        match (sa, sb) {
            (Some(x), Some(y)) if x != y && x != 1 && y != 1 => Err(err(format!(
                "einsum(): subscript {c} has size {y} for operand {} which does not broadcast with previously seen size {x}",
                b.at
            ))),
            (Some(x), Some(y)) => Ok(x.max(y)),
            (Some(x), None) | (None, Some(x)) => Ok(x),
            (None, None) => Ok(1),
        }
    };
    let arrange = |t: &Term, groups: [&[char]; 3]| -> Result<Tensor> {
        let order: Vec<i64> = groups
            .iter()
            .flat_map(|g| g.iter())
            .map(|c| t.labels.iter().position(|l| l == c).unwrap_or(0) as i64)
            .collect();
        let full: Vec<i64> = groups
            .iter()
            .flat_map(|g| g.iter())
            .map(|&c| size(c).map(|s| s as i64))
            .collect::<Result<_>>()?;
        let p = t.t.permute(&order)?.expand(&full)?;
        let prod =
            |g: &[char]| -> Result<i64> { g.iter().map(|&c| size(c).map(|s| s as i64)).product() };
        p.reshape(&[prod(groups[0])?, prod(groups[1])?, prod(groups[2])?])
    };
    let ta = arrange(&a, [&batch, &left, &sum])?;
    let tb = arrange(&b, [&batch, &sum, &right])?;
    let (ta, tb) = if ta.dtype() != tb.dtype() {
        let d = ta.dtype().promote(tb.dtype());
        (ta.to_dtype(d)?, tb.to_dtype(d)?)
    } else {
        (ta, tb)
    };
    let r = ta.bmm(&tb)?;
    let mut shape = Vec::new();
    let mut labels = Vec::new();
    for &c in batch.iter().chain(&left).chain(&right) {
        shape.push(size(c)? as i64);
        labels.push(c);
    }
    Ok(Term {
        t: r.reshape(&shape)?,
        at: a.at,
        labels,
    })
}
