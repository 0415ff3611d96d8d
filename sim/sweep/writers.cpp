#include "sim/sweep/writers.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <numeric>
#include <ostream>

#include "sim/hash.hpp"
#include "sim/file.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/csv_reader.hpp"
#include "sim/sweep/sampling.hpp"
#include "sim/sweep/sensitivity.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The CSV cells of a chunk are appended in place: a temporary string per
// number cost more than formatting it.
void AppendInteger(std::string& text, long long value) {
  char buffer[24];
  text.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

// ",VALUE" with VALUE as FormatNumber writes it (shortest round-trip text).
void AppendNumber(std::string& text, double value) {
  char buffer[32] = {','};
  text.append(buffer, std::to_chars(buffer + 1, buffer + sizeof buffer, value).ptr);
}

// Splits "KR|Years Behind|Physical|2035" into region, variable, year.
void SplitColumn(const std::string& column, std::string* region, std::string* variable, std::string* year) {
  const size_t a = column.find('|'), b = column.rfind('|');
  *region = column.substr(0, a);
  *variable = column.substr(a + 1, b - a - 1);
  *year = column.substr(b + 1);
}

}  // namespace

SweepChunk FormatChunk(long long first, const Eigen::ArrayXXd& values, const Eigen::ArrayXXd& outcomes,
                       const Results* full) {
  const int count = static_cast<int>(values.cols());
  SweepChunk chunk;
  chunk.count = count;
  // Room for the id and up to 24 characters per number (FormatNumber's longest).
  chunk.samples.reserve(static_cast<size_t>(count) * (21 + 25 * values.rows()));
  chunk.outcomes.reserve(static_cast<size_t>(count) * (21 + 25 * outcomes.rows()));
  for (int j = 0; j < count; ++j) {
    AppendInteger(chunk.samples, first + j);
    for (Eigen::Index p = 0; p < values.rows(); ++p) AppendNumber(chunk.samples, values(p, j));
    chunk.samples += '\n';
    AppendInteger(chunk.outcomes, first + j);
    for (Eigen::Index o = 0; o < outcomes.rows(); ++o) AppendNumber(chunk.outcomes, outcomes(o, j));
    chunk.outcomes += '\n';
    if (full) {
      const std::string id = std::to_string(first + j);
      for (int r = 0; r < full->regions(); ++r) {
        for (const VariableInfo& info : Variables()) {
          for (int k = 0; k < full->years(); ++k) {
            chunk.timeseries += id + "," + full->region_codes()[r] + "," + info.name + "," +
                                std::to_string(full->start_year() + k) + "," +
                                FormatNumber(full->At(info.variable, k)(r, j)) + "\n";
          }
        }
      }
    }
  }
  return chunk;
}

std::vector<std::uint64_t> CreateSweepFolder(const fs::path& folder, const std::vector<DataFile>& data_files,
                                             const std::string& manifest_text) {
  std::vector<std::uint64_t> hashes;
  std::map<std::string, std::string> files;
  for (const DataFile& file : data_files) {
    const std::string header = file.spec.header + "\n";
    files[file.name] = header;
    hashes.push_back(Fnv1a64(header.data(), header.size()));
  }
  files["manifest.json"] = manifest_text;
  WriteFolderAtomically(folder, files);
  return hashes;
}

DataFileAppender::DataFileAppender(const fs::path& folder, const std::vector<DataFile>& files,
                                   std::vector<std::uint64_t> hashes)
    : hashes_(std::move(hashes)) {
  for (const DataFile& file : files) {
    paths_.push_back(folder / file.name);
    files_.emplace_back(std::fopen(paths_.back().c_str(), "ab"));
    if (!files_.back()) {
      throw std::runtime_error("cannot open the CSV files in " + folder.string() + " for appending");
    }
  }
}

