//! The HTCDS-style flat file layout: one row per person in a case.
//!
//! Spreadsheets and older case-management systems hold one row per victim, with the
//! case's columns repeated (the layout of the HTCDS Excel toolkit and the CTDC dataset).
//! Concord reads and writes that layout so organisations can bring what they have:
//! column names are HTCDS field names (`prs_Birthdate`), values are HTCDS system names,
//! multi-select values are separated by `;`, and the parts of one item (a route leg, a
//! document, an extra name) by `|`. A case without persons is one row whose person
//! columns are empty. `docs/data-model.md` documents every column.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::picklist::{join, picklist, split, Picklist};
use crate::vocabulary::{DocumentKind, Gender, LegRole};
use crate::{
    Case, Country, FieldError, IdentityDocument, Organisation, PartialDate, Person, PersonName, PhoneNumber,
    Recruitment, RomanisedName, RouteLeg,
};

picklist! {
    /// A column of the flat layout. The variant names are the column headers.
    #[allow(non_camel_case_types)]
    Column, "column" {
        cas_CaseId => "Case ID";
        cas_RegistrationDate => "Registration date (YYYY-MM-DD)";
        cas_Status => "Case status";
        org_Name => "Reporting organisation";
        org_Type => "Reporting organisation type";
        org_Country => "Reporting organisation country";
        vic_TypeOfExploitation => "Types of exploitation";
        vic_ForcedLabourIndustry => "Forced labour sector";
        vic_TypeOfSexExploitation => "Forms of sexual exploitation";
        vic_RelationshipToTrafficker => "Relation to recruiter";
        vic_MethodOfRecruitment => "Methods of recruitment";
        vic_MethodsOfControl => "Means of control";
        hte_Route => "Route: role|country|place|from|to; ...";
        cas_Indicators => "ILO indicators observed";
        cas_Narrative => "Narrative";
        cas_Sensitivity => "Sensitivity (TLP)";
        prs_PersonId => "Person ID";
        prs_Role => "Person role";
        prs_FirstName => "Given name (original script)";
        prs_LastName => "Family name (original script)";
        prs_RomanisedFirstName => "Given name (romanised)";
        prs_RomanisedLastName => "Family name (romanised)";
        prs_OtherNames => "Other names: given|family[|romanised given|romanised family]; ...";
        prs_Gender => "Gender";
        prs_Birthdate => "Date of birth (YYYY-MM-DD, YYYY-MM, YYYY or YYYY±N)";
        prs_Citizenship => "Citizenships";
        prs_CountryOfBirth => "Country of birth";
        prs_IdentityDocuments => "Documents: kind|issuing country|number; ...";
        prs_Phones => "Phone numbers (E.164)";
    }
}

/// Columns that every file must have.
pub const REQUIRED: [Column; 7] = [
    Column::cas_CaseId,
    Column::cas_RegistrationDate,
    Column::cas_Status,
    Column::org_Name,
    Column::org_Type,
    Column::org_Country,
    Column::cas_Sensitivity,
];

/// The first person column: a row with all columns from here on empty has no person.
const FIRST_PERSON_COLUMN: Column = Column::prs_PersonId;

/// A header that cannot be read as the flat layout.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    /// A column name that is not in the layout.
    #[error("unknown column `{name}` (column {position}); expected only these columns: {}", Column::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "))]
    Unknown { name: String, position: usize },
    /// A column given twice.
    #[error("column `{0}` appears twice")]
    Repeated(&'static str),
    /// Required columns that are absent.
    #[error("missing required column(s): {}", .0.join(", "))]
    Missing(Vec<&'static str>),
}

/// Where each column sits in a file's rows.
#[derive(Debug, Clone)]
pub struct Layout {
    positions: Vec<Option<usize>>,
}

impl Layout {
    /// Reads a header row. Column order is free; optional columns may be left out.
    pub fn from_header<'a>(header: impl IntoIterator<Item = &'a str>) -> Result<Self, HeaderError> {
        let mut positions = vec![None; Column::ALL.len()];
        for (i, name) in header.into_iter().enumerate() {
            let column = Column::parse(name).map_err(|_| HeaderError::Unknown {
                name: name.to_string(),
                position: i + 1,
            })?;
            let slot = &mut positions[column as usize];
            if slot.is_some() {
                return Err(HeaderError::Repeated(column.as_str()));
            }
            *slot = Some(i);
        }
        let missing: Vec<_> = REQUIRED
            .iter()
            .filter(|c| positions[**c as usize].is_none())
            .map(|c| c.as_str())
            .collect();
        if missing.is_empty() {
            Ok(Self { positions })
        } else {
            Err(HeaderError::Missing(missing))
        }
    }
}

