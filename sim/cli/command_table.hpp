// The table of aisim's commands, after Ninja's kTools: dispatch, the
// command list of `aisim --help` and the "unknown command" hint all read
// this one list, so they cannot drift apart.
#pragma once

#include <string>
#include <vector>

namespace sim::cli {

struct Command {
  const char* name;       // what the user types: "run"
  const char* arguments;  // shown after the name in the help: "[SCENARIO]"
  const char* summary;    // one line for `aisim --help`
  int (*run)(const std::vector<std::string>& args);  // takes the arguments after the name
};

// Every command, in the order `aisim --help` lists them.
const std::vector<Command>& Commands();

// The command called `name`, or nullptr when there is none.
const Command* FindCommand(const std::string& name);

// The "Commands:" section of `aisim --help`: one aligned line a command.
std::string CommandHelp();

// The two lines printed for an unknown command `name`: the error, and a
// hint naming the closest command ("did you mean 'run'?") or, when none is
// close, every command.
std::string UnknownCommandMessage(const std::string& name);

}  // namespace sim::cli
