//! The `nabla` binary: picks a front end. Until the language lands it reports its version.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version" | "-V") | None => {
            println!("nabla {}", env!("CARGO_PKG_VERSION"));
            if args.is_empty() {
                println!("The tensor engine is here (the Rust library `nabla`); the language, the REPL and the Jupyter kernel are coming next.");
            }
        }
        Some(other) => {
            eprintln!("nabla: `{other}` is not available yet: this build has the tensor engine only (try `nabla --version`).");
            std::process::exit(2);
        }
    }
}
