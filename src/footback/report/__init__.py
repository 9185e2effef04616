"""footback.report.build."""
