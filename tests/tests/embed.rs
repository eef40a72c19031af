//! The embedding API from outside the crate, as a user's code uses it: Python called from
//! Rust with converted arguments, Rust native functions called from Python, errors crossing
//! both ways, roots kept across scopes and collections (run also with `--features gc-stress`).

use std::collections::HashMap;
use std::mem::MaybeUninit;

use frostbyte::{Args, Error, ExcType, NativeFunction, NativeModule, Obj, Root, Scope, Signature, Vm};
use frostbyte_tests::Capture;

static EMBED: &frostbyte::Image = frostbyte::include_python!("../fixtures/embed/embedmod.py");

/// The embedder's state, reached by native functions through the VM's context.
#[derive(Default)]
struct Host {
    stored: Vec<Root>,
    calls: u32,
}

const SCALE: Signature<2> = Signature { name: "scale", params: ["x", "factor"], required: 1, varargs: false };
fn scale<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let b = a.bind(&SCALE)?;
    let x: i64 = b.get(s, &SCALE, 0)?;
    let f: i64 = b.get_or(s, &SCALE, 1, 2)?;
    if let Some(h) = s.context::<Host>() {
        h.calls += 1;
    }
    s.new(x * f)
}

const PAIR: Signature<2> = Signature { name: "pair", params: ["a", "b"], required: 2, varargs: false };
fn pair<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let b = a.bind(&PAIR)?;
    let t = (b.args[0].unwrap(), b.args[1].unwrap());
    s.new(t)
}

const TRIPLE: Signature<3> = Signature { name: "triple", params: ["a", "b", "c"], required: 3, varargs: false };
fn triple<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    a.bind(&TRIPLE)?;
    Ok(s.none())
}

fn fail_value<'s>(_s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> {
    Err(Error::new_fmt(ExcType::VALUE_ERROR, format_args!("bad value {}", 7)))
}

const CALL_BACK: Signature<2> = Signature { name: "call_back", params: ["cb", "x"], required: 2, varargs: false };
/// Python → Rust → Python: calls `cb(x)`; an exception of `cb` goes back through `?`.
fn call_back<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let b = a.bind(&CALL_BACK)?;
    let (cb, x) = (b.args[0].unwrap(), b.args[1].unwrap());
    let r = cb.call(s, (x,))?;
    let n: i64 = r.extract(s)?;
    s.new(n + 1)
}

fn store<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let cb = a.get(0).ok_or_else(|| Error::type_error("store() needs a callback"))?;
    let r = s.root(cb)?;
    s.context::<Host>().expect("host context").stored.push(r);
    Ok(s.none())
}

const TOTAL: Signature<0> = Signature { name: "total", params: [], required: 0, varargs: true };
fn total<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let b = a.bind(&TOTAL)?;
    let mut t = 0i64;
    for x in b.rest {
        t += x.extract::<i64>(s)?;
    }
    s.new(t)
}

/// A native class's Rust state: a GPIO pin.
struct Pin {
    number: u8,
    level: bool,
    toggles: u32,
}

const PIN_INIT: Signature<1> = Signature { name: "Pin", params: ["number"], required: 1, varargs: false };
fn pin_init<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let number: u8 = a.bind(&PIN_INIT)?.get(s, &PIN_INIT, 0)?;
    s.instance(&PIN, Pin { number, level: false, toggles: 0 })
}

fn pin_self<'s>(a: &Args<'s>) -> Result<Obj<'s>, Error> {
    a.get(0).ok_or_else(|| Error::type_error("missing self"))
}

fn pin_on<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let p = pin_self(&a)?.borrow_mut(s, &PIN)?;
    p.level = true;
    Ok(s.none())
}

fn pin_toggle<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let p = pin_self(&a)?.borrow_mut(s, &PIN)?;
    p.level = !p.level;
    p.toggles += 1;
    let t = p.toggles;
    s.new(t)
}

fn pin_value<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let level = pin_self(&a)?.borrow(s, &PIN)?.level;
    s.new(level)
}

fn pin_number<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let n = pin_self(&a)?.borrow(s, &PIN)?.number;
    s.new(n)
}

