// The documents of real rules and journals: the seed (rules/dinum-preincubation-2020.yaml and
// fixtures/seed/journal.csv, or the seed journal with lines changed), loaded as the CLI loads them and
// evaluated as of a date, for the builder and renderer tests.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include "core/documents.h"
#include "core/evaluate.h"
#include "io/journal_csv.h"
#include "io/rules_yaml.h"

namespace prorata::test {

inline std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(PRORATA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read ", relative);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline Date on(const char* text) {
  auto parsed = parse_date(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text);
  return *parsed.value;
}

inline Money eur(const char* text) {
  auto parsed = parse_amount(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text);
  return *parsed.value;
}

// Rules and journal facts that stay where they are: the facts point at the rules, the builder at both.
struct Loaded {
  Rules rules;
  std::unique_ptr<JournalBuilder> builder;

  [[nodiscard]] const JournalFacts& facts() const { return builder->facts(); }
  [[nodiscard]] Status status(const char* as_of) const { return evaluate(rules, facts(), on(as_of)); }
  [[nodiscard]] const StatementLine& statement(const std::string& ref) const {
    for (const StatementLine& line : facts().statements) {
      if (line.ref == ref) return line;
    }
    FAIL("no statement " << ref);
    return facts().statements.front();
  }
};

// `rules_text` and `journal_text` as the CLI would load them; `adjust` changes the rules before the
// journal is read (a share key, a setting).
inline std::unique_ptr<Loaded> load(const std::string& rules_text, const std::string& journal_text,
                                     const std::function<void(Rules&)>& adjust = {}) {
  Diagnostics diagnostics;
  auto rules = io::load_rules(rules_text, "rules.yaml", diagnostics);
  REQUIRE_MESSAGE(rules.has_value(), (diagnostics.empty() ? "" : format_diagnostic(diagnostics.items().front())));
  auto loaded = std::make_unique<Loaded>();
  loaded->rules = std::move(*rules);
  if (adjust) adjust(loaded->rules);
  loaded->builder = std::make_unique<JournalBuilder>(loaded->rules);
  std::istringstream journal(journal_text);
  const bool ok = io::load_journal(journal, "journal.csv", loaded->rules, *loaded->builder, diagnostics);
  REQUIRE_MESSAGE(ok, (diagnostics.empty() ? "" : format_diagnostic(diagnostics.items().front())));
  return loaded;
}

inline std::string seed_rules_text() { return read_source("rules/dinum-preincubation-2020.yaml"); }
inline std::string seed_journal_text() { return read_source("fixtures/seed/journal.csv"); }

inline std::unique_ptr<Loaded> load_seed() { return load(seed_rules_text(), seed_journal_text()); }

// `text` with its first `from` replaced by `to` (the line must be there).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "no '", from, "'");
  return text.replace(at, from.size(), to);
}

}  // namespace prorata::test
