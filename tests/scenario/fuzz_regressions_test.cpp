// Replays every input the fuzzer ever saved (tests/fuzz/regressions/) through
// the fuzzer's own oracle, so a fixed bug stays fixed; under the sanitizer
// build (scripts/test.sh) with ASan and UBSan too.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/oracle.hpp"

TEST_CASE("every saved fuzzer input loads or is rejected cleanly, and runs finite") {
  namespace fs = std::filesystem;
  int replayed = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(AISIM_SOURCE_DIR) / "tests/fuzz/regressions")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO(entry.path().string());
    CHECK(sim::fuzz::CheckScenarioText(text.str()) == "");
    ++replayed;
  }
  CHECK(replayed > 0);
}
