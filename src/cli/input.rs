//! Reading documents: files, directories, standard input and JSON Lines streams, each failure a
//! clear error that does not stop the other documents.
//!
//! Finding documents ([`expand`], [`JsonlLines`]) is cheap and sequential; reading and decoding
//! one ([`Pending::read`]) is done by the worker that analyses it.

use super::json_line;
use crate::markup::{self, InputFormat, SourceMap};
use miette::Diagnostic;
use serde::Deserialize;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// One document to analyse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub id: String,
    /// The analysed text: the file itself, or what was extracted from its markup.
    pub text: String,
    /// For HTML and Markdown: the file as read, and where each analysed byte came from.
    pub markup: Option<Markup>,
    /// Where the document came from (the file, the JSON Lines file, or `-`): its policy file
    /// is looked up from here.
    pub origin: PathBuf,
    /// Set when `--lossy` replaced invalid bytes.
    pub lossy: Option<LossyWarning>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    pub source: String,
    pub map: SourceMap,
}

/// A document that could not be read.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum InputError {
    /// The analysis itself failed on this document: a bug, caught so the batch goes on.
    #[error("{path}: {report}")]
    #[diagnostic(code(claimgraph::input::internal))]
    Internal { path: String, report: String },
    /// The policy file or grammar that applies to the document could not be used.
    #[error("{path}: {report}")]
    #[diagnostic(code(claimgraph::input::policy))]
    Policy { path: String, report: String },
    #[error("cannot read {path}: {source}")]
    #[diagnostic(
        code(claimgraph::input::unreadable),
        help("check that the path exists and is a readable file")
    )]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not UTF-8 text: invalid byte at offset {offset}")]
    #[diagnostic(
        code(claimgraph::input::not_utf8),
        help("convert the file to UTF-8 (for example with iconv) and check it again")
    )]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}:{line}: not a JSON object with \"id\" and \"text\": {message}")]
    #[diagnostic(
        code(claimgraph::input::bad_jsonl),
        help("each line must be a JSON object such as {{\"id\": \"story-1\", \"text\": \"…\"}}")
    )]
    BadJsonLine {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path} is {size} bytes, more than the limit of {limit} bytes")]
    #[diagnostic(
        code(claimgraph::input::too_large),
        help("raise the limit with --max-size BYTES if this document is meant to be read")
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("cannot search {path}: {message}")]
    #[diagnostic(
        code(claimgraph::input::walk),
        help("check the directory's permissions and the --include/--exclude globs")
    )]
    Walk { path: String, message: String },
}

impl InputError {
    /// The document the error is about: a path, or `path:line` for a JSON line.
    pub fn subject(&self) -> String {
        match self {
            InputError::Unreadable { path, .. }
            | InputError::NotUtf8 { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::Walk { path, .. }
            | InputError::Policy { path, .. }
            | InputError::Internal { path, .. } => path.clone(),
            InputError::BadJsonLine { path, line, .. } => format!("{path}:{line}"),
        }
    }
}

/// How documents are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadSettings {
    /// Every document in this format; `None` guesses from the extension (text for JSON lines).
    pub format: Option<InputFormat>,
    pub max_size: u64,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of refusing the document.
    pub lossy: bool,
}

impl ReadSettings {
    /// Plain text as it is written, no markup extraction: fixtures and tests.
    pub fn plain() -> ReadSettings {
        ReadSettings {
            format: Some(InputFormat::Text),
            max_size: u64::MAX / 2,
            lossy: false,
        }
    }
}

/// Invalid UTF-8 decoded with replacement characters under `--lossy`: worth a warning, not an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Diagnostic)]
#[error("{path} is not valid UTF-8 from byte {offset} on; invalid bytes were replaced with U+FFFD")]
#[diagnostic(
    code(claimgraph::input::lossy),
    severity(Warning),
    help("offsets in the report count the replacement characters, not the original bytes")
)]
pub struct LossyWarning {
    pub path: String,
    pub offset: usize,
}

/// A plain-text article read as it is written; `-` is standard input.
pub fn read_text(path: &Path) -> Result<Input, InputError> {
    let pending = if path == Path::new("-") {
        Pending::Stdin
    } else {
        Pending::File(path.to_path_buf())
    };
    pending.read(&ReadSettings::plain())
}