/// The header Concord writes.
pub fn header() -> Vec<&'static str> {
    Column::ALL.iter().map(|c| c.as_str()).collect()
}

/// One row read from a file: the case's fields (with no persons) and the row's person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The case, with `persons` empty.
    pub case: Case,
    /// The person on this row, if the person columns are filled.
    pub person: Option<Person>,
}

/// Reads one row. Every problem is reported, each naming its column.
pub fn parse_row(layout: &Layout, fields: &[&str]) -> Result<Row, Vec<FieldError>> {
    let mut p = RowParser {
        layout,
        fields,
        errors: Vec::new(),
    };
    let case = p.case();
    let person = p.person();
    match (case, p.errors.is_empty()) {
        (Some(case), true) => Ok(Row { case, person }),
        _ => Err(p.errors),
    }
}

struct RowParser<'a> {
    layout: &'a Layout,
    fields: &'a [&'a str],
    errors: Vec<FieldError>,
}

impl RowParser<'_> {
    fn raw(&self, column: Column) -> &str {
        self.layout.positions[column as usize]
            .and_then(|i| self.fields.get(i))
            .map_or("", |s| s.trim())
    }

    /// Parses a cell; an error is recorded and `None` returned when the cell is bad.
    fn cell<T, E: ToString>(&mut self, column: Column, parse: impl FnOnce(&str) -> Result<T, E>) -> Option<T> {
        let raw = self.raw(column).to_string();
        match parse(&raw) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(FieldError::new(column.as_str(), &raw, e.to_string()));
                None
            }
        }
    }

    /// Like [`RowParser::cell`] for identifying columns: the value is not repeated.
    fn secret_cell<T, E: ToString>(&mut self, column: Column, parse: impl FnOnce(&str) -> Result<T, E>) -> Option<T> {
        let raw = self.raw(column).to_string();
        parse(&raw)
            .map_err(|e| {
                let expected = crate::without_values(&e.to_string());
                self.errors.push(FieldError::redacted(column.as_str(), expected));
            })
            .ok()
    }

    fn required<T: std::str::FromStr<Err: ToString>>(&mut self, column: Column) -> Option<T> {
        self.cell(column, |s| {
            if s.is_empty() {
                Err("a value (the column is required)".to_string())
            } else {
                s.parse::<T>().map_err(|e| e.to_string())
            }
        })
    }

    fn optional<T: std::str::FromStr<Err: ToString>>(&mut self, column: Column) -> Option<Option<T>> {
        self.cell(column, |s| {
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse::<T>().map(Some).map_err(|e| e.to_string())
            }
        })
    }

    fn set<P: Picklist + Ord>(&mut self, column: Column) -> Option<BTreeSet<P>> {
        self.cell(column, |s| split::<P>(s).map(|v| v.into_iter().collect()))
    }

    fn case(&mut self) -> Option<Case> {
        let id = self.required(Column::cas_CaseId);
        let registered_on = self.cell(Column::cas_RegistrationDate, |s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| "a date as YYYY-MM-DD".to_string())
        });
        let status = self.required(Column::cas_Status);
        let org_name = self.raw(Column::org_Name).to_string();
        let org_kind = self.required(Column::org_Type);
        let org_country = self.required(Column::org_Country);
        let exploitation = self.set(Column::vic_TypeOfExploitation);
        let labour_sector = self.optional(Column::vic_ForcedLabourIndustry);
        let sex_exploitation = self.set(Column::vic_TypeOfSexExploitation);
        let relation = self.optional(Column::vic_RelationshipToTrafficker);
        let methods = self.set(Column::vic_MethodOfRecruitment);
        let means_of_control = self.set(Column::vic_MethodsOfControl);
        let route = self.cell(Column::hte_Route, parse_route);
        let indicators = self.set(Column::cas_Indicators);
        let narrative = self.raw(Column::cas_Narrative);
        let narrative = (!narrative.is_empty()).then(|| narrative.to_string());
        let sensitivity = self.required(Column::cas_Sensitivity);
        Some(Case {
            id: id?,
            registered_on: registered_on?,
            reporting_org: Organisation {
                name: org_name,
                kind: org_kind?,
                country: org_country?,
            },
            status: status?,
            exploitation: exploitation?,
            labour_sector: labour_sector?,
            sex_exploitation: sex_exploitation?,
            recruitment: Recruitment {
                relation: relation?,
                methods: methods?,
            },
            means_of_control: means_of_control?,
            route: route?,
            indicators: indicators?,
            narrative,
            sensitivity: sensitivity?,
            persons: Vec::new(),
        })
    }

    fn person(&mut self) -> Option<Person> {
        let person_columns = &Column::ALL[FIRST_PERSON_COLUMN as usize..];
        if person_columns.iter().all(|c| self.raw(*c).is_empty()) {
            return None;
        }
        let id = self.required(Column::prs_PersonId);
        let role = self.required(Column::prs_Role);
        let main = PersonName {
            given: self.raw(Column::prs_FirstName).to_string(),
            family: self.raw(Column::prs_LastName).to_string(),
            romanised: romanised(
                self.raw(Column::prs_RomanisedFirstName),
                self.raw(Column::prs_RomanisedLastName),
            ),
        };
        let others = self.secret_cell(Column::prs_OtherNames, parse_names);
        let gender = self.cell(Column::prs_Gender, Gender::parse);
        let birth_date = self.secret_cell(Column::prs_Birthdate, |s| {
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse::<PartialDate>().map(Some)
            }
        });
        let citizenships = self.cell(Column::prs_Citizenship, parse_countries);
        let country_of_birth = self.optional(Column::prs_CountryOfBirth);
        let documents = self.secret_cell(Column::prs_IdentityDocuments, parse_documents);
        let phones = self.secret_cell(Column::prs_Phones, parse_phones);
        let has_main = !(main.given.is_empty() && main.family.is_empty() && main.romanised.is_none());
        let names = has_main.then_some(main).into_iter().chain(others?).collect();
        Some(Person {
            id: id?,
            role: role?,
            names,
            gender: gender?,
            birth_date: birth_date?,
            citizenships: citizenships?,
            country_of_birth: country_of_birth?,
            documents: documents?,
            phones: phones?,
        })
    }
}

