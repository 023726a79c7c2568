//! Harness for the e2e suite (see tests/).
