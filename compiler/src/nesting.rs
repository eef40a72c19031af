//! Nesting limits. The parser and every pass after it (scope analysis, codegen, constant
//! folding, dropping the tree) recurse over the syntax tree, so a deeply nested program
//! could overflow the native stack of the build script, the proc macro or the CLI. Three
//! defences, in order:
//!
//! 1. [`prescan`], before parsing, applies CPython's tokenizer limits: at most 200 nested
//!    brackets ("too many nested parentheses") and 100 indentation levels ("too many levels
//!    of indentation"), and rejects a run of more than [`MAX_DEPTH`] prefix operators
//!    (`- - - x`, `not not x`, `lambda: lambda: x`, `await await x`), each a tree level (the
//!    parser's error recovery for long `await` runs is also quadratic in memory).
//! 2. [`with_stack`] runs parsing and the passes on a thread with a large stack, enough for
//!    the parser's recursion over the nesting left (`a if b else c if d else ...`,
//!    `lambda x: lambda x: ...`, `1**1**...`, at least 3 source bytes per level): 100,000
//!    levels took between 4 and 8 MiB at `opt-level = 1` (measured), so the 256 MiB
//!    reserved covers sources of several megabytes in any build.
//! 3. [`check_depth`], after parsing, rejects a tree nested deeper than [`MAX_DEPTH`]
//!    expressions and statements (left-nested chains such as `a+a+...+a`, `x.y.y...`,
//!    `f()()...` parse without recursion but nest the tree as deeply), as CPython's compiler
//!    does with "maximum recursion depth exceeded during compilation"; the passes after it
//!    then recurse at most that deep.

use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

/// CPython's `MAXLEVEL`: brackets nested deeper are a syntax error.
pub(crate) const MAX_BRACKETS: usize = 200;
/// CPython's `MAXINDENT`: a line indented to the 100th level is an error.
pub(crate) const MAX_INDENT: usize = 100;
/// Expressions and statements nested in the tree (CPython's compiler stops near 3,000: it
/// compiles a 2,000-term `a+a+...` chain, not a 10,000-term one).
pub(crate) const MAX_DEPTH: usize = 3000;
/// Functions, lambdas, classes and comprehensions nested in each other: each is a code
/// object nested in its parent's constants, which the emitter and the disassembler walk
/// recursively outside the compiling thread (on a 2 MiB thread 1,000 levels fit, 2,000 do
/// not).
pub(crate) const MAX_SCOPES: usize = 200;
/// The message for scopes nested past [`MAX_SCOPES`].
pub(crate) const TOO_MANY_SCOPES: &str =
    "too many nested functions, lambdas, classes and comprehensions (more than 200)";
/// The message for nesting past [`MAX_DEPTH`].
pub(crate) const TOO_DEEP: &str = "too many nested expressions and blocks (more than 3000 levels)";
/// Stack of the compiling thread (see the module documentation).
const STACK_BYTES: usize = 256 << 20;

/// Run `f` on a thread with a [`STACK_BYTES`] stack (reserved address space, touched only as
/// deep as the recursion goes). Falls back to the current thread if no thread can be made.
pub(crate) fn with_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let f = std::sync::Mutex::new(Some(f));
    let take = || f.lock().ok().and_then(|mut g| g.take());
    let ran = std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("frostbyte-compile".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(s, || take().map(|f| f()));
        match spawned.map(|h| h.join()) {
            Ok(Ok(v)) => v,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => None,
        }
    });
    match ran {
        Some(v) => v,
        None => match take() {
            Some(f) => f(),
            None => unreachable!("the closure runs once, on the thread or here"),
        },
    }
}

/// A nesting error found before parsing: byte offset and message.
pub(crate) type Found = (TextSize, &'static str);

/// Scan `text` as CPython's tokenizer would for its nesting limits: brackets, indentation
/// levels, and (ours) runs of prefix operators longer than [`MAX_DEPTH`]. Strings and
/// comments are skipped; the first violation is returned.
pub(crate) fn prescan(text: &str) -> Option<Found> {
    let b = text.as_bytes();
    let at = |i: usize| TextSize::try_from(i).unwrap_or(TextSize::new(u32::MAX));
    let mut brackets = 0usize;
    let mut indents: Vec<usize> = vec![0];
    let mut line_start = true;
    let mut continued = false;
    let mut prefix_run = 0usize;
    let mut i = 0;
    while i < b.len() {
        if line_start {
            line_start = false;
            let (col, j) = indent_of(b, i);
            let blank = matches!(b.get(j), None | Some(b'\n' | b'\r' | b'#' | b'\x0c'));
            if brackets == 0 && !continued && !blank {
                while indents.last().is_some_and(|&top| col < top) {
                    indents.pop();
                }
                if indents.last().is_some_and(|&top| col > top) {
                    indents.push(col);
                    // CPython fails on reaching its 100th level.
                    if indents.len() > MAX_INDENT {
                        return Some((at(j), "too many levels of indentation"));
                    }
                }
            }
            continued = false;
            i = j;
            continue;
        }
        let c = b[i];
        match c {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\\' if matches!(b.get(i + 1), Some(b'\n')) || b.get(i + 1..i + 3) == Some(b"\r\n") => {
                continued = true;
                i += if b[i + 1] == b'\r' { 3 } else { 2 };
                line_start = true;
            }
            b'(' | b'[' | b'{' => {
                brackets += 1;
                if brackets > MAX_BRACKETS {
                    return Some((at(i), "too many nested parentheses"));
                }
                prefix_run = 0;
                i += 1;
            }
            b')' | b']' | b'}' => {
                brackets = brackets.saturating_sub(1);
                prefix_run = 0;
                i += 1;
            }
            b'\'' | b'"' => i = skip_string(b, i),
            b'-' | b'+' | b'~' => {
                prefix_run += 1;
                if prefix_run > MAX_DEPTH {
                    return Some((at(i), TOO_DEEP));
                }
                i += 1;
            }
            b' ' | b'\t' | b'\x0c' | b'\r' => i += 1,
            _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                    i += 1;
                }
                let word = &b[start..i];
                if matches!(b.get(i), Some(b'\'' | b'"')) && is_string_prefix(word) {
                    i = skip_string(b, i);
                    prefix_run = 0;
                } else if matches!(word, b"not" | b"lambda" | b"await") {
                    prefix_run += 1;
                    if prefix_run > MAX_DEPTH {
                        return Some((at(start), TOO_DEEP));
                    }
                } else {
                    prefix_run = 0;
                }
            }
            b':' => i += 1,
            _ => {
                prefix_run = 0;
                i += 1;
            }
        }
    }
    None
}

