#!/usr/bin/env bash
# Installs clustertui under PREFIX (default /usr/local) on a machine without
# dpkg: the same files as the .deb (scripts/package-deb.sh), built here.
#   PREFIX/bin/clustertui
#   PREFIX/share/man/man1/clustertui.1.gz
#   PREFIX/share/bash-completion/completions/clustertui
#   PREFIX/share/zsh/site-functions/_clustertui
#   PREFIX/share/fish/vendor_completions.d/clustertui.fish
#   PREFIX/share/doc/clustertui/README.md
# A PREFIX in your home (e.g. ~/.local) needs no root. Run it again to
# update; it overwrites the same files and nothing else.
#
# Usage: scripts/install.sh [--no-build] [PREFIX]
#   --no-build   install the release binary already built
set -euo pipefail

build=1
prefix=/usr/local
for arg in "$@"; do
    case $arg in
        --no-build) build=0 ;;
        -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "usage: scripts/install.sh [--no-build] [PREFIX]" >&2; exit 64 ;;
        *) prefix=$arg ;;
    esac
done
case $prefix in
    /*) ;;
    *) prefix="$PWD/$prefix" ;;
esac
prefix=${prefix%/}

# Fail before a long build if PREFIX cannot be written.
if ! mkdir -p "$prefix" 2>/dev/null || [ ! -w "$prefix" ]; then
    echo "install.sh: cannot write to $prefix: run it as root (sudo), or pick a PREFIX of your own: scripts/install.sh ~/.local" >&2
    exit 73
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/release-files.sh

bin=$(ctui_release_binary install.sh "$build") || exit 1

gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
ctui_generate "$bin" "$gen"
ctui_lay_out "$gen" "$bin" "" "$prefix" "$prefix/share/zsh/site-functions"

echo "installed $("$prefix/bin/clustertui" version) under $prefix"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  add $prefix/bin to PATH (man and bash completion find their files from there)" ;;
esac
case $prefix in
    /usr/local | /usr) ;;
    *) echo "  zsh: add  fpath+=($prefix/share/zsh/site-functions)  before compinit in ~/.zshrc" ;;
esac
