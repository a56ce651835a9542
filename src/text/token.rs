//! Words, punctuation and quotation marks, each with its byte span.

use super::Span;
use compact_str::CompactString;

/// What a token is, as far as the attribution grammar cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Comma,
    /// `.`, `!`, `?` or `…` standing on its own (abbreviation periods stay in their word).
    Terminal,
    Colon,
    Semicolon,
    /// An em or en dash, `--`, or a hyphen standing between spaces.
    Dash,
    OpenQuote,
    CloseQuote,
    OpenParen,
    CloseParen,
    /// The `'s` or `’s` of a possessive (or a lone `’` after a plural: "voters’").
    Possessive,
    Other,
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Lower-cased text, with curly apostrophes straightened, for look-ups.
    ///
    /// Inline up to 24 bytes (nearly every word), so a token costs no heap allocation.
    pub lower: CompactString,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// The word classes of `lower` in the grammar the document was classified with
    /// ([`Document::classify`](super::Document::classify)), as
    /// [`grammar::class`](crate::grammar::class) bits; 0 until then.
    pub classes: u32,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::OpenQuote | TokenKind::CloseQuote)
    }

    /// Whether the token can stand inside a phrase: a word, a number, a possessive or a
    /// quotation mark, not punctuation that ends one.
    pub fn is_phrase_part(&self) -> bool {
        self.is_word() || self.is_quote() || self.kind == TokenKind::Possessive
    }

    /// Whether the token's word is of any of the [`grammar::class`](crate::grammar::class)
    /// bits in `class`.
    #[inline]
    pub fn is(&self, class: u32) -> bool {
        self.classes & class != 0
    }
}

/// Abbreviations whose period belongs to the word (titles, initials, "U.S.").
///
/// Orthography, not attribution vocabulary, so it lives with the tokenizer.
const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "apr", "ariz", "ark", "aug", "calif", "capt", "cmdr", "co", "col", "colo",
    "conn", "corp", "cpl", "dec", "del", "dept", "dr", "feb", "fla", "ft", "ga", "gen", "gov",
    "ill", "inc", "ind", "jan", "jr", "jul", "jun", "kan", "ky", "la", "lt", "ltd", "maj", "mar",
    "mass", "md", "mich", "minn", "miss", "mo", "mont", "mr", "mrs", "ms", "mt", "neb", "nev",
    "no", "nov", "oct", "okla", "ore", "pa", "prof", "rep", "reps", "rev", "sen", "sens", "sep",
    "sept", "sgt", "sr", "st", "supt", "tenn", "tex", "va", "vs", "vt", "wash", "wis", "wyo",
];

/// An ASCII word of up to eight bytes as one integer: its bytes lower-cased, big-endian and
/// padded with zeros. No word holds a zero byte, so such integers sort as the words do.
const fn packed_lower(word: &[u8]) -> u64 {
    let mut packed = 0;
    let mut i = 0;
    while i < 8 {
        packed <<= 8;
        if i < word.len() {
            packed |= word[i].to_ascii_lowercase() as u64;
        }
        i += 1;
    }
    packed
}

/// [`ABBREVIATIONS`] as [`packed_lower`] integers, in the same (sorted) order: a word's look-up
/// compares integers, not strings.
static PACKED_ABBREVIATIONS: [u64; ABBREVIATIONS.len()] = {
    let mut packed = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < packed.len() {
        packed[i] = packed_lower(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    packed
};

fn is_abbreviation(word: &str) -> bool {
    if word.contains('.') {
        return true;
    }
    // "R-Fla": the state after a party letter is abbreviated too.
    let last = match word.bytes().rposition(|b| b == b'-') {
        Some(hyphen) => &word[hyphen + 1..],
        None => word,
    };
    let listed = if last.is_ascii() {
        // The longest abbreviation has five letters.
        last.len() <= 5
            && PACKED_ABBREVIATIONS
                .binary_search(&packed_lower(last.as_bytes()))
                .is_ok()
    } else {
        ABBREVIATIONS
            .binary_search(&last.to_lowercase().as_str())
            .is_ok()
    };
    listed || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

/// What the tokenizer asks of an ASCII byte, as bits of [`ASCII_CLASS`].
const LETTER_OR_DIGIT: u8 = 1;
const UPPER_CASE: u8 = 2;
/// The ASCII characters `char::is_whitespace` accepts.
const SPACE: u8 = 4;
/// The ASCII [`is_word_joiner`] characters.
const JOINER: u8 = 8;

/// The classes of each byte (0 for the bytes of non-ASCII characters): asked of nearly every
/// byte of a text, one load instead of several range checks.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        let mut class = 0;
        if b.is_ascii_alphanumeric() {
            class |= LETTER_OR_DIGIT;
        }
        if b.is_ascii_uppercase() {
            class |= UPPER_CASE;
        }
        if (b as char).is_whitespace() {
            class |= SPACE;
        }
        if is_word_joiner(b as char) {
            class |= JOINER;
        }
        table[byte] = class;
        byte += 1;
    }
    table
};

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    // The Unicode tables cost some hundred instructions a character, and the non-ASCII
    // characters of news text are mostly typographic quotes and dashes from the General
    // Punctuation block, where no character is a letter or a digit.
    if ('\u{2000}'..='\u{206f}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// Characters that may join two word characters inside one word ("U.S", "don't", "AT&T", "anti-war").
const fn is_word_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '&' | '\'' | '’' | '‑' | '/' | ',')
}

