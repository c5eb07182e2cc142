// Large journals: glibc's malloc asked to back its heaps with transparent huge pages.
//
// A portfolio run over a large journal touches some 30 MiB of heap, one 4 KiB page at a time; on the
// virtual machines measured, each first touch (a page fault) costs about 6 microseconds, which made
// page faults some 15 % of a 1M-line run's CPU time. glibc backs its heaps with 2 MiB pages when its
// tunable glibc.malloc.hugetlb=1 is set, and reads tunables only at start-up, from the environment
// (GLIBC_TUNABLES): so the CLI re-executes itself once, with the tunable added, before it has read or
// written anything. Only where it pays: the journal named is a regular file of 4 MiB or more, the
// kernel gives huge pages on request ("madvise" mode), GLIBC_TUNABLES does not say already how to
// use them, and PRORATA_HUGE_PAGES is not 0. Anything that fails leaves the run as it was, on
// 4 KiB pages: the output never depends on it.
#pragma once

namespace prorata::cli {

// Returns only when the program goes on as it is (nothing to gain, or the re-execution failed).
void use_huge_pages_for_large_journals(int argc, char** argv);
// Says in the log (--verbose) when glibc was asked for huge pages, by this program or by the user.
void log_huge_pages();

}  // namespace prorata::cli
