#include "sim/scenario/utf8.hpp"

#include <cstdio>

namespace sim::internal {
namespace {

// The length of the well-formed UTF-8 sequence starting at text[i], or 0.
// The ranges of the second byte follow RFC 3629's table (section 4), which
// excludes overlong forms (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and
// code points above U+10FFFF (F4 90..BF, F5..FF).
std::size_t SequenceLength(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

void CheckUtf8(const std::string& text, const std::string& file, int first_column) {
  int line = 1, column = first_column;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = SequenceLength(text, i);
    if (length == 0) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[i]));
      throw ScenarioError({file, line, column},
                          std::string("byte ") + byte + " is not valid UTF-8",
                          "save the file as UTF-8 (a Latin-1 or Windows-1252 character such as "
                          "'\xC3\xA9' is a different byte there); e.g. iconv -f latin1 -t utf-8");
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      column += static_cast<int>(length);
    }
    i += length;
  }
}

}  // namespace sim::internal
