//! Assignments read from headings and prose: a unit headed by an agency ("3. Sở Y tế: …") and
//! an assignment phrase ("(Giao Công an tỉnh chủ trì …; hoàn thành trước ngày 28/2/2023)").

use super::assign::starts_like_agency;
use super::model::*;
use super::parse::DocParser;

impl DocParser<'_> {
    /// A numbered unit headed by an agency ("3. Sở Y tế: chủ trì …", "1. Các sở, ngành, Ủy ban
    /// nhân dân xã, phường"): in "Tổ chức thực hiện" a responsibility of that agency, elsewhere a
    /// task led by it. Otherwise an assignment phrase in its text.
    pub(crate) fn agency_heading(
        &mut self,
        rest: &str,
        start: usize,
        stack: &mut [Unit],
        plan: &mut Plan,
    ) {
        // "2. Giao Công an tỉnh chủ trì, …": an explicit assignment, also in "Tổ chức thực hiện".
        if rest.starts_with("Giao ") && rest.contains(" chủ trì") {
            self.phrase(rest, start, stack);
            return;
        }
        // "6. Giao Sở Tư pháp theo dõi …", "11. Đề nghị Chi cục Hải quan …": the agency follows.
        let (rest, start) = match ["Giao ", "Đề nghị "]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
        {
            Some(r) if starts_like_agency(r) => (r, start + (rest.len() - r.len())),
            _ => (rest, start),
        };
        if !starts_like_agency(rest) {
            self.phrase(rest, start, stack);
            return;
        }
        // "2. Đối tượng áp dụng: … b) Các tổ chức, cá nhân có liên quan": who the plan concerns,
        // not who leads.
        if under_target_groups(stack) {
            return;
        }
        // "17. Ủy ban nhân dân xã, phường" … "c) Chủ tịch Ủy ban nhân dân xã, phường chịu trách
        // nhiệm …": a point of a unit that already has its lead details that lead's duties.
        let parents = stack.len().saturating_sub(1);
        if stack
            .get(..parents)
            .is_some_and(|p| p.iter().any(|u| u.leads.is_some()))
        {
            return;
        }
        let (agency, whole) = match rest.find(':') {
            Some(c) if c <= 200 => (rest.get(..c).unwrap_or(""), false),
            Some(_) => return,
            None if rest.chars().count() <= 120 && !rest.trim_end().contains(['.', ';']) => {
                (rest, true)
            }
            None => {
                self.phrase(rest, start, stack);
                return;
            }
        };
        // "… có trách nhiệm:", "… chịu trách nhiệm:", "… chủ trì …": the agencies come before.
        let mut agency = super::assign::lead_part(agency.trim_end()).trim_end();
        if super::assign::is_description(agency) {
            return;
        }
        for tail in [" có trách nhiệm", " chịu trách nhiệm", " thực hiện"] {
            if let Some(head) = agency.strip_suffix(tail) {
                agency = head.trim_end();
            }
        }
        if agency.is_empty() {
            return;
        }
        if self.org_article || in_organization_section(stack) {
            let (agencies, _) = self.split_agencies(agency, &self.loc(start), 8);
            if let (Some(a), Some(u)) = (agencies.into_iter().next(), stack.last()) {
                plan.responsibilities.push(Responsibility {
                    agency: a,
                    number: u.number.clone(),
                    text: rest.to_string(),
                    span: u.span,
                });
            }
            return;
        }
        let known = if super::assign::starts_with_specific_head(agency) {
            Known::No
        } else if whole {
            Known::All
        } else {
            Known::Any
        };
        self.assign(stack, agency, start, None, known);
    }

    /// An assignment phrase in a paragraph or bullet of the top unit ("(Giao Công an tỉnh chủ
    /// trì …; hoàn thành trước ngày 28/2/2023)"): its lead, and its time when it reads as one.
    pub(crate) fn phrase(&mut self, text: &str, start: usize, stack: &mut [Unit]) {
        // A unit that has its lead takes no other (decided before the text is searched).
        if stack.last().is_none_or(|u| u.leads.is_some()) {
            return;
        }
        // Searchers built once: a `&str` pattern builds one per call, and every paragraph of a
        // unit without a lead is searched.
        static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> =
            std::sync::OnceLock::new();
        let finders = FINDERS.get_or_init(|| ["hủ trì", "iao "].map(memchr::memmem::Finder::new));
        if finders.iter().all(|f| f.find(text.as_bytes()).is_none()) {
            return;
        }
        let Some((agency, time)) = super::assign::find_assignment(text) else {
            return;
        };
        // In "Tổ chức thực hiện" only an explicit assignment ("Giao X chủ trì …") or one with
        // its deadline is a task; the rest describes duties.
        if self.org_article || in_organization_section(stack) {
            let giao = text
                .get(..agency.start)
                .is_some_and(|b| crate::text::lower(b).trim_end().ends_with("giao"));
            let chu_tri = text
                .get(agency.end..)
                .is_some_and(|a| a.trim_start().starts_with("chủ trì"));
            if !((giao && chu_tri) || time.is_some()) {
                return;
            }
        }
        let a = text.get(agency.clone()).unwrap_or("");
        let t = time.map(|r| (text.get(r.clone()).unwrap_or(""), start + r.start));
        self.assign(stack, a, start + agency.start, t, Known::No);
        self.phrase_open = stack
            .last()
            .is_some_and(|u| u.leads.is_some() && u.timeframe.is_none())
            && !text.trim_end().ends_with('.');
        let tail = crate::text::lower(text.trim_end());
        self.phrase_time_next = self.phrase_open
            && ["hoàn thành", "thời hạn", "thời gian"]
                .iter()
                .any(|w| tail.ends_with(w));
    }

    /// The rest of an assignment phrase's sentence, broken over lines: its time, if it has one.
    pub(crate) fn phrase_time(&mut self, text: &str, start: usize, stack: &mut [Unit]) {
        let lower = crate::text::lower(text);
        let end_of_sentence = text.trim_end().ends_with('.') || lower.contains(". ");
        if lower.len() == text.len() {
            let sentence_end = lower.find(". ").map_or(text.len(), |e| e + 1);
            // "… hoàn thành" / "trong năm 2026.": the time starts the line.
            let found = if self.phrase_time_next {
                super::assign::time_words(text, &lower, 0, sentence_end)
            } else {
                super::assign::time_after(text, &lower, 0, sentence_end)
            };
            self.phrase_time_next = false;
            if let Some(r) = found {
                let t = text.get(r.clone()).unwrap_or("");
                let (tf, _) = self.parse_timeframe(t, &self.loc(start + r.start));
                if let Some(u) = stack.last_mut() {
                    if tf.is_recognized() && u.timeframe.is_none() {
                        u.timeframe = Some(Box::new(tf));
                    }
                }
                self.phrase_open = false;
                return;
            }
        }
        if end_of_sentence {
            self.phrase_open = false;
        }
    }

    /// Sets the top unit's lead (and timeframe) from an assignment phrase.
    /// With `known`, only when the registry knows one of the agencies (a heading such as
    /// "7. Các ngành, lĩnh vực khác" starts like an agency but names none).
    pub(crate) fn assign(
        &mut self,
        stack: &mut [Unit],
        agency: &str,
        at: usize,
        time: Option<(&str, usize)>,
        known: Known,
    ) {
        let Some(u) = stack.last_mut() else { return };
        if u.leads.is_some() {
            return;
        }
        if known != Known::No {
            let (probe, _) = self.split_agencies(agency, &self.loc(at), 16);
            let ok = match known {
                Known::All => !probe.is_empty() && probe.iter().all(|a| a.known),
                _ => probe.iter().any(|a| a.known),
            };
            if !ok {
                return;
            }
        }
        let left = self.opts.max_agencies.saturating_sub(self.agencies);
        let (mut agencies, diags) = self.split_agencies(agency, &self.loc(at), left);
        self.agencies += agencies.len();
        self.diagnostics.extend(diags);
        if agencies.is_empty() {
            return;
        }
        if let Some(on) = self.opts.as_of {
            // In the plan's province, as a labelled lead's ("Sở Tài chính" of a Hồ Chí Minh
            // City plan carries the city's merger of 01/07/2025).
            let reg = crate::agency::Registry::embedded();
            for a in &mut agencies {
                a.current = Some(self.holders.holders(reg, a, on, self.province.as_deref()));
            }
        }
        u.leads = Some(Box::new(Leads {
            label: compact_str::CompactString::default(),
            text: agency.into(),
            span: self.span(at, at + agency.len()),
            agencies,
        }));
        if let Some((t, t_at)) = time {
            let (tf, _) = self.parse_timeframe(t, &self.loc(t_at));
            if tf.is_recognized() && u.timeframe.is_none() {
                u.timeframe = Some(Box::new(tf));
            }
        }
        if u.source.is_none() {
            u.source = Some(TaskSource::Phrase);
        }
    }
}

