//! The pattern parser, which is also the compiler: one recursive descent over the pattern
//! that emits the matcher's program (`exec.rs`) as it goes. It runs twice: a counting pass
//! (which also validates, numbers the groups and fills the group-name dict) and a writing
//! pass into a buffer of exactly the counted size. Errors follow CPython 3.11's `sre_parse`
//! (messages and `at position N`). Nesting is bounded by [`MAX_DEPTH`] (the only native
//! recursion; CPython's own parser recurses as well).
//!
//! Program words (u32; every offset is relative to its instruction's first word, so code
//! moved by [`Code::insert`] stays valid):
//! ```text
//!  FAIL                                  always fails
//!  MATCH                                 success (subject to must-advance / fullmatch)
//!  CHAR c        / CHAR_I c              one character, exact / case-folded
//!  ANY           / ANY_ALL               any character but '\n' / any character
//!  CLASS len flags item...               a set; flags: 1 negated, 2 case-folded; len: all words
//!     item: I_CHAR c | I_RANGE lo hi | I_CAT cat
//!  AT kind                               an anchor (AT_* below)
//!  SPLIT a b                             try a, on failure b
//!  JMP off
//!  SAVE reg                              capture register := position (undone on backtrack)
//!  BACKREF g icase
//!  REPONE min max lazy len <one single-character instruction of len words>
//!  REP_INIT c                            counter c := 0, its last position := none
//!  REP c min max lazy exit               loop head; the body follows, ends in REP_INC
//!  REP_INC c back                        count += 1, jump back to REP
//!  LOOK kind neg width end               lookahead (0), lookbehind (1), atomic (2); body ends in LOOK_END
//!  LOOK_END
//!  EXISTS g no                           conditional: group g matched ? next : no
//! ```

use core::fmt;

use super::flag;
use crate::obj::{self, dict, str_case};
use crate::value::Value;
use crate::vm::{Raised, Vm};

pub(super) const FAIL: u32 = 0;
pub(super) const MATCH: u32 = 1;
pub(super) const CHAR: u32 = 2;
pub(super) const CHAR_I: u32 = 3;
pub(super) const ANY: u32 = 4;
pub(super) const ANY_ALL: u32 = 5;
pub(super) const CLASS: u32 = 6;
pub(super) const AT: u32 = 7;
pub(super) const SPLIT: u32 = 8;
pub(super) const JMP: u32 = 9;
pub(super) const SAVE: u32 = 10;
pub(super) const BACKREF: u32 = 11;
pub(super) const REPONE: u32 = 12;
pub(super) const REP_INIT: u32 = 13;
pub(super) const REP: u32 = 14;
pub(super) const REP_INC: u32 = 15;
pub(super) const LOOK: u32 = 16;
pub(super) const LOOK_END: u32 = 17;
pub(super) const EXISTS: u32 = 18;

pub(super) const I_CHAR: u32 = 0;
pub(super) const I_RANGE: u32 = 1;
pub(super) const I_CAT: u32 = 2;

pub(super) const CAT_DIGIT: u32 = 0;
pub(super) const CAT_NOT_DIGIT: u32 = 1;
pub(super) const CAT_WORD: u32 = 2;
pub(super) const CAT_NOT_WORD: u32 = 3;
pub(super) const CAT_SPACE: u32 = 4;
pub(super) const CAT_NOT_SPACE: u32 = 5;

pub(super) const AT_BEG: u32 = 0;
pub(super) const AT_BEG_LINE: u32 = 1;
pub(super) const AT_END: u32 = 2;
pub(super) const AT_END_LINE: u32 = 3;
pub(super) const AT_BEG_STR: u32 = 4;
pub(super) const AT_END_STR: u32 = 5;
pub(super) const AT_BOUNDARY: u32 = 6;
pub(super) const AT_NON_BOUNDARY: u32 = 7;

/// Unbounded repeat / width (CPython's MAXREPEAT).
pub(super) const INF: u32 = u32::MAX;
/// Deepest nesting of groups, lookarounds and quantified groups.
pub(super) const MAX_DEPTH: usize = 100;

/// The program being emitted: counted only (`buf` None) or written into `buf` (words LE).
struct Code<'b> {
    buf: Option<&'b mut [u8]>,
    len: usize,
}

impl Code<'_> {
    fn emit(&mut self, w: u32) {
        let at = self.len;
        self.len += 1;
        self.set(at, w);
    }
    fn set(&mut self, at: usize, w: u32) {
        if let Some(b) = self.buf.as_deref_mut() {
            if let Some(d) = b.get_mut(at * 4..at * 4 + 4) {
                d.copy_from_slice(&w.to_le_bytes());
            }
        }
    }
    fn get(&self, at: usize) -> u32 {
        match self.buf.as_deref().and_then(|b| b.get(at * 4..at * 4 + 4)) {
            Some(d) => u32::from_le_bytes([d[0], d[1], d[2], d[3]]),
            None => 0,
        }
    }
    /// Insert `words` at word `at`, moving the code after it.
    fn insert(&mut self, at: usize, words: &[u32]) {
        let n = words.len();
        let old = self.len;
        self.len += n;
        if let Some(b) = self.buf.as_deref_mut() {
            if old * 4 <= b.len() && self.len * 4 <= b.len() && at <= old {
                b.copy_within(at * 4..old * 4, (at + n) * 4);
            }
        }
        for (i, w) in words.iter().enumerate() {
            self.set(at + i, *w);
        }
    }
}

