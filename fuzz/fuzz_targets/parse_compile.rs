//! Parse, compile and evaluate arbitrary condition text: never a panic.
#![no_main]

use falco_rules::field::{Field, FieldArg, FieldError, FieldExtractor, FieldFlags, FieldSchema, FieldType, Values};
use falco_rules::{Filter, Scratch};
use libfuzzer_sys::fuzz_target;

/// One field of every type, list fields, and a MATCH_ANY field.
const FIELDS: &[(&str, FieldType, bool)] = &[
    ("a.str", FieldType::String, false),
    ("a.buf", FieldType::Bytes, false),
    ("a.u64", FieldType::Uint64, false),
    ("a.i64", FieldType::Int64, false),
    ("a.u16", FieldType::Uint16, false),
    ("a.bool", FieldType::Bool, false),
    ("a.ip", FieldType::IpAddr, false),
    ("a.net", FieldType::IpNet, false),
    ("a.list", FieldType::String, true),
    ("a.any", FieldType::String, false),
    ("a.missing", FieldType::String, false),
];

struct Schema;

impl FieldSchema for Schema {
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let i = FIELDS
            .iter()
            .position(|f| f.0 == name)
            .ok_or_else(|| FieldError::Unknown(name.into()))?;
        let (_, ty, list) = FIELDS[i];
        let mut f = Field::new(i as u32, ty);
        f.is_list = list;
        if name == "a.any" {
            f.flags = FieldFlags::MATCH_ANY;
        }
        if let Some(a) = arg {
            f.arg = FieldArg::Key(a.into());
        }
        Ok(f)
    }
}

struct Event;

impl FieldExtractor for Event {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        match field.id {
            0 => out.push_str("/usr/bin/cat"),
            1 => out.push_bytes(b"\x00\xca\xfe\xba\xbe"),
            2 => out.push_uint(42),
            3 => out.push_int(-7),
            4 => out.push_uint(443),
            5 => out.push_bool(true),
            6 => out.push_ip("10.1.2.3".parse().unwrap()),
            7 => out.push_net(falco_rules::IpNet::parse("10.0.0.0/8").unwrap()),
            8 => {
                out.push_str("-c");
                out.push_str("ls");
            }
            9 => {
                out.push_str("bash");
                out.push_str("sshd");
            }
            _ => return false,
        }
        true
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(filter) = Filter::new(text, &Schema) {
        let mut scratch = Scratch::new();
        let _ = filter.matches(&Event, &mut scratch);
        let _ = filter.program().to_string();
    }
});
