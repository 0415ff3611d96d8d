// aisim merge: join the shard folders of one sweep into what an unsharded run writes.
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/sweep/merge.hpp"

namespace sim::cli {

int MergeCommand(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("Options");
  options.add_options()
      ("shards", po::value<std::vector<std::string>>()->composing(), "the shard folders")
      ("out,o", po::value<std::string>()->required(), "merged folder, e.g. results/sweep")
      ("quiet,q", "print no ranking")
      ("no-charts", "write the report without charts (also AISIM_NO_CHARTS=1)")
      ("svg", "also write every chart as SVG (vector), next to its PNG");
  po::positional_options_description positional;
  positional.add("shards", -1);
  return ParseAndRun(
      args, "Usage: aisim merge --out FOLDER SHARD_FOLDER...\n\nJoins the complete shard folders of one sweep (`aisim sweep ... --shard K/N`)\ninto FOLDER: the same samples.csv, outcomes.csv, sensitivity.csv and report\nas one unsharded run.",
      options, positional, [](const po::variables_map& values) {
        const std::vector<std::string> shards =
            values.count("shards") ? values["shards"].as<std::vector<std::string>>() : std::vector<std::string>{};
        MergeShards(shards, values["out"].as<std::string>(), values.count("quiet") > 0, std::cout);
        if (!values.count("quiet")) std::cout << "Merged " << shards.size() << " shards into " << values["out"].as<std::string>() << "/\n";
        WriteSweepReport(values["out"].as<std::string>(), values);
        return kExitOk;
      });
}

}  // namespace sim::cli