frostbyte::native_class!(
    static PIN: NativeClass<Pin> = (
        "Pin",
        pin_init,
        &[
            NativeFunction::new("on", pin_on),
            NativeFunction::new("toggle", pin_toggle),
            NativeFunction::new("value", pin_value),
            NativeFunction::new("number", pin_number),
        ],
    );
);

static HW: NativeModule = NativeModule::new(
    "hw",
    &[
        NativeFunction::new("scale", scale),
        NativeFunction::new("pair", pair),
        NativeFunction::new("triple", triple),
        NativeFunction::new("fail_value", fail_value),
        NativeFunction::new("call_back", call_back),
        NativeFunction::new("store", store),
        NativeFunction::new("total", total),
    ],
)
.with_classes(&[PIN.entry()]);

fn with_vm<R>(heap: usize, f: impl FnOnce(&mut Vm<'_>) -> R) -> (R, String) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); heap];
    let mut out = Capture::default();
    let r = {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_module(&HW).unwrap();
        vm.add_image(EMBED).unwrap();
        f(&mut vm)
    };
    (r, out.0)
}

fn func<'s>(s: &mut Scope<'s>, name: &str) -> Result<Obj<'s>, Error> {
    s.import("embedmod")?.getattr(s, name)
}

#[test]
fn call_python_with_converted_arguments() {
    let (r, _) = with_vm(1 << 20, |vm| {
        vm.scope(|s| -> Result<(), Error> {
            let add = func(s, "add")?;
            assert_eq!(add.call(s, (2, 40))?.extract::<i64>(s)?, 42);
            assert_eq!(add.call(s, (1.5, 2))?.extract::<f64>(s)?, 3.5);
            let r = add.call(s, ("ab", "cd"))?;
            assert_eq!(r.as_str(s)?, "abcd");
            let greet = func(s, "greet")?;
            let three = s.new(3)?;
            let r = greet.call_kw(s, ("hi",), &[("times", three)])?;
            assert_eq!(r.as_str(s)?, "hi!hi!hi!");
            let q = s.new("?")?;
            let r = greet.call_kw(s, ("x",), &[("punct", q)])?;
            assert_eq!(r.extract::<String>(s)?, "x?");
            let squares = func(s, "squares")?.call(s, (5,))?;
            assert_eq!(squares.extract::<Vec<i64>>(s)?, vec![0, 1, 4, 9, 16]);
            // Attributes: a class, an instance, get and set.
            let counter = func(s, "Counter")?.call(s, (10,))?;
            assert_eq!(counter.call_method(s, "bump", ())?.extract::<i32>(s)?, 11);
            counter.setattr(s, "n", 100)?;
            assert_eq!(counter.call_method(s, "bump", (5,))?.extract::<u8>(s)?, 105);
            assert_eq!(counter.getattr(s, "n")?.extract::<u64>(s)?, 105);
            let m = s.import("embedmod")?;
            m.setattr(s, "CONFIG", "set from Rust")?;
            assert_eq!(m.getattr(s, "CONFIG")?.as_str(s)?, "set from Rust");
            // A greeting with a wrong keyword: the TypeError comes back as an Error.
            let e = greet.call_kw(s, ("x",), &[("nope", q)]).unwrap_err();
            assert_eq!(e.to_string(), "TypeError: greet() got an unexpected keyword argument 'nope'");
            Ok(())
        })
    });
    r.unwrap();
}