/// Width bounds (characters) of a parsed piece: (min, max), max `INF` when unbounded.
type Width = (u32, u32);

fn add_w(a: Width, b: Width) -> Width {
    (a.0.saturating_add(b.0), if a.1 == INF || b.1 == INF { INF } else { a.1.saturating_add(b.1).min(INF - 1) })
}

/// What the last item of a sequence was, for the quantifier checks.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Anchor,
    Repeat,
    /// An item starting at code word `start`; `single`: one single-character instruction.
    Item {
        start: usize,
        single: bool,
        w: Width,
    },
}

pub(super) struct Parser<'s, 'b> {
    src: &'s [u8],
    text: bool,
    i: usize,
    /// Character index of `i`.
    pos: usize,
    /// The pattern's flags (global inline flags are added here).
    pub(super) flags: u32,
    /// Flags in force at this point (scoped flags).
    cur: u32,
    /// Groups opened so far (group 0 excluded).
    pub(super) groups: u32,

    /// Counted repeats so far (each owns two registers).
    pub(super) reps: u32,
    /// Groups still open (innermost last), for "cannot refer to an open group".
    open: [u32; MAX_DEPTH],
    n_open: usize,
    depth: usize,
    /// Group-name dict (`groupindex`), filled by the counting pass.
    pub(super) names: Value,
    /// Conditional references to groups not yet seen: (group, position), checked at the end.
    cond_refs: [(u32, usize); 8],
    n_cond: usize,
    code: Code<'b>,
    /// The pattern object (for `re.error.pattern`).
    pat: Value,
}

type P<T> = Result<T, Raised>;

impl<'s, 'b> Parser<'s, 'b> {
    /// A parser over `src` (a str's UTF-8 or a bytes pattern's bytes); `buf`: the writing
    /// pass's output.
    pub(super) fn new(
        src: &'s [u8],
        text: bool,
        flags: u32,
        buf: Option<&'b mut [u8]>,
        _total_groups: u32,
        pat: Value,
    ) -> Self {
        Parser {
            src,
            text,
            i: 0,
            pos: 0,
            flags,
            cur: flags,
            groups: 0,

            reps: 0,
            open: [0; MAX_DEPTH],
            n_open: 0,
            depth: 0,
            names: Value::NULL,
            cond_refs: [(0, 0); 8],
            n_cond: 0,
            code: Code { buf, len: 0 },
            pat,
        }
    }

    /// Words emitted.
    pub(super) fn len(&self) -> usize {
        self.code.len
    }

    fn peek(&self) -> Option<u32> {
        self.peek_at(self.i).map(|(c, _)| c)
    }

    fn peek_at(&self, i: usize) -> Option<(u32, usize)> {
        let b = *self.src.get(i)?;
        if !self.text || b < 0x80 {
            return Some((b as u32, 1));
        }
        let n = if b >= 0xF0 {
            4
        } else if b >= 0xE0 {
            3
        } else {
            2
        };
        let s = core::str::from_utf8(self.src.get(i..i + n)?).ok()?;
        s.chars().next().map(|c| (c as u32, n))
    }

    fn bump(&mut self) -> Option<u32> {
        let (c, n) = self.peek_at(self.i)?;
        self.i += n;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c as u32) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn err(&self, vm: &mut Vm<'_>, pos: Option<usize>, msg: fmt::Arguments<'_>) -> Raised {
        // CPython's tokenizer reads one token ahead: once the token before a lone trailing
        // backslash is consumed, that backslash's error comes first.
        let trailing = self.src.iter().rev().take_while(|b| **b == b'\\').count();
        if trailing % 2 == 1 && self.i + 1 >= self.src.len() {
            let last = if self.text { self.src.iter().filter(|b| **b & 0xC0 != 0x80).count() } else { self.src.len() };
            let at = Some(last - 1);
            return super::raise_error(
                vm,
                self.pat,
                self.src,
                self.text,
                at,
                format_args!("bad escape (end of pattern)"),
            );
        }
        super::raise_error(vm, self.pat, self.src, self.text, pos, msg)
    }

    fn verbose(&self) -> bool {
        self.cur & flag::X != 0
    }

    fn icase(&self) -> bool {
        self.cur & flag::I != 0
    }

    /// Parse the whole pattern (alternation at the top level) and emit MATCH.
    pub(super) fn parse(&mut self, vm: &mut Vm<'_>) -> P<()> {
        self.alt(vm, true)?;
        if self.peek().is_some() {
            // A ')' without its '('.
            return Err(self.err(vm, Some(self.pos), format_args!("unbalanced parenthesis")));
        }
        for &(g, p) in &self.cond_refs[..self.n_cond] {
            if g > self.groups {
                return Err(self.err(vm, Some(p), format_args!("invalid group reference {g}")));
            }
        }
        self.code.emit(MATCH);
        Ok(())
    }

