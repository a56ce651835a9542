//! One annotated sentence per category of attribution language the parser must handle (issue
//! 3's list), written for this test. Each is rendered back with the spans the parser found, so
//! the snapshot reads like the annotation; the test also fails unless the parser finds exactly
//! the marked spans. `{S:…}` source, `{C:…}` cue, `{X:…}` content; `|` separates attributions
//! that the same text holds.

use claimgraph::grammar::Grammar;
use claimgraph::rules::Policy;
use std::fmt::Write;

const CASES: &[(&str, &str)] = &[
    (
        "speech verb, source first",
        "{S:The mayor} {C:said} {X:that the bridge would reopen in June}.",
    ),
    (
        "content first, source after",
        "{X:“The repairs are on schedule,”} {S:the engineer} {C:said}.",
    ),
    (
        "inversion: said X",
        "{X:“We will not back down,”} {C:said} {S:Lena Ortiz, a union organiser}.",
    ),
    (
        "belief",
        "{S:Most economists} {C:believe} {X:that rates will fall}.",
    ),
    (
        "intention",
        "{S:The council} {C:plans} {X:to close two libraries}.",
    ),
    (
        "evidence",
        "{S:A new survey} {C:shows} {X:support for the plan slipping}.",
    ),
    (
        "colon quotation",
        "{S:The minister} {C:said:} {X:“We are ready.”}",
    ),
    (
        "speaker line",
        "{S:MORALES}{C::} {X:We have always said the same thing}.",
    ),
    (
        "an unlisted verb in the past before a colon and a quotation",
        "{S:Mr. Christie} {C:gloated:} {X:“I told you so.”} \
         | Asked again, {S:she} {C:demurred:} {X:“Not today.”}",
    ),
    (
        "a plan inside what someone says is part of the content, not an attribution",
        "{S:MARA DEAN}{C::} {X:This is a man who never ran a negative ad. He wants to run more of them}.",
    ),
    (
        "a name after a dash credits the quotation after its colon, as roundups do",
        "Turnout fell again – {S:Mara Dean and Ed Fox}{C::} {X:“Voters stayed home. The rain kept \
         them.”}",
    ),
    (
        "an infinitive cue after a verb of no saying is said by the clause's subject",
        "{S:Rural voters} {C:were more likely to say} {X:that prices had risen}. \
         | {S:The coach} {C:went on the radio to say} {X:the team would recover}.",
    ),
    (
        "a count of people before a gerund cue is who a poll heard",
        "The rent rises left {S:62 percent of tenants} {C:saying} {X:they would move}.",
    ),
    (
        "a phrase of circumstance after the cue, set off before the content, is neither",
        "{S:The mayor} {C:said} last week in Leeds, {X:“We will rebuild.”} \
         | {S:The firm} {C:contended} in its letter, sent on Monday, {X:that the audit was wrong}.",
    ),
    (
        "a phrase of circumstance closing the sentence after the cue leaves the content before",
        "{X:Two files were moved to storage}, {S:the clerk} {C:wrote} in a memo to the board. \
         | {X:The union will sit out the race}, {S:its director} {C:told} the paper earlier this \
         week.",
    ),
    (
        "a title-case headline capitalises its verb group",
        "{S:Governor Lena Ortiz} {C:Just Announced} {X:Her Pick For The Court}",
    ),
    (
        "quotation over several sentences",
        "{X:“It was a long night,” {S:she} {C:said}. “Nobody slept.”} \
         | {X:By dawn, “it was over,” {S:he} {C:said}. “We had lost.”}",
    ),
    (
        "mixed quotation",
        "{S:The senator} {C:called} {X:the bill “a gift to lobbyists.”}",
    ),
    (
        "source-less passive (hedge)",
        "{X:The vote {C:is expected} to pass easily}.",
    ),
    (
        "source-less passive (asked)",
        "The minister {C:was asked} {X:whether she would resign}.",
    ),
    (
        "speech relayed by a preposition cue",
        "{X:“We will not protest,” the senator said}, {C:according to} {S:a pool report}.",
    ),
    (
        "reportedly",
        "{X:The talks {C:reportedly} collapsed on Friday}.",
    ),
    (
        "apposition",
        "{S:Omar Haddad, a lawyer for the family,} {C:said} {X:the case would be appealed}.",
    ),
    (
        "apposition: a name after the role",
        "{S:The union's chief negotiator, Dana Whitfield,} {C:said} {X:talks would resume}.",
    ),
    (
        "apposition: a name after the role, content first",
        "{X:“We are not moving,”} {S:the league's commissioner, Paul Ferreira,} {C:said}.",
    ),
    (
        "apposition: a name after the role, inverted",
        "{X:“We are not moving,”} {C:said} {S:the league's commissioner, Paul Ferreira}.",
    ),
    (
        "apposition ending in a name of its own",
        "{S:Ann Lee, the editor of the city's paper, Harbor Daily,} {C:said} {X:the story stands}.",
    ),
    (
        "apposition without an article, after an inverted cue",
        "{X:“We are not moving,”} {C:said} {S:Ana Ruiz, 52, executive director of the union}.",
    ),
    (
        "a place inside the source's role",
        "{X:“Prices are up,”} {C:said} {S:Paul Chen, a broker in Tampa}.",
    ),
    (
        "a quotation goes on only with another quotation",
        "{X:“We won,”} {C:said} {S:Sanders}, then left the stage.",
    ),
    (
        "one person, two roles",
        "{X:“The vote is close,”} {S:the Ohio lawmaker and former mayor} {C:said}.",
    ),
    (
        "apposition between dashes",
        "{S:Three players — two of them rookies —} {C:said} {X:the coach had left}.",
    ),
    (
        "relative clause with a gap as content",
        "They fought a rule change {X:that {S:he} {C:said} would make reform harder}.",
    ),
    (
        "relative clause between commas, its gap the content",
        "The new rules, {X:which {S:officials} {C:said} were final}, apply from May.",
    ),
    (
        "relative pronoun before a subject of its own",
        "The leak came from hackers {X:who {S:two investigators} {C:say} work for a rival}.",
    ),
    (
        "gap filled by a verb that opens a longer cue",
        "It was a deadline {X:that {S:insiders} {C:said} went unnoticed}.",
    ),
    (
        "relative clause in the source",
        "{S:Two residents who saw the fire} {C:said} {X:it started in the kitchen}.",
    ),
    (
        "possessive noun cue",
        "Few noticed {S:the governor’s} {C:admission} {X:that the budget was short}.",
    ),
    (
        "according to, after",
        "{X:The plant will close}, {C:according to} {S:two people briefed on the plan}.",
    ),
    (
        "according to, before",
        "{C:According to} {S:the report}, {X:prices rose by 4 percent}.",
    ),
    (
        "content ends at a contrast",
        "{S:Officials} {C:said} {X:the road was safe}, while residents disagreed.",
    ),
    (
        "coordinated clauses",
        "{S:The coach} {C:praised} {X:the defence} | and {S:the captain} {C:said} {X:the team was tired}.",
    ),
    (
        "participle",
        "{S:The union} walked out of the talks, {C:saying} {X:the offer was too low}.",
    ),
    (
        "passive with agent",
        "{X:Plans for a merger} {C:were first reported} by {S:a trade journal}.",
    ),
    (
        "source-less passive: what is said or thought of the subject",
        "{X:The coach {C:was criticized for} the late substitution}. \
         | {X:The firm {C:is widely seen as} a maker of boats}.",
    ),
    (
        "stance adjective after a form of be",
        "{S:Many economists} {C:are deeply skeptical of} {X:the forecast}. \
         | {S:Officials} {C:were worried} {X:that the storm would hit}.",
    ),
    (
        "citing: a source, or what the speaker points to",
        "{X:The plant will close}, {C:citing} {S:two people briefed on the plan}. \
         | {S:The mayor} cancelled the parade, {C:citing} {X:the storm warnings}.",
    ),
    (
        "a verb of seeming or trying before a cue verb",
        "{S:The senator} {C:seemed to mock} {X:the proposal}. \
         | {S:Her aides} {C:tried to portray} {X:the loss as a win}. \
         | {S:Investors} {C:seem to agree:} {X:At one point the shares rose 17 percent}.",
    ),
    (
        "a subject of several noun phrases, a list or an age",
        "{S:Her directors and advisers} {C:said} {X:the plan was sound}. \
         | {S:Friends, neighbours and former rivals} {C:said} {X:he was kind}. \
         | {S:Marvin Teske, 53, a security guard,} {C:said} {X:the vote was fair}. \
         | The mayor visited the site and {S:aides} {C:said} {X:it was safe}.",
    ),
    (
        "a cue verb coordinated with a present verb that is no cue",
        "{S:The firm} keeps its books private but {C:says} {X:its sales have tripled}.",
    ),
    (
        "a participle with its agent after a noun phrase",
        "{X:The bill}, {C:opposed} by {S:House Republicans}, never became law. \
         | It was {X:a call} {C:echoed} by {S:Japan} on Saturday.",
    ),
    (
        "content before a short source and a phrase of circumstance",
        "{X:Victory is vital}, {S:he} {C:said} after meeting his aides on Thursday.",
    ),
    (
        "a phrase of time between the subject and the verb",
        "{S:The mayor} last year {C:proposed} {X:a tax on sugary drinks}. \
         | {S:Ann Lee, the party chairwoman,} this past week {C:announced} {X:a new website}.",
    ),
    (
        "a present verb before a preposition after a subject pronoun",
        "{S:He} {C:boasts about} {X:the new stadium at every rally}.",
    ),
    (
        "a cue word that is a noun after a quantifier, a verb after its subject",
        "{S:Multiple reports} {C:said} {X:the talks had failed}. \
         | {S:The media} {C:reported} {X:that the plant would close}.",
    ),
    (
        "inversion: the cue opens the sentence",
        "{C:Said} {S:Ana Ruiz, who grew up on the street}, {X:“We were all so proud of him.”}",
    ),
    (
        "a cue inside a quotation leaves the attribution around it; \"then\" coordinates",
        "{S:The reporter} {C:says:} {X:“Well, according to a witness, it was chaos.”} \
         | {S:Kasich} shook the man's hand, {C:then said} {X:he would welcome advice}.",
    ),
    (
        "denial",
        "{S:The embassy} {C:denied} {X:that troops had crossed the border}.",
    ),
    (
        "declined to comment",
        "{S:A spokeswoman} {C:declined} {X:to comment}.",
    ),
    (
        "document participle, put out by the subject",
        "{S:The campaign} {C:issued a statement saying} {X:the report was false}.",
    ),
    (
        "document participle, the document as source",
        "Despite {S:polls} {C:showing} {X:her behind}, the senator stayed in the race.",
    ),
    (
        "content ends with an opening clause",
        "When {S:the mayor} {C:said} {X:the bridge was safe}, residents cheered.",
    ),
    (
        "a share of a group as subject",
        "{S:Nearly a third of voters in each county} {C:say} {X:they have not decided}.",
    ),
    (
        "a quotation missing its closing mark",
        "{X:“The roads were closed all week}, {C:said} {S:Ana Ruiz, a driver}.",
    ),
    (
        "a straight closing mark after a space",
        "{X:\"They call it 'a flight to safety,' \"} {S:he} {C:said}.",
    ),
    (
        "a manner adverb stays with the cue verb",
        "{X:“That went well,”} {S:she} {C:said sarcastically}. | {S:He} {C:noted repeatedly} {X:that the vote was close}.",
    ),
    (
        "a particle stays with the cue verb",
        "{S:The senator} {C:called out} {X:his rival over the ads}.",
    ),
    (
        "an adverb of the content's first word is content",
        "{S:The council} {C:proposed} {X:nearly $2 million for parks}.",
    ),
    (
        "the topic's preposition joins a participle or passive cue",
        "{C:Asked about} {X:the delays}, the mayor shrugged. \
         | The minister {C:was asked about} {X:claims that the budget was short}.",
    ),
    (
        "a percentage as subject",
        "Among young voters, {S:42%} {C:say} {X:they have not decided}.",
    ),
    (
        "a poll inside the subject",
        "{S:Forty percent of voters in a new poll} {C:said} {X:the economy was their main worry}.",
    ),
    (
        "a with-phrase as the participle's subject",
        "Voters shrugged, with {S:three in 10} {C:saying} {X:the choice would not matter}.",
    ),
    (
        "an opening according-to phrase runs to its comma",
        "{C:According to} {S:reports circulating in the capital}, {X:the minister will resign}.",
    ),
    (
        "a ratio as subject",
        "{S:One in four} {C:said} {X:the party did not care} | and {S:two out of five} {C:called} {X:it hostile}.",
    ),
    (
        "statement phrase after a present-tense cue",
        "{S:The governor} {C:says on Twitter} {X:that the roads are closed}.",
    ),
    (
        "a day right after the cue",
        "{S:The governor} {C:said Tuesday} {X:that the roads would reopen}. \
         | {X:“We are not done,”} {S:the coach} {C:said in a statement Friday night}. \
         | {S:The board} {C:said} {X:Saturday’s vote was final}.",
    ),
    (
        "a contracted auxiliary after a name or a relative pronoun",
        "{S:Obama}{C:’s said} {X:he would veto the bill}. \
         | {S:Cruz}{C:’s been pushing for} {X:a vote}. \
         | Delegates met Ann Ruiz, {S:who}{C:’s argued} for years {X:that the rules are unfair}.",
    ),
    (
        "a subject pronoun after a word opens its own clause: a bare relative, a question",
        "The firm builds what {S:it} {C:calls} {X:“voter profiles”}. \
         | Do {S:you} {C:think} {X:the plan will pass}?",
    ),
    (
        "a source after its cue keeps its relative clause past 'as' and a role in apposition",
        "{X:“We are short,”} {C:said} {S:Ed Rendell, who serves as chairman of the committee}. \
         | {X:“We will vote no,”} {C:said} {S:Senator Ann Lee, Democrat of Ohio}. \
         | {X:“We built it,”} {C:said} {S:Brad Komar, Clinton’s state director}. \
         | {X:“It was a mistake,”} {C:recalled} {S:Ann Cole, then ambassador to Peru}. \
         | {X:“He is nice,”} {C:said} {S:Rita Gold, 83, of Sarasota}. \
         | {X:Turnout fell}, {C:according to} {S:a survey released on Thursday}. \
         | {X:He left after, {C:according to} {S:him}, Televisa’s owner censured the report}.",
    ),
    (
        "speaking out",
        "{S:The actor} {C:spoke out against} {X:the law}.",
    ),
    (
        "pronoun source",
        "Ana Ruiz spoke to the press. {S:She} {C:said} {X:the plan was ready}.",
    ),
    (
        "a participle after opening phrases and adverbs",
        "On Monday, after weeks of silence, {S:the council} met, {C:saying} {X:it would vote soon}. \
         | However, {S:she} held her fire, {C:calling} {X:him a decent man}. \
         | Then {S:he} cut the ribbon, {C:noting} {X:that the work was late}.",
    ),
    (
        "a participle modifying the subject",
        "{S:Those surveyed} {C:said} {X:prices were too high}.",
    ),
    (
        "a verb of aspect before a cue verb is part of the cue",
        "{S:The senator} {C:has continued to insist} {X:that the vote was fair}.",
    ),
    (
        "a verb of continuing with \"on to\" before a cue verb is part of the cue",
        "{S:The minister} {C:went on to explain} {X:that no one would be fired}.",
    ),
    (
        "an adverb inside a phrasal cue verb",
        "{S:The coach} {C:spoke warmly of} {X:his old rival}.",
    ),
    (
        "a verb of aspect before a gerund cue is part of the cue",
        "{S:The coach} {C:began criticizing} {X:the referees}. \
         | {S:Her aides} {C:kept insisting} {X:that the polls were wrong}.",
    ),
    (
        "a reduced relative inside a preposition's source",
        "{X:Turnout was low}, {C:according to} {S:exit polls} reported by the station.",
    ),
    (
        "a subject set off by commas before a cue verb and its clause",
        "{S:Two objectors, Ann Lee and Bo Park,} {C:said} {X:the vote was unfair}.",
    ),
    (
        "an adverb of focus before the subject is not the source's",
        "Even {S:the mayor's allies} {C:said} {X:the plan was rushed}.",
    ),
    (
        "a role, a name and an apposition as the subject",
        "{S:The city's mayor, Ann Lee, a Democrat,} {C:said} {X:the vote was close}.",
    ),
    (
        "document participle, put out by a verb with a particle",
        "{S:The campaign} {C:sent out a text message saying} {X:the vote was close}.",
    ),
    (
        "a present verb after an apposition, before a preposition",
        "{S:Ann Lee, a candidate from Ohio,} {C:says} {X:despite the rain, the rally will go on}.",
    ),
    (
        "an '-s' form before a bare verb is the plural noun of its subject",
        "{S:Farm advocates} {C:say} {X:they have promises from both candidates}.",
    ),
    (
        "a bare verb before a preposition after a plural subject",
        "{S:Some residents} {C:worry about} {X:the new tolls}.",
    ),
    (
        "a hyphenated fraction as a share",
        "{S:About two-thirds of the members} {C:said} {X:the dues were too high}.",
    ),
    (
        "a phrase of circumstance or a channel beside the source is not the source's",
        "{S:The mayor}, speaking at a rally in Ohio, {C:said} {X:the plant would stay open}. \
         | {S:The mayor}, in a speech on Monday, {C:said} {X:the plant would stay open}. \
         | {S:Another source} speaking to CNN {C:said} {X:the plant would close}.",
    ),
    (
        "a relative clause with no cue of its own stays with the source",
        "{S:Ann Lee, who runs the bakery on Main Street,} {C:said} {X:the rent had doubled}.",
    ),
    (
        "a capitalised role with its place as an apposition, after an opening phrase",
        "Even so, {S:Senator Ann Lee, Republican of Ohio,} {C:said} {X:the bill was dead}.",
    ),
    (
        "a contracted 'has' in the verb group",
        "{S:She}{C:\u{2019}s long argued} {X:that taxes are too high}.",
    ),
    (
        "a verb's other-verb word before a name that is no possessor",
        "{X:\u{201c}It was a great night,\u{201d}} {S:the mayor} {C:added} to Channel Four.",
    ),
    (
        "a lawmaker's party and state set off by commas stay with the source",
        "{S:Sen. Ann Lee, D-Ohio,} {C:said} {X:the bill was dead}.",
    ),
    (
        "a name after a naming verb is its object before a possessive or a quotation",
        "{S:The campaign} {C:called} {X:Reuters\u{2019}s report \u{201c}a rush to judgment.\u{201d}} \
         | {S:A senator} {C:called} {X:Lee \u{201c}a fraud.\u{201d}}",
    ),
    (
        "an '-s' form before adverbs and a finite verb is the plural noun of its subject",
        "{S:Other refugee advocates} {C:also said} {X:the program should go further}.",
    ),
    (
        "a relative clause's content ends before a negated auxiliary",
        "Ann Lee, {S:who} {C:says} {X:she has held 100 meetings}, doesn't run the shop.",
    ),
    (
        "a clause of time with its own subject and cue verb ends the content before it",
        "{S:The mayor} {C:pointed to} {X:the budget} | as {S:she} {C:noted} {X:that taxes had fallen}.",
    ),
    (
        "a colon closing a paragraph introduces the passage below it",
        "In a speech, {S:he} {C:said:}\n\n{X:Let no one be mistaken about the plan}.",
    ),
    (
        "a quotation introduced by a colon runs on through the paragraphs that reopen it",
        "{S:The senator} {C:wrote:}\n\n{X:\u{201c}We tried everything.\n\n\u{201c}Nothing worked.\u{201d}}\n\n | \
         {X:\u{201c}We will try again,\u{201d}} {S:she} {C:said}.",
    ),
    (
        "a participle with 'as' and no 'be' or agent is a source-less naming",
        "Lee won {X:the group of contests {C:known as} Super Tuesday}. \
         | {X:\u{201c}We won,\u{201d}} {S:the mayor} {C:said} as she accepted the award.",
    ),
    (
        "a headline opened by 'Poll:' has the poll as its speaker",
        "{S:Poll}{C::} {X:Lee leads the race in Ohio}",
    ),
    (
        "a clause of contrast whose plural subject has a bare cue verb ends the content before it",
        "{S:The Saudis} {C:have warned} {X:they could sell their assets}, even though \
         | {S:many observers} {C:doubt} {X:they would}.",
    ),
    (
        "after a pronoun, a contracted 's is the verb's auxiliary, not a possessive",
        "{S:She}{C:\u{2019}s predicting} {X:a landslide in November}.",
    ),
    (
        "a contracted auxiliary is split from its subject",
        "{S:They}{C:\u{2019}ve said} {X:the plan will fail}.",
    ),
    (
        "an '-s' form before a preposition is a verb right after a bare name",
        "{X:\u{201c}We must act,\u{201d}} {S:Lee} {C:says} in Iowa.",
    ),
    (
        "a four-letter past form ends the subject a participle hangs on",
        "{S:Sanders} sued the party, {C:saying} {X:it broke the rules}.",
    ),
    (
        "an inverted source stops before a relative clause with a cue of its own",
        "{X:\u{201c}It is over,\u{201d}} {C:said} {S:the coach}, \
         | {S:who} {C:declined} {X:to give his name}.",
    ),
    (
        "a sentence in parentheses keeps its closing parenthesis out of the content",
        "({S:Lee} {C:noted} {X:that the vote was close}.)",
    ),
    (
        "a day after the cue with a possessive opens the content",
        "{S:She} {C:said} {X:Saturday\u{2019}s vote will help her}.",
    ),
    (
        "a subject of up to forty tokens, its relative clause included",
        "{S:The governor, who lost to the senator in the 1992 primaries and whose views on trade \
         and farm policy clashed with those of his rival for most of a decade,} {C:described} \
         {X:the plan as a relic}.",
    ),
    (
        "each line that ends a sentence ends it, whatever quotation marks came before",
        "{X:other voters,\"} {S:she} {C:added}.\n | {S:Cruz} {C:said} {X:he would use it sparingly}.\n \
         | {S:Bush} {C:said} {X:a \"stable government\" is needed}.",
    ),
    (
        "an interview after the verb is the occasion, not part of the cue",
        "{S:The mayor} {C:said} in an interview {X:that the plant would stay open}.",
    ),
    (
        "inversion after a content whose second clause follows a comma",
        "{X:If the office closed, its work would move to other agencies}, {C:said} {S:Ann Lee}. \
         | {X:As the race moves west, a region she hoped to win, the contest will be close}, \
         {C:said} {S:Ed Fox, a pollster}.",
    ),
    (
        "a participle opening the sentence is said by the subject after its comma",
        "{C:Noting} {X:that the bill had failed}, {S:the senator} left the chamber. | \
         {C:Citing} {X:the storm}, {S:the mayor} closed the schools. | {C:Responding to} \
         {X:the report}, {S:Ann Lee} quickly left. | {C:Recalling} {X:her first race}, {S:Lee} \
         smiled.",
    ),
    (
        "\"appear\" before a description of a state is a hedge",
        "{X:The council {C:appeared} divided over the plan}.",
    ),
];

