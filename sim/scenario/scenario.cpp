#include "sim/scenario/scenario.hpp"

namespace sim {

int Scenario::RegionIndex(const std::string& code) const {
  for (size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace sim
