//! The issue budget: every issue of a result passes this one sink, which
//! keeps at most `maxIssues` of them within a size budget and counts the
//! rest. A hostile body can find an issue per byte; it cannot make the
//! result (or the work of building it) grow past the budget.
//!
//! Issues past the cap are counted, never built: callers ask `has_room` and
//! `fits` first (`Run::report_with`) and write the issue only when it will
//! be kept. The count still decides `valid`, so the verdict stays exact
//! whatever was left out.
//!
//! The issues kept are records (`crate::draft`), their text fields written
//! into one text, which is the result's text on the wire (`crate::wire`).

use crate::draft::{Draft, Record};
use crate::issue::{Issue, IssueCode};

/// Bytes of issues a result holds besides the input's own size: the exact
/// paths of a few issues about a long key can be as long as the input, and
/// everything else an issue carries is short (messages quote at most
/// `crate::quote::QUOTE_CHARS` characters of input).
pub const SIZE_BUDGET: usize = 64 * 1024;

/// What an issue weighs against the budget besides its text: its code and
/// its record of numbers on the wire.
const ISSUE_OVERHEAD: usize = 32;

/// Lists longer than this are freed rather than kept for the next result.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const KEPT_LIST_ISSUES: usize = 64;

/// A text longer than this is freed rather than kept for the next result
/// (the paths of issues about a long key can be a megabyte).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const KEPT_TEXT_BYTES: usize = 64 << 10;

/// The issues of a finished result: errors and warnings as records, and the
/// text their fields are in.
#[derive(Debug, Default)]
pub(crate) struct Issues {
    /// Every error, in document order.
    pub errors: Vec<Record>,
    /// Every warning, in document order.
    pub warnings: Vec<Record>,
    /// Every text field of them, in the order they were written.
    pub text: String,
}

impl Issues {
    /// Whether there is no issue at all.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }

    /// The errors and the warnings as `Issue`s (for a Rust caller).
    pub fn to_lists(&self) -> (Vec<Issue>, Vec<Issue>) {
        let list = |records: &[Record]| records.iter().map(|r| r.to_issue(&self.text)).collect();
        (list(&self.errors), list(&self.warnings))
    }
}

thread_local! {
    /// The lists and text of the last result given back by `recycle`,
    /// empty, for the next sink: a result with issues then allocates nothing.
    static SPARE: std::cell::Cell<Option<Issues>> = const { std::cell::Cell::new(None) };
}

/// Gives the lists and text of a result that is done with back for the next
/// sink (the module does, once a result is read).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn recycle(mut issues: Issues) {
    if issues.errors.capacity() <= KEPT_LIST_ISSUES
        && issues.warnings.capacity() <= KEPT_LIST_ISSUES
        && issues.text.capacity() <= KEPT_TEXT_BYTES
    {
        issues.errors.clear();
        issues.warnings.clear();
        issues.text.clear();
        SPARE.with(|spare| spare.set(Some(issues)));
    }
}

/// Which issue `push` kept: its list and index, to amend it later (the
/// place of an issue about a container is known when the container ends).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kept {
    warning: bool,
    index: usize,
}

/// Issues left out during a run of the walk's fast lane, counted apart
/// (`IssueSink::tally`, `IssueSink::add`): within a run the list does not
/// change, so whether it is full is asked once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tally {
    full: bool,
    strict: bool,
    errors: usize,
    warnings: usize,
}

impl Tally {
    /// Counts an issue of `code` when no issue would be kept any more
    /// (`true`): the fast lane has nothing else to do for it. `false` when
    /// it would be kept, and must be built the careful way.
    #[inline(always)]
    pub fn left_out(&mut self, code: IssueCode) -> bool {
        if !self.full {
            return false;
        }
        if self.strict || !code.is_warning() {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
        true
    }
}

/// Where a sink's list stood (`IssueSink::mark`, `IssueSink::rewind`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Mark {
    errors: usize,
    left_out: usize,
    text: usize,
}

/// Collects the issues of one result, in document order.
#[derive(Debug, Default)]
pub(crate) struct IssueSink {
    max_issues: usize,
    strict: bool,
    issues: Issues,
    /// Bytes of the issues kept.
    used: usize,
    /// The size budget ran out: nothing more is kept.
    full: bool,
    /// Issues found but not kept.
    left_out: usize,
    /// An error was found, kept or not.
    invalid: bool,
}

impl IssueSink {
    /// A sink that keeps at most `max_issues` issues; in `strict` mode
    /// warnings are errors.
    pub fn new(max_issues: usize, strict: bool) -> IssueSink {
        IssueSink {
            max_issues,
            strict,
            issues: SPARE.with(std::cell::Cell::take).unwrap_or_default(),
            ..IssueSink::default()
        }
    }

    /// Whether an issue of `code` is an error here.
    fn is_error(&self, code: IssueCode) -> bool {
        self.strict || !code.is_warning()
    }

    /// Whether the next issue would be kept. When it would not, the caller
    /// must `leave_out` it instead of building it.
    pub fn has_room(&self) -> bool {
        !self.full && self.issues.errors.len() + self.issues.warnings.len() < self.max_issues
    }

