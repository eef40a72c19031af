//! Numeric algorithms with no VM dependency: big-int arithmetic on digit slices and float
//! formatting/parsing.

pub mod bigint;
pub mod dtoa;
pub mod float;
