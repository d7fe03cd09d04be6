"""The window's QActions (one registry), the rules that enable them, and bulk VM actions."""
