"""The stored shapes: what a command saves and the store reads back, one module per record kind.

Low in the layers: these modules import only `core/` (and pydantic), so `records/` can parse rows
into them without knowing the features that make them.
"""
