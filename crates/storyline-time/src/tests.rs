// Unit tests of the tagger on sentences written for these tests (no outlet text).

use super::*;
use storyline_model::{DateBasis, Precision, TimeMod, TimexType};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
}

/// Tuesday, 19 November 2024.
fn anchor() -> Anchor {
    Anchor::day(d(2024, 11, 19))
}

/// The (text, value) pairs tagged in `s`.
fn tv(s: &str, a: &Anchor) -> Vec<(String, String)> {
    tag(s, a)
        .into_iter()
        .map(|m| (m.text, m.value.value))
        .collect()
}

fn one(s: &str, a: &Anchor) -> TimeMention {
    let ms = tag(s, a);
    assert_eq!(ms.len(), 1, "{s:?} -> {ms:#?}");
    ms.into_iter().next().expect("one mention")
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn rules_compile_cleanly() {
    assert!(RULES.errors.is_empty(), "{:#?}", RULES.errors);
    assert!(RULES.rules.len() > 50);
}

#[test]
fn every_rule_tags_its_example() {
    let a = anchor();
    for r in &RULES.rules {
        // in a past frame, or a future one ("soon" in a past narrative is no time)
        let tagged = |frame: &str| {
            let text = format!("{frame} {} and more.", r.example);
            let ms = tag(&text, &a);
            let hit = ms
                .iter()
                .any(|m| m.start == frame.len() + 1 && m.text == r.example);
            (hit, ms.into_iter().map(|m| m.text).collect::<Vec<_>>())
        };
        let (past, ms) = tagged("It happened");
        assert!(
            past || tagged("It will happen").0,
            "rule {} does not tag its example {:?}: {:?}",
            r.name,
            r.example,
            ms
        );
    }
}

#[test]
fn absolute_formats() {
    let a = anchor();
    assert_eq!(
        tv(
            "The deal was signed Oct. 27, 2023 and revised on 27 October 2023.",
            &a
        ),
        pairs(&[
            ("Oct. 27, 2023", "2023-10-27"),
            ("27 October 2023", "2023-10-27")
        ])
    );
    assert_eq!(
        tv(
            "Filed 2023-10-27; the vote on November 16, 2024 and the hearing Nov 19 2024.",
            &a
        ),
        pairs(&[
            ("2023-10-27", "2023-10-27"),
            ("November 16, 2024", "2024-11-16"),
            ("Nov 19 2024", "2024-11-19")
        ])
    );
    let m = one(
        "The ministry said on Saturday, Nov. 16, 2024 that it would act.",
        &a,
    );
    assert_eq!(m.text, "Saturday, Nov. 16, 2024");
    assert_eq!(m.value.value, "2024-11-16");
    assert!(!m.value.relative);
    let m = one("Prices rose in October 2024.", &a);
    assert_eq!(
        (m.value.value.as_str(), m.value.precision),
        ("2024-10", Precision::Month)
    );
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2024, 10, 1)), Some(d(2024, 10, 31)))
    );
    let m = one("The plant closed in 2019.", &a);
    assert_eq!(m.value.value, "2019");
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2019, 1, 1)), Some(d(2019, 12, 31)))
    );
}

#[test]
fn numeric_dates_and_ambiguity() {
    let a = anchor();
    let m = one("The filing is dated 03/04/2025 in the register.", &a);
    assert_eq!(m.value.value, "2025-03-04");
    assert!(m.value.ambiguous);
    let m = one("The filing is dated 27/10/2023 in the register.", &a);
    assert_eq!(m.value.value, "2023-10-27");
    assert!(!m.value.ambiguous);
}

#[test]
fn a_day_named_with_its_year_keeps_it() {
    let a = anchor();
    let got = tv(
        "The storm of March 3, 2023, flooded the valley. Those displaced on March 3 \
         are still in shelters.",
        &a,
    );
    assert_eq!(got[0], ("March 3, 2023".into(), "2023-03-03".into()));
    assert_eq!(got[1], ("March 3".into(), "2023-03-03".into()));
    // A relative word before a month and day decides the year.
    assert_eq!(
        one("A vote is set for next March 3.", &a).value.value,
        "2025-03-03"
    );
    assert_eq!(
        one("The plant closed last March 3.", &a).value.value,
        "2024-03-03"
    );
    // Without the dated mention, the year-less day is the one nearest the article.
    assert_eq!(
        one("Those displaced on March 3 are still in shelters.", &a)
            .value
            .value,
        "2024-03-03"
    );
}

#[test]
fn tense_is_read_from_the_verb_group() {
    let v = |s: &str, a: &Anchor| one(s, a).value.value;
    let nov = anchor();
    // A passive after "will be": the participle is not a past cue.
    assert_eq!(
        v(
            "The new envoy will be appointed for a posting in March.",
            &nov
        ),
        "2025-03"
    );
    // "succeed" ends in "-ed" but is no past form.
    let sep = Anchor::day(d(2024, 9, 10));
    assert_eq!(
        v("The deputy will succeed her predecessor on Feb. 1.", &sep),
        "2025-02-01"
    );
    // A past verb keeps a far month in this year, even when next year's is nearer.
    assert_eq!(
        v(
            "In February, the council hired an auditor who will start work.",
            &nov
        ),
        "2024-02"
    );
    // A weak "-ed" cue does not hold a far month in this year.
    assert_eq!(
        v("The vote, postponed until January, may not happen.", &nov),
        "2025-01"
    );
    // The verb before the time phrase governs it, not a participle after it.
    let feb = Anchor::day(d(2024, 2, 13));
    assert_eq!(
        v(
            "The airline will add flights to Lisbon by August in markets untouched by the slump.",
            &feb
        ),
        "2024-08"
    );
    // A capitalised "-ed" word is part of a name, not a verb.
    assert_eq!(
        v("Talks at the United Nations resume on Friday.", &nov),
        v("Talks at the Security Council resume on Friday.", &nov)
    );
    // A sentence ending in an abbreviation ("U.S.") before a sentence starter ends.
    assert_eq!(
        v(
            "The cabinet will meet in the U.S. The minister on Friday signed the deal.",
            &nov
        ),
        "2024-11-15"
    );
    // A sentence ending in a short word ("the West.") still ends the sentence.
    assert_eq!(
        v(
            "The cabinet will meet the West. The minister on Friday signed the deal.",
            &nov
        ),
        "2024-11-15"
    );
}

