// Running a sweep: samples computed in blocks on all cores, streamed to
// disk in sample order, resumable, shardable; indices at the end.
//
// Folder layout (OUT/): manifest.json (how it was made; "status" is
// "running", "interrupted" or "complete"; once complete, "files" gives the
// rows and FNV-1a 64 of each data file), samples.csv (sample,<paths>),
// outcomes.csv (sample,<outcome columns>), timeseries.csv when asked
// (sample,region,variable,year,value) and, for sobol and morris once all
// samples are in, sensitivity.csv. The CSV files are the record of progress:
// --resume keeps the rows that verify (cells, sample numbers in sequence,
// finite numbers), cuts the rest (a partial last line silently, other damage
// with a warning) and goes on from the first sample missing in any of them.
//
// RunSweep is the driver of its parts: plan.hpp (shard ranges, blocks, the
// study's definition and data files), resume.hpp (the folder before a run,
// --resume's cut), workers.hpp (threads computing blocks, written in order),
// writers.hpp (CSV text, appending, manifest, sensitivity.csv). Merging
// shards is merge.hpp.
#pragma once

#include <iosfwd>
#include <string>

#include "sim/sweep/merge.hpp"
#include "sim/sweep/study.hpp"

namespace sim {

struct SweepRunOptions {
  std::string out = "results/sweep";
  int jobs = 1;          // worker threads; outputs never depend on it
  int shard = 1;         // run the shard-th (1-based) of `shards` disjoint slices
  int shards = 1;
  bool resume = false;   // finish the sweep already in `out`
  bool progress = false; // progress line on stderr
  bool quiet = false;    // print no ranking
};

struct SweepReport {
  long long total = 0;        // samples of the whole sweep
  long long first = 0, end = 0;  // this shard's range [first, end)
  long long computed = 0;     // samples computed by this call (not resumed ones)
  double seconds = 0;
  bool interrupted = false;   // stopped by SIGINT/SIGTERM; --resume finishes it
};

// Runs (or resumes) `study`. Raises ScenarioError on bad input before
// creating any file, std::runtime_error on I/O failures. Prints the
// sensitivity ranking to `out` unless quiet.
SweepReport RunSweep(const Study& study, const SweepRunOptions& options, std::ostream& out);

}  // namespace sim
