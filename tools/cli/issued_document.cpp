#include "issued_document.h"

#include <algorithm>

#include "core/assert.h"
#include "core/document_plan.h"
#include "core/documents.h"
#include "core/evaluate.h"
#include "core/management_report.h"
#include "report/document_json.h"
#include "report/document_text.h"
#include "report/management_report_json.h"
#include "report/management_report_text.h"
#include "pdf_renderer.h"

namespace prorata::cli {

const char* kind_label_fr(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::statement: return "état des sommes dues";
    case DocumentKind::refund: return "avis de restitution";
    case DocumentKind::reversal: return "ordre de reversement";
    case DocumentKind::cancellation: return "état rectificatif";
    case DocumentKind::report: return "compte rendu de gestion";
  }
  return "";
}

namespace {

// A document's PDF, by the renderer module (loaded on the first PDF asked for).
template <auto renderer, typename Document>
std::string pdf_of(const Document& document) {
  return (pdf_renderers().*renderer)(document, report::PdfOptions{});
}

template <typename Document, typename Text, typename Json, typename Pdf>
RenderedDocument render(const Document& doc, DocumentKind kind, const std::string& party_name, Money amount,
                        const std::vector<std::string>& formats, Text text, Json json, Pdf pdf) {
  RenderedDocument out;
  out.number = doc.number;
  out.kind = kind;
  out.party_name = party_name;
  out.amount = amount;
  out.json = json(doc);
  for (const std::string& format : formats) {
    if (format == "txt") out.files["txt"] = text(doc);
    if (format == "json") out.files["json"] = out.json;
    if (format == "pdf") out.files["pdf"] = pdf(doc);
  }
  return out;
}

// The first document of a chain of corrections: the one its journal line was matched to.
std::size_t root_of(const JournalFacts& facts, std::size_t index) {
  for (std::size_t steps = 0; steps <= facts.issued.size() && !facts.issued[index].corrects.empty(); ++steps) {
    const std::string& corrected = facts.issued[index].corrects;
    for (std::size_t k = 0; k < index; ++k) {
      if (facts.issued[k].number == corrected) {
        index = k;
        break;
      }
    }
  }
  return index;
}

std::optional<CorrectionRef> correction_of(const JournalFacts& facts, const IssuedDocument& entry) {
  if (entry.corrects.empty()) return std::nullopt;
  for (const IssuedDocument& other : facts.issued) {
    if (other.number == entry.corrects) return CorrectionRef{other.number, other.date};
  }
  return std::nullopt;
}

const ContributorStatus* row_of(const Status& status, const std::string& party) {
  for (const ContributorStatus& c : status.contributors) {
    if (c.id == party) return &c;
  }
  return nullptr;
}

// What was known when `entry`'s register line was written: the facts without the refunds recorded on
// its day after that line. A refund notice and the refund it announces may share a date; the notice
// stays as it was issued.
const JournalFacts& known_when_issued(const JournalFacts& facts, const IssuedDocument& entry,
                                      std::optional<JournalFacts>& copy) {
  const auto day = facts.refunds_by_day.find(entry.date);
  if (day == facts.refunds_by_day.end()) return facts;
  for (const RefundLine& refund : day->second) {
    if (refund.loc.path != entry.loc.path || refund.loc.line < entry.loc.line) continue;
    if (!copy) copy = facts;
    copy->parties.at(refund.party).flows_by_day.at(entry.date).refunded -= refund.amount;
  }
  return copy ? *copy : facts;
}

// A corrective document is dated on the day it is issued and cites the one it restates.
template <typename Document>
void as_issued(Document& doc, const JournalFacts& facts, const IssuedDocument& entry) {
  doc.corrects = correction_of(facts, entry);
  if (doc.corrects) doc.issued = entry.date;
}

// A yearly report, as of its date: the figures of its year's 31 December.
std::optional<RenderedDocument> render_issued_report(const Rules& rules, const JournalFacts& facts,
                                                     const IssuedDocument& entry, DocumentMark mark,
                                                     const std::vector<std::string>& formats, std::string& why) {
  PRORATA_ASSERT(entry.year.has_value());  // parse_issued requires it
  std::vector<ManagementReport> reports = build_management_reports(rules, facts, *entry.year, entry.date);
  auto doc = std::find_if(reports.begin(), reports.end(),
                          [&](const ManagementReport& r) { return r.contributor_id == entry.party; });
  if (doc == reports.end()) {
    why = "its contributor is no party of the convention on 31 December " + std::to_string(*entry.year);
    return std::nullopt;
  }
  doc->number = mark == DocumentMark::issued ? entry.number : std::string();
  doc->mark = mark;
  doc->corrects = correction_of(facts, entry);
  const report::PdfOptions pdf_options{doc->issued};  // the report's date, never the clock
  return render(*doc, entry.kind, doc->contributor.name, Money{}, formats, report::management_report_text,
                report::management_report_json,
                [&](const ManagementReport& r) { return pdf_renderers().management_report(r, pdf_options); });
}

std::optional<RenderedDocument> render_known(const Rules& rules, const JournalFacts& facts, std::size_t index,
                                             DocumentMark mark, const std::vector<std::string>& formats,
                                             std::string& why) {
  const IssuedDocument& entry = facts.issued[index];
  if (entry.kind == DocumentKind::report) return render_issued_report(rules, facts, entry, mark, formats, why);
  const std::size_t root = root_of(facts, index);
  const std::string number = mark == DocumentMark::issued ? entry.number : std::string();
  const Status status = evaluate(rules, facts, entry.date);
  const ContributorStatus* row = row_of(status, entry.party);
  if (!row) {
    why = "its contributor is no party of the convention on " + format_date(entry.date);
    return std::nullopt;
  }
  switch (entry.kind) {
    case DocumentKind::statement: {
      auto line = std::find_if(facts.statements.begin(), facts.statements.end(),
                               [&](const StatementLine& s) { return s.issued == root; });
      PRORATA_ASSERT(line != facts.statements.end());  // the journal matched every issued statement to its line
      const Status on_line = evaluate(rules, facts, line->date);
      StatementDocument doc =
          on_line.term.state == TermState::ended
              ? build_complementary_statement(rules, facts, on_line, line->party, line->amount, line->date, number,
                                              mark)
              : build_statement(rules, facts, *line, number, mark);
      as_issued(doc, facts, entry);
      return render(doc, entry.kind, doc.debtor.name, doc.amount, formats, report::statement_text,
                    report::statement_json, pdf_of<&report::PdfRenderers::statement, StatementDocument>);
    }
    case DocumentKind::cancellation: {
      auto line = std::find_if(facts.cancellations.begin(), facts.cancellations.end(),
                               [&](const CancellationLine& c) { return c.issued == root; });
      PRORATA_ASSERT(line != facts.cancellations.end());
      const Status on_line = evaluate(rules, facts, line->date);
      CancellationDocument doc = build_cancellation(rules, facts, on_line, line->party, line->statement, line->amount,
                                                    line->date, number, mark);
      as_issued(doc, facts, entry);
      return render(doc, entry.kind, doc.debtor.name, doc.amount, formats, report::cancellation_text,
                    report::cancellation_json, pdf_of<&report::PdfRenderers::cancellation, CancellationDocument>);
    }
    case DocumentKind::refund: {
      if (status.term.state != TermState::ended || row->refund_due <= Money{}) {
        why = "no refund is due to it as of " + format_date(entry.date) + " any more";
        return std::nullopt;
      }
      RefundNotice doc = build_refund_notice(rules, facts, status, entry.party, number, mark,
                                             calls_cancelled_with_notice(facts, entry.party, entry.date));
      as_issued(doc, facts, entry);
      return render(doc, entry.kind, doc.contributor.name, doc.amount, formats, report::refund_notice_text,
                    report::refund_notice_json, pdf_of<&report::PdfRenderers::refund_notice, RefundNotice>);
    }
    case DocumentKind::reversal: {
      const Money amount = status.term.state == TermState::ended ? reversal_part(*row) : Money{};
      if (amount <= Money{}) {
        why = "nothing is to be paid back by it as of " + format_date(entry.date) + " any more";
        return std::nullopt;
      }
      ReversalOrder doc = build_reversal_order(rules, facts, status, entry.party, amount, entry.date, number, mark);
      as_issued(doc, facts, entry);
      return render(doc, entry.kind, doc.debtor.name, doc.amount, formats, report::reversal_order_text,
                    report::reversal_order_json, pdf_of<&report::PdfRenderers::reversal_order, ReversalOrder>);
    }
    case DocumentKind::report:
      break;  // handled above
  }
  return std::nullopt;
}

}  // namespace

std::optional<RenderedDocument> render_issued(const Rules& rules, const JournalFacts& facts, std::size_t index,
                                              DocumentMark mark, const std::vector<std::string>& formats,
                                              std::string& why) {
  std::optional<JournalFacts> copy;
  return render_known(rules, known_when_issued(facts, facts.issued[index], copy), index, mark, formats, why);
}

std::optional<RenderedDocument> render_provisional_refund(const Rules& rules, const JournalFacts& facts,
                                                          const Status& status, const std::string& party,
                                                          const std::vector<std::string>& formats) {
  const ContributorStatus* row = row_of(status, party);
  if (!row || row->refund_due <= Money{}) return std::nullopt;
  RefundNotice doc = build_refund_notice(rules, facts, status, party, "", DocumentMark::provisional, Money{});
  return render(doc, DocumentKind::refund, doc.contributor.name, doc.amount, formats, report::refund_notice_text,
                report::refund_notice_json, pdf_of<&report::PdfRenderers::refund_notice, RefundNotice>);
}

}  // namespace prorata::cli
