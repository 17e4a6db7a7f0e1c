//! The SVG charts, read back with an XML parser: well-formed, accessible, free of inline
//! style, escaped, and drawn to scale.

use concord_server::charts::{bar_chart, flow_diagram, group_digits, trend_chart};
use maud::Markup;
use roxmltree::{Document, Node};

const NO_DATA: &str = "No data yet";

fn bars(items: &[(&str, u64)]) -> Vec<(String, u64)> {
    items.iter().map(|(l, c)| (l.to_string(), *c)).collect()
}

fn flows(items: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
    items
        .iter()
        .map(|(o, d, c)| (o.to_string(), d.to_string(), *c))
        .collect()
}

fn years(counts: &[u64]) -> Vec<(String, u64)> {
    counts
        .iter()
        .enumerate()
        .map(|(i, c)| ((2019 + i).to_string(), *c))
        .collect()
}

/// One of each chart over awkward data, for the checks every chart must pass.
fn samples() -> Vec<String> {
    let long = "A very long category name that will not fit on a phone";
    let charts: Vec<Markup> = vec![
        bar_chart(
            "Exploitation",
            &bars(&[("Forced labour", 120), ("Sexual exploitation", 80), ("Other", 0)]),
            NO_DATA,
        ),
        bar_chart("One", &bars(&[("Only", 1)]), NO_DATA),
        bar_chart("Zeros", &bars(&[("a", 0), ("b", 0)]), NO_DATA),
        bar_chart(
            "Huge",
            &bars(&[(long, 1_234_567), ("<b>&\"x\"</b>", u64::MAX)]),
            NO_DATA,
        ),
        bar_chart("Empty", &[], NO_DATA),
        trend_chart("Cases per year", &years(&[12, 30, 45, 0, 7, 61]), NO_DATA),
        trend_chart("Zeros", &years(&[0, 0]), NO_DATA),
        trend_chart("Huge", &years(&[u64::MAX, 1]), NO_DATA),
        trend_chart("Months", &months(60), NO_DATA),
        trend_chart("Empty", &[], NO_DATA),
        flow_diagram("Routes", &routes(), NO_DATA),
        flow_diagram("Zero", &flows(&[("UA", "PL", 0)]), NO_DATA),
        flow_diagram(
            "Huge",
            &flows(&[("UA", "PL", u64::MAX), ("UA", "PL", 5), ("MD", "RO", 1)]),
            NO_DATA,
        ),
        flow_diagram("Empty", &[], NO_DATA),
    ];
    charts.into_iter().map(Markup::into_string).collect()
}

fn months(n: usize) -> Vec<(String, u64)> {
    (0..n)
        .map(|i| (format!("{}-{:02}", 2020 + i / 12, i % 12 + 1), (i as u64 * 7) % 23))
        .collect()
}

fn routes() -> Vec<(String, String, u64)> {
    flows(&[
        ("UA", "PL", 120),
        ("UA", "DE", 80),
        ("MD", "PL", 60),
        ("PL", "DE", 40),
        ("UA", "UA", 30),
        ("MD", "RO", 10),
    ])
}

fn has_class(node: &Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

fn with_class<'a, 'i>(doc: &'a Document<'i>, class: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| has_class(n, class)).collect()
}

fn f(node: &Node, attr: &str) -> f64 {
    let value = node.attribute(attr).unwrap_or_else(|| panic!("no {attr} on {node:?}"));
    value
        .parse()
        .unwrap_or_else(|_| panic!("{attr}={value:?} is not a number"))
}

fn text(node: &Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// Text without the bidi isolates the charts wrap labels in, and without digit grouping.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}' | '\u{202F}'))
        .collect()
}

/// The `<title>` child of an element (its tooltip).
fn tooltip(node: &Node) -> String {
    let title = node
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a <title> child");
    plain(&text(&title))
}

