"""The monitoring views over a household register: session, loading, tabs and panes."""