/// Source, cue and content of one attribution, as byte ranges.
type Spans = (
    Option<(usize, usize)>,
    Option<(usize, usize)>,
    Option<(usize, usize)>,
);
type FoundSpans = (
    Option<(usize, usize)>,
    (usize, usize),
    Option<(usize, usize)>,
);

#[derive(Default)]
struct Marked {
    text: String,
    spans: Vec<Spans>,
}

fn unmark(example: &str) -> Marked {
    let mut out = Marked::default();
    for part in example.split(" | ") {
        if !out.text.is_empty() {
            out.text.push(' ');
        }
        let mut stack: Vec<(char, usize)> = Vec::new();
        let (mut s, mut c, mut x) = (None, None, None);
        let mut chars = part.chars();
        while let Some(ch) = chars.next() {
            match ch {
                '{' => {
                    let role = chars.next().expect("role");
                    assert_eq!(chars.next(), Some(':'));
                    stack.push((role, out.text.len()));
                }
                '}' => {
                    let (role, start) = stack.pop().expect("balanced");
                    let span = Some((start, out.text.len()));
                    match role {
                        'S' => s = span,
                        'C' => c = span,
                        _ => x = span,
                    }
                }
                ch => out.text.push(ch),
            }
        }
        out.spans.push((s, c, x));
    }
    out
}

