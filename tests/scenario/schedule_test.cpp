#include <catch2/catch.hpp>

#include "sim/scenario/scenario.hpp"

namespace sim {
namespace {

// Interpolation does one subtraction, division and multiply-add; allow a few ulps.
constexpr double kTolerance = 1e-12;

Schedule Points(std::map<int, double> points) {
  Schedule schedule;
  schedule.points = std::move(points);
  return schedule;
}

TEST_CASE("a constant schedule has its value in every year") {
  const Schedule schedule = Schedule::Constant(3.5);
  CHECK(schedule.At(2000) == 3.5);
  CHECK(schedule.At(2031.25) == 3.5);
  CHECK(schedule.At(2100) == 3.5);
}

TEST_CASE("a schedule passes exactly through its points") {
  const Schedule schedule = Points({{2025, 100}, {2030, 600}, {2035, 1200}});
  CHECK(schedule.At(2025) == 100);
  CHECK(schedule.At(2030) == 600);
  CHECK(schedule.At(2035) == 1200);
}

TEST_CASE("a schedule is linear between points") {
  const Schedule schedule = Points({{2025, 100}, {2030, 600}, {2035, 1200}});
  CHECK(schedule.At(2027) == Approx(300).epsilon(kTolerance));
  CHECK(schedule.At(2027.5) == Approx(350).epsilon(kTolerance));
  CHECK(schedule.At(2031) == Approx(720).epsilon(kTolerance));
  CHECK(schedule.At(2029.999) == Approx(599.9).epsilon(kTolerance));
}

TEST_CASE("a schedule is flat before its first and after its last point") {
  const Schedule schedule = Points({{2026, 7}, {2030, 12}});
  CHECK(schedule.At(2025) == 7);
  CHECK(schedule.At(2025.9) == 7);
  CHECK(schedule.At(2030.5) == 12);
  CHECK(schedule.At(2060) == 12);
}

TEST_CASE("a one-point schedule is constant") {
  const Schedule schedule = Points({{2030, 5}});
  CHECK(schedule.At(2020) == 5);
  CHECK(schedule.At(2030) == 5);
  CHECK(schedule.At(2040) == 5);
}

TEST_CASE("a schedule can fall to zero and stay there") {
  const Schedule schedule = Points({{2026, 50000}, {2030, 0}});
  CHECK(schedule.At(2028) == Approx(25000).epsilon(kTolerance));
  CHECK(schedule.At(2031) == 0);
}

}  // namespace
}  // namespace sim
