#include <nlohmann/json.hpp>

#include "report/status_json_value.h"
#include "report/status_output.h"

namespace prorata::report {

namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order

Json optional_date(const std::optional<Date>& day) { return day ? Json(format_date(*day)) : Json(nullptr); }

Json totals_json(const Totals& t) {
  return Json{{"caps", format_amount(t.caps)},
              {"called", format_amount(t.called)},
              {"cancelled", format_amount(t.cancelled)},
              {"paid", format_amount(t.paid)},
              {"refunded", format_amount(t.refunded)},
              {"spending", format_amount(t.spending)},
              {"eligible_spending", format_amount(t.eligible_spending)},
              {"covered", format_amount(t.covered)},
              {"uncovered", format_amount(t.uncovered)},
              {"refund_due", format_amount(t.refund_due)},
              {"amount_due", format_amount(t.amount_due)}};
}

Json contributor_json(const ContributorStatus& c) {
  return Json{{"id", c.id},
              {"cap_agreed", format_amount(c.cap_agreed)},
              {"cap", format_amount(c.cap)},
              {"called", format_amount(c.called)},
              {"cancelled", format_amount(c.cancelled)},
              {"paid", format_amount(c.paid)},
              {"refunded", format_amount(c.refunded)},
              {"net_paid", format_amount(c.net_paid)},
              {"final_contribution", format_amount(c.final_contribution)},
              {"balance", format_amount(c.balance)},
              {"refund_due", format_amount(c.refund_due)},
              {"amount_due", format_amount(c.amount_due)},
              {"outstanding_calls", format_amount(c.outstanding_calls)}};
}

}  // namespace

nlohmann::ordered_json totals_json_value(const Totals& totals) { return totals_json(totals); }

std::string status_json(const Status& status) { return status_json_value(status).dump(2) + "\n"; }

nlohmann::ordered_json status_json_value(const Status& status) {
  Json term{{"state", to_string(status.term.state)},
            {"effective", optional_date(status.term.effective)},
            {"end", optional_date(status.term.end)},
            {"end_reason", status.term.end_reason ? Json(to_string(*status.term.end_reason)) : Json(nullptr)}};
  Json amendments = Json::array();
  for (const AmendmentStatus& a : status.amendments) {
    Json item{{"id", a.id}, {"state", to_string(a.state)}};
    if (a.state == AmendmentState::in_force) item["effective"] = optional_date(a.effective);
    else item["missing_signatures"] = a.missing_signatures;
    amendments.push_back(item);
  }
  Json contributors = Json::array();
  for (const auto& c : status.contributors) contributors.push_back(contributor_json(c));
  Json out{{"format", "prorata-status/1"},
           {"convention", status.convention},
           {"as_of", format_date(status.as_of)},
           {"currency", status.currency},
           {"term", term},
           {"amendments", amendments},
           {"totals", totals_json(status.totals)},
           {"contributors", contributors}};
  return out;
}

}  // namespace prorata::report