#[test]
fn conversions_round_trip() {
    let (r, _) = with_vm(1 << 20, |vm| {
        vm.scope(|s| -> Result<(), Error> {
            macro_rules! round_trip {
                ($($t:ty = $v:expr),* $(,)?) => {$(
                    let o = s.new($v)?;
                    assert_eq!(o.extract::<$t>(s)?, $v, stringify!($t));
                )*};
            }
            round_trip! {
                bool = true, bool = false,
                i8 = -128i8, i16 = i16::MAX, i32 = i32::MIN, i64 = i64::MIN, i128 = i128::MIN, i128 = i128::MAX,
                isize = isize::MIN, u8 = 255u8, u16 = u16::MAX, u32 = u32::MAX, u64 = u64::MAX,
                u128 = u128::MAX, usize = usize::MAX,
                f64 = 1.25f64, f32 = -0.5f32,
                String = String::from("héllo"),
                Vec<i32> = vec![1, -2, 3],
                Vec<String> = vec![String::from("a"), String::from("b")],
                Option<i32> = Some(5), Option<i32> = None::<i32>,
                (i32, bool, f64) = (1, true, 2.5),
                (u8, (i8, String)) = (1u8, (-1i8, String::from("x"))),
            }
            let o = s.new(())?;
            assert!(o.is_none());
            o.extract::<()>(s)?;
            let mut m = HashMap::new();
            m.insert(String::from("one"), 1i64);
            m.insert(String::from("two"), 2i64);
            let o = s.new(m.clone())?;
            assert_eq!(o.extract::<HashMap<String, i64>>(s)?, m);
            let b = s.new(&b"\x00\xffbytes"[..])?;
            assert_eq!(b.as_bytes(s)?, b"\x00\xffbytes");
            // Python's view of converted values.
            let o = s.new((1u128 << 100, -7i8, "s", 0.1f64, Some(false), ()))?;
            let r = o.repr(s)?;
            assert_eq!(r.as_str(s)?, "(1267650600228229401496703205376, -7, 's', 0.1, False, None)");
            // An int from Python that fits only a wider type.
            let big = func(s, "add")?.call(s, (i64::MAX, 1))?;
            assert_eq!(big.extract::<u64>(s)?, 1u64 << 63);
            assert_eq!(big.extract::<f64>(s)?, 9223372036854775808.0);
            Ok(())
        })
    });
    r.unwrap();
}

