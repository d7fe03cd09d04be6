"""The Hyper-V vocabulary: pipelines to run, parsing records into domain objects, which
action is allowed in which state, error classification. Pure: no I/O, no threads.

Every builder returns a ``remoting.Pipeline`` of structured ``Command``s (never script
text); ``render_pipeline`` shows one as the PowerShell a user would type.
"""
