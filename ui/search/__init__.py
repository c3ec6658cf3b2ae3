"""Search every note (Ctrl+Shift+F): the search window and its list of hits."""
