// Charts, reports and `aisim compare` end to end: each test runs the binary in
// a fresh temporary folder. Drawing charts takes seconds, so each test draws
// once and checks everything about that drawing.
#include <catch2/catch.hpp>

#include "../support/aisim_process.hpp"
#include "sim/output/comparison.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

using sim::testing::Outcome;

// Charts on, whatever the caller's environment says.
struct TempFolder : sim::testing::TempFolder {
  TempFolder() : sim::testing::TempFolder("charts-test", "-u AISIM_NO_CHARTS") {}
};

std::string Read(const fs::path& path) { return sim::testing::ReadFile(path); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::vector<std::string> kRegions = {"US", "CN", "EU", "UK", "JP", "KR", "AE", "IN", "ROW"};
const std::vector<std::string> kRunCharts = {
    "capability-generative", "capability-physical", "years-behind-generative",
    "years-behind-physical", "compute-stock", "largest-training-run", "talent-researchers",
    "market-share-generative", "market-share-physical", "robots-in-service", "robot-installations", "robot-density",
    "value-physical"};

// A PNG starts with its 8-byte signature and has an IHDR chunk.
bool IsPng(const fs::path& path) {
  const std::string bytes = Read(path);
  return bytes.size() > 1000 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 &&
         bytes.compare(12, 4, "IHDR") == 0;
}

// A policy that differs from world-2025 only in Korea's sector focus and budget.
constexpr const char* kPlan = R"(extends: world-2025
description: "Korea aims its public AI money at physical AI and doubles the budget"
regions:
  KR:
    physical_focus: 0.8
    public_budget: 6
)";

// Only the sector focus: no extra public spend.
constexpr const char* kFocusOnly = R"(extends: world-2025
regions:
  KR:
    physical_focus: 0.8
)";

// "a,b,c" -> fields (no quoting in aisim's CSVs).
std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.push_back("");
  return fields;
}

// timeseries.csv (model,scenario,region,variable,unit,year,value) -> value by
// "scenario,region,variable,year" (deterministic).
std::map<std::string, double> ReadSeries(const fs::path& path) {
  std::map<std::string, double> values;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto f = Split(line);
    values[f[1] + "," + f[2] + "," + f[3] + "," + f[5]] = std::stod(f[6]);
  }
  return values;
}

}  // namespace

TEST_CASE("aisim run draws every chart as PNG, as SVG too with --svg, with every region named, and a report") {
  TempFolder dir;
  // By default PNG only: the report uses it, and SVG would draw every chart twice.
  REQUIRE(dir.Aisim("run --quiet --out png-only").exit_code == 0);
  for (const std::string& chart : kRunCharts) {
    CHECK(IsPng(dir.path() / "png-only/world-2025/charts" / (chart + ".png")));
    CHECK_FALSE(fs::exists(dir.path() / "png-only/world-2025/charts" / (chart + ".svg")));
  }
  CHECK_FALSE(Contains(Read(dir.path() / "png-only/world-2025/report.md"), ".svg"));
  const Outcome run = dir.Aisim("run --quiet --svg");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.empty());
  const fs::path folder = dir.path() / "results/world-2025";
  for (const std::string& chart : kRunCharts) {
    INFO(chart);
    CHECK(IsPng(folder / "charts" / (chart + ".png")));
    const std::string svg = Read(folder / "charts" / (chart + ".svg"));
    REQUIRE(svg.size() > 1000);
    CHECK(Contains(svg, "<svg"));
    // One line per region, named in the legend, with units and the year range.
    for (const std::string& code : kRegions) {
      CHECK(Contains(svg, "id=\"series-world-2025-" + code + "-" + chart + "\""));
      CHECK(Contains(svg, "(" + code + ")"));
    }
    CHECK(Contains(svg, "South Korea (KR)"));
    CHECK(Contains(svg, "2025-2035"));
    CHECK(Contains(svg, ">year<"));
  }
  CHECK(Contains(Read(folder / "charts/compute-stock.svg"), "H100-equivalents"));
  CHECK(Contains(Read(folder / "charts/capability-generative.svg"), "log10 FLOP"));
  CHECK(Contains(Read(folder / "charts/market-share-physical.svg"), "% of global physical-AI revenue"));
  const std::string html = Read(folder / "report.html");
  for (const std::string& chart : kRunCharts) CHECK(Contains(html, "id=\"chart-" + chart + "\""));
  CHECK(Contains(html, "<td class=\"text\">South Korea (KR)</td>"));
  const std::string md = Read(folder / "report.md");
  CHECK(Contains(md, "![Generative AI capability by region](charts/capability-generative.png)"));
  CHECK(Contains(md, "(also as [SVG](charts/capability-generative.svg))"));
  // The data files are unchanged by charting, and nothing is left half-written.
  CHECK(fs::file_size(folder / "timeseries.csv") > 0);
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path() / "results")) entries += !entry.path().empty();
  CHECK(entries == 1);
}

