#include "core/register.h"

#include <iterator>

#include "core/document_number.h"
#include "core/message_text.h"

namespace prorata {

const char* to_string(DocumentKind kind) { return document_kind_names[static_cast<int>(kind)]; }

std::optional<DocumentKind> parse_document_kind(std::string_view text) {
  for (std::size_t i = 0; i < std::size(document_kind_names); ++i) {
    if (text == document_kind_names[i]) return static_cast<DocumentKind>(i);
  }
  return std::nullopt;
}

const std::string& series_prefix(const DocumentSettings& settings, DocumentKind kind) {
  switch (kind) {
    case DocumentKind::statement: return settings.statement_prefix;
    case DocumentKind::refund: return settings.refund_prefix;
    case DocumentKind::reversal: return settings.reversal_prefix;
    case DocumentKind::cancellation: return settings.cancellation_prefix;
    case DocumentKind::report: return settings.report_prefix;
  }
  return settings.statement_prefix;
}

std::string register_memo(const IssuedDocument& document) {
  std::string memo = document.digest;
  if (!document.corrects.empty()) memo += " corrects=" + document.corrects;
  if (!document.statement.empty()) memo += " statement=" + document.statement;
  if (document.year) memo += " year=" + std::to_string(*document.year);
  return memo;
}

namespace {

bool is_digest(std::string_view text) {
  constexpr std::string_view scheme = "sha256:";
  if (text.size() != scheme.size() + 64 || text.substr(0, scheme.size()) != scheme) return false;
  return text.substr(scheme.size()).find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

}  // namespace

std::optional<IssuedDocument> parse_issued(const Event& event, Diagnostics& diagnostics) {
  IssuedDocument out;
  out.number = event.ref;
  out.date = event.date;
  out.party = event.party;
  out.amount = event.amount;
  out.loc = event.loc;
  const auto kind = parse_document_kind(event.category);
  if (!kind) {
    diagnostics.error(event.loc, "issued document kind " + in_quotes(event.category) + " is none of " +
                                     joined({std::begin(document_kind_names), std::end(document_kind_names)}) + " (the category column)");
    return std::nullopt;
  }
  out.kind = *kind;
  const std::vector<std::string_view> parts = words(event.memo);
  if (parts.empty() || !is_digest(parts.front())) {
    diagnostics.error(event.loc, "an issued document's memo starts with the digest of its content, "
                                 "sha256: and 64 lowercase hex digits");
    return std::nullopt;
  }
  out.digest = std::string(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    const std::size_t equals = part.find('=');
    const std::string_view key = part.substr(0, equals);
    const std::string value(equals == std::string_view::npos ? std::string_view{} : part.substr(equals + 1));
    const bool number_ok = !value.empty() && is_file_safe_number(value);
    if (key == "corrects" && number_ok && out.corrects.empty()) {
      out.corrects = value;
    } else if (key == "statement" && number_ok && out.statement.empty()) {
      out.statement = value;
    } else if (key == "year" && value.size() == 4 && value.find_first_not_of("0123456789") == std::string::npos &&
               !out.year) {
      out.year = std::stoi(value);
    } else {
      diagnostics.error(event.loc, "issued document memo: " + in_quotes(std::string(part)) +
                                       " is not one of corrects=NUMBER, statement=NUMBER, year=YYYY (each once)");
      return std::nullopt;
    }
  }
  const bool needs_amount = out.kind != DocumentKind::report;
  if (needs_amount != out.amount.has_value()) {
    diagnostics.error(event.loc, std::string("an issued ") + to_string(out.kind) +
                                     (needs_amount ? " records its amount" : " has no amount; leave it empty"));
    return std::nullopt;
  }
  if ((out.kind == DocumentKind::cancellation) != !out.statement.empty()) {
    diagnostics.error(event.loc, out.kind == DocumentKind::cancellation
                                     ? "an issued cancellation names the statement it reduces (statement=NUMBER)"
                                     : "only a cancellation names a statement (statement=NUMBER)");
    return std::nullopt;
  }
  if ((out.kind == DocumentKind::report) != out.year.has_value()) {
    diagnostics.error(event.loc, out.kind == DocumentKind::report ? "an issued report names its year (year=YYYY)"
                                                                  : "only a report names a year (year=YYYY)");
    return std::nullopt;
  }
  return out;
}

}  // namespace prorata
