#include "sim/output/quantiles.hpp"

#include <cstdio>
#include <vector>

namespace sim {

std::string MedianAndRange(const QuantileSet& q, bool monte_carlo, const char* format, double divisor,
                           const RangeStyle& style) {
  const auto number = [&](double value) {
    char text[64];
    std::snprintf(text, sizeof text, format, value / divisor);
    return std::string(text);
  };
  if (!monte_carlo) return number(q.p50);
  return number(q.p50) + style.open + number(q.p5) + style.to + number(q.p95) + style.close;
}

}  // namespace sim
