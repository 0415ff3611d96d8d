#include "sim/output/number_text.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

namespace sim {

std::string FormatValue(const char* format, double value) {
  char text[128];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string FormatCount(long long count) {
  const std::string digits = std::to_string(count < 0 ? -count : count);
  std::string out = count < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string FormatLocalMoney(double usd_bn, const std::string& code, double per_usd, bool sign) {
  const double amount = usd_bn * 1e9 * per_usd;
  const double size = std::abs(amount);
  const auto [scale, word] = size >= 1e12 ? std::pair{1e12, " tn"}
                             : size >= 1e9 ? std::pair{1e9, " bn"}
                                           : std::pair{1e6, " million"};
  return code + " " + FormatValue(sign ? "%+.3g" : "%.3g", amount / scale) + word;
}

namespace {

bool IsCount(const std::string& unit) {
  return unit == "H100e" || unit == "persons" || unit == "units" || unit == "units/yr" ||
         unit == "robot-years";
}

}  // namespace

std::string FormatQuantity(double value, const std::string& unit, bool sign) {
  if (unit != "FLOP" && std::abs(value) < 1e-9) value = 0;  // rounding noise of a difference (-3.6e-15)
  if (unit == "share") return FormatValue(sign ? "%+.2f pp" : "%.2f%%", 100 * value);
  const char* const plain = sign ? "%+.3g" : "%.3g";
  if (IsCount(unit) && std::abs(value) >= 1e4) {
    const double size = std::abs(value);
    if (size >= 1e9) return FormatValue(plain, value / 1e9) + " bn";
    if (size >= 1e6) return FormatValue(plain, value / 1e6) + " M";
    return FormatValue(plain, value / 1e3) + " k";
  }
  if (unit == "FLOP") return FormatValue(plain, value);
  return FormatValue(sign ? "%+.4g" : "%.4g", value);
}

std::string ShownUnit(const std::string& unit) { return unit == "share" ? "%" : unit; }

std::string FormatDuration(double years) {
  const double span = std::abs(years);
  if (span >= 1) return FormatValue("%.2f years", span);
  if (span >= 1.0 / 12) return FormatValue("%.1f months", 12 * span);
  const long long days = std::llround(365 * span);
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

}  // namespace sim
