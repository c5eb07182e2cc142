// prorata documents: the documents due on a date. Without --issue, a preview (marked PROJET, not
// numbered, nothing recorded); with --issue, each is numbered, recorded in the journal's register with
// the lines it is issued from, in one atomic append, then written. Documents issued before are
// rebuilt from the journal: unchanged, their files are written again where missing (byte for byte);
// changed, they are reported (and, with --issue, corrected by a new document), never rewritten.
#include <cstdio>
#include <algorithm>
#include <map>

#include "commands.h"
#include "core/document_plan.h"
#include "digest.h"
#include "issued_document.h"
#include "issuing.h"

namespace prorata::cli {

namespace {

// A preview's files are named after what it is, never after a number of a series.
std::string preview_name(const PlannedDocument& doc, const Rules& rules, std::map<std::string, int>& used) {
  std::string name = doc.statement && !doc.statement->ref.empty()
                         ? "PROJET-" + doc.statement->ref
                         : "PROJET-" + series_prefix(rules.documents, doc.kind) + "-" + doc.party + "-" +
                               format_date(doc.date);
  if (!doc.reduces.empty()) name += "-" + doc.reduces;
  const int seen = used[name]++;
  return seen == 0 ? name : name + "-" + std::to_string(seen + 1);
}

// A refund notice to a contributor whose refund account the rules lack: said in the listing too.
std::string no_refund_account(const Rules& rules, const PlannedDocument& doc) {
  if (doc.kind != DocumentKind::refund) return "";
  const Contributor* contributor = rules.find_contributor(doc.party);
  return contributor && !contributor->refund_account ? "  (no refund_account in the rules)" : "";
}

}  // namespace

int run_documents(const DocumentsOptions& options) {
  auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  auto rules_loaded = load_rules_or_report(options.rules_path);
  if (!rules_loaded) return exit_bad_input;
  const Rules& rules = *rules_loaded;
  // The journal's bytes are read once: what is evaluated is exactly what --issue appends to.
  const std::optional<JournalRead> read = read_journal_or_report(options.journal_path, rules);
  if (!read) return exit_bad_input;
  const std::string* content = &read->content;
  const JournalFacts* facts = &read->facts;
  const Status status = evaluate(rules, *facts, *as_of);
  const std::vector<std::string> formats = distinct_formats(options.formats);

  // The register's documents known on the as-of date: rebuilt, they must give their digest.
  std::vector<OutputFile> files;
  std::string listing;
  std::vector<PlannedDocument> due = plan_documents(rules, *facts, status);
  std::size_t standing = 0;
  for (std::size_t k : current_entries(*facts)) {
    const IssuedDocument& entry = facts->issued[k];
    if (entry.date > *as_of || entry.kind == DocumentKind::report) continue;
    std::string why;
    auto rebuilt = render_issued(rules, *facts, k, DocumentMark::issued, formats, why);
    if (rebuilt && sha256_digest(rebuilt->json) == entry.digest) {
      add_files(*rebuilt, entry.number, true, files);
      ++standing;
      continue;
    }
    const std::string reason =
        rebuilt ? "its figures as of " + format_date(entry.date) + " are no longer those issued" : why;
    std::fprintf(stderr, "%s:%u: warning: %s %s changed since it was issued: %s; it is kept as issued%s\n",
                 entry.loc.path.c_str(), entry.loc.line, kind_label_fr(entry.kind), entry.number.c_str(),
                 reason.c_str(), rebuilt ? (options.issue ? "" : " (--issue corrects it where still due)") : "");
    if (!rebuilt) continue;
    // A correction restates the document as of today: only where such a document is still due.
    const ContributorStatus* row = nullptr;
    for (const ContributorStatus& c : status.contributors) row = c.id == entry.party ? &c : row;
    const bool ended = status.term.state == TermState::ended;
    if ((entry.kind == DocumentKind::refund && (!ended || !row || row->refund_due <= Money{})) ||
        (entry.kind == DocumentKind::reversal && (!ended || !row || reversal_part(*row) <= Money{}))) {
      std::fprintf(stderr, "%s:%u: warning: %s %s is not corrected: as of %s no %s is due to or from %s\n",
                   entry.loc.path.c_str(), entry.loc.line, kind_label_fr(entry.kind), entry.number.c_str(),
                   format_date(*as_of).c_str(), entry.kind == DocumentKind::refund ? "refund" : "paying back",
                   entry.party.c_str());
      continue;
    }
    PlannedDocument correction;
    correction.reduces = entry.statement;
    correction.kind = entry.kind;
    correction.party = entry.party;
    correction.date = *as_of;
    correction.amount = rebuilt->amount;
    correction.corrects = entry.number;
    due.push_back(correction);
  }

  // What is due, numbered as --issue would, then built from the journal as it will be with its lines:
  // the same build as every later check of these documents.
  if (std::any_of(due.begin(), due.end(), [](const PlannedDocument& d) { return d.kind != DocumentKind::refund &&
                                                                                 d.kind != DocumentKind::report; }) &&
      !rules.accountant) {
    Diagnostic missing{rules.loc, "statements, cancellations and orders to pay back need the accountant (and its "
                                  "account) in convention " + rules.id + " (accountant: name, account)"};
    if (missing.loc.path.empty()) missing.loc = SourceLoc{options.rules_path, 0, 0};
    std::fprintf(stderr, "%s\n", format_diagnostic(missing).c_str());
    return exit_bad_input;
  }
  number_documents(rules, *facts, due);
  const DocumentMark mark = options.issue ? DocumentMark::issued : DocumentMark::preview;
  int failure = exit_ok;
  const std::optional<DueBuild> built = build_due(rules, options.journal_path, *content, *facts, due, mark, formats, failure);
  if (!built) return failure;
  std::map<std::string, int> preview_names;
  for (std::size_t i = 0; i < due.size(); ++i) {
    const RenderedDocument& doc = built->documents[i];
    const std::string stem = options.issue ? due[i].number : preview_name(due[i], rules, preview_names);
    add_files(doc, stem, options.issue, files);
    listing += stem + "  " + kind_label_fr(due[i].kind) + "  " + doc.party_name + "  " + format_amount_fr(doc.amount) +
               (due[i].corrects.empty() ? "" : "  corrects " + due[i].corrects) + no_refund_account(rules, due[i]) +
               (options.issue ? "  issued" : "  PROJET") + "\n";
  }
  if (options.provisional && status.term.state != TermState::ended) {
    for (const ContributorStatus& c : status.contributors) {
      auto notice = render_provisional_refund(rules, *facts, status, c.id, formats);
      if (!notice) continue;
      const std::string stem = "PROVISOIRE-" + rules.documents.refund_prefix + "-" + c.id + "-" + format_date(*as_of);
      add_files(*notice, stem, false, files);
      listing += stem + "  " + kind_label_fr(DocumentKind::refund) + "  " + notice->party_name + "  " +
                 format_amount_fr(notice->amount) + "  PROVISOIRE\n";
    }
  }

  std::size_t written = 0;
  if (const int code = write_outputs(options.out_dir, files, options.replace, options.journal_path, *content,
                                     built->rows, written);
      code != exit_ok) {
    return code;
  }
  if (due.empty()) listing += "nothing new is due as of " + format_date(*as_of) + "\n";
  if (!options.issue && !due.empty()) {
    listing += "preview: nothing numbered or recorded; --issue issues these documents\n";
  }
  if (status.term.state != TermState::ended && !options.provisional) {
    listing += "no refund notice: the term has not ended (--provisional previews them marked PROVISOIRE)\n";
  }
  listing += std::to_string(standing) + (standing == 1 ? " document" : " documents") + " issued before, unchanged; " +
             std::to_string(written) + (written == 1 ? " file" : " files") + " written to " +
             options.out_dir + "\n";
  return write_stdout(listing);
}

}  // namespace prorata::cli
