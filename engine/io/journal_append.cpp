#include "io/journal_append.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/money.h"

namespace prorata::io {

namespace {

std::string_view header_line(std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  while (!content.empty()) {
    const std::size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return line;
    if (end == std::string_view::npos) break;
    content.remove_prefix(end + 1);
  }
  return {};
}

std::string cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Reads all of `fd` into `out`; false on a read error.
bool read_all(int fd, std::string& out) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

std::string failure(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

std::vector<std::string> journal_columns(std::string_view content) {
  std::string_view line = header_line(content);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string> columns;
  if (line.empty()) return columns;
  std::size_t at = 0;
  for (;;) {
    const std::size_t comma = line.find(',', at);
    std::string_view name = line.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
    while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '"')) name.remove_suffix(1);
    std::string lower(name);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    columns.push_back(lower);
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
  return columns;
}

std::string journal_newline(std::string_view content) {
  const std::string_view line = header_line(content);
  const std::size_t end = line.empty() ? std::string_view::npos : content.find(line) + line.size();
  return end != std::string_view::npos && end > 0 && content[end - 1] == '\r' ? "\r\n" : "\n";
}

std::string journal_row(const std::vector<std::string>& columns, const Event& event, std::string_view newline) {
  std::string row;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) row += ',';
    const std::string& column = columns[i];
    if (column == "date") row += format_date(event.date);
    else if (column == "event") row += to_string(event.kind);
    else if (column == "party") row += cell(event.party);
    else if (column == "amount") row += event.amount ? format_amount(*event.amount) : "";
    else if (column == "ref") row += cell(event.ref);
    else if (column == "category") row += cell(event.category);
    else if (column == "memo") row += cell(event.memo);
    else if (column == "convention") row += cell(event.convention);
  }
  return row + std::string(newline);
}

std::string append_to_journal(const std::string& path, std::string_view content_read, std::string_view rows) {
  const std::filesystem::path target(path);
  const std::string directory = target.has_parent_path() ? target.parent_path().string() : std::string(".");
  Fd dir(open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return failure(directory);
  if (flock(dir.get(), LOCK_EX) != 0) return failure("cannot lock " + directory);  // released on close

  Fd journal(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (journal.get() < 0) return failure(path);
  struct stat info {};
  if (fstat(journal.get(), &info) != 0) return failure(path);
  std::string content;
  if (!read_all(journal.get(), content)) return failure(path);
  if (content != content_read) {
    return "the journal changed since it was read (another run, or an edit): nothing was written; run again";
  }

  std::string tail;
  if (!content.empty() && content.back() != '\n') tail += journal_newline(content);  // end its last line first
  tail += rows;
  std::string temp = path + ".tmp-XXXXXX";
  Fd out(mkstemp(temp.data()));
  if (out.get() < 0) return failure("cannot create a file beside " + path);
  const auto abandon = [&](const std::string& what) {
    const std::string message = failure(what);
    unlink(temp.c_str());
    return message;
  };
  if (!write_all(out.get(), content) || !write_all(out.get(), tail)) return abandon("cannot write " + temp);
  if (fchmod(out.get(), info.st_mode & 07777) != 0) return abandon("cannot set the mode of " + temp);
  if (fsync(out.get()) != 0) return abandon("cannot flush " + temp);
  if (rename(temp.c_str(), path.c_str()) != 0) return abandon("cannot rename " + temp);
  if (fsync(dir.get()) != 0) return failure("cannot flush " + directory);
  return {};
}

}  // namespace prorata::io
