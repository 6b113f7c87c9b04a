"""Services: one call per user action, validated, committed, returning plain data. No Qt."""
