//! Names: the macros' naming rules (`ec2-ops-naming`, so the scaffold writes an override only where
//! the model deviates from them), Rust identifiers for model names, and one-line docs from model
//! HTML.

pub use ec2_ops_naming::{kebab, lower_camel, pascal, snake};

/// Rust's keywords, which a field name written as a raw identifier may use (`r#type`).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try",
    "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield", "abstract",
    "become", "do", "final", "override",
];

/// Keywords that cannot be raw identifiers: a field of this name gets a trailing underscore.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self"];

/// The Rust spelling of field name `snake`: raw where it is a keyword.
pub fn field_ident(snake: &str) -> String {
    if NOT_RAW.contains(&snake) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake) {
        format!("r#{snake}")
    } else {
        snake.to_owned()
    }
}

/// The name the macro sees for a field ident (`r#type` is `type`).
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// `t2.micro` → `T2Micro`, `in-use` → `InUse`, `1-year` → `V1Year`: a variant name for an enum value.
pub fn variant_ident(value: &str) -> String {
    let mut out = String::new();
    let mut upper_next = true;
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            if upper_next {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            upper_next = false;
        } else {
            upper_next = true;
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// A type name for a model shape name (they are PascalCase already; anything else is made so).
pub fn type_ident(shape: &str) -> String {
    let ident = variant_ident(shape);
    match ident.as_str() {
        // The facade exports these; a model shape of the same name would shadow them.
        "Filter" | "DateTime" | "Blob" | "Option" | "Result" | "String" | "Vec" | "Box" => {
            format!("{ident}Shape")
        }
        _ => ident,
    }
}

/// The first sentence of a model documentation string, as plain text on one line.
pub fn doc_line(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if word.ends_with('.') && line.len() > 12 {
            break;
        }
        if line.len() > 200 {
            line.push('…');
            break;
        }
    }
    // Tags were replaced by spaces: close the gaps they leave before punctuation.
    for mark in [".", ",", ")", ":", ";"] {
        line = line.replace(&format!(" {mark}"), mark);
    }
    // A doc comment is Markdown: keep model text from opening code spans or links by accident.
    line.replace('`', "'").replace('[', "(").replace(']', ")")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_become_raw_identifiers() {
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(unraw("r#type"), "type");
    }

    #[test]
    fn enum_values_become_variant_names() {
        assert_eq!(variant_ident("t2.micro"), "T2Micro");
        assert_eq!(variant_ident("in-use"), "InUse");
        assert_eq!(variant_ident("1-year"), "V1Year");
    }

    #[test]
    fn docs_keep_the_first_sentence_as_plain_text() {
        assert_eq!(
            doc_line("<p>The ID of the <code>volume</code>. More text.</p>"),
            "The ID of the volume."
        );
    }
}
