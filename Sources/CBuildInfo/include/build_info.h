/* CBuildInfo: what the build knew about where it came from.
 * See Package.swift (`buildCommit`). */
#ifndef CLUSTERTUI_BUILD_INFO_H
#define CLUSTERTUI_BUILD_INFO_H

/* The commit the binary was built from, or "" when the build was not told. */
const char *ctui_build_commit(void);

#endif
