//! Byte offsets → UTF-16 code units, applied to every [`kehoach::Span`] while serializing.
//!
//! JavaScript strings are indexed in UTF-16 code units: the seed is 31,269 UTF-8 bytes but
//! 24,024 UTF-16 units, so a byte offset handed to `text.slice()` would be wrong. This is the one
//! place where spans are converted. [`WithUtf16`] wraps any `Serialize` value and rewrites the
//! `start` and `end` fields of every struct named `Span` on the way through the serializer, so
//! every span of every output type is converted, including types added later, without a visitor
//! that would have to know where spans live. (A `Span` flattened with `#[serde(flatten)]` into
//! another struct would not be seen; the model never does that.) `line` and `column` are left as
//! they are (`column` counts Unicode scalar values).
//!
//! [`Utf16Map`] is built once per text in linear time: a checkpoint every [`STRIDE`] bytes, so a
//! lookup counts at most `STRIDE` bytes. Offsets past the end of the text map to its length.

use serde::ser::{
    Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// Bytes between two checkpoints.
pub const STRIDE: usize = 64;

/// Maps UTF-8 byte offsets of one text to UTF-16 code-unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Map<'a> {
    /// `None`: the identity map (spans are kept as they are).
    bytes: Option<&'a [u8]>,
    /// UTF-16 offset of byte `k * STRIDE`, counting the chars that start before it.
    checkpoints: Vec<u32>,
}

/// UTF-16 units contributed by the char starting with byte `b` (0 for continuation bytes).
fn units(b: u8) -> u32 {
    match b {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

impl<'a> Utf16Map<'a> {
    /// Indexes `text` (linear time, `len / STRIDE` checkpoints).
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut acc = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(acc);
            acc = acc.saturating_add(chunk.iter().map(|&b| units(b)).sum::<u32>());
        }
        checkpoints.push(acc);
        Utf16Map {
            bytes: Some(bytes),
            checkpoints,
        }
    }

    /// The map that keeps offsets as they are (for values whose spans are already converted or
    /// whose text is unknown, such as a plan passed back from JavaScript).
    pub fn identity() -> Self {
        Utf16Map {
            bytes: None,
            checkpoints: Vec::new(),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text).
    pub fn utf16(&self, byte: u32) -> u32 {
        let Some(bytes) = self.bytes else {
            return byte;
        };
        let byte = (byte as usize).min(bytes.len());
        let k = byte / STRIDE;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        let from = k * STRIDE;
        let rest: u32 = bytes
            .get(from..byte)
            .unwrap_or(&[])
            .iter()
            .map(|&b| units(b))
            .sum();
        base.saturating_add(rest)
    }
}

/// A value serialized with every `Span`'s `start`/`end` converted to UTF-16 units.
pub struct WithUtf16<'a, T: ?Sized> {
    /// The value.
    pub value: &'a T,
    /// The offsets of the text its spans point into.
    pub map: &'a Utf16Map<'a>,
}

impl<T: Serialize + ?Sized> Serialize for WithUtf16<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wrap(self.value, self.map).serialize(serializer)
    }
}

/// A nested value: `offset` marks the `start`/`end` of a `Span`, whose `u32` is converted.
struct Nested<'a, T: ?Sized> {
    value: &'a T,
    map: &'a Utf16Map<'a>,
    offset: bool,
}

impl<T: Serialize + ?Sized> Serialize for Nested<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Utf16Serializer {
            inner: serializer,
            map: self.map,
            offset: self.offset,
        })
    }
}

fn wrap<'a, T: ?Sized>(value: &'a T, map: &'a Utf16Map<'a>) -> Nested<'a, T> {
    Nested {
        value,
        map,
        offset: false,
    }
}

/// A serializer that forwards to `inner`, wrapping nested values so spans are converted.
struct Utf16Serializer<'a, S> {
    inner: S,
    map: &'a Utf16Map<'a>,
    /// This value is a span offset: a `u32` byte offset, converted.
    offset: bool,
}

/// Compound serializers forward to the inner one, wrapping each element.
struct Compound<'a, C> {
    inner: C,
    map: &'a Utf16Map<'a>,
    /// Inside a `Span` struct: `start` and `end` are converted.
    span: bool,
}

impl<'a, C> Compound<'a, C> {
    fn new(inner: C, map: &'a Utf16Map<'a>) -> Self {
        Compound {
            inner,
            map,
            span: false,
        }
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
                self.inner.$method($($arg),*)
            }
        )*
    };
}

