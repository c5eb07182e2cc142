#include "io/rules_files.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

#include "io/rules_yaml.h"

namespace prorata::io {

std::vector<LoadedRulesFile> load_rules_files(const std::vector<std::string>& paths, unsigned threads) {
  std::vector<LoadedRulesFile> results(paths.size());
  std::vector<std::exception_ptr> failures(paths.size());
  std::atomic<std::size_t> next{0};
  // Files are taken one at a time from a shared counter: a large file does not hold up the others.
  auto work = [&] {
    for (std::size_t k = next.fetch_add(1); k < paths.size(); k = next.fetch_add(1)) {
      try {
        results[k].rules = load_rules_file(paths[k], results[k].diagnostics);
      } catch (...) {
        failures[k] = std::current_exception();
      }
    }
  };
  const std::size_t helpers = std::min<std::size_t>(threads > 0 ? threads - 1 : 0, paths.size() / 2);
  std::vector<std::thread> running;
  running.reserve(helpers);
  for (std::size_t k = 0; k < helpers; ++k) {
    try {
      running.emplace_back(work);
    } catch (const std::system_error&) {  // no thread to be had: the others, this one included, do it all
      break;
    }
  }
  work();
  for (std::thread& t : running) t.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return results;
}

}  // namespace prorata::io
