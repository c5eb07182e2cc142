// The portfolio benchmark's helper (tools/bench-portfolio.sh runs it), three commands:
//
//   prorata-bench-portfolio generate N C DIR [--ledger]
//       Writes, deterministically (fixed-seed PRNG, integer cents), a shared journal of N lines (the
//       header not counted) over C conventions of 5 contributors each, as one year (2023) of a real
//       shared journal, sorted by date:
//         DIR/journal.csv      date,event,party,amount,ref,category,memo,convention
//         DIR/rules/ID.yaml    one rules file per convention (ids cv0001..., sorted as the files)
//         DIR/expected.tsv     what prorata must find, per convention and for the portfolio (`*`):
//                              ID <tab> key <tab> amount, keys spending, eligible_spending, called,
//                              paid, covered, refund_due (as of 2023-12-31)
//         DIR/ledger.journal   with --ledger: the same money in the journal format that ledger-cli
//                              and hledger share (Spending:ID:CATEGORY, Called:ID:PARTY, Paid:ID:PARTY)
//       Each convention has a fixed 26 lines (6 signatures, 2 statements and 2 payments per
//       contributor); every other line is an expense (about 1 % of them credit notes) over six
//       categories, four of them eligible (all six in one convention out of four), so N grows
//       with expenses. Expenses are shared between conventions by a random weight (0.5 to 1.5)
//       and spread over the year from the day after the last signature; caps are set from each
//       convention's expected eligible spending times 0.6 to 1.4, so some conventions end with
//       unused funds to refund and others spend beyond what was paid.
//
//   prorata-bench-portfolio verify EXPECTED FILE [--all]
//       Compares FILE with EXPECTED to the cent: FILE is prorata's JSON (prorata-status/1 for one
//       convention or prorata-portfolio/1), or lines `ID key amount` (what the script makes of
//       awk's, ledger's and hledger's output). Every figure in FILE must equal the expected one;
//       with --all, every convention of EXPECTED must be in FILE. Exit status 1 otherwise.
//
//   prorata-bench-portfolio measure OUT -- COMMAND [ARGS...]
//       Runs COMMAND with its standard output into OUT and prints `WALL_SECONDS PEAK_RSS_KIB` of the
//       command alone (wait4's rusage); exits with the command's status.
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// splitmix64: small, fast and the same on every platform, so the journal is the same everywhere.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

std::string cents_text(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", negative ? "-" : "", static_cast<unsigned long long>(magnitude / 100),
                static_cast<unsigned long long>(magnitude % 100));
  return buffer;
}

constexpr int days_in_year = 365;  // 2023
constexpr int first_expense_day = 9;  // 2023-01-10, the day after the last signature (2023-01-09)

std::array<std::string, days_in_year> year_dates() {
  std::array<std::string, days_in_year> dates;
  constexpr std::array<int, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int index = 0;
  for (int month = 0; month < 12; ++month) {
    for (int day = 1; day <= month_days[static_cast<std::size_t>(month)]; ++day) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "2023-%02d-%02d", month + 1, day);
      dates[static_cast<std::size_t>(index++)] = buffer;
    }
  }
  return dates;
}