/// Splits `text[range]` into tokens whose spans are offsets into `text`.
pub fn tokenize(text: &str, range: Span, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let bytes_of = |i: usize| char_at(text, i);
    let next = |at: usize| if at < range.end { bytes_of(at) } else { None };
    let mut i = range.start;
    while i < range.end {
        // Spaces and ASCII letters and digits, most of any text, are told by their byte alone.
        let class = ASCII_CLASS[usize::from(bytes[i])];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        if class & LETTER_OR_DIGIT != 0 {
            // Most words: ASCII letters and digits up to a space or another ASCII character
            // that cannot join a word (nor be an abbreviation's period), or the range's end.
            // Read and pushed here; a word that may go on is left to `continue_word`.
            let mut seen = class;
            let end = i + 1 + run_length(&bytes[i + 1..range.end], &mut seen);
            let word = Word {
                start: i,
                end,
                numeric: bytes[i].is_ascii_digit(),
                ascii: true,
                seen,
            };
            match bytes[..range.end].get(end) {
                Some(&b) if !b.is_ascii() || ASCII_CLASS[usize::from(b)] & JOINER != 0 => {
                    i = continue_word(text, range, word, tokens);
                }
                _ => {
                    finish_word(text, tokens, word);
                    i = end;
                }
            }
            continue;
        }
        // A comma or a full stop the word before did not take is a token of its own whatever
        // stands around it: most of the punctuation, pushed without the tests below.
        let punctuation = match bytes[i] {
            b',' => Some((TokenKind::Comma, CompactString::const_new(","))),
            b'.' => Some((TokenKind::Terminal, CompactString::const_new("."))),
            _ => None,
        };
        if let Some((kind, lower)) = punctuation {
            tokens.push(Token {
                span: Span::new(i, i + 1),
                kind,
                lower,
                capitalized: false,
                classes: 0,
            });
            i += 1;
            continue;
        }
        let Some(c) = bytes_of(i) else { break };
        let c_len = c.len_utf8();
        // A byte-order mark or zero-width space inside the text is no token (Rust's whitespace
        // leaves them out).
        if c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}') {
            i += c_len;
            continue;
        }
        if is_word_char(c) {
            i = push_word(text, range, i, c, tokens);
            continue;
        }
        let prev = prev_char(text, i, range.start);
        // "they're", "we've", "I'm": the contracted auxiliary is a word of its own.
        if is_apostrophe(c)
            && prev.is_some_and(is_word_char)
            && let Some(letters) = contraction_length(text, i + c_len, range.end)
        {
            push(text, tokens, i, i + c_len + letters, TokenKind::Word);
            i += c_len + letters;
            continue;
        }
        // Possessive "'s" split off its word, or a plural's lone apostrophe.
        if is_apostrophe(c) && prev.is_some_and(is_word_char) {
            let s = next(i + c_len);
            if matches!(s, Some('s' | 'S')) && !next(i + c_len + 1).is_some_and(is_word_char) {
                push(text, tokens, i, i + c_len + 1, TokenKind::Possessive);
                i += c_len + 1;
                continue;
            }
            if prev == Some('s') && !s.is_some_and(is_word_char) && s != Some(c) {
                push(text, tokens, i, i + c_len, TokenKind::Possessive);
                i += c_len;
                continue;
            }
        }
        let opens = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '“' | '‘')
        });
        let (kind, len) = match c {
            // "“It's unusual,“ said …": a curly mark typed the wrong way round still closes
            // after a word or punctuation when a space or the end follows (and opens the other
            // way round).
            '“' if !opens && next(i + c_len).is_none_or(char::is_whitespace) => {
                (TokenKind::CloseQuote, c_len)
            }
            '”' if opens && next(i + c_len).is_some_and(|n| !n.is_whitespace()) => {
                (TokenKind::OpenQuote, c_len)
            }
            '“' | '„' | '«' => (TokenKind::OpenQuote, c_len),
            '”' | '»' => (TokenKind::CloseQuote, c_len),
            // A straight mark with space on both sides closes: "… 'a flight to quality,' \" he
            // said" ends a quotation, and none opens before a space.
            '"' => (
                if opens && next(i + 1).is_some_and(|n| !n.is_whitespace()) {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                },
                1,
            ),
            // "…a special case,''' Putin said": a single closing mark inside the double one.
            '\'' if !opens && next(i + 1) == Some(c) && next(i + 2) == Some(c) => {
                (TokenKind::Other, 1)
            }
            '\'' | '`' if next(i + 1) == Some(c) => (
                if opens {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                },
                2,
            ),
            '‘' => (TokenKind::OpenQuote, c_len),
            '’' => (TokenKind::CloseQuote, c_len),
            ',' => (TokenKind::Comma, 1),
            ':' => (TokenKind::Colon, 1),
            ';' => (TokenKind::Semicolon, 1),
            '.' | '!' | '?' | '…' => (TokenKind::Terminal, c_len),
            '—' | '–' => (TokenKind::Dash, c_len),
            '-' if next(i + 1) == Some('-') => (TokenKind::Dash, 2),
            '-' if prev.is_none_or(char::is_whitespace) => (TokenKind::Dash, 1),
            '(' | '[' => (TokenKind::OpenParen, 1),
            ')' | ']' => (TokenKind::CloseParen, 1),
            _ => (TokenKind::Other, c_len),
        };
        push(text, tokens, i, i + len, kind);
        i += len;
    }
}

