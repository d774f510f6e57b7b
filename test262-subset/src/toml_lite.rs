//! A restricted TOML parser, enough for `scope.toml`: comments, bare or
//! quoted keys, `key = value` pairs, `[table]` and `[[array-of-tables]]`
//! headers (single names, not dotted), and values that are basic or literal
//! strings, integers, booleans or (possibly multi-line, nested) arrays.
//! Everything else is an error with a line number.

/// A TOML value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// An array.
    Array(Vec<Value>),
    /// A table (`[name]`).
    Table(Table),
    /// An array of tables (`[[name]]`).
    Tables(Vec<Table>),
}

/// A table: key/value pairs in source order.
pub type Table = Vec<(String, Value)>;

/// Looks `key` up in `table`.
pub fn get<'a>(table: &'a Table, key: &str) -> Option<&'a Value> {
    table.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Parses a document into its root table.
pub fn parse(text: &str) -> Result<Table, String> {
    let mut p = Parser { chars: text.chars().collect(), pos: 0, line: 1 };
    let mut root: Table = Vec::new();
    // Where new key/value pairs go: the root, a table or the last table of
    // an array of tables.
    let mut current: Option<(String, bool)> = None;
    loop {
        p.skip_ws_comments_newlines();
        if p.eof() {
            break;
        }
        if p.peek() == Some('[') {
            let double = p.peek_at(1) == Some('[');
            p.pos += if double { 2 } else { 1 };
            p.skip_ws();
            let name = p.key()?;
            p.skip_ws();
            p.expect(']')?;
            if double {
                p.expect(']')?;
            }
            p.end_of_line()?;
            match (root.iter_mut().find(|(k, _)| *k == name), double) {
                (None, false) => root.push((name.clone(), Value::Table(Vec::new()))),
                (None, true) => root.push((name.clone(), Value::Tables(vec![Vec::new()]))),
                (Some((_, Value::Tables(ts))), true) => ts.push(Vec::new()),
                _ => return Err(p.error(&format!("`{name}` is defined twice"))),
            }
            current = Some((name, double));
            continue;
        }
        let key = p.key()?;
        p.skip_ws();
        p.expect('=')?;
        p.skip_ws();
        let value = p.value()?;
        p.end_of_line()?;
        let table: &mut Table = match &current {
            None => &mut root,
            Some((name, _)) => match root.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v) {
                Some(Value::Table(t)) => t,
                Some(Value::Tables(ts)) => ts.last_mut().expect("non-empty array of tables"),
                _ => unreachable!("current table exists"),
            },
        };
        if table.iter().any(|(k, _)| *k == key) {
            return Err(p.error(&format!("key `{key}` is defined twice")));
        }
        table.push((key, value));
    }
    Ok(root)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    line: usize,
}

impl Parser {
    fn eof(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn error(&self, what: &str) -> String {
        format!("line {}: {what}", self.line)
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(&format!("expected `{c}`")))
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some('#') {
            while !matches!(self.peek(), None | Some('\n')) {
                self.bump();
            }
        }
    }

    fn skip_ws_comments_newlines(&mut self) {
        loop {
            self.skip_ws();
            self.skip_comment();
            match self.peek() {
                Some('\n') | Some('\r') => {
                    self.bump();
                }
                _ => return,
            }
        }
    }

    /// After a value or header: optional comment, then newline or EOF.
    fn end_of_line(&mut self) -> Result<(), String> {
        self.skip_ws();
        self.skip_comment();
        if self.peek() == Some('\r') {
            self.bump();
        }
        match self.peek() {
            None => Ok(()),
            Some('\n') => {
                self.bump();
                Ok(())
            }
            Some(_) => Err(self.error("expected the end of the line")),
        }
    }

