// The data files of a sweep folder (samples.csv, outcomes.csv,
// timeseries.csv): what each line must hold, and a scan that verifies a file
// line by line and hashes what it verified. Resume and merge keep or copy
// only what this scan accepted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "sim/error.hpp"
#include "sim/hash.hpp"

namespace sim {

// What every line of one data file must hold.
struct DataFileSpec {
  std::string header;              // the first line, without its '\n'
  long long first_sample = 0;      // sample number of the first data line
  long long lines_per_sample = 1;  // timeseries.csv: regions x variables x years
  int cells = 0;                   // cells per line
  int first_number = 1;            // cells [first_number, cells) are finite numbers
};

// What a scan found. Bytes [0, bytes) are verified: the header and `lines`
// whole data lines.
struct DataFileScan {
  bool header_ok = false;          // the file opened and its first line is the header
  long long lines = 0;             // data lines verified (header excluded)
  std::uint64_t bytes = 0;
  std::uint64_t hash = kFnv1a64Start;  // FNV-1a 64 of bytes [0, bytes)
  // The first problem, if any: where (file:line:column) and what. Empty
  // `problem`: the file ended, or `max_lines` were verified and nothing follows.
  SourceLocation at;
  std::string problem;
  bool partial_last_line = false;  // the problem is only an unterminated last line (a kill mid-write)
};

// Reads `path` from the start and verifies its header, then data lines until
// `max_lines` are verified, the file ends or a line is wrong: wrong number of
// cells, a sample number out of sequence, a cell that is not a finite number,
// a line longer than 64 MiB, data after `max_lines`. `copy`, when given,
// receives each verified data line (with its '\n') in order. Never throws for
// what the file holds; a file that cannot be read is reported as a problem.
DataFileScan ScanDataFile(const std::filesystem::path& path, const DataFileSpec& spec, long long max_lines,
                          const std::function<void(const char* data, std::size_t size)>& copy = {});

}  // namespace sim