#[test]
fn conversion_errors() {
    let (r, _) = with_vm(1 << 20, |vm| {
        vm.scope(|s| -> Result<(), Error> {
            let msg = |r: Result<(), Error>| r.unwrap_err().to_string();
            let n300 = s.new(300)?;
            let neg = s.new(-1)?;
            let huge = s.new(u128::MAX)?;
            let f = s.new(1.5)?;
            let text = s.new("x")?;
            let t2 = s.new((1, 2))?;
            let _ = (n300, neg);
            // Every integer type, at both ends and beyond C long: CPython's messages for the
            // C type of the same size (`array` codes b B h H i I l L, `n`, size_t, to_bytes).
            fn over<'s, T: for<'b> frostbyte::FromPython<'b, 's> + std::fmt::Debug>(
                s: &mut Scope<'s>,
                x: i128,
            ) -> String {
                let o = s.new(x).unwrap();
                let e = o.extract::<T>(s).unwrap_err();
                assert!(e.is(ExcType::OVERFLOW_ERROR));
                e.message().to_string()
            }
            const LONG: &str = "Python int too large to convert to C long";
            let beyond = 1i128 << 63;
            let below = -(1i128 << 63) - 1;
            let cases: Vec<(&str, String, &str)> = vec![
                ("i8 128", over::<i8>(s, 128), "signed char is greater than maximum"),
                ("i8 -129", over::<i8>(s, -129), "signed char is less than minimum"),
                ("i8 2**63", over::<i8>(s, beyond), LONG),
                ("i8 -2**63-1", over::<i8>(s, below), LONG),
                ("u8 256", over::<u8>(s, 256), "unsigned byte integer is greater than maximum"),
                ("u8 -1", over::<u8>(s, -1), "unsigned byte integer is less than minimum"),
                ("u8 2**63", over::<u8>(s, beyond), LONG),
                ("u8 -2**63-1", over::<u8>(s, below), LONG),
                ("i16 2**15", over::<i16>(s, 1 << 15), "signed short integer is greater than maximum"),
                ("i16 -2**15-1", over::<i16>(s, -(1 << 15) - 1), "signed short integer is less than minimum"),
                ("i16 2**63", over::<i16>(s, beyond), LONG),
                ("u16 2**16", over::<u16>(s, 1 << 16), "unsigned short is greater than maximum"),
                ("u16 -1", over::<u16>(s, -1), "unsigned short is less than minimum"),
                ("u16 -2**63-1", over::<u16>(s, below), LONG),
                ("i32 2**31", over::<i32>(s, 1 << 31), "signed integer is greater than maximum"),
                ("i32 -2**31-1", over::<i32>(s, -(1 << 31) - 1), "signed integer is less than minimum"),
                ("i32 2**63", over::<i32>(s, beyond), LONG),
                ("u32 2**32", over::<u32>(s, 1 << 32), "unsigned int is greater than maximum"),
                ("u32 2**63", over::<u32>(s, beyond), "unsigned int is greater than maximum"),
                ("u32 2**64", over::<u32>(s, 1 << 64), "Python int too large to convert to C unsigned long"),
                ("u32 -1", over::<u32>(s, -1), "can't convert negative value to unsigned int"),
                ("u32 -2**63-1", over::<u32>(s, below), "can't convert negative value to unsigned int"),
                ("i64 2**63", over::<i64>(s, beyond), LONG),
                ("i64 -2**63-1", over::<i64>(s, below), LONG),
                ("u64 2**64", over::<u64>(s, 1 << 64), "Python int too large to convert to C unsigned long"),
                ("u64 -1", over::<u64>(s, -1), "can't convert negative value to unsigned int"),
                ("usize -1", over::<usize>(s, -1), "can't convert negative value to size_t"),
                ("usize 2**64", over::<usize>(s, 1 << 64), "Python int too large to convert to C size_t"),
                ("isize 2**63", over::<isize>(s, beyond), "Python int too large to convert to C ssize_t"),
                ("isize -2**63-1", over::<isize>(s, below), "Python int too large to convert to C ssize_t"),
                ("u128 -1", over::<u128>(s, -1), "can't convert negative int to unsigned"),
            ];
            for (what, got, want) in &cases {
                assert_eq!(got, want, "{what}");
            }
            assert_eq!(msg(huge.extract::<i128>(s).map(drop)), "OverflowError: int too big to convert");
            let huger = func(s, "big")?.call(s, ())?;
            assert_eq!(msg(huger.extract::<u128>(s).map(drop)), "OverflowError: int too big to convert");
            assert_eq!(
                msg(huger.extract::<u8>(s).map(drop)),
                "OverflowError: Python int too large to convert to C long"
            );
            let e = f.extract::<i32>(s).unwrap_err();
            assert!(e.is(ExcType::TYPE_ERROR));
            assert_eq!(e.message(), "'float' object cannot be interpreted as an integer");
            assert_eq!(msg(text.extract::<f64>(s).map(drop)), "TypeError: must be real number, not str");
            assert_eq!(msg(f.extract::<&str>(s).map(drop)), "TypeError: must be str, not float");
            assert_eq!(msg(text.extract::<&[u8]>(s).map(drop)), "TypeError: must be bytes, not str");
            assert_eq!(msg(n300.extract::<bool>(s).map(drop)), "TypeError: must be bool, not int");
            assert_eq!(msg(text.extract::<Vec<i32>>(s).map(drop)), "TypeError: must be list or tuple, not str");
            assert_eq!(msg(text.extract::<HashMap<String, i32>>(s).map(drop)), "TypeError: must be dict, not str");
            assert_eq!(
                msg(t2.extract::<(i32, i32, i32)>(s).map(drop)),
                "ValueError: expected a tuple of length 3, got 2"
            );
            assert_eq!(msg(n300.extract::<()>(s).map(drop)), "TypeError: must be None, not int");
            let e = s.scope(|s, _| {
                let big = func(s, "big")?.call(s, ())?;
                big.extract::<f64>(s).map(drop)
            });
            assert_eq!(msg(e), "OverflowError: int too large to convert to float");
            Ok(())
        })
    });
    r.unwrap();
}

