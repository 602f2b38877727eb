//! The records of the loaded file, kept for the page's questions (a
//! cluster's records, a pre-check's candidates, who keeps a shared PIN).
//!
//! Packed: every record's text in one buffer, where each field ends, and the
//! few facts read from the text. A million records kept as
//! [`Record`]s were a quarter of the tab's memory: six strings each, each
//! its own allocation with its own header.

use kgpin::person::RegistryEntry;
use kgpin::registry::Record;
use kgpin::{Date, Sex};

use crate::RecordView;

/// The text fields a record keeps, in the order they are written.
const FIELDS: usize = 6;

/// What is read from a record rather than written in it.
#[derive(Debug, Clone, Copy)]
struct Facts {
    line: u64,
    birth_date: Option<Date>,
    sex: Option<Sex>,
}

/// A file's records, packed; the `i`th pushed is record `i`.
#[derive(Debug, Default)]
pub struct RecordStore {
    /// record_id, PIN, surname, first name, patronymic and source of every
    /// record, one after another.
    text: String,
    /// Where each field ends in `text`, [`FIELDS`] per record. A file is
    /// under 4 GB ([`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES)), and so is its text.
    ends: Vec<u32>,
    facts: Vec<Facts>,
}

/// One record's fields, borrowed from the store.
struct Fields<'a>([&'a str; FIELDS]);

impl RecordStore {
    /// An empty store for a file of `bytes` bytes. A UTF-8 file's fields
    /// are shorter than the file, so their buffer never doubles; a
    /// Windows-1251 file's Cyrillic takes two bytes a letter once decoded,
    /// and its buffer may grow once.
    /// `records` is about how many it will hold
    /// ([`records_estimate`](kgpin::registry::records_estimate)): room for them
    /// at once, so that the store never holds its old and its doubled vectors
    /// together.
    /// An estimate from a strange first piece may be far too large: then
    /// the room is not made, and the vectors grow as they fill.
    pub fn for_file(bytes: usize, records: usize) -> Self {
        let mut store = RecordStore::default();
        let room = store.text.try_reserve_exact(bytes).is_ok()
            && store
                .ends
                .try_reserve_exact(records.saturating_mul(FIELDS))
                .is_ok()
            && store.facts.try_reserve_exact(records).is_ok();
        if !room {
            store = RecordStore::default();
        }
        store
    }

    /// Adds `records` after those already kept.
    pub fn extend(&mut self, records: &[Record<impl AsRef<str>>]) {
        for r in records {
            let fields = [
                &r.record_id,
                &r.pin_text,
                &r.last_name,
                &r.first_name,
                &r.patronymic,
                &r.source,
            ];
            for field in fields {
                self.text.push_str(field.as_ref());
                self.ends
                    .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
            }
            self.facts.push(Facts {
                line: r.line,
                birth_date: r.birth_date,
                sex: r.sex,
            });
        }
    }

    /// How many records are kept.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether no record is kept.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    fn fields(&self, i: usize) -> Option<Fields<'_>> {
        let ends = self.ends.get(i * FIELDS..(i + 1) * FIELDS)?;
        let mut start = match i {
            0 => 0,
            _ => *self.ends.get(i * FIELDS - 1)? as usize,
        };
        let mut fields = [""; FIELDS];
        for (field, &end) in fields.iter_mut().zip(ends) {
            *field = self.text.get(start..end as usize)?;
            start = end as usize;
        }
        Some(Fields(fields))
    }

    /// Record `i` as the clerk sees it.
    pub fn view(&self, i: usize) -> Option<RecordView> {
        let Fields([record_id, pin, last_name, first_name, patronymic, source]) = self.fields(i)?;
        let facts = self.facts.get(i)?;
        Some(RecordView {
            record_id: record_id.to_string(),
            line: facts.line,
            pin: pin.to_string(),
            last_name: last_name.to_string(),
            first_name: first_name.to_string(),
            patronymic: patronymic.to_string(),
            birth_date: facts.birth_date,
            sex: facts.sex,
            source: source.to_string(),
        })
    }

    /// Record `i` as [`kgpin::person::who_keeps_shared_pin`] reads it.
    pub fn entry(&self, i: usize) -> Option<RegistryEntry<'_>> {
        let Fields([_, pin, _, _, _, source]) = self.fields(i)?;
        let facts = self.facts.get(i)?;
        Some(RegistryEntry {
            pin,
            source,
            sex: facts.sex,
            birth_date: facts.birth_date,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kgpin::registry::Registry;

    #[test]
    fn a_record_comes_back_as_it_went_in() {
        // Empty fields, Cyrillic and Latin, a bad PIN and date kept as written.
        let csv = "record_id,pin,last_name,first_name,patronymic,birth_date,sex,source\n\
                   r1,10202198254217,Асанова,Айгүл,Бакытовна,1982-02-02,F,tax\n\
                   r2,,Asanova,Aigul,,,,\n\
                   r3,12345,Ө,Ң,Ү кызы,31.02.1990,M,social_fund\n";
        let registry = Registry::from_csv(csv.as_bytes()).unwrap();
        // Room for one record, as a first piece's estimate may be too low.
        let mut store = RecordStore::for_file(csv.len(), 1);
        // Added in two goes, as chunks of a file are.
        store.extend(&registry.records[..1]);
        store.extend(&registry.records[1..]);
        assert_eq!(store.len(), 3);
        for (i, record) in registry.records.iter().enumerate() {
            assert_eq!(store.view(i), Some(RecordView::of(record)), "record {i}");
            let entry = store.entry(i).unwrap();
            assert_eq!(entry.pin, record.pin_text);
            assert_eq!(entry.source, record.source);
            assert_eq!(
                (entry.sex, entry.birth_date),
                (record.sex, record.birth_date)
            );
        }
        assert_eq!(store.view(3), None);
        assert!(store.entry(3).is_none());
    }

    #[test]
    fn an_estimate_too_large_to_make_room_for_still_keeps_every_record() {
        let csv = "record_id,pin,last_name,first_name\nr1,10202198254217,Асанова,Айгүл\n";
        let registry = Registry::from_csv(csv.as_bytes()).unwrap();
        let mut store = RecordStore::for_file(csv.len(), usize::MAX);
        store.extend(&registry.records);
        assert_eq!(store.view(0), Some(RecordView::of(&registry.records[0])));
    }
}
