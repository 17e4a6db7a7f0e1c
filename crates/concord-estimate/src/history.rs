//! Capture histories: for each combination of lists, how many persons appear on exactly
//! those lists.
//!
//! They come from a table (CSV: one 0/1 column per list, then a count) or from linked
//! lists ([`CaptureHistories::from_memberships`]: one entry per person, the lists the
//! person is on), so that a coordinating node can build them from encodings alone.

/// Most lists a table may have. 16 lists make 65,535 observable cells, already far more
/// than any real set of agencies fills; the bound keeps a history in a `u16`.
pub const MAX_LISTS: usize = 16;

/// The lists one person is on, as a bit set (bit `i` = on list `i`); never empty, since
/// the persons on no list are what is estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct History(u16);

impl History {
    /// The history with these bits, if it has any.
    pub fn new(bits: u16) -> Option<Self> {
        (bits != 0).then_some(Self(bits))
    }

    /// The bit set.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// Whether the person is on list `list`.
    pub fn contains(self, list: usize) -> bool {
        self.0 >> list & 1 == 1
    }
}

/// What is wrong with a table of capture histories.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    #[error("line {line}, column {column}: expected {expected}")]
    Field { line: u64, column: usize, expected: String },
    #[error("line {line}: expected {expected}")]
    Line { line: u64, expected: String },
    #[error("{found} list(s): expected at least 2 (estimation needs lists that overlap) and at most {MAX_LISTS}")]
    ListCount { found: usize },
    #[error("list `{0}` is named twice")]
    DuplicateList(String),
    #[error("list `{0}` has no persons: leave it out")]
    EmptyList(String),
    #[error("no person is on any list")]
    NoPersons,
}

/// Counts of persons per capture history for a set of named lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureHistories {
    lists: Vec<String>,
    /// Indexed by the history's bits; entry 0 (on no list) is always 0.
    counts: Vec<u64>,
}

impl CaptureHistories {
    /// Histories from counts per history. Repeated histories add up.
    pub fn new(lists: Vec<String>, counts: impl IntoIterator<Item = (History, u64)>) -> Result<Self, HistoryError> {
        check_lists(&lists)?;
        let mut table = vec![0u64; 1 << lists.len()];
        for (history, count) in counts {
            table[history.bits() as usize] += count;
        }
        let histories = Self { lists, counts: table };
        histories.check_counts()?;
        Ok(histories)
    }

    /// Histories of persons given by the lists each is on (e.g. the groups of a linkage):
    /// each item is one person.
    pub fn from_memberships(
        lists: Vec<String>,
        persons: impl IntoIterator<Item = History>,
    ) -> Result<Self, HistoryError> {
        Self::new(lists, persons.into_iter().map(|h| (h, 1)))
    }

    /// Parses a CSV table: a header naming the lists and then `count` (the last column's
    /// name is free), and rows of 0/1 per list and a whole count. Histories not in the
    /// table count 0; a history given twice adds up.
    pub fn from_csv(text: &str) -> Result<Self, HistoryError> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(n, l)| (n as u64 + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty());
        let Some((_, header)) = lines.next() else {
            return Err(line_error(1, "a header: one name per list, then `count`"));
        };
        let names: Vec<String> = header.split(',').map(|s| unquote(s).to_string()).collect();
        if names.len() < 2 {
            return Err(line_error(1, "at least one list column and a count column"));
        }
        let lists = names[..names.len() - 1].to_vec();
        check_lists(&lists)?;
        let rows = lines
            .map(|(line, row)| parse_row(line, row, lists.len()))
            .collect::<Result<Vec<_>, _>>()?;
        Self::new(lists, rows)
    }

    /// The lists' names, in column order.
    pub fn lists(&self) -> &[String] {
        &self.lists
    }

    /// The number of lists.
    pub fn list_count(&self) -> usize {
        self.lists.len()
    }

    /// The count of persons with exactly this history.
    pub fn count(&self, history: History) -> u64 {
        self.counts[history.bits() as usize]
    }

    /// Every observable history with its count (zeros included), in bit order.
    pub fn cells(&self) -> impl Iterator<Item = (History, u64)> + '_ {
        (1..self.counts.len()).map(|bits| (History(bits as u16), self.counts[bits]))
    }

    /// Persons on at least one list.
    pub fn observed(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Persons on list `list`.
    pub fn list_size(&self, list: usize) -> u64 {
        self.cells().filter(|(h, _)| h.contains(list)).map(|(_, c)| c).sum()
    }

    /// Persons on both lists `a` and `b` (whatever other lists they are on).
    pub fn overlap(&self, a: usize, b: usize) -> u64 {
        self.cells()
            .filter(|(h, _)| h.contains(a) && h.contains(b))
            .map(|(_, c)| c)
            .sum()
    }

    /// The same table with the lists in another order: list `i` of the result is list
    /// `order[i]` of this one. `order` must be a permutation.
    pub fn permuted(&self, order: &[usize]) -> Self {
        let mut counts = vec![0; self.counts.len()];
        for (history, count) in self.cells() {
            let bits = (0..order.len())
                .filter(|&i| history.contains(order[i]))
                .fold(0usize, |b, i| b | 1 << i);
            counts[bits] = count;
        }
        Self {
            lists: order.iter().map(|&i| self.lists[i].clone()).collect(),
            counts,
        }
    }

    fn check_counts(&self) -> Result<(), HistoryError> {
        if self.observed() == 0 {
            return Err(HistoryError::NoPersons);
        }
        match (0..self.list_count()).find(|&l| self.list_size(l) == 0) {
            Some(list) => Err(HistoryError::EmptyList(self.lists[list].clone())),
            None => Ok(()),
        }
    }
}

