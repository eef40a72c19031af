//! Text formatting algorithms with no VM dependency: the format-spec mini-language and
//! printf-style (`%`) formatting, sharing one padding/grouping layout (`pad`).

pub mod pad;
pub mod printf;
pub mod spec;
