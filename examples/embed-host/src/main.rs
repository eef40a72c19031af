//! Embedding Frostbyte in a Rust program: Python drives a (simulated) board through a native
//! module, Rust calls Python functions with converted arguments, keeps a Python callback and
//! calls it later, and handles a Python exception.
use std::mem::MaybeUninit;

use frostbyte::{Args, Error, ExcType, NativeFunction, NativeModule, Obj, Root, Scope, Signature};

static THERMOSTAT: &frostbyte::Image = frostbyte::include_python!("thermostat.py");

/// The embedder's state; native functions reach it through the VM's context.
#[derive(Default)]
struct Board {
    temp: f64,
    led: bool,
    alarm: Option<Root>,
}

fn read_temp<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    a.bind(&Signature { name: "read_temp", params: [], required: 0, varargs: false })?;
    let t = s.context::<Board>().map_or(0.0, |b| b.temp);
    s.new(t)
}

const LED: Signature<1> = Signature { name: "led", params: ["on"], required: 1, varargs: false };
fn led<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let on: bool = a.bind(&LED)?.get(s, &LED, 0)?;
    if let Some(b) = s.context::<Board>() {
        if b.led != on {
            println!("rust: LED {}", if on { "on" } else { "off" });
        }
        b.led = on;
    }
    Ok(s.none())
}

const ON_ALARM: Signature<1> = Signature { name: "on_alarm", params: ["callback"], required: 1, varargs: false };
fn on_alarm<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let cb = a.bind(&ON_ALARM)?.args[0].unwrap_or(s.none());
    let root = s.root(cb)?;
    let board = s.context::<Board>().ok_or_else(|| Error::new(ExcType::RUNTIME_ERROR, "no board"))?;
    if let Some(old) = board.alarm.replace(root) {
        s.unroot(old)?;
    }
    Ok(s.none())
}

/// A native class's state, kept in the Python heap: one GPIO pin.
struct Pin {
    number: u8,
    high: bool,
}

const PIN: Signature<1> = Signature { name: "Pin", params: ["number"], required: 1, varargs: false };
fn pin_new<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let number: u8 = a.bind(&PIN)?.get(s, &PIN, 0)?;
    s.instance(&PIN_CLASS, Pin { number, high: false })
}

const WRITE: Signature<2> = Signature { name: "write", params: ["self", "high"], required: 2, varargs: false };
fn pin_write<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let b = a.bind(&WRITE)?;
    let high: bool = b.get(s, &WRITE, 1)?;
    let pin = b.args[0].unwrap_or(s.none()).borrow_mut(s, &PIN_CLASS)?;
    pin.high = high;
    println!("rust: pin {} -> {}", pin.number, if high { "high" } else { "low" });
    Ok(s.none())
}

fn pin_read<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let high = a.get(0).unwrap_or(s.none()).borrow(s, &PIN_CLASS)?.high;
    s.new(high)
}

fn pin_number<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let n = a.get(0).unwrap_or(s.none()).borrow(s, &PIN_CLASS)?.number;
    s.new(n)
}

frostbyte::native_class!(
    static PIN_CLASS: NativeClass<Pin> = (
        "Pin",
        pin_new,
        &[
            NativeFunction::new("write", pin_write),
            NativeFunction::new("read", pin_read),
            NativeFunction::new("number", pin_number),
        ],
    );
);

static BOARD: NativeModule = NativeModule::new(
    "board",
    &[
        NativeFunction::new("read_temp", read_temp),
        NativeFunction::new("led", led),
        NativeFunction::new("on_alarm", on_alarm),
    ],
)
.with_classes(&[PIN_CLASS.entry()]);

fn run(s: &mut Scope<'_>) -> Result<(), Error> {
    let t = s.import("thermostat")?;
    let status = t.getattr(s, "setup")?.call(s, ())?;
    // The pin Python made, read from Rust.
    println!("rust: status pin state = {}", status.borrow(s, &PIN_CLASS)?.high);
    let check = t.getattr(s, "check")?;
    for temp in [21.5, 27.0, 31.5] {
        s.context::<Board>().unwrap().temp = temp;
        // A nested scope per iteration releases the handles it creates.
        let alarm = s.scope(|s, up| -> Result<bool, Error> {
            let seen: f64 = up.lift(check).call(s, ())?.extract(s)?;
            println!("rust: check() = {seen}");
            if seen <= 25.0 {
                return Ok(false);
            }
            let root = s.context::<Board>().unwrap().alarm.take();
            let Some(root) = root else { return Ok(false) };
            let cb = s.get(&root)?;
            s.context::<Board>().unwrap().alarm = Some(root);
            cb.call(s, (seen,))?.extract(s)
        })?;
        println!("rust: alarm raised = {alarm}");
    }
    // Converted arguments both ways, with a keyword argument.
    let values = s.new(vec![1.0, 2.5, 4.0])?;
    let factor = s.new(2.0)?;
    let doubled: Vec<f64> = t.getattr(s, "scaled")?.call_kw(s, (values,), &[("factor", factor)])?.extract(s)?;
    println!("rust: scaled = {doubled:?}");
    // A Python exception handled in Rust.
    let strict = t.getattr(s, "strict")?;
    match strict.call(s, (-3,)) {
        Ok(_) => println!("rust: no error?"),
        Err(e) if e.is(ExcType::VALUE_ERROR) => {
            println!("rust: caught {} with message {:?}", e.type_name(), e.message());
            print!("{}", s.format_error(&e));
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let mut board = Board::default();
    let mut heap = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
    vm.add_module(&BOARD).expect("no other module is called board");
    vm.add_image(THERMOSTAT).expect("image built for this VM");
    vm.set_context(&mut board);
    match vm.scope(run) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            vm.print_error(&e);
            std::process::ExitCode::FAILURE
        }
    }
}
