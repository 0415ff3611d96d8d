// An unsigned integer that orders doubles as their values do, for counting
// values in bins (sim/model/draw_summary.cpp) and sorting them by radix
// (sim/output/sweep_report.cpp) instead of by comparisons.
#pragma once

#include <cstdint>
#include <cstring>

namespace sim {

// The key of a double other than NaN (infinities included); -0 is taken as
// +0 (adding +0 does that), so that equal values have equal keys.
inline std::uint64_t OrderKey(double value) {
  value += 0.0;
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  // Negative: all bits flipped; positive: the sign bit set. Without a branch:
  // it is taken at random on signed series.
  const std::uint64_t negative = static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63);
  return bits ^ (negative | (std::uint64_t{1} << 63));
}

// The double whose key is `key`.
inline double FromOrderKey(std::uint64_t key) {
  const std::uint64_t bits = (key >> 63) != 0 ? key & ~(std::uint64_t{1} << 63) : ~key;
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

}  // namespace sim
