//! Extraction quality on the shared news corpus: the text claimgraph reads from each HTML page
//! against the page's reference text. Ignored by default (it needs `../shared`); run with
//! `cargo test --release --test html_extraction -- --ignored --nocapture` (docs/inputs.md).

use claimgraph::{analyze, grammar::Grammar, markup::extract_html, rules::Policy, text::Span};
use std::collections::HashMap;
use std::path::Path;

fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_default() += 1;
    }
    counts
}

/// Word-level F1 of `got` against `want`, counting repeated words (a bag of words).
fn word_f1(got: &str, want: &str) -> f64 {
    let (got, want) = (words(got), words(want));
    let common: usize = got
        .iter()
        .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
        .sum();
    let (got_total, want_total): (usize, usize) = (got.values().sum(), want.values().sum());
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / got_total as f64;
    let recall = common as f64 / want_total as f64;
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn word_f1_counts_shared_words() {
    assert_eq!(word_f1("a b c", "a b c"), 1.0);
    assert_eq!(word_f1("x y", "a b"), 0.0);
    // Half the words found, all of them right: P = 1, R = 0.5.
    assert!((word_f1("a b", "a b c d") - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
#[ignore = "needs ../shared/corpus/news; run with --ignored"]
fn extracted_text_matches_the_reference_texts() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news");
    if !corpus.join("html").is_dir() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let grammar = Grammar::builtin();
    let policy = Policy::default();
    let mut pages: Vec<_> = std::fs::read_dir(corpus.join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let (mut measured, mut good_f1, mut good_count) = (0, 0, 0);
    let (mut got_attributions, mut want_attributions) = (0, 0);
    let (mut words_mapped, mut words_verbatim) = (0, 0);
    for page in pages {
        let stem = page.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(reference) =
            std::fs::read_to_string(corpus.join("text").join(format!("{stem}.txt")))
        else {
            continue;
        };
        let html = String::from_utf8_lossy(&std::fs::read(&page).unwrap()).into_owned();
        let extracted = extract_html(&html);
        let f1 = word_f1(&extracted.text, &reference);
        // Every word maps inside the page, on character boundaries; most map to themselves.
        let text = &extracted.text;
        for word in text.split_whitespace() {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            let source = extracted
                .map
                .to_source(Span::new(start, start + word.len()));
            let slice = html.get(source.start..source.end);
            assert!(slice.is_some(), "{stem}: {word:?} maps to {source:?}");
            words_mapped += 1;
            words_verbatim += usize::from(slice == Some(word));
        }
        let got = analyze(&stem, &extracted.text, &grammar, &policy)
            .attributions
            .len();
        let want = analyze(&stem, &reference, &grammar, &policy)
            .attributions
            .len();
        let count_ok = got.abs_diff(want) as f64 <= 0.1 * want as f64;
        measured += 1;
        good_f1 += usize::from(f1 >= 0.9);
        good_count += usize::from(count_ok);
        got_attributions += got;
        want_attributions += want;
        let (got_words, want_words): (usize, usize) = (
            words(&extracted.text).values().sum(),
            words(&reference).values().sum(),
        );
        println!(
            "{stem:40} f1 {f1:.3} words {got_words:5} / {want_words:5} attributions {got:3} / {want:3}"
        );
    }
    println!(
        "{measured} pages: F1 >= 0.90 on {good_f1}, attribution count within 10% on {good_count}; \
         {got_attributions} attributions on extracted text, {want_attributions} on reference text"
    );
    println!("{words_verbatim} of {words_mapped} words map to the same text in the page source");
    assert!(measured > 0, "no page has a reference text");
    assert!(
        good_f1 * 10 >= measured * 9,
        "F1 >= 0.90 on fewer than 90% of pages"
    );
    assert!(
        got_attributions.abs_diff(want_attributions) * 10 <= want_attributions,
        "attribution count off by more than 10% over the corpus"
    );
}
