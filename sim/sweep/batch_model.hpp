// The model run for a block of sweep samples at once, samples as columns:
// one BuildInputs for the whole sweep, then per block only the varied rows
// (global assumptions) or per-draw lever tables (region levers) are filled.
// A sample gives the same bits as `aisim run SCENARIO --set PATH=VALUE
// --draws 1` (tests/sweep/sweep_test.cpp checks this: "a sweep sample gives
// the same results as aisim run --set with its values";
// tests/sweep/batch_model_test.cpp checks which paths run batched).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/model/inputs.hpp"
#include "sim/model/model.hpp"
#include "sim/model/results.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/sweep/study.hpp"

namespace sim {

class SweepModel {
 public:
  // `scenario` is the loaded base scenario; every varied path is checked as
  // `--set PATH=LO` and `--set PATH=HI` would be (ScenarioError at the path's
  // location, with a did-you-mean for an unknown path). Paths that are global
  // assumptions or region levers (kLeverFields, sim/model/inputs.hpp) run
  // batched; any other path
  // (start_delay, allocations, starting stocks, ...) makes every sample run
  // on its own through ApplyOverride + BuildInputs: slower, same results.
  //
  // Time-shift outcomes need `variant`: the scenario every sample is also run
  // as (the study's --variant overrides on `scenario`), with the same varied
  // values; the outcome is how many years later the variant reaches the
  // sample's capability of the year (sim/output/time_shift.hpp).
  SweepModel(const Scenario& scenario, const std::vector<VariedPath>& varied,
             const std::vector<OutcomeSpec>& outcomes, const Scenario* variant = nullptr);

  // A worker's buffers for running blocks of samples: the block's inputs (the
  // base inputs with the samples' assumption rows and per-draw lever tables)
  // and the year loop's workspace. The first block sizes them; every later
  // block of the same width only refills the varied rows, so a warmed-up
  // block allocates nothing. Not shared between threads.
  class Block {
   private:
    friend class SweepModel;
    int width = 0;  // padded draws the buffers hold; 0 before the first block
    ModelInputs inputs;
    Workspace workspace;
    RegionDrawArray read;  // one variable read from the workspace, R x samples
    // For time shifts: the capability paths (path x year rows, samples as
    // columns) of the samples and of their variant, and the variant's buffers.
    Eigen::ArrayXXd paths, variant_paths;
    std::unique_ptr<Block> variant;
  };

  // Runs samples whose values are the columns of `values` (paths x count) in
  // `block`'s buffers. Writes outcome o of sample j to outcomes(o, j). When
  // `timeseries` is not null it is resized to count draws and receives every
  // variable and year.
  void Run(const Eigen::ArrayXXd& values, Block& block, Eigen::ArrayXXd& outcomes,
           std::unique_ptr<Results>* timeseries = nullptr) const;

  // Whether blocks run batched; when not, why (the first reason found), e.g.
  // "regions.KR.start_delay is not a global assumption or a batched region
  // lever". The runner prints it, so the slower path is never silent.
  // Both say so for the variant too, when it is what runs one at a time.
  bool batched() const { return batched_ && (!variant_ || variant_->batched()); }
  std::string unbatched_reason() const {
    if (batched_ && variant_ && !variant_->batched()) return "the variant: " + variant_->unbatched_reason();
    return unbatched_reason_;
  }
  const Scenario& scenario() const { return scenario_; }

 private:
  enum class Kind { kAssumption, kLever };
  struct Path {
    Kind kind = Kind::kAssumption;
    std::string name;        // assumption name, or lever name
    int region = -1;         // for levers
    Schedule Region::*lever = nullptr;
    RegionTable LeverTables::*table = nullptr;  // the lever table it sets
    // Year k of the lever's row is the sample's value where takes_value[k],
    // else fixed(k) (e.g. 0 before a delayed programme starts).
    std::vector<bool> takes_value;
    Eigen::ArrayXd fixed;
  };
  struct OutcomeIndex {
    Variable variable;
    int region, year, column;
  };
  // A time-shift outcome: its column, the capability path it compares
  // (rows path * years ... of Block::paths) and its year index.
  struct ShiftIndex {
    int column, path, year;
  };

  void FindLeverPattern(Path& path, double low, double high);
  void Unbatch(const std::string& reason);
  void FillBlockInputs(const Eigen::ArrayXXd& values, Block& block) const;
  void RunOne(const Eigen::ArrayXXd& values, int j, Block& block, Eigen::ArrayXXd& outcomes,
              Results* timeseries) const;
  void Simulate(const ModelInputs& inputs, int count, int first_column, Block& block,
                Eigen::ArrayXXd& outcomes, Results* timeseries) const;
  void AddTimeShifts(const Eigen::ArrayXXd& values, Block& block, Eigen::ArrayXXd& outcomes) const;

  Scenario scenario_;
  std::vector<std::string> paths_;
  std::vector<Path> kinds_;
  bool per_draw_levers_ = false;  // some region lever varies
  std::vector<OutcomeIndex> outcomes_;
  int outcome_count_ = 0;                // outcomes_ and shifts_ together
  std::vector<OutcomeIndex> path_reads_; // capability paths read into Block::paths
  std::vector<ShiftIndex> shifts_;
  std::shared_ptr<const SweepModel> variant_;  // reads the same paths into its outcomes
  ModelInputs base_;
  bool batched_ = true;
  std::string unbatched_reason_;
};

// `aisim run`'s --set text of a value: shortest round-trip, so parsing it
// gives the same double.
std::string SetText(const std::string& path, double value);

}  // namespace sim
