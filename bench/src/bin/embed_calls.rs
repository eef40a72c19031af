//! The cost of crossing between Python and Rust, for callgrind:
//! `valgrind --tool=callgrind target/release/embed-calls MODE N`, MODE one of `empty`,
//! `py` (Python→Python call), `native` (Python→Rust native call), `roundtrip`
//! (Python→Rust→Python), `rust` (Rust→Python through the API). Each runs its loop `N` times;
//! (instructions(MODE) - instructions(empty)) / N is the cost of one call.

use std::mem::MaybeUninit;

use frostbyte::{Args, Error, NativeFunction, NativeModule, Obj, Scope};

static CALLS: &frostbyte::Image = frostbyte::include_python!("../../embed/calls.py");

fn ident<'s>(_s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    a.get(0).ok_or_else(|| Error::type_error("ident() needs an argument"))
}

fn call<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let (Some(f), Some(x)) = (a.get(0), a.get(1)) else {
        return Err(Error::type_error("call(f, x)"));
    };
    f.call(s, (x,))
}

static NAT: NativeModule =
    NativeModule::new("nat", &[NativeFunction::new("ident", ident), NativeFunction::new("call", call)]);

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "py".into());
    let n: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let mut heap = vec![MaybeUninit::<u8>::uninit(); 1 << 20];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
    vm.add_module(&NAT).unwrap();
    vm.add_image(CALLS).unwrap();
    let r = vm.scope(|s| -> Result<(), Error> {
        let m = s.import("calls")?;
        if mode == "rust" {
            let f = m.getattr(s, "f")?;
            for i in 0..n {
                s.scope(|s, up| up.lift(f).call(s, (i,)).map(drop))?;
            }
            return Ok(());
        }
        let looper = m.getattr(s, &format!("loop_{mode}"))?;
        looper.call(s, (n,))?;
        Ok(())
    });
    if let Err(e) = r {
        vm.print_error(&e);
        std::process::exit(1);
    }
}