/// The text with the found spans marked the same way as the cases.
fn render(text: &str, found: &[FoundSpans]) -> String {
    let mut out = String::new();
    for (s, c, x) in found {
        let mut marks: Vec<(usize, i8, &str)> = Vec::new();
        for (span, open, close) in [(*x, "{X:", "}"), (*s, "{S:", "}"), (Some(*c), "{C:", "}")] {
            if let Some((a, b)) = span {
                marks.push((a, 1, open));
                marks.push((b, -1, close));
            }
        }
        marks.sort_by_key(|m| (m.0, m.1));
        let mut pos = 0;
        let mut line = String::new();
        for (at, _, mark) in marks {
            line.push_str(&text[pos..at]);
            line.push_str(mark);
            pos = at;
        }
        line.push_str(&text[pos..]);
        let _ = writeln!(out, "    {line}");
    }
    out
}

#[test]
fn each_category_is_parsed_as_annotated() {
    let grammar = Grammar::builtin();
    let mut report = String::new();
    let mut failures = Vec::new();
    for (category, example) in CASES {
        let marked = unmark(example);
        let analysis = claimgraph::analyze(category, &marked.text, &grammar, &Policy::default());
        let found: Vec<_> = analysis
            .attributions
            .iter()
            .filter(|a| a.relation != claimgraph::attribution::Relation::Credit)
            .map(|a| {
                (
                    a.source.map(|s| (s.start, s.end)),
                    (a.cue.start, a.cue.end),
                    a.content.map(|s| (s.start, s.end)),
                )
            })
            .collect();
        let expected: Vec<_> = marked
            .spans
            .iter()
            .map(|(s, c, x)| (*s, c.expect("a cue"), *x))
            .collect();
        let _ = writeln!(report, "{category}:\n{}", render(&marked.text, &found));
        if found != expected {
            failures.push(format!(
                "{category}: expected\n{}got\n{}",
                render(&marked.text, &expected),
                render(&marked.text, &found)
            ));
        }
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("attribution-categories", report));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The attributions the parser finds in `text`, as (source, cue, content) texts.
fn attributions(text: &str) -> Vec<(Option<String>, String, Option<String>)> {
    let analysis = claimgraph::analyze("case", text, &Grammar::builtin(), &Policy::default());
    analysis
        .attributions
        .iter()
        .filter(|a| a.relation != claimgraph::attribution::Relation::Credit)
        .map(|a| {
            let slice = |s: claimgraph::text::Span| text[s.start..s.end].to_string();
            (a.source.map(slice), slice(a.cue), a.content.map(slice))
        })
        .collect()
}

/// An infinitive cue is said by its clause's subject only across a verb phrase of that
/// clause: not when a noun phrase governs it ("little to say"), when no one is its subject ("It
/// is hard to say"), across a subordinate clause, when an object is its subject ("got them to
/// say"), nor when an earlier cue's content holds it ("declined to say").
#[test]
fn an_infinitive_cue_takes_the_subject_only_across_a_verb_phrase() {
    for text in [
        "The fans had little to say after the loss.",
        "It is hard to say whether the plan will work.",
        "The coach got them to say nothing about the loss.",
    ] {
        assert_eq!(attributions(text), vec![], "{text}");
    }
    let found = attributions("The board was so divided that the chair chose to say nothing.");
    assert!(
        found.iter().all(|a| a.0.as_deref() != Some("The board")),
        "{found:?}"
    );
    let found = attributions("The mayor declined to say whether the bridge would reopen.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "declined");
}

/// Discourse adverbs and phrases of time that open a clause ("Likewise, …", "Eight years ago,
/// …") or stand between a coordinator and its verb ("and instead portrayed") are neither
/// source nor content, nor is the comma that sets off an opening phrase.
#[test]
fn opening_adverbs_and_times_are_not_sources() {
    let found = attributions(
        "Likewise, the governor called for a new vote. \
         Eight years ago, the senator said the plan would fail. \
         The author left the script behind and instead portrayed the mayor as a bully. \
         According to the survey, most voters are in debt.",
    );
    let sources: Vec<_> = found.iter().map(|a| a.0.as_deref()).collect();
    assert_eq!(
        sources,
        vec![
            Some("the governor"),
            Some("the senator"),
            Some("The author"),
            Some("the survey")
        ],
        "{found:?}"
    );
    assert_eq!(
        found[3].2.as_deref(),
        Some("most voters are in debt"),
        "{found:?}"
    );
}

/// "That's according to …" sources the claim before it: the demonstrative is the content, the
/// verb is part of the cue, and the attribution joins the earlier sentence's claim.
#[test]
fn a_demonstrative_according_to_sources_the_claim_before() {
    let text = "The campaign raised $21 million in January. \
                That\u{2019}s according to fundraising reports.";
    let analysis = claimgraph::analyze("case", text, &Grammar::builtin(), &Policy::default());
    let found = attributions(text);
    assert_eq!(
        found,
        vec![(
            Some("fundraising reports".to_string()),
            "\u{2019}s according to".to_string(),
            Some("That".to_string())
        )]
    );
    let claim = analysis.claims.of_attribution[0].expect("a claim");
    let span = analysis.claims.claims[claim].span;
    assert_eq!(
        &text[span.start..span.end],
        "The campaign raised $21 million in January."
    );
}

/// A cue verb coordinated with an earlier verb has its subject, even when the sentence opens
/// with a phrase or a participle ("Standing by the plan, she …", "Asked about it, she …") or a
/// name that looks like one
/// ("Harding paused, and said …") or a phrase of time ("Last week, …"), and after "but"; the
/// first verb's content ends before the coordinator, or before a participle after a quotation
/// whose comma is inside the marks (",” adding …").
#[test]
fn coordinated_verbs_share_the_subject() {
    let found = attributions(
        "In March, the agency reported slower growth, and said it would cut 200 jobs. \
         After the vote, the senator left the chamber and told reporters it was a mistake. \
         Standing by the plan, she declared that \u{201c}the worst is over,\u{201d} and urged patience. \
         Harding paused, and said the vote would wait. \
         The coach smiled, but told reporters the team was tired. \
         Last week, the minister called the plan bold, and added that it would wait. \
         The mayor said the budget was \u{201c}balanced,\u{201d} adding that taxes would fall. \
         The plan is costly, the treasurer said, but added that it would pay off. \
         \u{201c}It is costly,\u{201d} the mayor said, but added that it would pay off. \
         Asked whether she would run, the governor smiled and said it was too early.",
    );
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (
                owned("the agency"),
                "reported".to_string(),
                owned("slower growth")
            ),
            (
                owned("the agency"),
                "said".to_string(),
                owned("it would cut 200 jobs")
            ),
            (
                owned("the senator"),
                "told".to_string(),
                owned("it was a mistake")
            ),
            (
                owned("she"),
                "declared".to_string(),
                owned("that \u{201c}the worst is over,\u{201d}")
            ),
            (owned("she"), "urged".to_string(), owned("patience")),
            (
                owned("Harding"),
                "said".to_string(),
                owned("the vote would wait")
            ),
            (
                owned("The coach"),
                "told".to_string(),
                owned("the team was tired")
            ),
            (
                owned("the minister"),
                "called".to_string(),
                owned("the plan bold")
            ),
            (
                owned("the minister"),
                "added".to_string(),
                owned("that it would wait")
            ),
            (
                owned("The mayor"),
                "said".to_string(),
                owned("the budget was \u{201c}balanced,\u{201d}")
            ),
            (
                owned("The mayor"),
                "adding".to_string(),
                owned("that taxes would fall")
            ),
            (
                owned("the treasurer"),
                "said".to_string(),
                owned("The plan is costly")
            ),
            (
                owned("the treasurer"),
                "added".to_string(),
                owned("that it would pay off")
            ),
            (
                owned("the mayor"),
                "said".to_string(),
                owned("\u{201c}It is costly,\u{201d}")
            ),
            (
                owned("the mayor"),
                "added".to_string(),
                owned("that it would pay off")
            ),
            (None, "Asked".to_string(), owned("whether she would run")),
            (
                owned("the governor"),
                "said".to_string(),
                owned("it was too early")
            ),
        ]
    );
}

