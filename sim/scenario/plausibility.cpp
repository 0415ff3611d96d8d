#include "sim/scenario/plausibility.hpp"

#include <cstdio>
#include <map>

namespace sim {
namespace {

constexpr double kLargeBudget = 50;             // USD bn / yr
constexpr double kLargeToPrivate = 10;          // x the region's private AI investment
constexpr double kSmallBudget = 1e-3;           // USD bn / yr: USD 1 million

// The currency a region's own budget is likely written in, where the
// scenario's money settings know it.
std::string HomeCurrency(const Scenario& scenario, const std::string& code) {
  static const std::map<std::string, std::string> kCurrencies = {
      {"KR", "KRW"}, {"JP", "JPY"}, {"CN", "CNY"}, {"EU", "EUR"}, {"UK", "GBP"},
      {"IN", "INR"}, {"AE", "AED"}, {"FR", "EUR"}, {"DE", "EUR"}};
  const auto found = kCurrencies.find(code);
  if (found == kCurrencies.end() || !scenario.money.per_usd.count(found->second)) return "";
  return found->second;
}

std::string Number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, value >= 100 ? "%.0f" : "%.3g", value);
  return text;
}

}  // namespace

std::vector<std::string> PlausibilityWarnings(const Scenario& scenario) {
  std::vector<std::string> warnings;
  for (const Region& region : scenario.regions) {
    const std::string path = "regions." + region.code + ".public_budget";
    const std::string currency = HomeCurrency(scenario, region.code);
    for (const auto& [year, usd_bn] : region.public_budget.points) {
      // A constant is stored at year 0 (Schedule::Constant).
      const std::string when = year == 0 ? "" : " in " + std::to_string(year);
      const std::string where = path + " is USD " + Number(usd_bn) + " bn a year" + when;
      if (usd_bn > kLargeBudget && usd_bn > kLargeToPrivate * region.private_investment) {
        std::string text = "warning: " + where + ", ";
        text += region.private_investment > 0
                    ? Number(usd_bn / region.private_investment) + " times " + region.name +
                          "'s private AI investment (USD " + Number(region.private_investment) + " bn)"
                    : "where " + region.name + " has no private AI investment";
        text += "; a plain number is USD bn a year. ";
        if (!currency.empty()) {
          const double as_home = usd_bn / scenario.money.per_usd.at(currency);
          text += "If " + currency + " " + Number(usd_bn) + " bn was meant, write {value: " + Number(usd_bn) +
                  ", unit: " + currency + " bn} (USD " + Number(as_home) + " bn); ";
        }
        text += "if USD " + Number(usd_bn) + " million, {value: " + Number(usd_bn) + ", unit: USD million}.";
        warnings.push_back(text);
      } else if (usd_bn > 0 && usd_bn < kSmallBudget) {
        const std::string unit = currency.empty() ? "USD" : currency;
        warnings.push_back("warning: " + where + " (USD " + Number(usd_bn * 1e9) +
                           "): a unit without a magnitude counts single " + unit +
                           "; write e.g. unit: " + unit + " bn or " + unit + " tn.");
      }
    }
  }
  return warnings;
}

}  // namespace sim
