#include "sim/sweep/batch_model.hpp"

#include <algorithm>

#include "sim/model/model.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

struct LeverName {
  const char* name;
  Schedule Region::*member;
};
const LeverName kBatchedLevers[] = {
    {"public_budget", &Region::public_budget},   {"physical_focus", &Region::physical_focus},
    {"gpu_deliveries", &Region::gpu_deliveries}, {"chip_access", &Region::chip_access},
    {"power_growth", &Region::power_growth},
};

// Every table the year loop reads per draw, for comparisons and copies.
std::vector<Eigen::ArrayXXd*> Tables(LeverTables& l, PublicMoneyTables& m) {
  return {&l.public_budget, &l.physical_focus, &l.gpu_deliveries, &l.chip_access, &l.power_growth,
          &m.compute_generative, &m.compute_physical, &m.talent, &m.power, &m.data_generative,
          &m.data_physical, &m.adoption_generative, &m.adoption_physical,
          &m.deliveries_generative, &m.deliveries_physical};
}

}  // namespace

std::string SetText(const std::string& path, double value) {
  return path + "=" + FormatNumber(value);
}

SweepModel::SweepModel(const Scenario& scenario, const std::vector<VariedPath>& varied,
                       const std::vector<OutcomeSpec>& outcomes)
    : scenario_(scenario) {
  scenario_.draws = 1;
  base_ = BuildInputs(scenario_, 1, scenario_.seed);
  for (const VariedPath& v : varied) {
    paths_.push_back(v.path);
    // Both ends of the range must be values `--set` accepts; every value in
    // between then is too (every limit is an interval).
    for (double value : {v.low, v.high}) {
      Scenario check = scenario_;
      try {
        ApplyOverride(check, SetText(v.path, value));
      } catch (const ScenarioError& error) {
        SourceLocation at = v.at;
        if (at.file == "--vary") at.column = error.where().column;
        throw ScenarioError(at, "varying " + v.path + ": " + error.message(), error.hint());
      }
    }
    Path path{Kind::kAssumption, "", -1, nullptr};
    const std::string prefix = "assumptions.";
    DrawAssumptions probe = base_.assumptions;
    if (v.path.rfind(prefix, 0) == 0 && FindDrawAssumption(probe, v.path.substr(prefix.size()))) {
      path.name = v.path.substr(prefix.size());
    } else {
      path.kind = Kind::kLever;
      for (int r = 0; r < static_cast<int>(scenario_.regions.size()); ++r) {
        for (const LeverName& lever : kBatchedLevers) {
          if (v.path == "regions." + scenario_.regions[r].code + "." + lever.name) {
            path.region = r;
            path.lever = lever.member;
            path.name = lever.name;
          }
        }
      }
      if (path.region < 0) batched_ = false;
    }
    kinds_.push_back(path);
  }
  const int start = scenario_.start_year;
  for (size_t o = 0; o < outcomes.size(); ++o) {
    outcomes_.push_back({outcomes[o].variable, scenario_.RegionIndex(outcomes[o].region),
                         outcomes[o].year - start, static_cast<int>(o)});
  }
  if (!batched_) return;
  // The batched inputs of the two ends must equal those `--set` builds, bit
  // for bit (units, start_delay shifts, schedules); otherwise run one by one.
  const int dims = static_cast<int>(varied.size());
  Eigen::ArrayXXd ends(dims, 2);
  for (int p = 0; p < dims; ++p) ends(p, 0) = varied[p].low, ends(p, 1) = varied[p].high;
  ModelInputs batch = BlockInputs(ends, PaddedDraws(2));
  for (int j = 0; j < 2 && batched_; ++j) {
    Scenario single = scenario_;
    for (int p = 0; p < dims; ++p) ApplyOverride(single, SetText(paths_[p], ends(p, j)));
    ModelInputs one = BuildInputs(single, 1, single.seed);
    for (int p = 0; p < dims; ++p) {
      if (kinds_[p].kind != Kind::kAssumption) continue;
      const DrawRow* a = FindDrawAssumption(batch.assumptions, kinds_[p].name);
      const DrawRow* b = FindDrawAssumption(one.assumptions, kinds_[p].name);
      if ((*a)(j) != (*b)(0)) batched_ = false;
    }
    if (batch.draw_levers.active) {
      const int T = scenario_.Years(), width = batch.draw_levers.draws;
      std::vector<Eigen::ArrayXXd*> mine = Tables(batch.draw_levers.levers, batch.draw_levers.public_money);
      std::vector<Eigen::ArrayXXd*> theirs = Tables(one.levers, one.public_money);
      for (size_t t = 0; t < mine.size(); ++t) {
        for (int k = 0; k < T; ++k) {
          if (!((*mine[t]).col(k * width + j) == (*theirs[t]).col(k)).all()) batched_ = false;
        }
      }
    }
  }
}

