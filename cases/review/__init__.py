"""The departments' review: opinions on joint steps and the final decision; and the
decision a department delegates to the window for its immediate items (即办件)."""
