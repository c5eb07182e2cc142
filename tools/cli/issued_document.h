// One document of the register, built and rendered: what `documents` writes and what the register's
// digest is of. The same function builds a document when it is issued and every time it is checked
// again later, from the journal with its register line: so a document whose journal lines did not
// change is rebuilt byte for byte, and one whose figures changed is found by its digest.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/document_types.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/register.h"
#include "core/rules.h"

namespace prorata::cli {

struct RenderedDocument {
  std::string number;       // as issued; empty for a preview
  DocumentKind kind = DocumentKind::statement;
  std::string party_name;
  Money amount;
  std::string json;         // the digest is of these bytes
  std::map<std::string, std::string> files;  // format (txt, json, pdf) -> bytes
};

// French name of a kind, as the listing shows it ("état des sommes dues").
const char* kind_label_fr(DocumentKind kind);

// Builds register entry `facts.issued[index]` as it stands in `facts`, marked `mark` (issued: with its
// number; a preview or provisional document: without), rendered in `formats`. Empty, with `why` said,
// when the journal no longer gives such a document (a refund that is no longer due).
std::optional<RenderedDocument> render_issued(const Rules& rules, const JournalFacts& facts, std::size_t index,
                                              DocumentMark mark, const std::vector<std::string>& formats,
                                              std::string& why);

// A provisional refund notice (the term runs; never numbered or recorded).
std::optional<RenderedDocument> render_provisional_refund(const Rules& rules, const JournalFacts& facts,
                                                          const Status& status, const std::string& party,
                                                          const std::vector<std::string>& formats);

}  // namespace prorata::cli