fn check_lists(lists: &[String]) -> Result<(), HistoryError> {
    if !(2..=MAX_LISTS).contains(&lists.len()) {
        return Err(HistoryError::ListCount { found: lists.len() });
    }
    for (i, name) in lists.iter().enumerate() {
        if lists[..i].contains(name) {
            return Err(HistoryError::DuplicateList(name.clone()));
        }
    }
    Ok(())
}

fn unquote(field: &str) -> &str {
    let field = field.trim();
    field
        .strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
        .unwrap_or(field)
}

fn line_error(line: u64, expected: &str) -> HistoryError {
    HistoryError::Line {
        line,
        expected: expected.to_string(),
    }
}

/// One row: the history (0/1 per list) and its count.
fn parse_row(line: u64, row: &str, lists: usize) -> Result<(History, u64), HistoryError> {
    let fields: Vec<&str> = row.split(',').map(unquote).collect();
    if fields.len() != lists + 1 {
        return Err(line_error(
            line,
            &format!(
                "{} fields (0 or 1 for each of {lists} lists, then a count), found {}",
                lists + 1,
                fields.len()
            ),
        ));
    }
    let field_error = |column: usize, expected: &str| HistoryError::Field {
        line,
        column: column + 1,
        expected: expected.to_string(),
    };
    let mut bits = 0u16;
    for (i, field) in fields[..lists].iter().enumerate() {
        match *field {
            "0" => {}
            "1" => bits |= 1 << i,
            _ => return Err(field_error(i, &format!("0 or 1 (on the list or not), found `{field}`"))),
        }
    }
    let count_field = fields[lists];
    let count = count_field.parse::<u64>().map_err(|_| {
        field_error(
            lists,
            &format!("a whole number of persons, 0 or more, found `{count_field}`"),
        )
    })?;
    let history = History::new(bits).ok_or_else(|| {
        line_error(
            line,
            "a history on at least one list (the persons on no list are what is estimated)",
        )
    })?;
    Ok((history, count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_table_and_adds_repeated_histories() {
        let h = CaptureHistories::from_csv("A,B,count\n1,0,5\n0,1,3\n1,1,2\n1,1,1\n").unwrap();
        assert_eq!(h.lists(), ["A", "B"]);
        assert_eq!(h.count(History::new(0b11).unwrap()), 3);
        assert_eq!(h.observed(), 11);
        assert_eq!(h.overlap(0, 1), 3);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = CaptureHistories::from_csv("A,B,count\n1,0,5\n0,1,-3\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3, column 3: expected a whole number of persons, 0 or more, found `-3`"
        );
        let e = CaptureHistories::from_csv("A,B,count\n1,2,5\n").unwrap_err();
        assert!(e.to_string().starts_with("line 2, column 2: expected 0 or 1"), "{e}");
    }
}
