// Reading typed values out of yaml-cpp nodes, with every failure raised as a
// ScenarioError at the node's 1-based file:line:column.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "sim/error.hpp"

namespace sim::internal {

// Where the nodes of one layer (a file, a shipped scenario or a --set
// argument) come from, turning yaml-cpp's 0-based marks into locations.
class LayerSource {
 public:
  // A file or shipped scenario named `file` in errors.
  explicit LayerSource(std::string file);

  // A --set argument whose value text starts at 0-based `value_offset`.
  // Nodes parsed from the value are placed at their column in the argument;
  // nodes built from the path carry no mark and are placed at column 1.
  static LayerSource Override(int value_offset);

  // The value of command-line option `option` (e.g. "--draws"): every node
  // is placed at the option itself, without line or column.
  static LayerSource Option(const std::string& option);

  const std::string& file() const { return file_; }
  SourceLocation Locate(const YAML::Node& node) const;

 private:
  std::string file_;
  int column_offset_ = 0;
  bool whole_option_ = false;
};

// A node and its location. A null value (`key:` with nothing after it) gets
// its key's location, because yaml-cpp marks it at the next token instead.
struct Value {
  YAML::Node node;
  SourceLocation at;
};

// One key of a mapping.
struct Entry {
  std::string key;
  SourceLocation key_at;
  Value value;
};

[[noreturn]] void Fail(const SourceLocation& where, const std::string& message,
                       const std::string& hint);

// The entries of the mapping `value` (named `name` in errors), in order. A
// null counts as an empty mapping. Raises on any other type and on a repeated key.
std::vector<Entry> ReadMap(const Value& value, const LayerSource& source, const std::string& name);

// The same, raising "unknown key 'k' in <context>" (with a did-you-mean) for
// keys outside `allowed`.
std::vector<Entry> ReadMap(const Value& value, const LayerSource& source, const std::string& name,
                           const std::vector<std::string>& allowed, const std::string& context);

// The items of the list `value`; raises unless it is a list.
std::vector<Value> ReadList(const Value& value, const LayerSource& source, const std::string& name);

// Typed scalars; `name` prefixes the type error ("name: expected a number, got a map").
// ReadNumber accepts finite numbers only; ReadUnsigned reports a negative
// integer as a range error ("name = -1. Violated constraint: name >= 0").
double ReadNumber(const Value& value, const std::string& name);
long long ReadInteger(const Value& value, const std::string& name);
unsigned long long ReadUnsigned(const Value& value, const std::string& name);
std::string ReadText(const Value& value, const std::string& name);

// Parses a whole scalar as an integer; false if it is not one.
bool ParseInteger(const std::string& text, long long* out);

// Text that reads back as the same double: whole numbers below 1e9 in full,
// others in the shortest round-trip form (ShortestText, number_chars.hpp).
std::string FormatNumber(double value);

// The entry named `key`, or nullptr.
const Entry* FindEntry(const std::vector<Entry>& entries, const std::string& key);

}  // namespace sim::internal
