#include "report/document_json.h"

#include <nlohmann/json.hpp>

#include "core/assert.h"
#include "report/document_words.h"

namespace prorata::report {

namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order

Json optional_date(const std::optional<Date>& day) { return day ? Json(format_date(*day)) : Json(nullptr); }
Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

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

Json party_json(const std::string& id, const Organisation& organisation) {
  Json out{{"id", id}};
  out.update(organisation_json(organisation));
  return out;
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

Json convention_json(const ConventionRef& convention) {
  Json amendments = Json::array();
  for (const AmendmentRef& a : convention.amendments) {
    amendments.push_back(Json{{"id", a.id}, {"title", a.title}, {"effective", format_date(a.effective)}});
  }
  return Json{{"id", convention.id},
              {"title", convention.title},
              {"signed_on", optional_date(convention.signed_on)},
              {"amendments", amendments}};
}

Json term_end_json(const std::optional<TermEndRef>& term) {
  if (!term) return nullptr;
  return Json{{"end", format_date(term->end)},
              {"reason", to_string(term->reason)},
              {"milestone", optional_text(term->milestone)},
              {"max_duration", format_duration(term->max_duration)},
              {"notice", optional_date(term->notice)}};
}

Json signature_json(const Signature& signature) {
  return Json{{"place", signature.place}, {"signatory", person_json(signature.signatory)}};
}

// The keys every document starts with, in this order.
Json head(const char* kind, const std::string& number, DocumentMark mark, Date issued,
          const std::optional<CorrectionRef>& corrects) {
  Json correction = corrects ? Json{{"number", corrects->number}, {"date", format_date(corrects->date)}} : Json(nullptr);
  return Json{{"format", document_json_format},
              {"kind", kind},
              {"number", optional_text(number)},
              {"mark", to_string(mark)},
              {"corrects", correction},
              {"issued", format_date(issued)}};
}

Json amount(Money value) { return format_amount(value); }

Json calls_json(const StatementDocument& d) {
  Json earlier = Json::array();
  for (const EarlierCall& call : d.earlier_calls) {
    earlier.push_back(Json{{"number", optional_text(call.number)},
                           {"date", format_date(call.date)},
                           {"amount", amount(call.amount)},
                           {"memo", call.memo}});
  }
  return Json{{"call", d.call}, {"cap", amount(d.cap)}, {"earlier", earlier}, {"called_to_date", amount(d.called_to_date)}};
}

Json complementary_json(const std::optional<ComplementaryBasis>& s) {
  if (!s) return nullptr;
  return Json{{"term_end", term_end_json(s->term)},
              {"final_contribution", amount(s->final_contribution)},
              {"paid", amount(s->paid)},
              {"refunded", amount(s->refunded)},
              {"net_paid", amount(s->net_paid)},
              {"amount_due", amount(s->amount_due)},
              {"reversal", amount(s->reversal)}};
}

Json settlement_json(const RefundNotice& notice) {
  Json categories = Json::array();
  for (const CategoryAmount& c : notice.eligible_by_category) {
    categories.push_back(Json{{"category", c.category}, {"amount", amount(c.amount)}});
  }
  Json lines = Json::array();
  for (const SettlementLine& line : notice.settlement) {
    lines.push_back(Json{{"id", line.id},
                         {"name", line.name},
                         {"net_paid", amount(line.net_paid)},
                         {"final_contribution", amount(line.final_contribution)},
                         {"refund", amount(line.refund)},
                         {"amount_due", amount(line.amount_due)}});
  }
  const SettlementTotals totals = settlement_totals(notice.settlement);
  Json total{{"net_paid", amount(totals.net_paid)},
             {"final_contribution", amount(totals.final_contribution)},
             {"refund", amount(totals.refund)},
             {"amount_due", amount(totals.amount_due)}};
  return Json{{"eligible_by_category", categories},
              {"eligible_spending", amount(notice.eligible_spending)},
              {"covered", amount(notice.covered)},
              {"rule", notice.rule},
              {"lines", lines},
              {"total", total}};
}

std::string dumped(const Json& json) { return json.dump(2) + "\n"; }

}  // namespace

std::string statement_json(const StatementDocument& d) {
  PRORATA_ASSERT(d.amount > Money{});
  Json out = head("statement", d.number, d.mark, d.issued, d.corrects);
  out.update(Json{{"complementary", d.complementary},
                  {"creditor", organisation_json(d.creditor)},
                  {"accountant", d.accountant},
                  {"debtor", party_json(d.debtor_id, d.debtor)},
                  {"convention", convention_json(d.convention)},
                  {"legal_basis", d.legal_basis},
                  {"calls", calls_json(d)},
                  {"settlement", complementary_json(d.settlement)},
                  {"currency", "EUR"},
                  {"amount", amount(d.amount)},
                  {"amount_words", d.amount_words},
                  {"due", optional_date(d.due)},
                  {"budget_year", d.budget_year},
                  {"vat_mention", d.vat_mention},
                  {"pay_to", account_json(d.pay_to)},
                  {"payment_reference", d.payment_reference},
                  {"budget", budget_json(d.budget)},
                  {"signature", signature_json(d.signature)}});
  return dumped(out);
}

std::string refund_notice_json(const RefundNotice& n) {
  check_refund_notice(n);
  Json out = head("refund_notice", n.number, n.mark, n.issued, n.corrects);
  out.update(Json{{"issuer", organisation_json(n.issuer)},
                  {"contributor", party_json(n.contributor_id, n.contributor)},
                  {"convention", convention_json(n.convention)},
                  {"term_end", term_end_json(n.term_end)},
                  {"legal_basis", n.legal_basis},
                  {"settlement", settlement_json(n)},
                  {"currency", "EUR"},
                  {"amount", amount(n.amount)},
                  {"amount_words", n.amount_words},
                  {"calls_cancelled", amount(n.calls_cancelled)},
                  {"refund_to", account_json(n.refund_to)},
                  {"signature", signature_json(n.signature)}});
  return dumped(out);
}

std::string reversal_order_json(const ReversalOrder& o) {
  check_reversal_order(o);
  Json out = head("reversal_order", o.number, o.mark, o.issued, o.corrects);
  out.update(Json{{"issuer", organisation_json(o.issuer)},
                  {"accountant", o.accountant},
                  {"debtor", party_json(o.debtor_id, o.debtor)},
                  {"convention", convention_json(o.convention)},
                  {"term_end", term_end_json(o.term_end)},
                  {"legal_basis", o.legal_basis},
                  {"paid", amount(o.paid)},
                  {"refunded", amount(o.refunded)},
                  {"net_paid", amount(o.net_paid)},
                  {"final_contribution", amount(o.final_contribution)},
                  {"amount_due", amount(o.amount_due)},
                  {"complementary", amount(o.complementary)},
                  {"currency", "EUR"},
                  {"amount", amount(o.amount)},
                  {"amount_words", o.amount_words},
                  {"due", optional_date(o.due)},
                  {"budget_year", o.budget_year},
                  {"pay_to", account_json(o.pay_to)},
                  {"payment_reference", o.payment_reference},
                  {"signature", signature_json(o.signature)}});
  return dumped(out);
}

std::string cancellation_json(const CancellationDocument& d) {
  check_cancellation(d);
  Json out = head("cancellation", d.number, d.mark, d.issued, d.corrects);
  out.update(Json{{"creditor", organisation_json(d.creditor)},
                  {"accountant", d.accountant},
                  {"debtor", party_json(d.debtor_id, d.debtor)},
                  {"convention", convention_json(d.convention)},
                  {"term_end", term_end_json(d.term_end)},
                  {"legal_basis", d.legal_basis},
                  {"statement", Json{{"number", d.statement_number},
                                     {"date", format_date(d.statement_date)},
                                     {"amount", amount(d.statement_amount)},
                                     {"cancelled_before", amount(d.cancelled_before)},
                                     {"paid", amount(d.paid_on_statement)},
                                     {"remaining", amount(d.remaining)},
                                     {"remaining_unpaid", amount(d.remaining_unpaid)}}},
                  {"final_contribution", amount(d.final_contribution)},
                  {"net_paid", amount(d.net_paid)},
                  {"currency", "EUR"},
                  {"amount", amount(d.amount)},
                  {"amount_words", d.amount_words},
                  {"budget_year", d.budget_year},
                  {"signature", signature_json(d.signature)}});
  return dumped(out);
}

}  // namespace prorata::report