/// How much of an agency heading the registry must know before it leads a task.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// Assignment phrases: the verb says it is an agency.
    No,
    /// "Sở Y tế: chủ trì …": one known agency before the colon.
    Any,
    /// A heading that is only names ("1. Công an tỉnh"): every one known.
    All,
}

/// Whether the open units are inside a "Tổ chức thực hiện" section.
/// Whether the unit on top of `stack` lists whom the plan concerns: its parent is headed
/// "Đối tượng (áp dụng / thụ hưởng)" or "Phạm vi, đối tượng".
fn under_target_groups(stack: &[Unit]) -> bool {
    let parents = stack.len().saturating_sub(1);
    stack
        .get(..parents)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take(1)
        .any(|u| {
            u.heading.as_ref().is_some_and(|h| {
                let l = crate::text::lower(crate::text::prefix_chars(&h.text, 40));
                l.starts_with("đối tượng") || l.starts_with("phạm vi, đối tượng")
            })
        })
}

pub(crate) fn in_organization_section(stack: &[Unit]) -> bool {
    stack.iter().any(|u| {
        matches!(u.kind, UnitKind::Section | UnitKind::Division)
            && u.heading.as_ref().is_some_and(|h| {
                // Organization and funding sections describe duties, they assign no tasks.
                // A heading's first words say what it is: bounded, so that a hostile
                // megabyte heading is not lowercased again for every line under it.
                let head = crate::text::prefix_chars(&h.text, 80);
                crate::text::contains_lowercase(head, "tổ chức thực hiện")
                    || crate::text::starts_with_lowercase(head, "kinh phí")
            })
    })
}
