#include "sim/output/chart_style.hpp"

#include <map>

namespace sim {

RegionStyle StyleOfRegion(const std::string& code) {
  static const std::map<std::string, RegionStyle> kStyles = {
      {"US", {"#0072B2", "-", 'o'}}, {"CN", {"#D55E00", "--", 's'}}, {"EU", {"#009E73", "-.", '^'}},
      {"UK", {"#CC79A7", ":", 'D'}}, {"JP", {"#E69F00", "-", 'v'}},  {"KR", {"#000000", "-", 'P'}},
      {"AE", {kYellow, "--", 'X'}},  {"IN", {"#56B4E9", "-.", '<'}}, {"ROW", {"#999999", ":", '>'}},
  };
  if (const auto found = kStyles.find(code); found != kStyles.end()) return found->second;
  static const char* const kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                         "#000000", kYellow,   "#56B4E9", "#999999"};
  static const char* const kLineStyles[] = {"-", "--", "-.", ":"};
  static const char kMarkers[] = "os^DvPX<>h";
  unsigned long h = 0;
  for (const unsigned char c : code) h = (h * 131 + c) % 1000003;
  return {kPalette[h % 9], kLineStyles[(h / 7) % 4], kMarkers[(h / 3) % 10]};
}

const std::vector<ChartMetric>& RunChartMetrics() {
  static const std::vector<ChartMetric> kMetrics = {
      {"Capability|Generative", "capability-generative", "Generative AI capability",
       "log10 FLOP (effective compute, start-year algorithms)", 1.0, false},
      {"Capability|Physical", "capability-physical", "Physical AI capability (best robot model)",
       "log10 FLOP (effective compute, start-year algorithms)", 1.0, false},
      {"Years Behind|Generative", "years-behind-generative", "Years behind the leader, generative AI",
       "years behind the leader", 1.0, false},
      {"Years Behind|Physical", "years-behind-physical", "Years behind the leader, physical AI",
       "years behind the leader", 1.0, false},
      {"Compute|Stock", "compute-stock", "AI compute stock", "H100-equivalents, log scale", 1.0, true},
      {"Compute|Largest Training Run", "largest-training-run", "Largest training run (generative AI)",
       "FLOP, log scale", 1.0, true},
      {"Talent|Researchers", "talent-researchers", "Top-tier AI researchers", "persons", 1.0, false, true},
      {"Robots|Stock", "robots-in-service", "Industrial robots in service (physical AI's fleet)",
       "robots, log scale", 1.0, true},
      {"Robots|Installations", "robot-installations", "Industrial robots installed a year",
       "robots / year, log scale", 1.0, true},
      {"Robots|Density", "robot-density", "Robot density (the IFR's measure)",
       "robots per 10,000 manufacturing employees", 1.0, false, true},
      {"Market Share|Generative", "market-share-generative", "Market share, generative AI",
       "% of global generative-AI revenue", 100.0, false, true},
      {"Market Share|Physical", "market-share-physical", "Market share, physical AI",
       "% of global physical-AI revenue", 100.0, false, true},
      {"Value|Physical", "value-physical", "Physical-AI revenue captured",
       "USD bn / year (2025 prices), log scale", 1.0, true},
  };
  return kMetrics;
}

}  // namespace sim
