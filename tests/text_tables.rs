//! The generated text tables (`data/text/*.tsv`) equal a fresh generation
//! by `scripts/gen_text_tables.py`, when Python 3 is installed.

use std::process::Command;

#[test]
fn text_tables_are_fresh() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = match Command::new("python3").arg(format!("{root}/scripts/gen_text_tables.py")).arg("--check").output() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipped: python3 not available ({e})");
            return;
        }
    };
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
