//! Data-parallel helpers: rayon on native builds with the `parallel` feature,
//! plain loops otherwise (the WASM build is single-threaded).

#[cfg(feature = "parallel")]
use rayon::prelude::*;

pub(crate) fn map<'a, T: Sync, U: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> U + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "parallel")]
    return items.par_iter().map(f).collect();
    #[cfg(not(feature = "parallel"))]
    return items.iter().map(f).collect();
}

/// `f` of each pair of items of `a` and `b`, side by side (as many as the
/// shorter has), appended to `out`: written in its place, not gathered in a
/// vector of their own and copied over (a million prepared records, 88 MB).
pub(crate) fn zip_map_onto<'a, A: Sync, B: Sync, U: Send>(
    out: &mut Vec<U>,
    a: &'a [A],
    b: &'a [B],
    f: impl Fn(&'a A, &'a B) -> U + Sync + Send,
) {
    #[cfg(feature = "parallel")]
    out.par_extend(a.par_iter().zip(b).map(|(a, b)| f(a, b)));
    #[cfg(not(feature = "parallel"))]
    out.extend(a.iter().zip(b).map(|(a, b)| f(a, b)));
}

pub(crate) fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync + Send) {
    #[cfg(feature = "parallel")]
    items.par_iter_mut().for_each(f);
    #[cfg(not(feature = "parallel"))]
    items.iter_mut().for_each(f);
}

/// What `f` pushes for each run of `run_length` items (the last run may be
/// shorter), concatenated in order: `f` sees its whole run, so it can look
/// ahead (to bring the next items' data into the cache while it works on
/// this one). Runs are the unit of work shared out between threads.
pub(crate) fn flat_map_runs<T: Sync, U: Send>(
    items: &[T],
    run_length: usize,
    f: impl Fn(&[T], &mut Vec<U>) + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "parallel")]
    return items
        .par_chunks(run_length.max(1))
        .flat_map_iter(|run| {
            let mut kept = Vec::new();
            f(run, &mut kept);
            kept
        })
        .collect();
    #[cfg(not(feature = "parallel"))]
    {
        let mut kept = Vec::new();
        for run in items.chunks(run_length.max(1)) {
            f(run, &mut kept);
        }
        kept
    }
}

/// What `f` writes for each item, each value with its item's index, grouped
/// by `part` of the value (parts `0..parts`, in order; within a part, in the
/// items' order). Two passes: one counts, one writes each value straight to
/// its place in a vector sized exactly. A country's registry writes ~90M
/// blocking entries: gathering them in chunks first held every entry twice,
/// and grouping them afterwards was a pass over 1 GB on one thread.
///
/// The vector is not zeroed first: zeroing 1 GB of fresh memory on one
/// thread was a third of the block stage at 7.3M records (the kernel zeroes
/// each fresh page anyway; the threads that fill it meet those faults).
#[allow(unsafe_code)]
pub(crate) fn flat_map_indexed<T: Sync, K: Copy, E>(
    items: &[T],
    parts: usize,
    part: impl Fn(K) -> usize + Sync + Send,
    f: impl Fn(&T, &mut Vec<K>) + Sync + Send,
) -> Vec<E>
where
    E: From<(K, u32)> + Copy + Default + Send + Sync,
{
    use std::mem::MaybeUninit;
    const CHUNK: usize = 4096;
    let parts = parts.max(1);
    let part = |value: K| part(value).min(parts - 1);
    // For each chunk of items, how many values it writes to each part.
    let count = |chunk: &[T]| {
        let mut scratch = Vec::new();
        let mut counts = vec![0usize; parts];
        for item in chunk {
            scratch.clear();
            f(item, &mut scratch);
            for &value in &scratch {
                counts[part(value)] += 1;
            }
        }
        counts
    };
    #[cfg(feature = "parallel")]
    let counts: Vec<Vec<usize>> = items.par_chunks(CHUNK).map(count).collect();
    #[cfg(not(feature = "parallel"))]
    let counts: Vec<Vec<usize>> = items.chunks(CHUNK).map(count).collect();
    let total: usize = counts.iter().flatten().sum();
    let mut all: Vec<E> = Vec::with_capacity(total);
    // The room cut in order: part by part, and within a part chunk by chunk;
    // then each chunk's places, one per part, handed to it.
    let mut shares: Vec<Vec<&mut [MaybeUninit<E>]>> =
        counts.iter().map(|_| Vec::with_capacity(parts)).collect();
    let mut rest = all
        .spare_capacity_mut()
        .get_mut(..total)
        .unwrap_or_default();
    for p in 0..parts {
        for (chunk_counts, chunk_shares) in counts.iter().zip(shares.iter_mut()) {
            let (share, tail) = rest.split_at_mut(chunk_counts[p]);
            chunk_shares.push(share);
            rest = tail;
        }
    }
    let fill = |(c, mut places): (usize, Vec<&mut [MaybeUninit<E>]>)| {
        let first = c * CHUNK;
        let chunk = items.get(first..).unwrap_or_default();
        let mut scratch = Vec::new();
        let mut written = vec![0usize; parts];
        for (i, item) in chunk.iter().take(CHUNK).enumerate() {
            scratch.clear();
            f(item, &mut scratch);
            for &value in &scratch {
                let p = part(value);
                if let Some(slot) = places[p].get_mut(written[p]) {
                    slot.write(E::from((value, (first + i) as u32)));
                    written[p] += 1;
                }
            }
        }
        // `f` writes the same for an item on both passes; were it ever to
        // write less, the rest of each place still holds a value.
        for (place, &n) in places.iter_mut().zip(&written) {
            debug_assert_eq!(n, place.len());
            for slot in place.iter_mut().skip(n) {
                slot.write(E::default());
            }
        }
    };
    #[cfg(feature = "parallel")]
    shares.into_par_iter().enumerate().for_each(fill);
    #[cfg(not(feature = "parallel"))]
    shares.into_iter().enumerate().for_each(fill);
    // SAFETY: `all` has room for `total` values (`with_capacity`), and each
    // of its first `total` slots was written above: the places cut those
    // slots, every one of them, in turn (the counts sum to `total`), each
    // place went to one chunk's `fill`, and `fill` writes each slot of its
    // places, from `f`'s values or, past what `f` wrote, a default. `E: Copy`
    // has no drop to run twice or skip.
    unsafe { all.set_len(total) };
    all
}