/// A cue verb after a comma opens an inversion ("…, said the coach's aide") only when what
/// follows it is a noun phrase and what precedes it can be a content: before a clause ("…, said
/// the vote was unfair"), after an auxiliary ("…, have questioned"), after "then", or after a
/// role and its name ("Another trustee, Mia Cole, explained …"), the words before the comma
/// hold its subject.
#[test]
fn a_verb_after_a_comma_inverts_only_before_a_noun_phrase() {
    let found = attributions(
        "\u{201c}We lost,\u{201d} said the coach\u{2019}s aide. \
         Two objectors, Ann Lee and Bo Park, said the vote was unfair. \
         The two candidates, Ann Lee and Bo Park, have questioned the budget. \
         The critic praised the food, then criticized the service. \
         In 1952, the general and his aide, John Dulles, said the plan had failed.",
    );
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (
                owned("the coach\u{2019}s aide"),
                "said".to_string(),
                owned("\u{201c}We lost,\u{201d}")
            ),
            (
                owned("Two objectors, Ann Lee and Bo Park,"),
                "said".to_string(),
                owned("the vote was unfair")
            ),
            (
                owned("The two candidates, Ann Lee and Bo Park,"),
                "have questioned".to_string(),
                owned("the budget")
            ),
            (
                owned("The critic"),
                "praised".to_string(),
                owned("the food")
            ),
            (
                owned("The critic"),
                "then criticized".to_string(),
                owned("the service")
            ),
            (
                owned("the general and his aide, John Dulles,"),
                "said".to_string(),
                owned("the plan had failed")
            ),
        ]
    );
    // Nor when what stands before the comma is a role and its name, with no verb or quotation
    // to be a content.
    let found = attributions(
        "The head of the Rowing Club, Ben Hale, warned that the river was too high. \
         Another trustee, Mia Cole of Leeds, explained the reason for her vote.",
    );
    let sources: Vec<_> = found.iter().map(|a| a.0.as_deref()).collect();
    assert_eq!(
        sources,
        vec![
            Some("The head of the Rowing Club, Ben Hale,"),
            Some("Another trustee, Mia Cole of Leeds,")
        ],
        "{found:?}"
    );
}