#[test]
fn a_weekday_with_its_date_takes_the_date() {
    let a = anchor();
    // the weekday matches the date that follows: the date wins over tense
    assert_eq!(
        tv(
            "She was last seen on Sunday morning, November 3, 2013, near the quay.",
            &a
        ),
        pairs(&[
            ("Sunday morning", "2013-11-03TMO"),
            ("November 3, 2013", "2013-11-03")
        ])
    );
    // a weekday that does not fall on the date stays as tense resolves it
    let v = tv("The ferry left on Monday morning, November 3, 2013.", &a);
    assert_eq!(
        v[0],
        ("Monday morning".to_string(), "2024-11-18TMO".to_string()),
        "{v:?}"
    );
}

#[test]
fn titles_and_ordinals_are_not_times() {
    let a = anchor();
    assert_eq!(
        tv(
            "Fans of Saturday Night Live and Monday Night Football met on Saturday night.",
            &a
        ),
        pairs(&[("Saturday night", "2024-11-16TNI")])
    );
    assert_eq!(
        tv(
            "The mare has two wins and four second-place finishes, and was second best.",
            &a
        ),
        pairs(&[])
    );
    assert_eq!(
        tv("He finished 40 seconds behind, in second place.", &a),
        pairs(&[("40 seconds", "PT40S")])
    );
}

#[test]
fn weekdays_in_a_reported_or_possible_future_point_forward() {
    let a = anchor(); // Tuesday, 19 November 2024
    let v = |s: &str| one(s, &a).value.value;
    // the quote before closes its sentence with the quote mark, so its "said"
    // is not this sentence's tense
    let quoted = tag(
        "\u{201c}We are ready,\u{201d} the coach said. The team will travel before its last match, away at Dunmore this Saturday.",
        &a,
    );
    assert_eq!(
        quoted.last().map(|m| m.value.value.as_str()),
        Some("2024-11-23")
    );
    let nyt = tag(
        "``We are ready,'' the coach said.  The team will travel before its last match, away at Dunmore this Saturday.",
        &a,
    );
    assert_eq!(
        nyt.last().map(|m| m.value.value.as_str()),
        Some("2024-11-23")
    );
    // "last" meaning final is no past cue
    assert_eq!(
        v("Fans will cheer the last match of the season on Saturday."),
        "2024-11-23"
    );
    // a participle before "until" tells when something will happen
    assert_eq!(v("Schools will remain closed until Monday."), "2024-11-25");
    // modals of a reported future and a stated possibility
    assert_eq!(
        v("Forecasters said the storm would reach the coast Friday."),
        "2024-11-22"
    );
    assert_eq!(
        v("Crews said most homes should have power by Thursday."),
        "2024-11-21"
    );
    assert_eq!(
        v("Snow is possible Sunday, the weather office said."),
        "2024-11-24"
    );
    // while a past report stays in the past
    assert_eq!(
        v("The mayor said Friday that the road was closed."),
        "2024-11-15"
    );
    assert_eq!(
        v("The minister could not be reached on Monday."),
        "2024-11-18"
    );
}

#[test]
fn a_bare_clock_time_in_a_past_report_takes_the_day_last_named() {
    let a = anchor(); // Tuesday, 19 November 2024
    let text = "The river crested on Sunday. It peaked at 4:15 p.m., and crews worked overnight.";
    assert_eq!(
        tv(text, &a),
        pairs(&[
            ("Sunday", "2024-11-17"),
            ("4:15 p.m.", "2024-11-17T16:15"),
            ("overnight", "2024-11-17TNI"),
        ])
    );
    // a day named long before is no reference: the article's day
    let far = "The bridge opened on Nov. 2, 2023. It closed at 6 p.m. for repairs.";
    assert_eq!(
        tv(far, &a)[1],
        ("6 p.m.".to_string(), "2024-11-19T18:00".to_string())
    );
    // nor for a time still to come
    let ahead = "The river crested on Sunday. The gates open at 8 a.m.";
    assert_eq!(
        tv(ahead, &a)[1],
        ("8 a.m.".to_string(), "2024-11-19T08:00".to_string())
    );
}

#[test]
fn a_year_less_month_after_a_plain_past_verb_is_last_years() {
    let aug = Anchor::day(d(2024, 8, 14));
    let v = |s: &str| one(s, &aug).value.value;
    // the clause's own verb is past: October 2023, not the coming October
    assert_eq!(v("The former mayor was sentenced in October."), "2023-10");
    assert_eq!(
        v("The storm struck in November, flooding the valley."),
        "2023-11"
    );
    // but a day only weeks ahead stays this year's (the article's date may be
    // uncertain)
    assert_eq!(
        v("The storm struck on Sept. 2, flooding the valley."),
        "2024-09-02"
    );
    // a verb of saying may govern a clause of another tense
    assert_eq!(v("The mayor said the vote is in October."), "2024-10");
    // a date set ahead of the verb
    assert_eq!(v("The hearing was set for Oct. 14."), "2024-10-14");
    assert_eq!(v("The offer was extended to Nov. 6."), "2024-11-06");
    // an -ed adjective is no verb
    assert_eq!(
        v("The firm will redeem its preferred shares on Oct. 31."),
        "2024-10-31"
    );
}

