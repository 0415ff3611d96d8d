// Writing a sweep folder: the CSV lines of a block, the folder created whole
// with its headers and manifest, the data files appended in sample order with
// their running checksums, and sensitivity.csv once all samples are in.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "sim/eigen_types.hpp"
#include "sim/model/results.hpp"
#include "sim/sweep/plan.hpp"
#include "sim/sweep/workers.hpp"

namespace sim {

// The CSV lines of samples first, first + 1, ... (the columns of `values`,
// paths x samples, and of `outcomes`, outcomes x samples): numbers as
// FormatNumber writes them. `timeseries`, when not null, holds the same
// samples as draws and fills the chunk's timeseries lines.
SweepChunk FormatChunk(long long first, const Eigen::ArrayXXd& values, const Eigen::ArrayXXd& outcomes,
                       const Results* timeseries);

// Creates `folder` holding each data file's header and manifest.json
// (`manifest_text`), whole or not at all: a sweep killed while creating it
// leaves only a staging folder, which the next start removes. Returns the
// FNV-1a 64 of each file as written (its header), in `files` order.
std::vector<std::uint64_t> CreateSweepFolder(const std::filesystem::path& folder, const std::vector<DataFile>& files,
                                             const std::string& manifest_text);

// Appends blocks to the data files of a sweep folder and keeps the FNV-1a 64
// of each whole file up to date.
class DataFileAppender {
 public:
  // Opens `files` in `folder` for appending; `hashes` are their checksums so
  // far (one per file). Throws std::runtime_error when one cannot be opened.
  DataFileAppender(const std::filesystem::path& folder, const std::vector<DataFile>& files,
                   std::vector<std::uint64_t> hashes);

  // Appends the chunk's lines to samples.csv, outcomes.csv and (when listed)
  // timeseries.csv, and flushes them. False when a write or flush failed.
  bool Append(const SweepChunk& chunk);

  // The checksum of each file as appended so far.
  const std::vector<std::uint64_t>& hashes() const { return hashes_; }

  // Closes the files and fsyncs them, so that a manifest written after it
  // ("complete", with their checksums) never describes rows a power cut
  // could take back. Throws std::runtime_error when a file cannot be synced.
  void Close();

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::vector<std::filesystem::path> paths_;
  std::vector<std::unique_ptr<std::FILE, Closer>> files_;
  std::vector<std::uint64_t> hashes_;
};

// Reads outcomes.csv of the complete sobol or morris sweep in `folder`
// (described by `manifest`) and writes sensitivity.csv beside it; prints the
// ranking to `out` unless `quiet`, naming `shown_folder` (the merged folder,
// not its staging folder). Other methods: nothing. Columns are read in passes
// so that memory stays near 8 bytes x rows x (columns per pass), at most
// ~64 MB, whatever the number of outcomes. A cell that is not a number is a
// ScenarioError at file:line:col.
// Numeric columns of the sweep file `file` (samples.csv or outcomes.csv) in
// `folder`, counted after its leading "sample" column, `rows` rows each, in
// one read: those listed in `columns`, or [c0, c1). A cell that is not a
// number is a ScenarioError at file:line:col.
std::vector<Eigen::ArrayXd> ReadSweepColumns(const std::filesystem::path& folder, const std::string& file,
                                             long long rows, const std::vector<size_t>& columns);
std::vector<Eigen::ArrayXd> ReadSweepColumns(const std::filesystem::path& folder, const std::string& file,
                                             long long rows, size_t c0, size_t c1);

void WriteSensitivity(const std::filesystem::path& folder, const nlohmann::json& manifest, bool quiet,
                      std::ostream& out, const std::filesystem::path& shown_folder);

// What a sweep answered, for the terminal: the min, median and max of each
// of the first 12 `columns` of outcomes.csv in `folder` over its `rows`
// samples, one line each ("" for no rows or columns).
std::string OutcomeRanges(const std::filesystem::path& folder, const std::vector<std::string>& columns,
                          long long rows);

}  // namespace sim