ModelInputs SweepModel::BlockInputs(const Eigen::ArrayXXd& values, int padded) const {
  const int count = static_cast<int>(values.cols());
  const int dims = static_cast<int>(values.rows());
  const int R = base_.regions, T = base_.years;
  ModelInputs inputs = base_;
  inputs.draws = padded;
  inputs.assumptions = SliceDrawsPadded(base_.assumptions, 0, 1, padded);
  bool any_lever = false;
  for (int p = 0; p < dims; ++p) {
    if (kinds_[p].kind == Kind::kAssumption) {
      DrawRow& row = *FindDrawAssumption(inputs.assumptions, kinds_[p].name);
      row.head(count) = values.row(p);
      row.tail(padded - count).setConstant(values(p, count - 1));  // padding: copies of the last sample
    } else {
      any_lever = true;
    }
  }
  if (!any_lever) return inputs;

  DrawLeverTables& d = inputs.draw_levers;
  d.active = true;
  d.draws = padded;
  d.levers = base_.levers;
  LeverTables base_levers = base_.levers;
  std::vector<Eigen::ArrayXXd*> wide = Tables(d.levers, d.public_money);
  std::vector<Eigen::ArrayXXd*> narrow = Tables(base_levers, inputs.public_money);
  for (int t = 0; t < 5; ++t) {
    Eigen::ArrayXXd& table = *wide[t];
    table.resize(R, static_cast<Eigen::Index>(T) * padded);
    for (int k = 0; k < T; ++k) table.middleCols(static_cast<Eigen::Index>(k) * padded, padded).colwise() = narrow[t]->col(k);
  }
  // Each varied region's levers come from the same FillRegionLevers as
  // BuildInputs, with the varied schedule set to the sample's constant.
  std::vector<int> regions;
  for (const Path& path : kinds_) {
    if (path.kind == Kind::kLever && std::find(regions.begin(), regions.end(), path.region) == regions.end()) {
      regions.push_back(path.region);
    }
  }
  LeverTables one = base_.levers;
  for (int j = 0; j < padded; ++j) {
    const int sample = std::min(j, count - 1);
    for (int r : regions) {
      Region region = scenario_.regions[r];
      for (int p = 0; p < dims; ++p) {
        if (kinds_[p].kind == Kind::kLever && kinds_[p].region == r) {
          region.*(kinds_[p].lever) = Schedule::Constant(values(p, sample));
        }
      }
      FillRegionLevers(scenario_, region, r, one);
      std::vector<Eigen::ArrayXXd*> single = Tables(one, inputs.public_money);
      for (int t = 0; t < 5; ++t) {
        for (int k = 0; k < T; ++k) (*wide[t])(r, static_cast<Eigen::Index>(k) * padded + j) = (*single[t])(r, k);
      }
    }
  }
  d.public_money = BuildPublicMoneyTables(d.levers, base_.region);
  return inputs;
}

void SweepModel::Simulate(const ModelInputs& inputs, int count, int first_column,
                          Eigen::ArrayXXd& outcomes, Results* timeseries) const {
  const int padded = static_cast<int>(inputs.assumptions.utilization.size());
  Workspace w;
  w.Resize(inputs.regions, padded);
  InitialiseState(inputs, inputs.assumptions, w.state);
  RegionDrawArray values(inputs.regions, count);
  for (int year = 0; year < inputs.years; ++year) {
    ComputeYear(inputs, inputs.assumptions, year, w);
    if (timeseries) {
      for (int v = 0; v < kVariableCount; ++v) {
        const Variable variable = static_cast<Variable>(v);
        ReadVariable(w, inputs.assumptions, variable, year, count,
                     timeseries->At(variable, year).middleCols(first_column, count));
      }
    }
    // Outcomes are grouped by variable when listed so; read each variable once per year.
    Variable last = Variable::kCount;
    for (const OutcomeIndex& o : outcomes_) {
      if (o.year != year) continue;
      if (o.variable != last) {
        ReadVariable(w, inputs.assumptions, o.variable, year, count, values);
        last = o.variable;
      }
      outcomes.row(o.column).segment(first_column, count) = values.row(o.region);
    }
    AdvanceYear(inputs, inputs.assumptions, year, w);
  }
}

void SweepModel::RunOne(const Eigen::ArrayXXd& values, int j, Eigen::ArrayXXd& outcomes,
                        Results* timeseries) const {
  Scenario single = scenario_;
  for (size_t p = 0; p < paths_.size(); ++p) ApplyOverride(single, SetText(paths_[p], values(p, j)));
  ModelInputs inputs = BuildInputs(single, 1, single.seed);
  inputs.assumptions = SliceDrawsPadded(inputs.assumptions, 0, 1, PaddedDraws(1));
  Simulate(inputs, 1, j, outcomes, timeseries);
}

void SweepModel::Run(const Eigen::ArrayXXd& values, Eigen::ArrayXXd& outcomes,
                     std::unique_ptr<Results>* timeseries) const {
  const int count = static_cast<int>(values.cols());
  outcomes.resize(static_cast<Eigen::Index>(outcomes_.size()), count);
  if (timeseries) {
    std::vector<std::string> codes, names;
    for (const Region& region : scenario_.regions) codes.push_back(region.code), names.push_back(region.name);
    *timeseries = std::make_unique<Results>(scenario_.name, codes, names, scenario_.start_year,
                                            scenario_.Years(), count);
  }
  Results* full = timeseries ? timeseries->get() : nullptr;
  if (!batched_) {
    for (int j = 0; j < count; ++j) RunOne(values, j, outcomes, full);
    return;
  }
  const ModelInputs inputs = BlockInputs(values, PaddedDraws(count));
  Simulate(inputs, count, 0, outcomes, full);
}

}  // namespace sim