    fn key(&mut self) -> Result<String, String> {
        match self.peek() {
            Some('"') => self.basic_string(),
            Some('\'') => self.literal_string(),
            _ => {
                let start = self.pos;
                while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-') {
                    self.bump();
                }
                if self.pos == start {
                    return Err(self.error("expected a key"));
                }
                Ok(self.chars[start..self.pos].iter().collect())
            }
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.peek() {
            Some('"') => {
                if self.peek_at(1) == Some('"') && self.peek_at(2) == Some('"') {
                    return Err(self.error("multi-line strings are not supported"));
                }
                self.basic_string().map(Value::Str)
            }
            Some('\'') => self.literal_string().map(Value::Str),
            Some('[') => self.array(),
            Some('{') => Err(self.error("inline tables are not supported")),
            Some(c) if c == '-' || c == '+' || c.is_ascii_digit() => {
                let start = self.pos;
                while matches!(self.peek(), Some(c) if c == '-' || c == '+' || c == '_' || c.is_ascii_digit()) {
                    self.bump();
                }
                let text: String = self.chars[start..self.pos].iter().filter(|c| **c != '_').collect();
                text.parse().map(Value::Int).map_err(|_| self.error(&format!("bad integer `{text}`")))
            }
            Some('t' | 'f') => {
                for (word, b) in [("true", true), ("false", false)] {
                    let end = self.pos + word.len();
                    if end <= self.chars.len() && self.chars[self.pos..end].iter().copied().eq(word.chars()) {
                        self.pos = end;
                        return Ok(Value::Bool(b));
                    }
                }
                Err(self.error("expected a value"))
            }
            _ => Err(self.error("expected a value")),
        }
    }

    fn array(&mut self) -> Result<Value, String> {
        self.expect('[')?;
        let mut items = Vec::new();
        loop {
            self.skip_ws_comments_newlines();
            if self.peek() == Some(']') {
                self.bump();
                return Ok(Value::Array(items));
            }
            items.push(self.value()?);
            self.skip_ws_comments_newlines();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {}
                _ => return Err(self.error("expected `,` or `]` in array")),
            }
        }
    }

    fn basic_string(&mut self) -> Result<String, String> {
        self.expect('"')?;
        let mut s = String::new();
        loop {
            match self.bump() {
                None | Some('\n') => return Err(self.error("unterminated string")),
                Some('"') => return Ok(s),
                Some('\\') => match self.bump() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('r') => s.push('\r'),
                    Some('"') => s.push('"'),
                    Some('\\') => s.push('\\'),
                    Some(u @ ('u' | 'U')) => {
                        let n = if u == 'u' { 4 } else { 8 };
                        let hex: String = (0..n).filter_map(|_| self.bump()).collect();
                        let c =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).ok_or_else(|| self.error("bad unicode escape"))?;
                        s.push(c);
                    }
                    _ => return Err(self.error("bad escape in string")),
                },
                Some(c) => s.push(c),
            }
        }
    }

    fn literal_string(&mut self) -> Result<String, String> {
        self.expect('\'')?;
        let mut s = String::new();
        loop {
            match self.bump() {
                None | Some('\n') => return Err(self.error("unterminated string")),
                Some('\'') => return Ok(s),
                Some(c) => s.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Value {
        Value::Array(v.iter().map(|s| Value::Str(s.to_string())).collect())
    }

    #[test]
    fn parses_the_scope_shape() {
        let doc = r#"
# comment
include = ["a", 'b',]   # trailing comment
version = 2
strict = true

[host]
name = "jolt \"x\" \u00e9"

[[exclude]]
reason = "one"
features = [
  "x", # why x
  "y",
]

[[exclude]]
reason = "two"
paths = []
"#;
        let t = parse(doc).unwrap();
        assert_eq!(get(&t, "include"), Some(&strs(&["a", "b"])));
        assert_eq!(get(&t, "version"), Some(&Value::Int(2)));
        assert_eq!(get(&t, "strict"), Some(&Value::Bool(true)));
        let Some(Value::Table(host)) = get(&t, "host") else { panic!() };
        assert_eq!(get(host, "name"), Some(&Value::Str("jolt \"x\" é".into())));
        let Some(Value::Tables(ex)) = get(&t, "exclude") else { panic!() };
        assert_eq!(ex.len(), 2);
        assert_eq!(get(&ex[0], "features"), Some(&strs(&["x", "y"])));
        assert_eq!(get(&ex[1], "reason"), Some(&Value::Str("two".into())));
        assert_eq!(get(&ex[1], "paths"), Some(&Value::Array(vec![])));
    }

    #[test]
    fn errors_carry_line_numbers() {
        let e = parse("a = 1\nb = \n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
        assert!(parse("a = 1\na = 2").unwrap_err().contains("twice"));
        assert!(parse("a = \"open").is_err());
        assert!(parse("a = [1, 2").is_err());
        assert!(parse("a = 1 b = 2").is_err());
        assert!(parse("[t]\n[t]").is_err());
        assert!(parse("a = {x = 1}").is_err());
        assert!(parse("a = \"\"\"x\"\"\"").is_err());
    }
}
