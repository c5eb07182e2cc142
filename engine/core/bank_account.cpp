#include "core/bank_account.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/assert.h"

namespace prorata {
namespace {

// ---------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------

// One country that issues IBANs. `bban` is the layout in the SWIFT IBAN registry notation: "5!n" = 5
// digits, "4!a" = 4 capital letters, "11!c" = 11 capital letters or digits.
struct IbanCountry {
  std::string_view code;
  std::string_view name;
  std::string_view bban;
};

// SWIFT IBAN registry: its 89 countries and BBAN layouts (checked against the registry-generated table
// of python-stdnum, stdnum/iban.dat at d848b6e). Then, marked "experimental", the 22 countries of the
// IBAN.com experimental list, whose banks hand out IBANs that SWIFT has not registered (mostly the franc
// CFA zones; lengths as in barend/java-iban). Only their length is known, so their BBAN is "N!c".
// French overseas departments and territories use FR IBANs, so they have no row of their own.
// Sorted by code (checked below) so lookups can bisect.
constexpr std::array iban_countries{
    IbanCountry{"AD", "Andorra", "4!n4!n12!c"},
    IbanCountry{"AE", "the United Arab Emirates", "3!n16!n"},
    IbanCountry{"AL", "Albania", "8!n16!c"},
    IbanCountry{"AO", "Angola (experimental)", "21!c"},
    IbanCountry{"AT", "Austria", "5!n11!n"},
    IbanCountry{"AZ", "Azerbaijan", "4!a20!c"},
    IbanCountry{"BA", "Bosnia and Herzegovina", "3!n3!n8!n2!n"},
    IbanCountry{"BE", "Belgium", "3!n7!n2!n"},
    IbanCountry{"BF", "Burkina Faso (experimental)", "24!c"},
    IbanCountry{"BG", "Bulgaria", "4!a4!n2!n8!c"},
    IbanCountry{"BH", "Bahrain", "4!a14!c"},
    IbanCountry{"BI", "Burundi", "5!n5!n11!n2!n"},
    IbanCountry{"BJ", "Benin (experimental)", "24!c"},
    IbanCountry{"BR", "Brazil", "8!n5!n10!n1!a1!c"},
    IbanCountry{"BY", "Belarus", "4!c4!n16!c"},
    IbanCountry{"CF", "the Central African Republic (experimental)", "23!c"},
    IbanCountry{"CG", "Congo (experimental)", "23!c"},
    IbanCountry{"CH", "Switzerland", "5!n12!c"},
    IbanCountry{"CI", "Ivory Coast (experimental)", "24!c"},
    IbanCountry{"CM", "Cameroon (experimental)", "23!c"},
    IbanCountry{"CR", "Costa Rica", "4!n14!n"},
    IbanCountry{"CV", "Cape Verde (experimental)", "21!c"},
    IbanCountry{"CY", "Cyprus", "3!n5!n16!c"},
    IbanCountry{"CZ", "Czechia", "4!n6!n10!n"},
    IbanCountry{"DE", "Germany", "8!n10!n"},
    IbanCountry{"DJ", "Djibouti", "5!n5!n11!n2!n"},
    IbanCountry{"DK", "Denmark", "4!n9!n1!n"},
    IbanCountry{"DO", "the Dominican Republic", "4!c20!n"},
    IbanCountry{"DZ", "Algeria (experimental)", "22!c"},
    IbanCountry{"EE", "Estonia", "2!n14!n"},
    IbanCountry{"EG", "Egypt", "4!n4!n17!n"},
    IbanCountry{"ES", "Spain", "4!n4!n1!n1!n10!n"},
    IbanCountry{"FI", "Finland", "3!n11!n"},
    IbanCountry{"FK", "the Falkland Islands", "2!a12!n"},
    IbanCountry{"FO", "the Faroe Islands", "4!n9!n1!n"},
    IbanCountry{"FR", "France", "5!n5!n11!c2!n"},
    IbanCountry{"GA", "Gabon (experimental)", "23!c"},
    IbanCountry{"GB", "the United Kingdom", "4!a6!n8!n"},
    IbanCountry{"GE", "Georgia", "2!a16!n"},
    IbanCountry{"GI", "Gibraltar", "4!a15!c"},
    IbanCountry{"GL", "Greenland", "4!n9!n1!n"},
    IbanCountry{"GQ", "Equatorial Guinea (experimental)", "23!c"},
    IbanCountry{"GR", "Greece", "3!n4!n16!c"},
    IbanCountry{"GT", "Guatemala", "4!c20!c"},
    IbanCountry{"GW", "Guinea-Bissau (experimental)", "21!c"},
    IbanCountry{"HN", "Honduras", "4!a20!n"},
    IbanCountry{"HR", "Croatia", "7!n10!n"},
    IbanCountry{"HU", "Hungary", "3!n4!n1!n15!n1!n"},
    IbanCountry{"IE", "Ireland", "4!a6!n8!n"},
    IbanCountry{"IL", "Israel", "3!n3!n13!n"},
    IbanCountry{"IQ", "Iraq", "4!a3!n12!n"},
    IbanCountry{"IR", "Iran (experimental)", "22!c"},
    IbanCountry{"IS", "Iceland", "4!n2!n6!n10!n"},
    IbanCountry{"IT", "Italy", "1!a5!n5!n12!c"},
    IbanCountry{"JO", "Jordan", "4!a4!n18!c"},
    IbanCountry{"KM", "the Comoros (experimental)", "23!c"},
    IbanCountry{"KW", "Kuwait", "4!a22!c"},
    IbanCountry{"KZ", "Kazakhstan", "3!n13!c"},
    IbanCountry{"LB", "Lebanon", "4!n20!c"},
    IbanCountry{"LC", "Saint Lucia", "4!a24!c"},
    IbanCountry{"LI", "Liechtenstein", "5!n12!c"},
    IbanCountry{"LT", "Lithuania", "5!n11!n"},
    IbanCountry{"LU", "Luxembourg", "3!n13!c"},
    IbanCountry{"LV", "Latvia", "4!a13!c"},
    IbanCountry{"LY", "Libya", "3!n3!n15!n"},
    IbanCountry{"MA", "Morocco (experimental)", "24!c"},
    IbanCountry{"MC", "Monaco", "5!n5!n11!c2!n"},
    IbanCountry{"MD", "Moldova", "2!c18!c"},
    IbanCountry{"ME", "Montenegro", "3!n13!n2!n"},
    IbanCountry{"MG", "Madagascar (experimental)", "23!c"},
    IbanCountry{"MK", "North Macedonia", "3!n10!c2!n"},
    IbanCountry{"ML", "Mali (experimental)", "24!c"},
    IbanCountry{"MN", "Mongolia", "4!n12!n"},
    IbanCountry{"MR", "Mauritania", "5!n5!n11!n2!n"},
    IbanCountry{"MT", "Malta", "4!a5!n18!c"},
    IbanCountry{"MU", "Mauritius", "4!a2!n2!n12!n3!n3!a"},
    IbanCountry{"MZ", "Mozambique (experimental)", "21!c"},
    IbanCountry{"NE", "Niger (experimental)", "24!c"},
    IbanCountry{"NI", "Nicaragua", "4!a20!n"},
    IbanCountry{"NL", "the Netherlands", "4!a10!n"},
    IbanCountry{"NO", "Norway", "4!n6!n1!n"},
    IbanCountry{"OM", "Oman", "3!n16!c"},
    IbanCountry{"PK", "Pakistan", "4!a16!c"},
    IbanCountry{"PL", "Poland", "8!n16!n"},
    IbanCountry{"PS", "Palestine", "4!a21!c"},
    IbanCountry{"PT", "Portugal", "4!n4!n11!n2!n"},
    IbanCountry{"QA", "Qatar", "4!a21!c"},
    IbanCountry{"RO", "Romania", "4!a16!c"},
    IbanCountry{"RS", "Serbia", "3!n13!n2!n"},
    IbanCountry{"RU", "Russia", "9!n5!n15!c"},
    IbanCountry{"SA", "Saudi Arabia", "2!n18!c"},
    IbanCountry{"SC", "Seychelles", "4!a2!n2!n16!n3!a"},
    IbanCountry{"SD", "Sudan", "2!n12!n"},
    IbanCountry{"SE", "Sweden", "3!n16!n1!n"},
    IbanCountry{"SI", "Slovenia", "5!n8!n2!n"},
    IbanCountry{"SK", "Slovakia", "4!n6!n10!n"},
    IbanCountry{"SM", "San Marino", "1!a5!n5!n12!c"},
    IbanCountry{"SN", "Senegal (experimental)", "24!c"},
    IbanCountry{"SO", "Somalia", "4!n3!n12!n"},
    IbanCountry{"ST", "Sao Tome and Principe", "8!n11!n2!n"},
    IbanCountry{"SV", "El Salvador", "4!a20!n"},
    IbanCountry{"TD", "Chad (experimental)", "23!c"},
    IbanCountry{"TG", "Togo (experimental)", "24!c"},
    IbanCountry{"TL", "Timor-Leste", "3!n14!n2!n"},
    IbanCountry{"TN", "Tunisia", "2!n3!n13!n2!n"},
    IbanCountry{"TR", "Turkey", "5!n1!n16!c"},
    IbanCountry{"UA", "Ukraine", "6!n19!c"},
    IbanCountry{"VA", "Vatican City", "3!n15!n"},
    IbanCountry{"VG", "the British Virgin Islands", "4!a16!n"},
    IbanCountry{"XK", "Kosovo", "4!n10!n2!n"},
    IbanCountry{"YE", "Yemen", "4!a4!n18!c"},
};

// The 249 officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency; the same list as
// Debian's iso-codes 4.15), two letters each, sorted.
constexpr std::string_view iso3166_alpha2_codes =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCN"
    "COCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHM"
    "HNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMK"
    "MLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURW"
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
    "VNVUWFWSYEYTZAZMZW";

// ---------------------------------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------------------------------

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_capital_or_digit(char c) { return is_digit(c) || is_capital(c); }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

constexpr bool all_of(std::string_view text, bool (*test)(char)) {
  for (char c : text) {
    if (!test(c)) return false;
  }
  return true;
}

constexpr std::uint32_t digit_value(char c) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(c) - static_cast<unsigned char>('0'));
}

