"""Pages of the vrijwilligers app, by subject."""
