#include "sim/explore/api.hpp"

#include <nlohmann/json.hpp>

#include "sim/error.hpp"
#include "sim/explore/assets.hpp"
#include "sim/explore/levers.hpp"
#include "sim/explore/series_json.hpp"
#include "sim/explore/what_if.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::explore {
namespace {

// With a charset, and JavaScript as application/javascript: cpp-httplib then
// sends these uncompressed. Its brotli (quality 11) took 20-150 ms per answer,
// far more than the model, and compression gains nothing on loopback.
constexpr const char* kJson = "application/json; charset=utf-8";

// A message may quote the request's path or body, which may not be UTF-8:
// dump() would throw on such bytes (an answer of 500), so they are replaced.
Answer Error(int status, const std::string& message) {
  return {status, kJson,
          nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), ""};
}

std::string ContentType(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "application/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

// Looks the name up among the embedded files only: a path with "..", "/" or
// anything else that is not exactly an embedded name is simply not found.
Answer ServeAsset(std::string_view name) {
  for (const Asset& asset : EmbeddedAssets()) {
    if (asset.name == name) return {200, ContentType(name), std::string(asset.data), ""};
  }
  return Error(404, "no such file: " + std::string(name));
}

Answer RouteOrThrow(const Scenario& base, HeavyLane& heavy_lane, const std::string& method, const std::string& path,
                    const std::string& body) {
  const bool get = method == "GET" || method == "HEAD";
  const bool post = method == "POST";
  const std::string assets = "/assets/";
  if (path == "/" || path == "/index.html") {
    return get ? ServeAsset("index.html") : Error(405, "use GET for " + path);
  }
  if (path.compare(0, assets.size(), assets) == 0) {
    return get ? ServeAsset(std::string_view(path).substr(assets.size()))
               : Error(405, "use GET for " + path);
  }
  if (path == "/api/scenarios") {
    if (!get) return Error(405, "use GET for " + path);
    nlohmann::json list = nlohmann::json::array();
    list.push_back({{"name", base.name}, {"description", base.description}});
    for (const ShippedScenario& shipped : ListShippedScenarios()) {
      if (shipped.name != base.name) list.push_back({{"name", shipped.name}, {"description", shipped.description}});
    }
    return {200, kJson, nlohmann::json{{"scenarios", list}}.dump(), ""};
  }
  const std::string levers = "/api/levers";
  if (path == levers || path.compare(0, levers.size() + 1, levers + "/") == 0) {
    if (!get) return Error(405, "use GET for " + path);
    const std::string name = path.size() > levers.size() ? path.substr(levers.size() + 1) : "";
    return {200, kJson, DescribeLevers(ChooseScenario(base, name)).dump(), ""};
  }
  if (path == "/api/run" || path == "/api/yaml") {
    if (!post) return Error(405, "use POST for " + path);
    const WhatIf what_if = ParseWhatIf(body);
    const Scenario start = ChooseScenario(base, what_if.scenario);
    if (path == "/api/yaml") {
      return {200, "application/yaml; charset=utf-8", WhatIfYaml(start, what_if),
              start.name + "-what-if.yaml"};
    }
    const Scenario scenario = ApplyWhatIf(start, what_if);
    if (what_if.draws <= kMaxCheapDraws) return {200, kJson, SeriesJson(RunSimulation(scenario)).dump(), ""};
    const HeavyLane::Pass pass = heavy_lane.Enter();
    if (!pass) {
      return Error(503, "the server is busy with other runs of more than " + std::to_string(kMaxCheapDraws) +
                            " draws; try again in a moment, or with fewer draws");
    }
    return {200, kJson, SeriesJson(RunSimulation(scenario)).dump(), ""};
  }
  return Error(404, "no such page: " + path);
}

}  // namespace

Answer Route(const Scenario& base, HeavyLane& heavy_lane, const std::string& method,
             const std::string& path, const std::string& body) {
  try {
    return RouteOrThrow(base, heavy_lane, method, path, body);
  } catch (const BadRequest& error) {
    return Error(400, error.what());
  } catch (const ScenarioError& error) {
    return Error(400, error.what());
  } catch (const std::exception& error) {
    return Error(500, std::string("internal error: ") + error.what());
  }
}

}  // namespace sim::explore
