"""The Django layer: stored plans, figures with history, roles and approval.

Business logic lives in each app's services.py; the core (catalog, assess,
outlook) never imports anything from here.
"""