bool DataFileAppender::Append(const SweepChunk& chunk) {
  const std::string* texts[3] = {&chunk.samples, &chunk.outcomes, &chunk.timeseries};
  for (size_t i = 0; i < files_.size(); ++i) {
    hashes_[i] = Fnv1a64(texts[i]->data(), texts[i]->size(), hashes_[i]);
    std::fwrite(texts[i]->data(), 1, texts[i]->size(), files_[i].get());
  }
  bool ok = true;
  for (const auto& file : files_) {
    if (std::fflush(file.get()) != 0 || std::ferror(file.get())) ok = false;
  }
  return ok;
}

void DataFileAppender::Close() {
  files_.clear();
  for (const fs::path& path : paths_) SyncPath(path);
  paths_.clear();
}

std::vector<Eigen::ArrayXd> ReadSweepColumns(const fs::path& folder, const std::string& file, long long rows,
                                             const std::vector<size_t>& columns) {
  std::vector<Eigen::ArrayXd> y(columns.size(), Eigen::ArrayXd(rows));
  const size_t needed = columns.empty() ? 0 : *std::max_element(columns.begin(), columns.end()) + 1;
  const fs::path path = folder / file;
  std::ifstream in(path, std::ios::binary);
  CsvReader reader(in, path.string());
  reader.set_hint("the sweep folder is damaged; run the sweep again");
  CsvRecord record;
  reader.Read(&record);  // header
  for (long long i = 0; i < rows; ++i) {
    if (!reader.Read(&record)) throw std::runtime_error(file + " has fewer rows than the sweep");
    if (record.size() < needed + 1) {
      throw ScenarioError({path.string(), reader.line(), 1}, "fewer cells than columns",
                          "the sweep folder is damaged; run the sweep again");
    }
    for (size_t k = 0; k < columns.size(); ++k) {
      const std::string& cell = record.cells[columns[k] + 1];
      double value = 0;
      const auto parsed = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (parsed.ec != std::errc() || parsed.ptr != cell.data() + cell.size()) {
        throw ScenarioError(reader.At(record, columns[k] + 1), "not a number: '" + cell.substr(0, 40) + "'",
                            "the sweep folder is damaged; run the sweep again");
      }
      y[k](i) = value;
    }
  }
  return y;
}

std::vector<Eigen::ArrayXd> ReadSweepColumns(const fs::path& folder, const std::string& file, long long rows,
                                             size_t c0, size_t c1) {
  std::vector<size_t> columns(c1 - c0);
  std::iota(columns.begin(), columns.end(), c0);
  return ReadSweepColumns(folder, file, rows, columns);
}