/// A word (or number) read so far: `text[start..end]`.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// It starts with a digit.
    numeric: bool,
    /// Whether every character is ASCII, and the classes of its ASCII bytes (for a capital):
    /// gathered on the way, so that the token's lower-casing need not look at its bytes again.
    ascii: bool,
    seen: u8,
}

/// How many bytes at the start of `bytes` are ASCII letters or digits; the classes of those
/// bytes and of the one after them are added to `seen`.
#[inline(always)]
fn run_length(bytes: &[u8], seen: &mut u8) -> usize {
    bytes
        .iter()
        .take_while(|&&b| {
            let class = ASCII_CLASS[usize::from(b)];
            *seen |= class;
            class & LETTER_OR_DIGIT != 0
        })
        .count()
}

/// Reads the word (or number) starting with the character `first` at byte `start` of
/// `text[range]`, pushes its token and returns where it ends.
fn push_word(text: &str, range: Span, start: usize, first: char, tokens: &mut Vec<Token>) -> usize {
    let ascii = first.is_ascii();
    let word = Word {
        start,
        end: start + first.len_utf8(),
        numeric: first.is_ascii_digit(),
        ascii,
        seen: if ascii {
            ASCII_CLASS[first as usize]
        } else {
            0
        },
    };
    continue_word(text, range, word, tokens)
}

/// Reads the rest of `word`, pushes its token and returns where it ends.
#[inline(never)]
fn continue_word(text: &str, range: Span, word: Word, tokens: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let Word {
        start,
        mut end,
        numeric,
        mut ascii,
        mut seen,
    } = word;
    loop {
        // A run of ASCII letters and digits, byte by byte: the common case.
        end += run_length(&bytes[end..range.end], &mut seen);
        let Some(&b) = bytes[..range.end].get(end) else {
            break;
        };
        let j = if b.is_ascii() {
            // Not a letter or digit, or the run would have taken it.
            if ASCII_CLASS[usize::from(b)] & JOINER == 0 {
                break;
            }
            // Nothing joins a word across a space or the range's end: most commas and full
            // stops after a word are told so here, without `joins_word`.
            if matches!(bytes[..range.end].get(end + 1), None | Some(b' ')) {
                break;
            }
            char::from(b)
        } else {
            let Some(d) = char_at(text, end) else { break };
            if is_word_char(d) {
                end += d.len_utf8();
                ascii = false;
                continue;
            }
            if !is_word_joiner(d) {
                break;
            }
            d
        };
        if !joins_word(text, range, start, end, j, numeric) {
            break;
        }
        ascii &= j.is_ascii();
        end += j.len_utf8();
    }
    // Keep an abbreviation's period ("Mr.", "U.S.", "J.").
    if bytes[..range.end].get(end) == Some(&b'.') && !numeric && is_abbreviation(&text[start..end])
    {
        end += 1;
    }
    finish_word(
        text,
        tokens,
        Word {
            start,
            end,
            numeric,
            ascii,
            seen,
        },
    );
    end
}

