//! Sex as written in PINs, registries and ID cards.

use std::fmt;
use std::str::FromStr;

/// A person's sex as recorded. Displayed and serialised as `F` / `M`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    /// Female: PIN first digit 1.
    Female,
    /// Male: PIN first digit 2.
    Male,
}

/// The text does not name a sex in any of the accepted spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected F or M (also Ж/М, А/Э, female/male)")]
pub struct SexError;

impl Sex {
    /// `F` or `M`.
    pub const fn code(self) -> &'static str {
        match self {
            Sex::Female => "F",
            Sex::Male => "M",
        }
    }
}

impl FromStr for Sex {
    type Err = SexError;

    /// Accepts what registries and ID cards write: Latin `F`/`M`, Russian `Ж`/`М`
    /// (женский/мужской), Kyrgyz `А`/`Э` (аял/эркек), and the words, any case.
    ///
    /// ```
    /// use kgpin::Sex;
    /// assert_eq!("ж".parse::<Sex>(), Ok(Sex::Female));
    /// assert_eq!("Э".parse::<Sex>(), Ok(Sex::Male));
    /// assert!("X".parse::<Sex>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // What nearly every row of an export holds, without lowering a copy.
        match text {
            "F" => return Ok(Sex::Female),
            "M" => return Ok(Sex::Male),
            _ => {}
        }
        // Lowered by hand: every accepted spelling is Latin or Russian
        // Cyrillic, and `to_lowercase` would bring the whole Unicode case
        // table into the citizen's page for these few words.
        let lowered: String = text
            .trim()
            .trim_end_matches('.')
            .chars()
            .map(|c| match c {
                'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
                'Ё' => 'ё',
                _ => c.to_ascii_lowercase(),
            })
            .collect();
        match lowered.as_str() {
            "f" | "female" | "ж" | "жен" | "женский" | "а" | "аял" | "w" => {
                Ok(Sex::Female)
            }
            "m" | "male" | "м" | "муж" | "мужской" | "э" | "эркек" => {
                Ok(Sex::Male)
            }
            _ => Err(SexError),
        }
    }
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

serde_as_text!(Sex);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_documented_spelling() {
        for f in [
            "F",
            "f",
            "female",
            "Ж",
            "ж",
            "А",
            "аял",
            "ЖЕНСКИЙ",
            "Жен.",
            "АЯЛ",
        ] {
            assert_eq!(f.parse::<Sex>(), Ok(Sex::Female), "{f}");
        }
        for m in [
            "M",
            "male",
            "MALE",
            "М",
            "м",
            "муж.",
            "Э",
            "эркек",
            "Мужской",
            "ЭРКЕК",
        ] {
            assert_eq!(m.parse::<Sex>(), Ok(Sex::Male), "{m}");
        }
        assert!("".parse::<Sex>().is_err());
        assert!("1".parse::<Sex>().is_err());
        // Not a spelling of either: Kyrgyz letters lowered stay themselves.
        assert!("ЖҮ".parse::<Sex>().is_err());
    }
}
