// "Did you mean ...?" suggestions for misspelt keys, region codes and paths.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim::internal {

// The candidate closest to `word` by Damerau-Levenshtein distance (optimal
// string alignment, ignoring case), or "" when none is within a third of
// `word`'s length (at least 1 edit): further than that, a suggestion is more
// likely to mislead than to help.
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

// A hint for an unknown `word`: "did you mean 'x'?" when one is close, else
// "valid <what>: a, b, c" (or a pointer to docs/SCENARIOS.md when the list
// is too long to read in one line).
std::string UnknownWordHint(const std::string& word, const std::vector<std::string>& candidates,
                            const std::string& what);

// What became of an assumption that an earlier version of aisim read (a
// scenario written for it fails to load, and should say why), or "" for any
// other key. Callers ask only for keys under `assumptions`.
std::string RetiredKeyHint(const std::string& key);

// "did you mean KR (South Korea)? " for the region of `regions` that `word`
// probably means: the code closest by spelling ("KOR"), else the first whose
// name contains `word` ("Korea"; at least 3 letters, any case); else "".
std::string RegionHint(const std::string& word, const std::vector<Region>& regions);

// `text` in lower case (ASCII).
std::string Lower(std::string text);

// "a, b, c".
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace sim::internal
