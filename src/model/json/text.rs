//! A file's bytes as text, and values shortened for messages.
//!
//! A scenario file is JSON, so it must be UTF-8. Windows tools add a byte-order mark
//! (Notepad's "UTF-8 with BOM") or save as UTF-16 (Notepad's "Unicode"); other tools
//! leave bytes from an old code page (`£` as the single byte `0xA3`). [`decode`] takes the
//! first, and says plainly what is wrong with the others, and where.

/// The byte-order mark Windows editors put at the start of a UTF-8 file (bytes EF BB BF).
pub const BOM: char = '\u{feff}';

/// How many characters of a value a message repeats before cutting it short.
pub const ECHO_CHARS: usize = 40;

/// `text` without a leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// The text in `bytes`: UTF-8, with or without a byte-order mark (which is dropped). Text
/// in UTF-16 (with or without its own byte-order mark) or with bytes that are not UTF-8 is
/// refused with a sentence saying what the file looks like and, for stray bytes, the
/// byte offset (from 0) and line of the first.
pub fn decode(bytes: &[u8]) -> Result<&str, String> {
    if looks_like_utf16(bytes) {
        return Err(
            "the file is UTF-16 text (Windows Notepad calls it \"Unicode\"): \
                    save it as UTF-8 and try again"
                .into(),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(strip_bom(text)),
        Err(e) => {
            let at = e.valid_up_to();
            let byte = bytes.get(at).copied().unwrap_or_default();
            let line = bytes
                .get(..at)
                .unwrap_or_default()
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                .saturating_add(1);
            Err(format!(
                "the file is not UTF-8 text: the byte at offset {at} (line {line}) is \
                 0x{byte:02X}, which UTF-8 does not allow there; save it as UTF-8 (a scenario \
                 is a JSON text file)"
            ))
        }
    }
}

/// True for UTF-16: a UTF-16 byte-order mark (FF FE or FE FF), or, without one, a zero
/// byte in every other position of the first characters (ASCII in UTF-16; a JSON file
/// never holds a zero byte, which would have to be written `\u0000`).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = bytes.get(..bytes.len().min(64)).unwrap_or_default();
    let pairs = head.len() / 2;
    if pairs < 2 {
        return false;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    // Most pairs with a zero on the same side, and none on the other.
    [(0, 1), (1, 0)]
        .iter()
        .any(|&(zero, other)| zeros_at(zero) * 4 >= pairs * 3 && zeros_at(other) == 0)
}

/// `value` as a message repeats it: whole if at most [`ECHO_CHARS`] characters, otherwise
/// its first characters and "…", so a 10,000-character value cannot fill the screen.
pub fn shorten(value: &str) -> String {
    let mut chars = value.char_indices();
    match chars.nth(ECHO_CHARS) {
        None => value.to_string(),
        Some(_) => {
            let keep: String = value.chars().take(ECHO_CHARS.saturating_sub(1)).collect();
            format!("{keep}…")
        }
    }
}

/// A count with thousands separators, for messages: 50000 → "50,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && digits.len().saturating_sub(i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn utf8_with_or_without_a_bom() {
        assert_eq!(decode(b"{\"a\": 1}"), Ok("{\"a\": 1}"));
        assert_eq!(decode(b"\xEF\xBB\xBF{\"a\": 1}"), Ok("{\"a\": 1}"));
        assert_eq!(decode("£1".as_bytes()), Ok("£1"));
        assert_eq!(decode(b""), Ok(""));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Ok(""));
        // Only one mark is dropped: a second is text (and JSON will refuse it).
        assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBFx"), Ok("\u{feff}x"));
    }

    #[test]
    fn utf16_from_notepad_says_save_as_utf8() {
        let json = "{\"schema\": 1, \"name\": \"Plan £\"}";
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(utf16le(json));
        let mut big_endian = vec![0xFE, 0xFF];
        big_endian.extend(utf16be(json));
        for bytes in [with_bom, utf16le(json), big_endian, utf16be(json)] {
            let e = decode(&bytes).unwrap_err();
            assert!(
                e.contains("UTF-16") && e.contains("save it as UTF-8"),
                "{e}"
            );
        }
    }

    #[test]
    fn stray_bytes_give_their_offset_and_line() {
        // "£" saved by a Windows-1252 editor is the one byte 0xA3.
        let bytes = b"{\n  \"name\": \"Plan \xA3\"\n}";
        let e = decode(bytes).unwrap_err();
        assert_eq!(
            e,
            "the file is not UTF-8 text: the byte at offset 18 (line 2) is 0xA3, which UTF-8 \
             does not allow there; save it as UTF-8 (a scenario is a JSON text file)"
        );
        assert_eq!(bytes[18], 0xA3);
        // A binary file (a PNG) at its first byte.
        let e = decode(b"\x89PNG\r\n\x1a\n").unwrap_err();
        assert!(e.contains("the byte at offset 0 (line 1) is 0x89"), "{e}");
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(50_000), "50,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn long_values_are_cut_to_forty_characters() {
        assert_eq!(shorten("short"), "short");
        let forty = "x".repeat(40);
        assert_eq!(shorten(&forty), forty);
        let long = "£".repeat(10_000);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), 40);
        assert!(short.ends_with("££…"), "{short}");
    }
}
