"""Supervision: volumes, deadlines and satisfaction; sealed checkpoints of the audit chain."""
