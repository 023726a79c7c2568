//! Documents that leave the laptop: what a regulator pack holds (read in one snapshot), the
//! fingerprint of that data, and the record of every PDF or workbook handed out so one that comes
//! back can be verified. Laying pages out is `steerco-reports`' job; the rules are here.

pub mod deck;
pub mod digest;
pub mod exports;
pub mod pack;
mod pack_trail;
