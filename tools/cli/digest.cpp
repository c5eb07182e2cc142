#include "digest.h"

#include <nettle/sha2.h>

#include <cstdint>

// Nettle names its functions nettle_… and defines the short names as macros: sha256_digest would
// rename ours.
#undef sha256_digest

namespace prorata::cli {

// Nettle (GnuTLS's crypto library): SHA-256 and nothing else, where OpenSSL's libcrypto cost every
// run 1.4 MiB of memory for its loaded pages, whatever the command.
std::string sha256_digest(std::string_view bytes) {
  sha256_ctx context;
  nettle_sha256_init(&context);
  nettle_sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::uint8_t hash[SHA256_DIGEST_SIZE];
  nettle_sha256_digest(&context, SHA256_DIGEST_SIZE, hash);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (const std::uint8_t byte : hash) {
    out += hex[byte >> 4];
    out += hex[byte & 0xF];
  }
  return out;
}

}  // namespace prorata::cli
