//! CSV to tensors: `nabla.load_csv(path, header=False, dtype=torch.float32, delimiter=',')`.
//! Every cell is a number; the result is 2-D, rows × columns. Blank lines and lines starting
//! with `#` are skipped; cells may be quoted. A ragged row, an empty cell or a cell that is
//! not a number is an error naming its line and column.

use crate::tensor::Tensor;
use crate::types::{DType, Error, Result};
use std::path::Path;

fn bad(path: &Path, line: usize, what: String, hint: Option<String>) -> Error {
    Error::Value {
        op: "load_csv",
        message: format!("{}, line {line}: {what}", path.display()),
        hint,
    }
}

/// Parses CSV text (see the module docs). `path` names the file in errors.
pub fn parse(
    text: &str,
    path: &Path,
    header: bool,
    dtype: DType,
    delimiter: char,
) -> Result<Tensor> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if header {
        rows.next();
    }
    let int = dtype.is_int();
    let mut floats: Vec<f64> = Vec::new();
    let mut ints: Vec<i64> = Vec::new();
    let mut width: Option<(usize, usize)> = None;
    let mut n = 0;
    for (line, l) in rows {
        let cells: Vec<&str> = l.split(delimiter).collect();
        match width {
            None => width = Some((cells.len(), line)),
            Some((w, first)) if w != cells.len() => {
                return Err(bad(
                    path,
                    line,
                    format!("{} columns, but line {first} has {w}", cells.len()),
                    Some("every row needs the same number of cells; check for a missing or extra delimiter".into()),
                ))
            }
            _ => {}
        }
        for (c, cell) in cells.iter().enumerate() {
            let cell = cell.trim();
            let cell = cell
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .unwrap_or(cell)
                .trim();
            if cell.is_empty() {
                return Err(bad(
                    path,
                    line,
                    format!("column {} is empty", c + 1),
                    Some("fill in the missing value (or remove the row) before loading".into()),
                ));
            }
            let not_number = || {
                let hint = if n == 0 && !header {
                    "if the first line names the columns, pass header=True".to_string()
                } else if int {
                    "load it as floats (dtype=torch.float32), or fix the cell".to_string()
                } else {
                    "every cell must be a number; encode categories as numbers first".to_string()
                };
                bad(
                    path,
                    line,
                    format!(
                        "column {}: {cell:?} is not {}",
                        c + 1,
                        if int { "an integer" } else { "a number" }
                    ),
                    Some(hint),
                )
            };
            if int {
                ints.push(cell.parse().map_err(|_| not_number())?);
            } else {
                floats.push(cell.parse().map_err(|_| not_number())?);
            }
        }
        n += 1;
    }
    let Some((w, _)) = width else {
        return Err(Error::value(
            "load_csv",
            format!("{}: no rows of data", path.display()),
        ));
    };
    let t = if int {
        Tensor::from_slice(&ints, &[n, w])?
    } else {
        Tensor::from_slice(&floats, &[n, w])?
    };
    t.to_dtype(dtype)
}

/// Reads a CSV file into a tensor.
pub fn load(path: impl AsRef<Path>, header: bool, dtype: DType, delimiter: char) -> Result<Tensor> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::file("load_csv", path, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::value(
            "load_csv",
            format!(
                "{}: not UTF-8 text (byte {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    parse(&text, path, header, dtype, delimiter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, header: bool, dtype: DType) -> Result<Tensor> {
        parse(text, Path::new("d.csv"), header, dtype, ',')
    }

    #[test]
    fn reads_numbers() {
        let t = p("a,b\n1, 2.5\n\n# note\n\"3\",-4e1\r\n", true, DType::F64).unwrap();
        assert_eq!(t.shape(), &[2, 2]);
        assert_eq!(t.to_vec::<f64>().unwrap(), vec![1.0, 2.5, 3.0, -40.0]);
        let t = p("1,2\n3,4\n", false, DType::I64).unwrap();
        assert_eq!(
            (t.dtype(), t.to_vec::<i64>().unwrap()),
            (DType::I64, vec![1, 2, 3, 4])
        );
        assert_eq!(p("7\n", false, DType::F32).unwrap().shape(), &[1, 1]);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = p("x,y\n1,2\n", false, DType::F32).unwrap_err();
        assert_eq!(
            e.to_string(),
            "d.csv, line 1: column 1: \"x\" is not a number"
        );
        assert!(e.hint().unwrap().contains("header=True"));
        let e = p("1,2\n3\n", false, DType::F32).unwrap_err().to_string();
        assert_eq!(e, "d.csv, line 2: 1 columns, but line 1 has 2");
        let e = p("1,2\n3,\n", false, DType::F32).unwrap_err().to_string();
        assert_eq!(e, "d.csv, line 2: column 2 is empty");
        let e = p("1,2.5\n", false, DType::I64).unwrap_err().to_string();
        assert_eq!(e, "d.csv, line 1: column 2: \"2.5\" is not an integer");
        assert!(p("", false, DType::F32).is_err());
    }
}
