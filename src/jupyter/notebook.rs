//! `nabla run NOTEBOOK.ipynb`: a notebook's code cells run in order in one session, their
//! outputs printed as a script's would be (values of a cell's last expression too), figures
//! drawn in the terminal. Stops at the first error, as nbclient does.

use crate::eval::{CellError, Session};

/// The code cells' sources of an .ipynb (nbformat 4).
pub fn code_cells(text: &str) -> Result<Vec<String>, String> {
    let nb: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not a notebook (invalid JSON: {e})"))?;
    let cells = nb
        .get("cells")
        .and_then(|c| c.as_array())
        .ok_or("not a notebook: no \"cells\" list (nbformat 4 is read)")?;
    let mut out = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        if cell.get("cell_type").and_then(|t| t.as_str()) != Some("code") {
            continue;
        }
        let source = match cell.get("source") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Array(lines)) => lines
                .iter()
                .map(|l| l.as_str().unwrap_or_default())
                .collect::<String>(),
            _ => return Err(format!("cell {} has no source", i + 1)),
        };
        out.push(source);
    }
    Ok(out)
}

/// Runs the notebook's cells; Err is the failing cell's error.
pub fn run(session: &mut Session, text: &str) -> Result<(), Result<CellError, String>> {
    let cells = code_cells(text).map_err(Err)?;
    for src in cells {
        let r = session.eval_cell(&src);
        session.show_open_figures();
        match r {
            Ok(Some(bundle)) => {
                if let Some((_, t)) = bundle.iter().find(|(m, _)| m == "text/plain") {
                    println!("{t}");
                }
            }
            Ok(None) => {}
            Err(e) => return Err(Ok(e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_code_cells_in_both_source_forms() {
        let nb = r##"{"cells": [
            {"cell_type": "markdown", "source": "# title"},
            {"cell_type": "code", "source": ["x = 1\n", "x + 1"]},
            {"cell_type": "code", "source": "print(x)"}
        ], "nbformat": 4}"##;
        assert_eq!(code_cells(nb).unwrap(), vec!["x = 1\nx + 1", "print(x)"]);
        assert!(code_cells("{").unwrap_err().contains("invalid JSON"));
        assert!(code_cells("{}").unwrap_err().contains("no \"cells\""));
    }
}
