//! The `evident` command line (SPEC §2): reads files or `-` (stdin), writes JSON to stdout.
//! A bad input exits 2 with the file name and the JSON path of the fault; nothing panics.
//! Exit statuses: `cli::exit` (0 ok, 1 a batch with failed lines, 2 bad input, 64 usage,
//! 74 output not written).

#[cfg(not(target_arch = "wasm32"))]
mod batch;
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
