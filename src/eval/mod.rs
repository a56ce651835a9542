//! Scoring attributions against annotated gold, with the definitions of the shared scorer
//! (`score.py`): exact and overlap precision/recall/F1 per role, and whole-attribution F1.
//!
//! Gold files are JSON Lines, `{"id", "text", "attributions": [{"source": [s, e] | null,
//! "cue": …, "content": …}]}`, with Unicode code-point offsets, as in PolNeAR.

use crate::Analysis;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// A span in code points, `[start, end)`.
pub type CharSpan = (usize, usize);

/// The three roles of an attribution.
pub const ROLES: [&str; 3] = ["source", "cue", "content"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpanTriple {
    pub source: Option<CharSpan>,
    pub cue: Option<CharSpan>,
    pub content: Option<CharSpan>,
}

impl SpanTriple {
    fn role(&self, role: usize) -> Option<CharSpan> {
        [self.source, self.cue, self.content][role]
    }
}

#[derive(Debug, Deserialize)]
pub struct GoldDocument {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub attributions: Vec<GoldAttribution>,
}

#[derive(Debug, Deserialize)]
pub struct GoldAttribution {
    pub source: Option<[usize; 2]>,
    pub cue: Option<[usize; 2]>,
    pub content: Option<[usize; 2]>,
}

impl GoldAttribution {
    pub fn spans(&self) -> SpanTriple {
        let s = |v: Option<[usize; 2]>| v.map(|[a, b]| (a, b));
        SpanTriple {
            source: s(self.source),
            cue: s(self.cue),
            content: s(self.content),
        }
    }
}

/// The predicted spans of an analysis, converted from bytes to code points.
pub fn predicted(analysis: &Analysis) -> Vec<SpanTriple> {
    let text = analysis.document.text;
    let mut char_at = vec![0usize; text.len() + 1];
    let mut chars = 0;
    for (i, (byte, _)) in text.char_indices().enumerate() {
        char_at[byte] = i;
        chars = i + 1;
    }
    char_at[text.len()] = chars;
    let convert = |span: crate::text::Span| (char_at[span.start], char_at[span.end]);
    analysis
        .attributions
        .iter()
        .map(|a| SpanTriple {
            source: a.source.map(convert),
            cue: Some(convert(a.cue)),
            content: a.content.map(convert),
        })
        .collect()
}

/// True positives, predictions and gold items for one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1 in percent, rounded to one decimal as the shared scorer does.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted > 0 {
            self.true_positives as f64 / self.predicted as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.true_positives as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (round1(100.0 * p), round1(100.0 * r), round1(100.0 * f))
    }
}

fn round1(x: f64) -> f64 {
    // Python's round() rounds halves to even; at one decimal, on these values, the nearest
    // representable result is what both produce.
    let scaled = x * 10.0;
    let rounded = scaled.round();
    let result = if (scaled - scaled.trunc()).abs() == 0.5 && rounded % 2.0 != 0.0 {
        rounded - scaled.signum()
    } else {
        rounded
    };
    result / 10.0
}

fn overlaps(a: Option<CharSpan>, b: Option<CharSpan>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 < b.1 && b.0 < a.1)
}

/// A miss or a false positive, for `--errors`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoringError {
    pub missed: bool,
    pub document: String,
    pub spans: SpanTriple,
}

/// Scores accumulated over documents, by metric name (`exact_source`, …, `attr_overlap`).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub metrics: BTreeMap<String, Counts>,
    pub errors: Vec<ScoringError>,
}

