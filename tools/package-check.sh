#!/usr/bin/env bash
# Publishable crates: every workspace crate without `publish = false` is packaged with
# `cargo package --no-verify`, all together so cargo packages them in dependency order and
# resolves unpublished path dependencies (`path` + `version`) to the ones it just packaged.
# Before that, from `cargo metadata`:
# - MSRV: every crate's `rust-version` is the workspace's (declared once, [workspace.package])
#   and not above the installed rustc;
# - each publishable crate has its README, both licence files, repository, homepage,
#   documentation, keywords, categories and licence.
set -euo pipefail
cd "$(dirname "$0")/.."

META=$(mktemp)
trap 'rm -f "$META"' EXIT
cargo metadata --no-deps --format-version 1 >"$META"
RUSTC_VERSION=$(rustc --version | cut -d' ' -f2)
PUBLISHED=$(python3 - "$RUSTC_VERSION" "$META" <<'PY'
import json, os, sys

meta = json.load(open(sys.argv[2]))
rustc = tuple(int(x) for x in sys.argv[1].split("-")[0].split("."))
exempt = set()
problems, published = [], []
msrvs = {p["name"]: p.get("rust_version") for p in meta["packages"]}
if len(set(msrvs.values())) != 1 or None in msrvs.values():
    problems.append(f"rust-version differs between crates: {msrvs}")
for p in meta["packages"]:
    msrv = p.get("rust_version")
    if msrv and tuple(int(x) for x in msrv.split(".")) > rustc[: len(msrv.split("."))]:
        problems.append(f"{p['name']}: rust-version {msrv} is above the installed rustc {sys.argv[1]}")
    if p.get("publish") == []:
        continue
    published.append(p["name"])
    if p["name"] in exempt:
        continue
    root = os.path.dirname(p["manifest_path"])
    for field in ["readme", "repository", "homepage", "documentation", "license", "description"]:
        if not p.get(field):
            problems.append(f"{p['name']}: no `{field}` in Cargo.toml")
    for field in ["keywords", "categories"]:
        if not p.get(field):
            problems.append(f"{p['name']}: no `{field}` in Cargo.toml")
    for f in ["README.md", "LICENSE-MIT", "LICENSE-APACHE"]:
        if not os.path.isfile(os.path.join(root, f)):
            problems.append(f"{p['name']}: no {f} in {root}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(" ".join(sorted(published)))
PY
)
echo "rust-version consistent and <= rustc $RUSTC_VERSION; packaging: $PUBLISHED"
args=()
for p in $PUBLISHED; do args+=(-p "$p"); done
cargo package --no-verify --allow-dirty --quiet "${args[@]}"
for p in $PUBLISHED; do
    list=$(cargo package --list --allow-dirty -p "$p" 2>/dev/null)
    for f in README.md LICENSE-MIT LICENSE-APACHE; do
        grep -qx "$f" <<<"$list" || { echo "$p: $f is not in the package" >&2; exit 1; }
    done
done
echo "packaged: $PUBLISHED"
