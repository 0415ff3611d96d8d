#include "sim/model/inputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <utility>

#include "sim/hash.hpp"
#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

// Every global assumption: its name (the YAML key and random-stream key),
// where the scenario holds it, and where the per-draw values go.
struct AssumptionField {
  const char* name;
  Assumption Assumptions::*nominal;
  DrawRow DrawAssumptions::*draws;
};

const AssumptionField kAssumptionFields[] = {
#define AISIM_ASSUMPTION(name, unit, range, doc) {#name, &Assumptions::name, &DrawAssumptions::name},
#include "sim/scenario/assumptions.def"
};

// FNV-1a: a stable 64-bit hash of an assumption's name, so that its random
// stream depends on the name and the seed only.
std::uint64_t HashName(const std::string& name) { return Fnv1a64(name.data(), name.size()); }

// Fills `out` (1 x draws) with the assumption's nominal value, or with draws
// from its distribution. u = (k + 0.5) / 2^53 for a 53-bit integer k lies
// strictly inside (0, 1), so every quantile is finite.
void SampleAssumption(const std::string& name, const Assumption& assumption, int draws,
                      unsigned long long seed, DrawRow& out) {
  out.setConstant(draws, assumption.value);
  if (draws == 1 || assumption.distribution.kind == Distribution::Kind::kNone) return;
  const std::uint64_t name_hash = HashName(name);
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(name_hash),
                         static_cast<std::uint32_t>(name_hash >> 32)};
  std::mt19937_64 generator(sequence);
  for (int draw = 0; draw < draws; ++draw) {
    const double u = (static_cast<double>(generator() >> 11) + 0.5) * 0x1.0p-53;
    out(draw) = assumption.distribution.Quantile(u);
  }
}

}  // namespace

// The lever tables: each schedule evaluated at every year, by its timing.
void FillRegionLevers(const Scenario& scenario, const Region& region, int r, LeverTables& levers) {
  for (const LeverField& lever : kLeverFields) {
    const Schedule& schedule = region.*lever.schedule;
    RegionTable& table = levers.*lever.table;
    for (int k = 0; k < scenario.Years(); ++k) {
      const double year = scenario.start_year + k;
      const double programme_year = year - region.start_delay;
      const bool programme_started = programme_year >= scenario.start_year;
      switch (lever.timing) {
        case LeverTiming::kProgramme:
          table(r, k) = programme_started ? schedule.At(programme_year) : 0.0;
          break;
        case LeverTiming::kProgrammeFocus:
          table(r, k) = schedule.At(programme_started ? programme_year : scenario.start_year);
          break;
        case LeverTiming::kCalendar:
          table(r, k) = schedule.At(year);
          break;
      }
    }
  }
}

LeverTables BuildLeverTables(const Scenario& scenario) {
  LeverTables levers;
  for (const LeverField& lever : kLeverFields) {
    (levers.*lever.table).setZero(static_cast<Eigen::Index>(scenario.regions.size()), scenario.Years());
  }
  for (int r = 0; r < static_cast<int>(scenario.regions.size()); ++r) {
    FillRegionLevers(scenario, scenario.regions[r], r, levers);
  }
  return levers;
}