#[test]
fn every_chart_is_well_formed_accessible_and_free_of_inline_style() {
    for svg in samples() {
        let doc = Document::parse(&svg).unwrap_or_else(|e| panic!("not well-formed XML ({e}): {svg}"));
        let root = doc.root_element();
        assert!(root.has_tag_name("svg"));
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(has_class(&root, "chart"));
        assert_eq!(root.attribute("direction"), Some("ltr"));
        assert!(root.attribute("viewBox").is_some());
        assert!(root.attribute("width").is_none() && root.attribute("height").is_none());
        let labelled_by: Vec<&str> = root
            .attribute("aria-labelledby")
            .expect("aria-labelledby")
            .split(' ')
            .collect();
        assert_eq!(labelled_by.len(), 2);
        let (title, desc) = (
            root.first_element_child().unwrap(),
            root.children().filter(|n| n.is_element()).nth(1).unwrap(),
        );
        assert!(title.has_tag_name("title") && desc.has_tag_name("desc"), "{svg}");
        assert_eq!(title.attribute("id"), Some(labelled_by[0]));
        assert_eq!(desc.attribute("id"), Some(labelled_by[1]));
        assert!(!text(&title).is_empty() && !text(&desc).is_empty());
        for node in doc.descendants().filter(|n| n.is_element()) {
            assert!(!node.has_tag_name("style") && !node.has_tag_name("script"), "{svg}");
            assert!(node.attribute("style").is_none(), "style attribute in {svg}");
            for a in node
                .attributes()
                .filter(|a| ["x", "y", "width", "height", "x1", "y1", "x2", "y2"].contains(&a.name()))
            {
                let v: f64 = a
                    .value()
                    .parse()
                    .unwrap_or_else(|_| panic!("{}={:?}", a.name(), a.value()));
                assert!(v.is_finite() && v >= 0.0, "{}={}", a.name(), a.value());
                assert!(
                    a.value().split('.').nth(1).is_none_or(|d| d.len() == 1),
                    "{}={}",
                    a.name(),
                    a.value()
                );
            }
        }
    }
}

#[test]
fn the_same_data_gives_the_same_bytes_and_different_charts_different_ids() {
    assert_eq!(samples(), samples());
    let ids: Vec<String> = samples()
        .iter()
        .map(|svg| {
            Document::parse(svg)
                .unwrap()
                .root_element()
                .attribute("aria-labelledby")
                .unwrap()
                .to_string()
        })
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[test]
fn bars_are_proportional_in_the_order_given_and_the_largest_reaches_the_right() {
    let data = bars(&[
        ("Forced labour", 1_234_567),
        ("Sexual exploitation", 617_284),
        ("Begging", 123_457),
        ("None", 0),
    ]);
    let svg = bar_chart("Exploitation", &data, NO_DATA).into_string();
    let doc = Document::parse(&svg).unwrap();
    let rects = with_class(&doc, "chart-bar");
    let widths: Vec<f64> = rects.iter().map(|r| f(r, "width")).collect();
    let full = widths[0];
    for (w, (_, count)) in widths.iter().zip(&data) {
        let expected = full * *count as f64 / 1_234_567.0;
        assert!((w - expected).abs() <= 0.1, "width {w}, expected {expected}");
    }
    assert!(
        rects.iter().all(|r| f(r, "x") == f(&rects[0], "x")),
        "bars share their left edge"
    );
    // The largest bar leaves room only for its count: "1 234 567" at 13 px, 0.6 em a digit.
    let counts = with_class(&doc, "chart-value");
    let right = f(&counts[0], "x") + 9.0 * 0.6 * 13.0;
    let view_width: f64 = doc
        .root_element()
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        right <= view_width && right >= view_width - 12.0,
        "count ends at {right} of {view_width}"
    );
    let labels: Vec<String> = with_class(&doc, "chart-label")
        .iter()
        .map(|n| plain(&text(n)))
        .collect();
    assert_eq!(labels, ["Forced labour", "Sexual exploitation", "Begging", "None"]);
    let values: Vec<String> = counts.iter().map(text).collect();
    assert_eq!(
        values,
        [
            group_digits(1_234_567),
            group_digits(617_284),
            group_digits(123_457),
            "0".to_string()
        ]
    );
    assert_eq!(group_digits(1_234_567), "1\u{202F}234\u{202F}567");
    let desc = plain(&text(
        &doc.root_element().children().find(|n| n.has_tag_name("desc")).unwrap(),
    ));
    assert_eq!(
        desc,
        "Forced labour 1234567, Sexual exploitation 617284, Begging 123457, None 0"
    );
}

#[test]
fn labels_are_escaped_never_markup() {
    let label = "<script>alert(1)</script> & \"quoted\"";
    for svg in [
        bar_chart(label, &bars(&[(label, 3)]), NO_DATA).into_string(),
        trend_chart(label, &bars(&[(label, 3)]), NO_DATA).into_string(),
        flow_diagram(label, &flows(&[(label, label, 3)]), NO_DATA).into_string(),
        bar_chart(label, &[], label).into_string(),
    ] {
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert!(!svg.contains("<script"), "{svg}");
        let doc = Document::parse(&svg).unwrap();
        assert!(doc
            .descendants()
            .filter(|n| n.is_element())
            .all(|n| !n.has_tag_name("script")));
        let title = doc.root_element().first_element_child().unwrap();
        assert_eq!(text(&title), label, "the text reads back unchanged");
    }
}

