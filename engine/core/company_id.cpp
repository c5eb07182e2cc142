#include "core/company_id.h"

#include <cstdint>
#include <utility>

#include "core/assert.h"

namespace prorata {
namespace {

constexpr std::string_view la_poste_siren = "356000000";
constexpr std::string_view la_poste_head_office_siret = "35600000000048";
static_assert(la_poste_siren.size() == siren_digits && la_poste_head_office_siret.size() == siret_digits);

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::uint32_t digit_value(char c) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(c) - static_cast<unsigned char>('0'));
}

// Luhn: from the right, every second digit is multiplied by 2 (minus 9 when above 9); the number is valid
// when the total is a multiple of 10. `digits` holds digits only.
constexpr std::uint32_t luhn_sum(std::string_view digits) {
  std::uint32_t sum = 0;
  bool times_two = false;
  for (std::size_t i = digits.size(); i > 0; --i) {
    std::uint32_t value = digit_value(digits[i - 1]);
    if (times_two) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
    times_two = !times_two;
  }
  return sum;
}
static_assert(luhn_sum("229501275") % 10 == 0, "project reference SIREN");
static_assert(luhn_sum("73282932000074") % 10 == 0);

constexpr std::uint32_t digit_sum(std::string_view digits) {
  std::uint32_t sum = 0;
  for (char c : digits) sum += digit_value(c);
  return sum;
}

// The last digit that would make `digits` pass Luhn, keeping all the others.
char luhn_last_digit(std::string_view digits) {
  PRORATA_ASSERT(!digits.empty());
  std::string trial(digits);
  for (char candidate = '0'; candidate <= '9'; ++candidate) {
    trial.back() = candidate;
    if (luhn_sum(trial) % 10 == 0) return candidate;
  }
  PRORATA_ASSERT(false && "one digit out of ten always completes a Luhn sum");
  return '?';
}

// "after 40483304 the last digit should be 8, not 7": how to fix a number that fails Luhn.
std::string luhn_hint(std::string_view digits) {
  const char expected = luhn_last_digit(digits);
  PRORATA_ASSERT(expected != digits.back());
  return "after " + std::string(digits.substr(0, digits.size() - 1)) + " the last digit should be " + expected +
         ", not " + digits.back();
}

// Empty when `digits` passes Luhn, else the sentence naming the digit that would make it pass.
std::string luhn_problem(std::string_view what, std::string_view digits) {
  if (luhn_sum(digits) % 10 == 0) return {};
  return std::string(what) + " " + std::string(digits) + " is not valid: " + luhn_hint(digits);
}

// Empty when `digits` has exactly `count` digits.
std::string shape_problem(std::string_view what, std::string_view digits, std::size_t count) {
  for (char c : digits) {
    if (!is_digit(c)) {
      return "A " + std::string(what) + " has only digits; " + std::string(digits) + " contains '" +
             std::string(1, c) + "'";
    }
  }
  if (digits.size() == count) return {};
  if (digits.empty()) return "The " + std::string(what) + " is empty";
  return "A " + std::string(what) + " has " + std::to_string(count) + " digits; " + std::string(digits) +
         " has " + std::to_string(digits.size());
}

CompanyIdCheck verdict(std::string problem) {
  CompanyIdCheck check;
  check.ok = problem.empty();
  check.reason = std::move(problem);
  return check;
}

std::string la_poste_problem(std::string_view siret) {
  const std::uint32_t sum = digit_sum(siret);
  if (sum % 5 == 0) return {};
  return "La Poste SIRET " + std::string(siret) + " is not valid: its digits add up to " + std::to_string(sum) +
         ", which is not a multiple of 5";
}

std::string siret_problem(std::string_view siret) {
  if (std::string problem = shape_problem("SIRET", siret, siret_digits); !problem.empty()) return problem;
  const std::string_view siren = siret.substr(0, siren_digits);
  if (siren == la_poste_siren && siret != la_poste_head_office_siret) return la_poste_problem(siret);
  if (luhn_sum(siren) % 10 != 0) {
    return "SIRET " + std::string(siret) + " starts with SIREN " + std::string(siren) +
           ", which is not valid: " + luhn_hint(siren);
  }
  return luhn_problem("SIRET", siret);
}

}  // namespace

std::string normalise_company_id(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

CompanyIdCheck validate_siren(std::string_view text) {
  const std::string siren = normalise_company_id(text);
  if (std::string problem = shape_problem("SIREN", siren, siren_digits); !problem.empty()) {
    return verdict(std::move(problem));
  }
  return verdict(luhn_problem("SIREN", siren));
}

CompanyIdCheck validate_siret(std::string_view text) {
  return verdict(siret_problem(normalise_company_id(text)));
}

}  // namespace prorata
