//! Charts for the node's web pages, drawn on the server as inline SVG.
//!
//! Why on the server: a field office may have a slow, metered link and an old browser, and
//! the pages are served under a strict Content-Security-Policy (`script-src` and `style-src`
//! limited to `'self'`, no `'unsafe-inline'`). An SVG written into the HTML needs no
//! JavaScript, no chart library download and no inline style, prints well, and is read by
//! screen readers from its `<title>` and `<desc>`.
//!
//! Three charts, each a pure function of its data (same input, same bytes out):
//! [`bar_chart`] (counts by category, horizontal bars), [`trend_chart`] (counts over time,
//! columns with round y ticks) and [`flow_diagram`] (routes as a two-column Sankey diagram).
//! Each returns an `<svg class="chart chart-KIND">` element that has a `viewBox` and no
//! width, so it scales with its container; it is laid out for a 360 px-wide phone screen.
//! Empty input gives a small chart holding the `no_data` text the caller passes (already
//! translated).
//!
//! Accessibility: the root has `role="img"` and `aria-labelledby` naming its `<title>` (the
//! chart title) and its `<desc>` (every label with its count, e.g. "Forced labour 120,
//! Sexual exploitation 80"). The ids come from a hash of the chart's kind, title and data:
//! two charts on one page get different ids unless they are the same chart. Colour never
//! carries meaning alone: every bar, column, node and flow has a text label or a tooltip
//! (`<title>` child) with its count.
//!
//! Text: labels longer than 28 columns (20 in the flow diagram) are cut with an ellipsis,
//! the full label staying in the tooltip; a CJK or Hangul character counts as two columns.
//! Control characters become spaces. Counts are shown with their digits grouped by threes
//! with a narrow no-break space U+202F ("1 234 567", [`group_digits`]), which reads the
//! same in every language, unlike a comma or a point; the `<desc>` keeps plain digits
//! ("1234567") so that screen readers read one number.
//!
//! Right-to-left pages: the SVG root carries `direction="ltr"`, so that its coordinates
//! and `text-anchor` mean the same on a `dir="rtl"` page as on any other (an inherited
//! `direction: rtl` would turn `text-anchor="start"` into "extend to the left" and push
//! labels over the bars). Bars therefore grow from the left in every language. Each label
//! is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), so its
//! own base direction comes from its first strong letter: an Arabic label such as
//! "مدينة (2)" shows as it would in Arabic text, and its neutrals cannot reorder the
//! numbers beside it. Counts are separate `<text>` elements of digits only.
//!
//! No `style` attribute and no `<style>` element anywhere: the look comes from CSS classes
//! that the page's stylesheet defines (`crates/concord-server/assets/charts.css` holds a
//! ready snippet, colour-blind safe Okabe–Ito colours). Presentation attributes are used
//! only for what the layout depends on (`font-size`, `text-anchor`, `direction`) and for
//! the flow bands (`fill="none"` and a faint `currentColor` stroke, so they stay visible if
//! the stylesheet does not load). Do not set `font-size` in CSS: the layout reserves room
//! for text from these sizes. The classes:
//!
//! | class | on | what |
//! |---|---|---|
//! | `chart`, `chart-bar-chart`, `chart-trend`, `chart-flow-diagram` | `<svg>` | the chart, by kind |
//! | `chart-title` | `<text>` | the visible title |
//! | `chart-label` | `<text>` | a bar's or column's label |
//! | `chart-value` | `<text>` | a count |
//! | `chart-row` | `<g>` | one bar with its label and count |
//! | `chart-bar` | `<rect>` | a bar of the bar chart |
//! | `chart-column` | `<rect>` | a column of the trend chart |
//! | `chart-axis` | `<line>` | the bar chart's left edge, the trend chart's baseline |
//! | `chart-grid` | `<line>` | a y gridline of the trend chart |
//! | `chart-tick` | `<text>` | a y tick value |
//! | `chart-node` | `<rect>` | an origin or destination box |
//! | `chart-node-label` | `<text>` | its name |
//! | `chart-flow` | `<path>` | a flow band (drawn with its stroke) |
//! | `chart-series-0` … `chart-series-7` | flows and origin boxes | the origin's colour, cycling |
//! | `chart-empty` | `<text>` | the "no data" text |

