// Appending to a journal: the register's `issued` lines and the lines a document is issued from (a
// complementary statement, a cancellation). The new journal (every byte of the old one, then the new
// lines) is written beside it, flushed to disk and renamed over it, the directory locked meanwhile: a
// process killed at any instant leaves the journal as it was or with every new line, never part of
// one, and another prorata run in the same directory waits. Nothing of the old content is rewritten.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"

namespace prorata::io {

// The journal's columns in file order, from its header (the first line that is not blank). Empty
// when there is no header.
std::vector<std::string> journal_columns(std::string_view content);

// One CSV row for `event` in `columns` (RFC 4180 quoting where a cell needs it), ending in `newline`.
std::string journal_row(const std::vector<std::string>& columns, const Event& event, std::string_view newline);

// The line ending the journal uses ("\r\n" when its header ends so, else "\n").
std::string journal_newline(std::string_view content);

// Appends `rows` (complete lines) to the journal at `path`, whose content the caller read as
// `content_read`. Refused, with nothing written, when the file no longer holds exactly that content.
// Returns an error message, or empty on success.
std::string append_to_journal(const std::string& path, std::string_view content_read, std::string_view rows);

}  // namespace prorata::io
