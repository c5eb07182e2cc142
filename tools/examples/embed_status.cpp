// The README's "Embedding" example, compiled and run by CTest (embed_example): it must print the seed
// settlement's JSON exactly as fixtures/seed/expected-2020-12-31.json has it (worked by hand in
// fixtures/seed/NOTES.md). Run from the source tree: build/tools/examples/embed-status
#include <cstdio>
#include <string>

#include "core/evaluate.h"
#include "io/journal_csv.h"
#include "io/rules_yaml.h"
#include "report/status_output.h"

int main() {
  prorata::Diagnostics diagnostics;
  auto rules = prorata::io::load_rules_file("rules/dinum-preincubation-2020.yaml", diagnostics);
  if (!rules) {
    for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", prorata::format_diagnostic(d).c_str());
    return 2;
  }
  prorata::JournalBuilder journal(*rules);  // or journal.add() your own prorata::Event values, then
                                            // journal.finish(diagnostics): the checks across lines
  prorata::io::load_journal_file("fixtures/seed/journal.csv", *rules, journal, diagnostics);
  if (!diagnostics.empty()) {
    for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", prorata::format_diagnostic(d).c_str());
    return 2;
  }
  prorata::Status status = prorata::evaluate(*rules, journal.facts(), *prorata::parse_date("2020-12-31").value);
  std::string json = prorata::report::status_json(status);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return 0;
}