TEST_CASE("Monte Carlo charts are fan charts labelled with the seed and draw count") {
  TempFolder dir;
  // Charts are drawn in parallel processes (-j 3) and in one (-j 1): the same bytes.
  REQUIRE(dir.Aisim("run -q --draws 40 --seed 9 --years 2025:2030 -j 3 --svg --out a").exit_code == 0);
  REQUIRE(dir.Aisim("run -q --draws 40 --seed 9 --years 2025:2030 -j 1 --svg --out b").exit_code == 0);
  const fs::path charts = dir.path() / "a/world-2025/charts";
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(charts)) {
    INFO(entry.path().filename());
    CHECK(Read(entry.path()) == Read(dir.path() / "b/world-2025/charts" / entry.path().filename()));
    ++compared;
  }
  CHECK(compared == 2 * static_cast<int>(kRunCharts.size()) + 1);  // PNG, SVG, index.json
  CHECK(Read(dir.path() / "a/world-2025/report.html") == Read(dir.path() / "b/world-2025/report.html"));
  const std::string svg = Read(charts / "capability-physical.svg");
  CHECK(Contains(svg, "40 draws"));
  CHECK(Contains(svg, "seed 9"));
  CHECK(Contains(svg, "p5-p95"));
  CHECK(Contains(svg, "2025-2030"));
  for (const std::string& code : kRegions) {
    CHECK(Contains(svg, "id=\"series-world-2025-" + code + "-capability-physical\""));
  }
  // Two bands per region: p5-p95 and p25-p75.
  std::size_t bands = 0;
  for (std::size_t at = svg.find("class=\"band\""); at != std::string::npos;
       at = svg.find("class=\"band\"", at + 1)) {
    ++bands;
  }
  CHECK(bands == 2 * kRegions.size());
}

TEST_CASE("on a terminal a status line says charts are being drawn, then is erased") {
  TempFolder dir;
  // script(1) gives aisim a terminal; its output is the terminal's bytes.
  const auto on_terminal = [&](const std::string& args) {
    return sim::testing::RunShell("cd '" + dir.path().string() + "' && env -u AISIM_NO_CHARTS script -qec \"'" +
                                  std::string(AISIM_BINARY) + "' " + args + "\" /dev/null");
  };
  const Outcome shown = on_terminal("run --years 2025:2027 --out a");
  INFO(shown.output);
  REQUIRE(shown.exit_code == 0);
  const std::string status = "aisim: drawing charts (--no-charts skips them)...\r\033[K";
  CHECK(shown.output.rfind(status, 0) == 0);  // first, then erased before the table
  CHECK(Contains(shown.output, "world-2025: 2027"));
  CHECK(fs::exists(dir.path() / "a/world-2025/charts/compute-stock.png"));
  // --quiet on a terminal, and no terminal: no status line.
  CHECK(on_terminal("run -q --years 2025:2027 --out b").output.empty());
  const Outcome piped = dir.Aisim("run --years 2025:2027 --out c");
  CHECK_FALSE(Contains(piped.output, "drawing charts"));
}

