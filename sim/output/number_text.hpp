// Numbers as a reader sees them in sentences and tables: one number through
// a printf format, and counts with thousands separators. (FormatNumber, in
// atomic_file.hpp, is the exact round-trip form for data files.)
#pragma once

#include <string>

namespace sim {

// `value` through `format`, a printf format with one double conversion, e.g.
// FormatValue("%.2f years", 1.954) == "1.95 years".
std::string FormatValue(const char* format, double value);

// "1,234,567".
std::string FormatCount(long long count);

// A span of time a reader can picture, of |years|: "1.97 years" (a year or
// more), "4.2 months" (a month or more), else "18 days" ("1 day").
std::string FormatDuration(double years);

}  // namespace sim
