"""Fuzzing of every reader through the command line (issue 7, "Bad input")."""
