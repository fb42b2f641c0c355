"""Pages of the initiatieven app: public pages and the owners' pages."""
