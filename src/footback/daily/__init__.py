"""The daily loop: check-in, progress, plan levels, reminders and what is due."""
