"""The daily loop, one module per concern: the check-in (checkin, checkin_flow, signs), progress
(progress: the pure verdicts; practice: the session aggregates; progress_service: the reading),
reminders (remind: the slots; reminders: the calendar file; ics) and what is due (due)."""
