#include "sim/discover/goal.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include <nlohmann/json.hpp>

#include "sim/error.hpp"
#include "sim/file.hpp"
#include "sim/output/csv_reader.hpp"
#include "sim/scenario/did_you_mean.hpp"
#include "sim/sweep/plan.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool ParseDouble(const std::string& text, double* value) {
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, *value);
  return result.ec == std::errc() && result.ptr == end;
}

// Cell `i` of `record` as a finite number; a located error otherwise: nan or
// inf in a sweep's files is damage, and PRIM would turn it into boxes with
// nan limits.
double FiniteCell(const CsvRecord& record, std::size_t i, const CsvReader& reader) {
  double x;
  if (!ParseDouble(record.cells[i], &x) || !std::isfinite(x)) {
    throw ScenarioError(reader.At(record, i), "not a finite number: '" + record.cells[i].substr(0, 40) + "'",
                        "the sweep folder is damaged; run the sweep again");
  }
  return x;
}

// An outcome cell: finite, except that a time shift may be +inf (the level
// is never reached; sim/output/time_shift.hpp).
double OutcomeCell(const CsvRecord& record, std::size_t i, const CsvReader& reader, bool time_shift) {
  double x;
  if (time_shift && ParseDouble(record.cells[i], &x) && x == std::numeric_limits<double>::infinity()) {
    return x;
  }
  return FiniteCell(record, i, reader);
}

std::ifstream OpenOrFail(const fs::path& path, const std::string& hint) {
  std::ifstream in(path);
  if (!in) throw ScenarioError({path.string(), 0, 0}, "cannot read " + path.string(), hint);
  return in;
}

// "Years Behind|Physical:KR[:YEAR]" -> "KR|Years Behind|Physical|YEAR"; the
// latest year among `columns` when none is given. "" when not that notation.
std::string FromSweepNotation(const std::string& name, const std::vector<std::string>& columns) {
  const auto colon = name.find(':');
  if (colon == std::string::npos) return "";
  const std::string variable = name.substr(0, colon);
  std::string rest = name.substr(colon + 1);
  const auto second = rest.find(':');
  const std::string region = rest.substr(0, second);
  if (second != std::string::npos) return region + "|" + variable + "|" + rest.substr(second + 1);
  const std::string prefix = region + "|" + variable + "|";
  std::string latest;
  for (const std::string& c : columns) {
    if (c.rfind(prefix, 0) == 0 && c > latest) latest = c;  // years have 4 digits
  }
  return latest;
}

}  // namespace

bool Goal::HoldsFor(double outcome) const {
  if (op == "<") return outcome < value;
  if (op == "<=") return outcome <= value;
  if (op == ">") return outcome > value;
  return outcome >= value;
}

Goal ParseGoal(const std::string& text, const std::vector<std::string>& columns) {
  const SourceLocation at{"--goal", 0, 0};
  const auto position = text.find_first_of("<>");
  if (position == std::string::npos) {
    throw ScenarioError(at, "expected OUTCOME <op> VALUE, got '" + text + "'",
                        "for example --goal 'KR|Years Behind|Physical|2030 <= 1' (op: < <= > >=)");
  }
  Goal goal;
  goal.text = text;
  const bool or_equal = position + 1 < text.size() && text[position + 1] == '=';
  goal.op = text.substr(position, or_equal ? 2 : 1);
  const std::string name = Trim(text.substr(0, position));
  const std::string number = Trim(text.substr(position + goal.op.size()));
  if (!ParseDouble(number, &goal.value)) {
    throw ScenarioError(at, "expected a number after '" + goal.op + "', got '" + number + "'",
                        "for example --goal 'KR|Years Behind|Physical|2030 <= 1'");
  }
  for (const std::string& candidate : {name, FromSweepNotation(name, columns)}) {
    for (const std::string& c : columns) {
      if (c == candidate) goal.column = c;
    }
  }
  if (goal.column.empty()) {
    throw ScenarioError(at, "no outcome '" + name + "' in this sweep",
                        internal::UnknownWordHint(name, columns, "outcomes") +
                            " (a sweep only has the outcomes it was run with; see --outcome)");
  }
  return goal;
}

