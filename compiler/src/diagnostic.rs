//! Compile-time diagnostics (syntax errors, scope errors, unsupported constructs) and the
//! mapping from byte offsets to line/column.

use std::fmt;

use ruff_source_file::LineIndex;
use ruff_text_size::TextSize;

/// One error, positioned in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Source path as given to the compiler.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// What is wrong, e.g. `'return' outside function`.
    pub message: String,
    /// The text of the line (without its line break); of a long line only the part around
    /// the column, with `...` where text was left out.
    pub source_line: String,
    /// 1-based column of the caret in `source_line`.
    caret: u32,
}

/// Characters of a long source line shown on each side of a diagnostic's column. Without a
/// limit, many errors on one generated line would each copy and print the whole line
/// (quadratic time and output).
const CONTEXT: usize = 60;

impl fmt::Display for Diagnostic {
    /// `path:line:col: message`, the source line, and a caret under the column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}:{}:{}: {}", self.path, self.line, self.col, self.message)?;
        writeln!(f, "{}", self.source_line)?;
        // Keep tabs so the caret lines up however the terminal renders them.
        let pad: String = self
            .source_line
            .chars()
            .chain(std::iter::repeat(' '))
            .take(self.caret.saturating_sub(1) as usize)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "{pad}^")
    }
}

impl std::error::Error for Diagnostic {}

/// Turns byte offsets of one source file into positioned diagnostics and line numbers.
pub(crate) struct Locator<'a> {
    path: &'a str,
    text: &'a str,
    index: LineIndex,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        Locator { path, text, index: LineIndex::from_source_text(text) }
    }

    /// The source text of a range.
    pub(crate) fn text(&self, range: ruff_text_size::TextRange) -> &'a str {
        self.text.get(range.start().to_usize()..range.end().to_usize()).unwrap_or("")
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: TextSize) -> u32 {
        self.index.line_index(offset).get() as u32
    }

    /// A diagnostic at a byte offset.
    pub(crate) fn diagnostic(&self, offset: TextSize, message: impl Into<String>) -> Diagnostic {
        let offset = offset.min(TextSize::of(self.text));
        let lc = self.index.line_column(offset, self.text);
        let line = lc.line;
        let range = self.index.line_range(line, self.text);
        let source_line = self.text[range].trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}');
        let col = lc.column.get();
        Diagnostic::at(self.path, line.get() as u32, col as u32, message, source_line)
    }
}

impl Diagnostic {
    /// A diagnostic at 1-based `line` and character column `col`, whose line reads
    /// `source_line` (a long one is clipped around the column).
    pub(crate) fn at(path: &str, line: u32, col: u32, message: impl Into<String>, source_line: &str) -> Diagnostic {
        let (source_line, caret) = clip(source_line, col as usize);
        Diagnostic { path: path.to_string(), line, col, message: message.into(), source_line, caret: caret as u32 }
    }
}

/// The part of `line` shown for 1-based column `col`: all of it when short, else
/// [`CONTEXT`] characters on each side, and the caret's column in what is shown.
fn clip(line: &str, col: usize) -> (String, usize) {
    let start = col.saturating_sub(1).saturating_sub(CONTEXT);
    let mut shown: String = line.chars().skip(start).take(2 * CONTEXT + 1).collect();
    let more = line.chars().skip(start).nth(2 * CONTEXT + 1).is_some();
    if start == 0 && !more {
        return (shown, col);
    }
    if more {
        shown.push_str("...");
    }
    if start > 0 {
        return (format!("...{shown}"), col - start + 3);
    }
    (shown, col)
}

/// Sort diagnostics by position (stable, so equal positions keep discovery order) and drop
/// exact duplicates.
pub(crate) fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by_key(|d| (d.line, d.col));
    diags.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_column() {
        let loc = Locator::new("app.py", "x = 1\n\tif y:\n");
        let d = loc.diagnostic(TextSize::new(7), "boom");
        assert_eq!((d.line, d.col), (2, 2));
        assert_eq!(d.to_string(), "app.py:2:2: boom\n\tif y:\n\t^\n");
    }

    #[test]
    fn long_line_is_clipped_around_the_column() {
        let text = format!("x = {}+\n", "1+".repeat(500));
        let loc = Locator::new("g.py", &text);
        let d = loc.diagnostic(TextSize::new(500), "here");
        assert_eq!(d.col, 501);
        assert_eq!(d.source_line.len(), 3 + 121 + 3);
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        // The caret sits under the same character as in the full line.
        let caret = lines[2].len() - 1;
        assert_eq!(lines[1].as_bytes()[caret], text.as_bytes()[500]);
        assert!(lines[1].starts_with("...") && lines[1].ends_with("..."));
        let end = loc.diagnostic(TextSize::of(text.trim_end()), "end");
        assert!(end.source_line.starts_with("...") && !end.source_line.ends_with("..."));
        assert_eq!(end.to_string().lines().nth(2).map(str::len), Some(3 + 61));
    }

    /// Many errors on one long generated line: each diagnostic stays small (it copied the
    /// whole line before, so the output grew with errors x line length).
    #[test]
    fn many_errors_on_a_long_line_stay_linear() {
        let term = "f'{f\"{f'''{x}'''}\"}'";
        let src = format!("print({})\n", vec![term; 2000].join("+"));
        let file = crate::SourceFile { path: "y.py", text: &src };
        let errors = crate::compile_module(&file, "y", false).expect_err("3.12-only syntax");
        let text: String = errors.iter().map(|e| e.to_string()).collect();
        assert!(errors.len() >= 1000, "{}", errors.len());
        assert!(text.len() < 400 * errors.len(), "{} bytes", text.len());
    }

    #[test]
    fn column_counts_characters() {
        let loc = Locator::new("a.py", "s = 'é' +\n");
        let d = loc.diagnostic(TextSize::new(9), "here");
        assert_eq!(d.col, 9);
    }
}
