//! The `event` field: the one required field, and what it says about the kind.

use super::{Flow, Run};
use crate::issue::IssueCode;
use crate::near_miss;
use crate::quote::quote;
use crate::rules::{self, EventKind};
use crate::token::Token;

impl Run<'_> {
    /// Checks the value of `event`, whose key was just read.
    pub(super) fn event_name(&mut self) -> Flow {
        let first_time = !self.has_event;
        self.has_event = true;
        let token = self.next()?;
        let Token::String { chars } = token else {
            return self.wrong_type("string (the event name)", token, 1);
        };
        if chars == 0 {
            self.report_with(IssueCode::EmptyEventName, |run, d| {
                run.here(d)
                    .message("The event name is empty: send the name of what happened, e.g. \"repair_started\".")
                    .expected("non-empty string");
            });
            return Ok(());
        }
        let max = self.limits.max_event_name_length;
        let over = chars > max;
        if over {
            self.limit(max, "maxEventNameLength", &|_| {
                format!(
                    "The event name has {chars} characters, more than the limit of {max} (maxEventNameLength)."
                )
            });
        }
        // The kind follows the name, over the limit too.
        let name = self.src.text();
        let kind = rules::event_kind(name);
        if first_time {
            self.kind = Some(kind);
        }
        // The search only feeds a suggestion: none is looked for past the
        // cap, but the first name's always is (in strict mode its typo is an
        // error that decides `valid`; later names are duplicate keys), and
        // none for a name over the limit (no listed name is near one so long).
        let search = kind == EventKind::Other && !over && (first_time || self.may_search());
        let suggestion = if search {
            near_miss::suggest_known(near_miss::Known::Events, self.src.text())
        } else {
            None
        };
        if let Some(suggestion) = suggestion {
            self.report_with(IssueCode::PossibleTypo, |run, d| {
                let name = quote(run.src.text());
                run.here(d)
                    .message(pieces!(
                        "\"",
                        name,
                        "\" is not a listed event, so it would be sent as an other event; did you mean \"",
                        suggestion,
                        "\"?"
                    ))
                    .suggestion(suggestion);
            });
        }
        if let (Some(service_type), Some(own)) = (self.service_type, kind.service_type()) {
            if own != service_type {
                self.report_with(IssueCode::EventNotAllowedForServiceType, |run, d| {
                    let name = run.src.text();
                    run.here(d)
                        .message(pieces!(
                            "\"",
                            name,
                            "\" is ",
                            super::article(kind.as_str()),
                            " event, but this service order is ",
                            service_type.as_str(),
                            ": send ",
                            if own == rules::ServiceType::RepairDepot {
                                "onsite"
                            } else {
                                "depot"
                            },
                            " events or other events."
                        ))
                        .expected(pieces!("an event allowed for ", service_type.as_str()))
                        .received(pieces!(kind.as_str(), " event"));
                });
            }
        }
        Ok(())
    }
}
