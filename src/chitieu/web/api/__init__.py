"""The REST API under /api/v1/: django-ninja routers over the same services as the web.

One NinjaAPI (api.py) mounts a router per noun; every error leaves as an RFC 9457 problem
(problems.py); a client signs in with a personal token (tokens.py) or, for the browsable
page, with its web session.
"""
