"""coord: the production office of a film, series or commercial shoot, kept in a git repo."""

__version__ = "0.1.0"
