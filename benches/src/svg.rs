//! The chart (`results/chart.svg`), drawn by hand: for each program, one horizontal bar per
//! engine showing its time relative to a reference engine (QuickJS when present) on a log
//! scale. Bars start at the reference line (1×): bars to the left are faster than the
//! reference, bars to the right slower.

use crate::model::Results;
use std::fmt::Write as _;

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Title line.
    pub title: String,
    /// The reference engine's display name (the 1× line).
    pub reference: String,
    /// Group labels (programs, then "geomean").
    pub groups: Vec<String>,
    /// One series per engine: its name and, per group, the ratio (None: no valid value).
    pub series: Vec<(String, Vec<Option<f64>>)>,
}

const PALETTE: &[&str] = &["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

/// Builds the chart data from results: ratios against QuickJS when it ran, else against the
/// baseline engine. The reference engine itself gets no bars.
pub fn chart_from(results: &Results) -> Chart {
    let reference = results.engine_index("qjs").unwrap_or(results.baseline);
    let mut groups: Vec<String> = results.rows.iter().map(|r| r.program.clone()).collect();
    groups.push("geomean".to_string());
    let series = (0..results.engines.len())
        .filter(|&e| e != reference)
        .map(|e| {
            let mut v: Vec<Option<f64>> = results.rows.iter().map(|r| results.ratio(r, e, reference)).collect();
            v.push(results.geomean_ratio(e, reference).map(|g| g.0));
            (results.engines[e].name.clone(), v)
        })
        .collect();
    let refname = results.engines.get(reference).map(|e| e.name.clone()).unwrap_or_default();
    Chart { title: format!("Time relative to {refname} (log scale; left of the line is faster)"), reference: refname, groups, series }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn ratio_label(r: f64) -> String {
    if r >= 1.0 {
        format!("{}×", r.round() as i64)
    } else {
        format!("1/{}×", (1.0 / r).round() as i64)
    }
}

/// Renders the chart as a standalone SVG document.
pub fn render(chart: &Chart) -> String {
    let values: Vec<f64> =
        chart.series.iter().flat_map(|(_, v)| v.iter().flatten().copied()).filter(|x| *x > 0.0 && x.is_finite()).collect();
    // The axis spans whole powers of two around the data and always includes 1×.
    let lo_exp = values.iter().map(|v| v.log2().floor() as i32).min().unwrap_or(-1).clamp(-12, -1);
    let hi_exp = values.iter().map(|v| v.log2().ceil() as i32).max().unwrap_or(1).clamp(1, 12);
    let (left, right, top) = (150.0, 30.0, 50.0 + 18.0 * chart.series.len().div_ceil(3) as f64);
    let width = 960.0;
    let plot_w = width - left - right;
    let bar_h = 9.0;
    let group_h = bar_h * chart.series.len().max(1) as f64 + 10.0;
    let plot_h = group_h * chart.groups.len() as f64;
    let height = top + plot_h + 50.0;
    let x = |r: f64| left + (r.log2() - lo_exp as f64) / (hi_exp - lo_exp) as f64 * plot_w;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0}" viewBox="0 0 {width} {height:.0}" font-family="Helvetica, Arial, sans-serif" font-size="12">"##
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="white"/>"##);
    let _ = writeln!(s, r##"<text x="{}" y="22" font-size="15" font-weight="bold">{}</text>"##, left, esc(&chart.title));
    // Legend, three entries a line.
    for (i, (name, _)) in chart.series.iter().enumerate() {
        let lx = left + (i % 3) as f64 * 240.0;
        let ly = 44.0 + (i / 3) as f64 * 18.0;
        let _ = writeln!(s, r##"<rect x="{lx}" y="{}" width="14" height="10" fill="{}"/>"##, ly - 9.0, PALETTE[i % PALETTE.len()]);
        let _ = writeln!(s, r##"<text x="{}" y="{ly}">{}</text>"##, lx + 20.0, esc(name));
    }
    // Grid lines at powers of two.
    for e in lo_exp..=hi_exp {
        let r = 2f64.powi(e);
        let gx = x(r);
        let (stroke, w) = if e == 0 { ("#333", 1.5) } else { ("#ddd", 1.0) };
        let _ =
            writeln!(s, r##"<line x1="{gx:.1}" y1="{top}" x2="{gx:.1}" y2="{:.1}" stroke="{stroke}" stroke-width="{w}"/>"##, top + plot_h);
        let _ =
            writeln!(s, r##"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" fill="#444">{}</text>"##, top + plot_h + 16.0, ratio_label(r));
    }
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#444">time relative to {} (1× line)</text>"##,
        left + plot_w / 2.0,
        top + plot_h + 36.0,
        esc(&chart.reference)
    );
    // Groups.
    for (g, label) in chart.groups.iter().enumerate() {
        let gy = top + g as f64 * group_h;
        if g % 2 == 1 {
            let _ = writeln!(s, r##"<rect x="0" y="{gy:.1}" width="{width}" height="{group_h:.1}" fill="#f6f6f6" fill-opacity="0.6"/>"##);
        }
        let weight = if g + 1 == chart.groups.len() { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end"{weight}>{}</text>"##,
            left - 8.0,
            gy + group_h / 2.0 + 4.0,
            esc(label)
        );
        for (i, (name, values)) in chart.series.iter().enumerate() {
            let by = gy + 5.0 + i as f64 * bar_h;
            match values.get(g).copied().flatten() {
                Some(r) if r > 0.0 && r.is_finite() => {
                    let clamped = r.clamp(2f64.powi(lo_exp), 2f64.powi(hi_exp));
                    let (x0, x1) = (x(1.0).min(x(clamped)), x(1.0).max(x(clamped)));
                    let _ = writeln!(
                        s,
                        r##"<rect x="{x0:.1}" y="{by:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{}: {} {:.3}×</title></rect>"##,
                        (x1 - x0).max(1.0),
                        bar_h - 1.5,
                        PALETTE[i % PALETTE.len()],
                        esc(name),
                        esc(label),
                        r
                    );
                }
                _ => {
                    let _ =
                        writeln!(s, r##"<text x="{:.1}" y="{:.1}" font-size="8" fill="#999">n/a</text>"##, x(1.0) + 3.0, by + bar_h - 2.0);
                }
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::sample;

    #[test]
    fn renders_results() {
        let r = sample();
        let chart = chart_from(&r);
        assert_eq!(chart.reference, "qjs");
        assert_eq!(chart.series.len(), 2);
        assert_eq!(chart.groups.last().map(String::as_str), Some("geomean"));
        let svg = render(&chart);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("1/2×") && svg.contains("2×"));
        assert_eq!(svg.matches("<svg").count(), 1);
    }

    #[test]
    fn survives_odd_data() {
        let empty = Chart { title: "t <&>".into(), reference: "r".into(), groups: vec![], series: vec![] };
        assert!(render(&empty).contains("t &lt;&amp;&gt;"));
        let odd = Chart {
            title: "t".into(),
            reference: "r".into(),
            groups: vec!["a".into(), "b".into()],
            series: vec![("x".into(), vec![Some(1e9), Some(0.0)]), ("y".into(), vec![None, Some(f64::NAN)])],
        };
        let svg = render(&odd);
        assert!(svg.contains("n/a"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }
}
