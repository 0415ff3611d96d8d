// libFuzzer target: the explorer's request handling without HTTP
// (sim::explore::Route over world-2025). The first byte picks the request,
// the rest is its body or path:
//   even: POST /api/yaml with the bytes as body (ParseWhatIf, ApplyWhatIf and
//         WhatIfYaml: everything of /api/run except the model run, which
//         would only slow the search down);
//   odd:  GET with the bytes as path.
// What must hold for any bytes: no crash, sanitizer report or exception; the
// status is 200, 400, 404 or 405, never 500; an error body is JSON with an
// "error" text (the 500s of the outside attack came from bytes that are not
// UTF-8). Run with scripts/fuzz.sh SECONDS JOBS fuzz_explore_request.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/explore/api.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace {

void Fail(const std::string& problem, const std::string& input) {
  std::fprintf(stderr, "%s\ninput: %s\n", problem.c_str(), input.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sim::Scenario base = sim::LoadScenario("world-2025");
  // No run goes through the lane here (/api/yaml does not run the model).
  static sim::explore::HeavyLane lane(1, 0, std::chrono::milliseconds(0));
  if (size == 0 || size > 64 * 1024) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool post = data[0] % 2 == 0;
  const sim::explore::Answer answer = post ? sim::explore::Route(base, lane, "POST", "/api/yaml", rest)
                                           : sim::explore::Route(base, lane, "GET", "/" + rest, "");
  if (answer.status != 200 && answer.status != 400 && answer.status != 404 && answer.status != 405) {
    Fail("status " + std::to_string(answer.status) + ": " + answer.body, rest);
  }
  if (answer.status != 200) {
    const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object() || !body.contains("error") || !body["error"].is_string()) {
      Fail("error body is not {\"error\": text}: " + answer.body, rest);
    }
  }
  return 0;
}
