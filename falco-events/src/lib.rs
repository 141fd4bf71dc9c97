//! tmp
#![deny(missing_docs)]
pub mod table;
