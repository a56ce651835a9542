//! A JSON Lines record's `"id"` and `"text"`, read without serde when the line has the plain
//! shape of nearly every record: an object whose keys have no escapes, a string id, and no
//! control byte (no whitespace but spaces) outside the line's final line break.
//!
//! The other fields (a gold file's annotations, most of its bytes) are stepped over: strings by
//! searching for their closing quotation mark, the rest byte by byte. Every step is at least
//! as strict as `serde_json`'s: whatever [`id_and_text`] reads, `serde_json::from_slice` reads
//! the same way, and anything else (an error, a number id, an escaped key, a repeated field)
//! gets `None` and is left to serde, which then gives its own result or error. The tests hold
//! the two together on every PolNeAR line and on made-up lines of each kind.

/// The id and text of the JSON object on `raw` (one line, its line break included), or `None`
/// when the line is not of the plain shape this reads.
pub(super) fn id_and_text(raw: &[u8]) -> Option<(String, String)> {
    let body = raw.strip_suffix(b"\n").unwrap_or(raw);
    // serde refuses control characters inside strings; outside them the only whitespace left
    // to read is then the space.
    if has_control_byte(body) {
        return None;
    }
    let mut p = Parser { bytes: body, at: 0 };
    p.spaces();
    p.eat(b'{')?;
    p.spaces();
    let (mut id, mut text) = (None, None);
    loop {
        let key = p.plain_string()?;
        p.spaces();
        p.eat(b':')?;
        p.spaces();
        match key {
            b"id" if id.is_none() => {
                id = Some(std::str::from_utf8(p.plain_string()?).ok()?.to_string());
            }
            b"text" if text.is_none() => text = Some(p.text_string()?),
            b"id" | b"text" => return None,
            // serde reads a field's name as a string (UTF-8) even when it ignores the field.
            _ => {
                std::str::from_utf8(key).ok()?;
                p.skip_value()?;
            }
        }
        p.spaces();
        match p.next()? {
            b',' => p.spaces(),
            b'}' => break,
            _ => return None,
        }
    }
    p.spaces();
    (p.at == body.len()).then_some(())?;
    Some((id?, text?))
}

/// Whether any byte of `bytes` is below 0x20, 32 bytes at a time.
fn has_control_byte(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        // No early exit inside the chunk, so that the compiler checks it in vector registers.
        if chunk.iter().fold(0u8, |any, &b| any | u8::from(b < 0x20)) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b < 0x20)
}

