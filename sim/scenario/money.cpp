#include "sim/scenario/money.hpp"

#include <cmath>
#include <sstream>
#include <utility>
#include <vector>

#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/schedule_yaml.hpp"

namespace sim::internal {
namespace {

const std::vector<std::string>& MoneyKeys() {
  static const std::vector<std::string> keys = {"value", "unit", "year"};
  return keys;
}

// Magnitude words and their size in USD bn-units (value * scale = value in
// "bn"), so that "bn" multiplies by exactly 1 and USD bn inputs stay exact.
const std::vector<std::pair<std::string, double>>& Magnitudes() {
  static const std::vector<std::pair<std::string, double>> magnitudes = {
      {"k", 1e-6}, {"m", 1e-3},      {"mn", 1e-3}, {"million", 1e-3},
      {"bn", 1.0}, {"billion", 1.0}, {"tn", 1e3},  {"trillion", 1e3},
  };
  return magnitudes;
}

// True for {value: ..., unit: ...} maps, as opposed to {year: value} schedules.
bool IsMoneyMap(const YAML::Node& node) {
  if (!node.IsMap()) return false;
  for (const auto& item : node) {
    if (!item.first.IsScalar()) continue;
    for (const std::string& key : MoneyKeys()) {
      if (item.first.Scalar() == key) return true;
    }
  }
  return false;
}

// The currency's units per USD.
double UnitsPerUsd(const std::string& currency, const SourceLocation& at,
                   const MoneySettings& money) {
  if (currency == "USD") return 1.0;
  const auto found = money.per_usd.find(currency);
  if (found != money.per_usd.end()) return found->second;
  std::vector<std::string> known = {"USD"};
  for (const auto& [code, rate] : money.per_usd) known.push_back(code);
  std::string hint = UnknownWordHint(currency, known, "currencies");
  Fail(at, "unknown currency '" + currency + "'", hint + " (add other rates under money.per_usd)");
}

// "KRW tn" -> (KRW units per USD, scale to bn); "USD" alone means units.
std::pair<double, double> ReadUnit(const Value& value, const MoneySettings& money) {
  std::istringstream words(ReadText(value, "unit"));
  std::string currency, magnitude, extra;
  words >> currency >> magnitude >> extra;
  if (currency.empty() || !extra.empty()) {
    Fail(value.at, "unit: expected \"CURRENCY MAGNITUDE\", got '" + value.node.Scalar() + "'",
         "e.g. \"KRW tn\", \"EUR million\", \"USD bn\" or \"USD\"");
  }
  const double per_usd = UnitsPerUsd(currency, value.at, money);
  if (magnitude.empty()) return {per_usd, 1e-9};
  std::vector<std::string> names;
  for (const auto& [name, scale] : Magnitudes()) {
    if (name == magnitude) return {per_usd, scale};
    names.push_back(name);
  }
  Fail(value.at, "unknown magnitude '" + magnitude + "' in unit '" + value.node.Scalar() + "'",
       UnknownWordHint(magnitude, names, "magnitudes"));
}

}  // namespace

double ReadMoney(const Value& value, const LayerSource& source, const MoneySettings& money,
                 const Limits& limits) {
  const std::string& name = limits.name;
  if (!value.node.IsMap()) {
    const double usd_bn = ReadNumber(value, name);
    limits.Check(usd_bn, value.at);
    return usd_bn;
  }
  const std::vector<Entry> entries = ReadMap(value, source, name, MoneyKeys(), name);
  const Entry* amount = FindEntry(entries, "value");
  const Entry* unit = FindEntry(entries, "unit");
  if (amount == nullptr || unit == nullptr) {
    Fail(value.at, name + ": a money value needs both 'value' and 'unit'",
         "e.g. {value: 1.8, unit: KRW tn, year: 2025}, or a plain number in USD bn");
  }
  const double number = ReadNumber(amount->value, name);
  const auto [per_usd, scale] = ReadUnit(unit->value, money);
  int year = money.base_year;
  if (const Entry* given = FindEntry(entries, "year")) {
    const long long read = ReadInteger(given->value, "year");
    if (read < 2000 || read > 2100) {
      Fail(given->value.at,
           "year = " + std::to_string(read) + ". Violated constraint: 2000 <= year <= 2100",
           "year is the price year of the amount, e.g. {value: 10.1, unit: KRW tn, year: 2026}");
    }
    year = static_cast<int>(read);
  }
  // usd_bn = value * magnitude / 1e9 / per_usd * (1 + inflation)^(base_year - year)
  const double usd_bn =
      number * scale / per_usd * std::pow(1 + money.inflation, money.base_year - year);
  limits.Check(usd_bn, amount->value.at);
  return usd_bn;
}

Schedule ReadMoneySchedule(const Value& value, const LayerSource& source,
                           const MoneySettings& money, const Limits& limits) {
  const auto read_point = [&](const Value& point) {
    return ReadMoney(point, source, money, limits);
  };
  if (IsMoneyMap(value.node)) return Schedule::Constant(read_point(value));
  return ReadSchedule(value, source, limits.name, read_point);
}

}  // namespace sim::internal
