//! Entry points for the fuzz targets of the importers this crate owns (an XLSX rating sheet),
//! shared by `fuzz/` and the corpus replay in `tests/fuzz_corpus.rs`.

use crate::rating_sheet;

pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
}

pub const TARGETS: &[Target] = &[Target { name: "rating_xlsx", run: rating_xlsx }];

/// A filled XLSX rating sheet: read into CSV rows (or refused with a reason), then through the
/// CSV sheet's own rules. Neither step may panic, whatever the bytes.
pub fn rating_xlsx(data: &[u8]) {
    if let Ok(csv) = rating_sheet::to_csv(data) {
        steerco_core::fuzzing::rating_sheet(&csv);
    }
}
