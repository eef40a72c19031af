//! Text formatting algorithms with no VM dependency: the format-spec mini-language and
//! printf-style (`%`) formatting.