/// Pushes the token of the whole `word`.
#[inline(always)]
fn finish_word(text: &str, tokens: &mut Vec<Token>, word: Word) {
    let kind = if word.numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let lowered = if word.ascii {
        Lowered::Ascii {
            has_capital: word.seen & UPPER_CASE != 0,
        }
    } else {
        Lowered::NonAscii
    };
    push_lowered(text, tokens, word.start, word.end, kind, lowered);
}

/// Whether the joiner `j` at byte `end` continues the word that starts at `start`.
///
/// Kept out of [`continue_word`], which most of the words it reads leave at once: the checks
/// here would otherwise weigh on every call.
#[inline(never)]
fn joins_word(text: &str, range: Span, start: usize, end: usize, j: char, numeric: bool) -> bool {
    let next = |at: usize| {
        if at < range.end {
            char_at(text, at)
        } else {
            None
        }
    };
    let after = next(end + j.len_utf8());
    // A comma only joins digits ("1,000"); a period joins letters only in abbreviations like
    // "U.S" and digits in decimals.
    let joins = match (j, after) {
        (',', Some(a)) => numeric && a.is_ascii_digit(),
        ('.', Some('-')) => {
            !numeric
                && single_letter_segment(text, start, end)
                && next(end + 2).is_some_and(is_word_char)
        }
        ('.', Some(a)) => {
            (numeric && a.is_ascii_digit())
                || (!numeric && a.is_alphabetic() && single_letter_segment(text, start, end))
        }
        (_, Some(a)) => is_word_char(a),
        _ => false,
    };
    // A possessive ending is its own token, and so is a contracted auxiliary ("they're").
    if joins
        && is_apostrophe(j)
        && let Some(s) = after
    {
        let after_s = next(end + j.len_utf8() + s.len_utf8());
        if (s == 's' || s == 'S') && !after_s.is_some_and(is_word_char) {
            return false;
        }
        if contraction_length(text, end + j.len_utf8(), range.end).is_some() {
            return false;
        }
    }
    joins
}

/// The length in bytes of a contracted auxiliary's letters at `at` ("re" of "they're", "ve",
/// "ll", "m", "d"), when they end the word there.
fn contraction_length(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = text.as_bytes().get(at..end)?;
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if rest.get(letters).is_some_and(|&b| !b.is_ascii()) {
        // A non-ASCII letter may go on the word; an apostrophe or a dash does not.
        let c = text[at + letters..].chars().next()?;
        if is_word_char(c) {
            return None;
        }
    }
    let ending = &rest[..letters];
    ["re", "ve", "ll", "m", "d"]
        .iter()
        .any(|c| ending.eq_ignore_ascii_case(c.as_bytes()))
        .then_some(letters)
}

/// True when the word so far is a run of single letters joined by periods ("U", "U.S", "D-R.I").
fn single_letter_segment(text: &str, start: usize, end: usize) -> bool {
    text[start..end]
        .split(['.', '-'])
        .all(|part| part.chars().count() <= 2)
}

/// The character starting at byte `at`; most text is ASCII, which needs no UTF-8 decoding.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text[at..].chars().next(),
    }
}

fn prev_char(text: &str, at: usize, floor: usize) -> Option<char> {
    if at <= floor {
        return None;
    }
    match text.as_bytes()[at - 1] {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[..at].chars().next_back(),
    }
}

fn push(text: &str, tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    let raw = &text[start..end];
    let lowered = if raw.is_ascii() {
        Lowered::Ascii {
            has_capital: raw.bytes().any(|b| b.is_ascii_uppercase()),
        }
    } else if let Some(token) = lower_punctuation(raw) {
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            lower: token,
            capitalized: false,
            classes: 0,
        });
        return;
    } else {
        Lowered::NonAscii
    };
    push_lowered(text, tokens, start, end, kind, lowered);
}

