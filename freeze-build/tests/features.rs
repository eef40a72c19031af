//! `Config::dependencies` under build.rs: the features cargo turned on for the crate being
//! built (`CARGO_FEATURE_*`, for the crate at `CARGO_MANIFEST_DIR`) decide which optional
//! dependencies are in the graph, defaults included. Its own test binary: it sets the
//! environment variables cargo gives a build script, which no other test may see.

use std::path::Path;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn frozen_names(app: &Path) -> String {
    let out = frostbyte_build::Config::new()
        .base_dir(app)
        .out_dir(app)
        .cargo_messages(false)
        .dependencies()
        .compile()
        .expect("compiles");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn features_as_cargo_resolved_them() {
    let d = std::env::temp_dir().join(format!("frostbyte-build-features-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    write(&d, "Cargo.toml", "[workspace]\nmembers = [\"app\", \"sensors\"]\nresolver = \"2\"\n");
    write(
        &d,
        "app/Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
         [features]\ndefault = [\"with-sensors\"]\nwith-sensors = [\"dep:sensors\"]\n\
         [dependencies]\nsensors = { path = \"../sensors\", optional = true }\n",
    );
    write(&d, "app/src/lib.rs", "");
    write(
        &d,
        "sensors/Cargo.toml",
        "[package]\nname = \"sensors\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
         [package.metadata.frostbyte]\npython = [\"thermo.py\"]\n",
    );
    write(&d, "sensors/src/lib.rs", "");
    write(&d, "sensors/thermo.py", "T = 21\n");
    let app = d.join("app");

    // Not running as the app's build script: `cargo metadata` with the default features.
    assert!(frozen_names(&app).contains("*b\"thermo\""));

    // As the app's build script with the defaults off: no `CARGO_FEATURE_*`, no sensors.
    std::env::set_var("CARGO_MANIFEST_DIR", &app);
    assert!(!frozen_names(&app).contains("thermo"), "feature off: optional dependency left out");

    // With the feature on (cargo upper-cases it and turns `-` into `_`).
    std::env::set_var("CARGO_FEATURE_WITH_SENSORS", "1");
    assert!(frozen_names(&app).contains("*b\"thermo\""), "feature on: optional dependency frozen");
}
