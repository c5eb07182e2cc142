// French amounts in words ("somme en toutes lettres"), as written on a cheque, an invoice or a refund
// notice: 1281.05 -> "mille deux cent quatre-vingt-un euros et cinq centimes". Pure functions.
//
// Rules (Académie française; the 1990 "rectifications de l'orthographe" for Spelling::reform1990):
//  * 21..61 take "et un" ("vingt et un"), and 71 is "soixante et onze"; 81 and 91 do not
//    ("quatre-vingt-un", "quatre-vingt-onze").
//  * "vingt" (in 80) and "cent" take an s when multiplied and last: "quatre-vingts", "deux cents",
//    also before the nouns million, milliard… ("trois cents millions"), but not before "mille",
//    which is invariable ("deux cent mille") and never preceded by "un" ("mille un").
//  * million, milliard, billion (10^12, long scale), billiard, trillion… are nouns: "un million",
//    "deux millions". An amount whose euro part ends on one of them reads "un million d'euros";
//    "un million deux cent mille euros" keeps "euros".
//  * Spelling::reform1990 joins every word of the number with hyphens, the nouns million, milliard…
//    included ("deux-cent-un", "vingt-et-un", "dix-sept-millions"): the reading that
//    shared/vectors/words/fr_1990_large_all_hyphens.csv follows. The words "euro(s)", "d'euros",
//    "et" (between euros and centimes) and "centime(s)" stay separate in both spellings.
//  * Zero euros with cents reads the cents alone: 0.05 -> "cinq centimes" (vectors fr_euro.csv:
//    0.50 -> "cinquante centimes"); 0.00 -> "zéro euro" (singular, as for 1).
// Output is UTF-8 (the only non-ASCII letter is the é of "zéro").
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"

namespace prorata {

enum class Spelling : std::uint8_t { traditional, reform1990 };

// Largest number of significant digits decimal_in_words_fr spells: up to "quadrilliards" (10^27).
inline constexpr std::size_t words_digits_max = 30;

// `amount` must lie in 0 ..= limits::amount_cents_max (asserted): an amount in words is printed from an
// amount that was already checked, never from raw input. Negative amounts have no wording on a document;
// callers that want one write "moins " before the words of the opposite.
[[nodiscard]] std::string amount_in_words_fr(Money amount, Spelling spelling = Spelling::traditional);

// A plain cardinal: 0 -> "zéro", 201 -> "deux cent un", 2'000'000 -> "deux millions".
[[nodiscard]] std::string integer_in_words_fr(std::uint64_t n, Spelling spelling = Spelling::traditional);

// The same for decimal text `-?[0-9]+` (leading zeros allowed) of up to words_digits_max significant
// digits, so numbers beyond 64 bits and negatives ("moins dix-sept") can be spelled too. Empty when the
// text is not of that form.
[[nodiscard]] std::optional<std::string> decimal_in_words_fr(std::string_view decimal,
                                                             Spelling spelling = Spelling::traditional);

}  // namespace prorata
