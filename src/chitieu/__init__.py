"""chitieu: turn a Vietnamese development resolution into targets that can be tracked."""

__version__ = "0.1.0"
