//! `checkPin`: one PIN, the same report as `kgpin check --json`.

use kgpin::pin::Stated;
use kgpin::{CheckReport, Date, Lang, Sex};
use wasm_bindgen::prelude::*;

use crate::error::{js_error, parse_field};

#[derive(Default)]
struct CheckOptions {
    today: Option<String>,
    sex: Option<String>,
    birth_date: Option<String>,
    lang: Option<String>,
}

impl CheckOptions {
    /// Reads the four known keys directly: this runs on every keystroke of every form.
    fn read(value: Option<JsValue>) -> Result<CheckOptions, JsValue> {
        let Some(value) = crate::read::object(value, "invalid_options", "options")? else {
            return Ok(CheckOptions::default());
        };
        let text = |key: &str| crate::read::text(&value, key, "invalid_options");
        Ok(CheckOptions {
            today: text("today")?,
            sex: text("sex")?,
            birth_date: text("birthDate")?,
            lang: text("lang")?,
        })
    }
}

thread_local! {
    /// Today's local date and the clock times (ms) between which it holds
    /// (its midnight and the next): a clock set back is read again too.
    static TODAY: std::cell::Cell<Option<(Date, f64, f64)>> = const { std::cell::Cell::new(None) };
}

/// The browser's (or Node's) local date. Read once per day: a Date object per
/// keystroke costs more than the whole PIN check.
pub fn local_today() -> Option<Date> {
    local_today_at(js_sys::Date::now())
}

/// [`local_today`] at a clock time the caller read (ms since the epoch): the
/// fast path reads `Date.now()` in JavaScript, cheaper than a call out of WASM.
fn local_today_at(now_ms: f64) -> Option<Date> {
    if let Some((date, from, until)) = TODAY.get() {
        if from <= now_ms && now_ms < until {
            return Some(date);
        }
    }
    let now = js_sys::Date::new(&JsValue::from_f64(now_ms));
    let date = Date::new(now.get_full_year(), now.get_month() + 1, now.get_date()).ok()?;
    let midnight = |day: u32| {
        js_sys::Date::new_with_year_month_day(
            now.get_full_year(),
            now.get_month() as i32,
            day as i32,
        )
        .get_time()
    };
    let today = now.get_date();
    TODAY.set(Some((date, midnight(today), midnight(today + 1))));
    Some(date)
}

/// Reads the options shared by both paths (`today` stays absent when not
/// given); bad ones throw coded errors.
fn read_options(options: CheckOptions) -> Result<(Option<Date>, Stated, Lang), JsValue> {
    let today = parse_field::<Date>(options.today, "invalid_date", "today")?;
    let stated = Stated {
        sex: parse_field::<Sex>(options.sex, "invalid_sex", "sex")?,
        birth_date: parse_field::<Date>(options.birth_date, "invalid_date", "birthDate")?,
    };
    let lang = parse_field::<Lang>(options.lang, "invalid_lang", "lang")?.unwrap_or_default();
    Ok((today, stated, lang))
}

/// Checks one PIN and returns the full report of `kgpin check --json`.
/// The package's `checkPin` calls this when there is something to say.
#[wasm_bindgen(js_name = checkPinReport, skip_typescript)]
pub fn check_pin(input: &str, options: Option<crate::CheckOptionsArg>) -> Result<JsValue, JsValue> {
    let (today, stated, lang) = read_options(CheckOptions::read(options.map(JsValue::from))?)?;
    let today = match today {
        Some(today) => today,
        None => local_today().ok_or_else(|| js_error("invalid_date", "no usable clock"))?,
    };
    crate::error::to_js(&CheckReport::new(input, today, &stated, lang))
}

/// The options the fast path checks against, as [`set_check_options`] last
/// read them: the explicit `today` (else the clock's) and the stated data.
#[derive(Clone, Copy)]
struct FastOptions {
    today: Option<Date>,
    stated: Stated,
}

thread_local! {
    /// The last options read and their token (0: none read yet, never a
    /// token handed out, so a fresh module refuses a page's stale token).
    static FAST_OPTIONS: std::cell::Cell<(u32, FastOptions)> = const {
        std::cell::Cell::new((0, FastOptions { today: None, stated: Stated { sex: None, birth_date: None } }))
    };
}

/// Reads `checkPin`'s options for the fast path, once per change of options
/// rather than per call (a form passes the same ones on every keystroke, and
/// each string crossing into WASM cost about as much as the check).
/// Returns 0 when one is bad (`checkPin` then asks for the full report,
/// which throws the coded error); else a token for the fast calls, odd when
/// `today` is given (no `Date.now()` per call then), even when the checks
/// need the clock's date. A fast call with another token (a second copy of
/// the page half, or a module started again) answers -2: not these options.
#[wasm_bindgen(js_name = setCheckOptions, skip_typescript)]
pub fn set_check_options(
    today: Option<String>,
    sex: Option<String>,
    birth_date: Option<String>,
    lang: Option<String>,
) -> u32 {
    let options = CheckOptions {
        today,
        sex,
        birth_date,
        lang,
    };
    // Absent, `today` is the clock's at each call.
    let Ok((today, stated, _)) = read_options(options) else {
        return 0;
    };
    // A generation 1, 2, ... (back to 1 after 2^31 - 1), doubled, plus
    // whether `today` is given: never 0 or 1, never past u32::MAX.
    let (last, _) = FAST_OPTIONS.get();
    let generation = (last >> 1) % 0x7FFF_FFFF + 1;
    let token = generation * 2 + u32::from(today.is_some());
    FAST_OPTIONS.set((token, FastOptions { today, stated }));
    token
}