#[test]
fn review_cases_of_modals_clock_times_plain_pasts_rates_and_soon() {
    // Tuesday, 19 November 2024
    let a = anchor();
    let v = |s: &str| one(s, &a).value.value;
    // a reported refusal and a past that did not happen are no future
    assert_eq!(v("A spokesman would not comment on Monday."), "2024-11-18");
    assert_eq!(v("The shipment should have arrived Monday."), "2024-11-18");
    assert_eq!(
        v("It was not possible Monday to confirm the toll."),
        "2024-11-18"
    );
    // while "should have" with a noun is ahead
    assert_eq!(
        v("Crews said homes should have power by Thursday."),
        "2024-11-21"
    );
    // a clock time whose only past is "said", and "overnight" after a day ahead
    let ms = tv(
        "Monday's crash killed two. A vigil is at 6 p.m., officials said.",
        &a,
    );
    assert_eq!(
        ms[1],
        ("6 p.m.".to_string(), "2024-11-19T18:00".to_string())
    );
    let ms = tv("Flights resume Friday. Snow fell overnight.", &a);
    assert_eq!(
        ms[1],
        ("overnight".to_string(), "2024-11-19TNI".to_string())
    );
    // a plain past of another clause, or one that points ahead, keeps this year's
    let aug = Anchor::day(d(2024, 8, 14));
    let m = |s: &str| one(s, &aug).value.value;
    assert_eq!(
        m("The player, who was injured, returns in October."),
        "2024-10"
    );
    assert_eq!(
        m("A ruling was anticipated in October, lawyers said."),
        "2024-10"
    );
    assert_eq!(m("He said the trial was in October."), "2024-10");
    // no rate without a quantity right before it
    for s in [
        "The team scored 3 goals in a week.",
        "Police held 12 people for a week.",
        "The fund lost $2 billion, a year after it gained $5 billion.",
    ] {
        let ms = tag(s, &a);
        assert!(ms.iter().all(|m| m.kind != TimexType::Set), "{s}: {ms:?}");
    }
    // "soon" in a past narrative, or in a compound, is no time
    for s in [
        "Police soon arrived at the scene.",
        "The soon-to-be-released report leaked.",
    ] {
        assert!(tag(s, &a).is_empty(), "{s}");
    }
}

#[test]
fn weekdays_follow_tense() {
    let a = anchor(); // a Tuesday
    assert_eq!(
        one("Officials said on Friday that talks had failed.", &a)
            .value
            .value,
        "2024-11-15"
    );
    assert_eq!(
        one("The cabinet will meet on Friday to decide.", &a)
            .value
            .value,
        "2024-11-22"
    );
    assert_eq!(
        one("Voters go to the polls next Tuesday.", &a).value.value,
        "2024-11-26"
    );
    assert_eq!(
        one("He resigned last Tuesday.", &a).value.value,
        "2024-11-12"
    );
    assert_eq!(
        one("The envoy arrived on Monday.", &a).value.value,
        "2024-11-18"
    );
    let m = one("Talks resume Thursday.", &a);
    assert!(m.value.relative);
    assert_eq!(m.value.value, "2024-11-21");
    // A present-tense verb that schedules an event points forward.
    for s in [
        "The council meets Friday to vote on the budget.",
        "The minister meets separately Friday with the mediator.",
        "The delegation arrives Friday for talks with the rebels.",
        "Talks resume on Friday in Geneva.",
    ] {
        assert_eq!(one(s, &a).value.value, "2024-11-22", "{s}");
    }
    // Only right before the weekday, and not as a noun or before a possessive.
    for s in [
        "During visits Friday to flood-hit towns, the prime minister promised aid.",
        "Rocket launches Friday were delayed by weather.",
        "Officials failed to meet Friday's deadline.",
        "At a swim meet Friday, she set a national record.",
    ] {
        assert_eq!(one(s, &a).value.value, "2024-11-15", "{s}");
    }
    // A past report of the same kind of event stays in the past.
    assert_eq!(
        one("The council met Friday and voted on the budget.", &a)
            .value
            .value,
        "2024-11-15"
    );
    let m = one("Thursday", &a);
    assert!(
        m.value.ambiguous,
        "a bare weekday without tense is ambiguous"
    );
}

#[test]
fn relative_offsets() {
    let a = anchor();
    assert_eq!(
        tv(
            "The strike began two weeks ago and ten days ago talks failed.",
            &a
        ),
        pairs(&[
            ("two weeks ago", "2024-11-05"),
            ("ten days ago", "2024-11-09")
        ])
    );
    assert_eq!(
        tv(
            "Yesterday the court ruled; today it adjourned; tomorrow it sits again.",
            &a
        ),
        pairs(&[
            ("Yesterday", "2024-11-18"),
            ("today", "2024-11-19"),
            ("tomorrow", "2024-11-20")
        ])
    );
    assert_eq!(
        tv(
            "Sales fell last year, rose last month and were flat this week.",
            &a
        ),
        pairs(&[
            ("last year", "2023"),
            ("last month", "2024-10"),
            ("this week", "2024-W47")
        ])
    );
    let m = one("Prices have doubled over the past year.", &a);
    assert_eq!(m.text, "the past year");
    let m = one("The union has grown since 2012.", &a);
    assert_eq!(m.value.value, "2012");
    let m = one("Shelling has intensified in recent days.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("recent days", "PAST_REF")
    );
    let m = one("The minister spoke earlier this month.", &a);
    assert_eq!(m.text, "earlier this month");
    assert_eq!(
        (m.value.value.as_str(), m.value.modifier),
        ("2024-11", Some(TimeMod::Start))
    );
    assert!(m.value.relative);
}

#[test]
fn parts_of_periods() {
    let a = anchor();
    let m = one("Fighting eased in mid-October.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("mid-October", "2024-10")
    );
    assert_eq!(m.value.modifier, Some(TimeMod::Mid));
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2024, 10, 11)), Some(d(2024, 10, 20)))
    );
    let m = one("The mine opened in late 2023.", &a);
    assert_eq!(
        (m.value.value.as_str(), m.value.modifier),
        ("2023", Some(TimeMod::End))
    );
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2023, 9, 1)), Some(d(2023, 12, 31)))
    );
    let m = one("A ruling is expected early next year.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("early next year", "2025")
    );
    assert_eq!(m.value.modifier, Some(TimeMod::Start));
    let m = one("Output dropped at the end of 1990.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("the end of 1990", "1990")
    );
}

#[test]
fn seasons_quarters_decades() {
    let a = anchor();
    assert_eq!(
        tv(
            "Profit rose in the third quarter and will rise in the fourth quarter of 2025.",
            &a
        ),
        pairs(&[
            ("the third quarter", "2024-Q3"),
            ("the fourth quarter of 2025", "2025-Q4")
        ])
    );
    assert_eq!(
        one("The talks stalled last summer.", &a).value.value,
        "2024-SU"
    );
    assert_eq!(
        one("A vote is planned for fall 2025.", &a).value.value,
        "2025-FA"
    );
    assert_eq!(
        one("Growth slowed in the second half of 2023.", &a)
            .value
            .value,
        "2023-H2"
    );
    let m = one("The dispute dates from the 1990s.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("the 1990s", "199")
    );
    assert_eq!(m.value.precision, Precision::Decade);
    assert_eq!(
        one("The canal was dug in the 19th century.", &a)
            .value
            .value,
        "18"
    );
}

