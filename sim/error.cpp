#include "sim/error.hpp"

#include <utility>

namespace sim {
namespace {

std::string FormatError(const SourceLocation& where, const std::string& message,
                        const std::string& hint) {
  std::string text = where.ToString() + ": error: " + message;
  if (!hint.empty()) text += "\nhint: " + hint;
  return text;
}

}  // namespace

std::string SourceLocation::ToString() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

ScenarioError::ScenarioError(SourceLocation where, std::string message, std::string hint)
    : std::runtime_error(FormatError(where, message, hint)),
      where_(std::move(where)),
      message_(std::move(message)),
      hint_(std::move(hint)) {}

namespace {

std::string JoinTexts(const std::vector<ScenarioError>& errors) {
  std::string text;
  for (const ScenarioError& error : errors) text += (text.empty() ? "" : "\n") + std::string(error.what());
  return text;
}

std::size_t CountAll(const std::vector<ScenarioError>& errors) {
  std::size_t count = 0;
  for (const ScenarioError& error : errors) count += error.count();
  return count;
}

}  // namespace

ScenarioError::ScenarioError(const std::vector<ScenarioError>& errors)
    : std::runtime_error(JoinTexts(errors)),
      where_(errors.at(0).where()),
      message_(errors.at(0).message()),
      hint_(errors.at(0).hint()),
      count_(CountAll(errors)) {}

}  // namespace sim
