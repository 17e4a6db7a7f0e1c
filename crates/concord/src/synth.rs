//! `concord synth`: write a synthetic dataset.

use anyhow::{bail, Context};
use concord_node::interchange::CaseWriter;

use crate::cli::SynthArgs;
use crate::exit::Code;
use crate::files;

pub fn run(args: &SynthArgs) -> anyhow::Result<Code> {
    if args.agency == 0 || args.agency > args.agencies {
        bail!("--agency must be between 1 and --agencies ({})", args.agencies);
    }
    let format = files::format_for(&args.output, args.format)?;
    let as_of = args.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let config = concord_synth::Config::new(args.seed, as_of);
    let agencies = concord_synth::agencies(args.agencies);
    let agency = &agencies[args.agency - 1];
    let mut writer = CaseWriter::new(files::create(&args.output)?, format)?;
    let mut truth = match &args.truth {
        Some(path) => {
            let mut w = csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
            w.write_record(["agency", "case_id", "person_id", "entity_id"])?;
            Some(w)
        }
        None => None,
    };
    let bar = files::progress_bar(
        args.cases as u64,
        "generating {bar:40} {pos}/{len} cases {per_sec} eta {eta}",
    );
    for synthetic in concord_synth::cases(&config, agency, args.cases) {
        writer.write(&synthetic.case)?;
        if let Some(truth) = &mut truth {
            for (person, entity) in synthetic.case.persons.iter().zip(&synthetic.entities) {
                truth.write_record([
                    agency.code(),
                    synthetic.case.id.as_str(),
                    person.id.as_str(),
                    &entity.0.to_string(),
                ])?;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let count = writer.finish()?;
    if let Some(mut truth) = truth {
        truth.flush()?;
    }
    eprintln!(
        "wrote {count} synthetic case(s) of agency {} to {} (seed {}, as of {as_of}: the same two give the same file)",
        agency.code(),
        args.output.display(),
        args.seed
    );
    Ok(Code::Success)
}
