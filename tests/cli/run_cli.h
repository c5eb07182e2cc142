// Runs the built `prorata` binary as a user would and captures what it printed and its exit status.
#pragma once
#include <string>
#include <vector>

namespace prorata::test {

struct CliRun {
  int exit_status = -1;
  std::string out;
  std::string err;
};

// argv[0] is added; the child runs in `directory` (the source tree by default).
CliRun run_cli(const std::vector<std::string>& arguments, const std::string& directory = PRORATA_SOURCE_DIR);

std::string read_file(const std::string& path);

}  // namespace prorata::test
