#!/usr/bin/env bash
# Builds the release binary and writes dist/clustertui_<version>_<arch>.deb
# with Debian's own dpkg-deb (no other packaging tool):
#   usr/bin/clustertui                                   (stripped)
#   usr/share/man/man1/clustertui.1.gz                   (swift-argument-parser's generate-manual)
#   usr/share/bash-completion/completions/clustertui     (--generate-completion-script)
#   usr/share/zsh/vendor-completions/_clustertui
#   usr/share/fish/vendor_completions.d/clustertui.fish
#   usr/share/doc/clustertui/README.md
#   usr/share/doc/clustertui/copyright                   (DEP-5: packaging/debian/copyright)
#   usr/share/doc/clustertui/changelog.gz                (from packaging/debian/changelog.in)
#   usr/share/lintian/overrides/clustertui               (the tags accepted, and why)
# Depends: is computed from the libraries the binary links (readelf NEEDED,
# then dpkg -S, else a fixed map), with libc6's version from the glibc
# symbol versions it needs. Idempotent: the same tree gives the same .deb
# (SOURCE_DATE_EPOCH, gzip -n, owner root).
#
# Usage: scripts/package-deb.sh [--no-build]
#   --no-build   package the release binary already built (.ci/run builds it once)
set -euo pipefail

if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "package-deb.sh: dpkg-deb not found: install Debian's dpkg package (apt-get install dpkg), or use scripts/install.sh on this machine" >&2
    exit 69
fi

build=1
for arg in "$@"; do
    case $arg in
        --no-build) build=0 ;;
        *) echo "usage: scripts/package-deb.sh [--no-build]" >&2; exit 64 ;;
    esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/release-files.sh
. scripts/lib/deb-depends.sh
. scripts/lib/deb-docs.sh

bin=$(ctui_release_binary package-deb.sh "$build") || exit 1

version=$(ctui_version "$bin")
arch=$(dpkg --print-architecture)
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(ctui_date_epoch)}"
work="dist/.work-$arch"
rm -rf "$work"
mkdir -p "$work/gen" "$work/root/DEBIAN"
ctui_generate "$bin" "$work/gen"
ctui_lay_out "$work/gen" "$bin" "$work/root" /usr /usr/share/zsh/vendor-completions

# The project's git identity; DEB_MAINTAINER overrides it (control and changelog alike).
maintainer=${DEB_MAINTAINER:-ClusterTUI maintainers <maintainers@users.noreply.r-seed-e4c4fe96.example>}
ctui_debian_docs "$bin" "$version" "$maintainer" "$work/root"

depends=$(ctui_deb_depends "$work/root/usr/bin/clustertui")
installed_size=$(du -sk "$work/root" | cut -f1)
cat > "$work/root/DEBIAN/control" <<CONTROL
Package: clustertui
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: admin
Priority: optional
Description: terminal dashboard and CLI for a multi-node cluster core
 A live node table with heartbeat ages, the instance list with risk, and
 forms to rebind an instance to a node and mode, over SSH or read-only on
 a wallboard; a scripting CLI (get, assign, unassign, login), an embedded
 cluster core (serve) and clustertui doctor, which explains what is wrong
 with the terminal, config, token or server.
CONTROL
chmod 0644 "$work/root/DEBIAN/control"
# md5sums, as dh_md5sums writes it: dpkg --verify (debsums) checks the
# installed files against it.
(cd "$work/root" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) > "$work/root/DEBIAN/md5sums"
chmod 0644 "$work/root/DEBIAN/md5sums"
# Directory modes do not depend on the umask of whoever packages.
find "$work/root" -type d -exec chmod 0755 {} +

deb="dist/clustertui_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$work/root" "$work/out.deb" >/dev/null
mv -f "$work/out.deb" "$deb"
rm -rf "$work"
echo "wrote $deb ($(du -h "$deb" | cut -f1)); Depends: $depends"