/// A document found but not yet read.
#[derive(Debug)]
pub enum Pending {
    File(PathBuf),
    Stdin,
    JsonLine {
        path: String,
        line: usize,
        raw: Vec<u8>,
    },
    Failed(InputError),
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

impl Pending {
    /// Reads, decodes and (for markup) extracts the document.
    pub fn read(self, settings: &ReadSettings) -> Result<Input, InputError> {
        match self {
            Pending::File(path) => {
                let id = display(&path);
                let bytes = read_file(&path, settings.max_size)?;
                let format = settings
                    .format
                    .unwrap_or_else(|| InputFormat::from_path(&path));
                input(id, bytes, format, path, settings.lossy)
            }
            Pending::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .lock()
                    .take(settings.max_size + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|source| InputError::Unreadable {
                        path: "-".into(),
                        source,
                    })?;
                check_size("-", bytes.len() as u64, settings.max_size)?;
                input(
                    "-".into(),
                    bytes,
                    settings.format.unwrap_or(InputFormat::Text),
                    PathBuf::from("-"),
                    settings.lossy,
                )
            }
            Pending::JsonLine { path, line, raw } => {
                let bad = |message: String| InputError::BadJsonLine {
                    path: path.clone(),
                    line,
                    message,
                };
                // Most lines are read without serde, which reads the rest the same way.
                let (id, text) = match json_line::id_and_text(&raw) {
                    Some(read) => read,
                    None => {
                        let document: JsonLine =
                            serde_json::from_slice(&raw).map_err(|e| bad(e.to_string()))?;
                        let id = document
                            .id
                            .as_str()
                            .map_or_else(|| document.id.to_string(), str::to_string);
                        (id, document.text)
                    }
                };
                check_size(&id, text.len() as u64, settings.max_size)?;
                let format = settings.format.unwrap_or(InputFormat::Text);
                Ok(from_text(id, text, format, PathBuf::from(&path)))
            }
            Pending::Failed(error) => Err(error),
        }
    }
}

fn check_size(path: &str, size: u64, limit: u64) -> Result<(), InputError> {
    if size > limit {
        return Err(InputError::TooLarge {
            path: path.to_string(),
            size,
            limit,
        });
    }
    Ok(())
}

fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let unreadable = |source| InputError::Unreadable {
        path: display(path),
        source,
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    check_size(&display(path), size, limit)?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    check_size(&display(path), bytes.len() as u64, limit)?;
    Ok(bytes)
}

fn input(
    id: String,
    bytes: Vec<u8>,
    format: InputFormat,
    origin: PathBuf,
    lossy: bool,
) -> Result<Input, InputError> {
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) if lossy => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (
                text,
                Some(LossyWarning {
                    path: id.clone(),
                    offset,
                }),
            )
        }
        Err(e) => {
            return Err(InputError::NotUtf8 {
                path: id,
                offset: e.utf8_error().valid_up_to(),
            });
        }
    };
    // A leading byte-order mark is not part of the text.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Input {
        lossy: warning,
        ..from_text(id, text, format, origin)
    })
}

fn from_text(id: String, text: String, format: InputFormat, origin: PathBuf) -> Input {
    match markup::extract(&text, format) {
        None => Input {
            id,
            text,
            markup: None,
            origin,
            lossy: None,
        },
        Some(extracted) => Input {
            id,
            text: extracted.text,
            markup: Some(Markup {
                source: text,
                map: extracted.map,
            }),
            origin,
            lossy: None,
        },
    }
}

/// The documents named on the command line, directories searched recursively (respecting
/// `.gitignore`, in file-name order so output is stable), each a file, standard input or an
/// error.
pub fn expand(paths: &[PathBuf], include: &[String], exclude: &[String]) -> Vec<Pending> {
    let mut out = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            out.push(Pending::Stdin);
        } else if path.is_dir() {
            walk(path, include, exclude, &mut out);
        } else {
            out.push(Pending::File(path.clone()));
        }
    }
    out
}

/// Files a directory search reads when no `--include` is given.
const DEFAULT_INCLUDE: &[&str] = &["*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm"];

fn walk(root: &Path, include: &[String], exclude: &[String], out: &mut Vec<Pending>) {
    let failed = |message: String| {
        Pending::Failed(InputError::Walk {
            path: display(root),
            message,
        })
    };
    let mut overrides = ignore::overrides::OverrideBuilder::new(root);
    let includes: Vec<&str> = if include.is_empty() {
        DEFAULT_INCLUDE.to_vec()
    } else {
        include.iter().map(String::as_str).collect()
    };
    for glob in includes {
        if let Err(e) = overrides.add(glob) {
            return out.push(failed(e.to_string()));
        }
    }
    for glob in exclude {
        if let Err(e) = overrides.add(&format!("!{glob}")) {
            return out.push(failed(e.to_string()));
        }
    }
    let overrides = match overrides.build() {
        Ok(o) => o,
        Err(e) => return out.push(failed(e.to_string())),
    };
    let walker = ignore::WalkBuilder::new(root)
        .overrides(overrides)
        // A corpus directory need not be a git repository for its .gitignore to count.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                out.push(Pending::File(entry.into_path()))
            }
            Ok(_) => {}
            Err(e) => out.push(failed(e.to_string())),
        }
    }
}

#[derive(Deserialize)]
struct JsonLine {
    id: serde_json::Value,
    text: String,
}

/// The lines of a JSON Lines stream, read one at a time so memory stays flat in its length.
pub struct JsonlLines {
    path: String,
    reader: Option<Box<dyn BufRead + Send>>,
    line: usize,
    max_size: u64,
}

