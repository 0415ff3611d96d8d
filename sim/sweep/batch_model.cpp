#include "sim/sweep/batch_model.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/model/data.hpp"
#include "sim/model/model.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/time_shift.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {

std::string SetText(const std::string& path, double value) {
  return path + "=" + FormatNumber(value);
}

SweepModel::SweepModel(const Scenario& scenario, const std::vector<VariedPath>& varied,
                       const std::vector<OutcomeSpec>& outcomes, const Scenario* variant)
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
    Path path;
    const std::string prefix = "assumptions.";
    DrawAssumptions probe = base_.assumptions;
    if (v.path.rfind(prefix, 0) == 0 && FindDrawAssumption(probe, v.path.substr(prefix.size()))) {
      path.name = v.path.substr(prefix.size());
    } else {
      path.kind = Kind::kLever;
      for (int r = 0; r < static_cast<int>(scenario_.regions.size()); ++r) {
        for (const LeverField& lever : kLeverFields) {
          if (v.path == "regions." + scenario_.regions[r].code + "." + lever.name) {
            path.region = r;
            path.lever = lever.schedule;
            path.table = lever.table;
            path.name = lever.name;
          }
        }
      }
      if (path.region < 0) {
        Unbatch(v.path + " is not a global assumption or a batched region lever");
      } else {
        FindLeverPattern(path, v.low, v.high);
        per_draw_levers_ = true;
      }
    }
    kinds_.push_back(path);
  }
  const int start = scenario_.start_year;
  const int years = scenario_.Years();
  // Time shifts compare whole capability paths: each (region, capability)
  // once, every year, in the samples and in their variant.
  std::vector<OutcomeSpec> paths;
  for (size_t o = 0; o < outcomes.size(); ++o) {
    const OutcomeSpec& spec = outcomes[o];
    if (!spec.time_shift) {
      outcomes_.push_back({spec.variable, scenario_.RegionIndex(spec.region), spec.year - start,
                           static_cast<int>(o)});
      continue;
    }
    int path = 0;
    while (path * years < static_cast<int>(paths.size()) &&
           !(paths[path * years].variable == spec.variable && paths[path * years].region == spec.region)) {
      ++path;
    }
    if (path * years == static_cast<int>(paths.size())) {
      for (int k = 0; k < years; ++k) {
        paths.push_back({spec.variable, spec.region, start + k, false});
        path_reads_.push_back({spec.variable, scenario_.RegionIndex(spec.region), k,
                               static_cast<int>(paths.size()) - 1});
      }
    }
    shifts_.push_back({static_cast<int>(o), path, spec.year - start});
  }
  outcome_count_ = static_cast<int>(outcomes.size());
  if (!shifts_.empty()) {
    if (!variant || variant->start_year != scenario_.start_year || variant->end_year != scenario_.end_year) {
      throw std::invalid_argument("time-shift outcomes need a variant over the same years");
    }
    variant_ = std::make_shared<const SweepModel>(*variant, varied, paths);
  }
  if (!batched_) return;
  // The batched inputs of the two ends must equal those `--set` builds, bit
  // for bit (units, start_delay shifts, schedules); otherwise run one by one.
  const int dims = static_cast<int>(varied.size());
  Eigen::ArrayXXd ends(dims, 2);
  for (int p = 0; p < dims; ++p) ends(p, 0) = varied[p].low, ends(p, 1) = varied[p].high;
  Block check;
  FillBlockInputs(ends, check);
  ModelInputs& batch = check.inputs;
  for (int j = 0; j < 2 && batched_; ++j) {
    Scenario single = scenario_;
    for (int p = 0; p < dims; ++p) ApplyOverride(single, SetText(paths_[p], ends(p, j)));
    ModelInputs one = BuildInputs(single, 1, single.seed);
    for (int p = 0; p < dims; ++p) {
      if (kinds_[p].kind != Kind::kAssumption) continue;
      const DrawRow* a = FindDrawAssumption(batch.assumptions, kinds_[p].name);
      const DrawRow* b = FindDrawAssumption(one.assumptions, kinds_[p].name);
      if ((*a)(j) != (*b)(0)) Unbatch(paths_[p] + ": batched inputs differ from --set's at an end of the range");
    }
    if (batch.draw_levers.active) {
      const int T = scenario_.Years(), width = batch.draw_levers.draws;
      for (const LeverField& lever : kLeverFields) {
        const RegionTable& mine = batch.draw_levers.levers.*lever.table;
        const RegionTable& theirs = one.levers.*lever.table;
        for (int k = 0; k < T; ++k) {
          if (!(mine.col(k * width + j) == theirs.col(k)).all()) {
            Unbatch(std::string(lever.name) + " lever tables differ from --set's at an end of the range");
          }
        }
      }
    }
  }
}

