//! Undo and redo over whole snapshots of a value (the scenario collection).
//!
//! Snapshots are cheap: a collection shares each unchanged scenario (`Rc`) with the
//! snapshots before it, so a step costs one scenario copy. History is unlimited within a
//! session and is not stored.
//!
//! Typing a figure sends one edit per keystroke. Steps pushed with the same *merge key*
//! (the scenario and field being typed into) one after another become one step, until
//! [`History::seal`] is called (the app seals when focus leaves a field) or another step
//! comes in: one Ctrl+Z takes back the whole figure, not one character.

use std::rc::Rc;

/// A stack of snapshots that clones in O(1): each entry is a shared node pointing at the
/// one below, so the session state can be copied on every keystroke without copying the
/// whole undo history.
#[derive(Debug)]
struct Node<T> {
    item: T,
    label: String,
    depth: usize,
    below: Option<Rc<Node<T>>>,
}

#[derive(Debug)]
struct Stack<T>(Option<Rc<Node<T>>>);

impl<T> Clone for Stack<T> {
    fn clone(&self) -> Self {
        Stack(self.0.clone())
    }
}

impl<T> Drop for Stack<T> {
    // Unlink iteratively: a long history dropped recursively could overflow the stack.
    fn drop(&mut self) {
        let mut next = self.0.take();
        while let Some(rc) = next {
            match Rc::try_unwrap(rc) {
                Ok(mut node) => next = node.below.take(),
                Err(_) => break,
            }
        }
    }
}

impl<T: PartialEq> PartialEq for Stack<T> {
    fn eq(&self, other: &Self) -> bool {
        let (mut a, mut b) = (self.0.as_ref(), other.0.as_ref());
        loop {
            match (a, b) {
                (None, None) => return true,
                (Some(x), Some(y)) if Rc::ptr_eq(x, y) => return true,
                (Some(x), Some(y)) if x.item == y.item && x.label == y.label => {
                    a = x.below.as_ref();
                    b = y.below.as_ref();
                }
                _ => return false,
            }
        }
    }
}

impl<T: Clone> Stack<T> {
    fn new() -> Self {
        Stack(None)
    }

    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |n| n.depth)
    }

    fn push(&mut self, item: T, label: String) {
        let depth = self.len().saturating_add(1);
        let below = self.0.take();
        self.0 = Some(Rc::new(Node {
            item,
            label,
            depth,
            below,
        }));
    }

    fn pop(&mut self) -> Option<(T, String)> {
        let node = self.0.take()?;
        self.0 = node.below.clone();
        Some((node.item.clone(), node.label.clone()))
    }

    fn top_label(&self) -> Option<&str> {
        self.0.as_ref().map(|n| n.label.as_str())
    }

    fn relabel_top(&mut self, label: String) {
        if let Some((item, _)) = self.pop() {
            self.push(item, label);
        }
    }
}

/// A value with its undo and redo stacks. Each stacked entry holds a snapshot and the
/// label of the step between it and its neighbour ("Edit Band D precept").
#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    past: Stack<T>,
    present: T,
    future: Stack<T>,
    open: Option<String>,
}

impl<T: Clone> History<T> {
    /// A history starting at `present`, with nothing to undo.
    pub fn new(present: T) -> History<T> {
        History {
            past: Stack::new(),
            present,
            future: Stack::new(),
            open: None,
        }
    }

    /// The current value.
    pub fn present(&self) -> &T {
        &self.present
    }

    /// Make `next` the current value as an undoable step called `label`. With a
    /// `merge_key` equal to the previous step's, the two become one step. Clears redo.
    pub fn push(&mut self, next: T, label: impl Into<String>, merge_key: Option<String>) {
        let merging = merge_key.is_some() && merge_key == self.open;
        if !merging {
            let previous = std::mem::replace(&mut self.present, next);
            self.past.push(previous, label.into());
        } else {
            self.present = next;
            self.past.relabel_top(label.into());
        }
        self.future = Stack::new();
        self.open = merge_key;
    }

    /// True if the next [`History::push`] with `merge_key` would merge into the last step.
    pub fn would_merge(&self, merge_key: &str) -> bool {
        self.open.as_deref() == Some(merge_key)
    }

    /// True while steps with a merge key are being merged (a figure is being typed).
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Change the current value without making a step (which scenario is on screen).
    pub fn replace_untracked(&mut self, next: T) {
        self.present = next;
    }

    /// End the step being typed: the next push is a step of its own.
    pub fn seal(&mut self) {
        self.open = None;
    }

    /// Go back one step; false if there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.open = None;
        match self.past.pop() {
            Some((previous, label)) => {
                let now = std::mem::replace(&mut self.present, previous);
                self.future.push(now, label);
                true
            }
            None => false,
        }
    }

    /// Go forward one step; false if there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.open = None;
        match self.future.pop() {
            Some((next, label)) => {
                let now = std::mem::replace(&mut self.present, next);
                self.past.push(now, label);
                true
            }
            None => false,
        }
    }

    /// What undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.top_label()
    }

    /// What redo would do again.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.top_label()
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.past.len()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn undo_redo_and_merging() {
        let mut h = History::new(0);
        h.push(1, "one", None);
        h.push(2, "typing", Some("f".into()));
        h.push(3, "typing", Some("f".into()));
        assert_eq!(h.undo_depth(), 2);
        assert!(h.undo());
        assert_eq!(*h.present(), 1);
        assert!(h.redo());
        assert_eq!(*h.present(), 3);
        h.seal();
        h.push(4, "typing", Some("f".into()));
        assert_eq!(h.undo_depth(), 3);
        assert!(h.undo() && h.undo() && h.undo());
        assert_eq!(*h.present(), 0);
        assert!(!h.undo());
        h.push(9, "new", None);
        assert!(!h.redo(), "a new step clears redo");
    }

    #[test]
    fn labels_follow_the_steps_and_copies_are_independent() {
        let mut h = History::new(0);
        h.push(1, "one", None);
        h.push(2, "typing 2", Some("f".into()));
        h.push(3, "typing 3", Some("f".into()));
        assert_eq!(
            h.undo_label(),
            Some("typing 3"),
            "a merged step takes the latest label"
        );
        let copy = h.clone();
        assert!(h.undo());
        assert_eq!(h.redo_label(), Some("typing 3"));
        assert_eq!(h.undo_label(), Some("one"));
        // The copy made before the undo is untouched by it.
        assert_eq!(*copy.present(), 3);
        assert_eq!(copy.undo_depth(), 2);
        assert_ne!(copy, h);
    }

    #[test]
    fn a_long_history_drops_without_recursion() {
        let mut h = History::new(0u32);
        for i in 1..200_000 {
            h.push(i, "step", None);
        }
        assert_eq!(h.undo_depth(), 199_999);
        drop(h);
    }
}
