#!/usr/bin/env bash
# Builds the release packages into dist/:
#   govmaturity_<version>_amd64.deb, govmaturity_<version>_arm64.deb
#       /usr/bin/govmaturity, a desktop entry and icons (the app appears in
#       the start menu), the sample workspace in /usr/share/govmaturity/sample,
#       the licences (ours, the fonts' OFL, the Rust crates') in
#       /usr/share/doc/govmaturity, man pages, bash/zsh/fish completions;
#   govmaturity-<version>-windows-x86_64.zip
#       govmaturity.exe (icon and version information embedded), the sample,
#       the licences, README-en.txt and README-zh.txt.
#
# Usage: scripts/package.sh [deb-amd64] [deb-arm64] [windows]   (default: all three)
#
# GOVMATURITY_PROFILE=dev (or cross-check) packages debug builds instead of
# release ones (scripts/ci-cross.sh: quicker to build, and CI has the native
# one already). GOVMATURITY_EXTRAS_BIN names a host binary to write the man
# pages and completions with, instead of building one.
#
# The Linux binaries are linked against glibc 2.28 (GOVMATURITY_GLIBC), the
# C library of UOS 20 and the oldest Kylin V10, with cargo-zigbuild (zig as
# the linker, which carries every glibc version's symbols): a binary linked
# on this machine would need this machine's glibc. Without cargo-zigbuild and
# zig (`cargo install cargo-zigbuild`, `pip install ziglang`), or with
# GOVMATURITY_GLIBC=native, the builds use the system's linkers and the
# packages need the build machine's glibc; the script says so. The .deb's
# Depends line is read from the binary either way.
#
# Needs: dpkg-deb, zip; for deb-arm64 gcc-aarch64-linux-gnu and the Rust
# target aarch64-unknown-linux-gnu; for windows gcc-mingw-w64-x86-64 and
# x86_64-pc-windows-gnu (README "Build from source"; .cargo/config.toml names
# the linkers). The .debs are built with dpkg-deb from a staged tree, not
# cargo-deb: nothing to install beyond Debian's own tools.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
host=$(rustc -vV | sed -n 's/^host: //p')
profile=${GOVMATURITY_PROFILE:-release}
profile_dir=$profile
if [ "$profile" = dev ]; then
    profile_dir=debug
fi
target_dir=${CARGO_TARGET_DIR:-target}
dist=dist
work=$target_dir/package
mkdir -p "$dist"

