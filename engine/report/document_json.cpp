#include "report/document_json.h"

#include <nlohmann/json.hpp>

#include "core/assert.h"
#include "report/document_text.h"

namespace prorata::report {

namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order

Json optional_date(const std::optional<Date>& day) { return day ? Json(format_date(*day)) : Json(nullptr); }

Json amendments_json(const std::vector<AmendmentRef>& amendments) {
  Json out = Json::array();
  for (const AmendmentRef& a : amendments) {
    out.push_back(Json{{"id", a.id}, {"title", a.title}, {"effective", format_date(a.effective)}});
  }
  return out;
}

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

Json rib_json(const std::optional<Rib>& rib) {
  if (!rib) return nullptr;
  return Json{{"bank", rib->bank}, {"branch", rib->branch}, {"account", rib->account}, {"key", rib->key}};
}

Json account_json(const std::optional<BankAccount>& account) {
  if (!account) return nullptr;
  return Json{{"holder", account->holder},
              {"domiciliation", account->domiciliation},
              {"rib", rib_json(account->rib)},
              {"iban", normalise_iban(account->iban)},
              {"bic", account->bic}};
}

Json budget_json(const std::optional<Budget>& budget) {
  if (!budget) return nullptr;
  return Json{{"fund", budget->fund}, {"programme", budget->programme}, {"note", budget->note}};
}

Json settlement_json(const RefundNotice& notice) {
  Json lines = Json::array();
  for (const SettlementLine& line : notice.settlement) {
    lines.push_back(Json{{"id", line.id},
                         {"name", line.name},
                         {"net_paid", format_amount(line.net_paid)},
                         {"final_contribution", format_amount(line.final_contribution)},
                         {"refund", format_amount(line.refund)}});
  }
  const SettlementTotals totals = settlement_totals(notice.settlement);
  Json total{{"net_paid", format_amount(totals.net_paid)},
             {"final_contribution", format_amount(totals.final_contribution)},
             {"refund", format_amount(totals.refund)}};
  return Json{{"eligible_spending", format_amount(notice.eligible_spending)},
              {"covered", format_amount(notice.covered)},
              {"rule", notice.rule},
              {"lines", lines},
              {"total", total}};
}

}  // namespace

std::string statement_json(const StatementDocument& document) {
  PRORATA_ASSERT(document.amount >= Money{});
  Json out{{"format", "prorata-statement/1"},
           {"number", document.number},
           {"issued", format_date(document.issued)},
           {"creditor", organisation_json(document.creditor)},
           {"accountant", document.accountant},
           {"debtor", organisation_json(document.debtor)},
           {"convention",
            Json{{"id", document.convention_id},
                 {"title", document.convention_title},
                 {"signed_on", optional_date(document.signed_on)},
                 {"amendments", amendments_json(document.amendments)}}},
           {"legal_basis", document.legal_basis},
           {"currency", "EUR"},
           {"amount", format_amount(document.amount)},
           {"amount_words", document.amount_words},
           {"pay_to", account_json(document.pay_to)},
           {"payment_reference", document.payment_reference},
           {"budget", budget_json(document.budget)},
           {"place", document.place},
           {"signatory", person_json(document.signatory)}};
  return out.dump(2) + "\n";
}

std::string refund_notice_json(const RefundNotice& notice) {
  check_refund_notice(notice);
  Json contributor{{"id", notice.contributor_id}};
  contributor.update(organisation_json(notice.contributor));
  Json out{{"format", "prorata-refund-notice/1"},
           {"number", notice.number},
           {"issued", format_date(notice.issued)},
           {"provisional", notice.provisional},
           {"issuer", organisation_json(notice.issuer)},
           {"contributor", contributor},
           {"convention",
            Json{{"id", notice.convention_id},
                 {"title", notice.convention_title},
                 {"signed_on", optional_date(notice.signed_on)},
                 {"amendments", amendments_json(notice.amendments)},
                 {"term_end", optional_date(notice.term_end)}}},
           {"legal_basis", notice.legal_basis},
           {"settlement", settlement_json(notice)},
           {"currency", "EUR"},
           {"amount", format_amount(notice.amount)},
           {"amount_words", notice.amount_words},
           {"refund_to", account_json(notice.refund_to)},
           {"place", notice.place},
           {"signatory", person_json(notice.signatory)}};
  return out.dump(2) + "\n";
}

}  // namespace prorata::report
