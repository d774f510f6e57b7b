//! Extraction and parsing of a test's front matter: the YAML between `/*---`
//! and `---*/`.
//!
//! Only the YAML subset test262 uses is understood: block mappings, block
//! sequences (`- item`), flow sequences and mappings (`[a, b]`, `{k: v}`),
//! plain, single- and double-quoted scalars, block scalars (`|`, `>`, with
//! chomping indicators) and `#` comments. That is enough for every key of the
//! suite (`includes`, `flags`, `features`, `negative`, `description`, `info`,
//! `esid`, ...); anything else is reported as an error rather than guessed.

/// A parsed YAML node. Mappings keep their source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Yaml {
    /// A scalar (any plain, quoted or block scalar; `""` also stands for null).
    Scalar(String),
    /// A sequence.
    Seq(Vec<Yaml>),
    /// A mapping, in source order.
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// The value of `key` if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// A list of strings: a sequence of scalars, or a single non-empty scalar
    /// (an empty scalar, i.e. null, is the empty list).
    pub fn as_str_list(&self) -> Result<Vec<String>, String> {
        match self {
            Yaml::Scalar(s) if s.is_empty() => Ok(Vec::new()),
            Yaml::Scalar(s) => Ok(vec![s.clone()]),
            Yaml::Seq(items) => {
                items.iter().map(|i| i.as_str().map(str::to_string).ok_or_else(|| "expected a list of strings".to_string())).collect()
            }
            Yaml::Map(_) => Err("expected a list, found a mapping".to_string()),
        }
    }
}

/// The front-matter text of `source` (between `/*---` and `---*/`), if any.
pub fn extract(source: &str) -> Option<&str> {
    let start = source.find("/*---")? + "/*---".len();
    let end = source[start..].find("---*/")? + start;
    Some(&source[start..end])
}

/// Parses front-matter text into a [`Yaml`] mapping (an empty document is an
/// empty mapping).
pub fn parse(text: &str) -> Result<Yaml, String> {
    // YAML line breaks are LF, CRLF and lone CR (some tests use CR only).
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut p = Parser { lines, pos: 0 };
    p.skip_blank();
    if p.eof() {
        return Ok(Yaml::Map(Vec::new()));
    }
    let indent = indent_of(p.line());
    let node = p.parse_block(indent)?;
    p.skip_blank();
    if !p.eof() {
        return Err(p.error("unexpected text after the document"));
    }
    Ok(node)
}

struct Parser<'a> {
    lines: Vec<&'a str>,
    pos: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

fn is_seq_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

/// Splits `key: value` (the colon must be followed by a space or the end of
/// the line). Returns `None` if `content` is not a mapping entry.
fn split_key(content: &str) -> Option<(String, &str)> {
    if content.starts_with('"') || content.starts_with('\'') {
        let (key, rest) = parse_quoted(content).ok()?;
        let rest = rest.trim_start().strip_prefix(':')?;
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        return Some((key, rest));
    }
    let bytes = content.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            let key = content[..i].trim();
            if key.is_empty() || key.starts_with('#') {
                return None;
            }
            return Some((key.to_string(), &content[i + 1..]));
        }
    }
    None
}

/// Removes a trailing ` # comment` from a plain (unquoted) value.
fn strip_comment(s: &str) -> &str {
    if s.starts_with('#') {
        return "";
    }
    match s.find(" #") {
        Some(i) => &s[..i],
        None => s,
    }
}

/// Parses a quoted scalar at the start of `s`; returns it and the remainder.
fn parse_quoted(s: &str) -> Result<(String, &str), String> {
    let mut chars = s.char_indices();
    let quote = match chars.next() {
        Some((_, q @ ('"' | '\''))) => q,
        _ => return Err("expected a quoted string".to_string()),
    };
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        if c == quote {
            if quote == '\'' && s[i + 1..].starts_with('\'') {
                out.push('\'');
                chars.next();
                continue;
            }
            return Ok((out, &s[i + 1..]));
        }
        if c == '\\' && quote == '"' {
            match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, '0')) => out.push('\0'),
                Some((_, e)) => out.push(e),
                None => return Err("unterminated escape in quoted string".to_string()),
            }
            continue;
        }
        out.push(c);
    }
    Err("unterminated quoted string".to_string())
}

