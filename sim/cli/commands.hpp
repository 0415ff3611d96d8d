// The aisim subcommands. Each takes the arguments after its name and returns
// the process exit code: 0 success, 1 a failure while running or writing,
// 2 bad input (a scenario error or a bad option).
#pragma once

#include <string>
#include <vector>

namespace sim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int RunCommand(const std::vector<std::string>& args);
int ListCommand(const std::vector<std::string>& args);
int ValidateCommand(const std::vector<std::string>& args);
int ParamsCommand(const std::vector<std::string>& args);
int CheckCommand(const std::vector<std::string>& args);
int DiscoverCommand(const std::vector<std::string>& args);
int SweepCommand(const std::vector<std::string>& args);
int MergeCommand(const std::vector<std::string>& args);
int CompareCommand(const std::vector<std::string>& args);
int ExploreCommand(const std::vector<std::string>& args);

}  // namespace sim::cli