/// Column of the first non-blank character of the line starting at `i` (tabs to the next
/// multiple of 8, as CPython counts them), and its offset.
fn indent_of(b: &[u8], mut i: usize) -> (usize, usize) {
    let mut col = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b' ' => col += 1,
            b'\t' => col = (col / 8 + 1) * 8,
            b'\x0c' => col = 0,
            _ => break,
        }
        i += 1;
    }
    (col, i)
}

fn is_string_prefix(w: &[u8]) -> bool {
    w.len() <= 2 && w.iter().all(|c| matches!(c.to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f'))
}

/// The offset just past the string literal whose opening quote is at `i` (or the end of the
/// text if it is unterminated: the parser reports that).
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let triple = b.get(i..i + 3) == Some(&[q, q, q][..]);
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'\n' if !triple => return j,
            c if c == q => {
                if !triple {
                    return j + 1;
                }
                if b.get(j..j + 3) == Some(&[q, q, q][..]) {
                    return j + 3;
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
    b.len()
}

/// The first expression or statement nested deeper than [`MAX_DEPTH`], or scope nested
/// deeper than [`MAX_SCOPES`], in `body`, if any: its offset and the message.
pub(crate) fn check_depth(body: &[Stmt]) -> Option<Found> {
    let mut d = Depth { depth: 0, scopes: 0, found: None };
    d.visit_body(body);
    d.found
}

struct Depth {
    depth: usize,
    scopes: usize,
    found: Option<Found>,
}

impl Depth {
    /// Enter one level (and a scope if `scope`); false (and `found` set) past a limit.
    fn enter(&mut self, at: TextSize, scope: bool) -> bool {
        if self.found.is_some() {
            return false;
        }
        if self.depth >= MAX_DEPTH {
            self.found = Some((at, TOO_DEEP));
            return false;
        }
        if scope && self.scopes >= MAX_SCOPES {
            self.found = Some((at, TOO_MANY_SCOPES));
            return false;
        }
        self.depth += 1;
        self.scopes += usize::from(scope);
        true
    }

    fn leave(&mut self, scope: bool) {
        self.depth -= 1;
        self.scopes -= usize::from(scope);
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let scope = matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_));
        if self.enter(stmt.start(), scope) {
            walk_stmt(self, stmt);
            self.leave(scope);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let scope = matches!(
            expr,
            Expr::Lambda(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_)
        );
        if self.enter(expr.start(), scope) {
            walk_expr(self, expr);
            self.leave(scope);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Option<(u32, &'static str)> {
        prescan(s).map(|(at, m)| (at.to_u32(), m))
    }

    #[test]
    fn brackets_past_200_are_reported_at_the_201st() {
        let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
        assert_eq!(scan(&ok), None);
        let bad = format!("x = {}1{}\n", "[".repeat(201), "]".repeat(201));
        assert_eq!(scan(&bad), Some((204, "too many nested parentheses")));
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let s = format!("s = '{0}' + \"\"\"{0}\n{0}\"\"\" + r'\\'{0}' # {0}\nt = b'{0}'\n", "(".repeat(300));
        assert_eq!(scan(&s), None);
    }

    #[test]
    fn indentation_past_100_levels() {
        let mut s = String::new();
        for i in 0..99 {
            s += &format!("{}if x:\n", " ".repeat(i));
        }
        assert_eq!(scan(&format!("{s}{}pass\n", " ".repeat(99))), None);
        let deeper = format!("{s}{}if x:\n{}pass\n", " ".repeat(99), " ".repeat(100));
        assert_eq!(scan(&deeper), Some((deeper.len() as u32 - 5, "too many levels of indentation")));
        // Continuation lines and lines inside brackets do not indent.
        let cont = format!("x = (1,\n{}2)\ny = 1 + \\\n{}2\n", " ".repeat(50), " ".repeat(70));
        assert_eq!(scan(&cont), None);
    }
}
