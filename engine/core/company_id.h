// French company identifiers from the INSEE Sirene register: SIREN (the company, 9 digits) and SIRET
// (one establishment: SIREN + a 5-digit NIC, 14 digits). Pure functions: text in, a verdict out.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace prorata {

// The verdict of one check: `reason` is empty when `ok`, and a sentence a finance officer understands
// otherwise, e.g. "SIREN 404833047 is not valid: after 40483304 the last digit should be 8, not 7".
struct CompanyIdCheck {
  bool ok = false;
  std::string reason;
};

inline constexpr std::size_t siren_digits = 9;
inline constexpr std::size_t siret_digits = 14;

// Removes the spaces of the printed form ("732 829 320 00074" -> "73282932000074"). Nothing else.
[[nodiscard]] std::string normalise_company_id(std::string_view text);

// 9 digits (spaces ignored) whose Luhn sum is a multiple of 10.
[[nodiscard]] CompanyIdCheck validate_siren(std::string_view text);

// 14 digits (spaces ignored). The 14 digits pass Luhn AND the first 9 are a valid SIREN. La Poste
// exception: the establishments of SIREN 356000000, other than the head office 35600000000048, were
// numbered with "the sum of the digits is a multiple of 5" instead of Luhn, and are checked that way.
[[nodiscard]] CompanyIdCheck validate_siret(std::string_view text);

}  // namespace prorata