#[test]
fn long_labels_are_cut_with_an_ellipsis_and_kept_whole_in_the_tooltip() {
    let long = "Exploitation in domestic servitude and forced marriage";
    let svg = bar_chart("Types", &bars(&[(long, 5)]), NO_DATA).into_string();
    let doc = Document::parse(&svg).unwrap();
    let shown = plain(&text(&with_class(&doc, "chart-label")[0]));
    assert_eq!(shown, "Exploitation in domestic se…");
    assert_eq!(shown.chars().count(), 28);
    let row = with_class(&doc, "chart-row")[0];
    assert_eq!(tooltip(&row), format!("{long}: 5"));
}

#[test]
fn labels_are_isolated_so_right_to_left_text_keeps_its_own_direction() {
    let svg = bar_chart("النوع", &bars(&[("مدينة (2)", 4)]), NO_DATA).into_string();
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(text(&with_class(&doc, "chart-label")[0]), "\u{2068}مدينة (2)\u{2069}");
    assert_eq!(
        text(&with_class(&doc, "chart-value")[0]),
        "4",
        "counts stand alone, digits only"
    );
}

/// The y tick values of a trend chart whose largest count is `max`.
fn ticks(max: u64) -> Vec<u128> {
    let svg = trend_chart("Cases", &years(&[max / 3, max, 0]), NO_DATA).into_string();
    let doc = Document::parse(&svg).unwrap();
    with_class(&doc, "chart-tick")
        .iter()
        .map(|n| plain(&text(n)).parse().unwrap())
        .collect()
}

#[test]
fn trend_ticks_are_round_and_cover_the_largest_count() {
    for max in [0, 1, 3, 7, 10, 99, 101, 2024, 1_234_567, u64::MAX] {
        let ticks = ticks(max);
        assert_eq!(ticks[0], 0);
        assert!((2..=5).contains(&ticks.len()), "{max}: {ticks:?}");
        let step = ticks[1];
        assert!(ticks.windows(2).all(|w| w[1] - w[0] == step), "{max}: {ticks:?}");
        let mut mantissa = step;
        while mantissa.is_multiple_of(10) {
            mantissa /= 10;
        }
        assert!([1, 2, 5].contains(&mantissa), "{max}: step {step}");
        assert!(*ticks.last().unwrap() >= u128::from(max), "{max}: {ticks:?}");
        assert!(
            *ticks.last().unwrap() < u128::from(max.max(1)) + step,
            "{max}: {ticks:?}"
        );
    }
}

#[test]
fn trend_columns_stand_on_the_baseline_in_proportion() {
    let counts = [12, 30, 45, 0, 7, 60];
    let svg = trend_chart("Cases per year", &years(&counts), NO_DATA).into_string();
    let doc = Document::parse(&svg).unwrap();
    let baseline = f(&with_class(&doc, "chart-axis")[0], "y1");
    let columns = with_class(&doc, "chart-column");
    assert_eq!(columns.len(), counts.len());
    // Ticks 0, 20, 40, 60: the 60 column is the plot's full height.
    let grid_top = with_class(&doc, "chart-grid")
        .iter()
        .map(|g| f(g, "y1"))
        .fold(f64::MAX, f64::min);
    let full = baseline - grid_top;
    for (column, count) in columns.iter().zip(counts) {
        assert!((f(column, "y") + f(column, "height") - baseline).abs() <= 0.1);
        assert!((f(column, "height") - full * count as f64 / 60.0).abs() <= 0.1);
    }
    let xs: Vec<f64> = columns.iter().map(|c| f(c, "x")).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "in the order given");
    assert_eq!(
        with_class(&doc, "chart-label").len(),
        counts.len(),
        "six years all labelled"
    );
}

#[test]
fn trend_labels_are_thinned_when_there_are_many_points() {
    let svg = trend_chart("Cases per month", &months(60), NO_DATA).into_string();
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(with_class(&doc, "chart-column").len(), 60);
    let labels = with_class(&doc, "chart-label");
    assert!((3..=12).contains(&labels.len()), "{} labels", labels.len());
    assert_eq!(plain(&text(&labels[0])), "2020-01");
    // Labels do not overlap: "2024-03" is 7 characters at 11 px, 0.6 em each.
    let xs: Vec<f64> = labels.iter().map(|l| f(l, "x")).collect();
    assert!(xs.windows(2).all(|w| w[1] - w[0] >= 7.0 * 0.6 * 11.0), "{xs:?}");
    // Every column keeps its count in its tooltip.
    let rows = with_class(&doc, "chart-row");
    assert_eq!(tooltip(&rows[1]), "2020-02: 7");
}

struct Band {
    from: String,
    to: String,
    width: f64,
    y_from: f64,
    y_to: f64,
}

struct NodeBox {
    name: String,
    left: bool,
    y: f64,
    h: f64,
}

