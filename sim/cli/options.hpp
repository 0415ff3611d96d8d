// Shared option handling for the subcommands (Boost.Program_options).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace sim::cli {

// Parses `args` against `options` (and the positional names in `positional`,
// in order) into `values`, handles --help (printing `usage` and the options),
// and turns parse errors and scenario errors raised by `body` into messages on
// stderr with exit code 2. Returns the exit code.
int ParseAndRun(const std::vector<std::string>& args, const std::string& usage,
                boost::program_options::options_description& options,
                const boost::program_options::positional_options_description& positional,
                const std::function<int(const boost::program_options::variables_map&)>& body);

}  // namespace sim::cli