/// A content ends before a coordinated clause whose cue verb has a subject of its own.
#[test]
fn a_coordinated_clause_with_its_own_subject_ends_the_content() {
    let found = attributions(
        "The senator defended his vote, but on Saturday he announced that he backed repeal.",
    );
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (
                owned("The senator"),
                "defended".to_string(),
                owned("his vote")
            ),
            (
                owned("he"),
                "announced".to_string(),
                owned("that he backed repeal")
            ),
        ]
    );
}

/// An attribution inside a relative clause set off by commas ends at the comma before the main
/// clause's verb, not with the sentence; a comma inside the content that no verb follows does
/// not end it.
#[test]
fn an_attribution_in_a_relative_clause_ends_before_the_main_verb() {
    let found = attributions(
        "Ann Lee, who declared victory on Tuesday with a string of wins, will return the favor. \
         The mayor, who said the bridge, the road and the tunnel were safe, later resigned.",
    );
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (
                owned("who"),
                "declared".to_string(),
                owned("victory on Tuesday with a string of wins")
            ),
            (
                owned("who"),
                "said".to_string(),
                owned("the bridge, the road and the tunnel were safe")
            ),
        ]
    );
}

/// A gerund cue after a subordinator (and an adverb) or after a coordinator joining it to an
/// earlier gerund has the main clause's subject.
#[test]
fn gerunds_after_subordinators_and_coordinators_share_the_subject() {
    let found = attributions(
        "The mayor defended the budget, while also suggesting that taxes might rise. \
         The union met on Friday, saying it was ready but warning that talks could fail.",
    );
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (
                owned("The mayor"),
                "defended".to_string(),
                owned("the budget")
            ),
            (
                owned("The mayor"),
                "suggesting".to_string(),
                owned("that taxes might rise")
            ),
            (
                owned("The union"),
                "saying".to_string(),
                owned("it was ready")
            ),
            (
                owned("The union"),
                "warning".to_string(),
                owned("that talks could fail")
            ),
        ]
    );
}