#[test]
fn python_exceptions_come_back_as_errors() {
    let (r, out) = with_vm(1 << 20, |vm| {
        let e = vm
            .scope(|s| -> Result<(), Error> {
                let e = func(s, "fail")?.call(s, ("oops",)).unwrap_err();
                assert_eq!(e.type_name(), "AppError");
                assert_eq!(e.message(), "oops");
                assert_eq!(e.to_string(), "AppError: oops");
                let app_error = func(s, "AppError")?;
                let value_error = s.builtin("ValueError")?;
                assert!(e.is_instance(s, app_error));
                assert!(!e.is_instance(s, value_error));
                assert!(e.is(ExcType::EXCEPTION) && !e.is(ExcType::VALUE_ERROR));
                let tb = s.format_error(&e);
                assert_eq!(
                    tb,
                    "Traceback (most recent call last):\n  File \"../fixtures/embed/embedmod.py\", line 26, in fail\nembedmod.AppError: oops\n"
                );
                let z = func(s, "divide")?.call(s, (1, 0)).unwrap_err();
                assert!(z.is(ExcType::ZERO_DIVISION_ERROR) && z.is(ExcType::ARITHMETIC_ERROR));
                assert_eq!(z.to_string(), "ZeroDivisionError: division by zero");
                let missing = s.import("no_such_module").unwrap_err();
                assert_eq!(missing.to_string(), "ModuleNotFoundError: No module named 'no_such_module'");
                let attr = s.import("embedmod")?.getattr(s, "nope").unwrap_err();
                assert_eq!(attr.to_string(), "AttributeError: module 'embedmod' has no attribute 'nope'");
                Err(e)
            })
            .unwrap_err();
        // The error outlives its scope; printing it later still shows the traceback.
        vm.print_error(&e);
        e.to_string()
    });
    assert_eq!(r, "AppError: oops");
    assert!(out.ends_with("line 26, in fail\nembedmod.AppError: oops\n"), "{out}");
}

#[test]
fn native_functions_called_from_python() {
    let mut host = Host::default();
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 1 << 20];
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_module(&HW).unwrap();
        vm.add_image(EMBED).unwrap();
        vm.set_context(&mut host);
        vm.scope(|s| -> Result<(), Error> {
            assert_eq!(func(s, "use_native")?.call(s, (4,))?.extract::<i64>(s)?, 48);
            assert_eq!(func(s, "sum_all")?.call(s, (1, 2, 3, 4))?.extract::<i64>(s)?, 10);
            let hw = s.import("hw")?;
            let r = hw.getattr(s, "scale")?.repr(s)?;
            assert_eq!(r.as_str(s)?, "<built-in function scale>");
            let got = func(s, "native_errors")?.call(s, ())?;
            let got: Vec<String> = got.extract(s)?;
            assert_eq!(
                got,
                [
                    "TypeError: scale() missing 1 required positional argument: 'x'",
                    "TypeError: scale() takes from 1 to 2 positional arguments but 3 were given",
                    "TypeError: scale() got an unexpected keyword argument 'y'",
                    "TypeError: scale() got multiple values for argument 'x'",
                    "TypeError: 'str' object cannot be interpreted as an integer",
                    "TypeError: pair() missing 2 required positional arguments: 'a' and 'b'",
                    "TypeError: pair() missing 1 required positional argument: 'b'",
                    "TypeError: triple() missing 3 required positional arguments: 'a', 'b', and 'c'",
                    "ValueError: bad value 7",
                    "OverflowError: Python int too large to convert to C long",
                ]
            );
            // Native functions called from Rust raise the same errors.
            let e = hw.getattr(s, "pair")?.call(s, (1, 2, 3)).unwrap_err();
            assert_eq!(e.to_string(), "TypeError: pair() takes 2 positional arguments but 3 were given");
            Ok(())
        })
        .unwrap();
    }
    // `scale` reached the context in its two successful calls (use_native).
    assert_eq!(host.calls, 2);
}

#[test]
fn exceptions_cross_rust_frames_both_ways() {
    let (r, _) = with_vm(1 << 20, |vm| {
        vm.scope(|s| -> Result<(), Error> {
            let through = func(s, "through_native")?;
            let boom = func(s, "boom")?;
            // Python → Rust native → Python callback raising → back through `?` → Python except.
            let r = through.call(s, (boom, 5))?;
            assert_eq!(r.as_str(s)?, "caught boom 5");
            // A TypeError raised by the native function itself is not caught there.
            let squares = func(s, "squares")?;
            let e = through.call(s, (squares, 3)).unwrap_err();
            assert_eq!(e.to_string(), "TypeError: 'list' object cannot be interpreted as an integer");
            let double = s.builtin("abs")?;
            let r = through.call(s, (double, -4))?;
            assert_eq!(r.as_str(s)?, "returned 5");
            // Rust → Python (hw.call_back via Python) → Rust native → Python raising → Rust.
            let hw = s.import("hw")?;
            let cb = hw.getattr(s, "call_back")?;
            let e = cb.call(s, (boom, 9)).unwrap_err();
            assert_eq!(e.to_string(), "AppError: boom 9");
            let tb = s.format_error(&e);
            assert!(tb.ends_with("line 42, in boom\nembedmod.AppError: boom 9\n"), "{tb}");
            let app_error = func(s, "AppError")?;
            assert!(e.is_instance(s, app_error));
            Ok(())
        })
    });
    r.unwrap();
}

