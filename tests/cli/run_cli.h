// Runs the built `prorata` binary as a user would and captures what it printed and its exit status.
#pragma once
#include <filesystem>
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

// Starts the CLI like run_cli, kills it (SIGKILL) after `delay_us` microseconds unless it ended
// before; true when it was killed.
bool run_cli_killed_after(const std::vector<std::string>& arguments, long delay_us,
                          const std::string& directory = PRORATA_SOURCE_DIR);

std::string read_file(const std::string& path);

// A fresh directory under the system's temporary directory, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace prorata::test
