#include "report/document_words.h"

#include <array>
#include <string_view>

#include "core/assert.h"
#include "core/limits.h"

namespace prorata::report {

namespace {

constexpr std::string_view narrow_nbsp = "\u202F";
constexpr std::string_view nbsp = "\u00A0";

// "Convention d’étude", "convention de …": the title already names the document kind.
bool starts_with_convention(const std::string& title) {
  return title.starts_with("Convention") || title.starts_with("convention") || title.starts_with("CONVENTION");
}

std::string numbered(const std::string& name, const std::string& number, DocumentMark mark) {
  return name + " " + number_fr(number, mark);
}

}  // namespace

std::string date_fr(Date day) {
  static constexpr std::array<std::string_view, 12> months{"janvier", "février", "mars",      "avril",
                                                            "mai",     "juin",    "juillet",   "août",
                                                            "septembre", "octobre", "novembre", "décembre"};
  const date::year_month_day ymd{day};
  PRORATA_ASSERT(ymd.ok());
  const unsigned day_number = static_cast<unsigned>(ymd.day());
  const unsigned month_number = static_cast<unsigned>(ymd.month());
  PRORATA_ASSERT(month_number >= 1 && month_number <= months.size());
  return (day_number == 1 ? std::string("1er") : std::to_string(day_number)) + " " +
         std::string(months[month_number - 1]) + " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string amount_fr(Money amount) { return format_amount_fr(amount, narrow_nbsp, nbsp); }

std::string duration_fr(const Duration& duration) {
  if (duration.unit == Duration::Unit::months) return std::to_string(duration.count) + " mois";
  return std::to_string(duration.count) + (duration.count == 1 ? " jour" : " jours");
}

std::string person_fr(const Person& person) {
  if (person.name.empty()) return person.title;
  if (person.title.empty()) return person.name;
  return person.name + ", " + person.title;
}

std::string convention_object_fr(const ConventionRef& convention) {
  std::string out = starts_with_convention(convention.title) ? "« " + convention.title + " »"
                                                             : "Convention « " + convention.title + " »";
  if (convention.signed_on) out += " signée le " + date_fr(*convention.signed_on);
  for (std::size_t i = 0; i < convention.amendments.size(); ++i) {
    const AmendmentRef& a = convention.amendments[i];
    out += std::string(i == 0 ? ", modifiée par l’avenant " : " et l’avenant ") + a.id + " (« " + a.title +
           " ») en vigueur le " + date_fr(a.effective);
  }
  return out;
}

std::string budget_fr(const Budget& budget) {
  std::string out = budget.fund;
  if (!budget.programme.empty()) out += (out.empty() ? "programme " : ", programme ") + budget.programme;
  return out;
}

std::vector<std::string> organisation_lines_fr(const Organisation& organisation) {
  std::vector<std::string> lines;
  if (!organisation.name.empty()) lines.push_back(organisation.name);
  for (const auto& line : organisation.address) {
    if (!line.empty()) lines.push_back(line);
  }
  if (!organisation.siren.empty()) lines.push_back("SIREN : " + organisation.siren);
  if (organisation.representative) {
    const std::string who = person_fr(*organisation.representative);
    if (!who.empty()) lines.push_back("Représenté par : " + who);
  }
  return lines;
}

std::string mark_fr(DocumentMark mark) {
  switch (mark) {
    case DocumentMark::issued: return "";
    case DocumentMark::preview: return "PROJET";
    case DocumentMark::provisional: return "PROVISOIRE";
  }
  return "";
}

std::string number_fr(const std::string& number, DocumentMark mark) {
  if (!number.empty()) return "N° " + number;
  PRORATA_ASSERT(mark != DocumentMark::issued);  // an issued document has its number
  return mark_fr(mark);
}

std::string number_line_fr(const std::string& number, DocumentMark mark, Date issued) {
  if (!number.empty()) return "N° " + number + " du " + date_fr(issued);
  PRORATA_ASSERT(mark != DocumentMark::issued);
  return (mark == DocumentMark::preview ? "Projet non numéroté du " : "Document provisoire non numéroté du ") +
         date_fr(issued);
}

std::string mark_notice_fr(DocumentMark mark) {
  switch (mark) {
    case DocumentMark::issued: return "";
    case DocumentMark::preview:
      return "Projet : ce document n’est pas émis ; il recevra son numéro à l’émission et n’a pas de valeur "
             "comptable d’ici là.";
    case DocumentMark::provisional: return provisional_warning_fr;
  }
  return "";
}

std::string corrects_fr(const CorrectionRef& corrects) {
  return "Le présent document annule et remplace le document N° " + corrects.number + " du " +
         date_fr(corrects.date) + ".";
}

std::string term_end_fr(const TermEndRef& term) {
  switch (term.reason) {
    case EndReason::milestone:
      return "Le terme a pris fin le " + date_fr(term.end) + ", au jalon « " + term.milestone + " ».";
    case EndReason::max_duration:
      return "Le terme a pris fin le " + date_fr(term.end) + ", au bout de sa durée maximale de " +
             duration_fr(term.max_duration) + ".";
    case EndReason::termination:
      return "La convention a été résiliée le " + date_fr(term.end) +
             (term.notice ? ", après la mise en demeure du " + date_fr(*term.notice) : std::string()) + ".";
  }
  return "";
}

std::string place_and_date_fr(const std::string& place, Date issued) {
  return (place.empty() ? std::string("Fait") : "Fait à " + place) + ", le " + date_fr(issued);
}

std::string statement_title_fr(const StatementDocument& document) {
  return document.complementary ? "ÉTAT DES SOMMES DUES COMPLÉMENTAIRE" : "ÉTAT DES SOMMES DUES";
}

std::string statement_name_fr(const StatementDocument& document) {
  return numbered(document.complementary ? "État des sommes dues complémentaire" : "État des sommes dues",
                  document.number, document.mark);
}

std::string refund_notice_name_fr(const RefundNotice& notice) {
  return numbered("Avis de restitution", notice.number, notice.mark);
}

std::string reversal_order_name_fr(const ReversalOrder& order) {
  return numbered("Ordre de reversement", order.number, order.mark);
}

std::string cancellation_name_fr(const CancellationDocument& document) {
  return numbered("État rectificatif", document.number, document.mark);
}

std::string call_fr(const StatementDocument& document) {
  if (document.complementary) {
    return "Appel complémentaire : solde de la contribution définitive au terme de la convention";
  }
  return document.call.empty() ? std::string("Appel de fonds") : "Appel de fonds : " + document.call;
}

std::vector<FigureRow> statement_calls_fr(const StatementDocument& document) {
  std::vector<FigureRow> rows;
  Money sum{};
  for (const EarlierCall& call : document.earlier_calls) {
    std::string label = call.number.empty() ? "Appel" : "N° " + call.number;
    label += " du " + date_fr(call.date);
    if (!call.memo.empty()) label += " (" + call.memo + ")";
    rows.push_back({label, call.amount});
    sum += call.amount;
  }
  rows.push_back({"Présent état", document.amount});
  sum += document.amount;
  PRORATA_ASSERT(sum == document.called_to_date);
  rows.push_back({"Total appelé au titre de la convention", document.called_to_date, true});
  rows.push_back({"Plafond d’engagement en vigueur", document.cap});
  if (document.called_to_date <= document.cap) {
    rows.push_back({"Reste mobilisable dans la limite du plafond", document.cap - document.called_to_date, true});
  }
  return rows;
}

std::vector<FigureRow> complementary_rows_fr(const StatementDocument& document) {
  PRORATA_ASSERT(document.settlement.has_value());
  const ComplementaryBasis& s = *document.settlement;
  PRORATA_ASSERT(s.paid - s.refunded == s.net_paid && s.final_contribution - s.net_paid == s.amount_due);
  PRORATA_ASSERT(s.reversal + document.amount == s.amount_due);
  std::vector<FigureRow> rows{{"Contribution définitive", s.final_contribution},
                              {"Versé", s.paid},
                              {"Restitué", s.refunded},
                              {"Versé net (versé − restitué)", s.net_paid},
                              {"Reste dû (contribution définitive − versé net)", s.amount_due, true}};
  if (s.reversal > Money{}) rows.push_back({"dont trop-restitué, objet d’un ordre de reversement", s.reversal});
  rows.push_back({"dont présent état", document.amount, true});
  return rows;
}

std::string due_fr(const std::optional<Date>& due) {
  return due ? "À régler au plus tard le " + date_fr(*due) + "." : std::string();
}

std::string budget_year_fr(int year) { return "Exercice budgétaire " + std::to_string(year); }

std::string contribution_fr(const RefundNotice& notice) {
  return notice.provisional() ? "Contribution provisoire" : "Contribution définitive";
}

std::vector<std::string> settlement_header_fr(const RefundNotice& notice) {
  return {"Contributeur", "Versé net", contribution_fr(notice), "À restituer", "À payer"};
}

std::string calls_cancelled_fr(const RefundNotice& notice) {
  if (notice.calls_cancelled <= Money{}) return "";
  return "Les appels de fonds restant à verser par le contributeur, soit " + amount_fr(notice.calls_cancelled) +
         ", sont annulés : sa contribution est couverte par ses versements (état rectificatif joint).";
}

SettlementTotals settlement_totals(const std::vector<SettlementLine>& settlement) {
  PRORATA_ASSERT(settlement.size() <= limits::contributors_max);
  SettlementTotals totals{};
  for (const SettlementLine& line : settlement) {
    totals.net_paid += line.net_paid;
    totals.final_contribution += line.final_contribution;
    totals.refund += line.refund;
    totals.amount_due += line.amount_due;
  }
  return totals;
}

Money category_total(const std::vector<CategoryAmount>& categories) {
  Money total{};
  for (const CategoryAmount& c : categories) total += c.amount;
  return total;
}

void check_refund_notice(const RefundNotice& notice) {
  PRORATA_ASSERT(notice.amount >= Money{} && notice.calls_cancelled >= Money{});
  const SettlementTotals totals = settlement_totals(notice.settlement);
  PRORATA_ASSERT(totals.final_contribution == notice.covered);
  PRORATA_ASSERT(totals.net_paid - totals.final_contribution == totals.refund - totals.amount_due);
  for (const SettlementLine& line : notice.settlement) {
    PRORATA_ASSERT(line.net_paid - line.final_contribution == line.refund - line.amount_due);
    if (line.id == notice.contributor_id) PRORATA_ASSERT(line.refund == notice.amount);
  }
  PRORATA_ASSERT(notice.eligible_by_category.empty() ||
                 max(category_total(notice.eligible_by_category), Money{}) == notice.eligible_spending);
}

std::vector<FigureRow> reversal_rows_fr(const ReversalOrder& o) {
  std::vector<FigureRow> rows{{"Versé", o.paid},
                              {"Restitué", o.refunded},
                              {"Versé net (versé − restitué)", o.net_paid, true},
                              {"Contribution définitive", o.final_contribution},
                              {"Reste dû (contribution définitive − versé net)", o.amount_due, true},
                              {"dont trop-restitué, objet du présent ordre", o.amount}};
  if (o.complementary > Money{}) rows.push_back({"dont appel complémentaire (état des sommes dues)", o.complementary});
  return rows;
}

std::string reversal_reason_fr(const ReversalOrder& o) {
  return "Les restitutions versées au contributeur (" + amount_fr(o.refunded) +
         ") dépassent ce que le décompte définitif lui reconnaît : la somme de " + amount_fr(o.amount) +
         " est à reverser.";
}

void check_reversal_order(const ReversalOrder& o) {
  PRORATA_ASSERT(o.paid - o.refunded == o.net_paid);
  PRORATA_ASSERT(o.final_contribution - o.net_paid == o.amount_due);
  PRORATA_ASSERT(o.amount + o.complementary == o.amount_due);
  PRORATA_ASSERT(o.amount > Money{} && o.amount <= o.refunded);
}

std::vector<FigureRow> cancellation_rows_fr(const CancellationDocument& d) {
  std::vector<FigureRow> rows{{"Montant de l’état N° " + d.statement_number + " du " + date_fr(d.statement_date),
                               d.statement_amount}};
  if (d.cancelled_before > Money{}) rows.push_back({"Déjà annulé par des états rectificatifs antérieurs", d.cancelled_before});
  rows.push_back({"Annulé par le présent état", d.amount});
  rows.push_back({"Montant de l’appel après rectification", d.remaining, true});
  rows.push_back({"Déjà versé sur cet appel", d.paid_on_statement});
  rows.push_back({"Reste à verser sur cet appel", d.remaining_unpaid, true});
  return rows;
}

std::string cancellation_reason_fr(const CancellationDocument& d) {
  if (d.term_end && d.final_contribution <= d.net_paid) {
    return "Au terme de la convention, la contribution définitive du contributeur (" +
           amount_fr(d.final_contribution) + ") est couverte par ses versements nets (" + amount_fr(d.net_paid) +
           ") : la part non versée de l’appel n’est plus due.";
  }
  return "L’appel de fonds N° " + d.statement_number + " est réduit de la somme ci-dessous.";
}

void check_cancellation(const CancellationDocument& d) {
  PRORATA_ASSERT(d.amount > Money{});
  PRORATA_ASSERT(d.statement_amount - d.cancelled_before - d.amount == d.remaining);
  PRORATA_ASSERT(d.remaining - d.paid_on_statement == d.remaining_unpaid && d.remaining_unpaid >= Money{});
}

}  // namespace prorata::report