    /// Branches separated by `|`.
    fn alt(&mut self, vm: &mut Vm<'_>, top: bool) -> P<Width> {
        let start = self.code.len;
        let mut w = self.seq(vm, top)?;
        if self.peek() != Some('|' as u32) {
            return Ok(w);
        }
        // Chain of JMPs to patch: each holds the previous one's position + 1 (0: none).
        let mut chain = 0usize;
        let mut branch = start;
        while self.eat('|') {
            // SPLIT before the finished branch, a JMP after it.
            let blen = self.code.len - branch;
            self.code.insert(branch, &[SPLIT, 3, (blen + 3 + 2) as u32]);
            self.code.emit(JMP);
            self.code.emit(chain as u32);
            chain = self.code.len - 2 + 1;
            branch = self.code.len;
            let bw = self.seq(vm, false)?;
            w = (w.0.min(bw.0), w.1.max(bw.1));
        }
        let end = self.code.len;
        while chain != 0 {
            let j = chain - 1;
            chain = self.code.get(j + 1) as usize;
            self.code.set(j + 1, (end - j) as u32);
        }
        Ok(w)
    }

    fn skip_verbose(&mut self) {
        loop {
            match self.peek() {
                Some(0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d) => {
                    self.bump();
                }
                Some(0x23) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' as u32 {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// A sequence of items up to `|`, `)` or the end.
    fn seq(&mut self, vm: &mut Vm<'_>, first: bool) -> P<Width> {
        let mut w: Width = (0, 0);
        let mut before_last: Width = (0, 0);
        let mut last = Last::None;
        loop {
            if self.verbose() {
                self.skip_verbose();
            }
            let Some(c) = self.peek() else { break };
            if c == '|' as u32 || c == ')' as u32 {
                break;
            }
            let here = self.pos;
            let here_i = self.i;
            let start = self.code.len;
            self.bump();
            let ch = char::from_u32(c).unwrap_or('\0');
            if matches!(ch, '*' | '+' | '?' | '{') {
                let (min, max) = match ch {
                    '*' => (0, INF),
                    '+' => (1, INF),
                    '?' => (0, 1),
                    _ => match self.braces(vm)? {
                        Some(r) => r,
                        None => {
                            // A literal '{'.
                            self.i = here_i;
                            self.pos = here;
                            self.bump();
                            before_last = w;
                            let iw = self.literal(c);
                            w = add_w(w, iw);
                            last = Last::Item { start, single: true, w: iw };
                            continue;
                        }
                    },
                };
                let (astart, single, aw) = match last {
                    Last::None | Last::Anchor => {
                        return Err(self.err(vm, Some(here), format_args!("nothing to repeat")));
                    }
                    Last::Repeat => return Err(self.err(vm, Some(here), format_args!("multiple repeat"))),
                    Last::Item { start, single, w } => (start, single, w),
                };
                let lazy = self.eat('?');
                let possessive = !lazy && self.eat('+');
                let rw = self.repeat(astart, single, aw, min, max, lazy, possessive);
                w = add_w(before_last, rw);
                last = Last::Repeat;
                continue;
            }
            before_last = w;
            let item = match ch {
                '.' => {
                    self.code.emit(if self.cur & flag::S != 0 { ANY_ALL } else { ANY });
                    Last::Item { start, single: true, w: (1, 1) }
                }
                '^' => {
                    self.code.emit(AT);
                    self.code.emit(if self.cur & flag::M != 0 { AT_BEG_LINE } else { AT_BEG });
                    Last::Anchor
                }
                '$' => {
                    self.code.emit(AT);
                    self.code.emit(if self.cur & flag::M != 0 { AT_END_LINE } else { AT_END });
                    Last::Anchor
                }
                '[' => {
                    self.class(vm, here)?;
                    Last::Item { start, single: true, w: (1, 1) }
                }
                '\\' => self.escape(vm, here, start)?,
                '(' => match self.group(vm, here, start, first && last == Last::None && w == (0, 0))? {
                    Some(l) => l,
                    None => continue,
                },
                _ => {
                    let iw = self.literal(c);
                    Last::Item { start, single: true, w: iw }
                }
            };
            match item {
                Last::Item { w: iw, .. } => w = add_w(w, iw),
                Last::Anchor => {}
                _ => {}
            }
            last = item;
        }
        Ok(w)
    }

    fn literal(&mut self, c: u32) -> Width {
        if self.icase() && self.cased(c) {
            self.code.emit(CHAR_I);
        } else {
            self.code.emit(CHAR);
        }
        self.code.emit(c);
        (1, 1)
    }

    /// Can `c` match something else under IGNORECASE?
    fn cased(&self, c: u32) -> bool {
        if c < 128 || !self.text || self.flags & flag::A != 0 {
            return (c as u8).is_ascii_alphabetic() && c < 128;
        }
        char::from_u32(c).is_some_and(|ch| {
            str_case::is_cased(ch)
                || !matches!(str_case::lower(ch), str_case::Mapped::One(x) if x == ch)
                || !matches!(str_case::upper(ch), str_case::Mapped::One(x) if x == ch)
        })
    }

    /// `{m,n}` after the '{': the bounds, or None when it is a literal '{'.
    fn braces(&mut self, vm: &mut Vm<'_>) -> P<Option<(u32, u32)>> {
        let after = self.pos;
        if self.peek() == Some('}' as u32) {
            return Ok(None);
        }
        let lo = self.digits();
        let hi = if self.eat(',') { self.digits() } else { lo };
        if !self.eat('}') {
            return Ok(None);
        }
        let min = lo.map_or(Ok(0), |v| self.rep_num(vm, v))?;
        let max = match hi {
            Some(v) => self.rep_num(vm, v)?,
            None => INF,
        };
        if max < min {
            return Err(self.err(vm, Some(after), format_args!("min repeat greater than max repeat")));
        }
        Ok(Some((min, max)))
    }

    fn rep_num(&self, vm: &mut Vm<'_>, v: u64) -> P<u32> {
        if v >= INF as u64 {
            return Err(vm.raise_msg(&obj::exception::OVERFLOW_ERROR_TYPE, "the repetition number is too large"));
        }
        Ok(v as u32)
    }

    /// Decimal digits (saturating), None when there are none.
    fn digits(&mut self) -> Option<u64> {
        let mut v: Option<u64> = None;
        while let Some(c) = self.peek() {
            if !(0x30..=0x39).contains(&c) {
                break;
            }
            self.bump();
            v = Some(v.unwrap_or(0).saturating_mul(10).saturating_add((c - 0x30) as u64));
        }
        v
    }

    /// Wrap the item at `astart` (to the end of the code) in a repeat; its width.
    #[allow(clippy::too_many_arguments)]
    fn repeat(&mut self, astart: usize, single: bool, aw: Width, min: u32, max: u32, lazy: bool, poss: bool) -> Width {
        let alen = self.code.len - astart;
        if single {
            self.code.insert(astart, &[REPONE, min, max, lazy as u32, alen as u32]);
        } else if min == 0 && max == 1 {
            let skip = (3 + alen) as u32;
            if lazy {
                self.code.insert(astart, &[SPLIT, skip, 3]);
            } else {
                self.code.insert(astart, &[SPLIT, 3, skip]);
            }
        } else if max == INF && aw.0 > 0 && min <= 1 {
            if min == 0 {
                // L: SPLIT body, exit; body; JMP L
                let exit = (3 + alen + 2) as u32;
                if lazy {
                    self.code.insert(astart, &[SPLIT, exit, 3]);
                } else {
                    self.code.insert(astart, &[SPLIT, 3, exit]);
                }
                self.code.emit(JMP);
                self.code.emit((-((alen + 3) as i32)) as u32);
            } else {
                // body; SPLIT body, exit
                let back = (-(alen as i32)) as u32;
                self.code.emit(SPLIT);
                if lazy {
                    self.code.emit(3);
                    self.code.emit(back);
                } else {
                    self.code.emit(back);
                    self.code.emit(3);
                }
            }
        } else {
            let c = self.reps;
            self.reps += 1;
            // REP_INIT c; REP c min max lazy exit; body; REP_INC c back
            let exit = (6 + alen + 3) as u32;
            self.code.insert(astart, &[REP_INIT, c, REP, c, min, max, lazy as u32, exit]);
            self.code.emit(REP_INC);
            self.code.emit(c);
            self.code.emit((-((alen + 6) as i32)) as u32);
        }
        if poss {
            let len = self.code.len - astart;
            self.code.insert(astart, &[LOOK, 2, 0, 0, (5 + len + 1) as u32]);
            self.code.emit(LOOK_END);
        }
        let lo = aw.0.saturating_mul(min);
        let hi = if aw.1 == 0 {
            0
        } else if aw.1 == INF || max == INF {
            INF
        } else {
            (aw.1 as u64 * max as u64).min(INF as u64 - 1) as u32
        };
        (lo, hi)
    }

    /// A character class after its '['.
    fn class(&mut self, vm: &mut Vm<'_>, here: usize) -> P<()> {
        let start = self.code.len;
        self.code.emit(CLASS);
        self.code.emit(0);
        let neg = self.eat('^');
        let mut fl = neg as u32;
        if self.icase() {
            fl |= 2;
        }
        self.code.emit(fl);
        let mut any = false;
        loop {
            let tpos = self.pos;
            let ti = self.i;
            let Some(c) = self.bump() else {
                return Err(self.err(vm, Some(here), format_args!("unterminated character set")));
            };
            if c == ']' as u32 && any {
                break;
            }
            any = true;
            // code1: Ok(char) or Err(category)
            let code1 = if c == '\\' as u32 { self.class_escape(vm, tpos)? } else { Ok(c) };
            if self.eat('-') {
                let upos_i = self.i;
                let Some(c2) = self.bump() else {
                    return Err(self.err(vm, Some(here), format_args!("unterminated character set")));
                };
                if c2 == ']' as u32 {
                    self.class_item(code1);
                    self.code.emit(I_CHAR);
                    self.code.emit('-' as u32);
                    break;
                }
                let code2 = if c2 == '\\' as u32 { self.class_escape(vm, self.pos - 1)? } else { Ok(c2) };
                let this = &self.src[ti..upos_i - 1];
                let that = &self.src[upos_i..self.i];
                match (code1, code2) {
                    (Ok(lo), Ok(hi)) if hi >= lo => {
                        self.code.emit(I_RANGE);
                        self.code.emit(lo);
                        self.code.emit(hi);
                    }
                    _ => {
                        let (a, b) = (Lossy(this, self.text), Lossy(that, self.text));
                        return Err(self.err(vm, Some(tpos), format_args!("bad character range {a}-{b}")));
                    }
                }
            } else {
                self.class_item(code1);
            }
        }
        let len = self.code.len - start;
        self.code.set(start + 1, len as u32);
        Ok(())
    }

    fn class_item(&mut self, code: Result<u32, u32>) {
        match code {
            Ok(c) => {
                self.code.emit(I_CHAR);
                self.code.emit(c);
            }
            Err(cat) => {
                self.code.emit(I_CAT);
                self.code.emit(cat);
            }
        }
    }

    /// Hex digits of an escape: exactly `n`, else "incomplete escape".
    fn hex(&mut self, vm: &mut Vm<'_>, n: usize, at: usize, at_i: usize) -> P<u32> {
        let mut v = 0u32;
        for _ in 0..n {
            match self.peek().and_then(char::from_u32).and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    self.bump();
                    v = v.wrapping_mul(16) | d;
                }
                None => {
                    let t = Lossy(&self.src[at_i..self.i], self.text);
                    return Err(self.err(vm, Some(at), format_args!("incomplete escape {t}")));
                }
            }
        }
        Ok(v)
    }

    /// The escapes shared by classes and sequences: Some(Ok(char)) / Some(Err(category)),
    /// None when `c` is not one of them. `at`: position of the backslash.
    fn common_escape(&mut self, vm: &mut Vm<'_>, c: u32, at: usize, at_i: usize) -> P<Option<Result<u32, u32>>> {
        let ch = char::from_u32(c).unwrap_or('\0');
        Ok(Some(match ch {
            'd' => Err(CAT_DIGIT),
            'D' => Err(CAT_NOT_DIGIT),
            'w' => Err(CAT_WORD),
            'W' => Err(CAT_NOT_WORD),
            's' => Err(CAT_SPACE),
            'S' => Err(CAT_NOT_SPACE),
            'a' => Ok(7),
            'f' => Ok(12),
            'n' => Ok(10),
            'r' => Ok(13),
            't' => Ok(9),
            'v' => Ok(11),
            'x' => Ok(self.hex(vm, 2, at, at_i)?),
            'u' | 'U' if self.text => {
                let v = self.hex(vm, if ch == 'u' { 4 } else { 8 }, at, at_i)?;
                if char::from_u32(v).is_none() && v > 0x10FFFF {
                    let t = Lossy(&self.src[at_i..self.i], self.text);
                    return Err(self.err(vm, Some(at), format_args!("bad escape {t}")));
                }
                Ok(v)
            }
            _ => return Ok(None),
        }))
    }

    fn bad_escape(&mut self, vm: &mut Vm<'_>, at: usize, at_i: usize) -> Raised {
        let t = Lossy(&self.src[at_i..self.i], self.text);
        self.err(vm, Some(at), format_args!("bad escape {t}"))
    }

    /// An escape inside a class (after the backslash at `at`).
    fn class_escape(&mut self, vm: &mut Vm<'_>, at: usize) -> P<Result<u32, u32>> {
        let at_i = self.i - 1;
        let Some(c) = self.bump() else {
            return Err(self.err(vm, Some(at), format_args!("bad escape (end of pattern)")));
        };
        if let Some(r) = self.common_escape(vm, c, at, at_i)? {
            return Ok(r);
        }
        if c == 'b' as u32 {
            return Ok(Ok(8));
        }
        if (0x30..=0x37).contains(&c) {
            let mut v = c - 0x30;
            for _ in 0..2 {
                match self.peek() {
                    Some(d) if (0x30..=0x37).contains(&d) => {
                        self.bump();
                        v = v * 8 + (d - 0x30);
                    }
                    _ => break,
                }
            }
            if v > 0o377 {
                let t = Lossy(&self.src[at_i..self.i], self.text);
                return Err(self.err(vm, Some(at), format_args!("octal escape value {t} outside of range 0-0o377")));
            }
            return Ok(Ok(v));
        }
        if c < 128 && (c as u8).is_ascii_alphanumeric() {
            return Err(self.bad_escape(vm, at, at_i));
        }
        Ok(Ok(c))
    }

    /// An escape in a sequence (after the backslash at `here`).
    fn escape(&mut self, vm: &mut Vm<'_>, here: usize, start: usize) -> P<Last> {
        let at_i = self.i - 1;
        let Some(c) = self.bump() else {
            return Err(self.err(vm, Some(here), format_args!("bad escape (end of pattern)")));
        };
        let ch = char::from_u32(c).unwrap_or('\0');
        let at = match ch {
            'A' => Some(AT_BEG_STR),
            'Z' => Some(AT_END_STR),
            'b' => Some(AT_BOUNDARY),
            'B' => Some(AT_NON_BOUNDARY),
            _ => None,
        };
        if let Some(k) = at {
            self.code.emit(AT);
            self.code.emit(k);
            return Ok(Last::Anchor);
        }
        if let Some(r) = self.common_escape(vm, c, here, at_i)? {
            match r {
                Ok(c) => {
                    self.literal(c);
                }
                Err(cat) => {
                    self.code.emit(CLASS);
                    self.code.emit(5);
                    self.code.emit(0);
                    self.code.emit(I_CAT);
                    self.code.emit(cat);
                }
            }
            return Ok(Last::Item { start, single: true, w: (1, 1) });
        }
        if ch == '0' {
            let mut v = 0;
            for _ in 0..2 {
                match self.peek() {
                    Some(d) if (0x30..=0x37).contains(&d) => {
                        self.bump();
                        v = v * 8 + (d - 0x30);
                    }
                    _ => break,
                }
            }
            self.literal(v);
            return Ok(Last::Item { start, single: true, w: (1, 1) });
        }
        if ch.is_ascii_digit() {
            let mut g = c - 0x30;
            if let Some(d) = self.peek().filter(|d| (0x30..=0x39).contains(d)) {
                self.bump();
                let octal = (0x30..=0x37).contains(&c) && (0x30..=0x37).contains(&d);
                if let Some(e) = self.peek().filter(|e| octal && (0x30..=0x37).contains(e)) {
                    self.bump();
                    let v = (c - 0x30) * 64 + (d - 0x30) * 8 + (e - 0x30);
                    if v > 0o377 {
                        let t = Lossy(&self.src[at_i..self.i], self.text);
                        return Err(self.err(
                            vm,
                            Some(here),
                            format_args!("octal escape value {t} outside of range 0-0o377"),
                        ));
                    }
                    self.literal(v);
                    return Ok(Last::Item { start, single: true, w: (1, 1) });
                }
                g = g * 10 + (d - 0x30);
            }
            if g <= self.groups {
                if self.is_open(g) {
                    return Err(self.err(vm, Some(here), format_args!("cannot refer to an open group")));
                }
                self.code.emit(BACKREF);
                self.code.emit(g);
                self.code.emit(self.icase() as u32);
                return Ok(Last::Item { start, single: false, w: (0, INF) });
            }
            return Err(self.err(vm, Some(here + 1), format_args!("invalid group reference {g}")));
        }
        if c < 128 && ch.is_ascii_alphabetic() {
            return Err(self.bad_escape(vm, here, at_i));
        }
        self.literal(c);
        Ok(Last::Item { start, single: true, w: (1, 1) })
    }

    fn is_open(&self, g: u32) -> bool {
        self.open[..self.n_open].contains(&g)
    }

    /// A name up to `term` (after `(?P<`, `(?P=`, `(?(`): its byte range and start position.
    fn name(&mut self, vm: &mut Vm<'_>, term: char) -> P<(usize, usize, usize)> {
        let (si, sp) = (self.i, self.pos);
        loop {
            match self.bump() {
                None => {
                    if self.i == si {
                        return Err(self.err(vm, Some(self.pos), format_args!("missing group name")));
                    }
                    return Err(self.err(vm, Some(sp), format_args!("missing {term}, unterminated name")));
                }
                Some(c) if c == term as u32 => {
                    if self.i - 1 == si {
                        return Err(self.err(vm, Some(self.pos - 1), format_args!("missing group name")));
                    }
                    return Ok((si, self.i - 1, sp));
                }
                Some(_) => {}
            }
        }
    }

    fn is_identifier(&self, a: usize, b: usize) -> bool {
        let s = &self.src[a..b];
        let mut first = true;
        let mut i = 0;
        while i < s.len() {
            let (c, n) = self.peek_at(a + i).unwrap_or((0, 1));
            i += n;
            let ch = char::from_u32(c).unwrap_or('\0');
            let ok = ch == '_' || str_case::is_alphabetic(ch) || (!first && str_case::is_alphanumeric(ch));
            if !ok {
                return false;
            }
            first = false;
        }
        !s.is_empty()
    }

    /// The group number of name `src[a..b]`, if defined.
    fn lookup(&self, vm: &mut Vm<'_>, a: usize, b: usize) -> P<Option<u32>> {
        if self.names.is_null() {
            return Ok(None);
        }
        let key = super::name_value(vm, &self.src[a..b], self.text)?;
        let m = vm.roots_mark();
        vm.push_root(key)?;
        let r = dict::get(vm, self.names, key);
        vm.pop_roots(m);
        Ok(r?.and_then(obj::int::small_value).map(|v| v as u32))
    }

    /// A group after its '(' at `here`; None for items that emit nothing (comments, global
    /// flags).
    fn group(&mut self, vm: &mut Vm<'_>, here: usize, start: usize, first: bool) -> P<Option<Last>> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err(vm, Some(here), format_args!("too many nested groups")));
        }
        let mut capture = true;
        let mut name = None;
        let (mut add, mut del) = (0u32, 0u32);
        let mut atomic = false;
        if self.eat('?') {
            let Some(c) = self.bump() else {
                return Err(self.err(vm, Some(self.pos), format_args!("unexpected end of pattern")));
            };
            let ch = char::from_u32(c).unwrap_or('\0');
            match ch {
                'P' => {
                    if self.eat('<') {
                        let (a, b, p) = self.name(vm, '>')?;
                        if !self.is_identifier(a, b) {
                            let n = Lossy(&self.src[a..b], self.text);
                            return Err(self.err(vm, Some(p), format_args!("bad character in group name '{n}'")));
                        }
                        name = Some((a, b, p));
                    } else if self.eat('=') {
                        let (a, b, p) = self.name(vm, ')')?;
                        if !self.is_identifier(a, b) {
                            let n = Lossy(&self.src[a..b], self.text);
                            return Err(self.err(vm, Some(p), format_args!("bad character in group name '{n}'")));
                        }
                        let Some(g) = self.lookup(vm, a, b)?.filter(|g| *g <= self.groups) else {
                            let n = Lossy(&self.src[a..b], self.text);
                            return Err(self.err(vm, Some(p), format_args!("unknown group name '{n}'")));
                        };
                        if self.is_open(g) {
                            return Err(self.err(vm, Some(p), format_args!("cannot refer to an open group")));
                        }
                        self.code.emit(BACKREF);
                        self.code.emit(g);
                        self.code.emit(self.icase() as u32);
                        return Ok(Some(Last::Item { start, single: false, w: (0, INF) }));
                    } else {
                        let Some(c) = self.bump() else {
                            return Err(self.err(vm, Some(self.pos), format_args!("unexpected end of pattern")));
                        };
                        let c = char::from_u32(c).unwrap_or('?');
                        return Err(self.err(vm, Some(self.pos - 3), format_args!("unknown extension ?P{c}")));
                    }
                }
                ':' => capture = false,
                '>' => {
                    capture = false;
                    atomic = true;
                }
                '#' => loop {
                    match self.bump() {
                        None => return Err(self.err(vm, Some(here), format_args!("missing ), unterminated comment"))),
                        Some(0x29) => return Ok(None),
                        Some(_) => {}
                    }
                },
                '=' | '!' | '<' => {
                    let mut behind = false;
                    let mut neg = ch == '!';
                    if ch == '<' {
                        let Some(c2) = self.bump() else {
                            return Err(self.err(vm, Some(self.pos), format_args!("unexpected end of pattern")));
                        };
                        if c2 != '=' as u32 && c2 != '!' as u32 {
                            let c2 = char::from_u32(c2).unwrap_or('?');
                            return Err(self.err(vm, Some(self.pos - 3), format_args!("unknown extension ?<{c2}")));
                        }
                        behind = true;
                        neg = c2 == '!' as u32;
                    }
                    self.code.emit(LOOK);
                    self.code.emit(behind as u32);
                    self.code.emit(neg as u32);
                    self.code.emit(0);
                    self.code.emit(0);
                    self.depth += 1;
                    let bw = self.alt(vm, false)?;
                    self.depth -= 1;
                    if !self.eat(')') {
                        return Err(self.err(vm, Some(here), format_args!("missing ), unterminated subpattern")));
                    }
                    if behind && (bw.0 != bw.1 || bw.1 == INF) {
                        return Err(self.err(vm, None, format_args!("look-behind requires fixed-width pattern")));
                    }
                    self.code.emit(LOOK_END);
                    self.code.set(start + 3, bw.0);
                    self.code.set(start + 4, (self.code.len - start) as u32);
                    return Ok(Some(Last::Item { start, single: false, w: (0, 0) }));
                }
                '(' => return self.conditional(vm, here, start).map(Some),
                _ if flag::letter(c).is_some() || ch == '-' => match self.inline_flags(vm, c)? {
                    None => {
                        if !first {
                            return Err(self.err(
                                vm,
                                Some(here),
                                format_args!("global flags not at the start of the expression"),
                            ));
                        }
                        return Ok(None);
                    }
                    Some((a, d)) => {
                        add = a;
                        del = d;
                        capture = false;
                    }
                },
                _ => {
                    return Err(self.err(vm, Some(self.pos - 2), format_args!("unknown extension ?{ch}")));
                }
            }
        }
        let mut g = 0;
        if capture {
            self.groups += 1;
            g = self.groups;
            if let Some((a, b, p)) = name {
                if let Some(old) = self.lookup(vm, a, b)? {
                    if self.code.buf.is_none() {
                        let n = Lossy(&self.src[a..b], self.text);
                        return Err(self.err(
                            vm,
                            Some(p),
                            format_args!("redefinition of group name '{n}' as group {g}; was group {old}"),
                        ));
                    }
                } else {
                    if self.names.is_null() {
                        self.names = dict::new(vm)?;
                        vm.push_root(self.names)?;
                    }
                    let key = super::name_value(vm, &self.src[a..b], self.text)?;
                    let m = vm.roots_mark();
                    vm.push_root(key)?;
                    let r = dict::set(vm, self.names, key, Value::small_int(g as isize));
                    vm.pop_roots(m);
                    r?;
                }
            }
            self.code.emit(SAVE);
            self.code.emit(2 * g);
            self.open[self.n_open] = g;
            self.n_open += 1;
        }
        if atomic {
            self.code.emit(LOOK);
            self.code.emit(2);
            self.code.emit(0);
            self.code.emit(0);
            self.code.emit(0);
        }
        let saved = self.cur;
        self.cur = (self.cur | add) & !del;
        self.depth += 1;
        let w = self.alt(vm, false)?;
        self.depth -= 1;
        self.cur = saved;
        if !self.eat(')') {
            return Err(self.err(vm, Some(here), format_args!("missing ), unterminated subpattern")));
        }
        if atomic {
            self.code.emit(LOOK_END);
            self.code.set(start + 4, (self.code.len - start) as u32);
        }
        if capture {
            self.n_open -= 1;
            self.code.emit(SAVE);
            self.code.emit(2 * g + 1);
        }
        Ok(Some(Last::Item { start, single: false, w }))
    }

