// engine/core/amount_words.h: the project's own examples, then every row of the public vectors in
// ../shared/vectors/words/ (see SOURCES.md there). Vector tests skip, visibly, when shared/ is absent.
#include "core/amount_words.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.h"
#include "shared_vectors.h"

namespace prorata {
namespace {

using test::split_commas;

std::string euros_in_words(std::int64_t cents, Spelling spelling = Spelling::traditional) {
  return amount_in_words_fr(Money::from_cents(cents), spelling);
}


// Lines of words/NAME, the header checked when `header` is not empty.
std::optional<std::vector<std::string>> read_lines(const std::string& name, const std::string& header) {
  return test::read_vector_lines("words/" + name, header);
}

Spelling spelling_of(const std::string& column) {
  if (column == "traditional") return Spelling::traditional;
  REQUIRE_MESSAGE((column == "1990" || column == "1990-all-hyphens"), "unknown spelling " << column);
  return Spelling::reform1990;
}

// Spells `number` (decimal text, maybe negative, maybe beyond 64 bits) and, when it fits in uint64_t,
// checks that integer_in_words_fr agrees. Returns whether that second check ran.
bool check_number(const std::string& number, const std::string& words, Spelling spelling) {
  CAPTURE(number);
  CHECK(decimal_in_words_fr(number, spelling) == std::optional<std::string>(words));
  const bool fits = number.front() != '-' && number.size() <= 19;
  if (fits) CHECK(integer_in_words_fr(std::stoull(number), spelling) == words);
  return fits;
}

// The `N words` files of evenfurther/french-numbers: 0..9999, one per line, in order.
std::size_t check_number_list(const std::string& name, Spelling spelling) {
  const auto lines = read_lines(name, "");
  if (!lines) return 0;
  std::size_t checked = 0;
  for (const std::string& line : *lines) {
    const std::size_t space = line.find(' ');
    REQUIRE(space != std::string::npos);
    const std::string number = line.substr(0, space);
    CHECK(number == std::to_string(checked));
    check_number(number, line.substr(space + 1), spelling);
    ++checked;
  }
  CHECK(checked == 10'000);
  return checked;
}

}  // namespace

TEST_CASE("words: the project's own examples (traditional)") {
  CHECK(euros_in_words(900'000) == "neuf mille euros");
  CHECK(euros_in_words(4'500'000) == "quarante-cinq mille euros");
  CHECK(euros_in_words(128'105) == "mille deux cent quatre-vingt-un euros et cinq centimes");
  CHECK(euros_in_words(100) == "un euro");
  CHECK(euros_in_words(8'000) == "quatre-vingts euros");
  CHECK(euros_in_words(20'000) == "deux cents euros");
  CHECK(euros_in_words(20'100) == "deux cent un euros");
  CHECK(euros_in_words(100'000'000) == "un million d'euros");
  CHECK(euros_in_words(1) == "un centime");
  CHECK(euros_in_words(5) == "cinq centimes");  // zero euros: the cents alone (fr_euro.csv: 0.50)
  CHECK(euros_in_words(0) == "zéro euro");
}

TEST_CASE("words: et un, vingts, cents, mille, million and milliard") {
  CHECK(integer_in_words_fr(21) == "vingt et un");
  CHECK(integer_in_words_fr(61) == "soixante et un");
  CHECK(integer_in_words_fr(71) == "soixante et onze");
  CHECK(integer_in_words_fr(77) == "soixante-dix-sept");
  CHECK(integer_in_words_fr(81) == "quatre-vingt-un");
  CHECK(integer_in_words_fr(91) == "quatre-vingt-onze");
  CHECK(integer_in_words_fr(99) == "quatre-vingt-dix-neuf");
  CHECK(integer_in_words_fr(180) == "cent quatre-vingts");
  CHECK(integer_in_words_fr(80'000) == "quatre-vingt mille");
  CHECK(integer_in_words_fr(200'000) == "deux cent mille");
  CHECK(integer_in_words_fr(21'000) == "vingt et un mille");
  CHECK(integer_in_words_fr(1'001) == "mille un");
  CHECK(integer_in_words_fr(80'000'000) == "quatre-vingts millions");
  CHECK(integer_in_words_fr(300'000'000) == "trois cents millions");
  CHECK(integer_in_words_fr(1'000'001'000) == "un milliard mille");
  CHECK(integer_in_words_fr(std::numeric_limits<std::uint64_t>::max()) ==
        "dix-huit trillions quatre cent quarante-six billiards sept cent quarante-quatre billions soixante-treize "
        "milliards sept cent neuf millions cinq cent cinquante et un mille six cent quinze");

  CHECK(euros_in_words(200'000'000) == "deux millions d'euros");
  CHECK(euros_in_words(120'000'000) == "un million deux cent mille euros");
  CHECK(euros_in_words(100'000'000'000) == "un milliard d'euros");
  CHECK(euros_in_words(100'000'000'005) == "un milliard d'euros et cinq centimes");
  CHECK(euros_in_words(100'100'000'000) == "un milliard un million d'euros");
  CHECK(euros_in_words(100'000'100'000) == "un milliard mille euros");
  CHECK(euros_in_words(2'100) == "vingt et un euros");
  CHECK(euros_in_words(101) == "un euro et un centime");
  CHECK(euros_in_words(limits::amount_cents_max) ==
        "neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions neuf cent "
        "quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes");
}

TEST_CASE("words: the 1990 spelling hyphenates every word of the number") {
  CHECK(integer_in_words_fr(201, Spelling::reform1990) == "deux-cent-un");
  CHECK(integer_in_words_fr(21, Spelling::reform1990) == "vingt-et-un");
  CHECK(integer_in_words_fr(71, Spelling::reform1990) == "soixante-et-onze");
  CHECK(integer_in_words_fr(1'281, Spelling::reform1990) == "mille-deux-cent-quatre-vingt-un");
  CHECK(integer_in_words_fr(17'000'000, Spelling::reform1990) == "dix-sept-millions");
  CHECK(euros_in_words(128'105, Spelling::reform1990) == "mille-deux-cent-quatre-vingt-un euros et cinq centimes");
  CHECK(euros_in_words(100'000'000, Spelling::reform1990) == "un-million d'euros");
  CHECK(euros_in_words(2'121, Spelling::reform1990) == "vingt-et-un euros et vingt-et-un centimes");
  CHECK(euros_in_words(0, Spelling::reform1990) == "zéro euro");
}

TEST_CASE("words: decimal text beyond 64 bits, negatives, malformed text") {
  CHECK(decimal_in_words_fr("1000000000000000000000") == std::optional<std::string>("un trilliard"));
  CHECK(decimal_in_words_fr("-17") == std::optional<std::string>("moins dix-sept"));
  CHECK(decimal_in_words_fr("-0") == std::optional<std::string>("zéro"));
  CHECK(decimal_in_words_fr("007") == std::optional<std::string>("sept"));
  CHECK(decimal_in_words_fr(std::string(30, '9')).has_value());
  CHECK_FALSE(decimal_in_words_fr("1" + std::string(30, '0')).has_value());
  CHECK_FALSE(decimal_in_words_fr("").has_value());
  CHECK_FALSE(decimal_in_words_fr("-").has_value());
  CHECK_FALSE(decimal_in_words_fr("12a").has_value());
  CHECK_FALSE(decimal_in_words_fr("+12").has_value());
  CHECK_FALSE(decimal_in_words_fr("1 000").has_value());
}

TEST_CASE("words vectors: every row of words/fr.csv") {
  const auto lines = read_lines("fr.csv", "number,words,spelling");
  if (!lines) return;
  std::size_t checked = 0;
  std::size_t also_uint64 = 0;
  for (const std::string& line : *lines) {
    const std::vector<std::string> row = split_commas(line);
    REQUIRE(row.size() == 3);
    if (check_number(row[0], row[1], spelling_of(row[2]))) ++also_uint64;
    ++checked;
  }
  CHECK(checked == 643);
  CHECK(also_uint64 == 629);  // the other 14: 6 negatives and 8 numbers of 10^21 and more
}

TEST_CASE("words vectors: every row of words/fr_1990_large_all_hyphens.csv") {
  const auto lines = read_lines("fr_1990_large_all_hyphens.csv", "number,words,spelling,sources");
  if (!lines) return;
  std::size_t checked = 0;
  for (const std::string& line : *lines) {
    const std::vector<std::string> row = split_commas(line);
    REQUIRE(row.size() == 4);
    CHECK(row[2] == "1990-all-hyphens");
    check_number(row[0], row[1], spelling_of(row[2]));
    ++checked;
  }
  CHECK(checked == 10);
}

// Negative amounts (3 rows) have no wording of their own: amount_in_words_fr takes 0 and up, and the
// rows check "moins " + the words of the opposite amount.
TEST_CASE("words vectors: every row of words/fr_euro.csv") {
  const auto lines = read_lines("fr_euro.csv", "amount,words,spelling,sources");
  if (!lines) return;
  std::size_t checked = 0;
  std::size_t negative = 0;
  for (const std::string& line : *lines) {
    const std::vector<std::string> row = split_commas(line);
    REQUIRE(row.size() == 4);
    CAPTURE(row[0]);
    const AmountParse amount = parse_amount(row[0]);
    REQUIRE(amount.value.has_value());
    const Spelling spelling = spelling_of(row[2]);
    if (amount.value->cents < 0) {
      CHECK(row[1] == "moins " + amount_in_words_fr(-*amount.value, spelling));
      ++negative;
    } else {
      CHECK(amount_in_words_fr(*amount.value, spelling) == row[1]);
    }
    ++checked;
  }
  CHECK(checked == 33);
  CHECK(negative == 3);
}

TEST_CASE("words vectors: every line of the french-numbers lists 0..9999") {
  if (check_number_list("french-numbers_nombres-francais-pre-reforme.txt", Spelling::traditional) == 0) return;
  CHECK(check_number_list("french-numbers_nombres-francais_1990.txt", Spelling::reform1990) == 10'000);
}

}  // namespace prorata
