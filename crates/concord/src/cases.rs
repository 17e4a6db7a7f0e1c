//! `concord cases list` and `concord cases show`.

use std::io::Write;

use anyhow::bail;
use concord_core::{Case, Person};
use concord_node::store::{CaseFilter, Page};

use crate::cli::CasesCommand;
use crate::exit::Code;
use crate::unlock;

pub fn run(command: CasesCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        CasesCommand::List {
            node,
            status,
            exploitation,
            citizenship,
            route_country,
            from,
            to,
            page,
            per_page,
            json,
        } => {
            let filter = CaseFilter {
                status,
                exploitation,
                citizenship,
                route_country,
                registered_from: from,
                registered_to: to,
                ..CaseFilter::default()
            };
            let store = unlock::open(&node)?;
            let paged = store.list_cases(&filter, Page::new(page, per_page))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&paged)?)?;
                return Ok(Code::Success);
            }
            writeln!(
                out,
                "{:<28} {:<10} {:<14} {:<9} {:>3}  exploitation",
                "case", "registered", "status", "route", "prs"
            )?;
            for c in &paged.items {
                let route = format!(
                    "{}→{}",
                    c.origin.map_or("?".into(), |o| o.to_string()),
                    c.destination.map_or("?".into(), |d| d.to_string())
                );
                let exploitation: Vec<String> = c.exploitation.iter().map(ToString::to_string).collect();
                writeln!(
                    out,
                    "{:<28} {:<10} {:<14} {:<9} {:>3}  {}",
                    c.id.as_str(),
                    c.registered_on,
                    c.status.to_string(),
                    route,
                    c.persons,
                    exploitation.join(", ")
                )?;
            }
            let pages = paged.total.div_ceil(u64::from(paged.per_page)).max(1);
            writeln!(out, "page {} of {pages} ({} case(s) match)", paged.page, paged.total)?;
            Ok(Code::Success)
        }
        CasesCommand::Show { node, id, json } => {
            let store = unlock::open(&node)?;
            let Some(case) = store.get_case(&id)? else {
                bail!("case {id} not found")
            };
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&case)?)?;
            } else {
                print_case(out, &case)?;
            }
            Ok(Code::Success)
        }
    }
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    if items.is_empty() {
        "—".into()
    } else {
        items.join(", ")
    }
}

fn print_case(out: &mut impl Write, case: &Case) -> std::io::Result<()> {
    writeln!(out, "Case {}  ({}, {})", case.id, case.status, case.sensitivity)?;
    writeln!(
        out,
        "  registered     {} by {} ({}, {})",
        case.registered_on, case.reporting_org.name, case.reporting_org.kind, case.reporting_org.country
    )?;
    writeln!(out, "  exploitation   {}", list(&case.exploitation))?;
    if let Some(sector) = case.labour_sector {
        writeln!(out, "  labour sector  {sector}")?;
    }
    writeln!(
        out,
        "  recruitment    {} / {}",
        case.recruitment.relation.map_or("—".into(), |r| r.to_string()),
        list(&case.recruitment.methods)
    )?;
    writeln!(out, "  control        {}", list(&case.means_of_control))?;
    writeln!(out, "  indicators     {}", list(&case.indicators))?;
    for leg in &case.route {
        let dates = format!(
            "{}–{}",
            leg.from.map_or(String::new(), |d| d.to_string()),
            leg.to.map_or(String::new(), |d| d.to_string())
        );
        writeln!(
            out,
            "  route          {:<11} {} {} {}",
            leg.role.to_string(),
            leg.country,
            leg.place.as_deref().unwrap_or(""),
            dates
        )?;
    }
    if let Some(narrative) = &case.narrative {
        writeln!(out, "  narrative      {narrative}")?;
    }
    for person in &case.persons {
        print_person(out, person)?;
    }
    Ok(())
}

fn print_person(out: &mut impl Write, person: &Person) -> std::io::Result<()> {
    writeln!(out, "  person {} — {}", person.id, person.role)?;
    for name in &person.names {
        let romanised = name
            .romanised
            .as_ref()
            .map_or(String::new(), |r| format!("  ({} {})", r.given, r.family));
        writeln!(out, "    name         {} {}{romanised}", name.given, name.family)?;
    }
    writeln!(out, "    gender       {}", person.gender)?;
    writeln!(
        out,
        "    born         {}",
        person.birth_date.map_or("—".into(), |d| d.to_string())
    )?;
    writeln!(out, "    citizenship  {}", list(&person.citizenships))?;
    for doc in &person.documents {
        writeln!(
            out,
            "    document     {} {} {}",
            doc.kind, doc.issuing_country, doc.number
        )?;
    }
    if !person.phones.is_empty() {
        writeln!(out, "    phones       {}", list(&person.phones))?;
    }
    Ok(())
}