    /// `(?(cond)yes|no)` after its `(?(`.
    fn conditional(&mut self, vm: &mut Vm<'_>, here: usize, start: usize) -> P<Last> {
        let (a, b, p) = self.name(vm, ')')?;
        let g = if self.is_identifier(a, b) {
            match self.lookup(vm, a, b)?.filter(|g| *g <= self.groups) {
                Some(g) => g,
                None => {
                    let n = Lossy(&self.src[a..b], self.text);
                    return Err(self.err(vm, Some(p), format_args!("unknown group name '{n}'")));
                }
            }
        } else {
            let s = &self.src[a..b];
            if !s.iter().all(u8::is_ascii_digit) || s.len() > 9 {
                let n = Lossy(s, self.text);
                return Err(self.err(vm, Some(p), format_args!("bad character in group name '{n}'")));
            }
            let g = s.iter().fold(0u32, |v, d| v * 10 + (d - b'0') as u32);
            if g == 0 {
                return Err(self.err(vm, Some(p), format_args!("bad group number")));
            }
            if self.n_cond < self.cond_refs.len() {
                self.cond_refs[self.n_cond] = (g, p);
                self.n_cond += 1;
            }
            g
        };
        self.code.emit(EXISTS);
        self.code.emit(g);
        self.code.emit(0);
        self.depth += 1;
        let yw = self.seq(vm, false)?;
        let mut w = yw;
        if self.eat('|') {
            let j = self.code.len;
            self.code.emit(JMP);
            self.code.emit(0);
            self.code.set(start + 2, (self.code.len - start) as u32);
            let nw = self.seq(vm, false)?;
            if self.peek() == Some('|' as u32) {
                return Err(self.err(
                    vm,
                    Some(self.pos),
                    format_args!("conditional backref with more than two branches"),
                ));
            }
            self.code.set(j + 1, (self.code.len - j) as u32);
            w = (yw.0.min(nw.0), yw.1.max(nw.1));
        } else {
            self.code.set(start + 2, (self.code.len - start) as u32);
            w = (0, w.1);
        }
        self.depth -= 1;
        if !self.eat(')') {
            return Err(self.err(vm, Some(here), format_args!("missing ), unterminated subpattern")));
        }
        Ok(Last::Item { start, single: false, w })
    }

