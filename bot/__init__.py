"""Composition root: settings, the Slack app factory, the command line and the clock process."""
