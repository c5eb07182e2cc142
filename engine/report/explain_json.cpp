#include <nlohmann/json.hpp>

#include "report/explain_output.h"

namespace prorata::report {

namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order

Json or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json line_json(const std::string& path, const CitedLine& line) {
  return Json{{"file", path},
              {"line", line.line},
              {"date", format_date(line.date)},
              {"event", to_string(line.kind)},
              {"party", std::string(line.party)},
              {"amount", line.amount ? Json(format_amount(*line.amount)) : Json(nullptr)},
              {"ref", line.ref},
              {"category", std::string(line.category)}};
}

Json figure_json(const std::string& path, const Figure& figure, bool with_lines) {
  Json out{{"value", or_null(figure.value)}, {"rule", figure.rule}, {"basis", or_null(figure.basis)}};
  if (with_lines) {
    Json lines = Json::array();
    for (const CitedLine* line : figure.lines) lines.push_back(line_json(path, *line));
    out["lines"] = lines;
  }
  return out;
}

Json share_json(const std::optional<ShareDetail>& share) {
  if (!share) return nullptr;
  return Json{{"of", share->of},
              {"basis", format_amount(share->basis)},
              {"weight", format_fraction(share->weight)},
              {"exact", format_fraction(share->exact)},
              {"floor", format_amount(share->floor)},
              {"remainder", format_fraction(share->remainder)},
              {"rank", share->rank},
              {"leftover_cent", share->leftover_cent},
              {"tie", or_null(share->tie)},
              {"at_cap", share->at_cap}};
}

Json contributor_json(const std::string& path, const ContributorExplanation& c) {
  Json cap = figure_json(path, c.cap, false);
  cap["agreed_in"] = c.cap_from;
  cap["where"] = Json{{"file", c.cap_loc.path}, {"line", c.cap_loc.line}, {"column", c.cap_loc.column}};
  cap["scaled"] = share_json(c.scaled_cap);
  Json final_contribution = figure_json(path, c.final_contribution, false);
  final_contribution["share"] = share_json(c.share);
  return Json{{"id", c.id},
              {"cap", cap},
              {"called", figure_json(path, c.called, true)},
              {"paid", figure_json(path, c.paid, true)},
              {"refunded", figure_json(path, c.refunded, true)},
              {"net_paid", figure_json(path, c.net_paid, false)},
              {"final_contribution", final_contribution},
              {"balance", figure_json(path, c.balance, false)},
              {"refund_due", figure_json(path, c.refund_due, false)},
              {"amount_due", figure_json(path, c.amount_due, false)},
              {"outstanding_calls", figure_json(path, c.outstanding_calls, false)}};
}

}  // namespace

std::string explain_json(const Explanation& e) {
  const std::string& path = e.journal_path;
  Json effective = figure_json(path, e.effective, true);
  effective["set_by"] = or_null(e.effective_party);
  Json end = figure_json(path, e.end, true);
  end["reason"] = e.end_reason ? Json(to_string(*e.end_reason)) : Json(nullptr);
  end["max_duration"] = or_null(e.max_duration);
  end["max_duration_from"] = or_null(e.max_duration_from);
  end["ends_at_milestone"] = or_null(e.ends_at_milestone);
  end["ends_at_milestone_from"] = or_null(e.ends_at_milestone_from);
  Json amendments = Json::array();
  for (const AmendmentExplanation& a : e.amendments) {
    Json item{{"id", a.status.id}, {"title", a.status.title}, {"state", to_string(a.status.state)}};
    if (a.status.state == AmendmentState::in_force) item["effective"] = format_date(*a.status.effective);
    else item["missing_signatures"] = a.status.missing_signatures;
    Json lines = Json::array();
    for (const CitedLine* line : a.signatures) lines.push_back(line_json(path, *line));
    item["lines"] = lines;
    amendments.push_back(item);
  }
  Json eligible = figure_json(path, e.eligible_spending, true);
  Json excluded = Json::array();
  for (const ExcludedLine& x : e.excluded) {
    Json item = line_json(path, *x.line);
    item["reason_code"] = x.code;
    item["version"] = or_null(x.version);
    item["reason"] = x.reason;
    excluded.push_back(item);
  }
  eligible["excluded"] = excluded;
  Json contributors = Json::array();
  for (const auto& c : e.contributors) contributors.push_back(contributor_json(path, c));
  Json settlement{{"share_key", e.share_key},
                  {"shared", or_null(e.settlement.value)},
                  {"rule", e.settlement.rule},
                  {"basis", or_null(e.settlement.basis)},
                  {"leftover_cents", e.leftover_cents},
                  {"level", e.level ? Json(format_fraction(*e.level)) : Json(nullptr)},
                  {"cap_scaling", e.cap_scaling ? Json{{"aggregate_cap", format_amount(e.cap_scaling->aggregate_cap)},
                                                       {"from", e.cap_scaling->from},
                                                       {"level", format_fraction(e.cap_scaling->level)},
                                                       {"leftover_cents", e.cap_scaling->leftover_cents}}
                                                 : Json(nullptr)}};
  Json out{{"format", "prorata-explain/1"},
           {"convention", e.convention},
           {"as_of", format_date(e.as_of)},
           {"term", Json{{"effective", effective}, {"end", end}, {"amendments", amendments}}},
           {"totals", Json{{"spending", figure_json(path, e.spending, true)},
                           {"eligible_spending", eligible},
                           {"covered", figure_json(path, e.covered, false)},
                           {"uncovered", figure_json(path, e.uncovered, false)}}},
           {"settlement", settlement},
           {"contributors", contributors}};
  return out.dump(2) + "\n";
}

}  // namespace prorata::report
