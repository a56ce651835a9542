//! Regular English inflection, so a grammar entry names a verb once.

use super::VerbForm;
use super::entries::VerbEntry;

const NONE: VerbForm = VerbForm {
    base: false,
    third: false,
    past: false,
    participle: false,
    gerund: false,
};

/// Every written form of `spelling` (a verb, possibly with particles: "point out"), with the
/// inflection each one is. Irregular forms in the entry replace the generated ones, but only for
/// the entry's lemma: other spellings are inflected regularly.
pub fn verb_forms(spelling: &str, entry: &VerbEntry) -> Vec<(VerbForm, String)> {
    let (head, rest) = match spelling.split_once(' ') {
        Some((h, r)) => (h, format!(" {r}")),
        None => (spelling, String::new()),
    };
    let is_lemma = spelling == entry.lemma;
    let pick = |given: &Option<String>, made: String| match given {
        Some(g) if is_lemma => g.clone(),
        _ => format!("{made}{rest}"),
    };
    let past = pick(&entry.past, past(head));
    let participle = match &entry.participle {
        Some(p) if is_lemma => p.clone(),
        _ => past.clone(),
    };
    let all = [
        (
            "base",
            VerbForm { base: true, ..NONE },
            format!("{head}{rest}"),
        ),
        (
            "third",
            VerbForm {
                third: true,
                ..NONE
            },
            pick(&entry.third, third(head)),
        ),
        ("past", VerbForm { past: true, ..NONE }, past),
        (
            "participle",
            VerbForm {
                participle: true,
                ..NONE
            },
            participle,
        ),
        (
            "gerund",
            VerbForm {
                gerund: true,
                ..NONE
            },
            pick(&entry.gerund, gerund(head)),
        ),
    ];
    all.into_iter()
        .filter(|(name, _, _)| {
            entry
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| o == name))
        })
        .map(|(_, form, written)| (form, written))
        .collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn ends_consonant_y(word: &str) -> bool {
    let mut chars = word.chars().rev();
    chars.next() == Some('y') && chars.next().is_some_and(|c| !is_vowel(c))
}

fn third(verb: &str) -> String {
    if ends_consonant_y(verb) {
        format!("{}ies", &verb[..verb.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

fn past(verb: &str) -> String {
    if verb.ends_with('e') {
        format!("{verb}d")
    } else if ends_consonant_y(verb) {
        format!("{}ied", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ed")
    }
}

fn gerund(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if verb.ends_with('e') && !verb.ends_with("ee") && verb.len() > 2 {
        format!("{}ing", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ing")
    }
}

/// The plural of a noun (regular rules only; irregular plurals are listed as their own entries).
pub fn plural(noun: &str) -> String {
    let (head, rest) = match noun.split_once(' ') {
        Some((h, r)) => (h.to_string(), format!(" {r}")),
        None => (noun.to_string(), String::new()),
    };
    // "spokesman" → "spokesmen"; a phrase pluralises its first word ("source familiar with").
    let head = if let Some(stem) = head.strip_suffix("man") {
        format!("{stem}men")
    } else if let Some(stem) = head.strip_suffix("person") {
        format!("{stem}people")
    } else if ends_consonant_y(&head) {
        format!("{}ies", &head[..head.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| head.ends_with(e))
    {
        format!("{head}es")
    } else {
        format!("{head}s")
    };
    format!("{head}{rest}")
}

/// Expands a leading "be" into every form of "to be", the negated contractions included ("isn't
/// expected to" is one word and a negation, as "is not expected to" is two).
pub fn expand_be(phrase: &str) -> Vec<String> {
    match phrase.strip_prefix("be ") {
        Some(rest) => [
            "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "isn't", "aren't",
            "wasn't", "weren't",
        ]
        .iter()
        .map(|b| format!("{b} {rest}"))
        .collect(),
        None => vec![phrase.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lemma: &str) -> VerbEntry {
        toml::from_str(&format!("lemma = \"{lemma}\"")).unwrap()
    }

    fn forms(lemma: &str) -> Vec<String> {
        verb_forms(lemma, &entry(lemma))
            .into_iter()
            .map(|f| f.1)
            .collect()
    }

    #[test]
    fn regular_verbs_inflect() {
        assert_eq!(forms("note"), ["note", "notes", "noted", "noted", "noting"]);
        assert_eq!(
            forms("deny"),
            ["deny", "denies", "denied", "denied", "denying"]
        );
        assert_eq!(
            forms("stress"),
            ["stress", "stresses", "stressed", "stressed", "stressing"]
        );
        assert_eq!(
            forms("point out"),
            [
                "point out",
                "points out",
                "pointed out",
                "pointed out",
                "pointing out"
            ]
        );
    }

    #[test]
    fn nouns_pluralise() {
        assert_eq!(plural("official"), "officials");
        assert_eq!(plural("spokesman"), "spokesmen");
        assert_eq!(plural("spokesperson"), "spokespeople");
        assert_eq!(plural("policy"), "policies");
    }

    #[test]
    fn be_expands() {
        assert!(expand_be("be said to").contains(&"was said to".to_string()));
        assert_eq!(expand_be("reportedly"), ["reportedly"]);
    }
}