// FillRegionLevers reads a lever only through Schedule::At, and a constant
// schedule's At is its value in every year, so each year of a varied lever's
// row either is the sample's value or does not depend on it (the zeros before
// a delayed programme starts). Which of the two, is read once from the rows
// FillRegionLevers writes for both ends of the range; any other outcome runs
// the sweep unbatched.
void SweepModel::FindLeverPattern(Path& path, double low, double high) {
  const int T = base_.years;
  LeverTables at_low = base_.levers, at_high = base_.levers;
  Region region = scenario_.regions[path.region];
  region.*path.lever = Schedule::Constant(low);
  FillRegionLevers(scenario_, region, path.region, at_low);
  region.*path.lever = Schedule::Constant(high);
  FillRegionLevers(scenario_, region, path.region, at_high);
  path.takes_value.assign(T, false);
  path.fixed = Eigen::ArrayXd::Zero(T);
  for (int k = 0; k < T; ++k) {
    const double a = (at_low.*path.table)(path.region, k), b = (at_high.*path.table)(path.region, k);
    if (a == low && b == high) {
      path.takes_value[k] = true;
    } else if (a == b) {
      path.fixed(k) = a;
    } else {
      Unbatch(paths_.back() + ": year " + std::to_string(scenario_.start_year + k) +
              " of the lever depends on the value other than as the value itself");
    }
  }
}

void SweepModel::Unbatch(const std::string& reason) {
  if (batched_) unbatched_reason_ = reason;  // the first reason found
  batched_ = false;
}

void SweepModel::FillBlockInputs(const Eigen::ArrayXXd& values, Block& block) const {
  const int count = static_cast<int>(values.cols());
  const int dims = static_cast<int>(values.rows());
  const int width = PaddedDraws(count);
  const int R = base_.regions, T = base_.years;
  ModelInputs& inputs = block.inputs;
  DrawLeverTables& d = inputs.draw_levers;
  if (block.width != width) {  // the first block, or a narrower last one: size the buffers
    block.width = width;
    inputs = base_;
    inputs.draws = width;
    inputs.assumptions = SliceDrawsPadded(base_.assumptions, 0, 1, width);
    block.workspace.Resize(inputs, width);
    if (per_draw_levers_) {
      // Every region's levers as in the base scenario, for every draw; the
      // blocks then rewrite the rows of the levers they vary.
      d.active = true;
      d.draws = width;
      for (const LeverField& lever : kLeverFields) {
        RegionTable& table = d.levers.*lever.table;
        table.resize(R, static_cast<Eigen::Index>(T) * width);
        for (int k = 0; k < T; ++k) {
          table.middleCols(static_cast<Eigen::Index>(k) * width, width).colwise() =
              (base_.levers.*lever.table).col(k);
        }
      }
    }
  }
  // Padding columns are copies of the last sample (see PaddedDraws).
  for (int p = 0; p < dims; ++p) {
    const Path& path = kinds_[p];
    if (path.kind == Kind::kAssumption) {
      DrawRow& row = *FindDrawAssumption(inputs.assumptions, path.name);
      row.head(count) = values.row(p);
      row.tail(width - count).setConstant(values(p, count - 1));
      continue;
    }
    RegionTable& table = d.levers.*path.table;
    for (int k = 0; k < T; ++k) {
      const Eigen::Index first = static_cast<Eigen::Index>(k) * width;  // year k's columns
      if (path.takes_value[k]) {
        table.row(path.region).segment(first, count) = values.row(p);
        table.row(path.region).segment(first + count, width - count).setConstant(values(p, count - 1));
      } else {
        table.row(path.region).segment(first, width).setConstant(path.fixed(k));
      }
    }
  }
  // A varied service life may need more robot cohorts than the buffers hold.
  if (RobotCohortYears(inputs.assumptions) > block.workspace.state.robot_cohort_years) {
    block.workspace.Resize(inputs, width);
  }
}

