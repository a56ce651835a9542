//! The bundled example article is analysed as `shared/corpus/seed/expected.md` describes:
//! the facts a program relies on, asserted on the JSON report.

use claimgraph::grammar::Grammar;
use claimgraph::report::json::Report;
use claimgraph::rules::Policy;
use serde_json::Value;

fn report() -> Value {
    let text =
        std::fs::read_to_string("docs/examples/ani-trump-putin-call.txt").expect("example article");
    let grammar = Grammar::builtin();
    let analysis = claimgraph::analyze("seed", &text, &grammar, &Policy::default());
    serde_json::to_value(Report::of(&analysis)).expect("serialisable")
}

fn source<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no source named {name}"))
}

fn claim_starting<'a>(report: &'a Value, start: &str) -> &'a Value {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["span"]["text"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no claim starting {start}"))
}

fn mentions(source: &Value) -> Vec<&str> {
    source["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect()
}

#[test]
fn ushakov_is_one_named_person_with_role_and_affiliation() {
    let r = report();
    let ushakov = source(&r, "Yury Ushakov");
    assert_eq!(ushakov["kind"], "person");
    assert_eq!(ushakov["named"], true);
    assert_eq!(ushakov["role"], "foreign policy aide");
    assert_eq!(ushakov["affiliation"], "Kremlin");
    assert_eq!(
        mentions(ushakov),
        ["Kremlin foreign policy aide Yury Ushakov", "Ushakov"]
    );
    assert_eq!(
        r["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["name"].as_str().unwrap().contains("Ushakov"))
            .count(),
        1
    );
}

#[test]
fn trump_is_one_source_with_his_pronouns() {
    let r = report();
    let trump = source(&r, "Donald Trump");
    assert_eq!(trump["role"], "President");
    let m = mentions(trump);
    for expected in [
        "U.S. President Donald Trump",
        "Trump",
        "he",
        "He",
        "Trump’s",
    ] {
        assert!(
            m.contains(&expected),
            "Trump's mentions lack {expected}: {m:?}"
        );
    }
    assert_eq!(
        r["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["name"].as_str().unwrap().contains("Trump"))
            .count(),
        1
    );
}

#[test]
fn the_lead_claim_is_multi_sourced_through_bild_and_two_official_groups_via_cnn() {
    let r = report();
    let lead = claim_starting(&r, "In a surprising diplomatic development");
    assert_eq!(lead["status"], "multi_source");
    let ids: Vec<&str> = lead["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for name in [
        "sources familiar with the matter",
        "Bild",
        "U.S. officials",
        "European officials",
    ] {
        let id = source(&r, name)["id"].as_str().unwrap();
        assert!(ids.contains(&id), "the lead claim should rest on {name}");
    }
    assert_eq!(
        source(&r, "sources familiar with the matter")["named"],
        false
    );
    assert_eq!(source(&r, "Bild")["kind"], "outlet");
    let cnn = source(&r, "CNN");
    assert!(
        !ids.contains(&cnn["id"].as_str().unwrap()),
        "CNN is a channel, not a witness"
    );
    let confirmations: Vec<&Value> = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["relation"] == "confirms")
        .collect();
    assert_eq!(confirmations.len(), 1);
    assert_eq!(confirmations[0]["via"], cnn["id"]);
    assert_eq!(confirmations[0]["source_ids"].as_array().unwrap().len(), 2);
    assert_eq!(confirmations[0]["claim"], lead["id"]);
    // "The news was first reported by …" sources the lead; it is not a claim of its own.
    assert!(
        r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| !c["span"]["text"].as_str().unwrap().starts_with("The news"))
    );
}

#[test]
fn the_kremlin_declines_and_is_not_support() {
    let r = report();
    let kremlin = source(&r, "Kremlin");
    assert_eq!(kremlin["kind"], "organization");
    let declines: Vec<&Value> = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["relation"] == "declines")
        .collect();
    assert_eq!(declines.len(), 1);
    assert_eq!(declines[0]["source_id"], kremlin["id"]);
    let claim = claim_starting(&r, "Although the Kremlin");
    assert_eq!(claim["status"], "single_source");
    assert_eq!(
        claim["sources"],
        serde_json::json!([source(&r, "Yury Ushakov")["id"]])
    );
    assert_eq!(claim["withheld_by"], serde_json::json!([kremlin["id"]]));
}

#[test]
fn reportedly_is_a_hedge_not_a_source() {
    let r = report();
    let claim = claim_starting(&r, "The European leaders and Zelenskyy");
    assert_eq!(claim["status"], "unsourced");
    assert_eq!(claim["hedged"], true);
    let hedge = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["relation"] == "hedge")
        .expect("a hedge");
    assert_eq!(hedge["cue"]["text"], "reportedly");
    assert_eq!(hedge["source"], Value::Null);
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "hedge-without-source" && f["claim"] == claim["id"])
    );
}

#[test]
fn analysis_sentences_are_unsourced() {
    let r = report();
    for start in [
        "This marks a significant shift",
        "This sequence of events",
        "His decision to halt",
        "Adding a personal note",
        "By actively involving himself",
    ] {
        assert_eq!(claim_starting(&r, start)["status"], "unsourced", "{start}");
    }
    let briefed = claim_starting(&r, "During the call, Trump briefed Putin");
    assert_eq!(briefed["status"], "unsourced");
    let reiterated = claim_starting(&r, "while Putin reiterated");
    assert_eq!(
        reiterated["sources"],
        serde_json::json!([source(&r, "Vladimir Putin")["id"]])
    );
}

#[test]
fn ani_is_a_document_credit() {
    let r = report();
    let credit = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["relation"] == "credit")
        .expect("a credit");
    assert_eq!(credit["claim"], Value::Null);
    assert_eq!(credit["source_id"], source(&r, "ANI")["id"]);
    assert_eq!(r["summary"]["credits"], serde_json::json!(["ANI"]));
    assert!(
        r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| !c["span"]["text"].as_str().unwrap().starts_with("Based On"))
    );
}

#[test]
fn only_the_lead_has_more_than_one_independent_source() {
    let r = report();
    let multi: Vec<&Value> = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "multi_source")
        .collect();
    assert_eq!(multi.len(), 1);
    let statuses = &r["summary"]["claims_by_status"];
    assert!(statuses["unsourced"].as_u64().unwrap() >= 7);
    assert!(statuses["single_source"].as_u64().unwrap() >= 10);
}
