"""Pure domain code: fact base, normalisation, matching, storage and digest composition.

Nothing in this package talks to Slack; ``handlers/`` is the only Slack-facing code.
"""