void WriteSensitivity(const fs::path& folder, const json& manifest, bool quiet, std::ostream& out,
                      const fs::path& shown_folder) {
  const std::string method = manifest["method"];
  if (method != "sobol" && method != "morris") return;
  const SweepMethod m = method == "sobol" ? SweepMethod::kSobol : SweepMethod::kMorris;
  std::vector<std::string> paths;
  for (const json& v : manifest["varied"]) paths.push_back(v["path"]);
  const int D = static_cast<int>(paths.size());
  const SampleDesign design(m, D, manifest["samples"].get<long long>(), manifest["seed"].get<std::uint64_t>(),
                            {}, manifest["levels"].get<int>());
  const std::vector<std::string> columns = manifest["outcomes"];
  const long long rows = design.Count();
  const int resamples = manifest["bootstrap"];
  const double confidence = manifest["confidence"];
  const long long per_pass = std::max<long long>(1, 8'000'000 / std::max<long long>(1, rows));

  std::string text = m == SweepMethod::kSobol ? "region,variable,year,parameter,S1,S1_conf,ST,ST_conf\n"
                                              : "region,variable,year,parameter,mu,mu_star,sigma,mu_star_conf\n";
  std::string ranking;
  std::string last_year = columns.empty() ? "" : columns.back().substr(columns.back().rfind('|') + 1);
  for (size_t c0 = 0; c0 < columns.size(); c0 += static_cast<size_t>(per_pass)) {
    const size_t c1 = std::min(columns.size(), c0 + static_cast<size_t>(per_pass));
    std::vector<Eigen::ArrayXd> y = ReadSweepColumns(folder, "outcomes.csv", rows, c0, c1);
    for (size_t c = c0; c < c1; ++c) {
      std::string region, variable, year;
      SplitColumn(columns[c], &region, &variable, &year);
      const std::uint64_t seed = manifest["seed"].get<std::uint64_t>() * 1000003ULL + c;
      std::vector<std::pair<double, std::string>> order;
      if (!y[c - c0].allFinite()) {
        // A time shift of +inf (never reached) in some sample: variances,
        // and so the indices, are undefined. Empty cells, and said so.
        for (int d = 0; d < D; ++d) text += region + "," + variable + "," + year + "," + paths[d] + ",,,,\n";
        if (year == last_year) {
          ranking += "  " + region + " " + variable + " " + year +
                     ": no indices (in some samples the level is never reached: inf)\n";
        }
        continue;
      }
      if (m == SweepMethod::kSobol) {
        const SobolIndices s = SobolAnalyze(y[c - c0], D, resamples, confidence, seed);
        for (int d = 0; d < D; ++d) {
          text += region + "," + variable + "," + year + "," + paths[d] + "," + FormatNumber(s.first(d)) +
                  "," + FormatNumber(s.first_conf(d)) + "," + FormatNumber(s.total(d)) + "," +
                  FormatNumber(s.total_conf(d)) + "\n";
          char item[256];
          std::snprintf(item, sizeof item, "    %-45s ST %6.3f ± %.3f   S1 %6.3f ± %.3f\n", paths[d].c_str(),
                        s.total(d), s.total_conf(d), s.first(d), s.first_conf(d));
          order.push_back({s.total(d), item});
        }
      } else {
        const MorrisIndices s = MorrisAnalyze(y[c - c0], design, resamples, confidence, seed);
        for (int d = 0; d < D; ++d) {
          text += region + "," + variable + "," + year + "," + paths[d] + "," + FormatNumber(s.mu(d)) + "," +
                  FormatNumber(s.mu_star(d)) + "," + FormatNumber(s.sigma(d)) + "," +
                  FormatNumber(s.mu_star_conf(d)) + "\n";
          char item[256];
          std::snprintf(item, sizeof item, "    %-45s mu* %10.4g ± %-10.3g mu %10.4g  sigma %10.4g\n",
                        paths[d].c_str(), s.mu_star(d), s.mu_star_conf(d), s.mu(d), s.sigma(d));
          order.push_back({s.mu_star(d), item});
        }
      }
      if (year == last_year) {
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        ranking += "  " + region + " " + variable + " " + year + ":\n";
        for (const auto& [score, item] : order) ranking += item;
      }
    }
  }
  WriteFileAtomically(folder / "sensitivity.csv", text);
  if (!quiet) {
    out << (m == SweepMethod::kSobol ? "Sobol indices (most influential first; ST = total, S1 = first order):\n"
                                     : "Morris screening (most influential first):\n")
        << ranking << "Indices for every outcome in " << (shown_folder / "sensitivity.csv").string() << "\n";
  }
}

std::string OutcomeRanges(const fs::path& folder, const std::vector<std::string>& columns, long long rows) {
  if (rows <= 0 || columns.empty()) return "";
  constexpr size_t kShown = 12;  // a terminal's worth; outcomes.csv has them all
  const size_t shown = std::min(columns.size(), kShown);
  const std::vector<Eigen::ArrayXd> y = ReadSweepColumns(folder, "outcomes.csv", rows, 0, shown);
  std::string text = "Outcomes over " + std::to_string(rows) + " samples (min / median / max):\n";
  for (size_t c = 0; c < shown; ++c) {
    std::vector<double> values(y[c].data(), y[c].data() + y[c].size());
    const double median = Quantile(values, 0.5);
    char line[256];
    std::snprintf(line, sizeof line, "  %-40s %10.4g / %10.4g / %10.4g\n", columns[c].c_str(),
                  y[c].minCoeff(), median, y[c].maxCoeff());
    text += line;
  }
  if (columns.size() > shown) {
    text += "  ... and " + std::to_string(columns.size() - shown) + " more in outcomes.csv\n";
  }
  return text;
}

}  // namespace sim
