//! The PDF file being written: numbered objects in PDF syntax, each one's offset kept for the
//! cross-reference table, then the trailer. lopdf's own writer is private and takes a whole
//! document; this one appends objects as chunks of pages come in.

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// The objects of the file being written, with where each starts.
pub struct ObjectWriter {
    bytes: Vec<u8>,
    offsets: Vec<Option<usize>>,
    next_id: u32,
}

impl ObjectWriter {
    /// A file starting with the PDF header, whose next free object number is `next_id`.
    pub(super) fn new(next_id: u32, capacity: usize) -> ObjectWriter {
        let mut bytes = Vec::with_capacity(capacity);
        bytes.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        ObjectWriter { bytes, offsets: Vec::new(), next_id }
    }

    pub fn allocate(&mut self) -> ObjectId {
        let id = self.next_id;
        self.next_id += 1;
        (id, 0)
    }

    pub fn write(&mut self, id: ObjectId, object: &Object) -> std::io::Result<()> {
        let at = id.0 as usize;
        if self.offsets.len() <= at {
            self.offsets.resize(at + 1, None);
        }
        self.offsets[at] = Some(self.bytes.len());
        writeln!(self.bytes, "{} 0 obj", id.0)?;
        write_object(&mut self.bytes, object)?;
        self.bytes.extend_from_slice(b"\nendobj\n");
        Ok(())
    }

    pub(super) fn finish(mut self, trailer: &Dictionary) -> std::io::Result<Vec<u8>> {
        let start = self.bytes.len();
        let size = (self.next_id as usize).max(self.offsets.len());
        write!(self.bytes, "xref\n0 {size}\n0000000000 65535 f \n")?;
        for id in 1..size {
            match self.offsets.get(id).copied().flatten() {
                Some(offset) => writeln!(self.bytes, "{offset:010} 00000 n ")?,
                None => self.bytes.extend_from_slice(b"0000000000 00000 f \n"),
            }
        }
        let mut trailer = trailer.clone();
        trailer.set("Size", Object::Integer(size as i64));
        self.bytes.extend_from_slice(b"trailer\n");
        write_object(&mut self.bytes, &Object::Dictionary(trailer))?;
        write!(self.bytes, "\nstartxref\n{start}\n%%EOF\n")?;
        Ok(self.bytes)
    }
}

/// PDF syntax for one object, as lopdf writes it (its writer is private).
fn write_object(out: &mut Vec<u8>, object: &Object) -> std::io::Result<()> {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => write!(out, "{i}")?,
        Object::Real(r) => write!(out, "{}", if r.is_finite() { *r } else { 0.0 })?,
        Object::Name(name) => write_name(out, name),
        Object::String(text, StringFormat::Literal) => {
            out.push(b'(');
            for &byte in text {
                match byte {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(byte),
                }
            }
            out.push(b')');
        }
        Object::String(text, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for byte in text {
                write!(out, "{byte:02X}")?;
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict)?,
        Object::Stream(stream) => {
            let mut dict = stream.dict.clone();
            dict.set("Length", Object::Integer(stream.content.len() as i64));
            write_dictionary(out, &dict)?;
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => write!(out, "{id} {generation} R")?,
    }
    Ok(())
}

fn write_dictionary(out: &mut Vec<u8>, dict: &Dictionary) -> std::io::Result<()> {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value)?;
    }
    out.extend_from_slice(b">>");
    Ok(())
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            out.extend_from_slice(format!("#{byte:02X}").as_bytes());
        } else {
            out.push(byte);
        }
    }
}
