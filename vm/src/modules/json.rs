//! `json` (in progress).

rom_module!("json", fns: [], values: []);
