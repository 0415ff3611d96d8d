// Numbers as a reader sees them (sim/output/number_text.hpp).
#include <catch2/catch.hpp>

#include "sim/output/number_text.hpp"

namespace sim {

TEST_CASE("a span of time reads in years, months or days") {
  CHECK(FormatDuration(1.954) == "1.95 years");
  CHECK(FormatDuration(-1.954) == "1.95 years");  // the sign is the sentence's word, not the number's
  CHECK(FormatDuration(0.16) == "1.9 months");
  CHECK(FormatDuration(1.0 / 12) == "1.0 months");
  CHECK(FormatDuration(0.025) == "9 days");
  CHECK(FormatDuration(1.0 / 365) == "1 day");
  CHECK(FormatDuration(0) == "0 days");
}

TEST_CASE("money in a region's own currency, with a magnitude word") {
  CHECK(FormatLocalMoney(7.21, "KRW", 1400) == "KRW 10.1 tn");
  CHECK(FormatLocalMoney(-5.753, "KRW", 1400, true) == "KRW -8.05 tn");
  CHECK(FormatLocalMoney(2, "EUR", 0.9) == "EUR 1.8 bn");
  CHECK(FormatLocalMoney(0.001, "GBP", 0.76) == "GBP 0.76 million");
}

TEST_CASE("a report's quantities: shares in %, counts in k / M / bn, FLOP in powers of ten") {
  CHECK(FormatQuantity(0.0481, "share") == "4.81%");
  CHECK(FormatQuantity(-0.0008951, "share", true) == "-0.09 pp");
  CHECK(FormatQuantity(1.962e7, "H100e") == "19.6 M");
  CHECK(FormatQuantity(-2.437e5, "H100e", true) == "-244 k");
  CHECK(FormatQuantity(3930, "persons") == "3930");
  CHECK(FormatQuantity(2.096e27, "FLOP") == "2.1e+27");
  CHECK(FormatQuantity(32.3312, "log10 FLOP") == "32.33");
  CHECK(FormatQuantity(-3.553e-15, "years", true) == "+0");  // rounding noise of a difference
  CHECK(ShownUnit("share") == "%");
  CHECK(ShownUnit("H100e") == "H100e");
}

}  // namespace sim
