// The digest the register keeps of each issued document: SHA-256 (Nettle) of its JSON
// rendering, written "sha256:" and 64 lowercase hex digits.
#pragma once
#include <string>
#include <string_view>

namespace prorata::cli {

std::string sha256_digest(std::string_view bytes);

}  // namespace prorata::cli