/// The lower-cased text of a token that opens with a General Punctuation character (U+2000 to
/// U+206F: the typographic quotes and dashes of most news text) and goes on in ASCII, as
/// [`lower_non_ascii`] gives it, without its character-by-character case tables: that block
/// has no letters, so only `’` changes (to `'`).
fn lower_punctuation(raw: &str) -> Option<CompactString> {
    let mut chars = raw.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if !('\u{2000}'..='\u{206f}').contains(&first) || !rest.is_ascii() {
        return None;
    }
    let mut lower = CompactString::with_capacity(raw.len());
    lower.push(if first == '’' { '\'' } else { first });
    lower.push_str(rest);
    lower.make_ascii_lowercase();
    Some(lower)
}

/// What is known of a token's characters before it is lower-cased.
#[derive(Clone, Copy)]
enum Lowered {
    /// Most tokens: no Unicode tables to ask and no ’ to straighten.
    Ascii {
        has_capital: bool,
    },
    NonAscii,
}

/// Pushes the token `text[start..end]`, lower-cased as `lowered` says it can be.
///
/// Inlined into [`tokenize`] and [`continue_word`], which call it for every word: a call of its
/// own cost as much again as building the token.
#[inline(always)]
fn push_lowered(
    text: &str,
    tokens: &mut Vec<Token>,
    start: usize,
    end: usize,
    kind: TokenKind,
    lowered: Lowered,
) {
    let raw = &text[start..end];
    let (lower, capitalized) = match lowered {
        Lowered::Ascii { has_capital } => {
            let mut lower = CompactString::from(raw);
            // Most words have no capital. Lower-casing rewrites every byte of the inline
            // string, and reading it back soon after waits on those stores: only done when
            // needed.
            if has_capital {
                lower.make_ascii_lowercase();
            }
            (lower, raw.as_bytes()[0].is_ascii_uppercase())
        }
        Lowered::NonAscii => lower_non_ascii(raw),
    };
    tokens.push(Token {
        span: Span::new(start, end),
        kind,
        lower,
        capitalized,
        classes: 0,
    });
}

