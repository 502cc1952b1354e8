//! Figures as finance people read them. Pure functions, tested natively.
