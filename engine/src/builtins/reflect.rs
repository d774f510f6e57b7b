//! `reflect` (being filled in; see the standard-library issue).

use crate::runtime::Runtime;

pub(crate) fn install(_rt: &mut Runtime) {}
