//! The matcher: a backtracking machine over the program `parse.rs` emits. It never
//! recurses: choice points, undo records for registers and lookaround barriers live on an
//! explicit stack in a heap bytearray that grows by doubling (MemoryError when it cannot),
//! and every instruction and backtrack counts against [`STEP_LIMIT`], after which the match
//! raises `RuntimeError('regular expression too complex')` instead of running on.
//!
//! Positions are byte offsets into the subject (UTF-8 for a str); registers are u32 words in
//! a heap bytearray: `2g`/`2g+1` the start/end of group g, then the `lastindex` register,
//! then two per counted repeat (count, position the last iteration started at).
//!
//! ```text
//!  frame (4 x u32)   tag | a | b | c
//!   CHOICE   pc pos -          resume at pc with pos
//!   RESTORE  reg old -         undo a register write
//!   BARRIER  look_pc pos -     lookaround / atomic group in progress (pos: where it began)
//!   NOP      - - -             a cut choice (frames inside a finished lookaround)
//!   REPONE   pc pos minpos     greedy single-character repeat: give back one character
//!   REPLAZY  pc pos count      lazy single-character repeat: take one more character
//!   REPLOOP  rep_pc pos -      lazy counted repeat: run the body once more
//! ```

use super::parse::*;
use crate::obj::{self, bytearray, str_case};
use crate::vm::{PyResult, Vm};

/// Instructions plus backtracks one match call may take (all start positions of a search
/// together) before it raises RuntimeError.
pub(super) const STEP_LIMIT: u32 = 20_000_000;

/// "No position" in a register.
pub(super) const NONE: u32 = u32::MAX;

const F_CHOICE: u32 = 0;
const F_RESTORE: u32 = 1;
const F_BARRIER: u32 = 2;
const F_NOP: u32 = 3;
const F_REPONE: u32 = 4;
const F_REPLAZY: u32 = 5;
const F_REPLOOP: u32 = 6;

/// What is matched against.
pub(super) struct Subject<'s> {
    /// The whole string's bytes (UTF-8 for a str).
    pub s: &'s [u8],
    /// A str (decode UTF-8) rather than bytes.
    pub text: bool,
    /// Unicode classes and case folding (str pattern without ASCII).
    pub uni: bool,
    /// `endpos` as a byte offset.
    pub end: usize,
}

impl Subject<'_> {
    /// The character at byte `i` (< end) and the byte after it.
    #[inline]
    fn at(&self, i: usize) -> (u32, usize) {
        let s = self.s;
        let b0 = s[i] as u32;
        if !self.text || b0 < 0x80 {
            return (b0, i + 1);
        }
        let cont = |k: usize| (s.get(i + k).copied().unwrap_or(0x80) & 0x3f) as u32;
        if b0 >= 0xF0 {
            (((b0 & 7) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), i + 4)
        } else if b0 >= 0xE0 {
            (((b0 & 15) << 12) | (cont(1) << 6) | cont(2), i + 3)
        } else {
            (((b0 & 31) << 6) | cont(1), i + 2)
        }
    }

    /// The byte offset of the character before byte `i` (> 0).
    #[inline]
    pub(super) fn prev(&self, i: usize) -> usize {
        let mut j = i - 1;
        if self.text {
            while j > 0 && self.s[j] & 0xC0 == 0x80 {
                j -= 1;
            }
        }
        j
    }
}

/// Simple lower case of `c` (ASCII only unless `uni`).
pub(super) fn lower(c: u32, uni: bool) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    if !uni {
        return c;
    }
    match char::from_u32(c).map(str_case::lower) {
        Some(str_case::Mapped::One(x)) => x as u32,
        _ => c,
    }
}

/// Simple upper case of `c` (ASCII only unless `uni`).
pub(super) fn upper(c: u32, uni: bool) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    if !uni {
        return c;
    }
    match char::from_u32(c).map(str_case::upper) {
        Some(str_case::Mapped::One(x)) => x as u32,
        _ => c,
    }
}

fn eq_fold(a: u32, b: u32, uni: bool) -> bool {
    a == b || lower(a, uni) == lower(b, uni) || (uni && upper(a, uni) == upper(b, uni))
}

