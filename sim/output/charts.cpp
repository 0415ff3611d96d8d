#include "sim/output/charts.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "sim/file.hpp"
#include "sim/output/chart_style.hpp"
#include "sim/output/run_charts.hpp"

extern char** environ;

namespace sim {

namespace internal {
const char* ChartScript();  // generated from sim/output/charts.py
}  // namespace internal

namespace {

constexpr const char* kDefaultPython = "/usr/bin/python3";
// The script's exit code when matplotlib cannot be imported.
constexpr int kExitNoPlottingTool = 3;
// index.json names a few dozen charts: a few KB.
constexpr std::uintmax_t kMaxIndexBytes = 1u << 20;

struct ProcessResult {
  int exit_code = -1;   // -1 when it could not start or was killed
  std::string output;   // stdout and stderr together
  std::string start_error;
};

// Runs argv[0] (a path, not searched on PATH) without a shell, collecting its
// output; arguments need no quoting.
ProcessResult RunProcess(const std::vector<std::string>& args) {
  ProcessResult result;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    result.start_error = std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    result.start_error = std::strerror(spawned);
    return result;
  }
  char buffer[4096];
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) result.output.append(buffer, static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The last non-empty line of text (a Python traceback ends with the error).
std::string LastLine(const std::string& text) {
  std::istringstream in(text);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  return last;
}

}  // namespace

ChartRequest RunChartRequest(const Results& results, unsigned long long seed,
                             const std::filesystem::path& folder) {
  ChartRequest request;
  request.kind = "run";
  request.csv = folder / "timeseries.csv";
  request.out = folder / "charts";
  request.scenarios = {results.scenario()};
  for (int r = 0; r < results.regions(); ++r) {
    request.regions.push_back({results.region_codes()[r], results.region_names()[r]});
  }
  request.year = results.end_year();
  request.start_year = results.start_year();
  request.end_year = results.end_year();
  request.draws = results.draws();
  request.seed = seed;
  request.results = &results;
  return request;
}

ChartRequest CompareChartRequest(const std::vector<const Results*>& results,
                                 const std::vector<std::string>& regions,
                                 const std::string& focus_region, int year,
                                 unsigned long long seed, const std::filesystem::path& folder) {
  const Results& base = *results.at(0);
  ChartRequest request = RunChartRequest(base, seed, folder);
  request.kind = "compare";
  request.results = nullptr;
  request.differences = folder / "differences.csv";
  request.time_shift = folder / "time_shift.csv";
  request.scenarios.clear();
  for (const Results* r : results) {
    request.scenarios.push_back(r->scenario());
    request.start_year = std::min(request.start_year, r->start_year());
    request.end_year = std::max(request.end_year, r->end_year());
  }
  request.regions.clear();
  for (const std::string& code : regions) {
    for (int r = 0; r < base.regions(); ++r) {
      if (base.region_codes()[r] == code) request.regions.push_back({code, base.region_names()[r]});
    }
  }
  request.focus_region = focus_region;
  request.year = year;
  return request;
}

std::string ChartSpecJson(const ChartRequest& request) {
  nlohmann::ordered_json regions = nlohmann::ordered_json::array();
  for (const ChartRegion& region : request.regions) {
    regions.push_back({{"code", region.code}, {"name", region.name}});
  }
  nlohmann::ordered_json styles = nlohmann::ordered_json::object();
  for (const ChartRegion& region : request.regions) {
    const RegionStyle style = StyleOfRegion(region.code);
    styles[region.code] = {style.colour, style.line_style, std::string(1, style.marker)};
  }
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (const ChartMetric& m : RunChartMetrics()) {
    metrics.push_back({m.variable, m.stem, m.title, m.unit, m.scale, m.log});
  }
  nlohmann::ordered_json spec = {
      {"kind", request.kind},
      {"csv", request.csv.string()},
      {"differences", request.differences.string()},
      {"time_shift", request.time_shift.string()},
      {"out", request.out.string()},
      {"scenarios", request.scenarios},
      {"regions", regions},
      {"focus_region", request.focus_region.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(request.focus_region)},
      {"year", request.year},
      {"start_year", request.start_year},
      {"end_year", request.end_year},
      {"draws", request.draws},
      {"seed", request.seed},
      {"jobs", request.jobs},
      {"svg", request.svg},
      {"samples", request.samples.string()},
      {"sensitivity", request.sensitivity.string()},
      {"method", request.method},
      {"outcomes", request.outcomes},
      {"top_inputs", request.top_inputs},
      {"styles", styles},
      {"metrics", metrics},
      {"yellow", {kYellow, kYellowOutline}},
      // The script asks to die with aisim (PR_SET_PDEATHSIG). Linux sends that
      // signal when the spawning *thread* ends, so DrawCharts is called on a
      // thread that outlives the drawing (the main thread, in every command).
      {"parent_pid", static_cast<long long>(getpid())},
  };
  return spec.dump();
}

ChartOutcome DrawCharts(const ChartRequest& request) {
  namespace fs = std::filesystem;
  if (request.kind == "run") {
    if (!request.results) throw std::logic_error("a run's charts are drawn from its results");
    return DrawRunCharts(*request.results, request);
  }
  const char* configured = std::getenv("AISIM_PYTHON");
  const std::string python = configured && *configured ? configured : kDefaultPython;
  ChartOutcome outcome;
  const auto give_up = [&](const std::string& why) {
    std::error_code ignored;
    fs::remove_all(request.out, ignored);
    outcome.charts.clear();
    outcome.warning = "warning: charts skipped: " + why;
    return outcome;
  };
  // The script text goes in as `-c`, so no temporary file is needed.
  const ProcessResult run =
      RunProcess({python, "-c", internal::ChartScript(), ChartSpecJson(request)});
  if (!run.start_error.empty()) {
    return give_up("cannot start " + python + " (" + run.start_error +
                   "); install python3-matplotlib (scripts/install-deps.sh) or use --no-charts");
  }
  if (run.exit_code == kExitNoPlottingTool) {
    return give_up(LastLine(run.output) +
                   "; install python3-matplotlib (scripts/install-deps.sh) or use --no-charts");
  }
  if (run.exit_code != 0) {
    return give_up("the chart script failed (" + LastLine(run.output) + ")");
  }
  try {
    const nlohmann::json index =
        nlohmann::json::parse(ReadWholeFileOrThrow(request.out / "index.json", kMaxIndexBytes));
    for (const auto& chart : index.at("charts")) {
      outcome.charts.push_back({chart.at("name").get<std::string>(),
                                chart.at("title").get<std::string>(),
                                chart.at("caption").get<std::string>(), request.svg});
    }
  } catch (const std::exception& error) {
    return give_up(std::string("the chart script wrote no valid index.json (") + error.what() + ")");
  }
  return outcome;
}

}  // namespace sim
