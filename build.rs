//! Build script: lists the shipped sample workspace (`assessments/`) for the
//! program to carry (`generate --sample`, the installed app's "Open the
//! sample workspace"); for a Windows target, also embeds the app icon and
//! the version information (Explorer's Properties → Details) in
//! govmaturity.exe.
//!
//! The resource is compiled with binutils' `windres` (mingw-w64, the
//! toolchain the Windows build uses; `WINDRES` names another) and linked as
//! an object file, which is what the resource crates do for GNU targets,
//! without their TOML parser in every build. It never fails a build: without
//! a resource compiler it warns, and the .exe has no icon
//! (scripts/package.sh checks for the resources).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ICON: &str = "assets/icon/govmaturity.ico";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={ICON}");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if let Err(why) = list_sample() {
        // Without the list the library does not compile: say why, and stop.
        eprintln!("error: listing the sample workspace in {SAMPLE}/: {why}");
        std::process::exit(1);
    }
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    match embed_resources() {
        Ok(object) => println!("cargo:rustc-link-arg-bins={}", object.display()),
        Err(why) => println!("cargo:warning=govmaturity.exe gets no icon or version information: {why}"),
    }
}

/// The folder of the shipped sample workspace.
const SAMPLE: &str = "assessments";

/// Writes `$OUT_DIR/sample_files.rs`: `SAMPLE_FILES`, each `.ron` file of
/// `assessments/` (the workspace file, the plan, and each department
/// folder's assessments) as its path there and its text, in name order.
/// Hidden files (locks, recovery journals) and backups are left out. Cargo
/// reruns this when one of those files or a department folder changes (not
/// the top folder, which the app's lock files touch).
fn list_sample() -> Result<(), String> {
    let out_dir = PathBuf::from(env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    let manifest_dir =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| format!("CARGO_MANIFEST_DIR: {e}"))?);
    let root = manifest_dir.join(SAMPLE);
    let mut files = Vec::new();
    for entry in sorted_entries(&root)? {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if entry.is_dir() {
            println!("cargo:rerun-if-changed={}", entry.display());
            for inner in sorted_entries(&entry)? {
                let inner_name = inner
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if inner.is_file() && !inner_name.starts_with('.') && inner_name.ends_with(".ron") {
                    files.push((format!("{name}/{inner_name}"), inner));
                }
            }
        } else if name.ends_with(".ron") {
            files.push((name, entry));
        }
    }
    let mut code = String::from("/// The shipped sample workspace: each file's path in it, and its text.\n");
    code.push_str("pub const SAMPLE_FILES: &[(&str, &str)] = &[\n");
    for (relative, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({relative:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let target = out_dir.join("sample_files.rs");
    fs::write(&target, code).map_err(|e| format!("{}: {e}", target.display()))
}

/// The entries of a folder, sorted by name.
fn sorted_entries(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

/// Compiles the resource script; returns the object file to link.
fn embed_resources() -> Result<PathBuf, String> {
    if env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu") {
        return Err("the resources are compiled with windres, for the x86_64-pc-windows-gnu target".into());
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    let manifest_dir =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| format!("CARGO_MANIFEST_DIR: {e}"))?);
    let script = out_dir.join("govmaturity.rc");
    let object = out_dir.join("govmaturity-resources.o");
    fs::write(&script, resource_script(&manifest_dir.join(ICON)))
        .map_err(|e| format!("{}: {e}", script.display()))?;

    let windres = env::var("WINDRES").unwrap_or_else(|_| {
        let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_else(|_| "x86_64".into());
        let prefixed = format!("{arch}-w64-mingw32-windres");
        // On a Windows host, MSYS2's mingw-w64 names it plain `windres`.
        if Command::new(&prefixed).arg("--version").output().is_ok() {
            prefixed
        } else {
            "windres".into()
        }
    });
    let status = Command::new(&windres)
        .arg("--input")
        .arg(&script)
        .args(["--input-format=rc", "--output-format=coff", "--output"])
        .arg(&object)
        .status()
        .map_err(|e| {
            format!("{windres} could not be run ({e}); install mingw-w64's binutils or set WINDRES")
        })?;
    if !status.success() {
        return Err(format!("{windres} failed on {} ({status})", script.display()));
    }
    Ok(object)
}

/// The resource script: the icon (resource 1, the one Explorer shows) and a
/// VERSIONINFO from Cargo.toml's package fields. ASCII only, so no code
/// page matters.
fn resource_script(icon: &Path) -> String {
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| part.parse().unwrap_or(0))
        .chain([0, 0, 0, 0])
        .take(4)
        .collect();
    let binary_version = numbers.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
    let description = env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    let licence = env::var("CARGO_PKG_LICENSE").unwrap_or_default();
    let company = match env::var("CARGO_PKG_AUTHORS") {
        Ok(authors) if !authors.is_empty() => authors.replace(':', ", "),
        _ => "The govmaturity contributors".to_owned(),
    };
    // windres reads the path inside quotes; forward slashes work on every host.
    let icon = icon.display().to_string().replace('\\', "/");

    let mut rc = String::new();
    let _ = writeln!(rc, "1 ICON \"{}\"", escape(&icon));
    let _ = writeln!(rc, "1 VERSIONINFO");
    let _ = writeln!(rc, "FILEVERSION {binary_version}");
    let _ = writeln!(rc, "PRODUCTVERSION {binary_version}");
    // VOS_NT_WINDOWS32, VFT_APP.
    let _ = writeln!(rc, "FILEOS 0x40004\nFILETYPE 0x1\nBEGIN");
    let _ = writeln!(
        rc,
        "  BLOCK \"StringFileInfo\"\n  BEGIN\n    BLOCK \"040904B0\"\n    BEGIN"
    );
    for (key, value) in [
        ("CompanyName", company.as_str()),
        ("FileDescription", description.as_str()),
        ("FileVersion", version.as_str()),
        ("InternalName", "govmaturity"),
        ("LegalCopyright", &format!("Licence: {licence}")),
        ("OriginalFilename", "govmaturity.exe"),
        ("ProductName", "govmaturity"),
        ("ProductVersion", version.as_str()),
    ] {
        let _ = writeln!(rc, "      VALUE \"{key}\", \"{}\"", escape(value));
    }
    let _ = writeln!(rc, "    END\n  END");
    // US English, Unicode.
    let _ = writeln!(
        rc,
        "  BLOCK \"VarFileInfo\"\n  BEGIN\n    VALUE \"Translation\", 0x409, 1200\n  END"
    );
    let _ = writeln!(rc, "END");
    rc
}

/// A string for inside double quotes in a resource script (and ASCII only).
fn escape(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii)
        .flat_map(|c| match c {
            '"' => vec!['"', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect()
}
