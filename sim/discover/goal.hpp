// Goals for scenario discovery, and reading a finished sweep into
// DiscoveryData (the varied inputs, and whether every goal holds).
#pragma once

#include <string>
#include <vector>

#include "sim/discover/prim.hpp"

namespace sim {

// One condition on an outcome column of outcomes.csv, e.g.
// "KR|Years Behind|Physical|2030 <= 1".
struct Goal {
  std::string column;  // outcomes.csv column
  std::string op;      // "<", "<=", ">" or ">="
  double value = 0;
  std::string text;    // as written, for reports

  bool HoldsFor(double outcome) const;
};

// Parses "OUTCOME OP VALUE". OUTCOME is an outcomes.csv column
// ("KR|Years Behind|Physical|2030") or the sweep notation
// "Years Behind|Physical:KR[:YEAR]" (no year: the last year in the sweep).
// `columns` are the outcomes.csv columns; an unknown one is an error with a
// did-you-mean. Throws ScenarioError located at "--goal".
Goal ParseGoal(const std::string& text, const std::vector<std::string>& columns);

// The outcomes.csv header of a sweep folder, without the leading "sample".
std::vector<std::string> OutcomeColumns(const std::string& sweep_dir);

// Reads samples.csv (every varied input) and outcomes.csv (keeping the goal
// columns) of a complete sweep, streaming line by line: memory is the inputs
// (8 bytes x inputs x samples) plus one bit per sample. A sample's goal holds
// when every goal holds. Throws ScenarioError when a file is missing or
// malformed, a cell is not a finite number (file:line:col) or the sweep is
// incomplete (manifest status).
DiscoveryData ReadSweep(const std::string& sweep_dir, const std::vector<Goal>& goals);

}  // namespace sim
