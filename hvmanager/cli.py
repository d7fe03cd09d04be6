"""hvmanager-cli: headless inventory across servers (built in the engine issue)."""
