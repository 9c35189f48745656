#!/usr/bin/env bash
# CI for the other platforms and the packages (.ci/run calls it last):
#  - installs the cross toolchains (Debian's gcc-aarch64-linux-gnu,
#    gcc-mingw-w64-x86-64, qemu-user; rustup's targets); where they cannot be
#    installed it says which part is skipped, and passes;
#  - cross-builds aarch64-unknown-linux-gnu and runs that CLI under
#    qemu-aarch64 on the sample: `validate` and `summary --format json` must
#    print exactly what the native build prints;
#  - links it against glibc 2.28 with zig (as the release packages are) and
#    checks the binary needs nothing newer;
#  - builds the three packages (scripts/package.sh), installs the amd64 .deb
#    on this machine, runs /usr/bin/govmaturity validate on the installed
#    sample, and removes the package again;
#  - checks the .exe in the zip: a PE32+ GUI program with its icon and
#    version resource, the sample and the READMEs beside it.
#
# Debug builds: the amd64 package from CI's native build (profile dev); the
# cross builds with the `cross-check` profile (no optimisation, no debug
# information: they are built once and run on the sample), which builds
# much faster than a release. The packaging and the checks are the same as
# for a release. Needs root for apt-get and dpkg (as .ci/run does). The
# cross builds' folders are removed at the end (CI's disk is small).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_INCREMENTAL=0
export GOVMATURITY_PROFILE=dev
# The man pages and completions from CI's native build.
export GOVMATURITY_EXTRAS_BIN=$PWD/target/debug/govmaturity

arm=aarch64-unknown-linux-gnu
win=x86_64-pc-windows-gnu
sample=assessments
native=target/debug/govmaturity
skipped=()

# Installs the Debian packages that are missing; false when apt-get fails.
apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; } ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }
}

# Whether a cross target can be built here: its linker and Rust's library.
toolchain() {
    local triple=$1
    shift
    if ! apt_install "$@"; then
        echo "SKIPPED $triple: could not install $* with apt-get"
        return 1
    fi
    if ! rustup target list --installed 2>/dev/null | grep -qx "$triple" &&
        ! rustup target add "$triple" >/dev/null 2>&1; then
        echo "SKIPPED $triple: rustup could not add the target (offline, or no rustup)"
        return 1
    fi
}

# zig and cargo-zigbuild link the Linux packages against glibc 2.28 (UOS 20,
# Kylin V10); scripts/package.sh falls back to the system linkers without
# them, and says so.
zig_ready() {
    command -v cargo-zigbuild >/dev/null &&
        { command -v zig >/dev/null || python3 -m ziglang version >/dev/null 2>&1; }
}
if ! zig_ready; then
    { python3 -m ziglang version >/dev/null 2>&1 || command -v zig >/dev/null ||
        python3 -m pip install -q ziglang >/dev/null 2>&1 ||
        python3 -m pip install -q --break-system-packages ziglang >/dev/null 2>&1 || true; }
    { command -v cargo-zigbuild >/dev/null || cargo install -q --locked cargo-zigbuild >/dev/null 2>&1 || true; }
fi
if zig_ready; then
    floor=2.28
else
    echo "SKIPPED the glibc 2.28 link: could not install zig (pip) or cargo-zigbuild (cargo install);" \
        "the arm64 package needs the build machine's glibc"
    skipped+=("the glibc 2.28 link")
    floor=native
fi

cargo build --quiet --locked
if ! apt_install dpkg-dev zip unzip file; then
    echo "note: could not install dpkg-dev, zip, unzip or file with apt-get"
fi

