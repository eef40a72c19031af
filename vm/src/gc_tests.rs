//! Heap and GC invariants (see `heap.rs`), tested through the VM's allocation API:
//! exhaustion raises MemoryError and the heap recovers, temp roots keep objects alive
//! across a collection while unreachable ones are freed, and ROM objects are never marked,
//! freed or written.

use core::mem::MaybeUninit;

use crate::obj::{self, exception};
use crate::rom;
use crate::value::Value;
use crate::vm::Vm;
use crate::Output;

struct Sink;
impl Output for Sink {
    fn write_str(&mut self, _s: &str) {}
}

/// A VM over `mem`.
fn vm_on<'a>(mem: &'a mut [MaybeUninit<u8>], out: &'a mut Sink) -> Vm<'a> {
    Vm::new(mem, out)
}

/// Is `v` a live heap allocation (a HEAD block)?
fn live(vm: &Vm<'_>, v: Value) -> bool {
    vm.heap.alloc_size(v.as_ptr()) > 0
}

#[test]
fn exhaustion_raises_memory_error_and_heap_recovers() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 16 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    // Room for more strings than fit, so the failing allocation is a string's.
    let list = obj::list::with_capacity(&mut vm, 200).unwrap();
    let m = vm.roots_mark();
    vm.push_root(list).unwrap();
    let text = "x".repeat(100);
    // Keep every string reachable through the rooted list until the heap is full.
    let mut n = 0;
    let err = loop {
        match obj::str::new(&mut vm, &text).and_then(|s| obj::list::append(&mut vm, list, s)) {
            Ok(()) => n += 1,
            Err(e) => break e,
        }
        assert!(n < 10_000, "a 16 KiB heap cannot hold 10,000 strings");
    };
    let _ = err;
    assert!((10..200).contains(&n), "{n} strings fitted");
    assert!(vm.pending_is(&exception::MEMORY_ERROR_TYPE));
    vm.take_pending();
    // Everything is still reachable, so a collection frees nothing ...
    vm.collect();
    assert!(obj::str::new(&mut vm, &text).is_err());
    vm.take_pending();
    let full = vm.heap_stats().used;
    // ... until the list is dropped: then allocation succeeds again, as often as before.
    vm.pop_roots(m);
    vm.collect();
    assert!(vm.heap_stats().used < full / 4, "{:?}", vm.heap_stats());
    for _ in 0..n {
        let s = obj::str::new(&mut vm, &text).unwrap();
        assert_eq!(obj::str::as_str(s), Some(text.as_str()));
    }
    assert!(vm.pending().is_null());
}

#[test]
fn collection_keeps_temp_roots_and_frees_the_rest() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 16 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    let kept = obj::str::new(&mut vm, "kept through a temp root").unwrap();
    let m = vm.roots_mark();
    vm.push_root(kept).unwrap();
    // An object reachable only through a rooted container stays alive too.
    let inner = obj::str::new(&mut vm, "inside a rooted list").unwrap();
    vm.push_root(inner).unwrap();
    let list = obj::list::from_slice(&mut vm, &[inner]).unwrap();
    vm.pop_roots(m + 1);
    vm.push_root(list).unwrap();
    // Allocated last, so no later allocation (a collection under gc-stress) reuses it.
    let dropped = obj::str::new(&mut vm, "reachable from nothing").unwrap();
    let before = vm.heap_stats().used;
    vm.collect();
    assert!(live(&vm, kept) && live(&vm, list) && live(&vm, inner));
    assert!(!live(&vm, dropped), "an unreachable object survived a collection");
    assert!(vm.heap_stats().used < before);
    assert_eq!(obj::str::as_str(kept), Some("kept through a temp root"));
    let items = obj::list::as_list(list).unwrap().as_slice();
    assert_eq!(items.len(), 1);
    assert_eq!(obj::str::as_str(items[0]), Some("inside a rooted list"));
    // Releasing the roots makes them collectable.
    vm.pop_roots(m);
    vm.collect();
    assert!(!live(&vm, kept) && !live(&vm, list) && !live(&vm, inner));
}