#[test]
fn roots_survive_scopes_and_collections() {
    let mut host = Host::default();
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_module(&HW).unwrap();
        vm.add_image(EMBED).unwrap();
        vm.set_context(&mut host);
        // Python stores two callbacks through the native `store` (a Rust-held Root each).
        vm.scope(|s| -> Result<(), Error> {
            let register = func(s, "register")?;
            let counter = func(s, "Counter")?.call(s, (100,))?;
            let bump = counter.getattr(s, "bump")?;
            register.call(s, (bump,))?;
            let greet = func(s, "greet")?;
            let r = s.root(greet)?;
            s.context::<Host>().unwrap().stored.push(r);
            Ok(())
        })
        .unwrap();
        // Garbage in between, then full collections.
        for _ in 0..3 {
            vm.scope(|s| -> Result<(), Error> {
                for i in 0..2000 {
                    s.scope(|s, _| s.new(format!("garbage {i}")).map(drop))?;
                }
                s.collect();
                Ok(())
            })
            .unwrap();
        }
        let bump_results = vm
            .scope(|s| -> Result<Vec<i64>, Error> {
                let roots = std::mem::take(&mut s.context::<Host>().unwrap().stored);
                let bump = s.get(&roots[0])?;
                let greet = s.get(&roots[1])?;
                let mut out = vec![];
                for i in 1..=3 {
                    out.push(bump.call(s, (i,))?.extract::<i64>(s)?);
                    s.collect();
                }
                assert_eq!(greet.call(s, ("ok",))?.as_str(s)?, "ok!");
                for r in roots {
                    s.unroot(r)?;
                }
                Ok(out)
            })
            .unwrap();
        assert_eq!(bump_results, [101, 103, 106]);
    }
}

#[test]
fn nested_scopes_release_their_handles() {
    // 200,000 calls each allocating a result: without the nested scope releasing its
    // roots, every result would stay alive and a 64 KiB heap would run out.
    let (r, _) = with_vm(64 * 1024, |vm| {
        vm.scope(|s| -> Result<i64, Error> {
            let add = func(s, "add")?;
            let mut total = 0i64;
            for i in 0..200_000i64 {
                total += s.scope(|s, up| -> Result<i64, Error> {
                    let r = up.lift(add).call(s, (format!("{i}"), "0"))?;
                    Ok(r.as_str(s)?.len() as i64)
                })?;
            }
            Ok(total)
        })
    });
    assert_eq!(r.unwrap(), (0..200_000i64).map(|i| format!("{i}0").len() as i64).sum::<i64>());
}

#[test]
fn roots_are_checked_against_their_vm() {
    let mut mem_a = vec![MaybeUninit::<u8>::uninit(); 128 * 1024];
    let mut mem_b = vec![MaybeUninit::<u8>::uninit(); 128 * 1024];
    let (mut out_a, mut out_b) = (Capture::default(), Capture::default());
    let mut a = Vm::new(&mut mem_a, &mut out_a);
    let mut b = Vm::new(&mut mem_b, &mut out_b);
    let root = a.scope(|s| s.new("from a").and_then(|o| s.root(o))).unwrap();
    let e = b.scope(|s| s.get(&root).map(drop)).unwrap_err();
    assert_eq!(e.to_string(), "RuntimeError: this Root belongs to another VM");
    let e = b.unroot(root).unwrap_err();
    assert_eq!(e.to_string(), "RuntimeError: this Root belongs to another VM");
}

/// A native module is a static module object: not in `sys.modules`, read from its table
/// until written; a write, `del` or `__dict__` gives it a namespace dict (issue 10).
#[test]
fn native_module_namespace() {
    let (r, _) = with_vm(256 * 1024, |vm| {
        vm.scope(|s| -> Result<Vec<String>, Error> { func(s, "module_namespace")?.call(s, ())?.extract(s) })
    });
    assert_eq!(
        r.unwrap(),
        [
            "<module 'hw'>",
            "hw",
            "module",
            "True",
            "False",
            "default",
            "module 'hw' has no attribute 'nope'",
            "5",
            "4",
            "True",
            "hw",
            "True",
            "False",
            "'module' object has no attribute 'extra'",
            "True",
            "True",
        ]
    );
}

