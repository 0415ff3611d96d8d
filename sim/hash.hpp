// FNV-1a 64: the project's one stable, platform-independent hash (scenario
// hashes, random stream names, checksums of sweep data files). Not
// cryptographic: it catches damage, not forgery.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace sim {

constexpr std::uint64_t kFnv1a64Start = 14695981039346656037ULL;

// Continues the hash `hash` over `size` bytes, so that a file can be hashed
// in pieces as it is written: Fnv1a64(b, m, Fnv1a64(a, n)) hashes a then b.
inline std::uint64_t Fnv1a64(const char* data, std::size_t size, std::uint64_t hash = kFnv1a64Start) {
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// The hash as 16 lower-case hex digits, as manifests and summaries record it.
inline std::string HashHex(std::uint64_t hash) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace sim
