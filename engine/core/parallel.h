// Work shared between threads by index: each thread takes the next index from a shared counter, so a
// slow item does not hold up the others. `work(k)` must touch only what belongs to item k. Used where
// the items are independent: loading rules files (io/rules_files.h), evaluating a portfolio's
// conventions (core/portfolio.h).
#pragma once
#include <cstddef>
#include <functional>

namespace prorata {

// Calls work(k) for every k in [0, count), on at most `threads` threads, this one included (fewer when
// there is little to share or no thread to be had). An exception thrown by work(k) stops nothing else;
// once all are done, the one of the smallest k is rethrown, as one thread going in order would throw it
// first.
void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace prorata
