//! Stable machine codes, written once.
//!
//! Every finding kgpin reports (a PIN error, a row problem, a reason two
//! records match, ...) has a snake_case code that programs key on. The
//! [`coded_enum!`](crate::coded_enum) macro declares such an enum with each
//! variant's code beside it, and from that one spelling derives the serde name
//! (`#[serde(rename = ...)]`), [`code()`](crate::pin::PinError::code) and the
//! list of every code (`CODES`), so the three cannot drift apart. Tests loop
//! over `CODES` to check messages in every language and the TypeScript unions.

/// Declares an enum whose variants each carry a stable code:
///
/// ```
/// kgpin::coded_enum! {
///     /// How a thing went.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
///     pub enum Outcome {
///         /// It went well.
///         "went_well" => WentWell,
///         /// It did not.
///         "went_badly" => WentBadly,
///     }
/// }
/// assert_eq!(Outcome::WentBadly.code(), "went_badly");
/// assert_eq!(Outcome::CODES, ["went_well", "went_badly"]);
/// // An enum of unit variants also lists them, and finds one by its code.
/// assert_eq!(Outcome::ALL, [Outcome::WentWell, Outcome::WentBadly]);
/// assert_eq!(Outcome::from_code("went_badly"), Some(Outcome::WentBadly));
/// assert_eq!(Outcome::from_code("went"), None);
/// ```
///
/// Variants may carry fields (`"code" => Variant { field: Type }`); field
/// attributes pass through. The serde name of each variant is its code, so an
/// internally tagged enum (`#[serde(tag = "code")]`) writes `{"code": "..."}`.
#[macro_export]
macro_rules! coded_enum {
    // Only unit variants: also every variant (`ALL`) and the variant of a code (`from_code`).
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $code:literal => $variant:ident $(= $discriminant:expr)?
            ),* $(,)?
        }
    ) => {
        $crate::coded_enum! {
            @define
            $(#[$meta])*
            $vis enum $name {
                $( $(#[$variant_meta])* $code => $variant $(= $discriminant)? ),*
            }
        }

        impl $name {
            /// Every variant, in declaration order (as [`Self::CODES`]).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The variant whose stable code is `code`.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $( $code => Some($name::$variant), )*
                    _ => None,
                }
            }
        }
    };
    // Variants with fields: codes only.
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $code:literal => $variant:ident $({ $($fields:tt)* })? $(= $discriminant:expr)?
            ),* $(,)?
        }
    ) => {
        $crate::coded_enum! {
            @define
            $(#[$meta])*
            $vis enum $name {
                $( $(#[$variant_meta])* $code => $variant $({ $($fields)* })? $(= $discriminant)? ),*
            }
        }
    };
    (
        @define
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $code:literal => $variant:ident $({ $($fields:tt)* })? $(= $discriminant:expr)?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[serde(rename = $code)]
                $variant $({ $($fields)* })? $(= $discriminant)?,
            )*
        }

        impl $name {
            /// Every stable code of this enum, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable snake_case machine code.
            pub const fn code(&self) -> &'static str {
                match self {
                    $( Self::$variant { .. } => $code, )*
                }
            }
        }
    };
}