impl Scores {
    /// Adds one document's gold and predicted attributions.
    pub fn add(&mut self, document: &str, gold: &[SpanTriple], predicted: &[SpanTriple]) {
        for (role, name) in ROLES.iter().enumerate() {
            let gs: BTreeSet<CharSpan> = gold.iter().filter_map(|a| a.role(role)).collect();
            let ps: BTreeSet<CharSpan> = predicted.iter().filter_map(|a| a.role(role)).collect();
            let exact = self.metrics.entry(format!("exact_{name}")).or_default();
            exact.true_positives += gs.intersection(&ps).count();
            exact.predicted += ps.len();
            exact.gold += gs.len();
            let mut used = BTreeSet::new();
            let mut tp = 0;
            for x in &ps {
                if let Some(y) = gs
                    .iter()
                    .find(|y| !used.contains(*y) && overlaps(Some(*x), Some(**y)))
                {
                    used.insert(*y);
                    tp += 1;
                }
            }
            let overlap = self.metrics.entry(format!("overlap_{name}")).or_default();
            overlap.true_positives += tp;
            overlap.predicted += ps.len();
            overlap.gold += gs.len();
        }
        let mut used = vec![false; gold.len()];
        let mut tp = 0;
        for p in predicted {
            let hit = gold.iter().enumerate().find(|(i, g)| {
                let source_ok =
                    (g.source.is_none() && p.source.is_none()) || overlaps(g.source, p.source);
                !used[*i] && source_ok && overlaps(g.cue, p.cue) && overlaps(g.content, p.content)
            });
            match hit {
                Some((i, _)) => {
                    used[i] = true;
                    tp += 1;
                }
                None => self.errors.push(ScoringError {
                    missed: false,
                    document: document.to_string(),
                    spans: *p,
                }),
            }
        }
        for (i, g) in gold.iter().enumerate() {
            if !used[i] {
                self.errors.push(ScoringError {
                    missed: true,
                    document: document.to_string(),
                    spans: *g,
                });
            }
        }
        let whole = self.metrics.entry("attr_overlap".to_string()).or_default();
        whole.true_positives += tp;
        whole.predicted += predicted.len();
        whole.gold += gold.len();
    }

    pub fn f1(&self, metric: &str) -> f64 {
        self.metrics.get(metric).map_or(0.0, |c| c.prf().2)
    }

    /// The table and summary line, as the shared scorer prints them.
    pub fn render(&self) -> String {
        let mut out = format!("{:<16}{:>7}{:>7}{:>7}\n", "metric", "P", "R", "F1");
        for (name, counts) in &self.metrics {
            let (p, r, f) = counts.prf();
            out.push_str(&format!("{name:<16}{p:>7.1}{r:>7.1}{f:>7.1}\n"));
        }
        out.push_str(&format!(
            "summary: exact F1 source {:.1} cue {:.1} content {:.1}; overlap F1 source {:.1} cue {:.1} content {:.1}; attribution F1 {:.1}\n",
            self.f1("exact_source"),
            self.f1("exact_cue"),
            self.f1("exact_content"),
            self.f1("overlap_source"),
            self.f1("overlap_cue"),
            self.f1("overlap_content"),
            self.f1("attr_overlap"),
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triple(s: Option<CharSpan>, c: CharSpan, x: Option<CharSpan>) -> SpanTriple {
        SpanTriple {
            source: s,
            cue: Some(c),
            content: x,
        }
    }

    #[test]
    fn exact_and_overlap_counts_follow_the_shared_definitions() {
        let gold = [
            triple(Some((0, 5)), (6, 10), Some((11, 20))),
            triple(None, (30, 40), Some((25, 45))),
        ];
        let predicted = [
            triple(Some((0, 5)), (6, 10), Some((11, 18))),
            triple(Some((50, 55)), (56, 60), Some((61, 70))),
        ];
        let mut scores = Scores::default();
        scores.add("d", &gold, &predicted);
        assert_eq!(
            scores.metrics["exact_source"],
            Counts {
                true_positives: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert_eq!(
            scores.metrics["exact_content"],
            Counts {
                true_positives: 0,
                predicted: 2,
                gold: 2
            }
        );
        assert_eq!(
            scores.metrics["overlap_content"],
            Counts {
                true_positives: 1,
                predicted: 2,
                gold: 2
            }
        );
        assert_eq!(
            scores.metrics["attr_overlap"],
            Counts {
                true_positives: 1,
                predicted: 2,
                gold: 2
            }
        );
        assert_eq!(scores.errors.len(), 2);
        assert_eq!(scores.metrics["attr_overlap"].prf(), (50.0, 50.0, 50.0));
    }

    #[test]
    fn rounding_matches_python() {
        assert_eq!(round1(66.66666), 66.7);
        assert_eq!(round1(0.0), 0.0);
        assert_eq!(round1(100.0), 100.0);
    }
}