#[test]
fn times_with_zones() {
    let a = anchor();
    let m = one("Polls close at 4 p.m. ET on the island.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("4 p.m. ET", "2024-11-19T16:00")
    );
    assert_eq!(m.kind, TimexType::Time);
    let m = one("Rockets were fired Sunday night near the border.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("Sunday night", "2024-11-17TNI")
    );
    assert_eq!(
        one("The blast happened at 10:45 GMT.", &a).value.value,
        "2024-11-19T10:45"
    );
    assert_eq!(
        one("They met this morning.", &a).value.value,
        "2024-11-19TMO"
    );
}

#[test]
fn durations() {
    let a = anchor();
    let m = one("The siege lasted 13 months.", &a);
    assert_eq!(
        (m.value.value.as_str(), m.kind),
        ("P13M", TimexType::Duration)
    );
    let m = one("He was held for more than a year.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("more than a year", "P1Y")
    );
    assert_eq!(m.value.modifier, Some(TimeMod::MoreThan));
    assert_eq!(
        one("The ceasefire held for two weeks.", &a).value.value,
        "P2W"
    );
    let m = one("Prices rose in the past two weeks.", &a);
    assert_eq!(m.value.value, "P2W");
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2024, 11, 5)), Some(d(2024, 11, 19)))
    );
    assert_eq!(one("The talks took 2 1/2 years.", &a).value.value, "P2Y6M");
    assert_eq!(one("It lasted several years.", &a).value.value, "PXY");
    assert_eq!(one("a 30-year mortgage", &a).value.value, "P30Y");
}

#[test]
fn sets() {
    let a = anchor();
    let m = one("The council meets every week.", &a);
    assert_eq!((m.value.value.as_str(), m.kind), ("P1W", TimexType::Set));
    assert_eq!(one("Reports are published daily.", &a).value.value, "P1D");
    assert_eq!(
        one("The market opens each Thursday.", &a).value.value,
        "XXXX-WXX-4"
    );
    // the period of a rate after a quantity
    for (s, v) in [
        ("The levy brings in about $450 million a year.", "P1Y"),
        ("Wages rose 3.1 percent a year under the deal.", "P1Y"),
        ("The port handles 4 million passengers a year.", "P1Y"),
        ("Pensioners receive about $28, a month.", "P1M"),
    ] {
        let m = one(s, &a);
        assert_eq!((m.value.value.as_str(), m.kind), (v, TimexType::Set), "{s}");
    }
    // no quantity: a duration
    assert_eq!(
        one("The talks lasted a week.", &a).kind,
        TimexType::Duration
    );
}

#[test]
fn soon_is_a_future_reference_unless_it_joins_a_clause() {
    let a = anchor();
    assert_eq!(
        tv("The board will soon pick a new chair.", &a),
        pairs(&[("soon", "FUTURE_REF")])
    );
    assert_eq!(
        tv("Repairs should start as soon as possible.", &a),
        pairs(&[("as soon as possible", "FUTURE_REF")])
    );
    for s in [
        "Crews will return as soon as the wind drops.",
        "He resigned soon after the vote.",
        "It is too soon to say who won.",
    ] {
        assert!(tv(s, &a).is_empty(), "{s}");
    }
}

#[test]
fn vague_references() {
    let a = anchor();
    assert_eq!(
        tv(
            "Aid is now arriving; it is currently stored. It was formerly a school.",
            &a
        ),
        pairs(&[
            ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("formerly", "PAST_REF")
        ])
    );
    let m = one("Such attacks were rare in the past.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("the past", "PAST_REF")
    );
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (None, Some(d(2024, 11, 19)))
    );
    let m = one("Talks may resume in the future.", &a);
    assert_eq!(m.value.value, "FUTURE_REF");
    assert_eq!(
        one("The group was recently formed.", &a).value.value,
        "PAST_REF"
    );
}

#[test]
fn yearless_dates_near_a_year_boundary() {
    let a = Anchor::day(d(2025, 1, 3));
    let m = one("Protesters gathered on Dec. 28 outside parliament.", &a);
    assert_eq!(m.value.value, "2024-12-28");
    assert!(m.value.relative);
    let m = one("The parliament will vote on Jan. 9.", &a);
    assert_eq!(m.value.value, "2025-01-09");
    let m = one("Turnout was low in December.", &a);
    assert_eq!(m.value.value, "2024-12");
    // Future tense in late December points into the next year.
    let a = Anchor::day(d(2024, 12, 30));
    assert_eq!(
        one("The law will take effect on Jan. 2.", &a).value.value,
        "2025-01-02"
    );
}

#[test]
fn window_anchor_composes() {
    let a = Anchor::window(d(2024, 10, 1), d(2024, 10, 31));
    let m = one("The convoy left ten days ago.", &a);
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2024, 9, 21)), Some(d(2024, 10, 21)))
    );
    assert_eq!(m.value.value, "2024-XX-XX");
    assert!(m.value.relative);
    let m = one("The budget passed last year.", &a);
    assert_eq!(m.value.value, "2023");
    // Absolute dates do not depend on the anchor.
    let m = one("The treaty was signed on March 3, 2020.", &a);
    assert_eq!(
        (m.value.earliest, m.value.latest),
        (Some(d(2020, 3, 3)), Some(d(2020, 3, 3)))
    );
}

#[test]
fn unknown_anchor_gives_x_values() {
    let a = Anchor::unknown();
    let m = one("The convoy left ten days ago.", &a);
    assert_eq!(m.value.value, "XXXX-XX-XX");
    assert!(m.value.relative);
    assert_eq!((m.value.earliest, m.value.latest), (None, None));
    assert_eq!(
        one("The strike ended on Friday.", &a).value.value,
        "XXXX-WXX-5"
    );
    assert_eq!(
        one("The strike ended on Dec. 28.", &a).value.value,
        "XXXX-12-28"
    );
    assert_eq!(one("Sales fell last year.", &a).value.value, "XXXX");
    let m = one("The strike ended on Dec. 28, 2024.", &a);
    assert_eq!(m.value.value, "2024-12-28");
    assert!(!m.value.relative);
}

