#include "sim/output/csv_reader.hpp"

namespace sim {

std::string SplitCsvRecord(std::string_view text, int line, CsvRecord* record, int* line_out, int* column,
                           bool* unterminated) {
  if (unterminated) *unterminated = false;
  std::size_t count = 0;
  std::size_t line_start = 0;  // offset in `text` where `line` starts
  std::size_t i = 0;
  const auto fail = [&](std::size_t at, const char* what) {
    record->cells.resize(count);
    record->lines.resize(count);
    record->columns.resize(count);
    *line_out = line;
    *column = static_cast<int>(at - line_start) + 1;
    return std::string(what);
  };
  while (true) {
    // Cell `count` starts at offset i.
    if (count == record->cells.size()) {
      record->cells.emplace_back();
      record->lines.push_back(0);
      record->columns.push_back(0);
    }
    std::string& cell = record->cells[count];
    cell.clear();
    record->lines[count] = line;
    record->columns[count] = static_cast<int>(i - line_start) + 1;
    if (i < text.size() && text[i] == '"') {
      const std::size_t open = i, open_line_start = line_start;
      const int open_line = line;
      ++i;
      while (true) {
        if (i >= text.size()) {
          if (unterminated) *unterminated = true;
          line = open_line;
          line_start = open_line_start;
          ++count;  // the open cell's location is reported
          return fail(open, "a quoted cell is not closed (no closing \")");
        }
        const char c = text[i];
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (c == '\n') {
          ++line;
          line_start = i + 1;
        }
        cell += c;
        ++i;
      }
      if (i < text.size() && text[i] != ',') {
        ++count;
        return fail(i, "text after a closing quote (a quote inside a quoted cell is written \"\")");
      }
    } else {
      const std::size_t comma = text.find(',', i);
      const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
      const std::size_t quote = text.find('"', i);
      if (quote < end) {
        ++count;
        return fail(quote, "a quote inside an unquoted cell (quote the whole cell and write the quote as \"\")");
      }
      cell.assign(text.data() + i, end - i);
      i = end;
    }
    ++count;
    if (i >= text.size()) break;
    ++i;  // the comma
  }
  record->cells.resize(count);
  record->lines.resize(count);
  record->columns.resize(count);
  return "";
}

CsvReader::CsvReader(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}

bool CsvReader::Read(CsvRecord* record) {
  const auto next = [&]() {
    if (!std::getline(in_, line_)) return false;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    ++next_line_;
    return true;
  };
  record_line_ = next_line_;
  if (!next()) return false;
  text_ = line_;
  while (true) {
    int line = 0, column = 0;
    bool open = false;
    const std::string problem = SplitCsvRecord(text_, record_line_, record, &line, &column, &open);
    if (problem.empty()) return true;
    if (!open || !next()) throw ScenarioError({file_, line, column}, problem, hint_);
    text_ += '\n';
    text_ += line_;
  }
}

SourceLocation CsvReader::At(const CsvRecord& record, std::size_t i) const {
  return {file_, record.lines[i], record.columns[i]};
}

}  // namespace sim
