"""Plain data and rules: no database, no Qt."""
