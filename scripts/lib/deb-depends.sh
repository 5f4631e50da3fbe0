# Sourced by scripts/package-deb.sh: the Depends: line of a binary, from
# what it actually links, so a change of the release link (a dynamic Swift
# runtime, a new library) changes the package or stops it, never ships a
# wrong list.

# The Debian package that ships shared library $1 (a soname): dpkg -S on
# the file the loader resolves it to (also its /usr-merged twin), else the
# fixed map of the libraries the release binary is known to link.
ctui_package_of() {
    local lib=$1 resolved candidate owner
    resolved=$(ldd "$CTUI_BINARY" 2>/dev/null | awk -v l="$lib" '$1 == l && $2 == "=>" { print $3; exit }')
    if [ -n "$resolved" ] && command -v dpkg >/dev/null 2>&1; then
        for candidate in "$resolved" "$(readlink -f "$resolved")" "/usr$resolved" "${resolved#/usr}"; do
            owner=$(dpkg -S "$candidate" 2>/dev/null | awk -F': ' '/^[^ ]+: \// { print $1; exit }') || true
            if [ -n "$owner" ]; then
                echo "${owner%%:*}"
                return 0
            fi
        done
    fi
    case $lib in
        libc.so.6 | libm.so.6 | libpthread.so.0 | libdl.so.2 | librt.so.1 | ld-linux*.so.*) echo libc6 ;;
        libstdc++.so.6) echo libstdc++6 ;;
        libgcc_s.so.1) echo libgcc-s1 ;;
        libz.so.1) echo zlib1g ;;
        libncursesw.so.6) echo libncursesw6 ;;
        libtinfo.so.6) echo libtinfo6 ;;
        libsqlite3.so.0) echo libsqlite3-0 ;;
        *) return 1 ;;
    esac
}

# `libc6 (>= 2.34), libgcc-s1, …` for binary $1; fails naming any library
# that maps to no package.
ctui_deb_depends() {
    CTUI_BINARY=$1
    local lib pkg glibc
    local -a packages=()
    for lib in $(readelf -d "$CTUI_BINARY" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        if ! pkg=$(ctui_package_of "$lib"); then
            echo "package-deb.sh: $CTUI_BINARY links $lib, which no installed Debian package provides and the map in scripts/lib/deb-depends.sh does not name; add it there (or fix the link)" >&2
            return 1
        fi
        packages+=("$pkg")
    done
    glibc=$(readelf -V "$CTUI_BINARY" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -k3,3n -u | tail -1)
    printf '%s\n' "${packages[@]}" | sort -u | sed "s/^libc6\$/libc6 (>= ${glibc:-2.17})/" | paste -sd, - | sed 's/,/, /g'
}
