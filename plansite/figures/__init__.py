"""Figures stage: read performance figures (read), choose an edition's (select), say what they
show (judge) and put it in words (wording). Each module uses only those before it in that order;
tests/test_layers.py keeps it so."""