/// Lines and phrases that look like attributions and are not: an article before a participle
/// ("the proposed rule"), tallies and rosters after a name and a colon, transcript marks and
/// byline labels, a verb of aspect ("continued to rise"), a deal ("offered him a contract").
#[test]
fn look_alikes_are_not_attributions() {
    for text in [
        "The proposed rule would cap fees. These are the pledged delegates.",
        "Results so far.\n\nGarcia: 1,204.\n\nOkafor: 988.",
        "The panel.\n\nOregon: Ada Lind, Ben Okafor, Carla Diaz.",
        "An interview.\n\nQ: Will you run again?\n\nA: Not this year.",
        "The end.\n\nContributing: Ada Lind and Ben Okafor.",
        "As the shock of the Friday attacks wore off, crowds returned.",
        "Despite a month of sharpened attacks, the senator stayed ahead.",
        "The mayor made similar comments on Thursday.",
        "Prices rose 4 percent, compared with 2 percent a year earlier.",
        "Neither candidate's tax plans would change much.",
        "Voters in six states going to the polls on Tuesday face long lines.",
        "The Latest: Voters head to the polls in three states.",
        "Prices continued to rise through the spring.",
        "The club has offered him a new contract.",
        "Thousands of fans showed up at the parade.",
        "In Ohio, 60 pledged delegates were at stake.",
        "The walkouts were called off at the last minute.",
        "Ortiz reported from Albuquerque, N.M.",
        "Our week in pictures — Related: “Ten things we learned.”",
        "Trump’s stated goal is a wall. The council’s proposed budget grew.",
    ] {
        assert_eq!(attributions(text), vec![], "{text:?}");
    }
}

