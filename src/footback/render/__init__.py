"""Drawing helpers the features' screens share: hanging-indent text, the question flows' console
screen and the checklist question. Built on rich; `core/` and `content/` stay free of it."""