use maud::{html, Markup};

/// The viewBox width: a phone screen's width, so text is drawn at about its nominal size there.
const WIDTH: f64 = 360.0;
const PAD: f64 = 8.0;
const TITLE_Y: f64 = 20.0;
/// Where the plot starts, below the title.
const TOP: f64 = 36.0;
const TITLE_FONT: f64 = 15.0;
const FONT: f64 = 13.0;
const SMALL_FONT: f64 = 11.0;
/// Gap between a bar's end and its count, or a tick value and the plot.
const GAP: f64 = 6.0;
const TITLE_COLUMNS: usize = 36;
const LABEL_COLUMNS: usize = 28;
const NODE_LABEL_COLUMNS: usize = 20;

/// Counts in categories as horizontal bars, in the order given: each bar's label above it
/// and its count after its end. The largest count spans the plot's full width.
pub fn bar_chart(title: &str, bars: &[(String, u64)], no_data: &str) -> Markup {
    const KIND: &str = "bar-chart";
    if bars.is_empty() {
        return no_data_chart(KIND, title, no_data);
    }
    const ROW: f64 = 44.0;
    const BAR: f64 = 16.0;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0);
    // The widest count is the largest one's: leave room for it after the longest bar.
    let plot = WIDTH - 2.0 * PAD - GAP - text_width(&group_digits(max), FONT);
    let height = TOP + ROW * bars.len() as f64;
    let desc = describe(bars.iter().map(|(label, count)| (label.as_str(), *count)));
    let body = html! {
        line class="chart-axis" x1=(num(PAD)) y1=(num(TOP)) x2=(num(PAD)) y2=(num(height - 8.0))
            stroke="currentColor" {}
        @for (i, (label, count)) in bars.iter().enumerate() {
            @let y = TOP + ROW * i as f64;
            @let w = share(*count as f64, max as f64, plot);
            g class="chart-row" {
                title { (isolate(&clean(label))) ": " (group_digits(*count)) }
                text class="chart-label" x=(num(PAD)) y=(num(y + FONT)) { (isolate(&fit(label, LABEL_COLUMNS))) }
                rect class="chart-bar" x=(num(PAD)) y=(num(y + 18.0)) width=(num(w)) height=(num(BAR)) {}
                text class="chart-value" x=(num(PAD + w + GAP)) y=(num(y + 18.0 + BAR / 2.0 + FONT * 0.35)) {
                    (group_digits(*count))
                }
            }
        }
    };
    frame(KIND, title, &desc, height, body)
}

