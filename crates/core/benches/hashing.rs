//! Issue 4's import benchmark: reading a 1 GiB safetensors adapter (header parse + streaming
//! SHA-256) must run at no less than 80% of `sha256sum`'s speed on the same file, in flat
//! memory. Not a criterion bench: it compares against an external program and reports peak
//! memory, so it times a few runs of each itself and prints the figures.
//!
//! `cargo bench -p steerco-core --bench hashing` (STEERCO_BENCH_HASH_MIB sets the size; 1024).

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use steerco_core::registry::peft::read_safetensors;

fn main() {
    let mib: u64 = std::env::var("STEERCO_BENCH_HASH_MIB").ok().and_then(|s| s.parse().ok()).unwrap_or(1024);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("adapter_model.safetensors");
    write_safetensors(&path, mib << 20);
    let size = std::fs::metadata(&path).unwrap().len();

    let rss_before = peak_rss_kib();
    // The first pass of each warms the page cache, so both read from memory, as they would
    // when an adapter was just copied onto the laptop.
    let ours = best_of(3, || {
        let summary = read_safetensors(&path).expect("read");
        assert_eq!(summary.parameters, Some((mib << 20) / 4));
    });
    let rss_after = peak_rss_kib();
    let theirs = best_of(3, || {
        let status = Command::new("sha256sum").arg(&path).stdout(std::process::Stdio::null()).status();
        assert!(status.expect("sha256sum runs").success());
    });
    let gib = size as f64 / (1u64 << 30) as f64;
    let ratio = theirs.as_secs_f64() / ours.as_secs_f64();
    println!("file: {size} bytes ({gib:.2} GiB)");
    println!(
        "steerco read_safetensors (header + SHA-256): {:.3} s = {:.0} MiB/s",
        ours.as_secs_f64(),
        mib as f64 / ours.as_secs_f64()
    );
    println!(
        "sha256sum:                                 {:.3} s = {:.0} MiB/s",
        theirs.as_secs_f64(),
        mib as f64 / theirs.as_secs_f64()
    );
    println!("speed relative to sha256sum: {:.0}% (target >= 80%)", ratio * 100.0);
    println!(
        "peak RSS growth while importing: {} KiB (flat memory: well under the file size)",
        rss_after.saturating_sub(rss_before)
    );
    if ratio < 0.8 {
        eprintln!("hashing is slower than 80% of sha256sum");
        std::process::exit(1);
    }
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// One F32 tensor filling `data_bytes`, written in 1 MiB chunks so the bench itself stays small.
fn write_safetensors(path: &std::path::Path, data_bytes: u64) {
    let header = format!(
        r#"{{"__metadata__":{{"format":"pt"}},"base_model.model.layers.0.self_attn.q_proj.lora_A.weight":{{"dtype":"F32","shape":[{}],"data_offsets":[0,{}]}}}}"#,
        data_bytes / 4,
        data_bytes
    );
    let mut header = header.into_bytes();
    while header.len() % 8 != 0 {
        header.push(b' ');
    }
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    file.write_all(&(header.len() as u64).to_le_bytes()).unwrap();
    file.write_all(&header).unwrap();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let chunk: Vec<u8> = (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let mut left = data_bytes;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        file.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    file.flush().unwrap();
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
