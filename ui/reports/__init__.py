"""The Reports workspace's parts: the period bar, the charts and the background loader."""
