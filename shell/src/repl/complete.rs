//! Tab completion. It never runs user code: names come from the keyword list, the global
//! lexical bindings and the global object's properties; after a dot, the chain before it
//! (`a.b.c.`, `''.`, `[].`) is resolved by walking own *data* properties along prototype
//! chains — accessors stop the walk (no getter is invoked) and nothing is called.

use jolt::heap::Gc;
use jolt::runtime::object::JsObject;
use jolt::runtime::shape::{PropertyKey, ACCESSOR};
use jolt::runtime::Intrinsic;
use jolt::{Runtime, Value};

/// The reserved words and literals offered when completing a bare name.
pub const KEYWORDS: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "let",
    "new",
    "null",
    "of",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// One step of the chain before the word being completed.
#[derive(Debug, PartialEq)]
enum Base {
    /// A name (first) or a property name (later).
    Name(String),
    /// `[]`
    ArrayLiteral,
    /// `''`, `""` or a template without substitutions.
    StringLiteral,
}

/// Parses `a.b.c.` (ending just before the final dot's word) backwards from `end`; `None` when
/// the text before is not a plain member chain.
fn parse_chain(text: &str, end: usize) -> Option<Vec<Base>> {
    let chars: Vec<(usize, char)> = text[..end].char_indices().collect();
    let mut i = chars.len();
    let mut steps = Vec::new();
    loop {
        // Here, text[..chars[i]] ends with the dot (or `?.`) before the current step.
        if i == 0 || chars[i - 1].1 != '.' {
            return None;
        }
        i -= 1;
        if i > 0 && chars[i - 1].1 == '?' {
            i -= 1;
        }
        let stop = i;
        while i > 0 && is_ident_char(chars[i - 1].1) {
            i -= 1;
        }
        if i < stop {
            let name: String = chars[i..stop].iter().map(|c| c.1).collect();
            if name.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            steps.push(Base::Name(name));
        } else if i >= 2 && chars[i - 1].1 == ']' && chars[i - 2].1 == '[' {
            i -= 2;
            steps.push(Base::ArrayLiteral);
            break;
        } else if i >= 2 && matches!(chars[i - 1].1, '\'' | '"' | '`') {
            let q = chars[i - 1].1;
            let mut j = i - 1;
            while j > 0 && chars[j - 1].1 != q {
                j -= 1;
            }
            if j == 0 || (q == '`' && chars[j..i - 1].iter().any(|c| c.1 == '$')) {
                return None;
            }
            i = j - 1;
            steps.push(Base::StringLiteral);
            break;
        } else {
            return None;
        }
        if i == 0 || chars[i - 1].1 != '.' {
            break;
        }
    }
    // The chain must start a (sub)expression: not `x.y` preceded by a call or another member.
    if i > 0 && matches!(chars[i - 1].1, ')' | ']' | '}' | '\'' | '"' | '`') {
        return None;
    }
    steps.reverse();
    Some(steps)
}

/// A data property of `v` (own or inherited), or `None` for accessors and missing properties.
fn data_property(rt: &mut Runtime, v: Value, name: &str) -> Option<Value> {
    let mut cur = holder(rt, v);
    let key = rt.key(name);
    while let Some(o) = cur {
        if let Some(p) = rt.get_own_property(o, key) {
            return if p.attrs & ACCESSOR != 0 { None } else { Some(p.value) };
        }
        cur = o.proto();
    }
    None
}

/// The object whose properties a value shows: itself, or its primitive's prototype.
fn holder(rt: &Runtime, v: Value) -> Option<Gc<JsObject>> {
    if let Some(o) = v.as_object() {
        return Some(o);
    }
    let i = if v.is_string() {
        Intrinsic::StringPrototype
    } else if v.is_number() {
        Intrinsic::NumberPrototype
    } else if v.as_bool().is_some() {
        Intrinsic::BooleanPrototype
    } else if v.is_symbol() {
        Intrinsic::SymbolPrototype
    } else {
        return None;
    };
    Some(rt.intrinsic(i))
}

/// The value of a global name: a global lexical binding, else a data property of the global
/// object (or its prototypes).
fn global_value(rt: &mut Runtime, name: &str) -> Option<Value> {
    if let Some((_, v)) = rt.global_lexicals().into_iter().find(|(n, _)| n == name) {
        return v;
    }
    let g = Value::object(rt.global_object());
    data_property(rt, g, name)
}

