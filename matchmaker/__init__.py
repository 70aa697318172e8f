"""Pure-Python optimisation for Agora: B2B meeting scheduling and expert assignment.

Nothing here imports Django or agora: plain frozen dataclasses in, frozen dataclasses out.
"""
