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

pub(crate) fn flat_map_indexed<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(usize, &T, &mut Vec<U>) + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "parallel")]
    {
        let chunks: Vec<Vec<U>> = items
            .par_chunks(4096)
            .enumerate()
            .map(|(c, chunk)| {
                let mut out = Vec::with_capacity(chunk.len() * 8);
                for (i, item) in chunk.iter().enumerate() {
                    f(c * 4096 + i, item, &mut out);
                }
                out
            })
            .collect();
        chunks.into_iter().flatten().collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        let mut out = Vec::with_capacity(items.len() * 8);
        for (i, item) in items.iter().enumerate() {
            f(i, item, &mut out);
        }
        out
    }
}

pub(crate) fn sort<T: Ord + Send>(items: &mut [T]) {
    #[cfg(feature = "parallel")]
    items.par_sort_unstable();
    #[cfg(not(feature = "parallel"))]
    items.sort_unstable();
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
