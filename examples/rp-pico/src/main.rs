//! Frostbyte on a Raspberry Pi Pico (RP2040): the frozen `python/main.py` blinks the on-board
//! LED from an asyncio task and reads a button through a native `board` module. Its `Pin`
//! class carries an embedded-hal 1.0 pin (`OutputPin`/`StatefulOutputPin` or `InputPin`) as
//! Rust state in the Python heap, and `sleep_ms` delays with the RP2040 timer (`DelayNs`).
//! Native code reaches the board through the typed context the VM carries ([`Board`]), never
//! a `static mut`. The same timer is the VM's clock ([`PicoClock`]), which the `time` module
//! and asyncio's event loop sleep on.
#![no_std]
#![no_main]

use core::mem::MaybeUninit;

use embedded_hal::delay::DelayNs;
use embedded_hal::digital::{InputPin, OutputPin, StatefulOutputPin};
use frostbyte::{Args, Error, ExcType, NativeFunction, NativeModule, Obj, Scope, Signature};
use panic_halt as _;
use rp_pico::hal::{self, gpio, pac};

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

/// Python heap: 64 KiB of the Pico's 264 KiB of SRAM.
const HEAP_SIZE: usize = 64 * 1024;

type OutPin = gpio::Pin<gpio::DynPinId, gpio::FunctionSioOutput, gpio::PullDown>;
type InPin = gpio::Pin<gpio::DynPinId, gpio::FunctionSioInput, gpio::PullUp>;

/// A configured GPIO line.
enum Line {
    Out(OutPin),
    In(InPin),
}

/// The state of a Python `Pin` (kept in the Python heap): the GPIO number and its line.
struct Pin {
    number: u8,
    line: Line,
}

/// The embedder's state, given to the VM with `Vm::set_context`: the wired pins not yet
/// claimed by a Python `Pin`, and the timer for delays.
struct Board {
    unclaimed: [Option<Pin>; 2],
    timer: hal::Timer,
}

fn board<'b>(s: &'b mut Scope<'_>) -> Result<&'b mut Board, Error> {
    s.context::<Board>()
        .ok_or_else(|| Error::new(ExcType::RUNTIME_ERROR, "no board context"))
}

fn hw_error(number: u8) -> Error {
    Error::new_fmt(
        ExcType::OS_ERROR,
        format_args!("pin {number}: hardware error"),
    )
}

const PIN_NEW: Signature<1> = Signature {
    name: "Pin",
    params: ["number"],
    required: 1,
    varargs: false,
};

/// `Pin(number)`: claim a wired GPIO (25: the LED, an output; 15: the button, an input).
fn pin_new<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let number: u8 = a.bind(&PIN_NEW)?.get(s, &PIN_NEW, 0)?;
    let b = board(s)?;
    let Some(slot) = b
        .unclaimed
        .iter_mut()
        .find(|p| p.as_ref().is_some_and(|p| p.number == number))
    else {
        return Err(Error::new_fmt(
            ExcType::VALUE_ERROR,
            format_args!("pin {number} is not wired on this board or is in use"),
        ));
    };
    let pin = slot.take().ok_or_else(|| hw_error(number))?;
    s.instance(&PIN, pin)
}

/// The `Pin` a method was called on (its first argument).
fn this<'b, 's>(
    s: &'b mut Scope<'s>,
    a: &Args<'s>,
    name: &'static str,
) -> Result<&'b mut Pin, Error> {
    let sig = Signature {
        name,
        params: ["self"],
        required: 1,
        varargs: false,
    };
    let me = a.bind(&sig)?.args[0].unwrap_or(s.none());
    me.borrow_mut(s, &PIN)
}

fn output<'b>(pin: &'b mut Pin, what: &str) -> Result<&'b mut OutPin, Error> {
    match &mut pin.line {
        Line::Out(p) => Ok(p),
        Line::In(_) => Err(Error::new_fmt(
            ExcType::VALUE_ERROR,
            format_args!("{what}(): pin {} is an input", pin.number),
        )),
    }
}

fn pin_on<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let pin = this(s, &a, "on")?;
    let n = pin.number;
    output(pin, "on")?.set_high().map_err(|_| hw_error(n))?;
    Ok(s.none())
}

fn pin_off<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let pin = this(s, &a, "off")?;
    let n = pin.number;
    output(pin, "off")?.set_low().map_err(|_| hw_error(n))?;
    Ok(s.none())
}

fn pin_toggle<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let pin = this(s, &a, "toggle")?;
    let n = pin.number;
    output(pin, "toggle")?.toggle().map_err(|_| hw_error(n))?;
    Ok(s.none())
}

