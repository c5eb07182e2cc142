#include "core/amount_words.h"

#include <array>
#include <vector>

#include "core/assert.h"
#include "core/limits.h"

namespace prorata {
namespace {

constexpr std::array<std::string_view, 17> words_below_17{
    "zéro", "un",     "deux",     "trois",    "quatre",   "cinq",  "six",  "sept", "huit",
    "neuf", "dix",    "onze",     "douze",    "treize",   "quatorze", "quinze", "seize"};

// Tens 2..6 (20..60); 70 and 90 are built on 60 and 80.
constexpr std::array<std::string_view, 7> tens_words{"", "", "vingt", "trente", "quarante", "cinquante",
                                                     "soixante"};

// Long scale, one name per group of three digits: 10^6 million, 10^9 milliard, 10^12 billion…
constexpr std::array<std::string_view, 10> scale_words{"",         "mille",    "million",   "milliard",
                                                       "billion",  "billiard", "trillion",  "trilliard",
                                                       "quadrillion", "quadrilliard"};
static_assert(scale_words.size() * 3 == words_digits_max);

// Appends words with the separator the traditional spelling puts before each one ('-' inside 17..99,
// ' ' elsewhere); the 1990 spelling turns every separator into '-'.
class Words {
 public:
  explicit Words(Spelling spelling) : spelling_(spelling) {}

  void add(char traditional_separator, std::string_view word) {
    PRORATA_ASSERT(!word.empty());
    if (!text_.empty()) text_.push_back(spelling_ == Spelling::reform1990 ? '-' : traditional_separator);
    text_.append(word);
  }

  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  Spelling spelling_;
  std::string text_;
};

// 1..99. `plural` says whether 80 may take its s (the number is last, or before million, milliard…).
// `separator` goes before the first word.
void add_below_100(Words& words, char separator, std::uint32_t n, bool plural) {
  PRORATA_ASSERT(n >= 1 && n <= 99);
  if (n < 17) return words.add(separator, words_below_17[n]);
  if (n < 20) {
    words.add(separator, "dix");
    return words.add('-', words_below_17[n - 10]);
  }
  const std::uint32_t tens = n / 10;
  const std::uint32_t units = n % 10;
  if (tens >= 8) {
    words.add(separator, "quatre");
    words.add('-', n == 80 && plural ? "vingts" : "vingt");
    if (n > 80) add_below_100(words, '-', n - 80, plural);
    return;
  }
  words.add(separator, tens_words[tens == 7 ? 6 : tens]);
  const std::uint32_t rest = tens == 7 ? n - 60 : units;  // 70..79 are 60 + 10..19
  if (rest == 0) return;
  if (rest == 1 || rest == 11) {  // vingt et un … soixante et un, soixante et onze
    words.add(' ', "et");
    return words.add(' ', words_below_17[rest]);
  }
  add_below_100(words, '-', rest, plural);
}

// 1..999; `plural` as above, for both "cents" and "vingts".
void add_below_1000(Words& words, std::uint32_t n, bool plural) {
  PRORATA_ASSERT(n >= 1 && n <= 999);
  const std::uint32_t hundreds = n / 100;
  const std::uint32_t rest = n % 100;
  if (hundreds > 1) words.add(' ', words_below_17[hundreds]);
  if (hundreds > 0) words.add(' ', hundreds > 1 && rest == 0 && plural ? "cents" : "cent");
  if (rest > 0) add_below_100(words, ' ', rest, plural);
}

// Groups of three digits, most significant first, from decimal digits without leading zeros.
std::vector<std::uint32_t> digit_groups(std::string_view digits) {
  PRORATA_ASSERT(!digits.empty() && digits.size() <= words_digits_max);
  std::vector<std::uint32_t> groups;
  std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  for (std::size_t at = 0; at < digits.size(); at += first, first = 3) {
    std::uint32_t value = 0;
    for (char c : digits.substr(at, first)) value = value * 10 + static_cast<std::uint32_t>(c - '0');
    groups.push_back(value);
  }
  PRORATA_ASSERT(groups.size() <= scale_words.size());
  return groups;
}

// `digits`: decimal, no sign, no leading zero (or exactly "0").
std::string spell_digits(std::string_view digits, Spelling spelling) {
  if (digits == "0") return std::string(words_below_17[0]);
  const std::vector<std::uint32_t> groups = digit_groups(digits);
  Words words(spelling);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::uint32_t value = groups[i];
    const std::size_t scale = groups.size() - 1 - i;
    if (value == 0) continue;
    if (scale == 1) {  // "mille" is invariable, takes no "un", and stops the plural of cent/vingt
      if (value > 1) add_below_1000(words, value, false);
      words.add(' ', scale_words[1]);
      continue;
    }
    add_below_1000(words, value, true);
    if (scale == 0) continue;
    std::string noun(scale_words[scale]);  // a noun: "un million", "deux millions"
    if (value > 1) noun.push_back('s');
    words.add(' ', noun);
  }
  PRORATA_ASSERT(!words.text().empty());
  return words.text();
}

}  // namespace

std::string integer_in_words_fr(std::uint64_t n, Spelling spelling) {
  return spell_digits(std::to_string(n), spelling);
}

std::optional<std::string> decimal_in_words_fr(std::string_view decimal, Spelling spelling) {
  const bool negative = !decimal.empty() && decimal.front() == '-';
  std::string_view digits = negative ? decimal.substr(1) : decimal;
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.size() > words_digits_max) return std::nullopt;
  std::string words = spell_digits(digits, spelling);
  if (negative && digits != "0") words = "moins " + words;
  return words;
}

std::string amount_in_words_fr(Money amount, Spelling spelling) {
  PRORATA_ASSERT(amount.cents >= 0);
  PRORATA_ASSERT(amount.cents <= limits::amount_cents_max);
  const auto euros = static_cast<std::uint64_t>(amount.cents / 100);
  const auto cents = static_cast<std::uint64_t>(amount.cents % 100);
  if (euros == 0 && cents == 0) return "zéro euro";
  std::string text;
  if (euros > 0) {
    text = integer_in_words_fr(euros, spelling);
    // "un million d'euros": the euro part ends on a noun (million, milliard), hence "de".
    const bool ends_on_noun = euros >= 1'000'000 && euros % 1'000'000 == 0;
    text += euros == 1 ? " euro" : ends_on_noun ? " d'euros" : " euros";
  }
  if (cents > 0) {
    if (!text.empty()) text += " et ";
    text += integer_in_words_fr(cents, spelling);
    text += cents == 1 ? " centime" : " centimes";
  }
  return text;
}

}  // namespace prorata