#[test]
fn spoken_years_with_a_month_or_season() {
    let a = anchor();
    assert_eq!(
        tv(
            "Prices have risen since January nineteen ninety-seven, a broadcaster said.",
            &a
        ),
        pairs(&[("January nineteen ninety-seven", "1997-01")])
    );
    assert_eq!(
        tv("It began in the winter of nineteen ninety-four.", &a),
        pairs(&[("the winter of nineteen ninety-four", "1994-WI")])
    );
    assert_eq!(
        tv("The plan dates from March two thousand and one.", &a),
        pairs(&[("March two thousand and one", "2001-03")])
    );
    assert_eq!(
        tv("It was the year two thousand.", &a),
        pairs(&[("the year two thousand", "2000")])
    );
    assert_eq!(
        tv(
            "Prices have doubled since January two thousand twenty-one.",
            &a
        ),
        pairs(&[("January two thousand twenty-one", "2021-01")])
    );
    // "two thousand" after a month is a number of people, not the year 2000.
    assert_eq!(
        tv(
            "In March two thousand protesters marched on the capital.",
            &a
        ),
        pairs(&[("March", "2024-03")])
    );
    assert_eq!(
        tv("Two hundred thousand years ago the valley was ice.", &a),
        pairs(&[("Two hundred thousand years ago", "XXXX")])
    );
    // "two thousand" before a unit is a number of years, not the year 2000.
    assert_eq!(
        tv("The siege ended more than two thousand years of rule.", &a),
        pairs(&[("more than two thousand years", "P2000Y")])
    );
}

