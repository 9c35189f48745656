//! Work shared across the cores: the loader reads files and the summary
//! scores departments on every core, with no thread pool to keep.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this many items, a thread costs more than it saves.
const ITEMS_PER_THREAD_MIN: usize = 64;
const THREADS_MAX: usize = 8;
/// Items a thread takes at a time: few enough that the threads finish
/// together, enough that taking them costs nothing.
const BATCH: usize = 16;

/// `f` of each item, in the order of `items`, on one thread per core (the
/// calling thread among them). Each thread takes the next few items
/// whenever it is free, so a slow item holds no other thread up; should no
/// extra thread start, the calling thread does all the work.
pub(crate) fn parallel_map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = cores
        .min(THREADS_MAX)
        .min(items.len() / ITEMS_PER_THREAD_MIN)
        .max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let work = move || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            let Some(batch) = items.get(start..items.len().min(start + BATCH)) else {
                break;
            };
            if batch.is_empty() {
                break;
            }
            done.push((start, batch.iter().map(f).collect::<Vec<R>>()));
        }
        done
    };
    let mut batches: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut done = work();
        for helper in helpers {
            match helper.join() {
                Ok(theirs) => done.extend(theirs),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done
    });
    batches.sort_unstable_by_key(|(start, _)| *start);
    batches.into_iter().flat_map(|(_, results)| results).collect()
}

/// Drops `value` on a thread of its own, so the caller goes on at once:
/// freeing a province's figures or files takes as long as a frame or
/// more. Should no thread start, `value` is dropped here.
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_the_order() {
        let items: Vec<usize> = (0..1000).collect();
        let doubled = parallel_map(&items, |i| i * 2);
        assert_eq!(doubled, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        assert!(parallel_map(&[] as &[usize], |i| *i).is_empty());
    }
}