/// The fast path of `checkPin` for the common case, a valid PIN with nothing
/// to warn about, against the options [`set_check_options`] last read: the
/// decoded parts packed in one number, so that no string or object crosses
/// the WASM boundary. -1 means "ask for the full report" (a plain number:
/// a `Result` would cost an array per call), -2 "`token` is not the last
/// options' (ask for the full report, and set them again)". `now_ms` is
/// `Date.now()`, read by the caller (used without `today`); `clock_fresh`
/// false says the caller kept that reading from an earlier call (up to a
/// second old, see `readClock` in js/check-pin.js): then -3 asks for a fresh
/// one wherever a day more or less could change the answer.
/// Packing: `(((sex * 32 + day) * 16 + month) * 10000 + year) * 100000 + serial`
/// (below 2^53, so exact in a JavaScript number).
#[wasm_bindgen(js_name = checkPinPacked, skip_typescript)]
pub fn check_pin_packed(input: &str, token: u32, now_ms: f64, clock_fresh: bool) -> f64 {
    packed(input, token, now_ms, clock_fresh)
}

/// `checkPinPacked` for an input of exactly 14 ASCII digits, passed as the
/// number they spell (below 10^14 < 2^53, so exact): a number crosses the
/// boundary without the allocation, copy and free a string costs, which were
/// most of a call. Anything that is not such a number asks for the full report.
#[wasm_bindgen(js_name = checkPinDigits, skip_typescript)]
pub fn check_pin_digits(digits: f64, token: u32, now_ms: f64, clock_fresh: bool) -> f64 {
    const LIMIT: f64 = 1e14;
    if !(0.0..LIMIT).contains(&digits) || digits.fract() != 0.0 {
        return -1.0;
    }
    // In range and whole: the cast is exact.
    let mut value = digits as u64;
    let mut text = [b'0'; 14];
    for byte in text.iter_mut().rev() {
        *byte = b'0' + (value % 10) as u8;
        value /= 10;
    }
    let Ok(input) = std::str::from_utf8(&text) else {
        return -1.0;
    };
    packed(input, token, now_ms, clock_fresh)
}

fn packed(input: &str, token: u32, now_ms: f64, clock_fresh: bool) -> f64 {
    let (current, options) = FAST_OPTIONS.get();
    if token != current {
        return -2.0;
    }
    let Some(today) = options.today.or_else(|| local_today_at(now_ms)) else {
        return -1.0;
    };
    let result = kgpin::pin::check(input, today, &options.stated);
    match result.pin {
        Some(pin) if result.is_valid() && result.warnings.is_empty() => {
            let born = pin.birth_date();
            if options.today.is_none() && !clock_fresh && near_the_clock(born, today) {
                return -3.0;
            }
            let sex: u64 = if pin.sex() == Sex::Female { 1 } else { 2 };
            let serial: u32 = pin.serial().as_str().parse().unwrap_or(0);
            let packed = ((sex * 32 + u64::from(born.day())) * 16 + u64::from(born.month()))
                * 10_000
                + u64::from(born.year());
            (packed * 100_000 + u64::from(serial)) as f64
        }
        _ => -1.0,
    }
}

/// Days either side of a kept clock reading's date within which the fast
/// answer is not given from it: a reading is dropped after a second, so a
/// day more or less is already a wide margin (a clock set back a day, or a
/// synchronous loop of checks running past midnight).
const CLOCK_MARGIN_DAYS: i64 = 2;

/// How far ahead of a kept reading the age rule is looked at: a year, as a
/// reading's timer may not fire for long (a frozen tab, a sleeping laptop:
/// Node's timers do not count the sleep). A birth date after the reading
/// needs no margin ahead: it asks for the full report, which reads the clock.
const AGE_MARGIN_DAYS: i64 = 366;

/// Whether a PIN valid without warnings on `today` could be answered
/// otherwise a day or two earlier or up to a year later: born in the last
/// days (after "today" if the clock was set back) or within a year of the
/// plausible age's end (the only rules of [`kgpin::pin::check`] that read
/// today). A clock set back further within the reading's second (a test
/// that replaces `Date.now` without passing `today`) is not guarded.
fn near_the_clock(born: Date, today: Date) -> bool {
    // Born in an earlier calendar year, today past the margin's first days
    // of January, and at most 118 years apart (two years under the plausible
    // age: a year ahead may be the second year after): neither rule can turn
    // within the margins, and no day count is needed.
    let years = today.year().saturating_sub(born.year());
    let past_margin = (today.month(), today.day()) > (1, CLOCK_MARGIN_DAYS as u32);
    if past_margin && (1..kgpin::pin::MAX_PLAUSIBLE_AGE - 1).contains(&years) {
        return false;
    }
    let today_days = today.days_since_epoch();
    if today_days - born.days_since_epoch() <= CLOCK_MARGIN_DAYS {
        return true;
    }
    Date::from_days_since_epoch(today_days + AGE_MARGIN_DAYS)
        .is_none_or(|later| born.years_until(later) > kgpin::pin::MAX_PLAUSIBLE_AGE)
}
