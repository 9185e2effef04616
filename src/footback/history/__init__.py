"""`footback history`: what is stored, read by the service (service.py) into its shapes (model.py)
and drawn by render.py."""