/// Hands the pages of `items`' spare room (past its length) back to the
/// system, the vector's room itself unchanged: a vector cut down to part of
/// its length no longer holds the rest in memory, and is not copied to a
/// smaller one (which would hold both at once). On Linux (and Android) with
/// the `parallel` feature, the native builds, where `libc` is linked for it;
/// elsewhere nothing (`MADV_DONTNEED` frees nothing on other Unixes, and a
/// WebAssembly memory never shrinks).
#[cfg(all(any(target_os = "linux", target_os = "android"), feature = "parallel"))]
#[allow(unsafe_code)]
pub(crate) fn release_spare<T>(items: &mut Vec<T>) {
    // SAFETY: `sysconf` reads a constant of the system, touching no memory.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    let Some(page) = usize::try_from(page).ok().filter(|&p| p > 0) else {
        return;
    };
    let spare = items.spare_capacity_mut();
    let bytes = std::mem::size_of_val(spare);
    let at = spare.as_mut_ptr().cast::<u8>();
    // The whole pages inside the room, its bounds rounded inwards. An empty
    // room (no spare capacity, or elements of no size) has none.
    let start = at as usize;
    let Some(first) = start.checked_next_multiple_of(page) else {
        return;
    };
    let last = (start + bytes) / page * page;
    if first >= last {
        return;
    }
    // SAFETY: `[first, last)` is whole pages inside `items`' own allocation
    // (`start + bytes` is the end of its room, which no allocation wraps
    // past, and both bounds are rounded inwards), past its initialised
    // elements: memory the vector owns (borrowed mutably here) and never
    // reads before writing it, holding no byte of any element, of any other
    // allocation or of the allocator's records (a live allocation's room is
    // its caller's). `MADV_DONTNEED` only lets the system drop those pages'
    // contents: the mapping stays, and the pages read as zeros (or as the
    // mapped file) when next touched, a value as good as any for room that
    // is written before it is read. It never faults, and a refusal (an
    // error returned) changes nothing. The pointer is the room's own,
    // moved by less than the room's length.
    unsafe {
        libc::madvise(
            at.wrapping_add(first - start).cast::<libc::c_void>(),
            last - first,
            libc::MADV_DONTNEED,
        );
    }
}

/// Elsewhere, nothing: the room stays.
#[cfg(not(all(any(target_os = "linux", target_os = "android"), feature = "parallel")))]
pub(crate) fn release_spare<T>(_items: &mut Vec<T>) {}

/// How many threads the parallel helpers share work between.
pub(crate) fn threads() -> usize {
    #[cfg(feature = "parallel")]
    return rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    return 1;
}

