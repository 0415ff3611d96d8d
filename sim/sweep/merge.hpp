// Joining the complete shard folders of one sweep (`aisim merge`) into one
// folder equal to an unsharded run, every shard verified on the way.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sim {

// Joins complete shard folders of one sweep into `out`: samples.csv,
// outcomes.csv (and timeseries.csv) byte-identical to an unsharded run, and
// the same sensitivity.csv. Every shard is verified first (manifest within
// bounds and unedited, the K/N set whole, each data file's header, sample
// numbers, finite cells, rows and recorded checksum). Raises ScenarioError
// (file:line:col where there is one) when a shard is missing, incomplete,
// from another sweep or damaged; `out` then does not exist, and nothing
// aisim did not create is removed. Prints the sensitivity ranking to
// `stream` unless `quiet`.
void MergeShards(const std::vector<std::string>& shard_folders, const std::string& out, bool quiet,
                 std::ostream& stream);

}  // namespace sim
