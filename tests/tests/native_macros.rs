//! `#[frostbyte::module]` / `#[frostbyte::function]`: native modules declared on Rust items,
//! with arguments converted from the Rust signature, optional trailing parameters, a scope
//! parameter, `Result` mapped to a Python exception and CPython's arity TypeErrors.

use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

static USER: &frostbyte::Image = frostbyte::include_python!("../fixtures/embed/macro_user.py");

#[derive(Default)]
struct Log(Vec<String>);

#[frostbyte::module(name = "gpio")]
mod gpio_module {
    use frostbyte::{Error, ExcType, Scope};

    #[frostbyte::function]
    pub fn scale(x: i64, factor: Option<i64>) -> i64 {
        x * factor.unwrap_or(2)
    }

    #[frostbyte::function]
    pub fn describe(name: &str, number: u8, active_low: Option<bool>) -> String {
        format!("{name}#{number}{}", if active_low == Some(true) { " (active low)" } else { "" })
    }

    #[frostbyte::function]
    pub fn checked(x: i32) -> Result<u32, Error> {
        u32::try_from(x).map_err(|_| Error::new_fmt(ExcType::VALUE_ERROR, format_args!("negative: {x}")))
    }

    #[frostbyte::function]
    pub fn log(s: &mut Scope<'_>, msg: String) {
        if let Some(l) = s.context::<super::Log>() {
            l.0.push(msg);
        }
    }

    #[frostbyte::function]
    pub fn count(s: &mut Scope<'_>) -> usize {
        s.context::<super::Log>().map_or(0, |l| l.0.len())
    }
}

#[test]
fn macro_declared_module() {
    let mut log = Log::default();
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
        vm.add_module(&gpio_module::MODULE).unwrap();
        vm.add_image(USER).unwrap();
        vm.set_context(&mut log);
        let got = vm
            .scope(|s| -> Result<Vec<String>, frostbyte::Error> {
                s.import("macro_user")?.getattr(s, "run")?.call(s, ())?.extract(s)
            })
            .unwrap();
        assert_eq!(
            got,
            [
                "8",
                "40",
                "pin#3",
                "led#7 (active low)",
                "5",
                "1",
                "TypeError: scale() missing 1 required positional argument: 'x'",
                "ValueError: negative: -1",
                "TypeError: describe() argument 1 must be str, not int",
                "TypeError: scale() takes from 1 to 2 positional arguments but 3 were given",
                "TypeError: log() got an unexpected keyword argument 'extra'",
            ]
        );
    }
    assert_eq!(log.0, ["hello"]);
    // The generated tables are the same static kinds as hand-written ones.
    assert_eq!(gpio_module::scale::SIGNATURE.params, ["x", "factor"]);
    assert_eq!(gpio_module::scale::SIGNATURE.required, 1);
    assert_eq!(gpio_module::MODULE.name(), "gpio");
}