wanted=("$@")
if [ ${#wanted[@]} -eq 0 ]; then
    wanted=(deb-amd64 deb-arm64 windows)
fi

glibc_floor=${GOVMATURITY_GLIBC:-2.28}
if [ "$glibc_floor" != native ] && ! { command -v cargo-zigbuild >/dev/null &&
    { command -v zig >/dev/null || python3 -m ziglang version >/dev/null 2>&1; }; }; then
    echo "note: cargo-zigbuild or zig is missing, so the Linux packages need this machine's glibc" \
        "rather than $glibc_floor (README \"Build from source\")" >&2
    glibc_floor=native
fi

# Builds for a target triple and prints the folder of the binary. Linux
# targets are linked against glibc $glibc_floor with cargo-zigbuild; with
# the native linkers, the host builds without --target, so that it shares
# target/release (or target/debug) with everything else.
build() {
    local triple=$1
    if [[ "$triple" == *-linux-gnu && "$glibc_floor" != native ]]; then
        nice -n 10 cargo zigbuild --profile "$profile" --locked --target "$triple.$glibc_floor" >&2
        echo "$target_dir/$triple/$profile_dir"
    elif [ "$triple" = "$host" ]; then
        nice -n 10 cargo build --profile "$profile" --locked >&2
        echo "$target_dir/$profile_dir"
    else
        nice -n 10 cargo build --profile "$profile" --locked --target "$triple" >&2
        echo "$target_dir/$triple/$profile_dir"
    fi
}

# Copies a binary, without its symbol table when the target's strip is there.
install_stripped() {
    local from=$1 to=$2 strip=$3
    install -D -m 755 "$from" "$to"
    if command -v "$strip" >/dev/null; then
        "$strip" --strip-all "$to"
    else
        echo "note: $strip not found; $to keeps its symbols" >&2
    fi
}

# The sample workspace as the repository holds it (no lock files).
copy_sample() {
    local into=$1
    mkdir -p "$into"
    git ls-files -z assessments | while IFS= read -r -d '' file; do
        install -D -m 644 "$file" "$into/${file#assessments/}"
    done
}

# The Rust crates compiled into the binary for a triple, with their licences.
third_party() {
    local triple=$1
    if ! command -v python3 >/dev/null; then
        echo "The Rust crates compiled into govmaturity: see Cargo.lock and each crate on https://crates.io/."
        return
    fi
    cargo metadata --locked --format-version 1 --filter-platform "$triple" | python3 -c '
import json, sys
meta = json.load(sys.stdin)
by_id = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]
seen, stack = set(), [root]
while stack:
    node = nodes[stack.pop()]
    for dep in node["deps"]:
        # Normal dependencies only: what is linked into the program.
        if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
            seen.add(dep["pkg"])
            stack.append(dep["pkg"])
print("The Rust crates compiled into govmaturity, with their licences (SPDX).")
print("Their full texts: https://spdx.org/licenses/ and each crate on https://crates.io/.")
print()
for p in sorted((by_id[i] for i in seen), key=lambda p: (p["name"], p["version"])):
    print("%s %s: %s" % (p["name"], p["version"], p.get("license") or p.get("license_file") or "see the crate"))
'
}

# Who publishes the packages (the .deb's Maintainer field and changelog):
# GOVMATURITY_MAINTAINER="Name <address>". The default has no real address
# (lintian says bogus-mail-host): set it when publishing.
maintainer=${GOVMATURITY_MAINTAINER:-The govmaturity contributors <govmaturity@invalid>}

# The Debian changelog (/usr/share/doc/govmaturity/changelog.gz): one entry
# for this version, dated by the last commit, so a rebuild gives the same
# bytes.
changelog() {
    local date
    date=$(git log -1 --format=%aD 2>/dev/null || date -R)
    printf 'govmaturity (%s) stable; urgency=medium\n\n' "$version"
    printf '  * Release %s. See README.md in this folder.\n\n' "$version"
    printf ' -- %s  %s\n' "$maintainer" "$date"
}

# Man pages and completions, written by the host binary from the clap
# definitions (the same for every target).
extras() {
    local bin=${GOVMATURITY_EXTRAS_BIN:-}
    if [ -z "$bin" ]; then
        bin=$(build "$host")/govmaturity
    fi
    rm -rf "$work/extras"
    "$bin" generate-extras --out "$work/extras" >/dev/null
}

deb() {
    local arch=$1 triple=$2 strip=$3
    local release root deb glibc size
    release=$(build "$triple")
    root="$work/deb-$arch"
    rm -rf "$root"
    install_stripped "$release/govmaturity" "$root/usr/bin/govmaturity" "$strip"

    install -D -m 644 packaging/govmaturity.desktop "$root/usr/share/applications/govmaturity.desktop"
    for px in 16 32 48 64 128 256 512; do
        install -D -m 644 "assets/icon/govmaturity-$px.png" \
            "$root/usr/share/icons/hicolor/${px}x${px}/apps/govmaturity.png"
    done
    install -D -m 644 assets/icon/govmaturity.svg "$root/usr/share/icons/hicolor/scalable/apps/govmaturity.svg"
    copy_sample "$root/usr/share/govmaturity/sample"

    local doc="$root/usr/share/doc/govmaturity"
    install -D -m 644 packaging/copyright "$doc/copyright"
    install -D -m 644 LICENSE-MIT "$doc/LICENSE-MIT"
    install -D -m 644 LICENSE-APACHE "$doc/LICENSE-APACHE"
    install -D -m 644 assets/fonts/OFL.txt "$doc/fonts-OFL.txt"
    third_party "$triple" >"$doc/THIRD-PARTY.txt"
    gzip -9n -c README.md >"$doc/README.md.gz"
    changelog | gzip -9n >"$doc/changelog.gz"

    for page in "$work"/extras/*.1; do
        install -D -m 644 "$page" "$root/usr/share/man/man1/$(basename "$page")"
        gzip -9n "$root/usr/share/man/man1/$(basename "$page")"
    done
    install -D -m 644 "$work/extras/govmaturity.bash" "$root/usr/share/bash-completion/completions/govmaturity"
    install -D -m 644 "$work/extras/_govmaturity" "$root/usr/share/zsh/vendor-completions/_govmaturity"
    install -D -m 644 "$work/extras/govmaturity.fish" "$root/usr/share/fish/vendor_completions.d/govmaturity.fish"

    # The oldest C library the binary runs with: the newest symbol version it
    # links (readelf reads any architecture's ELF).
    glibc=$(readelf --dyn-syms -W "$root/usr/bin/govmaturity" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
    size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
    mkdir -p "$root/DEBIAN"
    (cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
    sed -e "s/@VERSION@/$version/" -e "s|@MAINTAINER@|$maintainer|" -e "s/@ARCH@/$arch/" -e "s/@GLIBC@/$glibc/" -e "s/@SIZE@/$size/" \
        packaging/control.in >"$root/DEBIAN/control"
    find "$root" -type d -exec chmod 755 {} +

    deb="$dist/govmaturity_${version}_${arch}.deb"
    dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
    echo "$deb"
}

windows() {
    local triple=x86_64-pc-windows-gnu
    local release name root zip
    release=$(build "$triple")
    name="govmaturity-$version-windows-x86_64"
    root="$work/$name"
    rm -rf "$work/$name"
    install_stripped "$release/govmaturity.exe" "$root/govmaturity.exe" x86_64-w64-mingw32-strip
    # Named `assessments`: started from Explorer, the app runs in its own
    # folder and opens ./assessments when it has no workspace yet.
    copy_sample "$root/assessments"
    # Windows line ends and a byte-order mark, so that Notepad on any
    # Windows version shows the Chinese text.
    for text in packaging/windows/README-en.txt packaging/windows/README-zh.txt LICENSE-MIT LICENSE-APACHE; do
        { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$text"; } >"$root/$(basename "$text" .txt).txt"
    done
    { printf '\xef\xbb\xbf'; sed 's/$/\r/' assets/fonts/OFL.txt; } >"$root/fonts-OFL.txt"
    { printf '\xef\xbb\xbf'; third_party "$triple" | sed 's/$/\r/'; } >"$root/THIRD-PARTY.txt"

    zip="$dist/$name.zip"
    rm -f "$zip"
    (cd "$work" && zip -q -r -9 -X "$OLDPWD/$zip" "$name")
    echo "$zip"
}

# The man pages and completions go into the .debs only.
if [[ " ${wanted[*]} " == *" deb-"* ]]; then
    extras
fi
for artifact in "${wanted[@]}"; do
    case "$artifact" in
        deb-amd64) deb amd64 x86_64-unknown-linux-gnu strip ;;
        deb-arm64) deb arm64 aarch64-unknown-linux-gnu aarch64-linux-gnu-strip ;;
        windows) windows ;;
        *)
            echo "unknown artifact \"$artifact\"; use deb-amd64, deb-arm64 or windows" >&2
            exit 2
            ;;
    esac
done
