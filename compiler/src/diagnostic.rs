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
    /// What is wrong, e.g. `unsupported: 'with' statement`.
    pub message: String,
    /// The text of the line (without its line break).
    pub source_line: String,
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: message`, the source line, and a caret under the column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )?;
        writeln!(f, "{}", self.source_line)?;
        // Keep tabs so the caret lines up however the terminal renders them.
        let pad: String = self
            .source_line
            .chars()
            .chain(std::iter::repeat(' '))
            .take(self.col.saturating_sub(1) as usize)
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
        Locator {
            path,
            text,
            index: LineIndex::from_source_text(text),
        }
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
        let source_line = self.text[range]
            .trim_end_matches(['\n', '\r'])
            .trim_start_matches('\u{feff}');
        Diagnostic {
            path: self.path.to_string(),
            line: line.get() as u32,
            col: lc.column.get() as u32,
            message: message.into(),
            source_line: source_line.to_string(),
        }
    }
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
    fn column_counts_characters() {
        let loc = Locator::new("a.py", "s = 'é' +\n");
        let d = loc.diagnostic(TextSize::new(9), "here");
        assert_eq!(d.col, 9);
    }
}
