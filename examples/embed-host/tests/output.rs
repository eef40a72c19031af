//! The example's output is checked: run the binary and compare with `expected_output.txt`.

#[test]
fn output_matches() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_embed-host")).output().expect("run embed-host");
    assert!(out.status.success(), "exit status {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    let expected = include_str!("../expected_output.txt");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}