impl JsonlLines {
    /// `-` is standard input.
    pub fn open(path: &Path, max_size: u64) -> Result<JsonlLines, InputError> {
        let reader: Box<dyn BufRead + Send> = if path == Path::new("-") {
            Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin()))
        } else {
            let file = std::fs::File::open(path).map_err(|source| InputError::Unreadable {
                path: display(path),
                source,
            })?;
            Box::new(std::io::BufReader::with_capacity(1 << 16, file))
        };
        Ok(JsonlLines {
            path: display(path),
            reader: Some(reader),
            line: 0,
            max_size,
        })
    }
}

impl Iterator for JsonlLines {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        loop {
            let reader = self.reader.as_mut()?;
            let mut raw = Vec::new();
            // One byte past the limit (plus the newline) is enough to know a line is too long.
            let read = read_line(reader.as_mut(), self.max_size + 2, &mut raw);
            self.line += 1;
            let line = self.line;
            match read {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => {}
                Err(source) => {
                    self.reader = None;
                    return Some(Pending::Failed(InputError::Unreadable {
                        path: format!("{}:{line}", self.path),
                        source,
                    }));
                }
            }
            if raw.len() as u64 > self.max_size + 1 && !raw.ends_with(b"\n") {
                // Skip the rest of the overlong line so the next one is read whole.
                let _ = skip_line(self.reader.as_mut()?);
                return Some(Pending::Failed(InputError::TooLarge {
                    path: format!("{}:{line}", self.path),
                    size: raw.len() as u64,
                    limit: self.max_size,
                }));
            }
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Pending::JsonLine {
                path: self.path.clone(),
                line,
                raw,
            });
        }
    }
}

/// `reader.take(limit).read_until(b'\n', out)`, the line break found by `memchr` in the
/// reader's buffer and copied out whole (a line within the buffer is one copy, into a vector
/// of its size, where `read_until` looked for it byte by byte and grew the vector by doubling).
fn read_line(reader: &mut dyn BufRead, limit: u64, out: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0usize;
    loop {
        let available = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let room = usize::try_from(limit - read as u64).unwrap_or(usize::MAX);
        let available = &available[..available.len().min(room)];
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => (true, i + 1),
            None => (false, available.len()),
        };
        out.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done || used == 0 {
            return Ok(read);
        }
    }
}

fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                reader.consume(len);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("claimgraph-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn settings(lossy: bool, max_size: u64) -> ReadSettings {
        ReadSettings {
            lossy,
            max_size,
            ..ReadSettings::plain()
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_offset_unless_lossy() {
        let path = temp_file("latin.txt", b"caf\xc3\xa9 \xff\xfe said");
        match Pending::File(path.clone()).read(&settings(false, 1000)) {
            Err(InputError::NotUtf8 { offset, .. }) => assert_eq!(offset, 6),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
        let input = Pending::File(path)
            .read(&settings(true, 1000))
            .expect("lossy decodes");
        assert_eq!(input.text, "café \u{fffd}\u{fffd} said");
        assert_eq!(input.lossy.expect("a warning").offset, 6);
    }

    #[test]
    fn valid_utf8_decodes_without_a_warning_even_when_lossy() {
        let path = temp_file("ok.txt", "ok “yes”".as_bytes());
        let input = Pending::File(path).read(&settings(true, 1000)).unwrap();
        assert_eq!(input.text, "ok “yes”");
        assert!(input.lossy.is_none());
    }

    #[test]
    fn lines_are_read_as_take_and_read_until_read_them() {
        let text = b"one\n\ntwo lines\nno end".repeat(40);
        for capacity in [1, 2, 3, 7, 64, 1 << 16] {
            for limit in [0, 1, 2, 3, 5, 9, 100, u64::MAX / 2] {
                let mut ours = std::io::BufReader::with_capacity(capacity, &text[..]);
                let mut std = std::io::BufReader::with_capacity(capacity, &text[..]);
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let read = read_line(&mut ours, limit, &mut a).unwrap();
                    let expected = (&mut std).take(limit).read_until(b'\n', &mut b).unwrap();
                    assert_eq!((read, &a), (expected, &b), "{capacity} {limit}");
                    if expected == 0 {
                        break;
                    }
                }
            }
        }
    }

    #[test]
    fn documents_over_the_limit_are_refused() {
        assert!(check_size("big.txt", 10, 10).is_ok());
        let error = check_size("big.txt", 11, 10).unwrap_err();
        assert_eq!(
            error.to_string(),
            "big.txt is 11 bytes, more than the limit of 10 bytes"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_decoding() {
        let path = temp_file("big.txt", "x".repeat(100).as_bytes());
        assert!(matches!(
            Pending::File(path.clone()).read(&settings(false, 99)),
            Err(InputError::TooLarge {
                size: 100,
                limit: 99,
                ..
            })
        ));
        let input = Pending::File(path).read(&settings(false, 100)).unwrap();
        assert_eq!(input.text.len(), 100);
    }
}