/// Parses one flow value (`[...]`, `{...}`, quoted or plain) from `s`,
/// returning it and the unparsed remainder.
fn parse_flow(s: &str) -> Result<(Yaml, &str), String> {
    let s = s.trim_start();
    if let Some(mut rest) = s.strip_prefix('[') {
        let mut items = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix(']') {
                return Ok((Yaml::Seq(items), r));
            }
            let (item, r) = parse_flow(rest)?;
            items.push(item);
            rest = r.trim_start();
            if let Some(r) = rest.strip_prefix(',') {
                rest = r;
            } else if !rest.starts_with(']') {
                return Err("expected `,` or `]` in flow sequence".to_string());
            }
        }
    }
    if let Some(mut rest) = s.strip_prefix('{') {
        let mut entries = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix('}') {
                return Ok((Yaml::Map(entries), r));
            }
            let colon = rest.find(':').ok_or_else(|| "expected `key: value` in flow mapping".to_string())?;
            let key = rest[..colon].trim().to_string();
            let (value, r) = parse_flow(&rest[colon + 1..])?;
            entries.push((key, value));
            rest = r.trim_start();
            if let Some(r) = rest.strip_prefix(',') {
                rest = r;
            } else if !rest.starts_with('}') {
                return Err("expected `,` or `}` in flow mapping".to_string());
            }
        }
    }
    if s.starts_with('"') || s.starts_with('\'') {
        let (v, rest) = parse_quoted(s)?;
        return Ok((Yaml::Scalar(v), rest));
    }
    let end = s.find([',', ']', '}']).unwrap_or(s.len());
    Ok((Yaml::Scalar(s[..end].trim().to_string()), &s[end..]))
}

/// Whether the brackets of a flow collection are balanced (quotes respected).
fn flow_balanced(s: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                _ => {}
            },
        }
    }
    depth <= 0
}

impl<'a> Parser<'a> {
    fn eof(&self) -> bool {
        self.pos >= self.lines.len()
    }

