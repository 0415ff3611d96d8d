// Comparisons: differences against the base, paired draws, spend efficiency.
// Inputs are small hand-made Results; expected values are computed in the
// test from those inputs, the way a student would check the table by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "sim/output/comparison.hpp"

namespace sim {
namespace {

// Differences of a few doubles; exact up to rounding of one subtraction.
constexpr double kTolerance = 1e-12;

const ComparisonRow& Row(const Comparison& c, const std::string& scenario,
                         const std::string& region, Variable variable) {
  for (const ComparisonRow& row : c.rows) {
    if (row.scenario == scenario && row.region == region && row.variable == variable) return row;
  }
  FAIL("no row " << scenario << " " << region << " " << Describe(variable).name);
  throw;
}

const SpendEfficiencyRow& Efficiency(const Comparison& c, const std::string& scenario,
                                     const std::string& region) {
  for (const SpendEfficiencyRow& row : c.efficiency) {
    if (row.scenario == scenario && row.region == region) return row;
  }
  FAIL("no efficiency row " << scenario << " " << region);
  throw;
}

}  // namespace

TEST_CASE("differences are other minus base in the chosen year, with relative change") {
  Results base("base", {"KR", "US"}, {"South Korea", "United States"}, 2025, 3, 1);
  Results plan("plan", {"US", "KR"}, {"United States", "South Korea"}, 2025, 3, 1);  // other order
  // KR is row 0 of base and row 1 of plan.
  base.At(Variable::kCapabilityGenerative, 1)(0, 0) = 26.0;
  plan.At(Variable::kCapabilityGenerative, 1)(1, 0) = 26.5;
  base.At(Variable::kCapabilityGenerative, 2)(0, 0) = 27.0;
  plan.At(Variable::kCapabilityGenerative, 2)(1, 0) = 27.9;
  base.At(Variable::kYearsBehindGenerative, 1)(0, 0) = 0.0;  // a leader: relative undefined
  plan.At(Variable::kYearsBehindGenerative, 1)(1, 0) = 0.4;
  const Comparison c = CompareResults({&base, &plan}, 2026, {});
  CHECK(c.year == 2026);
  CHECK(c.rows.size() == 2 * ComparedVariables().size());
  const ComparisonRow& cap = Row(c, "plan", "KR", Variable::kCapabilityGenerative);
  CHECK(cap.base == "base");
  CHECK(cap.base_value == 26.0);
  CHECK(cap.value == 26.5);
  CHECK(cap.difference == Approx(26.5 - 26.0).margin(kTolerance));
  REQUIRE(cap.relative_percent);
  CHECK(*cap.relative_percent == Approx(100 * 0.5 / 26.0));
  CHECK_FALSE(cap.share_better);  // one draw: no uncertainty to compare against
  CHECK_FALSE(cap.p5_difference);
  const ComparisonRow& behind = Row(c, "plan", "KR", Variable::kYearsBehindGenerative);
  CHECK(behind.difference == Approx(0.4));
  CHECK_FALSE(behind.relative_percent);
  // Only the requested regions.
  const Comparison only_us = CompareResults({&base, &plan}, 2027, {"US"});
  CHECK(only_us.rows.size() == ComparedVariables().size());
  CHECK(only_us.efficiency.size() == 1);
}

TEST_CASE("paired draws: the difference is the median of draw-by-draw differences") {
  const int draws = 5;
  Results base("base", {"KR"}, {"South Korea"}, 2025, 1, draws);
  Results plan("plan", {"KR"}, {"South Korea"}, 2025, 1, draws);
  // Draw i of the plan is draw i of the base plus a gain; the gains' median
  // (0.1) differs from the difference of the medians (30.3 - 30), so pairing
  // matters.
  const std::vector<double> base_values = {10, 20, 30, 40, 50};
  const std::vector<double> gains = {0.1, -0.2, 0.3, 5.0, -15.0};
  std::vector<double> plan_values;
  for (int i = 0; i < draws; ++i) {
    base.At(Variable::kCapabilityGenerative, 0)(0, i) = base_values[i];
    plan.At(Variable::kCapabilityGenerative, 0)(0, i) = base_values[i] + gains[i];
    plan_values.push_back(base_values[i] + gains[i]);
    // Years behind: lower is better, so a gain here is a loss.
    base.At(Variable::kYearsBehindGenerative, 0)(0, i) = 1.0;
    plan.At(Variable::kYearsBehindGenerative, 0)(0, i) = 1.0 + gains[i];
  }
  const Comparison c = CompareResults({&base, &plan}, 2025, {});
  const ComparisonRow& cap = Row(c, "plan", "KR", Variable::kCapabilityGenerative);
  std::vector<double> sorted_gains = gains;
  std::sort(sorted_gains.begin(), sorted_gains.end());
  CHECK(cap.difference == Approx(sorted_gains[2]));  // median of 5 = the third
  std::vector<double> sorted_plan = plan_values;
  std::sort(sorted_plan.begin(), sorted_plan.end());
  CHECK(cap.value == Approx(sorted_plan[2]));
  CHECK(cap.base_value == 30.0);
  CHECK(cap.difference != Approx(cap.value - cap.base_value));
  REQUIRE(cap.share_better);
  const double positive = static_cast<double>(std::count_if(gains.begin(), gains.end(),
                                                            [](double g) { return g > 0; }));
  CHECK(*cap.share_better == Approx(positive / draws));
  CHECK(*cap.share_worse == Approx((draws - positive) / draws));
  // p5 and p95 of the gains by linear interpolation (position p * (n - 1)).
  CHECK(*cap.p5_difference == Approx(sorted_gains[0] + 0.2 * (sorted_gains[1] - sorted_gains[0])));
  CHECK(*cap.p95_difference == Approx(sorted_gains[3] + 0.8 * (sorted_gains[4] - sorted_gains[3])));
  const ComparisonRow& behind = Row(c, "plan", "KR", Variable::kYearsBehindGenerative);
  CHECK(*behind.share_better == Approx((draws - positive) / draws));
  // Ties are neither better nor worse.
  const ComparisonRow& physical = Row(c, "plan", "KR", Variable::kCapabilityPhysical);
  CHECK(*physical.share_better == 0.0);
  CHECK(*physical.share_worse == 0.0);
  // Spend has no better direction.
  CHECK_FALSE(Row(c, "plan", "KR", Variable::kInvestmentPublicCumulative).share_better);
}

TEST_CASE("capability per extra USD bn divides by the spend difference and is n/a without extra spend") {
  Results base("base", {"KR", "JP"}, {"South Korea", "Japan"}, 2025, 2, 1);
  Results plan("plan", {"KR", "JP"}, {"South Korea", "Japan"}, 2025, 2, 1);
  const int y = 1;  // 2026
  base.At(Variable::kInvestmentPublicCumulative, y) << 4.0, 9.0;
  plan.At(Variable::kInvestmentPublicCumulative, y) << 10.0, 9.0;  // KR +6, JP +0
  base.At(Variable::kCapabilityGenerative, y) << 27.0, 27.5;
  plan.At(Variable::kCapabilityGenerative, y) << 27.3, 27.4;
  base.At(Variable::kCapabilityPhysical, y) << 20.0, 21.0;
  plan.At(Variable::kCapabilityPhysical, y) << 20.9, 21.0;
  const Comparison c = CompareResults({&base, &plan}, 2026, {});
  const SpendEfficiencyRow& kr = Efficiency(c, "plan", "KR");
  CHECK(kr.spend_difference == Approx(6.0));
  REQUIRE(kr.generative_per_usd_bn);
  CHECK(*kr.generative_per_usd_bn == Approx((27.3 - 27.0) / (10.0 - 4.0)));
  CHECK(*kr.physical_per_usd_bn == Approx((20.9 - 20.0) / (10.0 - 4.0)));
  const SpendEfficiencyRow& jp = Efficiency(c, "plan", "JP");
  CHECK(jp.spend_difference == 0.0);
  CHECK(jp.generative_difference == Approx(-0.1));
  CHECK_FALSE(jp.generative_per_usd_bn);
  CHECK_FALSE(jp.physical_per_usd_bn);
  // Spending less and achieving less (a delay) is no "capability per USD bn".
  const Comparison reverse = CompareResults({&plan, &base}, 2026, {});
  const SpendEfficiencyRow& less = Efficiency(reverse, "base", "KR");
  CHECK(less.spend_difference == Approx(-6.0));
  CHECK(less.generative_difference == Approx(-0.3));
  CHECK_FALSE(less.generative_per_usd_bn);
  CHECK_FALSE(less.physical_per_usd_bn);
  const std::string csv = FormatEfficiencyCsv(c);
  CHECK(csv.find("plan,base,JP,2026,0,") != std::string::npos);
  CHECK(csv.find(",n/a,") != std::string::npos);
  CHECK(csv.find("inf") == std::string::npos);
  CHECK(csv.find("nan") == std::string::npos);
}

TEST_CASE("several scenarios are each compared with the first") {
  Results base("base", {"KR"}, {"South Korea"}, 2025, 1, 1);
  Results a("a", {"KR"}, {"South Korea"}, 2025, 1, 1);
  Results b("b", {"KR"}, {"South Korea"}, 2025, 1, 1);
  base.At(Variable::kResearchers, 0)(0, 0) = 100;
  a.At(Variable::kResearchers, 0)(0, 0) = 150;
  b.At(Variable::kResearchers, 0)(0, 0) = 80;
  const Comparison c = CompareResults({&base, &a, &b}, 2025, {});
  CHECK(Row(c, "a", "KR", Variable::kResearchers).difference == 50);
  CHECK(*Row(c, "a", "KR", Variable::kResearchers).relative_percent == Approx(50.0));
  CHECK(Row(c, "b", "KR", Variable::kResearchers).difference == -20);
  CHECK(*Row(c, "b", "KR", Variable::kResearchers).relative_percent == Approx(-20.0));
  const std::string csv = FormatDifferencesCsv(c);
  CHECK(csv.rfind("scenario,base,region,variable,unit,year,base_value,value,difference,", 0) == 0);
  CHECK(csv.find("b,base,KR,Talent|Researchers,persons,2025,100,80,-20,-20,,,,,,,\n") != std::string::npos);
}

TEST_CASE("relative differences are paired draw by draw, so a stock never falls by more than 100%") {
  // Compute stocks in five draws: the plan loses everything in two of them.
  Results base("base", {"KR"}, {"South Korea"}, 2025, 1, 5);
  Results plan("plan", {"KR"}, {"South Korea"}, 2025, 1, 5);
  const double before[5] = {100, 200, 50, 400, 10};
  const double after[5] = {0, 100, 0, 0, 12};
  for (int i = 0; i < 5; ++i) {
    base.At(Variable::kComputeStock, 0)(0, i) = before[i];
    plan.At(Variable::kComputeStock, 0)(0, i) = after[i];
  }
  const Comparison c = CompareResults({&base, &plan}, 2025, {});
  const ComparisonRow& row = Row(c, "plan", "KR", Variable::kComputeStock);
  // Paired: -100, -50, -100, -100, +20 %; sorted -100 -100 -100 -50 20.
  REQUIRE(row.relative_p50);
  CHECK(*row.relative_p50 == Approx(-100));
  CHECK(*row.relative_p5 == Approx(-100));
  CHECK(*row.relative_p95 == Approx(-50 + 0.8 * 70));  // position 3.8: linear between -50 and 20
  // The p5 difference (-340) over the median base (100) would say -340 %.
  CHECK(100 * *row.p5_difference / row.base_value == Approx(-340));
}

TEST_CASE("the delay cost is the time shift of each paired draw, then its quantiles") {
  // Three draws of Korea's generative capability over 2025-2027; the plan
  // runs one year late in draws 0 and 1 and stalls in draw 2.
  Results base("base", {"KR"}, {"South Korea"}, 2025, 3, 3);
  Results late("late", {"KR"}, {"South Korea"}, 2025, 3, 3);
  const double on_time[3][3] = {{10, 11, 12}, {10, 12, 14}, {10, 11, 12}};
  const double delayed[3][3] = {{10, 10, 11}, {10, 10, 12}, {10, 10, 10}};
  for (int t = 0; t < 3; ++t) {
    for (int i = 0; i < 3; ++i) {
      base.At(Variable::kCapabilityGenerative, t)(0, i) = on_time[i][t];
      late.At(Variable::kCapabilityGenerative, t)(0, i) = delayed[i][t];
    }
  }
  const Comparison c = CompareResults({&base, &late}, 2027, {});
  // Years 2025-2027, two sectors.
  REQUIRE(c.time_shifts.size() == 6);
  const TimeShiftRow* row = nullptr;
  for (const TimeShiftRow& r : c.time_shifts) {
    if (r.variable == Variable::kCapabilityGenerative && r.year == 2026) row = &r;
  }
  REQUIRE(row);
  // 2026 levels 11, 12, 11: draws 0 and 1 get there in 2027 (one year
  // late); draw 2 never rises again.
  CHECK(row->base_value == 11.0);
  CHECK(row->shift == 1.0);
  CHECK(*row->share_later == Approx(1.0));
  CHECK(*row->p5_shift == 1.0);
  CHECK(std::isinf(*row->p95_shift));
  // The physical paths are all zero in both: no shift at all.
  for (const TimeShiftRow& r : c.time_shifts) {
    if (r.variable == Variable::kCapabilityPhysical) CHECK(r.shift == 0.0);
  }
  const std::string csv = FormatTimeShiftCsv(c);
  CHECK(csv.rfind("scenario,base,region,variable,year,base_value,time_shift_years,", 0) == 0);
  CHECK(csv.find("late,base,KR,Capability|Generative,2026,11,1,1,inf,1\n") != std::string::npos);
}

TEST_CASE("comparisons reject mismatched inputs") {
  Results base("base", {"KR"}, {"South Korea"}, 2025, 2, 1);
  Results mc("mc", {"KR"}, {"South Korea"}, 2025, 2, 10);
  Results other("other", {"JP"}, {"Japan"}, 2025, 2, 1);
  CHECK_THROWS_AS(CompareResults({&base}, 2025, {}), std::invalid_argument);
  CHECK_THROWS_AS(CompareResults({&base, &mc}, 2025, {}), std::invalid_argument);
  CHECK_THROWS_AS(CompareResults({&base, &other}, 2025, {}), std::invalid_argument);
  CHECK_THROWS_AS(CompareResults({&base, &base}, 2030, {}), std::invalid_argument);
}

}  // namespace sim