TEST_CASE("a run draws its charts without Python; without a plotting tool a comparison succeeds with its data files") {
  TempFolder dir;
  // A run's charts are drawn natively: no interpreter is needed.
  const Outcome native = dir.Aisim("run -q --out native", "AISIM_PYTHON=/nonexistent/python3");
  INFO(native.output);
  CHECK(native.exit_code == 0);
  CHECK(native.output.empty());
  for (const std::string& chart : kRunCharts) {
    CHECK(fs::file_size(dir.path() / "native/world-2025/charts" / (chart + ".png")) > 1000);
  }

  const std::string compare = "compare world-2025 korea-2026-ai-budget -q --draws 40 -j 2 --out ";
  const auto folder_of = [&](const std::string& out) {
    return dir.path() / out / "compare-world-2025-vs-korea-2026-ai-budget";
  };
  const Outcome missing = dir.Aisim(compare + "missing", "AISIM_PYTHON=/nonexistent/python3");
  INFO(missing.output);
  CHECK(missing.exit_code == 0);
  // Exactly one line: the warning with its hint.
  CHECK(std::count(missing.output.begin(), missing.output.end(), '\n') == 1);
  CHECK(Contains(missing.output, "warning: charts skipped"));
  CHECK(Contains(missing.output, "python3-matplotlib"));
  CHECK_FALSE(fs::exists(folder_of("missing") / "charts"));
  for (const char* file : {"timeseries.csv", "differences.csv", "report.html", "report.md"}) {
    CHECK(fs::file_size(folder_of("missing") / file) > 0);
  }
  CHECK(Contains(Read(folder_of("missing") / "report.html"), "charts skipped"));

  // An interpreter without matplotlib: the same warning.
  const Outcome no_matplotlib = dir.Aisim(compare + "nompl", "AISIM_PYTHON=/bin/false");
  CHECK(no_matplotlib.exit_code == 0);
  CHECK(Contains(no_matplotlib.output, "warning: charts skipped"));
  CHECK_FALSE(fs::exists(folder_of("nompl") / "charts"));

  // A chart worker process killed mid-drawing: the same warning, no hang
  // (multiprocessing.Pool would wait for the dead worker for ever).
  dir.Write("kill-worker.sh", R"(#!/bin/bash
/usr/bin/python3 "$@" &
parent=$!
worker=
while [ -z "$worker" ] && kill -0 "$parent" 2>/dev/null; do
  worker=$(pgrep -P "$parent" | head -1)
  sleep 0.02
done
[ -n "$worker" ] && kill -9 "$worker"
wait "$parent"
)");
  dir.Shell("chmod +x kill-worker.sh");
  const Outcome killed = dir.Aisim(compare + "killed", "AISIM_PYTHON=" + (dir.path() / "kill-worker.sh").string());
  INFO(killed.output);
  CHECK(killed.exit_code == 0);
  CHECK(Contains(killed.output, "warning: charts skipped: the chart script failed"));
  CHECK(Contains(killed.output, "terminated abruptly"));
  CHECK_FALSE(fs::exists(folder_of("killed") / "charts"));
  CHECK(fs::file_size(folder_of("killed") / "timeseries.csv") > 0);

  const Outcome off = dir.Aisim("run -q --no-charts --out off");
  CHECK(off.exit_code == 0);
  CHECK(off.output.empty());
  CHECK_FALSE(fs::exists(dir.path() / "off/world-2025/charts"));
  CHECK(fs::exists(dir.path() / "off/world-2025/report.html"));
}

