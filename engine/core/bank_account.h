// French RIB, IBAN (ISO 13616) and BIC (ISO 9362) checks. Pure functions: text in, a verdict out.
// A failed check is an expected outcome (a typo in a contributor's bank details), so it comes back as
// a value whose `reason` is a sentence a finance officer can act on, never as an exception.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace prorata {

// The verdict of one check. `reason` is empty when `ok`, and a full sentence otherwise, e.g.
// "RIB key is 41 but bank 30001, branch 00064, account 00000092441 give key 40".
struct BankCheck {
  bool ok = false;
  std::string reason;
};

// A French "relevé d'identité bancaire", field by field, as printed: bank 5 digits, branch
// ("guichet") 5 digits, account 11 digits or capital letters, key ("clé RIB") 2 digits.
struct Rib {
  std::string bank;
  std::string branch;
  std::string account;
  std::string key;
};

inline constexpr std::size_t rib_bank_digits = 5;
inline constexpr std::size_t rib_branch_digits = 5;
inline constexpr std::size_t rib_account_chars = 11;
inline constexpr std::size_t rib_key_digits = 2;
inline constexpr std::size_t iban_chars_max = 34;  // ISO 13616: country 2 + check 2 + BBAN up to 30
inline constexpr std::size_t iban_fr_chars = 27;

// Checks the shape of each field, then key = 97 − ((89·bank + 15·branch + 3·account) mod 97), with the
// letters of the account replaced by the French table (A,J=1 B,K,S=2 … I,R,Z=9).
[[nodiscard]] BankCheck validate_rib(const Rib& rib);

// The key that bank, branch and account give (1..97); empty when one of the three is malformed.
[[nodiscard]] std::optional<std::uint32_t> rib_key(std::string_view bank, std::string_view branch,
                                                   std::string_view account);

// Removes the spaces of the paper form ("FR76 3000 1000 …" -> "FR7630001000…"). Nothing else changes:
// lower-case letters stay lower-case and are then refused by validate_iban (ISO 13616 electronic form
// is capital letters and digits only).
[[nodiscard]] std::string normalise_iban(std::string_view text);

// ISO 13616 on the normalised text: capital letters and digits, a country that issues IBANs, that
// country's exact length and BBAN layout (SWIFT IBAN registry; plus the IBAN.com "experimental" list,
// length only), numeric check digits other than 00, 01 and 99, mod-97 == 1, and the national check of
// the countries we know (FR and MC: RIB key; ES: "dígitos de control").
[[nodiscard]] BankCheck validate_iban(std::string_view text);

// Length of an IBAN of that country (FR -> 27); empty for a country that issues none.
[[nodiscard]] std::optional<std::size_t> iban_length(std::string_view country_code);

// FR IBAN of a valid RIB: "FR" + check digits + bank + branch + account + key. Empty when
// validate_rib(rib) fails (ask it for the reason).
[[nodiscard]] std::optional<std::string> iban_from_rib(const Rib& rib);

// The RIB inside a valid French IBAN (spaces allowed); empty when validate_iban fails or it is not FR.
[[nodiscard]] std::optional<Rib> rib_from_iban(std::string_view iban);

// Whether a French IBAN and a RIB denote the same account. Both must be valid on their own; the reason
// then names the first field that differs.
[[nodiscard]] BankCheck iban_matches_rib(std::string_view iban, const Rib& rib);

// Paper form: groups of four after normalising, "FR7630001…" -> "FR76 3000 1000 6400 0000 0924 4140".
// Works on any text (it does not validate).
[[nodiscard]] std::string format_iban_grouped(std::string_view iban);

// ISO 9362: 4 letters (institution), an assigned ISO 3166-1 alpha-2 country (or XK, which SWIFT uses
// for Kosovo), 2 letters or digits (location), and optionally 3 letters or digits (branch): 8 or 11
// characters, capital letters only, no spaces.
[[nodiscard]] BankCheck validate_bic(std::string_view text);

// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (249 of them; XK is not one).
[[nodiscard]] bool is_iso3166_alpha2(std::string_view code);

}  // namespace prorata
