//! Data-parallel helpers: rayon on native builds with the `parallel` feature,
//! plain loops otherwise (the WASM build is single-threaded).

#[cfg(feature = "parallel")]
use rayon::prelude::*;

pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
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

pub(crate) fn filter_map<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T) -> Option<U> + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "parallel")]
    return items.par_iter().filter_map(f).collect();
    #[cfg(not(feature = "parallel"))]
    return items.iter().filter_map(f).collect();
}

/// What `f` writes for each item, concatenated, and where each item's part
/// starts (`offsets[i]..offsets[i + 1]`, `items.len() + 1` offsets). Sized
/// exactly, each chunk freed once copied: a country's registry writes ~90M
/// blocking keys, and a doubling Vec would hold up to twice that.
pub(crate) fn flat_map_with_offsets<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T, &mut Vec<U>) + Sync + Send,
) -> (Vec<U>, Vec<u32>) {
    let run = |chunk: &[T]| {
        let mut out = Vec::with_capacity(chunk.len() * 8);
        let mut lengths = Vec::with_capacity(chunk.len());
        for item in chunk {
            let before = out.len();
            f(item, &mut out);
            lengths.push((out.len() - before) as u32);
        }
        (out, lengths)
    };
    #[cfg(feature = "parallel")]
    let chunks: Vec<(Vec<U>, Vec<u32>)> = items.par_chunks(4096).map(run).collect();
    #[cfg(not(feature = "parallel"))]
    let chunks = vec![run(items)];
    let total: usize = chunks.iter().map(|c| c.0.len()).sum();
    let mut all = Vec::new();
    let mut offsets = Vec::with_capacity(items.len() + 1);
    offsets.push(0u32);
    for (out, lengths) in chunks {
        if all.is_empty() {
            // The first chunk becomes the result: on one thread (WASM) there
            // is no copy at all.
            all = out;
            all.reserve_exact(total - all.len());
        } else {
            all.extend(out);
        }
        for length in lengths {
            offsets.push(offsets[offsets.len() - 1] + length);
        }
    }
    (all, offsets)
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