    /// Whether an issue of at least `min_size` bytes (its path) still fits
    /// the size budget; when it does not, the list ends here. Asked before an
    /// issue is built, so a path of a megabyte is not written out only to be
    /// left out.
    pub fn fits(&mut self, min_size: usize, input_bytes: usize) -> bool {
        let budget = SIZE_BUDGET.saturating_add(input_bytes);
        if self.used.saturating_add(ISSUE_OVERHEAD + min_size) > budget {
            self.full = true;
        }
        !self.full
    }

    /// Counts an issue of `code` that is not built.
    pub fn leave_out(&mut self, code: IssueCode) {
        self.invalid |= self.is_error(code);
        self.left_out += 1;
    }

    /// A tally for a run of the walk's fast lane, in which no issue is
    /// kept: whether the list is full already, and nothing counted yet.
    pub fn tally(&self) -> Tally {
        Tally {
            full: !self.has_room(),
            strict: self.strict,
            errors: 0,
            warnings: 0,
        }
    }

    /// Counts the issues `tally` left out.
    pub fn add(&mut self, tally: Tally) {
        self.left_out += tally.errors + tally.warnings;
        self.invalid |= tally.errors > 0;
    }

    /// The text the next issue is written into (`Draft::new`), lent until
    /// `keep` takes the issue written.
    pub fn lend_text(&mut self) -> String {
        std::mem::take(&mut self.issues.text)
    }

    /// Keeps the issue just written at the end of `text` (lent by
    /// `lend_text`, from byte `from`), or counts it when the cap or the size
    /// budget (which grows with `input_bytes`, the size of the input read so
    /// far) is passed.
    pub fn keep(
        &mut self,
        record: Record,
        mut text: String,
        from: usize,
        input_bytes: usize,
    ) -> Option<Kept> {
        let size = ISSUE_OVERHEAD + text.len().saturating_sub(from);
        let kept = if !self.has_room() {
            None
        } else if self.used.saturating_add(size) > SIZE_BUDGET.saturating_add(input_bytes) {
            self.full = true;
            None
        } else {
            Some(size)
        };
        let Some(size) = kept else {
            text.truncate(from);
            self.issues.text = text;
            self.leave_out(record.code);
            return None;
        };
        self.issues.text = text;
        self.used += size;
        let warning = !self.is_error(record.code);
        let list = if warning {
            &mut self.issues.warnings
        } else {
            self.invalid = true;
            &mut self.issues.errors
        };
        list.push(record);
        Some(Kept {
            warning,
            index: list.len() - 1,
        })
    }

    /// Keeps `issue`, built already, as `keep` does.
    pub fn push(&mut self, issue: &Issue, input_bytes: usize) -> Option<Kept> {
        let mut text = self.lend_text();
        let from = text.len();
        let record = Draft::copy_of(&mut text, issue).record;
        self.keep(record, text, from, input_bytes)
    }

    /// An issue kept earlier.
    pub fn get_mut(&mut self, kept: Kept) -> Option<&mut Record> {
        let list = if kept.warning {
            &mut self.issues.warnings
        } else {
            &mut self.issues.errors
        };
        list.get_mut(kept.index)
    }

