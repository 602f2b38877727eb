//! The citizen's screens and the parts they share.
//!
//! A class that changes is set as the `className` property
//! (`~className={ "field field-with-error" }`), never as `class={ expr }`:
//! yew turns a computed `class` into `Classes`, an ordered hash set, whose
//! code cost the citizen's page 3.1 KB gzipped of its 120 KB. A class that
//! never changes is written `class="..."` (a static string, no set).

pub mod about;
pub mod date_input;
pub mod lang_switch;
pub mod pin_check;
pub mod report_view;
pub mod several;
pub mod sex_select;
pub mod table_scroll;
