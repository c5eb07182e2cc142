// The register of issued documents. It lives in the journal, as `issued` lines: one per document
// issued, with its number (ref), kind (category), date, party, amount and, in the memo, the digest of
// its content and its links ("sha256:HEX corrects=AR-2021-0001 statement=ESD-2020-0005 year=2020").
// Why the journal: the lines a document is issued from (a complementary statement, a cancellation) and
// its register entry are then written in one atomic step (io/journal_append.h), a reader never sees
// one without the other, and every tool that reads the journal sees what was issued.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/event.h"
#include "core/money.h"
#include "core/rules.h"

namespace prorata {

// statement: état des sommes dues (a call, or a complementary call at the end of the term);
// refund: avis de restitution; reversal: ordre de reversement (refunds paid beyond what was due);
// cancellation: état rectificatif (reduces or cancels a call); report: compte rendu de gestion.
enum class DocumentKind { statement, refund, reversal, cancellation, report };

inline constexpr const char* document_kind_names[] = {"statement", "refund", "reversal", "cancellation", "report"};

const char* to_string(DocumentKind kind);
std::optional<DocumentKind> parse_document_kind(std::string_view text);

// The prefix of a kind's series, from the rules (ESD, AR, OR, ER, CRG by default).
const std::string& series_prefix(const DocumentSettings& settings, DocumentKind kind);

struct IssuedDocument {
  std::string number;
  DocumentKind kind = DocumentKind::statement;
  Date date;                     // the document's date
  std::string party;             // the contributor it is addressed to
  std::optional<Money> amount;   // empty for a yearly report
  std::string digest;            // "sha256:" and 64 lowercase hex digits: of its JSON rendering
  std::string corrects;          // the number of the document it corrects (a full restatement), or empty
  std::string statement;         // a cancellation: the number of the statement it reduces
  std::optional<int> year;       // a yearly report: the calendar year it reports on
  SourceLoc loc;                 // its `issued` line
};

// The memo of an `issued` line for `document` (digest, then links).
std::string register_memo(const IssuedDocument& document);

// Reads an `issued` line (its shape was checked by check_event_shape): the kind in the category
// column, the digest and links in the memo. Reports each problem at the line.
std::optional<IssuedDocument> parse_issued(const Event& event, Diagnostics& diagnostics);

}  // namespace prorata