#[test]
fn temp_roots_grow_into_the_heap_and_keep_every_value() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    let base = vm.heap_stats().used;
    // 2,000 live roots: far past the part inside the `Vm` value; each push may collect
    // (the spill buffer grows, or the string allocation collects), so every value pushed
    // must stay alive through the growth of the buffer that will hold it.
    // Miri runs a tenth of it: 200 roots still spill past the 32 inline words and double the
    // heap part three times.
    let n = if cfg!(miri) { 200 } else { 2000 };
    let m = vm.roots_mark();
    for i in 0..n {
        let s = obj::str::new(&mut vm, &std::format!("root {i}")).unwrap();
        vm.push_root(s).unwrap();
        if i % 97 == 0 {
            vm.collect();
        }
    }
    assert_eq!(vm.roots_mark(), m + n);
    vm.collect();
    for i in 0..n {
        assert_eq!(obj::str::as_str(vm.get_root(m + i)), Some(std::format!("root {i}").as_str()));
    }
    // Entries past the inline part are writable in place.
    let x = obj::str::new(&mut vm, "replaced").unwrap();
    vm.set_root(m + n * 3 / 4, x);
    vm.collect();
    assert_eq!(obj::str::as_str(vm.get_root(m + n * 3 / 4)), Some("replaced"));
    assert!(vm.get_root(m + n).is_null());
    // Popped, everything goes, the spill buffer included.
    vm.pop_roots(m);
    vm.collect();
    assert_eq!(vm.heap_stats().used, base);
}

#[test]
fn temp_root_growth_failure_raises_memory_error_without_recursing() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 4 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    // Fill the heap with rooted objects until a push or an allocation fails.
    let m = vm.roots_mark();
    let mut n = 0;
    while obj::list::with_capacity(&mut vm, 0).and_then(|l| vm.push_root(l)).is_ok() {
        n += 1;
        assert!(n < 10_000, "a 4 KiB heap cannot hold 10,000 lists");
    }
    assert!(n > 32, "{n} roots before the heap filled");
    assert!(vm.pending_is(&exception::MEMORY_ERROR_TYPE));
    vm.take_pending();
    // With the heap full, pushing past the spill buffer's capacity fails cleanly.
    let mut failed = false;
    for _ in 0..4096 {
        if vm.push_root(Value::NONE).is_err() {
            failed = true;
            break;
        }
    }
    assert!(failed && vm.pending_is(&exception::MEMORY_ERROR_TYPE));
    vm.take_pending();
    vm.pop_roots(m);
    vm.collect();
    assert!(obj::list::with_capacity(&mut vm, 100).is_ok());
}

// An even digit count: `Int<N>` with odd N ends in 4 bytes of padding, which `bytes_of` must
// not read (uninitialised).
static ROM_INT: rom::Int<4> = rom::Int::new(false, [1, 2, 3, 4]);
static ROM_TUPLE: rom::Tuple<3> =
    rom::Tuple::new([Value::small_int(7), Value::qstr(&crate::qstr::append), Value::rom(&ROM_INT)]);

/// The bytes of a static, to check it was not written.
fn bytes_of<T>(x: &'static T) -> &'static [u8] {
    // SAFETY: the statics passed here have no padding (word-sized fields, and an even number
    // of u32 digits), so all their bytes are initialised.
    unsafe { core::slice::from_raw_parts(x as *const T as *const u8, core::mem::size_of::<T>()) }
}

#[test]
fn rom_objects_are_never_marked_freed_or_written() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 16 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    let tuple = Value::rom(&ROM_TUPLE);
    let int = Value::rom(&ROM_INT);
    assert!(!vm.is_heap(tuple) && !vm.is_heap(int));
    let (t0, i0) = (bytes_of(&ROM_TUPLE).to_vec(), bytes_of(&ROM_INT).to_vec());
    // A heap object pointing at ROM objects, and ROM objects as temp roots.
    let list = obj::list::from_slice(&mut vm, &[tuple, int]).unwrap();
    vm.push_root(list).unwrap();
    vm.push_root(tuple).unwrap();
    let used = vm.heap_stats().used;
    for _ in 0..3 {
        vm.collect();
    }
    assert_eq!(vm.heap_stats().used, used, "a collection changed the heap");
    assert_eq!(bytes_of(&ROM_TUPLE), &t0[..], "ROM tuple written");
    assert_eq!(bytes_of(&ROM_INT), &i0[..], "ROM int written");
    assert_eq!(obj::tuple::items(tuple).unwrap()[0], Value::small_int(7));
    // Freeing a ROM pointer is ignored.
    vm.free(tuple.as_ptr());
    assert_eq!(vm.heap.alloc_size(tuple.as_ptr()), 0);
    assert_eq!(bytes_of(&ROM_TUPLE), &t0[..]);
    let items = obj::list::as_list(list).unwrap().as_slice();
    assert_eq!(items, &[tuple, int]);
}

