"""The rules: one module per rule, each with its parameters, check and CP-SAT encoding."""
