pub mod about;
pub mod date_input;
pub mod lang_switch;
pub mod pin_check;
pub mod report_view;
pub mod several;
pub mod sex_select;
pub mod table_scroll;
