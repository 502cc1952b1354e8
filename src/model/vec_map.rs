//! A small map kept as a Vec sorted by key.
//!
//! It iterates in key order, as a `BTreeMap` does, but each B-tree key/value type brings
//! its own copy of the tree's insert, remove and rebalancing code into the wasm. For the
//! few maps of a few dozen entries that only need look-ups, inserts and ordered iteration,
//! a sorted Vec does the same job with much less code.

use std::borrow::Borrow;
use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
use serde::{Serialize, Serializer};

/// Key → value, unique keys, iterated in key order.
#[derive(PartialEq, Eq)]
pub struct VecMap<K, V>(Vec<(K, V)>);

/// `clone_from` reuses the entries' room (the engine's caches copy tables often).
impl<K: Clone, V: Clone> Clone for VecMap<K, V> {
    fn clone(&self) -> Self {
        VecMap(self.0.clone())
    }

    fn clone_from(&mut self, source: &Self) {
        self.0.clone_from(&source.0);
    }
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap(Vec::new())
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        VecMap(Vec::new())
    }

    /// Where `key` is, or where it would go.
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value for `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    /// Set `key` to `value`; the value it replaces, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// Remove `key`; the value it had, if any.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(self.0.remove(i).1)
    }

    /// The entries whose keys are at most `key`, in key order.
    pub fn up_to<Q: Ord + ?Sized>(&self, key: &Q) -> impl DoubleEndedIterator<Item = (&K, &V)>
    where
        K: Borrow<Q>,
    {
        let end = self.0.partition_point(|(k, _)| k.borrow() <= key);
        self.0.iter().take(end).map(|(k, v)| (k, v))
    }
}

impl<K, V> VecMap<K, V> {
    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Remove every entry.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keep only the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = &'a (K, V);
    type IntoIter = std::slice::Iter<'a, (K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Collected as a `BTreeMap` is: in key order, a later value for a key replacing an earlier.
impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut out = VecMap::new();
        for (k, v) in pairs {
            out.insert(k, v);
        }
        out
    }
}

/// Shown as `{k: v, …}`, as a `BTreeMap` is.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Written as a map in key order, as a `BTreeMap` is.
#[cfg(not(target_arch = "wasm32"))]
impl<K: Serialize, V: Serialize> Serialize for VecMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(test)]
// The standard library's map is the oracle the sorted Vec is checked against; tests never
// reach the wasm.
#[allow(clippy::disallowed_types)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_a_btreemap() {
        let mut m = VecMap::new();
        let mut b = BTreeMap::new();
        for (i, k) in ["m", "b", "z", "b", "a", "m", "q", "a"].iter().enumerate() {
            assert_eq!(m.insert(k.to_string(), i), b.insert(k.to_string(), i));
        }
        assert_eq!(m.len(), b.len());
        assert!(m.iter().eq(b.iter()));
        assert!(m.values().eq(b.values()));
        for k in ["a", "b", "c", "z"] {
            assert_eq!(m.get(k), b.get(k));
        }
        assert!(m.keys().eq(b.keys()));
        assert_eq!(format!("{m:?}"), format!("{b:?}"));
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
        for k in ["", "a", "c", "m", "zz"] {
            assert!(m.up_to(k).eq(b.iter().filter(|(key, _)| key.as_str() <= k)));
        }
        let pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd')];
        let collected: VecMap<_, _> = pairs.into_iter().collect();
        assert!(collected
            .iter()
            .eq(pairs.into_iter().collect::<BTreeMap<_, _>>().iter()));
        assert_eq!(m.remove("q"), b.remove("q"));
        assert_eq!(m.remove("q"), None);
        assert!(m.iter().eq(b.iter()));
        m.retain(|_, v| *v % 2 == 0);
        b.retain(|_, v| *v % 2 == 0);
        assert!(m.iter().eq(b.iter()));
        m.clear();
        assert!(m.is_empty());
        assert_eq!(m, VecMap::default());
    }
}