/// The lower-cased text of a token with a non-ASCII character, and whether it is capitalized.
///
/// Kept out of [`push`]: the Unicode tables and the heap string it may need would otherwise
/// weigh on every ASCII token's call.
#[inline(never)]
fn lower_non_ascii(raw: &str) -> (CompactString, bool) {
    let lower = if raw.contains('Σ') {
        // A capital sigma lower-cases by its place in the word, which only `str` knows.
        CompactString::from(raw.to_lowercase().replace('’', "'"))
    } else {
        // Character by character, straight into the inline string: the same as
        // `str::to_lowercase` for every other character, without two heap strings.
        let mut lower = CompactString::with_capacity(raw.len());
        for c in raw.chars() {
            if c == '’' {
                lower.push('\'');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        lower
    };
    (lower, raw.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_are_the_alphanumeric_ones() {
        // `is_word_char` rules out General Punctuation before asking the Unicode tables.
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        tokens
            .iter()
            .map(|t| (t.span.slice(text), t.kind))
            .collect()
    }

    #[test]
    fn packed_abbreviations_are_found_as_the_words_are() {
        assert!(
            PACKED_ABBREVIATIONS.is_sorted(),
            "ABBREVIATIONS must stay sorted"
        );
        let listed = |word: &str| ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str());
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        for a in ABBREVIATIONS {
            words.push(a.to_ascii_uppercase());
            words.push(format!("{a}s"));
            words.push(a[..a.len() - 1].to_string());
        }
        words.extend(
            [
                "a", "zz", "Mr", "MRS", "Gov", "calif", "califo", "u", "", "said",
            ]
            .map(String::from),
        );
        for word in &words {
            let packed = word.len() <= 5
                && PACKED_ABBREVIATIONS
                    .binary_search(&packed_lower(word.as_bytes()))
                    .is_ok();
            assert_eq!(packed, listed(word), "{word:?}");
        }
    }

    #[test]
    fn abbreviations_keep_their_period() {
        let got: Vec<&str> = words("U.S. President Mr. Smith met Sen. J. R. Jones.")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            got,
            [
                "U.S.",
                "President",
                "Mr.",
                "Smith",
                "met",
                "Sen.",
                "J.",
                "R.",
                "Jones",
                "."
            ]
        );
    }

    #[test]
    fn possessives_and_quotes_are_split() {
        let got = words("“Trump’s plan,” he said of Clinton's 3.5 ''ideas''.");
        let texts: Vec<&str> = got.iter().map(|w| w.0).collect();
        assert_eq!(
            texts,
            [
                "“", "Trump", "’s", "plan", ",", "”", "he", "said", "of", "Clinton", "'s", "3.5",
                "''", "ideas", "''", "."
            ]
        );
        assert_eq!(got[0].1, TokenKind::OpenQuote);
        assert_eq!(got[5].1, TokenKind::CloseQuote);
        assert_eq!(got[2].1, TokenKind::Possessive);
        assert_eq!(got[12].1, TokenKind::OpenQuote);
        assert_eq!(got[14].1, TokenKind::CloseQuote);
    }

    #[test]
    fn contracted_auxiliaries_are_words_of_their_own() {
        let got =
            words("They're sure I’m right; we'd won, you'll see. Don't, O'Malley, it's D'Amato.");
        let texts: Vec<&str> = got.iter().map(|w| w.0).collect();
        assert_eq!(
            texts,
            [
                "They", "'re", "sure", "I", "’m", "right", ";", "we", "'d", "won", ",", "you",
                "'ll", "see", ".", "Don't", ",", "O'Malley", ",", "it", "'s", "D'Amato", "."
            ]
        );
        assert_eq!(got[1].1, TokenKind::Word);
        assert_eq!(got[4], ("’m", TokenKind::Word));
    }

    #[test]
    fn a_single_closing_mark_inside_a_double_one() {
        let got = words("''Told, 'it is special,''' Putin said.");
        let texts: Vec<&str> = got.iter().map(|w| w.0).collect();
        assert_eq!(
            texts,
            [
                "''", "Told", ",", "'", "it", "is", "special", ",", "'", "''", "Putin", "said", "."
            ]
        );
        assert_eq!(got[0].1, TokenKind::OpenQuote);
        assert_eq!(got[9].1, TokenKind::CloseQuote);
    }

    #[test]
    fn a_straight_mark_between_spaces_closes() {
        let got = words("\"They call it 'a flight,' \" he said.");
        assert_eq!(got[0].1, TokenKind::OpenQuote);
        assert_eq!(got[9], ("\"", TokenKind::CloseQuote));
    }

    #[test]
    fn a_curly_mark_typed_the_wrong_way_round_still_closes_or_opens() {
        let got = words("“It is odd,“ he said. He wrote ”yes” twice.");
        assert_eq!(got[0], ("“", TokenKind::OpenQuote));
        assert_eq!(got[5], ("“", TokenKind::CloseQuote));
        assert_eq!(got[11], ("”", TokenKind::OpenQuote));
        assert_eq!(got[13], ("”", TokenKind::CloseQuote));
    }

    #[test]
    fn non_ascii_words_lower_case_as_str_does() {
        for word in [
            "Ærø",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "Σ",
            "Trump’s",
            "“",
            "’",
            "ǅemal",
            "ﬁnance",
        ] {
            let mut tokens = Vec::new();
            push(word, &mut tokens, 0, word.len(), TokenKind::Word);
            assert_eq!(
                tokens[0].lower,
                word.to_lowercase().replace('’', "'"),
                "{word}"
            );
        }
    }

    #[test]
    fn punctuation_lower_cases_as_the_non_ascii_path_does() {
        for c in ('\u{2000}'..='\u{206f}').chain(['\u{1fff}', '\u{2070}', 'é', '«']) {
            for rest in ["", "s", "S", "’s", "ab-C", "é"] {
                let raw = format!("{c}{rest}");
                if let Some(lower) = lower_punctuation(&raw) {
                    assert_eq!((lower, false), lower_non_ascii(&raw), "{raw:?}");
                }
            }
        }
        assert_eq!(lower_punctuation("’S").as_deref(), Some("'s"));
        assert_eq!(lower_punctuation("“"), Some("“".into()));
        assert_eq!(lower_punctuation("’é"), None);
        assert_eq!(lower_punctuation("é"), None);
    }

    #[test]
    fn commas_and_full_stops_are_the_tokens_push_makes() {
        let text = "Yes, 1,000. U.S. No.., end.";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let marks: Vec<&Token> = tokens
            .iter()
            .filter(|t| matches!(t.span.slice(text), "," | "."))
            .collect();
        assert_eq!(marks.len(), 5);
        for token in marks {
            let mut pushed = Vec::new();
            push(
                text,
                &mut pushed,
                token.span.start,
                token.span.end,
                token.kind,
            );
            assert_eq!(token, &pushed[0]);
        }
    }

    #[test]
    fn contractions_and_hyphens_stay_whole() {
        let texts: Vec<&str> = words("don't re-elect U.S.-Russia ties — now")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            texts,
            ["don't", "re-elect", "U.S.-Russia", "ties", "—", "now"]
        );
    }
}
