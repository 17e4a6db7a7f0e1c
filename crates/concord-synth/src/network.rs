//! The cases each agency of a network records.

use std::sync::OnceLock;

use crate::agency::Agency;
use crate::case::{SyntheticCase, Writer};
use crate::config::Config;
use crate::world::World;

/// The corridors and name pools, resolved once per process (they are constant).
pub(crate) fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(World::new)
}

/// Case number `n` (from 0) of an agency. It depends only on the configuration, the
/// agency's network and `n`, and is computed without the cases before it.
pub fn case(config: &Config, agency: &Agency, n: u64) -> SyntheticCase {
    Writer::new(config, world(), agency).case(n)
}

/// The first `count` cases of an agency, generated one at a time as the iterator is
/// advanced, so that millions of cases stream in constant memory. Cases of agencies of
/// the same network (see [`crate::agencies`] and [`crate::network`]) share individuals.
pub fn cases<'a>(config: &'a Config, agency: &'a Agency, count: usize) -> impl Iterator<Item = SyntheticCase> + 'a {
    let writer = Writer::new(config, world(), agency);
    (0..count as u64).map(move |n| writer.case(n))
}

/// The name pool an individual's names are drawn from: ground truth for reports that
/// break linkage results down by script.
pub fn name_pool(entity: crate::EntityId) -> &'static crate::names::NamePool {
    world().origin(entity.origin()).pool
}
