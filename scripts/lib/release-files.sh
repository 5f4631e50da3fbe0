# Shared by scripts/package-deb.sh and scripts/install.sh (sourced, not
# run): builds the release binary and lays out what a user gets — the
# binary, the man page, bash/zsh/fish completions and the README — under
# any root and prefix. Expects the repository root as working directory.

# Exports CLUSTERTUI_COMMIT (compiled into --version, see Package.swift)
# from git, unless the caller set it; "-dirty" when tracked files changed.
ctui_commit() {
    if [ -z "${CLUSTERTUI_COMMIT:-}" ] && command -v git >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
        CLUSTERTUI_COMMIT=$(git rev-parse --short=12 HEAD)
        git diff --quiet HEAD -- 2>/dev/null || CLUSTERTUI_COMMIT="$CLUSTERTUI_COMMIT-dirty"
        export CLUSTERTUI_COMMIT
    fi
}

# The release build of the one product shipped (its link: Package.swift,
# DECISIONS.md "Release link").
ctui_build_release() {
    swift build -c release --product clustertui
}

# Prints the release binary's path, building it first when $2 is 1; says
# so and fails when there is none. $1: the calling script, for the message.
ctui_release_binary() {
    ctui_commit
    if [ "$2" = 1 ]; then ctui_build_release >&2 || return 1; fi
    if [ ! -x .build/release/clustertui ]; then
        echo "$1: no release binary at .build/release/clustertui: run without --no-build" >&2
        return 1
    fi
    echo .build/release/clustertui
}

# The version the binary reports (BuildInfo.version), e.g. 0.9.0.
ctui_version() {
    "$1" version | awk 'NR == 1 { print $2 }'
}

# A build date for the man page: SOURCE_DATE_EPOCH, else the commit's, else today.
ctui_date_epoch() {
    if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
        echo "$SOURCE_DATE_EPOCH"
    elif command -v git >/dev/null 2>&1 && git log -1 --format=%ct >/dev/null 2>&1; then
        git log -1 --format=%ct
    else
        date +%s
    fi
}

# Writes clustertui.1 for binary $1 into directory $2 with swift-argument-
# parser's generate-manual (the tool its generate-manual plugin runs; the
# plugin itself cannot be used here: it runs every executable of the
# package, and clustertui-bench has no --experimental-dump-help, see
# DECISIONS.md "Man page"), then man-tidy.awk turns the discussions'
# blank lines and tables into mdoc.
ctui_man_page() {
    local bin=$1 out=$2 day
    swift build -c release --product generate-manual > "$out/generate-manual.log" 2>&1 || {
        cat "$out/generate-manual.log" >&2
        return 1
    }
    day=$(date -u -d "@$(ctui_date_epoch)" +%Y-%m-%d)
    .build/release/generate-manual "$bin" --date "$day" --output-directory "$out"
    awk -f scripts/lib/man-tidy.awk "$out/clustertui.1" > "$out/clustertui.1.tidy"
    mv -f "$out/clustertui.1.tidy" "$out/clustertui.1"
    rm -f "$out/generate-manual.log"
}

# Writes clustertui.1, clustertui.bash, _clustertui and clustertui.fish for
# binary $1 into directory $2.
ctui_generate() {
    local bin=$1 out=$2
    ctui_man_page "$bin" "$out"
    "$bin" --generate-completion-script bash > "$out/clustertui.bash"
    "$bin" --generate-completion-script zsh > "$out/_clustertui"
    "$bin" --generate-completion-script fish > "$out/clustertui.fish"
}

# Lays out the files: ctui_lay_out GENERATED BINARY DESTDIR PREFIX ZSHDIR.
# DESTDIR is "" for a real install; ZSHDIR is where zsh completions go
# (Debian: /usr/share/zsh/vendor-completions; elsewhere PREFIX/share/zsh/site-functions).
# The binary is stripped (77 MB instead of 160: DWARF and symbols serve
# only a debugger, which a jump host does not have), and so is its
# .comment section (the compilers' and linker's version strings), as
# dh_strip does; lintian: binary-has-unneeded-section.
ctui_lay_out() {
    local gen=$1 bin=$2 dest=$3 prefix=$4 zshdir=$5
    local share="$dest$prefix/share"
    install -d -m 0755 "$dest$prefix/bin" "$share/man/man1" "$share/bash-completion/completions" \
        "$dest$zshdir" "$share/fish/vendor_completions.d" "$share/doc/clustertui"
    if command -v strip >/dev/null 2>&1; then
        strip --strip-all --remove-section=.comment -o "$dest$prefix/bin/clustertui.tmp" "$bin"
        chmod 0755 "$dest$prefix/bin/clustertui.tmp"
        mv -f "$dest$prefix/bin/clustertui.tmp" "$dest$prefix/bin/clustertui"
    else
        install -m 0755 "$bin" "$dest$prefix/bin/clustertui"
    fi
    gzip -9n < "$gen/clustertui.1" > "$share/man/man1/clustertui.1.gz"
    chmod 0644 "$share/man/man1/clustertui.1.gz"
    # bash-completion sources this file, never runs it: the generator's
    # "#!/bin/bash" line would only say otherwise (lintian:
    # bash-completion-with-hashbang).
    sed '1{/^#!/d}' "$gen/clustertui.bash" > "$share/bash-completion/completions/clustertui"
    chmod 0644 "$share/bash-completion/completions/clustertui"
    install -m 0644 "$gen/_clustertui" "$dest$zshdir/_clustertui"
    install -m 0644 "$gen/clustertui.fish" "$share/fish/vendor_completions.d/clustertui.fish"
    install -m 0644 README.md "$share/doc/clustertui/README.md"
}