impl<'a, S: Serializer> Serializer for Utf16Serializer<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'a, S::SerializeSeq>;
    type SerializeTuple = Compound<'a, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'a, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'a, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'a, S::SerializeMap>;
    type SerializeStruct = Compound<'a, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'a, S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_u32(self, v: u32) -> Result<S::Ok, S::Error> {
        let v = if self.offset { self.map.utf16(v) } else { v };
        self.inner.serialize_u32(v)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(&wrap(value, self.map))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_newtype_struct(name, &wrap(value, self.map))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_newtype_variant(name, index, variant, &wrap(value, self.map))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Compound::new(self.inner.serialize_seq(len)?, self.map))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Compound::new(self.inner.serialize_tuple(len)?, self.map))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Compound::new(
            self.inner.serialize_tuple_struct(name, len)?,
            self.map,
        ))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Ok(Compound::new(
            self.inner
                .serialize_tuple_variant(name, index, variant, len)?,
            self.map,
        ))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Compound::new(self.inner.serialize_map(len)?, self.map))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Compound {
            inner: self.inner.serialize_struct(name, len)?,
            map: self.map,
            span: name == "Span",
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Ok(Compound::new(
            self.inner
                .serialize_struct_variant(name, index, variant, len)?,
            self.map,
        ))
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl<C: $trait> $trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                self.inner.$method(&wrap(value, self.map))
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl<C: SerializeMap> SerializeMap for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        self.inner.serialize_key(&wrap(key, self.map))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_value(&wrap(value, self.map))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStruct> SerializeStruct for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        let offset = self.span && (key == "start" || key == "end");
        self.inner.serialize_field(
            key,
            &Nested {
                value,
                map: self.map,
                offset,
            },
        )
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStructVariant> SerializeStructVariant for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        self.inner.serialize_field(key, &wrap(value, self.map))
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> u32 {
        text.get(..byte).unwrap().encode_utf16().count() as u32
    }

    #[test]
    fn offsets_match_encode_utf16_at_every_char_boundary() {
        // 1-, 2-, 3- and 4-byte chars across several checkpoints.
        let text = "Sở Thông tin và Truyền thông 😀 a\r\nđ ".repeat(9);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.utf16(i as u32), naive(&text, i), "byte {i}");
        }
        assert_eq!(map.utf16(u32::MAX), naive(&text, text.len()));
        assert_eq!(Utf16Map::identity().utf16(12345), 12345);
    }

    #[test]
    fn seed_spans_slice_the_same_text_in_utf16() {
        let text = kehoach::SEED_PLAN;
        let map = Utf16Map::new(text);
        assert_eq!(text.len(), 31_269);
        assert_eq!(map.utf16(text.len() as u32), 24_024);

        let out = kehoach::parse(text);
        let task = out
            .plan
            .tasks()
            .into_iter()
            .find(|t| t.number == "II.3.a")
            .unwrap();
        let leads = task.leads.unwrap();
        assert_eq!(leads.text, "Sở Thông tin và Truyền thông.");

        let json = serde_json::to_value(WithUtf16 {
            value: &leads,
            map: &map,
        })
        .unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        let (s, e) = (
            json["span"]["start"].as_u64().unwrap() as usize,
            json["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), leads.text);
        assert!(s < leads.span.start as usize, "converted, not copied");
        assert_eq!(json["span"]["line"], leads.span.line);
        assert_eq!(json["span"]["column"], leads.span.column);
        // Nested spans (agencies inside leads) are converted too.
        assert_eq!(
            json["agencies"][0]["span"]["start"].as_u64(),
            Some(s as u64)
        );
    }

    #[test]
    fn only_span_structs_are_rewritten_and_field_order_is_kept() {
        let text = "đđđ";
        let map = Utf16Map::new(text);
        let out = kehoach::parse(text);
        let json = serde_json::to_string(&WithUtf16 {
            value: &out,
            map: &map,
        })
        .unwrap();
        let native = serde_json::to_string(&out).unwrap();
        assert!(native.contains(r#""span":{"start":0,"end":6,"line":1,"column":1}"#));
        assert!(json.contains(r#""span":{"start":0,"end":3,"line":1,"column":1}"#));
        assert_eq!(json.replace(r#""end":3"#, r#""end":6"#), native);
    }
}
