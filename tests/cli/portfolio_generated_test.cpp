// A generated portfolio (issue 10, section 3): 50 conventions in one shared journal of about 100 000
// lines, varied by their index: every share key (paid, caps, equal, weights), both aggregate-cap
// policies (reject, scale), amendments in force (a cap raise, a new contributor) and pending,
// terminations after a notice, refunds and cancellations, expenses over eligible and ineligible
// categories with credit notes. Every convention of `status --rules-dir` must be, byte for byte, what
// `status RULES --journal` gives for it alone on the same shared journal, on two dates, and the totals
// the sums (in integer cents). The mix is checked in the outputs themselves (amendments in force and
// pending, terminations, scaled caps, refunds, cancellations), so the test cannot pass on a portfolio
// where the variety silently fell away.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "run_cli.h"

namespace fs = std::filesystem;
using prorata::test::run_cli;
using prorata::test::ScratchDir;

namespace {

constexpr int convention_count = 50;
constexpr int expenses_per_convention = 1'975;

// A small LCG of its own, so the data never depend on the library's generators.
struct Lcg {
  std::uint64_t state;
  std::uint64_t below(std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  }
};

std::string euros(std::int64_t cents) {
  const std::int64_t magnitude = cents < 0 ? -cents : cents;
  char text[32];
  std::snprintf(text, sizeof text, "%s%lld.%02lld", cents < 0 ? "-" : "", static_cast<long long>(magnitude / 100),
                static_cast<long long>(magnitude % 100));
  return text;
}

std::int64_t cents(const std::string& amount) {
  const bool negative = !amount.empty() && amount.front() == '-';
  const std::string digits = amount.substr(negative ? 1 : 0);
  const auto point = digits.find('.');
  REQUIRE(point != std::string::npos);
  const std::int64_t value = std::stoll(digits.substr(0, point)) * 100 + std::stoll(digits.substr(point + 1));
  return negative ? -value : value;
}

std::string date(int month, int day) {
  char text[32];
  std::snprintf(text, sizeof text, "2023-%02d-%02d", month, day);
  return text;
}

// What kind each convention is, from its index k (0-based): the test's own expectations.
const char* share_key(int k) { return std::array{"paid", "caps", "equal", "weights"}[static_cast<std::size_t>(k % 4)]; }
bool scaled(int k) { return (k / 4) % 2 == 1; }
enum class Amendment { none, cap_raise, joining, pending };
Amendment amendment(int k) {
  return std::array{Amendment::none, Amendment::cap_raise, Amendment::joining, Amendment::pending,
                    Amendment::none}[static_cast<std::size_t>(k % 5)];
}
bool terminated(int k) { return k % 7 == 3; }
bool refunded(int k) { return k % 6 == 2; }
bool cancelled(int k) { return k % 8 == 5; }

struct Generated {
  fs::path rules_dir;
  std::vector<std::string> ids;
  std::vector<std::string> rules;  // paths, in id order
  std::string journal;
  std::size_t lines = 0;
};

Generated generate(const fs::path& dir) {
  Generated out;
  out.rules_dir = dir / "rules";
  fs::create_directories(out.rules_dir);
  Lcg random{20231231};
  std::vector<std::pair<std::string, std::string>> rows;  // (date, rest of the line)
  for (int k = 0; k < convention_count; ++k) {
    char id_text[32];
    std::snprintf(id_text, sizeof id_text, "gv%02d", k + 1);
    const std::string id = id_text;
    const std::string beneficiary = "op-" + std::to_string(1 + k % 9);
    out.ids.push_back(id);
    std::array<std::int64_t, 5> caps{};
    std::int64_t cap_sum = 0;
    for (std::size_t i = 0; i < caps.size(); ++i) {
      caps[i] = (4'000 + 250 * static_cast<std::int64_t>((k * 7 + static_cast<int>(i) * 3) % 11)) * 100 + 50 * k;
      cap_sum += caps[i];
    }
    // Under scale the aggregate is 80 % of the caps (each cap in force is scaled down); under reject
    // it is their sum.
    const std::int64_t aggregate = scaled(k) ? cap_sum / 10 * 8 : cap_sum;
    std::string rules = "format: prorata/1\nconvention:\n  id: " + id + "\n  title: \"Generated convention " + id +
                        "\"\n  currency: EUR\n  beneficiary: {id: " + beneficiary + ", name: \"Operator " +
                        beneficiary + "\"}\n  term:\n    effective: last_signature\n    max_duration: 12 months\n"
                        "    notice_period: 1 month\n  aggregate_cap: " + euros(aggregate) +
                        "\n  aggregate_cap_policy: " + (scaled(k) ? "scale" : "reject") +
                        "\n  eligible_categories: [coaching, studies, travel]\n  settlement:\n    share_key: " +
                        share_key(k) + "\n";
    if (std::string(share_key(k)) == "weights") {
      rules += "    weights: {p1: " + std::to_string(1 + k % 3) + ", p2: 2, p3: 1, p4: 3, p5: 1}\n";
    }
    rules += "  contributors:\n";
    for (std::size_t i = 0; i < caps.size(); ++i) {
      rules += "    - {id: p" + std::to_string(i + 1) + ", name: \"Contributor " + std::to_string(i + 1) +
               "\", cap: " + euros(caps[i]) + "}\n";
    }
    const auto tag = [&](const std::string& line) { return line + "," + id; };
    if (amendment(k) != Amendment::none) {
      rules += "  amendments:\n    - id: av-1\n      title: \"Avenant 1\"\n      changes:\n        aggregate_cap: " +
               euros(aggregate + 1'000'00) + "\n        contributors:\n";
      if (amendment(k) == Amendment::joining) {
        rules += "          - {id: p6, name: \"Contributor 6\", cap: 1000.00}\n";
        if (std::string(share_key(k)) == "weights") rules += "        weights: {p6: 2}\n";
      } else {
        rules += "          - {id: p1, cap: " + euros(caps[0] + 1'000'00) + "}\n";
      }
    }
    out.rules.push_back((out.rules_dir / (id + ".yaml")).string());
    std::ofstream(out.rules.back(), std::ios::binary) << rules;

    // Signatures (the last one on 2023-01-10), two calls of 40 % and 30 % of each agreed cap (under
    // the scaled cap), payments (one contributor in three pays half its second call).
    for (int i = 1; i <= 5; ++i) rows.emplace_back(date(1, 2 + i), tag(",signature,p" + std::to_string(i) + ",,,,"));
    rows.emplace_back(date(1, 10), tag(",signature," + beneficiary + ",,,,"));
    for (int i = 1; i <= 5; ++i) {
      const std::int64_t cap = caps[static_cast<std::size_t>(i - 1)];
      const std::string p = "p" + std::to_string(i);
      const std::string n = std::to_string(i);
      rows.emplace_back(date(1, 16), tag(",statement," + p + "," + euros(cap / 10 * 4) + ",ESD-" + id + "-" + n + ",,"));
      rows.emplace_back(date(2, 1 + i), tag(",payment," + p + "," + euros(cap / 10 * 4) + ",VIR-" + id + "-" + n + ",,"));
      const std::int64_t second = cap / 10 * 3;
      rows.emplace_back(date(7, 3), tag(",statement," + p + "," + euros(second) + ",ESD-" + id + "-" + n + "b,,"));
      const bool unpaid = cancelled(k) && i == 4;  // its call is cut by a cancellation instead
      const std::int64_t paid = unpaid ? 0 : (k + i) % 3 == 0 ? second / 2 : second;
      if (paid > 0) {
        rows.emplace_back(date(7, 20 + i), tag(",payment," + p + "," + euros(paid) + ",VIR-" + id + "-" + n + "b,,"));
      }
    }
    if (cancelled(k)) {
      rows.emplace_back(date(8, 1), tag(",cancellation,p4,100.00,ESD-" + id + "-4b,,\"état rectificatif\""));
    }
    const std::vector<std::string> signers =
        amendment(k) == Amendment::pending
            ? std::vector<std::string>{beneficiary, "p1"}
            : std::vector<std::string>{beneficiary, "p1", "p2", "p3", "p4", "p5"};
    if (amendment(k) != Amendment::none) {
      for (const auto& party : signers) rows.emplace_back(date(5, 15), tag(",signature," + party + ",,av-1,,"));
      if (amendment(k) == Amendment::joining) {
        rows.emplace_back(date(5, 16), tag(",signature,p6,,av-1,,"));
        rows.emplace_back(date(5, 20), tag(",statement,p6,600.00,ESD-" + id + "-6,,"));
        rows.emplace_back(date(6, 2), tag(",payment,p6,600.00,VIR-" + id + "-6,,"));
      }
    }
    if (terminated(k)) {
      rows.emplace_back(date(8, 1), tag(",notice,p2,,,,\"mise en demeure\""));
      rows.emplace_back(date(9, 5), tag(",termination," + beneficiary + ",,,,"));
    }
    if (refunded(k)) rows.emplace_back(date(12, 20), tag(",refund,p3,100.00,AR-" + id + "-1,,"));

    // Expenses from February to December over four categories (catering not eligible), 1 % credit notes.
    const std::array<const char*, 4> categories{"coaching", "studies", "travel", "catering"};
    for (int e = 0; e < expenses_per_convention; ++e) {
      const int day_of_year = 31 + static_cast<int>(random.below(330));  // 2023-02-01 to 2023-12-27
      constexpr std::array<int, 12> before{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
      int month = 12;
      while (before[static_cast<std::size_t>(month - 1)] > day_of_year) --month;
      const int day = day_of_year - before[static_cast<std::size_t>(month - 1)] + 1;
      const bool credit = random.below(100) == 0;
      const std::int64_t amount = credit ? -static_cast<std::int64_t>(1 + random.below(5'000))
                                         : static_cast<std::int64_t>(100 + random.below(30'000));
      const char* category = categories[random.below(categories.size())];
      rows.emplace_back(date(month, day), tag(",expense," + beneficiary + "," + euros(amount) + ",F-" + id + "-" +
                                              std::to_string(e) + "," + category + ","));
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string text = "date,event,party,amount,ref,category,memo,convention\n";
  for (const auto& [day, rest] : rows) text += day + rest + "\n";
  out.lines = rows.size();
  out.journal = (dir / "journal.csv").string();
  std::ofstream(out.journal, std::ios::binary) << text;
  return out;
}

}  // namespace

TEST_CASE("generated portfolio: 50 varied conventions, each exactly its single status, totals the sums") {
  ScratchDir dir;
  const Generated g = generate(dir.path());
  CHECK(g.lines > 100'000);

  const auto check = run_cli({"check", "--rules-dir", g.rules_dir.string(), "--journal", g.journal});
  INFO(check.err);
  REQUIRE(check.exit_status == 0);
  CHECK(check.out.starts_with("ok: 50 conventions, "));

  for (const std::string as_of : {"2023-06-30", "2023-12-31"}) {
    CAPTURE(as_of);
    const auto portfolio_run = run_cli({"status", "--rules-dir", g.rules_dir.string(), "--journal", g.journal,
                                        "--as-of", as_of, "--format", "json", "-v"});
    INFO(portfolio_run.err);
    REQUIRE(portfolio_run.exit_status == 0);
    // The portfolio sums expense days between the dates that matter (core/expense_days.h); each single
    // status below keeps them day by day: the comparison checks the one against the other.
    CHECK(portfolio_run.err.find("(days summed between dates that matter)") != std::string::npos);
    CHECK(portfolio_run.err.find("read again day by day") == std::string::npos);
    const auto portfolio = nlohmann::ordered_json::parse(portfolio_run.out);
    REQUIRE(portfolio["conventions"].size() == g.ids.size());
    CHECK(portfolio["other_conventions"].empty());
    std::map<std::string, std::int64_t> sums;
    for (std::size_t k = 0; k < g.ids.size(); ++k) {
      CAPTURE(g.ids[k]);
      const auto single = run_cli({"status", g.rules[k], "--journal", g.journal, "--as-of", as_of, "--format", "json"});
      REQUIRE(single.exit_status == 0);
      CHECK(portfolio["conventions"][k]["convention"] == g.ids[k]);
      CHECK(portfolio["conventions"][k].dump(2) + "\n" == single.out);  // byte for byte
      const auto alone = nlohmann::ordered_json::parse(single.out);
      for (const auto& [key, value] : alone["totals"].items()) {
        sums[key] += cents(value.get<std::string>());
      }
    }
    REQUIRE(portfolio["totals"].size() == sums.size());
    for (const auto& [key, value] : sums) CHECK_MESSAGE(cents(portfolio["totals"][key].get<std::string>()) == value, key);
  }

  // The mix, as the outputs show it at the end of the year.
  const auto year_end = nlohmann::ordered_json::parse(
      run_cli({"status", "--rules-dir", g.rules_dir.string(), "--journal", g.journal, "--as-of", "2023-12-31",
               "--format", "json"})
          .out);
  int in_force = 0, pending = 0, joined = 0, terminations = 0, scaled_caps = 0, refunds = 0, cancellations = 0;
  int expected_in_force = 0, expected_pending = 0, expected_joined = 0, expected_terminations = 0;
  int expected_scaled = 0, expected_refunds = 0, expected_cancellations = 0;
  std::map<std::string, int> share_keys;
  for (int k = 0; k < convention_count; ++k) {
    const auto& status = year_end["conventions"][static_cast<std::size_t>(k)];
    for (const auto& a : status["amendments"]) {
      in_force += a["state"] == "in_force";
      pending += a["state"] == "pending";
    }
    bool has_p6 = false, any_scaled = false;
    for (const auto& c : status["contributors"]) {
      has_p6 = has_p6 || c["id"] == "p6";
      any_scaled = any_scaled || cents(c["cap"].get<std::string>()) < cents(c["cap_agreed"].get<std::string>());
    }
    joined += has_p6;
    scaled_caps += any_scaled;
    terminations += status["term"]["end_reason"] == "termination";
    refunds += cents(status["totals"]["refunded"].get<std::string>()) > 0;
    cancellations += cents(status["totals"]["cancelled"].get<std::string>()) > 0;
    expected_in_force += amendment(k) == Amendment::cap_raise || amendment(k) == Amendment::joining;
    expected_pending += amendment(k) == Amendment::pending;
    expected_joined += amendment(k) == Amendment::joining;
    expected_terminations += terminated(k);
    expected_scaled += scaled(k);
    expected_refunds += refunded(k);
    expected_cancellations += cancelled(k);
    ++share_keys[share_key(k)];
  }
  CHECK(in_force == expected_in_force);
  CHECK(pending == expected_pending);
  CHECK(joined == expected_joined);
  CHECK(terminations == expected_terminations);
  CHECK(scaled_caps == expected_scaled);
  CHECK(refunds == expected_refunds);
  CHECK(cancellations == expected_cancellations);
  // Counted by hand from the index rules above: 20 amendments in force (10 cap raises, 10 joinings),
  // 10 pending, 7 terminations (k = 3, 10, ..., 45), 24 scaled (k / 4 odd), 8 refunds, 6 cancellations,
  // and every share key 12 or 13 times.
  CHECK(expected_in_force == 20);
  CHECK(expected_pending == 10);
  CHECK(expected_terminations == 7);
  CHECK(expected_scaled == 24);
  CHECK(expected_refunds == 8);
  CHECK(expected_cancellations == 6);
  CHECK(share_keys == std::map<std::string, int>{{"caps", 13}, {"equal", 12}, {"paid", 13}, {"weights", 12}});
}

TEST_CASE("generated portfolio out of date order: a payment moved to the end is read again day by day, same figures") {
  ScratchDir dir;
  const Generated g = generate(dir.path());
  std::ifstream in(g.journal);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  in.close();
  // A payment of mid-year, between expense days its convention has before and after it: moved to the
  // end, its date comes after the days around it were summed.
  auto moved = std::find_if(lines.begin() + static_cast<std::ptrdiff_t>(lines.size() / 2), lines.end(),
                            [](const std::string& line) { return line.find(",payment,") != std::string::npos; });
  REQUIRE(moved != lines.end());
  const std::string payment = *moved;
  const std::string convention = payment.substr(payment.rfind(',') + 1);
  lines.erase(moved);
  lines.push_back(payment);
  const fs::path journal = dir.path() / "out-of-order.csv";
  {
    std::ofstream out(journal);
    for (const std::string& line : lines) out << line << "\n";
  }
  const auto portfolio_run = run_cli({"status", "--rules-dir", g.rules_dir.string(), "--journal", journal.string(),
                                      "--as-of", "2023-12-31", "--format", "json", "-v"});
  INFO(portfolio_run.err);
  REQUIRE(portfolio_run.exit_status == 0);
  CHECK(portfolio_run.err.find("read again day by day") != std::string::npos);
  CHECK(portfolio_run.err.find("(day by day)") != std::string::npos);
  const auto portfolio = nlohmann::ordered_json::parse(portfolio_run.out);
  const auto k = static_cast<std::size_t>(std::find(g.ids.begin(), g.ids.end(), convention) - g.ids.begin());
  REQUIRE(k < g.ids.size());
  const auto single = run_cli({"status", g.rules[k], "--journal", journal.string(), "--as-of", "2023-12-31", "--format", "json"});
  REQUIRE(single.exit_status == 0);
  CHECK(portfolio["conventions"][k].dump(2) + "\n" == single.out);
}

namespace {

// The kernel gives transparent huge pages to the memory that asks for them (tools/cli/huge_pages.h).
bool huge_pages_on_request() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  return modes.find("[madvise]") != std::string::npos;
}

struct EnvSet {  // sets a variable of the environment the CLI inherits, for one scope
  EnvSet(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~EnvSet() { ::unsetenv(name_); }
  EnvSet(const EnvSet&) = delete;
  EnvSet& operator=(const EnvSet&) = delete;
  const char* name_;
};

constexpr const char* huge_pages_line = "memory: glibc's heaps on transparent huge pages";

}  // namespace

TEST_CASE("a large journal: the CLI asks glibc for huge pages, and prints exactly what it prints without them") {
  if (std::getenv("GLIBC_TUNABLES") != nullptr) {
    MESSAGE("skipped: GLIBC_TUNABLES is set in the tests' environment");
    return;
  }
  ScratchDir dir;
  const Generated g = generate(dir.path());
  for (const std::string format : {"json", "text"}) {
    CAPTURE(format);
    const std::vector<std::string> args{"status", "--rules-dir", g.rules_dir.string(), "--journal", g.journal,
                                        "--as-of", "2023-12-31", "--format", format, "-v"};
    const auto on_huge = run_cli(args);
    REQUIRE(on_huge.exit_status == 0);
    const auto on_small = [&] {
      EnvSet off("PRORATA_HUGE_PAGES", "0");
      return run_cli(args);
    }();
    REQUIRE(on_small.exit_status == 0);
    CHECK(on_huge.out == on_small.out);  // byte for byte
    CHECK(on_small.err.find(huge_pages_line) == std::string::npos);
    if (huge_pages_on_request()) {
      CHECK(on_huge.err.find(huge_pages_line) != std::string::npos);
    } else {
      MESSAGE("the kernel's transparent huge pages are not in madvise mode here: only the outputs are compared");
      CHECK(on_huge.err.find(huge_pages_line) == std::string::npos);
    }
  }
  // A small journal is read on 4 KiB pages: executing the program again would cost more than it saves.
  const auto seed = run_cli({"status", "rules/dinum-preincubation-2020.yaml", "--journal", "fixtures/seed/journal.csv",
                             "--as-of", "2020-12-31", "-v"});
  REQUIRE(seed.exit_status == 0);
  CHECK(seed.err.find(huge_pages_line) == std::string::npos);
}
