"""footback.plan.build."""