/// Counts over time as columns on a baseline, in the order given (e.g. "2019" … "2024" or
/// "2024-01" … "2024-12"), with a few gridlines at round values (1, 2 or 5 × 10^k apart).
/// Labels are thinned out when they would not fit under every column; counts are printed
/// above the columns when the largest fits in a column's width, and are always in the tooltips.
pub fn trend_chart(title: &str, points: &[(String, u64)], no_data: &str) -> Markup {
    const KIND: &str = "trend";
    if points.is_empty() {
        return no_data_chart(KIND, title, no_data);
    }
    const PLOT_TOP: f64 = TOP + 14.0; // room for the count above a full-height column
    const PLOT_BOTTOM: f64 = PLOT_TOP + 150.0;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0);
    let (step, top) = round_scale(max);
    let left = PAD + text_width(&group(top), SMALL_FONT) + GAP;
    let slot = (WIDTH - PAD - left) / points.len() as f64;
    let column = (slot * 0.7).min(48.0);
    let widest = points
        .iter()
        .map(|p| text_width(&fit(&p.0, LABEL_COLUMNS), SMALL_FONT))
        .fold(0.0, f64::max);
    // Counts go above all columns or none: a few scattered numbers would read as highlights.
    let show_counts = text_width(&group_digits(max), SMALL_FONT) <= slot;
    // Show every k-th label, k the smallest that keeps neighbours from overlapping.
    let every = ((widest + 4.0) / slot).ceil().max(1.0) as usize;
    let y_of = |v: u128| PLOT_BOTTOM - share(v as f64, top as f64, PLOT_BOTTOM - PLOT_TOP);
    let desc = describe(points.iter().map(|(label, count)| (label.as_str(), *count)));
    let body = html! {
        @for tick in (0..=top).step_by(step as usize) {
            line class="chart-grid" x1=(num(left)) y1=(num(y_of(tick))) x2=(num(WIDTH - PAD)) y2=(num(y_of(tick))) {}
            text class="chart-tick" x=(num(left - GAP)) y=(num(y_of(tick) + 4.0)) text-anchor="end"
                font-size=(num(SMALL_FONT)) {
                (group(tick))
            }
        }
        @for (i, (label, count)) in points.iter().enumerate() {
            @let centre = left + slot * (i as f64 + 0.5);
            @let y = y_of(*count as u128);
            @let value = group_digits(*count);
            g class="chart-row" {
                title { (isolate(&clean(label))) ": " (value) }
                rect class="chart-column" x=(num(centre - column / 2.0)) y=(num(y)) width=(num(column))
                    height=(num(PLOT_BOTTOM - y)) {}
                @if show_counts {
                    text class="chart-value" x=(num(centre)) y=(num(y - 4.0)) text-anchor="middle"
                        font-size=(num(SMALL_FONT)) { (value) }
                }
                @if i.is_multiple_of(every) {
                    text class="chart-label" x=(num(centre)) y=(num(PLOT_BOTTOM + 16.0)) text-anchor="middle"
                        font-size=(num(SMALL_FONT)) {
                        (isolate(&fit(label, LABEL_COLUMNS)))
                    }
                }
            }
        }
        line class="chart-axis" x1=(num(left)) y1=(num(PLOT_BOTTOM)) x2=(num(WIDTH - PAD)) y2=(num(PLOT_BOTTOM))
            stroke="currentColor" {}
    };
    frame(KIND, title, &desc, PLOT_BOTTOM + 24.0, body)
}

/// Routes as a two-column Sankey diagram: origins on the left, destinations on the right
/// (a country that is both appears in both columns), each a box whose height is the sum
/// of its flows' widths, and each flow a band whose width is proportional to its count.
/// Boxes are ordered by total, largest first; flows of one box by the position of their
/// other end, which keeps crossings few. The same (origin, destination) given twice is
/// drawn as one flow with the two counts added.
pub fn flow_diagram(title: &str, flows: &[(String, String, u64)], no_data: &str) -> Markup {
    const KIND: &str = "flow-diagram";
    if flows.is_empty() {
        return no_data_chart(KIND, title, no_data);
    }
    let layout = FlowLayout::new(flows);
    let desc = describe(layout.flows.iter().map(|f| (f.route.as_str(), f.count)));
    let body = html! {
        @for flow in &layout.flows { (layout.band(flow)) }
        @for (i, node) in layout.origins.iter().enumerate() { (node_box(node, Side::Origin, Some(i))) }
        @for node in &layout.destinations { (node_box(node, Side::Destination, None)) }
    };
    frame(KIND, title, &desc, layout.height, body)
}

/// Groups the digits of `n` by threes with a narrow no-break space (U+202F): "1 234 567".
pub fn group_digits(n: u64) -> String {
    group(n as u128)
}

fn group(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(d);
    }
    out
}

/// The root `<svg>` with its accessible name and description, and the visible title.
fn frame(kind: &str, title: &str, desc: &str, height: f64, body: Markup) -> Markup {
    let id = chart_id(kind, title, desc);
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class={ "chart chart-" (kind) }
            viewBox={ "0 0 " (num(WIDTH)) " " (num(height)) } role="img" aria-labelledby={ (title_id) " " (desc_id) }
            direction="ltr" font-size=(num(FONT)) {
            title id=(title_id) { (clean(title)) }
            desc id=(desc_id) { (desc) }
            text class="chart-title" x=(num(PAD)) y=(num(TITLE_Y)) font-size=(num(TITLE_FONT)) {
                (fit(title, TITLE_COLUMNS))
            }
            (body)
        }
    }
}

