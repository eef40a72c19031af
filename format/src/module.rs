//! The names the VM binds in a frozen module's globals before its body runs, in the order it
//! binds them. The VM's import (`import::exec_module`) walks [`DUNDERS`], and the image
//! builders start each module's key table (the names its body binds, in first-binding
//! order) with the same list, so the two agree on the dict's insertion order.

/// A name bound before the module body runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dunder {
    /// `__name__`: the name the module was imported as (bound when the module is made).
    Name,
    /// `__package__`: the package name (`''` for a top-level module).
    Package,
    /// `__file__`: the source file the code objects name.
    File,
    /// `__path__`: packages only, an empty list.
    Path,
    /// `__doc__`: None (module docstrings are bound by the body).
    Doc,
}

/// The dunders in binding order (`__name__` first: the module's dict starts with it).
pub const DUNDERS: [Dunder; 5] = [Dunder::Name, Dunder::Package, Dunder::File, Dunder::Path, Dunder::Doc];

impl Dunder {
    /// The name's text.
    pub const fn text(self) -> &'static str {
        match self {
            Dunder::Name => "__name__",
            Dunder::Package => "__package__",
            Dunder::File => "__file__",
            Dunder::Path => "__path__",
            Dunder::Doc => "__doc__",
        }
    }
    /// Is it bound in a module (`is_package`: a package's `__init__`)?
    pub const fn bound_in(self, is_package: bool) -> bool {
        !matches!(self, Dunder::Path) || is_package
    }
}
