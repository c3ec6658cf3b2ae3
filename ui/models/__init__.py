"""Qt item models over rows returned by the services and the economics module."""