#[test]
fn no_false_positives_on_numbers() {
    let a = anchor();
    let negatives = [
        "The company raised 100M in new funding.",
        "The wreck lies at 32° 34'S off the coast.",
        "The home side won 3-1 after extra time.",
        "Call the hotline on 555-2015 or 020 7946 2019.",
        "Case number 2882015 was closed.",
        "Some 1,500 troops crossed the river.",
        "Tickets cost $2,000 each.",
        "He lives at No. 10 with his family.",
        "The airline grounded its 747 fleet.",
        "Turnout reached 1998.5 thousand voters.",
        "The index rose 2.5% to 2019.40 points.",
        "Room 1204 was searched.",
        "He may march to the capital with the others.",
        "A second round of talks is needed.",
        "A quarter of the budget was cut.",
        "Version 2.0.2024 of the software crashed.",
        "Some two thousand people marched to the square.",
    ];
    for s in negatives {
        let ms = tag(s, &a);
        assert!(
            ms.is_empty(),
            "{s:?} -> {:?}",
            ms.iter().map(|m| &m.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn nothing_panics_on_odd_input() {
    let a = anchor();
    let odd = [
        "",
        " ",
        "Feb. 30, 2024",
        "31/02/2023",
        "Q9 2024",
        "99999999999999999999 years ago",
        "the 99th century",
        "ünïcödé 2024—Oct. 5‚ 2023 «Friday»",
        "\u{0}\u{FFFF}May",
        "12:61 GMT",
        "nineteen ninety",
    ];
    for s in odd {
        let _ = tag(s, &a);
        let _ = tag(s, &Anchor::unknown());
        let _ = tag(s, &Anchor::window(d(2024, 1, 1), d(2024, 12, 31)));
    }
    // Every byte boundary of a mixed text.
    let text = "On Friday, Oct. 27, 2023 at 4 p.m. ET — two weeks ago — 1,500 troops";
    for i in 0..=text.len() {
        if let Some(t) = text.get(i..) {
            let _ = tag(t, &a);
        }
    }
}

#[test]
fn output_is_deterministic_ordered_and_non_overlapping() {
    let a = anchor();
    let text = "Last year, on Friday, Oct. 27, 2023, the talks began; two weeks ago they \
                stalled, and since then envoys have met every week, most recently Sunday night.";
    let first = tag(text, &a);
    for _ in 0..3 {
        assert_eq!(tag(text, &a), first);
    }
    for w in first.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for m in &first {
        assert_eq!(&text[m.start..m.end], m.text);
    }
}

/// The publication window inferred for an undated text, when there is one.
fn window(text: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    tag_undated("d1", text)
        .0
        .map(|p| (p.value.earliest, p.value.latest))
}

fn window_of(text: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    window(text).expect("a date is inferred")
}

fn earliest_of(text: &str) -> Option<NaiveDate> {
    window(text).and_then(|w| w.0)
}

#[test]
fn inferred_window_stays_open_without_evidence_of_an_upper_bound() {
    let text = "The ceasefire that began on March 3, 2024 still holds, officials said.";
    let p = tag_undated("d9", text).0.expect("a date is inferred");
    assert_eq!(p.value.earliest, Some(d(2024, 3, 3)));
    assert_eq!(p.value.latest, None);
    assert_eq!(p.value.modifier, Some(storyline_model::TimeMod::After));
    assert_eq!(p.value.value, "2024-03-03");
}

#[test]
fn infer_published_from_content() {
    let text = "Rescue teams worked through the night after the dam failed on November 16, 2024. \
                On Sunday, officials said 40 people were missing. Earlier this month the \
                regional government had warned of heavy rain. The authority will publish a \
                report on Dec. 20, 2024.";
    let (p, _) = tag_undated("d7", text);
    let p = p.expect("a date is inferred");
    assert_eq!(p.basis, DateBasis::Content);
    // On or after the dated event, before the report it announces; "on Sunday" and
    // "earlier this month" are tied to no date, so they do not narrow the window.
    assert_eq!(p.value.earliest, Some(d(2024, 11, 16)));
    assert_eq!(p.value.latest, Some(d(2024, 12, 20)));
    assert_eq!(p.value.modifier, None);
    let ev = p.evidence.expect("evidence");
    assert_eq!(ev.doc, "d7");
    assert_eq!(ev.text, "November 16, 2024");
    assert!(infer_published(
        "d8",
        "Nothing dated here, only yesterday.",
        &tag("Nothing dated here, only yesterday.", &Anchor::unknown())
    )
    .is_none());
}

#[test]
fn a_relative_expression_next_to_a_date_ties_the_article_to_it() {
    // "yesterday, March 3": published on March 4
    assert_eq!(
        window_of("The bridge closed yesterday, March 3, 2027, after the storm."),
        (Some(d(2027, 3, 4)), Some(d(2027, 3, 4)))
    );
    // "earlier this month, on March 3": in March, on or after the 3rd
    assert_eq!(
        window_of("Earlier this month, on March 3, 2027, the council voted to close it."),
        (Some(d(2027, 3, 3)), Some(d(2027, 3, 31)))
    );
    // "last year, in May 2026": published in 2027
    assert_eq!(
        window_of("The ferry sank last year, in May 2026, off the cape."),
        (Some(d(2027, 1, 1)), Some(d(2027, 12, 31)))
    );
    // not next to each other: no tie, an open window
    assert_eq!(
        window_of("The council voted on March 3, 2027. Repairs began earlier this month."),
        (Some(d(2027, 3, 3)), None)
    );
}

#[test]
fn page_stamps_are_not_reported_events() {
    // a reader's comment comes after the article: its day bounds it from above
    let t = "The port reopened on May 2, 2027, officials said.\n\
             May 9, 2027 at 8:03 am | Report abuse | Glad it reopened.\n\
             May 7, 2027 at 6:10 pm | Reply | Finally.";
    assert_eq!(window(t), Some((Some(d(2027, 5, 2)), Some(d(2027, 5, 7)))));
    // the article's own stamp on its first line is its day
    let t = "May 4, 2027 | By Ana Ruiz, staff writer The port reopened on May 2, 2027.";
    assert_eq!(window(t), Some((Some(d(2027, 5, 4)), Some(d(2027, 5, 4)))));
    // a feed widget's stamps, and updates, say nothing about the article
    let t = "The port reopened on May 2, 2027, officials said.\n\
             @harbourdesk 7:01 pm ET June 11, 2029 RETWEET Ferries resumed.\n\
             Updated June 12, 2029.";
    assert_eq!(window(t), Some((Some(d(2027, 5, 2)), None)));
}

#[test]
fn plans_deadlines_and_clocks_do_not_bound_from_below() {
    // the past tense of the clause, but a target ahead
    assert_eq!(
        earliest_of("Analysts predicted fuel at $5 a gallon by 2031. The port reopened in 2027."),
        Some(d(2027, 1, 1))
    );
    // a bare year that is not the time of its clause
    assert_eq!(
        earliest_of("The port reopened in 2027. Officials were thinking about 2031 already."),
        Some(d(2027, 1, 1))
    );
    // "ends in 2031" is the future, even in a sentence that "said"
    assert_eq!(
        earliest_of("The port reopened in 2027, and the mayor said her term ends in 2031."),
        Some(d(2027, 1, 1))
    );
    // a 24-hour clock in parentheses is not a year
    assert_eq!(
        earliest_of(
            "Updated 8:47 p.m. (2047 in Lind) Crowds gathered after the port reopened in 2027."
        ),
        Some(d(2027, 1, 1))
    );
    // a date without a tensed verb (a caption, a page's chrome) bounds nothing
    assert_eq!(earliest_of("Harbour photos, June 3, 2029"), None);
}

#[test]
fn anaphoric_expressions_follow_the_reference_time() {
    let a = anchor();
    // The last date mentioned is the reference time for "the following year",
    // "that day", "the next day"; "ago" stays with the article date.
    let got = tv(
        "The plant opened on March 3, 2019. That day was cold. The next day the mayor \
         came. The following year it doubled output. Two years ago it closed.",
        &a,
    );
    assert_eq!(
        got,
        pairs(&[
            ("March 3, 2019", "2019-03-03"),
            ("That day", "2019-03-03"),
            ("The next day", "2019-03-04"),
            ("The following year", "2020"),
            ("Two years ago", "2022"),
        ])
    );
    // With no date mentioned before, the article date is the reference.
    assert_eq!(
        tv("Later that day, the vote was held.", &a),
        pairs(&[("Later that day", "2024-11-19")])
    );
    // "that quarter": the quarter just mentioned.
    assert_eq!(
        tv(
            "Profit rose in the third quarter of 2023. Results for that quarter were good.",
            &a
        ),
        pairs(&[
            ("the third quarter of 2023", "2023-Q3"),
            ("that quarter", "2023-Q3")
        ])
    );
}

#[test]
fn later_stays_outside_and_gives_a_duration() {
    let a = anchor();
    let m = one("Three days later, the ship sank.", &a);
    assert_eq!(
        (m.text.as_str(), m.kind),
        ("Three days", TimexType::Duration)
    );
    assert_eq!(m.value.value, "P3D");
    let m = one("The index fell for five straight months.", &a);
    assert_eq!(
        (m.text.as_str(), m.value.value.as_str()),
        ("five straight months", "P5M")
    );
}

#[test]
fn the_unit_alone_and_the_past_year() {
    let a = anchor();
    assert_eq!(
        tv("Sales for the year rose. In the week, prices fell.", &a),
        pairs(&[("the year", "2024"), ("the week", "2024-W47")])
    );
    let ms = tag("The firm earned $5 million in the year ended June 30.", &a);
    assert_eq!(
        (ms[0].text.as_str(), ms[0].kind),
        ("the year", TimexType::Duration)
    );
    assert_eq!(ms[0].value.value, "P1Y");
    // "the past year" is a period ending now (TimeML DURATION); "last year" a date.
    let m = one("Prices rose 4 percent over the past year.", &a);
    assert_eq!(
        (m.kind, m.value.value.as_str()),
        (TimexType::Duration, "P1Y")
    );
    let m = one("Prices rose 4 percent last year.", &a);
    assert_eq!((m.kind, m.value.value.as_str()), (TimexType::Date, "2023"));
}

#[test]
fn yearless_months_prefer_the_article_year() {
    // Tuesday, 7 November 1989: "March" in a past clause is this March, eight months
    // back, not next March; "January" with no tense is the coming one.
    let a = Anchor::day(d(1989, 11, 7));
    assert_eq!(
        tv("In March, the company received an offer.", &a),
        pairs(&[("March", "1989-03")])
    );
    assert_eq!(
        tv("The notes mature January 15.", &a),
        pairs(&[("January 15", "1990-01-15")])
    );
}

#[test]
fn nearest_weak_cue_beats_a_distant_listed_one() {
    // Wednesday 1 November 1989: "tumbled ... Friday" is last Friday even though a
    // "will" ends the sentence.
    let a = Anchor::day(d(1989, 11, 1));
    assert_eq!(
        tv(
            "The index tumbled on Friday, and traders wonder whether buyers will return.",
            &a
        ),
        pairs(&[("Friday", "1989-10-27")])
    );
}

#[test]
fn fixed_date_holidays() {
    let a = anchor();
    assert_eq!(
        tv(
            "The store will close on Christmas Eve and reopen after New Year's Day.",
            &a
        ),
        pairs(&[
            ("Christmas Eve", "2024-12-24"),
            ("New Year's Day", "2025-01-01")
        ])
    );
    assert_eq!(
        tv("Crowds gathered on the Fourth of July.", &a),
        pairs(&[("the Fourth of July", "2024-07-04")])
    );
}

#[test]
fn or_so_is_inside_the_extent() {
    let a = anchor();
    assert_eq!(
        tv("Rates will stay low for the next two years or so.", &a),
        pairs(&[("the next two years or so", "P2Y")])
    );
    assert_eq!(
        tv("Rates will stay low the next year or so.", &a),
        pairs(&[("the next year or so", "2025")])
    );
}

#[test]
fn movable_holidays() {
    let a = anchor();
    assert_eq!(
        tv("Stores were crowded before Easter.", &a),
        pairs(&[("Easter", "2024-03-31")])
    );
    assert_eq!(
        tv("Families will gather on Thanksgiving.", &a),
        pairs(&[("Thanksgiving", "2024-11-28")])
    );
    assert_eq!(
        tv(
            "The union marched on Labor Day and again on Memorial Day.",
            &a
        ),
        pairs(&[("Labor Day", "2024-09-02"), ("Memorial Day", "2024-05-27")])
    );
    assert_eq!(
        tv("The pact was signed on Good Friday 2025.", &a),
        pairs(&[("Good Friday 2025", "2025-04-18")])
    );
    // Names, not days.
    assert!(tv("The ship sailed on to Easter Island.", &a).is_empty());
    assert!(tv("She lived on Christmas Island for a decade.", &a).len() == 1);
    assert_eq!(
        normalize::easter(2000),
        Some(d(2000, 4, 23)),
        "Gregorian computus"
    );
}

#[test]
fn military_times_with_a_zone() {
    let a = anchor();
    assert_eq!(
        tv("The strike began at 0430 GMT on Monday.", &a),
        pairs(&[("0430 GMT", "2024-11-18T04:30"), ("Monday", "2024-11-18")])
    );
    // A four-digit number alone is not a time.
    assert!(tv("The crew counted 0430 boxes.", &a).is_empty());
}

#[test]
fn parts_of_the_reference_day() {
    let a = anchor();
    assert_eq!(
        tv(
            "The convoy left on Nov. 3. That night the bridge collapsed, and the next morning rescuers arrived.",
            &a
        ),
        pairs(&[
            ("Nov. 3", "2024-11-03"),
            ("That night", "2024-11-03TNI"),
            ("the next morning", "2024-11-04TMO"),
        ])
    );
    let m = one("Late that evening the mayor spoke.", &a);
    assert_eq!(m.kind, TimexType::Time);
    assert_eq!(m.value.value, "2024-11-19TEV");
}

#[test]
fn bare_plural_durations_need_a_durational_context() {
    let a = anchor();
    assert_eq!(
        tv("Crews worked for hours to clear the road.", &a),
        pairs(&[("hours", "PTXH")])
    );
    assert_eq!(
        tv("Days later, the mayor quit.", &a),
        pairs(&[("Days", "PXD")])
    );
    assert_eq!(
        tv("Officials expect a ruling in the coming days.", &a),
        pairs(&[("the coming days", "PXD")])
    );
    assert!(tv("The days of cheap fuel are over.", &a).is_empty());
    assert!(tv("On days when it rains, the ferry stays in port.", &a).is_empty());
}

#[test]
fn quarters_of_a_relative_year_and_the_same_period() {
    let a = anchor();
    assert_eq!(
        tv("Deliveries resume in the second quarter of next year.", &a),
        pairs(&[("the second quarter of next year", "2025-Q2")])
    );
    assert_eq!(
        tv(
            "Sales in the third quarter slipped from the same period last year.",
            &a
        ),
        pairs(&[
            ("the third quarter", "2024-Q3"),
            ("the same period last year", "2023-Q3"),
        ])
    );
    let ms = tag("Profit for the full fiscal year ended Sept. 30 rose.", &a);
    assert_eq!(ms[0].text, "the full fiscal year");
    assert_eq!(ms[0].kind, TimexType::Duration);
    assert_eq!(ms[0].value.value, "P1Y");
}

#[test]
fn weekday_names_inside_proper_names_are_not_times() {
    let a = anchor();
    // A newspaper title is not a day; the council's habit is a SET.
    assert_eq!(
        tv("The Sunday Times said the council meets daily.", &a),
        pairs(&[("daily", "P1D")])
    );
    assert_eq!(
        tv("The Herald reported it on Sunday.", &a),
        pairs(&[("Sunday", "2024-11-17")])
    );
}

#[test]
fn parts_of_day_before_a_deictic_word() {
    let a = anchor();
    let m = one("Shares slid in mid-afternoon yesterday.", &a);
    assert_eq!(m.text, "mid-afternoon yesterday");
    assert_eq!(m.kind, TimexType::Time);
    assert_eq!(m.value.value, "2024-11-18TAF");
    assert_eq!(m.value.modifier, Some(TimeMod::Mid));
    let m = one("The rally ended in late evening.", &a);
    assert_eq!(m.text, "late evening");
    assert_eq!(m.value.value, "2024-11-19TEV");
}

#[test]
fn approximate_dates_keep_their_qualifier() {
    let a = anchor();
    let m = one("The plant should reopen around Dec. 2.", &a);
    assert_eq!(m.text, "around Dec. 2");
    assert_eq!(m.value.value, "2024-12-02");
    assert_eq!(m.value.modifier, Some(TimeMod::Approx));
    let m = one("The dam was finished approximately 1960.", &a);
    assert_eq!(m.text, "approximately 1960");
}

#[test]
fn weekday_with_a_plural_part_of_day_is_a_set() {
    let a = anchor();
    let m = one("The market opens Friday nights only.", &a);
    assert_eq!(m.text, "Friday nights");
    assert_eq!(m.kind, TimexType::Set);
    assert_eq!(m.value.value, "XXXX-WXX-5TNI");
}

#[test]
fn vague_plurals_with_a_determiner_or_a_following_signal() {
    let a = anchor();
    assert_eq!(
        tv("Over the years the harbour silted up.", &a),
        pairs(&[("the years", "PXY")])
    );
    assert_eq!(
        tv("The roof fell in minutes after the quake.", &a),
        pairs(&[("minutes", "PTXM")])
    );
}

#[test]
fn tokenised_text_keeps_its_dates() {
    // Penn-Treebank-tokenised corpora put a space before each comma
    let a = anchor();
    let got = tv("Crowds gathered on January 27 , 2011 , in the square .", &a);
    assert!(
        got.iter()
            .any(|(t, v)| t == "January 27 , 2011" && v == "2011-01-27"),
        "{got:?}"
    );
}

#[test]
fn review_cases_for_publication_windows() {
    // a tie to a day still ahead says nothing of how long before it the text was written
    let w = window(
        "The port reopened on May 2, 2027. The vote will be held this month, on May 28, 2027.",
    );
    assert_eq!(w.map(|x| x.0), Some(Some(d(2027, 5, 2))));
    // "the class of 2031" is no event
    assert_eq!(
        window("Members of the class of 2031 arrived on campus."),
        None
    );
    // an event with its clock time is an event, not a stamp
    assert_eq!(
        window("The attack began on Nov. 26, 2027 at 9:30 p.m. when gunmen landed."),
        Some((Some(d(2027, 11, 26)), None))
    );
    // "published" inside a sentence is an event; at the head of a line, a stamp
    assert_eq!(
        window("The report, published March 3, 2027, found errors."),
        Some((Some(d(2027, 3, 3)), None))
    );
    assert_eq!(
        window("The port reopened on May 2, 2027, officials said.\nUpdated June 12, 2029."),
        Some((Some(d(2027, 5, 2)), None))
    );
    // "they'll" is a future modal
    assert_eq!(
        window("The port reopened on May 2, 2027, and they'll vote on June 3, 2027."),
        Some((Some(d(2027, 5, 2)), Some(d(2027, 6, 3))))
    );
}

#[test]
fn a_clause_joined_after_the_mention_does_not_set_its_tense() {
    let a = anchor(); // Tuesday 2024-11-19
    let s = "The envoys met for six hours on Sunday and will meet again in Cairo.";
    assert_eq!(
        tv(s, &a),
        pairs(&[("six hours", "PT6H"), ("Sunday", "2024-11-17")]),
        "the verb before the weekday governs it"
    );
    // With no verb before the mention, the one after it still counts.
    let s = "On Sunday and Monday, the envoys will meet in Cairo.";
    assert_eq!(
        tv(s, &a),
        pairs(&[("Sunday", "2024-11-24"), ("Monday", "2024-11-25")])
    );
    // A quarter that has not begun is last year's in a past clause.
    let s = "The mill posted a loss in the fourth quarter and expects a profit.";
    let a = Anchor::day(d(2024, 3, 5));
    assert_eq!(tv(s, &a), pairs(&[("the fourth quarter", "2023-Q4")]));
}

#[test]
fn since_points_to_the_latest_past_month() {
    let a = Anchor::day(d(2024, 8, 9));
    let s = "Bread prices have doubled since October, the bakers say.";
    assert_eq!(tv(s, &a), pairs(&[("October", "2023-10")]));
    let s = "The ferry has not run since December 2, the harbour office says.";
    assert_eq!(tv(s, &a), pairs(&[("December 2", "2023-12-02")]));
    // A weekday after "since" is past even when a future clause follows.
    let s = "Rain has fallen since Friday, and more will come.";
    assert_eq!(tv(s, &anchor()), pairs(&[("Friday", "2024-11-15")]));
    // Without "since", a month ahead in a present clause stays this year's.
    let s = "The ferry runs again in October, the harbour office says.";
    assert_eq!(tv(s, &a), pairs(&[("October", "2024-10")]));
}

#[test]
fn expect_marks_the_future() {
    let a = anchor(); // Tuesday
    let s = "Forecasters expect the snow to stop by Thursday.";
    assert_eq!(tv(s, &a), pairs(&[("Thursday", "2024-11-21")]));
}

#[test]
fn this_weekend_each_winter_and_half_years_ago() {
    let a = anchor();
    for (s, want) in [
        (
            "The fair closes this weekend.",
            ("this weekend", "2024-W47-WE"),
        ),
        ("The pass is shut each winter.", ("each winter", "XXXX-WI")),
        (
            "The bridge opened a year and a half ago.",
            ("a year and a half ago", "2023-05"),
        ),
    ] {
        assert_eq!(tv(s, &a), pairs(&[want]), "{s}");
    }
}

#[test]
fn a_clock_time_takes_the_day_named_in_its_sentence() {
    let a = Anchor::day(d(2024, 11, 16)); // a Saturday
    for (s, want) in [
        (
            "The dam gave way at 9:20 a.m. (0620 GMT) Friday, officials said.",
            &[
                ("9:20 a.m.", "2024-11-15T09:20"),
                ("0620 GMT", "2024-11-15T06:20"),
                ("Friday", "2024-11-15"),
            ][..],
        ),
        // Two different days in the sentence: no guess, the article's day.
        (
            "The rally ran from Thursday to Friday and the stage closed at 11 p.m.",
            &[
                ("Thursday", "2024-11-14"),
                ("Friday", "2024-11-15"),
                ("11 p.m.", "2024-11-16T23:00"),
            ],
        ),
        // "last Friday" is left to its own rule.
        (
            "The gates shut at 6 p.m. last Friday and open at 8 a.m.",
            &[
                ("6 p.m. last Friday", "2024-11-15T18:00"),
                ("8 a.m.", "2024-11-16T08:00"),
            ],
        ),
    ] {
        assert_eq!(tv(s, &a), pairs(want), "{s}");
    }
}
