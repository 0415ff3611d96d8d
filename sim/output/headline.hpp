// The answer of a run in one sentence per region, for the top of the
// terminal output and of report.html / report.md: where a region stands in
// the end year, in years behind the leader's path, rank and compute, with
// the p5-p95 range when there are draws. Generated from the results only.
#pragma once

#include <string>

#include "sim/model/results.hpp"
#include "sim/output/comparison.hpp"

namespace sim {

// "South Korea (KR) in 2035: 1.95 years behind the leader in generative AI
// (7th of 9) and 2.29 years behind in physical AI (6th of 9); compute stock
// 21.5 M H100e." With draws the years behind are medians with their p5-p95
// and the ranks medians. A region 0 years behind "leads" that sector (with
// draws: in at least 95% of them).
// Throws std::invalid_argument for a code the results do not have.
std::string RegionHeadline(const Results& results, const std::string& code);

// The region that leads generative AI in the end year (median capability),
// the sentence's subject when the user names none.
std::string GenerativeLeader(const Results& results);

// The answer of a comparison of `other` with the base in the compared year,
// one sentence per region of `regions` (or, when it is empty, for the region
// whose generative capability moves most in time), e.g.
// "In short: korea-generative-race against korea-2026-ai-budget, South Korea
// (KR) in 2035: 2 days further behind the leader in generative AI and 1.9
// months further behind in physical AI; it reaches korea-2026-ai-budget's
// 2035 capability 2 days later in generative AI and 1.9 months later in
// physical AI (...)." With draws the changes are medians of the
// paired differences, with the share of paired draws in which `other` is
// better. Generated from the comparison (`base`, the base run, gives the
// regions' names).
std::string ComparisonHeadline(const Comparison& comparison, const Results& base, const std::string& other,
                               const std::vector<std::string>& regions);

}  // namespace sim