/// `\d`: ASCII digits, and with `uni` the decimal digits of other scripts.
fn is_digit(c: u32, uni: bool) -> bool {
    if c < 128 {
        return (0x30..=0x39).contains(&c);
    }
    if !uni {
        return false;
    }
    let Some(ch) = char::from_u32(c) else { return false };
    // Numeric but not a letter, minus the superscripts, fractions, number forms and
    // circled/parenthesised numbers (Unicode No/Nl, which `str.isdecimal` rejects).
    str_case::is_numeric(ch)
        && !str_case::is_alphabetic(ch)
        && !matches!(c, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE | 0x2070..=0x218F | 0x2460..=0x24FF | 0x2776..=0x2793 | 0x3248..=0x325F | 0x3280..=0x32BF | 0x1369..=0x137C | 0x09F4..=0x09F9 | 0x0BF0..=0x0BF2 | 0x16EE..=0x16F0 | 0x2CFD | 0x3192..=0x3195 | 0x3220..=0x3229 | 0xA830..=0xA835 | 0x10107..=0x10133 | 0x1F100..=0x1F10C)
}

/// `\s`.
fn is_space(c: u32, uni: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 32) || (uni && (28..=31).contains(&c));
    }
    uni && cfg!(feature = "unicode-tables") && char::from_u32(c).is_some_and(char::is_whitespace)
}

/// `\w`.
pub(super) fn is_word(c: u32, uni: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric() || c == 0x5F;
    }
    uni && char::from_u32(c).is_some_and(str_case::is_alphanumeric)
}

#[inline]
fn w(code: &[u8], i: usize) -> u32 {
    match code.get(i * 4..i * 4 + 4) {
        Some(d) => u32::from_le_bytes([d[0], d[1], d[2], d[3]]),
        None => FAIL,
    }
}

fn class_test(code: &[u8], pc: usize, c: u32, uni: bool) -> bool {
    let len = w(code, pc + 1) as usize;
    let end = pc + len;
    let mut i = pc + 3;
    while i < end {
        match w(code, i) {
            I_CHAR => {
                if w(code, i + 1) == c {
                    return true;
                }
                i += 2;
            }
            I_RANGE => {
                if (w(code, i + 1)..=w(code, i + 2)).contains(&c) {
                    return true;
                }
                i += 3;
            }
            _ => {
                let hit = match w(code, i + 1) {
                    CAT_DIGIT => is_digit(c, uni),
                    CAT_NOT_DIGIT => !is_digit(c, uni),
                    CAT_WORD => is_word(c, uni),
                    CAT_NOT_WORD => !is_word(c, uni),
                    CAT_SPACE => is_space(c, uni),
                    _ => !is_space(c, uni),
                };
                if hit {
                    return true;
                }
                i += 2;
            }
        }
    }
    false
}

/// The single-character instruction at `pc` against the character at `pos`: the byte
/// after it when it matches.
#[inline]
fn single(code: &[u8], pc: usize, sj: &Subject<'_>, pos: usize) -> Option<usize> {
    if pos >= sj.end {
        return None;
    }
    let (c, next) = sj.at(pos);
    let ok = match w(code, pc) {
        CHAR => c == w(code, pc + 1),
        CHAR_I => eq_fold(c, w(code, pc + 1), sj.uni),
        ANY => c != 10,
        ANY_ALL => true,
        CLASS => {
            let fl = w(code, pc + 2);
            let mut hit = class_test(code, pc, c, sj.uni);
            if !hit && fl & 2 != 0 {
                hit = class_test(code, pc, lower(c, sj.uni), sj.uni) || class_test(code, pc, upper(c, sj.uni), sj.uni);
            }
            hit != (fl & 1 != 0)
        }
        _ => false,
    };
    ok.then_some(next)
}

/// Length in words of a single-character instruction.
fn single_len(code: &[u8], pc: usize) -> usize {
    match w(code, pc) {
        CHAR | CHAR_I => 2,
        CLASS => w(code, pc + 1) as usize,
        _ => 1,
    }
}

/// The heap buffers of a match call (both rooted by the caller).
pub(super) struct Machine {
    /// Registers (bytearray of u32).
    pub regs: crate::value::Value,
    /// Backtracking stack (bytearray of 16-byte frames).
    pub stack: crate::value::Value,
    /// The `lastindex` register; repeat counters follow it.
    pub li: usize,
    /// Steps taken so far.
    pub steps: u32,
}

