# The explorer's model as a WebAssembly module for the static site
# (sim/site/site_module.cpp; scripts/build-site.sh configures this with
# Emscripten's emcmake and assembles the site). The same scenario, model and
# explorer sources as the native build, with two differences: exp/log from
# the C library instead of SLEEF (sim/model/vector_math_portable.cpp), and no
# wide year loops. Eigen and nlohmann-json are Debian's headers; yaml-cpp is
# compiled for WebAssembly from Debian's source package into AISIM_SITE_DEPS.
set(AISIM_SITE_DEPS "" CACHE PATH
    "Folder with include/ (yaml-cpp, nlohmann) and lib/libyaml-cpp.a built for WebAssembly")
if(NOT EXISTS "${AISIM_SITE_DEPS}/lib/libyaml-cpp.a")
  message(FATAL_ERROR "AISIM_SITE_DEPS (${AISIM_SITE_DEPS}) has no lib/libyaml-cpp.a: "
          "build the site with scripts/build-site.sh, which builds yaml-cpp for WebAssembly first.")
endif()

set(AISIM_SITE_MODEL_SOURCES ${AISIM_MODEL_SOURCES})
list(REMOVE_ITEM AISIM_SITE_MODEL_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/sim/model/vector_math.cpp)
add_executable(aisim_site
  sim/site/site_module.cpp
  ${AISIM_SCENARIO_SOURCES}
  ${AISIM_SITE_MODEL_SOURCES}
  sim/model/vector_math_portable.cpp
  ${AISIM_EXPLORE_ROUTE_SOURCES}
)
target_compile_features(aisim_site PRIVATE cxx_std_17)
target_include_directories(aisim_site PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
# SYSTEM: the libraries' own warnings are theirs (Boost.Math has unused parameters).
target_include_directories(aisim_site SYSTEM PRIVATE /usr/include/eigen3 ${AISIM_SITE_DEPS}/include)
target_compile_definitions(aisim_site PRIVATE AISIM_VERSION="${PROJECT_VERSION}")
# WebAssembly's own exceptions (the loader reports bad input by throwing);
# yaml-cpp is compiled with the same flag.
target_compile_options(aisim_site PRIVATE -fwasm-exceptions -Wall -Wextra -Wpedantic)
target_link_libraries(aisim_site PRIVATE ${AISIM_SITE_DEPS}/lib/libyaml-cpp.a)
target_link_options(aisim_site PRIVATE
  -fwasm-exceptions
  -sMODULARIZE=1 -sEXPORT_NAME=createAisimModel
  -sALLOW_MEMORY_GROWTH=1
  -sSINGLE_FILE=1
  -sENVIRONMENT=web,worker,node
  "-sEXPORTED_FUNCTIONS=['_aisim_route']"
  "-sEXPORTED_RUNTIME_METHODS=['ccall']")
set_target_properties(aisim_site PROPERTIES OUTPUT_NAME aisim-model SUFFIX ".js")
# -sSINGLE_FILE: the module's WebAssembly travels inside aisim-model.js, so
# that a page opened from file:// needs no fetch of a .wasm file.

# The site: ${CMAKE_BINARY_DIR}/site, a folder any static file server can
# serve (scripts/build-site.sh copies it where the user asks).
set(AISIM_SITE_DIR ${CMAKE_BINARY_DIR}/site)
set(AISIM_SITE_ASSETS
  ${CMAKE_CURRENT_SOURCE_DIR}/sim/explore/web/explore.js
  ${CMAKE_CURRENT_SOURCE_DIR}/sim/explore/web/explore.css
  ${CMAKE_CURRENT_SOURCE_DIR}/node_modules/uplot/dist/uPlot.iife.min.js
  ${CMAKE_CURRENT_SOURCE_DIR}/node_modules/uplot/dist/uPlot.min.css
  ${CMAKE_CURRENT_SOURCE_DIR}/sim/site/site_transport.js
  ${CMAKE_CURRENT_SOURCE_DIR}/sim/site/site_worker.js)
add_custom_command(
  OUTPUT ${AISIM_SITE_DIR}/index.html
  COMMAND ${CMAKE_COMMAND} -E make_directory ${AISIM_SITE_DIR}/assets
  COMMAND ${CMAKE_COMMAND} -E copy ${AISIM_SITE_ASSETS} $<TARGET_FILE:aisim_site> ${AISIM_SITE_DIR}/assets/
  COMMAND ${CMAKE_COMMAND} -DINPUT=${CMAKE_CURRENT_SOURCE_DIR}/sim/explore/web/index.html
          -DOUTPUT=${AISIM_SITE_DIR}/index.html -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/site_page.cmake
  DEPENDS aisim_site ${AISIM_SITE_ASSETS} ${CMAKE_CURRENT_SOURCE_DIR}/sim/explore/web/index.html
          ${CMAKE_CURRENT_SOURCE_DIR}/cmake/site_page.cmake
  COMMENT "Assembling the static site in ${AISIM_SITE_DIR}"
  VERBATIM)
add_custom_target(site ALL DEPENDS ${AISIM_SITE_DIR}/index.html)
