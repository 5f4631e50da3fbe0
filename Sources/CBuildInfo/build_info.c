/* The one place the build's commit is compiled in: Package.swift defines
 * CLUSTERTUI_COMMIT from the environment, so a new commit recompiles this
 * file alone (the Swift modules that import the header do not see the
 * define and are not rebuilt). */
#include "build_info.h"

#ifndef CLUSTERTUI_COMMIT
#define CLUSTERTUI_COMMIT ""
#endif

const char *ctui_build_commit(void) { return CLUSTERTUI_COMMIT; }
