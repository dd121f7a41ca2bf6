"""The departments' review: opinions on joint steps and the final decision."""