fn flow_parts(svg: &str) -> (Vec<Band>, Vec<NodeBox>) {
    let doc = Document::parse(svg).unwrap();
    let bands = with_class(&doc, "chart-flow")
        .iter()
        .map(|p| {
            let (route, _) = tooltip(p)
                .rsplit_once(": ")
                .map(|(r, c)| (r.to_string(), c.to_string()))
                .unwrap();
            let (from, to) = route.split_once(" → ").unwrap();
            let numbers: Vec<f64> = p
                .attribute("d")
                .unwrap()
                .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            assert_eq!(numbers.len(), 8, "M x y C x y x y x y");
            Band {
                from: from.into(),
                to: to.into(),
                width: f(p, "stroke-width"),
                y_from: numbers[1],
                y_to: numbers[7],
            }
        })
        .collect();
    let boxes = with_class(&doc, "chart-node")
        .iter()
        .map(|r| {
            let (name, _) = tooltip(&r.parent().unwrap())
                .rsplit_once(": ")
                .map(|(n, c)| (n.to_string(), c.to_string()))
                .unwrap();
            NodeBox {
                name,
                left: f(r, "x") < 180.0,
                y: f(r, "y"),
                h: f(r, "height"),
            }
        })
        .collect();
    (bands, boxes)
}

#[test]
fn flow_bands_are_proportional_and_fill_their_boxes_exactly() {
    let data = routes();
    let (bands, boxes) = flow_parts(&flow_diagram("Top routes", &data, NO_DATA).into_string());
    assert_eq!(bands.len(), data.len());
    let total_width: f64 = bands.iter().map(|b| b.width).sum();
    let per_case = total_width / data.iter().map(|d| d.2 as f64).sum::<f64>();
    for (o, d, count) in &data {
        let band = bands.iter().find(|b| &b.from == o && &b.to == d).unwrap();
        assert!(
            (band.width - per_case * *count as f64).abs() <= 0.1,
            "{o} → {d}: {}",
            band.width
        );
    }
    // UA and PL are both origins and destinations: each column keeps its own box.
    let left: Vec<&str> = boxes.iter().filter(|b| b.left).map(|b| b.name.as_str()).collect();
    let right: Vec<&str> = boxes.iter().filter(|b| !b.left).map(|b| b.name.as_str()).collect();
    assert_eq!(left, ["UA", "MD", "PL"], "largest total first");
    assert_eq!(right, ["PL", "DE", "UA", "RO"]);
    for node in &boxes {
        let mut ends: Vec<(f64, f64)> = bands
            .iter()
            .filter(|b| {
                if node.left {
                    b.from == node.name
                } else {
                    b.to == node.name
                }
            })
            .map(|b| (if node.left { b.y_from } else { b.y_to } - b.width / 2.0, b.width))
            .collect();
        let sum: f64 = ends.iter().map(|e| e.1).sum();
        assert!(
            (sum - node.h).abs() < 1e-6,
            "{}: height {} but bands {sum}",
            node.name,
            node.h
        );
        // The bands are stacked edge to edge from the top of the box to its bottom.
        ends.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut y = node.y;
        for (top, width) in ends {
            assert!((top - y).abs() <= 0.06, "{}: band at {top}, expected {y}", node.name);
            y += width;
        }
        assert!((y - (node.y + node.h)).abs() <= 0.06);
    }
}

#[test]
fn repeated_routes_are_added_up_and_labelled_with_totals() {
    let svg = flow_diagram(
        "Routes",
        &flows(&[("UA", "PL", 5), ("UA", "PL", 7), ("MD", "PL", 3)]),
        NO_DATA,
    )
    .into_string();
    let (bands, boxes) = flow_parts(&svg);
    assert_eq!(bands.len(), 2);
    let doc = Document::parse(&svg).unwrap();
    let values: Vec<String> = with_class(&doc, "chart-value").iter().map(text).collect();
    assert_eq!(values, ["12", "3", "15"], "UA and MD on the left, PL on the right");
    assert_eq!(boxes.len(), 3);
}

#[test]
fn empty_input_says_so() {
    for svg in [
        bar_chart("Exploitation", &[], NO_DATA),
        trend_chart("Cases per year", &[], NO_DATA),
        flow_diagram("Top routes", &[], NO_DATA),
    ] {
        let svg = svg.into_string();
        let doc = Document::parse(&svg).unwrap();
        let empty = with_class(&doc, "chart-empty");
        assert_eq!(empty.len(), 1);
        assert_eq!(text(&empty[0]), NO_DATA);
        assert!(with_class(&doc, "chart-bar").is_empty() && with_class(&doc, "chart-flow").is_empty());
        let desc = doc.root_element().children().find(|n| n.has_tag_name("desc")).unwrap();
        assert_eq!(text(&desc), NO_DATA);
    }
}
