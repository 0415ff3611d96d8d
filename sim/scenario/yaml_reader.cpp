#include "sim/scenario/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <utility>

#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/number_chars.hpp"

namespace sim::internal {
namespace {

// "a map", "a list", "nothing" or the scalar itself, for type errors.
std::string Describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    default:
      return "nothing";
  }
}

[[noreturn]] void FailType(const Value& value, const std::string& name,
                           const std::string& expected) {
  Fail(value.at, name + ": expected " + expected + ", got " + Describe(value.node),
       "write " + name + " as " + expected +
           "; `aisim params` lists every field with its current value and unit");
}

// from_chars rejects a leading '+', which YAML allows.
std::string WithoutPlus(const std::string& text) {
  return !text.empty() && text[0] == '+' ? text.substr(1) : text;
}

}  // namespace

LayerSource::LayerSource(std::string file) : file_(std::move(file)) {}

LayerSource LayerSource::Override(int value_offset) {
  LayerSource source("--set");
  source.column_offset_ = value_offset;
  return source;
}

LayerSource LayerSource::Option(const std::string& option) {
  LayerSource source(option);
  source.whole_option_ = true;
  return source;
}

SourceLocation LayerSource::Locate(const YAML::Node& node) const {
  if (whole_option_) return {file_, 0, 0};
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 1, 1};
  // A --set value is one line of the argument, so only line 0 is shifted.
  const int shift = mark.line == 0 ? column_offset_ : 0;
  return {file_, mark.line + 1, mark.column + 1 + shift};
}

void Fail(const SourceLocation& where, const std::string& message, const std::string& hint) {
  throw ScenarioError(where, message, hint);
}

std::vector<Entry> ReadMap(const Value& value, const LayerSource& source, const std::string& name) {
  if (value.node.IsNull()) return {};
  if (!value.node.IsMap()) FailType(value, name, "a map");
  std::vector<Entry> entries;
  std::map<std::string, SourceLocation> seen;
  for (const auto& item : value.node) {
    Entry entry;
    const YAML::Node& key = item.first;
    entry.key_at = source.Locate(key);
    if (!key.IsScalar()) {
      Fail(entry.key_at, name + ": expected a plain key, got " + Describe(key),
           "keys are plain names such as public_budget or KR");
    }
    entry.key = key.Scalar();
    // yaml-cpp keeps the last of repeated keys silently; a repeat is nearly
    // always a copy-paste slip, so it is an error.
    const auto [previous, inserted] = seen.emplace(entry.key, entry.key_at);
    if (!inserted) {
      Fail(entry.key_at, "duplicate key '" + entry.key + "' in " + name,
           "it was first given at " + previous->second.ToString());
    }
    const YAML::Node& node = item.second;
    entry.value = {node, node.IsNull() ? entry.key_at : source.Locate(node)};
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<Entry> ReadMap(const Value& value, const LayerSource& source, const std::string& name,
                           const std::vector<std::string>& allowed, const std::string& context) {
  std::vector<Entry> entries = ReadMap(value, source, name);
  // Every unknown key of the map at once: two typos need one round trip.
  std::vector<ScenarioError> unknown;
  for (const Entry& entry : entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end()) {
      const std::string retired = context == "assumptions" ? RetiredKeyHint(entry.key) : "";
      unknown.emplace_back(entry.key_at, "unknown key '" + entry.key + "' in " + context,
                           retired.empty() ? UnknownWordHint(entry.key, allowed, "keys") : retired);
    }
  }
  if (!unknown.empty()) throw ScenarioError(unknown);
  return entries;
}

std::vector<Value> ReadList(const Value& value, const LayerSource& source,
                            const std::string& name) {
  if (!value.node.IsSequence()) FailType(value, name, "a list");
  std::vector<Value> items;
  for (const auto& node : value.node) {
    items.push_back({node, node.IsNull() ? value.at : source.Locate(node)});
  }
  return items;
}

double ReadNumber(const Value& value, const std::string& name) {
  if (!value.node.IsScalar()) FailType(value, name, "a number");
  const std::string text = WithoutPlus(value.node.Scalar());
  double number = 0;
  if (!ParseDouble(text, &number) || !std::isfinite(number)) FailType(value, name, "a number");
  return number;
}

bool ParseInteger(const std::string& raw, long long* out) {
  const std::string text = WithoutPlus(raw);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

long long ReadInteger(const Value& value, const std::string& name) {
  long long number = 0;
  if (!value.node.IsScalar() || !ParseInteger(value.node.Scalar(), &number)) {
    FailType(value, name, "an integer");
  }
  return number;
}

unsigned long long ReadUnsigned(const Value& value, const std::string& name) {
  if (value.node.IsScalar() && !value.node.Scalar().empty() && value.node.Scalar()[0] == '-') {
    long long negative = 0;
    if (ParseInteger(value.node.Scalar(), &negative)) {
      Fail(value.at,
           name + " = " + value.node.Scalar() + ". Violated constraint: " + name + " >= 0",
           name + " is a whole number, 0 or more");
    }
  }
  if (!value.node.IsScalar()) FailType(value, name, "a non-negative integer");
  const std::string text = WithoutPlus(value.node.Scalar());
  unsigned long long number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) {
    FailType(value, name, "a non-negative integer");
  }
  return number;
}

std::string ReadText(const Value& value, const std::string& name) {
  if (!value.node.IsScalar()) FailType(value, name, "text");
  return value.node.Scalar();
}

std::string FormatNumber(double value) {
  // Whole numbers below 1e9 read better in full (100000, not 1e+05) and
  // are still exact.
  if (value == std::trunc(value) && std::abs(value) < 1e9) {
    return std::to_string(static_cast<long long>(value));
  }
  return ShortestText(value);
}

const Entry* FindEntry(const std::vector<Entry>& entries, const std::string& key) {
  for (const Entry& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

}  // namespace sim::internal