TEST_CASE("aisim compare writes a difference table whose arithmetic matches the series") {
  TempFolder dir;
  dir.Write("kr-plan.yaml", kPlan);
  dir.Write("kr-focus.yaml", kFocusOnly);
  const Outcome compare = dir.Aisim("compare world-2025 kr-plan.yaml kr-focus.yaml --year 2033 --no-charts");
  INFO(compare.output);
  REQUIRE(compare.exit_code == 0);
  CHECK(Contains(compare.output, "kr-plan minus world-2025 in 2033"));
  const fs::path folder = dir.path() / "results/compare-world-2025-vs-kr-plan-vs-kr-focus";
  REQUIRE(fs::exists(folder / "differences.csv"));
  for (const char* file : {"scenarios/world-2025.resolved.yaml", "scenarios/kr-plan.resolved.yaml",
                           "scenarios/kr-focus.resolved.yaml", "timeseries.csv", "report.md"}) {
    CHECK(fs::file_size(folder / file) > 0);
  }
  const auto series = ReadSeries(folder / "timeseries.csv");
  std::ifstream in(folder / "differences.csv");
  std::string line;
  std::getline(in, line);
  const auto header = Split(line);
  REQUIRE(header.size() == 17);
  int rows = 0, checked_nonzero = 0;
  while (std::getline(in, line)) {
    const auto f = Split(line);
    REQUIRE(f.size() == 17);
    CHECK(f[1] == "world-2025");
    CHECK(f[5] == "2033");
    const double base = series.at("world-2025," + f[2] + "," + f[3] + ",2033");
    const double value = series.at(f[0] + "," + f[2] + "," + f[3] + ",2033");
    CHECK(std::stod(f[6]) == base);
    CHECK(std::stod(f[7]) == value);
    CHECK(std::stod(f[8]) == value - base);
    if (base != 0) {
      CHECK(std::stod(f[9]) == Approx(100 * (value - base) / std::abs(base)));
    } else {
      CHECK(f[9].empty());
    }
    CHECK(f[12].empty());  // no draws, no share
    checked_nonzero += value != base;
    ++rows;
  }
  CHECK(rows == 2 * 9 * static_cast<int>(sim::ComparedVariables().size()));  // 2 other scenarios x 9 regions x metrics
  CHECK(checked_nonzero > 0);

  // Capability per extra USD bn: the plan spends more in Korea; the focus-only
  // variant spends the same, so its ratio is n/a.
  std::ifstream efficiency(folder / "spend_efficiency.csv");
  std::getline(efficiency, line);
  bool saw_plan = false, saw_focus = false;
  while (std::getline(efficiency, line)) {
    const auto f = Split(line);
    if (f[2] != "KR") continue;
    const double spend = std::stod(f[4]);
    const double expected_spend =
        series.at(f[0] + ",KR,Investment|Public|Cumulative,2033") -
        series.at("world-2025,KR,Investment|Public|Cumulative,2033");
    CHECK(spend == expected_spend);
    if (f[0] == "kr-plan") {
      saw_plan = true;
      REQUIRE(spend > 0);
      const double gained = series.at("kr-plan,KR,Capability|Generative,2033") -
                            series.at("world-2025,KR,Capability|Generative,2033");
      CHECK(std::stod(f[6]) == Approx(gained / spend));
    } else {
      saw_focus = true;
      CHECK(spend == 0);
      CHECK(f[6] == "n/a");
      CHECK(f[8] == "n/a");
    }
  }
  CHECK((saw_plan && saw_focus));
}

