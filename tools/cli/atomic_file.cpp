#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace prorata::cli {

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return std::strerror(errno);
  auto fail = [&](int error) {
    close(fd);
    unlink(name.data());
    return std::string(std::strerror(error));
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(errno);
    written += static_cast<std::size_t>(n);
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) return fail(errno);
  if (close(fd) != 0) {
    int error = errno;
    unlink(name.data());
    return std::strerror(error);
  }
  if (std::rename(name.data(), path.c_str()) != 0) {
    int error = errno;
    unlink(name.data());
    return std::strerror(error);
  }
  return {};
}

}  // namespace prorata::cli
