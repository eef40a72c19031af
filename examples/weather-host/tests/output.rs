//! The application runs the driver crate's Python (frozen by build.rs from the dependency's
//! `[package.metadata.frostbyte]`) over its native half: compare with `expected_output.txt`.

#[test]
fn output_matches() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frostbyte-example-weather")).output().expect("run");
    assert!(out.status.success(), "exit status {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), include_str!("../expected_output.txt"));
}
