#include "sim/discover/goal.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/error.hpp"
#include "sim/scenario/did_you_mean.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitCsvLine(const std::string& line) {
  // Sweep files never quote: names hold no commas.
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

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

// The 1-based column where cell `i` of a line split into `fields` starts.
int ColumnOf(const std::vector<std::string>& fields, std::size_t i) {
  std::size_t column = 1;
  for (std::size_t k = 0; k < i; ++k) column += fields[k].size() + 1;
  return static_cast<int>(column);
}

// Cell `i` of `fields` (line `row` of `path`) as a finite number; a located
// error otherwise: nan or inf in a sweep's files is damage, and PRIM would
// turn it into boxes with nan limits.
double FiniteCell(const std::vector<std::string>& fields, std::size_t i, const fs::path& path, int row) {
  double x;
  if (!ParseDouble(fields[i], &x) || !std::isfinite(x)) {
    throw ScenarioError({path.string(), row, ColumnOf(fields, i)},
                        "not a finite number: '" + fields[i].substr(0, 40) + "'",
                        "the sweep folder is damaged; run the sweep again");
  }
  return x;
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
  std::string header;
  std::getline(in, header);
  std::vector<std::string> columns = SplitCsvLine(header);
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
    std::ifstream manifest = OpenOrFail(dir / "manifest.json", "SWEEP_DIR must be the --out folder of an `aisim sweep`");
    const nlohmann::json json = nlohmann::json::parse(manifest, nullptr, false);
    const std::string status = json.is_object() ? json.value("status", "") : "";
    if (status != "complete") {
      throw ScenarioError({(dir / "manifest.json").string(), 0, 0},
                          "the sweep is not complete (status '" + status + "')",
                          "finish it with `aisim sweep ... --resume`, or merge its shards");
    }
  }
  DiscoveryData data;
  const fs::path samples_path = dir / "samples.csv";
  std::ifstream samples = OpenOrFail(samples_path, "SWEEP_DIR must be the --out folder of an `aisim sweep`");
  std::string line;
  std::getline(samples, line);
  data.names = SplitCsvLine(line);
  if (data.names.empty() || data.names[0] != "sample") {
    throw ScenarioError({samples_path.string(), 1, 1}, "expected a header starting with 'sample'",
                        "is this an aisim sweep's samples.csv?");
  }
  data.names.erase(data.names.begin());
  data.inputs.assign(data.names.size(), {});

  const fs::path outcomes_path = dir / "outcomes.csv";
  std::ifstream outcomes = OpenOrFail(outcomes_path, "");
  std::getline(outcomes, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  std::vector<std::pair<std::size_t, const Goal*>> goal_columns;
  for (const Goal& goal : goals) {
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (header[c] == goal.column) goal_columns.push_back({c, &goal});
    }
  }

  std::string outcome_line;
  for (int row = 2; std::getline(samples, line); ++row) {
    if (!std::getline(outcomes, outcome_line)) {
      throw ScenarioError({outcomes_path.string(), row, 1}, "outcomes.csv has fewer rows than samples.csv",
                          "the sweep folder is damaged; run the sweep again");
    }
    const std::vector<std::string> fields = SplitCsvLine(line);
    const std::vector<std::string> outcome_fields = SplitCsvLine(outcome_line);
    if (fields.size() != data.names.size() + 1 || outcome_fields.size() != header.size() ||
        fields[0] != outcome_fields[0]) {
      throw ScenarioError({samples_path.string(), row, 1},
                          "row " + std::to_string(row) + " does not match its header or outcomes.csv",
                          "the sweep folder is damaged; run the sweep again");
    }
    for (std::size_t i = 0; i < data.names.size(); ++i) {
      data.inputs[i].push_back(FiniteCell(fields, i + 1, samples_path, row));
    }
    // Every outcome is checked, not only the goals': a non-finite one anywhere means damage.
    for (std::size_t c = 1; c < outcome_fields.size(); ++c) FiniteCell(outcome_fields, c, outcomes_path, row);
    bool holds = true;
    for (const auto& [column, goal] : goal_columns) {
      holds = holds && goal->HoldsFor(FiniteCell(outcome_fields, column, outcomes_path, row));
    }
    data.goal.push_back(holds);
  }
  return data;
}

}  // namespace sim