std::vector<std::string> OutcomeColumns(const std::string& sweep_dir) {
  const fs::path path = fs::path(sweep_dir) / "outcomes.csv";
  std::ifstream in = OpenOrFail(path, "SWEEP_DIR must be the --out folder of a finished `aisim sweep`");
  CsvReader reader(in, path.string());
  reader.set_hint("the sweep folder is damaged; run the sweep again");
  CsvRecord header;
  reader.Read(&header);
  std::vector<std::string> columns = header.cells;
  if (columns.empty() || columns[0] != "sample") {
    throw ScenarioError({path.string(), 1, 1}, "expected a header starting with 'sample'",
                        "is this an aisim sweep's outcomes.csv?");
  }
  columns.erase(columns.begin());
  return columns;
}

DiscoveryData ReadSweep(const std::string& sweep_dir, const std::vector<Goal>& goals) {
  const fs::path dir(sweep_dir);
  {
    std::string text;
    if (const std::string reason = ReadWholeFile(dir / "manifest.json", kMaxManifestBytes, &text); !reason.empty()) {
      throw ScenarioError({(dir / "manifest.json").string(), 0, 0},
                          "cannot read " + (dir / "manifest.json").string() + ": " + reason,
                          "SWEEP_DIR must be the --out folder of an `aisim sweep`");
    }
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    const std::string status = json.is_object() ? json.value("status", "") : "";
    if (status != "complete") {
      throw ScenarioError({(dir / "manifest.json").string(), 0, 0},
                          "the sweep is not complete (status '" + status + "')",
                          "finish it with `aisim sweep ... --resume`, or merge its shards");
    }
  }
  DiscoveryData data;
  const std::string damaged = "the sweep folder is damaged; run the sweep again";
  const fs::path samples_path = dir / "samples.csv";
  std::ifstream samples_stream = OpenOrFail(samples_path, "SWEEP_DIR must be the --out folder of an `aisim sweep`");
  CsvReader samples(samples_stream, samples_path.string());
  samples.set_hint(damaged);
  CsvRecord fields;
  samples.Read(&fields);
  data.names = fields.cells;
  if (data.names.empty() || data.names[0] != "sample") {
    throw ScenarioError({samples_path.string(), 1, 1}, "expected a header starting with 'sample'",
                        "is this an aisim sweep's samples.csv?");
  }
  data.names.erase(data.names.begin());
  data.inputs.assign(data.names.size(), {});

  const fs::path outcomes_path = dir / "outcomes.csv";
  std::ifstream outcomes_stream = OpenOrFail(outcomes_path, "");
  CsvReader outcomes(outcomes_stream, outcomes_path.string());
  outcomes.set_hint(damaged);
  CsvRecord header;
  outcomes.Read(&header);
  std::vector<std::pair<std::size_t, const Goal*>> goal_columns;
  for (const Goal& goal : goals) {
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (header.cells[c] == goal.column) goal_columns.push_back({c, &goal});
    }
  }

  std::vector<bool> time_shift(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    time_shift[c] = header.cells[c].find("|Time Shift|") != std::string::npos;
  }
  data.goal_min.assign(goals.size(), std::numeric_limits<double>::infinity());
  data.goal_max.assign(goals.size(), -std::numeric_limits<double>::infinity());

  CsvRecord outcome_fields;
  while (samples.Read(&fields)) {
    const int row = samples.line();
    if (!outcomes.Read(&outcome_fields)) {
      throw ScenarioError({outcomes_path.string(), row, 1}, "outcomes.csv has fewer rows than samples.csv", damaged);
    }
    if (fields.size() != data.names.size() + 1 || outcome_fields.size() != header.size() ||
        fields.cells[0] != outcome_fields.cells[0]) {
      throw ScenarioError({samples_path.string(), row, 1},
                          "row " + std::to_string(row) + " does not match its header or outcomes.csv", damaged);
    }
    for (std::size_t i = 0; i < data.names.size(); ++i) {
      data.inputs[i].push_back(FiniteCell(fields, i + 1, samples));
    }
    // Every outcome is checked, not only the goals': a non-finite one anywhere means damage.
    for (std::size_t c = 1; c < outcome_fields.size(); ++c) {
      OutcomeCell(outcome_fields, c, outcomes, time_shift[c]);
    }
    bool holds = true;
    for (const auto& [column, goal] : goal_columns) {
      const double value = OutcomeCell(outcome_fields, column, outcomes, time_shift[column]);
      const std::size_t g = static_cast<std::size_t>(goal - goals.data());
      data.goal_min[g] = std::min(data.goal_min[g], value);
      data.goal_max[g] = std::max(data.goal_max[g], value);
      holds = holds && goal->HoldsFor(value);
    }
    data.goal.push_back(holds);
  }
  return data;
}

}  // namespace sim
