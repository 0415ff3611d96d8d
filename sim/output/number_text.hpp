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

// USD bn in another currency at `per_usd` units per USD, with a magnitude
// word: FormatLocalMoney(7.21, "KRW", 1400) == "KRW 10.1 tn", and with a
// sign when `sign` (e.g. "KRW +8.05 tn").
std::string FormatLocalMoney(double usd_bn, const std::string& code, double per_usd, bool sign = false);

// A value of a variable in `unit` as a report shows it: shares in % (a
// difference, `sign`, in percentage points: "-0.09 pp"), counts of
// accelerators, people and robots as 19.6 M / 244 k, FLOP as 2.1e+27, the
// rest to four significant figures; sizes under 1e-9 (but FLOP) are 0.
std::string FormatQuantity(double value, const std::string& unit, bool sign = false);

// The unit a FormatQuantity of `unit` is read in ("%" for "share").
std::string ShownUnit(const std::string& unit);

// A span of time a reader can picture, of |years|: "1.97 years" (a year or
// more), "4.2 months" (a month or more), else "18 days" ("1 day").
std::string FormatDuration(double years);

}  // namespace sim
