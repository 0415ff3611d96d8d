// libFuzzer target: scenario loading and validation, the resolved-YAML round
// trip and a short run (sim::fuzz::CheckScenarioText). Any crash, sanitizer
// report, other exception or hang is a bug. Run with scripts/fuzz.sh; inputs
// that failed are kept in tests/fuzz/regressions/ and replayed by the test
// `scenario/fuzz_regressions`.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "oracle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Large inputs only slow the search down; size limits are tested separately.
  if (size > 64 * 1024) return 0;
  const std::string problem =
      sim::fuzz::CheckScenarioText(std::string(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "%s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
