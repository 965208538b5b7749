//! Keys of the writer's own types, quoted at compile time (`q!`) and appended at once.

use super::{JsonWriter, ToJson};

impl JsonWriter<'_> {
    /// [`Self::key`] of a key written with `q!` (natively quoted, `": "` after it): appended at
    /// once after the separator.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn qkey(&mut self, quoted: &str) {
        self.sep();
        let kept = if self.indent.is_some() {
            quoted.len()
        } else {
            quoted.len().saturating_sub(1)
        };
        self.out.push_str(quoted.get(..kept).unwrap_or(quoted));
    }

    /// [`Self::key`] (the wasm package's `q!` keys are bare).
    #[cfg(target_arch = "wasm32")]
    #[inline(always)]
    pub(crate) fn qkey(&mut self, key: &str) {
        self.key(key);
    }

    /// [`Self::field`] of a `q!` key.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    pub(crate) fn qfield<T: ToJson + ?Sized>(&mut self, quoted: &str, v: &T) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.qkey(quoted);
            v.write_json(self);
        }
        #[cfg(target_arch = "wasm32")]
        self.field(quoted, v);
    }

    /// [`Self::opt_field`] of a `q!` key.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    pub(crate) fn qopt_field<T: ToJson>(&mut self, quoted: &str, v: &Option<T>) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(v) = v {
            self.qfield(quoted, v);
        }
        #[cfg(target_arch = "wasm32")]
        self.opt_field(quoted, v);
    }

    /// [`Self::nonempty_field`] of a `q!` key.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    pub(crate) fn qnonempty_field<T: ToJson>(&mut self, quoted: &str, v: &[T]) {
        #[cfg(not(target_arch = "wasm32"))]
        if !v.is_empty() {
            self.qfield(quoted, v);
        }
        #[cfg(target_arch = "wasm32")]
        self.nonempty_field(quoted, v);
    }
}
