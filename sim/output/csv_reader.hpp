// Reading CSV files as RFC 4180 defines them: cells separated by commas; a
// cell in double quotes may hold commas, line ends and doubled quotes ("")
// that stand for one quote; lines end in "\n" or "\r\n". Every cell keeps
// where it started, so a reader reports damage as file:line:col.
//
// aisim writes its CSV files without quotes (names hold no commas); they are
// read here alike with files a spreadsheet saved. The sweep's data files
// (sim/sweep/data_files.hpp), discover (sim/discover/goal.hpp) and the
// sensitivity indices (sim/sweep/writers.hpp) all read through this file.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "sim/error.hpp"

namespace sim {

// One record (one row) of a CSV file. Reading into the same record again
// reuses its strings, so a warmed-up record allocates nothing for cells no
// longer than before.
struct CsvRecord {
  std::vector<std::string> cells;  // the cells' text, quotes removed and "" made "
  std::vector<int> lines;          // 1-based line where each cell starts
  std::vector<int> columns;        // 1-based column (byte) where each cell starts

  std::size_t size() const { return cells.size(); }
};

// Splits `text`, one record without its line end that starts on line `line`,
// into `record`. Returns "" when it is well formed; else what is wrong (a
// quoted cell not closed, text after a closing quote, a quote inside an
// unquoted cell), with `*line_out` and `*column` (1-based) at the fault and
// `record` holding the cells before it. A '\n' inside a quoted cell starts a
// new line for the locations; a '\r' outside quotes is cell text: the caller
// decides what ends a line. `*unterminated` (when given) tells whether the
// only fault is a quoted cell still open at the end, i.e. the record may go
// on on the next line.
std::string SplitCsvRecord(std::string_view text, int line, CsvRecord* record, int* line_out, int* column,
                           bool* unterminated = nullptr);

// Reads records one by one from a stream, naming `file` in its errors.
class CsvReader {
 public:
  // `in` must outlive the reader.
  CsvReader(std::istream& in, std::string file);

  // Reads the next record into `record`: false at the end of the input. A
  // quoted cell may span lines. Throws ScenarioError at file:line:col for a
  // malformed record (see SplitCsvRecord) or a quoted cell the file leaves
  // open, with `hint`.
  bool Read(CsvRecord* record);

  // Where cell `i` of `record` (the last one read) starts: file:line:col.
  SourceLocation At(const CsvRecord& record, std::size_t i) const;

  // The 1-based line where the last record read starts.
  int line() const { return record_line_; }

  // The hint given with every error this reader raises.
  void set_hint(std::string hint) { hint_ = std::move(hint); }

 private:
  std::istream& in_;
  std::string file_;
  std::string hint_;
  std::string text_, line_;
  int next_line_ = 1;
  int record_line_ = 0;
};

}  // namespace sim
