"""The intake: a first contact as the agent enters it, the service that logs, edits and
cancels it, and tallies kept on paper at an event, imported."""
