// Numbers to and from text without the locale: std::from_chars/to_chars for
// double where the standard library has them (GCC's, for the native build),
// and the C library otherwise (Emscripten's libc++ has them only for
// integers; the WebAssembly build of the static site, sim/site/).
#pragma once

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace sim::internal {

// `text` as a double when all of it is one decimal number (as from_chars
// reads it: no leading space or '+', no hexadecimal); else false.
inline bool ParseDouble(const std::string& text, double* out) {
#if defined(__cpp_lib_to_chars)
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
#else
  if (text.empty() || text[0] == '+' || text.find_first_of(" \t\n\r\f\vxX") != std::string::npos) return false;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);  // the "C" locale: Emscripten's only one
  return end == text.c_str() + text.size();
#endif
}

// The shortest text that reads back as exactly `value`. The fallback may
// choose the other of the fixed and scientific forms ("0.0001", not
// "1e-04"): the same number, other bytes.
inline std::string ShortestText(double value) {
  char buffer[32];
#if defined(__cpp_lib_to_chars)
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
#else
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
#endif
}

}  // namespace sim::internal
