//! SHA-256 of files as evidence. Files are read in fixed-size chunks, so a multi-gigabyte
//! weights file is hashed in constant memory; sha2 picks the CPU's SHA extensions when present.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{CoreError, CoreResult};
use crate::registry::FileDigest;

/// Large enough that syscalls cost nothing next to hashing, small enough to stay in cache.
const CHUNK: usize = 1 << 20;

/// Hashes the file at `path`, streaming.
pub fn hash_file(path: &Path) -> CoreResult<FileDigest> {
    let mut file = File::open(path).map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    let (sha256, bytes) =
        hash_reader(&mut file).map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(FileDigest { file_name, bytes, sha256 })
}

/// Hashes everything `reader` yields; returns the hex digest and the byte count.
pub fn hash_reader(reader: &mut impl Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buffer[..n]);
        total += n as u64;
    }
    Ok((hex(&hasher.finalize()), total))
}

pub fn hash_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_match_known_vectors_across_chunk_boundaries() {
        assert_eq!(hash_bytes(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let data = vec![0x5au8; CHUNK * 2 + 17];
        let (streamed, n) = hash_reader(&mut data.as_slice()).unwrap();
        assert_eq!((streamed, n), (hash_bytes(&data), data.len() as u64));
    }
}
