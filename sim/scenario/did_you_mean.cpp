#include "sim/scenario/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace sim::internal {
namespace {

// Lists longer than this are not spelt out in a hint.
constexpr size_t kMaxListedCandidates = 12;

// Optimal string alignment distance: insertions, deletions, substitutions
// and transpositions of adjacent characters each cost 1.
int EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  const int max_distance = std::max(1, static_cast<int>(word.size()) / 3);
  const std::string lower_word = Lower(word);
  std::string best;
  int best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    const int distance = EditDistance(lower_word, Lower(candidate));
    // On a tie, a candidate of the word's length wins: "tm" is more likely
    // "tn" mistyped than "m" with a letter added.
    const bool better =
        distance < best_distance || (distance == best_distance && !best.empty() &&
                                     candidate.size() == word.size() && best.size() != word.size());
    if (better) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string RegionHint(const std::string& word, const std::vector<Region>& regions) {
  std::vector<std::string> codes;
  for (const Region& region : regions) codes.push_back(region.code);
  const std::string match = ClosestMatch(word, codes);
  for (const Region& region : regions) {
    if (!match.empty() ? region.code == match
                       : word.size() >= 3 && Lower(region.name).find(Lower(word)) != std::string::npos) {
      return "did you mean " + region.code + " (" + region.name + ")? ";
    }
  }
  return "";
}

std::string RetiredKeyHint(const std::string& key) {
  // The weighted index of physical capability became a robot model's
  // effective compute (docs/MODEL.md, step 6).
  static const std::pair<const char*, const char*> kRetired[] = {
      {"physical_compute_weight",
       "physical_compute_weight was removed: a robot model's compute weight is now 1 - "
       "physical_generative_weight (docs/MODEL.md, step 6)"},
      {"physical_data_weight",
       "physical_data_weight was replaced by physical_data_elasticity, in log10 effective compute per "
       "tenfold robot data (docs/MODEL.md, step 6)"},
  };
  for (const auto& [retired, hint] : kRetired) {
    if (key == retired) return hint;
  }
  return "";
}

std::string UnknownWordHint(const std::string& word, const std::vector<std::string>& candidates,
                            const std::string& what) {
  const std::string match = ClosestMatch(word, candidates);
  if (!match.empty()) return "did you mean '" + match + "'?";
  if (candidates.empty()) return "there are no " + what;
  if (candidates.size() > kMaxListedCandidates) {
    return "see docs/SCENARIOS.md for the valid " + what;
  }
  return "valid " + what + ": " + JoinWords(candidates);
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

}  // namespace sim::internal
