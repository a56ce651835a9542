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

/// A plain-text article; `-` is standard input. A leading byte-order mark is dropped.
pub fn read_text(path: &Path) -> Result<Input, InputError> {
    let text = decode(path, read_bytes(path)?)?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(Input {
        id: display(path),
        text,
    })
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
