//! CSV for spreadsheet users: RFC 4180 quoting, and cells that a spreadsheet
//! would run as a formula neutralised (CSV injection).

/// Builds a CSV document row by row. Rows end in CRLF as RFC 4180 asks;
/// the text starts with a UTF-8 byte-order mark so that Excel reads it as UTF-8.
#[derive(Debug, Clone)]
pub struct CsvWriter {
    text: String,
}

impl CsvWriter {
    pub fn new(header: &[&str]) -> Self {
        let mut writer = Self {
            text: String::from('\u{feff}'),
        };
        writer.row(header.iter().copied());
        writer
    }

    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.text.push_str(&escape(cell));
        }
        self.text.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// One cell: formulas neutralised with a leading apostrophe, then quoted
/// when it holds a comma, quote or line break.
pub fn escape(cell: &str) -> String {
    let neutral = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed_and_neutralises_formulas() {
        for (cell, written) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            // Formulas: a leading quote keeps a spreadsheet from running them.
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
        ] {
            assert_eq!(escape(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn writes_rows_with_bom_and_crlf() {
        let mut w = CsvWriter::new(&["id", "title"]);
        w.row(["IMP-0001", "Fix, then check"]);
        assert_eq!(
            w.finish(),
            "\u{feff}id,title\r\nIMP-0001,\"Fix, then check\"\r\n"
        );
    }
}