pub(crate) fn sort<T: Ord + Send>(items: &mut [T]) {
    #[cfg(feature = "parallel")]
    items.par_sort_unstable();
    #[cfg(not(feature = "parallel"))]
    items.sort_unstable();
}

/// Sorts each run of neighbouring items that `same_run` keeps together.
pub(crate) fn sort_runs<T: Ord + Send>(
    items: &mut [T],
    same_run: impl Fn(&T, &T) -> bool + Sync + Send,
) {
    #[cfg(feature = "parallel")]
    items
        .par_chunk_by_mut(same_run)
        .for_each(|run| run.sort_unstable());
    #[cfg(not(feature = "parallel"))]
    items
        .chunk_by_mut(same_run)
        .for_each(|run| run.sort_unstable());
}

/// Runs `a` and `b`, on two cores where available.
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    return rayon::join(a, b);
    #[cfg(not(feature = "parallel"))]
    return (a(), b());
}

#[cfg(test)]
mod tests {
    #[test]
    fn flat_map_indexed_writes_what_a_plain_loop_writes_across_chunks_by_part() {
        // Items over several chunks of 4096, each writing 0 to 3 values.
        let items: Vec<u64> = (0..10_000).map(|i| i * 7 % 13).collect();
        let write = |item: &u64, out: &mut Vec<u64>| {
            for k in 0..item % 4 {
                out.push(item * 10 + k);
            }
        };
        let mut expected = Vec::new();
        let mut mine = Vec::new();
        for (i, item) in items.iter().enumerate() {
            mine.clear();
            write(item, &mut mine);
            expected.extend(mine.iter().map(|&v| (v, i as u32)));
        }
        // One part: in the items' order, as a plain loop writes them.
        let written: Vec<(u64, u32)> = super::flat_map_indexed(&items, 1, |_| 0, write);
        assert_eq!(written, expected);
        // Five parts by the value's last digit: grouped by it, and within
        // each part still in the items' order (a stable sort by the part).
        let by_digit = |v: u64| (v % 10) as usize;
        let mut grouped = expected.clone();
        grouped.sort_by_key(|&(v, _)| by_digit(v) / 2);
        let written: Vec<(u64, u32)> =
            super::flat_map_indexed(&items, 5, |v| by_digit(v) / 2, write);
        assert_eq!(written, grouped);
        // A part past the last goes to the last.
        let written: Vec<(u64, u32)> = super::flat_map_indexed(&items, 3, by_digit, write);
        let mut clamped = expected.clone();
        clamped.sort_by_key(|&(v, _)| by_digit(v).min(2));
        assert_eq!(written, clamped);
        let none: Vec<(u64, u32)> = super::flat_map_indexed(&[] as &[u64], 4, by_digit, write);
        assert!(none.is_empty());
    }

    /// The pages handed back are room only: the elements, the length and
    /// the room stay, and the room takes new elements as before.
    #[test]
    fn release_spare_keeps_the_elements_and_the_room() {
        let mut items: Vec<u64> = (0..1_000_000).collect();
        items.truncate(1000);
        let room = items.capacity();
        super::release_spare(&mut items);
        assert_eq!(items.capacity(), room);
        assert!(items.iter().copied().eq(0..1000));
        items.extend(1000..500_000);
        assert!(items.iter().copied().eq(0..500_000));
        let mut none: Vec<u64> = Vec::new();
        super::release_spare(&mut none);
        assert!(none.is_empty());
    }

    /// Runs cut at their length, none skipped or met twice, kept in order,
    /// each run seen whole (the compare loop looks ahead within its run).
    #[test]
    fn flat_map_runs_keeps_what_a_plain_loop_keeps_across_runs() {
        for len in [0usize, 1, 1023, 1024, 1025, 2049] {
            let items: Vec<u64> = (0..len as u64).collect();
            let expected: Vec<u64> = items
                .iter()
                .filter(|&&i| i % 3 != 1)
                .map(|i| i * 2)
                .collect();
            let kept = super::flat_map_runs(&items, 1024, |run: &[u64], out: &mut Vec<u64>| {
                assert!(!run.is_empty() && run.len() <= 1024);
                assert_eq!(run[0] % 1024, 0, "a run starts at a multiple of its length");
                out.extend(run.iter().filter(|&&i| i % 3 != 1).map(|i| i * 2));
            });
            assert_eq!(kept, expected, "{len} items");
        }
    }
}