fn get(b: &[u8], i: usize) -> u32 {
    match b.get(i * 4..i * 4 + 4) {
        Some(d) => u32::from_le_bytes([d[0], d[1], d[2], d[3]]),
        None => NONE,
    }
}

fn put(b: &mut [u8], i: usize, v: u32) {
    if let Some(d) = b.get_mut(i * 4..i * 4 + 4) {
        d.copy_from_slice(&v.to_le_bytes());
    }
}

fn too_complex(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(&obj::exception::RUNTIME_ERROR_TYPE, "regular expression too complex")
}

/// Matcher steps counted as one instruction of the VM's budget and poll hook.
const BUDGET_EVERY: u32 = 256;

/// Every [`BUDGET_EVERY`] steps: the step bound, then the VM's instruction budget and poll
/// hook (`Vm::tick_native`: no Python code runs), so an embedder can stop a long match.
fn step_check(vm: &mut Vm<'_>, m: &Machine) -> PyResult<()> {
    if m.steps > STEP_LIMIT {
        return Err(too_complex(vm));
    }
    vm.tick_native()
}

struct Stack {
    buf: &'static mut [u8],
    sp: usize,
}

impl Stack {
    fn push(&mut self, vm: &mut Vm<'_>, m: &Machine, f: [u32; 4]) -> PyResult<()> {
        if (self.sp + 1) * 16 > self.buf.len() {
            let n = (self.buf.len() * 2).max(256);
            bytearray::resize(vm, m.stack, n)?;
            self.buf = bytearray::data_mut(m.stack);
            if (self.sp + 1) * 16 > self.buf.len() {
                return Err(vm.raise_memory_error());
            }
        }
        for (k, x) in f.iter().enumerate() {
            put(self.buf, self.sp * 4 + k, *x);
        }
        self.sp += 1;
        Ok(())
    }
    fn frame(&self, i: usize) -> [u32; 4] {
        [get(self.buf, i * 4), get(self.buf, i * 4 + 1), get(self.buf, i * 4 + 2), get(self.buf, i * 4 + 3)]
    }
}

