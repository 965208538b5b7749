//! Releases the spare capacity a parse leaves in the model (issue 23's memory goal).
//!
//! The parser grows its vectors as it reads (its strings are made at their size); a plan kept
//! for its lifetime (a portal holds it, an archive keeps thousands) should not carry the
//! doubling slack. On the seed and
//! layout fixtures this takes the model from 7.0× to 5.1× the input (the seed 5.0× → 3.8×), for
//! ≈ 1 % of the parse.

use super::model::{Plan, Unit};

impl Plan {
    /// Drops the spare capacity of the plan's vectors: units, blocks, agencies (the parser calls
    /// it before returning; call it again after building or editing a plan by hand).
    ///
    /// ```
    /// let mut plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    /// let before = plan.clone();
    /// plan.shrink_to_fit();
    /// assert_eq!(plan, before);
    /// assert_eq!(plan.body.capacity(), plan.body.len());
    /// ```
    pub fn shrink_to_fit(&mut self) {
        shrink_units(&mut self.body);
        self.preamble.shrink_to_fit();
        self.citations.shrink_to_fit();
        self.responsibilities.shrink_to_fit();
    }
}

fn shrink_units(units: &mut Vec<Unit>) {
    units.shrink_to_fit();
    for u in units {
        u.blocks.shrink_to_fit();
        for l in u.leads.iter_mut().chain(u.partners.iter_mut()) {
            l.agencies.shrink_to_fit();
        }
        shrink_units(&mut u.children);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_parsed_plan_has_no_spare_capacity_and_is_unchanged_by_shrinking() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/layouts");
        let mut names: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        assert!(names.len() >= 30);
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap();
            let plan = crate::parse(&text).plan;
            let mut again = plan.clone();
            again.shrink_to_fit();
            assert_eq!(again, plan, "{}", p.display());
            assert_eq!(plan.body.capacity(), plan.body.len());
            let mut units = 0;
            for u in &plan.body {
                u.walk(&mut |u| {
                    units += 1;
                    assert_eq!(
                        u.blocks.capacity(),
                        u.blocks.len(),
                        "{} {}",
                        p.display(),
                        u.eid
                    );
                    assert_eq!(u.children.capacity(), u.children.len());
                    for l in u.leads.iter().chain(u.partners.iter()) {
                        assert_eq!(l.agencies.capacity(), l.agencies.len());
                    }
                });
            }
            assert!(units > 0, "{}", p.display());
        }
    }
}