fn romanised(given: &str, family: &str) -> Option<RomanisedName> {
    (!(given.is_empty() && family.is_empty())).then(|| RomanisedName {
        given: given.to_string(),
        family: family.to_string(),
    })
}

fn items(cell: &str) -> impl Iterator<Item = Vec<&str>> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| item.split('|').map(str::trim).collect())
}

fn parse_route(cell: &str) -> Result<Vec<RouteLeg>, String> {
    items(cell)
        .enumerate()
        .map(|(i, parts)| {
            let bad = |what: String| format!("leg {}: {what}; expected role|country|place|from|to", i + 1);
            if !(2..=5).contains(&parts.len()) {
                return Err(bad(format!("{} parts", parts.len())));
            }
            let part = |n: usize| parts.get(n).copied().unwrap_or("");
            let date = |n: usize| -> Result<Option<PartialDate>, String> {
                let s = part(n);
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse().map(Some).map_err(|e: crate::InvalidDate| bad(e.to_string()))
                }
            };
            Ok(RouteLeg {
                role: LegRole::parse(part(0)).map_err(|e| bad(e.to_string()))?,
                country: part(1).parse().map_err(|e: crate::UnknownCountry| bad(e.to_string()))?,
                place: (!part(2).is_empty()).then(|| part(2).to_string()),
                from: date(3)?,
                to: date(4)?,
            })
        })
        .collect()
}

fn parse_names(cell: &str) -> Result<Vec<PersonName>, String> {
    items(cell)
        .enumerate()
        .map(|(i, parts)| match parts.as_slice() {
            [given, family] => Ok(PersonName {
                given: given.to_string(),
                family: family.to_string(),
                romanised: None,
            }),
            [given, family, r_given, r_family] => Ok(PersonName {
                given: given.to_string(),
                family: family.to_string(),
                romanised: romanised(r_given, r_family),
            }),
            _ => Err(format!(
                "name {}: {} parts; expected given|family or given|family|romanised given|romanised family",
                i + 1,
                parts.len()
            )),
        })
        .collect()
}

fn parse_countries(cell: &str) -> Result<BTreeSet<Country>, String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(|e: crate::UnknownCountry| e.to_string()))
        .collect()
}

fn parse_documents(cell: &str) -> Result<Vec<IdentityDocument>, String> {
    items(cell)
        .enumerate()
        .map(|(i, parts)| {
            let bad = |what: String| format!("document {}: {what}; expected kind|issuing country|number", i + 1);
            let [kind, country, number] = parts.as_slice() else {
                return Err(bad(format!("{} parts", parts.len())));
            };
            Ok(IdentityDocument {
                kind: DocumentKind::parse(kind).map_err(|e| bad(e.to_string()))?,
                issuing_country: country.parse().map_err(|e: crate::UnknownCountry| bad(e.to_string()))?,
                number: number
                    .parse()
                    .map_err(|e: crate::InvalidDocumentNumber| bad(e.to_string()))?,
            })
        })
        .collect()
}

