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

/// A value with its undo and redo stacks. Each stacked entry holds a snapshot and the
/// label of the step between it and its neighbour ("Edit Band D precept").
#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    past: Vec<(T, String)>,
    present: T,
    future: Vec<(T, String)>,
    open: Option<String>,
}

impl<T: Clone> History<T> {
    /// A history starting at `present`, with nothing to undo.
    pub fn new(present: T) -> History<T> {
        History {
            past: Vec::new(),
            present,
            future: Vec::new(),
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
            self.past.push((previous, label.into()));
        } else {
            self.present = next;
            if let Some(last) = self.past.last_mut() {
                last.1 = label.into();
            }
        }
        self.future.clear();
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
                self.future.push((now, label));
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
                self.past.push((now, label));
                true
            }
            None => false,
        }
    }

    /// What undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|(_, l)| l.as_str())
    }

    /// What redo would do again.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|(_, l)| l.as_str())
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
}
