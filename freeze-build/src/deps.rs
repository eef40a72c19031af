//! [`Config::dependencies`](crate::Config::dependencies): the Python that dependencies
//! declare in `[package.metadata.frostbyte]`, found in the graph `cargo metadata` resolves.

use crate::{Error, Input, Source};
use cargo_metadata::{CargoOpt, DependencyKind, Metadata, MetadataCommand, Package, PackageId};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What the dependencies declare.
pub(crate) struct Declared {
    /// One input per declared path, crates in name order, paths in declaration order.
    pub sources: Vec<Source>,
    /// The application's Cargo.toml and every path dependency's: a new declaration there
    /// must run build.rs again.
    pub manifests: Vec<PathBuf>,
    /// The application's crate name (for clash messages).
    pub own: String,
}

/// Whether build.rs is running for the crate at `base` (then cargo's `CARGO_FEATURE_*`
/// variables say which of its features are on).
fn building(base: &Path) -> bool {
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return false;
    };
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    canon(Path::new(&dir)) == canon(base)
}

fn command(manifest: &Path) -> MetadataCommand {
    let mut cmd = MetadataCommand::new();
    if let Some(cargo) = std::env::var_os("CARGO") {
        cmd.cargo_path(cargo);
    }
    cmd.manifest_path(manifest);
    cmd
}

fn run(cmd: &MetadataCommand, manifest: &Path) -> Result<Metadata, Error> {
    cmd.exec().map_err(|e| Error::Metadata(format!("cargo metadata for {} failed: {e}", manifest.display())))
}

/// The features cargo turned on for the crate being built, by their names in its Cargo.toml
/// (`CARGO_FEATURE_<NAME>` upper-cases them and turns `-` into `_`).
fn enabled_features(manifest: &Path) -> Result<Vec<String>, Error> {
    let mut cmd = command(manifest);
    cmd.no_deps();
    let meta = run(&cmd, manifest)?;
    let Some(pkg) = meta.packages.iter().find(|p| p.manifest_path.as_std_path() == manifest) else {
        return Ok(Vec::new());
    };
    let on = |name: &str| {
        let var = format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"));
        std::env::var_os(var).is_some()
    };
    Ok(pkg.features.keys().filter(|f| on(f)).cloned().collect())
}

/// Every dependency's declared Python, and the manifests to track.
pub(crate) fn declared_python(base: &Path) -> Result<Declared, Error> {
    let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    let manifest = base.join("Cargo.toml");
    let mut cmd = command(&manifest);
    if building(&base) {
        // The features cargo resolved for this build, not the defaults.
        cmd.features(CargoOpt::NoDefaultFeatures);
        let features = enabled_features(&manifest)?;
        if !features.is_empty() {
            cmd.features(CargoOpt::SomeFeatures(features));
        }
    }
    if let Ok(target) = std::env::var("TARGET") {
        cmd.other_options(vec!["--filter-platform".to_string(), target]);
    }
    let meta = run(&cmd, &manifest)?;
    let root = meta
        .packages
        .iter()
        .find(|p| p.manifest_path.as_std_path() == manifest)
        .ok_or_else(|| Error::Metadata(format!("{} is not a package manifest", manifest.display())))?;
    let resolve =
        meta.resolve.as_ref().ok_or_else(|| Error::Metadata("cargo metadata returned no dependency graph".into()))?;
    // Transitive normal dependencies, as resolved.
    let mut reached: BTreeSet<&PackageId> = BTreeSet::new();
    let mut stack = vec![&root.id];
    while let Some(id) = stack.pop() {
        let Some(node) = resolve.nodes.iter().find(|n| &n.id == id) else {
            continue;
        };
        for dep in &node.deps {
            if dep.dep_kinds.iter().any(|k| k.kind == DependencyKind::Normal) && reached.insert(&dep.pkg) {
                stack.push(&dep.pkg);
            }
        }
    }
    let mut packages: Vec<&Package> =
        meta.packages.iter().filter(|p| reached.contains(&p.id) && p.id != root.id).collect();
    packages.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    let mut declared = Declared { sources: Vec::new(), manifests: vec![manifest.clone()], own: root.name.to_string() };
    for pkg in packages {
        if pkg.source.is_none() {
            declared.manifests.push(pkg.manifest_path.clone().into_std_path_buf());
        }
        let Some(python) = pkg.metadata.get("frostbyte").and_then(|f| f.get("python")) else {
            continue;
        };
        let bad = || {
            Error::Metadata(format!(
                "crate `{}` ({}): [package.metadata.frostbyte] python must be a list of paths \
                 (package directories or module files, relative to the crate root)",
                pkg.name, pkg.manifest_path
            ))
        };
        let list = python.as_array().ok_or_else(bad)?;
        let dir = pkg.manifest_path.parent().map(|d| d.as_std_path().to_path_buf()).unwrap_or_default();
        for entry in list {
            let path = entry.as_str().ok_or_else(bad)?.to_string();
            let input =
                if dir.join(&path).is_dir() { Input::Package { path } } else { Input::Module { path, name: None } };
            declared.sources.push(Source { input, krate: Some(pkg.name.to_string()), base: Some(dir.clone()) });
        }
    }
    Ok(declared)
}
