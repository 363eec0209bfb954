//! The `evident` command line (SPEC §2): reads files or `-` (stdin), writes JSON to stdout.
//! A bad input exits 2 with the file name and the JSON path of the fault; nothing panics.

#[cfg(not(target_arch = "wasm32"))]
mod calibrate;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod feedback;
#[cfg(not(target_arch = "wasm32"))]
mod framework;
#[cfg(not(target_arch = "wasm32"))]
mod mastery;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
