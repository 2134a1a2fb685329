//! The digests the build writes: subresource integrity, CSP script hashes, file-name hashes.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// Subresource integrity for a file: `sha384-…`, as browsers check it.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// The CSP source that allows exactly `text` as an inline script or stylesheet:
/// `'sha256-…'` over its UTF-8 bytes.
pub fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The first 16 hex digits of a SHA-256 of `bytes`: a file name that changes when its
/// contents do.
pub fn short_hash(bytes: &[u8]) -> String {
    short_hex(&Sha256::digest(bytes))
}

/// The first 8 bytes of a digest in hex.
pub fn short_hex(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_sha384_in_base64() {
        // printf 'p{}' | openssl dgst -sha384 -binary | base64
        assert_eq!(
            integrity(b"p{}"),
            "sha384-l5tjHW8LADNSE1AyPUmwbkf/3UM+JeWJSCHSxsox6miUwcatnR+pEle0o/Ibe1pq"
        );
    }

    #[test]
    fn csp_hashes_are_base64_sha256() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn short_hashes_are_16_hex_digits() {
        let h = short_hash(b"x");
        assert_eq!(h.len(), 16);
        assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
