#include "report/management_report_json.h"

#include <nlohmann/json.hpp>

#include "core/assert.h"

namespace prorata::report {

namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order

Json optional_date(const std::optional<Date>& day) { return day ? Json(format_date(*day)) : Json(nullptr); }

Json person_json(const std::optional<Person>& person) {
  if (!person) return nullptr;
  return Json{{"name", person->name}, {"title", person->title}};
}

Json organisation_json(const Organisation& organisation) {
  return Json{{"name", organisation.name},
              {"address", organisation.address},
              {"siren", organisation.siren},
              {"representative", person_json(organisation.representative)}};
}

Json flows_json(const ContributorFlows& flows) {
  return Json{{"called", format_amount(flows.called)},
              {"cancelled", format_amount(flows.cancelled)},
              {"paid", format_amount(flows.paid)},
              {"refunded", format_amount(flows.refunded)},
              {"net_paid", format_amount(flows.net_paid)}};
}

Json spending_json(const SpendingFigures& spending) {
  Json categories = Json::array();
  for (const CategorySpending& line : spending.categories) {
    categories.push_back(Json{{"category", line.category},
                              {"eligible", format_amount(line.eligible)},
                              {"not_eligible", format_amount(line.not_eligible)},
                              {"total", format_amount(line.eligible + line.not_eligible)}});
  }
  return Json{{"categories", categories},
              {"eligible", format_amount(spending.eligible)},
              {"not_eligible", format_amount(spending.not_eligible)},
              {"total", format_amount(spending.total)}};
}

Json term_json(const ManagementReport& report) {
  const TermStatus& term = report.term;
  return Json{{"state", to_string(term.state)},
              {"effective", optional_date(term.effective)},
              {"end", optional_date(term.end)},
              {"end_reason", term.end_reason ? Json(to_string(*term.end_reason)) : Json(nullptr)}};
}

Json amendments_in_force_json(const ManagementReport& report) {
  Json out = Json::array();
  for (const AmendmentRef& a : report.amendments) {
    out.push_back(Json{{"id", a.id}, {"title", a.title}, {"effective", format_date(a.effective)}});
  }
  return out;
}

Json amendments_signed_json(const ManagementReport& report) {
  Json out = Json::array();
  for (const ReportAmendment& a : report.amendments_signed) {
    Json days = Json::array();
    for (const AmendmentSignature& s : a.signed_in_year) days.push_back(Json{{"party", s.party}, {"date", format_date(s.date)}});
    out.push_back(Json{{"id", a.id},
                       {"title", a.title},
                       {"signatures_in_year", days},
                       {"state", to_string(a.status.state)},
                       {"effective", optional_date(a.status.effective)},
                       {"missing_signatures", a.status.missing_signatures}});
  }
  return out;
}

Json settlement_json(const SettlementOutlook& s) {
  return Json{{"provisional", s.provisional},
              {"cap", format_amount(s.cap)},
              {"eligible_spending", format_amount(s.eligible_spending)},
              {"covered", format_amount(s.covered)},
              {"final_contribution", format_amount(s.final_contribution)},
              {"balance", format_amount(s.balance)},
              {"refund_due", format_amount(s.refund_due)},
              {"amount_due", format_amount(s.amount_due)},
              {"outstanding_calls", format_amount(s.outstanding_calls)}};
}

}  // namespace

std::string management_report_json(const ManagementReport& report) {
  check_management_report(report);
  Json contributor{{"id", report.contributor_id}};
  contributor.update(organisation_json(report.contributor));
  Json out{{"format", "prorata-report/1"},
           {"number", report.number.empty() ? Json(nullptr) : Json(report.number)},
           {"mark", to_string(report.mark)},
           {"corrects", report.corrects ? Json{{"number", report.corrects->number},
                                               {"date", format_date(report.corrects->date)}}
                                        : Json(nullptr)},
           {"year", report.year},
           {"period", Json{{"start", format_date(report.period_start)}, {"end", format_date(report.period_end)}}},
           {"issued", format_date(report.issued)},
           {"issuer", organisation_json(report.issuer)},
           {"contributor", contributor},
           {"convention",
            Json{{"id", report.convention_id},
                 {"title", report.convention_title},
                 {"signed_on", optional_date(report.signed_on)},
                 {"amendments", amendments_in_force_json(report)}}},
           {"term", term_json(report)},
           {"legal_basis", report.legal_basis},
           {"currency", "EUR"},
           {"flows", Json{{"year", flows_json(report.in_year)}, {"to_date", flows_json(report.to_date)}}},
           {"spending",
            Json{{"year", spending_json(report.spending_in_year)}, {"to_date", spending_json(report.spending_to_date)}}},
           {"settlement", settlement_json(report.settlement)},
           {"amendments_signed", amendments_signed_json(report)},
           {"place", report.place},
           {"signatory", person_json(report.signatory)}};
  return out.dump(2) + "\n";
}

}  // namespace prorata::report
