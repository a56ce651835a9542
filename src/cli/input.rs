//! Reading documents: files, standard input and JSON Lines, each failure a clear error that
//! does not stop the other documents.

use miette::Diagnostic;
use serde::Deserialize;
use std::io::Read;
use std::path::Path;

/// One document to analyse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub id: String,
    pub text: String,
}

/// A document that could not be read.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum InputError {
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
    #[error("{path} is {size} bytes, more than the limit of {max} bytes")]
    #[diagnostic(
        code(claimgraph::input::too_large),
        help("split the document, or raise the limit with --max-bytes")
    )]
    TooLarge { path: String, size: u64, max: u64 },
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
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    result.map_err(|source| InputError::Unreadable {
        path: display(path),
        source,
    })?;
    Ok(bytes)
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: display(path),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Invalid UTF-8 decoded with replacement characters under `--lossy`: worth a warning, not an error.
#[derive(Debug, thiserror::Error, Diagnostic)]
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

/// How documents are read: the `--lossy` and `--max-bytes` flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of refusing the document.
    pub lossy: bool,
    /// The largest document accepted, in bytes.
    pub max_bytes: Option<u64>,
}

/// Refuses a document of `size` bytes when it is over the limit.
pub fn check_size(path: &Path, size: u64, max_bytes: Option<u64>) -> Result<(), InputError> {
    match max_bytes {
        Some(max) if size > max => Err(InputError::TooLarge {
            path: display(path),
            size,
            max,
        }),
        _ => Ok(()),
    }
}

/// Decodes `bytes` as UTF-8; under `lossy`, invalid bytes become U+FFFD and the warning names
/// the first of them.
pub fn decode_with(
    path: &Path,
    bytes: Vec<u8>,
    lossy: bool,
) -> Result<(String, Option<LossyWarning>), InputError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) if lossy => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let warning = LossyWarning {
                path: display(path),
                offset,
            };
            Ok((text, Some(warning)))
        }
        Err(e) => Err(InputError::NotUtf8 {
            path: display(path),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// Reads at most `max + 1` bytes, so that an oversized file or stream is refused without being
/// read whole.
fn read_bytes_limited(path: &Path, max_bytes: Option<u64>) -> Result<Vec<u8>, InputError> {
    let Some(max) = max_bytes else {
        return read_bytes(path);
    };
    if path != Path::new("-")
        && let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
    {
        check_size(path, meta.len(), max_bytes)?;
    }
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(max.saturating_add(1)).read_to_end(&mut bytes))
    };
    result.map_err(|source| InputError::Unreadable {
        path: display(path),
        source,
    })?;
    check_size(path, bytes.len() as u64, max_bytes)?;
    Ok(bytes)
}

/// A plain-text article read under `options`; the warning is set when `--lossy` replaced bytes.
pub fn read_text_with(
    path: &Path,
    options: ReadOptions,
) -> Result<(Input, Option<LossyWarning>), InputError> {
    let bytes = read_bytes_limited(path, options.max_bytes)?;
    let (text, warning) = decode_with(path, bytes, options.lossy)?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok((
        Input {
            id: display(path),
            text,
        },
        warning,
    ))
}

/// A plain-text article; `-` is standard input. A leading byte-order mark is dropped.
pub fn read_text(path: &Path) -> Result<Input, InputError> {
    read_text_with(path, ReadOptions::default()).map(|(input, _)| input)
}

#[derive(Deserialize)]
struct JsonLine {
    id: serde_json::Value,
    text: String,
}

/// Every line of a JSON Lines file, each a document or an error naming its line.
pub fn read_jsonl(path: &Path) -> Vec<Result<Input, InputError>> {
    let text = match read_bytes(path).and_then(|b| decode(path, b)) {
        Ok(text) => text,
        Err(e) => return vec![Err(e)],
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str::<JsonLine>(line)
                .map(|d| Input {
                    id: d
                        .id
                        .as_str()
                        .map_or_else(|| d.id.to_string(), str::to_string),
                    text: d.text,
                })
                .map_err(|e| InputError::BadJsonLine {
                    path: display(path),
                    line: index + 1,
                    message: e.to_string(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_an_error_naming_the_offset_unless_lossy() {
        let path = Path::new("story.txt");
        let bytes = b"caf\xc3\xa9 \xff\xfe said".to_vec();
        match decode_with(path, bytes.clone(), false) {
            Err(InputError::NotUtf8 { offset, .. }) => assert_eq!(offset, 6),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
        let (text, warning) = decode_with(path, bytes, true).expect("lossy decodes");
        assert_eq!(text, "café \u{fffd}\u{fffd} said");
        assert_eq!(warning.expect("a warning").offset, 6);
    }

    #[test]
    fn valid_utf8_decodes_without_a_warning_even_when_lossy() {
        let (text, warning) = decode_with(Path::new("a"), "ok “yes”".into(), true).unwrap();
        assert_eq!(text, "ok “yes”");
        assert!(warning.is_none());
    }

    #[test]
    fn documents_over_the_limit_are_refused() {
        let path = Path::new("big.txt");
        assert!(check_size(path, 10, Some(10)).is_ok());
        assert!(check_size(path, 11, None).is_ok());
        let error = check_size(path, 11, Some(10)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "big.txt is 11 bytes, more than the limit of 10 bytes"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_decoding() {
        let dir = std::env::temp_dir().join(format!("claimgraph-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        std::fs::write(&path, "x".repeat(100)).unwrap();
        let limited = ReadOptions {
            lossy: false,
            max_bytes: Some(99),
        };
        assert!(matches!(
            read_text_with(&path, limited),
            Err(InputError::TooLarge {
                size: 100,
                max: 99,
                ..
            })
        ));
        let (input, warning) = read_text_with(&path, ReadOptions::default()).unwrap();
        assert_eq!(input.text.len(), 100);
        assert!(warning.is_none());
    }
}
