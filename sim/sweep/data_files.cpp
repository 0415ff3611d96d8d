#include "sim/sweep/data_files.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include "sim/output/csv_reader.hpp"

namespace sim {
namespace {

// Longer lines are damage: the widest real line (thousands of --by-year
// outcomes at <= 25 bytes each) is far shorter.
constexpr std::size_t kMaxLineBytes = 64u << 20;

// At most 40 bytes of `text` for a message, bytes that are not printable
// ASCII written as \xNN: damaged files hold anything, terminals should not.
std::string Quote(const std::string& text) {
  std::string quoted;
  for (std::size_t i = 0; i < text.size() && i < 40; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      quoted += static_cast<char>(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      quoted += hex;
    }
  }
  return "'" + quoted + (text.size() > 40 ? "...'" : "'");
}

// "" when `line` (without '\n') is what data line `index` must be; else what
// is wrong, with `*column` (1-based) at the cell that is. `record` is the
// caller's, reused from line to line.
std::string CheckLine(const std::string& line, const DataFileSpec& spec, long long index, CsvRecord& record,
                      int* column) {
  const long long expected = spec.first_sample + index / spec.lines_per_sample;
  int fault_line = 0, fault_column = 0;
  const std::string malformed = SplitCsvRecord(line, 1, &record, &fault_line, &fault_column);
  const int cells = static_cast<int>(record.size());
  for (int cell = 0; cell < cells; ++cell) {
    *column = record.columns[cell];
    if (cell >= spec.cells) return "more than " + std::to_string(spec.cells) + " cells";
    if (!malformed.empty() && cell == cells - 1) break;  // the cell the fault is in
    const std::string& text = record.cells[cell];
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (cell == 0) {
      long long sample = -1;
      const auto parsed = std::from_chars(first, last, sample);
      if (parsed.ec != std::errc() || parsed.ptr != last) return "not a sample number: " + Quote(text);
      if (sample != expected) {
        return "sample " + std::to_string(sample) + " where " + std::to_string(expected) + " was expected";
      }
    } else if (cell >= spec.first_number) {
      double value = 0;
      const auto parsed = std::from_chars(first, last, value);
      if (parsed.ec != std::errc() || parsed.ptr != last || !std::isfinite(value)) {
        return "not a finite number: " + Quote(text);
      }
    }
  }
  if (!malformed.empty()) {
    *column = fault_column;
    return malformed;
  }
  if (cells != spec.cells) {
    *column = static_cast<int>(line.size()) + 1;
    return std::to_string(cells) + " cells where " + std::to_string(spec.cells) + " were expected";
  }
  return "";
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

DataFileScan ScanDataFile(const std::filesystem::path& path, const DataFileSpec& spec, long long max_lines,
                          const std::function<void(const char* data, std::size_t size)>& copy) {
  DataFileScan scan;
  const std::string file = path.string();
  const std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.c_str(), "rb"));
  if (!in) {
    scan.at = {file};
    scan.problem = std::string("cannot read: ") + std::strerror(errno);
    return scan;
  }
  std::string line;
  CsvRecord record;
  long long line_number = 1;  // of `line`, 1-based, header included
  char buffer[1 << 16];
  std::size_t size;
  // Returns false when the scan must stop at `line` (a problem, or max_lines reached before it).
  const auto accept = [&]() {
    int column = 1;
    if (line_number == 1) {
      if (line != spec.header) {
        scan.at = {file, 1, 1};
        scan.problem = "the header is not this sweep's: " + Quote(line);
        return false;
      }
      scan.header_ok = true;
    } else {
      if (scan.lines >= max_lines) {
        scan.at = {file, static_cast<int>(line_number), 1};
        scan.problem = "data after the last sample (" + std::to_string(max_lines) + " lines expected)";
        return false;
      }
      const std::string problem = CheckLine(line, spec, scan.lines, record, &column);
      if (!problem.empty()) {
        scan.at = {file, static_cast<int>(line_number), column};
        scan.problem = problem;
        return false;
      }
      ++scan.lines;
    }
    line += '\n';
    scan.hash = Fnv1a64(line.data(), line.size(), scan.hash);
    scan.bytes += line.size();
    if (copy && line_number > 1) copy(line.data(), line.size());
    ++line_number;
    line.clear();
    return true;
  };
  while ((size = std::fread(buffer, 1, sizeof buffer, in.get())) > 0) {
    for (std::size_t i = 0; i < size;) {
      const char* newline = static_cast<const char*>(std::memchr(buffer + i, '\n', size - i));
      const std::size_t end = newline ? static_cast<std::size_t>(newline - buffer) : size;
      line.append(buffer + i, end - i);
      if (line.size() > kMaxLineBytes) {
        scan.at = {file, static_cast<int>(line_number), 1};
        scan.problem = "a line longer than 64 MiB";
        return scan;
      }
      i = end + 1;
      if (newline && !accept()) return scan;
    }
  }
  if (std::ferror(in.get())) {
    scan.at = {file, static_cast<int>(line_number), 1};
    scan.problem = std::string("read error: ") + std::strerror(errno);
  } else if (!line.empty()) {
    scan.at = {file, static_cast<int>(line_number), static_cast<int>(line.size()) + 1};
    scan.problem = "the last line is cut short (no end of line)";
    scan.partial_last_line = scan.header_ok;
  } else if (line_number == 1) {
    scan.at = {file, 1, 1};
    scan.problem = "the file is empty (no header)";
  }
  return scan;
}

}  // namespace sim
