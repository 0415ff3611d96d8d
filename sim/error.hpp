// The one error type raised by scenario loading and validation.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace sim {

// Where a value came from: a file (or "--set", or an embedded scenario name)
// and a 1-based line and column. line == 0 means "no position known".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", or just "file" when no position is known.
  std::string ToString() const;
};

// Raised for every bad input: what() is the full two-line text
//   file:line:col: error: message
//   hint: hint
// (the hint line is omitted when empty). The CLI prints it and exits with 2.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(SourceLocation where, std::string message, std::string hint = "");

  // Several errors found at once (e.g. every unknown key of a map): what()
  // is their texts one after another; the accessors give the first's.
  explicit ScenarioError(const std::vector<ScenarioError>& errors);

  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }
  // How many errors it holds: 1, or the sum over those it joins.
  std::size_t count() const { return count_; }

 private:
  SourceLocation where_;
  std::string message_;
  std::string hint_;
  std::size_t count_ = 1;
};

}  // namespace sim
