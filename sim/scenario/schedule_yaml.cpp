#include "sim/scenario/schedule_yaml.hpp"

namespace sim::internal {
namespace {

constexpr long long kFirstScheduleYear = 2000;
constexpr long long kLastScheduleYear = 2100;

}  // namespace

Schedule ReadSchedule(const Value& value, const LayerSource& source, const std::string& name,
                      const std::function<double(const Value&)>& read_point) {
  if (!value.node.IsMap()) return Schedule::Constant(read_point(value));
  Schedule schedule;
  for (const Entry& entry : ReadMap(value, source, name)) {
    long long year = 0;
    if (!ParseInteger(entry.key, &year) || year < kFirstScheduleYear || year > kLastScheduleYear) {
      Fail(entry.key_at, "bad schedule year '" + entry.key + "' in " + name,
           "schedule years are integers from 2000 to 2100, e.g. {2025: 1.5, 2030: 3}");
    }
    schedule.points[static_cast<int>(year)] = read_point(entry.value);
  }
  if (schedule.points.empty()) {
    Fail(value.at, name + ": a schedule needs at least one {year: value} point",
         "write a number for a constant, or points such as {2026: 7.3, 2030: 12}");
  }
  return schedule;
}

}  // namespace sim::internal
