"""Department tasks after acceptance: joint-approval routing, promised time limits and the
clock, paper handover (交接签收)."""
