// The yearly management report as text and JSON (tests engine/report/management_report_{text,json}.h),
// on the seed convention's 2020 report worked by hand (fixtures/seed/NOTES.md): five calls of 9 000,00,
// the Somme paid 4 500,00; spending 29 000,00, of which eligible 27 800,00 = seminar 6 500 − 450 and
// coaching 3 × 7 250 within the term (2020-07-21 to 2020-12-15), not eligible the 1 200,00 coaching
// invoice of 2020-12-18 (after phase 5); unused 12 700,00 refunded pro rata to the amounts paid:
// 2 822,23 to the Nord (the leftover cent), 2 822,22 to the other full payers, 1 411,11 to the Somme.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "report/management_report_json.h"
#include "report/management_report_text.h"
#include "seed_reports.h"

using prorata::samples::euros;
using prorata::samples::seed_reports;
using Json = nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The line of `text` that starts (after its indent) with `label`, with runs of spaces made one.
std::string line_of(const std::string& text, const std::string& label) {
  const std::size_t at = text.find("\n  " + label);
  REQUIRE_MESSAGE(at != std::string::npos, label);
  const std::string line = text.substr(at + 1, text.find('\n', at + 1) - at - 1);
  std::string out;
  for (char c : line) {
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  }
  return out;
}

// The words of `text` with each run of spaces, no-break spaces and line breaks as one space: a sentence
// matches wherever the text's line filling broke it.
std::string flat(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool blank = text[i] == ' ' || text[i] == '\n';
    if (text.compare(i, 2, "\u00A0") == 0) {
      blank = true;
      i += 1;
    } else if (text.compare(i, 3, "\u202F") == 0) {
      blank = true;
      i += 2;
    }
    if (!blank) out += text[i];
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

}  // namespace

TEST_CASE("the seed's 2020 report, as text: every figure worked by hand") {
  const auto reports = seed_reports(2020, "2021-01-15");
  REQUIRE(reports.size() == 5);
  REQUIRE(reports[0].contributor_id == "nord");
  const std::string nord = prorata::report::management_report_text(reports[0]);
  CHECK(nord.starts_with(std::string(32, ' ') + "*** PROJET ***\n"));
  CHECK(contains(nord, "COMPTE RENDU DE GESTION"));
  CHECK(contains(nord, "PROJET du 15 janvier 2021"));
  CHECK(contains(nord, "Projet non numéroté\u00A0: ce document n’a pas été émis"));
  CHECK(contains(nord, "Département du Nord"));
  CHECK(contains(nord, "Fondement       : Décret n° 2007-44, art. 6"));
  CHECK(contains(nord, "Période         : Exercice 2020, du 1er janvier 2020 au 31 décembre 2020"));
  CHECK(contains(flat(nord), "Situation : La convention, en vigueur depuis le 21 juillet 2020, a pris fin le 15 décembre "
                             "2020, le jalon « phase-5-end » qui y met fin ayant été atteint."));
  // Calls and money, the year and to date (the same: the convention began in 2020).
  CHECK(line_of(nord, "Appelé") == "Appelé (états des sommes dues) " + euros("9 000,00") + " " + euros("9 000,00"));
  CHECK(line_of(nord, "Réduit ou annulé") == "Réduit ou annulé " + euros("0,00") + " " + euros("0,00"));
  CHECK(line_of(nord, "Versé net (") == "Versé net (versé − restitué) " + euros("9 000,00") + " " + euros("9 000,00"));
  // Spending by category: eligible, not eligible, total per row; the total row sums the columns.
  CHECK(line_of(nord, "coaching") == "coaching " + euros("21 750,00") + " " + euros("1 200,00") + " " + euros("22 950,00"));
  CHECK(line_of(nord, "seminar") == "seminar " + euros("6 050,00") + " " + euros("0,00") + " " + euros("6 050,00"));
  CHECK(line_of(nord, "Total") == "Total " + euros("27 800,00") + " " + euros("1 200,00") + " " + euros("29 000,00"));
  // The settlement: final, the term having ended on 2020-12-15.
  CHECK(contains(nord, "\nSOLDE ET RÈGLEMENT\n"));
  CHECK(line_of(nord, "Contribution définitive") == "Contribution définitive " + euros("6 177,77"));
  CHECK(line_of(nord, "Solde non utilisé") == "Solde non utilisé (versé net − contribution) " + euros("2 822,23"));
  CHECK(line_of(nord, "À restituer") == "À restituer " + euros("2 822,23"));
  CHECK(line_of(nord, "Montant dû") == "Montant dû " + euros("0,00"));
  CHECK(contains(flat(nord), "La convention ayant pris fin, 2 822,23 € vous est dû au titre des crédits non utilisés, "
                             "restitués par avis de restitution."));
  CHECK(contains(nord, "Aucun avenant n’a été signé en 2020."));
  CHECK(contains(nord, "Fait à Paris, le 15 janvier 2021"));
  CHECK(!contains(nord, "'"));  // French apostrophes only (the seed's names have none in the Nord's report)

  const std::string somme = prorata::report::management_report_text(reports[3]);
  REQUIRE(reports[3].contributor_id == "somme");
  CHECK(line_of(somme, "Versé ") == "Versé " + euros("4 500,00") + " " + euros("4 500,00"));
  CHECK(line_of(somme, "Contribution définitive") == "Contribution définitive " + euros("3 088,89"));
  CHECK(line_of(somme, "À restituer") == "À restituer " + euros("1 411,11"));
  CHECK(line_of(somme, "Appels restant à payer") == "Appels restant à payer " + euros("4 500,00"));
}

