"""The small page objects the main window is composed of, one per pane."""
