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

/// What `f` writes for each item, concatenated in order, each value with
/// its item's index. Two passes: one counts, one writes straight into a
/// vector sized exactly. A country's registry writes ~90M blocking entries,
/// and gathering them in chunks first held every entry twice at the end.
pub(crate) fn flat_map_indexed<T: Sync, K: Copy, E>(
    items: &[T],
    f: impl Fn(&T, &mut Vec<K>) + Sync + Send,
) -> Vec<E>
where
    E: From<(K, u32)> + Copy + Default + Send + Sync,
{
    const CHUNK: usize = 4096;
    let count = |chunk: &[T]| {
        let mut scratch = Vec::new();
        chunk
            .iter()
            .map(|item| {
                scratch.clear();
                f(item, &mut scratch);
                scratch.len()
            })
            .sum::<usize>()
    };
    #[cfg(feature = "parallel")]
    let counts: Vec<usize> = items.par_chunks(CHUNK).map(count).collect();
    #[cfg(not(feature = "parallel"))]
    let counts: Vec<usize> = items.chunks(CHUNK).map(count).collect();
    let mut all = vec![E::default(); counts.iter().sum()];
    // Each chunk's share of `all`, cut in order.
    let mut shares = Vec::with_capacity(counts.len());
    let mut rest = all.as_mut_slice();
    for &n in &counts {
        let (share, tail) = rest.split_at_mut(n);
        shares.push(share);
        rest = tail;
    }
    let fill = |(c, share): (usize, &mut [E])| {
        let first = c * CHUNK;
        let chunk = items.get(first..).unwrap_or_default();
        let mut scratch = Vec::new();
        let mut at = 0;
        for (i, item) in chunk.iter().take(CHUNK).enumerate() {
            scratch.clear();
            f(item, &mut scratch);
            for (slot, &value) in share.iter_mut().skip(at).zip(&scratch) {
                *slot = E::from((value, (first + i) as u32));
            }
            at += scratch.len();
        }
        // `f` writes the same for an item on both passes.
        debug_assert_eq!(at, share.len());
    };
    #[cfg(feature = "parallel")]
    shares.into_par_iter().enumerate().for_each(fill);
    #[cfg(not(feature = "parallel"))]
    shares.into_iter().enumerate().for_each(fill);
    all
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
    fn flat_map_indexed_writes_what_a_plain_loop_writes_across_chunks() {
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
        let written: Vec<(u64, u32)> = super::flat_map_indexed(&items, write);
        assert_eq!(written, expected);
        let none: Vec<(u64, u32)> = super::flat_map_indexed(&[] as &[u64], write);
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
