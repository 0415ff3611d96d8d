// The answer of a run in one sentence per region, for the top of the
// terminal output and of report.html / report.md: where a region stands in
// the end year, in years behind the leader's path, rank and compute, with
// the p5-p95 range when there are draws. Generated from the results only.
#pragma once

#include <string>

#include "sim/model/results.hpp"

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

}  // namespace sim
