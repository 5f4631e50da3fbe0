# Sourced by scripts/package-deb.sh: the files Debian expects of a package
# besides the program (Policy 12.5 and 12.7, lintian), from the sources in
# packaging/debian/. Expects the repository root as working directory and
# SOURCE_DATE_EPOCH set, so the same tree gives the same bytes.

# Copies template $1 to stdout with each @KEY@ replaced by the value that
# follows it (ctui_fill FILE KEY VALUE...): literally, by index() rather
# than sed or gsub, so a Maintainer with "&", "/" or "\" stays as written.
ctui_fill() {
    local template=$1
    shift
    awk 'BEGIN { for (i = 1; i < ARGC; i += 2) { key["@" ARGV[i] "@"] = ARGV[i + 1]; ARGV[i] = ARGV[i + 1] = "" } }
        { out = ""
          while (match($0, /@[A-Z]+@/)) {
              k = substr($0, RSTART, RLENGTH)
              out = out substr($0, 1, RSTART - 1) ((k in key) ? key[k] : k)
              $0 = substr($0, RSTART + RLENGTH)
          }
          print out $0 }' "$@" < "$template"
}

# ctui_debian_docs BINARY VERSION MAINTAINER ROOT: under ROOT,
#   usr/share/doc/clustertui/copyright       the DEP-5 file, as written
#   usr/share/doc/clustertui/changelog.gz    one entry for VERSION
#   usr/share/lintian/overrides/clustertui   the tags accepted, with why
# The version has no Debian revision (it is the binary's own), so this is
# a native package and its changelog is changelog.gz, not
# changelog.Debian.gz (Policy 12.7; lintian says
# wrong-name-for-changelog-of-native-package otherwise).
ctui_debian_docs() {
    local bin=$1 version=$2 maintainer=$3 root=$4 build date
    local doc="$root/usr/share/doc/clustertui" overrides="$root/usr/share/lintian/overrides"
    install -d -m 0755 "$doc" "$overrides"
    install -m 0644 packaging/debian/copyright "$doc/copyright"
    install -m 0644 packaging/debian/lintian-overrides "$overrides/clustertui"

    # "commit 0123abcd, Swift 6.3": what `clustertui version` says in brackets.
    build=$("$bin" version | sed -n '1s/^[^(]*(\(.*\))$/\1/p')
    # RFC 5322 date in English whatever the builder's locale, from
    # SOURCE_DATE_EPOCH (the commit's time), not the clock.
    date=$(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")
    ctui_fill packaging/debian/changelog.in VERSION "$version" BUILD "${build:-commit unknown}" \
        MAINTAINER "$maintainer" DATE "$date" | gzip -9n > "$doc/changelog.gz"
    chmod 0644 "$doc/changelog.gz"
}
