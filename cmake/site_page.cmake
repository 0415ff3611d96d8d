# The static site's index.html: the explorer page with the WebAssembly
# stand-in for the server (sim/site/site_transport.js) loaded before the
# page's own script. Run by cmake/site.cmake: cmake -DINPUT=... -DOUTPUT=... -P
file(READ "${INPUT}" page)
set(explorer_script "<script src=\"assets/explore.js\"></script>")
string(FIND "${page}" "${explorer_script}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${INPUT} has no ${explorer_script}: the site cannot load its model before it")
endif()
string(REPLACE "${explorer_script}" "<script src=\"assets/site_transport.js\"></script>\n${explorer_script}"
       page "${page}")
file(WRITE "${OUTPUT}" "${page}")