    fn line(&self) -> &'a str {
        self.lines[self.pos]
    }

    fn error(&self, what: &str) -> String {
        format!("front matter line {}: {what}", self.pos + 1)
    }

    fn skip_blank(&mut self) {
        while !self.eof() && is_blank_or_comment(self.line()) {
            self.pos += 1;
        }
    }

    /// A block node (mapping or sequence) whose lines are indented `indent`.
    fn parse_block(&mut self, indent: usize) -> Result<Yaml, String> {
        let content = &self.line()[indent..];
        if is_seq_item(content) {
            self.parse_seq(indent)
        } else {
            self.parse_map(indent)
        }
    }

    fn parse_map(&mut self, indent: usize) -> Result<Yaml, String> {
        let mut entries = Vec::new();
        loop {
            self.skip_blank();
            if self.eof() {
                break;
            }
            let line = self.line();
            let ind = indent_of(line);
            if ind < indent {
                break;
            }
            if ind > indent {
                return Err(self.error("unexpected indentation"));
            }
            let content = &line[ind..];
            if is_seq_item(content) {
                return Err(self.error("sequence item inside a mapping"));
            }
            let (key, rest) = split_key(content).ok_or_else(|| self.error("expected `key: value`"))?;
            self.pos += 1;
            let value = self.parse_value(indent, rest)?;
            entries.push((key, value));
        }
        Ok(Yaml::Map(entries))
    }

    fn parse_seq(&mut self, indent: usize) -> Result<Yaml, String> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            if self.eof() {
                break;
            }
            let line = self.line();
            let ind = indent_of(line);
            if ind < indent {
                break;
            }
            if ind > indent {
                return Err(self.error("unexpected indentation"));
            }
            let content = &line[ind..];
            if !is_seq_item(content) {
                break;
            }
            self.pos += 1;
            let item = self.parse_value(indent, content[1..].trim_start())?;
            items.push(item);
        }
        Ok(Yaml::Seq(items))
    }

    /// The value following `key:` (or `- `) on a line indented `indent`;
    /// `rest` is the text after the colon. May consume following lines.
    fn parse_value(&mut self, indent: usize, rest: &str) -> Result<Yaml, String> {
        let rest = rest.trim();
        if rest.starts_with('"') || rest.starts_with('\'') {
            let (v, _) = parse_quoted(rest).map_err(|e| self.error(&e))?;
            return Ok(Yaml::Scalar(v));
        }
        let rest = strip_comment(rest).trim_end();
        if rest.is_empty() {
            self.skip_blank();
            if self.eof() {
                return Ok(Yaml::Scalar(String::new()));
            }
            let ind = indent_of(self.line());
            let content = &self.line()[ind..];
            if ind > indent || (ind == indent && is_seq_item(content)) {
                return self.parse_block(ind);
            }
            return Ok(Yaml::Scalar(String::new()));
        }
        if rest.starts_with('|') || rest.starts_with('>') {
            return self.parse_block_scalar(indent, rest);
        }
        if rest.starts_with('[') || rest.starts_with('{') {
            let mut buf = rest.to_string();
            while !flow_balanced(&buf) && !self.eof() {
                buf.push(' ');
                buf.push_str(strip_comment(self.line().trim()));
                self.pos += 1;
            }
            let (v, after) = parse_flow(&buf).map_err(|e| self.error(&e))?;
            if !after.trim().is_empty() {
                return Err(self.error("unexpected text after a flow collection"));
            }
            return Ok(v);
        }
        // A plain scalar, possibly continued on more-indented lines.
        let mut text = rest.to_string();
        loop {
            let mut look = self.pos;
            let mut blank_lines = 0;
            while look < self.lines.len() && self.lines[look].trim().is_empty() {
                look += 1;
                blank_lines += 1;
            }
            if look >= self.lines.len() || indent_of(self.lines[look]) <= indent {
                break;
            }
            if split_key(self.lines[look].trim()).is_some() {
                self.pos = look;
                return Err(self.error("mapping entry inside a plain scalar (bad indentation?)"));
            }
            if blank_lines > 0 {
                text.push_str(&"\n".repeat(blank_lines));
            } else {
                text.push(' ');
            }
            text.push_str(self.lines[look].trim());
            self.pos = look + 1;
        }
        Ok(Yaml::Scalar(text))
    }

    /// A `|` or `>` block scalar whose header is `header`.
    fn parse_block_scalar(&mut self, indent: usize, header: &str) -> Result<Yaml, String> {
        let folded = header.starts_with('>');
        let mut keep = false;
        let mut strip = false;
        let mut explicit = None;
        for c in header[1..].chars() {
            match c {
                '-' => strip = true,
                '+' => keep = true,
                '1'..='9' => explicit = Some(c as usize - '0' as usize),
                _ => return Err(self.error("bad block scalar header")),
            }
        }
        let block_indent = match explicit {
            Some(n) => indent + n,
            None => {
                let mut look = self.pos;
                while look < self.lines.len() && self.lines[look].trim().is_empty() {
                    look += 1;
                }
                if look >= self.lines.len() || indent_of(self.lines[look]) <= indent {
                    return Ok(Yaml::Scalar(String::new()));
                }
                indent_of(self.lines[look])
            }
        };
        let mut lines: Vec<&str> = Vec::new();
        while !self.eof() {
            let line = self.line();
            if line.trim().is_empty() {
                lines.push("");
            } else if indent_of(line) >= block_indent {
                lines.push(&line[block_indent..]);
            } else {
                break;
            }
            self.pos += 1;
        }
        let trailing = lines.iter().rev().take_while(|l| l.is_empty()).count();
        lines.truncate(lines.len() - trailing);
        let mut text = if folded {
            let mut out = String::new();
            let mut prev_blank = true;
            for l in &lines {
                if l.is_empty() {
                    out.push('\n');
                    prev_blank = true;
                } else {
                    if !prev_blank {
                        out.push(if l.starts_with(' ') { '\n' } else { ' ' });
                    }
                    out.push_str(l);
                    prev_blank = false;
                }
            }
            out
        } else {
            lines.join("\n")
        };
        if !lines.is_empty() && !strip {
            text.push('\n');
            if keep {
                text.push_str(&"\n".repeat(trailing));
            }
        }
        Ok(Yaml::Scalar(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Yaml {
        Yaml::Scalar(v.to_string())
    }

    #[test]
    fn extracts_front_matter() {
        let src = "// Copyright\n/*---\nflags: [raw]\n---*/\ncode();";
        assert_eq!(extract(src), Some("\nflags: [raw]\n"));
        assert_eq!(extract("no metadata"), None);
        assert_eq!(extract("/*--- unterminated"), None);
    }

    #[test]
    fn flow_and_block_sequences() {
        let y = parse("features: [a, b.c, 'd']\nflags: []\nincludes:\n  - x.js\n  - \"y.js\"\n").unwrap();
        assert_eq!(y.get("features"), Some(&Yaml::Seq(vec![s("a"), s("b.c"), s("d")])));
        assert_eq!(y.get("flags"), Some(&Yaml::Seq(vec![])));
        assert_eq!(y.get("includes").unwrap().as_str_list().unwrap(), vec!["x.js", "y.js"]);
    }

    #[test]
    fn sequence_at_same_indent_as_key() {
        let y = parse("features:\n- a\n- b\nflags: [raw]").unwrap();
        assert_eq!(y.get("features").unwrap().as_str_list().unwrap(), vec!["a", "b"]);
        assert_eq!(y.get("flags").unwrap().as_str_list().unwrap(), vec!["raw"]);
    }

    #[test]
    fn multi_line_flow_sequence() {
        let y = parse("features: [a,\n  b, # comment\n  c]\nesid: x").unwrap();
        assert_eq!(y.get("features").unwrap().as_str_list().unwrap(), vec!["a", "b", "c"]);
        assert_eq!(y.get("esid").unwrap().as_str(), Some("x"));
    }

    #[test]
    fn nested_mapping_any_indent() {
        for text in [
            "negative:\n  phase: parse\n  type: SyntaxError\n",
            "negative:\n    phase: parse\n    type: SyntaxError\nflags: [onlyStrict]",
            "negative: {phase: parse, type: SyntaxError}",
        ] {
            let y = parse(text).unwrap();
            let n = y.get("negative").unwrap();
            assert_eq!(n.get("phase").unwrap().as_str(), Some("parse"), "{text}");
            assert_eq!(n.get("type").unwrap().as_str(), Some("SyntaxError"), "{text}");
        }
    }

    #[test]
    fn block_scalars_swallow_yaml_lookalikes() {
        let text = "description: >\n    folded\n    text\ninfo: |\n    flags: [module]\n      indented\n\n    negative:\n  phase: runtime\nfeatures: [x]";
        // `  phase: runtime` is less indented than the block: it ends the block
        // and is then an indentation error.
        assert!(parse(text).is_err());
        let text =
            "description: >\n    folded\n    text\ninfo: |\n    flags: [module]\n      indented\n\n    # not a comment\nfeatures: [x]\n";
        let y = parse(text).unwrap();
        assert_eq!(y.get("description").unwrap().as_str(), Some("folded text\n"));
        assert_eq!(y.get("info").unwrap().as_str(), Some("flags: [module]\n  indented\n\n# not a comment\n"));
        assert_eq!(y.get("features").unwrap().as_str_list().unwrap(), vec!["x"]);
        assert_eq!(y.get("flags"), None);
    }

    #[test]
    fn chomping_indicators() {
        let y = parse("a: |-\n  x\n\nb: |+\n  y\n\nc: >-\n  z\n").unwrap();
        assert_eq!(y.get("a").unwrap().as_str(), Some("x"));
        assert_eq!(y.get("b").unwrap().as_str(), Some("y\n\n"));
        assert_eq!(y.get("c").unwrap().as_str(), Some("z"));
    }

    #[test]
    fn plain_multi_line_and_quoted_scalars() {
        let y = parse("description: Foo: bar\n  continued here\nauthor: 'It''s me'\nesid: \"a\\\"b\" # c\nx: y # comment\n").unwrap();
        assert_eq!(y.get("description").unwrap().as_str(), Some("Foo: bar continued here"));
        assert_eq!(y.get("author").unwrap().as_str(), Some("It's me"));
        assert_eq!(y.get("esid").unwrap().as_str(), Some("a\"b"));
        assert_eq!(y.get("x").unwrap().as_str(), Some("y"));
    }

    #[test]
    fn all_line_break_styles() {
        for text in ["flags: [raw]\r\nincludes: [a.js]\r\n", "flags: [raw]\rincludes: [a.js]\r", "flags: [raw]\nincludes: [a.js]"] {
            let y = parse(text).unwrap();
            assert_eq!(y.get("flags").unwrap().as_str_list().unwrap(), vec!["raw"], "{text:?}");
            assert_eq!(y.get("includes").unwrap().as_str_list().unwrap(), vec!["a.js"], "{text:?}");
        }
    }

    #[test]
    fn empty_values_and_documents() {
        assert_eq!(parse("\n  \n").unwrap(), Yaml::Map(vec![]));
        let y = parse("flags:\nfeatures: [a]").unwrap();
        assert_eq!(y.get("flags").unwrap().as_str_list().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn errors_are_reported() {
        assert!(parse("just some text").is_err());
        assert!(parse("a: 1\n    b: 2").is_err());
        assert!(parse("features: [a, b").is_err());
        assert!(parse("a: \"unterminated").is_err());
    }
}