    /// Every issue kept so far.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Record> {
        self.issues
            .errors
            .iter_mut()
            .chain(self.issues.warnings.iter_mut())
    }

    /// Where the list stands: the errors kept and the issues left out so far.
    pub fn mark(&self) -> Mark {
        Mark {
            errors: self.issues.errors.len(),
            left_out: self.left_out,
            text: self.issues.text.len(),
        }
    }

    /// Forgets every issue found since `mark` was taken, when only errors
    /// had been found (the order's, when the text turns out not to be JSON
    /// and what was found in it means nothing).
    pub fn rewind(&mut self, mark: Mark) {
        self.issues.errors.truncate(mark.errors);
        self.issues.warnings.clear();
        self.issues.text.truncate(mark.text);
        self.used = ISSUE_OVERHEAD * self.issues.errors.len() + self.issues.text.len();
        self.full = false;
        self.left_out = mark.left_out;
        self.invalid = !self.issues.errors.is_empty() || mark.left_out > 0;
    }

    /// Whether an error was found (so far), kept or left out.
    pub fn invalid(&self) -> bool {
        self.invalid
    }

    /// The errors and the warnings; when some were left out, a last
    /// `too_many_issues` says how many, in the errors when the event is
    /// invalid and in the warnings when it is not.
    pub fn finish(mut self) -> Issues {
        if self.left_out > 0 {
            let (max, n) = (self.max_issues, self.left_out);
            let kept = self.issues.errors.len() + self.issues.warnings.len();
            let why = if kept < max {
                "the result reached its size budget".to_owned()
            } else {
                format!("a result holds at most {max} (maxIssues)")
            };
            let issue = Issue::new(
                IssueCode::TooManyIssues,
                "",
                format!(
                    "{n} more {} left out: {why}. Fix the issues above and validate again to see them.",
                    if n == 1 { "issue was" } else { "issues were" },
                ),
            )
            .expected(format!("at most {max} issues (maxIssues)"))
            .received(format!("{} issues", kept + n));
            let record = Draft::copy_of(&mut self.issues.text, &issue).record;
            if self.invalid {
                self.issues.errors.push(record);
            } else {
                self.issues.warnings.push(record);
            }
        }
        self.issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(code: IssueCode, path: &str) -> Issue {
        Issue::new(code, path, "m")
    }

    #[test]
    fn keeps_the_first_issues_and_counts_the_rest() {
        let mut sink = IssueSink::new(3, false);
        for i in 0..5 {
            sink.push(&issue(IssueCode::PossibleTypo, &format!("/w{i}")), 0);
        }
        assert!(!sink.has_room());
        sink.leave_out(IssueCode::TimestampInSeconds);
        assert!(!sink.invalid());
        let (errors, warnings) = sink.finish().to_lists();
        assert!(errors.is_empty());
        assert_eq!(warnings.len(), 4);
        let last = warnings.last().unwrap();
        assert_eq!(last.code, IssueCode::TooManyIssues);
        assert_eq!(last.path, "");
        assert!(
            last.message.starts_with("3 more issues were left out"),
            "{}",
            last.message
        );
    }

    #[test]
    fn an_error_left_out_still_makes_the_event_invalid() {
        let mut sink = IssueSink::new(1, false);
        sink.push(&issue(IssueCode::PossibleTypo, "/a"), 0);
        sink.leave_out(IssueCode::InvalidType);
        assert!(sink.invalid());
        let (errors, warnings) = sink.finish().to_lists();
        assert_eq!(warnings.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, IssueCode::TooManyIssues);
    }

    #[test]
    fn strict_mode_counts_warnings_as_errors() {
        let mut sink = IssueSink::new(0, true);
        sink.leave_out(IssueCode::PossibleTypo);
        assert!(sink.invalid());
    }

    #[test]
    fn the_size_budget_ends_the_list_too() {
        let long = "/".to_owned() + &"k".repeat(40_000);
        let mut sink = IssueSink::new(100, false);
        for _ in 0..5 {
            sink.push(&issue(IssueCode::InvalidType, &long), 0);
        }
        let (errors, _) = sink.finish().to_lists();
        // 64 KiB holds one 40 kB path; the input's size would hold more.
        assert_eq!(errors.len(), 2);
        assert!(errors[1].message.contains("size budget"));
        let mut sink = IssueSink::new(100, false);
        for _ in 0..5 {
            sink.push(&issue(IssueCode::InvalidType, &long), long.len() * 2);
        }
        assert_eq!(sink.finish().errors.len(), 4);
    }

    #[test]
    fn rewinding_forgets_the_rest_and_what_was_left_out() {
        let mut sink = IssueSink::new(2, false);
        sink.push(&issue(IssueCode::OrderClosed, ""), 0);
        let mark = sink.mark();
        sink.push(&issue(IssueCode::PossibleTypo, "/a"), 0);
        sink.push(&issue(IssueCode::InvalidType, "/b"), 0);
        sink.rewind(mark);
        assert!(sink.has_room());
        let kept = sink.push(&issue(IssueCode::InvalidJson, ""), 0).unwrap();
        assert_eq!(sink.get_mut(kept).unwrap().code, IssueCode::InvalidJson);
        let (errors, warnings) = sink.finish().to_lists();
        let codes: Vec<_> = errors.iter().map(|i| i.code).collect();
        assert_eq!(codes, [IssueCode::OrderClosed, IssueCode::InvalidJson]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn recycled_lists_serve_the_next_sink_empty() {
        let mut sink = IssueSink::new(8, false);
        sink.push(&issue(IssueCode::InvalidType, "/a"), 0);
        sink.push(&issue(IssueCode::PossibleTypo, "/b"), 0);
        let issues = sink.finish();
        let capacity = (
            issues.errors.capacity(),
            issues.warnings.capacity(),
            issues.text.capacity(),
        );
        recycle(issues);
        let sink = IssueSink::new(8, false);
        let spare = &sink.issues;
        assert!(spare.is_empty() && spare.text.is_empty());
        assert_eq!(
            (
                spare.errors.capacity(),
                spare.warnings.capacity(),
                spare.text.capacity()
            ),
            capacity
        );
        // Too long a list, or too long a text, is not kept.
        recycle(Issues {
            errors: Vec::with_capacity(KEPT_LIST_ISSUES + 1),
            ..Issues::default()
        });
        assert_eq!(IssueSink::new(8, false).issues.errors.capacity(), 0);
        recycle(Issues {
            text: String::with_capacity(KEPT_TEXT_BYTES + 1),
            ..Issues::default()
        });
        assert_eq!(IssueSink::new(8, false).issues.text.capacity(), 0);
    }

    #[test]
    fn nothing_left_out_means_no_last_issue() {
        let mut sink = IssueSink::new(2, false);
        sink.push(&issue(IssueCode::InvalidType, "/a"), 0);
        sink.push(&issue(IssueCode::PossibleTypo, "/b"), 0);
        let (errors, warnings) = sink.finish().to_lists();
        assert_eq!((errors.len(), warnings.len()), (1, 1));
    }
}
