// engine/core/company_id.h: hand-worked SIREN/SIRET cases, then every row of the public vectors in
// ../shared/vectors/ids/ (see SOURCES.md there). Vector tests skip, visibly, when shared/ is absent.
#include "core/company_id.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shared_vectors.h"

namespace prorata {
namespace {

// Rows `number,valid` of a vector file, `valid` read as a bool.
std::optional<std::vector<std::pair<std::string, bool>>> read_number_valid(const std::string& relative) {
  const auto rows = test::read_vector_rows(relative, "number,valid");
  if (!rows) return std::nullopt;
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& row : *rows) {
    REQUIRE(row.size() == 2);
    REQUIRE_MESSAGE((row[1] == "true" || row[1] == "false"), row[0] << "," << row[1]);
    out.emplace_back(row[0], row[1] == "true");
  }
  return out;
}

// Checks every row with `validate`; returns how many rows were checked.
template <typename Validate>
std::size_t check_rows(const std::vector<std::pair<std::string, bool>>& rows, Validate validate) {
  std::size_t checked = 0;
  for (const auto& [number, valid] : rows) {
    const CompanyIdCheck check = validate(number);
    CAPTURE(number);
    CAPTURE(check.reason);
    CHECK(check.ok == valid);
    CHECK(check.reason.empty() == check.ok);
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("SIREN: the reference 229501275 passes Luhn") {
  // Hand check, from the right, every second digit times 2 (minus 9 above 9):
  // 5 + (7·2=14 -> 5) + 2 + (1·2=2) + 0 + (5·2=10 -> 1) + 9 + (2·2=4) + 2 = 30, a multiple of 10.
  CHECK(validate_siren("229501275").ok);
  CHECK(validate_siren("229 501 275").ok);
  CHECK(validate_siren("229501276").reason ==
        "SIREN 229501276 is not valid: after 22950127 the last digit should be 5, not 6");
  CHECK(validate_siren("404833047").reason ==
        "SIREN 404833047 is not valid: after 40483304 the last digit should be 8, not 7");
  CHECK(validate_siren("12345678").reason == "A SIREN has 9 digits; 12345678 has 8");
  CHECK(validate_siren("2295O1275").reason == "A SIREN has only digits; 2295O1275 contains 'O'");
  CHECK(validate_siren("").reason == "The SIREN is empty");
  CHECK_FALSE(validate_siren("229501275 00012").ok);
}

TEST_CASE("SIRET: Luhn over 14 digits and over the SIREN") {
  CHECK(validate_siret("73282932000074").ok);
  CHECK(validate_siret("732 829 320 00074").ok);
  CHECK(validate_siret("73282932000079").reason ==
        "SIRET 73282932000079 is not valid: after 7328293200007 the last digit should be 4, not 9");
  // The 14 digits pass Luhn, the SIREN does not.
  CHECK(validate_siret("75293271200017").reason ==
        "SIRET 75293271200017 starts with SIREN 752932712, which is not valid: after 75293271 the last digit "
        "should be 5, not 2");
  CHECK(validate_siret("1234").reason == "A SIRET has 14 digits; 1234 has 4");
  CHECK(validate_siret("229501275").reason == "A SIRET has 14 digits; 229501275 has 9");
  CHECK(validate_siret("752-932-715-00010").reason == "A SIRET has only digits; 752-932-715-00010 contains '-'");
}

TEST_CASE("SIRET: La Poste establishments use a sum of digits multiple of 5") {
  CHECK(validate_siret("35600000000048").ok);  // the head office follows Luhn
  CHECK(validate_siret("35600000009075").ok);  // fails Luhn, digits add up to 35
  CHECK(validate_siret("35600000049838").reason ==
        "La Poste SIRET 35600000049838 is not valid: its digits add up to 46, which is not a multiple of 5");
  CHECK_FALSE(validate_siret("35600000000049").ok);  // head office with a wrong Luhn digit
}

TEST_CASE("SIREN vectors: every row of ids/siren.csv") {
  const auto rows = read_number_valid("ids/siren.csv");
  if (!rows) return;
  CHECK(check_rows(*rows, [](const std::string& number) { return validate_siren(number); }) == 23);
}

TEST_CASE("SIRET vectors: every row of ids/siret.csv") {
  const auto rows = read_number_valid("ids/siret.csv");
  if (!rows) return;
  CHECK(check_rows(*rows, [](const std::string& number) { return validate_siret(number); }) == 59);
}

TEST_CASE("SIRET vectors: every row of ids/siret_laposte.csv") {
  const auto rows = read_number_valid("ids/siret_laposte.csv");
  if (!rows) return;
  CHECK(check_rows(*rows, [](const std::string& number) { return validate_siret(number); }) == 4);
}

}  // namespace prorata