/// Nesting deeper than this inside an ignored field is left to serde.
const MAX_DEPTH: usize = 63;

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, expected: u8) -> Option<()> {
        (self.next()? == expected).then_some(())
    }

    /// Spaces: the only whitespace once control bytes are ruled out.
    fn spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    /// The offset of the first `"` or `\` at or after `from`, if any: eight bytes at a time
    /// for the first 64 bytes (most strings of a record are short: keys, cue words), where
    /// the vector search would cost more to call than to run, then by `memchr`.
    #[inline(always)]
    fn quote_or_backslash(&self, from: usize) -> Option<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bytes = self.bytes;
        let mut at = from;
        while let Some(block) = bytes.get(at..at + 8) {
            let x = u64::from_le_bytes(block.try_into().unwrap_or_default());
            let quote = x ^ (ONES * u64::from(b'"'));
            let backslash = x ^ (ONES * u64::from(b'\\'));
            // The lowest high bit marks the first byte equal to either (the bits above it may
            // be false).
            let found = ((quote.wrapping_sub(ONES) & !quote)
                | (backslash.wrapping_sub(ONES) & !backslash))
                & HIGH;
            if found != 0 {
                return Some(at + found.trailing_zeros() as usize / 8);
            }
            at += 8;
            if at - from >= 64 {
                return memchr::memchr2(b'"', b'\\', &bytes[at..]).map(|i| at + i);
            }
        }
        bytes[at.min(bytes.len())..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .map(|i| at + i)
    }

    /// A string without escapes, at its opening quotation mark: its bytes (not checked for
    /// UTF-8).
    fn plain_string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let end = self.quote_or_backslash(self.at)?;
        if self.bytes[end] != b'"' {
            return None;
        }
        let s = &self.bytes[self.at..end];
        self.at = end + 1;
        Some(s)
    }

    /// A string to be ignored, at its opening quotation mark: its escapes are checked as
    /// serde checks them (any four hex digits after `\u`), its bytes are not (serde does not
    /// decode an ignored string).
    #[inline(always)]
    fn skip_string(&mut self) -> Option<()> {
        self.eat(b'"')?;
        loop {
            let at = self.quote_or_backslash(self.at)?;
            if self.bytes[at] == b'"' {
                self.at = at + 1;
                return Some(());
            }
            self.at = at + 1;
            match self.next()? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                b'u' => {
                    self.hex4()?;
                }
                _ => return None,
            }
        }
    }

    /// Four hex digits, as a number.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(n)
    }

    /// The string at its opening quotation mark, its escapes decoded; `None` for a `\u` escape
    /// of a surrogate (serde pairs them or refuses them) or bytes that are not UTF-8.
    fn text_string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut decoded: Vec<u8> = Vec::new();
        loop {
            let at = self.quote_or_backslash(self.at)?;
            let run = &self.bytes[self.at..at];
            self.at = at + 1;
            if self.bytes[at] == b'"' {
                if decoded.is_empty() {
                    return std::str::from_utf8(run).ok().map(str::to_string);
                }
                decoded.extend_from_slice(run);
                return String::from_utf8(decoded).ok();
            }
            if decoded.is_empty() {
                decoded.reserve(self.bytes.len() - at);
            }
            decoded.extend_from_slice(run);
            let unescaped = match self.next()? {
                b'"' => b'"',
                b'\\' => b'\\',
                b'/' => b'/',
                b'b' => 0x08,
                b'f' => 0x0c,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'u' => {
                    let c = char::from_u32(self.hex4()?)?;
                    decoded.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    continue;
                }
                _ => return None,
            };
            decoded.push(unescaped);
        }
    }

    /// A number, as JSON (and serde) writes one: `-`, then `0` or digits not led by `0`,
    /// then a fraction of at least one digit, then an exponent of at least one digit.
    fn skip_number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digit()?;
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digit()?;
            self.digits();
        }
        // "01": serde refuses a digit after a leading zero; "1x" is refused by what follows.
        (!self.peek().is_some_and(|b| b.is_ascii_digit())).then_some(())
    }

    fn digit(&mut self) -> Option<()> {
        self.next().filter(u8::is_ascii_digit).map(|_| ())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then_some(())?;
        self.at = end;
        Some(())
    }

    /// A field's name and its colon, at the name's opening quotation mark.
    fn skip_key(&mut self) -> Option<()> {
        self.skip_string()?;
        self.spaces();
        self.eat(b':')?;
        self.spaces();
        Some(())
    }

    /// Any JSON value, checked and stepped over: one loop over the values, the arrays and
    /// objects open around them kept as bits (1 for an object).
    fn skip_value(&mut self) -> Option<()> {
        let (mut open, mut depth) = (0u64, 0usize);
        loop {
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'-' | b'0'..=b'9' => self.skip_number()?,
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                bracket @ (b'[' | b'{') => {
                    if depth == MAX_DEPTH {
                        return None;
                    }
                    self.at += 1;
                    self.spaces();
                    let object = bracket == b'{';
                    let close = if object { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.at += 1;
                    } else {
                        open = open << 1 | u64::from(object);
                        depth += 1;
                        if object {
                            self.skip_key()?;
                        }
                        continue;
                    }
                }
                _ => return None,
            }
            // After a value: the commas and closing brackets up to the next value.
            loop {
                if depth == 0 {
                    return Some(());
                }
                self.spaces();
                let object = open & 1 == 1;
                match self.next()? {
                    b',' => {
                        self.spaces();
                        if object {
                            self.skip_key()?;
                        }
                        break;
                    }
                    b'}' if object => {}
                    b']' if !object => {}
                    _ => return None,
                }
                open >>= 1;
                depth -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Line {
        id: serde_json::Value,
        text: String,
    }

    /// What `Pending::read` made of a line before this module: serde's reading.
    fn by_serde(raw: &[u8]) -> Option<(String, String)> {
        let line: Line = serde_json::from_slice(raw).ok()?;
        let id = line
            .id
            .as_str()
            .map_or_else(|| line.id.to_string(), str::to_string);
        Some((id, line.text))
    }

    /// Whatever the fast path reads, serde reads the same; and it reads `expected` lines.
    fn agrees(raw: &str, expected: bool) {
        let fast = id_and_text(raw.as_bytes());
        if let Some(fast) = &fast {
            assert_eq!(Some(fast), by_serde(raw.as_bytes()).as_ref(), "{raw:?}");
        }
        assert_eq!(fast.is_some(), expected, "{raw:?}");
    }

    #[test]
    fn plain_lines_are_read_as_serde_reads_them() {
        for raw in [
            r#"{"id": "a", "text": "The mayor said so."}"#,
            "{\"id\":\"a\",\"text\":\"x\"}\n",
            r#"  { "text" : "t\n\"q\" \\ \/ \b\f\r\t \u00e9\u2019 end" , "id" : "b" }  "#,
            r#"{"id": "a", "text": "", "attributions": [{"source": [1, 2], "t": "x\"y\\\u12aB"}]}"#,
            r#"{"id": "a", "n": -0.5e+10, "m": [0, 1.25, 10E3, -7, true, false, null], "text": "x"}"#,
            r#"{"id": "a", "o": {}, "p": [], "q": [[], {"": {"a": [{}]}}], "text": "x"}"#,
            r#"{"id": "é", "text": "“Yes,” she said — it’s done.", "é": "\u0000"}"#,
            r#"{"id": "a", "text": "a long one without escapes, past the sixteen bytes looked at first"}"#,
        ] {
            agrees(raw, true);
        }
    }

    #[test]
    fn other_lines_are_left_to_serde() {
        for raw in [
            // serde refuses these.
            r#"{"id": "a", "text": "x",}"#,
            r#"{"id": "a", "text": "x"} x"#,
            r#"{"id": "a", "text": "x", "id": "b"}"#,
            r#"{"id": "a", "text": "x", "n": 01}"#,
            r#"{"id": "a", "text": "x", "n": 1.}"#,
            r#"{"id": "a", "text": "x", "n": 1e}"#,
            r#"{"id": "a", "text": "x", "n": -}"#,
            r#"{"id": "a", "text": "x", "n": .5}"#,
            r#"{"id": "a", "text": "x", "n": [1,]}"#,
            r#"{"id": "a", "text": "x", "n": [1 2]}"#,
            r#"{"id": "a", "text": "x", "n": {"a" 1}}"#,
            r#"{"id": "a", "text": "x", "n": {1: 1}}"#,
            r#"{"id": "a", "text": "x", "n": tru}"#,
            r#"{"id": "a", "text": "x", "n": "\x"}"#,
            r#"{"id": "a", "text": "x", "n": "\u12g4"}"#,
            r#"{"id": "a", "text": "\ud800"}"#,
            r#"{"id": "a", "text": "x""#,
            r#"{"id": "a"}"#,
            r#"{}"#,
            r#"[]"#,
            "{\"id\": \"a\", \"text\": \"x\ty\"}",
            // serde reads these; the fast path leaves them to it.
            r#"{"id": 7, "text": "x"}"#,
            r#"{"i\u0064": "a", "text": "x"}"#,
            r#"{"id": "a\"b", "text": "x"}"#,
            r#"{"id": "a", "text": "\ud83d\ude00"}"#,
            "{\"id\": \"a\",\n\"text\": \"x\"}",
            r#"["a", "x"]"#,
        ] {
            agrees(raw, false);
        }
        // Bytes that are not UTF-8: in the text or a field's name serde refuses them, in an
        // ignored string it does not look.
        assert_eq!(id_and_text(b"{\"id\": \"a\", \"text\": \"\xff\"}"), None);
        assert_eq!(
            id_and_text(b"{\"id\": \"a\", \"\xff\": 1, \"text\": \"x\"}"),
            None
        );
        let ignored = b"{\"id\": \"a\", \"n\": \"\xff\", \"text\": \"x\"}";
        assert_eq!(id_and_text(ignored), by_serde(ignored));
        assert!(by_serde(ignored).is_some());
        // Nesting deeper than the fast path follows.
        let deep = format!(
            "{{\"id\": \"a\", \"n\": {}{}, \"text\": \"x\"}}",
            "[".repeat(70),
            "]".repeat(70)
        );
        agrees(&deep, false);
    }

    #[test]
    fn control_bytes_are_found_in_every_position() {
        for len in 0..70 {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = 0x1f;
                assert!(has_control_byte(&bytes), "{len} {at}");
                bytes[at] = 0x20;
                assert!(!has_control_byte(&bytes), "{len} {at}");
            }
        }
    }

    /// Every PolNeAR line (`../shared/corpus/polnear`, beside the repository) is read by the
    /// fast path, as serde reads it; so is each line cut short or changed at many places,
    /// or else left to serde.
    #[test]
    fn the_corpus_is_read_as_serde_reads_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear");
        for name in ["train.jsonl", "dev.jsonl", "dev-multiannotator.jsonl"] {
            let Ok(lines) = std::fs::read_to_string(dir.join(name)) else {
                eprintln!(
                    "skipped: no {name} in ../shared/corpus/polnear (not part of the repository)"
                );
                return;
            };
            for (n, line) in lines.lines().enumerate() {
                let raw = format!("{line}\n");
                let fast = id_and_text(raw.as_bytes());
                assert!(fast.is_some(), "{name}:{}", n + 1);
                assert_eq!(fast, by_serde(raw.as_bytes()), "{name}:{}", n + 1);
                if n % 20 != 0 {
                    continue;
                }
                let bytes = line.as_bytes();
                for at in (0..bytes.len()).step_by(97) {
                    let cut = &bytes[..at];
                    if let Some(fast) = id_and_text(cut) {
                        assert_eq!(Some(fast), by_serde(cut), "{name}:{} cut at {at}", n + 1);
                    }
                    for replacement in [b'"', b'\\', b',', b'}', b']', b'0', b'-', b' ', b'e'] {
                        let mut changed = bytes.to_vec();
                        changed[at] = replacement;
                        if let Some(fast) = id_and_text(&changed) {
                            assert_eq!(
                                Some(fast),
                                by_serde(&changed),
                                "{name}:{} with {} at {at}",
                                n + 1,
                                char::from(replacement)
                            );
                        }
                    }
                }
            }
        }
    }
}