/// Only the outermost attribution counts: a cue inside a quotation is the quoted speaker's
/// words ("we hope and expect" is not the spokesman's second attribution).
#[test]
fn cues_inside_a_quotation_are_the_quotation_s() {
    let text = "The spokesman told reporters, \u{201c}We have answered every question, and we \
                hope and expect that others will do the same.\u{201d}";
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        attributions(text),
        vec![(
            owned("The spokesman"),
            "told".to_string(),
            owned(
                "\u{201c}We have answered every question, and we hope and expect that others \
                 will do the same.\u{201d}"
            )
        )]
    );
}

#[test]
fn a_relative_pronoun_source_stands_for_the_noun_phrase_before_it() {
    let text = "The mayor said the bridge was safe.\n\n\
                Some farmers who say the road is too narrow want a bypass.\n\n\
                A new survey that shows support slipping was published on Monday.";
    let analysis = claimgraph::analyze("case", text, &Grammar::builtin(), &Policy::default());
    let names: Vec<(&str, Vec<&str>)> = analysis
        .sources
        .entities
        .iter()
        .map(|s| {
            let mentions = s.mentions.iter().map(|m| &text[m.start..m.end]).collect();
            (s.name.as_str(), mentions)
        })
        .collect();
    // Before, "who" took the most recent source: the mayor. The names are those the phrases
    // get as sources of their own ("Some farmers said …", "A new survey shows …").
    assert_eq!(
        names,
        [
            ("mayor", vec!["The mayor"]),
            ("Some farmers", vec!["who"]),
            ("new survey", vec!["that"]),
        ],
        "{names:?}"
    );
}

