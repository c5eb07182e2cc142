#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace prorata {

void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work) {
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  auto take_each = [&] {
    for (std::size_t k = next.fetch_add(1); k < count; k = next.fetch_add(1)) {
      try {
        work(k);
      } catch (...) {
        failures[k] = std::current_exception();
      }
    }
  };
  const std::size_t helpers = std::min<std::size_t>(threads > 0 ? threads - 1 : 0, count / 2);
  std::vector<std::thread> running;
  running.reserve(helpers);
  for (std::size_t k = 0; k < helpers; ++k) {
    try {
      running.emplace_back(take_each);
    } catch (const std::system_error&) {  // no thread to be had: the others, this one included, do it all
      break;
    }
  }
  take_each();
  for (std::thread& t : running) t.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace prorata
