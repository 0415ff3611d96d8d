// Running the aisim binary from tests: a fresh temporary folder per test, the
// command's exit code and output, and small file helpers. Shared by the
// end-to-end tests (cli, charts, sweep, check).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sim::testing {

struct Outcome {
  int exit_code;       // -1 when the process did not exit normally
  std::string output;  // stdout and stderr together
};

// Runs `command` through the shell and collects its output.
inline Outcome RunShell(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh, empty working folder, removed when the object goes.
class TempFolder {
 public:
  // `name` labels the folder; `environment` is given to `env` before every
  // aisim call (e.g. "AISIM_NO_CHARTS=1", or "-u AISIM_NO_CHARTS").
  explicit TempFolder(const std::string& name, std::string environment = "")
      : environment_(std::move(environment)) {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("aisim-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Runs `aisim ARGS` inside the folder, with `extra_environment` added.
  Outcome Aisim(const std::string& args, const std::string& extra_environment = "") const {
    return RunShell("cd '" + path_.string() + "' && env " + environment_ + " " +
                    extra_environment + " '" + std::string(AISIM_BINARY) + "' " + args);
  }

  // Runs a shell command inside the folder; $AISIM is the binary. Output is discarded.
  void Shell(const std::string& command) const {
    RunShell("cd '" + path_.string() + "' && AISIM='" + std::string(AISIM_BINARY) + "' sh -c '" +
             command + "' >/dev/null");
  }

  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
  }

 private:
  std::filesystem::path path_;
  std::string environment_;
};

}  // namespace sim::testing