/// A small chart holding only its title and the `no_data` text.
fn no_data_chart(kind: &str, title: &str, no_data: &str) -> Markup {
    let body = html! {
        text class="chart-empty" x=(num(PAD)) y=(num(TOP + 8.0)) { (clean(no_data)) }
    };
    frame(kind, title, &clean(no_data), TOP + 20.0, body)
}

/// "label 120, label 80": the data in words for `<desc>`, with plain digits for screen readers.
fn describe<'a>(items: impl Iterator<Item = (&'a str, u64)>) -> String {
    items
        .map(|(label, count)| format!("{} {count}", isolate(&clean(label))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stable id for one chart: FNV-1a of its kind, title and description (which holds the data).
fn chart_id(kind: &str, title: &str, desc: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in [kind, "\0", title, "\0", desc].iter().flat_map(|s| s.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("chart-{hash:016x}")
}

/// `part` of `whole` as a length out of `full`; zero when everything is zero.
fn share(part: f64, whole: f64, full: f64) -> f64 {
    if whole > 0.0 {
        part / whole * full
    } else {
        0.0
    }
}

/// A coordinate rounded to one decimal, without a trailing ".0", so output is stable and short.
fn num(v: f64) -> String {
    tenths((v * 10.0).round() as i64)
}

/// A length given in tenths: 125 → "12.5", 120 → "12".
fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let (whole, frac) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// The y axis: a round step (1, 2 or 5 × 10^k) giving at most four intervals above zero,
/// and the first multiple of it at or above `max`. At least one interval, even for all zeros.
fn round_scale(max: u64) -> (u128, u128) {
    let max = u128::from(max).max(1);
    let mut magnitude: u128 = 1;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if step * 4 >= max {
                return (step, max.div_ceil(step) * step);
            }
        }
        magnitude *= 10;
    }
}

/// Text made safe to lay out: control characters (newlines, tabs, C1 codes, which XML 1.0
/// also forbids) become spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Wraps a label so that its own first strong letter sets its direction (see the module docs).
fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// `s` cleaned and cut to at most `limit` columns, ending in "…" when cut.
fn fit(s: &str, limit: usize) -> String {
    let s = clean(s);
    if s.chars().map(columns).sum::<usize>() <= limit {
        return s;
    }
    let mut used = 0;
    let mut out: String = s
        .chars()
        .take_while(|&c| {
            used += columns(c);
            used < limit // keep one column for the ellipsis
        })
        .collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// An estimate of drawn width: 0.6 em a column is a little wider than most sans-serif
/// letters and digits, so text rarely overflows the room reserved for it.
fn text_width(s: &str, font: f64) -> f64 {
    s.chars().map(columns).sum::<usize>() as f64 * 0.6 * font
}

/// Two columns for East Asian wide characters (CJK, Hangul, kana, full-width forms, emoji).
fn columns(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// The flow diagram's geometry. Lengths are kept in tenths of a unit as integers, so that a
/// box's height is exactly the sum of its (rounded) band widths.
struct FlowLayout {
    origins: Vec<Node>,
    destinations: Vec<Node>,
    flows: Vec<Flow>,
    height: f64,
}

struct Node {
    name: String,
    total: u64,
    /// Top of the box and its height, in tenths.
    y: i64,
    h: i64,
}

struct Flow {
    from: usize,
    to: usize,
    count: u64,
    route: String,
    /// Band width, and the band's top at each end, in tenths.
    width: i64,
    y_from: i64,
    y_to: i64,
}

#[derive(Clone, Copy)]
enum Side {
    Origin,
    Destination,
}

const NODE_WIDTH: f64 = 10.0;
/// The height all bands together take in each column.
const BAND_SPACE: u128 = 2200; // tenths
/// A box's slot is at least this tall so its two lines of label fit.
const MIN_SLOT: i64 = 300; // tenths
const NODE_GAP: i64 = 80; // tenths

impl FlowLayout {
    fn new(input: &[(String, String, u64)]) -> Self {
        let merged = merge(input);
        let origins = nodes(merged.iter().map(|(o, _, c)| (o.as_str(), *c)));
        let destinations = nodes(merged.iter().map(|(_, d, c)| (d.as_str(), *c)));
        let total: u128 = merged.iter().map(|f| u128::from(f.2)).sum();
        let mut flows: Vec<Flow> = merged
            .iter()
            .map(|(o, d, count)| Flow {
                from: origins.iter().position(|n| &n.name == o).unwrap_or(0),
                to: destinations.iter().position(|n| &n.name == d).unwrap_or(0),
                count: *count,
                route: format!("{} → {}", isolate(&clean(o)), isolate(&clean(d))),
                width: scaled(*count, total),
                y_from: 0,
                y_to: 0,
            })
            .collect();
        let mut layout = FlowLayout {
            origins,
            destinations,
            flows: Vec::new(),
            height: 0.0,
        };
        let bottom =
            place(&mut layout.origins, &flows, |f| f.from).max(place(&mut layout.destinations, &flows, |f| f.to));
        stack(&layout.origins, &mut flows, |f| (f.from, f.to), |f| &mut f.y_from);
        stack(&layout.destinations, &mut flows, |f| (f.to, f.from), |f| &mut f.y_to);
        layout.flows = flows;
        layout.height = (bottom - NODE_GAP) as f64 / 10.0 + PAD;
        layout
    }

    /// One flow: a cubic Bézier along the band's middle, stroked as wide as the band, with
    /// horizontal tangents at both ends so the band meets each box squarely.
    fn band(&self, flow: &Flow) -> Markup {
        let x0 = PAD + NODE_WIDTH;
        let x1 = WIDTH - PAD - NODE_WIDTH;
        let xm = (x0 + x1) / 2.0;
        let half = flow.width as f64 / 20.0;
        let (ya, yb) = (flow.y_from as f64 / 10.0 + half, flow.y_to as f64 / 10.0 + half);
        let d = format!(
            "M{} {}C{} {} {} {} {} {}",
            num(x0),
            num(ya),
            num(xm),
            num(ya),
            num(xm),
            num(yb),
            num(x1),
            num(yb)
        );
        html! {
            path class={ "chart-flow chart-series-" (flow.from % 8) } d=(d) stroke-width=(tenths(flow.width))
                fill="none" stroke="currentColor" stroke-opacity="0.3" {
                title { (flow.route) ": " (group_digits(flow.count)) }
            }
        }
    }
}

/// Input flows with repeated (origin, destination) pairs added up, in first-seen order.
fn merge(input: &[(String, String, u64)]) -> Vec<(String, String, u64)> {
    let mut merged: Vec<(String, String, u64)> = Vec::new();
    for (o, d, c) in input {
        match merged.iter_mut().find(|m| &m.0 == o && &m.1 == d) {
            Some(m) => m.2 = m.2.saturating_add(*c),
            None => merged.push((o.clone(), d.clone(), *c)),
        }
    }
    merged
}

/// One column's boxes with their totals, largest first (ties in first-seen order).
fn nodes<'a>(ends: impl Iterator<Item = (&'a str, u64)>) -> Vec<Node> {
    let mut nodes: Vec<Node> = Vec::new();
    for (name, count) in ends {
        match nodes.iter_mut().find(|n| n.name == name) {
            Some(n) => n.total = n.total.saturating_add(count),
            None => nodes.push(Node {
                name: name.to_string(),
                total: count,
                y: 0,
                h: 0,
            }),
        }
    }
    nodes.sort_by_key(|n| std::cmp::Reverse(n.total));
    nodes
}

/// `count`'s band width in tenths: its share of the column height, rounded half up.
fn scaled(count: u64, total: u128) -> i64 {
    if total == 0 {
        return 0;
    }
    ((u128::from(count) * BAND_SPACE * 2 + total) / (2 * total)) as i64
}

/// Sizes and stacks one column's boxes, each centred in a slot tall enough for its label;
/// returns the bottom of the column (tenths).
fn place(nodes: &mut [Node], flows: &[Flow], end: impl Fn(&Flow) -> usize) -> i64 {
    let mut y = (TOP * 10.0) as i64;
    for (i, node) in nodes.iter_mut().enumerate() {
        node.h = flows.iter().filter(|f| end(f) == i).map(|f| f.width).sum();
        let slot = node.h.max(MIN_SLOT);
        node.y = y + (slot - node.h) / 2;
        y += slot + NODE_GAP;
    }
    y
}

/// Sets where each band meets the boxes of one column: within a box, bands follow the order
/// of their other ends.
fn stack(
    nodes: &[Node],
    flows: &mut [Flow],
    ends: impl Fn(&Flow) -> (usize, usize),
    at: impl Fn(&mut Flow) -> &mut i64,
) {
    let mut order: Vec<usize> = (0..flows.len()).collect();
    order.sort_by_key(|&i| ends(&flows[i]));
    let mut offsets = vec![0; nodes.len()];
    for i in order {
        let node = ends(&flows[i]).0;
        *at(&mut flows[i]) = nodes[node].y + offsets[node];
        offsets[node] += flows[i].width;
    }
}

/// A box with its name and total beside it, on the side facing the other column.
fn node_box(node: &Node, side: Side, series: Option<usize>) -> Markup {
    let (x, label_x, anchor) = match side {
        Side::Origin => (PAD, PAD + NODE_WIDTH + 4.0, "start"),
        Side::Destination => (WIDTH - PAD - NODE_WIDTH, WIDTH - PAD - NODE_WIDTH - 4.0, "end"),
    };
    let class = match series {
        Some(i) => format!("chart-node chart-series-{}", i % 8),
        None => "chart-node".to_string(),
    };
    let middle = (node.y as f64 + node.h as f64 / 2.0) / 10.0;
    let total = group_digits(node.total);
    html! {
        g class="chart-row" {
            title { (isolate(&clean(&node.name))) ": " (total) }
            rect class=(class) x=(num(x)) y=(tenths(node.y)) width=(num(NODE_WIDTH)) height=(tenths(node.h)) {}
            text class="chart-node-label" x=(num(label_x)) y=(num(middle - 2.0)) text-anchor=(anchor) font-size="12" {
                (isolate(&fit(&node.name, NODE_LABEL_COLUMNS)))
            }
            text class="chart-value" x=(num(label_x)) y=(num(middle + 11.0)) text-anchor=(anchor)
                font-size=(num(SMALL_FONT)) {
                (total)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_scale_steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(round_scale(0), (1, 1));
        assert_eq!(round_scale(1), (1, 1));
        assert_eq!(round_scale(3), (1, 3));
        assert_eq!(round_scale(7), (2, 8));
        assert_eq!(round_scale(10), (5, 10));
        assert_eq!(round_scale(101), (50, 150));
        assert_eq!(round_scale(1_234_567), (500_000, 1_500_000));
        let (step, top) = round_scale(u64::MAX);
        assert!(top >= u128::from(u64::MAX) && top / step <= 4);
    }

    #[test]
    fn digits_are_grouped_by_threes() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1\u{202F}000");
        assert_eq!(group_digits(1_234_567), "1\u{202F}234\u{202F}567");
    }

    #[test]
    fn coordinates_have_one_decimal_at_most() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-0.25), "-0.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(tenths(-5), "-0.5");
    }

    #[test]
    fn wide_characters_count_double_when_fitting() {
        let hangul = "가".repeat(20);
        let cut = fit(&hangul, 28);
        assert_eq!(cut.chars().count(), 14, "13 syllables and the ellipsis: {cut}");
        assert_eq!(fit("a\nb\tc", 28), "a b c");
    }
}