int day_of(int month, int day) {  // 0-based day of 2023
  constexpr std::array<int, 12> before{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return before[static_cast<std::size_t>(month - 1)] + day - 1;
}

struct Category {
  const char* name;
  int weight;  // out of 100
  bool eligible;
};
constexpr std::array<Category, 6> categories{{{"coaching", 30, true},
                                              {"studies", 20, true},
                                              {"seminar", 15, true},
                                              {"travel", 15, true},
                                              {"catering", 10, false},
                                              {"equipment", 10, false}}};

struct Contributor {
  std::string id;
  std::int64_t cap = 0;
  std::int64_t call[2]{};
  std::int64_t payment[2]{};
};

struct Convention {
  std::string id;
  std::string beneficiary;
  bool all_eligible = false;
  std::vector<Contributor> contributors;
  std::uint64_t expenses = 0;  // lines
  double start = 0;            // offset of the first expense in its slot, in [0, 1)
  std::uint64_t next = 0;      // next expense to write
  std::int64_t spending = 0, eligible = 0, called = 0, paid = 0;
};

struct FixedLine {  // a signature, statement or payment
  std::size_t convention;
  std::string text;  // the line without its date
};

constexpr std::uint64_t fixed_lines_per_convention = 26;

int generate(std::uint64_t lines, std::uint64_t count, const fs::path& dir, bool with_ledger) {
  if (count == 0 || count > 99'999 || lines < count * (fixed_lines_per_convention + 1)) {
    std::fprintf(stderr, "generate: need 1 to 99999 conventions and at least 27 lines per convention\n");
    return 2;
  }
  Random random{20230101};
  fs::create_directories(dir / "rules");
  const int width = count > 9999 ? 5 : 4;
  std::vector<Convention> conventions(count);
  const std::uint64_t expense_lines = lines - count * fixed_lines_per_convention;

  // Expenses shared by weight, every convention at least one, the remainder one each from the first.
  std::vector<double> weights(count);
  double weight_sum = 0;
  for (auto& weight : weights) weight_sum += (weight = 0.5 + random.unit());
  std::uint64_t assigned = 0;
  for (std::size_t c = 0; c < count; ++c) {
    const auto share = static_cast<std::uint64_t>(static_cast<double>(expense_lines - count) * weights[c] / weight_sum);
    conventions[c].expenses = 1 + share;
    assigned += conventions[c].expenses;
  }
  for (std::size_t c = 0; assigned < expense_lines; c = (c + 1) % count, ++assigned) ++conventions[c].expenses;

  // Parties, caps, calls and payments. Mean eligible expense: 0.8 × 1000.49 EUR, less 1 % credit notes.
  for (std::size_t c = 0; c < count; ++c) {
    Convention& cv = conventions[c];
    char id[16];
    std::snprintf(id, sizeof id, "cv%0*zu", width, c + 1);
    cv.id = id;
    char beneficiary[16];
    std::snprintf(beneficiary, sizeof beneficiary, "op-%02llu", static_cast<unsigned long long>(1 + random.below(20)));
    cv.beneficiary = beneficiary;
    cv.all_eligible = c % 4 == 3;
    cv.start = random.unit();
    const double mean_eligible = cv.all_eligible ? 990.0 : 790.0;
    const double target_caps = static_cast<double>(cv.expenses) * mean_eligible * (0.6 + 0.8 * random.unit());
    std::vector<int> departements;
    while (departements.size() < 5) {
      const int d = 1 + static_cast<int>(random.below(95));
      if (std::find(departements.begin(), departements.end(), d) == departements.end()) departements.push_back(d);
    }
    std::array<double, 5> cap_weights{};
    double cap_weight_sum = 0;
    for (auto& w : cap_weights) cap_weight_sum += (w = 0.5 + random.unit());
    for (std::size_t i = 0; i < 5; ++i) {
      Contributor contributor;
      char party[16];
      std::snprintf(party, sizeof party, "dep-%02d", departements[i]);
      contributor.id = party;
      const auto hundreds = static_cast<std::int64_t>(target_caps * cap_weights[i] / cap_weight_sum / 100.0);
      contributor.cap = std::max<std::int64_t>(1, hundreds) * 100 * 100;  // whole hundreds of euros, in cents
      contributor.call[0] = contributor.cap / 2;
      contributor.call[1] = contributor.cap - contributor.call[0];
      contributor.payment[0] = contributor.call[0];
      contributor.payment[1] = random.below(5) == 0 ? contributor.call[1] / 2 : contributor.call[1];  // 1 in 5 pays half
      cv.called += contributor.cap;
      cv.paid += contributor.payment[0] + contributor.payment[1];
      cv.contributors.push_back(contributor);
    }
  }

  // Rules files.
  for (const Convention& cv : conventions) {
    std::ofstream rules(dir / "rules" / (cv.id + ".yaml"), std::ios::binary);
    rules << "# Generated by prorata-bench-portfolio: a convention of the portfolio benchmark.\n"
          << "format: prorata/1\nconvention:\n  id: " << cv.id << "\n  title: \"Convention " << cv.id
          << " (benchmark)\"\n  currency: EUR\n  beneficiary: {id: " << cv.beneficiary << ", name: \"Operator "
          << cv.beneficiary.substr(3) << "\"}\n  term:\n    effective: last_signature\n    max_duration: 12 months\n";
    if (!cv.all_eligible) rules << "  eligible_categories: [coaching, studies, seminar, travel]\n";
    rules << "  settlement:\n    share_key: paid\n  contributors:\n";
    for (const Contributor& contributor : cv.contributors) {
      rules << "    - {id: " << contributor.id << ", name: \"Département " << contributor.id.substr(4)
            << "\", cap: " << cents_text(contributor.cap) << "}\n";
    }
  }

  // Signatures, statements and payments, by day (each convention's lines of a day in its order).
  std::vector<std::vector<FixedLine>> fixed(days_in_year);
  for (std::size_t c = 0; c < count; ++c) {
    const Convention& cv = conventions[c];
    for (std::size_t i = 0; i < 5; ++i) {
      const Contributor& contributor = cv.contributors[i];
      fixed[static_cast<std::size_t>(1 + (c + i) % 5)].push_back({c, ",signature," + contributor.id + ",,,,," + cv.id});
    }
    fixed[static_cast<std::size_t>(day_of(1, 9))].push_back({c, ",signature," + cv.beneficiary + ",,,,," + cv.id});
    for (std::size_t tranche = 0; tranche < 2; ++tranche) {
      const int statement_day = tranche == 0 ? day_of(1, 16) : day_of(7, 3);
      for (std::size_t i = 0; i < 5; ++i) {
        const Contributor& contributor = cv.contributors[i];
        const std::string number = "ESD-" + cv.id + "-" + std::to_string(tranche * 5 + i + 1);
        fixed[static_cast<std::size_t>(statement_day)].push_back(
            {c, ",statement," + contributor.id + "," + cents_text(contributor.call[tranche]) + "," + number + ",," +
                    (tranche == 0 ? "1st call 50 %" : "2nd call 50 %") + "," + cv.id});
        const int payment_day = statement_day + 14 + static_cast<int>(3 * i + c % 7);
        fixed[static_cast<std::size_t>(payment_day)].push_back(
            {c, ",payment," + contributor.id + "," + cents_text(contributor.payment[tranche]) + ",VIR-" + cv.id + "-" +
                    std::to_string(tranche * 5 + i + 1) + ",,," + cv.id});
      }
    }
  }

  const auto dates = year_dates();
  std::ofstream journal(dir / "journal.csv", std::ios::binary);
  std::ofstream ledger;
  if (with_ledger) {
    ledger.open(dir / "ledger.journal", std::ios::binary);
    ledger << "; Generated by prorata-bench-portfolio from journal.csv: the same money, for ledger-cli and hledger.\n";
  }
  journal << "date,event,party,amount,ref,category,memo,convention\n";
  std::uint64_t written = 0;
  std::uint64_t invoice = 0;
  std::string line;
  constexpr int expense_days = days_in_year - first_expense_day;
  auto expense_day = [&](const Convention& cv, std::uint64_t k) {
    return first_expense_day +
           static_cast<int>((static_cast<double>(k) + cv.start) * expense_days / static_cast<double>(cv.expenses));
  };
  std::vector<std::size_t> active;
  for (int day = 0; day < days_in_year; ++day) {
    const std::string& date = dates[static_cast<std::size_t>(day)];
    for (const FixedLine& fixed_line : fixed[static_cast<std::size_t>(day)]) {
      journal << date << fixed_line.text << '\n';
      ++written;
      if (!with_ledger) continue;
      // event,party,amount,ref
      std::istringstream cells(fixed_line.text.substr(1));
      std::string event, party, amount, ref;
      std::getline(cells, event, ',');
      std::getline(cells, party, ',');
      std::getline(cells, amount, ',');
      std::getline(cells, ref, ',');
      const std::string& id = conventions[fixed_line.convention].id;
      if (event == "statement") {
        ledger << date << " " << ref << "\n    Called:" << id << ":" << party << "  EUR " << amount
               << "\n    Receivable:" << id << "\n\n";
      } else if (event == "payment") {
        ledger << date << " " << ref << "\n    Paid:" << id << ":" << party << "  EUR " << amount << "\n    Bank:" << id
               << "\n\n";
      }
    }
    if (day < first_expense_day) continue;
    // The day's expenses: one from each convention in turn, from a random first convention.
    active.clear();
    const std::size_t first = static_cast<std::size_t>(random.below(count));
    for (std::size_t j = 0; j < count; ++j) {
      const std::size_t c = (first + j) % count;
      const Convention& cv = conventions[c];
      if (cv.next < cv.expenses && expense_day(cv, cv.next) == day) active.push_back(c);
    }
    while (!active.empty()) {
      std::size_t keep = 0;
      for (std::size_t c : active) {
        Convention& cv = conventions[c];
        const std::uint64_t r = random.below(10'000);
        std::int64_t cents;
        if (r < 100) {
          cents = -static_cast<std::int64_t>(1 + random.below(50'000));  // credit note, up to 500.00
        } else {
          cents = static_cast<std::int64_t>(100 + random.below(199'900));  // 1.00 to 1999.99
        }
        int pick = static_cast<int>(random.below(100));
        std::size_t category = 0;
        while (pick >= categories[category].weight) pick -= categories[category++].weight;
        const Category& cat = categories[category];
        const std::string amount = cents_text(cents);
        const std::string ref = (cents < 0 ? "AV-" : "FAC-") + std::to_string(++invoice);
        line.clear();
        line.append(date).append(",expense,").append(cv.beneficiary).append(",").append(amount).append(",");
        line.append(ref).append(",").append(cat.name).append(",,").append(cv.id).append("\n");
        journal << line;
        ++written;
        cv.spending += cents;
        if (cv.all_eligible || cat.eligible) cv.eligible += cents;
        if (with_ledger) {
          ledger << date << " " << ref << "\n    Spending:" << cv.id << ":" << cat.name << "  EUR " << amount
                 << "\n    Fund:" << cv.id << "\n\n";
        }
        ++cv.next;
        if (cv.next < cv.expenses && expense_day(cv, cv.next) == day) active[keep++] = c;
      }
      active.resize(keep);
    }
  }
  journal.close();
  if (written != lines) {
    std::fprintf(stderr, "generate: wrote %llu lines instead of %llu\n", static_cast<unsigned long long>(written),
                 static_cast<unsigned long long>(lines));
    return 1;
  }

  // Expected figures. With share_key paid and payments within caps: covered = min(eligible, paid),
  // and the refunds due add up to the unused funds, max(0, paid - eligible).
  std::ofstream expected(dir / "expected.tsv", std::ios::binary);
  std::map<std::string, std::int64_t> totals;
  auto put = [&](const std::string& id, const char* key, std::int64_t cents) {
    expected << id << '\t' << key << '\t' << cents_text(cents) << '\n';
  };
  for (const Convention& cv : conventions) {
    const std::int64_t eligible = std::max<std::int64_t>(0, cv.eligible);
    const std::int64_t figures[] = {cv.spending, eligible, cv.called, cv.paid, std::min(eligible, cv.paid),
                                    std::max<std::int64_t>(0, cv.paid - eligible)};
    const char* keys[] = {"spending", "eligible_spending", "called", "paid", "covered", "refund_due"};
    for (std::size_t k = 0; k < 6; ++k) {
      put(cv.id, keys[k], figures[k]);
      totals[keys[k]] += figures[k];
    }
  }
  for (const char* key : {"spending", "eligible_spending", "called", "paid", "covered", "refund_due"}) {
    put("*", key, totals[key]);
  }
  std::printf("generate: %llu lines over %llu conventions (%llu expenses) in %s\n", static_cast<unsigned long long>(lines),
              static_cast<unsigned long long>(count), static_cast<unsigned long long>(expense_lines), dir.c_str());
  return 0;
}

using Figures = std::map<std::string, std::map<std::string, std::string>>;  // convention -> key -> amount

bool read_tsv(const fs::path& path, Figures& figures) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::string id, key, amount;
  while (file >> id >> key >> amount) figures[id][key] = amount;
  return true;
}

void add_status_totals(const nlohmann::json& totals, const std::string& id, Figures& figures) {
  for (const auto& [key, value] : totals.items()) {
    if (value.is_string()) figures[id][key] = value.get<std::string>();
  }
}

int verify(const fs::path& expected_path, const fs::path& path, bool all) {
  Figures expected, found;
  if (!read_tsv(expected_path, expected)) {
    std::fprintf(stderr, "verify: cannot read %s\n", expected_path.c_str());
    return 2;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "verify: cannot read %s\n", path.c_str());
    return 2;
  }
  if (file.peek() == '{') {
    const nlohmann::json json = nlohmann::json::parse(file);
    const std::string format = json.value("format", "");
    if (format == "prorata-status/1") {
      add_status_totals(json.at("totals"), json.at("convention").get<std::string>(), found);
    } else if (format == "prorata-portfolio/1") {
      for (const auto& status : json.at("conventions")) {
        add_status_totals(status.at("totals"), status.at("convention").get<std::string>(), found);
      }
      add_status_totals(json.at("totals"), "*", found);
    } else {
      std::fprintf(stderr, "verify: %s: unknown format '%s'\n", path.c_str(), format.c_str());
      return 1;
    }
  } else {
    file.close();
    read_tsv(path, found);
  }
  std::size_t compared = 0, differ = 0;
  for (const auto& [id, keys] : found) {
    const auto it = expected.find(id);
    if (it == expected.end()) {
      if (++differ <= 20) std::fprintf(stderr, "verify: %s: convention %s is not in the journal\n", path.c_str(), id.c_str());
      continue;
    }
    for (const auto& [key, amount] : keys) {
      const auto want = it->second.find(key);
      if (want == it->second.end()) continue;  // a figure the generator does not compute
      ++compared;
      if (want->second != amount && ++differ <= 20) {
        std::fprintf(stderr, "verify: %s: %s %s is %s, the generator's is %s\n", path.c_str(), id.c_str(), key.c_str(),
                     amount.c_str(), want->second.c_str());
      }
    }
  }
  if (all) {
    for (const auto& [id, keys] : expected) {
      if (id != "*" && !found.contains(id) && ++differ <= 20) {
        std::fprintf(stderr, "verify: %s: convention %s is missing\n", path.c_str(), id.c_str());
      }
    }
  }
  if (compared == 0) {
    std::fprintf(stderr, "verify: %s: no figure to compare\n", path.c_str());
    return 1;
  }
  if (differ != 0) return 1;
  std::printf("%zu figures of %zu conventions match\n", compared, found.size() - (found.contains("*") ? 1 : 0));
  return 0;
}

int measure(const char* out, char** command) {
  const int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    std::perror(out);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    return 2;
  }
  if (pid == 0) {
    dup2(fd, STDOUT_FILENO);
    close(fd);
    execvp(command[0], command);
    std::perror(command[0]);
    _exit(127);
  }
  close(fd);
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("wait4");
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.4f %ld\n", seconds, usage.ru_maxrss);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

bool is_number(const std::string& text) {
  return !text.empty() && text.size() < 12 && text.find_first_not_of("0123456789") == std::string::npos;
}

int usage() {
  std::fprintf(stderr,
               "usage: prorata-bench-portfolio generate N C DIR [--ledger]\n"
               "       prorata-bench-portfolio verify EXPECTED FILE [--all]\n"
               "       prorata-bench-portfolio measure OUT -- COMMAND [ARGS...]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 4 && args[0] == "generate" && is_number(args[1]) && is_number(args[2]) &&
      (args.size() == 4 || (args.size() == 5 && args[4] == "--ledger"))) {
    return generate(std::stoull(args[1]), std::stoull(args[2]), args[3], args.size() == 5);
  }
  if (args.size() >= 3 && args[0] == "verify" && (args.size() == 3 || (args.size() == 4 && args[3] == "--all"))) {
    return verify(args[1], args[2], args.size() == 4);
  }
  if (args.size() >= 4 && args[0] == "measure" && args[2] == "--") return measure(argv[2], argv + 4);
  return usage();
}