namespace {

TrendTables BuildTrendTables(const Scenario& scenario) {
  const int regions = static_cast<int>(scenario.regions.size());
  const int years = scenario.Years();
  TrendTables trends;
  trends.private_growth_factor.resize(regions, years);
  trends.robot_installations.resize(regions, years);
  trends.robot_installation_growth_years.resize(regions, years);
  trends.robot_installations_before.resize(regions, kMaxRobotServiceLife);
  trends.manufacturing_employment.resize(regions, years + 1);
  trends.physical_demand_share.resize(regions, years);
  for (int r = 0; r < regions; ++r) {
    const Region& region = scenario.regions[r];
    // A single number is the start year's value.
    const int last_given = region.robot_installations.IsConstant() ? scenario.start_year
                                                                    : region.robot_installations.points.rbegin()->first;
    const int growth_from = std::max(last_given, scenario.start_year - 1);
    for (int k = 0; k < years; ++k) {
      const double year = scenario.start_year + k;
      trends.private_growth_factor(r, k) = 1.0 + region.private_growth.At(year);
      trends.robot_installations(r, k) = region.robot_installations.At(year);
      trends.robot_installation_growth_years(r, k) = std::max(0, scenario.start_year + k - growth_from);
    }
    for (int a = 1; a <= kMaxRobotServiceLife; ++a) {
      trends.robot_installations_before(r, a - 1) = region.robot_installations.At(scenario.start_year - a);
    }
    for (int k = 0; k <= years; ++k) {
      trends.manufacturing_employment(r, k) = region.manufacturing_employment.At(scenario.start_year + k - 1);
    }
    for (int k = 0; k < years; ++k) {
      trends.physical_demand_share(r, k) = region.manufacturing_value_added.At(scenario.start_year + k);
    }
  }
  for (int k = 0; k < years; ++k) {
    const double world = trends.physical_demand_share.col(k).sum();
    if (world > 0) trends.physical_demand_share.col(k) /= world;
  }
  return trends;
}

RegionConstants BuildRegionConstants(const Scenario& scenario) {
  const int regions = static_cast<int>(scenario.regions.size());
  RegionConstants c;
  std::pair<RegionColumn*, double Region::*> scalars[] = {
      {&c.private_investment, &Region::private_investment},
      {&c.compute_stock, &Region::compute_stock},
      {&c.compute_physical_share, &Region::compute_physical_share},
      {&c.power_capacity, &Region::power_capacity},
      {&c.researchers, &Region::researchers},
      {&c.robots, &Region::robots},
      {&c.generative_data, &Region::generative_data},
      {&c.algorithmic_efficiency, &Region::algorithmic_efficiency},
      {&c.home_advantage, &Region::home_advantage},
      {&c.market_access, &Region::market_access},
  };
  std::pair<RegionColumn*, double Allocation::*> shares[] = {
      {&c.public_compute, &Allocation::compute},   {&c.public_talent, &Allocation::talent},
      {&c.public_data, &Allocation::data},         {&c.public_adoption, &Allocation::adoption},
      {&c.public_power, &Allocation::power},       {&c.private_compute, &Allocation::compute},
      {&c.private_talent, &Allocation::talent},    {&c.private_data, &Allocation::data},
      {&c.private_adoption, &Allocation::adoption}, {&c.private_power, &Allocation::power},
  };
  for (auto& [column, member] : scalars) column->resize(regions);
  for (auto& [column, member] : shares) column->resize(regions);
  for (int r = 0; r < regions; ++r) {
    const Region& region = scenario.regions[r];
    for (auto& [column, member] : scalars) (*column)(r) = region.*member;
    for (int i = 0; i < 10; ++i) {
      const Allocation& allocation = i < 5 ? region.public_allocation : region.private_allocation;
      (*shares[i].first)(r) = allocation.*shares[i].second;
    }
  }
  c.market_access_offset = (c.market_access > 0.0)
                               .select(RegionColumn::Zero(regions),
                                       -std::numeric_limits<double>::infinity());
  c.log10_generative_data = c.generative_data.max(1e-12);
  Log10InPlace(c.log10_generative_data);
  return c;
}

AllianceMatrices BuildAllianceMatrices(const Scenario& scenario) {
  const int regions = static_cast<int>(scenario.regions.size());
  AllianceMatrices m;
  m.compute.setZero(regions, regions);
  m.data.setZero(regions, regions);
  m.talent.setZero(regions, regions);
  for (const Alliance& alliance : scenario.alliances) {
    for (const std::string& a : alliance.members) {
      for (const std::string& b : alliance.members) {
        const int i = scenario.RegionIndex(a), j = scenario.RegionIndex(b);
        if (i == j) continue;
        // Overlapping alliances do not add up: a pair shares at the most
        // generous of the terms it has agreed.
        m.compute(i, j) = std::max(m.compute(i, j), alliance.compute_share);
        m.data(i, j) = std::max(m.data(i, j), alliance.data_share);
        m.talent(i, j) = std::max(m.talent(i, j), alliance.talent_share);
      }
    }
  }
  m.talent_affinity = RegionMatrix::Identity(regions, regions) + m.talent;
  m.talent_affinity_transposed = m.talent_affinity.transpose();
  return m;
}

HostingTables BuildHostingTables(const Scenario& scenario) {
  const int regions = static_cast<int>(scenario.regions.size());
  HostingTables hosting;
  hosting.user.assign(regions, -1);
  hosting.share = RegionTable::Zero(regions, scenario.Years());
  for (int r = 0; r < regions; ++r) {
    const Region& region = scenario.regions[r];
    if (region.hosted_for.empty()) continue;
    hosting.user[r] = scenario.RegionIndex(region.hosted_for);
    hosting.any = true;
    for (int k = 0; k < scenario.Years(); ++k) {
      hosting.share(r, k) = region.hosted_share.At(scenario.start_year + k);
    }
  }
  return hosting;
}

}  // namespace

