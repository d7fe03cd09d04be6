"""The cmdlet engine: runs structured pipelines against a ``SimHost``."""