/// Try to match `code` at byte `start`. `must_advance`: an empty match at `start` does
/// not count; `full`: the match must end at `sj.end`. On success the registers hold the
/// groups (group 0 included). May collect (the stack grows).
pub(super) fn run(
    vm: &mut Vm<'_>,
    code: &[u8],
    sj: &Subject<'_>,
    m: &mut Machine,
    start: usize,
    must_advance: bool,
    full: bool,
) -> PyResult<bool> {
    let regs = bytearray::data_mut(m.regs);
    regs.fill(0xFF);
    let mut st = Stack { buf: bytearray::data_mut(m.stack), sp: 0 };
    let mut pc = 0usize;
    let mut pos = start;
    let off = |pc: usize, o: u32| pc.wrapping_add(o as i32 as isize as usize);
    loop {
        m.steps += 1;
        if m.steps & (BUDGET_EVERY - 1) == 0 {
            step_check(vm, m)?;
        }
        let op = w(code, pc);
        let ok = match op {
            MATCH => {
                if (must_advance && pos == start) || (full && pos != sj.end) {
                    false
                } else {
                    put(regs, 0, start as u32);
                    put(regs, 1, pos as u32);
                    return Ok(true);
                }
            }
            CHAR | CHAR_I | ANY | ANY_ALL | CLASS => match single(code, pc, sj, pos) {
                Some(n) => {
                    pos = n;
                    pc += single_len(code, pc);
                    true
                }
                None => false,
            },
            AT => {
                let end = sj.end;
                let s = sj.s;
                let ok = match w(code, pc + 1) {
                    AT_BEG | AT_BEG_STR => pos == 0,
                    AT_BEG_LINE => pos == 0 || s[pos - 1] == b'\n',
                    AT_END => pos == end || (pos + 1 == end && s[pos] == b'\n'),
                    AT_END_LINE => pos == end || (pos < end && s[pos] == b'\n'),
                    AT_END_STR => pos == end,
                    k => {
                        if end == 0 {
                            false
                        } else {
                            let before = pos > 0 && is_word(sj.at(sj.prev(pos)).0, sj.uni);
                            let after = pos < end && is_word(sj.at(pos).0, sj.uni);
                            (before != after) == (k == AT_BOUNDARY)
                        }
                    }
                };
                pc += 2;
                ok
            }
            SPLIT => {
                st.push(vm, m, [F_CHOICE, off(pc, w(code, pc + 2)) as u32, pos as u32, 0])?;
                pc = off(pc, w(code, pc + 1));
                true
            }
            JMP => {
                pc = off(pc, w(code, pc + 1));
                true
            }
            SAVE => {
                let r = w(code, pc + 1) as usize;
                st.push(vm, m, [F_RESTORE, r as u32, get(regs, r), 0])?;
                put(regs, r, pos as u32);
                if r & 1 == 1 {
                    st.push(vm, m, [F_RESTORE, m.li as u32, get(regs, m.li), 0])?;
                    put(regs, m.li, (r / 2) as u32);
                }
                pc += 2;
                true
            }
            BACKREF => {
                let g = w(code, pc + 1) as usize;
                let (a, b) = (get(regs, 2 * g), get(regs, 2 * g + 1));
                pc += 3;
                if a == NONE || b == NONE || a > b {
                    false
                } else if w(code, pc - 1) == 0 {
                    let len = (b - a) as usize;
                    if pos + len <= sj.end && sj.s[a as usize..b as usize] == sj.s[pos..pos + len] {
                        pos += len;
                        true
                    } else {
                        false
                    }
                } else {
                    let (mut i, mut p) = (a as usize, pos);
                    let mut ok = true;
                    while i < b as usize {
                        if p >= sj.end {
                            ok = false;
                            break;
                        }
                        let (c1, n1) = sj.at(i);
                        let (c2, n2) = sj.at(p);
                        if !eq_fold(c1, c2, sj.uni) {
                            ok = false;
                            break;
                        }
                        i = n1;
                        p = n2;
                    }
                    if ok {
                        pos = p;
                    }
                    ok
                }
            }
            REPONE => {
                let (min, max, lazy) = (w(code, pc + 1), w(code, pc + 2), w(code, pc + 3));
                let body = pc + 5;
                let after = body + w(code, pc + 4) as usize;
                let mut p = pos;
                let mut n = 0u32;
                let mut minpos = if min == 0 { p } else { usize::MAX };
                let limit = if lazy != 0 { min } else { max };
                while n < limit {
                    match single(code, body, sj, p) {
                        Some(q) => {
                            p = q;
                            n += 1;
                            if n == min {
                                minpos = p;
                            }
                        }
                        None => break,
                    }
                }
                if n >= BUDGET_EVERY {
                    m.steps = m.steps.saturating_add(n / 4) | (BUDGET_EVERY - 1);
                }
                if n < min {
                    false
                } else {
                    if lazy != 0 {
                        if n < max {
                            st.push(vm, m, [F_REPLAZY, pc as u32, p as u32, n])?;
                        }
                    } else if p > minpos {
                        st.push(vm, m, [F_REPONE, pc as u32, p as u32, minpos as u32])?;
                    }
                    pos = p;
                    pc = after;
                    true
                }
            }
            REP_INIT => {
                let c = m.li + 1 + 2 * w(code, pc + 1) as usize;
                st.push(vm, m, [F_RESTORE, c as u32, get(regs, c), 0])?;
                st.push(vm, m, [F_RESTORE, c as u32 + 1, get(regs, c + 1), 0])?;
                put(regs, c, 0);
                put(regs, c + 1, NONE);
                pc += 2;
                true
            }
            REP => {
                let c = m.li + 1 + 2 * w(code, pc + 1) as usize;
                let (min, max, lazy, exit) = (w(code, pc + 2), w(code, pc + 3), w(code, pc + 4), w(code, pc + 5));
                let count = get(regs, c);
                if count < min {
                    st.push(vm, m, [F_RESTORE, c as u32 + 1, get(regs, c + 1), 0])?;
                    put(regs, c + 1, pos as u32);
                    pc += 6;
                } else if (count < max || max == INF) && pos as u32 != get(regs, c + 1) {
                    if lazy == 0 {
                        st.push(vm, m, [F_CHOICE, off(pc, exit) as u32, pos as u32, 0])?;
                        st.push(vm, m, [F_RESTORE, c as u32 + 1, get(regs, c + 1), 0])?;
                        put(regs, c + 1, pos as u32);
                        pc += 6;
                    } else {
                        st.push(vm, m, [F_REPLOOP, pc as u32, pos as u32, 0])?;
                        pc = off(pc, exit);
                    }
                } else {
                    pc = off(pc, exit);
                }
                true
            }
            REP_INC => {
                let c = m.li + 1 + 2 * w(code, pc + 1) as usize;
                let count = get(regs, c);
                st.push(vm, m, [F_RESTORE, c as u32, count, 0])?;
                put(regs, c, count.saturating_add(1));
                pc = off(pc, w(code, pc + 2));
                true
            }
            LOOK => {
                let (kind, neg, width, end) = (w(code, pc + 1), w(code, pc + 2), w(code, pc + 3), w(code, pc + 4));
                let mut p = Some(pos);
                if kind == 1 {
                    for _ in 0..width {
                        p = match p {
                            Some(q) if q > 0 => Some(sj.prev(q)),
                            _ => None,
                        };
                    }
                }
                match p {
                    None if neg != 0 => {
                        pc = off(pc, end);
                        true
                    }
                    None => false,
                    Some(p) => {
                        st.push(vm, m, [F_BARRIER, pc as u32, pos as u32, 0])?;
                        pos = p;
                        pc += 5;
                        true
                    }
                }
            }
            LOOK_END => {
                let mut bi = st.sp;
                while bi > 0 {
                    bi -= 1;
                    if st.frame(bi)[0] == F_BARRIER {
                        break;
                    }
                }
                let [_, lpc, orig, _] = st.frame(bi);
                for k in bi..st.sp {
                    if st.frame(k)[0] != F_RESTORE {
                        put(st.buf, k * 4, F_NOP);
                    }
                }
                while st.sp > 0 && st.frame(st.sp - 1)[0] == F_NOP {
                    st.sp -= 1;
                }
                let lpc = lpc as usize;
                if w(code, lpc + 2) != 0 {
                    false
                } else {
                    if w(code, lpc + 1) != 2 {
                        pos = orig as usize;
                    }
                    pc = off(lpc, w(code, lpc + 4));
                    true
                }
            }
            EXISTS => {
                let g = w(code, pc + 1) as usize;
                if get(regs, 2 * g) != NONE && get(regs, 2 * g + 1) != NONE {
                    pc += 3;
                } else {
                    pc = off(pc, w(code, pc + 2));
                }
                true
            }
            _ => false,
        };
        if ok {
            continue;
        }
        // Backtrack.
        loop {
            if st.sp == 0 {
                return Ok(false);
            }
            m.steps += 1;
            if m.steps & (BUDGET_EVERY - 1) == 0 {
                step_check(vm, m)?;
            }
            st.sp -= 1;
            let [t, a, b, c] = st.frame(st.sp);
            match t {
                F_CHOICE => {
                    pc = a as usize;
                    pos = b as usize;
                    break;
                }
                F_RESTORE => put(regs, a as usize, b),
                F_BARRIER => {
                    let lpc = a as usize;
                    if w(code, lpc + 2) != 0 {
                        pos = b as usize;
                        pc = off(lpc, w(code, lpc + 4));
                        break;
                    }
                }
                F_REPONE => {
                    let rpc = a as usize;
                    let np = sj.prev(b as usize);
                    if np > c as usize {
                        st.push(vm, m, [F_REPONE, a, np as u32, c])?;
                    }
                    pos = np;
                    pc = rpc + 5 + w(code, rpc + 4) as usize;
                    break;
                }
                F_REPLAZY => {
                    let rpc = a as usize;
                    if let Some(n) = single(code, rpc + 5, sj, b as usize) {
                        let cnt = c + 1;
                        if cnt < w(code, rpc + 2) {
                            st.push(vm, m, [F_REPLAZY, a, n as u32, cnt])?;
                        }
                        pos = n;
                        pc = rpc + 5 + w(code, rpc + 4) as usize;
                        break;
                    }
                }
                F_REPLOOP => {
                    let rpc = a as usize;
                    let r = m.li + 1 + 2 * w(code, rpc + 1) as usize;
                    pos = b as usize;
                    st.push(vm, m, [F_RESTORE, r as u32 + 1, get(regs, r + 1), 0])?;
                    put(regs, r + 1, pos as u32);
                    pc = rpc + 6;
                    break;
                }
                _ => {}
            }
        }
    }
}