/// Every string-keyed property name of `v` and its prototypes that is an identifier.
fn property_names(rt: &mut Runtime, v: Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = holder(rt, v);
    let mut guard = 0;
    while let Some(o) = cur {
        for k in rt.own_property_keys(o) {
            if let PropertyKey::String(s) = k {
                let n = s.to_rust_string();
                if n.chars().next().is_some_and(|c| !c.is_ascii_digit()) && n.chars().all(is_ident_char) {
                    out.push(n);
                }
            }
        }
        cur = o.proto();
        guard += 1;
        if guard > 1000 {
            break;
        }
    }
    out
}

/// Completes the word ending at byte `pos` of `line`: the byte where the word starts, and the
/// sorted candidates (whole words).
pub fn complete(rt: &mut Runtime, line: &str, pos: usize) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    if !line.is_char_boundary(pos) {
        return (pos, Vec::new());
    }
    let start = line[..pos].char_indices().rev().take_while(|(_, c)| is_ident_char(*c)).last().map(|(i, _)| i).unwrap_or(pos);
    let word = &line[start..pos];
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return (start, Vec::new());
    }
    let mut names: Vec<String> = if line[..start].ends_with('.') {
        let Some(steps) = parse_chain(line, start) else { return (start, Vec::new()) };
        let mut v = match steps.first() {
            Some(Base::Name(n)) => match global_value(rt, n) {
                Some(v) => v,
                None => return (start, Vec::new()),
            },
            Some(Base::ArrayLiteral) => Value::object(rt.intrinsic(Intrinsic::ArrayPrototype)),
            Some(Base::StringLiteral) => Value::object(rt.intrinsic(Intrinsic::StringPrototype)),
            None => return (start, Vec::new()),
        };
        for s in &steps[1..] {
            let Base::Name(n) = s else { return (start, Vec::new()) };
            match data_property(rt, v, n) {
                Some(x) => v = x,
                None => return (start, Vec::new()),
            }
        }
        property_names(rt, v)
    } else {
        let mut n: Vec<String> = KEYWORDS.iter().map(|s| s.to_string()).collect();
        n.extend(rt.global_lexicals().into_iter().map(|(k, _)| k));
        let g = Value::object(rt.global_object());
        n.extend(property_names(rt, g));
        n
    };
    names.retain(|n| n.starts_with(word) && !n.starts_with("__jolt_"));
    names.sort();
    names.dedup();
    (start, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rt: &mut Runtime, line: &str) -> Vec<String> {
        complete(rt, line, line.len()).1
    }

    #[test]
    fn chains() {
        assert_eq!(parse_chain("a.b.", 4), Some(vec![Base::Name("a".into()), Base::Name("b".into())]));
        assert_eq!(parse_chain("x = [].", 7), Some(vec![Base::ArrayLiteral]));
        assert_eq!(parse_chain("'ab'.", 5), Some(vec![Base::StringLiteral]));
        assert_eq!(parse_chain("f().", 4), None);
        assert_eq!(parse_chain("1.", 2), None);
    }

    #[test]
    fn completes_globals_members_and_keywords() {
        let mut rt = Runtime::with_options(jolt::RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
        assert_eq!(complete(&mut rt, "Math.fl", 7), (5, vec!["floor".to_string()]));
        let fi = run(&mut rt, "[].fi");
        for n in ["fill", "filter", "find", "findIndex", "findLast", "findLastIndex"] {
            assert!(fi.contains(&n.to_string()), "{fi:?}");
        }
        assert!(run(&mut rt, "'x'.toUpper").contains(&"toUpperCase".to_string()));
        assert!(run(&mut rt, "typ").contains(&"typeof".to_string()));
        assert!(run(&mut rt, "JSO").contains(&"JSON".to_string()));
        rt.eval("let myLongName = { inner: { deep: 1 } }; const k = 5;", "t").unwrap();
        assert_eq!(run(&mut rt, "myLo"), vec!["myLongName".to_string()]);
        assert_eq!(run(&mut rt, "myLongName.inner.d"), vec!["deep".to_string()]);
        assert!(run(&mut rt, "k.toFi").contains(&"toFixed".to_string()));
    }

    #[test]
    fn never_runs_getters() {
        let mut rt = Runtime::with_options(jolt::RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
        rt.eval("var hits = 0; var o = { get g() { hits++; return Math; }, plain: 1 };", "t").unwrap();
        assert!(run(&mut rt, "o.g.fl").is_empty());
        assert!(run(&mut rt, "o.").contains(&"g".to_string()));
        assert_eq!(rt.eval("hits", "t").unwrap().as_number(), Some(0.0));
        // Odd input never panics.
        for l in ["", ".", "..", "?.", "a?.", "é.", "'.", "`${x}`.", "ü", "[].", "1.2.", "))."] {
            let _ = complete(&mut rt, l, l.len());
        }
    }
}
