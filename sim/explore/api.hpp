// The explorer's HTTP routes as a pure function: method, path and body in,
// status, content type and body out. The HTTP server (sim/cli/
// explore_command.cpp) only passes requests here and answers back.
#pragma once

#include <string>

#include "sim/explore/heavy_lane.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::explore {

struct Answer {
  int status = 200;
  std::string content_type;  // e.g. "application/json"
  std::string body;
  std::string filename;      // when set: download under this name
};

// GET  /                 the page (index.html)
// GET  /assets/NAME      an embedded file (EmbeddedAssets); nothing else on disk
// GET  /api/scenarios    {"scenarios": [{"name", "description"}]}: base, then
//                        every other shipped scenario
// GET  /api/levers       DescribeLevers(base); /api/levers/NAME: of the
//                        shipped scenario NAME (ChooseScenario)
// POST /api/run          body: a what-if (ParseWhatIf), run from its scenario
//                        (ChooseScenario); SeriesJson of its run;
//                        a run of more than kMaxCheapDraws draws first takes a
//                        Pass of `heavy_lane`, and answers 503 without one
// POST /api/yaml         body: a what-if; WhatIfYaml, as a download
// Bad input answers 400 with {"error": message} (the loader's located message
// for a bad override); an unknown path 404, a wrong method 405. Never throws
// for any input, and every error body is valid JSON even when the path or
// body is not UTF-8 (such bytes are shown as U+FFFD); an internal failure
// answers 500 with its message.
Answer Route(const Scenario& base, HeavyLane& heavy_lane, const std::string& method,
             const std::string& path, const std::string& body);

}  // namespace sim::explore
