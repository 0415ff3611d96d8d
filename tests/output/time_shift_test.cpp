// The delay cost (sim/output/time_shift.hpp): years between two paths, on
// hand-made trajectories whose answer is known.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "sim/model/results.hpp"
#include "sim/output/time_shift.hpp"

namespace sim {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// f sampled at first_year, first_year + 1, ... for `years` years.
template <typename F>
std::vector<double> Sample(F f, int first_year, int years) {
  std::vector<double> path;
  for (int t = 0; t < years; ++t) path.push_back(f(first_year + t));
  return path;
}

}  // namespace

TEST_CASE("a whole-year delay of a curved path is found exactly") {
  const auto base = [](double t) { return std::sqrt(t - 2020.0) * 3.0 + 0.1 * (t - 2020.0); };
  for (int delay : {1, 2, 3}) {
    const auto late = [&](double t) { return t - delay < 2020 ? base(2020) : base(t - delay); };
    const std::vector<double> on_time = Sample(base, 2020, 16), delayed = Sample(late, 2020, 16);
    for (int year = 2020 + 1; year <= 2035; ++year) {
      // The level of year y is first reached in y on time (the path rises)
      // and in y + delay when late: within the run, or at the last year's
      // pace beyond it, which is the curve's own only up to the run's end.
      if (year + delay > 2035) continue;
      CHECK(TimeShift(on_time, 2020, delayed, 2020, year) == Approx(delay).margin(1e-12));
    }
  }
}

TEST_CASE("a fractional delay of a straight path is found exactly, within and beyond the run") {
  const auto base = [](double t) { return 20.0 + 0.7 * (t - 2025.0); };
  const double delay = 0.37;
  const std::vector<double> on_time = Sample(base, 2025, 11);
  const std::vector<double> delayed = Sample([&](double t) { return base(t - delay); }, 2025, 11);
  for (int year = 2026; year <= 2035; ++year) {
    CHECK(TimeShift(on_time, 2025, delayed, 2025, year) == Approx(delay).margin(1e-12));
  }
  // Ahead by the same amount: the shift is negative.
  CHECK(TimeShift(delayed, 2025, on_time, 2025, 2030) == Approx(-delay).margin(1e-12));
}

TEST_CASE("identical paths are zero years apart, flat stretches included") {
  const std::vector<double> path = {1, 1, 2, 2, 2, 3};
  for (int year = 2025; year <= 2030; ++year) CHECK(TimeShift(path, 2025, path, 2025, year) == 0.0);
}

TEST_CASE("a path reaches a level when its best so far does, crossing on the rising step") {
  // Falls from 5 to 2, then rises to 8 in 2029: 4 is reached in the first
  // year already; 6 two thirds of the way through the step from 2 (2028) to
  // 8 (2029), where (6 - 2) / (8 - 2) = 2/3.
  const std::vector<double> path = {5, 2, 2, 2, 8};
  CHECK(ReachYear(path, 2025, 4.0) == 2025.0);
  CHECK(ReachYear(path, 2025, 6.0) == Approx(2028.0 + 4.0 / 6.0).margin(1e-12));
  CHECK(ReachYear(path, 2025, 8.0) == 2029.0);
}

TEST_CASE("beyond the last year a path goes on at its last pace, and never if it stopped rising") {
  CHECK(ReachYear({0, 1, 3}, 2025, 4.0) == Approx(2027.5).margin(1e-12));
  CHECK(ReachYear({0, 1, 1}, 2025, 4.0) == kInfinity);
  CHECK(ReachYear({0, 2, 1}, 2025, 4.0) == kInfinity);
  CHECK(ReachYear({3}, 2025, 4.0) == kInfinity);
  // A late path that has stalled is behind for ever.
  CHECK(TimeShift({0, 1, 2, 3}, 2025, {0, 1, 1, 1}, 2025, 2028) == kInfinity);
}

TEST_CASE("paths may start in different years: the shift is in calendar years") {
  // The same straight line sampled from 2025 and from 2027.
  const auto line = [](double t) { return 2.0 * (t - 2020.0); };
  CHECK(TimeShift(Sample(line, 2025, 11), 2025, Sample(line, 2027, 9), 2027, 2030) == 0.0);
  CHECK_THROWS_AS(TimeShift({1, 2}, 2025, {1, 2}, 2025, 2027), std::invalid_argument);
  CHECK_THROWS_AS(ReachYear({}, 2025, 1.0), std::invalid_argument);
}

TEST_CASE("quantiles of time shifts keep infinities instead of turning them into NaN") {
  std::vector<double> values = {1.0, kInfinity, kInfinity};
  CHECK(Quantile(values, 0.5) == kInfinity);
  values = {1.0, 2.0, kInfinity};
  CHECK(Quantile(values, 0.5) == 2.0);  // a whole position: no interpolation with infinity
  values = {1.0, 2.0, kInfinity};
  CHECK(Quantile(values, 0.95) == kInfinity);
  CHECK(FormatTimeShift(kInfinity) == "never (stops rising)");
  CHECK(FormatTimeShift(0.314) == "+0.31 years");
}

}  // namespace sim
