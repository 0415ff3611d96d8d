// The explorer's routes (sim/explore/api.hpp) compiled to WebAssembly for the
// static site: the page calls aisim_route where the local explorer sends an
// HTTP request, so the site runs the same C++ model and answers the same
// JSON with no server. Built by scripts/build-site.sh (Emscripten).
#include <emscripten/emscripten.h>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/explore/api.hpp"
#include "sim/explore/heavy_lane.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace {

// The scenario the site opens on, as `aisim explore` with no argument.
constexpr const char* kBaseScenario = "world-2025";

}  // namespace

// {"status", "content_type", "filename", "body"} of the route's answer, as
// JSON text owned by the module until the next call. The page runs one
// request at a time on its own thread, so the lane for many-draw runs never
// has to wait; it is there because Route takes one.
extern "C" EMSCRIPTEN_KEEPALIVE const char* aisim_route(const char* method, const char* path,
                                                        const char* body) {
  static const sim::Scenario base = sim::LoadScenario(kBaseScenario);
  static sim::explore::HeavyLane heavy_lane(1, 0, std::chrono::milliseconds(0));
  static std::string answer_text;
  const sim::explore::Answer answer = sim::explore::Route(base, heavy_lane, method, path, body);
  answer_text = nlohmann::json{{"status", answer.status},
                               {"content_type", answer.content_type},
                               {"filename", answer.filename},
                               {"body", answer.body}}
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return answer_text.c_str();
}