/// ", saying …" hangs on the main clause's subject, not on the source of an attribution nested
/// in that clause's content ("Lee's claim that …" inside what the mayor blamed).
#[test]
fn a_participle_takes_the_main_clause_s_subject_past_a_nested_attribution() {
    let text = "The mayor blamed the press for Lee's claim that the bridge was unsafe, saying \
                reporters had exaggerated.";
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        attributions(text),
        vec![
            (
                owned("The mayor"),
                "blamed".to_string(),
                owned("the press for Lee's claim that the bridge was unsafe")
            ),
            (
                owned("The mayor"),
                "saying".to_string(),
                owned("reporters had exaggerated")
            ),
        ]
    );
}

/// A relative clause whose verb is a cue of its own stays out of an inverted source, its
/// auxiliaries with it ("said Amy Deace, who has said …" made "Amy Deace, who has" the source).
#[test]
fn a_relative_clause_with_its_own_cue_leaves_the_source_whole() {
    let found = attributions("“We are ready,” said Amy Deace, who has said the race is close.");
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (
                some("Amy Deace"),
                "said".to_string(),
                some("“We are ready,”")
            ),
            (
                some("who"),
                "has said".to_string(),
                some("the race is close")
            ),
        ]
    );
}

/// A phrase between commas before a cue is an apposition of the subject unless it holds a
/// finite auxiliary of its own ("If the office closed, its work would move …, said Ann Lee"
/// is a content and an inversion); a clause inside the apposition ("when asked what was
/// wrong") does not count. "That" after the verb opens the content, never an inverted source.
#[test]
fn an_apposition_holds_no_clause_of_its_own() {
    let owned = |s: &str| Some(s.to_string());
    assert_eq!(
        attributions(
            "The senator, when asked what was wrong with the plan, responded that the numbers \
             did not add up."
        ),
        vec![
            (
                None,
                "asked".to_string(),
                owned("what was wrong with the plan")
            ),
            (
                owned("The senator, when asked what was wrong with the plan,"),
                "responded".to_string(),
                owned("that the numbers did not add up")
            ),
        ]
    );
    let found = attributions("A new poll has, however, revealed that most voters are undecided.");
    assert!(
        found
            .iter()
            .all(|(source, _, _)| source.as_deref().is_none_or(|s| !s.starts_with("that"))),
        "{found:?}"
    );
}
