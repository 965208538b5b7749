//! The rare fields of an agency (position, qualifier, province, note, suggestion), boxed apart.

use super::Agency;
use serde::{Deserialize, Deserializer, Serialize};

/// What few agency pieces carry beside their name, kept in [`Agency::details`].
///
/// Every field is optional; a piece with none of them has no details at all (`None`), and
/// [`Agency::details_mut`] creates them on first write.
///
/// ```
/// let reg = kehoach::agency::Registry::embedded();
/// let a = reg.recognize("Giám đốc Sở Y tế");
/// assert_eq!(a.position(), Some("Giám đốc"));
/// let b = reg.recognize("Sở Y tế");
/// assert!(b.details.is_none() && b.position().is_none());
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyDetails {
    /// A position named instead of the body ("Giám đốc", "Chủ tịch").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// A qualifier after the name ("tỉnh Quảng Ngãi", "các cấp").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The province the piece names ("Đắk Nông" for "Sở TT&TT tỉnh Đắk Nông"), its short name as
    /// in [`Registry::provinces`](super::Registry::provinces); succession follows that
    /// province's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// A parenthesised note ("Giao Phòng Nghiệp vụ Y").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For an unknown piece, the nearest known name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl AgencyDetails {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.position.is_none()
            && self.qualifier.is_none()
            && self.province.is_none()
            && self.note.is_none()
            && self.suggestion.is_none()
    }

    /// Boxed, or `None` when empty (how [`Agency::details`] holds them).
    pub fn boxed(self) -> Option<Box<AgencyDetails>> {
        (!self.is_empty()).then(|| Box::new(self))
    }
}

/// The flattened fields read back: `None` when the JSON has none of them, so that a parsed
/// agency and the same agency read from its JSON are equal.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<Option<Box<AgencyDetails>>, D::Error> {
    AgencyDetails::deserialize(de).map(AgencyDetails::boxed)
}

impl Agency {
    /// The details, created empty on first use.
    ///
    /// ```
    /// let mut a = kehoach::agency::Registry::embedded().recognize("Sở Y tế");
    /// a.details_mut().note = Some("đầu mối".to_string());
    /// assert_eq!(a.note(), Some("đầu mối"));
    /// ```
    pub fn details_mut(&mut self) -> &mut AgencyDetails {
        self.details.get_or_insert_with(Box::default)
    }

    /// A position named instead of the body ("Giám đốc", "Chủ tịch").
    pub fn position(&self) -> Option<&str> {
        self.details.as_ref()?.position.as_deref()
    }

    /// A qualifier after the name ("tỉnh Quảng Ngãi", "các cấp").
    pub fn qualifier(&self) -> Option<&str> {
        self.details.as_ref()?.qualifier.as_deref()
    }

    /// The province the piece names, its short name ("Đắk Nông").
    pub fn province(&self) -> Option<&str> {
        self.details.as_ref()?.province.as_deref()
    }

    /// A parenthesised note ("Giao Phòng Nghiệp vụ Y").
    pub fn note(&self) -> Option<&str> {
        self.details.as_ref()?.note.as_deref()
    }

    /// For an unknown piece, the nearest known name.
    pub fn suggestion(&self) -> Option<&str> {
        self.details.as_ref()?.suggestion.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Registry;
    use super::*;

    #[test]
    fn details_are_flat_in_json_and_read_back_equal() {
        let reg = Registry::embedded();
        let with = reg.recognize("Giám đốc Sở Y tế tỉnh Đắk Nông (đầu mối)");
        let d = with.details.as_deref().cloned().unwrap_or_default();
        assert_eq!(
            (
                d.position.as_deref(),
                d.province.as_deref(),
                d.note.as_deref()
            ),
            (Some("Giám đốc"), Some("Đắk Nông"), Some("đầu mối"))
        );
        let json = serde_json::to_value(&with).unwrap();
        assert_eq!(json["position"], "Giám đốc");
        assert_eq!(json["province"], "Đắk Nông");
        assert_eq!(json["note"], "đầu mối");
        assert!(json.get("details").is_none() && json.get("suggestion").is_none());
        assert_eq!(
            crate::json::to_string(&with),
            serde_json::to_string(&with).unwrap()
        );
        let back: Agency = serde_json::from_value(json).unwrap();
        assert_eq!(back, with);

        let without = reg.recognize("Sở Y tế");
        assert!(without.details.is_none());
        let json = serde_json::to_string(&without).unwrap();
        assert!(
            !json.contains("position") && !json.contains("details"),
            "{json}"
        );
        let back: Agency = serde_json::from_str(&json).unwrap();
        assert!(back.details.is_none());
        assert_eq!(back, without);
    }

    #[test]
    fn an_agency_is_small() {
        // Was 232 bytes with the five optional strings inline.
        assert!(
            std::mem::size_of::<Agency>() <= 128,
            "{}",
            std::mem::size_of::<Agency>()
        );
    }
}
