#!/usr/bin/env bash
# Builds the static site: the explorer page with the model compiled to
# WebAssembly, in OUT (a folder any static file server can serve, or a
# browser can open from disk). Nothing in it calls a server.
#
#   scripts/build-site.sh OUT
#
# Installs what the site's build needs and is missing (install-deps.sh
# --site-only: Emscripten, Eigen, Boost and nlohmann-json headers, Node.js),
# compiles yaml-cpp for WebAssembly from Debian's source package (fetched
# with apt-get source into build-site/, not vendored), builds sim/site/ with
# emcmake into build-site/wasm/ and copies the site to OUT. OUT must be new,
# empty, or a site this script wrote before (it then replaces only the files
# it wrote, listed in OUT/.aisim-site).
set -euo pipefail
usage="usage: scripts/build-site.sh OUT   (OUT: a new or empty folder, or a site this script built)"
[ $# -eq 1 ] || { echo "$usage" >&2; exit 2; }
[ -n "$1" ] || { echo "$usage" >&2; exit 2; }
# Resolved now, before the script changes folder: OUT is where the user meant.
out=$(realpath -m -- "$1")
marker=.aisim-site
# OUT may be written only if it is new, empty, or a site written here.
check_out() {
  if [ -e "$out" ] && [ ! -d "$out" ]; then
    echo "build-site: error: $out exists and is not a folder" >&2
    echo "hint: name a new folder for the site" >&2
    exit 2
  fi
  if [ -d "$out" ] && [ -n "$(ls -A -- "$out")" ] && [ ! -f "$out/$marker" ]; then
    echo "build-site: error: $out is not empty and was not written by build-site.sh (no $marker)" >&2
    echo "hint: name a new or empty folder; nothing was written" >&2
    exit 2
  fi
}
check_out

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/install-deps.sh" --site-only
[ -f node_modules/uplot/dist/uPlot.iife.min.js ] || npm ci --no-audit --no-fund
# Emscripten's tools run on node and need Debian's node modules (acorn);
# a node on PATH that is not Debian's does not look there by itself.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc)

# yaml-cpp for WebAssembly, from the same Debian source as libyaml-cpp-dev.
work="$root/build-site"
deps="$work/deps"
if [ ! -f "$deps/lib/libyaml-cpp.a" ]; then
  mkdir -p "$work/apt/lists/partial" "$work/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
    > "$work/apt/sources.list"
  apt_options=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=-
               -o "Dir::State::Lists=$work/apt/lists")
  apt-get "${apt_options[@]}" update -qq
  (cd "$work/src" && apt-get "${apt_options[@]}" source -qq yaml-cpp)
  source_dir=$(find "$work/src" -maxdepth 1 -type d -name 'yaml-cpp-*' | head -n 1)
  # -fwasm-exceptions: the same exception model as sim/site (cmake/site.cmake).
  emcmake cmake -S "$source_dir" -B "$work/yaml-cpp" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-fwasm-exceptions \
    -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_BUILD_SHARED_LIBS=OFF \
    -DCMAKE_INSTALL_PREFIX="$deps" > "$work/yaml-cpp.log"
  cmake --build "$work/yaml-cpp" -j"$jobs" >> "$work/yaml-cpp.log"
  cmake --install "$work/yaml-cpp" >> "$work/yaml-cpp.log"
fi
# Debian's header-only libraries, without the rest of /usr/include (whose C
# library headers are not Emscripten's).
ln -sfn /usr/include/nlohmann "$deps/include/nlohmann"
ln -sfn /usr/include/boost "$deps/include/boost"

emcmake cmake -S . -B "$work/wasm" -DCMAKE_BUILD_TYPE=Release -DAISIM_SITE_DEPS="$deps" > "$work/configure.log"
cmake --build "$work/wasm" -j"$jobs"

# Copy the site to OUT: only the files it consists of, listed in the marker
# so that a later build replaces exactly those (regular files under OUT,
# never a folder, a link or anything outside it).
check_out  # again: the build took a while
mkdir -p -- "$out"
if [ -f "$out/$marker" ]; then
  while IFS= read -r file; do
    case "/$file/" in */../*|*/./*|//) continue ;; esac
    [ -f "$out/$file" ] && [ ! -L "$out/$file" ] && rm -f -- "$out/$file"
  done < "$out/$marker"
fi
(cd "$work/wasm/site" && find . -type f | sed 's|^\./||' | sort) > "$work/site-files"
cp -R -- "$work/wasm/site/." "$out/"
cp -- "$work/site-files" "$out/$marker"
echo "Site written to $out: serve it with any static file server (node scripts/serve-site.mjs $out) or open $out/index.html."