TEST_CASE("the seed's 2021 report: no activity in the year, the cumulated figures of 2020") {
  const auto reports = seed_reports(2021, "2022-01-10");
  REQUIRE(reports.size() == 5);
  const std::string oise = prorata::report::management_report_text(reports[1]);
  REQUIRE(reports[1].contributor_id == "oise");
  CHECK(line_of(oise, "Appelé") == "Appelé (états des sommes dues) " + euros("0,00") + " " + euros("9 000,00"));
  CHECK(line_of(oise, "Versé net (") == "Versé net (versé − restitué) " + euros("0,00") + " " + euros("9 000,00"));
  CHECK(contains(oise, "Cumul depuis l’origine jusqu’au 31 décembre 2021"));
  CHECK(line_of(oise, "À restituer") == "À restituer " + euros("2 822,22"));
  CHECK(contains(oise, "Aucun avenant n’a été signé en 2021."));
}

TEST_CASE("the seed's 2020 report as JSON: prorata-report/1, every figure where it belongs") {
  const auto reports = seed_reports(2020, "2021-01-15");
  const std::string out = prorata::report::management_report_json(reports[3]);
  CHECK(out.starts_with("{\n  \"format\": \"prorata-report/1\",\n"));
  CHECK(out == prorata::report::management_report_json(reports[3]));  // deterministic
  const Json j = Json::parse(out);
  CHECK(j["number"].is_null());
  CHECK(j["mark"] == "preview");
  CHECK(j["year"] == 2020);
  CHECK(j["period"]["start"] == "2020-01-01");
  CHECK(j["period"]["end"] == "2020-12-31");
  CHECK(j["issued"] == "2021-01-15");
  CHECK(j["contributor"]["id"] == "somme");
  CHECK(j["convention"]["signed_on"] == "2020-07-21");
  CHECK(j["term"]["state"] == "ended");
  CHECK(j["term"]["end"] == "2020-12-15");
  CHECK(j["term"]["end_reason"] == "milestone");
  CHECK(j["flows"]["year"]["called"] == "9000.00");
  CHECK(j["flows"]["year"]["cancelled"] == "0.00");
  CHECK(j["flows"]["year"]["paid"] == "4500.00");
  CHECK(j["flows"]["to_date"]["net_paid"] == "4500.00");
  const Json& spending = j["spending"]["year"];
  REQUIRE(spending["categories"].size() == 2);
  CHECK(spending["categories"][0]["category"] == "coaching");
  CHECK(spending["categories"][0]["eligible"] == "21750.00");
  CHECK(spending["categories"][0]["not_eligible"] == "1200.00");
  CHECK(spending["categories"][1]["category"] == "seminar");
  CHECK(spending["categories"][1]["eligible"] == "6050.00");
  CHECK(spending["eligible"] == "27800.00");
  CHECK(spending["not_eligible"] == "1200.00");
  CHECK(spending["total"] == "29000.00");
  CHECK(j["settlement"]["provisional"] == false);
  CHECK(j["settlement"]["eligible_spending"] == "27800.00");
  CHECK(j["settlement"]["covered"] == "27800.00");
  CHECK(j["settlement"]["final_contribution"] == "3088.89");
  CHECK(j["settlement"]["refund_due"] == "1411.11");
  CHECK(j["settlement"]["amount_due"] == "0.00");
  CHECK(j["settlement"]["outstanding_calls"] == "4500.00");
  CHECK(j["amendments_signed"].empty());
}

