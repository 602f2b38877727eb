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
/// ```
///
/// Variants may carry fields (`"code" => Variant { field: Type }`); field
/// attributes pass through. The serde name of each variant is its code, so an
/// internally tagged enum (`#[serde(tag = "code")]`) writes `{"code": "..."}`.
#[macro_export]
macro_rules! coded_enum {
    (
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