# The newest glibc symbol version a binary needs.
needs_glibc() {
    readelf --dyn-syms -W "$1" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

echo "== aarch64 (arm64) package, its CLI under qemu-aarch64 on the sample"
if toolchain "$arm" gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user binutils-aarch64-linux-gnu; then
    SECONDS=0
    GOVMATURITY_PROFILE=cross-check GOVMATURITY_GLIBC=$floor scripts/package.sh deb-arm64
    echo "built and packaged in ${SECONDS}s"
    arm_bin="target/$arm/cross-check/govmaturity"
    file "$arm_bin" | grep -q 'ARM aarch64' || {
        echo "FAIL: $arm_bin is not an aarch64 executable: $(file -b "$arm_bin")"
        exit 1
    }
    arm_glibc=$(needs_glibc "$arm_bin")
    echo "$arm_bin needs glibc $arm_glibc"
    if [ "$floor" != native ] && [ "$(printf '%s\n%s\n' "$arm_glibc" "$floor" | sort -V | tail -1)" != "$floor" ]; then
        echo "FAIL: linked for glibc $floor, but $arm_bin needs glibc $arm_glibc"
        exit 1
    fi
    compare() {
        local native_out arm_out native_code=0 arm_code=0
        native_out=$("$native" "$@" 2>&1) || native_code=$?
        arm_out=$(qemu-aarch64 -L /usr/aarch64-linux-gnu "$arm_bin" "$@" 2>&1) || arm_code=$?
        if [ "$native_out" != "$arm_out" ] || [ "$native_code" != "$arm_code" ]; then
            echo "FAIL: govmaturity $* differs between x86_64 (exit $native_code) and aarch64 (exit $arm_code):"
            diff <(echo "$native_out") <(echo "$arm_out") | head -20
            exit 1
        fi
        echo "same output on both (exit $native_code, $(echo "$native_out" | wc -c) bytes): govmaturity $*"
    }
    compare validate "$sample"
    compare summary --format json "$sample"
    compare summary --format csv --lang zh "$sample"
else
    skipped+=("$arm")
fi

echo "== Windows x86_64 zip (mingw-w64)"
if toolchain "$win" gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64; then
    SECONDS=0
    GOVMATURITY_PROFILE=cross-check scripts/package.sh windows
    echo "built and packaged in ${SECONDS}s"
    # The .exe as shipped (stripped), out of the zip.
    unpacked=$(mktemp -d)
    unzip -q dist/govmaturity-*-windows-x86_64.zip -d "$unpacked"
    exe=$(find "$unpacked" -name govmaturity.exe | head -1)
    kind=$(file -b "$exe")
    echo "govmaturity.exe: $kind"
    case "$kind" in
        PE32+*"(GUI)"*x86-64*) ;;
        *)
            echo "FAIL: expected a PE32+ x86-64 GUI executable (no console window from Explorer)"
            exit 1
            ;;
    esac
    # The resource directory's type level (indented by three spaces) lists
    # 0x3 (icon), 0xe (icon group) and 0x10 (version information).
    types=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n '/The .rsrc Resource Directory/,$p' |
        grep -E '^[0-9a-f]+   Entry: ID: ' || true)
    for type in 0x000003 0x00000e 0x000010; do
        grep -q "ID: $type," <<<"$types" || {
            echo "FAIL: $exe has no resource of type $type (0x3 icon, 0xe icon group, 0x10 version)"
            exit 1
        }
    done
    grep -a -q "P.r.o.d.u.c.t.V.e.r.s.i.o.n" "$exe" || {
        echo "FAIL: $exe has no ProductVersion in its version resource"
        exit 1
    }
    for file in assessments/workspace.ron README-en.txt README-zh.txt LICENSE-MIT.txt fonts-OFL.txt THIRD-PARTY.txt; do
        [ -e "$(dirname "$exe")/$file" ] || {
            echo "FAIL: the zip has no $file beside govmaturity.exe"
            exit 1
        }
    done
    rm -rf "$unpacked"
    echo "icon and version resources present; sample, READMEs and licences beside it"
else
    skipped+=("$win")
fi

echo "== amd64 package (from CI's debug build, linked on this machine)"
SECONDS=0
GOVMATURITY_GLIBC=native scripts/package.sh deb-amd64
echo "packaged in ${SECONDS}s"
ls -l dist/

echo "== the amd64 .deb installed, its CLI run from /usr/bin on the installed sample"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
deb="dist/govmaturity_${version}_amd64.deb"
if [ "$(dpkg --print-architecture)" != amd64 ]; then
    echo "SKIPPED installing $deb: this machine is $(dpkg --print-architecture)"
    skipped+=("installing the .deb")
elif dpkg -s govmaturity >/dev/null 2>&1; then
    echo "SKIPPED installing $deb: a govmaturity package is installed already; not touching it"
    skipped+=("installing the .deb")
else
    dpkg -i "$deb" >/dev/null
    trap 'dpkg -r govmaturity >/dev/null 2>&1 || true' EXIT
    for file in /usr/bin/govmaturity /usr/share/applications/govmaturity.desktop \
        /usr/share/icons/hicolor/256x256/apps/govmaturity.png /usr/share/man/man1/govmaturity.1.gz \
        /usr/share/bash-completion/completions/govmaturity /usr/share/doc/govmaturity/fonts-OFL.txt \
        /usr/share/govmaturity/sample/workspace.ron; do
        [ -e "$file" ] || {
            echo "FAIL: the package did not install $file"
            exit 1
        }
    done
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate /usr/share/applications/govmaturity.desktop
    fi
    (cd / && /usr/bin/govmaturity --version)
    (cd / && /usr/bin/govmaturity validate /usr/share/govmaturity/sample)
    dpkg -r govmaturity >/dev/null
    trap - EXIT
    [ ! -e /usr/bin/govmaturity ] || {
        echo "FAIL: /usr/bin/govmaturity is still there after dpkg -r"
        exit 1
    }
    echo "installed, ran, removed"
fi

# The cross targets' build folders are large, and CI disk is scarce.
rm -rf "target/$arm" "target/$win" target/package
df -h . | tail -1
if [ ${#skipped[@]} -gt 0 ]; then
    echo "NOTE: not checked on this machine: ${skipped[*]} (see the SKIPPED lines above)"
fi