// ISO 13616 value of a character: 0..9 for digits, 10..35 for A..Z.
constexpr std::uint32_t iban_value(char c) {
  if (is_digit(c)) return digit_value(c);
  return 10U + static_cast<std::uint32_t>(static_cast<unsigned char>(c) - static_cast<unsigned char>('A'));
}

// French RIB table for letters in an account number: A,J=1 B,K,S=2 … I,R,Z=9 (S starts at 2).
constexpr std::uint32_t rib_value(char c) {
  if (is_digit(c)) return digit_value(c);
  const auto index = static_cast<std::uint32_t>(static_cast<unsigned char>(c) - static_cast<unsigned char>('A'));
  if (index < 9) return index + 1;    // A..I
  if (index < 18) return index - 8;   // J..R
  return index - 16;                  // S..Z
}
static_assert(rib_value('A') == 1 && rib_value('I') == 9 && rib_value('J') == 1 && rib_value('R') == 9);
static_assert(rib_value('S') == 2 && rib_value('Z') == 9 && rib_value('7') == 7);

std::string two_digits(std::uint32_t value) {
  PRORATA_ASSERT(value < 100);
  std::string out(2, '0');
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
  return out;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// ---------------------------------------------------------------------------------------------------
// BBAN layouts
// ---------------------------------------------------------------------------------------------------

struct BbanField {
  std::size_t chars = 0;  // 0: the layout text is malformed
  char kind = '?';        // 'n' digits, 'a' capital letters, 'c' either
};

// Reads the field "LENGTH!KIND" that starts at `at`, and moves `at` past it.
constexpr BbanField next_bban_field(std::string_view layout, std::size_t& at) {
  BbanField field;
  std::size_t chars = 0;
  while (at < layout.size() && is_digit(layout[at])) chars = chars * 10 + digit_value(layout[at++]);
  if (at + 1 >= layout.size() || layout[at] != '!') return field;
  const char kind = layout[at + 1];
  at += 2;
  if (kind != 'n' && kind != 'a' && kind != 'c') return field;
  field.chars = chars;
  field.kind = kind;
  return field;
}

// Total length of a layout; 0 when it is malformed.
constexpr std::size_t bban_chars(std::string_view layout) {
  std::size_t total = 0;
  for (std::size_t at = 0; at < layout.size();) {
    const BbanField field = next_bban_field(layout, at);
    if (field.chars == 0) return 0;
    total += field.chars;
  }
  return total;
}

constexpr bool iban_table_is_sound() {
  for (std::size_t i = 0; i < iban_countries.size(); ++i) {
    const IbanCountry& country = iban_countries[i];
    if (country.code.size() != 2 || !all_of(country.code, is_capital)) return false;
    if (i > 0 && !(iban_countries[i - 1].code < country.code)) return false;  // sorted, no duplicate
    const std::size_t chars = bban_chars(country.bban);
    if (chars == 0 || chars + 4 > iban_chars_max) return false;
  }
  return true;
}
static_assert(iban_table_is_sound(), "codes sorted and unique, layouts well formed, at most 34 characters");
static_assert(iban_countries.size() == 89 + 22, "registry countries + experimental ones");
static_assert(bban_chars("5!n5!n11!c2!n") + 4 == iban_fr_chars);
static_assert(iban_fr_chars == 4 + rib_bank_digits + rib_branch_digits + rib_account_chars + rib_key_digits);

constexpr bool iso3166_table_is_sound() {
  if (iso3166_alpha2_codes.size() != 2 * 249) return false;
  for (std::size_t at = 2; at < iso3166_alpha2_codes.size(); at += 2) {
    if (!(iso3166_alpha2_codes.substr(at - 2, 2) < iso3166_alpha2_codes.substr(at, 2))) return false;
  }
  return all_of(iso3166_alpha2_codes, is_capital);
}
static_assert(iso3166_table_is_sound(), "249 codes, sorted, unique, capital letters");

const IbanCountry* find_iban_country(std::string_view code) {
  const auto found = std::lower_bound(iban_countries.begin(), iban_countries.end(), code,
                                      [](const IbanCountry& row, std::string_view key) { return row.code < key; });
  if (found == iban_countries.end() || found->code != code) return nullptr;
  return &*found;
}

std::string country_label(const IbanCountry& country) {
  return std::string(country.name) + " (" + std::string(country.code) + ")";
}

// Empty when `iban` (of the right length) follows its country's BBAN layout; otherwise the reason.
std::string bban_layout_problem(const IbanCountry& country, std::string_view iban) {
  std::size_t position = 4;  // 0-based index into the IBAN; the BBAN starts after "CCkk"
  for (std::size_t at = 0; at < country.bban.size();) {
    const BbanField field = next_bban_field(country.bban, at);
    PRORATA_ASSERT(field.chars > 0);
    for (std::size_t end = position + field.chars; position < end; ++position) {
      const char c = iban[position];
      const bool fits = field.kind == 'n' ? is_digit(c) : field.kind == 'a' ? is_capital(c) : true;
      if (fits) continue;
      const char* expected = field.kind == 'n' ? "a digit" : "a letter";
      return "In an IBAN from " + country_label(country) + ", character " + std::to_string(position + 1) +
             " should be " + expected + ", not " + quoted(iban.substr(position, 1));
    }
  }
  PRORATA_ASSERT(position == iban.size());
  return {};
}

// ---------------------------------------------------------------------------------------------------
// Check digits
// ---------------------------------------------------------------------------------------------------

// ISO 7064 mod 97-10 of the IBAN rearranged as BBAN + country + check digits, one character at a time.
std::uint32_t iban_mod97(std::string_view bban, std::string_view country, std::string_view check) {
  std::uint32_t remainder = 0;
  const auto feed = [&remainder](std::string_view part) {
    for (char c : part) {
      const std::uint32_t value = iban_value(c);
      remainder = (remainder * (value < 10 ? 10U : 100U) + value) % 97U;
    }
  };
  feed(bban);
  feed(country);
  feed(check);
  PRORATA_ASSERT(remainder < 97);
  return remainder;
}

// The check digits that make mod-97 equal 1: always 02..98.
std::uint32_t iban_check_digits(std::string_view bban, std::string_view country) {
  const std::uint32_t check = 98 - iban_mod97(bban, country, "00");
  PRORATA_ASSERT(check >= 2 && check <= 98);
  return check;
}

std::uint64_t rib_number(std::string_view text) {
  std::uint64_t value = 0;
  for (char c : text) value = value * 10 + rib_value(c);
  return value;
}

// Spain: two "dígitos de control", the first over "00" + bank + branch, the second over the account,
// each 11 − (Σ digit × weight mod 11) with weights 1,2,4,8,5,10,9,7,3,6 (11 -> 0, 10 -> 1).
std::uint32_t spanish_control_digit(std::string_view ten_digits) {
  static constexpr std::array<std::uint32_t, 10> weights{1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
  PRORATA_ASSERT(ten_digits.size() == weights.size());
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) sum += digit_value(ten_digits[i]) * weights[i];
  const std::uint32_t digit = 11 - sum % 11;
  return digit == 11 ? 0 : digit == 10 ? 1 : digit;
}

std::string spanish_problem(std::string_view bban) {
  const std::string bank_branch = "00" + std::string(bban.substr(0, 8));
  const std::string expected = std::to_string(spanish_control_digit(bank_branch)) +
                               std::to_string(spanish_control_digit(bban.substr(10, 10)));
  if (bban.substr(8, 2) == expected) return {};
  return "Spanish IBAN: the national check digits are " + std::string(bban.substr(8, 2)) + " but bank " +
         std::string(bban.substr(0, 4)) + ", branch " + std::string(bban.substr(4, 4)) + " and account " +
         std::string(bban.substr(10, 10)) + " give " + expected;
}

std::string rib_key_problem(std::string_view bank, std::string_view branch, std::string_view account,
                            std::string_view key, std::string_view what) {
  const std::optional<std::uint32_t> expected = rib_key(bank, branch, account);
  PRORATA_ASSERT(expected.has_value());
  if (two_digits(*expected) == key) return {};
  return std::string(what) + " is " + std::string(key) + " but bank " + std::string(bank) + ", branch " +
         std::string(branch) + ", account " + std::string(account) + " give key " + two_digits(*expected);
}

// FR and MC carry a RIB in their BBAN; ES has its own control digits. Other countries: none checked.
std::string national_check_problem(std::string_view iban) {
  const std::string_view country = iban.substr(0, 2);
  const std::string_view bban = iban.substr(4);
  if (country == "FR" || country == "MC") {
    return rib_key_problem(bban.substr(0, 5), bban.substr(5, 5), bban.substr(10, 11), bban.substr(21, 2),
                           "The RIB key inside this IBAN");
  }
  if (country == "ES") return spanish_problem(bban);
  return {};
}

// ---------------------------------------------------------------------------------------------------
// IBAN steps, in the order a reader would spot the mistake
// ---------------------------------------------------------------------------------------------------

std::string iban_character_problem(std::string_view iban) {
  if (iban.empty()) return "The IBAN is empty";
  for (char c : iban) {
    if (is_capital_or_digit(c)) continue;
    if (is_lower(c)) {
      return "The IBAN contains the lower-case letter " + quoted(std::string_view(&c, 1)) +
             "; an IBAN is written in capital letters";
    }
    return "The IBAN contains " + quoted(std::string_view(&c, 1)) +
           ", which is not a capital letter or a digit (spaces are allowed and ignored)";
  }
  return {};
}

std::string iban_check_digit_problem(std::string_view iban) {
  const std::string_view check = iban.substr(2, 2);
  if (!all_of(check, is_digit)) {
    return "IBAN check digits (characters 3 and 4) must be two digits, not " + quoted(check);
  }
  if (check == "00" || check == "01" || check == "99") {
    return "IBAN check digits " + std::string(check) + " are never issued (they run from 02 to 98)";
  }
  return {};
}

std::string iban_problem(std::string_view iban) {
  if (std::string problem = iban_character_problem(iban); !problem.empty()) return problem;
  if (iban.size() < 2 || !all_of(iban.substr(0, 2), is_capital)) {
    return "An IBAN starts with a two-letter country code, not " + quoted(iban.substr(0, 2));
  }
  const IbanCountry* country = find_iban_country(iban.substr(0, 2));
  if (country == nullptr) return "The IBAN starts with " + std::string(iban.substr(0, 2)) +
                                 ", which is not a country that issues IBANs";
  const std::size_t chars = 4 + bban_chars(country->bban);
  if (iban.size() != chars) {
    return "An IBAN from " + country_label(*country) + " has " + std::to_string(chars) +
           " characters; this one has " + std::to_string(iban.size());
  }
  if (std::string problem = iban_check_digit_problem(iban); !problem.empty()) return problem;
  if (std::string problem = bban_layout_problem(*country, iban); !problem.empty()) return problem;
  const std::uint32_t expected = iban_check_digits(iban.substr(4), iban.substr(0, 2));
  if (two_digits(expected) != iban.substr(2, 2)) {
    return "IBAN check digits are " + std::string(iban.substr(2, 2)) + " but the rest of the number gives " +
           two_digits(expected) + ": a character is probably mistyped";
  }
  return national_check_problem(iban);
}

BankCheck verdict(std::string problem) {
  BankCheck check;
  check.ok = problem.empty();
  check.reason = std::move(problem);
  return check;
}

// ---------------------------------------------------------------------------------------------------
// RIB fields
// ---------------------------------------------------------------------------------------------------

std::string rib_field_problem(std::string_view value, std::size_t chars, bool letters_allowed,
                              std::string_view what) {
  const bool fits = value.size() == chars && all_of(value, letters_allowed ? is_capital_or_digit : is_digit);
  if (fits) return {};
  return "RIB " + std::string(what) + " must be " + std::to_string(chars) +
         (letters_allowed ? " digits or capital letters" : " digits") + ", not " + quoted(value);
}

std::string rib_shape_problem(const Rib& rib) {
  if (auto problem = rib_field_problem(rib.bank, rib_bank_digits, false, "bank code"); !problem.empty()) {
    return problem;
  }
  if (auto problem = rib_field_problem(rib.branch, rib_branch_digits, false, "branch code"); !problem.empty()) {
    return problem;
  }
  if (auto problem = rib_field_problem(rib.account, rib_account_chars, true, "account number"); !problem.empty()) {
    return problem;
  }
  return rib_field_problem(rib.key, rib_key_digits, false, "key");
}

}  // namespace

