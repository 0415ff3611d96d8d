// The CSV reader (sim/output/csv_reader.hpp): RFC 4180 quoting, CRLF, and
// located errors, read from strings in memory.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "sim/output/csv_reader.hpp"

namespace {

using sim::CsvReader;
using sim::CsvRecord;
using Cells = std::vector<std::string>;

// Every record of `text`, read as file "t.csv".
std::vector<Cells> ReadAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv");
  std::vector<Cells> rows;
  CsvRecord record;
  while (reader.Read(&record)) rows.push_back(record.cells);
  return rows;
}

// The error text reading `text` raises ("" when none).
std::string ErrorOf(const std::string& text) {
  try {
    ReadAll(text);
  } catch (const sim::ScenarioError& error) {
    return error.where().ToString() + ": " + error.message();
  }
  return "";
}

}  // namespace

TEST_CASE("csv reader splits unquoted cells at commas, keeping empty cells") {
  CHECK(ReadAll("sample,a,b\n0,1.5,-2\n") == std::vector<Cells>{{"sample", "a", "b"}, {"0", "1.5", "-2"}});
  CHECK(ReadAll("a,,b,\n") == std::vector<Cells>{{"a", "", "b", ""}});
  CHECK(ReadAll("") == std::vector<Cells>{});
}

TEST_CASE("csv reader takes a quoted cell's commas and doubled quotes as text") {
  CHECK(ReadAll("\"a,b\",c\n") == std::vector<Cells>{{"a,b", "c"}});
  CHECK(ReadAll("\"say \"\"hi\"\"\",x\n") == std::vector<Cells>{{"say \"hi\"", "x"}});
  CHECK(ReadAll("\"\",\"\"\"\"\n") == std::vector<Cells>{{"", "\""}});
}

TEST_CASE("csv reader accepts CRLF line ends and line ends inside quoted cells") {
  CHECK(ReadAll("a,b\r\n1,2\r\n") == std::vector<Cells>{{"a", "b"}, {"1", "2"}});
  CHECK(ReadAll("\"two\r\nlines\",x\r\nnext,y\n") == std::vector<Cells>{{"two\nlines", "x"}, {"next", "y"}});
  CHECK(ReadAll("last,line") == std::vector<Cells>{{"last", "line"}});
}

TEST_CASE("csv reader locates every cell by line and column, across quoted line ends") {
  std::istringstream in("h1,h2\n\"a\nb\",cc,\"d\"\n");
  CsvReader reader(in, "t.csv");
  CsvRecord record;
  REQUIRE(reader.Read(&record));
  CHECK(reader.At(record, 1).ToString() == "t.csv:1:4");
  REQUIRE(reader.Read(&record));
  CHECK(reader.line() == 2);
  CHECK(reader.At(record, 0).ToString() == "t.csv:2:1");
  CHECK(reader.At(record, 1).ToString() == "t.csv:3:4");
  CHECK(reader.At(record, 2).ToString() == "t.csv:3:7");
  CHECK_FALSE(reader.Read(&record));
}

TEST_CASE("csv reader rejects malformed quoting with file:line:col") {
  CHECK(ErrorOf("a,b\n1,\"open\n2,3\n") == "t.csv:2:3: a quoted cell is not closed (no closing \")");
  CHECK(ErrorOf("a,\"b\"c\n") ==
        "t.csv:1:6: text after a closing quote (a quote inside a quoted cell is written \"\")");
  CHECK(ErrorOf("x\nab\"c,d\n") ==
        "t.csv:2:3: a quote inside an unquoted cell (quote the whole cell and write the quote as \"\")");
}

TEST_CASE("csv reader's errors carry the hint it was given") {
  std::istringstream in("\"open\n");
  CsvReader reader(in, "t.csv");
  reader.set_hint("run the sweep again");
  CsvRecord record;
  try {
    reader.Read(&record);
    FAIL("no error");
  } catch (const sim::ScenarioError& error) {
    CHECK(error.hint() == "run the sweep again");
  }
}

TEST_CASE("SplitCsvRecord keeps a carriage return as cell text and reports an open quote") {
  CsvRecord record;
  int line = 0, column = 0;
  bool open = false;
  CHECK(sim::SplitCsvRecord("1,2\r", 5, &record, &line, &column, &open) == "");
  CHECK(record.cells == Cells{"1", "2\r"});
  CHECK(record.lines == std::vector<int>{5, 5});
  CHECK(record.columns == std::vector<int>{1, 3});
  CHECK(sim::SplitCsvRecord("1,\"2", 5, &record, &line, &column, &open) != "");
  CHECK(open);
  CHECK(line == 5);
  CHECK(column == 3);
}