#[test]
fn native_module_names_never_shadow() {
    static MATH: NativeModule = NativeModule::new("math", &[]);
    static EMBEDMOD: NativeModule = NativeModule::new("embedmod", &[]);
    static HW2: NativeModule = NativeModule::new("hw", &[]);
    with_vm(128 * 1024, |vm| {
        assert_eq!(vm.add_module(&MATH), Err(frostbyte::AddModuleError::NameClash));
        assert_eq!(vm.add_module(&EMBEDMOD), Err(frostbyte::AddModuleError::NameClash));
        assert_eq!(vm.add_module(&HW2), Err(frostbyte::AddModuleError::NameClash));
        // Nothing was shadowed: the names still import what they did.
        let r = vm.scope(|s| -> Result<(String, String, bool), Error> {
            let e = s.import("embedmod")?;
            let f = e.getattr(s, "add")?.type_name(s).to_string();
            let m = s.import("math")?;
            let pi = m.getattr(s, "pi")?.type_name(s).to_string();
            let hw = s.import("hw")?;
            let has_scale = hw.getattr(s, "scale").is_ok();
            Ok((f, pi, has_scale))
        });
        assert_eq!(r.unwrap(), ("function".to_string(), "float".to_string(), true));
        assert_eq!(frostbyte::AddModuleError::NameClash.to_string(), "a module with this name exists already");
    });
    // A frozen module added after a native module of the same name is refused too.
    static EMBEDMOD_FIRST: NativeModule = NativeModule::new("embedmod", &[]);
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 128 * 1024];
    let mut out = Capture::default();
    let mut vm = Vm::new(&mut mem, &mut out);
    vm.add_module(&EMBEDMOD_FIRST).unwrap();
    assert_eq!(vm.add_image(EMBED), Err(frostbyte::ImageError::NameClash));
}

#[test]
fn native_class_carries_rust_state() {
    let (r, _) = with_vm(256 * 1024, |vm| {
        vm.scope(|s| -> Result<(), Error> {
            let got: Vec<String> = func(s, "use_pins")?.call(s, ())?.extract(s)?;
            assert_eq!(
                got,
                [
                    "True",
                    "True",
                    "5",
                    "Pin",
                    "True",
                    "False",
                    "5",
                    "<method 'on' of 'Pin' objects>",
                    "Pin.on",
                    "method_descriptor",
                    "True",
                    "False",
                    "TypeError: Pin() missing 1 required positional argument: 'number'",
                    "OverflowError: unsigned byte integer is greater than maximum",
                    "AttributeError: 'Pin' object has no attribute 'nope'",
                    "TypeError: descriptor 'on' for 'Pin' objects doesn't apply to a 'int' object",
                    "TypeError: unbound method Pin.on() needs an argument",
                    "AttributeError: type object 'Pin' has no attribute 'nope'",
                ]
            );
            // Instances made in Python, read and changed from Rust, across collections.
            let p = func(s, "make_pin")?.call(s, (9,))?;
            let keep = s.root(p)?;
            s.collect();
            p.borrow_mut(s, &PIN)?.toggles = 41;
            assert_eq!(p.call_method(s, "toggle", ())?.extract::<u32>(s)?, 42);
            let made_in_rust = s.instance(&PIN, Pin { number: 1, level: true, toggles: 0 })?;
            assert!(made_in_rust.call_method(s, "value", ())?.extract::<bool>(s)?);
            // Not a Pin: a TypeError, never a wrong read.
            let not_pin = s.new(3)?;
            let e = not_pin.borrow(s, &PIN).map(|_| ()).unwrap_err();
            assert_eq!(e.to_string(), "TypeError: expected 'Pin', got 'int'");
            let again = s.get(&keep)?;
            assert_eq!(again.borrow(s, &PIN)?.number, 9);
            s.unroot(keep)
        })
    });
    r.unwrap();
}