TEST_CASE("compare with draws pairs them and charts the scenarios overlaid for one region") {
  TempFolder dir;
  dir.Write("kr-plan.yaml", kPlan);
  const Outcome compare =
      dir.Aisim("compare world-2025 kr-plan.yaml --region KR --draws 30 --seed 3 --svg --quiet");
  INFO(compare.output);
  REQUIRE(compare.exit_code == 0);
  const fs::path folder = dir.path() / "results/compare-world-2025-vs-kr-plan";
  const std::string csv = Read(folder / "differences.csv");
  CHECK(Contains(csv, "kr-plan,world-2025,KR,Capability|Physical,log10 FLOP,2035,"));
  CHECK_FALSE(Contains(csv, ",US,"));  // --region KR only
  // The share of paired draws in which the plan beats the base, in [0, 1].
  std::stringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    const auto f = Split(line);
    if (f[3] == "Investment|Public|Cumulative") {
      CHECK(f[12].empty());
      continue;
    }
    REQUIRE_FALSE(f[12].empty());
    const double better = std::stod(f[12]), worse = std::stod(f[13]);
    CHECK(better >= 0);
    CHECK(better + worse <= 1 + 1e-12);
    CHECK(std::stod(f[10]) <= std::stod(f[8]));   // p5 <= median
    CHECK(std::stod(f[8]) <= std::stod(f[11]));   // median <= p95
    if (f[3] == "Compute|Stock") {  // paired relative differences: a stock loses at most all of itself
      CHECK(std::stod(f[15]) >= -100);
      CHECK(std::stod(f[15]) <= std::stod(f[14]));
      CHECK(std::stod(f[14]) <= std::stod(f[16]));
    }
  }
  // Charts: the difference bars and every metric for KR with both scenarios.
  const std::string overlay = Read(folder / "charts/scenarios-KR.svg");
  for (const char* stem : {"capability-generative", "years-behind-physical", "compute-stock",
                           "talent-researchers", "market-share-generative"}) {
    CHECK(Contains(overlay, std::string("id=\"series-world-2025-KR-") + stem + "\""));
    CHECK(Contains(overlay, std::string("id=\"series-kr-plan-KR-") + stem + "\""));
  }
  CHECK(Contains(overlay, "world-2025 (base)"));
  CHECK(Contains(overlay, "30 paired draws, seed 3"));
  CHECK(IsPng(folder / "charts/scenarios-KR.png"));
  const std::string bars = Read(folder / "charts/difference-2035.svg");
  CHECK(Contains(bars, "id=\"bar-kr-plan-KR-capability-physical\""));
  CHECK(Contains(bars, "kr-plan minus world-2025"));
  CHECK(IsPng(folder / "charts/difference-2035.png"));
  // The delay cost: a line per sector for KR, its table, and the answer in words.
  const std::string shifts = Read(folder / "charts/time-shift.svg");
  CHECK(Contains(shifts, "id=\"shift-kr-plan-KR-generative\""));
  CHECK(Contains(shifts, "id=\"shift-kr-plan-KR-physical\""));
  CHECK(IsPng(folder / "charts/time-shift.png"));
  const std::string html = Read(folder / "report.html");
  CHECK(Contains(html, "Better in"));
  CHECK(Contains(html, "id=\"chart-scenarios-KR\""));
  CHECK(Contains(html, "id=\"chart-time-shift\""));
  CHECK(Contains(html, "Delay cost in 2035"));
  CHECK(Contains(html, "In short: kr-plan against world-2025, South Korea (KR) in 2035: "));
  CHECK(Contains(Read(folder / "time_shift.csv"),
                 "scenario,base,region,variable,year,base_value,time_shift_years,"));
  // Deterministic output: the same seed gives the same bytes, charts included.
  REQUIRE(dir.Aisim("compare world-2025 kr-plan.yaml --region KR --draws 30 --seed 3 --svg -q --out again")
              .exit_code == 0);
  const fs::path again = dir.path() / "again/compare-world-2025-vs-kr-plan";
  for (const char* file : {"differences.csv", "time_shift.csv", "charts/scenarios-KR.svg",
                           "charts/scenarios-KR.png", "charts/difference-2035.png",
                           "charts/time-shift.png", "report.html"}) {
    INFO(file);
    CHECK(Read(folder / file) == Read(again / file));
  }
}

TEST_CASE("compare rejects bad input with a hint, exit code 2, and writes nothing") {
  TempFolder dir;
  dir.Write("kr-plan.yaml", kPlan);
  const struct {
    std::string args;
    const char* expected;
  } cases[] = {
      {"compare world-2025", "at least two scenarios"},
      {"compare world-2025 world-2025", "given twice"},
      {"compare world-2025 kr-plan.yaml --region XX", "has no region 'XX'"},
      {"compare world-2025 kr-plan.yaml --year 2050", "outside"},
      {"compare world-2025 no-such-file.yaml", "no-such-file"},
  };
  for (const auto& c : cases) {
    const Outcome outcome = dir.Aisim(c.args);
    INFO(c.args << "\n" << outcome.output);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.output, c.expected));
    CHECK(Contains(outcome.output, "hint:"));
  }
  CHECK_FALSE(fs::exists(dir.path() / "results"));
}
