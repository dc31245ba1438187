"""Reading: plans, indicators and targets, localities, figures and their history,
assessments, outlook, coherence checks and tasks (one router module per noun)."""

from __future__ import annotations

from ninja import Router

from chitieu.web.api import catalogue, coherence, figures_read, results

router = Router()
router.add_router("/", catalogue.router)
router.add_router("/", figures_read.router)
router.add_router("/", results.router)
router.add_router("/", coherence.router)
