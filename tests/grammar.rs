//! grammar/nabla.ebnf is the contract: every production has an example in grammar/examples/
//! named after it, every example names a production, and the parser accepts every example.

use std::collections::BTreeSet;

#[test]
fn every_production_has_a_parsing_example() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar");
    let ebnf = std::fs::read_to_string(root.join("nabla.ebnf")).unwrap();
    let productions: BTreeSet<String> = ebnf
        .lines()
        .filter_map(|l| {
            let (name, _) = l.split_once('=')?;
            let name = name.trim_end();
            let ok = !name.is_empty()
                && l.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            ok.then(|| name.to_string())
        })
        .collect();
    assert!(
        productions.len() > 100,
        "found only {} productions",
        productions.len()
    );
    let examples: BTreeSet<String> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let no_example: Vec<_> = productions.difference(&examples).collect();
    let no_production: Vec<_> = examples.difference(&productions).collect();
    assert!(
        no_example.is_empty(),
        "productions without an example: {no_example:?}"
    );
    assert!(
        no_production.is_empty(),
        "examples naming no production: {no_production:?}"
    );
    for name in &examples {
        let src =
            std::fs::read_to_string(root.join("examples").join(format!("{name}.py"))).unwrap();
        let (module, errors) = nabla::syntax::parse(&src);
        assert!(
            errors.is_empty() && module.is_some(),
            "grammar/examples/{name}.py: {errors:?}"
        );
    }
}
