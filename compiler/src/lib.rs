//! Frostbyte compiler (host only).
