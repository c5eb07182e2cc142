#include "huge_pages.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif

namespace prorata::cli {

namespace {

constexpr std::uint64_t large_journal_bytes = std::uint64_t{4} << 20;  // as io::JournalReadOptions::split_bytes_min
constexpr const char* tunable = "glibc.malloc.hugetlb=1";

// The path given to --journal (`--journal PATH` or `--journal=PATH`), or null.
const char* journal_argument(int argc, char** argv) {
  constexpr std::string_view flag = "--journal";
  for (int k = 1; k < argc; ++k) {
    const std::string_view arg = argv[k];
    if (arg == "--") return nullptr;
    if (arg == flag && k + 1 < argc) return argv[k + 1];
    if (arg.size() > flag.size() && arg.substr(0, flag.size() + 1) == "--journal=") return argv[k] + flag.size() + 1;
  }
  return nullptr;
}

bool is_large_file(const char* path) {
  struct stat info {};
  return stat(path, &info) == 0 && S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) >= large_journal_bytes;
}

// The kernel's transparent huge pages are given to the memory that asks for them (the default of most
// distributions): "always" gives them already, "never" not at all.
bool huge_pages_on_request() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  const std::string modes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return modes.find("[madvise]") != std::string::npos;
}

}  // namespace

void use_huge_pages_for_large_journals(int argc, char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  const char* wanted = std::getenv("PRORATA_HUGE_PAGES");
  if (wanted != nullptr && std::strcmp(wanted, "0") == 0) return;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  // Already there (this is the re-executed program, or the user chose): never twice.
  if (tunables != nullptr && std::strstr(tunables, "glibc.malloc.hugetlb") != nullptr) return;
  const char* journal = journal_argument(argc, argv);
  if (journal == nullptr || !is_large_file(journal) || !huge_pages_on_request()) return;
  const std::string before = tunables == nullptr ? "" : tunables;
  const std::string after = before.empty() ? tunable : before + ":" + tunable;
  if (setenv("GLIBC_TUNABLES", after.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the program could not be executed again; it goes on as it was.
  if (tunables == nullptr) {
    unsetenv("GLIBC_TUNABLES");
  } else {
    setenv("GLIBC_TUNABLES", before.c_str(), 1);
  }
#else
  (void)argc;
  (void)argv;
#endif
}

void log_huge_pages() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables != nullptr && std::strstr(tunables, tunable) != nullptr) {
    spdlog::info("memory: glibc's heaps on transparent huge pages (GLIBC_TUNABLES={})", tunables);
  }
}

}  // namespace prorata::cli