// -----------------------------------------------------------------------------------------------------
// Public API
// -----------------------------------------------------------------------------------------------------

std::optional<std::uint32_t> rib_key(std::string_view bank, std::string_view branch, std::string_view account) {
  if (!rib_field_problem(bank, rib_bank_digits, false, "bank code").empty()) return std::nullopt;
  if (!rib_field_problem(branch, rib_branch_digits, false, "branch code").empty()) return std::nullopt;
  if (!rib_field_problem(account, rib_account_chars, true, "account number").empty()) return std::nullopt;
  // 89·99999 + 15·99999 + 3·99999999999 < 2^64: no overflow.
  const std::uint64_t sum = 89 * rib_number(bank) + 15 * rib_number(branch) + 3 * rib_number(account);
  const auto key = static_cast<std::uint32_t>(97 - sum % 97);
  PRORATA_ASSERT(key >= 1 && key <= 97);
  return key;
}

BankCheck validate_rib(const Rib& rib) {
  if (std::string problem = rib_shape_problem(rib); !problem.empty()) return verdict(std::move(problem));
  return verdict(rib_key_problem(rib.bank, rib.branch, rib.account, rib.key, "RIB key"));
}

std::string normalise_iban(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

BankCheck validate_iban(std::string_view text) {
  const std::string iban = normalise_iban(text);
  if (iban.size() > iban_chars_max) {
    return verdict("An IBAN has at most 34 characters; this one has " + std::to_string(iban.size()));
  }
  return verdict(iban_problem(iban));
}

std::optional<std::size_t> iban_length(std::string_view country_code) {
  const IbanCountry* country = find_iban_country(country_code);
  if (country == nullptr) return std::nullopt;
  return 4 + bban_chars(country->bban);
}

std::optional<std::string> iban_from_rib(const Rib& rib) {
  if (!validate_rib(rib).ok) return std::nullopt;
  const std::string bban = rib.bank + rib.branch + rib.account + rib.key;
  std::string iban = "FR" + two_digits(iban_check_digits(bban, "FR")) + bban;
  PRORATA_ASSERT(iban.size() == iban_fr_chars);
  PRORATA_ASSERT(validate_iban(iban).ok);
  return iban;
}

std::optional<Rib> rib_from_iban(std::string_view text) {
  const std::string iban = normalise_iban(text);
  if (!validate_iban(iban).ok || iban.substr(0, 2) != "FR") return std::nullopt;
  PRORATA_ASSERT(iban.size() == iban_fr_chars);
  return Rib{iban.substr(4, 5), iban.substr(9, 5), iban.substr(14, 11), iban.substr(25, 2)};
}

BankCheck iban_matches_rib(std::string_view iban, const Rib& rib) {
  if (BankCheck check = validate_iban(iban); !check.ok) return check;
  if (BankCheck check = validate_rib(rib); !check.ok) return check;
  const std::optional<Rib> inside = rib_from_iban(iban);
  if (!inside) {
    return verdict("The IBAN is not French (it starts with " + normalise_iban(iban).substr(0, 2) +
                   "), so it cannot match a RIB");
  }
  const auto differs = [](std::string_view what, const std::string& in_iban, const std::string& in_rib) {
    return "The IBAN is for " + std::string(what) + " " + in_iban + " but the RIB is for " +
           std::string(what) + " " + in_rib;
  };
  if (inside->bank != rib.bank) return verdict(differs("bank", inside->bank, rib.bank));
  if (inside->branch != rib.branch) return verdict(differs("branch", inside->branch, rib.branch));
  if (inside->account != rib.account) return verdict(differs("account", inside->account, rib.account));
  PRORATA_ASSERT(inside->key == rib.key);  // both keys are valid for the same bank, branch and account
  return verdict({});
}

std::string format_iban_grouped(std::string_view iban) {
  const std::string compact = normalise_iban(iban);
  std::string out;
  out.reserve(compact.size() + compact.size() / 4);
  for (std::size_t i = 0; i < compact.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(compact[i]);
  }
  return out;
}

bool is_iso3166_alpha2(std::string_view code) {
  if (code.size() != 2 || !all_of(code, is_capital)) return false;
  for (std::size_t at = 0; at < iso3166_alpha2_codes.size(); at += 2) {
    if (iso3166_alpha2_codes.substr(at, 2) == code) return true;
  }
  return false;
}

BankCheck validate_bic(std::string_view text) {
  if (text.size() != 8 && text.size() != 11) {
    return verdict("A BIC has 8 or 11 characters; " + quoted(text) + " has " + std::to_string(text.size()));
  }
  if (std::string problem = iban_character_problem(text); !problem.empty()) {
    // Same alphabet as an IBAN, minus the spaces.
    return verdict("BIC " + quoted(text) + ": capital letters and digits only, no spaces");
  }
  const std::string_view institution = text.substr(0, 4);
  const std::string_view country = text.substr(4, 2);
  if (!all_of(institution, is_capital)) {
    return verdict("A BIC starts with 4 letters naming the bank, not " + quoted(institution));
  }
  if (!is_iso3166_alpha2(country) && country != "XK") {
    return verdict("BIC " + std::string(text) + ": " + std::string(country) +
                   " (characters 5 and 6) is not an ISO 3166 country code");
  }
  return verdict({});  // location and branch are letters or digits, as checked above
}

}  // namespace prorata