DrawRow* FindDrawAssumption(DrawAssumptions& assumptions, const std::string& name) {
  for (const AssumptionField& field : kAssumptionFields) {
    if (name == field.name) return &(assumptions.*field.draws);
  }
  return nullptr;
}

DrawAssumptions SliceDrawsPadded(const DrawAssumptions& all, int first, int count, int columns) {
  DrawAssumptions slice;
  for (const AssumptionField& field : kAssumptionFields) {
    DrawRow& row = slice.*field.draws;
    row.resize(columns);
    row.head(count) = (all.*field.draws).segment(first, count);
    row.tail(columns - count).setConstant(row(count - 1));
  }
  return slice;
}

ModelInputs BuildInputs(const Scenario& scenario, int draws, unsigned long long seed) {
  ModelInputs inputs;
  inputs.regions = static_cast<int>(scenario.regions.size());
  inputs.draws = draws;
  inputs.years = scenario.Years();
  inputs.start_year = scenario.start_year;
  inputs.levers = BuildLeverTables(scenario);
  inputs.region = BuildRegionConstants(scenario);
  inputs.alliances = BuildAllianceMatrices(scenario);
  inputs.hosting = BuildHostingTables(scenario);
  inputs.domestic_chips.supply.resize(inputs.regions, inputs.years);
  inputs.domestic_chips.value.resize(inputs.regions);
  for (int r = 0; r < inputs.regions; ++r) {
    const Region& region = scenario.regions[r];
    inputs.domestic_chips.value(r) = region.domestic_chip_value;
    for (int k = 0; k < inputs.years; ++k) {
      inputs.domestic_chips.supply(r, k) = region.domestic_chip_supply.At(scenario.start_year + k);
    }
  }
  for (const Region& region : scenario.regions) {
    inputs.power_delay.push_back(region.power_delay);
    inputs.power_pending_years = std::max(inputs.power_pending_years, region.power_delay + 1);
  }
  inputs.trends = BuildTrendTables(scenario);

  const Assumptions& a = scenario.assumptions;
  for (const AssumptionField& field : kAssumptionFields) {
    SampleAssumption(field.name, a.*field.nominal, draws, seed, inputs.assumptions.*field.draws);
  }

  const int first_recorded = a.frontier_run_history.points.begin()->first;
  inputs.history_years = scenario.start_year - first_recorded;
  inputs.frontier_history_log10.resize(inputs.history_years);
  for (int i = 0; i < inputs.history_years; ++i) {
    inputs.frontier_history_log10(i) = std::log10(a.frontier_run_history.At(first_recorded + i));
  }

  inputs.market_size_generative.resize(inputs.years);
  inputs.market_size_physical.resize(inputs.years);
  for (int k = 0; k < inputs.years; ++k) {
    inputs.market_size_generative(k) = a.market_size_generative.At(scenario.start_year + k);
    inputs.market_size_physical(k) = a.market_size_physical.At(scenario.start_year + k);
  }
  return inputs;
}

}  // namespace sim