void SweepModel::Simulate(const ModelInputs& inputs, int count, int first_column, Block& block,
                          Eigen::ArrayXXd& outcomes, Results* timeseries) const {
  Workspace& w = block.workspace;
  RegionDrawArray& values = block.read;
  values.resize(inputs.regions, count);
  RunYearLoop(inputs, inputs.assumptions, w, [&](const YearLoop& loop, int year) {
    if (timeseries) {
      for (int v = 0; v < kVariableCount; ++v) {
        const Variable variable = static_cast<Variable>(v);
        loop.read(inputs, inputs.assumptions, variable, year, count, w,
                  timeseries->At(variable, year).middleCols(first_column, count));
      }
    }
    // Outcomes are grouped by variable when listed so; read each variable once per year.
    Variable last = Variable::kCount;
    for (const OutcomeIndex& o : outcomes_) {
      if (o.year != year) continue;
      if (o.variable != last) {
        loop.read(inputs, inputs.assumptions, o.variable, year, count, w, values);
        last = o.variable;
      }
      outcomes.row(o.column).segment(first_column, count) = values.row(o.region);
    }
    for (const OutcomeIndex& o : path_reads_) {
      if (o.year != year) continue;
      loop.read(inputs, inputs.assumptions, o.variable, year, count, w, values);
      block.paths.row(o.column).segment(first_column, count) = values.row(o.region);
    }
  });
}

void SweepModel::RunOne(const Eigen::ArrayXXd& values, int j, Block& block, Eigen::ArrayXXd& outcomes,
                        Results* timeseries) const {
  Scenario single = scenario_;
  for (size_t p = 0; p < paths_.size(); ++p) ApplyOverride(single, SetText(paths_[p], values(p, j)));
  ModelInputs inputs = BuildInputs(single, 1, single.seed);
  inputs.assumptions = SliceDrawsPadded(inputs.assumptions, 0, 1, PaddedDraws(1));
  block.workspace.Resize(inputs, PaddedDraws(1));
  Simulate(inputs, 1, j, block, outcomes, timeseries);
}

void SweepModel::Run(const Eigen::ArrayXXd& values, Block& block, Eigen::ArrayXXd& outcomes,
                     std::unique_ptr<Results>* timeseries) const {
  const int count = static_cast<int>(values.cols());
  outcomes.resize(outcome_count_, count);
  block.paths.resize(static_cast<Eigen::Index>(path_reads_.size()), count);
  if (timeseries) {
    std::vector<std::string> codes, names;
    for (const Region& region : scenario_.regions) codes.push_back(region.code), names.push_back(region.name);
    *timeseries = std::make_unique<Results>(scenario_.name, codes, names, scenario_.start_year,
                                            scenario_.Years(), count);
  }
  Results* full = timeseries ? timeseries->get() : nullptr;
  if (!batched_) {
    for (int j = 0; j < count; ++j) RunOne(values, j, block, outcomes, full);
  } else {
    FillBlockInputs(values, block);
    Simulate(block.inputs, count, 0, block, outcomes, full);
  }
  if (variant_) AddTimeShifts(values, block, outcomes);
}

void SweepModel::AddTimeShifts(const Eigen::ArrayXXd& values, Block& block,
                               Eigen::ArrayXXd& outcomes) const {
  if (!block.variant) block.variant = std::make_unique<Block>();
  variant_->Run(values, *block.variant, block.variant_paths);
  const int years = scenario_.Years(), start = scenario_.start_year;
  std::vector<double> sample(static_cast<size_t>(years)), late(sample.size());
  for (const ShiftIndex& shift : shifts_) {
    for (Eigen::Index j = 0; j < values.cols(); ++j) {
      for (int k = 0; k < years; ++k) {
        sample[static_cast<size_t>(k)] = block.paths(shift.path * years + k, j);
        late[static_cast<size_t>(k)] = block.variant_paths(shift.path * years + k, j);
      }
      outcomes(shift.column, j) = TimeShift(sample, start, late, start, start + shift.year);
    }
  }
}

}  // namespace sim