fn parse_phones(cell: &str) -> Result<Vec<PhoneNumber>, String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, s)| {
            s.parse()
                .map_err(|e: crate::InvalidPhoneNumber| format!("phone {}: {e}", i + 1))
        })
        .collect()
}

/// Writes a case as rows in [`Layout::full`] order: one per person, or one with empty
/// person columns when the case has none.
pub fn case_to_rows(case: &Case) -> Vec<Vec<String>> {
    let case_cells = case_cells(case);
    if case.persons.is_empty() {
        let mut row = case_cells;
        row.resize(Column::ALL.len(), String::new());
        return vec![row];
    }
    case.persons
        .iter()
        .map(|person| {
            let mut row = case_cells.clone();
            row.extend(person_cells(person));
            row
        })
        .collect()
}

fn case_cells(case: &Case) -> Vec<String> {
    let route: Vec<String> = case
        .route
        .iter()
        .map(|leg| {
            let date = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let parts = [
                leg.role.to_string(),
                leg.country.to_string(),
                leg.place.clone().unwrap_or_default(),
                date(leg.from),
                date(leg.to),
            ];
            parts.join("|").trim_end_matches('|').to_string()
        })
        .collect();
    vec![
        case.id.to_string(),
        case.registered_on.format("%Y-%m-%d").to_string(),
        case.status.to_string(),
        case.reporting_org.name.clone(),
        case.reporting_org.kind.to_string(),
        case.reporting_org.country.to_string(),
        join(&case.exploitation),
        case.labour_sector.map(|s| s.to_string()).unwrap_or_default(),
        join(&case.sex_exploitation),
        case.recruitment.relation.map(|r| r.to_string()).unwrap_or_default(),
        join(&case.recruitment.methods),
        join(&case.means_of_control),
        route.join(";"),
        join(&case.indicators),
        case.narrative.clone().unwrap_or_default(),
        case.sensitivity.to_string(),
    ]
}

fn person_cells(person: &Person) -> Vec<String> {
    let (main, others) = person
        .names
        .split_first()
        .map_or((None, &[][..]), |(m, o)| (Some(m), o));
    let romanised = main.and_then(|m| m.romanised.as_ref());
    let others: Vec<String> = others
        .iter()
        .map(|n| match &n.romanised {
            Some(r) => format!("{}|{}|{}|{}", n.given, n.family, r.given, r.family),
            None => format!("{}|{}", n.given, n.family),
        })
        .collect();
    let list = |v: Vec<String>| v.join(";");
    vec![
        person.id.to_string(),
        person.role.to_string(),
        main.map(|m| m.given.clone()).unwrap_or_default(),
        main.map(|m| m.family.clone()).unwrap_or_default(),
        romanised.map(|r| r.given.clone()).unwrap_or_default(),
        romanised.map(|r| r.family.clone()).unwrap_or_default(),
        others.join(";"),
        person.gender.to_string(),
        person.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        list(person.citizenships.iter().map(ToString::to_string).collect()),
        person.country_of_birth.map(|c| c.to_string()).unwrap_or_default(),
        list(
            person
                .documents
                .iter()
                .map(|d| format!("{}|{}|{}", d.kind, d.issuing_country, d.number))
                .collect(),
        ),
        list(person.phones.iter().map(ToString::to_string).collect()),
    ]
}

/// The column that holds the field a [`Case::validate`] error names
/// (`persons[0].birth_date` → `prs_Birthdate`), so that errors in files point at cells.
pub fn column_of(field: &str) -> Column {
    let field = field
        .split_once("].")
        .filter(|_| field.starts_with("persons["))
        .map_or(field, |(_, rest)| rest);
    let head = field.split(['.', '[']).next().unwrap_or(field);
    match head {
        "registered_on" => Column::cas_RegistrationDate,
        "reporting_org" => Column::org_Name,
        "labour_sector" => Column::vic_ForcedLabourIndustry,
        "sex_exploitation" => Column::vic_TypeOfSexExploitation,
        "route" => Column::hte_Route,
        "narrative" => Column::cas_Narrative,
        "id" => Column::prs_PersonId,
        "names" if field.starts_with("names[0].romanised.given") => Column::prs_RomanisedFirstName,
        "names" if field.starts_with("names[0].romanised.family") => Column::prs_RomanisedLastName,
        "names" if field.starts_with("names[0].family") => Column::prs_LastName,
        "names" if field.starts_with("names[0]") || field == "names" => Column::prs_FirstName,
        "names" => Column::prs_OtherNames,
        "birth_date" => Column::prs_Birthdate,
        "documents" => Column::prs_IdentityDocuments,
        "phones" => Column::prs_Phones,
        _ => Column::cas_CaseId,
    }
}
