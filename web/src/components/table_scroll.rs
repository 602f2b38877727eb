//! A table wider than a phone scrolls sideways in its own box. The box is a
//! named region that takes keyboard focus, so that people who do not use a
//! pointer can scroll it too (axe: `scrollable-region-focusable`).

use yew::prelude::*;

/// `table` in a sideways-scrolling region called `name`.
pub fn table_scroll(name: String, table: Html) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={name} tabindex="0">{ table }</div>
    }
}
