//! The languages kgpin speaks: Kyrgyz (the state language), Russian (the
//! official language) and English. A leaf: every face's catalogue words its
//! own codes in these, with [`Lang::pick`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kyrgyz (кыргыз тили), the state language.
    Ky,
    /// Russian, the official language.
    Ru,
    #[default]
    /// English, the default.
    En,
}

/// The text does not name a supported language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected ky, ru or en")]
pub struct LangError(pub String);

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 3] = [Lang::Ky, Lang::Ru, Lang::En];

    /// The ISO 639-1 code.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ky => "ky",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's own name, for a language switch.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Ky => "Кыргызча",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    /// The text for this language, of three: how every catalogue is written.
    pub const fn pick(self, ky: &'static str, ru: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Ky => ky,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = LangError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "ky" | "kg" | "kir" => Ok(Lang::Ky),
            "ru" | "rus" => Ok(Lang::Ru),
            "en" | "eng" => Ok(Lang::En),
            _ => Err(LangError(text.to_string())),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