    /// Inline flags after `(?` (first letter `c` consumed): None for global flags `(?x)`,
    /// else the scoped (add, del) of `(?x-y:`.
    fn inline_flags(&mut self, vm: &mut Vm<'_>, mut c: u32) -> P<Option<(u32, u32)>> {
        let mut add = 0;
        let mut del = 0;
        let type_flags = flag::A | flag::L | flag::U;
        if c != '-' as u32 {
            loop {
                let f = flag::letter(c).unwrap_or(0);
                if self.text && c == 'L' as u32 {
                    return Err(self.err(
                        vm,
                        Some(self.pos),
                        format_args!("bad inline flags: cannot use 'L' flag with a str pattern"),
                    ));
                }
                if !self.text && c == 'u' as u32 {
                    return Err(self.err(
                        vm,
                        Some(self.pos),
                        format_args!("bad inline flags: cannot use 'u' flag with a bytes pattern"),
                    ));
                }
                add |= f;
                if f & type_flags != 0 && add & type_flags != f {
                    return Err(self.err(
                        vm,
                        Some(self.pos),
                        format_args!("bad inline flags: flags 'a', 'u' and 'L' are incompatible"),
                    ));
                }
                let Some(n) = self.bump() else {
                    return Err(self.err(vm, Some(self.pos), format_args!("missing -, : or )")));
                };
                c = n;
                if c == ')' as u32 || c == '-' as u32 || c == ':' as u32 {
                    break;
                }
                if flag::letter(c).is_none() {
                    let alpha = char::from_u32(c).is_some_and(str_case::is_alphabetic);
                    let msg = if alpha { "unknown flag" } else { "missing -, : or )" };
                    return Err(self.err(vm, Some(self.pos - 1), format_args!("{msg}")));
                }
            }
        }
        if c == ')' as u32 {
            self.flags |= add;
            self.cur |= add;
            return Ok(None);
        }
        if c == '-' as u32 {
            let Some(n) = self.bump() else {
                return Err(self.err(vm, Some(self.pos), format_args!("missing flag")));
            };
            c = n;
            if flag::letter(c).is_none() {
                let alpha = char::from_u32(c).is_some_and(str_case::is_alphabetic);
                let msg = if alpha { "unknown flag" } else { "missing flag" };
                return Err(self.err(vm, Some(self.pos - 1), format_args!("{msg}")));
            }
            loop {
                let f = flag::letter(c).unwrap_or(0);
                if f & type_flags != 0 {
                    return Err(self.err(
                        vm,
                        Some(self.pos),
                        format_args!("bad inline flags: cannot turn off flags 'a', 'u' and 'L'"),
                    ));
                }
                del |= f;
                let Some(n) = self.bump() else {
                    return Err(self.err(vm, Some(self.pos), format_args!("missing :")));
                };
                c = n;
                if c == ':' as u32 {
                    break;
                }
                if flag::letter(c).is_none() {
                    let alpha = char::from_u32(c).is_some_and(str_case::is_alphabetic);
                    let msg = if alpha { "unknown flag" } else { "missing :" };
                    return Err(self.err(vm, Some(self.pos - 1), format_args!("{msg}")));
                }
            }
        }
        if add & del != 0 {
            return Err(self.err(vm, Some(self.pos - 1), format_args!("bad inline flags: flag turned on and off")));
        }
        Ok(Some((add, del)))
    }
}

/// Pattern text for a message: a str's text, or a bytes pattern's bytes as Latin-1 with
/// non-ASCII bytes backslash-escaped (as CPython encodes its messages).
pub(super) struct Lossy<'a>(pub(super) &'a [u8], pub(super) bool);

impl fmt::Display for Lossy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.1 {
            return f.write_str(core::str::from_utf8(self.0).unwrap_or(""));
        }
        for &b in self.0 {
            if b < 0x80 {
                fmt::Write::write_char(f, b as char)?;
            } else {
                write!(f, "\\x{b:02x}")?;
            }
        }
        Ok(())
    }
}
