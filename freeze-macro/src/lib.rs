//! include_python!
