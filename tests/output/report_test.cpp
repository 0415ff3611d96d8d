// Reports: base64, HTML escaping, self-contained HTML, Markdown tables.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/output/report.hpp"

namespace sim {

TEST_CASE("base64 matches RFC 4648 test vectors") {
  // RFC 4648 section 10.
  CHECK(Base64("") == "");
  CHECK(Base64("f") == "Zg==");
  CHECK(Base64("fo") == "Zm8=");
  CHECK(Base64("foo") == "Zm9v");
  CHECK(Base64("foob") == "Zm9vYg==");
  CHECK(Base64("fooba") == "Zm9vYmE=");
  CHECK(Base64("foobar") == "Zm9vYmFy");
  CHECK(Base64(std::string("\xff\x00\x80", 3)) == "/wCA");
}

TEST_CASE("HTML text is escaped") {
  CHECK(EscapeHtml("<a href=\"x\">R&D's</a>") == "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
}

TEST_CASE("the HTML report embeds its charts and tables and references nothing outside") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / ("aisim-report-test-" + std::to_string(getpid()));
  fs::create_directories(folder / "charts");
  const std::string png("\x89PNG\r\n\x1a\nfake", 12);
  std::ofstream(folder / "charts" / "one.png", std::ios::binary) << png;
  Report report;
  report.title = "aisim run: <test>";
  report.facts = {{"Seed", "7"}};
  report.tables = {{"Caption", {"Region", "Value (log10 FLOP)"}, {{"South Korea (KR)", "31.2"}}}};
  report.charts = {{"one", "Chart one", "A caption."}};
  const std::string html = FormatReportHtml(report, folder);
  CHECK(html.find("<title>aisim run: &lt;test&gt;</title>") != std::string::npos);
  CHECK(html.find("src=\"data:image/png;base64," + Base64(png) + "\"") != std::string::npos);
  CHECK(html.find("<td class=\"text\">South Korea (KR)</td><td>31.2</td>") != std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  for (const char* external : {"http:", "https:", "src=\"charts/", "<link", "<script"}) {
    INFO(external);
    CHECK(html.find(external) == std::string::npos);
  }
  const std::string md = FormatReportMarkdown(report);
  CHECK(md.find("| Region | Value (log10 FLOP) |\n|---|---:|\n| South Korea (KR) | 31.2 |") !=
        std::string::npos);
  CHECK(md.find("![Chart one](charts/one.png)") != std::string::npos);
  report.charts.push_back({"missing", "Missing", ""});
  CHECK_THROWS_AS(FormatReportHtml(report, folder), std::runtime_error);
  fs::remove_all(folder);
}

}  // namespace sim
