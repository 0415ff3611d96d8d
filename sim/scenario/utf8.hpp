// Scenario text must be UTF-8: it is echoed into JSON, HTML and CSV, where a
// stray Latin-1 byte breaks the file (or its reader) far from its cause.
#pragma once

#include <string>

#include "sim/error.hpp"

namespace sim::internal {

// Throws ScenarioError at the first byte of `text` that is not well-formed
// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF),
// located in `file` by line and byte column; `first_column` is the column of
// the text's first byte (1 for a file, later for the value of a --set).
void CheckUtf8(const std::string& text, const std::string& file, int first_column = 1);

}  // namespace sim::internal