TEST_CASE("the amendments signed in the year, with where they stood on 31 December") {
  prorata::ReportAmendment amendment{"avenant-2", "Adhésion de l’Aisne",
                                     {{"dinum", *prorata::parse_date("2020-12-01").value},
                                      {"nord", *prorata::parse_date("2020-12-01").value},
                                      {"somme", *prorata::parse_date("2020-12-03").value}},
                                     {"avenant-2", "", prorata::AmendmentState::pending, std::nullopt, {"oise"}}};
  CHECK(prorata::report::report_amendment_fr(amendment) ==
        "avenant-2 (« Adhésion de l’Aisne ») signé le 1er décembre 2020 et le 3 décembre 2020, en attente de "
        "signature (reste à signer\u00A0: oise).");
  amendment.status.state = prorata::AmendmentState::in_force;
  amendment.status.effective = *prorata::parse_date("2020-12-03").value;
  CHECK(prorata::report::report_amendment_fr(amendment).ends_with(", en vigueur depuis le 3 décembre 2020."));
}

TEST_CASE("the amendment fixture's 2020 reports list both amendments signed in 2020, as they stood on 31 December") {
  // fixtures/amendment/NOTES.md: avenant-1 signed by all on 2020-11-30 (Nord's cap 10 000,00 €, a second
  // call of 1 000,00 € paid on 2020-12-08); avenant-2 (the Aisne joins) never signed by the Oise.
  const auto reports =
      prorata::samples::reports_of("fixtures/amendment/rules.yaml", "fixtures/amendment/journal.csv", 2020, "2021-01-05");
  REQUIRE(reports.size() == 5);  // the Aisne is not a party on 31 December
  const prorata::ManagementReport& nord = reports[0];
  REQUIRE(nord.contributor_id == "nord");
  CHECK(nord.to_date.called == *prorata::parse_amount("10000.00").value);
  CHECK(nord.settlement.cap == *prorata::parse_amount("10000.00").value);
  CHECK(nord.settlement.refund_due == *prorata::parse_amount("3301.21").value);  // README, "Amendments"
  REQUIRE(nord.amendments_signed.size() == 2);
  const prorata::ReportAmendment& first = nord.amendments_signed[0];
  CHECK(first.id == "avenant-1");
  CHECK(first.signed_in_year.size() == 6);  // the DINUM and the five départements
  CHECK(first.status.state == prorata::AmendmentState::in_force);
  CHECK(prorata::format_date(*first.status.effective) == "2020-11-30");
  const prorata::ReportAmendment& second = nord.amendments_signed[1];
  CHECK(second.id == "avenant-2");
  CHECK(second.status.state == prorata::AmendmentState::pending);
  CHECK(second.status.missing_signatures == std::vector<std::string>{"oise"});
  const std::string text = flat(prorata::report::management_report_text(nord));
  CHECK(contains(text, "signé le 30 novembre 2020, en vigueur depuis le 30 novembre 2020."));
  CHECK(contains(text, "en attente de signature (reste à signer : oise)."));
  const Json j = Json::parse(prorata::report::management_report_json(nord));
  CHECK(j["amendments_signed"][0]["signatures_in_year"][0] == Json{{"party", "dinum"}, {"date", "2020-11-30"}});
  CHECK(j["convention"]["amendments"][0]["id"] == "avenant-1");

  const auto next = prorata::samples::reports_of("fixtures/amendment/rules.yaml", "fixtures/amendment/journal.csv", 2021,
                                                 "2022-01-05");
  CHECK(next[0].amendments_signed.empty());
}

TEST_CASE("while the term runs on 31 December, the outlook is provisional and says so") {
  auto reports = seed_reports(2020, "2021-01-15");
  prorata::ManagementReport report = reports[0];
  // The seed's Nord as if phase 5 had not ended the term: the same figures, provisional.
  report.settlement.provisional = true;
  CHECK(prorata::report::report_outlook_fr(report) ==
        "Si la convention prenait fin le 31 décembre 2020, selon les règles en vigueur à cette date, " +
            euros("2 822,23") +
            " vous serait restitué (montant provisoire, qui évoluera avec les dépenses et les versements jusqu’au terme).");
  CHECK(line_of(prorata::report::management_report_text(report), "À restituer") ==
        "À restituer (provisoire) " + euros("2 822,23"));
  report.settlement.refund_due = {};
  report.settlement.amount_due = *prorata::parse_amount("12.50").value;
  report.settlement.balance = -report.settlement.amount_due;
  report.settlement.final_contribution = report.to_date.net_paid + report.settlement.amount_due;
  report.settlement.cap = report.settlement.final_contribution;
  CHECK(contains(prorata::report::report_outlook_fr(report), ", vous resteriez redevable de " + euros("12,50") + " ("));
}
