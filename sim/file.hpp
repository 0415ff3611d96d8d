// aisim's one way to read and write whole files, after LevelDB's Env
// (ReadFileToString, WriteStringToFile, WritableFile::Sync): a read that
// reports every error and checks a size limit, and writes that leave a file
// either as it was or wholly new, also after a crash or a power cut.
//
// It sits at sim/ rather than in sim/output because input (scenario and
// study loading) and output (results, sweeps) both use it, and input must
// not depend on output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace sim {

// Reads the whole file at `path` into `*text`, replacing what it held.
// Returns "" on success, else why not, for the caller's own message: the
// system's reason from open(2) or read(2) ("No such file or directory", "Is
// a directory", "Input/output error"), or "larger than LIMIT" when the file
// holds more than `limit` bytes. The limit is checked while reading, so a
// file that grows meanwhile is caught too and at most `limit` plus 64 KiB is
// ever held. On failure `*text` is empty. Blocks on a FIFO: callers that
// take a path from a user check first that it names a regular file.
std::string ReadWholeFile(const std::filesystem::path& path, std::uintmax_t limit,
                          std::string* text);

// The same for a caller with no message of its own: the file's text, or
// std::runtime_error "cannot read PATH: REASON".
std::string ReadWholeFileOrThrow(const std::filesystem::path& path, std::uintmax_t limit);

// Writes `content` to `path` (created, or truncated), then fsyncs it, so
// its bytes are on disk when this returns. Not atomic by itself: meant for
// files in a staging folder that is renamed into place afterwards. Throws
// std::runtime_error "cannot write PATH: REASON".
void WriteFileAndSync(const std::filesystem::path& path, const std::string& content);

// fsyncs the file or folder at `path`. For a folder this makes the names
// created, renamed or removed in it durable: after rename(2) the new name
// survives a power cut only once its folder is synced. Throws
// std::runtime_error "cannot sync PATH: REASON".
void SyncPath(const std::filesystem::path& path);

// Replaces the file at `path` by `content` atomically: a reader, and the
// disk after a crash or power cut, sees the old content or all of the new,
// never a part. Writes and fsyncs a temporary sibling ".NAME.tmp-PID",
// renames it onto `path`, then fsyncs the folder. On failure the temporary
// file is removed, `path` is as it was, and std::runtime_error "cannot
// write PATH: REASON" is thrown; only when the last step (the folder's
// fsync) fails is the new content already in place ("cannot sync FOLDER").
// Threads of one process must not write the same `path` at once: they would
// share the temporary file.
void WriteFileAtomically(const std::filesystem::path& path, const std::string& content);

namespace internal {

// The call that makes a file or folder durable: fsync(2), unless a test
// swaps in its own (to see which paths are synced, or to make one fail).
// Returns the function it replaces.
using SyncFunction = int (*)(int fd);
SyncFunction SetSyncFunction(SyncFunction sync);

}  // namespace internal
}  // namespace sim