/// `pin.value()`: the level of an input, or the level an output drives (True is high).
fn pin_value<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    let pin = this(s, &a, "value")?;
    let n = pin.number;
    let high = match &mut pin.line {
        Line::Out(p) => p.is_set_high(),
        Line::In(p) => p.is_high(),
    }
    .map_err(|_| hw_error(n))?;
    s.new(high)
}

frostbyte::native_class!(
    static PIN: NativeClass<Pin> = (
        "Pin",
        pin_new,
        &[
            NativeFunction::new("on", pin_on),
            NativeFunction::new("off", pin_off),
            NativeFunction::new("toggle", pin_toggle),
            NativeFunction::new("value", pin_value),
        ],
    );
);

/// `sleep_ms(ms)`: wait `ms` milliseconds on the RP2040 timer.
#[frostbyte::function]
fn sleep_ms(s: &mut Scope<'_>, ms: u32) -> Result<(), Error> {
    board(s)?.timer.delay_ms(ms);
    Ok(())
}

static BOARD: NativeModule =
    NativeModule::new("board", &[sleep_ms::FUNCTION]).with_classes(&[PIN.entry()]);

/// The RP2040's 64-bit microsecond timer as the VM's [`frostbyte::Clock`]: `time` and
/// asyncio's loop read it. `idle` returns at once (the VM reads the counter again): no
/// alarm interrupt is set up, and `WFI` with none enabled would never wake.
struct PicoClock(hal::Timer);

impl frostbyte::Clock for PicoClock {
    fn ticks_us(&self) -> u64 {
        self.0.get_counter().ticks()
    }

    fn idle(&self, _until_ticks_us: u64) {
        core::hint::spin_loop();
    }
}

/// `print` has nowhere to go on this board: its output is dropped.
struct NoOutput;

impl frostbyte::Output for NoOutput {
    fn write_str(&mut self, _s: &str) {}
}

extern "C" {
    static _stack_end: u32;
}

#[rp_pico::entry]
fn main() -> ! {
    let mut pac = pac::Peripherals::take().unwrap();
    let mut watchdog = hal::Watchdog::new(pac.WATCHDOG);
    let clocks = hal::clocks::init_clocks_and_plls(
        rp_pico::XOSC_CRYSTAL_FREQ,
        pac.XOSC,
        pac.CLOCKS,
        pac.PLL_SYS,
        pac.PLL_USB,
        &mut pac.RESETS,
        &mut watchdog,
    )
    .ok()
    .unwrap();
    // A copy of the timer goes to the board (`sleep_ms`), one to the VM's clock.
    let timer = hal::Timer::new(pac.TIMER, &mut pac.RESETS, &clocks);
    let sio = hal::Sio::new(pac.SIO);
    let pins = rp_pico::Pins::new(
        pac.IO_BANK0,
        pac.PADS_BANK0,
        sio.gpio_bank0,
        &mut pac.RESETS,
    );
    let led = pins.led.into_push_pull_output().into_dyn_pin();
    let button = pins.gpio15.into_pull_up_input().into_dyn_pin();
    let mut board = Board {
        unclaimed: [
            Some(Pin {
                number: 25,
                line: Line::Out(led),
            }),
            Some(Pin {
                number: 15,
                line: Line::In(button),
            }),
        ],
        timer,
    };
    let heap: &'static mut [MaybeUninit<u8>; HEAP_SIZE] =
        cortex_m::singleton!(: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE])
            .unwrap();
    let clock = PicoClock(timer);
    run(heap, &mut board, &clock);
    // main.py loops forever; reaching here means it raised (its traceback had nowhere to go)
    // or the image was refused: stop, leaving the LED as it was.
    loop {
        cortex_m::asm::wfi();
    }
}

fn run(heap: &mut [MaybeUninit<u8>], board: &mut Board, clock: &PicoClock) {
    let mut out = NoOutput;
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.set_clock(clock);
    // The native stack budget: what lies below this frame, minus 2 KiB of reserve. Only the
    // address of the linker symbol is taken; it is never read.
    let marker = 0u8;
    let here = core::hint::black_box(&marker) as *const u8 as usize;
    let bottom = core::ptr::addr_of!(_stack_end) as usize;
    vm.set_native_stack_limit(here.saturating_sub(bottom).saturating_sub(2048));
    if vm.add_module(&BOARD).is_err() || vm.add_image(&FROZEN).is_err() {
        return;
    }
    vm.set_context(board);
    let _ = vm.run_main("main");
}