#[test]
fn marking_rom_pointers_is_a_no_op() {
    let mut mem = [MaybeUninit::<u8>::uninit(); 4096];
    let mut h = crate::heap::Heap::new(&mut mem);
    let a = h.alloc(10, false, false).unwrap();
    let t0 = bytes_of(&ROM_TUPLE).to_vec();
    assert!(!h.contains(Value::rom(&ROM_TUPLE).as_ptr()));
    h.collect(|t| {
        t.mark(Value::rom(&ROM_TUPLE));
        t.mark_ptr(Value::rom(&ROM_INT).as_ptr());
        t.mark_buffer(a);
    });
    assert_eq!(h.stats().used, crate::heap::BLOCK);
    assert_eq!(bytes_of(&ROM_TUPLE), &t0[..]);
    h.free(Value::rom(&ROM_INT).as_ptr());
    assert_eq!(h.stats().used, crate::heap::BLOCK);
}

/// Objects with data after their header (tuple items, bytes, big-int digits, heap str
/// text), made, read, collected and read again: small enough for Miri, which checks every
/// such read stays within the object's provenance.
#[test]
fn trailing_data_survives_collection() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 16 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    let before = {
        vm.collect();
        vm.heap_stats().used
    };
    let m = vm.roots_mark();
    let s = obj::str::new(&mut vm, "a heap str, longer than a word").unwrap();
    vm.push_root(s).unwrap();
    let t = obj::tuple::new(&mut vm, &[Value::small_int(1), s, Value::qstr(&crate::qstr::append)]).unwrap();
    vm.push_root(t).unwrap();
    let b = obj::bytes::new(&mut vm, b"\x00\x01bytes\xff").unwrap();
    vm.push_root(b).unwrap();
    let big = obj::int::from_i128(&mut vm, -(1i128 << 90) - 7).unwrap();
    vm.push_root(big).unwrap();
    let check = || {
        assert_eq!(obj::str::as_str(s), Some("a heap str, longer than a word"));
        let items = obj::tuple::items(t).unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(obj::str::as_str(items[1]), obj::str::as_str(s));
        assert_eq!(obj::str::as_str(items[2]), Some("append"));
        assert_eq!(obj::bytes::as_bytes(b), Some(&b"\x00\x01bytes\xff"[..]));
        assert_eq!(obj::int::to_i128(big), Some(-(1i128 << 90) - 7));
    };
    check();
    vm.collect();
    check();
    vm.pop_roots(m);
    vm.collect();
    assert_eq!(vm.heap_stats().used, before);
}

/// A heap class with two bases (so an MRO in its extension buffer) and instance keys,
/// collected and read again.
///
/// Under Miri's Stacked Borrows this fails: `class::ext_of` reads the extension pointer,
/// which lies after the `Type` struct, through a pointer derived from a `&Type` (its callers
/// only have `&Type`s, from `type_of`). Tree Borrows accepts it. `tools/miri.sh` skips this
/// test under Stacked Borrows only.
#[test]
fn heap_class_extension_buffer() {
    let mut mem = std::vec![MaybeUninit::<u8>::uninit(); 16 * 1024];
    let mut out = Sink;
    let mut vm = vm_on(&mut mem, &mut out);
    let m = vm.roots_mark();
    let class = |vm: &mut Vm<'_>, name: Value, bases: &[Value]| {
        let ns = obj::dict::new(vm).unwrap();
        vm.push_root(ns).unwrap();
        let c = obj::class::new_class(vm, name, bases, ns).unwrap();
        vm.push_root(c).unwrap();
        c
    };
    let a = class(&mut vm, Value::qstr(&crate::qstr::append), &[]);
    let b = class(&mut vm, Value::qstr(&crate::qstr::pop), &[]);
    let cls = class(&mut vm, Value::qstr(&crate::qstr::insert), &[a, b]);
    for name in [Value::qstr(&crate::qstr::append), Value::qstr(&crate::qstr::pop)] {
        assert!(obj::class::add_instance_key(&mut vm, cls, name).unwrap().is_some());
    }
    let check = || {
        let ct = obj::as_type(cls).unwrap();
        assert_eq!(obj::class::instance_keys(ct).len(), 2);
        let mro = obj::tuple::items(obj::class::mro_of(ct)).unwrap();
        assert_eq!(mro.len(), 4, "C, A, B, object");
        assert_eq!((mro[0], mro[1], mro[2]), (cls, a, b));
    };
    check();
    vm.collect();
    check();
    vm.pop_roots(m);
}
