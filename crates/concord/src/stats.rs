//! `concord stats`.

use std::io::Write;

use crate::cli::NodeArgs;
use crate::exit::Code;
use crate::unlock;

pub fn run(node: &NodeArgs, json: bool) -> anyhow::Result<Code> {
    let stats = unlock::open(node)?.stats()?;
    let out = &mut std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?;
        return Ok(Code::Success);
    }
    writeln!(
        out,
        "{} case(s), {} person(s), {} victim(s) or presumed victim(s)",
        stats.cases, stats.persons, stats.victims
    )?;
    let tables = [
        ("Cases by exploitation type", &stats.by_exploitation),
        ("Victims by citizenship", &stats.by_citizenship),
        ("Victims by gender", &stats.by_gender),
        ("Victims by age group at registration", &stats.by_age_band),
        ("Cases by year of registration", &stats.by_year),
        ("Top routes (origin → destination)", &stats.top_routes),
    ];
    for (title, rows) in tables {
        writeln!(out, "\n{title}")?;
        let total: u64 = rows.iter().map(|(_, n)| n).sum();
        for (value, count) in rows {
            let share = if total == 0 {
                0.0
            } else {
                100.0 * *count as f64 / total as f64
            };
            writeln!(out, "  {value:<36} {count:>8}  {share:>5.1}%")?;
        }
    }
    Ok(Code::Success)
}
